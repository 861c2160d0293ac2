/*
 * test_card.c -- the card services over real HTTPS against ssdesk-sim:
 * a PIN reset sealed to the key ssdesk-sim wrote with --seal-key-out
 * succeeds; the same sealed box sent again is refused (challenge_used);
 * a box sealed to another key is refused (pin_box_invalid: the mismatch
 * of a wrongly configured terminal); the PIN is in no file the test
 * directory holds (the simulator's log included).  Also the contribution
 * records decode, and the remedy's order holds over the wire.
 *
 * Environment: SSDESK_TOP (default "."), SSDESK_BUILD (default "build").
 */
#include <errno.h>
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

#include "net/api.h"
#include "net/seal.h"
#include "net/transport_https.h"

#define TODAY "2026-11-22"
#define TEST_PIN "582914"

static char dir[128], top[1024], build[1024];
static pid_t sim_pid;
static int sim_port;
static char lin_id[19], yang_id[19];

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
slurp_line(const char *path, char *out, size_t outsz)
{
	FILE *f = fopen(path, "r");
	int rc = -1;

	if (f == NULL)
		return -1;
	if (fgets(out, (int)outsz, f) != NULL) {
		out[strcspn(out, "\r\n")] = '\0';
		rc = out[0] ? 0 : -1;
	}
	fclose(f);
	return rc;
}

static int
find_id(const char *sim, const char *who, char out[19])
{
	char cmd[PATH_MAX * 2], line[512], masked[64], name[64], full[64];
	FILE *p;
	int rc = -1;

	snprintf(cmd, sizeof cmd, "'%s' --list --today " TODAY, sim);
	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, p) != NULL)
		if (sscanf(line, " %63s %63s %63s", masked, name, full) == 3 &&
		    strcmp(name, who) == 0 && strlen(full) == 18) {
			memcpy(out, full, 19);
			rc = 0;
		}
	pclose(p);
	return rc;
}

static int
group_setup(void **state)
{
	char cmd[PATH_MAX * 3], sim[PATH_MAX], port[PATH_MAX], buf[32];
	char cert[PATH_MAX], key[PATH_MAX], log[PATH_MAX], seal[PATH_MAX];
	const char *e;
	long long t0;

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
	if (find_id(sim, "林晓雨", lin_id) != 0 ||
	    find_id(sim, "杨磊", yang_id) != 0)
		return -1;
	snprintf(port, sizeof port, "%s/sim.port", dir);
	snprintf(cert, sizeof cert, "%s/server.pem", dir);
	snprintf(key, sizeof key, "%s/server.key", dir);
	snprintf(log, sizeof log, "%s/sim.log", dir);
	snprintf(seal, sizeof seal, "%s/seal.pub", dir);
	fflush(NULL);
	if ((sim_pid = fork()) < 0)
		return -1;
	if (sim_pid == 0) {
		if (freopen(log, "w", stdout) == NULL || dup2(1, 2) < 0)
			_exit(127);
		execl(sim, sim, "--port", "0", "--port-file", port, "--cert",
		    cert, "--key", key, "--today", TODAY, "--seal-key-out",
		    seal, (char *)NULL);
		_exit(127);
	}
	for (t0 = now_ms(); now_ms() - t0 < 10000; usleep(50 * 1000))
		if (slurp_line(port, buf, sizeof buf) == 0 &&
		    (sim_port = atoi(buf)) > 0)
			return 0;
	return -1;
}

static int
group_teardown(void **state)
{
	char cmd[256];
	int st;

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
	return 0;
}

/* ---- the api, one call at a time ----------------------------------- */

struct got {
	int calls;
	struct api_error err;
	struct staff staff;
	struct identity_result id;
	struct application app;
	struct pin_challenge ch;
	struct contributions *contrib;
};

static void
got_staff(void *arg, const struct api_error *err, const struct staff *st)
{
	struct got *g = arg;

	g->calls++;
	g->err = *err;
	if (st)
		g->staff = *st;
}

static void
got_identity(void *arg, const struct api_error *err,
    const struct identity_result *r)
{
	struct got *g = arg;

	g->calls++;
	g->err = *err;
	if (r)
		g->id = *r;
}

static void
got_app(void *arg, const struct api_error *err, const struct application *a)
{
	struct got *g = arg;

	g->calls++;
	g->err = *err;
	if (a)
		g->app = *a;
}

static void
got_challenge(void *arg, const struct api_error *err,
    const struct pin_challenge *c)
{
	struct got *g = arg;

	g->calls++;
	g->err = *err;
	if (c)
		g->ch = *c;
}

static void
got_contrib(void *arg, const struct api_error *err,
    const struct contributions *c)
{
	struct got *g = arg;

	g->calls++;
	g->err = *err;
	if (c && g->contrib)
		*g->contrib = *c;
}

static void
run(struct api *a, struct got *g)
{
	long long t0 = now_ms();
	int ready;

	while (g->calls == 0 && now_ms() - t0 < 30000) {
		assert_int_equal(api_wait(a, -1, 100, &ready), 0);
		api_perform(a);
	}
	assert_int_equal(g->calls, 1);
}

static struct api *
signed_in(void)
{
	char url[64], ca[PATH_MAX], err[256];
	struct https_opts o = { 0 };
	struct transport *t;
	struct api *a;
	struct got g = { 0 };

	snprintf(ca, sizeof ca, "%s/ca.pem", dir);
	o.ca_file = ca;
	o.connect_timeout_ms = 3000;
	o.total_timeout_ms = 15000;
	snprintf(url, sizeof url, "https://127.0.0.1:%d", sim_port);
	t = transport_https_new(url, &o, err, sizeof err);
	if (t == NULL)
		fail_msg("transport_https_new: %s", err);
	a = api_new(t);
	api_sign_in(a, "clerk01", "ssdesk-demo", "C-03", got_staff, &g);
	run(a, &g);
	assert_int_equal(g.err.result, API_OK);
	return a;
}

