/*
 * deadline.c -- the 300-day activation rule (seed 004).
 *
 * Counted in calendar days on day numbers, so leap days count like any
 * other day; the deadline day itself is still in time.
 */
#include "forms/deadline.h"

struct date deadline_of(struct date received)
{
	return date_add_days(received, DEADLINE_DAYS);
}

long deadline_days_left(struct date received, struct date today)
{
	return date_diff(deadline_of(received), today);
}
