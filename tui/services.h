/*
 * services.h -- the services offered on the person screen, one table.
 *
 * Once the identity check has passed, the person screen lists every
 * service whose shown() is true for the signed-in staff and the person,
 * numbered 1-9 in table order.  A digit or Enter on the highlighted one
 * calls start(): it makes the client's own pre-checks (the service checks
 * again) and either puts a notice on the person screen (person_notice())
 * or goes to the service's first screen.  A new service is one row here
 * and its screens; nothing else in the person screen changes.
 */
#ifndef SSDESK_SERVICES_H
#define SSDESK_SERVICES_H

#include <stdbool.h>

#include "tui/app.h"

struct service {
	const char *label;         /* N_(), at most 33 columns: two columns at 80x24 */
	bool needs_card;           /* acts on the card chosen above */
	/* NULL: always offered. */
	bool (*shown)(const struct app *app);
	void (*start)(struct app *app);
};

extern const struct service services[];
extern const int nservices;

/* The notice under the services (a refusal and its remedy). */
void person_notice(struct app *app, enum app_msg_kind kind, const char *text);

#endif
