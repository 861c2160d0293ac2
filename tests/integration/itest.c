/*
 * itest.c -- the harness the integration tests share (see itest.h).
 */
#include <arpa/inet.h>
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
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "net/transport_https.h"
#include "tests/integration/itest.h"
#include "tests/lib/rawconn.h"

#define MAX_CHILDREN 8
#define DIR_PREFIX "/tmp/ssdesk-itest-"

char itest_dir[128];
int itest_port;
pid_t itest_sim_pid;

static char top[PATH_MAX], sim[PATH_MAX];
static pid_t children[MAX_CHILDREN];
static int nchildren;

long long
itest_now_ms(void)
{
	return rawconn_now_ms();
}

void
itest_path(char *out, size_t outsz, const char *name)
{
	snprintf(out, outsz, "%s/%s", itest_dir, name);
}

int
itest_read_line(const char *path, char *out, size_t outsz)
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

int
itest_setup(void)
{
	const char *e;
	char cmd[PATH_MAX * 2];

	snprintf(top, sizeof top, "%s", (e = getenv("SSDESK_TOP")) ? e : ".");
	snprintf(sim, sizeof sim, "%s/ssdesk-sim",
	    (e = getenv("SSDESK_BUILD")) ? e : "build");
	if (access(sim, X_OK) != 0) {
		fprintf(stderr, "%s not built\n", sim);
		return -1;
	}
	snprintf(itest_dir, sizeof itest_dir, DIR_PREFIX "XXXXXX");
	if (mkdtemp(itest_dir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd, "sh '%s/tests/lib/pki.sh' '%s' >/dev/null",
	    top, itest_dir);
	if (system(cmd) != 0) {
		fprintf(stderr, "pki.sh failed\n");
		return -1;
	}
	return 0;
}

int
itest_teardown(void)
{
	char cmd[256];

	while (nchildren > 0)
		itest_kill(children[0]);
	if (strncmp(itest_dir, DIR_PREFIX, strlen(DIR_PREFIX)) == 0) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", itest_dir);
		itest_dir[0] = '\0';  /* once only: main() calls this again */
		if (system(cmd) != 0)
			return -1;
	}
	return 0;
}

int
itest_group_teardown(void **state)
{
	(void)state;
	return itest_teardown();
}

int
itest_run_tests(const char *name, const struct CMUnitTest *tests, size_t n,
    CMFixtureFunction setup)
{
	int rc;

	if (transport_https_global_init() != 0)
		return 1;
	rc = _cmocka_run_group_tests(name, tests, n, setup,
	    itest_group_teardown);
	itest_teardown();
	transport_https_global_cleanup();
	return rc;
}

pid_t
itest_spawn(char *const argv[], const char *log)
{
	char logpath[PATH_MAX];
	pid_t pid;

	if (nchildren == MAX_CHILDREN)
		return -1;
	itest_path(logpath, sizeof logpath, log);
	fflush(NULL);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		FILE *f = freopen(logpath, "w", stdout);

		if (f == NULL || dup2(fileno(stdout), 2) < 0)
			_exit(127);
		/* Own process group: teardown kills it whole. */
		setpgid(0, 0);
		execvp(argv[0], argv);
		_exit(127);
	}
	children[nchildren++] = pid;
	return pid;
}

/* SIGTERM to pid, one of ours, and its wait status; -1 if not ours. */
static int
kill_child(pid_t pid)
{
	int i, st;

	for (i = 0; i < nchildren; i++)
		if (children[i] == pid) {
			kill(pid, SIGTERM);
			if (waitpid(pid, &st, 0) != pid)
				st = -1;
			children[i] = children[--nchildren];
			return st;
		}
	return -1;
}

void
itest_kill(pid_t pid)
{
	kill_child(pid);
}

int
itest_sim_stop(void)
{
	int st = kill_child(itest_sim_pid);

	itest_sim_pid = 0;
	return st;
}

