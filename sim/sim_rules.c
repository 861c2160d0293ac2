/*
 * sim_rules.c -- the services' rules (forms/service.c, service_may) as the
 * service applies them: the simulator's card seen as the terminal's
 * struct card, and each reason a refusal of its own, in the one error
 * shape (docs/api.md), worded once.  The terminal applies the same rule
 * before it offers a service; this is where the service says no anyway.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "forms/deadline.h"
#include "forms/person.h"
#include "sim/sim_internal.h"

void
sim_card_view(const struct sim *s, const struct sim_card *c, struct card *k)
{
	const char *ss = sim_card_ss(s, c);

	memset(k, 0, sizeof *k);
	snprintf(k->card_id, sizeof k->card_id, "%s", c->d->card_id);
	k->state = c->lost ? CARD_LOST : CARD_NORMAL;
	k->ss = strcmp(ss, "active") == 0 ? FN_ACTIVE :
	    strcmp(ss, "reported_lost") == 0 ? FN_REPORTED_LOST : FN_INACTIVE;
	k->fin = c->fin_active ? FN_ACTIVE : FN_INACTIVE;
	k->received_on = c->received;
	k->deadline = deadline_of(c->received);
}

/* The 300-day refusal, with the day it passed and the card's bank. */
static int
sim_rule_deadline(const struct sim_card *c, struct sim_answer *a)
{
	char dl[DATE_STR], text[512];

	date_format(dl, deadline_of(c->received));
	snprintf(text, sizeof text, "The 300-day deadline passed on %s and "
	    "the social-security application was reported lost. The "
	    "applicant must first enable the financial application at %s, "
	    "then come back to cancel the loss report at the counter.", dl,
	    c->d->bank);
	return sim_fail(a, 422, "deadline_passed", "card_id", text);
}

int
sim_rule(const struct sim *s, enum service_id id, const struct sim_person *p,
    const struct sim_card *c, bool face_passed, struct sim_answer *a)
{
	struct person view;
	struct card k;
	struct service_case sc = { .person = &view, .face_passed = face_passed,
	    .today = s->opts.today };

	memset(&view, 0, sizeof view);
	for (size_t i = 0; p != NULL && i < p->ncards && i < CARDS_MAX; i++)
		sim_card_view(s, &p->cards[i], &view.cards[view.ncards++]);
	if (c != NULL) {
		sim_card_view(s, c, &k);
		sc.card = &k;
	}
	switch (service_may(id, &sc)) {
	case SERVICE_MAY:
		return 0;
	case SERVICE_NO_CARD_CHOSEN:
		return sim_bad_request(a, "card_id");
	case SERVICE_CARD_LOST:
		return sim_fail(a, 422, "card_lost", "card_id", "This card was "
		    "reported lost. Apply for a replacement card with the ID "
		    "card.");
	case SERVICE_ALREADY_ACTIVE:
		return sim_fail(a, 409, "already_active", "card_id",
		    id == SERVICE_MEDICAL ? "The medical function of this card "
		    "is already active. Nothing needs to be done." :
		    "The financial function of this card is already active. "
		    "Nothing needs to be done.");
	case SERVICE_DEADLINE_PASSED:
		return sim_rule_deadline(c, a);
	case SERVICE_FACE_REQUIRED:
		return sim_fail(a, 422, "face_required", "face", "A PIN is reset "
		    "only for the cardholder in person, after a face "
		    "recognition that passed. Do the identity check again with "
		    "the face recognition.");
	case SERVICE_FIN_NOT_ACTIVE:
		return sim_fail(a, 422, "financial_not_active", "card_id",
		    "The loss report can be cancelled only once the financial "
		    "function is active. Step 1: activate the financial "
		    "function first.");
	case SERVICE_NOT_REPORTED_LOST:
		return sim_fail(a, 409, "not_reported_lost", "card_id", "The "
		    "social-security application of this card is not reported "
		    "lost. Nothing needs to be done.");
	case SERVICE_CARD_IN_USE:
		return sim_fail(a, 409, "card_exists", NULL, "The applicant "
		    "already has a card in use. For a lost card, apply for a "
		    "replacement.");
	}
	return sim_oom(a);
}
