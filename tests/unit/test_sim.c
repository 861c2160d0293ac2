/*
 * test_sim.c -- the simulated central service, driven through sim_handle()
 * with the simulator's today fixed at 2026-11-22: what needs logic (loops,
 * the clock, comparing answers).  Plain request/answer pairs are data:
 * tests/data/sim/, run by test_sim_pairs.c.
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

#include "forms/idnum.h"
#include "sim/sim.h"

#define TODAY_STR "2026-11-22"
#define GOOD_CARD "6222020200112233446"  /* passes Luhn */
#define LUHN_BAD  "6222020200112233445"  /* fails Luhn */

#include "tests/unit/simtest.h"

/* ---- helpers ----------------------------------------------------------- */

static int
t_medical(struct t *t, const char *key, const char *check_id,
    const char *card_id, const char *bank_card, const char *phone,
    bool confirmed)
{
	char body[512];

	snprintf(body, sizeof body, "{\"check_id\":\"%s\",\"card_id\":\"%s\","
	    "\"bank_card\":\"%s\",\"phone\":\"%s\",\"luhn_confirmed\":%s}",
	    check_id, card_id, bank_card, phone, confirmed ? "true" : "false");
	return t_call(t, "POST", "/v1/applications/medical-activation",
	    t->token, key, body);
}

static const cJSON *
t_card(const cJSON *person, size_t i)
{
	const cJSON *cards = cJSON_GetObjectItemCaseSensitive(person, "cards");

	assert_true(cJSON_IsArray(cards));
	assert_true((size_t)cJSON_GetArraySize(cards) > i);
	return cJSON_GetArrayItem(cards, (int)i);
}

static int
t_setup_nosession(void **state)
{
	return t_setup_ttl(state, 0);
}

/* No session; sign-ins have their password checked before sim_handle(),
 * as the HTTPS server does outside its lock: the same answers. */
static int
t_setup_presign(void **state)
{
	if (t_setup_ttl(state, 0) < 0)
		return -1;
	((struct t *)*state)->presign = true;
	return 0;
}

/* ---- sessions ---------------------------------------------------------- */

static void
test_signin_good(void **state)
{
	struct t *t = *state;
	const cJSON *staff;
	const char *tok;

	assert_int_equal(t_signin_as(t, "super01", "ssdesk-demo"), 201);
	tok = t_str(t->json, "token");
	assert_int_equal(strlen(tok), 64);
	assert_int_equal(strspn(tok, "0123456789abcdef"), 64);
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(t->json,
	    "expires_in")->valuedouble, 28800);
	staff = cJSON_GetObjectItemCaseSensitive(t->json, "staff");
	assert_string_equal(t_str(staff, "staff_id"), "super01");
	assert_string_equal(t_str(staff, "name"), "陈主管");
	assert_string_equal(t_str(staff, "role"), "supervisor");
	assert_string_equal(t_str(staff, "counter"), "C-03");
	assert_false(t->replayed);
}

static void
test_signin_bad(void **state)
{
	struct t *t = *state;
	char *first;

	assert_int_equal(t_signin_as(t, "clerk01", "wrong"), 401);
	t_error(t, 401, "bad_credentials", NULL);
	first = strdup(t->raw);
	assert_non_null(first);
	assert_int_equal(t_signin_as(t, "nobody", "ssdesk-demo"), 401);
	t_error(t, 401, "bad_credentials", NULL);
	assert_string_equal(first, t->raw); /* does not tell which was wrong */
	free(first);
}

static void
test_session_required(void **state)
{
	struct t *t = *state;

	t->token[0] = '\0';
	t_call(t, "POST", "/v1/identity-checks", NULL, NULL, "{}");
	t_error(t, 401, "session_expired", NULL);
	t_call(t, "GET", "/v1/persons/P-0001", "0123", NULL, NULL);
	t_error(t, 401, "session_expired", NULL);
	t_call(t, "GET", "/v1/persons/P-0001",
	    "0000000000000000000000000000000000000000000000000000000000000000",
	    NULL, NULL);
	t_error(t, 401, "session_expired", NULL);
}

static void
test_session_ttl_option(void **state)
{
	struct t *t;

	assert_int_equal(t_setup_ttl(state, 60), 0);
	t = *state;
	t_signin(t, "trainer01");
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(t->json,
	    "expires_in")->valuedouble, 60);
	sim_advance_clock(t->s, 61);
	t_call(t, "GET", "/v1/persons/P-0001", t->token, NULL, NULL);
	t_error(t, 401, "session_expired", NULL);
	t_teardown(state);
}

/* ---- identity checks --------------------------------------------------- */

static void
test_identity_good(void **state)
{
	struct t *t = *state;
	const cJSON *p, *c;
	char num[IDNUM_LEN + 1];

	assert_int_equal(t_check(t, "张伟"), 201);
	assert_string_equal(t_str(t->json, "check_id"), "IC-000001");
	p = cJSON_GetObjectItemCaseSensitive(t->json, "person");
	assert_string_equal(t_str(p, "person_id"), "P-0001");
	assert_string_equal(t_str(p, "name"), "张伟");
	assert_string_equal(t_str(p, "birth_date"), "1985-03-12");
	assert_string_equal(t_str(p, "sex"), "male");
	assert_string_equal(t_str(p, "phone_masked"), "138****0001");
	assert_string_equal(t_str(p, "as_of"), TODAY_STR);
	assert_memory_equal(t_str(p, "id_number_masked"), "110105********", 14);
	assert_null(strstr(t->raw, t_number(t, "张伟")));
	c = t_card(p, 0);
	assert_string_equal(t_str(c, "card_id"), "C-0001");
	assert_string_equal(t_str(c, "state"), "normal");
	assert_string_equal(t_str(c, "ss"), "inactive");
	assert_string_equal(t_str(c, "fin"), "inactive");
	assert_string_equal(t_str(c, "received_on"), "2026-07-25");
	assert_string_equal(t_str(c, "deadline"), "2027-05-21");

	/* The official sample number, typed with a lowercase x, long-term. */
	snprintf(num, sizeof num, "%s", t_number(t, "吴秀英"));
	assert_string_equal(num, "11010519491231002X");
	num[17] = 'x';
	assert_int_equal(t_check_full(t, num, "吴秀英", "long-term", true,
	    true, "pass", true), 201);
	assert_string_equal(t_str(t->json, "check_id"), "IC-000002");
	p = cJSON_GetObjectItemCaseSensitive(t->json, "person");
	assert_string_equal(t_str(p, "sex"), "female");
	assert_string_equal(t_str(p, "id_number_masked"), "110105********002X");

	/* The middle dot may be typed as a look-alike. */
	assert_int_equal(t_check_full(t, t_number(t, "阿依古丽·买买提"),
	    "阿依古丽・买买提", "2030-01-01", true, true, "pass", true), 201);
}

