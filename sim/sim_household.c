/*
 * sim_household.c -- the household register and the newborn registration
 * from it (seeds 000, 003).
 *
 * GET /v1/households/{register_no} gives the record: its members, their
 * relation to the householder, birth dates, masked ID numbers, who holds
 * a card, and each child's parents or guardians.  POST
 * /v1/applications/newborn registers a child of the record for the parent
 * whose identity check it cites: the rules are forms/newborn.c's
 * newborn_check(), the same the terminal runs.  One application gives
 * three results: the first card application, the medical-insurance
 * enrolment and the link to the parent's family account.  The child
 * becomes an insured person (P-0900 on) and its first card is issued at
 * once, like a new card (sim/sim_card.c): the answer carries it, and the
 * parent's check that registered the child may set its PIN.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/idnum.h"
#include "forms/newborn.h"
#include "sim/sim_internal.h"

_Static_assert(WIRE_CHECK_SECONDS == 60 * 60, "check_unknown says 60 minutes");

void
sim_households_load(struct sim *s)
{
	for (size_t h = 0; h < sim_data_nhouseholds; h++) {
		const struct sim_data_household *dh = &sim_data_households[h];

		for (size_t i = 0; i < dh->nmembers; i++) {
			const struct sim_data_member *dm = &dh->members[i];
			struct sim_member *m = &s->members[h][i];
			const struct sim_person *p = dm->person_id ?
			    sim_person_by_id(s, dm->person_id) : NULL;

			memset(m, 0, sizeof *m);
			if (p != NULL) {
				memcpy(m->number, p->number, sizeof m->number);
				m->birth = p->birth;
				m->male = p->d->seq % 2 == 1;
				m->has_card = p->ncards > 0;
			} else {
				m->birth = dm->born_ago > 0 ?
				    date_add_days(s->opts.today, -dm->born_ago) :
				    (struct date){ dm->by, dm->bm, dm->bd };
				sim_make_number(m->number, dm->region,
				    m->birth.y, m->birth.m, m->birth.d, dm->seq);
				m->male = dm->seq % 2 == 1;
				m->has_card = dm->has_card;
			}
			idnum_mask(m->masked, m->number);
		}
	}
}

static int
hh_find(const char *register_no)
{
	for (size_t h = 0; h < sim_data_nhouseholds; h++)
		if (strcmp(sim_data_households[h].register_no,
		    register_no) == 0)
			return (int)h;
	return -1;
}

/* The record as the terminal's struct, for newborn_check(). */
static void
hh_fill(const struct sim *s, int h, struct household *out)
{
	const struct sim_data_household *dh = &sim_data_households[h];

	memset(out, 0, sizeof *out);
	snprintf(out->register_no, sizeof out->register_no, "%s",
	    dh->register_no);
	out->as_of = s->opts.today;
	for (size_t i = 0; i < dh->nmembers && i < HOUSEHOLD_MEMBERS_MAX; i++) {
		const struct sim_data_member *dm = &dh->members[i];
		struct household_member *m = &out->members[i];

		m->member_no = (int)i + 1;
		m->birth = s->members[h][i].birth;
		m->has_card = s->members[h][i].has_card;
		snprintf(m->person_id, sizeof m->person_id, "%s",
		    dm->person_id ? dm->person_id : "");
		for (int g = 0; g < WIRE_GUARDIANS_MAX &&
		    dm->guardians[g] != 0; g++)
			m->guardians[m->nguardians++] = dm->guardians[g];
		out->nmembers++;
	}
}

static cJSON *
hh_json(const struct sim *s, int h)
{
	const struct sim_data_household *dh = &sim_data_households[h];
	char date[DATE_STR];
	cJSON *o = cJSON_CreateObject(), *members;

	date_format(date, s->opts.today);
	if (o == NULL ||
	    cJSON_AddStringToObject(o, "register_no", dh->register_no) == NULL ||
	    cJSON_AddStringToObject(o, "address", dh->address) == NULL ||
	    cJSON_AddStringToObject(o, "as_of", date) == NULL ||
	    (members = cJSON_AddArrayToObject(o, "members")) == NULL)
		goto fail;
	for (size_t i = 0; i < dh->nmembers; i++) {
		const struct sim_data_member *dm = &dh->members[i];
		const struct sim_member *m = &s->members[h][i];
		cJSON *mo = cJSON_CreateObject(), *g;

		if (mo == NULL || !cJSON_AddItemToArray(members, mo)) {
			cJSON_Delete(mo);
			goto fail;
		}
		date_format(date, m->birth);
		if (cJSON_AddNumberToObject(mo, "member_no",
		    (double)(i + 1)) == NULL ||
		    cJSON_AddStringToObject(mo, "name", dm->name) == NULL ||
		    cJSON_AddStringToObject(mo, "relation",
		    dm->relation) == NULL ||
		    cJSON_AddStringToObject(mo, "sex",
		    m->male ? "male" : "female") == NULL ||
		    cJSON_AddStringToObject(mo, "birth_date", date) == NULL ||
		    cJSON_AddStringToObject(mo, "id_number_masked",
		    m->masked) == NULL ||
		    cJSON_AddStringToObject(mo, "person_id",
		    m->person_id ? m->person_id :
		    dm->person_id ? dm->person_id : "") == NULL ||
		    cJSON_AddBoolToObject(mo, "has_card", m->has_card) == NULL ||
		    (g = cJSON_AddArrayToObject(mo, "guardians")) == NULL)
			goto fail;
		for (int k = 0; k < WIRE_GUARDIANS_MAX &&
		    dm->guardians[k] != 0; k++) {
			cJSON *n = cJSON_CreateNumber(dm->guardians[k]);

			if (n == NULL || !cJSON_AddItemToArray(g, n)) {
				cJSON_Delete(n);
				goto fail;
			}
		}
	}
	return o;
fail:
	cJSON_Delete(o);
	return NULL;
}

