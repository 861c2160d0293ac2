/*
 * svc_pin.c -- setting a card's PIN (seed 000): the PIN reset's unit
 * (svc_pin) and the screen turned to the applicant, also used to set the
 * first PIN of a card just issued (pin_flow_start).
 *
 * The service first gives a one-time challenge for (check, card).  The
 * applicant types the new 6-digit PIN twice; only dots are drawn.  The
 * digits go straight into the unit's state (struct pin: guarded memory,
 * locked, wiped when the walk-in ends): no libform buffer, no
 * form_state, no draft, no log.
 * The weak-PIN rules (forms/pin.h) are checked here first with a plain
 * reason; then the PIN and the challenge are sealed to the service's key
 * (net/seal.h), the plaintext is wiped at once, and only the sealed box
 * goes out.  A refused box (weak by the service's rules, challenge spent)
 * starts again with a fresh challenge; a box the service cannot open (the
 * terminal's sealing key is wrong) stops the reset: no PIN is ever sent
 * any other way.
 */
#include "tui/svc_pin.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/pin.h"
#include "net/seal.h"
#include "tui/card_svc.h"
#include "tui/deleg.h"
#include "tui/draw.h"
#include "tui/messages.h"
#include "tui/svc_newborn.h"

enum pin_stage {
	PIN_ST_CHALLENGE,   /* asking the service for a challenge */
	PIN_ST_FIRST,       /* the applicant types the new PIN */
	PIN_ST_SECOND,      /* and again */
	PIN_ST_SENDING,
	PIN_ST_RESEND,      /* the answer was lost: F2 sends the same box */
	PIN_ST_STUCK,       /* refused for good (wrong sealing key...) */
};

struct pin {
	char pin_card[REF_MAX];
	char pin_card_masked[32];
	enum pin_stage pin_stage;
	char pin1[PIN_LEN + 1], pin2[PIN_LEN + 1];
	int pin1_n, pin2_n;
	char challenge[64];
	char sealed[SEAL_BOX_B64];     /* the box sent (for a resend only) */
	char pin_idem[37];
};

static struct pin *
pin_state(struct app *app)
{
	return svc_state(app, &svc_pin);
}

static void pin_ask_challenge(struct app *app);

static void
pin_wipe_entries(struct pin *cs)
{
	sodium_memzero(cs->pin1, sizeof cs->pin1);
	sodium_memzero(cs->pin2, sizeof cs->pin2);
	cs->pin1_n = cs->pin2_n = 0;
}

static void
pin_wipe_all(struct pin *cs)
{
	pin_wipe_entries(cs);
	sodium_memzero(cs->sealed, sizeof cs->sealed);
	sodium_memzero(cs->challenge, sizeof cs->challenge);
}

static void
pin_challenge_done(void *arg, const struct api_error *err,
    const struct pin_challenge *res)
{
	struct app *app = arg;
	struct pin *cs = pin_state(app);

	if (cs == NULL)
		return;
	if (err == NULL || err->result == API_OK) {
		app_idle(app);
		snprintf(cs->challenge, sizeof cs->challenge, "%s",
		    res->challenge);
		pin_wipe_entries(cs);
		cs->pin_stage = PIN_ST_FIRST;
		app->dirty = true;
		return;
	}
	/* Refusals (face, lost card, old check) go where the clerk acts. */
	card_svc_done(app, SERVICE_PIN_RESET, NULL, err, NULL);
}

static void
pin_ask_challenge(struct app *app)
{
	struct pin *cs = pin_state(app);
	struct card_request req = {
		.check_id = app->identity.check_id,
		.card_id = cs->pin_card,
	};
	char key[37];

	pin_wipe_all(cs);
	cs->pin_stage = PIN_ST_CHALLENGE;
	api_idempotency_key(key);
	req.idem_key = key;
	app_busy(app, _("Preparing the PIN entry… Esc cancels"));
	api_pin_challenge(app->api, &req, pin_challenge_done, app);
}

void
pin_flow_start(struct app *app, const char *card_id, const char *masked)
{
	struct pin *cs = pin_state(app);

	if (cs == NULL) {
		app_msg(app, APP_MSG_ERROR, "%s", MSG_OUT_OF_MEMORY);
		return;
	}
	snprintf(cs->pin_card, sizeof cs->pin_card, "%s", card_id);
	snprintf(cs->pin_card_masked, sizeof cs->pin_card_masked, "%s",
	    masked);
	app->notice[0] = '\0';
	app_goto(app, &screen_pin);
	pin_ask_challenge(app);
}

