/*
 * sim.c -- the simulated central service: state, sessions, routing and the
 * handlers of docs/api.md.
 *
 * sim_handle() takes one request and gives one answer; it never blocks and
 * never prints.  The state is the data set of sim_data.c copied into
 * mutable people and cards, plus the sessions, identity checks and the
 * idempotency store.  Lifetimes (sessions, checks, stored answers) run on
 * CLOCK_MONOTONIC plus a test offset; the calendar is opts->today, fixed.
 * Request bodies are parsed with cJSON and every field is type-checked:
 * a wrong shape is 400 bad_request, a refusal the clerk can act on is 4xx
 * with its documented code.  Every store is bounded by s->lim and every
 * write held to its staff member's cap (sim/sim_limit.c).
 */
#include "sim/sim.h"

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "forms/check.h"
#include "forms/deadline.h"
#include "forms/idnum.h"
#include "sim/sim_data.h"

#include "forms/text.h"
#include "sim/sim_internal.h"

long
sim_now(const struct sim *s)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec + s->clock_offset;
}

/* Make room for one more element of size in *arr; 0 or -1. */
int
sim_grow(void **arr, size_t *cap, size_t n, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 8;
	p = realloc(*arr, ncap * size);
	if (p == NULL)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}

void
sim_remove(void *arr, size_t *n, size_t size, size_t i)
{
	char *a = arr;

	memmove(a + i * size, a + (i + 1) * size, (*n - i - 1) * size);
	(*n)--;
}

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

static void
sim_load_people(struct sim *s)
{
	struct date today = s->opts.today;

	for (size_t i = 0; i < s->npeople; i++) {
		const struct sim_data_person *d = &sim_data_people[i];
		struct sim_person *p = &s->people[i];

		memset(p, 0, sizeof *p);
		p->d = d;
		sim_make_number(p->number, d->region, d->by, d->bm, d->bd,
		    d->seq);
		idnum_mask(p->masked, p->number);
		p->birth = (struct date){ d->by, d->bm, d->bd };
		p->id_valid_until = date_add_days(today, d->id_valid_for);
		if (d->phone > 0)
			snprintf(p->phone, sizeof p->phone, "138000000%02d",
			    d->phone % 100);
		p->ncards = d->ncards;
		for (size_t c = 0; c < d->ncards; c++) {
			const struct sim_data_card *dc = &d->cards[c];

			p->cards[c] = (struct sim_card){
				.d = dc,
				.received = date_add_days(today,
				    -dc->received_ago),
				.lost = dc->lost,
				.ss_active = dc->ss_active,
				.fin_active = dc->fin_active,
			};
		}
	}
}

static void
sim_clear_work(struct sim *s)
{
	for (size_t i = 0; i < s->nidem; i++)
		free(s->idem[i].body);
	s->nidem = 0;
	s->nwrites = 0;
	s->nchecks = 0;
	s->ndelegs = 0;
	s->next_check = 1;
	s->next_app = 1;
	s->nlockouts = 0;
	if (s->chal != NULL)
		sodium_memzero(s->chal, s->cchal * sizeof *s->chal);
	s->nchal = 0;
	s->nmade = 0;
	s->nborn = 0;
	memset(s->write_tat, 0, sim_data_nstaff * sizeof *s->write_tat);
}

struct sim *
sim_new(const struct sim_opts *opts)
{
	struct sim *s;
	const struct sim_data_unknown *u = &sim_data_unknown;

	if (opts == NULL || sodium_init() < 0 ||
	    !date_valid(opts->today.y, opts->today.m, opts->today.d))
		return NULL;
	s = calloc(1, sizeof *s);
	if (s == NULL)
		return NULL;
	s->opts = *opts;
	s->lim = opts->limits ? *opts->limits : sim_limits_default;
	s->opts.limits = NULL;
	s->ttl = opts->session_ttl_s > 0 ? opts->session_ttl_s : SIM_TTL_DEFAULT;
	s->npeople = sim_data_npeople;
	s->people = calloc(s->npeople, sizeof *s->people);
	s->write_tat = calloc(sim_data_nstaff, sizeof *s->write_tat);
	if (s->people == NULL || s->write_tat == NULL) {
		free(s->people);
		free(s->write_tat);
		free(s);
		return NULL;
	}
	sim_make_number(s->unknown_number, u->region, u->by, u->bm, u->bd,
	    u->seq);
	idnum_mask(s->unknown_masked, s->unknown_number);
	crypto_box_keypair(s->seal_pk, s->seal_sk);
	sim_load_people(s);
	s->members = calloc(sim_data_nhouseholds, sizeof *s->members);
	if (s->members == NULL) {
		free(s->people);
		free(s->write_tat);
		free(s);
		return NULL;
	}
	sim_households_load(s);
	sim_clear_work(s);
	return s;
}

void
sim_free(struct sim *s)
{
	if (s == NULL)
		return;
	sim_clear_work(s);
	sodium_memzero(s->sessions, s->csessions * sizeof *s->sessions);
	free(s->sessions);
	free(s->checks);
	free(s->idem);
	free(s->writes);
	free(s->lockouts);
	free(s->delegs);
	free(s->members);
	free(s->chal);
	free(s->people);
	free(s->write_tat);
	sodium_memzero(s->seal_sk, sizeof s->seal_sk);
	free(s);
}

void
sim_reset(struct sim *s)
{
	s->npeople = sim_data_npeople;   /* newborns registered are gone */
	sim_load_people(s);
	sim_households_load(s);
	sim_clear_work(s);
}

