/*
 * test_https.c -- the api over real HTTPS, against the simulator server
 * (ssdesk-sim) and against openssl s_server holding bad certificates.
 *
 * A throw-away PKI is made by tests/lib/pki.sh in a temp dir; the
 * simulator listens on a port of its own choosing and says which in a
 * port file.  Proven here: sign-in, an identity check and a medical
 * activation end to end; the same Idempotency-Key gives the same
 * application back; a wrong password is refused; the pin is honoured; a
 * self-signed or wrong-host certificate, a wrong pin are API_TLS; http://
 * is refused before any connection; a closed port is API_UNREACHABLE; a
 * reply over the cap is TRANSPORT_TOO_LARGE; Esc cancels.  Every server
 * started here is killed in the group teardown, also when a test fails.
 *
 * Environment: SSDESK_TOP (the source tree, for tests/lib/pki.sh; default
 * "."), SSDESK_BUILD (where ssdesk-sim is; default "build").
 */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "net/api.h"
#include "net/outbox.h"
#include "net/transport_https.h"
#include "tests/integration/itest.h"

#define TODAY ITEST_TODAY

static char zhang_id[19];           /* 张伟's full fictitious ID number */
static char huang_id[19];           /* 黄强's, for the faults' activation */
static char pin[128];

/* A port nothing listens on (now): bind to 0, read it, close. */
static int
free_port(void)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
	    getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
		port = ntohs(sa.sin_port);
	if (fd >= 0)
		close(fd);
	return port;
}

static int
group_setup(void **state)
{
	const char *extra[] = { "--control", NULL };
	char pinfile[PATH_MAX];

	if (itest_setup() != 0)
		return -1;
	itest_path(pinfile, sizeof pinfile, "pin.txt");
	if (itest_read_line(pinfile, pin, sizeof pin) != 0 ||
	    itest_demo_number("张伟", zhang_id) != 0 ||
	    itest_demo_number("黄强", huang_id) != 0)
		return -1;
	return itest_sim_start(extra);
}

/* The low-speed time of the next open_api() (0: the default). */
static long opt_low_speed_s;

static struct api *
open_api(int port, const char *pin_or_null, size_t max_reply)
{
	return itest_open_api(port, pin_or_null, max_reply, opt_low_speed_s);
}

static enum api_result
try_sign_in(struct api *a, const char *who, const char *pw,
    struct itest_got *g)
{
	return itest_sign_in(a, who, pw, "C-03", g);
}

/* ---- the tests ---------------------------------------------------------- */

static void
test_walk_in(void **state)
{
	struct api *a = open_api(itest_port, NULL, 0);
	struct itest_got g;
	struct identity_request ir = {
		.id_number = zhang_id, .name = "张伟", .valid_until = "2031-05-01",
		.original_sighted = true, .photocopy_taken = true,
		.face = FACE_PASS, .fingerprint = true,
	};
	struct medical_request mr = {
		.bank_card = "6222020200112233446", .phone = "13800000001",
	};
	char key[37], first[REF_MAX];

	assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g), API_OK);
	assert_string_equal(g.staff.staff_id, "clerk01");
	assert_int_equal(g.staff.role, ROLE_CLERK);
	assert_true(api_signed_in(a));

	memset(&g, 0, sizeof g);
	api_identity_check(a, &ir, itest_got_identity, &g);
	itest_run_got(a, &g);
	if (g.err.result != API_OK)
		fail_msg("identity check: %d %s %s", g.err.result, g.err.code,
		    g.err.detail);
	assert_string_equal(g.id.person.name, "张伟");
	assert_true(g.id.person.ncards >= 1);
	assert_int_equal(g.id.person.as_of.y, 2026);
	assert_null(strstr(g.id.person.id_masked, zhang_id + 6));

	{
		struct identity_result id = g.id;

		mr.check_id = id.check_id;
		mr.card_id = id.person.cards[0].card_id;
		api_idempotency_key(key);
		mr.idem_key = key;
		memset(&g, 0, sizeof g);
		api_write_app(a, SERVICE_MEDICAL, &mr, itest_got_app, &g);
		itest_run_got(a, &g);
		if (g.err.result != API_OK)
			fail_msg("activation: %d %s %s", g.err.result,
			    g.err.code, g.err.detail);
		assert_int_equal(g.app.service, SERVICE_MEDICAL);
		assert_int_equal(g.app.card.ss, FN_ACTIVE);
		snprintf(first, sizeof first, "%s", g.app.application_id);

		/* The answer "got lost": the retry with the same key gives
		 * the same application, not a second one. */
		memset(&g, 0, sizeof g);
		api_write_app(a, SERVICE_MEDICAL, &mr, itest_got_app, &g);
		itest_run_got(a, &g);
		assert_int_equal(g.err.result, API_OK);
		assert_string_equal(g.app.application_id, first);

		/* And the person reads back as active. */
		memset(&g, 0, sizeof g);
		api_person_get(a, id.person.person_id, itest_got_person, &g);
		itest_run_got(a, &g);
		assert_int_equal(g.err.result, API_OK);
		assert_int_equal(g.person.cards[0].ss, FN_ACTIVE);
	}
	api_free(a);
}

