/*
 * test_deleg.c -- the four-eyes rules of delegated activations over real
 * HTTPS against ssdesk-sim, with the terminal bypassed: requests are sent
 * directly with libcurl, as any program could.  Proven here: a clerk can
 * neither see the queue nor approve; a supervisor cannot decide their own
 * submission; a rejection needs a reason; the power of attorney's rules
 * (PIN reset, dates, scope) hold at the service; two supervisors
 * approving one item at the same moment: exactly one wins, the other is
 * told who decided, and the activation is made once.  Then the terminal's
 * own calls (net/api_deleg.c) over the same HTTPS: the queue, a decision,
 * my submissions, a household and a newborn registration.
 *
 * Environment: SSDESK_TOP, SSDESK_BUILD as test_https.c.
 */
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "net/api.h"
#include "net/transport_https.h"
#include "tests/integration/itest.h"

#define TODAY ITEST_TODAY

static char agent_id[19], insured_id[19], parent_id[19];

/* ---- the simulator ----------------------------------------------------- */

static int
group_setup(void **state)
{
	(void)state;
	if (itest_setup() != 0 ||
	    itest_demo_number("马军", agent_id) != 0 ||
	    itest_demo_number("孙丽", insured_id) != 0 ||
	    itest_demo_number("胡明", parent_id) != 0)
		return -1;
	return itest_sim_start(NULL);
}

/* ---- raw requests with libcurl (the terminal bypassed): itest.h --------- */

static void
check(const char *token, const char *number, const char *name, char out[32])
{
	struct itest_raw r;
	char body[512];

	snprintf(body, sizeof body, "{\"id_number\":\"%s\",\"name\":\"%s\","
	    "\"id_valid_until\":\"long-term\",\"checklist\":{"
	    "\"original_sighted\":true,\"photocopy_taken\":true,\"face\":"
	    "\"pass\",\"fingerprint\":true}}", number, name);
	assert_int_equal(itest_raw(&r, "POST", "/v1/identity-checks", token,
	    NULL, body), 201);
	itest_raw_str(&r, "check_id", out, 32);
}

static long
submit(struct itest_raw *r, const char *token, const char *ck, const char *key,
    const char *activation, const char *signed_on, bool covers_ss)
{
	char body[1024];

	snprintf(body, sizeof body, "{\"check_id\":\"%s\","
	    "\"insured_id_number\":\"%s\",\"insured_name\":\"孙丽\","
	    "\"card_id\":\"C-0100\",\"activation\":\"%s\",\"poa_number\":"
	    "\"POA-1\",\"poa_signed_on\":\"%s\",\"poa_covers_ss\":%s,"
	    "\"poa_covers_fin\":true,\"insured_original_sighted\":true,"
	    "\"photocopies_taken\":true,\"poa_original_sighted\":true}", ck,
	    insured_id, activation, signed_on, covers_ss ? "true" : "false");
	return itest_raw(r, "POST", "/v1/applications/delegated-activation",
	    token, key, body);
}

static void
decide_body(char *out, size_t outsz, const char *decision,
    const char *reason)
{
	snprintf(out, outsz, "{\"decision\":\"%s\",\"reason\":\"%s\"}",
	    decision, reason);
}

/* ---- the tests ---------------------------------------------------------- */

