/*
 * screen_poa.c -- acting for an insured person under a power of attorney
 * (seed 004), from the person screen of the agent after their identity
 * check.
 *
 * screen_poa_insured: the insured's ID number and name; the service
 * confirms them (refusing the agent themself, an unknown or deceased
 * insured, a wrong name) and the insured's cards are listed (masked): Up
 * and Down choose one, Enter goes on.  screen_poa: the activation asked
 * for, the power of attorney and the checklist (form_poa, whose rules
 * refuse a date out of range, a scope not covering the activation and a
 * PIN reset at their fields), sent with one Idempotency-Key per form.
 * The answer is pending a supervisor's approval: the receipt says so.
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

#define POA_FORM_Y 2

void
service_poa_start(struct app *app)
{
	app->notice[0] = '\0';
	app_goto(app, &screen_poa_insured);
}

static void
insured_view(struct app *app)
{
	if (!app->poa_have_insured)
		deleg_open(app, &app->poa_insured_form, &form_poa_insured,
		    POA_FORM_Y);
}

static void
insured_enter(struct app *app)
{
	insured_view(app);
}

static void
insured_draw_cards(struct app *app)
{
	WINDOW *w = app->body;
	const struct person *p = &app->poa_insured;
	char line[TEXT_MAX + 128], birth[DATE_STR];
	int y = 4, cols = getmaxx(w);

	date_format(birth, p->birth);
	snprintf(line, sizeof line, "%s: %s   %s %s   %s %s",
	    _("Insured"), p->name, _("ID"), p->id_masked, _("born"), birth);
	draw_text(w, 2, 2, line, cols - 4);
	if (p->ncards == 0) {
		draw_text(w, y, 2, _("The insured has no social-security card: "
		    "nothing can be activated."), cols - 4);
		return;
	}
	draw_text(w, y++, 2, _("The insured's cards (Up/Down, Enter):"),
	    cols - 4);
	for (size_t i = 0; i < p->ncards && i < CARDS_MAX; i++) {
		const struct card *c = &p->cards[i];
		bool sel = (int)i == app->poa_card;

		snprintf(line, sizeof line, "%s %zu  %-12s %s%s: %s  %s: %s",
		    sel ? ">" : " ", i + 1, c->number_masked,
		    c->state == CARD_LOST ? _("LOST  ") : "",
		    _("Social security"), _(person_fn_state_name(c->ss)),
		    _("Financial"), _(person_fn_state_name(c->fin)));
		wattrset(w, sel ? A_REVERSE : A_NORMAL);
		draw_text(w, ++y, 2, line, cols - 4);
		wattrset(w, A_NORMAL);
	}
	draw_wrap(w, y + 2, 2, _("Esc: another insured person."), cols - 4, 1);
}

static void
insured_draw(struct app *app)
{
	WINDOW *w = app->body;
	char line[TEXT_MAX + 64];
	int cols = getmaxx(w), cur;

	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _(form_poa_insured.title), cols - 4);
	wattrset(w, A_NORMAL);
	snprintf(line, sizeof line, "%s: %s (%s)", _("Agent"),
	    app->identity.person.name, app->identity.person.id_masked);
	draw_text(w, 1, 2, line, cols - 4);
	if (app->poa_have_insured) {
		insured_draw_cards(app);
		return;
	}
	if (app->fv == NULL) {
		draw_text(w, 3, 2, _("The form does not fit; enlarge the "
		    "terminal."), 0);
		return;
	}
	form_view_draw(app->fv);
	cur = form_view_current(app->fv);
	if (cur >= 0 && form_poa_insured.fields[cur].help != NULL)
		draw_wrap(w, POA_FORM_Y + form_poa_insured.nfields +
		    FORM_VIEW_MSG_ROWS + 1, 2,
		    _(form_poa_insured.fields[cur].help), cols - 4, 2);
	draw_wrap(w, POA_FORM_Y + form_poa_insured.nfields +
	    FORM_VIEW_MSG_ROWS + 4, 2, _("The agent has passed the identity "
	    "check. Take the insured's ID card and the power of attorney from "
	    "the agent."), cols - 4, 3);
	app->cursor_win = w;
}

static void
insured_done(void *arg, const struct api_error *err, const struct person *p)
{
	struct app *app = arg;

	app_idle(app);
	if (err == NULL || err->result == API_OK) {
		app->poa_insured = *p;
		app->poa_have_insured = true;
		app->poa_card = 0;
		/* A POA form for someone else is of no use now. */
		if (app->poa_form.def != NULL)
			form_clear(&app->poa_form);
		app_goto(app, &screen_poa_insured);
		return;
	}
	deleg_call_failed(app, &app->poa_insured_form, err);
}