static void
pin_enter(struct app *app)
{
}

static void
pin_leave(struct app *app)
{
	struct pin *cs = svc_peek(app, &svc_pin);

	/* Whatever happens next, nothing typed survives leaving. */
	if (cs != NULL)
		pin_wipe_entries(cs);
}

static void
pin_resize(struct app *app)
{
}

static void
pin_dots(struct app *app, int y, int n)
{
	WINDOW *w = app->body;
	char line[64];
	size_t o = 0;
	const char *full = app->ascii ? "*" : "●", *empty = "_";

	for (int i = 0; i < PIN_LEN; i++) {
		const char *d = i < n ? full : empty;

		memcpy(line + o, d, strlen(d));
		o += strlen(d);
		line[o++] = ' ';
	}
	line[o] = '\0';
	wattrset(w, A_BOLD);
	draw_text(w, y, (getmaxx(w) - draw_width(line)) / 2, line, 0);
	wattrset(w, A_NORMAL);
}

static void
pin_center(WINDOW *w, int y, const char *s, attr_t a)
{
	int cols = getmaxx(w), wd = draw_width(s);

	wattrset(w, a);
	draw_text(w, y, wd < cols - 4 ? (cols - wd) / 2 : 2, s, cols - 4);
	wattrset(w, A_NORMAL);
}

static void
pin_draw(struct app *app)
{
	WINDOW *w = app->body;
	struct pin *cs = pin_state(app);
	int cols = getmaxx(w);
	char line[128];

	if (cs == NULL)
		return;
	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _("Set the card's PIN"), cols - 4);
	wattrset(w, A_NORMAL);
	snprintf(line, sizeof line, "%s %s", _("Card"), cs->pin_card_masked);
	draw_text(w, 1, 2, line, cols - 4);
	switch (cs->pin_stage) {
	case PIN_ST_CHALLENGE:
		pin_center(w, 4, _("Preparing the PIN entry…"), A_NORMAL);
		break;
	case PIN_ST_FIRST:
	case PIN_ST_SECOND:
		pin_center(w, 3, _("Clerk: turn the screen and keyboard to the "
		    "applicant."), A_NORMAL);
		pin_center(w, 6, cs->pin_stage == PIN_ST_FIRST ?
		    _("Type your new 6-digit PIN") :
		    _("Type the same PIN again"), A_BOLD);
		pin_dots(app, 8, cs->pin_stage == PIN_ST_FIRST ? cs->pin1_n :
		    cs->pin2_n);
		pin_center(w, 10, _("Enter when done · Backspace corrects"),
		    A_NORMAL);
		draw_wrap(w, 12, 4, _("Do not use the same digit six times, "
		    "runs like 123456, your birth date, the end of your ID "
		    "number, or 123456 / 000000."), cols - 8, 3);
		break;
	case PIN_ST_SENDING:
		pin_center(w, 6, _("Sending the sealed PIN…"), A_NORMAL);
		break;
	case PIN_ST_RESEND:
		pin_center(w, 6, _("The answer was lost. F2 sends the same "
		    "sealed PIN again (never twice applied)."), A_NORMAL);
		break;
	case PIN_ST_STUCK:
		pin_center(w, 6, _("The PIN was not changed."), A_BOLD);
		break;
	}
}

