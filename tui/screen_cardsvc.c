/*
 * screen_cardsvc.c -- the card applications that are a confirmation or a
 * short form: financial activation (seeds 002, 004), the guided 300-day
 * remedy (step 1 financial activation, step 2 cancel the loss report, in
 * that order), report lost and replace, and a first card.
 *
 * Each write keeps one Idempotency-Key until it has an answer, so F2
 * again after a lost answer never makes a second application.  An answer
 * that never came (unreachable, timeout) leaves the write in the outbox
 * (tui/queued.h), sent by itself when the service is back.
 */
#include "tui/screens.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "tui/audit_log.h"
#include "tui/card_svc.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/queued.h"

#define CS_FORM_Y 3

static bool
cs_has_form(const struct card_svc *cs)
{
	return cs != NULL && (cs->mode == CS_FINANCIAL ||
	    (cs->mode == CS_REMEDY && cs->step == 1));
}

static void
cs_prefill(struct form_state *st, const char *key, const char *value)
{
	int idx = form_find(st->def, key);

	if (idx >= 0)
		form_set(st, idx, value);
}

static void
cs_form_start(struct app *app, struct card_svc *cs, const struct card *c)
{
	struct form_ctx ctx = { .today = app->today };

	if (cs->finform.def != NULL)
		form_clear(&cs->finform);
	form_start(&cs->finform, &form_financial, &ctx);
	cs_prefill(&cs->finform, "name", app->identity.person.name);
	cs_prefill(&cs->finform, "id_masked", app->identity.person.id_masked);
	cs_prefill(&cs->finform, "card", c->number_masked);
	cs->form_ready = true;
}

void
card_svc_start(struct app *app, enum cs_mode mode)
{
	struct card_svc *cs = card_svc_get(app);
	const struct card *c = app_card(app);

	if (cs == NULL) {
		app_msg(app, APP_MSG_ERROR, "%s", _("Out of memory."));
		return;
	}
	if (cs->finform.def != NULL)
		form_clear(&cs->finform);
	cs->form_ready = false;
	cs->mode = mode;
	cs->step = 1;
	cs->step1_app[0] = '\0';
	if (mode == CS_REMEDY && c != NULL && c->fin == FN_ACTIVE)
		cs->step = 2;
	if (cs_has_form(cs) && c != NULL)
		cs_form_start(app, cs, c);
	api_idempotency_key(cs->idem);
	app->fv_focus = -1;
	app->notice[0] = '\0';
	app_goto(app, &screen_cardsvc);
}

static void
cs_view(struct app *app)
{
	if (cs_has_form(app->cs) && app->cs->form_ready)
		app_open_form(app, &app->cs->finform, CS_FORM_Y);
}

static void
cs_enter(struct app *app)
{
	cs_view(app);
}

static void
cs_leave(struct app *app)
{
}

static const char *
cs_title(const struct card_svc *cs)
{
	switch (cs->mode) {
	case CS_FINANCIAL:
		return _("Financial function activation");
	case CS_REMEDY:
		return cs->step == 1 ?
		    _("300-day remedy — step 1 of 2: financial function") :
		    _("300-day remedy — step 2 of 2: cancel the loss report");
	case CS_REPLACE:
		return _("Report card lost and replace it");
	case CS_NEW_CARD:
		return _("New card (first application)");
	}
	return "";
}

