/*
 * server.c -- ssdesk-sim: the simulated central service over HTTPS.
 *
 * libmicrohttpd (GnuTLS) with a thread per connection (a delayed or trickled
 * answer, or a sign-in waiting for its password check, holds up only its
 * own connection), polled with poll(2), so descriptors past FD_SETSIZE
 * work; sim_handle() is called under a mutex, one request at a time, and
 * a sign-in's Argon2id check is done before, outside it, at most one per
 * processor at once (each takes 64 MiB).  A classroom shares it, so no
 * client can shut the others out: at most SERVER_CONNECTIONS_MAX
 * connections, SERVER_PER_IP_MAX from one address, and each request must
 * arrive whole within --request-deadline seconds of the connection
 * opening or of the previous answer, whatever it trickles
 * (sim/server_conn.h).  The body of a request is collected across the
 * access handler's calls (at most WIRE_BODY_MAX bytes, else 413
 * too_large), then the whole request goes to the simulator.  It listens on 127.0.0.1 unless --listen says otherwise,
 * prints "ssdesk-sim: listening on https://ADDR:PORT" once bound (and
 * writes the port to --port-file for tests), and stops cleanly on SIGINT
 * or SIGTERM.  It never logs tokens, passwords or bodies.
 *
 * Faults (sim/sim_fault.h) are given with --fault at start, or at run time
 * through /_sim/faults when started with --control (loopback only): delay,
 * 500, 503, reset before or after the work is done, a malformed, huge,
 * trickled or wrongly typed answer, odd refusals and odd answers (see
 * sim_fault.h).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "forms/date.h"
#include "forms/parse.h"
#include "sim/server_conn.h"
#include "sim/sim.h"
#include "sim/sim_fault.h"

#define SERVER_PEM_MAX (1024 * 1024)
#define SERVER_LIST_MAX 64
/* Connections at once, and from one address: a classroom of terminals
 * (one or two connections each, a few behind one NAT) fits many times. */
#define SERVER_CONNECTIONS_MAX 1024
#define SERVER_PER_IP_MAX 64
/* --request-deadline: seconds for a request to arrive whole. */
#define SERVER_DEADLINE_S 10
#define SERVER_DEADLINE_MAX 3600
/* --session-ttl: at most 30 days (a written number, for the message); a
 * lifetime near LONG_MAX overflowed the expiry time. */
#define SERVER_TTL_MAX 2592000
/* Password checks at once, at most (each holds 64 MiB while it runs). */
#define SERVER_VERIFY_MAX 8
/* An oversized body without Content-Length is read (and dropped) up to
 * this much so the client gets its 413; past it the connection is cut. */
#define SERVER_DISCARD_MAX (1024 * 1024)

struct server {
	struct sim *sim;
	pthread_mutex_t lock;
	struct sim_faults faults;   /* under lock */
	bool control;               /* --control: /_sim/ answers */
	volatile bool stopping;     /* a trickle stops at once */
	unsigned long created;      /* 2xx answers to POST /v1/applications/
	                             * that were not replays */
	struct server_conns *conns; /* request deadlines */
	sem_t verify_slots;         /* password checks that may run now */
};

/* One request's body, collected across calls of the access handler. */
struct server_req {
	char *body;
	size_t len;
	bool too_large;
	size_t discarded;        /* bytes read past the cap, not kept */
};

static const char server_too_large[] =
	"{\"code\":\"too_large\",\"message\":\"The request is too large; "
	"nothing was done. This is a fault of the terminal: report it.\"}";

static void
server_usage(FILE *f)
{
	fputs(
"Usage: ssdesk-sim --cert FILE --key FILE [OPTION]...\n"
"       ssdesk-sim --list [--today YYYY-MM-DD]\n"
"Serve the simulated central service of ssdesk (docs/api.md) over HTTPS,\n"
"with a fictitious data set laid out relative to today.\n"
"\n"
"  --cert FILE          server certificate chain (PEM)\n"
"  --key FILE           its private key (PEM)\n"
"  --listen ADDR        IP address to listen on (default 127.0.0.1)\n"
"  --port N             TCP port (default 8443; 0 picks a free one)\n"
"  --port-file FILE     write the bound port number to FILE\n"
"  --today YYYY-MM-DD   the simulator's date (default: the real date)\n"
"  --session-ttl SECS   staff session lifetime (default 28800, at most\n"
"                       2592000)\n"
"  --request-deadline SECS  a request must arrive whole within SECS of the\n"
"                       connection opening or of the previous answer, else\n"
"                       the connection is closed (default 10)\n"
"  --fault SPEC         commit a fault: 'METHOD PATH=KIND[:MS][,COUNT]', KIND\n"
"                       delay:MS, 500, 503, reset, reset-after-commit,\n"
"                       malformed-json, huge-body, trickle, wrong-types,\n"
"                       hostile-text, unknown-code-field, blank-message,\n"
"                       unmasked, wrong-person, duplicate-keys,\n"
"                       other-deadline\n"
"                       (repeatable; see docs/api.md)\n"
"  --control            answer /_sim/faults and /_sim/stats (tests only;\n"
"                       loopback addresses only)\n"
"  --list               print the demo staff and people, then exit\n"
"  --seal-key-out FILE  write the public key PINs are sealed to (base64)\n"
"  --help               show this help and exit\n"
"  --version            show the version and exit\n"
"\n"
"Everyone and everything in the data set is fictitious; it is for\n"
"training and tests only.\n", f);
}

