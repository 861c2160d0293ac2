/*
 * test_sim_fault.c -- the simulator's fault specifications: parsing,
 * matching per endpoint, counts and sequences, and the mangled answers
 * (wrong types, hostile text).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sim/sim_fault.h"

static void
test_parse(void **state)
{
	struct sim_fault f;
	char err[160];

	assert_int_equal(sim_fault_parse(&f, "POST /v1/applications/"
	    "medical-activation=reset-after-commit,1", err, sizeof err), 0);
	assert_string_equal(f.method, "POST");
	assert_string_equal(f.path, "/v1/applications/medical-activation");
	assert_int_equal(f.kind, SIM_FAULT_RESET_AFTER_COMMIT);
	assert_int_equal(f.count, 1);
	assert_int_equal(sim_fault_parse(&f, "GET /v1/persons/=delay:3000",
	    err, sizeof err), 0);
	assert_int_equal(f.kind, SIM_FAULT_DELAY);
	assert_int_equal(f.ms, 3000);
	assert_int_equal(f.count, -1);
	assert_int_equal(sim_fault_parse(&f, "* *=hostile-text", err,
	    sizeof err), 0);

	static const char *const bad[] = {
		"POST/v1/x=500", "POST /v1/x", "POST /v1/x=nonsense",
		"POST /v1/x=delay", "POST /v1/x=500:10", "POST /v1/x=500,0",
		"POST /v1/x=500,x", "POST v1=500", "POST /v1/x=delay:9999999",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(sim_fault_parse(&f, bad[i], err, sizeof err),
		    -1);
}

static void
test_match_count_sequence(void **state)
{
	static const char text[] = "# comment\n"
	    "POST /v1/x=reset,1\n\nPOST /v1/x=503,2\r\n"
	    "GET /v1/persons/=delay:5\n";
	struct sim_faults fs = { .n = 0 };
	char err[160];
	long ms;

	if (sim_faults_set(&fs, text, strlen(text), err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_int_equal(fs.n, 3);
	assert_int_equal(sim_faults_take(&fs, "GET", "/v1/x", &ms),
	    SIM_FAULT_NONE);
	assert_int_equal(sim_faults_take(&fs, "POST", "/v1/x", &ms),
	    SIM_FAULT_RESET);
	assert_int_equal(sim_faults_take(&fs, "POST", "/v1/x?q=1", &ms),
	    SIM_FAULT_503);
	assert_int_equal(sim_faults_take(&fs, "POST", "/v1/x", &ms),
	    SIM_FAULT_503);
	assert_int_equal(sim_faults_take(&fs, "POST", "/v1/x", &ms),
	    SIM_FAULT_NONE);
	/* A prefix matches one more segment, for ever. */
	for (int i = 0; i < 3; i++) {
		assert_int_equal(sim_faults_take(&fs, "GET", "/v1/persons/P-1",
		    &ms), SIM_FAULT_DELAY);
		assert_int_equal(ms, 5);
	}
	assert_int_equal(sim_faults_take(&fs, "GET", "/v1/persons/P-1/x",
	    &ms), SIM_FAULT_NONE);
	assert_int_equal(sim_faults_take(&fs, "GET", "/v1/persons/", &ms),
	    SIM_FAULT_NONE);
	/* A bad line changes nothing. */
	assert_int_equal(sim_faults_set(&fs, "POST /v1/x=500\nbad\n",
	    strlen("POST /v1/x=500\nbad\n"), err, sizeof err), -1);
	assert_int_equal(fs.n, 1);
	assert_int_equal(sim_faults_set(&fs, "", 0, err, sizeof err), 0);
	assert_int_equal(fs.n, 0);
}

static void
test_mangled_answers(void **state)
{
	static const char body[] = "{\"name\":\"张伟\",\"person_id\":\"P-1\","
	    "\"n\":3,\"ok\":true,\"cards\":[{\"bank\":\"ICBC\"}]}";
	size_t len = 0;
	char *s = sim_fault_wrong_types(body, strlen(body), &len);

	assert_non_null(s);
	assert_non_null(strstr(s, "\"name\":12345"));
	assert_non_null(strstr(s, "\"n\":\"12345\""));
	assert_non_null(strstr(s, "\"cards\":\"[]\""));
	assert_int_equal(len, strlen(s));
	free(s);

	s = sim_fault_hostile(body, strlen(body), &len);
	assert_non_null(s);
	assert_non_null(strstr(s, "\\u001b[2J"));     /* ESC, escaped JSON */
	assert_non_null(strstr(s, "张伟冯冯冯"));
	assert_non_null(strstr(s, "\"person_id\":\"P-1\""));  /* ids alone */
	assert_non_null(strstr(s, "ICBC冯"));          /* at any depth */
	free(s);
	assert_null(sim_fault_hostile("{", 1, &len));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_match_count_sequence),
		cmocka_unit_test(test_mangled_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
