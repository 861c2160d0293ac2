/*
 * deadline.h -- the 300-day activation rule (seed 004).
 *
 * A card must have its financial application enabled within 300 days of
 * the day it was received, otherwise its social-security application is
 * reported lost.  The deadline day itself is still in time.
 */
#ifndef SSDESK_DEADLINE_H
#define SSDESK_DEADLINE_H

#include <stdbool.h>

#include "forms/date.h"

#define DEADLINE_DAYS 300
#define DEADLINE_WARN_DAYS 30 /* fewer days left than this: warn the clerk */

struct date deadline_of(struct date received);
/* Days from today to the deadline: 0 on the day, negative once past. */
long deadline_days_left(struct date received, struct date today);

/*
 * The deadline the rules are applied with is the central service's
 * (docs/api.md, Card): service, as its answer gave it, or received + 300
 * days if it gave none (y == 0).  deadline_differs() says the service's
 * date is not received + 300 days, which the clerk is told.
 */
struct date deadline_applied(struct date received, struct date service);
bool deadline_differs(struct date received, struct date service);
/* Days from today to deadline_applied(): 0 on the day, negative past. */
long deadline_days_to(struct date received, struct date service,
    struct date today);

#endif