static int
server_read_file(const char *path, char **out)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (f == NULL)
		return -1;
	buf = malloc(SERVER_PEM_MAX + 1);
	if (buf == NULL) {
		fclose(f);
		return -1;
	}
	n = fread(buf, 1, SERVER_PEM_MAX + 1, f);
	if (ferror(f) || n == 0 || n > SERVER_PEM_MAX) {
		fclose(f);
		sodium_memzero(buf, SERVER_PEM_MAX + 1);
		free(buf);
		errno = n > SERVER_PEM_MAX ? EFBIG : EINVAL;
		return -1;
	}
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	return 0;
}

static void
server_free_secret(char *p)
{
	if (p == NULL)
		return;
	sodium_memzero(p, strlen(p));
	free(p);
}

/* Write the port to path, whole or not at all (rename over it). */
static int
server_write_port(const char *path, unsigned port)
{
	char tmp[4096];
	FILE *f;

	if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
		return -1;
	f = fopen(tmp, "w");
	if (f == NULL)
		return -1;
	fprintf(f, "%u\n", port);
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

static const char *
server_token(struct MHD_Connection *conn)
{
	const char *v = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_AUTHORIZATION);

	if (v == NULL || strncasecmp(v, "Bearer ", 7) != 0)
		return NULL;
	v += 7;
	while (*v == ' ')
		v++;
	return *v ? v : NULL;
}

/*
 * The access log: method, path and status only.  Method and path come from
 * the client, so they are written as printable ASCII alone (no escape
 * sequence or line break reaches the trainer's terminal or a log file), and
 * a path segment that could hold a full ID number, bank card number or
 * token (8 digits or more, or over 24 characters) is written as "*".  The
 * API never puts such a thing in a path; a faulty client might.
 */
#define SERVER_LOG_METHOD_MAX 16
#define SERVER_LOG_PATH_MAX 96
#define SERVER_LOG_SEGMENT_MAX 24
#define SERVER_LOG_DIGITS_MAX 7

static void
server_log_path(char *out, size_t outsz, const char *url)
{
	size_t o = 0;

	if (url == NULL)
		url = "";
	while (*url != '\0' && o + 1 < outsz) {
		size_t seg = strcspn(url, "/?"), digits = 0;

		for (size_t i = 0; i < seg; i++)
			if (url[i] >= '0' && url[i] <= '9')
				digits++;
		if (seg > SERVER_LOG_SEGMENT_MAX ||
		    digits > SERVER_LOG_DIGITS_MAX) {
			out[o++] = '*';
		} else {
			for (size_t i = 0; i < seg && o + 1 < outsz; i++) {
				unsigned char c = (unsigned char)url[i];

				out[o++] = c > ' ' && c < 0x7F ? (char)c : '?';
			}
		}
		url += seg;
		if (*url == '?')
			break; /* query strings are never logged */
		if (*url == '/' && o + 1 < outsz)
			out[o++] = *url++;
	}
	out[o] = '\0';
}

/* One line of the access log: the method and path made safe, then what
 * happened (ours, not the client's). */
static void
server_log_line(const char *method, const char *url, const char *what)
{
	char m[SERVER_LOG_METHOD_MAX + 1], p[SERVER_LOG_PATH_MAX + 1];
	size_t i;

	for (i = 0; method != NULL && method[i] != '\0' &&
	    i < SERVER_LOG_METHOD_MAX; i++)
		m[i] = method[i] >= 'A' && method[i] <= 'Z' ? method[i] : '?';
	m[i] = '\0';
	server_log_path(p, sizeof p, url);
	fprintf(stderr, "ssdesk-sim: %s %s %s\n", m, p, what);
}

static void
server_log(const char *method, const char *url, int status, bool replayed)
{
	char what[48];

	snprintf(what, sizeof what, "%d%s", status,
	    replayed ? " (replayed)" : "");
	server_log_line(method, url, what);
}

/* server_reply, and "Retry-After: retry_after" when it is > 0 (a 429
 * too_many_writes of sim_handle). */
static enum MHD_Result
server_reply_after(struct MHD_Connection *conn, int status, char *body,
    size_t len, bool must_free, bool replayed, long retry_after)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	char after[24];

	resp = MHD_create_response_from_buffer(len, body,
	    must_free ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (resp == NULL) {
		if (must_free)
			free(body);
		return MHD_NO;
	}
	if (len > 0)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
		    "application/json");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	    "no-store");
	if (replayed)
		MHD_add_response_header(resp, "Idempotent-Replayed", "true");
	if (retry_after > 0) {
		snprintf(after, sizeof after, "%ld", retry_after);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER,
		    after);
	}
	ret = MHD_queue_response(conn, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result
server_reply(struct MHD_Connection *conn, int status, char *body,
    size_t len, bool must_free, bool replayed)
{
	return server_reply_after(conn, status, body, len, must_free, replayed,
	    0);
}

/* The query arguments as MHD parsed (and decoded) them, appended to out
 * as ?name=value&...: an unreserved character is copied, any other
 * becomes '%', which no value of the contract holds, so nothing a client
 * encoded is read as something else (out NULL: only counted). */
struct server_query {
	char *out;
	size_t len;
};

static enum MHD_Result
server_query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	static const char unreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-._~";
	struct server_query *q = cls;
	const char *parts[] = { q->len > 0 ? "&" : "?", key, "=",
	    value != NULL ? value : "" };

	(void)kind;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		for (const char *c = parts[i]; *c != '\0'; c++, q->len++)
			if (q->out != NULL)
				q->out[q->len] = i % 2 == 0 ||
				    strchr(unreserved, *c) != NULL ? *c : '%';
	return MHD_YES;
}

