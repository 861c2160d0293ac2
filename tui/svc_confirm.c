/*
 * svc_confirm.c -- the card services whose work is a confirmation, one
 * screen for all (see svc_confirm.h); their units are rows of
 * tui/services.c.
 *
 * The screen shows the person, the card the write acts on (none for a
 * first card), the unit's own words for what F2 does, and the key the
 * write goes with, kept until its answer comes; an answer that never
 * came leaves the write in the outbox (tui/queued.h).
 */
#include "tui/svc_confirm.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "tui/card_svc.h"
#include "tui/draw.h"
#include "tui/form_screen.h"
#include "tui/messages.h"
#include "tui/queued.h"

/* The unit on screen (one confirmation at a time). */
static const struct svc_unit *confirm_unit;

static struct svc_confirm_state *
confirm_state(struct app *app)
{
	return confirm_unit != NULL ? svc_state(app, confirm_unit) : NULL;
}

static void
confirm_draw(struct app *app)
{
	WINDOW *w = app->body;
	const struct card *c = app_card(app);
	const struct service_def *d;
	char line[APP_MSG_MAX];
	int cols = getmaxx(w), y = 2;

	if (confirm_unit == NULL || (d = service_def(confirm_unit->id)) == NULL)
		return;
	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _(confirm_unit->confirm->title != NULL ?
	    confirm_unit->confirm->title : d->label), cols - 4);
	wattrset(w, A_NORMAL);
	snprintf(line, sizeof line, "%s  %s", app->identity.person.name,
	    app->identity.person.id_masked);
	draw_text(w, y++, 2, line, cols - 4);
	if (c != NULL && !confirm_unit->confirm->no_card) {
		snprintf(line, sizeof line, "%s %s  %s", _("Card"),
		    c->number_masked, c->bank);
		draw_text(w, y++, 2, line, cols - 4);
	}
	draw_wrap(w, y + 1, 2, _(confirm_unit->confirm->text), cols - 4, 6);
}

static void confirm_done(void *arg, const struct api_error *err,
    const struct application *res);

static const char *
confirm_live(struct app *app)
{
	struct svc_confirm_state *st = confirm_unit != NULL ?
	    svc_peek(app, confirm_unit) : NULL;

	return st != NULL ? st->idem : NULL;
}

static void
confirm_request(const struct app *app, struct card_request *req,
    const char *idem)
{
	card_svc_request(app, req, idem);
	if (confirm_unit->confirm->no_card)
		req->card_id = NULL;
}

static void
confirm_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;
	struct svc_confirm_state *st = confirm_state(app);
	struct card_request req;

	if (st == NULL)
		return;
	confirm_request(app, &req, st->idem);
	if (card_svc_queue(app, confirm_unit->id, &req, st->idem,
	    confirm_live, confirm_done, err))
		return;
	if (err == NULL || err->result == API_OK)
		sodium_memzero(st->idem, sizeof st->idem);
	card_svc_done(app, confirm_unit->id, NULL, err, res);
}

static void
confirm_submit(struct app *app)
{
	struct svc_confirm_state *st = confirm_state(app);
	struct card_request req;

	if (form_screen_busy(app))
		return;
	if (st == NULL || !app->have_identity ||
	    queued_waits(app, confirm_unit->id, st->idem))
		return;
	app_msg_clear(app);
	confirm_request(app, &req, st->idem);
	app_busy(app, _(confirm_unit->confirm->busy));
	api_write_app(app->api, confirm_unit->id, &req, confirm_done, app);
}

static void
confirm_key(struct app *app, const struct key_event *ev)
{
	if (form_screen_key(app, ev))
		confirm_submit(app);
}

const struct screen screen_confirm = {
	.name = N_("Card application"),
	.help = N_("Check the original ID card (and the photo): the screen "
	    "says what will be done. F2 confirms. Sending again after a "
	    "network failure never makes a second application. Esc goes back "
	    "to the cards."),
	.draw = confirm_draw,
	.key = confirm_key,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "F2", N_("Confirm") },
		SCREEN_FKEY_BACK,
		SCREEN_FKEY_END_WALKIN,
	},
};

void
svc_confirm_start(struct app *app, const struct svc_unit *u)
{
	struct svc_confirm_state *st;

	if (!svc_allowed(app, u->id))
		return;
	confirm_unit = u;
	if ((st = confirm_state(app)) == NULL) {
		app_msg(app, APP_MSG_ERROR, "%s", MSG_OUT_OF_MEMORY);
		return;
	}
	api_idempotency_key(st->idem);
	app_goto(app, &screen_confirm);
}
