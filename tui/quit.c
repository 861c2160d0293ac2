/*
 * quit.c -- the question Ctrl-C asks, and its answer (see quit.h).
 *
 * The question says what quitting keeps, as it stands: the walk-in as a
 * draft, else the writes waiting in the outbox; or that nothing can be
 * kept without a state directory.  A request in flight is not waited for:
 * like a crash, its form and Idempotency-Key are in the draft, so sending
 * it again after the next sign-in does not make it twice.
 */
#include "tui/quit.h"

#include <stdio.h>

#include "forms/i18n.h"
#include "net/outbox.h"
#include "tui/audit_log.h"
#include "tui/screens.h"
#include "tui/statedir.h"

/* The walk-in is what the draft would keep: not once its receipt is on
 * screen (the work is done; draft.h). */
static bool
quit_walkin_open(const struct app *app)
{
	return app->walkin && app->screen != &screen_receipt;
}

static void
quit_ask(struct app *app)
{
	bool waits = outbox_count(app->outbox) > 0;
	const char *kept = "";

	if ((quit_walkin_open(app) || waits) && !statedir_ok())
		kept = _("Drafts cannot be kept here (no state directory): "
		    "what is typed is lost.");
	else if (quit_walkin_open(app))
		kept = _("The walk-in is kept as a draft.");
	else if (waits)
		kept = _("What waits in the outbox is kept for your next "
		    "sign-in.");
	snprintf(app->ask, sizeof app->ask, "%s %s%s%s%s", _("Quit ssdesk?"),
	    app->busy ? _("The request in flight is not waited for.") : "",
	    app->busy ? " " : "", kept, kept[0] ? " y / n" : "y / n");
	app->dirty = true;
}

static void
quit_answer(struct app *app, const struct key_event *ev)
{
	bool yes = ev->act == ACT_CHAR && (ev->ch == L'y' || ev->ch == L'Y');
	bool no = ev->act == ACT_BACK ||
	    (ev->act == ACT_CHAR && (ev->ch == L'n' || ev->ch == L'N'));

	if (!yes && !no)
		return;
	app->ask[0] = '\0';
	app->dirty = true;
	if (!yes)
		return;
	if (app->signed_in)
		app_audit(app, "quit", "%s", "keyboard");
	app->quit = true;
}

bool
quit_key(struct app *app, const struct key_event *ev)
{
	if (app->ask[0] != '\0') {
		quit_answer(app, ev);
		return true;
	}
	if (ev->act != ACT_INTERRUPT)
		return false;
	if (app->screen != NULL && app->screen->applicant) {
		app_msg(app, APP_MSG_WARN, "%s", _("This screen is the "
		    "applicant's. Clerk: turn it back to you first."));
		return true;
	}
	quit_ask(app);
	return true;
}