/* The path sim_handle sees: url (MHD gives it without the query) and the
 * query; malloc'd, NULL without memory. */
static char *
server_path(struct MHD_Connection *conn, const char *url)
{
	struct server_query q = { 0 };
	size_t n = strlen(url);
	char *p;

	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND,
	    server_query_arg, &q);
	if ((p = malloc(n + q.len + 1)) == NULL)
		return NULL;
	memcpy(p, url, n);
	q = (struct server_query){ .out = p + n };
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND,
	    server_query_arg, &q);
	p[n + q.len] = '\0';
	return p;
}

/* ---- faults (--fault, /_sim/faults) ------------------------------------ */

static void
server_log_fault(const char *method, const char *url, enum sim_fault_kind k,
    int status)
{
	char what[64];

	snprintf(what, sizeof what, "fault %s (status %d)", sim_fault_name(k),
	    status);
	server_log_line(method, url, what);
}

/* Sleep ms in short steps, ending early when the server stops. */
static bool
server_sleep_ms(struct server *srv, long ms)
{
	while (ms > 0 && !srv->stopping) {
		long step = ms < 100 ? ms : 100;

		usleep((useconds_t)step * 1000);
		ms -= step;
	}
	return !srv->stopping;
}

/* A reset, not a polite close: with SO_LINGER 0 the close sends RST. */
static enum MHD_Result
server_reset(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn,
	    MHD_CONNECTION_INFO_CONNECTION_FD);
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };

	if (ci != NULL)
		setsockopt(ci->connect_fd, SOL_SOCKET, SO_LINGER, &lg,
		    sizeof lg);
	return MHD_NO;
}

/* A body handed out by a content reader: trickled, or made up huge. */
struct server_slow {
	struct server *srv;
	char *body;
	size_t len;
};

static ssize_t
server_trickle_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct server_slow *sl = cls;

	if (pos >= sl->len)
		return MHD_CONTENT_READER_END_OF_STREAM;
	if (max == 0 || !server_sleep_ms(sl->srv, 1000))
		return MHD_CONTENT_READER_END_WITH_ERROR;
	buf[0] = sl->body[pos];
	return 1;
}

static ssize_t
server_huge_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	size_t n;

	(void)cls;
	if (pos >= SIM_FAULT_HUGE)
		return MHD_CONTENT_READER_END_OF_STREAM;
	n = SIM_FAULT_HUGE - (size_t)pos < max ? SIM_FAULT_HUGE - (size_t)pos :
	    max;
	memset(buf, ' ', n);
	if (pos == 0)
		buf[0] = '[';
	return (ssize_t)n;
}

static void
server_slow_free(void *cls)
{
	struct server_slow *sl = cls;

	if (sl->body != NULL) {
		sodium_memzero(sl->body, sl->len);
		free(sl->body);
	}
	free(sl);
}

/* Answer from a content reader: the trickle (body given, length known) or
 * the huge body (body NULL, sent chunked, no length announced). */