int
itest_wait_listening(int port, int ms)
{
	long long t0 = itest_now_ms();
	struct sockaddr_in sa;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons((uint16_t)port);
	while (itest_now_ms() - t0 < ms) {
		int fd = socket(AF_INET, SOCK_STREAM, 0), rc;

		rc = connect(fd, (struct sockaddr *)&sa, sizeof sa);
		close(fd);
		if (rc == 0)
			return 0;
		usleep(50 * 1000);
	}
	return -1;
}

int
itest_demo_number(const char *who, char out[19])
{
	char cmd[PATH_MAX + 64], line[512];
	FILE *p;
	int rc = -1;

	snprintf(cmd, sizeof cmd, "'%s' --list --today " ITEST_TODAY, sim);
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
	if (rc != 0)
		fprintf(stderr, "%s not in ssdesk-sim --list\n", who);
	return rc;
}

int
itest_sim_start(const char *const extra[])
{
	static char portfile[PATH_MAX], cert[PATH_MAX], key[PATH_MAX];
	char *argv[32] = { sim, "--port", "0", "--port-file", portfile,
	    "--cert", cert, "--key", key, "--today", ITEST_TODAY };
	char buf[64];
	long long t0;
	int n = 11;

	itest_path(portfile, sizeof portfile, "sim.port");
	itest_path(cert, sizeof cert, "server.pem");
	itest_path(key, sizeof key, "server.key");
	for (; extra != NULL && *extra != NULL && n < 31; extra++)
		argv[n++] = (char *)*extra;
	argv[n] = NULL;
	unlink(portfile);
	itest_port = 0;
	if ((itest_sim_pid = itest_spawn(argv, "sim.log")) < 0)
		return -1;
	for (t0 = itest_now_ms(); itest_now_ms() - t0 < 10000;
	    usleep(50 * 1000))
		if (itest_read_line(portfile, buf, sizeof buf) == 0 &&
		    (itest_port = atoi(buf)) > 0)
			break;
	if (itest_port <= 0) {
		fprintf(stderr, "ssdesk-sim did not write its port\n");
		return -1;
	}
	return itest_wait_listening(itest_port, 5000);
}

/* ---- the api over HTTPS ------------------------------------------------ */

struct api *
itest_open_api(int port, const char *pin, size_t max_reply, long low_speed_s)
{
	char url[64], ca[PATH_MAX], err[256];
	struct https_opts o = { 0 };
	struct transport *t;
	struct api *a;

	itest_path(ca, sizeof ca, "ca.pem");
	o.ca_file = ca;
	o.pin = pin;
	o.connect_timeout_ms = 3000;
	o.total_timeout_ms = 15000;
	o.max_reply = max_reply;
	o.low_speed_time_s = low_speed_s;
	snprintf(url, sizeof url, "https://127.0.0.1:%d", port);
	t = transport_https_new(url, &o, err, sizeof err);
	if (t == NULL)
		fail_msg("transport_https_new: %s", err);
	a = api_new(t);
	assert_non_null(a);
	return a;
}

static struct itest_got *
got_one(void *arg, const struct api_error *err)
{
	struct itest_got *g = arg;

	g->calls++;
	g->err = *err;
	return g;
}

void
itest_got_staff(void *arg, const struct api_error *err,
    const struct staff *st)
{
	struct itest_got *g = got_one(arg, err);

	if (st)
		g->staff = *st;
}

void
itest_got_identity(void *arg, const struct api_error *err,
    const struct identity_result *r)
{
	struct itest_got *g = got_one(arg, err);

	if (r)
		g->id = *r;
}

void
itest_got_app(void *arg, const struct api_error *err,
    const struct application *a)
{
	struct itest_got *g = got_one(arg, err);

	if (a)
		g->app = *a;
}

void
itest_got_person(void *arg, const struct api_error *err,
    const struct person *p)
{
	struct itest_got *g = got_one(arg, err);

	if (p)
		g->person = *p;
}

