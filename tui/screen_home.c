/*
 * screen_home.c -- where the clerk waits for the next applicant.
 *
 * Enter starts a walk-in at its identity check (or continues the one in
 * progress); F10 signs out.  A walk-in left with Esc is kept until it is
 * ended here, so nothing typed is lost by a stray key.
 */
#include "tui/screens.h"

#include <stdio.h>
#include <string.h>

#include "forms/i18n.h"
#include "tui/audit_log.h"
#include "tui/draft.h"
#include "net/outbox.h"
#include "tui/draw.h"
#include "tui/messages.h"
#include "tui/queued.h"
#include "tui/svc_approvals.h"

static int home_sel;
/* F10 once with writes in the outbox warns; F10 again drops them. */
static bool home_drop_armed;

/* Items after the walk-in's: the approval queue (supervisors only), then
 * my submissions (everyone). */
static int
home_extra_n(const struct app *app)
{
	return app->staff.role == ROLE_SUPERVISOR ? 2 : 1;
}

static const char *
home_extra_label(const struct app *app, int k)
{
	if (app->staff.role == ROLE_SUPERVISOR && k == 0)
		return _("Approval queue (delegated activations)");
	return _("My submissions (delegated activations)");
}

static void
home_extra_choose(struct app *app, int k)
{
	approvals_open(app, !(app->staff.role == ROLE_SUPERVISOR && k == 0));
}

static int
home_nitems(const struct app *app)
{
	return (app->walkin ? 2 : 1) + home_extra_n(app);
}

static void
home_enter(struct app *app)
{
	home_sel = 0;
	home_drop_armed = false;
}

/* Writes of the outbox the service refused after their walk-in was
 * over: each stays here until the clerk has read and acknowledged it. */
static void
home_draw_refusals(struct app *app, int y)
{
	WINDOW *w = app->body;
	int width = getmaxx(w) - 4, rows = getmaxy(w);
	char head[APP_MSG_MAX];
	const struct queued_refusal *r;

	snprintf(head, sizeof head, _("Refused after waiting in the outbox, "
	    "not done: %zu. Read each, then press A to acknowledge it."),
	    queued_refusals());
	wattrset(w, draw_attr(app, DRAW_PAIR_ERROR, A_BOLD));
	y += draw_wrap(w, y, 2, head, width, 2);
	wattrset(w, A_NORMAL);
	for (size_t i = 0; (r = queued_refusal(i)) != NULL && y + 2 < rows;
	    i++) {
		char line[APP_MSG_MAX + QUEUED_NOTE_MAX + 64];

		snprintf(line, sizeof line, "%s  %s  %s", r->when,
		    queued_label(r->kind), r->note);
		wattrset(w, i == 0 ? A_BOLD : A_NORMAL);
		draw_text(w, y++, 2, line, width);
		wattrset(w, A_NORMAL);
		y += draw_wrap(w, y, 4, r->why, width - 2, i == 0 ? 3 : 1);
	}
}

static void
home_draw(struct app *app)
{
	WINDOW *w = app->body;
	char hello[TEXT_MAX + 64];
	const char *items[4];
	int i, n = home_nitems(app);

	snprintf(hello, sizeof hello, _("Signed in as %s (%s)."),
	    app->staff.name, app->staff.staff_id);
	draw_text(w, 1, 2, hello, 0);
	wattrset(w, A_BOLD);
	draw_text(w, 3, 2, _("Services"), 0);
	wattrset(w, A_NORMAL);
	items[0] = app->walkin ? _("Continue the walk-in in progress") :
	    _("Start a walk-in (identity check)");
	items[1] = _("End the walk-in in progress and wipe its data");
	for (i = 0; i < home_extra_n(app); i++)
		items[n - home_extra_n(app) + i] = home_extra_label(app, i);
	for (i = 0; i < n; i++) {
		char line[200];

		snprintf(line, sizeof line, " %d  %s ", i + 1, items[i]);
		wattrset(w, i == home_sel ? A_REVERSE : A_NORMAL);
		draw_text(w, 5 + i, 2, line, getmaxx(w) - 4);
	}
	wattrset(w, A_NORMAL);
	if (queued_refusals() > 0) {
		home_draw_refusals(app, 10);
		return;
	}
	draw_wrap(w, 10, 2, _("Every walk-in starts with the identity check; "
	    "the services for the person come after it."), getmaxx(w) - 4, 2);
}

