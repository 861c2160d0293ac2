/*
 * test_check.c -- names, UnionPay cards (Luhn), mobile numbers and the
 * ID card's end date.  "Today" is fixed at 2025-06-15.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "forms/check.h"

static const struct date today = { 2025, 6, 15 };

static void test_name(void **state)
{
	static const struct { const char *in; enum check_err err; } cases[] = {
		{ "\xE5\xBC\xA0\xE4\xBC\x9F", CHECK_OK },                       /* 张伟 */
		{ "\xE6\xAC\xA7\xE9\x98\xB3\xE5\xA8\x9C\xE5\xA8\x9C", CHECK_OK }, /* 欧阳娜娜 */
		/* 阿依古丽·买买提 with U+00B7 and with U+30FB */
		{ "\xE9\x98\xBF\xE4\xBE\x9D\xE5\x8F\xA4\xE4\xB8\xBD\xC2\xB7"
		  "\xE4\xB9\xB0\xE4\xB9\xB0\xE6\x8F\x90", CHECK_OK },
		{ "\xE9\x98\xBF\xE4\xBE\x9D\xE5\x8F\xA4\xE4\xB8\xBD\xE3\x83\xBB"
		  "\xE4\xB9\xB0\xE4\xB9\xB0\xE6\x8F\x90", CHECK_OK },
		/* the look-alike dots the service accepts (docs/api.md) */
		{ "\xE9\x98\xBF\xE4\xBE\x9D\xE2\x80\xA2\xE4\xB9\xB0", CHECK_OK }, /* U+2022 */
		{ "\xE9\x98\xBF\xE4\xBE\x9D\xE2\x80\xA7\xE4\xB9\xB0", CHECK_OK }, /* U+2027 */
		{ "\xE9\x98\xBF\xE4\xBE\x9D\xEF\xBD\xA5\xE4\xB9\xB0", CHECK_OK }, /* U+FF65 */
		{ "\xE9\x98\xBF\xE4\xBE\x9D.\xE4\xB9\xB0", CHECK_OK },
		{ "John Smith", CHECK_OK },
		{ "Jos\xC3\xA9", CHECK_OK },                                      /* José */
		{ "", CHECK_EMPTY },
		{ "   ", CHECK_EMPTY },
		{ "\xE5\xBC\xA0" "3", CHECK_NAME_DIGIT },
		{ "\xE5\xBC\xA0\xEF\xBC\x93", CHECK_NAME_DIGIT },                 /* full-width 3 */
		{ "\xE5\xBC\xA0\x1b[31m", CHECK_NAME_CONTROL },
		{ "ab\tc", CHECK_NAME_CONTROL },
		{ "\xE5\xBC\xA0\xE2\x80\xAE\xE4\xBC\x9F", CHECK_NAME_CONTROL },   /* U+202E */
		{ "\xE5\xBC\xA0\xE2\x80\x8B\xE4\xBC\x9F", CHECK_NAME_CONTROL },   /* U+200B */
		{ "\xE5\xBC\xA0\xFF", CHECK_NAME_INVALID },
		{ "\xE5\xBC", CHECK_NAME_INVALID },
		{ "Smith, John", CHECK_NAME_INVALID },
		{ "\xF0\x9F\x98\x80", CHECK_NAME_INVALID },                        /* emoji */
		/* 40 columns: 20 CJK characters is fine, 21 is not. */
		{ "\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0"
		  "\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0"
		  "\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0"
		  "\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0", CHECK_OK },
		{ "\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0"
		  "\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0"
		  "\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0"
		  "\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0\xE5\xBC\xA0"
		  "\xE5\xBC\xA0", CHECK_NAME_TOO_LONG },
		{ "Abcdefghij Abcdefghij Abcdefghij Abcdefg", CHECK_OK },          /* 40 */
		{ "Abcdefghij Abcdefghij Abcdefghij Abcdefgh", CHECK_NAME_TOO_LONG },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum check_err e = check_name(cases[i].in);

		if (e != cases[i].err)
			fail_msg("case %zu: got %d, want %d", i, e, cases[i].err);
	}
}

