/*
 * service.c -- the counter's services and their rules (see service.h).
 */
#include "forms/service.h"

#include <string.h>

#include "forms/deadline.h"
#include "forms/person.h"
#include "forms/i18n.h"

#define W SERVICE_WRITES
#define O SERVICE_OUTBOX

static const struct service_def service_defs[SERVICE_N] = {
	[SERVICE_MEDICAL] = { "medical-activation", "MA",
	    N_("Activate medical insurance"), N_("medical activation"),
	    N_("Medical-insurance account activation"),
	    W | O | SERVICE_DELEGABLE | SERVICE_NEEDS_CARD },
	[SERVICE_PIN_RESET] = { "pin-reset", "PR",
	    N_("Reset card PIN"), N_("PIN reset"), N_("Card PIN reset"),
	    W | SERVICE_NEEDS_CARD | SERVICE_NEEDS_FACE },
	[SERVICE_FINANCIAL] = { "financial-activation", "FA",
	    N_("Activate financial function"), N_("financial activation"),
	    N_("Financial function activation"),
	    W | O | SERVICE_DELEGABLE | SERVICE_NEEDS_CARD },
	[SERVICE_CANCEL_LOSS] = { "cancel-loss", "CL",
	    N_("Cancel loss (300-day remedy)"),
	    N_("cancellation of the loss report"),
	    N_("Loss report cancelled (300-day remedy)"),
	    W | O | SERVICE_NEEDS_CARD },
	[SERVICE_REPLACEMENT] = { "card-replacement", "CR",
	    N_("Report lost & replace card"), N_("replacement card"),
	    N_("Card reported lost and replaced"),
	    W | O | SERVICE_NEEDS_CARD | SERVICE_ON_LOST },
	[SERVICE_NEW_CARD] = { "new-card", "NC",
	    N_("New card (first application)"), N_("new card"),
	    N_("New card (first application)"),
	    W | O | SERVICE_NO_CARD },
	[SERVICE_QUERY] = { "query", "",
	    N_("Card status & contributions"), N_("query"),
	    N_("Card status and contributions"), 0 },
	[SERVICE_DELEGATED] = { "delegated-activation", "DA",
	    N_("Act for an insured (POA)"), N_("delegated activation"),
	    N_("Activation under a power of attorney"), W | O },
	[SERVICE_NEWBORN] = { "newborn-registration", "NB",
	    N_("Register a newborn"), N_("newborn registration"),
	    N_("Newborn registration"), W | O },
	[SERVICE_DECISION] = { "decision", "",
	    N_("Approval queue"), N_("decision"),
	    N_("Supervisor's decision"), W | O },
	[SERVICE_LOSS_REPORT] = { "loss-report", "LR",
	    N_("Report card lost (temporary)"), N_("temporary loss report"),
	    N_("Card reported lost (temporary)"), W | O | SERVICE_NEEDS_CARD },
	[SERVICE_LOSS_LIFT] = { "loss-lift", "LL",
	    N_("Lift the loss report"), N_("lifting of the loss report"),
	    N_("Loss report lifted"),
	    W | O | SERVICE_NEEDS_CARD | SERVICE_ON_LOST },
};

#undef W
#undef O

const struct service_def *
service_def(enum service_id id)
{
	return (unsigned)id < SERVICE_N ? &service_defs[id] : NULL;
}

enum service_id
service_of(const char *wire)
{
	for (int i = 0; wire != NULL && i < SERVICE_N; i++)
		if (strcmp(wire, service_defs[i].wire) == 0)
			return (enum service_id)i;
	return SERVICE_UNKNOWN;
}

const char *
service_wire(enum service_id id)
{
	const struct service_def *d = service_def(id);

	return d != NULL ? d->wire : "";
}

bool
service_has(enum service_id id, unsigned flag)
{
	const struct service_def *d = service_def(id);

	return d != NULL && (d->flags & flag) != 0;
}

/* ---- the rules -------------------------------------------------------- */

/* Whether the person has a card: a lost one too, which is replaced (or
 * its loss report lifted), never applied for anew. */
static bool
service_card_in_use(const struct person *p)
{
	return p != NULL && p->ncards > 0;
}

/* Past the deadline with the financial function not active: the social
 * security application is (or is about to be) reported lost. */
static bool
service_past_deadline(const struct card *k, struct date today)
{
	return k->ss == FN_REPORTED_LOST || (k->fin != FN_ACTIVE &&
	    deadline_days_to(k->received_on, k->deadline, today) < 0);
}

/* The rules of the services that act on a usable card, or on a lost
 * one (SERVICE_ON_LOST). */
