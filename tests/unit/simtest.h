/*
 * simtest.h -- the requests the simulator's unit tests send through
 * sim_handle(), the simulator's today fixed at 2026-11-22.  Include after
 * <cmocka.h>, <cjson/cJSON.h> and "sim/sim.h".
 */
#ifndef SSDESK_SIMTEST_H
#define SSDESK_SIMTEST_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct date today = { 2026, 11, 22 };

/* One simulator, a session on it, and the last answer. */
struct t {
	struct sim *s;
	char token[160];
	char check[32];          /* the last identity check (test_sim_card) */
	int status;
	bool replayed;
	long retry_after;        /* the last answer's Retry-After, or 0 */
	char *raw;
	size_t raw_len;
	cJSON *json;
	unsigned key;            /* the last Idempotency-Key's number */
	bool presign;            /* sign-ins checked first with
	                          * sim_check_password, as sim/server.c does */
};

/* One request; its status, the answer in t->raw and t->json. */
static inline int
t_call(struct t *t, const char *method, const char *path, const char *token,
    const char *key, const char *body)
{
	struct sim_request req = {
		.method = method,
		.path = path,
		.token = token,
		.idem_key = key,
		.body = body,
		.body_len = body ? strlen(body) : 0,
		.replayed = &t->replayed,
		.retry_after = &t->retry_after,
	};

	free(t->raw);
	cJSON_Delete(t->json);
	t->raw = NULL;
	t->json = NULL;
	if (t->presign && sim_wants_password(&req))
		req.password = sim_check_password(&req);
	t->status = sim_handle(t->s, &req, &t->raw, &t->raw_len);
	assert_non_null(t->raw);
	if (t->raw_len > 0) {
		t->json = cJSON_ParseWithLength(t->raw, t->raw_len);
		assert_non_null(t->json);
	}
	return t->status;
}

static inline const char *
t_str(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	assert_true(cJSON_IsString(v));
	return v->valuestring;
}

static inline int
t_signin_as(struct t *t, const char *staff, const char *password)
{
	char body[256];

	snprintf(body, sizeof body, "{\"staff_id\":\"%s\",\"password\":\"%s\","
	    "\"counter\":\"C-03\"}", staff, password);
	return t_call(t, "POST", "/v1/sessions", NULL, NULL, body);
}

static inline void
t_signin(struct t *t, const char *staff)
{
	assert_int_equal(t_signin_as(t, staff, "ssdesk-demo"), 201);
	snprintf(t->token, sizeof t->token, "%s", t_str(t->json, "token"));
}

/* The full fictitious number of a listed person. */
static inline const char *
t_number(struct t *t, const char *name)
{
	static struct sim_listing l[40];
	size_t n = sim_list_people(t->s, l, 40);

	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i].name, name) == 0)
			return l[i].secret;
	fail_msg("no person %s", name);
	return NULL;
}

/* The answer was the refusal status code (with a message), about field
 * (NULL: none). */
static inline void
t_error(struct t *t, int status, const char *code, const char *field)
{
	const cJSON *f;

	assert_int_equal(t->status, status);
	assert_string_equal(t_str(t->json, "code"), code);
	assert_true(strlen(t_str(t->json, "message")) > 10);
	f = cJSON_GetObjectItemCaseSensitive(t->json, "field");
	if (field == NULL)
		assert_null(f);
	else
		assert_string_equal(t_str(t->json, "field"), field);
}

static inline int
t_check_full(struct t *t, const char *number, const char *name,
    const char *valid, bool original, bool photocopy, const char *face,
    bool fingerprint)
{
	char body[1024];

	snprintf(body, sizeof body, "{\"id_number\":\"%s\",\"name\":\"%s\","
	    "\"id_valid_until\":\"%s\",\"checklist\":{\"original_sighted\":%s,"
	    "\"photocopy_taken\":%s,\"face\":\"%s\",\"fingerprint\":%s}}",
	    number, name, valid, original ? "true" : "false",
	    photocopy ? "true" : "false", face, fingerprint ? "true" : "false");
	return t_call(t, "POST", "/v1/identity-checks", t->token, NULL, body);
}

static inline int
t_check(struct t *t, const char *name)
{
	return t_check_full(t, t_number(t, name), name, "2031-05-01", true,
	    true, "pass", true);
}

/* Identity check of name (must pass); its check_id into out. */
static inline void
t_checked(struct t *t, const char *name, char out[32])
{
	assert_int_equal(t_check(t, name), 201);
	snprintf(out, 32, "%s", t_str(t->json, "check_id"));
}

/* A delegated activation body for insured, with the POA signed days ago. */
static inline int
t_deleg(struct t *t, const char *key, const char *check_id,
    const char *insured, const char *card_id, const char *activation,
    long days_ago, bool covers_ss, bool covers_fin, bool checklist)
{
	char body[1024], signed_on[DATE_STR];

	date_format(signed_on, date_add_days(today, -days_ago));
	snprintf(body, sizeof body, "{\"check_id\":\"%s\","
	    "\"insured_id_number\":\"%s\",\"insured_name\":\"%s\","
	    "\"card_id\":\"%s\",\"activation\":\"%s\",\"poa_number\":"
	    "\"POA-2026-118\",\"poa_signed_on\":\"%s\",\"poa_covers_ss\":%s,"
	    "\"poa_covers_fin\":%s,\"insured_original_sighted\":true,"
	    "\"photocopies_taken\":%s,\"poa_original_sighted\":true}",
	    check_id, t_number(t, insured), insured, card_id, activation,
	    signed_on, covers_ss ? "true" : "false",
	    covers_fin ? "true" : "false", checklist ? "true" : "false");
	return t_call(t, "POST", "/v1/applications/delegated-activation",
	    t->token, key, body);
}

/* A simulator (session time-out ttl seconds, 0: the default; limits, NULL:
 * the default) in *state. */
static inline int
t_setup_with(void **state, long ttl, const struct sim_limits *lim)
{
	struct t *t = calloc(1, sizeof *t);
	struct sim_opts o = { .today = today, .session_ttl_s = ttl,
	    .limits = lim };

	if (t == NULL)
		return -1;
	t->s = sim_new(&o);
	if (t->s == NULL)
		return -1;
	*state = t;
	return 0;
}

static inline int
t_setup_ttl(void **state, long ttl)
{
	return t_setup_with(state, ttl, NULL);
}

/* t_setup_ttl with the default time-out, clerk01 signed in. */
static inline int
t_setup(void **state)
{
	struct t *t;

	if (t_setup_ttl(state, 0) < 0)
		return -1;
	t = *state;
	t_signin(t, "clerk01");
	return 0;
}

static inline int
t_teardown(void **state)
{
	struct t *t = *state;

	free(t->raw);
	cJSON_Delete(t->json);
	sim_free(t->s);
	free(t);
	return 0;
}

#endif