void
sim_advance_clock(struct sim *s, long seconds)
{
	s->clock_offset += seconds;
}

size_t
sim_list_staff(const struct sim *s, struct sim_listing *out, size_t max)
{
	size_t n = 0;

	(void)s;
	for (size_t i = 0; i < sim_data_nstaff && n < max; i++, n++)
		out[n] = (struct sim_listing){
			.who = sim_data_staff[i].staff_id,
			.name = sim_data_staff[i].name,
			.purpose = sim_data_staff[i].purpose,
			.secret = SIM_DATA_PASSWORD,
		};
	return n;
}

size_t
sim_list_people(const struct sim *s, struct sim_listing *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < s->npeople && n < max; i++, n++)
		out[n] = (struct sim_listing){
			.who = s->people[i].masked,
			.name = s->people[i].d->name,
			.purpose = s->people[i].d->purpose,
			.secret = s->people[i].number,
		};
	if (n < max) {
		out[n++] = (struct sim_listing){
			.who = s->unknown_masked,
			.name = "(any name)",
			.purpose = sim_data_unknown.purpose,
			.secret = s->unknown_number,
		};
	}
	return n;
}

size_t
sim_list_households(const struct sim *s, struct sim_listing *out, size_t max)
{
	size_t n = 0;

	(void)s;
	for (size_t i = 0; i < sim_data_nhouseholds && n < max; i++, n++)
		out[n] = (struct sim_listing){
			.who = sim_data_households[i].register_no,
			.name = sim_data_households[i].address,
			.purpose = sim_data_households[i].purpose,
			.secret = sim_data_households[i].register_no,
		};
	if (n < max)
		out[n++] = (struct sim_listing){
			.who = sim_data_unknown_household,
			.name = "(no such record)",
			.purpose = "unknown register number: household_unknown",
			.secret = sim_data_unknown_household,
		};
	return n;
}

/* ---- answers ---------------------------------------------------------- */

/* A refusal in the one error shape; returns status. */
int
sim_fail(struct sim_answer *a, int status, const char *code,
    const char *field, const char *message)
{
	cJSON_Delete(a->json);
	a->json = cJSON_CreateObject();
	if (a->json == NULL)
		return 500;
	if (cJSON_AddStringToObject(a->json, "code", code) == NULL ||
	    cJSON_AddStringToObject(a->json, "message", message) == NULL ||
	    (field != NULL &&
	    cJSON_AddStringToObject(a->json, "field", field) == NULL)) {
		cJSON_Delete(a->json);
		a->json = NULL;
		return 500;
	}
	return status;
}

int
sim_bad_request(struct sim_answer *a, const char *field)
{
	return sim_fail(a, 400, "bad_request", field,
	    "The request is not of the documented shape; nothing was done. "
	    "This is a fault of the terminal: report it.");
}

int
sim_oom(struct sim_answer *a)
{
	return sim_fail(a, 500, "internal",
	    NULL, "The service failed; nothing was done. Try again.");
}

/* ---- request bodies ---------------------------------------------------- */

