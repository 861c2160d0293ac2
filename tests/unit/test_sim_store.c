/*
 * test_sim_store.c -- the simulator's memory is bounded and its lists
 * are paged (docs/api.md "Bounds", "Lists"): every store that grows with
 * requests stops at its limit (sessions and identity checks make room at
 * the expense of the staff member holding the most; the idempotency
 * store, delegated activations and PIN challenges refuse), the lockout
 * table cannot be flooded open, a staff member's writes are capped per
 * minute (429 too_many_writes with Retry-After), and the approval queue
 * and my submissions come a page at a time with a cursor.  Small limits
 * (struct sim_limits) keep the tests fast; the documented defaults are
 * checked where they are cheap to reach.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim.h"

#include "tests/unit/simtest.h"

/* No write cap and room everywhere but where a test says otherwise. */
static struct sim_limits
roomy(void)
{
	struct sim_limits l = sim_limits_default;

	l.writes_per_minute = 0;
	return l;
}

static int
setup_limits(void **state, const struct sim_limits *lim)
{
	struct t *t;

	if (t_setup_with(state, 0, lim) < 0)
		return -1;
	t = *state;
	t_signin(t, "clerk01");
	return 0;
}

/* A delegated activation for 孙丽 under key (her card stays inactive
 * while it waits, so any number can be submitted). */
static int
submit(struct t *t, const char *ck, const char *key)
{
	return t_deleg(t, key, ck, "孙丽", "C-0100", "ss", 10, true, false,
	    true);
}

/* n submissions as the signed-in staff member, keys prefix-1.., under
 * one identity check of the agent (in t->check). */
static void
submit_n(struct t *t, const char *prefix, int n)
{
	char key[48];

	t_checked(t, "马军", t->check);
	for (int i = 1; i <= n; i++) {
		snprintf(key, sizeof key, "%s-%d", prefix, i);
		assert_int_equal(submit(t, t->check, key), 201);
	}
}

/* ---- sessions and identity checks -------------------------------------- */

static int
setup_sessions(void **state)
{
	struct sim_limits l = roomy();

	l.sessions = 4;
	return setup_limits(state, &l);
}

/* A full session store ends the oldest session of the staff member
 * holding the most: an account signing in again and again ends its own,
 * never another's. */
static void
test_sessions_bounded(void **state)
{
	struct t *t = *state;
	char first[160], other[160];

	snprintf(first, sizeof first, "%s", t->token);
	t_signin(t, "clerk02");
	snprintf(other, sizeof other, "%s", t->token);
	for (int i = 0; i < 4; i++)
		t_signin(t, "clerk01");
	t_call(t, "GET", "/v1/persons/P-0001", first, NULL, NULL);
	t_error(t, 401, "session_expired", NULL);
	assert_int_equal(t_call(t, "GET", "/v1/persons/P-0001", other, NULL,
	    NULL), 200);
	assert_int_equal(t_call(t, "GET", "/v1/persons/P-0001", t->token,
	    NULL, NULL), 200);
}

static int
setup_checks(void **state)
{
	struct sim_limits l = roomy();

	l.checks = 8;
	return setup_limits(state, &l);
}

/* Likewise the identity checks: another clerk's check outlives a flood. */
static void
test_checks_evict_busiest(void **state)
{
	struct t *t = *state;
	char mine[32], theirs[32], ck[32], clerk01[160];

	snprintf(clerk01, sizeof clerk01, "%s", t->token);
	t_checked(t, "马军", mine);
	t_signin(t, "clerk02");
	t_checked(t, "马军", theirs);
	snprintf(t->token, sizeof t->token, "%s", clerk01);
	for (int i = 0; i < 20; i++)
		t_checked(t, "黄强", ck);
	submit(t, mine, "k-1");
	t_error(t, 422, "check_unknown", NULL);
	t_signin(t, "clerk02");
	assert_int_equal(submit(t, theirs, "k-2"), 201);
}

/* ---- the idempotency store --------------------------------------------- */

static int
setup_idem(void **state)
{
	struct sim_limits l = roomy();

	l.idem_per_staff = 3;
	return setup_limits(state, &l);
}

