/*
 * screen_household.c -- a newborn's registration from the household
 * register (seeds 000, 003), from the person screen of a parent after
 * their identity check.
 *
 * screen_household: the register number; the service gives the record
 * and its members are listed (masked ID numbers only), scrolling if they
 * do not fit; the clerk picks the child.  The checks of docs/api.md run
 * here first (forms/delegation.c newborn_check()): a refusal is said at
 * once, and the service checks again.  screen_newborn: the child's
 * details as the record gives them (never retyped), the personal
 * commitment letter the parent confirms (y), and F2 registers: one
 * receipt lists the first card application, the medical-insurance
 * enrolment and the link to the parent's family account.
 */
#include "tui/audit_log.h"
#include "tui/screens.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/delegation.h"
#include "forms/i18n.h"
#include "tui/deleg.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/queued.h"

#define HH_FORM_Y 2
#define HH_LIST_Y 4

static int hh_top;

void
service_newborn_start(struct app *app)
{
	app->notice[0] = '\0';
	app_goto(app, &screen_household);
}

static void
hh_view(struct app *app)
{
	if (!app->have_household)
		deleg_open(app, &app->household_form, &form_household,
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
	const struct household *h = &app->household;
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
	if (app->household_sel < hh_top)
		hh_top = app->household_sel;
	if (app->household_sel >= hh_top + shown)
		hh_top = app->household_sel - shown + 1;
	for (int i = hh_top; i < (int)h->nmembers && i < hh_top + shown; i++) {
		const struct household_member *m = &h->members[i];
		char name[64];
		size_t o = 0;

		g[0] = '\0';
		for (int k = 0; k < m->nguardians && o < sizeof g - 4; k++)
			o += (size_t)snprintf(g + o, sizeof g - o, "%s%d",
			    k ? "," : "", m->guardians[k]);
		date_format(birth, m->birth);
		wattrset(w, i == app->household_sel ? A_REVERSE : A_NORMAL);
		mvwhline(w, y, 1, ' ', cols - 2);
		snprintf(line, sizeof line, "%2d", m->member_no);
		draw_text(w, y, 2, line, 3);
		/* Names are untrusted and of any width: fitted by draw_text. */
		snprintf(name, sizeof name, "%s", m->name);
		draw_text(w, y, 6, name, 13);
		snprintf(line, sizeof line, "%-11s %-6s %s %s %-4s %s",
		    household_relation_name(m->relation),
		    m->sex == SEX_MALE ? _("male") : _("female"), birth,
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
	if (app->have_household) {
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
		app->household = *res;
		app->have_household = true;
		/* Start on the youngest member: most likely the newborn. */
		app->household_sel = 0;
		for (size_t i = 1; i < res->nmembers; i++)
			if (date_cmp(res->members[i].birth,
			    res->members[app->household_sel].birth) > 0)
				app->household_sel = (int)i;
		app_goto(app, &screen_household);
		return;
	}
	deleg_call_failed(app, &app->household_form, err);
}

static void
hh_submit(struct app *app)
{
	struct form_state *st = &app->household_form;
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
	const struct household *h = &app->household;
	const struct household_member *m;
	enum newborn_err e;

	if (app->household_sel < 0 || (size_t)app->household_sel >= h->nmembers)
		return;
	m = &h->members[app->household_sel];
	e = newborn_check(h, m->member_no, app->identity.person.person_id,
	    h->as_of);
	if (e != NEWBORN_OK) {
		app_msg(app, APP_MSG_ERROR, "%s", newborn_strerror(e));
		return;
	}
	app->newborn_child = m->member_no;
	app_goto(app, &screen_newborn);
}

static void
hh_key(struct app *app, const struct key_event *ev)
{
	int n = (int)app->household.nmembers;

	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (!app->have_household) {
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
		if (app->household_sel + 1 < n)
			app->household_sel++;
		app_msg_clear(app);
		break;
	case ACT_PREV_FIELD:
		if (app->household_sel > 0)
			app->household_sel--;
		app_msg_clear(app);
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		hh_pick(app);
		break;
	case ACT_BACK:
		app->have_household = false;
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
		{ "F1", N_("Help") },
		{ "Enter", N_("Look up / choose") },
		{ "Esc", N_("Back") },
		{ "F10", N_("End walk-in") },
	},
};

/* ---- the child, the commitment letter, the registration ---------------- */

static bool letter_confirmed;

static const struct household_member *
nb_child(const struct app *app)
{
	if (!app->have_household)
		return NULL;
	return household_member(&app->household, app->newborn_child);
}

static void
nb_enter(struct app *app)
{
	letter_confirmed = false;
	api_idempotency_key(app->newborn_idem);
}

static void
nb_draw(struct app *app)
{
	WINDOW *w = app->body;
	const struct household_member *m = nb_child(app);
	char line[2 * TEXT_MAX], birth[DATE_STR];
	int cols = getmaxx(w), rows = getmaxy(w), y = 0;

	wattrset(w, A_BOLD);
	draw_text(w, y++, 2, _("Register a newborn: the child and the "
	    "commitment letter"), cols - 4);
	wattrset(w, A_NORMAL);
	if (m == NULL)
		return;
	date_format(birth, m->birth);
	snprintf(line, sizeof line, "%s: %s   %s   %s %s   %s %s",
	    _("Child"), m->name, m->sex == SEX_MALE ? _("male") : _("female"),
	    _("born"), birth, _("ID"), m->id_masked);
	draw_text(w, ++y, 2, line, cols - 4);
	snprintf(line, sizeof line, "%s: %s (%s)   %s %s",
	    _("Parent"), app->identity.person.name,
	    app->identity.person.id_masked, _("Household"),
	    app->household.register_no);
	draw_text(w, ++y, 2, line, cols - 4);
	draw_text(w, ++y, 2, _("From the household register; nothing is "
	    "typed again."), cols - 4);
	y += 2;
	wattrset(w, A_BOLD);
	draw_text(w, y++, 2, _("Personal commitment letter"), cols - 4);
	wattrset(w, A_NORMAL);
	y += draw_wrap(w, y, 4, _(newborn_commitment_letter), cols - 8,
	    rows - y - 4);
	y++;
	snprintf(line, sizeof line, "[%s] %s", letter_confirmed ? "x" : " ",
	    _("The parent has read and confirms the letter (y / n)"));
	wattrset(w, A_BOLD);
	draw_text(w, y++, 2, line, cols - 4);
	wattrset(w, A_NORMAL);
	draw_text(w, y, 2, _("F2 registers the child: card, medical "
	    "insurance, family account."), cols - 4);
}

bool
newborn_card_holder(const struct app *app, const char *card_id, char out[19])
{
	const struct application *a = &app->application;
	const struct household_member *m = household_member(&app->household,
	    app->newborn_child);
	char birth[DATE_STR];

	if (!app->have_application || m == NULL ||
	    a->service != SERVICE_NEWBORN ||
	    strcmp(a->card.card_id, card_id) != 0 ||
	    strcmp(a->subject_id_masked, m->id_masked) != 0 ||
	    strlen(m->id_masked) != 18)
		return false;
	date_format(birth, m->birth);        /* YYYY-MM-DD */
	memcpy(out, m->id_masked, 18);
	memcpy(out + 6, birth, 4);
	memcpy(out + 10, birth + 5, 2);
	memcpy(out + 12, birth + 8, 2);
	out[18] = '\0';
	sodium_memzero(birth, sizeof birth);
	return true;
}
static bool nb_queue(struct app *app, const struct api_error *err);

static void
nb_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;

	app_idle(app);
	app_audit_submit(app, SERVICE_NEWBORN, err, res);
	if (err == NULL || err->result == API_OK) {
		app->application = *res;
		app->have_application = true;
		sodium_memzero(app->newborn_idem, sizeof app->newborn_idem);
		app->have_household = false;
		app_goto(app, &screen_receipt);
		return;
	}
	if (err->result == API_REFUSED &&
	    strcmp(err->code, "idempotency_conflict") == 0)
		api_idempotency_key(app->newborn_idem);
	if (nb_queue(app, err))
		return;
	deleg_call_failed(app, NULL, err);
}

static void
nb_request_of(struct app *app, struct newborn_request *req)
{
	*req = (struct newborn_request){
		.check_id = app->identity.check_id,
		.register_no = app->household.register_no,
		.member_no = app->newborn_child,
		.commitment_confirmed = true,
		.idem_key = app->newborn_idem,
	};
}

static const char *
nb_live(struct app *app)
{
	return app->newborn_idem;
}

/* The answer never came: the same request, with the same key, waits in
 * the outbox (tui/queued.h). */
static bool
nb_queue(struct app *app, const struct api_error *err)
{
	struct newborn_request req;

	if (!queued_lost(err) || app->newborn_idem[0] == '\0')
		return false;
	nb_request_of(app, &req);
	if (queued_add(app, SERVICE_NEWBORN, &req, app->newborn_idem, nb_live,
	    nb_done) != 0)
		return false;
	queued_told(app, SERVICE_NEWBORN, err);
	return true;
}

static void
nb_submit(struct app *app)
{
	struct newborn_request req;

	if (app->busy || nb_child(app) == NULL ||
	    queued_waits(app, SERVICE_NEWBORN, app->newborn_idem))
		return;
	if (!letter_confirmed) {
		app_msg(app, APP_MSG_ERROR, "%s", _("The parent must confirm "
		    "the personal commitment letter first: press y."));
		return;
	}
	nb_request_of(app, &req);
	app_msg_clear(app);
	app_busy(app, _("Registering the newborn… Esc cancels"));
	api_write_app(app->api, SERVICE_NEWBORN, &req, nb_done, app);
}

static void
nb_key(struct app *app, const struct key_event *ev)
{
	switch (ev->act) {
	case ACT_CHAR:
		if (ev->ch == L'y' || ev->ch == L'Y' || ev->ch == L' ')
			letter_confirmed = ev->ch == L' ' ? !letter_confirmed :
			    true;
		else if (ev->ch == L'n' || ev->ch == L'N')
			letter_confirmed = false;
		else
			return;
		break;
	case ACT_SUBMIT:
	case ACT_ENTER:
		nb_submit(app);
		break;
	case ACT_BACK:
		app_goto(app, &screen_household);
		break;
	case ACT_QUIT:
		app_close_walkin(app);
		break;
	default:
		return;
	}
	app->dirty = true;
}

static void
nb_resize(struct app *app)
{
}

const struct screen screen_newborn = {
	.name = N_("Newborn: commitment letter"),
	.help = N_("The child's details come from the household register. Read "
	    "the personal commitment letter to the parent; y records that "
	    "the parent confirms it. F2 (or Enter) registers the child: first "
	    "card application, medical-insurance enrolment and the link to "
	    "the parent's family account, on one receipt. Esc goes back to "
	    "the household's members."),
	.enter = nb_enter,
	.draw = nb_draw,
	.key = nb_key,
	.leave = NULL,
	.resize = nb_resize,
	.applicant = true,
	.fkeys = {
		{ "F1", N_("Help") },
		{ "y", N_("Confirm letter") },
		{ "F2", N_("Register") },
		{ "Esc", N_("Back") },
	},
};