static enum MHD_Result
server_reply_slow(struct server *srv, struct MHD_Connection *conn, int status,
    char *body, size_t len)
{
	struct server_slow *sl = calloc(1, sizeof *sl);
	struct MHD_Response *resp;
	enum MHD_Result ret;

	if (sl == NULL) {
		free(body);
		return MHD_NO;
	}
	sl->srv = srv;
	sl->body = body;
	sl->len = len;
	resp = body != NULL ?
	    MHD_create_response_from_callback(len, 1, server_trickle_read, sl,
	    server_slow_free) :
	    MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024,
	    server_huge_read, sl, server_slow_free);
	if (resp == NULL) {
		server_slow_free(sl);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "application/json");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	    "no-store");
	ret = MHD_queue_response(conn, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* The faults that come after the service did its work. */
static enum MHD_Result
server_fault_answer(struct server *srv, struct MHD_Connection *conn,
    const char *method, const char *url, enum sim_fault_kind fault,
    int status, char *body, size_t body_len)
{
	char *twisted;
	size_t tlen = 0;

	server_log_fault(method, url, fault, status);
	switch (fault) {
	case SIM_FAULT_RESET_AFTER_COMMIT:
		sodium_memzero(body, body_len);
		free(body);
		return server_reset(conn);
	case SIM_FAULT_MALFORMED:
		/* Cut in half: never valid JSON (an object or array cut
		 * before its end), whatever the answer was. */
		sodium_memzero(body + body_len / 2, body_len - body_len / 2);
		return server_reply(conn, status, body, body_len / 2, true,
		    false);
	case SIM_FAULT_HUGE_BODY:
		sodium_memzero(body, body_len);
		free(body);
		return server_reply_slow(srv, conn, status, NULL, 0);
	case SIM_FAULT_TRICKLE:
		return server_reply_slow(srv, conn, status, body, body_len);
	default:
		/* wrong-types, hostile-text, unmasked, wrong-person... */
		twisted = sim_fault_rewrite(fault, body, body_len, &tlen);
		sodium_memzero(body, body_len);
		free(body);
		if (twisted == NULL)
			return MHD_NO;
		return server_reply(conn, status, twisted, tlen, true, false);
	}
}

/* ---- the test's hand (--control) -------------------------------------- */

/* Answer the object o (taken, printed here); MHD_NO without memory. */
static enum MHD_Result
server_reply_json(struct MHD_Connection *conn, int status, cJSON *o)
{
	char *text = o != NULL ? cJSON_PrintUnformatted(o) : NULL;

	cJSON_Delete(o);
	if (text == NULL)
		return MHD_NO;
	return server_reply(conn, status, text, strlen(text), true, false);
}

/* {"code", "message"}: the one error shape, message escaped as JSON. */
static enum MHD_Result
server_reply_error(struct MHD_Connection *conn, int status, const char *code,
    const char *message)
{
	cJSON *o = cJSON_CreateObject();

	if (o != NULL && (cJSON_AddStringToObject(o, "code", code) == NULL ||
	    cJSON_AddStringToObject(o, "message", message) == NULL)) {
		cJSON_Delete(o);
		o = NULL;
	}
	return server_reply_json(conn, status, o);
}

static enum MHD_Result
server_stats(struct server *srv, struct MHD_Connection *conn)
{
	cJSON *o = cJSON_CreateObject();

	pthread_mutex_lock(&srv->lock);
	if (o != NULL && (cJSON_AddNumberToObject(o, "created",
	    (double)srv->created) == NULL ||
	    cJSON_AddNumberToObject(o, "faults", (double)srv->faults.n) ==
	    NULL)) {
		cJSON_Delete(o);
		o = NULL;
	}
	pthread_mutex_unlock(&srv->lock);
	return server_reply_json(conn, 200, o);
}

/* POST /_sim/faults: the body is one fault, its line end dropped; 204,
 * or 400 with the reason in err.  Under srv->lock. */
static int
server_fault_add(struct server *srv, const struct server_req *r, char *err,
    size_t errlen)
{
	char spec[SIM_FAULT_PATH_MAX + 64];
	size_t n = r->body != NULL ? r->len : 0;

	while (n > 0 && (r->body[n - 1] == '\n' || r->body[n - 1] == '\r'))
		n--;
	if (n >= sizeof spec || (n > 0 && memchr(r->body, '\0', n) != NULL)) {
		snprintf(err, errlen, "a fault is one line of at most %zu "
		    "bytes, without NUL", sizeof spec - 1);
		return 400;
	}
	if (n > 0)
		memcpy(spec, r->body, n);
	spec[n] = '\0';
	return sim_faults_add(&srv->faults, spec, err, errlen) < 0 ? 400 : 204;
}

/* The test's hand on the server (--control only): GET /_sim/stats,
 * PUT (replace all) / POST (add one) / DELETE (clear) /_sim/faults. */
static enum MHD_Result
server_control(struct server *srv, struct MHD_Connection *conn,
    const char *method, const char *url, const struct server_req *r)
{
	char err[160];
	int status = 404;
	bool faults = strcmp(url, "/_sim/faults") == 0;

	err[0] = '\0';
	if (!srv->control)
		return server_reply_error(conn, 404, "not_found",
		    "No such path.");
	if (strcmp(url, "/_sim/stats") == 0 && strcmp(method, "GET") == 0)
		return server_stats(srv, conn);
	pthread_mutex_lock(&srv->lock);
	if (faults && strcmp(method, "DELETE") == 0) {
		srv->faults.n = 0;
		status = 204;
	} else if (faults && strcmp(method, "PUT") == 0)
		status = sim_faults_set(&srv->faults, r->body ? r->body : "",
		    r->len, err, sizeof err) < 0 ? 400 : 204;
	else if (faults && strcmp(method, "POST") == 0)
		status = server_fault_add(srv, r, err, sizeof err);
	pthread_mutex_unlock(&srv->lock);
	fprintf(stderr, "ssdesk-sim: control %s %s %d\n",
	    faults ? "faults" : "?", status == 404 ? "?" : method, status);
	if (status == 204)
		return server_reply(conn, 204, (char *)"", 0, false, false);
	return status == 400 ?
	    server_reply_error(conn, 400, "bad_request", err) :
	    server_reply_error(conn, 404, "not_found", "No such path.");
}

/* ---- requests ----------------------------------------------------------- */

static enum MHD_Result
server_reply_too_large(struct MHD_Connection *conn, const char *method,
    const char *url)
{
	server_log(method, url, 413, false);
	return server_reply(conn, 413, (char *)server_too_large,
	    strlen(server_too_large), false, false);
}

/* The access handler's first call (the headers are in): a request of
 * its own, refused at once if its Content-Length is over the cap. */
static enum MHD_Result
server_begin(struct MHD_Connection *conn, const char *method,
    const char *url, void **con_cls)
{
	struct server_req *r = calloc(1, sizeof *r);
	const char *cl;

	if (r == NULL)
		return MHD_NO;
	*con_cls = r;
	cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl != NULL && strtoull(cl, NULL, 10) > WIRE_BODY_MAX) {
		r->too_large = true;
		return server_reply_too_large(conn, method, url);
	}
	return MHD_YES;
}

/* A piece of the body: kept, or counted and dropped past the cap.  A
 * body that goes on and on past SERVER_DISCARD_MAX ends the connection
 * (MHD can only answer once the body is in, or before it starts); one
 * sent too slowly is cut by the request deadline (server_conn.h). */