static void
test_wrong_password(void **state)
{
	struct api *a = open_api(itest_port, NULL, 0);
	struct itest_got g;

	assert_int_equal(try_sign_in(a, "clerk02", "not-the-password", &g),
	    API_REFUSED);
	assert_int_equal(g.err.http_status, 401);
	assert_string_equal(g.err.code, "bad_credentials");
	assert_false(api_signed_in(a));
	api_free(a);
}

static void
test_pin(void **state)
{
	struct api *a = open_api(itest_port, pin, 0);
	struct itest_got g;

	assert_int_equal(try_sign_in(a, "super01", "ssdesk-demo", &g), API_OK);
	api_free(a);

	a = open_api(itest_port,
	    "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", 0);
	assert_int_equal(try_sign_in(a, "super01", "ssdesk-demo", &g), API_TLS);
	assert_string_equal(g.err.code, "tls_pin");
	assert_false(api_signed_in(a));
	api_free(a);
}

/* openssl s_server with one of the bad certificates; returns its port. */
static int
start_s_server(const char *name, pid_t *pid)
{
	char cert[PATH_MAX], key[PATH_MAX], accept_[64], log[64], pem[64],
	    keyname[64];
	int port = free_port();

	snprintf(pem, sizeof pem, "%s.pem", name);
	snprintf(keyname, sizeof keyname, "%s.key", name);
	snprintf(log, sizeof log, "s_server-%s.log", name);
	itest_path(cert, sizeof cert, pem);
	itest_path(key, sizeof key, keyname);
	snprintf(accept_, sizeof accept_, "127.0.0.1:%d", port);
	{
		char *argv[] = { "openssl", "s_server", "-quiet", "-accept",
		    accept_, "-cert", cert, "-key", key, "-www", NULL };

		*pid = itest_spawn(argv, log);
	}
	assert_true(*pid > 0);
	assert_int_equal(itest_wait_listening(port, 10000), 0);
	return port;
}

static void
test_self_signed(void **state)
{
	pid_t pid;
	int port = start_s_server("selfsigned", &pid);
	struct api *a = open_api(port, NULL, 0);
	struct itest_got g;

	assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g), API_TLS);
	assert_true(g.err.detail[0] != '\0');
	assert_string_equal(g.err.code, "tls_self_signed");
	api_free(a);
	itest_kill(pid);
}

static void
test_wrong_host(void **state)
{
	pid_t pid;
	int port = start_s_server("wronghost", &pid);
	struct api *a = open_api(port, NULL, 0);
	struct itest_got g;

	assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g), API_TLS);
	assert_string_equal(g.err.code, "tls_wrong_host");
	api_free(a);
	itest_kill(pid);
}

/* A certificate of the right CA and host, out of its dates; and one for
 * the right host from a CA the terminal does not trust: each says which. */
static void
tls_refused_as(const char *name, const char *code)
{
	pid_t pid;
	int port = start_s_server(name, &pid);
	struct api *a = open_api(port, NULL, 0);
	struct itest_got g;

	assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g), API_TLS);
	assert_string_equal(g.err.code, code);
	assert_false(api_signed_in(a));
	api_free(a);
	itest_kill(pid);
}

static void
test_expired(void **state)
{
	tls_refused_as("expired", "tls_expired");
}

static void
test_untrusted_root(void **state)
{
	tls_refused_as("untrusted", "tls_untrusted");
}

