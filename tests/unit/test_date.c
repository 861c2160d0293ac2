/*
 * test_date.c -- civil dates, day numbers and the 300-day deadline.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "forms/date.h"
#include "forms/deadline.h"

static struct date D(int y, int m, int d)
{
	struct date r = { y, m, d };
	return r;
}

static void test_valid(void **state)
{
	static const struct { int y, m, d; bool ok; } cases[] = {
		{ 2024, 2, 29, true }, { 2023, 2, 29, false },
		{ 2000, 2, 29, true }, { 1900, 2, 29, false },
		{ 2100, 2, 29, false }, { 2024, 2, 30, false },
		{ 2024, 4, 31, false }, { 2024, 12, 31, true },
		{ 2024, 13, 1, false }, { 2024, 0, 1, false },
		{ 2024, 1, 0, false }, { 1800, 1, 1, true },
		{ 1799, 12, 31, false }, { 9999, 12, 31, true },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(date_valid(cases[i].y, cases[i].m, cases[i].d),
		    cases[i].ok);
}

static void test_parse_format(void **state)
{
	static const struct { const char *in; int rc; int y, m, d; } cases[] = {
		{ "2031-05-01", 0, 2031, 5, 1 },
		{ "20310501", 0, 2031, 5, 1 },
		{ "2024-02-29", 0, 2024, 2, 29 },
		{ "2023-02-29", -1, 0, 0, 0 },
		{ "2031-5-1", -1, 0, 0, 0 },
		{ "2031/05/01", -1, 0, 0, 0 },
		{ " 20310501", -1, 0, 0, 0 },
		{ "2031050", -1, 0, 0, 0 },
		{ "", -1, 0, 0, 0 },
		{ "abcdefgh", -1, 0, 0, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date d = { 0, 0, 0 };
		char buf[DATE_STR];

		assert_int_equal(date_parse(&d, cases[i].in), cases[i].rc);
		if (cases[i].rc == 0) {
			assert_int_equal(d.y, cases[i].y);
			assert_int_equal(d.m, cases[i].m);
			assert_int_equal(d.d, cases[i].d);
			date_format(buf, d);
			assert_int_equal(date_parse(&d, buf), 0);
			assert_int_equal(d.d, cases[i].d);
		}
	}
}

static void test_days(void **state)
{
	(void)state;
	assert_int_equal(date_to_days(D(1970, 1, 1)), 0);
	assert_int_equal(date_to_days(D(1970, 1, 2)), 1);
	assert_int_equal(date_to_days(D(1969, 12, 31)), -1);
	assert_int_equal(date_to_days(D(2000, 3, 1)), 11017);
	assert_int_equal(date_to_days(D(1800, 1, 1)), -62091);
	/* Round trip every day from 1800 to 2400. */
	for (long n = -62091; n < 157000; n++) {
		struct date d = date_from_days(n);

		assert_true(date_valid(d.y, d.m, d.d));
		assert_int_equal(date_to_days(d), n);
	}
}

static void test_leap_diff(void **state)
{
	(void)state;
	assert_int_equal(date_diff(D(1900, 3, 1), D(1900, 2, 28)), 1);
	assert_int_equal(date_diff(D(2000, 3, 1), D(2000, 2, 28)), 2);
	assert_int_equal(date_diff(D(2024, 3, 1), D(2024, 2, 28)), 2);
	assert_int_equal(date_diff(D(2025, 1, 1), D(2024, 1, 1)), 366);
	assert_int_equal(date_diff(D(2024, 1, 1), D(2023, 1, 1)), 365);
	assert_int_equal(date_diff(D(2023, 1, 1), D(2024, 1, 1)), -365);

	struct date d = date_add_days(D(2024, 2, 28), 1);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 29);
	d = date_add_days(D(2023, 2, 28), 1);
	assert_int_equal(d.m, 3);
	assert_int_equal(d.d, 1);

	assert_true(date_cmp(D(2024, 1, 1), D(2024, 1, 2)) < 0);
	assert_true(date_cmp(D(2024, 2, 1), D(2024, 1, 2)) > 0);
	assert_int_equal(date_cmp(D(2024, 2, 1), D(2024, 2, 1)), 0);
}

static void test_format(void **state)
{
	char buf[DATE_STR];

	(void)state;
	date_format(buf, D(1949, 12, 31));
	assert_string_equal(buf, "1949-12-31");
}

static void test_today(void **state)
{
	struct date d;

	(void)state;
	assert_int_equal(date_today(&d), 0);
	assert_true(date_valid(d.y, d.m, d.d));
	assert_true(d.y >= 2024);
}

static void test_deadline(void **state)
{
	struct date rec = D(2025, 1, 10);
	struct date dl = deadline_of(rec);

	(void)state;
	assert_int_equal(date_diff(dl, rec), 300);
	assert_int_equal(deadline_days_left(rec, date_add_days(rec, 299)), 1);
	assert_int_equal(deadline_days_left(rec, date_add_days(rec, 300)), 0);
	assert_int_equal(deadline_days_left(rec, date_add_days(rec, 301)), -1);
	assert_int_equal(deadline_days_left(rec, rec), 300);

	/* Across 2024-02-29: 2023-06-01 + 300 days is 2024-03-27. */
	dl = deadline_of(D(2023, 6, 1));
	assert_int_equal(dl.y, 2024);
	assert_int_equal(dl.m, 3);
	assert_int_equal(dl.d, 27);
	assert_int_equal(deadline_days_left(D(2023, 6, 1), D(2024, 2, 29)), 27);
	assert_int_equal(deadline_days_left(D(2023, 6, 1), D(2024, 3, 27)), 0);
	/* The same span without a leap day ends a day later in the calendar. */
	dl = deadline_of(D(2022, 6, 1));
	assert_int_equal(dl.m, 3);
	assert_int_equal(dl.d, 28);
	/* Received on a leap day. */
	dl = deadline_of(D(2024, 2, 29));
	assert_int_equal(dl.y, 2024);
	assert_int_equal(dl.m, 12);
	assert_int_equal(dl.d, 25);
}

/* The service's deadline is the one applied; the terminal's own count
 * only says whether the clerk is told it differs. */
static void test_deadline_applied(void **state)
{
	struct date rec = D(2026, 7, 25), own = D(2027, 5, 21);
	struct date later = D(2027, 5, 31), today = D(2026, 11, 22);
	struct date none = { 0, 0, 0 };

	(void)state;
	assert_int_equal(date_cmp(deadline_applied(rec, own), own), 0);
	assert_int_equal(date_cmp(deadline_applied(rec, later), later), 0);
	assert_int_equal(date_cmp(deadline_applied(rec, none), own), 0);
	assert_false(deadline_differs(rec, own));
	assert_true(deadline_differs(rec, later));
	assert_true(deadline_differs(rec, D(2027, 5, 20)));
	assert_false(deadline_differs(rec, none));
	assert_int_equal(deadline_days_to(rec, own, today), 180);
	assert_int_equal(deadline_days_to(rec, later, today), 190);
	assert_int_equal(deadline_days_to(rec, none, today), 180);
	/* Past by the terminal's count, still in time by the service's. */
	assert_int_equal(deadline_days_to(rec, later, D(2027, 5, 25)), 6);
	assert_int_equal(deadline_days_to(rec, own, D(2027, 5, 25)), -4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_parse_format),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_leap_diff),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_today),
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_deadline_applied),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