static enum MHD_Result
server_collect(struct server_req *r, const char *data, size_t n)
{
	char *p;

	if (r->too_large) {
		r->discarded += n;
		return r->discarded > SERVER_DISCARD_MAX ? MHD_NO : MHD_YES;
	}
	if (r->len + n > WIRE_BODY_MAX) {
		/* Over the cap without a Content-Length (chunked): drop what
		 * came, read on and answer 413 at the end. */
		r->too_large = true;
		r->discarded = r->len + n;
		sodium_memzero(r->body, r->len);
		free(r->body);
		r->body = NULL;
		r->len = 0;
		return MHD_YES;
	}
	if ((p = realloc(r->body, r->len + n + 1)) == NULL)
		return MHD_NO;
	memcpy(p + r->len, data, n);
	r->len += n;
	p[r->len] = '\0';
	r->body = p;
	return MHD_YES;
}

/* A sign-in's password, checked here, outside srv->lock, while at most
 * verify_slots others are (sim.h, sim_check_password). */
static enum sim_password
server_check_password(struct server *srv, const struct sim_request *req)
{
	enum sim_password v;

	while (sem_wait(&srv->verify_slots) != 0)
		if (errno != EINTR)
			return SIM_PASSWORD_UNCHECKED;
	v = sim_check_password(req);
	sem_post(&srv->verify_slots);
	return v;
}

/* The faults that come before the service does anything: an answer
 * (or a reset) queued, or MHD_YES to go on after any delay. */
static enum MHD_Result
server_fault_before(struct server *srv, struct MHD_Connection *conn,
    const char *method, const char *url, const struct server_req *r,
    enum sim_fault_kind fault, long fault_ms, bool *answered)
{
	char *body;
	size_t body_len = 0;
	int status;

	*answered = true;
	switch (fault) {
	case SIM_FAULT_DELAY:
		server_log_fault(method, url, fault, 0);
		if (!server_sleep_ms(srv, fault_ms))
			return MHD_NO;
		break;
	case SIM_FAULT_RESET:
		server_log_fault(method, url, fault, 0);
		return server_reset(conn);
	default:
		/* 500, 503 and the refusals with a code nobody knows:
		 * answered before any work. */
		if ((body = sim_fault_refusal(fault, r->body, r->len, &status,
		    &body_len)) != NULL) {
			server_log_fault(method, url, fault, status);
			return server_reply(conn, status, body, body_len, true,
			    false);
		}
		break;
	}
	*answered = false;
	return MHD_YES;
}

/* The whole request, to the simulator, and its answer (or fault). */
static enum MHD_Result
server_serve(struct server *srv, struct MHD_Connection *conn,
    const char *method, const char *url, const struct server_req *r)
{
	struct sim_request req;
	char *body = NULL, *path;
	size_t body_len = 0;
	bool replayed = false, answered;
	long retry_after = 0;
	int status;
	enum sim_fault_kind fault;
	long fault_ms = 0;
	enum MHD_Result ret;

	pthread_mutex_lock(&srv->lock);
	fault = sim_faults_take(&srv->faults, method, url, &fault_ms);
	pthread_mutex_unlock(&srv->lock);
	ret = server_fault_before(srv, conn, method, url, r, fault, fault_ms,
	    &answered);
	if (answered)
		return ret;

	if ((path = server_path(conn, url)) == NULL)
		return MHD_NO;
	req = (struct sim_request){
		.method = method,
		.path = path,
		.token = server_token(conn),
		.idem_key = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		    "Idempotency-Key"),
		.body = r->body,
		.body_len = r->len,
		.replayed = &replayed,
		.retry_after = &retry_after,
	};
	if (sim_wants_password(&req))
		req.password = server_check_password(srv, &req);
	pthread_mutex_lock(&srv->lock);
	status = sim_handle(srv->sim, &req, &body, &body_len);
	if (status >= 200 && status <= 299 && !replayed &&
	    strcmp(method, "POST") == 0 &&
	    strncmp(url, "/v1/applications/", 17) == 0)
		srv->created++;
	pthread_mutex_unlock(&srv->lock);
	free(path);
	if (fault != SIM_FAULT_NONE && fault != SIM_FAULT_DELAY && body != NULL)
		return server_fault_answer(srv, conn, method, url, fault,
		    status, body, body_len);
	server_log(method, url, status, replayed);
	if (body == NULL) {
		static const char internal[] = "{\"code\":\"internal\","
		    "\"message\":\"The service failed; nothing was done. "
		    "Try again.\"}";

		return server_reply(conn, 500, (char *)internal,
		    strlen(internal), false, false);
	}
	return server_reply_after(conn, status, body, body_len, true, replayed,
	    retry_after);
}

static enum MHD_Result
server_answer(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct server *srv = cls;
	struct server_req *r = *con_cls;

	(void)version;
	if (r == NULL)
		return server_begin(conn, method, url, con_cls);
	if (*upload_data_size != 0) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		return server_collect(r, upload_data, n);
	}
	server_conn_whole(srv->conns, conn);
	if (r->too_large)
		return server_reply_too_large(conn, method, url);
	if (strncmp(url, "/_sim/", 6) == 0)
		return server_control(srv, conn, method, url, r);
	return server_serve(srv, conn, method, url, r);
}

/* A request is over: its body wiped, the next one's deadline begins. */
static void
server_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct server *srv = cls;
	struct server_req *r = *con_cls;

	(void)toe;
	server_conn_answered(srv->conns, conn);
	if (r == NULL)
		return;
	if (r->body != NULL) {
		sodium_memzero(r->body, r->len);
		free(r->body);
	}
	free(r);
	*con_cls = NULL;
}