struct seen {
	int calls;
	enum transport_err err;
	int status;
	size_t len;
};

static void
on_reply(void *arg, const struct transport_reply *r)
{
	struct seen *s = arg;

	s->calls++;
	s->err = r->err;
	s->status = r->status;
	s->len = r->body_len;
}

static struct seen
get_once(int port, size_t max_reply)
{
	char url[64], ca[PATH_MAX], err[256];
	struct https_opts o = { 0 };
	struct transport_request req = { .method = "GET", .path = "/" };
	struct transport *t;
	struct seen s = { 0 };
	long long t0 = itest_now_ms();
	int ready;

	itest_path(ca, sizeof ca, "ca.pem");
	o.ca_file = ca;
	o.max_reply = max_reply;
	o.total_timeout_ms = 10000;
	snprintf(url, sizeof url, "https://127.0.0.1:%d", port);
	t = transport_https_new(url, &o, err, sizeof err);
	assert_non_null(t);
	assert_true(transport_submit(t, &req, on_reply, &s) > 0);
	assert_int_equal(s.calls, 0);
	while (s.calls == 0 && itest_now_ms() - t0 < 15000) {
		assert_int_equal(transport_wait(t, -1, 100, &ready), 0);
		transport_perform(t);
	}
	assert_int_equal(s.calls, 1);
	assert_int_equal(transport_pending(t), 0);
	transport_free(t);
	return s;
}

/* A good certificate but not our service: s_server -www answers a GET with
 * an HTML status page of a few kilobytes.  Over a 64-byte cap it is
 * TOO_LARGE; under a generous one the body arrives whole. */
static void
test_reply_cap(void **state)
{
	pid_t pid;
	int port = start_s_server("server", &pid);
	struct seen s;

	s = get_once(port, 64);
	assert_int_equal(s.err, TRANSPORT_TOO_LARGE);
	s = get_once(port, 0);
	assert_int_equal(s.err, TRANSPORT_OK);
	assert_int_equal(s.status, 200);
	assert_true(s.len > 64);
	itest_kill(pid);
}

static void
test_http_refused(void **state)
{
	static const char *const bad[] = {
		"http://127.0.0.1:1", "HTTP://127.0.0.1", "ftp://127.0.0.1",
		"https://127.0.0.1:1/v1", "https://127.0.0.1/", "https://",
		"https://user@127.0.0.1", "https://127.0.0.1:0",
		"https://127.0.0.1:99999", "https://127.0.0.1?x",
		"127.0.0.1:443", "",
	};
	char err[256];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		if (transport_https_new(bad[i], NULL, err, sizeof err) != NULL)
			fail_msg("accepted %s", bad[i]);
		assert_true(err[0] != '\0');
	}
	assert_null(transport_https_new(NULL, NULL, err, sizeof err));
	{
		struct transport *t;

		t = transport_https_new("https://localhost:8443", NULL, err,
		    sizeof err);
		assert_non_null(t);
		transport_free(t);
		t = transport_https_new("https://[::1]:8443", NULL, err,
		    sizeof err);
		assert_non_null(t);
		transport_free(t);
	}
}

static void
test_nothing_listening(void **state)
{
	struct api *a = open_api(free_port(), NULL, 0);
	struct itest_got g;

	assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g),
	    API_UNREACHABLE);
	api_free(a);
}

/* Esc while a request is in flight. */
static void
test_cancel(void **state)
{
	struct api *a = open_api(itest_port, NULL, 0);
	struct itest_got g = { 0 };

	api_sign_in(a, "clerk01", "ssdesk-demo", "C-03", itest_got_staff, &g);
	api_cancel(a);
	assert_int_equal(g.calls, 0);
	itest_run_got(a, &g);
	assert_int_equal(g.err.result, API_CANCELLED);
	assert_false(api_busy(a));
	api_free(a);
}

/* http_proxy, https_proxy, ALL_PROXY in the environment are ignored: a
 * login script cannot route the counter's traffic through a proxy.  The
 * proxy named here listens nowhere, so honouring it would fail. */
