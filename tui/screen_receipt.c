/*
 * screen_receipt.c -- the acknowledgement every completed service ends
 * with: application number, service, date and time, counter, clerk, the
 * masked ID number and card, status, and what the applicant does next
 * (from the service: sanitised and wrapped).  In --demo it says TRAINING
 * -- NOT VALID.  Enter goes back to the person (refreshed); Esc or F10
 * ends the walk-in and wipes the applicant's data.
 */
#include "tui/screens.h"

#include <stdio.h>
#include <string.h>

#include "forms/i18n.h"
#include "forms/receipt.h"
#include "tui/svc_pin.h"
#include "tui/svc_remedy.h"
#include "tui/draw.h"
#include "tui/receipt_print.h"

#define RECEIPT_LABEL_X 3
#define RECEIPT_VALUE_X 24
/* At the top and the foot of a training receipt. */
#define RECEIPT_TRAINING N_("TRAINING — NOT VALID")

static bool receipt_new_card(const struct app *app);

static void
receipt_enter(struct app *app)
{
}

static void
receipt_leave(struct app *app)
{
}

static void
receipt_resize(struct app *app)
{
}



static void
receipt_row(struct app *app, int y, const char *label, const char *value,
    attr_t a)
{
	WINDOW *w = app->body;

	draw_text(w, y, RECEIPT_LABEL_X, label, RECEIPT_VALUE_X -
	    RECEIPT_LABEL_X - 1);
	wattrset(w, a);
	draw_text(w, y, RECEIPT_VALUE_X, value, getmaxx(w) -
	    RECEIPT_VALUE_X - 2);
	wattrset(w, A_NORMAL);
}

static void
receipt_draw(struct app *app)
{
	WINDOW *w = app->body;
	const struct application *a = &app->application;
	char when[40], clerk[TEXT_MAX + REF_MAX + 8], card[TEXT_MAX + 40];
	int y = 0, cols = getmaxx(w), rows = getmaxy(w);
	char *t;

	draw_box(w, 0, 0, rows, cols, app->ascii);
	wattrset(w, A_BOLD);
	draw_text(w, y, 3, _(" Receipt "), 20);
	wattrset(w, A_NORMAL);
	if (app->demo) {
		const char *tr = _(RECEIPT_TRAINING);
		int tw = draw_width(tr);

		wattrset(w, A_REVERSE | A_BOLD);
		draw_text(w, y, cols - tw - 4, tr, tw);
		wattrset(w, A_NORMAL);
	}
	y += 1;
	if (!app->have_application) {
		draw_text(w, 2, 3, _("No application."), 0);
		return;
	}
	/* "2026-11-22T09:41:07+08:00" -> "2026-11-22 09:41:07" */
	snprintf(when, sizeof when, "%s", a->created_at);
	if ((t = strchr(when, 'T')) != NULL)
		*t = ' ';
	if (strlen(when) > 19)
		when[19] = '\0';
	snprintf(clerk, sizeof clerk, "%s (%s)", app->staff.name,
	    app->staff.staff_id);
	snprintf(card, sizeof card, "%s  %s", a->card.number_masked[0] ?
	    a->card.number_masked : (app_card(app) ?
	    app_card(app)->number_masked : ""), a->card.bank);

	receipt_row(app, ++y, _("Application number"), a->application_id,
	    A_BOLD);
	receipt_row(app, ++y, _("Service"), receipt_service_name(a),
	    A_NORMAL);
	if (remedy_earlier(app) != NULL)
		receipt_row(app, ++y, _("Earlier step"), remedy_earlier(app),
		    A_NORMAL);
	receipt_row(app, ++y, _("Date and time"), when, A_NORMAL);
	receipt_row(app, ++y, _("Counter"), app->staff.counter[0] ?
	    app->staff.counter : app->counter, A_NORMAL);
	receipt_row(app, ++y, _("Clerk"), clerk, A_NORMAL);
	receipt_row(app, ++y, _("Applicant"), app->identity.person.name,
	    A_NORMAL);
	receipt_row(app, ++y, _("ID number"), app->identity.person.id_masked,
	    A_NORMAL);
	if (a->subject_name[0] != '\0') {
		char who[TEXT_MAX + 32];

		snprintf(who, sizeof who, "%s  %s", a->subject_name,
		    a->subject_id_masked);
		receipt_row(app, ++y, a->nresults > 0 ? _("Child") :
		    _("Insured"), who, A_NORMAL);
	}
	if (a->nresults == 0)
		receipt_row(app, ++y, _("Card"), card, A_NORMAL);
	receipt_row(app, ++y, _("Status"), receipt_status_name(a->status), A_BOLD);
	for (size_t r = 0; r < a->nresults && r < APP_RESULTS_MAX; r++) {
		char num[8];

		snprintf(num, sizeof num, "%zu.", r + 1);
		draw_text(w, ++y, RECEIPT_LABEL_X, num, 3);
		int used = draw_wrap(w, y, RECEIPT_LABEL_X + 3, a->results[r],
		    cols - RECEIPT_LABEL_X - 6, 2);

		y += used > 1 ? used - 1 : 0;
	}
	/* Results (a newborn's) take the room of one blank line. */
	y += a->nresults > 0 ? 1 : 2;
	wattrset(w, A_BOLD);
	draw_text(w, y++, RECEIPT_LABEL_X, _("Next steps"), 0);
	wattrset(w, A_NORMAL);
	draw_wrap(w, y, RECEIPT_LABEL_X, a->next_steps, cols -
	    RECEIPT_LABEL_X - 3, rows - y - (receipt_new_card(app) ? 3 : 2));
	if (receipt_new_card(app))
		draw_text(w, rows - 3, RECEIPT_LABEL_X, _("F4: the applicant "
		    "sets the new card's PIN now."), cols - 6);
	if (app->demo) {
		const char *tr = _(RECEIPT_TRAINING);

		wattrset(w, A_REVERSE | A_BOLD);
		draw_text(w, rows - 2, (cols - draw_width(tr)) / 2, tr, cols);
		wattrset(w, A_NORMAL);
	}
}