static void
test_identity_refusals(void **state)
{
	struct t *t = *state;
	char bad[IDNUM_LEN + 1];
	const char *zw = t_number(t, "张伟");

	snprintf(bad, sizeof bad, "%s", zw);
	bad[17] = bad[17] == '0' ? '1' : '0';
	t_check_full(t, bad, "张伟", "2031-05-01", true, true, "pass", true);
	t_error(t, 422, "invalid_id_number", "id_number");
	t_check_full(t, "11010519850312", "张伟", "2031-05-01", true, true,
	    "pass", true);
	t_error(t, 422, "invalid_id_number", "id_number");

	t_check_full(t, zw, "张伟", "2031-05-01", false, true, "pass", true);
	t_error(t, 422, "checklist_incomplete", "checklist");
	t_check_full(t, zw, "张伟", "2031-05-01", true, false, "pass", true);
	t_error(t, 422, "checklist_incomplete", "checklist");
	t_check_full(t, zw, "张伟", "2031-05-01", true, true, "pass", false);
	t_error(t, 422, "checklist_incomplete", "checklist");

	t_check_full(t, zw, "张伟", "2031-05-01", true, true, "not_done", true);
	t_error(t, 422, "face_not_done", "face");

	t_check_full(t, zw, "张伟", "2026-11-21", true, true, "pass", true);
	t_error(t, 422, "id_card_expired", "id_valid_until");
	/* The end date itself is still valid. */
	assert_int_equal(t_check_full(t, zw, "张伟", TODAY_STR, true, true,
	    "pass", true), 201);
	/* Expired by the register, whatever the clerk typed. */
	t_check(t, "王芳");
	t_error(t, 422, "id_card_expired", "id_valid_until");

	t_check_full(t, "110101199001011237", "张伟", "2031-05-01", true, true,
	    "pass", true);
	t_error(t, 404, "unknown_person", "id_number");

	t_check_full(t, zw, "张伟伟", "2031-05-01", true, true, "pass", true);
	t_error(t, 422, "name_mismatch", "name");

	t_check(t, "刘洋");
	t_error(t, 422, "deceased", NULL);

	t_check_full(t, zw, "张伟", "2031-05-01", true, true, "fail", true);
	t_error(t, 422, "face_failed", "face");
	t_check(t, "陈静"); /* the device said pass */
	t_error(t, 422, "face_failed", "face");
}

static void
test_identity_order(void **state)
{
	struct t *t = *state;

	/* Several faults at once: the first documented one wins. */
	t_check_full(t, "110105198503120130", "nobody", "2020-01-01", false,
	    false, "not_done", false);
	t_error(t, 422, "invalid_id_number", "id_number");
	t_check_full(t, t_number(t, "刘洋"), "nobody", "2020-01-01", true,
	    true, "not_done", true);
	t_error(t, 422, "face_not_done", "face");
	t_check_full(t, t_number(t, "刘洋"), "nobody", "2020-01-01", true,
	    true, "pass", true);
	t_error(t, 422, "id_card_expired", "id_valid_until");
	t_check_full(t, t_number(t, "刘洋"), "nobody", "2030-01-01", true,
	    true, "fail", true);
	t_error(t, 422, "name_mismatch", "name");
}

static void
test_identity_bad_request(void **state)
{
	struct t *t = *state;

	t_call(t, "POST", "/v1/identity-checks", t->token, NULL,
	    "{\"id_number\":\"110105198503120135\",\"name\":\"张伟\","
	    "\"id_valid_until\":\"2031-05-01\"}");
	t_error(t, 400, "bad_request", "checklist");
	t_call(t, "POST", "/v1/identity-checks", t->token, NULL,
	    "{\"id_number\":110105198503120135,\"name\":\"张伟\"}");
	t_error(t, 400, "bad_request", "id_number");
	t_call(t, "POST", "/v1/identity-checks", t->token, NULL,
	    "{\"id_number\":\"110105198503120135\",\"name\":\"张伟\","
	    "\"id_valid_until\":\"2031-05-01\",\"checklist\":{"
	    "\"original_sighted\":1,\"photocopy_taken\":true,\"face\":\"pass\","
	    "\"fingerprint\":true}}");
	t_error(t, 400, "bad_request", "checklist");
	t_check_full(t, t_number(t, "张伟"), "张伟", "2031-05-01", true, true,
	    "maybe", true);
	t_error(t, 400, "bad_request", "face");
	t_check_full(t, t_number(t, "张伟"), "张伟", "soon", true, true,
	    "pass", true);
	t_error(t, 400, "bad_request", "id_valid_until");
	/* What a clerk may type is normalised by the terminal, not the wire. */
	static const char *const typed[] = { "L", "长期", "20310501" };
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		t_check_full(t, t_number(t, "张伟"), "张伟", typed[i], true,
		    true, "pass", true);
		t_error(t, 400, "bad_request", "id_valid_until");
	}
}

static void
test_person_get(void **state)
{
	struct t *t = *state;
	const cJSON *c;

	assert_int_equal(t_call(t, "GET", "/v1/persons/P-0007", t->token,
	    NULL, NULL), 200);
	assert_string_equal(t_str(t->json, "name"), "杨磊");
	c = t_card(t->json, 0);
	assert_string_equal(t_str(c, "ss"), "reported_lost"); /* 301 days */
	assert_string_equal(t_str(c, "deadline"), "2026-11-21");

	assert_int_equal(t_call(t, "GET", "/v1/persons/P-0011?x=1", t->token,
	    NULL, NULL), 200);
	assert_string_equal(t_str(t_card(t->json, 0), "state"), "lost");
	assert_string_equal(t_str(t_card(t->json, 1), "state"), "normal");
	assert_string_equal(t_str(t_card(t->json, 1), "ss"), "inactive");

	t_call(t, "GET", "/v1/persons/P-9999", t->token, NULL, NULL);
	t_error(t, 404, "unknown_person", NULL);
}

/* ---- medical activation ------------------------------------------------ */

