/*
 * deadline.h -- the 300-day activation rule (seed 004).
 *
 * A card must have its financial application enabled within 300 days of
 * the day it was received, otherwise its social-security application is
 * reported lost.  The deadline day itself is still in time.
 */
#ifndef SSDESK_DEADLINE_H
#define SSDESK_DEADLINE_H

#include "forms/date.h"

#define DEADLINE_DAYS 300
#define DEADLINE_WARN_DAYS 30 /* fewer days left than this: warn the clerk */

struct date deadline_of(struct date received);
/* Days from today to the deadline: 0 on the day, negative once past. */
long deadline_days_left(struct date received, struct date today);

#endif