static void
cs_draw(struct app *app)
{
	WINDOW *w = app->body;
	struct card_svc *cs = app->cs;
	const struct card *c = app_card(app);
	int cols = getmaxx(w), y;
	char line[APP_MSG_MAX];

	if (cs == NULL)
		return;
	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, cs_title(cs), cols - 4);
	wattrset(w, A_NORMAL);
	if (cs_has_form(cs)) {
		if (app->fv == NULL) {
			draw_text(w, 2, 2, _("The form does not fit; enlarge "
			    "the terminal."), 0);
			return;
		}
		form_view_draw(app->fv);
		y = CS_FORM_Y + form_financial.nfields + FORM_VIEW_MSG_ROWS + 1;
		if (c != NULL) {
			snprintf(line, sizeof line, "%s: %s", _("Card's bank"),
			    c->bank);
			draw_text(w, y++, 2, line, cols - 4);
		}
		draw_wrap(w, y + 1, 2, cs->mode == CS_REMEDY ? _("The card "
		    "is past its 300-day deadline and its social-security "
		    "application was reported lost. Step 1 enables the "
		    "financial function; step 2 then cancels the loss report. "
		    "F2 sends step 1.") : _("Type the bank account number "
		    "printed on the card. F2 activates."), cols - 4, 4);
		app->cursor_win = w;
		return;
	}
	y = 2;
	snprintf(line, sizeof line, "%s  %s", app->identity.person.name,
	    app->identity.person.id_masked);
	draw_text(w, y++, 2, line, cols - 4);
	if (c != NULL && cs->mode != CS_NEW_CARD) {
		snprintf(line, sizeof line, "%s %s  %s", _("Card"),
		    c->number_masked, c->bank);
		draw_text(w, y++, 2, line, cols - 4);
	}
	y++;
	switch (cs->mode) {
	case CS_REMEDY:
		if (cs->step1_app[0] != '\0') {
			snprintf(line, sizeof line, "%s %s", _("Step 1 done: "
			    "the financial function is active. Application"),
			    cs->step1_app);
			draw_wrap(w, y, 2, line, cols - 4, 2);
			y += 2;
		}
		draw_wrap(w, y, 2, _("Step 2: cancel the loss report of the "
		    "card's social-security application. Afterwards the "
		    "medical function can be activated. F2 cancels the loss "
		    "report."), cols - 4, 4);
		break;
	case CS_REPLACE:
		draw_wrap(w, y, 2, _("The card above is reported lost (if the "
		    "holder has not done so already) and a replacement card is "
		    "issued at this counter. The lost card can never be used or "
		    "activated again. Check the original ID card. F2 confirms."),
		    cols - 4, 5);
		break;
	case CS_NEW_CARD:
		draw_wrap(w, y, 2, _("A first social-security card is issued "
		    "to the applicant at this counter. Check the original ID "
		    "card and the photo. F2 confirms."), cols - 4, 4);
		break;
	default:
		break;
	}
}

static bool cs_queue(struct app *app, const struct api_error *err,
    api_application_cb *here);

static void
cs_financial_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;
	struct card_svc *cs = app->cs;
	struct card *c;

	if (cs_queue(app, err, cs_financial_done))
		return;
	if ((err == NULL || err->result == API_OK) && cs != NULL &&
	    cs->mode == CS_REMEDY && res->card.ss == FN_REPORTED_LOST) {
		/* Step 1 done: on to step 2 with a key of its own. */
		app_idle(app);
		if (app->card >= 0 &&
		    (size_t)app->card < app->identity.person.ncards) {
			c = &app->identity.person.cards[app->card];
			if (strcmp(c->card_id, res->card.card_id) == 0)
				*c = res->card;
		}
		snprintf(cs->step1_app, sizeof cs->step1_app, "%s",
		    res->application_id);
		form_clear(&cs->finform);
		cs->form_ready = false;
		cs->step = 2;
		api_idempotency_key(cs->idem);
		app_goto(app, &screen_cardsvc);
		app_msg(app, APP_MSG_INFO, "%s", _("Step 1 done. F2 cancels the "
		    "loss report (step 2)."));
		return;
	}
	card_svc_done(app, err, res);
}

static void
cs_done(void *arg, const struct api_error *err, const struct application *res)
{
	if (cs_queue(arg, err, cs_done))
		return;
	card_svc_done(arg, err, res);
}

/* The bank account's digits only (the clerk may type the card's spaces). */
static void
cs_digits(char *out, size_t outsz, const char *in)
{
	size_t n = 0;

	for (size_t i = 0; in[i] != '\0' && n < outsz - 1; i++)
		if (in[i] >= '0' && in[i] <= '9')
			out[n++] = in[i];
	out[n] = '\0';
}

/* The write the screen holds, as a request (digits receives the bank
 * account's digits: wipe it after), and its kind. */
static enum service_id
cs_request(struct app *app, struct card_request *req,
    char digits[FORM_VALUE_MAX])
{
	struct card_svc *cs = app->cs;
	const struct card *c = app_card(app);
	int bi;

	memset(req, 0, sizeof *req);
	digits[0] = '\0';
	req->check_id = app->identity.check_id;
	req->card_id = c != NULL ? c->card_id : NULL;
	req->idem_key = cs->idem;
	if (cs_has_form(cs)) {
		bi = form_find(&form_financial, "bank_card");
		cs_digits(digits, FORM_VALUE_MAX, form_get(&cs->finform, bi));
		req->bank_card = digits;
		req->luhn_confirmed = cs->finform.confirmed[bi];
		return SERVICE_FINANCIAL;
	}
	if (cs->mode == CS_REMEDY)
		return SERVICE_CANCEL_LOSS;
	if (cs->mode == CS_REPLACE)
		return SERVICE_REPLACEMENT;
	req->card_id = NULL;
	return SERVICE_NEW_CARD;
}

