/*
 * services.c -- the table of services after the identity check, and the
 * pre-checks that decide whether one may start for the chosen card.
 */
#include "tui/services.h"

#include <stdio.h>
#include <string.h>

#include "forms/deadline.h"
#include "forms/i18n.h"
#include "forms/service.h"
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

/* The rule of the service (forms/service.c) for the chosen card: true if
 * it may start, else the clerk's reason on the person screen. */
static bool
service_allowed(struct app *app, enum service_id id)
{
	const char *face = app->idform.def != NULL ?
	    form_get_key(&app->idform, "face") : NULL;
	struct service_case c = {
		.person = &app->identity.person,
		.card = app_card(app),
		.face_passed = face != NULL && strcmp(face, "pass") == 0,
		.today = app->identity.person.as_of,
	};
	char text[APP_MSG_MAX];
	enum service_no no = service_may(id, &c);

	switch (no) {
	case SERVICE_MAY:
		app->notice[0] = '\0';
		return true;
	case SERVICE_NO_CARD_CHOSEN:
		person_notice(app, APP_MSG_WARN, _("Choose a card first."));
		break;
	case SERVICE_CARD_LOST:
		person_notice(app, APP_MSG_WARN, _("This card was reported lost "
		    "by its holder; it cannot be used or activated. Apply for a "
		    "replacement card (report lost & replace)."));
		break;
	case SERVICE_ALREADY_ACTIVE:
		person_notice(app, APP_MSG_INFO, id == SERVICE_MEDICAL ?
		    _("The medical function of this card is already active. "
		    "Nothing to do.") : _("The financial function of this card "
		    "is already active. Nothing to do."));
		break;
	case SERVICE_DEADLINE_PASSED:
		app_deadline_remedy(text, sizeof text, c.card);
		person_notice(app, APP_MSG_WARN, text);
		break;
	case SERVICE_FACE_REQUIRED:
		person_notice(app, APP_MSG_WARN, _("A PIN is reset only for the "
		    "cardholder in person, after a face recognition that passed "
		    "(code face_required). Do the identity check again."));
		break;
	case SERVICE_NOT_REPORTED_LOST:
		person_notice(app, APP_MSG_INFO, _("The social-security "
		    "application of this card is not reported lost. Nothing to "
		    "cancel."));
		break;
	case SERVICE_CARD_IN_USE:
		person_notice(app, APP_MSG_INFO, _("The applicant already has a "
		    "card in use. For a lost card, report it lost and apply for "
		    "a replacement."));
		break;
	case SERVICE_FIN_NOT_ACTIVE:
		/* The remedy's flow starts at step 1 then. */
		app->notice[0] = '\0';
		return true;
	}
	return false;
}

/* Medical-insurance account activation (seed 001).  The client's own
 * pre-check; the service checks again. */
static void
service_medical(struct app *app)
{
	if (service_allowed(app, SERVICE_MEDICAL))
		app_goto(app, &screen_medical);
}

/* PIN reset (seed 000): the cardholder in person, face recognition
 * passed, and a sealing key configured for this terminal. */
static void
service_pin(struct app *app)
{
	const struct card *c = app_card(app);

	if (!service_allowed(app, SERVICE_PIN_RESET))
		return;
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
	const struct card *c = app_card(app);

	if (!service_allowed(app, SERVICE_FINANCIAL))
		return;
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
	if (service_allowed(app, SERVICE_CANCEL_LOSS))
		card_svc_start(app, CS_REMEDY);
}

static void
service_replace(struct app *app)
{
	if (service_allowed(app, SERVICE_REPLACEMENT))
		card_svc_start(app, CS_REPLACE);
}

/* A first card: only for a person with no card in use. */
static bool
service_new_shown(const struct app *app)
{
	struct service_case c = { .person = &app->identity.person };

	return service_may(SERVICE_NEW_CARD, &c) == SERVICE_MAY;
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
