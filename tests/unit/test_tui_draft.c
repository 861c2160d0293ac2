/*
 * test_tui_draft.c -- the draft round trip (tui/draft.c): a half-typed
 * medical activation is journaled as it is typed; ssdesk stops without a
 * word (the app is dropped, the draft left on disk); a fresh app on the
 * same state directory, the same clerk signed in, is offered the draft,
 * restores it, and holds the same values in every form (but the bank
 * card number, which is never written), through the identity check sent
 * again to the activation's form.  Another clerk is never offered it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "forms/form.h"
#include "tests/lib/tuitest.h"
#include "tui/screens.h"
#include "tui/statedir.h"
#include "tui/svc_medical.h"

#define BANK   "6222020200112233446"
#define PHONE  "13800000001"
#define DRAFT  "draft-clerk01.ssd"

#define FIELDS_MAX 16

/* What a form holds, field by field. */
struct values {
	int n;
	char v[FIELDS_MAX][FORM_VALUE_MAX];
};

static void
values_of(struct values *out, const struct form_state *st)
{
	assert_non_null(st->def);
	assert_true(st->def->nfields <= FIELDS_MAX);
	out->n = st->def->nfields;
	for (int i = 0; i < out->n; i++)
		snprintf(out->v[i], sizeof out->v[i], "%s", form_get(st, i));
}

/* st holds was, but where a field is never journaled: empty there. */
static void
values_same(const struct values *was, const struct form_state *st)
{
	assert_int_equal(st->def->nfields, was->n);
	for (int i = 0; i < was->n; i++) {
		const struct field_def *f = &st->def->fields[i];

		if (f->flags & FIELD_NOJOURNAL)
			assert_string_equal(form_get(st, i), "");
		else
			assert_string_equal(form_get(st, i), was->v[i]);
	}
}

/* In t: clerk01 at 张伟's medical activation, half typed; what the
 * identity and medical forms hold into id and med.  The draft is on
 * disk; t is dropped as a crash would leave it (its directory kept). */
static void
half_typed(struct tt *t, struct values *id, struct values *med)
{
	struct form_state *f;

	tt_up(t, NULL);
	tt_signin(t, "clerk01");
	assert_false(statedir_exists(DRAFT));
	tt_identity(t, "张伟");
	tt_act(t, ACT_ENTER);
	assert_ptr_equal(t->app.screen, &screen_medical);
	tt_type(t, BANK);
	tt_act(t, ACT_ENTER);
	tt_type(t, "1380000");               /* half the mobile number */
	f = tt_unit_form(t, &svc_medical, 0);
	assert_string_equal(form_get_key(f, "phone"), "1380000");
	values_of(id, &t->app.idform);
	values_of(med, f);
	assert_string_equal(form_get_key(&t->app.idform, "name"), "张伟");
	assert_true(statedir_exists(DRAFT));
	t->keep_dir = true;
	tt_down(t);
}

static void
test_round_trip(void **state)
{
	struct tt a, b;
	struct values id, med;
	struct form_state *f;

	(void)state;
	half_typed(&a, &id, &med);

	tt_up(&b, a.dir);
	tt_signin(&b, "clerk01");
	assert_ptr_equal(b.app.screen, &screen_draft);
	tt_assert_shows(&b, "Applicant: 张伟");
	tt_assert_shows(&b, "110105********0135");
	tt_type(&b, "1");                    /* restore */
	assert_ptr_equal(b.app.screen, &screen_identity);
	assert_true(b.app.walkin);
	assert_false(b.app.have_identity);   /* to be sent again */
	values_same(&id, &b.app.idform);
	f = tt_unit_form(&b, &svc_medical, 0);
	assert_non_null(f);
	values_same(&med, f);

	/* The identity check again, and on to the form as it was left. */
	tt_act(&b, ACT_SUBMIT);
	assert_ptr_equal(b.app.screen, &screen_person);
	tt_act(&b, ACT_ENTER);
	assert_ptr_equal(b.app.screen, &screen_medical);
	values_same(&med, tt_unit_form(&b, &svc_medical, 0));
	tt_down(&b);
}

/* Sealed with clerk01's key, in clerk01's file: clerk02 is not offered
 * it, and it stays for clerk01. */
static void
test_other_clerk(void **state)
{
	struct tt a, b;
	struct values id, med;

	(void)state;
	half_typed(&a, &id, &med);
	tt_up(&b, a.dir);
	tt_signin(&b, "clerk02");
	assert_ptr_equal(b.app.screen, &screen_home);
	assert_false(b.app.walkin);
	assert_true(statedir_exists(DRAFT));
	tt_down(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_other_clerk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
