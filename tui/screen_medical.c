/*
 * screen_medical.c -- medical-insurance account activation (seed 001).
 *
 * form_medical with the person and the chosen card filled in read-only
 * (masked) and the cursor on the bank card.  The Idempotency-Key is made
 * once per form and kept until an answer comes, so sending again after a
 * network failure can never create a second application.  A bank card
 * failing Luhn is cleared by form_ready() and must be typed again; the
 * same number twice goes out with luhn_confirmed.
 */
#include "tui/screens.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/text.h"
#include "tui/audit_log.h"
#include "net/outbox.h"
#include "tui/queued.h"
#include "tui/draw.h"
#include "tui/form_view.h"

#define MEDICAL_FORM_Y 2

static void
medical_view(struct app *app)
{
	if (app->medical_ready)
		app_open_form(app, &app->medform, MEDICAL_FORM_Y);
}

static void
medical_prefill(struct app *app, const char *key, const char *value)
{
	int idx = form_find(&form_medical, key);

	if (idx >= 0)
		form_set(&app->medform, idx, value);
}

static void
medical_enter(struct app *app)
{
	const struct card *c = app_card(app);
	struct form_ctx ctx = { .today = app->today };

	if (c == NULL)
		return;
	/* A form for another card (or none yet): start afresh. */
	if (!app->medical_ready || app->medical_card != app->card) {
		if (app->medform.def != NULL)
			form_clear(&app->medform);
		form_start(&app->medform, &form_medical, &ctx);
		medical_prefill(app, "name", app->identity.person.name);
		medical_prefill(app, "id_masked",
		    app->identity.person.id_masked);
		medical_prefill(app, "card", c->number_masked);
		api_idempotency_key(app->medical_idem);
		app->medical_ready = true;
		app->medical_card = app->card;
	}
	medical_view(app);
}

static void
medical_leave(struct app *app)
{
}

static void
medical_draw(struct app *app)
{
	WINDOW *w = app->body;
	const struct card *c = app_card(app);
	int cur, cols = getmaxx(w);
	int y = MEDICAL_FORM_Y + form_medical.nfields + FORM_VIEW_MSG_ROWS + 1;

	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _(form_medical.title), 0);
	wattrset(w, A_NORMAL);
	if (app->fv == NULL) {
		draw_text(w, 2, 2, _("The form does not fit; enlarge the "
		    "terminal."), 0);
		return;
	}
	form_view_draw(app->fv);
	if (c != NULL) {
		char line[TEXT_MAX + 32];

		snprintf(line, sizeof line, "%s: %s", _("Card's bank"), c->bank);
		draw_text(w, y++, 2, line, cols - 4);
	}
	draw_wrap(w, y + 1, 2, _("On site: the applicant's face recognition "
	    "and fingerprint, the original ID card and its photocopy, the "
	    "social-security card and the bank card."), cols - 4, 2);
	cur = form_view_current(app->fv);
	/* The field's message is the form view's; its help goes here. */
	if (cur >= 0 && form_medical.fields[cur].help != NULL)
		draw_wrap(w, y + 4, 2, _(form_medical.fields[cur].help),
		    cols - 4, 3);
	app->cursor_win = w;
}

static void medical_done(void *arg, const struct api_error *err,
    const struct application *res);
static bool medical_queue(struct app *app, const struct api_error *err);

/* A refusal about the card itself: what it says of the card's state. */
static void
medical_card_refused(struct app *app, const char *code)
{
	struct card *c;

	if (!app->have_identity || app->card < 0 ||
	    (size_t)app->card >= app->identity.person.ncards)
		return;
	c = &app->identity.person.cards[app->card];
	if (strcmp(code, "already_active") == 0)
		c->ss = FN_ACTIVE;
	else if (strcmp(code, "card_lost") == 0)
		c->state = CARD_LOST;
	else if (strcmp(code, "deadline_passed") == 0)
		c->ss = FN_REPORTED_LOST;
	else
		return;
	app_drop_services(app);
}

static void
medical_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;
	char text[APP_MSG_MAX], notice[APP_MSG_MAX + 64];
	const struct card *c = app_card(app);

	app_idle(app);
	app_audit_submit(app, SERVICE_MEDICAL, err, res);
	if (err == NULL || err->result == API_OK) {
		app->application = *res;
		app->have_application = true;
		if (c != NULL && strcmp(res->card.card_id, c->card_id) == 0)
			app->identity.person.cards[app->card] = res->card;
		/* The bank card number is not needed any more. */
		form_clear(&app->medform);
		sodium_memzero(app->medical_idem, sizeof app->medical_idem);
		app->medical_ready = false;
		app_goto(app, &screen_receipt);
		return;
	}
	if (medical_queue(app, err) ||
	    app_write_failed(app, err, text, sizeof text))
		return;
	if (strcmp(err->code, "card_lost") == 0 ||
	    strcmp(err->code, "already_active") == 0 ||
	    strcmp(err->code, "deadline_passed") == 0 ||
	    strcmp(err->code, "card_unknown") == 0) {
		if (strcmp(err->code, "deadline_passed") == 0 && c != NULL)
			app_deadline_remedy(text, sizeof text, c);
		/* The service knows better than the cards shown: make them
		 * agree with its answer, so the person screen does not say
		 * "not active" under "already active", and its pre-check
		 * stops a second try.  The form for this card is of no more
		 * use: wipe the bank card number. */
		medical_card_refused(app, err->code);
		app->notice_kind = APP_MSG_WARN;
		snprintf(notice, sizeof notice, "%s: %s",
		    _("The service refused"), text);
		text_sanitize(app->notice, sizeof app->notice, notice,
		    strlen(notice));
		app_goto(app, &screen_person);
		app_msg(app, APP_MSG_WARN, "%s",
		    _("The service refused the activation; see below."));
		return;
	}
	if (strcmp(err->code, "idempotency_conflict") == 0)
		api_idempotency_key(app->medical_idem);
	app_field_refused(app, &app->medform, err->field[0] != '\0' ?
	    form_find(&form_medical, err->field) : -1, text);
	app_msg(app, APP_MSG_ERROR, "%s", text);
}