/* The register's name and the typed one: byte for byte, the middle dot
 * and its look-alikes alike (the service's rule, and the terminal's for
 * the name it answers with). */
static void test_name_matches(void **state)
{
	static const char reg[] = "\xE9\x98\xBF\xE4\xBE\x9D\xC2\xB7\xE4\xB9\xB0";
	static const char *const same[] = {
		"\xE9\x98\xBF\xE4\xBE\x9D\xC2\xB7\xE4\xB9\xB0",
		"\xE9\x98\xBF\xE4\xBE\x9D\xE2\x80\xA2\xE4\xB9\xB0",
		"\xE9\x98\xBF\xE4\xBE\x9D\xE2\x80\xA7\xE4\xB9\xB0",
		"\xE9\x98\xBF\xE4\xBE\x9D\xE3\x83\xBB\xE4\xB9\xB0",
		"\xE9\x98\xBF\xE4\xBE\x9D\xEF\xBD\xA5\xE4\xB9\xB0",
		"\xE9\x98\xBF\xE4\xBE\x9D.\xE4\xB9\xB0",
	};
	(void)state;
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		assert_true(check_name_matches(reg, same[i]));
	assert_false(check_name_matches(reg, "\xE9\x98\xBF\xE4\xBE\x9D\xE4\xB9\xB0"));
	assert_false(check_name_matches(reg, "\xE9\x98\xBF\xE4\xBE\x9D\xC2\xB7"));
	assert_false(check_name_matches("\xE5\xBC\xA0\xE4\xBC\x9F",
	    "\xE5\xBC\xA0\xE4\xBC\x9F\xE5\x86\xAF"));
	assert_true(check_name_matches("", ""));
	assert_false(check_name_matches(NULL, ""));
}