/* At most idem_per_staff answers per staff member for 24 hours: the next
 * write is refused (never an answer dropped, which would let a retried
 * write be made twice) until the oldest expires. */
static void
test_idem_capped(void **state)
{
	struct t *t = *state;
	char ck[32];

	submit_n(t, "a", 3);
	submit(t, t->check, "a-4");
	t_error(t, 429, "too_many_writes", NULL);
	assert_true(t->retry_after > 23 * 3600 && t->retry_after <= 24 * 3600);
	/* What was stored is still answered; other staff are not held. */
	assert_int_equal(submit(t, t->check, "a-1"), 201);
	assert_true(t->replayed);
	t_signin(t, "clerk02");
	submit_n(t, "b", 1);
	/* A day later the oldest have gone: room again, and a stored key
	 * is free for a new write. */
	sim_advance_clock(t->s, 24 * 3600);
	t_signin(t, "clerk01");
	t_checked(t, "马军", ck);
	assert_int_equal(submit(t, ck, "a-4"), 201);
	assert_int_equal(submit(t, ck, "a-1"), 201);
	assert_false(t->replayed);
}

/* ---- delegated activations ---------------------------------------------- */

static int
setup_delegs(void **state)
{
	struct sim_limits l = roomy();

	l.delegs = 5;
	l.pending_per_staff = 3;
	return setup_limits(state, &l);
}

/* One staff member cannot fill the queue; the store as a whole is full
 * at its limit, with the one error shape. */
static void
test_delegs_bounded(void **state)
{
	struct t *t = *state;
	char ck[32];

	submit_n(t, "a", 3);
	t_checked(t, "马军", ck);
	submit(t, ck, "a-4");
	t_error(t, 409, "too_many_pending", NULL);
	t_signin(t, "clerk02");
	submit_n(t, "b", 2);
	t_checked(t, "马军", ck);
	submit(t, ck, "b-3");
	t_error(t, 507, "store_full", NULL);
	assert_int_equal(t->retry_after, 0);
}

static int
setup_many(void **state)
{
	struct sim_limits l = roomy();

	l.delegs = l.pending_per_staff = l.idem_per_staff = 10001;
	return setup_limits(state, &l);
}

/* Application numbers do not wrap at 10000: the 10001st delegation is
 * not the first one's number again. */
static void
test_application_numbers_unique(void **state)
{
	struct t *t = *state;
	char first[32], key[16];

	t_checked(t, "马军", t->check);
	assert_int_equal(submit(t, t->check, "k-0"), 201);
	snprintf(first, sizeof first, "%s", t_str(t->json, "application_id"));
	for (int i = 1; i < 10001; i++) {
		snprintf(key, sizeof key, "k-%d", i);
		assert_int_equal(submit(t, t->check, key), 201);
	}
	assert_string_not_equal(t_str(t->json, "application_id"), first);
	assert_string_equal(t_str(t->json, "application_id"),
	    "DA-20261122-10001");
}

/* ---- PIN challenges ------------------------------------------------------ */

static int
setup_challenges(void **state)
{
	struct sim_limits l = roomy();

	l.challenges = 2;
	return setup_limits(state, &l);
}

static int
challenge(struct t *t, const char *ck, const char *key)
{
	char body[128];

	snprintf(body, sizeof body, "{\"check_id\":\"%s\",\"card_id\":"
	    "\"C-0200\"}", ck);
	return t_call(t, "POST", "/v1/pin-challenges", t->token, key, body);
}

/* Live challenges are bounded; the expired make room (a live one is
 * never dropped early: it would refuse a PIN already typed). */
static void
test_challenges_bounded(void **state)
{
	struct t *t = *state;
	char ck[32];

	t_checked(t, "林晓雨", ck);
	assert_int_equal(challenge(t, ck, "c-1"), 201);
	assert_int_equal(challenge(t, ck, "c-2"), 201);
	challenge(t, ck, "c-3");
	t_error(t, 507, "store_full", NULL);
	sim_advance_clock(t->s, 601);
	assert_int_equal(challenge(t, ck, "c-4"), 201);
}

