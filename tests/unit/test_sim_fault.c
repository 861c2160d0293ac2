/*
 * test_sim_fault.c -- the simulator's fault specifications: parsing,
 * matching per endpoint, counts and sequences, the refusals made before
 * any work (500, 503, a code nobody knows with a field or a blank
 * message) and the rewritten answers (wrong types, hostile text, numbers
 * unmasked, another person, members named twice, another deadline).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sim/sim_fault.h"

#include <cjson/cJSON.h>

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
	static const struct { const char *word; enum sim_fault_kind k; } odd[] = {
		{ "unknown-code-field", SIM_FAULT_UNKNOWN_CODE_FIELD },
		{ "blank-message", SIM_FAULT_BLANK_MESSAGE },
		{ "unmasked", SIM_FAULT_UNMASKED },
		{ "wrong-person", SIM_FAULT_WRONG_PERSON },
		{ "duplicate-keys", SIM_FAULT_DUPLICATE_KEYS },
		{ "other-deadline", SIM_FAULT_OTHER_DEADLINE },
	};
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		char spec[64];

		snprintf(spec, sizeof spec, "POST /v1/x=%s,1", odd[i].word);
		assert_int_equal(sim_fault_parse(&f, spec, err, sizeof err), 0);
		assert_int_equal(f.kind, odd[i].k);
		assert_string_equal(sim_fault_name(f.kind), odd[i].word);
	}
	assert_int_equal(sim_fault_parse(&f, "POST /v1/x=nonsense", err,
	    sizeof err), -1);
	assert_non_null(strstr(err, "unknown fault kind"));

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

/* How many times needle occurs in s. */
static int
count(const char *s, const char *needle)
{
	int n = 0;

	for (; (s = strstr(s, needle)) != NULL; s += strlen(needle))
		n++;
	return n;
}

static void
test_refusals(void **state)
{
	static const char req[] = "{\"id_number\":\"1\",\"name\":\"x\"}";
	size_t len = 0;
	int status = 0;
	char *s;

	s = sim_fault_refusal(SIM_FAULT_UNKNOWN_CODE_FIELD, req, strlen(req),
	    &status, &len);
	assert_non_null(s);
	assert_int_equal(status, 422);
	assert_int_equal(len, strlen(s));
	assert_non_null(strstr(s, "\"code\":\"fault_unknown_rule\""));
	assert_non_null(strstr(s, "\"field\":\"id_number\""));
	free(s);
	/* No body: no field. */
	s = sim_fault_refusal(SIM_FAULT_UNKNOWN_CODE_FIELD, NULL, 0, &status,
	    &len);
	assert_non_null(s);
	assert_null(strstr(s, "\"field\""));
	free(s);
	s = sim_fault_refusal(SIM_FAULT_BLANK_MESSAGE, req, strlen(req),
	    &status, &len);
	assert_non_null(s);
	assert_int_equal(status, 422);
	assert_non_null(strstr(s, "\"message\":\"\\u001b[2J"));
	assert_null(strstr(s, "\"field\""));
	free(s);
	s = sim_fault_refusal(SIM_FAULT_503, NULL, 0, &status, &len);
	assert_non_null(strstr(s, "unavailable"));
	assert_int_equal(status, 503);
	free(s);
	/* Kinds that let the service work first refuse nothing. */
	assert_null(sim_fault_refusal(SIM_FAULT_UNMASKED, req, strlen(req),
	    &status, &len));
	assert_null(sim_fault_refusal(SIM_FAULT_DELAY, req, strlen(req),
	    &status, &len));
}

static void
test_odd_answers(void **state)
{
	static const char body[] = "{\"check_id\":\"IC-1\",\"person\":{"
	    "\"name\":\"张伟\",\"id_number_masked\":\"110105********0135\","
	    "\"birth_date\":\"1985-03-12\",\"sex\":\"male\","
	    "\"phone_masked\":\"138****0001\",\"cards\":[{\"card_id\":"
	    "\"C-0001\",\"number_masked\":\"A0****017\","
	    "\"deadline\":\"2027-05-21\"}]}}";
	size_t len = 0;
	char *s;

	s = sim_fault_rewrite(SIM_FAULT_UNMASKED, body, strlen(body), &len);
	assert_non_null(s);
	assert_non_null(strstr(s, "\"110105123456780135\""));
	assert_non_null(strstr(s, "\"13812340001\""));
	assert_non_null(strstr(s, "\"A01234017\""));
	free(s);

	s = sim_fault_rewrite(SIM_FAULT_WRONG_PERSON, body, strlen(body), &len);
	assert_non_null(s);
	assert_non_null(strstr(s, "\"name\":\"王五\""));
	assert_non_null(strstr(s, "\"650102********0135\""));
	assert_non_null(strstr(s, "\"birth_date\":\"1970-01-01\""));
	assert_non_null(strstr(s, "\"sex\":\"female\""));
	assert_non_null(strstr(s, "\"check_id\":\"IC-1\""));
	free(s);

	s = sim_fault_rewrite(SIM_FAULT_DUPLICATE_KEYS, body, strlen(body),
	    &len);
	assert_non_null(s);
	/* Every member twice, at every depth, the first as it was. */
	assert_int_equal(count(s, "\"check_id\":"), 2);
	assert_int_equal(count(s, "\"check_id\":\"IC-1\""), 1);
	assert_int_equal(count(s, "\"card_id\":"), 2);
	assert_int_equal(count(s, "\"person\":"), 2);
	assert_true(strstr(s, "\"check_id\":\"IC-1\"") <
	    strstr(s, "\"check_id\":12345"));
	free(s);

	s = sim_fault_rewrite(SIM_FAULT_OTHER_DEADLINE, body, strlen(body),
	    &len);
	assert_non_null(s);
	assert_non_null(strstr(s, "\"deadline\":\"2027-05-31\""));
	free(s);

	assert_null(sim_fault_rewrite(SIM_FAULT_UNMASKED, "{", 1, &len));
	assert_null(sim_fault_rewrite(SIM_FAULT_RESET, body, strlen(body),
	    &len));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_match_count_sequence),
		cmocka_unit_test(test_mangled_answers),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_odd_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