static void
home_choose(struct app *app, int item)
{
	int base = home_nitems(app) - home_extra_n(app);

	if (item >= base) {
		home_extra_choose(app, item - base);
		return;
	}
	if (item == 0) {
		if (!app->walkin)
			app_start_walkin(app);
		app_goto(app, app->have_identity ? &screen_person :
		    &screen_identity);
	} else if (item == 1 && app->walkin) {
		app_end_walkin(app);
		home_sel = 0;
		app_msg(app, APP_MSG_INFO, "%s", MSG_WALKIN_ENDED);
	}
}

static void
home_signed_out(void *arg, const struct api_error *err)
{
	struct app *app = arg;

	app_idle(app);
	app_end_walkin(app);
	/* What waits in the outbox, and the refusals not yet acknowledged,
	 * stay in the clerk's sealed draft for their next sign-in here; only
	 * then are they dropped from memory, where another clerk's session
	 * must not send them. */
	draft_signed_out(app);
	outbox_clear(app->outbox);
	queued_refusals_clear();
	app->signed_in = false;
	memset(&app->staff, 0, sizeof app->staff);
	app_goto(app, &screen_signin);
	app_msg(app, APP_MSG_INFO, "%s", _("Signed out."));
}

static void
home_sign_out(struct app *app)
{
	app_busy(app, MSG_BUSY_SIGNING_OUT);
	api_sign_out(app->api, home_signed_out, app);
}

static void
home_key(struct app *app, const struct key_event *ev)
{
	int n = home_nitems(app);

	if (ev->act != ACT_QUIT)
		home_drop_armed = false;
	switch (ev->act) {
	case ACT_NEXT_FIELD:
		home_sel = (home_sel + 1) % n;
		break;
	case ACT_PREV_FIELD:
		home_sel = (home_sel + n - 1) % n;
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		home_choose(app, home_sel);
		break;
	case ACT_CHAR:
		if (ev->ch >= L'1' && ev->ch < L'1' + n)
			home_choose(app, (int)(ev->ch - L'1'));
		else if ((ev->ch == L'a' || ev->ch == L'A') &&
		    queued_refusals() > 0) {
			queued_refusal_ack(app);
			app_msg(app, APP_MSG_INFO, "%s", _("Acknowledged."));
		}
		break;
	case ACT_QUIT:
		if (app->busy)
			break;
		if (outbox_sending(app->outbox)) {
			app_msg(app, APP_MSG_WARN, "%s", _("A submission from the "
			    "outbox is being sent; sign out when it is done."));
			break;
		}
		if (outbox_count(app->outbox) > 0 && !home_drop_armed) {
			home_drop_armed = true;
			app_msg(app, APP_MSG_WARN, "%s", _("Submissions still wait "
			    "in the outbox: they are kept, sealed, and sent after "
			    "your next sign-in here. F5 sends them now; F10 again "
			    "signs out."));
			break;
		}
		home_drop_armed = false;
		app_busy(app, MSG_BUSY_SIGNING_OUT);
		/* The last record, anchored at the service, then the end of
		 * the session. */
		app_audit(app, "signout", "%s", "");
		app_idle(app);
		audit_log_anchor_then(app, home_sign_out);
		break;
	default:
		return;
	}
	app->dirty = true;
}

static void
home_resize(struct app *app)
{
}

const struct screen screen_home = {
	.name = N_("Home"),
	.help = N_("Press Enter (or 1) to start a walk-in: every walk-in "
	    "starts with the identity check of the applicant. A walk-in left "
	    "with Esc is kept: Enter continues it, 2 ends it and wipes its "
	    "data. Writes that waited in the outbox and were refused are "
	    "listed here until you press A for each. F10 signs you out; what "
	    "still waits in the outbox is kept for your next sign-in."),
	.enter = home_enter,
	.draw = home_draw,
	.key = home_key,
	.leave = NULL,
	.resize = home_resize,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "Enter", N_("Start walk-in") },
		{ "F10", N_("Sign out") },
	},
};
