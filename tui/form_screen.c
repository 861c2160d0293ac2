/*
 * form_screen.c -- the frame of a screen around one form (see
 * form_screen.h).
 */
#include "tui/form_screen.h"

#include <stdio.h>

#include "forms/i18n.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/messages.h"
#include "tui/screens.h"

int
form_screen_draw(struct app *app, const char *title,
    const struct form_def *def, int y)
{
	WINDOW *w = app->body;

	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, title, getmaxx(w) - 4);
	wattrset(w, A_NORMAL);
	if (app->fv == NULL) {
		draw_text(w, 2, 2, MSG_FORM_TOO_SMALL, 0);
		return -1;
	}
	form_view_draw(app->fv);
	app->cursor_win = w;
	return y + def->nfields + FORM_VIEW_MSG_ROWS + 1;
}

int
form_screen_bank(struct app *app, int y)
{
	const struct card *c = app_card(app);
	char line[TEXT_MAX + 32];

	if (c == NULL)
		return y;
	snprintf(line, sizeof line, "%s: %s", _("Card's bank"), c->bank);
	draw_text(app->body, y, 2, line, getmaxx(app->body) - 4);
	return y + 1;
}

void
form_screen_help(struct app *app, const struct form_def *def, int y)
{
	int cur = app->fv != NULL ? form_view_current(app->fv) : -1;

	/* The field's message is the form view's; its help goes here. */
	if (cur >= 0 && cur < def->nfields && def->fields[cur].help != NULL)
		draw_wrap(app->body, y, 2, _(def->fields[cur].help),
		    getmaxx(app->body) - 4, 3);
}

bool
form_screen_key(struct app *app, const struct key_event *ev)
{
	app->dirty = true;
	switch (ev->act) {
	case ACT_BACK:
		app_goto(app, &screen_person);
		return false;
	case ACT_QUIT:
		app_close_walkin(app);
		return false;
	default:
		break;
	}
	if (app->fv != NULL)
		return form_view_key(app->fv, ev) == FV_SUBMIT;
	return ev->act == ACT_SUBMIT;
}

bool
form_screen_busy(struct app *app)
{
	if (!app->busy)
		return false;
	app_msg(app, APP_MSG_WARN, "%s", MSG_IN_FLIGHT);
	return true;
}

bool
form_screen_ready(struct app *app, struct form_state *st)
{
	int first;

	if (form_ready(st, &first) == 0)
		return true;
	if (app->fv != NULL) {
		form_view_sync(app->fv);
		if (first >= 0) {
			form_view_focus(app->fv, first);
			app->fv_focus = first;
		}
	}
	app_msg(app, first >= 0 && st->warned[first][0] != '\0' ?
	    APP_MSG_WARN : APP_MSG_ERROR, "%s", st->form_msg);
	return false;
}
