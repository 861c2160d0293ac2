/*
 * test_hostile.c -- the HTTPS server under hostile requests: huge
 * headers, a huge request line, huge bodies (with a length and chunked),
 * bad and deeply nested JSON, NUL bytes in the request line, a header and
 * a body, bad methods and versions, path traversal, contradictory
 * lengths, an oversized /_sim/faults body, pipelined requests, and
 * requests (and TLS handshakes) dropped half-way.  After each one the
 * server answers the next honest request (an identity check), and at the
 * end it is still running and stops cleanly.
 *
 * Run from build-san/ (make check-san) the simulator is the ASan+UBSan
 * build, which aborts on any memory error, leak or undefined behaviour:
 * the test makes sure of it (libasan in the simulator's memory map)
 * whenever the test itself was built with ASan.
 *
 * Environment: SSDESK_TOP, SSDESK_BUILD as test_https.c.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "sim/sim.h"
#include "tests/integration/itest.h"
#include "tests/lib/rawconn.h"

#define BIG (256 * 1024)

static char token[160], zhang_id[19], ca[PATH_MAX];
static char big[4 * 1024 * 1024];        /* one request made up here */

static int
group_setup(void **state)
{
	const char *extra[] = { "--control", "--request-deadline", "5", NULL };

	(void)state;
	if (itest_setup() != 0 || itest_demo_number("张伟", zhang_id) != 0 ||
	    itest_sim_start(extra) != 0)
		return -1;
	itest_path(ca, sizeof ca, "ca.pem");
	itest_raw_sign_in("clerk01", token);
	return 0;
}

/* The end of the simulator's log (an ASan report, say) on stderr: the
 * temp dir goes with the teardown. */
