/*
 * test_service.c -- the services' descriptor and rules (forms/service.c):
 * every row is whole, wire names are unique and read back, and each rule
 * gives, for a table of cases, the reason a clerk must hear first -- the
 * same answer the terminal's list and the simulator act on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "forms/person.h"
#include "forms/service.h"

static const struct date today = { 2026, 11, 22 };

static void
test_rows(void **state)
{
	for (int i = 0; i < SERVICE_N; i++) {
		const struct service_def *d = service_def((enum service_id)i);

		assert_non_null(d);
		assert_non_null(d->wire);
		assert_true(d->wire[0] != '\0');
		assert_non_null(d->label);
		assert_non_null(d->noun);
		assert_non_null(d->title);
		assert_int_equal(service_of(d->wire), i);
		assert_string_equal(service_wire((enum service_id)i), d->wire);
		/* Only a write waits in the outbox. */
		if (d->flags & SERVICE_OUTBOX)
			assert_true(d->flags & SERVICE_WRITES);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(service_def((enum service_id)j)->wire,
			    d->wire);
	}
	assert_null(service_def(SERVICE_UNKNOWN));
	assert_null(service_def(SERVICE_N));
	assert_int_equal(service_of("nope"), SERVICE_UNKNOWN);
	assert_int_equal(service_of(NULL), SERVICE_UNKNOWN);
	assert_string_equal(service_wire(SERVICE_UNKNOWN), "");
	/* The PIN reset never waits (its box is bound to a challenge). */
	assert_false(service_has(SERVICE_PIN_RESET, SERVICE_OUTBOX));
	assert_true(service_has(SERVICE_NEWBORN, SERVICE_OUTBOX));
}

static struct card
card(enum card_state st, enum fn_state ss, enum fn_state fin, long ago)
{
	struct card k;

	memset(&k, 0, sizeof k);
	k.state = st;
	k.ss = ss;
	k.fin = fin;
	k.received_on = date_add_days(today, -ago);
	return k;
}