static void
test_medical_success(void **state)
{
	struct t *t = *state;
	char ck[32];
	const cJSON *c;
	const char *at;

	t_checked(t, "张伟", ck);
	assert_int_equal(t_medical(t, "k-1", ck, "C-0001", GOOD_CARD,
	    "13912345678", false), 201);
	assert_false(t->replayed);
	assert_string_equal(t_str(t->json, "application_id"),
	    "MA-20261122-0001");
	assert_string_equal(t_str(t->json, "service"), "medical-activation");
	assert_string_equal(t_str(t->json, "status"), "completed");
	at = t_str(t->json, "created_at");
	assert_int_equal(strlen(at), 25);
	assert_memory_equal(at, TODAY_STR "T", 11);
	assert_string_equal(at + 19, "+08:00");
	assert_true(strlen(t_str(t->json, "next_steps")) > 20);
	c = cJSON_GetObjectItemCaseSensitive(t->json, "card");
	assert_string_equal(t_str(c, "card_id"), "C-0001");
	assert_string_equal(t_str(c, "ss"), "active");
	assert_null(strstr(t->raw, GOOD_CARD));

	assert_int_equal(t_call(t, "GET", "/v1/persons/P-0001", t->token,
	    NULL, NULL), 200);
	assert_string_equal(t_str(t_card(t->json, 0), "ss"), "active");
	assert_string_equal(t_str(t->json, "phone_masked"), "139****5678");

	/* Again with a new key: already active now. */
	t_medical(t, "k-2", ck, "C-0001", GOOD_CARD, "13912345678", false);
	t_error(t, 409, "already_active", "card_id");
}

static void
test_medical_deadline(void **state)
{
	struct t *t = *state;
	char ck[32];
	const cJSON *c;

	/* 301 days: reported lost, refused, with the seed 004 remedy. */
	t_checked(t, "杨磊", ck);
	t_medical(t, "k-1", ck, "C-0007", GOOD_CARD, "13800000007", false);
	t_error(t, 422, "deadline_passed", "card_id");
	assert_non_null(strstr(t_str(t->json, "message"), "financial"));
	assert_non_null(strstr(t_str(t->json, "message"), "loss report"));

	/* 300 days: the deadline is today, still in time. */
	t_checked(t, "赵敏", ck);
	c = t_card(cJSON_GetObjectItemCaseSensitive(t->json, "person"), 0);
	assert_string_equal(t_str(c, "deadline"), TODAY_STR);
	assert_string_equal(t_str(c, "ss"), "inactive");
	assert_int_equal(t_medical(t, "k-2", ck, "C-0008", GOOD_CARD,
	    "13800000008", false), 201);

	/* 299 days: one day left. */
	t_checked(t, "黄强", ck);
	c = t_card(cJSON_GetObjectItemCaseSensitive(t->json, "person"), 0);
	assert_string_equal(t_str(c, "deadline"), "2026-11-23");
	assert_int_equal(t_medical(t, "k-3", ck, "C-0009", GOOD_CARD,
	    "13800000009", false), 201);
	assert_string_equal(t_str(t->json, "application_id"),
	    "MA-20261122-0002");
}

