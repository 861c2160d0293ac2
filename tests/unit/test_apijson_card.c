/*
 * test_apijson_card.c -- the card services' JSON: the request bodies
 * (bank card only for financial activation, sealed_pin only for a PIN
 * reset) and the decoders of a challenge and of contribution records,
 * which refuse what is not of the documented shape.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "net/apijson_card.h"

static void test_encode(void **state)
{
	struct card_request r = { .check_id = "IC-000001", .card_id = "C-0200" };
	char *b;

	(void)state;
	b = apijson_encode_card(&r, NULL);
	assert_string_equal(b, "{\"check_id\":\"IC-000001\",\"card_id\":\"C-0200\"}");
	free(b);
	r.bank_card = "6222020200112233446";
	b = apijson_encode_card(&r, NULL);
	assert_non_null(strstr(b, "\"bank_card\":\"6222020200112233446\","
	    "\"luhn_confirmed\":false"));
	free(b);
	r.bank_card = NULL;
	r.card_id = NULL;
	b = apijson_encode_card(&r, "QUJD");
	assert_string_equal(b, "{\"check_id\":\"IC-000001\",\"sealed_pin\":\"QUJD\"}");
	free(b);
}

static void test_challenge(void **state)
{
	static const char ok[] = "{\"challenge\":\"AAEC\",\"expires_in\":600}";
	static const char *const bad[] = {
		"{\"challenge\":\"AAEC\"}",
		"{\"challenge\":3,\"expires_in\":600}",
		"{\"challenge\":\"AAEC\",\"expires_in\":1.5}",
		"{\"challenge\":\"AAEC\",\"expires_in\":-1}",
		"[]",
	};
	struct pin_challenge c;
	struct api_error err;

	(void)state;
	assert_int_equal(apijson_decode_challenge(&c, ok, strlen(ok), &err), 0);
	assert_string_equal(c.challenge, "AAEC");
	assert_int_equal(c.expires_in, 600);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(apijson_decode_challenge(&c, bad[i],
		    strlen(bad[i]), &err), -1);
		assert_int_equal(err.result, API_BAD_REPLY);
	}
}

static void test_contrib(void **state)
{
	static const char ok[] = "{\"person_id\":\"P-0200\","
	    "\"pension_balance\":5834567,\"medical_balance\":-12,"
	    "\"records\":[{\"month\":\"2026-10\",\"type\":\"work_injury\","
	    "\"base\":576000,\"amount\":2304}]}";
	static const char *const bad[] = {
		"{\"pension_balance\":1,\"medical_balance\":1}",
		"{\"pension_balance\":1,\"medical_balance\":1,\"records\":{}}",
		"{\"pension_balance\":1.5,\"medical_balance\":1,\"records\":[]}",
		"{\"pension_balance\":1,\"medical_balance\":1,\"records\":[{"
		    "\"month\":\"2026-10\",\"type\":\"dental\",\"base\":1,"
		    "\"amount\":1}]}",
		"{\"pension_balance\":1,\"medical_balance\":1,\"records\":[{"
		    "\"month\":\"202610\",\"type\":\"pension\",\"base\":1,"
		    "\"amount\":1}]}",
		"{\"pension_balance\":1,\"medical_balance\":1,\"records\":[{"
		    "\"month\":\"2026-10\",\"type\":\"pension\",\"base\":-1,"
		    "\"amount\":1}]}",
		"{\"pension_balance\":1,\"medical_balance\":1,\"records\":[7]}",
	};
	struct contributions *c = calloc(1, sizeof *c);
	struct api_error err;

	(void)state;
	assert_non_null(c);
	assert_int_equal(apijson_decode_contrib(c, ok, strlen(ok), &err), 0);
	assert_int_equal(c->pension_balance, 5834567);
	assert_int_equal(c->medical_balance, -12);
	assert_int_equal(c->n, 1);
	assert_int_equal(c->rec[0].type, CONTRIB_WORK_INJURY);
	assert_int_equal(c->rec[0].amount, 2304);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&err, 0, sizeof err);
		if (apijson_decode_contrib(c, bad[i], strlen(bad[i]), &err) != -1)
			fail_msg("accepted: %s", bad[i]);
		assert_int_equal(err.result, API_BAD_REPLY);
	}
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_challenge),
		cmocka_unit_test(test_contrib),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