static int
hh_unknown(struct sim_answer *a)
{
	return sim_fail(a, 404, "household_unknown", "register_no",
	    "No household record has this register number. Check the number "
	    "on the household register booklet.");
}

int
sim_h_household(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	int h = hh_find(sim_route_segment(req));

	(void)ss;
	if (h < 0)
		return hh_unknown(a);
	a->json = hh_json(s, h);
	return a->json ? 200 : sim_oom(a);
}

/* Register the child (member child of household h) for the check ck: an
 * insured person appended to s->people, with its first card issued at
 * the counter today.  The card, or NULL with nothing changed (no room). */
static struct sim_card *
hh_register(struct sim *s, int h, int child, const struct sim_check *ck)
{
	const struct sim_data_member *dm =
	    &sim_data_households[h].members[child - 1];
	struct sim_member *m = &s->members[h][child - 1];
	struct sim_born *b = &s->born[s->nborn];
	struct sim_person *p, *grown;
	struct sim_card *c;

	if (s->nborn >= SIM_BORN_MAX)
		return NULL;
	grown = realloc(s->people, (s->npeople + 1) * sizeof *s->people);
	if (grown == NULL)
		return NULL;
	s->people = grown;
	snprintf(b->person_id, sizeof b->person_id, "P-%04zu",
	    900 + s->nborn);
	b->d = (struct sim_data_person){ .person_id = b->person_id,
	    .name = dm->name, .region = dm->region, .by = m->birth.y,
	    .bm = m->birth.m, .bd = m->birth.d, .seq = dm->seq,
	    .purpose = "a newborn registered at the counter today" };
	b->person = s->npeople;
	b->check = ck->no;
	p = &s->people[s->npeople];
	*p = (struct sim_person){ .d = &b->d, .birth = m->birth,
	    /* No ID card yet: a child's first is good for 5 years. */
	    .id_valid_until = date_add_days(m->birth, 5 * 365) };
	memcpy(p->number, m->number, sizeof p->number);
	memcpy(p->masked, m->masked, sizeof p->masked);
	c = sim_issue_card(s, p, "Industrial and Commercial Bank of China");
	if (c == NULL)
		return NULL;
	s->npeople++;
	s->nborn++;
	m->has_card = true;
	m->person_id = b->person_id;
	return c;
}

/* Undo hh_register() (the answer could not be made). */
static void
hh_unregister(struct sim *s, int h, int child)
{
	s->npeople--;
	s->nborn--;
	s->nmade--;
	s->members[h][child - 1].has_card = false;
	s->members[h][child - 1].person_id = NULL;
}

struct sim_card *
sim_newborn_card(struct sim *s, const struct sim_check *ck,
    const char *card_id, struct sim_person **pp)
{
	for (size_t i = 0; i < s->nborn; i++) {
		struct sim_person *p = &s->people[s->born[i].person];

		if (s->born[i].check != ck->no)
			continue;
		for (size_t c = 0; c < p->ncards; c++)
			if (strcmp(p->cards[c].d->card_id, card_id) == 0) {
				*pp = p;
				return &p->cards[c];
			}
	}
	return NULL;
}