static void
test_idempotent_replay(void **state)
{
	struct t *t = *state;
	char ck[32], *first;

	t_checked(t, "张伟", ck);
	assert_int_equal(t_medical(t, "retry-1", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	assert_false(t->replayed);
	first = strdup(t->raw);
	assert_non_null(first);

	/* The answer was lost; the terminal sends the same again. */
	assert_int_equal(t_medical(t, "retry-1", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	assert_true(t->replayed);
	assert_string_equal(t->raw, first);
	assert_string_equal(t_str(t->json, "application_id"),
	    "MA-20261122-0001");
	free(first);

	/* Even after the check has expired (the retry is of the same write). */
	sim_advance_clock(t->s, 7200);
	assert_int_equal(t_medical(t, "retry-1", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	assert_true(t->replayed);

	/* No second application was made: the next one is number 2. */
	t_checked(t, "黄强", ck);
	assert_int_equal(t_medical(t, "retry-2", ck, "C-0009", GOOD_CARD,
	    "13800000009", false), 201);
	assert_false(t->replayed);
	assert_string_equal(t_str(t->json, "application_id"),
	    "MA-20261122-0002");
}

static void
test_idempotent_conflict(void **state)
{
	struct t *t = *state;
	char ck[32];

	t_checked(t, "张伟", ck);
	assert_int_equal(t_medical(t, "same", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	t_medical(t, "same", ck, "C-0001", GOOD_CARD, "13800000002", false);
	t_error(t, 409, "idempotency_conflict", NULL);
	assert_false(t->replayed);

	/* A refusal is not stored: the key can be sent again once fixed. */
	t_checked(t, "黄强", ck);
	t_medical(t, "fix", ck, "C-0009", "1234", "13800000009", false);
	t_error(t, 422, "bank_card_invalid", "bank_card");
	assert_int_equal(t_medical(t, "fix", ck, "C-0009", GOOD_CARD,
	    "13800000009", false), 201);
	assert_false(t->replayed);
}

/* The key belongs to the staff member, not the session: a retry after
 * signing out and in again replays the first answer, and runs nothing. */
static void
test_idempotent_across_sessions(void **state)
{
	struct t *t = *state;
	char ck[32], *first;

	t_checked(t, "张伟", ck);
	assert_int_equal(t_medical(t, "k-s", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	first = strdup(t->raw);
	assert_non_null(first);
	assert_int_equal(t_call(t, "DELETE", "/v1/sessions/current", t->token,
	    NULL, NULL), 204);
	t_signin(t, "clerk01");
	assert_int_equal(t_medical(t, "k-s", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	assert_true(t->replayed);
	assert_string_equal(t->raw, first);
	free(first);
	/* still nearly 24 hours later (a margin for the real clock, which
	 * runs on while Argon2id signs in); not after */
	sim_advance_clock(t->s, 24 * 3600 - 120);
	t_signin(t, "clerk01");
	assert_int_equal(t_medical(t, "k-s", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	assert_true(t->replayed);
	sim_advance_clock(t->s, 120);
	t_medical(t, "k-s", ck, "C-0001", GOOD_CARD, "13800000001", false);
	t_error(t, 422, "check_unknown", NULL);
	assert_false(t->replayed);
}

/* GET /v1/writes/{key}: what a write of this staff member made, for 30
 * days (past the 24 h of replays); unknown for another staff member, a
 * refused write, a key never sent, or after 30 days. */
static void
test_write_status(void **state)
{
	struct t *t = *state;
	char ck[32], id[64];

	t_call(t, "GET", "/v1/writes/k-w", t->token, NULL, NULL);
	t_error(t, 404, "write_unknown", NULL);
	t_checked(t, "张伟", ck);
	assert_int_equal(t_medical(t, "k-w", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	snprintf(id, sizeof id, "%s", t_str(t->json, "application_id"));
	assert_int_equal(t_call(t, "GET", "/v1/writes/k-w", t->token, NULL,
	    NULL), 200);
	assert_string_equal(t_str(t->json, "state"), "done");
	assert_string_equal(t_str(t->json, "application_id"), id);
	assert_string_equal(t_str(t->json, "status"), "completed");
	/* A refused write made nothing. */
	t_medical(t, "k-r", "IC-999999", "C-0001", GOOD_CARD, "13800000001",
	    false);
	assert_int_equal(t->status, 422);
	t_call(t, "GET", "/v1/writes/k-r", t->token, NULL, NULL);
	t_error(t, 404, "write_unknown", NULL);
	/* Another staff member's key is not theirs to ask about. */
	t_signin(t, "clerk02");
	t_call(t, "GET", "/v1/writes/k-w", t->token, NULL, NULL);
	t_error(t, 404, "write_unknown", NULL);
	t_signin(t, "clerk01");
	sim_advance_clock(t->s, 29L * 24 * 3600);
	t_signin(t, "clerk01");
	assert_int_equal(t_call(t, "GET", "/v1/writes/k-w", t->token, NULL,
	    NULL), 200);
	sim_advance_clock(t->s, 2L * 24 * 3600);
	t_signin(t, "clerk01");
	t_call(t, "GET", "/v1/writes/k-w", t->token, NULL, NULL);
	t_error(t, 404, "write_unknown", NULL);
}

static int
t_anchor(struct t *t, const char *terminal, unsigned long seq, char c)
{
	char body[256], mac[65];

	memset(mac, c, 64);
	mac[64] = '\0';
	snprintf(body, sizeof body, "{\"terminal\":\"%s\",\"seq\":%lu,"
	    "\"mac\":\"%s\"}", terminal, seq, mac);
	return t_call(t, "POST", "/v1/audit/anchors", t->token, NULL, body);
}

/* POST /v1/audit/anchors: each answered with the one before; going back
 * (a lower seq, or the same seq with another mac) is refused with what
 * the service holds; bad shapes are 400. */
static void
test_audit_anchors(void **state)
{
	struct t *t = *state;
	const cJSON *prev;

	assert_int_equal(t_anchor(t, "T1", 3, 'a'), 201);
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(t->json,
	    "previous")));
	assert_int_equal(t_anchor(t, "T1", 7, 'b'), 201);
	prev = cJSON_GetObjectItemCaseSensitive(t->json, "previous");
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(prev,
	    "seq")->valueint, 3);
	assert_int_equal(t_anchor(t, "T1", 7, 'b'), 201);   /* the same again */
	t_anchor(t, "T1", 5, 'c');
	t_error(t, 409, "anchor_behind", "seq");
	prev = cJSON_GetObjectItemCaseSensitive(t->json, "previous");
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(prev,
	    "seq")->valueint, 7);
	t_anchor(t, "T1", 7, 'd');
	t_error(t, 409, "anchor_behind", "seq");
	/* Another terminal is its own. */
	assert_int_equal(t_anchor(t, "T2", 1, 'a'), 201);
	assert_int_equal(t_anchor(t, "bad/name", 1, 'a'), 400);
	assert_int_equal(t_anchor(t, "T1", 0, 'a'), 400);
	assert_int_equal(t_anchor(t, "T1", 9, 'G'), 400);
	assert_int_equal(t_call(t, "POST", "/v1/audit/anchors", NULL, NULL,
	    "{}"), 401);
}

/* A NUL in a request's string, raw or as \u0000, would cut it short
 * (clerk01\u0000x read as clerk01): the request is refused whole. */
static void
test_nul_in_request(void **state)
{
	struct t *t = *state;
	static const char raw[] = "{\"staff_id\":\"clerk01\0x\","
	    "\"password\":\"ssdesk-demo\",\"counter\":\"C-03\"}";
	struct sim_request req = {
		.method = "POST", .path = "/v1/sessions", .body = raw,
		.body_len = sizeof raw - 1,
	};
	char *body;
	size_t len;

	assert_int_equal(t_call(t, "POST", "/v1/sessions", NULL, NULL,
	    "{\"staff_id\":\"clerk01\\u0000x\",\"password\":"
	    "\"ssdesk-demo\",\"counter\":\"C-03\"}"), 400);
	assert_int_equal(sim_handle(t->s, &req, &body, &len), 400);
	free(body);
}

static void
test_idempotent_per_staff(void **state)
{
	struct t *t = *state;
	char ck[32];

	t_checked(t, "张伟", ck);
	assert_int_equal(t_medical(t, "k", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	t_signin(t, "clerk02");
	t_checked(t, "黄强", ck);
	assert_int_equal(t_medical(t, "k", ck, "C-0009", GOOD_CARD,
	    "13800000009", false), 201);
	assert_false(t->replayed);
	assert_string_equal(t_str(t->json, "application_id"),
	    "MA-20261122-0002");
}

/* ---- routing, limits, reset, listings ---------------------------------- */

static void
test_routing(void **state)
{
	struct t *t = *state;
	char *big;
	struct sim_request req = { .method = "POST", .path = "/v1/sessions" };
	char *body;
	size_t len;

	t_call(t, "GET", "/v1/nothing", t->token, NULL, NULL);
	t_error(t, 404, "not_found", NULL);
	t_call(t, "GET", "/v1/persons/P-0001/cards", t->token, NULL, NULL);
	t_error(t, 404, "not_found", NULL);
	t_call(t, "GET", "/v1/persons/", t->token, NULL, NULL);
	t_error(t, 404, "not_found", NULL);
	t_call(t, "GET", "/v1/sessions", t->token, NULL, NULL);
	t_error(t, 405, "method_not_allowed", NULL);
	t_call(t, "PUT", "/v1/identity-checks", t->token, NULL, "{}");
	t_error(t, 405, "method_not_allowed", NULL);
	t_call(t, "POST", "/v1/persons/P-0001", t->token, NULL, "{}");
	t_error(t, 405, "method_not_allowed", NULL);

	big = malloc(WIRE_BODY_MAX + 2);
	assert_non_null(big);
	memset(big, ' ', WIRE_BODY_MAX + 1);
	big[WIRE_BODY_MAX + 1] = '\0';
	req.body = big;
	req.body_len = WIRE_BODY_MAX + 1;
	assert_int_equal(sim_handle(t->s, &req, &body, &len), 413);
	assert_non_null(strstr(body, "\"too_large\""));
	free(body);
	free(big);
}

/* Whatever the body, the answer is a documented refusal, never a crash. */
static void
test_body_shapes(void **state)
{
	struct t *t = *state;
	static const char *const bodies[] = {
		"[]", "\"x\"", "1", "null", "true", "{", "{\"id_number\":}",
		/* one good object followed by more: not one JSON object */
		"{\"id_number\":\"x\"}x", "{}{}", "{} []",
	};
	char *deep, *longname;
	size_t n;

	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		t_call(t, "POST", "/v1/identity-checks", t->token, NULL,
		    bodies[i]);
		t_error(t, 400, "bad_request", NULL);
	}
	/* A sign-in with trailing garbage is refused too, before any work. */
	t_call(t, "POST", "/v1/sessions", NULL, NULL, "{\"staff_id\":"
	    "\"clerk01\",\"password\":\"ssdesk-demo\"}garbage");
	t_error(t, 400, "bad_request", NULL);
	/* Trailing blanks after the object are fine. */
	assert_int_equal(t_call(t, "POST", "/v1/sessions", NULL, NULL,
	    "{\"staff_id\":\"clerk01\",\"password\":\"ssdesk-demo\"} \r\n"),
	    201);

	/* Nesting far deeper than cJSON's limit. */
	n = 60000;
	deep = malloc(n + 1);
	assert_non_null(deep);
	memset(deep, '[', n);
	deep[n] = '\0';
	t_call(t, "POST", "/v1/identity-checks", t->token, NULL, deep);
	t_error(t, 400, "bad_request", NULL);
	memset(deep, '{', 1);
	for (size_t i = 1; i + 6 < n; i += 6)
		memcpy(deep + i, "\"a\":{", 5), deep[i + 5] = ' ';
	t_call(t, "POST", "/v1/identity-checks", t->token, NULL, deep);
	t_error(t, 400, "bad_request", NULL);
	free(deep);

	/* A string just under the body cap: the field is refused by name. */
	n = WIRE_BODY_MAX - 64;
	longname = malloc(n + 64);
	assert_non_null(longname);
	strcpy(longname, "{\"id_number\":\"110105198503120135\",\"name\":\"");
	memset(longname + strlen(longname), 'a', n - strlen(longname));
	strcpy(longname + n, "\"}");
	assert_true(strlen(longname) <= WIRE_BODY_MAX);
	t_call(t, "POST", "/v1/identity-checks", t->token, NULL, longname);
	t_error(t, 400, "bad_request", "name");
	free(longname);

	/* Duplicate members: no crash, a documented answer. */
	t_call(t, "POST", "/v1/identity-checks", t->token, NULL,
	    "{\"id_number\":1,\"id_number\":\"110105198503120135\"}");
	t_error(t, 400, "bad_request", "id_number");
}

/* The wire form of the ID number is exactly 18 characters. */
static void
test_identity_number_exact(void **state)
{
	struct t *t = *state;
	char num[IDNUM_LEN + 8];

	snprintf(num, sizeof num, "%s ", t_number(t, "张伟"));
	t_check_full(t, num, "张伟", "2031-05-01", true, true, "pass", true);
	t_error(t, 422, "invalid_id_number", "id_number");
	snprintf(num, sizeof num, "%s\\t", t_number(t, "张伟"));
	t_check_full(t, num, "张伟", "2031-05-01", true, true, "pass", true);
	t_error(t, 422, "invalid_id_number", "id_number");
	snprintf(num, sizeof num, " %s", t_number(t, "张伟"));
	t_check_full(t, num, "张伟", "2031-05-01", true, true, "pass", true);
	t_error(t, 422, "invalid_id_number", "id_number");
	/* lowercase x is still the same number */
	snprintf(num, sizeof num, "%s", t_number(t, "吴秀英"));
	num[17] = 'x';
	assert_int_equal(t_check_full(t, num, "吴秀英", "long-term", true,
	    true, "pass", true), 201);
}

/* The identity-check store is bounded: a client looping on checks cannot
 * grow it for an hour; the oldest check goes first. */
static void
test_checks_bounded(void **state)
{
	struct t *t = *state;
	char first[32], ck[32];

	t_checked(t, "张伟", first);
	for (int i = 0; i < 1100; i++)
		t_checked(t, "黄强", ck);
	t_medical(t, "k-1", first, "C-0001", GOOD_CARD, "13800000001", false);
	t_error(t, 422, "check_unknown", NULL);
	t_checked(t, "张伟", ck);
	assert_int_equal(t_medical(t, "k-2", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
}

static void
test_reset(void **state)
{
	struct t *t = *state;
	char ck[32];

	t_checked(t, "张伟", ck);
	assert_int_equal(t_medical(t, "k", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	sim_reset(t->s);
	/* Staff stay signed in; the data set is as at start. */
	assert_int_equal(t_call(t, "GET", "/v1/persons/P-0001", t->token,
	    NULL, NULL), 200);
	assert_string_equal(t_str(t_card(t->json, 0), "ss"), "inactive");
	t_medical(t, "k2", ck, "C-0001", GOOD_CARD, "13800000001", false);
	t_error(t, 422, "check_unknown", NULL);
	t_checked(t, "张伟", ck);
	assert_string_equal(ck, "IC-000001");
	assert_int_equal(t_medical(t, "k", ck, "C-0001", GOOD_CARD,
	    "13800000001", false), 201);
	assert_false(t->replayed);
	assert_string_equal(t_str(t->json, "application_id"),
	    "MA-20261122-0001");
}

static void
test_listings(void **state)
{
	struct t *t = *state;
	struct sim_listing l[32];
	size_t n;

	n = sim_list_staff(t->s, l, 32);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(l[i].secret, "ssdesk-demo");
		assert_non_null(l[i].purpose);
	}
	assert_string_equal(l[0].who, "clerk01");
	assert_string_equal(l[0].name, "王小明");
	assert_int_equal(sim_list_staff(t->s, l, 2), 2);

	n = sim_list_people(t->s, l, 32);
	assert_true(n >= 13);
	for (size_t i = 0; i < n; i++) {
		char m[IDNUM_MASKED_LEN + 1];

		assert_int_equal(idnum_parse(NULL, l[i].secret, today),
		    IDNUM_OK);
		idnum_mask(m, l[i].secret);
		assert_string_equal(l[i].who, m);
		assert_true(strlen(l[i].purpose) > 10);
	}
	assert_non_null(strstr(l[n - 1].purpose, "unknown"));
	assert_int_equal(sim_list_people(t->s, l, 3), 3);
}

/* ---- sign-in lockout (sim_lockout.c) --------------------------------- */

/* Four wrong passwords pass as bad_credentials; the fifth locks; then
 * even the right password is refused with locked_out, the same bytes for
 * a staff ID that exists and one that does not. */
static void
t_lock(struct t *t, const char *staff)
{
	for (int i = 0; i < 5; i++) {
		assert_int_equal(t_signin_as(t, staff, "wrong"), 401);
		t_error(t, 401, "bad_credentials", NULL);
	}
	assert_int_equal(t_signin_as(t, staff, "ssdesk-demo"), 429);
	t_error(t, 429, "locked_out", NULL);
}

static void
test_signin_lockout(void **state)
{
	struct t *t = *state;
	char *known;

	t_lock(t, "clerk01");
	known = strdup(t->raw);
	assert_non_null(known);
	assert_int_equal(t_signin_as(t, "clerk01", "wrong"), 429);
	t_lock(t, "nobody99");
	assert_string_equal(known, t->raw); /* does not tell which exists */
	free(known);
	/* Another staff ID is not affected. */
	assert_int_equal(t_signin_as(t, "clerk02", "ssdesk-demo"), 201);
	/* After 15 minutes the right password works again. */
	sim_advance_clock(t->s, 14 * 60);
	assert_int_equal(t_signin_as(t, "clerk01", "ssdesk-demo"), 429);
	sim_advance_clock(t->s, 61);
	assert_int_equal(t_signin_as(t, "clerk01", "ssdesk-demo"), 201);
}

static void
test_signin_lockout_window(void **state)
{
	struct t *t = *state;

	/* Failures spread wider than the window do not add up. */
	for (int i = 0; i < 8; i++) {
		assert_int_equal(t_signin_as(t, "clerk01", "wrong"), 401);
		sim_advance_clock(t->s, 4 * 60);
	}
	assert_int_equal(t_signin_as(t, "clerk01", "ssdesk-demo"), 201);
	/* A success starts the count afresh. */
	for (int i = 0; i < 4; i++)
		assert_int_equal(t_signin_as(t, "clerk02", "wrong"), 401);
	assert_int_equal(t_signin_as(t, "clerk02", "ssdesk-demo"), 201);
	for (int i = 0; i < 4; i++)
		assert_int_equal(t_signin_as(t, "clerk02", "wrong"), 401);
	assert_int_equal(t_signin_as(t, "clerk02", "ssdesk-demo"), 201);
	/* The trainer's reset lifts a lock. */
	t_lock(t, "super01");
	sim_reset(t->s);
	assert_int_equal(t_signin_as(t, "super01", "ssdesk-demo"), 201);
}

/* The password check apart from sim_handle: sign-ins only, and nothing
 * checked for a body sim_handle refuses 400. */
static void
test_signin_presign_only_signins(void **state)
{
	struct sim_request r = { .method = "POST", .path = "/v1/sessions" };
	static const char good[] = "{\"staff_id\":\"clerk01\",\"password\":"
	    "\"ssdesk-demo\"}";
	static const char none[] = "{\"staff_id\":\"nobody\",\"password\":"
	    "\"ssdesk-demo\"}";

	(void)state;
	assert_true(sim_wants_password(&r));
	r.path = "/v1/sessions?x=1";
	assert_true(sim_wants_password(&r));
	r.path = "/v1/sessions/current";
	assert_false(sim_wants_password(&r));
	r.path = "/v1/sessions";
	r.method = "DELETE";
	assert_false(sim_wants_password(&r));
	r.method = "POST";
	r.body = good;
	r.body_len = strlen(good);
	assert_int_equal(sim_check_password(&r), SIM_PASSWORD_RIGHT);
	r.body = none;
	r.body_len = strlen(none);
	assert_int_equal(sim_check_password(&r), SIM_PASSWORD_WRONG);
	r.body = "{\"staff_id\":\"clerk01\",\"password\":\"ssdesk-demo\","
	    "\"counter\":7}";
	r.body_len = strlen(r.body);
	assert_int_equal(sim_check_password(&r), SIM_PASSWORD_UNCHECKED);
	r.body = "{not json";
	r.body_len = strlen(r.body);
	assert_int_equal(sim_check_password(&r), SIM_PASSWORD_UNCHECKED);
}

/* ---- delegation (power of attorney) and the approval queue ------------- */

static int
t_insured(struct t *t, const char *check_id, const char *number,
    const char *name)
{
	char body[512];

	snprintf(body, sizeof body, "{\"check_id\":\"%s\","
	    "\"insured_id_number\":\"%s\",\"insured_name\":\"%s\"}",
	    check_id, number, name);
	return t_call(t, "POST", "/v1/delegations/insured", t->token, NULL,
	    body);
}

static void
test_deleg_insured(void **state)
{
	struct t *t = *state;
	char ck[32];
	const cJSON *ins;

	t_checked(t, "马军", ck);
	assert_int_equal(t_insured(t, ck, t_number(t, "孙丽"), "孙丽"), 200);
	ins = cJSON_GetObjectItemCaseSensitive(t->json, "insured");
	assert_string_equal(t_str(ins, "person_id"), "P-0100");
	assert_string_equal(t_str(ins, "id_number_masked"),
	    "110105********0229");
	assert_null(strstr(t->raw, t_number(t, "孙丽")));
	assert_string_equal(t_str(t_card(ins, 0), "card_id"), "C-0100");

	t_insured(t, ck, t_number(t, "马军"), "马军");
	t_error(t, 422, "agent_is_insured", "insured_id_number");
	t_insured(t, ck, "110101199001011237", "孙丽");
	t_error(t, 404, "unknown_person", "insured_id_number");
	t_insured(t, ck, t_number(t, "朱海"), "朱海");
	t_error(t, 422, "deceased", "insured_id_number");
	t_insured(t, ck, t_number(t, "孙丽"), "孙力");
	t_error(t, 422, "name_mismatch", "insured_name");
	t_insured(t, ck, "110105195603080228", "孙丽");
	t_error(t, 422, "invalid_id_number", "insured_id_number");
	t_insured(t, "IC-999999", t_number(t, "孙丽"), "孙丽");
	t_error(t, 422, "check_unknown", NULL);
}

static void
test_deleg_refusals(void **state)
{
	struct t *t = *state;
	char ck[32];

	t_checked(t, "马军", ck);
	t_deleg(t, "k1", ck, "孙丽", "C-0100", "pin_reset", 10, true, true,
	    true);
	t_error(t, 422, "pin_reset_not_delegated", "activation");
	t_deleg(t, "k1", ck, "孙丽", "C-0100", "ss", -1, true, true, true);
	t_error(t, 422, "poa_dated_future", "poa_signed_on");
	t_deleg(t, "k1", ck, "孙丽", "C-0100", "ss", 181, true, true, true);
	t_error(t, 422, "poa_too_old", "poa_signed_on");
	t_deleg(t, "k1", ck, "孙涛", "C-0106", "ss", 10, false, true, true);
	t_error(t, 422, "scope_not_covered", "poa_covers_ss");
	t_deleg(t, "k1", ck, "孙涛", "C-0106", "fin", 10, true, false, true);
	t_error(t, 422, "scope_not_covered", "poa_covers_fin");
	t_deleg(t, "k1", ck, "孙丽", "C-0100", "ss", 10, true, true, false);
	t_error(t, 422, "checklist_incomplete", "photocopies_taken");
	t_deleg(t, "k1", ck, "孙丽", "C-0106", "ss", 10, true, true, true);
	t_error(t, 404, "card_unknown", "card_id");
	t_deleg(t, "k1", ck, "朱海", "C-0102", "ss", 10, true, true, true);
	t_error(t, 422, "deceased", "insured_id_number");
	t_deleg(t, "k1", ck, "马军", "C-0101", "ss", 10, true, true, true);
	t_error(t, 422, "agent_is_insured", "insured_id_number");
	t_deleg(t, NULL, ck, "孙丽", "C-0100", "ss", 10, true, true, true);
	t_error(t, 400, "idempotency_key_required", NULL);
	/* The limits themselves are accepted: today, and 180 days ago. */
	assert_int_equal(t_deleg(t, "k2", ck, "孙丽", "C-0100", "ss", 180,
	    true, false, true), 201);
	assert_int_equal(t_deleg(t, "k3", ck, "孙丽", "C-0100", "fin", 0,
	    false, true, true), 201);
}

/* Submit one for 孙丽 as staff; its application_id into out. */
static void
t_submitted(struct t *t, const char *staff, char out[32])
{
	char ck[32];

	t_signin(t, staff);
	t_checked(t, "马军", ck);
	assert_int_equal(t_deleg(t, "sub-1", ck, "孙丽", "C-0100", "ss", 30,
	    true, false, true), 201);
	assert_string_equal(t_str(t->json, "status"), "pending-approval");
	assert_string_equal(t_str(t->json, "service"), "delegated-activation");
	snprintf(out, 32, "%s", t_str(t->json, "application_id"));
}

static int
t_decide(struct t *t, const char *id, const char *key, const char *decision,
    const char *reason)
{
	char path[96], body[256];

	snprintf(path, sizeof path, "/v1/approvals/%s", id);
	snprintf(body, sizeof body, "{\"decision\":\"%s\",\"reason\":\"%s\"}",
	    decision, reason);
	return t_call(t, "POST", path, t->token, key, body);
}

static void
test_approval_flow(void **state)
{
	struct t *t = *state;
	char id[32], path[96];
	const cJSON *items, *it;

	t_submitted(t, "clerk01", id);
	/* A clerk neither sees the queue nor decides. */
	t_call(t, "GET", "/v1/approvals", t->token, NULL, NULL);
	t_error(t, 403, "forbidden_role", NULL);
	t_decide(t, id, "d1", "approve", "");
	t_error(t, 403, "forbidden_role", NULL);
	/* My submissions: pending. */
	assert_int_equal(t_call(t, "GET", "/v1/submissions", t->token, NULL,
	    NULL), 200);
	items = cJSON_GetObjectItemCaseSensitive(t->json, "items");
	assert_int_equal(cJSON_GetArraySize(items), 1);
	assert_string_equal(t_str(cJSON_GetArrayItem(items, 0), "status"),
	    "pending-approval");

	t_signin(t, "super01");
	assert_int_equal(t_call(t, "GET", "/v1/approvals", t->token, NULL,
	    NULL), 200);
	items = cJSON_GetObjectItemCaseSensitive(t->json, "items");
	assert_int_equal(cJSON_GetArraySize(items), 1);
	it = cJSON_GetArrayItem(items, 0);
	assert_string_equal(t_str(it, "application_id"), id);
	assert_string_equal(t_str(cJSON_GetObjectItemCaseSensitive(it,
	    "submitted_by"), "staff_id"), "clerk01");
	assert_string_equal(t_str(it, "counter"), "C-03");
	assert_string_equal(t_str(cJSON_GetObjectItemCaseSensitive(it,
	    "agent"), "name"), "马军");
	snprintf(path, sizeof path, "/v1/approvals/%s", id);
	assert_int_equal(t_call(t, "GET", path, t->token, NULL, NULL), 200);
	assert_string_equal(t_str(cJSON_GetObjectItemCaseSensitive(t->json,
	    "poa"), "number"), "POA-2026-118");
	t_decide(t, id, "d2", "reject", "  ");
	t_error(t, 422, "reason_required", "reason");
	assert_int_equal(t_decide(t, id, "d3", "approve", ""), 200);
	assert_string_equal(t_str(t->json, "status"), "approved");
	assert_string_equal(t_str(cJSON_GetObjectItemCaseSensitive(t->json,
	    "card"), "ss"), "active");
	/* The same request again is the same answer, not a second decision. */
	assert_int_equal(t_decide(t, id, "d3", "approve", ""), 200);
	assert_true(t->replayed);
	/* Another supervisor, later: refused, with who decided. */
	t_signin(t, "super02");
	t_decide(t, id, "d4", "reject", "late");
	t_error(t, 409, "already_decided", NULL);
	assert_non_null(strstr(t_str(t->json, "message"), "super01"));
	assert_int_equal(t_call(t, "GET", "/v1/approvals", t->token, NULL,
	    NULL), 200);
	assert_int_equal(cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(t->json, "items")), 0);
	/* The clerk sees who approved. */
	t_signin(t, "clerk01");
	assert_int_equal(t_call(t, "GET", "/v1/submissions", t->token, NULL,
	    NULL), 200);
	it = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(t->json,
	    "items"), 0);
	assert_string_equal(t_str(it, "status"), "approved");
	assert_string_equal(t_str(cJSON_GetObjectItemCaseSensitive(it,
	    "decided_by"), "staff_id"), "super01");
}

static void
test_approval_own_and_reject(void **state)
{
	struct t *t = *state;
	char id[32];
	const cJSON *it;

	t_submitted(t, "super01", id);
	t_decide(t, id, "d1", "approve", "");
	t_error(t, 403, "own_submission", NULL);
	t_decide(t, "DA-20261122-9999", "d1", "approve", "");
	t_error(t, 404, "approval_unknown", NULL);
	t_signin(t, "super02");
	assert_int_equal(t_decide(t, id, "d1", "reject",
	    "POA signature does not match the ID card"), 200);
	assert_string_equal(t_str(t->json, "status"), "rejected");
	t_signin(t, "super01");
	assert_int_equal(t_call(t, "GET", "/v1/submissions", t->token, NULL,
	    NULL), 200);
	it = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(t->json,
	    "items"), 0);
	assert_string_equal(t_str(it, "reason"),
	    "POA signature does not match the ID card");
	/* Rejected: nothing was activated. */
	assert_int_equal(t_call(t, "GET", "/v1/persons/P-0100", t->token, NULL,
	    NULL), 200);
	assert_string_equal(t_str(t_card(t->json, 0), "ss"), "inactive");
}

/* ---- households and newborns ------------------------------------------- */

static int
t_newborn(struct t *t, const char *key, const char *check_id,
    const char *reg, int member, bool confirmed)
{
	char body[256];

	snprintf(body, sizeof body, "{\"check_id\":\"%s\",\"register_no\":"
	    "\"%s\",\"member_no\":%d,\"commitment_confirmed\":%s}", check_id,
	    reg, member, confirmed ? "true" : "false");
	return t_call(t, "POST", "/v1/applications/newborn", t->token, key,
	    body);
}

static void
test_household_get(void **state)
{
	struct t *t = *state;
	const cJSON *m, *child;

	assert_int_equal(t_call(t, "GET", "/v1/households/HH-0100", t->token,
	    NULL, NULL), 200);
	m = cJSON_GetObjectItemCaseSensitive(t->json, "members");
	assert_int_equal(cJSON_GetArraySize(m), 5);
	child = cJSON_GetArrayItem(m, 4);
	assert_string_equal(t_str(child, "name"), "胡小宝");
	assert_string_equal(t_str(child, "birth_date"), "2026-10-23");
	assert_string_equal(t_str(child, "relation"), "child");
	assert_false(cJSON_IsTrue(cJSON_GetObjectItem(child, "has_card")));
	assert_int_equal(strlen(t_str(child, "id_number_masked")), 18);
	assert_non_null(strstr(t_str(child, "id_number_masked"), "****"));
	assert_string_equal(t_str(cJSON_GetArrayItem(m, 0), "person_id"),
	    "P-0103");
	t_call(t, "GET", "/v1/households/HH-0199", t->token, NULL, NULL);
	t_error(t, 404, "household_unknown", "register_no");
}

static void
test_newborn(void **state)
{
	struct t *t = *state;
	char ck[32];
	const cJSON *r;

	t_checked(t, "胡明", ck);
	t_newborn(t, "n1", ck, "HH-0199", 1, true);
	t_error(t, 404, "household_unknown", "register_no");
	t_newborn(t, "n1", ck, "HH-0101", 2, true);
	t_error(t, 422, "parent_not_listed", "register_no");
	t_newborn(t, "n1", ck, "HH-0100", 3, true);
	t_error(t, 409, "child_has_card", "member_no");
	t_newborn(t, "n1", ck, "HH-0100", 4, true);
	t_error(t, 422, "not_newborn", "member_no");
	t_newborn(t, "n1", ck, "HH-0100", 9, true);
	t_error(t, 422, "child_not_listed", "member_no");
	t_newborn(t, "n1", ck, "HH-0100", 2, true);
	t_error(t, 422, "not_guardian", "member_no");
	t_newborn(t, "n1", ck, "HH-0100", 5, false);
	t_error(t, 422, "commitment_required", "commitment_confirmed");
	assert_int_equal(t_newborn(t, "n1", ck, "HH-0100", 5, true), 201);
	assert_string_equal(t_str(t->json, "service"), "newborn-registration");
	r = cJSON_GetObjectItemCaseSensitive(t->json, "results");
	assert_int_equal(cJSON_GetArraySize(r), 3);
	assert_non_null(strstr(cJSON_GetArrayItem(r, 2)->valuestring,
	    "胡明"));
	/* Registered once: a second time is refused. */
	t_newborn(t, "n2", ck, "HH-0100", 5, true);
	t_error(t, 409, "child_has_card", "member_no");

	t_checked(t, "何静", ck);
	t_newborn(t, "n3", ck, "HH-0104", 3, true);
	t_error(t, 422, "not_guardian", "member_no");
	sim_reset(t->s);
	assert_int_equal(t_call(t, "GET", "/v1/households/HH-0100", t->token,
	    NULL, NULL), 200);
	assert_false(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(t->json, "members"), 4), "has_card")));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, t_setup, t_teardown)
		cmocka_unit_test_setup_teardown(test_signin_good,
		    t_setup_nosession, t_teardown),
		cmocka_unit_test_setup_teardown(test_signin_bad,
		    t_setup_nosession, t_teardown),
		T(test_session_required),
		cmocka_unit_test(test_session_ttl_option),
		T(test_identity_good),
		T(test_identity_refusals),
		T(test_identity_order),
		T(test_identity_bad_request),
		T(test_person_get),
		T(test_medical_success),
		T(test_medical_deadline),
		T(test_deleg_insured),
		T(test_deleg_refusals),
		T(test_approval_flow),
		T(test_approval_own_and_reject),
		T(test_household_get),
		T(test_newborn),
		T(test_idempotent_replay),
		T(test_idempotent_conflict),
		T(test_idempotent_across_sessions),
		T(test_idempotent_per_staff),
		T(test_write_status),
		T(test_nul_in_request),
		T(test_audit_anchors),
		T(test_routing),
		T(test_body_shapes),
		T(test_identity_number_exact),
		T(test_checks_bounded),
		T(test_reset),
		T(test_listings),
		cmocka_unit_test_setup_teardown(test_signin_lockout,
		    t_setup_nosession, t_teardown),
		cmocka_unit_test_setup_teardown(test_signin_lockout_window,
		    t_setup_nosession, t_teardown),
#define P(name) cmocka_unit_test_setup_teardown(name, t_setup_presign, \
		    t_teardown)
		P(test_signin_good),
		P(test_signin_bad),
		P(test_signin_lockout),
		P(test_signin_lockout_window),
		P(test_signin_presign_only_signins),
#undef P
#undef T
	};

	return cmocka_run_group_tests_name("sim", tests, NULL, NULL);
}
