/*
 * date.c -- civil dates as plain (y, m, d) triples and day numbers.
 *
 * Day numbers come from Howard Hinnant's days_from_civil / civil_from_days,
 * which are exact for the whole proleptic Gregorian calendar and need no
 * tables; everything else (adding, differences) is done on day numbers.
 * Only date_today() looks at the clock.
 */
#include "forms/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

bool date_valid(int y, int m, int d)
{
	if (y < 1800 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= days_in_month(y, m);
}

/* n ASCII digits at s as a number, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse(struct date *out, const char *s)
{
	struct date d;
	size_t len;

	if (s == NULL)
		return -1;
	len = strlen(s);
	if (len == 10 && s[4] == '-' && s[7] == '-') {
		d.y = digits(s, 4);
		d.m = digits(s + 5, 2);
		d.d = digits(s + 8, 2);
	} else if (len == 8) {
		d.y = digits(s, 4);
		d.m = digits(s + 4, 2);
		d.d = digits(s + 6, 2);
	} else {
		return -1;
	}
	if (!date_valid(d.y, d.m, d.d))
		return -1;
	if (out != NULL)
		*out = d;
	return 0;
}

void date_format(char out[DATE_STR], struct date d)
{
	/* Clamp so the output always fits, even for a date that was never valid. */
	int y = d.y < 0 ? 0 : d.y > 9999 ? 9999 : d.y;
	int m = d.m < 0 ? 0 : d.m > 99 ? 99 : d.m;
	int dd = d.d < 0 ? 0 : d.d > 99 ? 99 : d.d;

	snprintf(out, DATE_STR, "%04d-%02d-%02d", y, m, dd);
}

long date_to_days(struct date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (d.m > 2 ? d.m - 3 : d.m + 9) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date date_from_days(long days)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date r;

	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

struct date date_add_days(struct date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

long date_diff(struct date a, struct date b)
{
	return date_to_days(a) - date_to_days(b);
}

int date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int date_today(struct date *out)
{
	time_t now = time(NULL);
	struct tm tm;

	if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL)
		return -1;
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
	return 0;
}