/* ---- the lockout table --------------------------------------------------- */

static int
setup_lockouts(void **state)
{
	struct sim_limits l = roomy();

	l.lockouts = 3;
	return t_setup_with(state, 0, &l);
}

static void
fail_signin(struct t *t, const char *staff, int times)
{
	for (int i = 0; i < times; i++)
		assert_int_equal(t_signin_as(t, staff, "wrong"), 401);
}

/* Made-up staff IDs filling the table do not stop a real one being
 * counted and locked. */
static void
test_lockouts_flooded(void **state)
{
	struct t *t = *state;

	fail_signin(t, "junk1", 1);
	fail_signin(t, "junk2", 1);
	fail_signin(t, "junk3", 2);
	fail_signin(t, "clerk01", 5);
	t_signin_as(t, "clerk01", "ssdesk-demo");
	t_error(t, 429, "locked_out", NULL);
	/* The ID with the most failures was kept, the others made room. */
	fail_signin(t, "junk3", 3);
	t_signin_as(t, "junk3", "wrong");
	t_error(t, 429, "locked_out", NULL);
}

static int
setup_lockout_one(void **state)
{
	struct sim_limits l = roomy();

	l.lockouts = 1;
	return t_setup_with(state, 0, &l);
}

/* A table full of locked IDs fails closed, the same answer for all. */
static void
test_lockouts_full_of_locked(void **state)
{
	struct t *t = *state;

	fail_signin(t, "junk1", 5);
	t_signin_as(t, "clerk01", "ssdesk-demo");
	t_error(t, 429, "locked_out", NULL);
	sim_advance_clock(t->s, 900);
	assert_int_equal(t_signin_as(t, "clerk01", "ssdesk-demo"), 201);
}

/* ---- the write cap ------------------------------------------------------- */

/* The documented cap: 30 writes a minute per staff member, in a burst of
 * 30; the next is 429 too_many_writes with Retry-After. */
static void
test_write_cap_default(void **state)
{
	struct t *t = *state;
	char ck[32];

	submit_n(t, "a", 30);
	t_checked(t, "马军", ck);
	submit(t, ck, "a-31");
	t_error(t, 429, "too_many_writes", NULL);
	/* 2 s, or 1 if the clock ticked during the burst. */
	assert_in_range(t->retry_after, 1, 2);
	assert_non_null(strstr(t_str(t->json, "message"), "30 a minute"));
	/* Another staff member is not held by it. */
	t_signin(t, "clerk02");
	submit_n(t, "b", 1);
}

static int
setup_burst(void **state)
{
	struct sim_limits l = sim_limits_default;

	l.writes_per_minute = 1;
	l.writes_burst = 2;
	return setup_limits(state, &l);
}

/* Only writes that were made count: a replay and a refusal cost nothing,
 * and time gives room back at the rate, as Retry-After says.  (The
 * simulator's clock runs: a second may pass between two requests.) */
static void
test_write_cap_counts_made(void **state)
{
	struct t *t = *state;
	char ck[32];
	long wait;

	t_checked(t, "马军", ck);
	assert_int_equal(submit(t, ck, "k-1"), 201);
	t_deleg(t, "k-bad", ck, "孙丽", "C-0100", "pin_reset", 10, true, true,
	    true);
	t_error(t, 422, "pin_reset_not_delegated", "activation");
	assert_int_equal(submit(t, ck, "k-2"), 201);
	submit(t, ck, "k-3");
	t_error(t, 429, "too_many_writes", NULL);
	assert_in_range(t->retry_after, 55, 60);
	assert_int_equal(submit(t, ck, "k-1"), 201);
	assert_true(t->replayed);
	assert_int_equal(t->retry_after, 0);
	sim_advance_clock(t->s, 30);
	submit(t, ck, "k-3");
	t_error(t, 429, "too_many_writes", NULL);
	wait = t->retry_after;
	assert_in_range(wait, 25, 30);
	sim_advance_clock(t->s, wait);
	assert_int_equal(submit(t, ck, "k-3"), 201);
	assert_false(t->replayed);
}