static void
test_four_eyes_bypassed(void **state)
{
	char clerk[160], super[160], ck[32], id[40], own[40], path[96],
	    body[128], got[256];
	struct itest_raw r;

	(void)state;
	itest_raw_sign_in("clerk02", clerk);
	check(clerk, agent_id, "马军", ck);
	/* The power of attorney's rules hold at the service. */
	submit(&r, clerk, ck, "k-pin", "pin_reset", "2026-11-01", true);
	itest_raw_expect(&r, 422, "pin_reset_not_delegated");
	submit(&r, clerk, ck, "k-fut", "ss", "2026-11-23", true);
	itest_raw_expect(&r, 422, "poa_dated_future");
	submit(&r, clerk, ck, "k-old", "ss", "2026-05-25", true);
	itest_raw_expect(&r, 422, "poa_too_old");
	submit(&r, clerk, ck, "k-scope", "ss", "2026-05-26", false);
	itest_raw_expect(&r, 422, "scope_not_covered");
	assert_int_equal(submit(&r, clerk, ck, "k-1", "fin", "2026-05-26",
	    false), 201);
	itest_raw_str(&r, "application_id", id, sizeof id);
	assert_string_equal(itest_raw_str(&r, "status", got, sizeof got),
	    "pending-approval");

	/* A clerk: no queue, no decision, even sent by hand. */
	itest_raw(&r, "GET", "/v1/approvals", clerk, NULL, NULL);
	itest_raw_expect(&r, 403, "forbidden_role");
	snprintf(path, sizeof path, "/v1/approvals/%s", id);
	decide_body(body, sizeof body, "approve", "");
	itest_raw(&r, "POST", path, clerk, "k-2", body);
	itest_raw_expect(&r, 403, "forbidden_role");

	/* A supervisor's own submission: another must decide. */
	itest_raw_sign_in("super01", super);
	check(super, agent_id, "马军", ck);
	assert_int_equal(submit(&r, super, ck, "k-3", "ss", TODAY, true), 201);
	itest_raw_str(&r, "application_id", own, sizeof own);
	snprintf(path, sizeof path, "/v1/approvals/%s", own);
	itest_raw(&r, "POST", path, super, "k-4", body);
	itest_raw_expect(&r, 403, "own_submission");
	decide_body(body, sizeof body, "reject", " ");
	itest_raw(&r, "POST", path, super, "k-5", body);
	itest_raw_expect(&r, 403, "own_submission");

	/* A rejection needs a reason; then it stands. */
	snprintf(path, sizeof path, "/v1/approvals/%s", id);
	itest_raw(&r, "POST", path, super, "k-6", body);
	itest_raw_expect(&r, 422, "reason_required");
	decide_body(body, sizeof body, "reject", "POA not signed by insured");
	assert_int_equal(itest_raw(&r, "POST", path, super, "k-7", body), 200);
	decide_body(body, sizeof body, "approve", "");
	itest_raw(&r, "POST", path, super, "k-8", body);
	itest_raw_expect(&r, 409, "already_decided");
	assert_non_null(strstr(itest_raw_str(&r, "message", got, sizeof got),
	    "super01"));
	/* The clerk sees it rejected, with the reason. */
	assert_int_equal(itest_raw(&r, "GET", "/v1/submissions", clerk, NULL,
	    NULL), 200);
	assert_non_null(strstr(r.body, "POA not signed by insured"));
	assert_non_null(strstr(r.body, "\"status\":\"rejected\""));
}

static void
test_race_one_winner(void **state)
{
	char clerk[160], s1[160], s2[160], ck[32], id[40], path[96], body[128],
	    msg[256];
	struct itest_raw r, a, b;
	CURLM *m;
	int running, winners = 0;

	(void)state;
	itest_raw_sign_in("clerk01", clerk);
	check(clerk, agent_id, "马军", ck);
	assert_int_equal(submit(&r, clerk, ck, "race-1", "ss", TODAY, true),
	    201);
	itest_raw_str(&r, "application_id", id, sizeof id);
	itest_raw_sign_in("super01", s1);
	itest_raw_sign_in("super02", s2);
	snprintf(path, sizeof path, "/v1/approvals/%s", id);
	decide_body(body, sizeof body, "approve", "");
	/* Both in flight at once. */
	itest_raw_prepare(&a, "POST", path, s1, "race-a", body);
	itest_raw_prepare(&b, "POST", path, s2, "race-b", body);
	m = curl_multi_init();
	curl_multi_add_handle(m, a.h);
	curl_multi_add_handle(m, b.h);
	do {
		assert_int_equal(curl_multi_perform(m, &running), CURLM_OK);
		if (running)
			curl_multi_poll(m, NULL, 0, 200, NULL);
	} while (running);
	curl_multi_remove_handle(m, a.h);
	curl_multi_remove_handle(m, b.h);
	curl_multi_cleanup(m);
	itest_raw_finish(&a);
	itest_raw_finish(&b);
	winners = (a.status == 200) + (b.status == 200);
	assert_int_equal(winners, 1);
	{
		struct itest_raw *lost = a.status == 200 ? &b : &a;
		const char *winner = a.status == 200 ? "super01" : "super02";

		itest_raw_expect(lost, 409, "already_decided");
		assert_non_null(strstr(itest_raw_str(lost, "message", msg,
		    sizeof msg), winner));
	}
	/* Activated once: the card's medical function is active. */
	assert_int_equal(itest_raw(&r, "GET", "/v1/persons/P-0100", clerk, NULL,
	    NULL), 200);
	assert_non_null(strstr(r.body, "\"card_id\":\"C-0100\""));
	assert_non_null(strstr(r.body, "\"ss\":\"active\""));
}

