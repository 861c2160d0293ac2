/*
 * svc_poa_insured.c -- acting for an insured person (seed 004), its first
 * screen: the insured's ID number and name; the service confirms them
 * (refusing the agent themself, an unknown or deceased insured, a wrong
 * name) and the insured's cards are listed (masked): Up and Down choose
 * one, Enter goes on to the power of attorney (tui/svc_poa.c).
 */
#include "tui/svc_poa.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/poa.h"
#include "tui/audit_log.h"
#include "tui/deleg.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/messages.h"
#include "tui/queued.h"

#define W(app) poa_work(app)

static void
insured_view(struct app *app)
{
	if (!W(app)->have_insured)
		deleg_open(app, &W(app)->insured_form, &form_poa_insured,
		    POA_FORM_Y);
}

static void
insured_enter(struct app *app)
{
	insured_view(app);
}

static void
insured_draw_cards(struct app *app)
{
	WINDOW *w = app->body;
	const struct person *p = &W(app)->insured;
	char line[TEXT_MAX + 128], birth[DATE_STR];
	int y = 4, cols = getmaxx(w);

	date_format(birth, p->birth);
	snprintf(line, sizeof line, "%s: %s   %s %s   %s %s",
	    _("Insured"), p->name, _("ID"), p->id_masked, _("born"), birth);
	draw_text(w, 2, 2, line, cols - 4);
	if (p->ncards == 0) {
		draw_text(w, y, 2, _("The insured has no social-security card: "
		    "nothing can be activated."), cols - 4);
		return;
	}
	draw_text(w, y++, 2, _("The insured's cards (Up/Down, Enter):"),
	    cols - 4);
	for (size_t i = 0; i < p->ncards && i < CARDS_MAX; i++) {
		const struct card *c = &p->cards[i];
		bool sel = (int)i == W(app)->card;

		snprintf(line, sizeof line, "%s %zu  %-12s %s%s: %s  %s: %s",
		    sel ? ">" : " ", i + 1, c->number_masked,
		    c->state == CARD_LOST ? _("LOST  ") : "",
		    _("Social security"), _(person_fn_state_name(c->ss)),
		    _("Financial"), _(person_fn_state_name(c->fin)));
		wattrset(w, sel ? A_REVERSE : A_NORMAL);
		draw_text(w, ++y, 2, line, cols - 4);
		wattrset(w, A_NORMAL);
	}
	draw_wrap(w, y + 2, 2, _("Esc: another insured person."), cols - 4, 1);
}

static void
insured_draw(struct app *app)
{
	WINDOW *w = app->body;
	char line[TEXT_MAX + 64];
	int cols = getmaxx(w), cur;

	wattrset(w, A_BOLD);
	draw_text(w, 0, 2, _(form_poa_insured.title), cols - 4);
	wattrset(w, A_NORMAL);
	snprintf(line, sizeof line, "%s: %s (%s)", _("Agent"),
	    app->identity.person.name, app->identity.person.id_masked);
	draw_text(w, 1, 2, line, cols - 4);
	if (W(app)->have_insured) {
		insured_draw_cards(app);
		return;
	}
	if (app->fv == NULL) {
		draw_text(w, 3, 2, MSG_FORM_TOO_SMALL, 0);
		return;
	}
	form_view_draw(app->fv);
	cur = form_view_current(app->fv);
	if (cur >= 0 && form_poa_insured.fields[cur].help != NULL)
		draw_wrap(w, POA_FORM_Y + form_poa_insured.nfields +
		    FORM_VIEW_MSG_ROWS + 1, 2,
		    _(form_poa_insured.fields[cur].help), cols - 4, 2);
	draw_wrap(w, POA_FORM_Y + form_poa_insured.nfields +
	    FORM_VIEW_MSG_ROWS + 4, 2, _("The agent has passed the identity "
	    "check. Take the insured's ID card and the power of attorney from "
	    "the agent."), cols - 4, 3);
	app->cursor_win = w;
}

static void
insured_done(void *arg, const struct api_error *err, const struct person *p)
{
	struct app *app = arg;

	app_idle(app);
	if (err == NULL || err->result == API_OK) {
		W(app)->insured = *p;
		W(app)->have_insured = true;
		W(app)->card = 0;
		/* A POA form for someone else is of no use now. */
		if (W(app)->form.def != NULL)
			form_clear(&W(app)->form);
		app_goto(app, &screen_poa_insured);
		return;
	}
	deleg_call_failed(app, &W(app)->insured_form, err);
}

static void
insured_submit(struct app *app)
{
	struct form_state *st = &W(app)->insured_form;
	struct poa_insured_request req;
	int first;

	if (app->busy || !app->have_identity)
		return;
	if (form_ready(st, &first) != 0) {
		deleg_not_ready(app, st, first);
		return;
	}
	if (poa_agent_is_insured(form_get_key(&app->idform, "id_number"),
	    form_get_key(st, "insured_id_number"))) {
		app_field_refused(app, st, form_find(st->def,
		    "insured_id_number"), poa_strerror(POA_SELF));
		app_msg(app, APP_MSG_ERROR, "%s", poa_strerror(POA_SELF));
		return;
	}
	req = (struct poa_insured_request){
		.check_id = app->identity.check_id,
		.insured_id_number = form_get_key(st, "insured_id_number"),
		.insured_name = form_get_key(st, "insured_name"),
	};
	app_msg_clear(app);
	app_busy(app, _("Asking the service about the insured… Esc cancels"));
	api_poa_insured(app->api, &req, insured_done, app);
}

static void
insured_key(struct app *app, const struct key_event *ev)
{
	int n = (int)W(app)->insured.ncards;

	if (ev->act == ACT_QUIT) {
		app_close_walkin(app);
		return;
	}
	if (!W(app)->have_insured) {
		if (ev->act == ACT_BACK) {
			app_goto(app, &screen_person);
			return;
		}
		if (form_view_key(app->fv, ev) == FV_SUBMIT)
			insured_submit(app);
		app->dirty = true;
		return;
	}
	switch (ev->act) {
	case ACT_NEXT_FIELD:
		if (n > 0)
			W(app)->card = (W(app)->card + 1) % n;
		break;
	case ACT_PREV_FIELD:
		if (n > 0)
			W(app)->card = (W(app)->card + n - 1) % n;
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		if (n > 0)
			app_goto(app, &screen_poa);
		break;
	case ACT_BACK:
		W(app)->have_insured = false;
		app_goto(app, &screen_poa_insured);
		break;
	default:
		return;
	}
	app->dirty = true;
}

const struct screen screen_poa_insured = {
	.name = N_("Act for an insured person"),
	.help = N_("The agent has passed the identity check. Type the "
	    "insured's ID number and name from the insured's ID card; the "
	    "service confirms them and lists the insured's cards. Up and Down "
	    "choose the card, Enter goes on to the power of attorney. Esc "
	    "goes back."),
	.enter = insured_enter,
	.draw = insured_draw,
	.key = insured_key,
	.leave = NULL,
	.resize = insured_view,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "F2", N_("Check insured") },
		SCREEN_FKEY_BACK,
		SCREEN_FKEY_END_WALKIN,
	},
};

/* ---- the power of attorney -------------------------------------------- */