/* ---- paged lists ---------------------------------------------------------- */

/* GET path as the signed-in staff member: 200, the page's items. */
static const cJSON *
page(struct t *t, const char *path)
{
	const cJSON *items;

	assert_int_equal(t_call(t, "GET", path, t->token, NULL, NULL), 200);
	items = cJSON_GetObjectItemCaseSensitive(t->json, "items");
	assert_true(cJSON_IsArray(items));
	return items;
}

static const char *
item_id(const cJSON *items, int i)
{
	return t_str(cJSON_GetArrayItem(items, i), "application_id");
}

/* The page's next_cursor into out, "" when null (the last page). */
static void
next_cursor(struct t *t, char *out, size_t outsz)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(t->json,
	    "next_cursor");

	assert_true(cJSON_IsNull(c) || cJSON_IsString(c));
	snprintf(out, outsz, "%s", cJSON_IsString(c) ? c->valuestring : "");
}

static int
total(struct t *t)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(t->json, "total");

	assert_true(cJSON_IsNumber(n));
	return (int)n->valuedouble;
}

/* 5 submissions of clerk01: DA-...-0001 to -0005 (their application
 * numbers in ids), then super01 signed in. */
static void
five(struct t *t, char ids[5][32])
{
	char ck[32], key[16];

	t_checked(t, "马军", ck);
	for (int i = 0; i < 5; i++) {
		snprintf(key, sizeof key, "k-%d", i);
		assert_int_equal(submit(t, ck, key), 201);
		snprintf(ids[i], 32, "%s", t_str(t->json, "application_id"));
	}
}

/* The queue, oldest first, two at a time: first, next and last page. */
static void
test_queue_pages(void **state)
{
	struct t *t = *state;
	char ids[5][32], cur[32], path[96];
	const cJSON *items;

	five(t, ids);
	t_signin(t, "super01");
	items = page(t, "/v1/approvals?limit=2");
	assert_int_equal(cJSON_GetArraySize(items), 2);
	assert_string_equal(item_id(items, 0), ids[0]);
	assert_string_equal(item_id(items, 1), ids[1]);
	assert_int_equal(total(t), 5);
	next_cursor(t, cur, sizeof cur);
	assert_true(cur[0] != '\0');
	/* Decided meanwhile: the next page neither repeats nor skips. */
	snprintf(path, sizeof path, "/v1/approvals/%s", ids[2]);
	assert_int_equal(t_call(t, "POST", path, t->token, "d-1",
	    "{\"decision\":\"reject\",\"reason\":\"no\"}"), 200);
	snprintf(path, sizeof path, "/v1/approvals?cursor=%s&limit=2", cur);
	items = page(t, path);
	assert_int_equal(cJSON_GetArraySize(items), 2);
	assert_string_equal(item_id(items, 0), ids[3]);
	assert_string_equal(item_id(items, 1), ids[4]);
	assert_int_equal(total(t), 4);
	/* Exactly the last: no next page. */
	next_cursor(t, cur, sizeof cur);
	assert_string_equal(cur, "");
}

/* My submissions, newest first, two at a time. */
static void
test_submissions_pages(void **state)
{
	struct t *t = *state;
	char ids[5][32], cur[32], path[96];
	const cJSON *items;

	five(t, ids);
	items = page(t, "/v1/submissions?limit=2");
	assert_string_equal(item_id(items, 0), ids[4]);
	assert_string_equal(item_id(items, 1), ids[3]);
	assert_int_equal(total(t), 5);
	next_cursor(t, cur, sizeof cur);
	snprintf(path, sizeof path, "/v1/submissions?limit=2&cursor=%s", cur);
	items = page(t, path);
	assert_string_equal(item_id(items, 0), ids[2]);
	assert_string_equal(item_id(items, 1), ids[1]);
	next_cursor(t, cur, sizeof cur);
	snprintf(path, sizeof path, "/v1/submissions?limit=2&cursor=%s", cur);
	items = page(t, path);
	assert_int_equal(cJSON_GetArraySize(items), 1);
	assert_string_equal(item_id(items, 0), ids[0]);
	next_cursor(t, cur, sizeof cur);
	assert_string_equal(cur, "");
	/* Another staff member's list is their own: empty. */
	t_signin(t, "clerk02");
	assert_int_equal(cJSON_GetArraySize(page(t, "/v1/submissions")), 0);
	assert_int_equal(total(t), 0);
}