static void
test_rules(void **state)
{
	struct card fresh = card(CARD_NORMAL, FN_INACTIVE, FN_INACTIVE, 120);
	struct card day300 = card(CARD_NORMAL, FN_INACTIVE, FN_INACTIVE, 300);
	struct card day301 = card(CARD_NORMAL, FN_INACTIVE, FN_INACTIVE, 301);
	struct card late_fin = card(CARD_NORMAL, FN_INACTIVE, FN_ACTIVE, 301);
	struct card active = card(CARD_NORMAL, FN_ACTIVE, FN_ACTIVE, 20);
	struct card lost = card(CARD_LOST, FN_INACTIVE, FN_INACTIVE, 20);
	struct card rl = card(CARD_NORMAL, FN_REPORTED_LOST, FN_INACTIVE, 320);
	struct card rl_fin = card(CARD_NORMAL, FN_REPORTED_LOST, FN_ACTIVE, 320);
	struct person none = { 0 }, one_lost = { 0 }, one = { 0 };
	static const struct {
		enum service_id id;
		int card;          /* index into k[], -1 none */
		bool face;
		int person;        /* 0 none, 1 one card lost, 2 one in use */
		enum service_no want;
	} cases[] = {
		{ SERVICE_MEDICAL, -1, true, 2, SERVICE_NO_CARD_CHOSEN },
		{ SERVICE_MEDICAL, 0, true, 2, SERVICE_MAY },
		{ SERVICE_MEDICAL, 1, true, 2, SERVICE_MAY },      /* day 300 */
		{ SERVICE_MEDICAL, 2, true, 2, SERVICE_DEADLINE_PASSED },
		{ SERVICE_MEDICAL, 3, true, 2, SERVICE_MAY },      /* fin on time */
		{ SERVICE_MEDICAL, 4, true, 2, SERVICE_ALREADY_ACTIVE },
		{ SERVICE_MEDICAL, 5, true, 2, SERVICE_CARD_LOST },
		{ SERVICE_MEDICAL, 6, true, 2, SERVICE_DEADLINE_PASSED },
		{ SERVICE_PIN_RESET, 0, false, 2, SERVICE_FACE_REQUIRED },
		{ SERVICE_PIN_RESET, 0, true, 2, SERVICE_MAY },
		{ SERVICE_PIN_RESET, 5, true, 2, SERVICE_CARD_LOST },
		{ SERVICE_FINANCIAL, 0, true, 2, SERVICE_MAY },
		{ SERVICE_FINANCIAL, 4, true, 2, SERVICE_ALREADY_ACTIVE },
		{ SERVICE_FINANCIAL, 5, true, 2, SERVICE_CARD_LOST },
		{ SERVICE_CANCEL_LOSS, 0, true, 2, SERVICE_NOT_REPORTED_LOST },
		{ SERVICE_CANCEL_LOSS, 6, true, 2, SERVICE_FIN_NOT_ACTIVE },
		{ SERVICE_CANCEL_LOSS, 7, true, 2, SERVICE_MAY },
		{ SERVICE_REPLACEMENT, 5, true, 2, SERVICE_MAY },
		{ SERVICE_REPLACEMENT, -1, true, 2, SERVICE_NO_CARD_CHOSEN },
		{ SERVICE_NEW_CARD, -1, true, 0, SERVICE_MAY },
		{ SERVICE_NEW_CARD, -1, true, 1, SERVICE_CARD_IN_USE },
		{ SERVICE_NEW_CARD, -1, true, 2, SERVICE_CARD_IN_USE },
		{ SERVICE_LOSS_REPORT, 0, false, 2, SERVICE_MAY },
		{ SERVICE_LOSS_REPORT, 5, false, 2, SERVICE_CARD_LOST },
		{ SERVICE_LOSS_REPORT, -1, false, 2, SERVICE_NO_CARD_CHOSEN },
		{ SERVICE_LOSS_LIFT, 5, false, 1, SERVICE_MAY },
		{ SERVICE_LOSS_LIFT, 0, false, 2, SERVICE_CARD_NOT_LOST },
		{ SERVICE_LOSS_LIFT, 4, false, 2, SERVICE_CARD_NOT_LOST },
		{ SERVICE_QUERY, -1, false, 0, SERVICE_MAY },
		{ SERVICE_NEWBORN, -1, false, 0, SERVICE_MAY },
	};
	const struct card *k[] = { &fresh, &day300, &day301, &late_fin,
	    &active, &lost, &rl, &rl_fin };
	const struct person *people[] = { &none, &one_lost, &one };

	one_lost.ncards = 1;
	one_lost.cards[0] = lost;
	one.ncards = 1;
	one.cards[0] = fresh;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct service_case c = {
			.person = people[cases[i].person],
			.card = cases[i].card >= 0 ? k[cases[i].card] : NULL,
			.face_passed = cases[i].face,
			.today = today,
		};

		if (service_may(cases[i].id, &c) != cases[i].want)
			fail_msg("case %zu: %s gave %d, not %d", i,
			    service_wire(cases[i].id),
			    service_may(cases[i].id, &c), cases[i].want);
	}
}

/* Every reason is told: a code, a status and, but for the deadline (worded
 * with its date and bank by each side), a sentence. */
static void
test_refusals(void **state)
{
	const struct service_refusal *med, *fin;

	assert_null(service_refusal(SERVICE_MAY, SERVICE_MEDICAL));
	for (int no = SERVICE_MAY + 1; no < SERVICE_NO_N; no++) {
		const struct service_refusal *r =
		    service_refusal((enum service_no)no, SERVICE_MEDICAL);

		assert_non_null(r);
		assert_non_null(r->code);
		assert_true(r->status >= 400 && r->status < 500);
		if (no == SERVICE_DEADLINE_PASSED)
			assert_null(r->text);
		else
			assert_non_null(r->text);
	}
	med = service_refusal(SERVICE_ALREADY_ACTIVE, SERVICE_MEDICAL);
	fin = service_refusal(SERVICE_ALREADY_ACTIVE, SERVICE_FINANCIAL);
	assert_string_equal(med->code, fin->code);
	assert_string_not_equal(med->text, fin->text);
	assert_true(service_refusal(SERVICE_CARD_IN_USE, SERVICE_NEW_CARD)->
	    nothing_to_do);
	assert_false(service_refusal(SERVICE_CARD_LOST, SERVICE_PIN_RESET)->
	    nothing_to_do);
	assert_true(service_refusal_code("card_lost"));
	assert_true(service_refusal_code("already_active"));
	assert_false(service_refusal_code("bad_request"));
	assert_false(service_refusal_code("internal"));
	assert_false(service_refusal_code(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
