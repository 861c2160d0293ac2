/*
 * sim_people.c -- the insured people and their cards as the service holds
 * them: an ID number made from the data set, a person found by number or
 * by reference, a card among a person's, the medical function's state as
 * reported today, and both as the JSON of docs/api.md, which GET
 * /v1/persons/{person_id} answers.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "forms/deadline.h"
#include "forms/idnum.h"
#include "sim/sim_internal.h"

/* The 18-character number of region + birth date + sequence. */
void
sim_make_number(char out[IDNUM_LEN + 1], const char *region, int y, int m,
    int d, int seq)
{
	char tail[16];

	memcpy(out, region, 6);
	snprintf(tail, sizeof tail, "%04d%02d%02d%03d", y % 10000, m % 100,
	    d % 100, seq % 1000);
	memcpy(out + 6, tail, 11);
	out[17] = '\0';
	out[17] = idnum_check_char(out);
	out[18] = '\0';
}

struct sim_person *
sim_person_by_number(struct sim *s, const char *number)
{
	for (size_t i = 0; i < s->npeople; i++)
		if (strcmp(s->people[i].number, number) == 0)
			return &s->people[i];
	return NULL;
}

struct sim_person *
sim_person_by_id(struct sim *s, const char *id)
{
	for (size_t i = 0; i < s->npeople; i++)
		if (strcmp(s->people[i].d->person_id, id) == 0)
			return &s->people[i];
	return NULL;
}

/* The medical function as the service reports it today.  Past the
 * deadline without the financial function (or with it enabled only after
 * the deadline), the SS application stays reported lost until the loss
 * report is cancelled at the counter (seed 004). */
const char *
sim_card_ss(const struct sim *s, const struct sim_card *c)
{
	if (c->ss_active)
		return "active";
	if ((!c->fin_active || c->fin_late) && !c->loss_cancelled &&
	    deadline_days_left(c->received, s->opts.today) < 0)
		return "reported_lost";
	return "inactive";
}

cJSON *
sim_card_json(const struct sim *s, const struct sim_card *c)
{
	char rec[DATE_STR], dl[DATE_STR];
	cJSON *o = cJSON_CreateObject();

	if (o == NULL)
		return NULL;
	date_format(rec, c->received);
	date_format(dl, deadline_of(c->received));
	if (cJSON_AddStringToObject(o, "card_id", c->d->card_id) == NULL ||
	    cJSON_AddStringToObject(o, "number_masked",
	    c->d->number_masked) == NULL ||
	    cJSON_AddStringToObject(o, "bank", c->d->bank) == NULL ||
	    cJSON_AddStringToObject(o, "state",
	    c->lost ? "lost" : "normal") == NULL ||
	    cJSON_AddStringToObject(o, "ss", sim_card_ss(s, c)) == NULL ||
	    cJSON_AddStringToObject(o, "fin",
	    c->fin_active ? "active" : "inactive") == NULL ||
	    cJSON_AddStringToObject(o, "received_on", rec) == NULL ||
	    cJSON_AddStringToObject(o, "deadline", dl) == NULL) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static void
sim_mask_phone(char out[16], const char *phone)
{
	size_t n = strlen(phone);

	if (n < 8) {
		out[0] = '\0';
		return;
	}
	snprintf(out, 16, "%.3s****%s", phone, phone + n - 4);
}

cJSON *
sim_person_json(const struct sim *s, const struct sim_person *p)
{
	char birth[DATE_STR], asof[DATE_STR], phone[16];
	cJSON *o = cJSON_CreateObject(), *cards;

	if (o == NULL)
		return NULL;
	date_format(birth, p->birth);
	date_format(asof, s->opts.today);
	sim_mask_phone(phone, p->phone);
	if (cJSON_AddStringToObject(o, "person_id", p->d->person_id) == NULL ||
	    cJSON_AddStringToObject(o, "name", p->d->name) == NULL ||
	    cJSON_AddStringToObject(o, "id_number_masked", p->masked) == NULL ||
	    cJSON_AddStringToObject(o, "birth_date", birth) == NULL ||
	    cJSON_AddStringToObject(o, "sex",
	    p->d->seq % 2 ? "male" : "female") == NULL ||
	    cJSON_AddStringToObject(o, "phone_masked", phone) == NULL ||
	    cJSON_AddStringToObject(o, "as_of", asof) == NULL ||
	    (cards = cJSON_AddArrayToObject(o, "cards")) == NULL)
		goto fail;
	for (size_t i = 0; i < p->ncards; i++) {
		cJSON *c = sim_card_json(s, &p->cards[i]);

		if (c == NULL || !cJSON_AddItemToArray(cards, c)) {
			cJSON_Delete(c);
			goto fail;
		}
	}
	return o;
fail:
	cJSON_Delete(o);
	return NULL;
}

struct sim_card *
sim_card_of(struct sim_person *p, const char *card_id)
{
	for (size_t i = 0; i < p->ncards; i++)
		if (strcmp(p->cards[i].d->card_id, card_id) == 0)
			return &p->cards[i];
	return NULL;
}

int
sim_h_person(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *id = sim_route_segment(req);
	struct sim_person *p;
	char buf[SIM_PATH_MAX];
	size_t n = strcspn(id, "?");

	(void)ss;
	snprintf(buf, sizeof buf, "%.*s", (int)n, id);
	p = sim_person_by_id(s, buf);
	if (p == NULL)
		return sim_fail(a, 404, "unknown_person", NULL,
		    "No insured person has this reference. Do the identity "
		    "check again.");
	a->json = sim_person_json(s, p);
	return a->json ? 200 : sim_oom(a);
}
