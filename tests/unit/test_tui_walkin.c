/*
 * test_tui_walkin.c -- a whole walk-in through key actions only: sign in,
 * identity check, medical activation (a bank card failing Luhn, typed
 * again), the receipt, the card active on the person screen, the walk-in
 * ended and signed out; and the same activation while the service
 * answers 503: it waits in the outbox, is not sent twice, and goes on
 * the next try, to the receipt if the clerk is still at it, else to the
 * status line (and a refusal to the list on Home).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "net/outbox.h"
#include "tests/lib/tuitest.h"
#include "tui/queued.h"
#include "tui/screens.h"
#include "tui/svc_medical.h"

#define BANK_LUHN_FAILS "6222020200112233445"
#define BANK_GOOD       "6222020200112233446"
#define PHONE           "13800000001"
#define MEDICAL_WRITE   "POST /v1/applications/medical-activation"

#define shows(t, text) tt_assert_shows(t, text)

/* Signed in, 张伟's identity checked, medical activation on screen with
 * the bank card and the mobile number typed. */
static void
medical_form(struct tt *t, const char *bank)
{
	tt_up(t, NULL);
	tt_signin(t, "clerk01");
	assert_ptr_equal(t->app.screen, &screen_home);
	tt_identity(t, "张伟");
	assert_ptr_equal(t->app.screen, &screen_person);
	shows(t, "110105********0135");
	assert_null(strstr(tt_screen(t), tt_demo_id(t, "张伟")));
	shows(t, "Medical (social security): not active");
	tt_act(t, ACT_ENTER);                /* the first service */
	assert_ptr_equal(t->app.screen, &screen_medical);
	tt_type(t, bank);
	tt_act(t, ACT_ENTER);
	tt_type(t, PHONE);
}

static void
test_walkin(void **state)
{
	struct tt t;
	struct form_state *f;

	(void)state;
	medical_form(&t, BANK_LUHN_FAILS);
	f = tt_unit_form(&t, &svc_medical, 0);
	assert_non_null(f);
	assert_string_equal(form_get_key(f, "phone"), PHONE);
	tt_act(&t, ACT_SUBMIT);
	/* Luhn fails: warned, the number cleared to be typed again. */
	assert_ptr_equal(t.app.screen, &screen_medical);
	assert_false(t.app.have_application);
	shows(&t, "Re-enter");
	assert_string_equal(form_get_key(f, "bank_card"), "");
	tt_type(&t, BANK_LUHN_FAILS);
	tt_act(&t, ACT_SUBMIT);

	assert_ptr_equal(t.app.screen, &screen_receipt);
	assert_true(t.app.have_application);
	assert_string_equal(t.app.application.application_id, "MA-20261122-0001");
	assert_int_equal(t.app.identity.person.cards[t.app.card].ss,
	    FN_ACTIVE);
	shows(&t, "MA-20261122-0001");
	shows(&t, "Medical-insurance account activation");
	shows(&t, "王小明 (clerk01)");
	assert_null(strstr(tt_screen(&t), BANK_LUHN_FAILS));
	/* The bank card number is wiped with the form. */
	assert_null(tt_unit_form(&t, &svc_medical, 0)->def);

	tt_act(&t, ACT_ENTER);               /* another service */
	assert_ptr_equal(t.app.screen, &screen_person);
	shows(&t, "Medical (social security): active");
	tt_act(&t, ACT_QUIT);
	assert_ptr_equal(t.app.screen, &screen_home);
	assert_false(t.app.walkin);
	assert_null(svc_peek(&t.app, &svc_medical));
	shows(&t, "Walk-in ended");
	tt_act(&t, ACT_QUIT);
	assert_ptr_equal(t.app.screen, &screen_signin);
	assert_false(t.app.signed_in);
	tt_down(&t);
}

static void
test_outbox(void **state)
{
	struct tt t;

	(void)state;
	medical_form(&t, BANK_GOOD);
	tt_fault(&t, MEDICAL_WRITE "=503");
	tt_act(&t, ACT_SUBMIT);
	/* No answer of the service's: the write waits, the form stays. */
	assert_ptr_equal(t.app.screen, &screen_medical);
	assert_false(t.app.have_application);
	assert_int_equal(outbox_count(t.app.outbox), 1);
	shows(&t, "waits in the outbox");
	shows(&t, "Outbox: 1");
	/* F2 again sends nothing more, and says why. */
	assert_false(tt_shows(&t, "This activation waits"));
	tt_act(&t, ACT_SUBMIT);
	shows(&t, "This activation waits in the outbox");
	assert_int_equal(outbox_count(t.app.outbox), 1);
	/* Still down: a try leaves it waiting. */
	tt_act(&t, ACT_F5);
	assert_int_equal(outbox_count(t.app.outbox), 1);
	assert_false(t.app.have_application);

	tt_fault(&t, NULL);                  /* the service is back */
	tt_act(&t, ACT_F5);
	assert_int_equal(outbox_count(t.app.outbox), 0);
	assert_ptr_equal(t.app.screen, &screen_receipt);
	assert_true(t.app.have_application);
	/* One application, not one a try. */
	assert_string_equal(t.app.application.application_id, "MA-20261122-0001");
	assert_false(tt_shows(&t, "Outbox:"));
	tt_down(&t);
}

/* The clerk moved on before the service came back: the answer of the
 * waiting write is one status line, and a refusal joins the list on
 * Home until acknowledged. */
static const struct {
	const char *then;        /* the service's answer to the retry */
	const char *said;
	size_t refusals;
} moved_on[] = {
	{ NULL, "The medical activation that waited in the outbox was "
	  "accepted: application MA-20261122-0001.", 0 },
	{ MEDICAL_WRITE "=unknown-code-field,1", "The medical activation "
	  "that waited in the outbox was refused and not done", 1 },
};

static void
test_outbox_moved_on(void **state)
{
	struct tt t;

	(void)state;
	for (size_t i = 0; i < sizeof moved_on / sizeof moved_on[0]; i++) {
		medical_form(&t, BANK_GOOD);
		tt_fault(&t, MEDICAL_WRITE "=503,1");
		if (moved_on[i].then != NULL)
			tt_fault(&t, moved_on[i].then);
		tt_act(&t, ACT_SUBMIT);
		assert_int_equal(outbox_count(t.app.outbox), 1);
		tt_act(&t, ACT_QUIT);            /* the walk-in ends */
		assert_ptr_equal(t.app.screen, &screen_home);
		assert_false(t.app.walkin);
		shows(&t, "Outbox: 1");
		assert_false(tt_shows(&t, moved_on[i].said));
		tt_act(&t, ACT_F5);
		assert_int_equal(outbox_count(t.app.outbox), 0);
		assert_ptr_equal(t.app.screen, &screen_home);
		assert_false(t.app.have_application);
		shows(&t, moved_on[i].said);
		assert_int_equal(queued_refusals(), moved_on[i].refusals);
		tt_down(&t);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walkin),
		cmocka_unit_test(test_outbox),
		cmocka_unit_test(test_outbox_moved_on),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
