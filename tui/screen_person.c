/*
 * screen_person.c -- the checked person, their cards, the services menu.
 *
 * Each card shows its two functions and the 300-day deadline (seed 004)
 * as the service gives it (marked "*", with a footnote, when that is not
 * received + 300 days), with the days left counted against the service's
 * own today (as_of): under 30 days is highlighted, a passed deadline is
 * bold.  Before the
 * medical activation starts, the client says right here why it cannot
 * (card lost, already active, deadline passed with its remedy); the
 * service checks again and its refusal lands here too (app->notice).
 */
#include "tui/screens.h"

#include <stdio.h>
#include <string.h>

#include "forms/deadline.h"
#include "forms/i18n.h"
#include "tui/draw.h"
#include "tui/messages.h"
#include "tui/services.h"

#define PERSON_CARDS_Y 2
#define PERSON_CARD_ROWS 3

static void
person_enter(struct app *app)
{
	const struct person *p = &app->identity.person;

	if (app->card < 0 && p->ncards > 0)
		app->card = 0;
}

static void
person_leave(struct app *app)
{
}

static void
person_resize(struct app *app)
{
}

/* The services offered to this person, in table order (tui/services.c):
 * those with a start whose shown() is true. */
static int
person_offered(const struct app *app, int *idx, int max)
{
	int n = 0;

	for (int i = 0; svc_units[i] != NULL && n < max; i++)
		if (svc_startable(svc_units[i]) &&
		    (svc_units[i]->shown == NULL || svc_units[i]->shown(app)))
			idx[n++] = i;
	return n;
}

static void
person_draw_card(struct app *app, int y, int i)
{
	WINDOW *w = app->body;
	const struct person *p = &app->identity.person;
	const struct card *c = &p->cards[i];
	char line[TEXT_MAX + 64], rec[DATE_STR], dl[DATE_STR];
	bool sel = i == app->card;
	int x, cols = getmaxx(w);
	long left;
	attr_t a;

	/* Line 1: the card itself, reversed when chosen. */
	wattrset(w, sel ? A_REVERSE : A_NORMAL);
	mvwhline(w, y, 1, ' ', cols - 2);
	draw_text(w, y, 1, sel ? ">" : " ", 1);
	snprintf(line, sizeof line, "%d", i + 1);
	draw_text(w, y, 3, line, 2);
	draw_text(w, y, 6, c->number_masked, 20);
	draw_text(w, y, 28, c->bank, cols - 28 - 18);
	snprintf(line, sizeof line, "%s: %s", _("Card"),
	    _(person_card_state_name(c->state)));
	wattrset(w, (sel ? A_REVERSE : A_NORMAL) |
	    (c->state == CARD_LOST ? A_BOLD : A_NORMAL));
	draw_text(w, y, cols - 16, line, 15);

	/* Line 2: the two functions. */
	wattrset(w, A_NORMAL);
	snprintf(line, sizeof line, "%s: %s", _("Medical (social security)"),
	    _(person_fn_state_name(c->ss)));
	wattrset(w, c->ss == FN_REPORTED_LOST ? A_BOLD : A_NORMAL);
	x = 6 + draw_text(w, y + 1, 6, line, 40);
	wattrset(w, A_NORMAL);
	snprintf(line, sizeof line, "%s: %s", _("Financial"),
	    _(person_fn_state_name(c->fin)));
	draw_text(w, y + 1, x > 46 ? x + 2 : 48, line, cols - 50);

	/* Line 3: received, the service's deadline (marked when it is not
	 * received + 300 days: see person_draw_footnote), days left
	 * against the service's day. */
	date_format(rec, c->received_on);
	date_format(dl, deadline_applied(c->received_on, c->deadline));
	left = deadline_days_to(c->received_on, c->deadline, p->as_of);
	snprintf(line, sizeof line, _("Received %s   Deadline %s"), rec, dl);
	if (deadline_differs(c->received_on, c->deadline))
		snprintf(line + strlen(line), sizeof line - strlen(line), "*");
	x = 6 + draw_text(w, y + 2, 6, line, cols - 8);
	if (c->fin == FN_ACTIVE) {
		snprintf(line, sizeof line, "  %s",
		    _("met (financial enabled)"));
		a = A_NORMAL;
	} else if (left < 0) {
		snprintf(line, sizeof line, "  %s", _("deadline passed"));
		a = draw_attr(app, DRAW_PAIR_ERROR, A_BOLD);
	} else if (left == 0) {
		snprintf(line, sizeof line, "  %s", _("last day today"));
		a = draw_attr(app, DRAW_PAIR_WARN, A_BOLD | A_UNDERLINE);
	} else {
		snprintf(line, sizeof line, "  ");
		snprintf(line + 2, sizeof line - 2,
		    ngettext("%ld day left", "%ld days left",
		    (unsigned long)left), left);
		a = left < DEADLINE_WARN_DAYS ?
		    draw_attr(app, DRAW_PAIR_WARN, A_BOLD | A_UNDERLINE) :
		    A_NORMAL;
	}
	wattrset(w, a);
	draw_text(w, y + 2, x, line, cols - x - 1);
	wattrset(w, A_NORMAL);
}

/* Under the services, when no notice is shown: what the deadline's "*"
 * means, if a card has one. */
static void
person_draw_footnote(struct app *app, int y)
{
	const struct person *p = &app->identity.person;
	int rows = getmaxy(app->body);

	for (size_t i = 0; i < p->ncards && i < CARDS_MAX; i++)
		if (deadline_differs(p->cards[i].received_on,
		    p->cards[i].deadline)) {
			draw_wrap(app->body, y, 2, _("* The service set this "
			    "deadline itself: it is not 300 days after the card "
			    "was received. The service's date is the one that "
			    "counts; if the applicant disputes it, call the help "
			    "desk."), getmaxx(app->body) - 4, rows - y > 0 ?
			    rows - y : 1);
			return;
		}
}

