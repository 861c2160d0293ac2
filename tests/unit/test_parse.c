/*
 * test_parse.c -- parse_long, one table: what is a number in range, what
 * is refused (junk before or after, empty, out of range, past long), and
 * that a refusal leaves *out and errno alone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>

#include "forms/parse.h"

struct vec {
	const char *s;
	long min, max;
	int rc;
	long want;      /* *out when rc is 0 */
};

static void test_table(void **state)
{
	static const struct vec v[] = {
		{ "0", 0, 65535, 0, 0 },
		{ "8443", 0, 65535, 0, 8443 },
		{ "65535", 0, 65535, 0, 65535 },
		{ "65536", 0, 65535, -1, 0 },
		{ "-1", 0, 65535, -1, 0 },
		{ "+12", 0, 100, 0, 12 },
		{ "-12", -100, 100, 0, -12 },
		{ "007", 0, 100, 0, 7 },
		{ "-0", 0, 100, 0, 0 },
		{ "1", 1, 1, 0, 1 },
		{ "", 0, 100, -1, 0 },
		{ "+", 0, 100, -1, 0 },
		{ "-", -100, 100, -1, 0 },
		{ "12x", 0, 100, -1, 0 },
		{ "1 ", 0, 100, -1, 0 },
		{ " 1", 0, 100, -1, 0 },
		{ "\t1", 0, 100, -1, 0 },
		{ "1\n", 0, 100, -1, 0 },
		{ "0x10", 0, 100, -1, 0 },
		{ "1e3", 0, 10000, -1, 0 },
		{ "1.5", 0, 100, -1, 0 },
		{ "++1", 0, 100, -1, 0 },
		{ "+-1", -100, 100, -1, 0 },
		{ "1,000", 0, 10000, -1, 0 },
		{ "١٢", 0, 100, -1, 0 },             /* Arabic-Indic digits */
		{ "１２", 0, 100, -1, 0 },            /* full-width digits */
		{ "9223372036854775807", 0, LONG_MAX, 0, LONG_MAX },
		{ "9223372036854775808", 0, LONG_MAX, -1, 0 },
		{ "-9223372036854775808", LONG_MIN, 0, 0, LONG_MIN },
		{ "-9223372036854775809", LONG_MIN, 0, -1, 0 },
		{ "99999999999999999999999", 0, LONG_MAX, -1, 0 },
		{ "5", 10, 1, -1, 0 },                /* min > max */
		{ NULL, 0, 100, -1, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		long out = 4242;
		int rc;

		errno = EINTR;
		rc = parse_long(&out, v[i].s, v[i].min, v[i].max);
		if (rc != v[i].rc)
			fail_msg("\"%s\" in %ld..%ld: got %d want %d",
			    v[i].s ? v[i].s : "(null)", v[i].min, v[i].max, rc,
			    v[i].rc);
		assert_int_equal(out, rc == 0 ? v[i].want : 4242);
		assert_int_equal(errno, EINTR);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