static const char *
cs_live(struct app *app)
{
	return app->cs != NULL ? app->cs->idem : NULL;
}

/* The answer never came: the same request, with the same key, waits in
 * the outbox; here takes its answer if the clerk is still at it. */
static bool
cs_queue(struct app *app, const struct api_error *err,
    api_application_cb *here)
{
	struct card_svc *cs = app->cs;
	struct card_request req;
	char digits[FORM_VALUE_MAX];
	enum service_id k;
	int rc;

	if (!queued_lost(err) || cs == NULL || cs->idem[0] == '\0' ||
	    app->screen == &screen_pin)
		return false;
	k = cs_request(app, &req, digits);
	rc = queued_add(app, k, &req, cs->idem, cs_live, here);
	sodium_memzero(digits, sizeof digits);
	sodium_memzero(&req, sizeof req);
	if (rc != 0)
		return false;
	app_idle(app);
	app_audit_submit(app, k, err, NULL);
	queued_told(app, k, err);
	return true;
}

static void
cs_submit(struct app *app)
{
	struct card_svc *cs = app->cs;
	struct card_request req;
	char digits[FORM_VALUE_MAX];
	enum service_id k;
	int first;

	if (app->busy) {
		app_msg(app, APP_MSG_WARN, "%s", _("A request is in flight; "
		    "wait for it or press Esc to cancel it."));
		return;
	}
	if (cs == NULL || !app->have_identity)
		return;
	app_msg_clear(app);
	if (cs_has_form(cs) && form_ready(&cs->finform, &first) != 0) {
		form_view_sync(app->fv);
		if (first >= 0) {
			form_view_focus(app->fv, first);
			app->fv_focus = first;
		}
		app_msg(app, first >= 0 &&
		    cs->finform.warned[first][0] != '\0' ?
		    APP_MSG_WARN : APP_MSG_ERROR, "%s",
		    cs->finform.form_msg);
		return;
	}
	k = cs_request(app, &req, digits);
	if (queued_waits(app, k, cs->idem)) {
		sodium_memzero(digits, sizeof digits);
		return;
	}
	if (k == SERVICE_FINANCIAL)
		app_busy(app, _("Activating the financial function… Esc "
		    "cancels"));
	else if (k == SERVICE_CANCEL_LOSS)
		app_busy(app, _("Cancelling the loss report… Esc cancels"));
	else if (k == SERVICE_REPLACEMENT)
		app_busy(app, _("Issuing the replacement card… Esc cancels"));
	else
		app_busy(app, _("Issuing the new card… Esc cancels"));
	api_write_app(app->api, k, &req, k == SERVICE_FINANCIAL ?
	    cs_financial_done : cs_done, app);
	sodium_memzero(digits, sizeof digits);
	sodium_memzero(&req, sizeof req);
}

static void
cs_key(struct app *app, const struct key_event *ev)
{
	if (ev->act == ACT_BACK) {
		app_goto(app, &screen_person);
		return;
	}
	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (app->fv != NULL) {
		if (form_view_key(app->fv, ev) == FV_SUBMIT)
			cs_submit(app);
	} else if (ev->act == ACT_SUBMIT) {
		cs_submit(app);
	}
	app->dirty = true;
}

const struct screen screen_cardsvc = {
	.name = N_("Card application"),
	.help = N_("Financial activation: type the bank account number "
	    "printed on the card; F2 sends it. The 300-day remedy is two "
	    "steps in this order: enable the financial function, then cancel "
	    "the loss report of the social-security application. Replacement "
	    "and new card: check the ID card, F2 confirms. Sending again after "
	    "a network failure never makes a second application. Esc goes "
	    "back to the cards."),
	.enter = cs_enter,
	.draw = cs_draw,
	.key = cs_key,
	.leave = cs_leave,
	.resize = cs_view,
	.fkeys = {
		{ "F1", N_("Help") },
		{ "F2", N_("Confirm") },
		{ "Esc", N_("Back") },
		{ "F10", N_("End walk-in") },
	},
};
