/*
 * sim_session.c -- staff sessions: the sign-in (POST /v1/sessions) and its
 * password check, the sign-out, and the live session of a bearer token.
 *
 * A token is 32 random bytes in hex, compared in constant time and wiped
 * when its session ends.  The password's Argon2id check may run before
 * sim_handle(), outside a server's lock (sim.h); the lockout
 * (sim/sim_lockout.c) is decided here either way, after the same hash
 * work for known and unknown staff IDs alike.  The store is bounded by
 * lim.sessions.
 */
#include <cjson/cJSON.h>
#include <sodium.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "sim/sim_internal.h"

_Static_assert(WIRE_LOCKOUT_SECONDS == 15 * 60, "locked_out says 15 minutes");

static void
sim_session_drop(struct sim *s, size_t i)
{
	sodium_memzero(&s->sessions[i], sizeof s->sessions[i]);
	sim_remove(s->sessions, &s->nsessions, sizeof *s->sessions, i);
	sodium_memzero(&s->sessions[s->nsessions], sizeof *s->sessions);
}

struct sim_session *
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

enum sim_password
sim_check_password(const struct sim_request *req)
{
	const char *staff_id, *password, *counter, *field;
	cJSON *o;
	enum sim_password v = SIM_PASSWORD_UNCHECKED;

	if (req->body_len > WIRE_BODY_MAX)
		return v;
	o = sim_parse_object(req);
	if (sim_signin_fields(o, &staff_id, &password, &counter, &field) == 0)
		v = sim_password_verify(sim_staff_find(staff_id), password) ?
		    SIM_PASSWORD_RIGHT : SIM_PASSWORD_WRONG;
	cJSON_Delete(o);
	return v;
}

int
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

int
sim_h_signout(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	(void)req;
	(void)a;
	sim_session_drop(s, (size_t)(ss - s->sessions));
	return 204;
}
