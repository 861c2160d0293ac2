/*
 * test_mask.c -- the one rule that hides the middle of a personal number:
 * a number whole or already masked gives the same masked form, anything
 * not of the shape shows none of itself, and the output never runs past
 * its buffer; a name keeps its first character only.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "forms/idnum.h"
#include "forms/mask.h"

static void test_card(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "A0****017", "A0****017" },       /* as the service masks it */
		{ "A01234017", "A0****017" },       /* as it forgot to */
		{ "B0****250", "B0****250" },
		{ "6222020200112233446", "62**************446" },
		{ "A0 1234017", "**********" },     /* a blank: not of the shape */
		{ "A0-123-017", "**********" },
		{ "\xE5\xBC\xA0\xE4\xBC\x9F", "******" }, /* CJK: never cut */
		{ "A0123", "*****" },               /* too short to show ends */
		{ "", "" },
		{ NULL, "" },
		{ "A012345678901234567890123", "********************" },
	};
	char out[MASK_CARD_MAX + 1];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		mask_card_number(out, sizeof out, cases[i].in);
		assert_string_equal(out, cases[i].out);
	}
}

static void test_phone(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "138****0001", "138****0001" },
		{ "13800000001", "138****0001" },
		{ "+8613800000001", "***********" "***" }, /* '+' not of the shape */
		{ "8613800000001", "861******0001" },
		{ "1380001", "*******" },         /* only its ends: shown as stars */
		{ "138 0000 0001", "*************" },
		{ "", "" },
	};
	char out[MASK_PHONE_MAX + 1];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		mask_phone(out, sizeof out, cases[i].in);
		assert_string_equal(out, cases[i].out);
	}
}

static void test_id_number(void **state)
{
	char out[IDNUM_MASKED_LEN + 1];

	idnum_mask(out, "110105198503120135");
	assert_string_equal(out, "110105********0135");
	idnum_mask(out, "110105********0135");
	assert_string_equal(out, "110105********0135");
	idnum_mask(out, "110105123456780135");
	assert_string_equal(out, "110105********0135");
	idnum_mask(out, "11010519491231002x");
	assert_string_equal(out, "110105********002X");
	/* Masked more than the rule asks: nothing more is shown. */
	idnum_mask(out, "******************");
	assert_string_equal(out, "******************");
	idnum_mask(out, "110105********01");
	assert_string_equal(out, "****************");
}

/* A buffer smaller than the shape: cut, stars only, terminated. */
static void test_small_buffer(void **state)
{
	char out[8];

	memset(out, 'z', sizeof out);
	assert_int_equal(mask_ends(out, sizeof out, "110105198503120135", 18,
	    18, 6, 4), 7);
	assert_string_equal(out, "*******");
	assert_int_equal(mask_ends(out, 0, "x", 1, 1, 0, 0), 0);
	assert_int_equal(out[0], '*');
}

static void test_name_mask(void **state)
{
	char out[64];

	(void)state;
	name_mask(out, sizeof out, "孙丽");
	assert_string_equal(out, "孙*");
	name_mask(out, sizeof out, "阿依古丽·买买提");
	assert_string_equal(out, "阿*******");
	name_mask(out, sizeof out, "马");
	assert_string_equal(out, "马");
	name_mask(out, 4, "欧阳娜娜");
	assert_string_equal(out, "欧");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_card),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_id_number),
		cmocka_unit_test(test_small_buffer),
		cmocka_unit_test(test_name_mask),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