static void
insured_submit(struct app *app)
{
	struct form_state *st = &app->poa_insured_form;
	struct poa_insured_request req;
	int first;

	if (app->busy || !app->have_identity)
		return;
	if (form_ready(st, &first) != 0) {
		deleg_not_ready(app, st, first);
		return;
	}
	if (poa_agent_is_insured(form_get_key(&app->idform, "id_number"),
	    form_get_key(st, "insured_id_number"))) {
		app_field_refused(app, st, form_find(st->def,
		    "insured_id_number"), poa_strerror(POA_SELF));
		app_msg(app, APP_MSG_ERROR, "%s", poa_strerror(POA_SELF));
		return;
	}
	req = (struct poa_insured_request){
		.check_id = app->identity.check_id,
		.insured_id_number = form_get_key(st, "insured_id_number"),
		.insured_name = form_get_key(st, "insured_name"),
	};
	app_msg_clear(app);
	app_busy(app, _("Asking the service about the insured… Esc cancels"));
	api_poa_insured(app->api, &req, insured_done, app);
}

static void
insured_key(struct app *app, const struct key_event *ev)
{
	int n = (int)app->poa_insured.ncards;

	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (!app->poa_have_insured) {
		if (ev->act == ACT_BACK) {
			app_goto(app, &screen_person);
			return;
		}
		if (form_view_key(app->fv, ev) == FV_SUBMIT)
			insured_submit(app);
		app->dirty = true;
		return;
	}
	switch (ev->act) {
	case ACT_NEXT_FIELD:
		if (n > 0)
			app->poa_card = (app->poa_card + 1) % n;
		break;
	case ACT_PREV_FIELD:
		if (n > 0)
			app->poa_card = (app->poa_card + n - 1) % n;
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		if (n > 0)
			app_goto(app, &screen_poa);
		break;
	case ACT_BACK:
		app->poa_have_insured = false;
		app_goto(app, &screen_poa_insured);
		break;
	default:
		return;
	}
	app->dirty = true;
}

const struct screen screen_poa_insured = {
	.name = N_("Act for an insured person"),
	.help = N_("The agent has passed the identity check. Type the "
	    "insured's ID number and name from the insured's ID card; the "
	    "service confirms them and lists the insured's cards. Up and Down "
	    "choose the card, Enter goes on to the power of attorney. Esc "
	    "goes back."),
	.enter = insured_enter,
	.draw = insured_draw,
	.key = insured_key,
	.leave = NULL,
	.resize = insured_view,
	.fkeys = {
		{ "F1", N_("Help") },
		{ "F2", N_("Check insured") },
		{ "Esc", N_("Back") },
		{ "F10", N_("End walk-in") },
	},
};

/* ---- the power of attorney -------------------------------------------- */

static const struct card *
poa_card(const struct app *app)
{
	if (!app->poa_have_insured || app->poa_card < 0 ||
	    (size_t)app->poa_card >= app->poa_insured.ncards)
		return NULL;
	return &app->poa_insured.cards[app->poa_card];
}

static void
poa_view(struct app *app)
{
	if (poa_card(app) != NULL)
		app_open_form(app, &app->poa_form, POA_FORM_Y);
}

static void
poa_enter(struct app *app)
{
	const struct card *c = poa_card(app);
	struct form_ctx ctx = { .today = app->identity.person.as_of };

	if (c == NULL)
		return;
	if (app->poa_form.def == NULL ||
	    strcmp(form_get_key(&app->poa_form, "card"),
	    c->number_masked) != 0) {
		if (app->poa_form.def != NULL)
			form_clear(&app->poa_form);
		form_start(&app->poa_form, &form_poa, &ctx);
		form_set(&app->poa_form, form_find(&form_poa, "card"),
		    c->number_masked);
		form_set(&app->poa_form, form_find(&form_poa, "activation"),
		    "ss");
		api_idempotency_key(app->poa_idem);
	}
	poa_view(app);
}

static void
poa_draw(struct app *app)
{
	WINDOW *w = app->body;
	char line[2 * TEXT_MAX + 64];
	int cols = getmaxx(w), cur;
	int y = POA_FORM_Y + form_poa.nfields + FORM_VIEW_MSG_ROWS;

	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _("Act for an insured person: power of attorney"),
	    cols - 4);
	wattrset(w, A_NORMAL);
	snprintf(line, sizeof line, "%s: %s (%s)   %s: %s", _("Insured"),
	    app->poa_insured.name, app->poa_insured.id_masked, _("Agent"),
	    app->identity.person.name);
	draw_text(w, 1, 2, line, cols - 4);
	if (app->fv == NULL) {
		draw_text(w, 3, 2, _("The form does not fit; enlarge the "
		    "terminal."), 0);
		return;
	}
	form_view_draw(app->fv);
	cur = form_view_current(app->fv);
	if (cur >= 0 && form_poa.fields[cur].help != NULL)
		draw_wrap(w, y, 2, _(form_poa.fields[cur].help), cols - 4, 2);
	draw_wrap(w, y + 2, 2, _("Needs a supervisor's approval before "
	    "anything is activated."), cols - 4, 1);
	app->cursor_win = w;
}

static bool poa_queue(struct app *app, const struct api_error *err);