static void
pin_reset_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;
	struct pin *cs = pin_state(app);
	char text[APP_MSG_MAX];

	if (cs == NULL)
		return;
	if (err == NULL || err->result == API_OK) {
		/* A newborn's card: the PIN receipt names the child, whom
		 * the registration's receipt named. */
		struct application *a = &app->application;
		bool same = app->have_application &&
		    strcmp(a->card.card_id, res->card.card_id) == 0;
		char who[sizeof a->subject_name], who_id[sizeof
		    a->subject_id_masked];

		memcpy(who, a->subject_name, sizeof who);
		memcpy(who_id, a->subject_id_masked, sizeof who_id);
		pin_wipe_all(cs);
		sodium_memzero(cs->pin_idem, sizeof cs->pin_idem);
		card_svc_done(app, SERVICE_PIN_RESET, NULL, err, res);
		if (same) {
			memcpy(a->subject_name, who, sizeof who);
			memcpy(a->subject_id_masked, who_id, sizeof who_id);
		}
		return;
	}
	if (err->result != API_REFUSED) {
		app_idle(app);
		if (app_session_expired(app, err))
			return;
		cs->pin_stage = PIN_ST_RESEND;
		app_error_text(text, sizeof text, err);
		app_msg(app, APP_MSG_ERROR, "%s", text);
		return;
	}
	if (strcmp(err->code, "pin_weak") == 0 ||
	    strcmp(err->code, "challenge_used") == 0 ||
	    strcmp(err->code, "challenge_unknown") == 0) {
		app_idle(app);
		app_error_text(text, sizeof text, err);
		pin_ask_challenge(app);
		app_msg(app, APP_MSG_WARN, "%s", text);
		return;
	}
	if (strcmp(err->code, "pin_box_invalid") == 0) {
		app_idle(app);
		pin_wipe_all(cs);
		cs->pin_stage = PIN_ST_STUCK;
		app_msg(app, APP_MSG_ERROR, "%s", _("The service could not open "
		    "the sealed PIN: this terminal's sealing key (--seal-key) "
		    "is not the service's. Nothing was changed. Call the help "
		    "desk; do not try again."));
		return;
	}
	card_svc_done(app, SERVICE_PIN_RESET, NULL, err, res);
}

/* The cardholder's full ID number, normalised, into out (19 bytes): the
 * checked person's, or the child's for a newborn's card. */
static void
pin_id_number(struct app *app, char out[19])
{
	const char *v = app->idform.def != NULL ?
	    form_get_key(&app->idform, "id_number") : NULL;
	size_t n = 0;

	out[0] = '\0';
	const struct pin *cs = svc_peek(app, &svc_pin);

	if (cs != NULL && newborn_card_holder(app, cs->pin_card, out))
		return;
	if (v == NULL)
		return;
	for (size_t i = 0; v[i] != '\0' && n < 18; i++)
		if ((v[i] >= '0' && v[i] <= '9') || v[i] == 'X' || v[i] == 'x')
			out[n++] = v[i] == 'x' ? 'X' : v[i];
	out[n] = '\0';
}

static void
pin_send(struct app *app)
{
	struct pin *cs = pin_state(app);
	struct card_request req = {
		.check_id = app->identity.check_id,
		.card_id = cs->pin_card,
		.sealed = cs->sealed,
		.idem_key = cs->pin_idem,
	};

	cs->pin_stage = PIN_ST_SENDING;
	app_busy(app, _("Setting the PIN… Esc cancels"));
	api_write_app(app->api, SERVICE_PIN_RESET, &req, pin_reset_done, app);
}

/* The weak-PIN rules on the first entry, or the second entry against
 * the first.  On a refusal both entries are wiped and the applicant
 * starts again with the reason on screen; true if it may go on. */
static bool
pin_accept(struct app *app)
{
	struct pin *cs = pin_state(app);
	char id[19];
	enum pin_weak w;

	if (cs->pin_stage == PIN_ST_SECOND)
		w = sodium_memcmp(cs->pin1, cs->pin2, sizeof cs->pin1) != 0 ?
		    PIN_MISMATCH : PIN_OK;
	else {
		pin_id_number(app, id);
		w = pin_check(cs->pin1, id[0] ? id : NULL, NULL);
		sodium_memzero(id, sizeof id);
	}
	if (w == PIN_OK)
		return true;
	pin_wipe_entries(cs);
	cs->pin_stage = PIN_ST_FIRST;
	app_msg(app, APP_MSG_WARN, "%s %s", _(pin_reason(w)),
	    _("Type a new PIN."));
	return false;
}

static void
pin_finish(struct app *app)
{
	struct pin *cs = pin_state(app);
	int rc;

	if (!pin_accept(app))
		return;
	rc = seal_pin(cs->sealed, sizeof cs->sealed, &app->seal, cs->challenge,
	    cs->pin1);
	pin_wipe_entries(cs);   /* at once: only the box is kept */
	if (rc != 0) {
		cs->pin_stage = PIN_ST_STUCK;
		app_msg(app, APP_MSG_ERROR, "%s", _("The PIN could not be "
		    "sealed. Nothing was sent. Call the help desk."));
		return;
	}
	api_idempotency_key(cs->pin_idem);
	pin_send(app);
}