static enum service_no
service_card_rule(enum service_id id, const struct service_case *c)
{
	const struct card *k = c->card;

	switch (id) {
	case SERVICE_MEDICAL:
		if (k->ss == FN_ACTIVE)
			return SERVICE_ALREADY_ACTIVE;
		return service_past_deadline(k, c->today) ?
		    SERVICE_DEADLINE_PASSED : SERVICE_MAY;
	case SERVICE_PIN_RESET:
		return c->face_passed ? SERVICE_MAY : SERVICE_FACE_REQUIRED;
	case SERVICE_FINANCIAL:
		return k->fin == FN_ACTIVE ? SERVICE_ALREADY_ACTIVE :
		    SERVICE_MAY;
	case SERVICE_LOSS_LIFT:
		return k->state == CARD_LOST ? SERVICE_MAY :
		    SERVICE_CARD_NOT_LOST;
	case SERVICE_CANCEL_LOSS:
		if (k->ss != FN_REPORTED_LOST)
			return SERVICE_NOT_REPORTED_LOST;
		return k->fin == FN_ACTIVE ? SERVICE_MAY :
		    SERVICE_FIN_NOT_ACTIVE;
	default:
		return SERVICE_MAY;
	}
}

enum service_no
service_may(enum service_id id, const struct service_case *c)
{
	const struct card *k = c->card;

	if (service_has(id, SERVICE_NO_CARD))
		return service_card_in_use(c->person) ? SERVICE_CARD_IN_USE :
		    SERVICE_MAY;
	if (!service_has(id, SERVICE_NEEDS_CARD))
		return SERVICE_MAY;
	if (k == NULL)
		return SERVICE_NO_CARD_CHOSEN;
	if (k->state == CARD_LOST && !service_has(id, SERVICE_ON_LOST))
		return SERVICE_CARD_LOST;
	return service_card_rule(id, c);
}

/* ---- how a reason is told ------------------------------------------- */

static const struct service_refusal service_refusals[] = {
	[SERVICE_NO_CARD_CHOSEN] = { "bad_request", 400, "card_id",
	    N_("Choose a card first."), false },
	[SERVICE_CARD_LOST] = { "card_lost", 422, "card_id",
	    N_("This card was reported lost by its holder; it cannot be used "
	    "or activated. Apply for a replacement card (report lost & "
	    "replace), or lift the loss report if the holder found it."),
	    false },
	[SERVICE_ALREADY_ACTIVE] = { "already_active", 409, "card_id",
	    N_("The medical function of this card is already active. Nothing "
	    "to do."), true },
	[SERVICE_DEADLINE_PASSED] = { "deadline_passed", 422, "card_id",
	    NULL, false },
	[SERVICE_FACE_REQUIRED] = { "face_required", 422, "face",
	    N_("A PIN is reset only for the cardholder in person, after a face "
	    "recognition that passed (code face_required). Do the identity "
	    "check again."), false },
	[SERVICE_FIN_NOT_ACTIVE] = { "financial_not_active", 422, "card_id",
	    N_("The loss report can be cancelled only once the financial "
	    "function is active. Step 1: activate the financial function "
	    "first."), false },
	[SERVICE_NOT_REPORTED_LOST] = { "not_reported_lost", 409, "card_id",
	    N_("The social-security application of this card is not reported "
	    "lost. Nothing to cancel."), true },
	[SERVICE_CARD_IN_USE] = { "card_exists", 409, NULL,
	    N_("The applicant already has a card. For a lost card, report it "
	    "lost and apply for a replacement."), true },
	[SERVICE_CARD_NOT_LOST] = { "not_lost", 409, "card_id",
	    N_("This card is not reported lost. Nothing to lift."), true },
};

/* The one reason whose sentence depends on the service. */
static const struct service_refusal service_fin_active = {
	"already_active", 409, "card_id",
	N_("The financial function of this card is already active. Nothing "
	"to do."), true,
};

const struct service_refusal *
service_refusal(enum service_no no, enum service_id id)
{
	size_t n = sizeof service_refusals / sizeof service_refusals[0];

	if (no == SERVICE_ALREADY_ACTIVE && id == SERVICE_FINANCIAL)
		return &service_fin_active;
	if (no == SERVICE_MAY || (size_t)no >= n ||
	    service_refusals[no].code == NULL)
		return NULL;
	return &service_refusals[no];
}

const struct service_refusal *
service_refusal_of(const char *code)
{
	for (size_t i = 0; code != NULL && i < sizeof service_refusals /
	    sizeof service_refusals[0]; i++)
		if (service_refusals[i].code != NULL &&
		    service_refusals[i].status != 400 &&
		    strcmp(code, service_refusals[i].code) == 0)
			return &service_refusals[i];
	return NULL;
}

bool
service_refusal_code(const char *code)
{
	return service_refusal_of(code) != NULL;
}
