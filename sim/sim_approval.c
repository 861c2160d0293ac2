/*
 * sim_approval.c -- the supervisor's side of delegated activations (four
 * eyes): the queue of those pending, one of them, and the decision; and a
 * staff member's own submissions (sim/sim_deleg.c takes them).
 *
 * Only a supervisor sees the queue and decides; never on their own
 * submission; once only: the first decision stands and every later one
 * is refused already_decided with who decided and when.  Approval makes
 * the activation (sim_activate).
 *
 * The store never forgets a submission: the queue and a staff member's
 * submissions are read a page at a time, with a cursor that names the
 * place in the store where the next page starts.
 */
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "forms/poa.h"
#include "forms/wire.h"
#include "sim/sim_internal.h"

static bool
sim_is_supervisor(const struct sim_session *ss)
{
	return strcmp(sim_data_staff[ss->staff].role, "supervisor") == 0;
}

static const char *
deleg_state_word(enum sim_deleg_state st)
{
	return st == SIM_DELEG_APPROVED ? "approved" :
	    st == SIM_DELEG_REJECTED ? "rejected" : "pending-approval";
}

static cJSON *
deleg_staff_json(size_t staff)
{
	cJSON *o = cJSON_CreateObject();

	if (o == NULL ||
	    cJSON_AddStringToObject(o, "staff_id",
	    sim_data_staff[staff].staff_id) == NULL ||
	    cJSON_AddStringToObject(o, "name",
	    sim_data_staff[staff].name) == NULL) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *
deleg_party_json(const struct sim_person *p)
{
	cJSON *o = cJSON_CreateObject();

	if (o == NULL ||
	    cJSON_AddStringToObject(o, "person_id", p->d->person_id) == NULL ||
	    cJSON_AddStringToObject(o, "name", p->d->name) == NULL ||
	    cJSON_AddStringToObject(o, "id_number_masked", p->masked) == NULL) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* Add item to o under name; false (item deleted) on failure. */
static bool
deleg_add(cJSON *o, const char *name, cJSON *item)
{
	if (item == NULL)
		return false;
	if (!cJSON_AddItemToObject(o, name, item)) {
		cJSON_Delete(item);
		return false;
	}
	return true;
}

/* The Approval object of docs/api.md. */
static cJSON *
deleg_json(const struct sim *s, const struct sim_deleg *d)
{
	const struct sim_person *ins = &s->people[d->insured];
	char signed_on[DATE_STR];
	long age = sim_now(s) - d->submitted;
	cJSON *o = cJSON_CreateObject(), *poa, *cl;

	date_format(signed_on, d->poa_signed_on);
	if (o == NULL ||
	    cJSON_AddStringToObject(o, "application_id", d->id) == NULL ||
	    cJSON_AddStringToObject(o, "status",
	    deleg_state_word(d->state)) == NULL ||
	    cJSON_AddStringToObject(o, "submitted_at", d->submitted_at) == NULL ||
	    cJSON_AddNumberToObject(o, "age_seconds",
	    (double)(age > 0 ? age : 0)) == NULL ||
	    !deleg_add(o, "submitted_by", deleg_staff_json(d->staff)) ||
	    cJSON_AddStringToObject(o, "counter", d->counter) == NULL ||
	    !deleg_add(o, "agent", deleg_party_json(&s->people[d->agent])) ||
	    !deleg_add(o, "insured", deleg_party_json(ins)) ||
	    !deleg_add(o, "card", sim_card_json(s, &ins->cards[d->card])) ||
	    cJSON_AddStringToObject(o, "activation",
	    poa_activation_key(d->activation)) == NULL ||
	    (poa = cJSON_AddObjectToObject(o, "poa")) == NULL ||
	    cJSON_AddStringToObject(poa, "number", d->poa_number) == NULL ||
	    cJSON_AddStringToObject(poa, "signed_on", signed_on) == NULL ||
	    cJSON_AddBoolToObject(poa, "covers_ss", d->covers_ss) == NULL ||
	    cJSON_AddBoolToObject(poa, "covers_fin", d->covers_fin) == NULL ||
	    (cl = cJSON_AddObjectToObject(o, "checklist")) == NULL ||
	    cJSON_AddBoolToObject(cl, "insured_original_sighted",
	    d->insured_original) == NULL ||
	    cJSON_AddBoolToObject(cl, "photocopies_taken",
	    d->photocopies) == NULL ||
	    cJSON_AddBoolToObject(cl, "poa_original_sighted",
	    d->poa_original) == NULL)
		goto fail;
	if (d->state != SIM_DELEG_PENDING &&
	    (!deleg_add(o, "decided_by", deleg_staff_json(d->decider)) ||
	    cJSON_AddStringToObject(o, "decided_at", d->decided_at) == NULL ||
	    cJSON_AddStringToObject(o, "reason", d->reason) == NULL))
		goto fail;
	return o;
fail:
	cJSON_Delete(o);
	return NULL;
}

static int
deleg_forbidden(struct sim_answer *a)
{
	return sim_fail(a, 403, "forbidden_role", NULL,
	    "Only a supervisor may see the approval queue and decide on it.");
}

/* Where a page of a list starts in s->delegs, and how long it is. */
struct deleg_page {
	char kind;           /* 'q' the queue (oldest first), 'm' mine */
	size_t from;         /* q: the first index looked at; m: one past it */
	size_t limit;
};

/* A decimal number of 1 to 9 digits: 0, or -1. */
static int
deleg_number(const char *v, size_t *out)
{
	size_t n = 0, len = strlen(v);

	if (len == 0 || len > 9 || strspn(v, "0123456789") != len)
		return -1;
	for (; *v != '\0'; v++)
		n = n * 10 + (size_t)(*v - '0');
	*out = n;
	return 0;
}

/* The page ?limit=N&cursor=C asks for: 0, or 400 bad_request naming the
 * parameter.  A cursor is the list's letter and an index into the store,
 * as deleg_list gave it; the store never forgets one, so it stays good
 * until the trainer's reset. */
static int
deleg_page_of(const struct sim *s, const struct sim_request *req,
    struct deleg_page *pg, struct sim_answer *a)
{
	char v[24];
	int rc;

	pg->limit = WIRE_PAGE_DEFAULT;
	pg->from = pg->kind == 'q' ? 0 : s->ndelegs;
	rc = sim_query_get(req, "limit", v, sizeof v);
	if (rc < 0 || (rc > 0 && (deleg_number(v, &pg->limit) < 0 ||
	    pg->limit < 1 || pg->limit > WIRE_PAGE_MAX)))
		return sim_bad_request(a, "limit");
	rc = sim_query_get(req, "cursor", v, sizeof v);
	if (rc < 0 || (rc > 0 && (v[0] != pg->kind ||
	    deleg_number(v + 1, &pg->from) < 0 || pg->from > s->ndelegs)))
		return sim_bad_request(a, "cursor");
	return 0;
}

/* {"next_cursor": C or null, "total": N}: where the page after the one
 * ending at index last starts (none if !more). */
static bool
deleg_page_end(cJSON *o, const struct deleg_page *pg, bool more, size_t last,
    size_t total)
{
	char cursor[24];

	snprintf(cursor, sizeof cursor, "%c%zu", pg->kind,
	    pg->kind == 'q' ? last + 1 : last);
	return (more ? cJSON_AddStringToObject(o, "next_cursor", cursor) :
	    cJSON_AddNullToObject(o, "next_cursor")) != NULL &&
	    cJSON_AddNumberToObject(o, "total", (double)total) != NULL;
}

/* One page of a list of delegations as {"items":[...], "next_cursor",
 * "total"}: pending ones oldest first (mine false), or this staff
 * member's own, newest first; total counts the whole list. */
static int
deleg_list(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, bool mine, struct sim_answer *a)
{
	struct deleg_page pg = { .kind = mine ? 'm' : 'q' };
	size_t total = 0, shown = 0, last = 0;
	bool more = false;
	cJSON *items;
	int status;

	if ((status = deleg_page_of(s, req, &pg, a)) != 0)
		return status;
	a->json = cJSON_CreateObject();
	if (a->json == NULL ||
	    (items = cJSON_AddArrayToObject(a->json, "items")) == NULL)
		return sim_oom(a);
	for (size_t k = 0; k < s->ndelegs; k++) {
		size_t i = mine ? s->ndelegs - 1 - k : k;
		const struct sim_deleg *d = &s->delegs[i];
		cJSON *it;

		if (mine ? d->staff != ss->staff : d->state != SIM_DELEG_PENDING)
			continue;
		total++;
		if (mine ? i >= pg.from : i < pg.from)
			continue;
		if (shown == pg.limit) {
			more = true;
			continue;
		}
		it = deleg_json(s, d);
		if (it == NULL || !cJSON_AddItemToArray(items, it)) {
			cJSON_Delete(it);
			return sim_oom(a);
		}
		shown++;
		last = i;
	}
	if (!deleg_page_end(a->json, &pg, more, last, total))
		return sim_oom(a);
	return 200;
}

int
sim_h_approvals(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	if (!sim_is_supervisor(ss))
		return deleg_forbidden(a);
	return deleg_list(s, req, ss, false, a);
}

int
sim_h_submissions(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	return deleg_list(s, req, ss, true, a);
}

static struct sim_deleg *
deleg_by_path(struct sim *s, const struct sim_request *req)
{
	const char *id = sim_route_segment(req);

	for (size_t i = 0; i < s->ndelegs; i++)
		if (strcmp(s->delegs[i].id, id) == 0)
			return &s->delegs[i];
	return NULL;
}

static int
deleg_unknown(struct sim_answer *a)
{
	return sim_fail(a, 404, "approval_unknown", NULL,
	    "No delegated activation has this number. Refresh the list.");
}

int
sim_h_approval_get(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	struct sim_deleg *d = deleg_by_path(s, req);

	if (d == NULL)
		return deleg_unknown(a);
	if (!sim_is_supervisor(ss) && d->staff != ss->staff)
		return deleg_forbidden(a);
	a->json = deleg_json(s, d);
	return a->json ? 200 : sim_oom(a);
}

static int
deleg_decide(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	struct sim_deleg *d = deleg_by_path(s, req);
	const char *decision = NULL, *reason = NULL;
	char msg[400], when[32];
	cJSON *o;
	int status;

	if (!sim_is_supervisor(ss))
		return deleg_forbidden(a);
	if (d == NULL)
		return deleg_unknown(a);
	if (d->staff == ss->staff)
		return sim_fail(a, 403, "own_submission", NULL,
		    "You submitted this delegated activation yourself: another "
		    "supervisor must decide on it (four eyes).");
	if (d->state != SIM_DELEG_PENDING) {
		snprintf(when, sizeof when, "%s", d->decided_at);
		if (strlen(when) > 19)
			when[19] = '\0';
		if (when[10] == 'T')
			when[10] = ' ';
		snprintf(msg, sizeof msg, "Already %s by %s (%s) at %s. "
		    "Nothing more to decide.", deleg_state_word(d->state),
		    sim_data_staff[d->decider].name,
		    sim_data_staff[d->decider].staff_id, when);
		return sim_fail(a, 409, "already_decided", NULL, msg);
	}
	o = sim_parse_object(req);
	if (o == NULL)
		return sim_bad_request(a, NULL);
	if (sim_get_string(o, "decision", 16, true, &decision) < 0 ||
	    (strcmp(decision, "approve") != 0 &&
	    strcmp(decision, "reject") != 0)) {
		status = sim_bad_request(a, "decision");
		goto out;
	}
	if (sim_get_string(o, "reason", WIRE_REASON_MAX, false, &reason) < 0) {
		status = sim_bad_request(a, "reason");
		goto out;
	}
	if (reason == NULL)
		reason = "";
	if (strcmp(decision, "reject") == 0) {
		const char *r = reason;

		while (*r == ' ')
			r++;
		if (*r == '\0') {
			status = sim_fail(a, 422, "reason_required", "reason",
			    "Say why the delegated activation is rejected: the "
			    "clerk and the insured will read it.");
			goto out;
		}
		d->state = SIM_DELEG_REJECTED;
	} else {
		status = sim_activate(s,
		    &s->people[d->insured].cards[d->card], d->activation, a);
		if (status != 0)
			goto out;
		d->state = SIM_DELEG_APPROVED;
	}
	d->decider = ss->staff;
	sim_created_at(d->decided_at, s->opts.today);
	snprintf(d->reason, sizeof d->reason, "%s", reason);
	a->json = deleg_json(s, d);
	status = a->json ? 200 : sim_oom(a);
out:
	cJSON_Delete(o);
	return status;
}

SIM_WRITE(sim_h_approval_decide, deleg_decide)