static int
newborn(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	static const struct { const char *code, *field; int status;
	    const char *msg; } refusals[] = {
		[NEWBORN_CHILD_NOT_LISTED] = { "child_not_listed", "member_no",
		    422, "The child is not listed in this household record. "
		    "Choose the child from the record." },
		[NEWBORN_PARENT_NOT_LISTED] = { "parent_not_listed",
		    "register_no", 422, "The applicant is not listed in this "
		    "household record: only a parent or guardian listed in it "
		    "can register the child." },
		[NEWBORN_NOT_GUARDIAN] = { "not_guardian", "member_no", 422,
		    "The applicant is listed, but not as this child's parent or "
		    "guardian: only a parent or guardian can register the "
		    "child." },
		[NEWBORN_HAS_CARD] = { "child_has_card", "member_no", 409,
		    "The child already has a social-security card (or a card "
		    "application): this is not a first registration." },
		[NEWBORN_TOO_OLD] = { "not_newborn", "member_no", 422,
		    "The child is more than 365 days old: not a newborn. Use "
		    "the ordinary first card application." },
		[NEWBORN_NOT_BORN] = { "not_newborn", "member_no", 422,
		    "The child's birth date is after today in the record." },
	};
	const char *check_id, *register_no;
	const cJSON *mno;
	bool confirmed = false;
	struct sim_check *ck;
	struct sim_card *card;
	struct household hh;
	enum newborn_err ne;
	char appid[32], created[32], line[3][300];
	cJSON *o = sim_parse_object(req), *results, *cj;
	int status, h, child;

	if (o == NULL)
		return sim_bad_request(a, NULL);
	mno = cJSON_GetObjectItemCaseSensitive(o, "member_no");
	if (sim_get_string(o, "check_id", 32, true, &check_id) < 0)
		status = sim_bad_request(a, "check_id");
	else if (sim_get_string(o, "register_no", 32, true, &register_no) < 0)
		status = sim_bad_request(a, "register_no");
	else if (!cJSON_IsNumber(mno) || mno->valuedouble < 1 ||
	    mno->valuedouble > 99 || mno->valuedouble != (int)mno->valuedouble)
		status = sim_bad_request(a, "member_no");
	else if (sim_get_bool(o, "commitment_confirmed", true, &confirmed) < 0)
		status = sim_bad_request(a, "commitment_confirmed");
	else
		status = 0;
	if (status != 0)
		goto out;
	ck = sim_check_find(s, check_id, ss->staff);
	if (ck == NULL) {
		status = sim_fail(a, 422, "check_unknown", NULL,
		    "The parent's identity check is unknown or older than 60 "
		    "minutes. Do the identity check again.");
		goto out;
	}
	if ((h = hh_find(register_no)) < 0) {
		status = hh_unknown(a);
		goto out;
	}
	hh_fill(s, h, &hh);
	child = (int)mno->valuedouble;
	ne = newborn_check(&hh, child,
	    s->people[ck->person].d->person_id, s->opts.today);
	if (ne != NEWBORN_OK) {
		status = sim_fail(a, refusals[ne].status, refusals[ne].code,
		    refusals[ne].field, refusals[ne].msg);
		goto out;
	}
	if (!confirmed) {
		status = sim_fail(a, 422, "commitment_required",
		    "commitment_confirmed", "The parent has not confirmed the "
		    "personal commitment letter. Read it to the parent and "
		    "confirm it.");
		goto out;
	}

	if (s->nborn >= SIM_BORN_MAX || s->nmade >= SIM_MADE_MAX) {
		status = sim_store_full(a, "newborns");
		goto out;
	}
	card = hh_register(s, h, child, ck);
	if (card == NULL) {
		status = sim_fail(a, 500, "internal", NULL, "No card could be "
		    "issued: nothing was done. Call the help desk.");
		goto out;
	}
	sim_app_id(s, appid, SERVICE_NEWBORN);
	sim_created_at(created, s->opts.today);
	snprintf(line[0], sizeof line[0], "First card application for %s: "
	    "card %s issued today.",
	    sim_data_households[h].members[child - 1].name,
	    card->d->number_masked);
	snprintf(line[1], sizeof line[1], "Medical insurance (residents' "
	    "basic) enrolled from today.");
	snprintf(line[2], sizeof line[2], "Linked to the family account of "
	    "%s.", s->people[ck->person].d->name);
	cj = sim_card_json(s, card);
	a->json = sim_application_json(s, appid, SERVICE_NEWBORN,
	    "completed", created, "Initial PIN 123456: set a new PIN now. "
	    "First contribution due in 90 days.", NULL);
	if (a->json == NULL ||
	    cJSON_AddStringToObject(a->json, "child_name",
	    sim_data_households[h].members[child - 1].name) == NULL ||
	    cJSON_AddStringToObject(a->json, "child_id_number_masked",
	    s->members[h][child - 1].masked) == NULL ||
	    (results = cJSON_AddArrayToObject(a->json, "results")) == NULL ||
	    cj == NULL || !cJSON_AddItemToObject(a->json, "card", cj)) {
		cJSON_Delete(cj);
		hh_unregister(s, h, child);
		status = sim_oom(a);
		goto out;
	}
	for (int i = 0; i < 3; i++) {
		cJSON *r = cJSON_CreateString(line[i]);

		if (r == NULL || !cJSON_AddItemToArray(results, r)) {
			cJSON_Delete(r);
			hh_unregister(s, h, child);
			status = sim_oom(a);
			goto out;
		}
	}
	status = 201;
out:
	cJSON_Delete(o);
	return status;
}

SIM_WRITE(sim_h_newborn, newborn)
