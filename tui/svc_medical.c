/*
 * svc_medical.c -- medical-insurance account activation (seed 001): the
 * service's unit (svc_medical) and its screen.
 *
 * form_medical with the person and the chosen card filled in read-only
 * (masked) and the cursor on the bank card.  The Idempotency-Key is made
 * once per form and kept until an answer comes, so sending again after a
 * network failure can never create a second application.  A bank card
 * failing Luhn is cleared by form_ready() and must be typed again; the
 * same number twice goes out with luhn_confirmed.
 *
 * What it keeps (struct medical, the unit's state): the form for one
 * card, with its key; the draft journals the form (not the bank card:
 * FIELD_NOJOURNAL), the card and the key.
 */
#include "tui/svc_medical.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/text.h"
#include "tui/audit_log.h"
#include "net/outbox.h"
#include "tui/queued.h"
#include "tui/draw.h"
#include "tui/form_screen.h"
#include "tui/form_view.h"
#include "tui/messages.h"
#include "tui/services.h"

#define MEDICAL_FORM_Y 2

struct medical {
	struct form_state form;
	bool ready;                /* form is for card */
	int card;                  /* index into the person's cards */
	char idem[37];             /* the form's Idempotency-Key */
	bool queued;               /* its activation waits in the outbox */
};

static struct medical *
medical(struct app *app)
{
	return svc_state(app, &svc_medical);
}

static void
medical_view(struct app *app)
{
	struct medical *m = medical(app);

	if (m != NULL && m->ready)
		app_open_form(app, &m->form, MEDICAL_FORM_Y);
}

static void
medical_enter(struct app *app)
{
	const struct card *c = app_card(app);
	struct form_ctx ctx = { .today = app->today };
	struct medical *m = medical(app);

	if (c == NULL || m == NULL)
		return;
	/* A form for another card (or none yet): start afresh. */
	if (!m->ready || m->card != app->card) {
		if (m->form.def != NULL)
			form_clear(&m->form);
		form_start(&m->form, &form_medical, &ctx);
		form_set_key(&m->form, "name", app->identity.person.name);
		form_set_key(&m->form, "id_masked",
		    app->identity.person.id_masked);
		form_set_key(&m->form, "card", c->number_masked);
		api_idempotency_key(m->idem);
		m->ready = true;
		m->card = app->card;
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
	int y = form_screen_draw(app, _(form_medical.title), &form_medical,
	    MEDICAL_FORM_Y);

	if (y < 0)
		return;
	y = form_screen_bank(app, y);
	draw_wrap(app->body, y + 1, 2, _("On site: the applicant's face "
	    "recognition and fingerprint, the original ID card and its "
	    "photocopy, the social-security card and the bank card."),
	    getmaxx(app->body) - 4, 2);
	form_screen_help(app, &form_medical, y + 4);
}

/* The form and its key are of no more use (done, or refused for the
 * card): the bank card number is wiped. */
static void
medical_forget(struct app *app)
{
	struct medical *m = medical(app);

	if (m == NULL)
		return;
	if (m->form.def != NULL)
		form_clear(&m->form);
	sodium_memzero(m, sizeof *m);
	m->card = -1;
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
	medical_forget(app);
}

static void
medical_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;
	char text[APP_MSG_MAX];
	const struct card *c = app_card(app);

	app_idle(app);
	app_audit_submit(app, SERVICE_MEDICAL, err, res);
	if (err == NULL || err->result == API_OK) {
		app->application = *res;
		app->have_application = true;
		if (c != NULL && strcmp(res->card.card_id, c->card_id) == 0)
			app->identity.person.cards[app->card] = res->card;
		/* The bank card number is not needed any more. */
		medical_forget(app);
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
		app_refused_to_person(app, text, _("The service refused the "
		    "activation; see below."));
		return;
	}
	if (strcmp(err->code, "idempotency_conflict") == 0)
		api_idempotency_key(medical(app)->idem);
	app_field_refused(app, &medical(app)->form, err->field[0] != '\0' ?
	    form_find(&form_medical, err->field) : -1, text);
	app_msg(app, APP_MSG_ERROR, "%s", text);
}

/* The request from the form as it stands; digits receives the bank card
 * number without the spaces the clerk may have typed (wipe it after). */
static void
medical_request_of(struct app *app, const struct card *c,
    struct medical_request *req, char digits[FORM_VALUE_MAX])
{
	struct medical *m = medical(app);
	int bi = form_find(&form_medical, "bank_card");
	const char *bank = form_get(&m->form, bi);
	size_t i, n = 0;

