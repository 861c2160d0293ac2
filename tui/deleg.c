/*
 * deleg.c -- helpers of the second-person services' screens (see
 * tui/deleg.h).
 */
#include "tui/deleg.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "tui/form_view.h"
#include "tui/screens.h"

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
