/*
 * svc_newborn.c -- a newborn's registration from the household register
 * (seeds 000, 003), from the person screen of a parent after their
 * identity check: its unit (svc_newborn), what it keeps, and its second
 * screen.
 *
 * screen_household (tui/svc_household.c) finds the child in the record;
 * screen_newborn: the child's details as the record gives them (never
 * retyped), the personal commitment letter the parent confirms (y), and
 * F2 registers: one receipt lists the first card application, the
 * medical-insurance enrolment and the link to the parent's family
 * account.
 */
#include "tui/svc_newborn.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/newborn.h"
#include "tui/audit_log.h"
#include "tui/deleg.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/queued.h"

#define W(app) newborn_work(app)

struct newborn_work *
newborn_work(struct app *app)
{
	return svc_state(app, &svc_newborn);
}

static bool letter_confirmed;

static const struct household_member *
nb_child(struct app *app)
{
	if (!W(app)->have_household)
		return NULL;
	return household_member(&W(app)->household, W(app)->child);
}

static void
nb_enter(struct app *app)
{
	letter_confirmed = false;
	api_idempotency_key(W(app)->idem);
}

static void
nb_draw(struct app *app)
{
	WINDOW *w = app->body;
	const struct household_member *m = nb_child(app);
	char line[2 * TEXT_MAX], birth[DATE_STR];
	int cols = getmaxx(w), rows = getmaxy(w), y = 0;

	wattrset(w, A_BOLD);
	draw_text(w, y++, 2, _("Register a newborn: the child and the "
	    "commitment letter"), cols - 4);
	wattrset(w, A_NORMAL);
	if (m == NULL)
		return;
	date_format(birth, m->birth);
	snprintf(line, sizeof line, "%s: %s   %s   %s %s   %s %s",
	    _("Child"), m->name, _(person_sex_name(m->sex)),
	    _("born"), birth, _("ID"), m->id_masked);
	draw_text(w, ++y, 2, line, cols - 4);
	snprintf(line, sizeof line, "%s: %s (%s)   %s %s",
	    _("Parent"), app->identity.person.name,
	    app->identity.person.id_masked, _("Household"),
	    W(app)->household.register_no);
	draw_text(w, ++y, 2, line, cols - 4);
	draw_text(w, ++y, 2, _("From the household register; nothing is "
	    "typed again."), cols - 4);
	y += 2;
	wattrset(w, A_BOLD);
	draw_text(w, y++, 2, _("Personal commitment letter"), cols - 4);
	wattrset(w, A_NORMAL);
	y += draw_wrap(w, y, 4, _(newborn_commitment_letter), cols - 8,
	    rows - y - 4);
	y++;
	snprintf(line, sizeof line, "[%s] %s", letter_confirmed ? "x" : " ",
	    _("The parent has read and confirms the letter (y / n)"));
	wattrset(w, A_BOLD);
	draw_text(w, y++, 2, line, cols - 4);
	wattrset(w, A_NORMAL);
	draw_text(w, y, 2, _("F2 registers the child: card, medical "
	    "insurance, family account."), cols - 4);
}

bool
newborn_card_holder(struct app *app, const char *card_id, char out[19])
{
	const struct application *a = &app->application;
	const struct household_member *m = household_member(&W(app)->household,
	    W(app)->child);
	char birth[DATE_STR];

	if (!app->have_application || m == NULL ||
	    a->service != SERVICE_NEWBORN ||
	    strcmp(a->card.card_id, card_id) != 0 ||
	    strcmp(a->subject_id_masked, m->id_masked) != 0 ||
	    strlen(m->id_masked) != 18)
		return false;
	date_format(birth, m->birth);        /* YYYY-MM-DD */
	memcpy(out, m->id_masked, 18);
	memcpy(out + 6, birth, 4);
	memcpy(out + 10, birth + 5, 2);
	memcpy(out + 12, birth + 8, 2);
	out[18] = '\0';
	sodium_memzero(birth, sizeof birth);
	return true;
}
static bool nb_queue(struct app *app, const struct api_error *err);

