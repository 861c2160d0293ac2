/*
 * screen_approvals.c -- the supervisor's approval queue and a clerk's "My
 * submissions" (one list screen; approvals_open says which), a page at a
 * time from the service.
 *
 * The queue lists pending delegated activations oldest first with the
 * submitting clerk, counter, age and masked names (insured and agent);
 * my submissions list the staff member's own, newest first, with their
 * state: pending, approved by whom and when, rejected and why.  Enter
 * opens one (tui/screen_approval.c).
 */
#include "tui/svc_approvals.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/mask.h"
#include "tui/audit_log.h"
#include "tui/deleg.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/messages.h"
#include "tui/queued.h"

#define W(app) approvals_work(app)
/* An undecided one's state, in the detail and in a list row. */
#define APPROVALS_PENDING N_("Pending approval")

struct approvals_work *
approvals_work(struct app *app)
{
	return svc_state(app, &svc_approvals);
}

void
approvals_open(struct app *app, bool mine)
{
	struct approvals_work *w = approvals_work(app);

	if (w == NULL) {
		app_msg(app, APP_MSG_ERROR, "%s", MSG_OUT_OF_MEMORY);
		return;
	}
	w->mine = mine;
	app_goto(app, &screen_approvals);
}

#define LIST_Y 3
/* Pages loaded at most: the queue is worked oldest first, so a
 * supervisor decides on what is loaded and F5 starts again. */
#define LIST_LOADED_MAX (8 * APPROVALS_PAGE)

/* What is loaded of the list: pages of the service's, one after the
 * other, and where the next one starts. */
static struct approval loaded[LIST_LOADED_MAX];
static size_t nloaded;
static char next_cursor[APPROVALS_CURSOR_MAX];
static long list_total;           /* the service's count, or -1 */
static bool have_list, loading_more;
static int list_sel, list_top;
static int list_want;             /* the row to choose once more came */

const char *
approvals_activation_name(const char *key)
{
	if (strcmp(key, "ss") == 0)
		return _("Social-security function");
	if (strcmp(key, "fin") == 0)
		return _("Financial function");
	return key;
}

void
approvals_state_text(char *out, size_t outsz, const struct approval *ap)
{
	char when[32];

	deleg_when(when, sizeof when, ap->decided_at);
	if (strcmp(ap->status, "approved") == 0)
		snprintf(out, outsz, _("Approved by %s (%s) at %s"),
		    ap->decided_by_name, ap->decided_by_id, when);
	else if (strcmp(ap->status, "rejected") == 0)
		snprintf(out, outsz, _("Rejected by %s at %s: %s"),
		    ap->decided_by_name, when, ap->reason);
	else
		snprintf(out, outsz, "%s", _(APPROVALS_PENDING));
}

/* The same, to fit a list row: "Approved, 陈主管 11-22 10:02",
 * "Rejected: why" (who and when are in the detail). */
static void
approval_short(char *out, size_t outsz, const struct approval *ap)
{
	char when[32];

	deleg_when(when, sizeof when, ap->decided_at);
	if (strcmp(ap->status, "approved") == 0)
		snprintf(out, outsz, _("Approved, %s %s"), ap->decided_by_name,
		    strlen(when) > 5 ? when + 5 : when);
	else if (strcmp(ap->status, "rejected") == 0)
		snprintf(out, outsz, _("Rejected: %s"), ap->reason);
	else
		snprintf(out, outsz, "%s", _(APPROVALS_PENDING));
}

/* Forget what was loaded (it names people). */
static void
list_wipe(void)
{
	sodium_memzero(loaded, nloaded * sizeof loaded[0]);
	nloaded = 0;
	next_cursor[0] = '\0';
	list_total = -1;
}

/* A page came: the first replaces what was loaded, a next one is added
 * after it (as much as there is room for). */
static void
list_done(void *arg, const struct api_error *err,
    const struct approval_list *res)
{
	struct app *app = arg;
	size_t n;

	app_idle(app);
	if (err != NULL && err->result != API_OK) {
		app_read_failed(app, err, loading_more ? _("PageDown asks "
		    "again.") : MSG_F5_ASKS_AGAIN);
		return;
	}
	if (!loading_more)
		list_wipe();
	n = res->n < LIST_LOADED_MAX - nloaded ? res->n :
	    LIST_LOADED_MAX - nloaded;
	memcpy(&loaded[nloaded], res->items, n * sizeof loaded[0]);
	nloaded += n;
	snprintf(next_cursor, sizeof next_cursor, "%s", res->next_cursor);
	list_total = res->total;
	have_list = true;
	if (loading_more)
		list_sel = list_want;
	if (list_sel >= (int)nloaded)
		list_sel = nloaded > 0 ? (int)nloaded - 1 : 0;
	app->dirty = true;
}

/* Ask for the first page, or (more) the one after what is loaded; false
 * if there is none to ask for now. */
static bool
list_fetch(struct app *app, bool more)
{
	if (app->busy || (more && (next_cursor[0] == '\0' ||
	    nloaded >= LIST_LOADED_MAX)))
		return false;
	loading_more = more;
	app_busy(app, MSG_BUSY_ASKING);
	api_approvals_list(app->api, W(app)->mine,
	    more ? next_cursor : NULL, list_done, app);
	return true;
}

static void
list_enter(struct app *app)
{
	have_list = false;
	list_top = 0;
	list_fetch(app, false);
}

/* "57 waiting, 32 shown" / "12 submissions, 12 shown": the service's
 * count, when it gave one. */
static void
list_count(char *out, size_t outsz, struct app *app)
{
	out[0] = '\0';
	if (list_total < 0)
		return;
	snprintf(out, outsz, W(app)->mine ?
	    _("%ld submissions, %zu shown") : _("%ld waiting, %zu shown"),
	    list_total, nloaded);
}