static void
test_proxy_env_ignored(void **state)
{
	static const char *const vars[] = {
		"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY",
		"all_proxy", "ALL_PROXY",
	};
	char proxy[64];
	struct api *a;
	struct itest_got g;
	size_t i;

	snprintf(proxy, sizeof proxy, "http://127.0.0.1:%d", free_port());
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		setenv(vars[i], proxy, 1);
	unsetenv("no_proxy");
	unsetenv("NO_PROXY");
	a = open_api(itest_port, NULL, 0);
	assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g), API_OK);
	api_free(a);
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
}

static struct transport *
open_transport(int port)
{
	char url[64], ca[PATH_MAX], err[256];
	struct https_opts o = { 0 };
	struct transport *t;

	itest_path(ca, sizeof ca, "ca.pem");
	o.ca_file = ca;
	snprintf(url, sizeof url, "https://127.0.0.1:%d", port);
	t = transport_https_new(url, &o, err, sizeof err);
	if (t == NULL)
		fail_msg("transport_https_new: %s", err);
	return t;
}

/* A callback that frees the transport: requests perform() has not called
 * back yet are dropped without their callbacks (transport_free's
 * contract), never called back on a freed transport. */
struct freer {
	struct transport *t;
	int calls;
};

static void
free_on_reply(void *arg, const struct transport_reply *r)
{
	struct freer *f = arg;

	(void)r;
	f->calls++;
	transport_free(f->t);
}

static void
test_free_from_callback(void **state)
{
	struct transport_request req = { .method = "GET",
	    .path = "/v1/persons/P-0001" };
	struct freer f = { 0 };
	struct seen s = { 0 };
	int id1, id2;

	f.t = open_transport(itest_port);
	id1 = transport_submit(f.t, &req, free_on_reply, &f);
	id2 = transport_submit(f.t, &req, on_reply, &s);
	assert_true(id1 > 0 && id2 > 0);
	transport_cancel(f.t, id1);
	transport_cancel(f.t, id2);
	transport_perform(f.t);        /* frees f.t from the first callback */
	assert_int_equal(f.calls, 1);
	assert_int_equal(s.calls, 0);
}

/* The terminal gone (a hang-up, not a byte to read) must wake the loop as
 * "ready" (the loop then reads nothing and stops), or it would spin: a
 * guard on libcurl's extra-fd report, which must count POLLHUP as readable
 * (7.88 does). */
static void
test_extra_fd_hangup(void **state)
{
	struct transport *t = open_transport(itest_port);
	int fds[2], ready = 0;
	long long t0;

	assert_int_equal(pipe(fds), 0);
	t0 = itest_now_ms();
	assert_int_equal(transport_wait(t, fds[0], 50, &ready), 0);
	assert_int_equal(ready, 0);
	assert_true(itest_now_ms() - t0 >= 40);
	assert_int_equal(write(fds[1], "k", 1), 1);
	assert_int_equal(transport_wait(t, fds[0], 5000, &ready), 0);
	assert_int_equal(ready, 1);
	{
		char c;

		assert_int_equal(read(fds[0], &c, 1), 1);
	}
	close(fds[1]);                  /* hang-up: POLLHUP, no POLLIN */
	t0 = itest_now_ms();
	assert_int_equal(transport_wait(t, fds[0], 5000, &ready), 0);
	assert_int_equal(ready, 1);
	assert_true(itest_now_ms() - t0 < 1000);
	close(fds[0]);
	transport_free(t);
}

/* Header injection through the token or the Idempotency-Key. */
static void
test_header_injection(void **state)
{
	struct transport *t = open_transport(itest_port);
	struct transport_request req = { .method = "GET", .path = "/v1/x" };
	struct seen s = { 0 };

	req.token = "abc\r\nX-Evil: 1";
	assert_int_equal(transport_submit(t, &req, on_reply, &s), -1);
	req.token = "abc\nX-Evil: 1";
	assert_int_equal(transport_submit(t, &req, on_reply, &s), -1);
	req.token = NULL;
	req.idem_key = "k\rX-Evil: 1";
	assert_int_equal(transport_submit(t, &req, on_reply, &s), -1);
	req.idem_key = NULL;
	req.path = "/v1/x\r\nX-Evil: 1";
	assert_int_equal(transport_submit(t, &req, on_reply, &s), -1);
	req.path = "v1/x";               /* must start with / */
	assert_int_equal(transport_submit(t, &req, on_reply, &s), -1);
	assert_int_equal(transport_pending(t), 0);
	assert_int_equal(s.calls, 0);
	transport_free(t);
}