static void
show_log(void)
{
	char path[PATH_MAX], buf[4096];
	FILE *f;
	size_t n;

	itest_path(path, sizeof path, "sim.log");
	if ((f = fopen(path, "r")) == NULL)
		return;
	if (fseek(f, -(long)sizeof buf + 1, SEEK_END) != 0)
		rewind(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	fprintf(stderr, "---- the end of sim.log:\n%s----\n", buf);
}

/* The next honest request is answered: an identity check. */
static void
honest(const char *after)
{
	struct itest_raw r;
	char body[512];

	snprintf(body, sizeof body, "{\"id_number\":\"%s\",\"name\":\"张伟\","
	    "\"id_valid_until\":\"long-term\",\"checklist\":{"
	    "\"original_sighted\":true,\"photocopy_taken\":true,\"face\":"
	    "\"pass\",\"fingerprint\":true}}", zhang_id);
	itest_raw_prepare(&r, "POST", "/v1/identity-checks", token, NULL,
	    body);
	curl_easy_setopt(r.h, CURLOPT_TIMEOUT, 20L);
	if (curl_easy_perform(r.h) != CURLE_OK) {
		show_log();
		fail_msg("no answer to an honest request after: %s", after);
	}
	itest_raw_finish(&r);
	if (r.status != 201)
		fail_msg("after %s: %ld %s", after, r.status, r.body);
}

/* Send n bytes on a TLS connection of their own; then read until the
 * server closes it (or 15 s pass) unless drop, which closes it at once.
 * The status of the first answer, or 0 if none came. */
static int
send_raw(const char *bytes, size_t n, bool drop)
{
	static char out[8192];
	CURL *h = rawconn_tls(itest_port, ca, "127.0.0.1");
	int status = 0;

	if (h == NULL)
		fail_msg("the server refused a connection");
	out[0] = '\0';
	if (rawconn_tls_send(h, bytes, n) == 0 && !drop)
		rawconn_tls_read(h, out, sizeof out, 15000);
	curl_easy_cleanup(h);
	if (sscanf(out, "HTTP/1.%*d %d", &status) != 1)
		status = 0;
	return status;
}

/* What a hostile request must be answered: ANY (or nothing: a server
 * that refuses early and closes may do so while the rest is still being
 * sent, and the answer is lost), a 4xx status, or exactly this one. */
#define ANY 0
#define A4XX 4

/* A hostile request whose answer must be want; then an honest one. */
static void
probe(const char *name, const char *bytes, size_t n, int want)
{
	int got = send_raw(bytes, n, false);

	if (want == A4XX ? got / 100 != 4 : want != ANY && got != want) {
		show_log();
		fail_msg("%s: answered %d, not %d", name, got, want);
	}
	honest(name);
}

#define PROBE(name, lit, want) probe(name, lit, sizeof lit - 1, want)
#define HOST "Host: 127.0.0.1\r\nConnection: close\r\n"

/* ---- a request built in big ---------------------------------------------- */

static size_t blen;

static void
b_bytes(const void *p, size_t n)
{
	assert_true(blen + n <= sizeof big);
	memcpy(big + blen, p, n);
	blen += n;
}

static void
b_str(const char *s)
{
	b_bytes(s, strlen(s));
}

static void
b_fill(int c, size_t n)
{
	assert_true(blen + n <= sizeof big);
	memset(big + blen, c, n);
	blen += n;
}

/* A chunk of n bytes of c, in chunked transfer coding. */
static void
b_chunk(int c, size_t n)
{
	char size[32];

	snprintf(size, sizeof size, "%zx\r\n", n);
	b_str(size);
	b_fill(c, n);
	b_str("\r\n");
}

/* A sign-in whose body is chunks chunks of size blanks: answered want. */
static void
chunked(const char *name, int chunks, size_t size, int want)
{
	blen = 0;
	b_str("POST /v1/sessions HTTP/1.1\r\n" HOST
	    "Transfer-Encoding: chunked\r\n\r\n");
	for (int i = 0; i < chunks; i++)
		b_chunk(' ', size);
	b_str("0\r\n\r\n");
	probe(name, big, blen, want);
}

/* POST path with the body (n bytes), signed in: answered want. */
static void
probe_json(const char *name, const char *path, const void *body, size_t n,
    int want)
{
	char head[512];

	snprintf(head, sizeof head, "POST %s HTTP/1.1\r\n" HOST
	    "Authorization: Bearer %s\r\nIdempotency-Key: k-%zu\r\n"
	    "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
	    path, token, n, n);
	blen = 0;
	b_str(head);
	b_bytes(body, n);
	probe(name, big, blen, want);
}

static void
bad_json(const char *name, const char *path, const char *body)
{
	probe_json(name, path, body, strlen(body), A4XX);
}

/* ---- the tests ----------------------------------------------------------- */

static void
test_huge_requests(void **state)
{
	(void)state;
	blen = 0;
	b_str("GET /v1/persons/P-0001 HTTP/1.1\r\n" HOST "X-Big: ");
	b_fill('a', BIG);
	b_str("\r\n\r\n");
	probe("a 256 KiB header", big, blen, ANY);
	blen = 0;
	b_str("GET /v1/persons/P-0001 HTTP/1.1\r\n" HOST);
	for (int i = 0; i < 20000; i++)
		b_str("X-Many: v\r\n");
	b_str("\r\n");
	probe("20000 headers", big, blen, ANY);
	blen = 0;
	b_str("GET /v1/");
	b_fill('a', BIG);
	b_str(" HTTP/1.1\r\n" HOST "\r\n");
	probe("a 256 KiB request line", big, blen, ANY);
	blen = 0;
	b_str("POST /v1/sessions HTTP/1.1\r\n" HOST
	    "Content-Length: 3000000\r\n\r\n");
	probe("a 3 MB Content-Length", big, blen, 413);
	b_fill('{', 3000000);
	probe("a 3 MB body with its length", big, blen, ANY);
	chunked("a chunked body just over the cap", 3, 0x8000, 413);
	chunked("a 3 MB chunked body", 48, 0xffff, ANY); /* cut at 1 MiB */
}

static void
test_bad_json(void **state)
{
	static const char nul[] = "{\"staff_id\":\"clerk01\0\",\"password\":"
	    "\"ssdesk-demo\"}";
	static char deep[60000];

	(void)state;
	bad_json("JSON cut short", "/v1/identity-checks", "{\"id_number\":");
	bad_json("JSON with junk after it", "/v1/identity-checks", "{} x");
	bad_json("a JSON array", "/v1/applications/medical-activation",
	    "[1,2,3]");
	/* Not JSON (a raw control character): cJSON would take it, cutting
	 * the string at the NUL, and sign in "clerk01"; refused whole. */
	probe_json("a NUL in a JSON string", "/v1/sessions", nul,
	    sizeof nul - 1, 400);
	bad_json("an escaped NUL in a JSON string", "/v1/sessions",
	    "{\"staff_id\":\"clerk01\\u0000x\",\"password\":"
	    "\"ssdesk-demo\"}");
	bad_json("invalid UTF-8 and escapes", "/v1/identity-checks",
	    "{\"id_number\":\"\xff\xfe\xc0\x80\",\"name\":\"\xed\xa0\x80"
	    "\x1b[2J\\u0000\\ud800\"}");
	bad_json("huge numbers", "/v1/applications/medical-activation",
	    "{\"check_id\":1e999999,\"card_id\":-0.0e-99999}");
	memset(deep, '[', sizeof deep);
	probe_json("JSON nested 60000 deep", "/v1/identity-checks", deep,
	    sizeof deep, 400);
	memset(deep, '{', sizeof deep);
	probe_json("60000 open objects", "/v1/sessions", deep, sizeof deep,
	    400);
}

static void
test_bad_lines(void **state)
{
	(void)state;
	PROBE("an unknown method", "FOO /v1/sessions HTTP/1.1\r\n" HOST "\r\n",
	    405);
	PROBE("a lower-case method", "post /v1/sessions HTTP/1.1\r\n" HOST
	    "\r\n", 405);
	PROBE("TRACE", "TRACE / HTTP/1.1\r\n" HOST "\r\n", 404);
	PROBE("CONNECT", "CONNECT 127.0.0.1:443 HTTP/1.1\r\n" HOST "\r\n", A4XX);
	PROBE("HTTP/9.9", "GET /v1/sessions HTTP/9.9\r\n" HOST "\r\n", ANY);
	PROBE("no version", "GET /v1/sessions\r\n\r\n", A4XX);
	PROBE("HTTP/1.1 without Host", "GET /v1/sessions HTTP/1.1\r\n\r\n", ANY);
	PROBE("garbage", "\x01\x02\x03\xff\r\n\r\n", ANY);
	PROBE("a bare LF request", "GET / HTTP/1.1\n" HOST "\n", ANY);
	PROBE("path traversal", "GET /v1/persons/../../../../etc/passwd "
	    "HTTP/1.1\r\n" HOST "\r\n", 0);
	PROBE("escaped path traversal", "GET /v1/persons/%2e%2e%2f%2e%2e%2f"
	    "etc%2fpasswd HTTP/1.1\r\n" HOST "\r\n", 404);
	PROBE("the control path traversed", "DELETE /_sim/../_sim/faults "
	    "HTTP/1.1\r\n" HOST "\r\n", 404);
	PROBE("a NUL in the path", "GET /v1/persons/P-0001\0/x HTTP/1.1\r\n"
	    HOST "\r\n", A4XX);
	PROBE("an escaped NUL in the path", "GET /v1/persons/P%00x HTTP/1.1"
	    "\r\n" HOST "\r\n", A4XX);
	PROBE("a NUL in a header", "GET /v1/persons/P-0001 HTTP/1.1\r\n" HOST
	    "Authorization: Bearer a\0b\r\n\r\n", A4XX);
	PROBE("a header without a colon", "GET /v1/persons/P-0001 HTTP/1.1\r\n"
	    HOST "Broken\r\n\r\n", A4XX);
	PROBE("a length and chunked", "POST /v1/sessions HTTP/1.1\r\n" HOST
	    "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
	    "0\r\n\r\n", A4XX);
	PROBE("a negative length", "POST /v1/sessions HTTP/1.1\r\n" HOST
	    "Content-Length: -1\r\n\r\n", A4XX);
	PROBE("a length past 64 bits", "POST /v1/sessions HTTP/1.1\r\n" HOST
	    "Content-Length: 99999999999999999999999\r\n\r\n", A4XX);
	PROBE("two lengths", "POST /v1/sessions HTTP/1.1\r\n" HOST
	    "Content-Length: 2\r\nContent-Length: 9\r\n\r\n{}", A4XX);
	PROBE("a bad chunk size", "POST /v1/sessions HTTP/1.1\r\n" HOST
	    "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", A4XX);
}

static void
test_headers(void **state)
{
	char head[256];

	(void)state;
	blen = 0;
	b_str("GET /v1/persons/P-0001 HTTP/1.1\r\n" HOST
	    "Authorization: Bearer ");
	b_fill('f', 20000);
	b_str("\r\n\r\n");
	probe("a 20000-character token", big, blen, A4XX);
	blen = 0;
	snprintf(head, sizeof head, "Authorization: Bearer %s\r\n", token);
	b_str("POST /v1/applications/medical-activation HTTP/1.1\r\n" HOST);
	b_str(head);
	b_str("Idempotency-Key: ");
	b_fill('k', 20000);
	b_str("\r\nContent-Length: 2\r\n\r\n{}");
	probe("a 20000-character Idempotency-Key", big, blen, A4XX);
	PROBE("a control character in the key", "POST /v1/applications/"
	    "medical-activation HTTP/1.1\r\n" HOST "Idempotency-Key: a\x1b[2J"
	    "\r\nContent-Length: 2\r\n\r\n{}", A4XX);
}

static void
test_control_faults(void **state)
{
	static const char nul[] = "POST /v1/x\0=500";

	(void)state;
	blen = 0;
	b_str("POST /_sim/faults HTTP/1.1\r\n" HOST "Content-Length: 65536"
	    "\r\n\r\n");
	b_fill('A', 65536);
	probe("a 64 KiB POST /_sim/faults", big, blen, 400);
	blen = 0;
	b_str("PUT /_sim/faults HTTP/1.1\r\n" HOST "Content-Length: 65536"
	    "\r\n\r\n");
	b_fill('\n', 65536);
	probe("a 64 KiB PUT /_sim/faults of blank lines", big, blen, 204);
	blen = 0;
	b_str("POST /_sim/faults HTTP/1.1\r\n" HOST "Content-Length: 15"
	    "\r\n\r\n");
	b_bytes(nul, sizeof nul - 1);
	probe("a NUL in a fault", big, blen, 400);
}

/* Many requests in one go: the server answers in turn (Connection: close
 * on the last), then goes on. */
static void
test_pipelined(void **state)
{
	(void)state;
	blen = 0;
	for (int i = 0; i < 200; i++)
		b_str("GET /v1/persons/P-0001 HTTP/1.1\r\nHost: x\r\n\r\n");
	b_str("GET /v1/persons/P-0001 HTTP/1.1\r\n" HOST "\r\n");
	probe("200 pipelined requests", big, blen, 401);
}

/* Requests and handshakes dropped half-way. */
static void
test_dropped(void **state)
{
	static const char *const halves[] = {
		"GET /v1/pers",
		"POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Le",
		"POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 100"
		    "\r\n\r\n{\"staff_id\":\"cl",
		"POST /v1/sessions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
		    "chunked\r\n\r\n40\r\n{\"staff",
	};
	char garbage[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03";

	(void)state;
	for (size_t i = 0; i < sizeof halves / sizeof halves[0]; i++) {
		send_raw(halves[i], strlen(halves[i]), true);
		honest(halves[i]);
	}
	for (int i = 0; i < 3; i++) {
		int fd = rawconn_tcp(itest_port, "127.0.0.1");

		assert_true(fd >= 0);
		if (i > 0 && write(fd, garbage, i == 1 ? 3 : sizeof garbage - 1)
		    < 0)
			fail_msg("write: cannot send");
		close(fd);
		honest("a TLS handshake dropped half-way");
	}
	{
		int fd = rawconn_tcp(itest_port, "127.0.0.1");
		static const char plain[] = "GET /v1/sessions HTTP/1.1\r\n"
		    "Host: x\r\n\r\n";

		assert_true(fd >= 0);
		assert_true(write(fd, plain, sizeof plain - 1) > 0);
		sleep(1);
		close(fd);
		honest("plain HTTP on the TLS port");
	}
}

/* Still running, the ASan build when we are one, and it stops cleanly
 * (under ASan: no leak, no error at exit). */
static void
test_still_up(void **state)
{
	int st;

	(void)state;
	if (waitpid(itest_sim_pid, &st, WNOHANG) != 0) {
		show_log();
		fail_msg("the simulator is gone");
	}
#if defined(__SANITIZE_ADDRESS__)
	{
		char maps[64], cmd[128];

		snprintf(maps, sizeof maps, "/proc/%d/maps", (int)itest_sim_pid);
		snprintf(cmd, sizeof cmd, "grep -q libasan %s", maps);
		if (system(cmd) != 0)
			fail_msg("the simulator under test is not the ASan "
			    "build (SSDESK_BUILD)");
	}
#endif
	honest("everything");
	st = itest_sim_stop();
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		show_log();
		fail_msg("the simulator did not stop cleanly (status %#x)",
		    st);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_huge_requests),
		cmocka_unit_test(test_bad_json),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_control_faults),
		cmocka_unit_test(test_pipelined),
		cmocka_unit_test(test_dropped),
		cmocka_unit_test(test_still_up),
	};

	return itest_main(tests, group_setup);
}
