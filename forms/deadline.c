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

struct date deadline_applied(struct date received, struct date service)
{
	return service.y != 0 ? service : deadline_of(received);
}

bool deadline_differs(struct date received, struct date service)
{
	return service.y != 0 && date_cmp(service, deadline_of(received)) != 0;
}

long deadline_days_to(struct date received, struct date service,
    struct date today)
{
	return date_diff(deadline_applied(received, service), today);
}