static void
poa_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;

	app_idle(app);
	app_audit_submit(app, SERVICE_DELEGATED, err, res);
	if (err == NULL || err->result == API_OK) {
		app->application = *res;
		snprintf(app->application.subject_name,
		    sizeof app->application.subject_name, "%s",
		    app->poa_insured.name);
		snprintf(app->application.subject_id_masked,
		    sizeof app->application.subject_id_masked, "%s",
		    app->poa_insured.id_masked);
		app->have_application = true;
		/* Done: the insured's full ID number is not needed any more. */
		if (app->poa_insured_form.def != NULL)
			form_clear(&app->poa_insured_form);
		if (app->poa_form.def != NULL)
			form_clear(&app->poa_form);
		app->poa_have_insured = false;
		sodium_memzero(app->poa_idem, sizeof app->poa_idem);
		app_goto(app, &screen_receipt);
		return;
	}
	if (err->result == API_REFUSED &&
	    strcmp(err->code, "idempotency_conflict") == 0)
		api_idempotency_key(app->poa_idem);
	if (poa_queue(app, err))
		return;
	deleg_call_failed(app, &app->poa_form, err);
}

static bool
poa_ticked(const struct form_state *st, const char *key)
{
	return strcmp(form_get_key(st, key), "y") == 0;
}

/* The POA form as a request; false if it is not (any more) complete. */
static bool
poa_request_of(struct app *app, struct poa_request *req,
    char signed_on[DATE_STR])
{
	struct form_state *st = &app->poa_form;
	const struct card *c = poa_card(app);
	struct date d;

	/* The wire wants YYYY-MM-DD; the clerk may type YYYYMMDD. */
	if (c == NULL || date_parse(&d, form_get_key(st, "poa_signed_on")) != 0)
		return false;
	date_format(signed_on, d);
	*req = (struct poa_request){
		.check_id = app->identity.check_id,
		.insured_id_number = form_get_key(&app->poa_insured_form,
		    "insured_id_number"),
		.insured_name = form_get_key(&app->poa_insured_form,
		    "insured_name"),
		.card_id = c->card_id,
		.activation = form_get_key(st, "activation"),
		.poa_number = form_get_key(st, "poa_number"),
		.poa_signed_on = signed_on,
		.covers_ss = poa_ticked(st, "poa_covers_ss"),
		.covers_fin = poa_ticked(st, "poa_covers_fin"),
		.insured_original_sighted = poa_ticked(st,
		    "insured_original_sighted"),
		.photocopies_taken = poa_ticked(st, "photocopies_taken"),
		.poa_original_sighted = poa_ticked(st, "poa_original_sighted"),
		.idem_key = app->poa_idem,
	};
	return true;
}

static const char *
poa_live(struct app *app)
{
	return app->poa_idem;
}

/* The answer never came: the same request, with the same key, waits in
 * the outbox (tui/queued.h). */
static bool
poa_queue(struct app *app, const struct api_error *err)
{
	struct poa_request req;
	char signed_on[DATE_STR];

	if (!queued_lost(err) || app->poa_idem[0] == '\0' ||
	    !poa_request_of(app, &req, signed_on) ||
	    queued_add(app, SERVICE_DELEGATED, &req, app->poa_idem, poa_live,
	    poa_done) != 0)
		return false;
	queued_told(app, SERVICE_DELEGATED, err);
	return true;
}

static void
poa_submit(struct app *app)
{
	struct form_state *st = &app->poa_form;
	struct poa_request req;
	char signed_on[DATE_STR];
	int first;

	if (app->busy || poa_card(app) == NULL ||
	    queued_waits(app, SERVICE_DELEGATED, app->poa_idem))
		return;
	if (form_ready(st, &first) != 0) {
		deleg_not_ready(app, st, first);
		return;
	}
	if (!poa_request_of(app, &req, signed_on))
		return;
	app_msg_clear(app);
	app_busy(app, _("Submitting for approval… Esc cancels"));
	api_write_app(app->api, SERVICE_DELEGATED, &req, poa_done, app);
}

static void
poa_key(struct app *app, const struct key_event *ev)
{
	if (ev->act == ACT_BACK) {
		app_goto(app, &screen_poa_insured);
		return;
	}
	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (form_view_key(app->fv, ev) == FV_SUBMIT)
		poa_submit(app);
	app->dirty = true;
}

const struct screen screen_poa = {
	.name = N_("Power of attorney"),
	.help = N_("Choose what the agent asks to activate (a PIN reset is "
	    "never delegated), type the power of attorney's number and the "
	    "date it was signed (at most 180 days ago, not in the future), "
	    "tick what it covers and the checklist. F2 submits it for a "
	    "supervisor's approval; nothing is activated before. Esc goes "
	    "back to the insured's cards and keeps the form."),
	.enter = poa_enter,
	.draw = poa_draw,
	.key = poa_key,
	.leave = NULL,
	.resize = poa_view,
	.fkeys = {
		{ "F1", N_("Help") },
		{ "F2", N_("Submit") },
		{ "Esc", N_("Back") },
		{ "F10", N_("End walk-in") },
	},
};
