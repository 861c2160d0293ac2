/*
 * test_messages.c -- the clerk's sentences (tui/messages.c): every kind of
 * failed call has one, the refusal table stays sorted so its one lookup
 * finds every code, and a code without a sentence of its own gets none.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "tui/messages.h"

static void
test_api_errors(void **state)
{
	for (int i = API_OK; i <= API_INTERNAL; i++)
		assert_true(strlen(msg_api_error((enum api_result)i)) > 4);
	assert_non_null(strstr(msg_api_error(API_SESSION_EXPIRED), "Sign in"));
	assert_string_equal(msg_api_error((enum api_result)99),
	    "Unknown error. Call the help desk.");
}

static void
test_refusals_sorted_and_found(void **state)
{
	const char *code, *prev = NULL;
	size_t i;

	for (i = 0; (code = msg_refusal_code(i)) != NULL; i++) {
		if (prev != NULL)
			assert_true(strcmp(prev, code) < 0);
		assert_non_null(msg_refusal(code));
		prev = code;
	}
	assert_true(i >= 34);
	/* The rules' reasons: worded by forms/service.c, found here too. */
	assert_non_null(msg_refusal("card_lost"));
	assert_non_null(msg_refusal("not_lost"));
	assert_null(msg_refusal_code(i));
	/* The codes whose sentence screens say before asking. */
	assert_non_null(msg_refusal("already_active"));
	assert_non_null(msg_refusal("card_exists"));
	assert_non_null(msg_refusal("session_expired"));
	assert_string_equal(msg_refusal("name_mismatch"), "The name does not "
	    "match the ID number. Compare the name with the ID card; if it "
	    "is right, the register must be corrected first.");
}

static void
test_refusal_unknown(void **state)
{
	assert_null(msg_refusal("http_502"));
	assert_null(msg_refusal(""));
	assert_null(msg_refusal("zzz"));
	assert_null(msg_refusal(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_errors),
		cmocka_unit_test(test_refusals_sorted_and_found),
		cmocka_unit_test(test_refusal_unknown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
