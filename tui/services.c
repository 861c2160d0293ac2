/*
 * services.c -- the table of the counter's services on the terminal, what
 * each keeps while a walk-in lasts, and their rules as the person screen
 * applies them (see services.h).
 */
#include "tui/services.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/deadline.h"
#include "forms/i18n.h"
#include "forms/service.h"
#include "tui/messages.h"
#include "tui/screens.h"
#include "tui/svc_approvals.h"
#include "tui/svc_confirm.h"
#include "tui/svc_financial.h"
#include "tui/svc_medical.h"
#include "tui/svc_newborn.h"
#include "tui/svc_pin.h"
#include "tui/svc_poa.h"
#include "tui/svc_query.h"
#include "tui/svc_remedy.h"

/* ---- the confirmation services (tui/svc_confirm.h) -------------------- */

/* Every service that acts on a card needs one. */
static bool
confirm_has_cards(const struct app *app)
{
	return app->identity.person.ncards > 0;
}


static const struct svc_unit svc_replacement = {
	.id = SERVICE_REPLACEMENT,
	.state_size = sizeof(struct svc_confirm_state),
	.shown = confirm_has_cards,
	.confirm = &(const struct svc_confirm){
		.title = N_("Report card lost and replace it"),
		.text = N_("The card above is reported lost (if the holder has "
		    "not done so already) and a replacement card is issued at "
		    "this counter. The lost card can never be used or activated "
		    "again. Check the original ID card. F2 confirms."),
		.busy = N_("Issuing the replacement card… Esc cancels"),
	},
};

/* A temporary loss report for the chosen card while it works; lifting
 * one while it is lost.  One of the two is offered, never both. */
static bool
confirm_card_lost(const struct app *app, bool lost)
{
	const struct person *p = &app->identity.person;

	return app->card >= 0 && (size_t)app->card < p->ncards &&
	    (p->cards[app->card].state == CARD_LOST) == lost;
}

static bool
loss_report_shown(const struct app *app)
{
	return confirm_card_lost(app, false);
}

static bool
loss_lift_shown(const struct app *app)
{
	return confirm_card_lost(app, true);
}



static const struct svc_unit svc_loss_report = {
	.id = SERVICE_LOSS_REPORT,
	.state_size = sizeof(struct svc_confirm_state),
	.shown = loss_report_shown,
	.confirm = &(const struct svc_confirm){
		.title = N_("Report the card lost for 7 days"),
		.text = N_("The card above is reported lost now: it and its "
		    "medical and financial functions are suspended at once. If "
		    "it is found within 7 days, the holder lifts the report "
		    "here; to make it final, apply for a replacement card. "
		    "Otherwise the report lapses after 7 days and the card works "
		    "again. Check the original ID card. F2 confirms."),
		.busy = N_("Reporting the card lost… Esc cancels"),
	},
};

static const struct svc_unit svc_loss_lift = {
	.id = SERVICE_LOSS_LIFT,
	.state_size = sizeof(struct svc_confirm_state),
	.shown = loss_lift_shown,
	.confirm = &(const struct svc_confirm){
		.text = N_("The loss report of the card above is lifted: the "
		    "card and its functions work again at once. Only for the "
		    "holder, with the card found in hand and the original ID "
		    "card checked. F2 confirms."),
		.busy = N_("Lifting the loss report… Esc cancels"),
	},
};

/* A first card: only for a person with no card yet (a lost one is
 * replaced). */
static bool
new_card_shown(const struct app *app)
{
	struct service_case c = { .person = &app->identity.person };

	return service_may(SERVICE_NEW_CARD, &c) == SERVICE_MAY;
}


static const struct svc_unit svc_new_card = {
	.id = SERVICE_NEW_CARD,
	.state_size = sizeof(struct svc_confirm_state),
	.shown = new_card_shown,
	.confirm = &(const struct svc_confirm){
		.text = N_("A first social-security card is issued to the "
		    "applicant at this counter. Check the original ID card and "
		    "the photo. F2 confirms."),
		.busy = N_("Issuing the new card… Esc cancels"),
		.no_card = true,
	},
};

/* ---- the table ---------------------------------------------------------- */

/* The units (each in its tui/svc_X.c, or a row above), in the person
 * screen's order. */
const struct svc_unit *const svc_units[] = {
	&svc_medical,
	&svc_pin,
	&svc_financial,
	&svc_remedy,
	&svc_replacement,
	&svc_new_card,
	&svc_query,
	&svc_poa,
	&svc_newborn,
	&svc_loss_report,
	&svc_loss_lift,
	&svc_approvals,
	NULL,
};

void
person_notice(struct app *app, enum app_msg_kind kind, const char *text)
{
	app->notice_kind = kind;
	snprintf(app->notice, sizeof app->notice, "%s", text);
	app->dirty = true;
}