static void
server_list(struct sim *sim, struct date today)
{
	struct sim_listing l[SERVER_LIST_MAX];
	char d[DATE_STR];
	size_t n;

	date_format(d, today);
	printf("ssdesk-sim: fictitious data set as of %s (training only)\n\n",
	    d);
	printf("Staff (staff ID, name, password):\n");
	n = sim_list_staff(sim, l, SERVER_LIST_MAX);
	for (size_t i = 0; i < n; i++)
		printf("  %-10s %s  password %s\n      %s\n", l[i].who,
		    l[i].name, l[i].secret, l[i].purpose);
	printf("\nPeople (masked ID, name, full demo ID number):\n");
	n = sim_list_people(sim, l, SERVER_LIST_MAX);
	for (size_t i = 0; i < n; i++)
		printf("  %s  %s  %s\n      %s\n", l[i].who, l[i].name,
		    l[i].secret, l[i].purpose);
	printf("\nHousehold registers (register number, address):\n");
	n = sim_list_households(sim, l, SERVER_LIST_MAX);
	for (size_t i = 0; i < n; i++)
		printf("  %s  %s\n      %s\n", l[i].who, l[i].name,
		    l[i].purpose);
}

/* One password check per processor at once: more would only queue for
 * the processors and hold 64 MiB each meanwhile. */
static unsigned
server_verify_max(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > SERVER_VERIFY_MAX ? SERVER_VERIFY_MAX :
	    (unsigned)n;
}

/* SERVER_CONNECTIONS_MAX, the descriptor limit raised for it as far as
 * allowed; fewer if it cannot be (a connection over the limit is then
 * refused at once, not accepted and left failing). */
static unsigned
server_connections_max(void)
{
	const rlim_t spare = 32;  /* listening socket, logs, ITC, files */
	rlim_t want = SERVER_CONNECTIONS_MAX + spare;
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 128;
	if (rl.rlim_cur < want) {
		rl.rlim_cur = rl.rlim_max < want ? rl.rlim_max : want;
		setrlimit(RLIMIT_NOFILE, &rl);
		getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur >= want)
		return SERVER_CONNECTIONS_MAX;
	return rl.rlim_cur > 2 * spare ? (unsigned)(rl.rlim_cur - spare) :
	    (unsigned)spare;
}

/* ---- the command line --------------------------------------------------- */

/* What the command line asked for, read before anything starts. */
struct server_opts {
	const char *cert_path, *key_path, *listen_addr, *port_file, *seal_out;
	long port, deadline;
	bool list, have_today;
	struct sim_opts sim;       /* today, session_ttl_s (0: the default) */
};

/* Where to listen: --listen and --port as a socket address. */
struct server_addr {
	struct sockaddr_storage ss;
	socklen_t len;
	bool v6;
};

/* Returned by the option readers when the program goes on; anything else
 * is its exit status. */
#define SERVER_GO (-1)
#define SERVER_STR(x) SERVER_STR_(x)
#define SERVER_STR_(x) #x

