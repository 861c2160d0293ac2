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

#define TODAY "2026-11-22"

static char dir[64], build[PATH_MAX], top[PATH_MAX];
static pid_t sim_pid;
static int sim_port;
static char agent_id[19], insured_id[19], parent_id[19];

/* ---- the simulator ----------------------------------------------------- */

static int
demo_number(const char *sim, const char *who, char out[19])
{
	char cmd[PATH_MAX + 64], line[512];
	FILE *p;
	int rc = -1;

	snprintf(cmd, sizeof cmd, "'%s' --list --today " TODAY, sim);
	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, p) != NULL) {
		char masked[64], name[64], full[64];

		if (sscanf(line, " %63s %63s %63s", masked, name, full) == 3 &&
		    strcmp(name, who) == 0 && strlen(full) == 18) {
			memcpy(out, full, 19);
			rc = 0;
		}
	}
	pclose(p);
	return rc;
}

static int
group_setup(void **state)
{
	const char *e;
	char cmd[PATH_MAX * 2], sim[PATH_MAX + 16], portfile[128], cert[128],
	    key[128];
	FILE *f;

	(void)state;
	snprintf(top, sizeof top, "%s", (e = getenv("SSDESK_TOP")) ? e : ".");
	snprintf(build, sizeof build, "%s",
	    (e = getenv("SSDESK_BUILD")) ? e : "build");
	snprintf(dir, sizeof dir, "/tmp/ssdesk-itest-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd, "sh '%s/tests/lib/pki.sh' '%s' >/dev/null",
	    top, dir);
	if (system(cmd) != 0)
		return -1;
	snprintf(sim, sizeof sim, "%s/ssdesk-sim", build);
	if (demo_number(sim, "马军", agent_id) != 0 ||
	    demo_number(sim, "孙丽", insured_id) != 0 ||
	    demo_number(sim, "胡明", parent_id) != 0)
		return -1;
	snprintf(portfile, sizeof portfile, "%s/sim.port", dir);
	snprintf(cert, sizeof cert, "%s/server.pem", dir);
	snprintf(key, sizeof key, "%s/server.key", dir);
	fflush(NULL);
	if ((sim_pid = fork()) < 0)
		return -1;
	if (sim_pid == 0) {
		char *argv[] = { sim, "--port", "0", "--port-file", portfile,
		    "--cert", cert, "--key", key, "--today", TODAY, NULL };

		if (freopen("/dev/null", "w", stdout) == NULL ||
		    freopen("/dev/null", "w", stderr) == NULL)
			_exit(127);
		execv(sim, argv);
		_exit(127);
	}
	for (int i = 0; i < 200 && sim_port <= 0; i++) {
		usleep(50 * 1000);
		if ((f = fopen(portfile, "r")) != NULL) {
			if (fscanf(f, "%d", &sim_port) != 1)
				sim_port = 0;
			fclose(f);
		}
	}
	usleep(100 * 1000);
	return sim_port > 0 && curl_global_init(CURL_GLOBAL_DEFAULT) == 0 ?
	    0 : -1;
}

static int
group_teardown(void **state)
{
	char cmd[128];
	int st;

	(void)state;
	if (sim_pid > 0) {
		kill(sim_pid, SIGTERM);
		waitpid(sim_pid, &st, 0);
		sim_pid = 0;
	}
	if (strncmp(dir, "/tmp/ssdesk-itest-", 18) == 0) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		dir[0] = '\0';
		if (system(cmd) != 0)
			return -1;
	}
	curl_global_cleanup();
	return 0;
}

/* ---- raw requests with libcurl (the terminal bypassed) ------------------ */

struct raw {
	CURL *h;
	struct curl_slist *hdr;
	char body[65536];
	size_t len;
	long status;
};

static size_t
raw_write(char *p, size_t sz, size_t n, void *arg)
{
	struct raw *r = arg;
	size_t k = sz * n;

	if (r->len + k >= sizeof r->body)
		return 0;
	memcpy(r->body + r->len, p, k);
	r->len += k;
	r->body[r->len] = '\0';
	return k;
}

