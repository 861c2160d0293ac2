/*
 * test_tui_services.c -- the person screen's list of services and its
 * pre-checks (tui/services.c svc_allowed over forms/service.c
 * service_may), driven by keys over the simulator: which services a
 * person with a card, without one, with a lost card or an active
 * medical function is offered, and which of them may start.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "tests/lib/tuitest.h"
#include "tui/screens.h"
#include "tui/svc_financial.h"
#include "tui/svc_medical.h"
#include "tui/svc_pin.h"

/* The two confirmation units are rows of tui/services.c without a name
 * of their own: found by service. */
static const struct svc_unit *
unit_of(enum service_id id)
{
	for (size_t i = 0; svc_units[i] != NULL; i++)
		if (svc_units[i]->id == id)
			return svc_units[i];
	fail_msg("no unit for service %d", (int)id);
	return NULL;
}

/* Signed in, the identity of name checked: on the person screen. */
static void
person(struct tt *t, const char *name)
{
	tt_up(t, NULL);
	tt_signin(t, "clerk01");
	tt_identity(t, name);
	assert_ptr_equal(t->app.screen, &screen_person);
	assert_true(t->app.have_identity);
}

/* Press the number the screen gives u; it must be offered. */
static void
start(struct tt *t, const struct svc_unit *u)
{
	int k = tt_offered(t, u);
	char digit[2] = { (char)('0' + k), '\0' };

	if (k == 0) {
		tt_print_screen(t);
		fail_msg("%s not offered", service_def(u->id)->label);
	}
	tt_type(t, digit);
}

/* Medical activation refused on the person screen, before any request:
 * no unit state made, the notice of the kind and text shown. */
static void
refused_here(struct tt *t, enum app_msg_kind kind, const char *text)
{
	start(t, &svc_medical);
	assert_ptr_equal(t->app.screen, &screen_person);
	assert_null(svc_peek(&t->app, &svc_medical));
	assert_int_equal(t->app.notice_kind, kind);
	tt_assert_shows(t, text);
}

/* 张伟: one card, medical not active.  Every card service is offered but
 * a first card; medical activation starts on its form. */
static void
test_card_in_use(void **state)
{
	struct tt t;

	(void)state;
	person(&t, "张伟");
	assert_int_not_equal(tt_offered(&t, &svc_medical), 0);
	assert_int_not_equal(tt_offered(&t, &svc_financial), 0);
	assert_int_not_equal(tt_offered(&t, unit_of(SERVICE_REPLACEMENT)), 0);
	assert_int_equal(tt_offered(&t, unit_of(SERVICE_NEW_CARD)), 0);
	start(&t, &svc_medical);
	assert_ptr_equal(t.app.screen, &screen_medical);
	assert_non_null(tt_unit_form(&t, &svc_medical, 0));
	assert_string_equal(t.app.notice, "");
	tt_down(&t);
}

/* 高建国: no card.  A first card is offered, nothing that acts on a
 * card; medical activation (always listed) says to choose a card. */
static void
test_no_card(void **state)
{
	struct tt t;

	(void)state;
	person(&t, "高建国");
	assert_int_not_equal(tt_offered(&t, unit_of(SERVICE_NEW_CARD)), 0);
	assert_int_equal(tt_offered(&t, unit_of(SERVICE_REPLACEMENT)), 0);
	assert_int_equal(tt_offered(&t, &svc_financial), 0);
	assert_int_equal(tt_offered(&t, &svc_pin), 0);
	refused_here(&t, APP_MSG_WARN, "Choose a card first.");
	tt_down(&t);
}

/* Who is refused medical activation on the spot, and how. */
static const struct {
	const char *name;
	enum app_msg_kind kind;
	const char *text;
} refusals[] = {
	/* The card itself reported lost: the remedy is a replacement. */
	{ "周杰", APP_MSG_WARN, "This card was reported lost" },
	/* Medical already active: nothing to do. */
	{ "李娜", APP_MSG_INFO, "medical function of this card is already" },
	/* 301 days, financial off: the 300-day remedy. */
	{ "杨磊", APP_MSG_WARN, "300" },
};

static void
test_refused_here(void **state)
{
	struct tt t;

	(void)state;
	for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		person(&t, refusals[i].name);
		refused_here(&t, refusals[i].kind, refusals[i].text);
		tt_down(&t);
	}
}

/* 欧阳娜娜: two cards, the first lost.  The identity check chose the
 * second, where medical activation starts; Up chooses the lost one,
 * where it is refused before any request. */
static void
test_second_card(void **state)
{
	struct tt t;

	(void)state;
	person(&t, "欧阳娜娜");
	assert_int_equal(t.app.card, 1);
	tt_act(&t, ACT_PREV_FIELD);
	assert_int_equal(t.app.card, 0);
	refused_here(&t, APP_MSG_WARN, "This card was reported lost");
	tt_act(&t, ACT_NEXT_FIELD);
	assert_int_equal(t.app.card, 1);
	assert_string_equal(t.app.notice, "");
	start(&t, &svc_medical);
	assert_ptr_equal(t.app.screen, &screen_medical);
	tt_down(&t);
}

/* The loss report and its lifting: one of the two for the card chosen,
 * by its state; 周杰's one lost card gets no first card either (a lost
 * card is replaced).  Lifting it goes through the confirmation to the
 * receipt, and the card is listed working again. */
static void
test_loss_report(void **state)
{
	const struct svc_unit *report = unit_of(SERVICE_LOSS_REPORT);
	const struct svc_unit *lift = unit_of(SERVICE_LOSS_LIFT);
	struct tt t;

	(void)state;
	person(&t, "张伟");
	assert_int_not_equal(tt_offered(&t, report), 0);
	assert_int_equal(tt_offered(&t, lift), 0);
	tt_down(&t);
	person(&t, "周杰");
	assert_int_equal(tt_offered(&t, report), 0);
	assert_int_equal(tt_offered(&t, unit_of(SERVICE_NEW_CARD)), 0);
	start(&t, lift);
	tt_act(&t, ACT_SUBMIT);
	tt_settle(&t);
	assert_true(t.app.have_application);
	assert_int_equal(t.app.application.service, SERVICE_LOSS_LIFT);
	assert_int_equal(t.app.identity.person.cards[0].state, CARD_NORMAL);
	tt_down(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_card_in_use),
		cmocka_unit_test(test_no_card),
		cmocka_unit_test(test_refused_here),
		cmocka_unit_test(test_second_card),
		cmocka_unit_test(test_loss_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