/* ---- faults of the service (ssdesk-sim --control) ----------------------- */

struct ctl {
	int calls;
	enum transport_err err;
	int status;
	char body[256];
};

static void
ctl_reply(void *arg, const struct transport_reply *r)
{
	struct ctl *c = arg;

	c->calls++;
	c->err = r->err;
	c->status = r->status;
	snprintf(c->body, sizeof c->body, "%.*s", (int)r->body_len,
	    r->body ? r->body : "");
}

/* One request to the simulator's control paths; its status. */
static int
control(const char *method, const char *path, const char *body,
    struct ctl *c)
{
	struct transport *t = open_transport(itest_port);
	struct transport_request req = { .method = method, .path = path,
	    .body = body, .body_len = body ? strlen(body) : 0 };
	long long t0 = itest_now_ms();
	int ready;

	memset(c, 0, sizeof *c);
	assert_true(transport_submit(t, &req, ctl_reply, c) > 0);
	while (c->calls == 0 && itest_now_ms() - t0 < 10000) {
		assert_int_equal(transport_wait(t, -1, 100, &ready), 0);
		transport_perform(t);
	}
	transport_free(t);
	assert_int_equal(c->err, TRANSPORT_OK);
	return c->status;
}

static void
set_faults(const char *spec)
{
	struct ctl c;

	assert_int_equal(control("PUT", "/_sim/faults", spec, &c), 204);
}

/* Applications the simulator really created (not replays). */
static long
sim_created(void)
{
	struct ctl c;
	const char *p;

	assert_int_equal(control("GET", "/_sim/stats", NULL, &c), 200);
	assert_non_null(p = strstr(c.body, "\"created\":"));
	return atol(p + 10);
}

/* Every fault the simulator commits, on the sign-in: what the api makes
 * of it, and that the next sign-in (the fault used up) works. */
static void
test_faults_each(void **state)
{
	static const struct {
		const char *kind;
		enum api_result result;
		const char *code;
	} cases[] = {
		{ "500", API_REFUSED, "internal" },
		{ "503", API_UNREACHABLE, "unavailable" },
		{ "reset", API_UNREACHABLE, "" },
		{ "reset-after-commit", API_UNREACHABLE, "" },
		{ "malformed-json", API_BAD_REPLY, NULL },
		{ "huge-body", API_BAD_REPLY, NULL },
		{ "wrong-types", API_BAD_REPLY, NULL },
	};
	char spec[128];
	struct itest_got g;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct api *a = open_api(itest_port, NULL, 0);

		snprintf(spec, sizeof spec, "POST /v1/sessions=%s,1",
		    cases[i].kind);
		set_faults(spec);
		if (try_sign_in(a, "clerk01", "ssdesk-demo", &g) !=
		    cases[i].result)
			fail_msg("%s: result %d (%s)", cases[i].kind,
			    g.err.result, g.err.detail);
		if (cases[i].code != NULL)
			assert_string_equal(g.err.code, cases[i].code);
		assert_false(api_signed_in(a));
		assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g),
		    API_OK);
		api_free(a);
	}
	set_faults("");
}

/* A slow service: the answer comes after the delay; Esc (cancel) ends
 * the wait at once. */
static void
test_fault_delay(void **state)
{
	struct api *a = open_api(itest_port, NULL, 0);
	struct itest_got g;
	long long t0;

	set_faults("POST /v1/sessions=delay:1200,1");
	t0 = itest_now_ms();
	assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g), API_OK);
	assert_true(itest_now_ms() - t0 >= 1200);

	set_faults("POST /v1/sessions=delay:8000,1");
	memset(&g, 0, sizeof g);
	api_sign_in(a, "clerk01", "ssdesk-demo", "C-03", itest_got_staff, &g);
	{
		int ready;

		for (t0 = itest_now_ms(); itest_now_ms() - t0 < 300;) {
			assert_int_equal(api_wait(a, -1, 50, &ready), 0);
			api_perform(a);
		}
	}
	t0 = itest_now_ms();
	api_cancel(a);
	itest_run_got(a, &g);
	assert_int_equal(g.err.result, API_CANCELLED);
	assert_true(itest_now_ms() - t0 < 1000);
	api_free(a);
	set_faults("");
}