static const struct option server_longopts[] = {
	{ "cert", required_argument, NULL, 'c' },
	{ "key", required_argument, NULL, 'k' },
	{ "listen", required_argument, NULL, 'l' },
	{ "port", required_argument, NULL, 'p' },
	{ "port-file", required_argument, NULL, 'P' },
	{ "today", required_argument, NULL, 't' },
	{ "session-ttl", required_argument, NULL, 's' },
	{ "request-deadline", required_argument, NULL, 'D' },
	{ "list", no_argument, NULL, 'L' },
	{ "seal-key-out", required_argument, NULL, 'S' },
	{ "fault", required_argument, NULL, 'f' },
	{ "control", no_argument, NULL, 'C' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static int
server_bad_usage(const char *why)
{
	fprintf(stderr, "ssdesk-sim: %s\nTry 'ssdesk-sim --help' for more "
	    "information.\n", why);
	return 2;
}

/* A numeric option: arg from min to max into *out, else "ssdesk-sim:
 * OPT: WHY: ARG" and exit status 2. */
static int
server_number(long *out, const char *opt, const char *arg, long min,
    long max, const char *why)
{
	if (parse_long(out, arg, min, max) == 0)
		return SERVER_GO;
	fprintf(stderr, "ssdesk-sim: %s: %s: %s\n", opt, why, arg);
	return 2;
}

static int
server_fault_opt(struct server *srv, const char *arg)
{
	char ferr[160];

	if (sim_faults_add(&srv->faults, arg, ferr, sizeof ferr) == 0)
		return SERVER_GO;
	fprintf(stderr, "ssdesk-sim: --fault %s: %s\n", arg, ferr);
	return 2;
}

static int
server_today_opt(struct server_opts *o, const char *arg)
{
	if (date_parse(&o->sim.today, arg) < 0) {
		fprintf(stderr, "ssdesk-sim: --today: not a date (YYYY-MM-DD): "
		    "%s\n", arg);
		return 2;
	}
	o->have_today = true;
	return SERVER_GO;
}

static int
server_version(void)
{
	printf("ssdesk-sim (ssdesk) %s\n"
	    "The simulated central service for ssdesk training and tests.\n",
	    SSDESK_VERSION);
	return 0;
}

/* One option of getopt_long's (c, arg). */
static int
server_option(struct server *srv, struct server_opts *o, int c,
    const char *arg)
{
	switch (c) {
	case 'c': o->cert_path = arg; return SERVER_GO;
	case 'k': o->key_path = arg; return SERVER_GO;
	case 'l': o->listen_addr = arg; return SERVER_GO;
	case 'P': o->port_file = arg; return SERVER_GO;
	case 'L': o->list = true; return SERVER_GO;
	case 'S': o->seal_out = arg; return SERVER_GO;
	case 'C': srv->control = true; return SERVER_GO;
	case 'f': return server_fault_opt(srv, arg);
	case 't': return server_today_opt(o, arg);
	case 'p':
		return server_number(&o->port, "--port", arg, 0, 65535,
		    "not a port number");
	case 's':
		return server_number(&o->sim.session_ttl_s, "--session-ttl",
		    arg, 1, SERVER_TTL_MAX,
		    "not 1 to " SERVER_STR(SERVER_TTL_MAX) " seconds");
	case 'D':
		return server_number(&o->deadline, "--request-deadline", arg, 1,
		    SERVER_DEADLINE_MAX,
		    "not 1 to " SERVER_STR(SERVER_DEADLINE_MAX) " seconds");
	case 'h':
		server_usage(stdout);
		return 0;
	case 'V': return server_version();
	default:
		fputs("Try 'ssdesk-sim --help' for more information.\n",
		    stderr);
		return 2;
	}
}

/* The whole command line into o (and srv's faults and --control); the
 * date is read from the clock when --today is not given. */
static int
server_parse(struct server *srv, struct server_opts *o, int argc,
    char **argv)
{
	char why[256];
	int c, rc;

	*o = (struct server_opts){ .listen_addr = "127.0.0.1", .port = 8443,
	    .deadline = SERVER_DEADLINE_S };
	while ((c = getopt_long(argc, argv, "", server_longopts, NULL)) != -1)
		if ((rc = server_option(srv, o, c, optarg)) != SERVER_GO)
			return rc;
	if (optind < argc) {
		snprintf(why, sizeof why, "unexpected argument: %s",
		    argv[optind]);
		return server_bad_usage(why);
	}
	if (!o->have_today && date_today(&o->sim.today) < 0) {
		fprintf(stderr, "ssdesk-sim: cannot read the clock; give "
		    "--today YYYY-MM-DD\n");
		return 1;
	}
	return SERVER_GO;
}

/* ---- start, serve, stop ------------------------------------------------- */

static int
server_parse_addr(const char *addr, struct server_addr *a)
{
	struct sockaddr_in *in4 = (struct sockaddr_in *)&a->ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&a->ss;

	memset(a, 0, sizeof *a);
	if (strcmp(addr, "localhost") == 0)
		addr = "127.0.0.1";
	if (inet_pton(AF_INET, addr, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		a->len = sizeof *in4;
		return 0;
	}
	if (inet_pton(AF_INET6, addr, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		a->len = sizeof *in6;
		a->v6 = true;
		return 0;
	}
	return -1;
}

static bool
server_loopback(const struct server_addr *a)
{
	if (a->v6)
		return IN6_IS_ADDR_LOOPBACK(
		    &((const struct sockaddr_in6 *)&a->ss)->sin6_addr);
	return ntohl(((const struct sockaddr_in *)&a->ss)->sin_addr.s_addr) >>
	    24 == 127;
}

/* --listen and --port as an address, once --cert and --key are known to
 * be given and --control to be on a loopback address. */
static int
server_where(const struct server *srv, const struct server_opts *o,
    struct server_addr *a)
{
	if (o->cert_path == NULL || o->key_path == NULL)
		return server_bad_usage("--cert FILE and --key FILE are "
		    "required");
	if (server_parse_addr(o->listen_addr, a) < 0) {
		fprintf(stderr, "ssdesk-sim: --listen: not an IP address: %s\n",
		    o->listen_addr);
		return 2;
	}
	if (srv->control && !server_loopback(a)) {
		fprintf(stderr, "ssdesk-sim: --control is for tests on a "
		    "loopback address only\n");
		return 2;
	}
	if (a->v6)
		((struct sockaddr_in6 *)&a->ss)->sin6_port =
		    htons((uint16_t)o->port);
	else
		((struct sockaddr_in *)&a->ss)->sin_port =
		    htons((uint16_t)o->port);
	return SERVER_GO;
}

/* The public sealing key, base64 and a newline, for ssdesk --seal-key. */
static int
server_write_seal_key(const struct sim *sim, const char *path)
{
	unsigned char pk[crypto_box_PUBLICKEYBYTES];
	char b64[sodium_base64_ENCODED_LEN(crypto_box_PUBLICKEYBYTES,
	    sodium_base64_VARIANT_ORIGINAL)];
	FILE *f;
	int rc;

	sim_seal_public_key(sim, pk);
	sodium_bin2base64(b64, sizeof b64, pk, sizeof pk,
	    sodium_base64_VARIANT_ORIGINAL);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	rc = fprintf(f, "%s\n", b64) < 0 ? -1 : 0;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* A file the server needs read whole, or why not on stderr. */
static int
server_load(const char *path, char **out)
{
	if (server_read_file(path, out) == 0)
		return 0;
	fprintf(stderr, "ssdesk-sim: %s: %s\n", path, strerror(errno));
	return -1;
}

static struct MHD_Daemon *
server_daemon(struct server *srv, const struct server_addr *a, long port,
    const char *cert, const char *key)
{
	/* A thread per connection: a delayed or trickled answer holds its
	 * own connection only.  poll(2), not select(2): descriptors past
	 * FD_SETSIZE work (epoll does not go with a thread per
	 * connection). */
	return MHD_start_daemon(MHD_USE_TLS | MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
	    MHD_USE_ERROR_LOG | (a->v6 ? MHD_USE_IPv6 : 0), (uint16_t)port,
	    NULL, NULL, server_answer, srv,
	    MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&a->ss,
	    MHD_OPTION_HTTPS_MEM_CERT, cert,
	    MHD_OPTION_HTTPS_MEM_KEY, key,
	    MHD_OPTION_HTTPS_PRIORITIES,
	    "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
	    MHD_OPTION_NOTIFY_COMPLETED, server_completed, (void *)srv,
	    MHD_OPTION_NOTIFY_CONNECTION, server_conn_notify,
	    (void *)srv->conns,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
	    MHD_OPTION_CONNECTION_LIMIT, server_connections_max(),
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)SERVER_PER_IP_MAX,
	    MHD_OPTION_END);
}

/* The bound port to --port-file, then "listening on" on stdout. */
static int
server_announce(struct MHD_Daemon *d, const struct server_opts *o,
    const struct server_addr *a)
{
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d,
	    MHD_DAEMON_INFO_BIND_PORT);
	unsigned bound = info ? info->port : (unsigned)o->port;

	if (o->port_file != NULL && server_write_port(o->port_file, bound) < 0) {
		fprintf(stderr, "ssdesk-sim: %s: %s\n", o->port_file,
		    strerror(errno));
		return -1;
	}
	printf("ssdesk-sim: listening on https://%s%s%s:%u\n", a->v6 ? "[" : "",
	    o->listen_addr, a->v6 ? "]" : "", bound);
	fflush(stdout);
	return 0;
}

/* Until SIGINT or SIGTERM; they were blocked (sigs) before the daemon's
 * threads started, so that those inherit the mask and sigwait gets them. */
static void
server_wait_stop(const sigset_t *sigs)
{
	int sig;

	for (;;)
		if (sigwait(sigs, &sig) == 0 && (sig == SIGINT || sig == SIGTERM))
			return;
}

/* Listen with cert and key, serve until told to stop; the exit status. */
static int
server_serve_all(struct server *srv, const struct server_opts *o,
    const struct server_addr *a, const char *cert, const char *key)
{
	struct MHD_Daemon *d;
	sigset_t sigs;

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	if ((d = server_daemon(srv, a, o->port, cert, key)) == NULL) {
		fprintf(stderr, "ssdesk-sim: cannot listen on %s port %ld "
		    "(address in use, or the certificate and key do not "
		    "load)\n", o->listen_addr, o->port);
		return 1;
	}
	if (server_announce(d, o, a) < 0) {
		MHD_stop_daemon(d);
		return 1;
	}
	server_wait_stop(&sigs);
	srv->stopping = true;
	MHD_stop_daemon(d);
	fprintf(stderr, "ssdesk-sim: stopped\n");
	return 0;
}

/* The server's locks and deadlines around a whole run. */
static int
server_run_locked(struct server *srv, const struct server_opts *o,
    const struct server_addr *a, const char *cert, const char *key)
{
	int rc = 1;

	pthread_mutex_init(&srv->lock, NULL);
	sem_init(&srv->verify_slots, 0, server_verify_max());
	if ((srv->conns = server_conn_new(o->deadline)) == NULL)
		fprintf(stderr, "ssdesk-sim: cannot start (threads or "
		    "memory)\n");
	else
		rc = server_serve_all(srv, o, a, cert, key);
	server_conn_free(srv->conns);
	sem_destroy(&srv->verify_slots);
	pthread_mutex_destroy(&srv->lock);
	return rc;
}

/* Everything after the simulator is made: --seal-key-out, the address,
 * the certificate and key (wiped after), then the run. */
static int
server_run(struct server *srv, const struct server_opts *o)
{
	struct server_addr a;
	char *cert = NULL, *key = NULL;
	int rc;

	if (o->seal_out != NULL && server_write_seal_key(srv->sim,
	    o->seal_out) < 0) {
		fprintf(stderr, "ssdesk-sim: %s: %s\n", o->seal_out,
		    strerror(errno));
		return 1;
	}
	if ((rc = server_where(srv, o, &a)) != SERVER_GO)
		return rc;
	rc = 1;
	if (server_load(o->cert_path, &cert) == 0 &&
	    server_load(o->key_path, &key) == 0)
		rc = server_run_locked(srv, o, &a, cert, key);
	server_free_secret(cert);
	server_free_secret(key);
	return rc;
}

int
main(int argc, char **argv)
{
	struct server_opts o;
	struct server srv = { .sim = NULL };
	struct rlimit nocore = { 0, 0 };
	int rc;

	setrlimit(RLIMIT_CORE, &nocore);
	if ((rc = server_parse(&srv, &o, argc, argv)) != SERVER_GO)
		return rc;
	if ((srv.sim = sim_new(&o.sim)) == NULL) {
		fprintf(stderr, "ssdesk-sim: cannot start the simulator "
		    "(libsodium or memory)\n");
		return 1;
	}
	if (o.list) {
		server_list(srv.sim, o.sim.today);
		rc = 0;
	} else {
		rc = server_run(&srv, &o);
	}
	sim_free(srv.sim);
	return rc;
}
