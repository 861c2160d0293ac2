/*
 * svc_household.c -- a newborn's registration (seeds 000, 003), its first
 * screen: the register number; the service gives the record and its
 * members are listed (masked ID numbers only), scrolling if they do not
 * fit; the clerk picks the child.  The checks of docs/api.md run here
 * first (forms/newborn.c newborn_check()): a refusal is said at once,
 * and the service checks again.  Then tui/svc_newborn.c.
 */
#include "tui/svc_newborn.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/newborn.h"
#include "tui/audit_log.h"
#include "tui/deleg.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/queued.h"

#define HH_FORM_Y 2
#define HH_LIST_Y 4
#define W(app) newborn_work(app)

static int hh_top;


static void
hh_view(struct app *app)
{
	if (!W(app)->have_household)
		deleg_open(app, &W(app)->form, &form_household,
		    HH_FORM_Y);
}

static void
hh_enter(struct app *app)
{
	hh_top = 0;
	hh_view(app);
}

static void
hh_draw_members(struct app *app)
{
	WINDOW *w = app->body;
	const struct household *h = &W(app)->household;
	char line[2 * TEXT_MAX], birth[DATE_STR], g[32];
	int cols = getmaxx(w), rows = getmaxy(w);
	int shown = rows - HH_LIST_Y - 4, y = HH_LIST_Y;

	snprintf(line, sizeof line, "%s %s   %s", _("Household"),
	    h->register_no, h->address);
	draw_text(w, 1, 2, line, cols - 4);
	draw_text(w, 3, 2, _("No  Name          Relation    Sex    Born"
	    "       ID number          Card Par."), cols - 4);
	if (shown < 1)
		shown = 1;
	if (W(app)->sel < hh_top)
		hh_top = W(app)->sel;
	if (W(app)->sel >= hh_top + shown)
		hh_top = W(app)->sel - shown + 1;
	for (int i = hh_top; i < (int)h->nmembers && i < hh_top + shown; i++) {
		const struct household_member *m = &h->members[i];
		char name[64];
		size_t o = 0;

		g[0] = '\0';
		for (int k = 0; k < m->nguardians && o < sizeof g - 4; k++)
			o += (size_t)snprintf(g + o, sizeof g - o, "%s%d",
			    k ? "," : "", m->guardians[k]);
		date_format(birth, m->birth);
		wattrset(w, i == W(app)->sel ? A_REVERSE : A_NORMAL);
		mvwhline(w, y, 1, ' ', cols - 2);
		snprintf(line, sizeof line, "%2d", m->member_no);
		draw_text(w, y, 2, line, 3);
		/* Names are untrusted and of any width: fitted by draw_text. */
		snprintf(name, sizeof name, "%s", m->name);
		draw_text(w, y, 6, name, 13);
		snprintf(line, sizeof line, "%-11s %-6s %s %s %-4s %s",
		    household_relation_name(m->relation),
		    _(person_sex_name(m->sex)), birth,
		    m->id_masked, m->has_card ? _("yes") : _("no"), g);
		draw_text(w, y++, 20, line, cols - 22);
		wattrset(w, A_NORMAL);
	}
	if ((int)h->nmembers > shown)
		draw_text(w, rows - 3, 2, _("More members: Up/Down scroll."),
		    cols - 4);
	draw_text(w, rows - 2, 2, _("Up/Down choose the child, Enter goes on; "
	    "Esc: another register number."), cols - 4);
}

