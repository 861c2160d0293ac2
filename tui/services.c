/*
 * services.c -- the table of services after the identity check, and the
 * pre-checks that decide whether one may start for the chosen card.
 */
#include "tui/services.h"

#include <stdio.h>
#include <string.h>

#include "forms/deadline.h"
#include "forms/i18n.h"
#include "tui/card_svc.h"
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
	    deadline_days_to(c->received_on, c->deadline,
	    app->identity.person.as_of) < 0)) {
		app_deadline_remedy(text, sizeof text, c);
		person_notice(app, APP_MSG_WARN, text);
		return;
	}
	app->notice[0] = '\0';
	app_goto(app, &screen_medical);
}

/* ---- card services (tui/card_svc.h) --------------------------------- */

/* The chosen card if a card service may act on it, else NULL with the
 * reason on the person screen.  lost_ok: a lost card is what it is for. */
static const struct card *
service_card(struct app *app, bool lost_ok)
{
	const struct card *c = app_card(app);

	if (c == NULL) {
		person_notice(app, APP_MSG_WARN, _("Choose a card first."));
		return NULL;
	}
	if (!lost_ok && c->state == CARD_LOST) {
		person_notice(app, APP_MSG_WARN, _("This card was reported lost "
		    "by its holder; it cannot be used or activated. Apply for a "
		    "replacement card (report lost & replace)."));
		return NULL;
	}
	return c;
}

/* PIN reset (seed 000): the cardholder in person, face recognition
 * passed, and a sealing key configured for this terminal. */
static void
service_pin(struct app *app)
{
	const struct card *c = service_card(app, false);
	const char *face;

	if (c == NULL)
		return;
	face = app->idform.def != NULL ?
	    form_get_key(&app->idform, "face") : NULL;
	if (face == NULL || strcmp(face, "pass") != 0) {
		person_notice(app, APP_MSG_WARN, _("A PIN is reset only for the "
		    "cardholder in person, after a face recognition that passed "
		    "(code face_required). Do the identity check again."));
		return;
	}
	if (!app->seal.set) {
		person_notice(app, APP_MSG_ERROR, _("This terminal has no PIN "
		    "sealing key configured (--seal-key), so it cannot send a "
		    "PIN. Call the help desk."));
		return;
	}
	pin_flow_start(app, c->card_id, c->number_masked);
}

static void
service_financial(struct app *app)
{
	const struct card *c = service_card(app, false);

	if (c == NULL)
		return;
	if (c->fin == FN_ACTIVE) {
		person_notice(app, APP_MSG_INFO, _("The financial function of "
		    "this card is already active. Nothing to do."));
		return;
	}
	/* Past the deadline the financial function is step 1 of the remedy:
	 * the guided flow goes on to step 2 by itself. */
	card_svc_start(app, c->ss == FN_REPORTED_LOST ? CS_REMEDY :
	    CS_FINANCIAL);
}

/* The seed-004 remedy: step 1 financial (unless already active), step 2
 * cancel the loss report.  The service refuses step 2 before step 1
 * (financial_not_active); this flow never asks it out of order. */
static void
service_remedy(struct app *app)
{
	const struct card *c = service_card(app, false);

	if (c == NULL)
		return;
	if (c->ss != FN_REPORTED_LOST) {
		person_notice(app, APP_MSG_INFO, _("The social-security "
		    "application of this card is not reported lost. Nothing to "
		    "cancel."));
		return;
	}
	card_svc_start(app, CS_REMEDY);
}

static void
service_replace(struct app *app)
{
	if (service_card(app, true) != NULL)
		card_svc_start(app, CS_REPLACE);
}

/* A first card: only for a person with no card in use. */
static bool
service_new_shown(const struct app *app)
{
	const struct person *p = &app->identity.person;

	for (size_t i = 0; i < p->ncards && i < CARDS_MAX; i++)
		if (p->cards[i].state != CARD_LOST)
			return false;
	return true;
}

static void
service_new_card(struct app *app)
{
	card_svc_start(app, CS_NEW_CARD);
}

/* Everything that acts on a card needs one. */
static bool
service_has_cards(const struct app *app)
{
	return app->identity.person.ncards > 0;
}

const struct service services[] = {
	{ N_("Activate medical insurance"), true, NULL,
	    service_medical },
	{ N_("Reset card PIN"), true, service_has_cards, service_pin },
	{ N_("Activate financial function"), true, service_has_cards,
	    service_financial },
	{ N_("Cancel loss (300-day remedy)"), true, service_has_cards,
	    service_remedy },
	{ N_("Report lost & replace card"), true, service_has_cards,
	    service_replace },
	{ N_("New card (first application)"), false, service_new_shown,
	    service_new_card },
	{ N_("Card status & contributions"), false, NULL, query_start },
	{ N_("Act for an insured (POA)"), false, NULL, service_poa_start },
	{ N_("Register a newborn"), false, NULL, service_newborn_start },
};
const int nservices = (int)(sizeof services / sizeof services[0]);