	for (i = 0; bank[i] != '\0' && n < FORM_VALUE_MAX - 1; i++)
		if (bank[i] >= '0' && bank[i] <= '9')
			digits[n++] = bank[i];
	digits[n] = '\0';
	memset(req, 0, sizeof *req);
	req->check_id = app->identity.check_id;
	req->card_id = c->card_id;
	req->bank_card = digits;
	req->phone = form_get_key(&m->form, "phone");
	req->luhn_confirmed = bi >= 0 && m->form.confirmed[bi];
	req->idem_key = m->idem;
}


/* The answer to the activation that waited in the outbox while the clerk
 * is still at it (tui/queued.h; else the status line tells). */
static void
medical_outbox_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;

	medical(app)->queued = false;
	medical_done(arg, err, res);
}

static const char *
medical_live(struct app *app)
{
	struct medical *m = svc_peek(app, &svc_medical);

	return m != NULL && m->queued ? m->idem : NULL;
}

/* The answer never came: the same request, with the same key, waits in
 * the outbox and goes by itself when the service is back. */
static bool
medical_queue(struct app *app, const struct api_error *err)
{
	struct medical_request req;
	char digits[FORM_VALUE_MAX];
	const struct card *c = app_card(app);
	struct medical *m = medical(app);
	int rc;

	if (c == NULL || m->idem[0] == '\0' || !queued_lost(err))
		return false;
	medical_request_of(app, c, &req, digits);
	rc = queued_add(app, SERVICE_MEDICAL, &req, m->idem, medical_live,
	    medical_outbox_done);
	sodium_memzero(digits, sizeof digits);
	sodium_memzero(&req, sizeof req);
	if (rc != 0)
		return false;
	m->queued = true;
	/* One sentence that fits the two status rows: what happened, that
	 * nothing need be done, and the key that hurries it. */
	app_msg(app, APP_MSG_WARN, "%s", err->result == API_TIMEOUT ?
	    MSG_OUTBOX_MEDICAL_TIMEOUT : MSG_OUTBOX_MEDICAL_UNREACHABLE);
	return true;
}

static void
medical_submit(struct app *app)
{
	struct medical_request req;
	char digits[FORM_VALUE_MAX];
	const struct card *c = app_card(app);
	struct medical *m = medical(app);

	if (form_screen_busy(app))
		return;
	if (c == NULL || !app->have_identity || m == NULL)
		return;
	if (m->queued) {
		app_msg(app, APP_MSG_WARN, "%s", MSG_OUTBOX_MEDICAL_WAITS);
		return;
	}
	/* A Luhn warning cleared the field: form_screen_ready says so. */
	if (!form_screen_ready(app, &m->form))
		return;
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
	if (form_screen_key(app, ev))
		medical_submit(app);
}

/* ---- the unit ----------------------------------------------------------- */

static void
medical_save(struct app *app, const void *state, struct journal_doc *d)
{
	const struct medical *m = state;
	char card[16];

	/* The form is for one card, with its key (so a send that was
	 * answered before a crash is answered the same again). */
	if (!m->ready)
		return;
	snprintf(card, sizeof card, "%d", m->card);
	journal_put(d, "medical_card", card);
	journal_put(d, "medical_idem", m->idem);
}

static void
medical_restore(struct app *app, void *state, const struct journal_doc *d)
{
	struct medical *m = state;
	const char *v = journal_get(d, "medical_card");

	if (v == NULL || m->form.def == NULL)
		return;
	m->card = atoi(v);
	m->ready = true;
	v = journal_get(d, "medical_idem");
	if (v != NULL && strlen(v) == sizeof m->idem - 1)
		memcpy(m->idem, v, sizeof m->idem);
	else
		api_idempotency_key(m->idem);
}

static void
medical_start(struct app *app)
{
	if (svc_allowed(app, SERVICE_MEDICAL))
		app_goto(app, &screen_medical);
}

const struct svc_unit svc_medical = {
	.id = SERVICE_MEDICAL,
	.state_size = sizeof(struct medical),
	.forms = { { "medical", &form_medical,
	    offsetof(struct medical, form) } },
	.save = medical_save,
	.restore = medical_restore,
	.start = medical_start,
};

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
		SCREEN_FKEY_HELP,
		{ "F2", N_("Activate") },
		SCREEN_FKEY_BACK,
		SCREEN_FKEY_END_WALKIN,
	},
};