static void test_luhn(void **state)
{
	static const struct { const char *in; bool ok; } cases[] = {
		{ "79927398713", true },
		{ "79927398710", false },
		{ "6222020200112230", true },
		{ "6222020200112231", false },
		{ "6228480012345678903", true },
		{ "6228480012345678913", false },
		{ "6225880123456783", true },
		{ "6217001234567890122", true },
		{ "6217001234567890123", false },
		{ "6222020200112233445", false },  /* the API's example card */
		{ "0", true },
		{ "", false },
		{ "12a", false },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (check_luhn(cases[i].in) != cases[i].ok)
			fail_msg("%s", cases[i].in);
}

static void test_bankcard(void **state)
{
	static const struct { const char *in; enum check_err err; } cases[] = {
		{ "6222020200112230", CHECK_OK },            /* 16 */
		{ "6228480012345678903", CHECK_OK },         /* 19 */
		{ "6222020200112231", CHECK_CARD_LUHN },
		{ "6222020200112233445", CHECK_CARD_LUHN },
		{ "6228480012345678913", CHECK_CARD_LUHN },
		{ "", CHECK_EMPTY },
		{ "6222 0202 0011 2230", CHECK_CARD_NONDIGIT },
		{ "6222-0202", CHECK_CARD_NONDIGIT },
		{ "622202020011223", CHECK_CARD_LENGTH },   /* 15 */
		{ "62284800123456789030", CHECK_CARD_LENGTH }, /* 20 */
		{ "4111111111111111", CHECK_CARD_IIN },
		{ "6011111111111117", CHECK_CARD_IIN },
		{ "5", CHECK_CARD_IIN },
		{ "6", CHECK_CARD_LENGTH },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum check_err e = check_bankcard(cases[i].in);

		if (e != cases[i].err)
			fail_msg("%s: got %d, want %d", cases[i].in, e, cases[i].err);
	}
}

static void test_bankcard_mask(void **state)
{
	char out[BANKCARD_MASKED_MAX];

	(void)state;
	check_bankcard_mask(out, "6228480012345678903");
	assert_string_equal(out, "6228 **** **** 8903");
	check_bankcard_mask(out, "6222020200112230");
	assert_string_equal(out, "6222 **** **** 2230");
	check_bankcard_mask(out, "6222");
	assert_null(strstr(out, "6222"));
}

static void test_mobile(void **state)
{
	static const struct { const char *in; enum check_err err; } cases[] = {
		{ "13800000001", CHECK_OK },
		{ "19912345678", CHECK_OK },
		{ "", CHECK_EMPTY },
		{ "12800000001", CHECK_MOBILE_FORMAT },
		{ "23800000001", CHECK_MOBILE_FORMAT },
		{ "1380000000", CHECK_MOBILE_FORMAT },
		{ "138000000011", CHECK_MOBILE_FORMAT },
		{ "1380000000a", CHECK_MOBILE_FORMAT },
		{ "138 0000 0001", CHECK_MOBILE_FORMAT },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(check_mobile(cases[i].in), cases[i].err);
}

static void test_validity(void **state)
{
	static const struct {
		const char *in;
		enum check_err err;
		bool long_term;
		int y, m, d;
	} cases[] = {
		{ "2031-05-01", CHECK_OK, false, 2031, 5, 1 },
		{ "20310501", CHECK_OK, false, 2031, 5, 1 },
		{ "2025-06-15", CHECK_OK, false, 2025, 6, 15 },      /* the last day */
		{ "2025-06-14", CHECK_VALIDITY_EXPIRED, false, 2025, 6, 14 },
		{ "20200101", CHECK_VALIDITY_EXPIRED, false, 2020, 1, 1 },
		{ "long-term", CHECK_OK, true, 0, 0, 0 },
		{ "Long-Term", CHECK_OK, true, 0, 0, 0 },
		{ "L", CHECK_OK, true, 0, 0, 0 },
		{ "l", CHECK_OK, true, 0, 0, 0 },
		{ "\xE9\x95\xBF\xE6\x9C\x9F", CHECK_OK, true, 0, 0, 0 }, /* 长期 */
		{ "", CHECK_EMPTY, false, 0, 0, 0 },
		{ "2031-02-30", CHECK_VALIDITY_FORMAT, false, 0, 0, 0 },
		{ "2031/05/01", CHECK_VALIDITY_FORMAT, false, 0, 0, 0 },
		{ "long", CHECK_VALIDITY_FORMAT, false, 0, 0, 0 },
		{ "forever", CHECK_VALIDITY_FORMAT, false, 0, 0, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool lt = true;
		struct date until = { 0, 0, 0 };
		enum check_err e = check_validity(cases[i].in, today, &lt, &until);

		if (e != cases[i].err)
			fail_msg("%s: got %d, want %d", cases[i].in, e, cases[i].err);
		assert_int_equal(lt, cases[i].long_term);
		if (cases[i].y != 0) {
			assert_int_equal(until.y, cases[i].y);
			assert_int_equal(until.m, cases[i].m);
			assert_int_equal(until.d, cases[i].d);
		}
	}
	/* The out-parameters are optional. */
	assert_int_equal(check_validity("L", today, NULL, NULL), CHECK_OK);
}

static void test_strerror(void **state)
{
	(void)state;
	assert_string_equal(check_strerror(CHECK_CARD_LUHN),
	    "The card number fails its check digit. Re-enter it to confirm, or correct it.");
	for (int e = CHECK_OK; e <= CHECK_VALIDITY_EXPIRED; e++)
		assert_true(strlen(check_strerror((enum check_err)e)) > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_name_matches),
		cmocka_unit_test(test_luhn),
		cmocka_unit_test(test_bankcard),
		cmocka_unit_test(test_bankcard_mask),
		cmocka_unit_test(test_mobile),
		cmocka_unit_test(test_validity),
		cmocka_unit_test(test_strerror),
	};

	/* check_name must not depend on the locale: run it under "C". */
	setlocale(LC_CTYPE, "C");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