/* ---- the terminal's own calls over HTTPS -------------------------------- */

struct got {
	int calls;
	struct api_error err;
	union {
		struct staff staff;
		struct identity_result id;
		struct approval_list list;
		struct approval ap;
		struct household hh;
		struct application app;
	} u;
};

static void
got_any(struct got *g, const struct api_error *err, const void *res,
    size_t size)
{
	g->calls++;
	if (err != NULL)
		g->err = *err;
	if (res != NULL)
		memcpy(&g->u, res, size);
}

static void
got_id(void *arg, const struct api_error *err,
    const struct identity_result *r)
{
	got_any(arg, err, r, sizeof *r);
}

static void
got_list(void *arg, const struct api_error *err,
    const struct approval_list *l)
{
	got_any(arg, err, l, sizeof *l);
}

static void
got_ap(void *arg, const struct api_error *err, const struct approval *ap)
{
	got_any(arg, err, ap, sizeof *ap);
}

static void
got_hh(void *arg, const struct api_error *err, const struct household *h)
{
	got_any(arg, err, h, sizeof *h);
}

static void
got_app(void *arg, const struct api_error *err, const struct application *a)
{
	got_any(arg, err, a, sizeof *a);
}

static struct got *
run(struct api *a, struct got *g)
{
	itest_run(a, &g->calls);
	return g;
}

static struct api *
open_api(const char *staff, struct got *g)
{
	struct api *a = itest_open_api(itest_port, NULL, 0, 0);
	struct itest_got sg;

	assert_int_equal(itest_sign_in(a, staff, "ssdesk-demo", "C-08", &sg),
	    API_OK);
	memset(g, 0, sizeof *g);
	return a;
}

/* An identity check through the api; its check_id into ck. */
static void
api_checked(struct api *a, struct got *g, const struct identity_request *ir,
    char ck[REF_MAX])
{
	memset(g, 0, sizeof *g);
	api_identity_check(a, ir, got_id, g);
	assert_int_equal(run(a, g)->err.result, API_OK);
	snprintf(ck, REF_MAX, "%s", g->u.id.check_id);
	memset(g, 0, sizeof *g);
}