/* Without a limit a page is 20; up to 100 may be asked for. */
static void
test_page_default_and_max(void **state)
{
	struct t *t = *state;
	char cur[32];

	submit_n(t, "a", 21);
	t_signin(t, "super01");
	assert_int_equal(cJSON_GetArraySize(page(t, "/v1/approvals")), 20);
	assert_int_equal(total(t), 21);
	next_cursor(t, cur, sizeof cur);
	assert_true(cur[0] != '\0');
	assert_int_equal(cJSON_GetArraySize(page(t, "/v1/approvals?limit=100")),
	    21);
	next_cursor(t, cur, sizeof cur);
	assert_string_equal(cur, "");
}

/* A cursor this list did not give, or a limit out of range, is 400
 * bad_request naming the parameter. */
static void
test_page_refusals(void **state)
{
	struct t *t = *state;
	char ids[5][32], cur[32], path[128];
	static const char *const bad_cursor[] = {
		"", "x", "q", "q-1", "q1x", "q99", "q1234567890", "m1", "q 1",
	};
	static const char *const bad_limit[] = {
		"0", "101", "-1", "abc", "", "1e2", "99999999999",
	};

	five(t, ids);
	t_signin(t, "super01");
	for (size_t i = 0; i < sizeof bad_cursor / sizeof bad_cursor[0]; i++) {
		snprintf(path, sizeof path, "/v1/approvals?cursor=%s",
		    bad_cursor[i]);
		t_call(t, "GET", path, t->token, NULL, NULL);
		t_error(t, 400, "bad_request", "cursor");
	}
	for (size_t i = 0; i < sizeof bad_limit / sizeof bad_limit[0]; i++) {
		snprintf(path, sizeof path, "/v1/approvals?limit=%s",
		    bad_limit[i]);
		t_call(t, "GET", path, t->token, NULL, NULL);
		t_error(t, 400, "bad_request", "limit");
	}
	t_call(t, "GET", "/v1/approvals?limit=2&limit=3", t->token, NULL,
	    NULL);
	t_error(t, 400, "bad_request", "limit");
	/* The queue's cursor is not my submissions'. */
	page(t, "/v1/approvals?limit=1");
	next_cursor(t, cur, sizeof cur);
	snprintf(path, sizeof path, "/v1/submissions?cursor=%s", cur);
	t_call(t, "GET", path, t->token, NULL, NULL);
	t_error(t, 400, "bad_request", "cursor");
	/* Unknown parameters are no refusal. */
	assert_int_equal(cJSON_GetArraySize(page(t,
	    "/v1/approvals?sort=age&limit=5")), 5);
}

int
main(void)
{
#define T(f, setup) cmocka_unit_test_setup_teardown(f, setup, t_teardown)
	const struct CMUnitTest tests[] = {
		T(test_sessions_bounded, setup_sessions),
		T(test_checks_evict_busiest, setup_checks),
		T(test_idem_capped, setup_idem),
		T(test_delegs_bounded, setup_delegs),
		T(test_application_numbers_unique, setup_many),
		T(test_challenges_bounded, setup_challenges),
		T(test_lockouts_flooded, setup_lockouts),
		T(test_lockouts_full_of_locked, setup_lockout_one),
		T(test_write_cap_default, t_setup),
		T(test_write_cap_counts_made, setup_burst),
		T(test_queue_pages, t_setup),
		T(test_submissions_pages, t_setup),
		T(test_page_default_and_max, t_setup),
		T(test_page_refusals, t_setup),
#undef T
	};

	return cmocka_run_group_tests_name("sim_store", tests, NULL, NULL);
}
