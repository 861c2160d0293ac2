/*
 * classroom_load.c -- the load half of scripts/classroom-bench: against
 * one running ssdesk-sim, a trainee's identity checks timed while the
 * classroom does one thing, or a delegation flood.  Prints one line of
 * figures; asserts nothing (tests assert behaviour, this measures).
 *
 *   classroom_load PORT CA SCENARIO ID_NUMBER [AGENT_ID INSURED_ID]
 *
 * SCENARIO: idle (nothing else); idle500 (500 TCP connections held open
 * from 127.0.1.1-10, nothing sent); busy500 (500 keep-alive connections
 * from 127.0.1.1-10 asking for a person as fast as they are answered);
 * slowloris (128 TLS connections from 127.0.0.2, each sending one header
 * byte every 5 s, opened again when the server closes one); signins (50
 * sign-ins at once from 127.0.0.3, each sent again once answered); flood
 * (one clerk submits delegated activations for AGENT_ID's walk-in on
 * behalf of INSURED_ID as fast as they are answered, four at a time, for
 * 30 s; no trainee).  The trainee, at 127.0.0.1, signs in before the
 * load starts; 3 s into it (8 s into the slowloris, so that the checks
 * span the simulator's 10-second request deadline cutting the attackers
 * and their coming back) it makes 20 identity checks of ID_NUMBER (张伟)
 * a quarter of a second apart, each on a new connection (TLS handshake
 * included), giving each 20 s; after 3 unanswered it stops.
 */
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "tests/lib/rawconn.h"

#define SAMPLES 20
#define SPACING_MS 250        /* between two of the trainee's checks */
#define GIVE_UP 3
#define CROWD 500
#define CROWD_ADDRS 10
#define ATTACKERS 128
#define SIGNINS 50
#define FLOOD_S 30
#define FLOOD_AT_ONCE 4

static int port;
static const char *ca;
static volatile bool stop;

/* ---- requests ------------------------------------------------------------ */

struct req {
	CURL *h;
	struct curl_slist *hdr;
	char body[8192];
	size_t len;
};

static size_t
req_write(char *p, size_t sz, size_t n, void *arg)
{
	struct req *r = arg;
	size_t k = sz * n, room = sizeof r->body - 1 - r->len;

	memcpy(r->body + r->len, p, k < room ? k : room);
	r->len += k < room ? k : room;
	r->body[r->len] = '\0';
	return k;
}

/* A request from the address from (NULL: 127.0.0.1), token and key
 * NULL for none, body NULL for GET; set up, not sent. */