static void
test_api_calls(void **state)
{
	static struct got g;
	struct identity_request ir = { .name = "马军", .valid_until =
	    "long-term", .original_sighted = true, .photocopy_taken = true,
	    .face = FACE_PASS, .fingerprint = true };
	struct poa_request pr = { .insured_name = "孙丽", .card_id = "C-0100",
	    .activation = "fin", .poa_number = "POA-9",
	    .poa_signed_on = TODAY, .covers_fin = true,
	    .insured_original_sighted = true, .photocopies_taken = true,
	    .poa_original_sighted = true };
	struct newborn_request nr = { .register_no = "HH-0100", .member_no = 5,
	    .commitment_confirmed = true };
	struct api *clerk, *super;
	char id[REF_MAX], ck[REF_MAX];

	(void)state;
	clerk = open_api("clerk01", &g);
	ir.id_number = agent_id;
	api_checked(clerk, &g, &ir, ck);
	pr.check_id = ck;
	pr.insured_id_number = insured_id;
	api_write_app(clerk, SERVICE_DELEGATED, &pr, got_app, &g);
	assert_int_equal(run(clerk, &g)->err.result, API_OK);
	assert_string_equal(g.u.app.status, "pending-approval");
	snprintf(id, sizeof id, "%s", g.u.app.application_id);

	super = open_api("super02", &g);
	memset(&g, 0, sizeof g);
	api_approvals_list(super, false, NULL, got_list, &g);
	assert_int_equal(run(super, &g)->err.result, API_OK);
	assert_true(g.u.list.n >= 1);
	assert_string_equal(g.u.list.items[g.u.list.n - 1].application_id, id);
	assert_string_equal(g.u.list.items[g.u.list.n - 1].insured.name,
	    "孙丽");
	assert_string_equal(g.u.list.items[g.u.list.n - 1].activation, "fin");
	memset(&g, 0, sizeof g);
	api_write_decision(super, &(struct decision_request){ .application_id = id, .approve = true, .reason = "" }, got_ap, &g);
	assert_int_equal(run(super, &g)->err.result, API_OK);
	assert_string_equal(g.u.ap.status, "approved");
	assert_string_equal(g.u.ap.decided_by_id, "super02");
	assert_int_equal(g.u.ap.card.fin, FN_ACTIVE);

	memset(&g, 0, sizeof g);
	api_approvals_list(clerk, true, NULL, got_list, &g);
	assert_int_equal(run(clerk, &g)->err.result, API_OK);
	assert_string_equal(g.u.list.items[0].application_id, id);
	assert_string_equal(g.u.list.items[0].decided_by_name, "罗主管");
	memset(&g, 0, sizeof g);
	api_approvals_list(clerk, false, NULL, got_list, &g);
	run(clerk, &g);
	assert_int_equal(g.err.result, API_REFUSED);
	assert_string_equal(g.err.code, "forbidden_role");

	/* The household record and a newborn registration. */
	memset(&g, 0, sizeof g);
	api_household_get(clerk, "HH-0100", got_hh, &g);
	assert_int_equal(run(clerk, &g)->err.result, API_OK);
	assert_int_equal(g.u.hh.nmembers, 5);
	assert_string_equal(g.u.hh.members[4].name, "胡小宝");
	assert_int_equal(g.u.hh.members[4].nguardians, 2);
	ir.id_number = parent_id;
	ir.name = "胡明";
	api_checked(clerk, &g, &ir, ck);
	nr.check_id = ck;
	api_write_app(clerk, SERVICE_NEWBORN, &nr, got_app, &g);
	assert_int_equal(run(clerk, &g)->err.result, API_OK);
	assert_int_equal(g.u.app.service, SERVICE_NEWBORN);
	assert_int_equal(g.u.app.nresults, 3);
	assert_string_equal(g.u.app.subject_name, "胡小宝");
	memset(&g, 0, sizeof g);
	api_household_get(clerk, "HH-0199", got_hh, &g);
	run(clerk, &g);
	assert_string_equal(g.err.code, "household_unknown");
	api_free(clerk);
	api_free(super);
}

/* n delegated activations for 孙涛 (neither function of his card is
 * active, so each is pending) by staff; with capped, one more, which the
 * write cap refuses with Retry-After. */
static void
deleg_burst(const char *staff, int n, bool capped)
{
	char token[160], ck[32], key[32], insured[19], body[1024];
	struct itest_raw r;

	assert_int_equal(itest_demo_number("孙涛", insured), 0);
	itest_raw_sign_in(staff, token);
	check(token, agent_id, "马军", ck);
	snprintf(body, sizeof body, "{\"check_id\":\"%s\","
	    "\"insured_id_number\":\"%s\",\"insured_name\":\"孙涛\","
	    "\"card_id\":\"C-0106\",\"activation\":\"fin\",\"poa_number\":"
	    "\"POA-2\",\"poa_signed_on\":\"2026-11-01\",\"poa_covers_ss\":"
	    "false,\"poa_covers_fin\":true,\"insured_original_sighted\":true,"
	    "\"photocopies_taken\":true,\"poa_original_sighted\":true}", ck,
	    insured);
	for (int i = 0; i < n + capped; i++) {
		snprintf(key, sizeof key, "%s-%d", staff, i);
		itest_raw(&r, "POST", "/v1/applications/delegated-activation",
		    token, key, body);
		if (i < n)
			assert_int_equal(r.status, 201);
	}
	if (capped) {
		itest_raw_expect(&r, 429, "too_many_writes");
		assert_in_range(r.retry_after, 1, 2);
	}
}

