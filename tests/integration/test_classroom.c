/*
 * test_classroom.c -- ssdesk-sim as the server a classroom shares: no
 * client shuts the others out.  Each test starts a simulator of its own.
 * Proven here: a /_sim/faults body of 300, 8000 or 65536 bytes is
 * refused 400, saying how long a fault may be, and the server goes on.
 * The trainee, at 127.0.0.1, gives each request 20 s.
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
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "sim/sim.h"
#include "tests/integration/itest.h"

static char zhang_id[19];

static int
group_setup(void **state)
{
	(void)state;
	if (itest_setup() != 0 || itest_demo_number("张伟", zhang_id) != 0)
		return -1;
	return 0;
}

static void
sim_start(const char *const extra[])
{
	if (itest_sim_start(extra) != 0)
		fail_msg("ssdesk-sim did not start");
}

static void
check_body(char *out, size_t outsz)
{
	snprintf(out, outsz, "{\"id_number\":\"%s\",\"name\":\"张伟\","
	    "\"id_valid_until\":\"long-term\",\"checklist\":{"
	    "\"original_sighted\":true,\"photocopy_taken\":true,\"face\":"
	    "\"pass\",\"fingerprint\":true}}", zhang_id);
}

/* One request of the trainee's (127.0.0.1), given 20 seconds: less than
 * the 30-second idle timeout, so a server that lets the trainee in only
 * when idle connections time out fails.  Its status. */
static long
trainee_raw(struct itest_raw *r, const char *path, const char *token,
    const char *body)
{
	CURLcode rc;

	itest_raw_prepare(r, "POST", path, token, NULL, body);
	curl_easy_setopt(r->h, CURLOPT_TIMEOUT, 20L);
	if ((rc = curl_easy_perform(r->h)) != CURLE_OK)
		fail_msg("the trainee's %s was not served: %s", path,
		    curl_easy_strerror(rc));
	itest_raw_finish(r);
	return r->status;
}

/* The trainee signs in and checks an identity. */
static void
trainee_served(void)
{
	struct itest_raw r;
	char token[160], body[512];

	assert_int_equal(trainee_raw(&r, "/v1/sessions", NULL,
	    "{\"staff_id\":\"clerk01\",\"password\":\"ssdesk-demo\"}"), 201);
	itest_raw_str(&r, "token", token, sizeof token);
	check_body(body, sizeof body);
	assert_int_equal(trainee_raw(&r, "/v1/identity-checks", token, body),
	    201);
}

/* ---- /_sim/faults -------------------------------------------------------- */

/* A fault that does not fit is refused, saying how long one may be. */
static void
fault_refused(const char *method, const char *body)
{
	struct itest_raw r;
	char msg[256];

	itest_raw(&r, method, "/_sim/faults", NULL, NULL, body);
	itest_raw_expect(&r, 400, "bad_request");
	if (strstr(itest_raw_str(&r, "message", msg, sizeof msg), "at most") ==
	    NULL)
		fail_msg("%s /_sim/faults of %zu bytes: %s", method,
		    strlen(body), r.body);
}

static void
test_faults_body_oversized(void **state)
{
	const char *extra[] = { "--control", NULL };
	static char big[SIM_BODY_MAX + 1];
	struct itest_raw r;

	(void)state;
	sim_start(extra);
	memset(big, 'A', SIM_BODY_MAX);
	fault_refused("POST", big);
	big[8000] = '\0';
	fault_refused("POST", big);
	big[300] = '\0';
	fault_refused("POST", big);
	itest_raw(&r, "PUT", "/_sim/faults", NULL, NULL, big);
	itest_raw_expect(&r, 400, "bad_request");
	assert_int_equal(itest_raw(&r, "POST", "/_sim/faults", NULL, NULL,
	    "GET /v1/nothing=500\n"), 204);
	trainee_served();
	itest_sim_stop();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_faults_body_oversized),
	};

	return itest_main(tests, group_setup);
}