/* ---- starting one ------------------------------------------------------ */

bool
svc_startable(const struct svc_unit *u)
{
	return u->start != NULL || u->confirm != NULL;
}

void
svc_start(struct app *app, const struct svc_unit *u)
{
	if (u->confirm != NULL)
		svc_confirm_start(app, u);
	else if (u->start != NULL)
		u->start(app);
}

/* ---- what each unit keeps --------------------------------------------- */

void *
svc_state(struct app *app, const struct svc_unit *u)
{
	void **slot;

	if (service_def(u->id) == NULL || u->state_size == 0)
		return NULL;
	slot = &app->svc[u->id];
	if (*slot == NULL && (*slot = sodium_malloc(u->state_size)) != NULL)
		sodium_memzero(*slot, u->state_size);
	return *slot;
}

void *
svc_peek(const struct app *app, const struct svc_unit *u)
{
	return service_def(u->id) != NULL ? app->svc[u->id] : NULL;
}

static struct form_state *
svc_form_of(void *state, const struct svc_form *f)
{
	return (struct form_state *)((char *)state + f->offset);
}

void
svc_drop_all(struct app *app)
{
	for (size_t i = 0; svc_units[i] != NULL; i++) {
		const struct svc_unit *u = svc_units[i];
		void *st = svc_peek(app, u);

		if (st == NULL)
			continue;
		/* libform copies and the like: cleared before the wipe. */
		for (int f = 0; f < SVC_FORMS_MAX && u->forms[f].def; f++)
			if (svc_form_of(st, &u->forms[f])->def != NULL)
				form_clear(svc_form_of(st, &u->forms[f]));
		sodium_free(st);       /* wipes */
		app->svc[u->id] = NULL;
	}
}

/* ---- the draft --------------------------------------------------------- */

void
svc_save_all(struct app *app, struct journal_doc *d)
{
	for (size_t i = 0; svc_units[i] != NULL; i++) {
		const struct svc_unit *u = svc_units[i];
		void *st = svc_peek(app, u);

		if (st == NULL)
			continue;
		for (int f = 0; f < SVC_FORMS_MAX && u->forms[f].def; f++) {
			struct form_state *fs = svc_form_of(st, &u->forms[f]);

			if (fs->def == u->forms[f].def)
				journal_put_form(d, u->forms[f].slot, fs);
		}
		if (u->save != NULL)
			u->save(app, st, d);
	}
}

void
svc_restore_all(struct app *app, const struct journal_doc *d,
    const struct form_ctx *ctx)
{
	for (size_t i = 0; svc_units[i] != NULL; i++) {
		const struct svc_unit *u = svc_units[i];
		bool any = false;
		void *st;

		for (int f = 0; f < SVC_FORMS_MAX && u->forms[f].def; f++)
			any |= journal_get(d, u->forms[f].slot) != NULL;
		if (!any || (st = svc_state(app, u)) == NULL)
			continue;
		for (int f = 0; f < SVC_FORMS_MAX && u->forms[f].def; f++)
			journal_get_form(d, u->forms[f].slot, u->forms[f].def,
			    ctx, svc_form_of(st, &u->forms[f]));
		if (u->restore != NULL)
			u->restore(app, st, d);
	}
}

bool
svc_typed(const struct app *app)
{
	for (size_t i = 0; svc_units[i] != NULL; i++) {
		const struct svc_unit *u = svc_units[i];
		void *st = svc_peek(app, u);

		for (int f = 0; st != NULL && f < SVC_FORMS_MAX &&
		    u->forms[f].def; f++)
			if (form_typed(svc_form_of(st, &u->forms[f])))
				return true;
	}
	return false;
}

/* ---- the rules on the person screen ----------------------------------- */

bool
svc_allowed(struct app *app, enum service_id id)
{
	const char *face = app->idform.def != NULL ?
	    form_get_key(&app->idform, "face") : NULL;
	struct service_case c = {
		.person = &app->identity.person,
		.card = app_card(app),
		.face_passed = face != NULL && strcmp(face, "pass") == 0,
		.today = app->identity.person.as_of,
	};
	char text[APP_MSG_MAX];
	enum service_no no = service_may(id, &c);
	const struct service_refusal *r = service_refusal(no, id);

	/* The remedy's flow starts at step 1 then. */
	if (no == SERVICE_MAY || no == SERVICE_FIN_NOT_ACTIVE) {
		app->notice[0] = '\0';
		return true;
	}
	if (no == SERVICE_DEADLINE_PASSED)
		app_deadline_remedy(text, sizeof text, c.card);
	else
		snprintf(text, sizeof text, "%s", r != NULL && r->text != NULL ?
		    _(r->text) : _("This service cannot be done for this card."));
	person_notice(app, r != NULL && r->nothing_to_do ? APP_MSG_INFO :
	    APP_MSG_WARN, text);
	return false;
}