/* The terminal's own calls read the whole queue, a page after the other:
 * as many as the service counts, none twice. */
static void
terminal_pages(void)
{
	static struct got g;
	static char seen[4 * APPROVALS_PAGE][REF_MAX];
	char cursor[APPROVALS_CURSOR_MAX] = "";
	struct api *super = open_api("super02", &g);
	size_t n = 0, pages = 0;
	long total = -1;

	do {
		memset(&g, 0, sizeof g);
		api_approvals_list(super, false, cursor, got_list, &g);
		assert_int_equal(run(super, &g)->err.result, API_OK);
		total = g.u.list.total;
		for (size_t i = 0; i < g.u.list.n; i++) {
			assert_true(n < sizeof seen / sizeof seen[0]);
			for (size_t k = 0; k < n; k++)
				assert_string_not_equal(seen[k],
				    g.u.list.items[i].application_id);
			snprintf(seen[n++], REF_MAX, "%s",
			    g.u.list.items[i].application_id);
		}
		snprintf(cursor, sizeof cursor, "%s", g.u.list.next_cursor);
		pages++;
	} while (cursor[0] != '\0');
	assert_true(pages >= 2);
	assert_int_equal((long)n, total);
	api_free(super);
}

static int
occurrences(const char *s, const char *what)
{
	int n = 0;

	for (; (s = strstr(s, what)) != NULL; s++)
		n++;
	return n;
}

/* What the simulator's unit tests cannot show: the query of a request
 * reaches the simulator through the HTTPS server (MHD hands the path
 * without it), an encoded '&' stays inside its value, the write cap's 429
 * carries a Retry-After header, and the terminal follows the pages.
 * (Last: it fills the queue.) */
static void
test_pages_and_cap_over_https(void **state)
{
	char super[160], first[40], cur[40], path[96], got[40];
	struct itest_raw r;

	(void)state;
	deleg_burst("trainer01", 30, true);
	deleg_burst("super01", 5, false);
	itest_raw_sign_in("super01", super);
	assert_int_equal(itest_raw(&r, "GET", "/v1/approvals?limit=1", super,
	    NULL, NULL), 200);
	assert_int_equal(occurrences(r.body, "\"application_id\""), 1);
	itest_raw_str(&r, "application_id", first, sizeof first);
	itest_raw_str(&r, "next_cursor", cur, sizeof cur);
	assert_true(cur[0] != '\0');
	snprintf(path, sizeof path, "/v1/approvals?limit=1&cursor=%s", cur);
	assert_int_equal(itest_raw(&r, "GET", path, super, NULL, NULL), 200);
	assert_string_not_equal(itest_raw_str(&r, "application_id", got,
	    sizeof got), first);
	itest_raw(&r, "GET", "/v1/approvals?limit=1&cursor=q%261", super,
	    NULL, NULL);
	itest_raw_expect(&r, 400, "bad_request");
	assert_non_null(strstr(r.body, "\"field\":\"cursor\""));
	itest_raw(&r, "GET", "/v1/approvals?limit=1000", super, NULL, NULL);
	itest_raw_expect(&r, 400, "bad_request");
	assert_non_null(strstr(r.body, "\"field\":\"limit\""));
	terminal_pages();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_four_eyes_bypassed),
		cmocka_unit_test(test_race_one_winner),
		cmocka_unit_test(test_api_calls),
		cmocka_unit_test(test_pages_and_cap_over_https),
	};

	return itest_main(tests, group_setup);
}
