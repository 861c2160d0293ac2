/*
 * screen_identity.c -- the identity check every walk-in starts with.
 *
 * A form_view over form_identity: as the number is typed its field shows
 * province, birth date and sex, and a wrong check character is flagged
 * there before any call (form_set's verdict).  F2, or Enter on the last
 * field, asks form_ready() and then the central service.  A refusal that
 * concerns one field is put at that field; one that stops the whole
 * walk-in (deceased, expired ID card, failed face match, not in the
 * register, name mismatch) is shown on a panel with what to do next, and
 * so is an answer about someone else than the number and name typed
 * (forms/person.h person_mismatch): nothing of it is taken, the form is
 * kept, the event audited.  The values stay in app->idform (memory only)
 * until the walk-in ends.
 */
#include "tui/screens.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/check.h"
#include "forms/i18n.h"
#include "forms/idnum.h"
#include "tui/audit_log.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/messages.h"

#define IDENTITY_FORM_Y 2

/* The refusal that stopped the walk-in, shown on the panel. */
static struct {
	bool shown;
	char title[128];
	char text[APP_MSG_MAX];
} stop;

/* Refusals that end the walk-in rather than ask to correct a field. */
static const struct {
	const char *code;
	const char *title;
} identity_stops[] = {
	{ "deceased", N_("Recorded as deceased") },
	{ "id_card_expired", N_("ID card expired") },
	{ "face_failed", N_("Face recognition failed") },
	{ "unknown_person", N_("Not in the register") },
	{ "name_mismatch", N_("Name does not match the ID number") },
};

static void
identity_view(struct app *app)
{
	if (app->walkin)
		app_open_form(app, &app->idform, IDENTITY_FORM_Y);
}

static void
identity_enter(struct app *app)
{
	if (!app->walkin)
		app_start_walkin(app);
	stop.shown = false;
	identity_view(app);
}

static void
identity_leave(struct app *app)
{
	stop.shown = false;
}

static void
identity_draw(struct app *app)
{
	WINDOW *w = app->body;
	int cur, rows = getmaxy(w), cols = getmaxx(w);

	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _(form_identity.title), 0);
	wattrset(w, A_NORMAL);
	if (app->fv == NULL) {
		draw_text(w, 2, 2, MSG_FORM_TOO_SMALL, 0);
		return;
	}
	form_view_draw(app->fv);
	cur = form_view_current(app->fv);
	if (stop.shown) {
		int y = IDENTITY_FORM_Y + form_identity.nfields +
		    FORM_VIEW_MSG_ROWS;
		int h = rows - y;

		draw_box(w, y, 1, h, cols - 2, app->ascii);
		wattrset(w, draw_attr(app, DRAW_PAIR_ERROR, A_BOLD));
		draw_text(w, y, 3, stop.title, cols - 8);
		wattrset(w, A_NORMAL);
		draw_wrap(w, y + 1, 3, stop.text, cols - 6, h - 3);
		wattrset(w, A_REVERSE);
		draw_text(w, y + h - 2, 3, _("Esc: back to the form to "
		    "correct it   F10: end the walk-in"), cols - 6);
		wattrset(w, A_NORMAL);
		return;   /* no cursor: the panel has the keys */
	}
	/* The field's message is the form view's; its help goes under it. */
	if (cur >= 0 && form_identity.fields[cur].help != NULL)
		draw_wrap(w, IDENTITY_FORM_Y + form_identity.nfields +
		    FORM_VIEW_MSG_ROWS + 1, 2, _(form_identity.fields[cur].help),
		    cols - 4, 3);
	app->cursor_win = w;  /* the form view places it */
}