static void
check(struct api *a, const char *id, const char *name,
    struct identity_result *out)
{
	struct identity_request ir = {
		.id_number = id, .name = name, .valid_until = "long-term",
		.original_sighted = true, .photocopy_taken = true,
		.face = FACE_PASS, .fingerprint = true,
	};
	struct got g = { 0 };

	api_identity_check(a, &ir, got_identity, &g);
	run(a, &g);
	if (g.err.result != API_OK)
		fail_msg("identity: %s", g.err.code);
	*out = g.id;
}

/* A fresh challenge and the box of pin sealed with key k into box. */
static void
seal_for(struct api *a, const struct card_request *cr,
    const struct seal_key *k, const char *pin, char *box, size_t boxsz)
{
	struct got g = { 0 };
	char key[37];
	struct card_request r = *cr;

	api_idempotency_key(key);
	r.idem_key = key;
	api_pin_challenge(a, &r, got_challenge, &g);
	run(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(seal_pin(box, boxsz, k, g.ch.challenge, pin), 0);
}

static enum api_result
send_box(struct api *a, const struct card_request *cr, const char *box,
    struct got *g)
{
	char key[37];
	struct card_request r = *cr;

	memset(g, 0, sizeof *g);
	api_idempotency_key(key);
	r.idem_key = key;
	api_pin_reset(a, &r, box, got_app, g);
	run(a, g);
	return g->err.result;
}

/* No file under dir holds needle. */
static void
nowhere(const char *needle)
{
	char cmd[PATH_MAX + 128];

	snprintf(cmd, sizeof cmd, "grep -rqF -- '%s' '%s'", needle, dir);
	assert_int_not_equal(system(cmd), 0);
}

static void
test_pin_reset(void **state)
{
	struct api *a = signed_in();
	struct identity_result id;
	struct seal_key k, wrong;
	struct card_request cr = { 0 };
	struct got g;
	char path[PATH_MAX], box[SEAL_BOX_B64];
	unsigned char other_pk[32], other_sk[32];

	snprintf(path, sizeof path, "%s/seal.pub", dir);
	assert_int_equal(seal_key_load(&k, path), 0);
	check(a, lin_id, "林晓雨", &id);
	cr.check_id = id.check_id;
	cr.card_id = id.person.cards[0].card_id;

	seal_for(a, &cr, &k, TEST_PIN, box, sizeof box);
	if (send_box(a, &cr, box, &g) != API_OK)
		fail_msg("pin reset: %s", g.err.code);
	assert_string_equal(g.app.service, "pin-reset");
	/* Replayed: the same box again, as a new request. */
	assert_int_equal(send_box(a, &cr, box, &g), API_REFUSED);
	assert_int_equal(g.err.http_status, 409);
	assert_string_equal(g.err.code, "challenge_used");
	assert_string_equal(g.err.field, "pin");

	/* A terminal configured with another key: the service cannot open
	 * the box, and says so. */
	crypto_box_keypair(other_pk, other_sk);
	wrong.set = true;
	memcpy(wrong.pk, other_pk, sizeof wrong.pk);
	seal_for(a, &cr, &wrong, TEST_PIN, box, sizeof box);
	assert_int_equal(send_box(a, &cr, box, &g), API_REFUSED);
	assert_string_equal(g.err.code, "pin_box_invalid");

	/* The PIN is in nothing written here: logs, keys, answers. */
	nowhere(TEST_PIN);
	api_free(a);
}

static void
test_remedy_and_contrib(void **state)
{
	struct api *a = signed_in();
	struct identity_result id;
	struct card_request cr = { 0 };
	struct got g = { 0 };
	char key[37];

	check(a, yang_id, "杨磊", &id);
	cr.check_id = id.check_id;
	cr.card_id = id.person.cards[0].card_id;
	api_idempotency_key(key);
	cr.idem_key = key;
	api_cancel_loss(a, &cr, got_app, &g);
	run(a, &g);
	assert_string_equal(g.err.code, "financial_not_active");
	memset(&g, 0, sizeof g);
	cr.bank_card = "6222020200112233446";
	api_financial_activate(a, &cr, got_app, &g);
	run(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(g.app.card.fin, FN_ACTIVE);
	assert_int_equal(g.app.card.ss, FN_REPORTED_LOST);
	memset(&g, 0, sizeof g);
	cr.bank_card = NULL;
	api_idempotency_key(key);
	api_cancel_loss(a, &cr, got_app, &g);
	run(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(g.app.card.ss, FN_INACTIVE);

	memset(&g, 0, sizeof g);
	g.contrib = calloc(1, sizeof *g.contrib);
	assert_non_null(g.contrib);
	api_contributions_get(a, id.person.person_id, got_contrib, &g);
	run(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(g.contrib->n, 180);
	assert_true(g.contrib->pension_balance > 0);
	assert_string_equal(g.contrib->rec[0].month, "2026-10");
	free(g.contrib);
	api_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pin_reset),
		cmocka_unit_test(test_remedy_and_contrib),
	};
	int rc;

	signal(SIGPIPE, SIG_IGN);
	if (sodium_init() < 0 || transport_https_global_init() != 0)
		return 1;
	rc = cmocka_run_group_tests(tests, group_setup, group_teardown);
	group_teardown(NULL);
	transport_https_global_cleanup();
	return rc;
}