static void
pin_type(struct app *app, wchar_t ch)
{
	struct pin *cs = pin_state(app);
	char *buf = cs->pin_stage == PIN_ST_FIRST ? cs->pin1 : cs->pin2;
	int *n = cs->pin_stage == PIN_ST_FIRST ? &cs->pin1_n : &cs->pin2_n;

	if (ch >= 0xFF10 && ch <= 0xFF19)      /* full-width digits */
		ch = L'0' + (ch - 0xFF10);
	if (ch < L'0' || ch > L'9') {
		app_msg(app, APP_MSG_WARN, "%s", _("Digits only."));
		return;
	}
	if (*n >= PIN_LEN)
		return;
	buf[(*n)++] = (char)ch;
	buf[*n] = '\0';
	app_msg_clear(app);
}

static void
pin_key(struct app *app, const struct key_event *ev)
{
	struct pin *cs = pin_state(app);
	bool typing;

	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (ev->act == ACT_BACK) {
		app_goto(app, &screen_person);
		return;
	}
	if (cs == NULL || app->busy)
		return;
	typing = cs->pin_stage == PIN_ST_FIRST || cs->pin_stage == PIN_ST_SECOND;
	switch (ev->act) {
	case ACT_CHAR:
		if (typing)
			pin_type(app, ev->ch);
		break;
	case ACT_BACKSPACE:
		if (cs->pin_stage == PIN_ST_FIRST && cs->pin1_n > 0)
			cs->pin1[--cs->pin1_n] = '\0';
		else if (cs->pin_stage == PIN_ST_SECOND && cs->pin2_n > 0)
			cs->pin2[--cs->pin2_n] = '\0';
		break;
	case ACT_CLEAR:
		if (typing) {
			pin_wipe_entries(cs);
			cs->pin_stage = PIN_ST_FIRST;
		}
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		if (cs->pin_stage == PIN_ST_RESEND) {
			pin_send(app);
		} else if (cs->pin_stage == PIN_ST_CHALLENGE) {
			pin_ask_challenge(app);
		} else if (typing && (cs->pin_stage == PIN_ST_FIRST ?
		    cs->pin1_n : cs->pin2_n) < PIN_LEN) {
			app_msg(app, APP_MSG_WARN, "%s",
			    _(pin_reason(PIN_NOT_SIX_DIGITS)));
		} else if (cs->pin_stage == PIN_ST_FIRST) {
			if (pin_accept(app))
				cs->pin_stage = PIN_ST_SECOND;
		} else if (cs->pin_stage == PIN_ST_SECOND) {
			pin_finish(app);
		}
		break;
	default:
		return;
	}
	app->dirty = true;
}

const struct screen screen_pin = {
	.name = N_("Set PIN"),
	.help = N_("The applicant sets the card's PIN: turn the screen and "
	    "keyboard to them. They type six digits, Enter, the same six "
	    "digits, Enter; only dots are shown and the clerk never sees the "
	    "PIN. Easy PINs are refused with the reason (same digit six "
	    "times, runs, the birth date, the end of the ID number, 123456 "
	    "or 000000). The PIN is sealed for the central service before it "
	    "leaves this terminal. Esc goes back; the typed digits are "
	    "wiped."),
	.enter = pin_enter,
	.draw = pin_draw,
	.key = pin_key,
	.leave = pin_leave,
	.resize = pin_resize,
	.applicant = true,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "Enter", N_("Next") },
		SCREEN_FKEY_BACK,
		SCREEN_FKEY_END_WALKIN,
	},
};

/* ---- the unit ----------------------------------------------------------- */

/* The PIN reset: the cardholder in person, face recognition passed
 * (forms/service.c), and a sealing key configured for this terminal. */
static void
pin_unit_start(struct app *app)
{
	const struct card *c = app_card(app);

	if (!svc_allowed(app, SERVICE_PIN_RESET))
		return;
	if (!app->seal.set) {
		person_notice(app, APP_MSG_ERROR, _("This terminal has no PIN "
		    "sealing key configured (--seal-key), so it cannot send a "
		    "PIN. Call the help desk."));
		return;
	}
	pin_flow_start(app, c->card_id, c->number_masked);
}

static bool
pin_shown(const struct app *app)
{
	return app->identity.person.ncards > 0;
}

const struct svc_unit svc_pin = {
	.id = SERVICE_PIN_RESET,
	.state_size = sizeof(struct pin),
	.shown = pin_shown,
	.start = pin_unit_start,
};