static void
req_init(struct req *r, const char *from, const char *path,
    const char *token, const char *key, const char *body)
{
	memset(r, 0, sizeof *r);
	r->h = curl_easy_init();
	r->hdr = rawconn_json(r->h, port, ca, body != NULL ? "POST" : "GET",
	    path, token, key, body);
	curl_easy_setopt(r->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(r->h, CURLOPT_TIMEOUT, 20L);
	curl_easy_setopt(r->h, CURLOPT_WRITEFUNCTION, req_write);
	curl_easy_setopt(r->h, CURLOPT_WRITEDATA, r);
	if (from != NULL)
		curl_easy_setopt(r->h, CURLOPT_INTERFACE, from);
}

static void
req_free(struct req *r)
{
	curl_slist_free_all(r->hdr);
	curl_easy_cleanup(r->h);
	r->h = NULL;
	r->hdr = NULL;
}

/* Send it; the status, or 0 if no answer came. */
static long
req_run(struct req *r)
{
	long status = 0;

	if (curl_easy_perform(r->h) == CURLE_OK)
		curl_easy_getinfo(r->h, CURLINFO_RESPONSE_CODE, &status);
	return status;
}

/* The value of "name" in r's answer, into out (empty if none). */
static void
req_str(const struct req *r, const char *name, char *out, size_t outsz)
{
	char pat[64];
	const char *p, *q;

	snprintf(pat, sizeof pat, "\"%s\":\"", name);
	out[0] = '\0';
	if ((p = strstr(r->body, pat)) == NULL)
		return;
	p += strlen(pat);
	if ((q = strchr(p, '"')) != NULL && (size_t)(q - p) < outsz) {
		memcpy(out, p, (size_t)(q - p));
		out[q - p] = '\0';
	}
}

static const char signin_body[] = "{\"staff_id\":\"%s\",\"password\":"
    "\"ssdesk-demo\",\"counter\":\"C-09\"}";

/* Sign in as staff from 127.0.0.1: the token, or exit. */
static void
sign_in(const char *staff, char token[160])
{
	struct req r;
	char body[128];

	snprintf(body, sizeof body, signin_body, staff);
	req_init(&r, NULL, "/v1/sessions", NULL, NULL, body);
	if (req_run(&r) != 201) {
		fprintf(stderr, "classroom_load: cannot sign in as %s\n", staff);
		exit(1);
	}
	req_str(&r, "token", token, 160);
	req_free(&r);
}

static void
check_body(char *out, size_t outsz, const char *number, const char *name)
{
	snprintf(out, outsz, "{\"id_number\":\"%s\",\"name\":\"%s\","
	    "\"id_valid_until\":\"long-term\",\"checklist\":{"
	    "\"original_sighted\":true,\"photocopy_taken\":true,\"face\":"
	    "\"pass\",\"fingerprint\":true}}", number, name);
}

/* ---- the trainee --------------------------------------------------------- */

static int
cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* SAMPLES identity checks, each on a connection of its own, SPACING_MS
 * apart; the line. */
static void
trainee(const char *scenario, const char *token, const char *number)
{
	long long ms[SAMPLES];
	char body[512];
	int n = 0, failed = 0;

	check_body(body, sizeof body, number, "张伟");
	for (int i = 0; i < SAMPLES && failed < GIVE_UP; i++) {
		struct req r;
		long long t0 = rawconn_now_ms();

		req_init(&r, NULL, "/v1/identity-checks", token, NULL, body);
		curl_easy_setopt(r.h, CURLOPT_FRESH_CONNECT, 1L);
		curl_easy_setopt(r.h, CURLOPT_FORBID_REUSE, 1L);
		if (req_run(&r) == 201)
			ms[n++] = rawconn_now_ms() - t0;
		else
			failed++;
		req_free(&r);
		usleep(SPACING_MS * 1000);
	}
	qsort(ms, (size_t)n, sizeof ms[0], cmp_ll);
	if (n == 0)
		printf("%-10s trainee's identity checks: none answered (%d "
		    "tried, 20 s each)\n", scenario, failed);
	else
		printf("%-10s trainee's identity checks: median %lld ms, worst "
		    "%lld ms (%d answered, %d not within 20 s)\n", scenario,
		    ms[n / 2], ms[n - 1], n, failed);
	fflush(stdout);
}

/* ---- the classroom's load, each on a thread of its own ------------------- */

/* Keep handles n of r busy in a multi until stop: each, when answered,
 * is sent again (same connection).  Answers counted in *answered. */
static void
multi_loop(struct req *r, int n, unsigned long *answered)
{
	CURLM *m = curl_multi_init();
	int running;

	curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, (long)n);
	for (int i = 0; i < n; i++)
		curl_multi_add_handle(m, r[i].h);
	while (!stop) {
		CURLMsg *msg;
		int left;

		curl_multi_perform(m, &running);
		curl_multi_poll(m, NULL, 0, 100, NULL);
		while ((msg = curl_multi_info_read(m, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			(*answered)++;
			curl_multi_remove_handle(m, msg->easy_handle);
			curl_multi_add_handle(m, msg->easy_handle);
		}
	}
	for (int i = 0; i < n; i++)
		curl_multi_remove_handle(m, r[i].h);
	curl_multi_cleanup(m);
}

static char load_token[160];
static unsigned long load_answered;

static void *
busy_crowd(void *arg)
{
	static struct req r[CROWD];
	char from[32];

	(void)arg;
	for (int i = 0; i < CROWD; i++) {
		snprintf(from, sizeof from, "127.0.1.%d", 1 + i % CROWD_ADDRS);
		req_init(&r[i], from, "/v1/persons/P-0001", load_token, NULL,
		    NULL);
	}
	multi_loop(r, CROWD, &load_answered);
	for (int i = 0; i < CROWD; i++)
		req_free(&r[i]);
	return NULL;
}

static void *
signins(void *arg)
{
	static struct req r[SIGNINS];
	char body[128];

	(void)arg;
	snprintf(body, sizeof body, signin_body, "clerk02");
	for (int i = 0; i < SIGNINS; i++)
		req_init(&r[i], "127.0.0.3", "/v1/sessions", NULL, NULL, body);
	multi_loop(r, SIGNINS, &load_answered);
	for (int i = 0; i < SIGNINS; i++)
		req_free(&r[i]);
	return NULL;
}

static unsigned long load_opened;

/* ATTACKERS connections, each sending a byte every 5 s; one the server
 * closes is opened again, as an attacker would. */
static void *
slowloris(void *arg)
{
	static CURL *att[ATTACKERS];

	(void)arg;
	while (!stop) {
		for (int i = 0; i < ATTACKERS && !stop; i++) {
			if (att[i] != NULL && rawconn_tls_send(att[i], "X", 1)) {
				curl_easy_cleanup(att[i]);
				att[i] = NULL;
			}
			if (att[i] == NULL && (att[i] = rawconn_tls(port, ca,
			    "127.0.0.2")) != NULL) {
				load_opened++;
				if (rawconn_tls_send(att[i], "GET / HTTP/1.1\r\n",
				    16) != 0) {
					curl_easy_cleanup(att[i]);
					att[i] = NULL;
				}
			}
		}
		for (int s = 0; s < 50 && !stop; s++)
			usleep(100 * 1000);
	}
	for (int i = 0; i < ATTACKERS; i++)
		if (att[i] != NULL)
			curl_easy_cleanup(att[i]);
	return NULL;
}

/* Held open from ten addresses, nothing sent. */
static void
idle_crowd(int fd[CROWD])
{
	char from[32];

	for (int i = 0; i < CROWD; i++) {
		snprintf(from, sizeof from, "127.0.1.%d", 1 + i % CROWD_ADDRS);
		fd[i] = rawconn_tcp(port, from);
	}
}

/* How many of them the server has not closed. */
static int
idle_held(const int fd[CROWD])
{
	int open = 0;

	for (int i = 0; i < CROWD; i++)
		open += fd[i] >= 0 && !rawconn_tcp_closed(fd[i]);
	return open;
}

/* ---- the delegation flood ------------------------------------------------ */

static void
flood(const char *agent, const char *insured)
{
	static struct req r[FLOOD_AT_ONCE];
	char token[160], body[1024], ck[64], key[48];
	unsigned long n = 0, created = 0;
	CURLM *m = curl_multi_init();
	long long end;
	struct req c;

	sign_in("clerk01", token);
	check_body(body, sizeof body, agent, "马军");
	req_init(&c, NULL, "/v1/identity-checks", token, NULL, body);
	req_run(&c);
	req_str(&c, "check_id", ck, sizeof ck);
	req_free(&c);
	snprintf(body, sizeof body, "{\"check_id\":\"%s\",\"insured_id_number\":"
	    "\"%s\",\"insured_name\":\"孙丽\",\"card_id\":\"C-0100\","
	    "\"activation\":\"fin\",\"poa_number\":\"POA-1\",\"poa_signed_on\":"
	    "\"2026-11-01\",\"poa_covers_ss\":true,\"poa_covers_fin\":true,"
	    "\"insured_original_sighted\":true,\"photocopies_taken\":true,"
	    "\"poa_original_sighted\":true}", ck, insured);
	for (end = rawconn_now_ms() + FLOOD_S * 1000; rawconn_now_ms() < end;) {
		CURLMsg *msg;
		int running, left;

		for (int i = 0; i < FLOOD_AT_ONCE; i++) {
			if (r[i].h != NULL)
				continue;
			snprintf(key, sizeof key, "flood-%lu", n++);
			req_init(&r[i], NULL, "/v1/applications/"
			    "delegated-activation", token, key, body);
			curl_multi_add_handle(m, r[i].h);
		}
		curl_multi_perform(m, &running);
		curl_multi_poll(m, NULL, 0, 100, NULL);
		while ((msg = curl_multi_info_read(m, &left)) != NULL) {
			long st = 0;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle,
			    CURLINFO_RESPONSE_CODE, &st);
			created += st == 201;
			for (int i = 0; i < FLOOD_AT_ONCE; i++)
				if (r[i].h == msg->easy_handle) {
					curl_multi_remove_handle(m, r[i].h);
					req_free(&r[i]);
				}
		}
	}
	printf("flood      %lu delegated activations sent in %d s, %lu "
	    "answered 201\n", n, FLOOD_S, created);
	curl_multi_cleanup(m);
}

/* ---- main ---------------------------------------------------------------- */

/* Start load on a thread, let it settle, time the trainee, stop it. */
static void
under(const char *scenario, void *(*load)(void *), const char *token,
    const char *number)
{
	pthread_t t;

	stop = false;
	load_answered = 0;
	pthread_create(&t, NULL, load, NULL);
	sleep(load == slowloris ? 8 : 3);
	trainee(scenario, token, number);
	stop = true;
	pthread_join(t, NULL);
	if (load == slowloris)
		printf("%-10s (%lu attacking connections let in over the run; "
		    "%d tried at a time, each reopened when closed)\n", "",
		    load_opened, ATTACKERS);
	else
		printf("%-10s (the load was answered %lu times meanwhile)\n", "",
		    load_answered);
}

int
main(int argc, char **argv)
{
	char token[160];
	const char *sc;

	if (argc < 5) {
		fprintf(stderr, "usage: classroom_load PORT CA SCENARIO "
		    "ID_NUMBER [AGENT_ID INSURED_ID]\n");
		return 2;
	}
	port = atoi(argv[1]);
	ca = argv[2];
	sc = argv[3];
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (strcmp(sc, "flood") == 0 && argc >= 7) {
		flood(argv[5], argv[6]);
		return 0;
	}
	sign_in("clerk01", token);
	sign_in("clerk02", load_token);
	if (strcmp(sc, "idle") == 0) {
		trainee(sc, token, argv[4]);
	} else if (strcmp(sc, "idle500") == 0) {
		static int fd[CROWD];

		idle_crowd(fd);
		trainee(sc, token, argv[4]);
		printf("%-10s (%d of %d idle connections still held)\n", "",
		    idle_held(fd), CROWD);
	} else if (strcmp(sc, "busy500") == 0) {
		under(sc, busy_crowd, token, argv[4]);
	} else if (strcmp(sc, "slowloris") == 0) {
		under(sc, slowloris, token, argv[4]);
	} else if (strcmp(sc, "signins") == 0) {
		under(sc, signins, token, argv[4]);
	} else {
		fprintf(stderr, "classroom_load: no scenario %s\n", sc);
		return 2;
	}
	return 0;
}
