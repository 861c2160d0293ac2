/*
 * date.h -- civil dates without time zones.
 *
 * Rules take "today" as an argument; nothing in forms/ reads the clock
 * except date_today(), which only main() calls.
 */
#ifndef SSDESK_DATE_H
#define SSDESK_DATE_H

#include <stdbool.h>

struct date {
	int y, m, d;
};

#define DATE_STR 11 /* "YYYY-MM-DD" and its NUL */

/* True if y-m-d is a day of the proleptic Gregorian calendar, 1800..9999. */
bool date_valid(int y, int m, int d);

/* Parse "YYYY-MM-DD" or "YYYYMMDD" (exactly, no spaces); 0 or -1. */
int date_parse(struct date *out, const char *s);

/* Write "YYYY-MM-DD" into out (DATE_STR bytes). */
void date_format(char out[DATE_STR], struct date d);

/* Days since 1970-01-01; and back. */
long date_to_days(struct date d);
struct date date_from_days(long days);

struct date date_add_days(struct date d, long n);
/* a - b in days. */
long date_diff(struct date a, struct date b);
int date_cmp(struct date a, struct date b);

/* The local calendar date now; -1 if the clock cannot be read. */
int date_today(struct date *out);

#endif
