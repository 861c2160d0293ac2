/*
 * sim_rules.c -- the services' rules (forms/service.c, service_may) as the
 * service applies them: the simulator's card seen as the terminal's
 * struct card, and each reason a refusal in the one error shape
 * (docs/api.md), told as forms/service.c words it for the terminal too.  The terminal applies the same rule
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
	const struct service_refusal *r;
	enum service_no no;
	struct service_case sc = { .person = &view, .face_passed = face_passed,
	    .today = s->opts.today };

	memset(&view, 0, sizeof view);
	for (size_t i = 0; p != NULL && i < p->ncards && i < CARDS_MAX; i++)
		sim_card_view(s, &p->cards[i], &view.cards[view.ncards++]);
	if (c != NULL) {
		sim_card_view(s, c, &k);
		sc.card = &k;
	}
	no = service_may(id, &sc);
	if (no == SERVICE_MAY)
		return 0;
	if (no == SERVICE_NO_CARD_CHOSEN)
		return sim_bad_request(a, "card_id");
	if (no == SERVICE_DEADLINE_PASSED)
		return sim_rule_deadline(c, a);
	if ((r = service_refusal(no, id)) == NULL || r->text == NULL)
		return sim_oom(a);
	return sim_fail(a, r->status, r->code, r->field, r->text);
}