/* Prepare (not send) one request; body NULL for GET. */
static void
raw_prepare(struct raw *r, const char *method, const char *path,
    const char *token, const char *key, const char *body)
{
	char url[256], ca[128], h[256];

	memset(r, 0, sizeof *r);
	r->h = curl_easy_init();
	assert_non_null(r->h);
	snprintf(url, sizeof url, "https://127.0.0.1:%d%s", sim_port, path);
	snprintf(ca, sizeof ca, "%s/ca.pem", dir);
	curl_easy_setopt(r->h, CURLOPT_URL, url);
	curl_easy_setopt(r->h, CURLOPT_CAINFO, ca);
	curl_easy_setopt(r->h, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(r->h, CURLOPT_WRITEFUNCTION, raw_write);
	curl_easy_setopt(r->h, CURLOPT_WRITEDATA, r);
	r->hdr = curl_slist_append(NULL, "Content-Type: application/json");
	if (token != NULL) {
		snprintf(h, sizeof h, "Authorization: Bearer %s", token);
		r->hdr = curl_slist_append(r->hdr, h);
	}
	if (key != NULL) {
		snprintf(h, sizeof h, "Idempotency-Key: %s", key);
		r->hdr = curl_slist_append(r->hdr, h);
	}
	curl_easy_setopt(r->h, CURLOPT_HTTPHEADER, r->hdr);
	if (body != NULL)
		curl_easy_setopt(r->h, CURLOPT_COPYPOSTFIELDS, body);
}

static void
raw_finish(struct raw *r)
{
	curl_easy_getinfo(r->h, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(r->hdr);
	curl_easy_cleanup(r->h);
}

static long
raw(struct raw *r, const char *method, const char *path, const char *token,
    const char *key, const char *body)
{
	raw_prepare(r, method, path, token, key, body);
	assert_int_equal(curl_easy_perform(r->h), CURLE_OK);
	raw_finish(r);
	return r->status;
}

/* The string value of "name" in r's body (first occurrence), or "". */
static const char *
raw_str(const struct raw *r, const char *name, char *out, size_t outsz)
{
	char pat[64];
	const char *p, *q;

	snprintf(pat, sizeof pat, "\"%s\":\"", name);
	out[0] = '\0';
	if ((p = strstr(r->body, pat)) == NULL)
		return out;
	p += strlen(pat);
	q = strchr(p, '"');
	if (q != NULL && (size_t)(q - p) < outsz) {
		memcpy(out, p, (size_t)(q - p));
		out[q - p] = '\0';
	}
	return out;
}

static void
expect(const struct raw *r, long status, const char *code)
{
	char got[64];

	if (r->status != status ||
	    strcmp(raw_str(r, "code", got, sizeof got), code) != 0)
		fail_msg("expected %ld %s, got %ld %s", status, code,
		    r->status, r->body);
}

static void
sign_in(const char *staff, char token[160])
{
	struct raw r;
	char body[128];

	snprintf(body, sizeof body, "{\"staff_id\":\"%s\",\"password\":"
	    "\"ssdesk-demo\",\"counter\":\"C-07\"}", staff);
	assert_int_equal(raw(&r, "POST", "/v1/sessions", NULL, NULL, body),
	    201);
	raw_str(&r, "token", token, 160);
	assert_int_equal(strlen(token), 64);
}

static void
check(const char *token, const char *number, const char *name, char out[32])
{
	struct raw r;
	char body[512];

	snprintf(body, sizeof body, "{\"id_number\":\"%s\",\"name\":\"%s\","
	    "\"id_valid_until\":\"long-term\",\"checklist\":{"
	    "\"original_sighted\":true,\"photocopy_taken\":true,\"face\":"
	    "\"pass\",\"fingerprint\":true}}", number, name);
	assert_int_equal(raw(&r, "POST", "/v1/identity-checks", token, NULL,
	    body), 201);
	raw_str(&r, "check_id", out, 32);
}

static long
submit(struct raw *r, const char *token, const char *ck, const char *key,
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
	return raw(r, "POST", "/v1/applications/delegated-activation", token,
	    key, body);
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
	struct raw r;

	(void)state;
	sign_in("clerk02", clerk);
	check(clerk, agent_id, "马军", ck);
	/* The power of attorney's rules hold at the service. */
	submit(&r, clerk, ck, "k-pin", "pin_reset", "2026-11-01", true);
	expect(&r, 422, "pin_reset_not_delegated");
	submit(&r, clerk, ck, "k-fut", "ss", "2026-11-23", true);
	expect(&r, 422, "poa_dated_future");
	submit(&r, clerk, ck, "k-old", "ss", "2026-05-25", true);
	expect(&r, 422, "poa_too_old");
	submit(&r, clerk, ck, "k-scope", "ss", "2026-05-26", false);
	expect(&r, 422, "scope_not_covered");
	assert_int_equal(submit(&r, clerk, ck, "k-1", "fin", "2026-05-26",
	    false), 201);
	raw_str(&r, "application_id", id, sizeof id);
	assert_string_equal(raw_str(&r, "status", got, sizeof got),
	    "pending-approval");

	/* A clerk: no queue, no decision, even sent by hand. */
	raw(&r, "GET", "/v1/approvals", clerk, NULL, NULL);
	expect(&r, 403, "forbidden_role");
	snprintf(path, sizeof path, "/v1/approvals/%s", id);
	decide_body(body, sizeof body, "approve", "");
	raw(&r, "POST", path, clerk, "k-2", body);
	expect(&r, 403, "forbidden_role");

	/* A supervisor's own submission: another must decide. */
	sign_in("super01", super);
	check(super, agent_id, "马军", ck);
	assert_int_equal(submit(&r, super, ck, "k-3", "ss", TODAY, true), 201);
	raw_str(&r, "application_id", own, sizeof own);
	snprintf(path, sizeof path, "/v1/approvals/%s", own);
	raw(&r, "POST", path, super, "k-4", body);
	expect(&r, 403, "own_submission");
	decide_body(body, sizeof body, "reject", " ");
	raw(&r, "POST", path, super, "k-5", body);
	expect(&r, 403, "own_submission");

	/* A rejection needs a reason; then it stands. */
	snprintf(path, sizeof path, "/v1/approvals/%s", id);
	raw(&r, "POST", path, super, "k-6", body);
	expect(&r, 422, "reason_required");
	decide_body(body, sizeof body, "reject", "POA not signed by insured");
	assert_int_equal(raw(&r, "POST", path, super, "k-7", body), 200);
	decide_body(body, sizeof body, "approve", "");
	raw(&r, "POST", path, super, "k-8", body);
	expect(&r, 409, "already_decided");
	assert_non_null(strstr(raw_str(&r, "message", got, sizeof got),
	    "super01"));
	/* The clerk sees it rejected, with the reason. */
	assert_int_equal(raw(&r, "GET", "/v1/submissions", clerk, NULL, NULL),
	    200);
	assert_non_null(strstr(r.body, "POA not signed by insured"));
	assert_non_null(strstr(r.body, "\"status\":\"rejected\""));
}

static void
test_race_one_winner(void **state)
{
	char clerk[160], s1[160], s2[160], ck[32], id[40], path[96], body[128],
	    msg[256];
	struct raw r, a, b;
	CURLM *m;
	int running, winners = 0;

	(void)state;
	sign_in("clerk01", clerk);
	check(clerk, agent_id, "马军", ck);
	assert_int_equal(submit(&r, clerk, ck, "race-1", "ss", TODAY, true),
	    201);
	raw_str(&r, "application_id", id, sizeof id);
	sign_in("super01", s1);
	sign_in("super02", s2);
	snprintf(path, sizeof path, "/v1/approvals/%s", id);
	decide_body(body, sizeof body, "approve", "");
	/* Both in flight at once. */
	raw_prepare(&a, "POST", path, s1, "race-a", body);
	raw_prepare(&b, "POST", path, s2, "race-b", body);
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
	raw_finish(&a);
	raw_finish(&b);
	winners = (a.status == 200) + (b.status == 200);
	assert_int_equal(winners, 1);
	{
		struct raw *lost = a.status == 200 ? &b : &a;
		const char *winner = a.status == 200 ? "super01" : "super02";

		expect(lost, 409, "already_decided");
		assert_non_null(strstr(raw_str(lost, "message", msg,
		    sizeof msg), winner));
	}
	/* Activated once: the card's medical function is active. */
	assert_int_equal(raw(&r, "GET", "/v1/persons/P-0100", clerk, NULL,
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
got_staff(void *arg, const struct api_error *err, const struct staff *st)
{
	got_any(arg, err, st, sizeof *st);
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
	struct timespec t0, t;
	int ready;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		assert_int_equal(api_wait(a, -1, 100, &ready), 0);
		api_perform(a);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (g->calls == 0 && t.tv_sec - t0.tv_sec < 30);
	assert_int_equal(g->calls, 1);
	return g;
}

static struct api *
open_api(const char *staff, struct got *g)
{
	char url[64], ca[128], err[256];
	struct https_opts o = { 0 };
	struct transport *t;
	struct api *a;

	snprintf(ca, sizeof ca, "%s/ca.pem", dir);
	o.ca_file = ca;
	o.connect_timeout_ms = 3000;
	o.total_timeout_ms = 15000;
	snprintf(url, sizeof url, "https://127.0.0.1:%d", sim_port);
	t = transport_https_new(url, &o, err, sizeof err);
	assert_non_null(t);
	a = api_new(t);
	assert_non_null(a);
	memset(g, 0, sizeof *g);
	api_sign_in(a, staff, "ssdesk-demo", "C-08", got_staff, g);
	assert_int_equal(run(a, g)->err.result, API_OK);
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
	api_poa_submit(clerk, &pr, got_app, &g);
	assert_int_equal(run(clerk, &g)->err.result, API_OK);
	assert_string_equal(g.u.app.status, "pending-approval");
	snprintf(id, sizeof id, "%s", g.u.app.application_id);

	super = open_api("super02", &g);
	memset(&g, 0, sizeof g);
	api_approvals_list(super, false, got_list, &g);
	assert_int_equal(run(super, &g)->err.result, API_OK);
	assert_true(g.u.list.n >= 1);
	assert_string_equal(g.u.list.items[g.u.list.n - 1].application_id, id);
	assert_string_equal(g.u.list.items[g.u.list.n - 1].insured.name,
	    "孙丽");
	assert_string_equal(g.u.list.items[g.u.list.n - 1].activation, "fin");
	memset(&g, 0, sizeof g);
	api_approval_decide(super, id, true, "", NULL, got_ap, &g);
	assert_int_equal(run(super, &g)->err.result, API_OK);
	assert_string_equal(g.u.ap.status, "approved");
	assert_string_equal(g.u.ap.decided_by_id, "super02");
	assert_int_equal(g.u.ap.card.fin, FN_ACTIVE);

	memset(&g, 0, sizeof g);
	api_approvals_list(clerk, true, got_list, &g);
	assert_int_equal(run(clerk, &g)->err.result, API_OK);
	assert_string_equal(g.u.list.items[0].application_id, id);
	assert_string_equal(g.u.list.items[0].decided_by_name, "罗主管");
	memset(&g, 0, sizeof g);
	api_approvals_list(clerk, false, got_list, &g);
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
	api_newborn_register(clerk, &nr, got_app, &g);
	assert_int_equal(run(clerk, &g)->err.result, API_OK);
	assert_string_equal(g.u.app.service, "newborn-registration");
	assert_int_equal(g.u.app.nresults, 3);
	assert_string_equal(g.u.app.subject_name, "胡小宝");
	memset(&g, 0, sizeof g);
	api_household_get(clerk, "HH-0199", got_hh, &g);
	run(clerk, &g);
	assert_string_equal(g.err.code, "household_unknown");
	api_free(clerk);
	api_free(super);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_four_eyes_bypassed),
		cmocka_unit_test(test_race_one_winner),
		cmocka_unit_test(test_api_calls),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
