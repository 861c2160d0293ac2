/*
 * test_idnum.c -- GB 11643 numbers: whole numbers, prefixes while typing,
 * masking.  "Today" is fixed at 2025-06-15 so the vectors do not age.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "forms/idnum.h"

static const struct date today = { 2025, 6, 15 };

static void test_parse_table(void **state)
{
	static const struct { const char *in; enum idnum_err err; } cases[] = {
		{ "11010519491231002X", IDNUM_OK },
		{ "440524188001010014", IDNUM_OK },
		{ "11010519491231002x", IDNUM_OK },      /* normalised */
		{ "310104198001010033", IDNUM_OK },
		{ "110105194912310021", IDNUM_CHECK },
		{ "440524188001010015", IDNUM_CHECK },
		{ "11010519491231002", IDNUM_SHORT },    /* 17 */
		{ "11010519491231002X1", IDNUM_LONG },   /* 19 */
		{ "1101051949123100211", IDNUM_LONG },
		{ "1101051949A231002X", IDNUM_CHAR },    /* letter inside */
		{ "110105194912310X2X", IDNUM_CHAR },
		{ "11010519491231002Y", IDNUM_CHAR },
		{ "X10105194912310021", IDNUM_CHAR },
		{ "830104198001010035", IDNUM_REGION },  /* 83 is no province */
		{ "000104198001010035", IDNUM_REGION },
		{ "110105202302300016", IDNUM_BIRTH },   /* Feb 30 */
		{ "110105200002290013", IDNUM_OK },      /* Feb 29, 2000 leap */
		{ "11010520240229002X", IDNUM_OK },      /* Feb 29, 2024 leap */
		{ "110105190002290017", IDNUM_BIRTH },   /* 1900 not leap */
		{ "110105202302290014", IDNUM_BIRTH },   /* 2023 not leap */
		{ "110105202601010019", IDNUM_FUTURE },  /* after today */
		{ "110105202506150013", IDNUM_OK },      /* born today */
		{ "", IDNUM_EMPTY },
		{ "   ", IDNUM_EMPTY },
		{ "11010519491231002X  ", IDNUM_OK },    /* trailing blanks */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum idnum_err e = idnum_parse(NULL, cases[i].in, today);

		if (e != cases[i].err)
			fail_msg("%s: got %d, want %d", cases[i].in, e, cases[i].err);
	}
}

static void test_parse_fields(void **state)
{
	struct idnum id;

	(void)state;
	assert_int_equal(idnum_parse(&id, "11010519491231002x", today), IDNUM_OK);
	assert_string_equal(id.number, "11010519491231002X");
	assert_int_equal(id.birth.y, 1949);
	assert_int_equal(id.birth.m, 12);
	assert_int_equal(id.birth.d, 31);
	assert_int_equal(id.sex, IDNUM_FEMALE);
	assert_string_equal(id.province, "Beijing");
	assert_int_equal(id.expected_check, 'X');

	assert_int_equal(idnum_parse(&id, "440524188001010014", today), IDNUM_OK);
	assert_int_equal(id.sex, IDNUM_MALE);
	assert_string_equal(id.province, "Guangdong");
	assert_int_equal(id.birth.y, 1880);
}

static void test_check_char(void **state)
{
	(void)state;
	assert_int_equal(idnum_check_char("11010519491231002"), 'X');
	assert_int_equal(idnum_check_char("44052418800101001"), '4');
	assert_int_equal(idnum_check_char("1101051949123100A"), 0);
	assert_int_equal(idnum_check_char("1101"), 0);
}