void
itest_got_challenge(void *arg, const struct api_error *err,
    const struct pin_challenge *c)
{
	struct itest_got *g = got_one(arg, err);

	if (c)
		g->ch = *c;
}

void
itest_got_contrib(void *arg, const struct api_error *err,
    const struct contributions *c)
{
	struct itest_got *g = got_one(arg, err);

	if (c && g->contrib)
		*g->contrib = *c;
}

void
itest_run(struct api *a, const int *calls)
{
	long long t0 = itest_now_ms();
	int ready;

	while (*calls == 0 && itest_now_ms() - t0 < 30000) {
		assert_int_equal(api_wait(a, -1, 100, &ready), 0);
		api_perform(a);
	}
	assert_int_equal(*calls, 1);
}

void
itest_run_got(struct api *a, struct itest_got *g)
{
	itest_run(a, &g->calls);
}

enum api_result
itest_sign_in(struct api *a, const char *staff, const char *password,
    const char *counter, struct itest_got *g)
{
	memset(g, 0, sizeof *g);
	api_sign_in(a, staff, password, counter, itest_got_staff, g);
	itest_run_got(a, g);
	return g->err.result;
}

/* ---- raw requests with libcurl (the terminal bypassed) ------------------ */

static size_t
raw_write(char *p, size_t sz, size_t n, void *arg)
{
	struct itest_raw *r = arg;
	size_t k = sz * n;

	if (r->len + k >= sizeof r->body)
		return 0;
	memcpy(r->body + r->len, p, k);
	r->len += k;
	r->body[r->len] = '\0';
	return k;
}

void
itest_raw_prepare(struct itest_raw *r, const char *method, const char *path,
    const char *token, const char *key, const char *body)
{
	char ca[PATH_MAX];

	memset(r, 0, sizeof *r);
	r->h = curl_easy_init();
	assert_non_null(r->h);
	itest_path(ca, sizeof ca, "ca.pem");
	r->hdr = rawconn_json(r->h, itest_port, ca, method, path, token, key,
	    body);
	curl_easy_setopt(r->h, CURLOPT_WRITEFUNCTION, raw_write);
	curl_easy_setopt(r->h, CURLOPT_WRITEDATA, r);
}

void
itest_raw_finish(struct itest_raw *r)
{
	curl_off_t after = 0;

	curl_easy_getinfo(r->h, CURLINFO_RESPONSE_CODE, &r->status);
	if (curl_easy_getinfo(r->h, CURLINFO_RETRY_AFTER, &after) == CURLE_OK)
		r->retry_after = (long)after;
	curl_slist_free_all(r->hdr);
	curl_easy_cleanup(r->h);
}

long
itest_raw(struct itest_raw *r, const char *method, const char *path,
    const char *token, const char *key, const char *body)
{
	itest_raw_prepare(r, method, path, token, key, body);
	assert_int_equal(curl_easy_perform(r->h), CURLE_OK);
	itest_raw_finish(r);
	return r->status;
}

const char *
itest_raw_str(const struct itest_raw *r, const char *name, char *out,
    size_t outsz)
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

void
itest_raw_expect(const struct itest_raw *r, long status, const char *code)
{
	char got[64];

	if (r->status != status ||
	    strcmp(itest_raw_str(r, "code", got, sizeof got), code) != 0)
		fail_msg("expected %ld %s, got %ld %s", status, code,
		    r->status, r->body);
}

void
itest_raw_sign_in(const char *staff, char token[160])
{
	struct itest_raw r;
	char body[128];

	snprintf(body, sizeof body, "{\"staff_id\":\"%s\",\"password\":"
	    "\"ssdesk-demo\",\"counter\":\"C-07\"}", staff);
	assert_int_equal(itest_raw(&r, "POST", "/v1/sessions", NULL, NULL,
	    body), 201);
	itest_raw_str(&r, "token", token, 160);
	assert_int_equal(strlen(token), 64);
}