/* An answer trickled a byte a second is cut by the low-speed limit and
 * reported as a timeout. */
static void
test_fault_trickle(void **state)
{
	struct api *a;
	struct itest_got g;
	long long t0;

	opt_low_speed_s = 2;
	a = open_api(itest_port, NULL, 0);
	opt_low_speed_s = 0;
	set_faults("POST /v1/sessions=trickle,1");
	t0 = itest_now_ms();
	assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g),
	    API_TIMEOUT);
	assert_true(itest_now_ms() - t0 < 8000);
	assert_false(api_signed_in(a));
	api_free(a);
	set_faults("");
}

/* Exactly once: the service creates the application and the connection
 * is cut before the answer.  The write goes into the outbox with its key;
 * the outbox's retry gets the first application back; the simulator
 * created one. */
static void
test_reset_after_commit_once(void **state)
{
	struct api *a = open_api(itest_port, NULL, 0);
	struct outbox *o = outbox_new(a);
	struct itest_got g;
	struct identity_request ir = {
		.id_number = huang_id, .name = "黄强", .valid_until = "long-term",
		.original_sighted = true, .photocopy_taken = true,
		.face = FACE_PASS, .fingerprint = true,
	};
	struct medical_request mr = {
		.bank_card = "6222020200112233446", .phone = "13800000002",
	};
	char key[37];
	long created;
	int ready;
	long long t0;

	assert_non_null(o);
	assert_int_equal(try_sign_in(a, "clerk01", "ssdesk-demo", &g), API_OK);
	memset(&g, 0, sizeof g);
	api_identity_check(a, &ir, itest_got_identity, &g);
	itest_run_got(a, &g);
	if (g.err.result != API_OK)
		fail_msg("identity check: %d %s", g.err.result, g.err.code);
	{
		struct identity_result id = g.id;

		mr.check_id = id.check_id;
		mr.card_id = id.person.cards[0].card_id;
		api_idempotency_key(key);
		mr.idem_key = key;
		created = sim_created();
		/* Twice: libcurl sends once more by itself when a reused
		 * connection dies before any answer. */
		set_faults("POST /v1/applications/medical-activation="
		    "reset-after-commit,2");
		memset(&g, 0, sizeof g);
		api_write_app(a, SERVICE_MEDICAL, &mr, itest_got_app, &g);
		itest_run_got(a, &g);
		assert_int_equal(g.err.result, API_UNREACHABLE);
		assert_int_equal(sim_created(), created + 1);

		memset(&g, 0, sizeof g);
		assert_int_equal(outbox_add_write(o, SERVICE_MEDICAL, &mr, (void (*)(void))itest_got_app, &g),
		    0);
		assert_int_equal(outbox_count(o), 1);
		assert_true(outbox_due_in(o) > 0);   /* not at once */
		outbox_retry_now(o);
		for (t0 = itest_now_ms();
		    g.calls == 0 && itest_now_ms() - t0 < 20000;) {
			outbox_poll(o);
			assert_int_equal(api_wait(a, -1, 50, &ready), 0);
			api_perform(a);
		}
		assert_int_equal(g.calls, 1);
		assert_int_equal(g.err.result, API_OK);
		assert_int_equal(outbox_count(o), 0);
		assert_int_equal(g.app.service, SERVICE_MEDICAL);
		assert_int_equal(sim_created(), created + 1);
	}
	set_faults("");
	api_free(a);
	outbox_free(o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_in),
		cmocka_unit_test(test_wrong_password),
		cmocka_unit_test(test_pin),
		cmocka_unit_test(test_self_signed),
		cmocka_unit_test(test_wrong_host),
		cmocka_unit_test(test_expired),
		cmocka_unit_test(test_untrusted_root),
		cmocka_unit_test(test_reply_cap),
		cmocka_unit_test(test_http_refused),
		cmocka_unit_test(test_nothing_listening),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_proxy_env_ignored),
		cmocka_unit_test(test_free_from_callback),
		cmocka_unit_test(test_extra_fd_hangup),
		cmocka_unit_test(test_header_injection),
		cmocka_unit_test(test_faults_each),
		cmocka_unit_test(test_fault_delay),
		cmocka_unit_test(test_fault_trickle),
		cmocka_unit_test(test_reset_after_commit_once),
	};

	return itest_main(tests, group_setup);
}