static void
hh_draw(struct app *app)
{
	WINDOW *w = app->body;
	char line[TEXT_MAX + 64];
	int cols = getmaxx(w), cur;

	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _("Register a newborn from the household register"),
	    cols - 4);
	wattrset(w, A_NORMAL);
	if (W(app)->have_household) {
		hh_draw_members(app);
		return;
	}
	snprintf(line, sizeof line, "%s: %s (%s)", _("Parent"),
	    app->identity.person.name, app->identity.person.id_masked);
	draw_text(w, 1, 2, line, cols - 4);
	if (app->fv == NULL)
		return;
	form_view_draw(app->fv);
	cur = form_view_current(app->fv);
	if (cur >= 0 && form_household.fields[cur].help != NULL)
		draw_wrap(w, HH_FORM_Y + form_household.nfields +
		    FORM_VIEW_MSG_ROWS + 1, 2,
		    _(form_household.fields[cur].help), cols - 4, 2);
	draw_wrap(w, HH_FORM_Y + form_household.nfields + FORM_VIEW_MSG_ROWS +
	    4, 2, _("A newborn is a child at most 365 days old. The parent or "
	    "guardian listed in the household record registers the child."),
	    cols - 4, 3);
	app->cursor_win = w;
}

static void
hh_done(void *arg, const struct api_error *err, const struct household *res)
{
	struct app *app = arg;

	app_idle(app);
	if (err == NULL || err->result == API_OK) {
		W(app)->household = *res;
		W(app)->have_household = true;
		/* Start on the youngest member: most likely the newborn. */
		W(app)->sel = 0;
		for (size_t i = 1; i < res->nmembers; i++)
			if (date_cmp(res->members[i].birth,
			    res->members[W(app)->sel].birth) > 0)
				W(app)->sel = (int)i;
		app_goto(app, &screen_household);
		return;
	}
	deleg_call_failed(app, &W(app)->form, err);
}

static void
hh_submit(struct app *app)
{
	struct form_state *st = &W(app)->form;
	int first;

	if (app->busy)
		return;
	if (form_ready(st, &first) != 0) {
		deleg_not_ready(app, st, first);
		return;
	}
	app_msg_clear(app);
	app_busy(app, _("Looking up the household register… Esc cancels"));
	api_household_get(app->api, form_get_key(st, "register_no"), hh_done,
	    app);
}

static void
hh_pick(struct app *app)
{
	const struct household *h = &W(app)->household;
	const struct household_member *m;
	enum newborn_err e;

	if (W(app)->sel < 0 || (size_t)W(app)->sel >= h->nmembers)
		return;
	m = &h->members[W(app)->sel];
	e = newborn_check(h, m->member_no, app->identity.person.person_id,
	    h->as_of);
	if (e != NEWBORN_OK) {
		app_msg(app, APP_MSG_ERROR, "%s", newborn_strerror(e));
		return;
	}
	W(app)->child = m->member_no;
	app_goto(app, &screen_newborn);
}

static void
hh_key(struct app *app, const struct key_event *ev)
{
	int n = (int)W(app)->household.nmembers;

	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (!W(app)->have_household) {
		if (ev->act == ACT_BACK) {
			app_goto(app, &screen_person);
			return;
		}
		if (form_view_key(app->fv, ev) == FV_SUBMIT)
			hh_submit(app);
		app->dirty = true;
		return;
	}
	switch (ev->act) {
	case ACT_NEXT_FIELD:
		if (W(app)->sel + 1 < n)
			W(app)->sel++;
		app_msg_clear(app);
		break;
	case ACT_PREV_FIELD:
		if (W(app)->sel > 0)
			W(app)->sel--;
		app_msg_clear(app);
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		hh_pick(app);
		break;
	case ACT_BACK:
		W(app)->have_household = false;
		app_goto(app, &screen_household);
		break;
	default:
		return;
	}
	app->dirty = true;
}

const struct screen screen_household = {
	.name = N_("Newborn: household register"),
	.help = N_("Type the household register number from the booklet the "
	    "parent brings; the service lists the household's members. Choose "
	    "the child with Up and Down and press Enter (Par.: the member "
	    "numbers of the child's parents or guardians). The child must be "
	    "listed with the parent as parent or guardian, have no card yet "
	    "and be at most 365 days old. Esc goes back."),
	.enter = hh_enter,
	.draw = hh_draw,
	.key = hh_key,
	.leave = NULL,
	.resize = hh_view,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "Enter", N_("Look up / choose") },
		SCREEN_FKEY_BACK,
		SCREEN_FKEY_END_WALKIN,
	},
};

/* ---- the child, the commitment letter, the registration ---------------- */

