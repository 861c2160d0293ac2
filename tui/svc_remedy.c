/*
 * svc_remedy.c -- the guided 300-day remedy (seed 004): the unit of the
 * loss report's cancellation (svc_remedy) and its screen.
 *
 * A card past its deadline without the financial function has its
 * social-security application reported lost.  The remedy is two steps in
 * this order: step 1 enables the financial function (the financial form,
 * tui/svc_financial.h), step 2 cancels the loss report (a confirmation).
 * The service refuses step 2 before step 1 (financial_not_active); this
 * flow never asks it out of order.  Each step has its own key, kept until
 * its answer comes; an answer that never came waits in the outbox.
 */
#include "tui/svc_remedy.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "tui/audit_log.h"
#include "tui/card_svc.h"
#include "tui/draw.h"
#include "tui/form_screen.h"
#include "tui/form_view.h"
#include "tui/messages.h"
#include "tui/queued.h"
#include "tui/svc_financial.h"

struct remedy {
	int step;                  /* 1 or 2 */
	char step1_app[REF_MAX];   /* step 1's application, once done */
	struct form_state form;    /* step 1: the bank account number */
	char idem[37];             /* the current step's key */
};

static struct remedy *
remedy(struct app *app)
{
	return svc_state(app, &svc_remedy);
}

const char *
remedy_earlier(const struct app *app)
{
	const struct remedy *r = svc_peek(app, &svc_remedy);

	if (r == NULL || r->step1_app[0] == '\0' || !app->have_application ||
	    app->application.service != SERVICE_CANCEL_LOSS)
		return NULL;
	return r->step1_app;
}

static void
remedy_view(struct app *app)
{
	struct remedy *r = remedy(app);

	if (r != NULL && r->step == 1 && r->form.def != NULL)
		app_open_form(app, &r->form, FINANCIAL_FORM_Y);
}

static void
remedy_draw(struct app *app)
{
	WINDOW *w = app->body;
	struct remedy *r = remedy(app);
	const struct card *c = app_card(app);
	char line[APP_MSG_MAX];
	int cols = getmaxx(w), y = 2;

	if (r == NULL)
		return;
	if (r->step == 1) {
		financial_form_draw(app, _("300-day remedy — step 1 of 2: "
		    "financial function"), _("The card is past its 300-day "
		    "deadline and its social-security application was reported "
		    "lost. Step 1 enables the financial function; step 2 then "
		    "cancels the loss report. F2 sends step 1."));
		return;
	}
	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _("300-day remedy — step 2 of 2: cancel the loss "
	    "report"), cols - 4);
	wattrset(w, A_NORMAL);
	snprintf(line, sizeof line, "%s  %s", app->identity.person.name,
	    app->identity.person.id_masked);
	draw_text(w, y++, 2, line, cols - 4);
	if (c != NULL) {
		snprintf(line, sizeof line, "%s %s  %s", _("Card"),
		    c->number_masked, c->bank);
		draw_text(w, y++, 2, line, cols - 4);
	}
	y++;
	if (r->step1_app[0] != '\0') {
		snprintf(line, sizeof line, _("Step 1 done: the financial "
		    "function is active. Application %s"), r->step1_app);
		draw_wrap(w, y, 2, line, cols - 4, 2);
		y += 2;
	}
	draw_wrap(w, y, 2, _("Step 2: cancel the loss report of the card's "
	    "social-security application. Afterwards the medical function "
	    "can be activated. F2 cancels the loss report."), cols - 4, 4);
}

static enum service_id
remedy_service(const struct remedy *r)
{
	return r->step == 1 ? SERVICE_FINANCIAL : SERVICE_CANCEL_LOSS;
}

/* The current step's request (digits: step 1's account; wipe after). */
static void
remedy_request(struct app *app, struct remedy *r, struct card_request *req,
    char *digits, size_t digitsz)
{
	digits[0] = '\0';
	if (r->step == 1)
		financial_request(app, &r->form, r->idem, req, digits, digitsz);
	else
		card_svc_request(app, req, r->idem);
}

static const char *
remedy_live(struct app *app)
{
	struct remedy *r = svc_peek(app, &svc_remedy);

	return r != NULL ? r->idem : NULL;
}

static void remedy_done(void *arg, const struct api_error *err,
    const struct application *res);

/* Step 1 is done (the card's SS application still reported lost): on to
 * step 2, with a key of its own. */
