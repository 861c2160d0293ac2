/*
 * test_poa.c -- the rules of a delegated activation (power of attorney
 * dates at their limits, scope, PIN reset, agent = insured) and of the
 * form that applies them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "forms/poa.h"

static const struct date today = { 2026, 11, 22 };

static void test_poa_date_limits(void **state)
{
	(void)state;
	assert_int_equal(poa_check_date(today, today), POA_OK);
	assert_int_equal(poa_check_date(date_add_days(today, 1), today),
	    POA_DATE_FUTURE);
	assert_int_equal(poa_check_date(date_add_days(today,
	    -POA_MAX_AGE_DAYS), today), POA_OK);
	assert_int_equal(poa_check_date(date_add_days(today,
	    -POA_MAX_AGE_DAYS - 1), today), POA_DATE_TOO_OLD);
	assert_int_equal(POA_MAX_AGE_DAYS, 180);
	assert_int_equal(poa_check_date_text("2026-05-26", today), POA_OK);
	assert_int_equal(poa_check_date_text("20260525", today),
	    POA_DATE_TOO_OLD);
	assert_int_equal(poa_check_date_text("2026-11-23", today),
	    POA_DATE_FUTURE);
	assert_int_equal(poa_check_date_text("2026-02-30", today),
	    POA_DATE_INVALID);
	assert_int_equal(poa_check_date_text("", today), POA_DATE_INVALID);
	assert_non_null(strstr(poa_strerror(POA_DATE_TOO_OLD), "180 days"));
}

static void test_poa_scope(void **state)
{
	(void)state;
	assert_int_equal(poa_check_activation(POA_ACT_SS, true, false), POA_OK);
	assert_int_equal(poa_check_activation(POA_ACT_SS, false, true),
	    POA_SCOPE);
	assert_int_equal(poa_check_activation(POA_ACT_FIN, false, true),
	    POA_OK);
	assert_int_equal(poa_check_activation(POA_ACT_FIN, true, false),
	    POA_SCOPE);
	assert_int_equal(poa_check_activation(POA_ACT_PIN_RESET, true, true),
	    POA_PIN_RESET);
	assert_int_equal(poa_check_activation(POA_ACT_UNKNOWN, true, true),
	    POA_SCOPE);
	assert_int_equal(poa_activation_parse("ss"), POA_ACT_SS);
	assert_int_equal(poa_activation_parse("fin"), POA_ACT_FIN);
	assert_int_equal(poa_activation_parse("pin_reset"), POA_ACT_PIN_RESET);
	assert_int_equal(poa_activation_parse("SS"), POA_ACT_UNKNOWN);
	assert_string_equal(poa_activation_key(POA_ACT_FIN), "fin");
}

static void test_poa_self(void **state)
{
	(void)state;
	assert_true(poa_agent_is_insured("11010519491231002X",
	    "11010519491231002x"));
	assert_false(poa_agent_is_insured("11010519491231002X",
	    "110105198503120135"));
	assert_false(poa_agent_is_insured("", ""));
	assert_false(poa_agent_is_insured(NULL, "1"));
}

static void
fill(struct form_state *st, const char *key, const char *v)
{
	assert_true(form_set(st, form_find(st->def, key), v) != VERDICT_BAD ||
	    strcmp(key, "activation") == 0);
}

static void test_form_poa(void **state)
{
	struct form_state st;
	struct form_ctx ctx = { .today = today };
	int first, date_idx;

	(void)state;
	form_start(&st, &form_poa, &ctx);
	fill(&st, "card", "B0****104");
	fill(&st, "activation", "ss");
	fill(&st, "poa_number", "POA-1");
	fill(&st, "poa_covers_fin", "y");
	fill(&st, "insured_original_sighted", "y");
	fill(&st, "photocopies_taken", "y");
	fill(&st, "poa_original_sighted", "y");
	/* The date is judged at its field as it is typed. */
	date_idx = form_find(&form_poa, "poa_signed_on");
	assert_int_equal(form_set(&st, date_idx, "2026-05"), VERDICT_PARTIAL);
	assert_int_equal(form_set(&st, date_idx, "2026-11-23"), VERDICT_BAD);
	assert_non_null(strstr(st.status[date_idx].msg, "future"));
	assert_int_equal(form_set(&st, date_idx, "2026-05-25"), VERDICT_BAD);
	assert_non_null(strstr(st.status[date_idx].msg, "180"));
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, date_idx);
	fill(&st, "poa_signed_on", "2026-05-26");
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, form_find(&form_poa, "poa_covers_ss"));
	fill(&st, "poa_covers_ss", "y");
	assert_int_equal(form_ready(&st, &first), 0);
	fill(&st, "activation", "pin_reset");
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, form_find(&form_poa, "activation"));
	assert_non_null(strstr(st.form_msg, "in person"));
	fill(&st, "activation", "fin");
	fill(&st, "photocopies_taken", "");
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, form_find(&form_poa, "photocopies_taken"));
	form_clear(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_poa_date_limits),
		cmocka_unit_test(test_poa_scope),
		cmocka_unit_test(test_poa_self),
		cmocka_unit_test(test_form_poa),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