static void
nb_done(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app *app = arg;

	app_idle(app);
	app_audit_submit(app, SERVICE_NEWBORN, err, res);
	if (err == NULL || err->result == API_OK) {
		app->application = *res;
		app->have_application = true;
		sodium_memzero(W(app)->idem, sizeof W(app)->idem);
		W(app)->have_household = false;
		app_goto(app, &screen_receipt);
		return;
	}
	if (err->result == API_REFUSED &&
	    strcmp(err->code, "idempotency_conflict") == 0)
		api_idempotency_key(W(app)->idem);
	if (nb_queue(app, err))
		return;
	deleg_call_failed(app, NULL, err);
}

static void
nb_request_of(struct app *app, struct newborn_request *req)
{
	*req = (struct newborn_request){
		.check_id = app->identity.check_id,
		.register_no = W(app)->household.register_no,
		.member_no = W(app)->child,
		.commitment_confirmed = true,
		.idem_key = W(app)->idem,
	};
}

static const char *
nb_live(struct app *app)
{
	return W(app)->idem;
}

/* The answer never came: the same request, with the same key, waits in
 * the outbox (tui/queued.h). */
static bool
nb_queue(struct app *app, const struct api_error *err)
{
	struct newborn_request req;

	if (!queued_lost(err) || W(app)->idem[0] == '\0')
		return false;
	nb_request_of(app, &req);
	if (queued_add(app, SERVICE_NEWBORN, &req, W(app)->idem, nb_live,
	    nb_done) != 0)
		return false;
	queued_told(app, SERVICE_NEWBORN, err);
	return true;
}

static void
nb_submit(struct app *app)
{
	struct newborn_request req;

	if (app->busy || nb_child(app) == NULL ||
	    queued_waits(app, SERVICE_NEWBORN, W(app)->idem))
		return;
	if (!letter_confirmed) {
		app_msg(app, APP_MSG_ERROR, "%s", _("The parent must confirm "
		    "the personal commitment letter first: press y."));
		return;
	}
	nb_request_of(app, &req);
	app_msg_clear(app);
	app_busy(app, _("Registering the newborn… Esc cancels"));
	api_write_app(app->api, SERVICE_NEWBORN, &req, nb_done, app);
}

static void
nb_key(struct app *app, const struct key_event *ev)
{
	switch (ev->act) {
	case ACT_CHAR:
		if (ev->ch == L'y' || ev->ch == L'Y' || ev->ch == L' ')
			letter_confirmed = ev->ch == L' ' ? !letter_confirmed :
			    true;
		else if (ev->ch == L'n' || ev->ch == L'N')
			letter_confirmed = false;
		else
			return;
		break;
	case ACT_SUBMIT:
	case ACT_ENTER:
		nb_submit(app);
		break;
	case ACT_BACK:
		app_goto(app, &screen_household);
		break;
	case ACT_QUIT:
		app_close_walkin(app);
		break;
	default:
		return;
	}
	app->dirty = true;
}

static void
nb_resize(struct app *app)
{
}

const struct screen screen_newborn = {
	.name = N_("Newborn: commitment letter"),
	.help = N_("The child's details come from the household register. Read "
	    "the personal commitment letter to the parent; y records that "
	    "the parent confirms it. F2 (or Enter) registers the child: first "
	    "card application, medical-insurance enrolment and the link to "
	    "the parent's family account, on one receipt. Esc goes back to "
	    "the household's members."),
	.enter = nb_enter,
	.draw = nb_draw,
	.key = nb_key,
	.leave = NULL,
	.resize = nb_resize,
	.applicant = true,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "y", N_("Confirm letter") },
		{ "F2", N_("Register") },
		SCREEN_FKEY_BACK,
	},
};

/* ---- the unit ----------------------------------------------------------- */

static void
newborn_start(struct app *app)
{
	app->notice[0] = '\0';
	app_goto(app, &screen_household);
}

const struct svc_unit svc_newborn = {
	.id = SERVICE_NEWBORN,
	.state_size = sizeof(struct newborn_work),
	.forms = { { "household", &form_household,
	    offsetof(struct newborn_work, form) } },
	.start = newborn_start,
};
