/*
 * test_pin.c -- the weak-PIN rules, one table of vectors per rule.
 * The ID number is the official sample 11010519491231002X (born
 * 1949-12-31): YYMMDD 491231, MMDDYY 123149, DDMMYY 311249, MMDD 1231,
 * last six 31002X (never a PIN).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "forms/idnum.h"
#include "forms/pin.h"

#define SAMPLE "11010519491231002X"

struct vec { const char *pin; enum pin_weak want; };

static void run(const struct vec *v, size_t n, const char *id,
    const char *initial)
{
	for (size_t i = 0; i < n; i++) {
		enum pin_weak got = pin_check(v[i].pin, id, initial);

		if (got != v[i].want)
			fail_msg("%s: got %d want %d", v[i].pin ? v[i].pin :
			    "(null)", (int)got, (int)v[i].want);
		assert_true(pin_reason(got) != NULL);
	}
}

static void test_shape(void **state)
{
	static const struct vec v[] = {
		{ NULL, PIN_NOT_SIX_DIGITS }, { "", PIN_NOT_SIX_DIGITS },
		{ "12345", PIN_NOT_SIX_DIGITS }, { "1234567", PIN_NOT_SIX_DIGITS },
		{ "12a456", PIN_NOT_SIX_DIGITS }, { "12 456", PIN_NOT_SIX_DIGITS },
		{ "８２９４７１", PIN_NOT_SIX_DIGITS }, { "829471", PIN_OK },
	};
	(void)state;
	run(v, sizeof v / sizeof v[0], SAMPLE, NULL);
	/* The shape alone, as net/seal.c asks it: a weak PIN has it. */
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_int_equal(pin_six_digits(v[i].pin),
		    v[i].want != PIN_NOT_SIX_DIGITS);
	assert_true(pin_six_digits("123456"));
}

static void test_all_same(void **state)
{
	static const struct vec v[] = {
		{ "000000", PIN_ALL_SAME }, { "111111", PIN_ALL_SAME },
		{ "999999", PIN_ALL_SAME }, { "111112", PIN_OK },
		{ "211111", PIN_OK },
	};
	(void)state;
	run(v, sizeof v / sizeof v[0], SAMPLE, NULL);
	/* The shape alone, as net/seal.c asks it: a weak PIN has it. */
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_int_equal(pin_six_digits(v[i].pin),
		    v[i].want != PIN_NOT_SIX_DIGITS);
	assert_true(pin_six_digits("123456"));
}

static void test_runs(void **state)
{
	static const struct vec v[] = {
		{ "123456", PIN_RUN }, { "654321", PIN_RUN },
		{ "012345", PIN_RUN }, { "456789", PIN_RUN },
		{ "987654", PIN_RUN }, { "543210", PIN_RUN },
		{ "123457", PIN_OK }, { "135791", PIN_OK },
		{ "890123", PIN_OK },   /* no wrap-around run */
	};
	(void)state;
	run(v, sizeof v / sizeof v[0], SAMPLE, NULL);
	/* The shape alone, as net/seal.c asks it: a weak PIN has it. */
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_int_equal(pin_six_digits(v[i].pin),
		    v[i].want != PIN_NOT_SIX_DIGITS);
	assert_true(pin_six_digits("123456"));
}

static void test_birth_date(void **state)
{
	static const struct vec v[] = {
		{ "491231", PIN_BIRTH_DATE },   /* YYMMDD */
		{ "123149", PIN_BIRTH_DATE },   /* MMDDYY */
		{ "311249", PIN_BIRTH_DATE },   /* DDMMYY */
		{ "123107", PIN_BIRTH_DATE },   /* MMDD at the start */
		{ "071231", PIN_BIRTH_DATE },   /* MMDD at the end */
		{ "512319", PIN_BIRTH_DATE },   /* MMDD inside */
		{ "491230", PIN_OK }, { "193124", PIN_OK },
	};
	(void)state;
	run(v, sizeof v / sizeof v[0], SAMPLE, NULL);
	/* Without the ID number these rules cannot apply. */
	assert_int_equal(pin_check("491231", NULL, NULL), PIN_OK);
}

static void test_id_tail(void **state)
{
	/* The tail rule needs only the number's last six characters. */
	static const char id[] = "110105198503128294";
	static const struct vec v[] = {
		{ "128294", PIN_ID_TAIL }, { "128293", PIN_OK },
		{ "829471", PIN_OK },
	};

	(void)state;
	run(v, sizeof v / sizeof v[0], id, NULL);
	/* A tail ending in X can never be a PIN. */
	assert_int_equal(pin_check("231002", SAMPLE, NULL), PIN_OK);
}

static void test_initial(void **state)
{
	static const struct vec v[] = {
		{ "000000", PIN_ALL_SAME },  /* the default, caught earlier */
		{ "123456", PIN_RUN },       /* the default, caught earlier */
		{ "582914", PIN_INITIAL },   /* the card's own initial PIN */
		{ "582915", PIN_OK },
	};
	(void)state;
	run(v, sizeof v / sizeof v[0], SAMPLE, "582914");
	assert_int_equal(pin_check("582914", SAMPLE, NULL), PIN_OK);
	assert_true(pin_reason(PIN_MISMATCH)[0] != '\0');
	assert_true(pin_reason(PIN_OK)[0] == '\0');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_all_same),
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_birth_date),
		cmocka_unit_test(test_id_tail),
		cmocka_unit_test(test_initial),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
