/*
 * screen_draft.c -- after sign-in: a walk-in this clerk had not finished
 * when ssdesk stopped (a crash, a power cut, kill -9) is offered back.
 *
 * 1 (or Enter) restores it; 2 removes it for good.  Only the clerk who
 * typed it sees it: the draft is sealed with a key from their password.
 */
#include "tui/screens.h"

#include <stdio.h>

#include "forms/i18n.h"
#include "tui/draft.h"
#include "tui/draw.h"

static int draft_sel;

static void
draft_screen_enter(struct app *app)
{
	draft_sel = 0;
}

static void
draft_screen_draw(struct app *app)
{
	WINDOW *w = app->body;
	char who[APP_MSG_MAX], where[APP_MSG_MAX];
	const char *items[2];
	int i, cols = getmaxx(w);

	wattrset(w, A_BOLD);
	draw_text(w, 1, 2, _(screen_draft.name), 0);
	wattrset(w, A_NORMAL);
	draw_wrap(w, 3, 2, _("ssdesk stopped while you were serving an "
	    "applicant. What you had typed was saved, sealed with your "
	    "password:"), cols - 4, 2);
	draft_describe(who, where, sizeof who);
	draw_text(w, 6, 4, who, cols - 6);
	draw_text(w, 7, 4, where, cols - 6);
	items[0] = _("Restore it and go on with this applicant");
	items[1] = _("Discard it (the saved draft is removed)");
	for (i = 0; i < 2; i++) {
		char line[200];

		snprintf(line, sizeof line, " %d  %s ", i + 1, items[i]);
		wattrset(w, i == draft_sel ? A_REVERSE : A_NORMAL);
		draw_text(w, 9 + i, 2, line, cols - 4);
	}
	wattrset(w, A_NORMAL);
}

static void
draft_screen_choose(struct app *app, int item)
{
	if (item == 0) {
		draft_restore(app);
		return;
	}
	draft_discard(app);
	app_goto(app, &screen_home);
	app_msg(app, APP_MSG_INFO, "%s", _("The saved draft was discarded."));
}

static void
draft_screen_key(struct app *app, const struct key_event *ev)
{
	switch (ev->act) {
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		draft_sel = !draft_sel;
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		draft_screen_choose(app, draft_sel);
		break;
	case ACT_CHAR:
		if (ev->ch == L'1' || ev->ch == L'2')
			draft_screen_choose(app, (int)(ev->ch - L'1'));
		break;
	default:
		return;
	}
	app->dirty = true;
}

static void
draft_screen_resize(struct app *app)
{
}

const struct screen screen_draft = {
	.name = N_("Unfinished walk-in"),
	.help = N_("A walk-in you had not finished when ssdesk stopped was "
	    "saved. Press 1 (or Enter) to restore it: the forms come back as "
	    "you left them, except the bank card number, which is never "
	    "saved; the identity check is sent to the service again. Press "
	    "2 to discard it."),
	.enter = draft_screen_enter,
	.draw = draft_screen_draw,
	.key = draft_screen_key,
	.leave = NULL,
	.resize = draft_screen_resize,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "1", N_("Restore") },
		{ "2", N_("Discard") },
	},
};
