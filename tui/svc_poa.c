/*
 * svc_poa.c -- acting for an insured person under a power of attorney
 * (seed 004), from the person screen of the agent after their identity
 * check: the delegated activation's unit (svc_poa), what it keeps, and
 * its second screen.
 *
 * screen_poa_insured (tui/svc_poa_insured.c) confirms the insured and
 * their card; screen_poa: the activation asked for, the power of
 * attorney and the checklist (form_poa, whose rules refuse a date out of
 * range, a scope not covering the activation and a PIN reset at their
 * fields), sent with one Idempotency-Key per form.  The answer is pending
 * a supervisor's approval: the receipt says so.
 */
#include "tui/svc_poa.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/poa.h"
#include "tui/audit_log.h"
#include "tui/deleg.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/messages.h"
#include "tui/queued.h"

#define W(app) poa_work(app)

struct poa_work *
poa_work(struct app *app)
{
	return svc_state(app, &svc_poa);
}

static const struct card *
poa_card(struct app *app)
{
	if (!W(app)->have_insured || W(app)->card < 0 ||
	    (size_t)W(app)->card >= W(app)->insured.ncards)
		return NULL;
	return &W(app)->insured.cards[W(app)->card];
}

static void
poa_view(struct app *app)
{
	if (poa_card(app) != NULL)
		app_open_form(app, &W(app)->form, POA_FORM_Y);
}

static void
poa_enter(struct app *app)
{
	const struct card *c = poa_card(app);
	struct form_ctx ctx = { .today = app->identity.person.as_of };

	if (c == NULL)
		return;
	if (W(app)->form.def == NULL ||
	    strcmp(form_get_key(&W(app)->form, "card"),
	    c->number_masked) != 0) {
		if (W(app)->form.def != NULL)
			form_clear(&W(app)->form);
		form_start(&W(app)->form, &form_poa, &ctx);
		form_set(&W(app)->form, form_find(&form_poa, "card"),
		    c->number_masked);
		form_set(&W(app)->form, form_find(&form_poa, "activation"),
		    "ss");
		api_idempotency_key(W(app)->idem);
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
	    W(app)->insured.name, W(app)->insured.id_masked, _("Agent"),
	    app->identity.person.name);
	draw_text(w, 1, 2, line, cols - 4);
	if (app->fv == NULL) {
		draw_text(w, 3, 2, MSG_FORM_TOO_SMALL, 0);
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
		    W(app)->insured.name);
		snprintf(app->application.subject_id_masked,
		    sizeof app->application.subject_id_masked, "%s",
		    W(app)->insured.id_masked);
		app->have_application = true;
		/* Done: the insured's full ID number is not needed any more. */
		if (W(app)->insured_form.def != NULL)
			form_clear(&W(app)->insured_form);
		if (W(app)->form.def != NULL)
			form_clear(&W(app)->form);
		W(app)->have_insured = false;
		sodium_memzero(W(app)->idem, sizeof W(app)->idem);
		app_goto(app, &screen_receipt);
		return;
	}
	if (err->result == API_REFUSED &&
	    strcmp(err->code, "idempotency_conflict") == 0)
		api_idempotency_key(W(app)->idem);
	if (poa_queue(app, err))
		return;
	deleg_call_failed(app, &W(app)->form, err);
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
	struct form_state *st = &W(app)->form;
	const struct card *c = poa_card(app);
	struct date d;

	/* The wire wants YYYY-MM-DD; the clerk may type YYYYMMDD. */
	if (c == NULL || date_parse(&d, form_get_key(st, "poa_signed_on")) != 0)
		return false;
	date_format(signed_on, d);
	*req = (struct poa_request){
		.check_id = app->identity.check_id,
		.insured_id_number = form_get_key(&W(app)->insured_form,
		    "insured_id_number"),
		.insured_name = form_get_key(&W(app)->insured_form,
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
		.idem_key = W(app)->idem,
	};
	return true;
}

static const char *
poa_live(struct app *app)
{
	return W(app)->idem;
}

/* The answer never came: the same request, with the same key, waits in
 * the outbox (tui/queued.h). */
static bool
poa_queue(struct app *app, const struct api_error *err)
{
	struct poa_request req;
	char signed_on[DATE_STR];

	if (!queued_lost(err) || W(app)->idem[0] == '\0' ||
	    !poa_request_of(app, &req, signed_on) ||
	    queued_add(app, SERVICE_DELEGATED, &req, W(app)->idem, poa_live,
	    poa_done) != 0)
		return false;
	queued_told(app, SERVICE_DELEGATED, err);
	return true;
}

static void
poa_submit(struct app *app)
{
	struct form_state *st = &W(app)->form;
	struct poa_request req;
	char signed_on[DATE_STR];
	int first;

	if (app->busy || poa_card(app) == NULL ||
	    queued_waits(app, SERVICE_DELEGATED, W(app)->idem))
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
		SCREEN_FKEY_HELP,
		{ "F2", N_("Submit") },
		SCREEN_FKEY_BACK,
		SCREEN_FKEY_END_WALKIN,
	},
};

/* ---- the unit ----------------------------------------------------------- */

/* The POA form is for one of the insured's cards (its "card" field) and
 * goes with its Idempotency-Key, like the medical form.  The insured's
 * ID number is not journaled (FIELD_NOJOURNAL). */
static void
poa_save(struct app *app, const void *state, struct journal_doc *d)
{
	const struct poa_work *w = state;

	if (w->form.def != NULL)
		journal_put(d, "poa_idem", w->idem);
}

static void
poa_restore(struct app *app, void *state, const struct journal_doc *d)
{
	struct poa_work *w = state;
	const char *v = journal_get(d, "poa_idem");

	if (w->form.def == NULL)
		return;
	if (v != NULL && strlen(v) == sizeof w->idem - 1)
		memcpy(w->idem, v, sizeof w->idem);
	else
		api_idempotency_key(w->idem);
}

static void
poa_start(struct app *app)
{
	app->notice[0] = '\0';
	app_goto(app, &screen_poa_insured);
}

const struct svc_unit svc_poa = {
	.id = SERVICE_DELEGATED,
	.state_size = sizeof(struct poa_work),
	.forms = {
		{ "poa_insured", &form_poa_insured,
		    offsetof(struct poa_work, insured_form) },
		{ "poa", &form_poa, offsetof(struct poa_work, form) },
	},
	.save = poa_save,
	.restore = poa_restore,
	.start = poa_start,
};