static int
identity_field_of(const struct app *app, const char *field)
{
	static const char *const ticks[] = {
		"original_sighted", "photocopy_taken", "fingerprint",
	};
	int idx;
	size_t i;

	if (field == NULL || field[0] == '\0')
		return -1;
	if ((idx = form_find(&form_identity, field)) >= 0)
		return idx;
	if (strcmp(field, "checklist") == 0) {
		for (i = 0; i < sizeof ticks / sizeof ticks[0]; i++) {
			idx = form_find(&form_identity, ticks[i]);
			if (idx >= 0 &&
			    strcmp(form_get(&app->idform, idx), "y") != 0)
				return idx;
		}
		return form_find(&form_identity, ticks[0]);
	}
	return -1;
}

/* Stop the walk-in here: the panel says why (translated title). */
static void
identity_stop(struct app *app, const char *title, const char *text)
{
	stop.shown = true;
	snprintf(stop.title, sizeof stop.title, " %s ", title);
	snprintf(stop.text, sizeof stop.text, "%s", text);
	app_msg(app, APP_MSG_ERROR, "%s", _("The walk-in cannot go on; see "
	    "the reason below."));
}

/* An answer about someone else than the number and name typed (the
 * service mixed up records): nothing of it is taken, the form is kept,
 * the clerk is stopped and it is audited.  False if it is the person. */
static bool
identity_mismatch(struct app *app, const struct identity_result *res)
{
	const char *id = form_get_key(&app->idform, "id_number");
	unsigned diff = person_mismatch(&res->person, id,
	    form_get_key(&app->idform, "name"));
	char masked[IDNUM_MASKED_LEN + 1], words[64], text[APP_MSG_MAX];

	if (diff == 0)
		return false;
	idnum_mask(masked, id);
	person_mismatch_words(words, sizeof words, diff);
	app_audit(app, "identity_mismatch", "%s %s %s %s", masked,
	    res->check_id, res->person.id_masked, words);
	app->have_identity = false;
	person_mismatch_text(text, sizeof text, diff, &res->person);
	identity_stop(app, _("Answer does not match the ID number"), text);
	return true;
}

/* The service confirmed the identity: on to the person screen. */
static void
identity_confirmed(struct app *app, const struct identity_result *res)
{
	size_t i;

	if (identity_mismatch(app, res))
		return;
	app_audit(app, "identity", "%s %s", res->person.id_masked,
	    res->check_id);
	/* Another person than the one checked before (the clerk corrected
	 * the number): the medical form, its key and the receipt were
	 * theirs.  The same person checked again keeps what was typed. */
	if (strcmp(res->person.person_id, app->identity.person.person_id) != 0)
		app_drop_services(app);
	app->identity = *res;
	app->have_identity = true;
	app->notice[0] = '\0';
	app->card = app->identity.person.ncards > 0 ? 0 : -1;
	/* Land on the first card that still needs its medical function. */
	for (i = 0; i < app->identity.person.ncards; i++) {
		const struct card *c = &app->identity.person.cards[i];

		if (c->state == CARD_NORMAL && c->ss == FN_INACTIVE) {
			app->card = (int)i;
			break;
		}
	}
	app_goto(app, &screen_person);
	app_msg(app, APP_MSG_INFO, "%s", _("Identity confirmed."));
}

static void
identity_done(void *arg, const struct api_error *err,
    const struct identity_result *res)
{
	struct app *app = arg;
	char text[APP_MSG_MAX], masked[IDNUM_MASKED_LEN + 1];
	size_t i;

	app_idle(app);
	if (err == NULL || err->result == API_OK) {
		identity_confirmed(app, res);
		return;
	}
	if (err->result == API_REFUSED) {
		idnum_mask(masked, form_get_key(&app->idform, "id_number"));
		app_audit(app, "identity_refused", "%s %s", masked, err->code);
	}
	if (app_session_expired(app, err))
		return;
	if (err->result == API_CANCELLED) {
		app_msg(app, APP_MSG_INFO, "%s", _("Identity check cancelled. "
		    "The form is kept; F2 checks again."));
		return;
	}
	app_error_text(text, sizeof text, err);
	if (err->result == API_REFUSED) {
		app_field_refused(app, &app->idform,
		    identity_field_of(app, err->field), text);
		for (i = 0; i < sizeof identity_stops / sizeof identity_stops[0];
		    i++)
			if (strcmp(err->code, identity_stops[i].code) == 0) {
				identity_stop(app, _(identity_stops[i].title),
				    text);
				return;
			}
		app_msg(app, APP_MSG_ERROR, "%s", text);
		return;
	}
	app_msg(app, APP_MSG_ERROR, "%s %s", text,
	    _("Nothing is lost: F2 tries again."));
}

