/*
 * sim_idem.c -- the idempotency store and what each write made.
 *
 * Every write goes through sim_idempotent(): the answer that created
 * something is kept under (staff member, Idempotency-Key) with its body's
 * hash for WIRE_ANSWER_KEPT_SECONDS and given again byte for byte; the
 * same key with another body is refused.  Apart from the answers, what
 * each write made (its application_id and status) is told by GET
 * /v1/writes/{key} for WIRE_WRITE_KEPT_SECONDS, so that a terminal that
 * lost an answer learns whether its write was done.
 */
#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim_internal.h"

static bool
sim_key_ok(const char *key)
{
	size_t n = strlen(key);

	if (n == 0 || n > WIRE_IDEM_KEY_MAX)
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
int
sim_h_write_status(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *key = sim_route_segment(req);
	long now = sim_now(s);

	for (size_t i = s->nwrites; i-- > 0;) {
		const struct sim_write *e = &s->writes[i];

		if (e->staff != ss->staff || strcmp(e->key, key) != 0 ||
		    now - e->created >= WIRE_WRITE_KEPT_SECONDS)
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

/* Forget the answers stored more than WIRE_ANSWER_KEPT_SECONDS ago. */
static void
sim_idem_purge(struct sim *s)
{
	long now = sim_now(s);

	for (size_t i = 0; i < s->nidem;)
		if (now - s->idem[i].created >= WIRE_ANSWER_KEPT_SECONDS) {
			free(s->idem[i].body);
			s->idem[i] = s->idem[--s->nidem];
		} else {
			i++;
		}
}

/* The stored answer of (staff, key) younger than WIRE_ANSWER_KEPT_SECONDS,
 * or NULL; lent until the next write. */
static struct sim_idem *
sim_idem_find(struct sim *s, size_t staff, const char *key)
{
	long now = sim_now(s);

	for (size_t i = 0; i < s->nidem; i++) {
		struct sim_idem *e = &s->idem[i];

		if (e->staff == staff &&
		    now - e->created < WIRE_ANSWER_KEPT_SECONDS &&
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