/* What the screen can show at each length while the clerk types. */
static void test_inspect_prefixes(void **state)
{
	static const struct {
		const char *in;
		enum idnum_err err;
		bool prov, birth, sex;
	} cases[] = {
		{ "1", IDNUM_SHORT, false, false, false },
		{ "8", IDNUM_SHORT, false, false, false },
		{ "83", IDNUM_REGION, false, false, false },
		{ "11", IDNUM_SHORT, true, false, false },
		{ "1a", IDNUM_CHAR, false, false, false },
		{ "11x", IDNUM_CHAR, false, false, false },
		{ "1101051949123", IDNUM_SHORT, true, false, false },
		{ "11010519491231", IDNUM_SHORT, true, true, false },
		{ "11010519491332", IDNUM_BIRTH, true, false, false },
		{ "11010520230230", IDNUM_BIRTH, true, false, false },
		{ "11010520300101", IDNUM_FUTURE, true, true, false },
		{ "1101051949123100", IDNUM_SHORT, true, true, false },
		{ "11010519491231002", IDNUM_SHORT, true, true, true },
		{ "1101051949123100A", IDNUM_CHAR, false, false, false },
		{ "110105194912310021", IDNUM_CHECK, true, true, true },
		{ "11010519491231002X", IDNUM_OK, true, true, true },
		{ "11010519491231002X0", IDNUM_LONG, true, true, true },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct idnum_partial p;

		idnum_inspect(&p, cases[i].in, today);
		if (p.err != cases[i].err || p.has_province != cases[i].prov ||
		    p.has_birth != cases[i].birth || p.has_sex != cases[i].sex)
			fail_msg("%s: err %d prov %d birth %d sex %d", cases[i].in,
			    p.err, p.has_province, p.has_birth, p.has_sex);
	}
}

static void test_inspect_details(void **state)
{
	struct idnum_partial p;

	(void)state;
	idnum_inspect(&p, "11010519491231002", today);
	assert_string_equal(p.province, "Beijing");
	assert_int_equal(p.birth.y, 1949);
	assert_int_equal(p.sex, IDNUM_FEMALE);
	assert_int_equal(p.expected_check, 'X');

	idnum_inspect(&p, "110105194912310021", today);
	assert_int_equal(p.err, IDNUM_CHECK);
	assert_int_equal(p.expected_check, 'X');
}

static void test_mask(void **state)
{
	char out[IDNUM_MASKED_LEN + 1];

	(void)state;
	idnum_mask(out, "11010519491231002X");
	assert_string_equal(out, "110105********002X");
	idnum_mask(out, "11010519491231002x");
	assert_string_equal(out, "110105********002X");
	idnum_mask(out, "1101051949");
	assert_string_equal(out, "**********");
	idnum_mask(out, "11010519491231002X99999");
	assert_string_equal(out, "******************");
	idnum_mask(out, "");
	assert_string_equal(out, "");
	idnum_mask(out, NULL);
	assert_string_equal(out, "");
	/* 18 bytes that are not a number: six CJK characters would be cut
	 * mid-character, and show what was typed. */
	idnum_mask(out, "\xE5\xBC\xA0\xE4\xBC\x9F\xE5\xBC\xA0\xE4\xBC\x9F\xE5\xBC\xA0\xE4\xBC\x9F");
	assert_string_equal(out, "******************");
	idnum_mask(out, "110105 9491231002X");
	assert_string_equal(out, "******************");
}

static void test_strerror(void **state)
{
	(void)state;
	assert_string_equal(idnum_strerror(IDNUM_CHECK),
	    "The check character is wrong: check the number against the ID card.");
	for (int e = IDNUM_OK; e <= IDNUM_CHECK; e++) {
		const char *s = idnum_strerror((enum idnum_err)e);

		assert_non_null(s);
		assert_true(strlen(s) > 10);
		assert_int_equal(s[strlen(s) - 1], '.');
	}
}

static void test_province(void **state)
{
	static const char *const good[] = { "11", "15", "21", "23", "31", "37",
		"41", "46", "50", "54", "61", "65", "71", "81", "82" };
	static const char *const bad[] = { "10", "16", "20", "24", "30", "38",
		"40", "47", "49", "55", "60", "66", "70", "72", "80", "83", "91", "1" };
	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_non_null(idnum_province(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_null(idnum_province(bad[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_parse_fields),
		cmocka_unit_test(test_check_char),
		cmocka_unit_test(test_inspect_prefixes),
		cmocka_unit_test(test_inspect_details),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_province),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
