/*
 * services.c -- the table of services after the identity check, and the
 * pre-checks that decide whether one may start for the chosen card.
 */
#include "tui/services.h"

#include <stdio.h>

#include "forms/deadline.h"
#include "forms/i18n.h"
#include "tui/screens.h"
#include "tui/deleg.h"

void
person_notice(struct app *app, enum app_msg_kind kind, const char *text)
{
	app->notice_kind = kind;
	snprintf(app->notice, sizeof app->notice, "%s", text);
	app->dirty = true;
}

/* Medical-insurance account activation (seed 001).  The client's own
 * pre-check; the service checks again. */
static void
service_medical(struct app *app)
{
	const struct card *c = app_card(app);
	char text[APP_MSG_MAX];

	if (c == NULL) {
		person_notice(app, APP_MSG_WARN, _("Choose a card first."));
		return;
	}
	if (c->state == CARD_LOST) {
		person_notice(app, APP_MSG_WARN, _("This card was reported lost "
		    "by its holder; it cannot be activated. Apply for a "
		    "replacement card."));
		return;
	}
	if (c->ss == FN_ACTIVE) {
		person_notice(app, APP_MSG_INFO, _("The medical function of "
		    "this card is already active. Nothing to do."));
		return;
	}
	if (c->ss == FN_REPORTED_LOST || (c->fin != FN_ACTIVE &&
	    deadline_days_left(c->received_on,
	    app->identity.person.as_of) < 0)) {
		app_deadline_remedy(text, sizeof text, c);
		person_notice(app, APP_MSG_WARN, text);
		return;
	}
	app->notice[0] = '\0';
	app_goto(app, &screen_medical);
}

const struct service services[] = {
	{ N_("Activate medical-insurance account"), true, NULL,
	    service_medical },
	{ N_("Act for an insured (POA)"), false, NULL, service_poa_start },
	{ N_("Register a newborn"), false, NULL, service_newborn_start },
};
const int nservices = (int)(sizeof services / sizeof services[0]);
