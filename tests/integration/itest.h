/*
 * itest.h -- the harness the integration tests share: a temp dir with a
 * throw-away PKI (tests/lib/pki.sh), ssdesk-sim started on a port of its
 * own choosing and stopped in the teardown, the api over HTTPS to it, and
 * raw libcurl requests that bypass the terminal.
 *
 * Environment: SSDESK_TOP (the source tree, for tests/lib/pki.sh; default
 * "."), SSDESK_BUILD (where ssdesk-sim is; default "build").
 *
 * Include after <cmocka.h> (the helpers assert).
 */
#ifndef SSDESK_ITEST_H
#define SSDESK_ITEST_H

#include <stddef.h>
#include <sys/types.h>

#include <curl/curl.h>

#include "net/api.h"

#define ITEST_TODAY "2026-11-22"

extern char itest_dir[128];     /* the temp dir with certs and logs */
extern int itest_port;          /* where ssdesk-sim listens */
extern pid_t itest_sim_pid;     /* the last one itest_sim_start started */

long long itest_now_ms(void);
/* dir/name into out. */
void itest_path(char *out, size_t outsz, const char *name);
/* The first line of path, without its end; -1 if none or empty. */
int itest_read_line(const char *path, char *out, size_t outsz);

/* The temp dir and its PKI; ssdesk-sim must be built.  0 or -1. */
int itest_setup(void);
/* Kill every child still running, remove the temp dir (once). */
int itest_teardown(void);
/* itest_teardown as a cmocka group teardown. */
int itest_group_teardown(void **state);
/* main(): the HTTPS library's global init, the group of tests with setup
 * and itest_group_teardown, then itest_teardown again (whatever cmocka
 * did after a failed setup: no server outlives us); the exit status. */
int itest_run_tests(const char *name, const struct CMUnitTest *tests,
    size_t n, CMFixtureFunction setup);
#define itest_main(tests, setup) \
	itest_run_tests(#tests, (tests), sizeof (tests) / sizeof (tests)[0], \
	    (setup))

/* Start argv with stdout and stderr into dir/log, in its own process
 * group; remembered for itest_kill and the teardown. */
pid_t itest_spawn(char *const argv[], const char *log);
void itest_kill(pid_t pid);
/* Wait until something accepts on 127.0.0.1:port; 0 or -1. */
int itest_wait_listening(int port, int ms);

/* A demo person's full number from `ssdesk-sim --list`: the data set is
 * the simulator's; the tests do not hard-code its sequence numbers. */
int itest_demo_number(const char *who, char out[19]);
/* ssdesk-sim --port 0 --port-file --cert --key --today and the extra
 * arguments (NULL-terminated, or NULL), its log in dir/sim.log; waits for
 * its port (itest_port) and for it to listen.  0 or -1. */
int itest_sim_start(const char *const extra[]);
/* Stop the simulator itest_sim_start started last (SIGTERM) and wait
 * for it: its exit status as waitpid gives it, or -1. */
int itest_sim_stop(void);

/* ---- the api over HTTPS ------------------------------------------------ */

/* The api to 127.0.0.1:port trusting dir/ca.pem; pin, max_reply and
 * low_speed_s as struct https_opts (NULL/0: none, the default). */
struct api *itest_open_api(int port, const char *pin, size_t max_reply,
    long low_speed_s);

/* What one call delivered. */
struct itest_got {
	int calls;
	struct api_error err;
	struct staff staff;
	struct identity_result id;
	struct application app;
	struct person person;
	struct pin_challenge ch;
	struct contributions *contrib;  /* filled if set */
};

void itest_got_staff(void *arg, const struct api_error *err,
    const struct staff *st);
void itest_got_identity(void *arg, const struct api_error *err,
    const struct identity_result *r);
void itest_got_app(void *arg, const struct api_error *err,
    const struct application *a);
void itest_got_person(void *arg, const struct api_error *err,
    const struct person *p);
void itest_got_challenge(void *arg, const struct api_error *err,
    const struct pin_challenge *c);
void itest_got_contrib(void *arg, const struct api_error *err,
    const struct contributions *c);

/* Turn a's loop until *calls is set (30 s at most); asserts one call. */
void itest_run(struct api *a, const int *calls);
/* itest_run until g's call came. */
void itest_run_got(struct api *a, struct itest_got *g);
/* Sign in on a (g cleared first); the result. */
enum api_result itest_sign_in(struct api *a, const char *staff,
    const char *password, const char *counter, struct itest_got *g);

/* ---- raw requests with libcurl (the terminal bypassed) ------------------ */

struct itest_raw {
	CURL *h;
	struct curl_slist *hdr;
	char body[65536];
	size_t len;
	long status;
	long retry_after;        /* the answer's Retry-After seconds, or 0 */
};

/* Prepare (not send) one request to the simulator; body NULL for GET,
 * token and key (Idempotency-Key) NULL for none. */
void itest_raw_prepare(struct itest_raw *r, const char *method,
    const char *path, const char *token, const char *key, const char *body);
/* After the request ran: its status; the handle freed. */
void itest_raw_finish(struct itest_raw *r);
/* Prepare, send and finish; the status. */
long itest_raw(struct itest_raw *r, const char *method, const char *path,
    const char *token, const char *key, const char *body);
/* The string value of "name" in r's body (first occurrence), or "". */
const char *itest_raw_str(const struct itest_raw *r, const char *name,
    char *out, size_t outsz);
/* r answered status with error code (fails the test otherwise). */
void itest_raw_expect(const struct itest_raw *r, long status,
    const char *code);
/* POST /v1/sessions as staff (the demo password); its token. */
void itest_raw_sign_in(const char *staff, char token[160]);

#endif