/* F5: the receipt to a file and the print command (tui/receipt_print.h). */
static void
receipt_key_print(struct app *app)
{
	char msg[APP_MSG_MAX];
	int rc = receipt_print(app, msg, sizeof msg);

	app_msg(app, rc == 0 ? APP_MSG_INFO : APP_MSG_ERROR, "%s", msg);
}

/* F4 after a new or replacement card, or a newborn's registration (the
 * parent sets the child's first card's PIN): set its PIN now. */
static bool
receipt_new_card(const struct app *app)
{
	return app->have_application &&
	    (app->application.service == SERVICE_NEW_CARD ||
	    app->application.service == SERVICE_REPLACEMENT ||
	    (app->application.service == SERVICE_NEWBORN &&
	    app->application.card.card_id[0] != '\0'));
}

static void
receipt_key_pin(struct app *app)
{
	if (!receipt_new_card(app))
		return;
	if (!app->seal.set) {
		app_msg(app, APP_MSG_ERROR, "%s", _("This terminal has no PIN "
		    "sealing key configured (--seal-key). Call the help desk."));
		return;
	}
	pin_flow_start(app, app->application.card.card_id,
	    app->application.card.number_masked);
}

static void
receipt_key(struct app *app, const struct key_event *ev)
{
	switch (ev->act) {
	case ACT_ENTER:
		app_refresh_person(app, _("Enter asks again."));
		break;
	case ACT_BACK:
	case ACT_QUIT:
		app_close_walkin(app);
		break;
	case ACT_F5:
		receipt_key_print(app);
		break;
	case ACT_F4:
		receipt_key_pin(app);
		break;
	default:
		return;
	}
	app->dirty = true;
}

const struct screen screen_receipt = {
	.name = N_("Receipt"),
	.help = N_("The acknowledgement of the completed service: read the "
	    "application number and the next steps to the applicant. Enter "
	    "goes back to the person's cards for another service; Esc or F10 "
	    "ends the walk-in and wipes the applicant's data. F5 prints the "
	    "receipt (a file, and the print command if one is configured); "
	    "after a new or replacement card F4 lets the applicant set its "
	    "PIN, after a newborn's registration the parent sets the child's "
	    "card's PIN."),
	.enter = receipt_enter,
	.draw = receipt_draw,
	.key = receipt_key,
	.leave = receipt_leave,
	.resize = receipt_resize,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "Enter", N_("Another service") },
		{ "F5", N_("Print") },
		{ "F4", N_("Set PIN") },
		{ "Esc", N_("End walk-in") },
	},
};