/* The request from the form as it stands; digits receives the bank card
 * number without the spaces the clerk may have typed (wipe it after). */
static void
medical_request_of(struct app *app, const struct card *c,
    struct medical_request *req, char digits[FORM_VALUE_MAX])
{
	int bi = form_find(&form_medical, "bank_card");
	const char *bank = form_get(&app->medform, bi);
	size_t i, n = 0;

	for (i = 0; bank[i] != '\0' && n < FORM_VALUE_MAX - 1; i++)
		if (bank[i] >= '0' && bank[i] <= '9')
			digits[n++] = bank[i];
	digits[n] = '\0';
	memset(req, 0, sizeof *req);
	req->check_id = app->identity.check_id;
	req->card_id = c->card_id;
	req->bank_card = digits;
	req->phone = form_get_key(&app->medform, "phone");
	req->luhn_confirmed = bi >= 0 && app->medform.confirmed[bi];
	req->idem_key = app->medical_idem;
}


/* The answer to the activation that waited in the outbox while the clerk
 * is still at it (tui/queued.h; else the status line tells). */
static void
medical_outbox_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;

	app->medical_queued = false;
	medical_done(arg, err, res);
}

static const char *
medical_live(struct app *app)
{
	return app->medical_queued ? app->medical_idem : NULL;
}

/* The answer never came: the same request, with the same key, waits in
 * the outbox and goes by itself when the service is back. */
static bool
medical_queue(struct app *app, const struct api_error *err)
{
	struct medical_request req;
	char digits[FORM_VALUE_MAX];
	const struct card *c = app_card(app);
	int rc;

	if (c == NULL || app->medical_idem[0] == '\0' ||
	    (err->result != API_UNREACHABLE && err->result != API_TIMEOUT))
		return false;
	medical_request_of(app, c, &req, digits);
	rc = queued_add(app, SERVICE_MEDICAL, &req, app->medical_idem,
	    medical_live, medical_outbox_done);
	sodium_memzero(digits, sizeof digits);
	sodium_memzero(&req, sizeof req);
	if (rc != 0)
		return false;
	app->medical_queued = true;
	/* One sentence that fits the two status rows: what happened, that
	 * nothing need be done, and the key that hurries it. */
	app_msg(app, APP_MSG_WARN, "%s", err->result == API_TIMEOUT ?
	    _("No answer in time. The activation waits in the outbox and is "
	    "sent by itself when the service is back (F5: now), never twice; "
	    "the form is kept.") :
	    _("The service cannot be reached. The activation waits in the "
	    "outbox and is sent by itself when it is back (F5: now), never "
	    "twice; the form is kept."));
	return true;
}

static void
medical_submit(struct app *app)
{
	struct medical_request req;
	char digits[FORM_VALUE_MAX];
	const struct card *c = app_card(app);
	int first;

	if (app->busy) {
		app_msg(app, APP_MSG_WARN, "%s", _("A request is in flight; "
		    "wait for it or press Esc to cancel it."));
		return;
	}
	if (c == NULL || !app->have_identity)
		return;
	if (app->medical_queued) {
		app_msg(app, APP_MSG_WARN, "%s", _("This activation waits in the "
		    "outbox and is sent by itself when the service is back. F5 "
		    "sends it now."));
		return;
	}
	if (form_ready(&app->medform, &first) != 0) {
		/* A Luhn warning cleared the field: show that, go there. */
		form_view_sync(app->fv);
		if (first >= 0) {
			form_view_focus(app->fv, first);
			app->fv_focus = first;
		}
		app_msg(app, first >= 0 &&
		    app->medform.warned[first][0] != '\0' ? APP_MSG_WARN :
		    APP_MSG_ERROR, "%s", app->medform.form_msg);
		return;
	}
	/* Digits only on the wire: the clerk may type the card's spaces. */
	medical_request_of(app, c, &req, digits);
	app_msg_clear(app);
	app_busy(app, _("Activating the medical function… Esc cancels"));
	api_write_app(app->api, SERVICE_MEDICAL, &req, medical_done, app);
	sodium_memzero(digits, sizeof digits);
	sodium_memzero(&req, sizeof req);
}

static void
medical_key(struct app *app, const struct key_event *ev)
{
	if (ev->act == ACT_BACK) {
		/* The form is kept for this card. */
		app_goto(app, &screen_person);
		return;
	}
	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (form_view_key(app->fv, ev) == FV_SUBMIT)
		medical_submit(app);
	app->dirty = true;
}

const struct screen screen_medical = {
	.name = N_("Medical activation"),
	.help = N_("Activates the medical-insurance function of the chosen "
	    "card. The person and card come from the identity check. Type "
	    "the applicant's UnionPay bank card (16 to 19 digits starting 62) "
	    "and mobile number. A card number that fails its check digit is "
	    "cleared: type it again, and the same number twice is accepted. "
	    "F2 (or Enter on the last field) sends it; sending again after a "
	    "network failure never makes a second application. Esc goes back "
	    "to the cards and keeps the form."),
	.enter = medical_enter,
	.draw = medical_draw,
	.key = medical_key,
	.leave = medical_leave,
	.resize = medical_view,
	.fkeys = {
		{ "F1", N_("Help") },
		{ "F2", N_("Activate") },
		{ "Esc", N_("Back") },
		{ "F10", N_("End walk-in") },
	},
};
