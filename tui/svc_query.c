/*
 * svc_query.c -- card status and contribution records (seed 000),
 * read-only: the query's unit (svc_query) and its screen.
 *
 * The chosen card's state and the pension and medical account balances
 * on top; below, the contribution records of every insurance type (or
 * one: Left/Right), newest month first, months and amounts right-aligned.
 * Up/Down scroll a row, PageUp/PageDown a page.  Amounts are fen from
 * the service, shown as yuan.fen.
 */
#include "tui/svc_query.h"

#include <stdio.h>
#include <string.h>

#include "forms/contrib.h"
#include "forms/i18n.h"
#include "tui/draw.h"
#include "tui/messages.h"

#define QUERY_LIST_Y 5

struct query {
	bool have_contrib;
	struct contributions contrib;
	int filter;                    /* -1 all, else enum contrib_type */
	int top;                       /* first row shown */
};

static struct query *
query(struct app *app)
{
	return svc_state(app, &svc_query);
}

static void
query_done(void *arg, const struct api_error *err,
    const struct contributions *res)
{
	struct app *app = arg;
	struct query *q = query(app);

	app_idle(app);
	if (q == NULL)
		return;
	if (err == NULL || err->result == API_OK) {
		q->contrib = *res;
		q->have_contrib = true;
		q->top = 0;
		app->dirty = true;
		return;
	}
	app_read_failed(app, err, MSG_F5_ASKS_AGAIN);
}

static void
query_ask(struct app *app)
{
	app_busy(app, _("Asking for the contribution records… Esc cancels"));
	api_contributions_get(app->api, app->identity.person.person_id,
	    query_done, app);
}

static void
query_start(struct app *app)
{
	struct query *cs = query(app);

	if (cs == NULL) {
		app_msg(app, APP_MSG_ERROR, "%s", MSG_OUT_OF_MEMORY);
		return;
	}
	cs->have_contrib = false;
	cs->filter = -1;
	cs->top = 0;
	app->notice[0] = '\0';
	app_goto(app, &screen_query);
	query_ask(app);
}

static void
query_enter(struct app *app)
{
}

static void
query_leave(struct app *app)
{
}

static void
query_resize(struct app *app)
{
}

/* The records shown under the filter: their indexes into idx. */
static int
query_rows(const struct query *cs, int *idx, int max)
{
	int n = 0;

	for (size_t i = 0; i < cs->contrib.n && n < max; i++)
		if (cs->filter < 0 || (int)cs->contrib.rec[i].type == cs->filter)
			idx[n++] = (int)i;
	return n;
}

static int
query_page(const struct app *app)
{
	int h = getmaxy(app->body) - QUERY_LIST_Y - 2;

	return h > 1 ? h : 1;
}

static void
query_draw(struct app *app)
{
	static int idx[CONTRIB_MAX];
	WINDOW *w = app->body;
	struct query *cs = query(app);
	const struct card *c = app_card(app);
	int cols = getmaxx(w), n, page = query_page(app), y;
	char line[256], a[40], b[40];

	if (cs == NULL)
		return;
	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _("Card status and contributions"), cols - 4);
	wattrset(w, A_NORMAL);
	if (c != NULL) {
		snprintf(line, sizeof line, "%s %s: %s · %s %s · %s %s",
		    _("Card"), c->number_masked,
		    _(person_card_state_name(c->state)), _("medical"),
		    _(person_fn_state_name(c->ss)), _("financial"),
		    _(person_fn_state_name(c->fin)));
		draw_text(w, 1, 2, line, cols - 4);
	} else {
		draw_text(w, 1, 2, _("No card."), cols - 4);
	}
	if (!cs->have_contrib)
		return;
	contrib_yuan(a, sizeof a, cs->contrib.pension_balance);
	contrib_yuan(b, sizeof b, cs->contrib.medical_balance);
	snprintf(line, sizeof line, "%s %s   %s %s", _("Pension account:"), a,
	    _("Medical account:"), b);
	draw_text(w, 2, 2, line, cols - 4);
	snprintf(line, sizeof line, "%s %s   (%s)", _("Insurance type:"),
	    cs->filter < 0 ? _("All") :
	    _(contrib_type_name((enum contrib_type)cs->filter)),
	    _("Left/Right changes"));
	draw_text(w, 3, 2, line, cols - 4);
	wattrset(w, A_UNDERLINE);
	snprintf(line, sizeof line, "%-9s %-14s %16s %16s", _("Month"),
	    _("Type"), _("Base (yuan)"), _("Amount (yuan)"));
	draw_text(w, 4, 2, line, cols - 4);
	wattrset(w, A_NORMAL);
	n = query_rows(cs, idx, CONTRIB_MAX);
	if (cs->top > n - page)
		cs->top = n - page > 0 ? n - page : 0;
	for (y = 0; y < page && cs->top + y < n; y++) {
		const struct contribution *r = &cs->contrib.rec[idx[cs->top + y]];
		const char *tn = _(contrib_type_name(r->type));
		int pad = 14 - draw_width(tn);

		contrib_yuan(a, sizeof a, r->base);
		contrib_yuan(b, sizeof b, r->amount);
		/* The type may be CJK: pad by columns, not bytes. */
		snprintf(line, sizeof line, "%9s %s%*s %16s %16s", r->month,
		    tn, pad > 0 ? pad : 0, "", a, b);
		draw_text(w, QUERY_LIST_Y + y, 2, line, cols - 4);
	}
	snprintf(line, sizeof line, _("Rows %d-%d of %d · PageUp/PageDown"),
	    n ? cs->top + 1 : 0, cs->top + y, n);
	draw_text(w, QUERY_LIST_Y + page, 2, line, cols - 4);
}

static void
query_key(struct app *app, const struct key_event *ev)
{
	struct query *cs = query(app);
	int page = query_page(app);

	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (ev->act == ACT_BACK) {
		app_goto(app, &screen_person);
		return;
	}
	if (cs == NULL)
		return;
	switch (ev->act) {
	case ACT_NEXT_FIELD:
		cs->top++;
		break;
	case ACT_PREV_FIELD:
		if (cs->top > 0)
			cs->top--;
		break;
	case ACT_PAGE_DOWN:
		cs->top += page;
		break;
	case ACT_PAGE_UP:
		cs->top = cs->top > page ? cs->top - page : 0;
		break;
	case ACT_HOME:
		cs->top = 0;
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		cs->filter += ev->act == ACT_LEFT ? -1 : 1;
		if (cs->filter < -1)
			cs->filter = CONTRIB_NTYPES - 1;
		if (cs->filter >= CONTRIB_NTYPES)
			cs->filter = -1;
		cs->top = 0;
		break;
	case ACT_F5:
		if (!app->busy)
			query_ask(app);
		break;
	default:
		return;
	}
	app->dirty = true;
}

const struct screen screen_query = {
	.name = N_("Contributions"),
	.help = N_("Read-only: the chosen card's state, the pension and "
	    "medical account balances, and the contribution records, newest "
	    "month first. Up/Down scroll a row, PageUp/PageDown a page, Home "
	    "goes to the top; Left/Right show one insurance type or all. F5 "
	    "asks again; Esc goes back to the cards."),
	.enter = query_enter,
	.draw = query_draw,
	.key = query_key,
	.leave = query_leave,
	.resize = query_resize,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "PgDn", N_("Scroll") },
		SCREEN_FKEY_REFRESH,
		SCREEN_FKEY_BACK,
	},
};

const struct svc_unit svc_query = {
	.id = SERVICE_QUERY,
	.state_size = sizeof(struct query),
	.start = query_start,
};
