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

/* A simulator (session time-out ttl seconds, 0: the default) in *state. */
static inline int
t_setup_ttl(void **state, long ttl)
{
	struct t *t = calloc(1, sizeof *t);
	struct sim_opts o = { .today = today, .session_ttl_s = ttl };

	if (t == NULL)
		return -1;
	t->s = sim_new(&o);
	if (t->s == NULL)
		return -1;
	*state = t;
	return 0;
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
