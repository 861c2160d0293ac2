/*
 * deleg.c -- helpers of the second-person services' screens (see
 * tui/deleg.h), and the wipe of what they hold.
 */
#include "tui/deleg.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "tui/form_view.h"
#include "tui/screens.h"

static void
drop_form(struct form_state *st)
{
	if (st->def != NULL)
		form_clear(st);
	sodium_memzero(st, sizeof *st);
}

void
app_drop_second_person(struct app *app)
{
	/* The insured's full ID number is in this form. */
	drop_form(&app->poa_insured_form);
	drop_form(&app->poa_form);
	sodium_memzero(&app->poa_insured, sizeof app->poa_insured);
	app->poa_have_insured = false;
	app->poa_card = 0;
	sodium_memzero(app->poa_idem, sizeof app->poa_idem);
	drop_form(&app->household_form);
	sodium_memzero(&app->household, sizeof app->household);
	app->have_household = false;
	app->household_sel = 0;
	app->newborn_child = 0;
	sodium_memzero(app->newborn_idem, sizeof app->newborn_idem);
	/* The delegated activation last opened (names of two people). */
	drop_form(&app->reject_form);
	sodium_memzero(&app->approval, sizeof app->approval);
	sodium_memzero(app->decide_idem, sizeof app->decide_idem);
}

void
deleg_call_failed(struct app *app, struct form_state *st,
    const struct api_error *err)
{
	char text[APP_MSG_MAX];
	int idx = -1;

	if (app_write_failed(app, err, text, sizeof text))
		return;
	if (st != NULL && st->def != NULL && err->field[0] != '\0')
		idx = form_find(st->def, err->field);
	if (st != NULL && st->def != NULL)
		app_field_refused(app, st, idx, text);
	app_msg(app, APP_MSG_ERROR, "%s", text);
}

void
deleg_not_ready(struct app *app, struct form_state *st, int first)
{
	if (app->fv != NULL) {
		form_view_sync(app->fv);
		if (first >= 0) {
			form_view_focus(app->fv, first);
			app->fv_focus = first;
		}
	}
	app_msg(app, APP_MSG_ERROR, "%s", st->form_msg);
}

void
deleg_when(char *out, size_t outsz, const char *iso)
{
	char *t;

	snprintf(out, outsz, "%s", iso);
	if ((t = strchr(out, 'T')) != NULL)
		*t = ' ';
	if (strlen(out) > 16)
		out[16] = '\0';
}

void
deleg_open(struct app *app, struct form_state *st, const struct form_def *def,
    int y)
{
	struct form_ctx ctx = { .today = app->identity.person.as_of };

	if (st->def == NULL) {
		if (ctx.today.y == 0)
			ctx.today = app->today;
		form_start(st, def, &ctx);
	}
	app_open_form(app, st, y);
}
