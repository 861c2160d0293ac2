/*
 * svc_financial.c -- the financial function's activation (seeds 002,
 * 004): the service's unit (svc_financial) and its screen.
 *
 * The clerk types the bank account number printed on the card; F2 sends
 * it.  Its Idempotency-Key is made with the form and kept until an answer
 * comes, so F2 again after a lost answer never makes a second
 * application; an answer that never came leaves the write in the outbox
 * (tui/queued.h).  A card past its 300-day deadline is the remedy's
 * (tui/svc_remedy.c), which starts with this same form.
 */
#include "tui/svc_financial.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "tui/card_svc.h"
#include "tui/draw.h"
#include "tui/form_screen.h"
#include "tui/form_view.h"
#include "tui/messages.h"
#include "tui/queued.h"
#include "tui/svc_remedy.h"

struct financial {
	struct form_state form;
	char idem[37];
};

static struct financial *
financial(struct app *app)
{
	return svc_state(app, &svc_financial);
}

void
financial_form_start(struct app *app, struct form_state *st)
{
	struct form_ctx ctx = { .today = app->today };
	const struct card *c = app_card(app);

	if (st->def != NULL)
		form_clear(st);
	form_start(st, &form_financial, &ctx);
	form_set_key(st, "name", app->identity.person.name);
	form_set_key(st, "id_masked", app->identity.person.id_masked);
	if (c != NULL)
		form_set_key(st, "card", c->number_masked);
}

void
financial_request(const struct app *app, const struct form_state *st,
    const char *idem_key, struct card_request *req, char *digits,
    size_t digitsz)
{
	int bi = form_find(&form_financial, "bank_card");
	const char *in = form_get(st, bi);
	size_t n = 0;

	/* The account's digits only (the clerk may type the card's spaces). */
	for (size_t i = 0; in[i] != '\0' && n < digitsz - 1; i++)
		if (in[i] >= '0' && in[i] <= '9')
			digits[n++] = in[i];
	digits[n] = '\0';
	card_svc_request(app, req, idem_key);
	req->bank_card = digits;
	req->luhn_confirmed = bi >= 0 && st->confirmed[bi];
}

void
financial_form_draw(struct app *app, const char *title, const char *note)
{
	int y = form_screen_draw(app, title, &form_financial,
	    FINANCIAL_FORM_Y);

	if (y < 0)
		return;
	y = form_screen_bank(app, y);
	draw_wrap(app->body, y + 1, 2, note, getmaxx(app->body) - 4, 4);
}

/* ---- the screen ------------------------------------------------------- */

static void
fin_view(struct app *app)
{
	struct financial *f = financial(app);

	if (f != NULL && f->form.def != NULL)
		app_open_form(app, &f->form, FINANCIAL_FORM_Y);
}

static void
fin_draw(struct app *app)
{
	financial_form_draw(app, _("Financial function activation"),
	    _("Type the bank account number printed on the card. F2 "
	    "activates."));
}

static void fin_done(void *arg, const struct api_error *err,
    const struct application *res);

static const char *
fin_live(struct app *app)
{
	struct financial *f = svc_peek(app, &svc_financial);

	return f != NULL ? f->idem : NULL;
}

static void
fin_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;
	struct financial *f = financial(app);
	struct card_request req;
	char digits[FORM_VALUE_MAX];
	bool queued;

	financial_request(app, &f->form, f->idem, &req, digits,
	    sizeof digits);
	queued = card_svc_queue(app, SERVICE_FINANCIAL, &req, f->idem,
	    fin_live, fin_done, err);
	sodium_memzero(digits, sizeof digits);
	if (queued)
		return;
	if (err == NULL || err->result == API_OK) {
		/* The account number is not needed any more. */
		form_clear(&f->form);
		sodium_memzero(f->idem, sizeof f->idem);
	}
	card_svc_done(app, SERVICE_FINANCIAL, &f->form, err, res);
}

static void
fin_submit(struct app *app)
{
	struct financial *f = financial(app);
	struct card_request req;
	char digits[FORM_VALUE_MAX];

	if (form_screen_busy(app))
		return;
	if (f == NULL || !app->have_identity ||
	    queued_waits(app, SERVICE_FINANCIAL, f->idem) ||
	    !form_screen_ready(app, &f->form))
		return;
	app_msg_clear(app);
	financial_request(app, &f->form, f->idem, &req, digits,
	    sizeof digits);
	app_busy(app, MSG_BUSY_FINANCIAL);
	api_write_app(app->api, SERVICE_FINANCIAL, &req, fin_done, app);
	sodium_memzero(digits, sizeof digits);
	sodium_memzero(&req, sizeof req);
}

static void
fin_key(struct app *app, const struct key_event *ev)
{
	if (form_screen_key(app, ev))
		fin_submit(app);
}

const struct screen screen_financial = {
	.name = N_("Financial activation"),
	.help = N_("Type the bank account number printed on the card; F2 "
	    "sends it. Sending again after a network failure never makes a "
	    "second application. Esc goes back to the cards."),
	.enter = fin_view,
	.draw = fin_draw,
	.key = fin_key,
	.resize = fin_view,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "F2", N_("Activate") },
		SCREEN_FKEY_BACK,
		SCREEN_FKEY_END_WALKIN,
	},
};

/* ---- the unit ----------------------------------------------------------- */

static void
fin_start(struct app *app)
{
	const struct card *c = app_card(app);
	struct financial *f;

	if (!svc_allowed(app, SERVICE_FINANCIAL))
		return;
	/* Past the deadline the financial function is step 1 of the remedy:
	 * the guided flow goes on to step 2 by itself. */
	if (c->ss == FN_REPORTED_LOST) {
		remedy_start(app);
		return;
	}
	if ((f = financial(app)) == NULL) {
		app_msg(app, APP_MSG_ERROR, "%s", MSG_OUT_OF_MEMORY);
		return;
	}
	financial_form_start(app, &f->form);
	api_idempotency_key(f->idem);
	app->fv_focus = -1;
	app_goto(app, &screen_financial);
}

static bool
fin_shown(const struct app *app)
{
	return app->identity.person.ncards > 0;
}

const struct svc_unit svc_financial = {
	.id = SERVICE_FINANCIAL,
	.state_size = sizeof(struct financial),
	.shown = fin_shown,
	.start = fin_start,
};
