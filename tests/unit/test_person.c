/*
 * test_person.c -- the rule that the person the service answers with is
 * the one typed at the identity check (name, the birth date and sex the
 * number encodes, the masked number), the clerk's sentence when it is
 * not, and its words for the audit log.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "forms/person.h"

#define ZHANG "\xE5\xBC\xA0\xE4\xBC\x9F"                  /* 张伟 */
#define ID "110105198503120135"

static struct person
zhang(void)
{
	struct person p;

	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "%s", ZHANG);
	snprintf(p.id_masked, sizeof p.id_masked, "110105********0135");
	p.birth = (struct date){ 1985, 3, 12 };
	p.sex = SEX_MALE;
	return p;
}

static void test_match(void **state)
{
	struct person p = zhang();

	(void)state;
	assert_int_equal(person_mismatch(&p, ID, ZHANG), 0);
	/* Masked more than the rule asks: nothing to contradict. */
	snprintf(p.id_masked, sizeof p.id_masked, "******************");
	assert_int_equal(person_mismatch(&p, ID, ZHANG), 0);
	/* x or X, either side. */
	p = zhang();
	snprintf(p.id_masked, sizeof p.id_masked, "110105********002X");
	p.birth = (struct date){ 1949, 12, 31 };
	p.sex = SEX_FEMALE;
	assert_int_equal(person_mismatch(&p, "11010519491231002x", ZHANG), 0);
	/* A minority name's middle dot as a look-alike: the same name. */
	snprintf(p.name, sizeof p.name, "%s",
	    "\xE9\x98\xBF\xE4\xBE\x9D\xC2\xB7\xE4\xB9\xB0");
	assert_int_equal(person_mismatch(&p, "11010519491231002X",
	    "\xE9\x98\xBF\xE4\xBE\x9D.\xE4\xB9\xB0"), 0);
}

static void test_each_contradiction(void **state)
{
	struct person p;

	(void)state;
	p = zhang();
	snprintf(p.name, sizeof p.name, "\xE7\x8E\x8B\xE4\xBA\x94"); /* 王五 */
	assert_int_equal(person_mismatch(&p, ID, ZHANG), PERSON_DIFF_NAME);
	p = zhang();
	p.birth.d = 13;
	assert_int_equal(person_mismatch(&p, ID, ZHANG), PERSON_DIFF_BIRTH);
	p = zhang();
	p.sex = SEX_FEMALE;
	assert_int_equal(person_mismatch(&p, ID, ZHANG), PERSON_DIFF_SEX);
	p = zhang();
	p.id_masked[0] = '6';
	assert_int_equal(person_mismatch(&p, ID, ZHANG), PERSON_DIFF_NUMBER);
	p = zhang();
	snprintf(p.id_masked, sizeof p.id_masked, "110105********0136");
	assert_int_equal(person_mismatch(&p, ID, ZHANG), PERSON_DIFF_NUMBER);
	p = zhang();
	snprintf(p.id_masked, sizeof p.id_masked, "110105******0135");
	assert_int_equal(person_mismatch(&p, ID, ZHANG), PERSON_DIFF_NUMBER);
	/* A typed number that cannot be read confirms nothing. */
	p = zhang();
	assert_int_equal(person_mismatch(&p, "1101051985031201", ZHANG),
	    PERSON_DIFF_BIRTH | PERSON_DIFF_SEX | PERSON_DIFF_NUMBER);
	assert_int_equal(person_mismatch(&p, NULL, NULL), PERSON_DIFF_NAME |
	    PERSON_DIFF_BIRTH | PERSON_DIFF_SEX | PERSON_DIFF_NUMBER);
}

static void test_text_and_words(void **state)
{
	struct person p = zhang();
	unsigned all = PERSON_DIFF_NAME | PERSON_DIFF_BIRTH | PERSON_DIFF_SEX |
	    PERSON_DIFF_NUMBER;
	char out[512], words[64];

	(void)state;
	snprintf(p.name, sizeof p.name, "\x1b[2J\x1b]0;owned\x07"
	    "\xE7\x8E\x8B\xE4\xBA\x94"
	    "\xE5\x86\xAF\xE5\x86\xAF\xE5\x86\xAF\xE5\x86\xAF\xE5\x86\xAF"
	    "\xE5\x86\xAF\xE5\x86\xAF\xE5\x86\xAF\xE5\x86\xAF\xE5\x86\xAF"
	    "\xE5\x86\xAF\xE5\x86\xAF");
	snprintf(p.id_masked, sizeof p.id_masked, "650102********0135");
	p.birth = (struct date){ 1970, 1, 1 };
	p.sex = SEX_FEMALE;
	person_mismatch_text(out, sizeof out, all, &p);
	assert_non_null(strstr(out, "The service's answer does not match the "
	    "ID number typed: it gives name \xE7\x8E\x8B\xE4\xBA\x94"));
	assert_non_null(strstr(out, "~, birth date 1970-01-01, sex female, "
	    "ID number 650102********0135. Do not continue; call the help "
	    "desk."));
	assert_null(strstr(out, "\x1b"));
	assert_null(strstr(out, "owned"));
	person_mismatch_text(out, sizeof out, PERSON_DIFF_SEX, &p);
	assert_non_null(strstr(out, "it gives sex female."));
	person_mismatch_words(words, sizeof words, all);
	assert_string_equal(words, "name,birth,sex,number");
	person_mismatch_words(words, sizeof words, PERSON_DIFF_NUMBER);
	assert_string_equal(words, "number");
	person_mismatch_words(words, sizeof words, 0);
	assert_string_equal(words, "");
}

/* One word for each sex, every screen's (and the mismatch sentence's). */
static void test_sex_name(void **state)
{
	assert_string_equal(person_sex_name(SEX_MALE), "male");
	assert_string_equal(person_sex_name(SEX_FEMALE), "female");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_each_contradiction),
		cmocka_unit_test(test_text_and_words),
		cmocka_unit_test(test_sex_name),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