static void
remedy_step2(struct app *app, struct remedy *r,
    const struct application *res)
{
	struct card *c;

	app_idle(app);
	if (app->card >= 0 && (size_t)app->card < app->identity.person.ncards) {
		c = &app->identity.person.cards[app->card];
		if (strcmp(c->card_id, res->card.card_id) == 0)
			*c = res->card;
	}
	snprintf(r->step1_app, sizeof r->step1_app, "%s", res->application_id);
	form_clear(&r->form);
	r->step = 2;
	api_idempotency_key(r->idem);
	app_goto(app, &screen_remedy);
	app_msg(app, APP_MSG_INFO, "%s", _("Step 1 done. F2 cancels the loss "
	    "report (step 2)."));
}

static void
remedy_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;
	struct remedy *r = remedy(app);
	struct card_request req;
	char digits[FORM_VALUE_MAX];
	enum service_id id = remedy_service(r);
	bool queued;

	remedy_request(app, r, &req, digits, sizeof digits);
	queued = card_svc_queue(app, id, &req, r->idem, remedy_live,
	    remedy_done, err);
	sodium_memzero(digits, sizeof digits);
	if (queued)
		return;
	if ((err == NULL || err->result == API_OK) && r->step == 1 &&
	    res->card.ss == FN_REPORTED_LOST) {
		app_audit_submit(app, id, err, res);
		remedy_step2(app, r, res);
		return;
	}
	if (err == NULL || err->result == API_OK) {
		form_clear(&r->form);
		sodium_memzero(r->idem, sizeof r->idem);
	}
	card_svc_done(app, id, r->step == 1 ? &r->form : NULL, err, res);
}

static void
remedy_submit(struct app *app)
{
	struct remedy *r = remedy(app);
	struct card_request req;
	char digits[FORM_VALUE_MAX];

	if (form_screen_busy(app))
		return;
	if (r == NULL || !app->have_identity ||
	    queued_waits(app, remedy_service(r), r->idem) ||
	    (r->step == 1 && !form_screen_ready(app, &r->form)))
		return;
	app_msg_clear(app);
	remedy_request(app, r, &req, digits, sizeof digits);
	app_busy(app, r->step == 1 ? MSG_BUSY_FINANCIAL : _("Cancelling the loss report… Esc cancels"));
	api_write_app(app->api, remedy_service(r), &req, remedy_done, app);
	sodium_memzero(digits, sizeof digits);
	sodium_memzero(&req, sizeof req);
}

static void
remedy_key(struct app *app, const struct key_event *ev)
{
	if (form_screen_key(app, ev))
		remedy_submit(app);
}

const struct screen screen_remedy = {
	.name = N_("300-day remedy"),
	.help = N_("The 300-day remedy is two steps in this order: enable "
	    "the financial function (type the bank account number printed on "
	    "the card), then cancel the loss report of the social-security "
	    "application. F2 sends each step; sending again after a network "
	    "failure never makes a second application. Esc goes back to the "
	    "cards."),
	.enter = remedy_view,
	.draw = remedy_draw,
	.key = remedy_key,
	.resize = remedy_view,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "F2", N_("Confirm") },
		SCREEN_FKEY_BACK,
		SCREEN_FKEY_END_WALKIN,
	},
};

/* ---- the unit ----------------------------------------------------------- */

void
remedy_start(struct app *app)
{
	const struct card *c = app_card(app);
	struct remedy *r = remedy(app);

	if (r == NULL || c == NULL) {
		app_msg(app, APP_MSG_ERROR, "%s", MSG_OUT_OF_MEMORY);
		return;
	}
	if (r->form.def != NULL)
		form_clear(&r->form);
	memset(r, 0, sizeof *r);
	r->step = c->fin == FN_ACTIVE ? 2 : 1;
	if (r->step == 1)
		financial_form_start(app, &r->form);
	api_idempotency_key(r->idem);
	app->fv_focus = -1;
	app_goto(app, &screen_remedy);
}

static void
remedy_unit_start(struct app *app)
{
	if (svc_allowed(app, SERVICE_CANCEL_LOSS))
		remedy_start(app);
}

static bool
remedy_shown(const struct app *app)
{
	return app->identity.person.ncards > 0;
}

const struct svc_unit svc_remedy = {
	.id = SERVICE_CANCEL_LOSS,
	.state_size = sizeof(struct remedy),
	.shown = remedy_shown,
	.start = remedy_unit_start,
};