static enum face_result
identity_face(const char *v)
{
	if (strcmp(v, "pass") == 0)
		return FACE_PASS;
	if (strcmp(v, "fail") == 0)
		return FACE_FAIL;
	return FACE_NOT_DONE;
}

static bool
identity_tick(const struct app *app, const char *key)
{
	return strcmp(form_get_key(&app->idform, key), "y") == 0;
}

/* The wire wants "long-term" or YYYY-MM-DD; the clerk may type L,
 * 长期 or 20310501.  form_ready() has already accepted the value. */
static const char *
identity_validity(const struct app *app, char out[DATE_STR])
{
	struct date until;
	bool long_term = false;

	if (check_validity(form_get_key(&app->idform, "id_valid_until"),
	    app->today, &long_term, &until) != CHECK_OK || long_term)
		return "long-term";
	date_format(out, until);
	return out;
}

static void
identity_submit(struct app *app)
{
	struct identity_request req;
	char valid[DATE_STR];
	int first;

	if (app->busy) {
		app_msg(app, APP_MSG_WARN, "%s", MSG_IN_FLIGHT);
		return;
	}
	if (form_ready(&app->idform, &first) != 0) {
		form_view_sync(app->fv);
		if (first >= 0) {
			form_view_focus(app->fv, first);
			app->fv_focus = first;
		}
		app_msg(app, APP_MSG_ERROR, "%s", app->idform.form_msg);
		return;
	}
	memset(&req, 0, sizeof req);
	req.id_number = form_get_key(&app->idform, "id_number");
	req.name = form_get_key(&app->idform, "name");
	req.valid_until = identity_validity(app, valid);
	req.original_sighted = identity_tick(app, "original_sighted");
	req.photocopy_taken = identity_tick(app, "photocopy_taken");
	req.face = identity_face(form_get_key(&app->idform, "face"));
	req.fingerprint = identity_tick(app, "fingerprint");
	app_msg_clear(app);
	app_busy(app, _("Checking identity… Esc cancels"));
	api_identity_check(app->api, &req, identity_done, app);
	sodium_memzero(&req, sizeof req);
}

static void
identity_key(struct app *app, const struct key_event *ev)
{
	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (stop.shown) {
		if (ev->act == ACT_BACK || ev->act == ACT_ENTER) {
			stop.shown = false;
			app_msg_clear(app);
		}
		app->dirty = true;
		return;
	}
	if (ev->act == ACT_BACK) {
		/* The walk-in is kept; Home continues it. */
		app_goto(app, &screen_home);
		return;
	}
	switch (form_view_key(app->fv, ev)) {
	case FV_SUBMIT:
		identity_submit(app);
		break;
	case FV_CHANGED:
	case FV_NONE:
	case FV_UNHANDLED:
		break;
	}
	app->dirty = true;
}

const struct screen screen_identity = {
	.name = N_("Identity check"),
	.help = N_("Type the ID number, name and end date from the applicant's "
	    "ID card; the number's province, birth date and sex show under it "
	    "as you type, and a wrong check character is flagged at once. "
	    "Tick each checklist item with Space as you do it, and choose what "
	    "the face-recognition device said. F2 (or Enter on the last "
	    "field) asks the central service. Esc goes Home and keeps the "
	    "form; F10 ends the walk-in and wipes it."),
	.enter = identity_enter,
	.draw = identity_draw,
	.key = identity_key,
	.leave = identity_leave,
	.resize = identity_view,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "F2", N_("Check") },
		SCREEN_FKEY_HOME,
		SCREEN_FKEY_END_WALKIN,
	},
};