cJSON *
sim_parse_object(const struct sim_request *req)
{
	cJSON *o;
	const char *end = NULL;

	if (req->body == NULL || req->body_len == 0 ||
	    text_json_has_nul(req->body, req->body_len))
		return NULL;
	o = cJSON_ParseWithLengthOpts(req->body, req->body_len, &end, false);
	if (o == NULL)
		return NULL;
	/* One object and nothing after it but blanks: cJSON stops at the
	 * end of the first value and would ignore "{...}garbage". */
	while (end != NULL && end < req->body + req->body_len &&
	    (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
		end++;
	if (!cJSON_IsObject(o) || end != req->body + req->body_len) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* A string member of at most max bytes; absent is an error if required.
 * 0, or -1 for a wrong type, length or a missing required member. */
int
sim_get_string(const cJSON *o, const char *name, size_t max, bool required,
    const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	*out = NULL;
	if (v == NULL)
		return required ? -1 : 0;
	if (!cJSON_IsString(v) || v->valuestring == NULL ||
	    strlen(v->valuestring) > max)
		return -1;
	*out = v->valuestring;
	return 0;
}

int
sim_get_bool(const cJSON *o, const char *name, bool required, bool *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	*out = false;
	if (v == NULL)
		return required ? -1 : 0;
	if (!cJSON_IsBool(v))
		return -1;
	*out = cJSON_IsTrue(v);
	return 0;
}

/* Parameters are name=value pairs between '&', taken as they come: the
 * values the contract has (cursors, limits) need no percent-decoding, so
 * an encoded one is simply not a valid value. */
int
sim_query_get(const struct sim_request *req, const char *name, char *out,
    size_t outsz)
{
	size_t nlen = strlen(name);
	int found = 0;

	out[0] = '\0';
	for (const char *p = req->query; p != NULL && *p != '\0';) {
		size_t len = strcspn(p, "&");

		if (len > nlen && strncmp(p, name, nlen) == 0 &&
		    p[nlen] == '=') {
			if (found++ > 0 || len - nlen - 1 >= outsz)
				return -1;
			memcpy(out, p + nlen + 1, len - nlen - 1);
			out[len - nlen - 1] = '\0';
		}
		p += len;
		if (*p == '&')
			p++;
	}
	return found;
}

/* ---- people and cards -------------------------------------------------- */

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

void
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

/* ---- sessions ---------------------------------------------------------- */

static void
sim_session_drop(struct sim *s, size_t i)
{
	sodium_memzero(&s->sessions[i], sizeof s->sessions[i]);
	sim_remove(s->sessions, &s->nsessions, sizeof *s->sessions, i);
	sodium_memzero(&s->sessions[s->nsessions], sizeof *s->sessions);
}

static struct sim_session *
sim_session_find(struct sim *s, const char *token)
{
	long now = sim_now(s);

	if (token == NULL || strlen(token) != SIM_TOKEN_HEX - 1)
		return NULL;
	for (size_t i = 0; i < s->nsessions; i++) {
		if (sodium_memcmp(s->sessions[i].token, token,
		    SIM_TOKEN_HEX - 1) != 0)
			continue;
		if (now >= s->sessions[i].expires) {
			sim_session_drop(s, i);
			return NULL;
		}
		return &s->sessions[i];
	}
	return NULL;
}

/* Room for one more session: the expired go, and when the store is
 * full the staff member holding the most sessions loses their oldest
 * (one account signing in over and over ends its own sessions, not the
 * class's; the one ended is told session_expired and signs in again). */
static void
sim_sessions_purge(struct sim *s)
{
	long now = sim_now(s);

	for (size_t i = 0; i < s->nsessions;)
		if (now >= s->sessions[i].expires)
			sim_session_drop(s, i);
		else
			i++;
	if (s->nsessions > 0 && s->nsessions >= s->lim.sessions)
		sim_session_drop(s, sim_evictee(s->sessions, s->nsessions,
		    sizeof *s->sessions, offsetof(struct sim_session, staff)));
}

/* ---- handlers ---------------------------------------------------------- */

#define SIM_SIGNIN_PATH "/v1/sessions"

/* The members of a sign-in's body: 0, or -1 with the bad one in *field
 * (NULL: not a JSON object). */
static int
sim_signin_fields(const cJSON *o, const char **staff_id,
    const char **password, const char **counter, const char **field)
{
	*field = o == NULL ? NULL : "staff_id";
	if (o == NULL || sim_get_string(o, "staff_id", 64, true, staff_id) < 0)
		return -1;
	*field = "password";
	if (sim_get_string(o, "password", 1024, true, password) < 0)
		return -1;
	*field = "counter";
	return sim_get_string(o, "counter", SIM_COUNTER_MAX, false,
	    counter) < 0 ? -1 : 0;
}

static const struct sim_data_staff *
sim_staff_find(const char *staff_id)
{
	for (size_t i = 0; i < sim_data_nstaff; i++)
		if (strcmp(sim_data_staff[i].staff_id, staff_id) == 0)
			return &sim_data_staff[i];
	return NULL;
}

/* The same work whether or not the staff ID exists. */
static bool
sim_password_verify(const struct sim_data_staff *st, const char *password)
{
	return crypto_pwhash_str_verify(st ? st->pwhash : sim_data_dummy_hash,
	    password, strlen(password)) == 0 && st != NULL;
}

bool
sim_wants_password(const struct sim_request *req)
{
	size_t n = strlen(SIM_SIGNIN_PATH);

	return req->method != NULL && req->path != NULL &&
	    strcmp(req->method, "POST") == 0 &&
	    strncmp(req->path, SIM_SIGNIN_PATH, n) == 0 &&
	    (req->path[n] == '\0' || req->path[n] == '?');
}

enum sim_password
sim_check_password(const struct sim_request *req)
{
	const char *staff_id, *password, *counter, *field;
	cJSON *o;
	enum sim_password v = SIM_PASSWORD_UNCHECKED;

	if (req->body_len > SIM_BODY_MAX)
		return v;
	o = sim_parse_object(req);
	if (sim_signin_fields(o, &staff_id, &password, &counter, &field) == 0)
		v = sim_password_verify(sim_staff_find(staff_id), password) ?
		    SIM_PASSWORD_RIGHT : SIM_PASSWORD_WRONG;
	cJSON_Delete(o);
	return v;
}

static int
sim_h_signin(struct sim *s, const struct sim_request *req,
    struct sim_session *unused, struct sim_answer *a)
{
	const char *staff_id, *password, *counter, *field;
	const struct sim_data_staff *st;
	struct sim_session *ss;
	unsigned char raw[SIM_TOKEN_BYTES];
	cJSON *o = sim_parse_object(req), *staff;
	size_t i;
	bool ok;

	(void)unused;
	if (sim_signin_fields(o, &staff_id, &password, &counter, &field) < 0) {
		cJSON_Delete(o);
		return sim_bad_request(a, field);
	}
	st = sim_staff_find(staff_id);
	/* Checked here, or by the caller outside its lock (sim.h). */
	ok = req->password == SIM_PASSWORD_UNCHECKED ?
	    sim_password_verify(st, password) :
	    req->password == SIM_PASSWORD_RIGHT && st != NULL;
	/* Locked (sim_lockout.c): refused whatever the password, after the
	 * same work, for known and unknown staff IDs alike. */
	if (sim_lockout_locked(s, staff_id)) {
		cJSON_Delete(o);
		return sim_fail(a, 429, "locked_out", NULL,
		    "Too many failed sign-ins with this staff ID: sign-in is "
		    "refused for 15 minutes. Ask a supervisor if you have "
		    "forgotten the password.");
	}
	if (!ok)
		sim_lockout_failed(s, staff_id);
	else
		sim_lockout_clear(s, staff_id);
	if (!ok) {
		cJSON_Delete(o);
		return sim_fail(a, 401, "bad_credentials", NULL,
		    "The staff ID or the password is wrong. Type them again; "
		    "ask a supervisor if you have forgotten the password.");
	}
	i = (size_t)(st - sim_data_staff);

	sim_sessions_purge(s);
	if (sim_grow((void **)&s->sessions, &s->csessions, s->nsessions,
	    sizeof *s->sessions) < 0) {
		cJSON_Delete(o);
		return sim_oom(a);
	}
	ss = &s->sessions[s->nsessions];
	memset(ss, 0, sizeof *ss);
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(ss->token, sizeof ss->token, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
	ss->staff = i;
	ss->expires = sim_now(s) + s->ttl;
	if (counter == NULL)
		counter = s->opts.counter ? s->opts.counter : "";
	snprintf(ss->counter, sizeof ss->counter, "%s", counter);
	cJSON_Delete(o);

	a->json = cJSON_CreateObject();
	if (a->json == NULL ||
	    cJSON_AddStringToObject(a->json, "token", ss->token) == NULL ||
	    cJSON_AddNumberToObject(a->json, "expires_in",
	    (double)s->ttl) == NULL ||
	    (staff = cJSON_AddObjectToObject(a->json, "staff")) == NULL ||
	    cJSON_AddStringToObject(staff, "staff_id", st->staff_id) == NULL ||
	    cJSON_AddStringToObject(staff, "name", st->name) == NULL ||
	    cJSON_AddStringToObject(staff, "role", st->role) == NULL ||
	    cJSON_AddStringToObject(staff, "counter", ss->counter) == NULL) {
		sodium_memzero(ss, sizeof *ss);
		return sim_oom(a);
	}
	s->nsessions++;
	return 201;
}

static int
sim_h_signout(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	(void)req;
	(void)a;
	sim_session_drop(s, (size_t)(ss - s->sessions));
	return 204;
}

static int
sim_h_person(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *id = req->path + strlen("/v1/persons/");
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

/* Room for one more identity check: the expired go, and when the store
 * is full the oldest check of the staff member holding the most goes (a
 * client looping on checks evicts its own; a clerk's current check is
 * among the newest). */
static void
sim_checks_purge(struct sim *s)
{
	for (size_t i = 0; i < s->nchecks;)
		if (sim_now(s) >= s->checks[i].expires)
			sim_remove(s->checks, &s->nchecks, sizeof *s->checks, i);
		else
			i++;
	if (s->nchecks > 0 && s->nchecks >= s->lim.checks)
		sim_remove(s->checks, &s->nchecks, sizeof *s->checks,
		    sim_evictee(s->checks, s->nchecks, sizeof *s->checks,
		    offsetof(struct sim_check, staff)));
}

static int
sim_h_identity(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *number = NULL, *name = NULL, *valid = NULL, *face = NULL;
	bool original = false, photocopy = false, fingerprint = false;
	bool long_term;
	struct idnum idn;
	struct date until;
	struct sim_person *p;
	struct sim_check *ck;
	enum check_err ce;
	char idbuf[16], msg[256], dbuf[DATE_STR];
	cJSON *o = sim_parse_object(req), *cl, *person;
	int status;

	if (o == NULL)
		return sim_bad_request(a, NULL);
	if (sim_get_string(o, "id_number", 64, true, &number) < 0)
		status = sim_bad_request(a, "id_number");
	else if (sim_get_string(o, "name", NAME_MAX_BYTES, true, &name) < 0)
		status = sim_bad_request(a, "name");
	else if (sim_get_string(o, "id_valid_until", 32, true, &valid) < 0)
		status = sim_bad_request(a, "id_valid_until");
	else if (!cJSON_IsObject(cl = cJSON_GetObjectItemCaseSensitive(o,
	    "checklist")) ||
	    sim_get_bool(cl, "original_sighted", true, &original) < 0 ||
	    sim_get_bool(cl, "photocopy_taken", true, &photocopy) < 0 ||
	    sim_get_bool(cl, "fingerprint", true, &fingerprint) < 0)
		status = sim_bad_request(a, "checklist");
	else if (sim_get_string(cl, "face", 16, true, &face) < 0 ||
	    (strcmp(face, "pass") != 0 && strcmp(face, "fail") != 0 &&
	    strcmp(face, "not_done") != 0))
		status = sim_bad_request(a, "face");
	else
		status = 0;
	if (status != 0) {
		cJSON_Delete(o);
		return status;
	}

	/* The refusals, in the order of docs/api.md.  The wire form is
	 * exactly 18 characters: idnum_parse() forgives trailing blanks
	 * typed at the counter, the service does not. */
	if (strlen(number) != IDNUM_LEN ||
	    idnum_parse(&idn, number, s->opts.today) != IDNUM_OK) {
		status = sim_fail(a, 422, "invalid_id_number", "id_number",
		    "The ID number is not valid: it needs 18 characters, a real "
		    "birth date and the right check character. Compare it with "
		    "the ID card.");
		goto out;
	}
	if (!original || !photocopy || !fingerprint) {
		snprintf(msg, sizeof msg, "The checklist is not complete:%s%s%s. "
		    "Do it before the identity check.",
		    original ? "" : " sight the original ID card",
		    photocopy ? "" : (original ? " take a photocopy" :
		    ", take a photocopy"),
		    fingerprint ? "" : (original && photocopy ?
		    " collect the fingerprint" : ", collect the fingerprint"));
		status = sim_fail(a, 422, "checklist_incomplete", "checklist",
		    msg);
		goto out;
	}
	if (strcmp(face, "not_done") == 0) {
		status = sim_fail(a, 422, "face_not_done", "face",
		    "Face recognition has not been done. Run it on the device "
		    "with the applicant present, then check again.");
		goto out;
	}
	/* The wire form is strict (docs/api.md): the terminal normalises what
	 * the clerk typed ("L", "20310501") before sending it. */
	if (strcmp(valid, "long-term") != 0 &&
	    (strlen(valid) != 10 || valid[4] != '-' || valid[7] != '-')) {
		status = sim_bad_request(a, "id_valid_until");
		goto out;
	}
	ce = check_validity(valid, s->opts.today, &long_term, &until);
	if (ce == CHECK_VALIDITY_EXPIRED) {
		status = sim_fail(a, 422, "id_card_expired", "id_valid_until",
		    "The ID card has expired. The applicant must renew the ID "
		    "card (a temporary ID card is accepted) before any service.");
		goto out;
	}
	if (ce != CHECK_OK) {
		status = sim_bad_request(a, "id_valid_until");
		goto out;
	}
	p = sim_person_by_number(s, idn.number);
	if (p != NULL && !p->d->id_long_term &&
	    date_cmp(p->id_valid_until, s->opts.today) < 0) {
		date_format(dbuf, p->id_valid_until);
		snprintf(msg, sizeof msg, "The register says this ID card "
		    "expired on %s. The applicant must renew the ID card (a "
		    "temporary ID card is accepted) before any service.", dbuf);
		status = sim_fail(a, 422, "id_card_expired", "id_valid_until",
		    msg);
		goto out;
	}
	if (p == NULL) {
		status = sim_fail(a, 404, "unknown_person", "id_number",
		    "No insured person has this ID number. Check the number "
		    "against the ID card; if it is right, the applicant must "
		    "first be enrolled.");
		goto out;
	}
	if (!check_name_matches(p->d->name, name)) {
		status = sim_fail(a, 422, "name_mismatch", "name",
		    "The name does not match the ID number. Check the name on "
		    "the ID card.");
		goto out;
	}
	if (p->d->deceased) {
		status = sim_fail(a, 422, "deceased", NULL,
		    "The register records this person as deceased. No service "
		    "can be given; refer the family to the survivors' benefits "
		    "desk.");
		goto out;
	}
	if (strcmp(face, "fail") == 0 || p->d->face_fails) {
		status = sim_fail(a, 422, "face_failed", "face",
		    "The face does not match the photo in the register. The "
		    "applicant must be present in person; if it fails again, "
		    "call the supervisor.");
		goto out;
	}

	sim_checks_purge(s);
	if (sim_grow((void **)&s->checks, &s->cchecks, s->nchecks,
	    sizeof *s->checks) < 0) {
		status = sim_oom(a);
		goto out;
	}
	ck = &s->checks[s->nchecks];
	ck->no = s->next_check;
	ck->staff = ss->staff;
	ck->person = (size_t)(p - s->people);
	ck->expires = sim_now(s) + SIM_CHECK_TTL;
	ck->face_pass = strcmp(face, "pass") == 0;
	snprintf(idbuf, sizeof idbuf, "IC-%06lu", ck->no);
	a->json = cJSON_CreateObject();
	person = sim_person_json(s, p);
	if (a->json == NULL || person == NULL ||
	    cJSON_AddStringToObject(a->json, "check_id", idbuf) == NULL ||
	    !cJSON_AddItemToObject(a->json, "person", person)) {
		cJSON_Delete(person);
		status = sim_oom(a);
		goto out;
	}
	s->nchecks++;
	s->next_check++;
	status = 201;
out:
	cJSON_Delete(o);
	return status;
}

/* The live check "IC-nnnnnn" of this staff member, or NULL. */
struct sim_check *
sim_check_find(struct sim *s, const char *id, size_t staff)
{
	char *end;
	unsigned long no;

	if (strncmp(id, "IC-", 3) != 0 || id[3] < '0' || id[3] > '9')
		return NULL;
	no = strtoul(id + 3, &end, 10);
	if (*end != '\0')
		return NULL;
	for (size_t i = 0; i < s->nchecks; i++)
		if (s->checks[i].no == no && s->checks[i].staff == staff &&
		    sim_now(s) < s->checks[i].expires)
			return &s->checks[i];
	return NULL;
}

void
sim_created_at(char out[32], struct date today)
{
	struct timespec ts;
	long t;
	char d[DATE_STR];

	clock_gettime(CLOCK_REALTIME, &ts);
	t = (long)((ts.tv_sec + 8 * 3600) % 86400);
	date_format(d, today);
	snprintf(out, 32, "%sT%02ld:%02ld:%02ld+08:00", d, t / 3600,
	    t / 60 % 60, t % 60);
}

struct sim_card *
sim_card_of(struct sim_person *p, const char *card_id)
{
	for (size_t i = 0; i < p->ncards; i++)
		if (strcmp(p->cards[i].d->card_id, card_id) == 0)
			return &p->cards[i];
	return NULL;
}

cJSON *
sim_application_json(const struct sim *s, const char *id,
    const char *service, const char *status, const char *created,
    const char *next, const struct sim_card *c)
{
	cJSON *o = cJSON_CreateObject(), *card = NULL;

	if (o == NULL ||
	    cJSON_AddStringToObject(o, "application_id", id) == NULL ||
	    cJSON_AddStringToObject(o, "service", service) == NULL ||
	    cJSON_AddStringToObject(o, "status", status) == NULL ||
	    cJSON_AddStringToObject(o, "created_at", created) == NULL ||
	    cJSON_AddStringToObject(o, "next_steps", next) == NULL ||
	    (c != NULL && ((card = sim_card_json(s, c)) == NULL ||
	    !cJSON_AddItemToObject(o, "card", card)))) {
		cJSON_Delete(card);
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

int
sim_completed(struct sim *s, struct sim_answer *a, const char *prefix,
    const char *service, const struct sim_card *c, const char *next)
{
	char appid[32], created[32];

	snprintf(appid, sizeof appid, "%s-%04d%02d%02d-%04lu", prefix,
	    s->opts.today.y, s->opts.today.m, s->opts.today.d, s->next_app);
	sim_created_at(created, s->opts.today);
	a->json = sim_application_json(s, appid, service, "completed",
	    created, next, c);
	if (a->json == NULL)
		return sim_oom(a);
	s->next_app++;
	return 201;
}

static int
sim_medical(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *check_id = NULL, *card_id = NULL, *bank_card = NULL;
	const char *phone = NULL;
	bool confirmed = false;
	struct sim_person *p = NULL;
	struct sim_card *c;
	enum check_err ce;
	char next[512], dl[DATE_STR];
	cJSON *o = sim_parse_object(req);
	int status;

	if (o == NULL)
		return sim_bad_request(a, NULL);
	if (sim_get_string(o, "check_id", 32, true, &check_id) < 0)
		status = sim_bad_request(a, "check_id");
	else if (sim_get_string(o, "card_id", 32, true, &card_id) < 0)
		status = sim_bad_request(a, "card_id");
	else if (sim_get_string(o, "bank_card", 64, true, &bank_card) < 0)
		status = sim_bad_request(a, "bank_card");
	else if (sim_get_string(o, "phone", 32, true, &phone) < 0)
		status = sim_bad_request(a, "phone");
	else if (sim_get_bool(o, "luhn_confirmed", false, &confirmed) < 0)
		status = sim_bad_request(a, "luhn_confirmed");
	else
		status = 0;
	if (status != 0)
		goto out;

	c = sim_check_card(s, ss, check_id, card_id, a, &p, &status);
	if (c == NULL)
		goto out;
	if (c->lost) {
		status = sim_fail(a, 422, "card_lost", "card_id",
		    "This card was reported lost and cannot be activated. Apply "
		    "for a replacement card with the ID card.");
		goto out;
	}
	if (c->ss_active) {
		status = sim_fail(a, 409, "already_active", "card_id",
		    "The medical function of this card is already active. "
		    "Nothing needs to be done.");
		goto out;
	}
	if (strcmp(sim_card_ss(s, c), "reported_lost") == 0) {
		date_format(dl, deadline_of(c->received));
		snprintf(next, sizeof next, "The 300-day deadline passed on %s "
		    "and the social-security application was reported lost. "
		    "The applicant must first enable the financial application "
		    "at %s, then come back to cancel the loss report at the "
		    "counter.", dl, c->d->bank);
		status = sim_fail(a, 422, "deadline_passed", "card_id", next);
		goto out;
	}
	ce = check_bankcard(bank_card);
	if (ce != CHECK_OK && ce != CHECK_CARD_LUHN) {
		status = sim_fail(a, 422, "bank_card_invalid", "bank_card",
		    "The bank card number must be a UnionPay number: 16 to 19 "
		    "digits starting with 62. Type it again from the card.");
		goto out;
	}
	if (ce == CHECK_CARD_LUHN && !confirmed) {
		status = sim_fail(a, 422, "bank_card_luhn", "bank_card",
		    "The bank card number fails its check digit. Type it again "
		    "from the card; some old cards fail this check, so if it is "
		    "the same, confirm it.");
		goto out;
	}
	if (check_mobile(phone) != CHECK_OK) {
		status = sim_fail(a, 422, "phone_invalid", "phone",
		    "The phone number must be an 11-digit mobile number. Ask "
		    "the applicant again.");
		goto out;
	}

	c->ss_active = true;
	snprintf(p->phone, sizeof p->phone, "%s", phone);
	if (c->fin_active)
		snprintf(next, sizeof next, "The medical function is active "
		    "now: the card can be used at hospitals and pharmacies at "
		    "once. Nothing else is needed.");
	else
		snprintf(next, sizeof next, "The medical function is active "
		    "now: the card can be used at hospitals and pharmacies at "
		    "once. The financial function is separate: the applicant "
		    "enables it at %s with this card and the ID card.",
		    c->d->bank);
	status = sim_completed(s, a, "MA", "medical-activation", c, next);
	if (status != 201)
		c->ss_active = false;
out:
	cJSON_Delete(o);
	return status;
}

static bool
sim_key_ok(const char *key)
{
	size_t n = strlen(key);

	if (n == 0 || n > SIM_KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (key[i] <= ' ' || key[i] > '~')
			return false;
	return true;
}

/* Remember what a write made (its answer's application_id and status)
 * for GET /v1/writes/{key}. */
static void
sim_write_record(struct sim *s, size_t staff, const char *key,
    const cJSON *answer)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(answer,
	    "application_id");
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(answer, "status");
	struct sim_write *w;

	if (s->nwrites == SIM_WRITES_MAX) {
		memmove(s->writes, s->writes + 1,
		    (s->nwrites - 1) * sizeof *s->writes);
		s->nwrites--;
	}
	if (sim_grow((void **)&s->writes, &s->cwrites, s->nwrites,
	    sizeof *s->writes) < 0)
		return;
	w = &s->writes[s->nwrites++];
	memset(w, 0, sizeof *w);
	w->staff = staff;
	w->created = sim_now(s);
	snprintf(w->key, sizeof w->key, "%s", key);
	if (cJSON_IsString(id) && strlen(id->valuestring) < sizeof w->made)
		snprintf(w->made, sizeof w->made, "%s", id->valuestring);
	if (cJSON_IsString(st) && strlen(st->valuestring) <
	    sizeof w->made_status)
		snprintf(w->made_status, sizeof w->made_status, "%s",
		    st->valuestring);
}

/* GET /v1/writes/{key}: what became of one of this staff member's
 * writes -- done, with what it made, or unknown (never seen, refused, or
 * over 30 days ago). */
static int
sim_h_write_status(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *key = req->path + strlen("/v1/writes/");
	long now = sim_now(s);

	for (size_t i = s->nwrites; i-- > 0;) {
		const struct sim_write *e = &s->writes[i];

		if (e->staff != ss->staff || strcmp(e->key, key) != 0 ||
		    now - e->created >= SIM_WRITE_TTL)
			continue;
		if ((a->json = cJSON_CreateObject()) == NULL ||
		    !cJSON_AddStringToObject(a->json, "key", e->key) ||
		    !cJSON_AddStringToObject(a->json, "state", "done") ||
		    !cJSON_AddStringToObject(a->json, "application_id",
		    e->made) ||
		    !cJSON_AddStringToObject(a->json, "status", e->made_status))
			return sim_oom(a);
		return 200;
	}
	return sim_fail(a, 404, "write_unknown", NULL, "No write with this "
	    "key was done for this staff member in the last 30 days.");
}

/* Forget the answers stored more than SIM_IDEM_TTL ago. */
static void
sim_idem_purge(struct sim *s)
{
	long now = sim_now(s);

	for (size_t i = 0; i < s->nidem;)
		if (now - s->idem[i].created >= SIM_IDEM_TTL) {
			free(s->idem[i].body);
			s->idem[i] = s->idem[--s->nidem];
		} else {
			i++;
		}
}

struct sim_idem *
sim_idem_find(struct sim *s, size_t staff, const char *key)
{
	long now = sim_now(s);

	for (size_t i = 0; i < s->nidem; i++) {
		struct sim_idem *e = &s->idem[i];

		if (e->staff == staff && now - e->created < SIM_IDEM_TTL &&
		    strcmp(e->key, key) == 0)
			return e;
	}
	return NULL;
}

/* The stored answer e again, byte for byte. */
static int
sim_idem_replay(const struct sim_idem *e, struct sim_answer *a)
{
	a->raw = malloc(e->body_len + 1);
	if (a->raw == NULL)
		return sim_oom(a);
	memcpy(a->raw, e->body, e->body_len);
	a->raw[e->body_len] = '\0';
	a->raw_len = e->body_len;
	a->replayed = true;
	return e->status;
}

/* Keep the answer a->raw (status) under (staff, key).  Without memory it
 * is answered all the same, but a replay will not be possible. */
static void
sim_idem_store(struct sim *s, size_t staff, const char *key,
    const unsigned char hash[crypto_generichash_BYTES],
    const struct sim_answer *a, int status)
{
	struct sim_idem *e;

	if (sim_grow((void **)&s->idem, &s->cidem, s->nidem,
	    sizeof *s->idem) < 0)
		return;
	e = &s->idem[s->nidem];
	memset(e, 0, sizeof *e);
	e->body = malloc(a->raw_len);
	if (e->body == NULL)
		return;
	memcpy(e->body, a->raw, a->raw_len);
	e->body_len = a->raw_len;
	e->staff = staff;
	snprintf(e->key, sizeof e->key, "%s", key);
	memcpy(e->hash, hash, crypto_generichash_BYTES);
	e->created = sim_now(s);
	e->status = status;
	s->nidem++;
}

/* Every write that creates something goes through here: the answer that
 * created something is stored under (staff, key) with the body's hash and
 * given again for the same body; refusals are not stored.  A write that
 * would be made is first held to the staff member's write cap
 * (sim/sim_limit.c); a replay is not: it makes nothing. */
int
sim_idempotent(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a, sim_handler *fn)
{
	unsigned char hash[crypto_generichash_BYTES];
	struct sim_idem *e;
	int status;

	if (req->idem_key == NULL || req->idem_key[0] == '\0')
		return sim_fail(a, 400, "idempotency_key_required", NULL,
		    "The request came without an Idempotency-Key; nothing was "
		    "done. This is a fault of the terminal: report it.");
	if (!sim_key_ok(req->idem_key))
		return sim_bad_request(a, NULL);
	crypto_generichash(hash, sizeof hash,
	    (const unsigned char *)(req->body ? req->body : ""),
	    req->body ? req->body_len : 0, NULL, 0);

	sim_idem_purge(s);
	if ((e = sim_idem_find(s, ss->staff, req->idem_key)) != NULL) {
		if (sodium_memcmp(e->hash, hash, sizeof hash) != 0)
			return sim_fail(a, 409, "idempotency_conflict", NULL,
			    "This request reuses the key of an earlier, "
			    "different request; nothing was done. This is a "
			    "fault of the terminal: report it.");
		return sim_idem_replay(e, a);
	}
	if ((status = sim_write_refused(s, ss->staff, a)) != 0)
		return status;

	status = fn(s, req, ss, a);
	if (status < 200 || status > 299 || a->json == NULL)
		return status;
	sim_write_counted(s, ss->staff);
	a->raw = cJSON_PrintUnformatted(a->json);
	if (a->raw == NULL)
		return status; /* printed again (or failed) by sim_handle */
	a->raw_len = strlen(a->raw);
	sim_idem_store(s, ss->staff, req->idem_key, hash, a, status);
	sim_write_record(s, ss->staff, req->idem_key, a->json);
	return status;
}

static SIM_WRITE(sim_h_medical, sim_medical)

/* ---- routing ----------------------------------------------------------- */

static const struct sim_route {
	const char *method;
	const char *path;        /* ends in '/' for a prefix with one segment */
	bool session;            /* needs a live session */
	sim_handler *fn;
} sim_routes[] = {
	{ "POST", SIM_SIGNIN_PATH, false, sim_h_signin },
	{ "DELETE", "/v1/sessions/current", true, sim_h_signout },
	{ "POST", "/v1/identity-checks", true, sim_h_identity },
	{ "GET", "/v1/persons/", true, sim_h_person },
	{ "POST", "/v1/applications/medical-activation", true, sim_h_medical },
	{ "POST", "/v1/delegations/insured", true, sim_h_deleg_insured },
	{ "POST", "/v1/applications/delegated-activation", true,
	    sim_h_deleg_submit },
	{ "GET", "/v1/approvals", true, sim_h_approvals },
	{ "GET", "/v1/approvals/", true, sim_h_approval_get },
	{ "POST", "/v1/approvals/", true, sim_h_approval_decide },
	{ "GET", "/v1/submissions", true, sim_h_submissions },
	{ "GET", "/v1/households/", true, sim_h_household },
	{ "POST", "/v1/applications/newborn", true, sim_h_newborn },
	{ "POST", "/v1/pin-challenges", true, sim_h_pin_challenge },
	{ "POST", "/v1/applications/pin-reset", true, sim_h_pin_reset },
	{ "POST", "/v1/applications/financial-activation", true,
	    sim_h_financial },
	{ "POST", "/v1/applications/cancel-loss", true, sim_h_cancel_loss },
	{ "POST", "/v1/applications/card-replacement", true, sim_h_replacement },
	{ "POST", "/v1/applications/new-card", true, sim_h_new_card },
	{ "GET", "/v1/contributions/", true, sim_h_contributions },
	{ "GET", "/v1/writes/", true, sim_h_write_status },
	{ "POST", "/v1/audit/anchors", true, sim_h_audit_anchor },
};

static bool
sim_route_matches(const struct sim_route *r, const char *path)
{
	size_t n = strlen(r->path);

	if (r->path[n - 1] != '/')
		return strcmp(r->path, path) == 0;
	return strncmp(r->path, path, n) == 0 && path[n] != '\0' &&
	    strchr(path + n, '/') == NULL;
}

static int
sim_route(struct sim *s, const struct sim_request *req, struct sim_answer *a)
{
	char path[SIM_PATH_MAX];
	size_t n;
	bool path_known = false;
	struct sim_session *ss = NULL;
	struct sim_request r = *req;

	if (req->method == NULL || req->path == NULL)
		return sim_bad_request(a, NULL);
	if (req->body_len > SIM_BODY_MAX)
		return sim_fail(a, 413, "too_large", NULL,
		    "The request is too large; nothing was done. This is a "
		    "fault of the terminal: report it.");
	n = strcspn(req->path, "?");
	if (n >= sizeof path)
		goto not_found;
	memcpy(path, req->path, n);
	path[n] = '\0';
	r.path = path;
	r.query = req->path[n] == '?' ? req->path + n + 1 : NULL;
	for (size_t i = 0; i < sizeof sim_routes / sizeof sim_routes[0]; i++) {
		const struct sim_route *rt = &sim_routes[i];

		if (!sim_route_matches(rt, path))
			continue;
		path_known = true;
		if (strcmp(rt->method, req->method) != 0)
			continue;
		if (rt->session &&
		    (ss = sim_session_find(s, req->token)) == NULL)
			return sim_fail(a, 401, "session_expired", NULL,
			    "The session has ended. Sign in again; the form "
			    "you were filling in is kept.");
		return rt->fn(s, &r, ss, a);
	}
	if (path_known)
		return sim_fail(a, 405, "method_not_allowed", NULL,
		    "This method is not allowed on this path. This is a fault "
		    "of the terminal: report it.");
not_found:
	return sim_fail(a, 404, "not_found", NULL,
	    "No such path. This is a fault of the terminal: report it.");
}

int
sim_handle(struct sim *s, const struct sim_request *req, char **body,
    size_t *body_len)
{
	static const char oom[] = "{\"code\":\"internal\",\"message\":"
	    "\"The service failed; nothing was done. Try again.\"}";
	struct sim_answer a = { 0 };
	bool had_json;
	int status;

	*body = NULL;
	*body_len = 0;
	if (req->replayed != NULL)
		*req->replayed = false;
	if (req->retry_after != NULL)
		*req->retry_after = 0;
	status = sim_route(s, req, &a);
	if (a.raw == NULL && a.json != NULL)
		a.raw = cJSON_PrintUnformatted(a.json);
	had_json = a.json != NULL;
	cJSON_Delete(a.json);
	if (a.raw == NULL && (status != 204 || had_json)) {
		status = 500;
		a.raw = strdup(oom);
	} else if (a.raw == NULL) {
		a.raw = calloc(1, 1);
	}
	if (a.raw == NULL)
		return 500;
	*body = a.raw;
	*body_len = a.raw_len ? a.raw_len : strlen(a.raw);
	if (req->replayed != NULL)
		*req->replayed = a.replayed;
	if (req->retry_after != NULL)
		*req->retry_after = a.retry_after;
	return status;
}
