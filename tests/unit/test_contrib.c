/*
 * test_contrib.c -- fen shown as yuan.fen, and the type words.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "forms/contrib.h"

static void test_yuan(void **state)
{
	static const struct { long fen; const char *s; } v[] = {
		{ 0, "0.00" }, { 5, "0.05" }, { 99, "0.99" }, { 100, "1.00" },
		{ 138240, "1,382.40" }, { 99999, "999.99" },
		{ 100000, "1,000.00" }, { 123456789, "1,234,567.89" },
		{ -5, "-0.05" }, { -138240, "-1,382.40" },
		{ LONG_MIN, "-92,233,720,368,547,758.08" },
	};
	char out[48];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		contrib_yuan(out, sizeof out, v[i].fen);
		assert_string_equal(out, v[i].s);
	}
}

static void test_types(void **state)
{
	(void)state;
	assert_string_equal(contrib_type_words[CONTRIB_WORK_INJURY],
	    "work_injury");
	assert_null(contrib_type_words[CONTRIB_NTYPES]);
	assert_string_equal(contrib_type_name(CONTRIB_PENSION), "Pension");
	assert_string_equal(contrib_type_name(CONTRIB_NTYPES), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yuan),
		cmocka_unit_test(test_types),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