static void
person_draw(struct app *app)
{
	WINDOW *w = app->body;
	const struct person *p = &app->identity.person;
	char line[TEXT_MAX + 128], birth[DATE_STR];
	int y, x, cols = getmaxx(w), rows = getmaxy(w);
	int idx[9], nsvc;
	size_t i;

	date_format(birth, p->birth);
	wattrset(w, A_BOLD);
	x = 2 + draw_text(w, 0, 2, p->name, 30);
	wattrset(w, A_NORMAL);
	snprintf(line, sizeof line, "   %s %s   %s %s   %s", _("ID"),
	    p->id_masked, _("born"), birth,
	    _(person_sex_name(p->sex)));
	draw_text(w, 0, x, line, cols - x - 1);
	if (p->phone_masked[0] != '\0') {
		snprintf(line, sizeof line, "%s %s", _("Mobile"),
		    p->phone_masked);
		draw_text(w, 1, 2, line, cols - 4);
	}

	y = PERSON_CARDS_Y;
	if (p->ncards == 0) {
		draw_text(w, y + 1, 2, _("No social-security card on record. "
		    "The applicant needs a new card first."), cols - 4);
		y += 3;
	}
	for (i = 0; i < p->ncards && i < CARDS_MAX; i++) {
		person_draw_card(app, y, (int)i);
		y += PERSON_CARD_ROWS;
	}
	y++;
	wattrset(w, A_BOLD);
	draw_text(w, y++, 2, _("Services"), cols - 4);
	wattrset(w, A_NORMAL);
	nsvc = person_offered(app, idx, 9);
	if (app->service_sel >= nsvc)
		app->service_sel = 0;
	/* Two columns of numbered services; the highlighted one is what
	 * Enter starts. */
	for (int k = 0; k < nsvc; k++) {
		int col = k % 2, half = (cols - 4) / 2;

		snprintf(line, sizeof line, " %d  %s ", k + 1,
		    _(service_def(svc_units[idx[k]]->id)->label));
		wattrset(w, k == app->service_sel ? A_REVERSE : A_NORMAL);
		draw_text(w, y, 2 + col * half, line, half - 1);
		if (col == 1 || k == nsvc - 1)
			y++;
	}
	wattrset(w, A_NORMAL);
	if (app->notice[0] == '\0' && y + 1 < rows)
		person_draw_footnote(app, y + 1);
	if (app->notice[0] != '\0' && y < rows) {
		wattrset(w, app->notice_kind == APP_MSG_ERROR ?
		    draw_attr(app, DRAW_PAIR_ERROR, A_BOLD) :
		    app->notice_kind == APP_MSG_WARN ?
		    draw_attr(app, DRAW_PAIR_WARN, A_BOLD) : A_NORMAL);
		draw_wrap(w, y + 1 < rows ? y + 1 : y, 2, app->notice,
		    cols - 4, rows - y - 1 > 0 ? rows - y - 1 : 1);
		wattrset(w, A_NORMAL);
	}
}

static void
person_start(struct app *app, int k)
{
	int idx[9], n = person_offered(app, idx, 9);

	if (app->busy || k < 0 || k >= n)
		return;
	app->service_sel = k;
	svc_start(app, svc_units[idx[k]]);
}

static void
person_key(struct app *app, const struct key_event *ev)
{
	int n = (int)app->identity.person.ncards;
	int idx[9], nsvc;

	switch (ev->act) {
	case ACT_NEXT_FIELD:
		if (n > 0)
			app->card = (app->card + 1) % n;
		app->notice[0] = '\0';
		break;
	case ACT_PREV_FIELD:
		if (n > 0)
			app->card = (app->card + n - 1) % n;
		app->notice[0] = '\0';
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		nsvc = person_offered(app, idx, 9);
		if (nsvc > 0)
			app->service_sel = (app->service_sel + nsvc +
			    (ev->act == ACT_LEFT ? -1 : 1)) % nsvc;
		app->notice[0] = '\0';
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		person_start(app, app->service_sel);
		break;
	case ACT_CHAR:
		if (ev->ch >= L'1' && ev->ch <= L'9')
			person_start(app, (int)(ev->ch - L'1'));
		break;
	case ACT_F5:
		app_refresh_person(app, MSG_F5_ASKS_AGAIN);
		break;
	case ACT_BACK:
		app_goto(app, &screen_identity);
		break;
	case ACT_QUIT:
		app_close_walkin(app);
		break;
	default:
		return;
	}
	app->dirty = true;
}

const struct screen screen_person = {
	.name = N_("Person and cards"),
	.help = N_("The person the identity check confirmed, and their "
	    "social-security cards. Up and Down choose a card; Left and Right "
	    "choose a service, Enter (or its number) starts it. A card must have "
	    "its financial application enabled within 300 days of being "
	    "received, or its social-security application is reported lost: "
	    "fewer than 30 days left is underlined, a passed deadline is bold. "
	    "A deadline marked * is the service's own date, not 300 days "
	    "after receipt: it is the one that counts. "
	    "F5 asks the service again; Esc goes back to the identity check; "
	    "F10 ends the walk-in and wipes its data."),
	.enter = person_enter,
	.draw = person_draw,
	.key = person_key,
	.leave = person_leave,
	.resize = person_resize,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "Enter", N_("Start service") },
		SCREEN_FKEY_REFRESH,
		SCREEN_FKEY_BACK,
		SCREEN_FKEY_END_WALKIN,
	},
};