/* The bottom line: what more there is and how to get it. */
static const char *
list_more_hint(int shown)
{
	if (next_cursor[0] != '\0' && nloaded >= LIST_LOADED_MAX)
		return _("Only these are loaded: decide on some, then F5.");
	if (next_cursor[0] != '\0')
		return _("More: PageDown at the end loads the next page.");
	if ((int)nloaded > shown)
		return _("More: Up/Down, PageUp/PageDown scroll.");
	return "";
}

/* Rows the list has on screen. */
static int
list_rows(struct app *app)
{
	int shown = getmaxy(app->body) - LIST_Y - 4;

	return shown < 1 ? 1 : shown;
}

static void
list_row(struct app *app, char *line, size_t linesz,
    const struct approval *ap)
{
	char age[32], ins[TEXT_MAX], agent[TEXT_MAX], state[2 * TEXT_MAX];

	name_mask(ins, sizeof ins, ap->insured.name);
	name_mask(agent, sizeof agent, ap->agent.name);
	if (W(app)->mine) {
		approval_short(state, sizeof state, ap);
		snprintf(line, linesz, "%-18s %-8s %-11s %s",
		    ap->application_id, ins, ap->card.number_masked, state);
	} else {
		snprintf(age, sizeof age, _("%ld min"), ap->age_seconds / 60);
		snprintf(line, linesz, "%-18s %-8s %-8s %-8s %s / %s",
		    ap->application_id, ap->submitted_by_id, ap->counter, age,
		    ins, agent);
	}
}

static void
list_draw(struct app *app)
{
	WINDOW *w = app->body;
	int cols = getmaxx(w), rows = getmaxy(w);
	int shown = list_rows(app), y = LIST_Y;
	char line[5 * TEXT_MAX];

	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, W(app)->mine ? _("My submissions") :
	    _("Approval queue: delegated activations waiting"), cols - 4);
	wattrset(w, A_NORMAL);
	if (!have_list)
		return;
	if (nloaded == 0) {
		draw_text(w, 2, 2, W(app)->mine ?
		    _("You have no delegated activations.") :
		    _("Nothing is waiting for approval."), cols - 4);
		return;
	}
	draw_text(w, 1, 2, W(app)->mine ?
	    _("Application        Insured  Card        State") :
	    _("Application        Clerk    Counter  Waiting  Insured / agent"),
	    cols - 4);
	list_count(line, sizeof line, app);
	draw_text(w, 2, 2, line, cols - 4);
	if (list_sel < list_top)
		list_top = list_sel;
	if (list_sel >= list_top + shown)
		list_top = list_sel - shown + 1;
	for (int i = list_top; i < (int)nloaded && i < list_top + shown; i++) {
		list_row(app, line, sizeof line, &loaded[i]);
		wattrset(w, i == list_sel ? A_REVERSE : A_NORMAL);
		mvwhline(w, y, 1, ' ', cols - 2);
		draw_text(w, y++, 2, line, cols - 4);
		wattrset(w, A_NORMAL);
	}
	draw_text(w, rows - 3, 2, list_more_hint(shown), cols - 4);
	draw_text(w, rows - 2, 2, _("Enter opens the one chosen; F5 asks "
	    "again."), cols - 4);
}

/* Move the choice by step rows; past the end of what is loaded, the next
 * page is asked for and the choice moves on when it comes. */
static void
list_move(struct app *app, int step)
{
	int n = have_list ? (int)nloaded : 0, to = list_sel + step;

	if (to >= n && n > 0) {
		list_want = to;
		if (list_fetch(app, true))
			return;
	}
	list_sel = to >= n ? n - 1 : to;
	if (list_sel < 0)
		list_sel = 0;
}

static void
list_key(struct app *app, const struct key_event *ev)
{
	int n = have_list ? (int)nloaded : 0;

	switch (ev->act) {
	case ACT_NEXT_FIELD:
		list_move(app, 1);
		break;
	case ACT_PREV_FIELD:
		list_move(app, -1);
		break;
	case ACT_PAGE_DOWN:
		list_move(app, list_rows(app));
		break;
	case ACT_PAGE_UP:
		list_move(app, -list_rows(app));
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		if (n > 0 && list_sel < n) {
			W(app)->approval = loaded[list_sel];
			app_goto(app, &screen_approval);
		}
		break;
	case ACT_F5:
		list_top = 0;
		list_fetch(app, false);
		break;
	case ACT_BACK:
	case ACT_QUIT:
		app_goto(app, &screen_home);
		break;
	default:
		return;
	}
	app->dirty = true;
}

static void
list_resize(struct app *app)
{
}

/* The list names people: not kept once the screen is left. */
static void
list_leave(struct app *app)
{
	list_wipe();
	have_list = false;
}

const struct screen screen_approvals = {
	.name = N_("Delegated activations"),
	.help = N_("The approval queue (supervisors): delegated activations "
	    "waiting, oldest first, with the clerk, counter and how long they "
	    "have waited. My submissions: your own, with their state. Up and "
	    "Down choose, PageUp and PageDown move a screenful (past the end, "
	    "the next page is asked for), Enter opens one, F5 asks again from "
	    "the start, Esc goes Home."),
	.enter = list_enter,
	.draw = list_draw,
	.key = list_key,
	.leave = list_leave,
	.resize = list_resize,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "Enter", N_("Open") },
		SCREEN_FKEY_REFRESH,
		SCREEN_FKEY_HOME,
	},
};


/* The supervisor's decisions (four eyes): no place on the person
 * screen; what it keeps goes with the walk-in's end. */
const struct svc_unit svc_approvals = {
	.id = SERVICE_DECISION,
	.state_size = sizeof(struct approvals_work),
};
