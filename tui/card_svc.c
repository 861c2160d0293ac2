/*
 * card_svc.c -- the card services' state and their common answer handling
 * (tui/card_svc.h).
 */
#include "tui/audit_log.h"
#include "tui/card_svc.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/text.h"
#include "tui/screens.h"

struct card_svc *
card_svc_get(struct app *app)
{
	if (app->cs == NULL) {
		app->cs = sodium_malloc(sizeof *app->cs);
		if (app->cs == NULL)
			return NULL;
		sodium_memzero(app->cs, sizeof *app->cs);
		app->cs->filter = -1;
	}
	return app->cs;
}

void
card_svc_drop(struct app *app)
{
	if (app->cs == NULL)
		return;
	if (app->cs->finform.def != NULL)
		form_clear(&app->cs->finform);
	sodium_free(app->cs);   /* wipes the whole block */
	app->cs = NULL;
}

/* The card in the person's list with this id, or NULL. */
static struct card *
card_svc_card(struct app *app, const char *card_id)
{
	struct person *p = &app->identity.person;

	for (size_t i = 0; i < p->ncards && i < CARDS_MAX; i++)
		if (strcmp(p->cards[i].card_id, card_id) == 0)
			return &p->cards[i];
	return NULL;
}

/* Codes that say something about the card itself: the person screen. */
static bool
card_svc_card_code(const char *code)
{
	static const char *const codes[] = {
		"card_lost", "already_active", "card_unknown", "face_required",
		"not_reported_lost", "already_replaced", "too_many_cards",
		"card_exists", NULL,
	};

	for (int i = 0; codes[i] != NULL; i++)
		if (strcmp(code, codes[i]) == 0)
			return true;
	return false;
}

/* The service a refusal is recorded under in the audit log. */
static enum service_id
card_svc_service(const struct app *app)
{
	if (app->cs == NULL || app->screen == &screen_pin)
		return SERVICE_PIN_RESET;
	switch (app->cs->mode) {
	case CS_FINANCIAL:
		return SERVICE_FINANCIAL;
	case CS_REMEDY:
		return app->cs->step == 2 ? SERVICE_CANCEL_LOSS :
		    SERVICE_FINANCIAL;
	case CS_REPLACE:
		return SERVICE_REPLACEMENT;
	case CS_NEW_CARD:
		return SERVICE_NEW_CARD;
	}
	return SERVICE_UNKNOWN;
}

void
card_svc_done(struct app *app, const struct api_error *err,
    const struct application *res)
{
	char text[APP_MSG_MAX], notice[APP_MSG_MAX + 64];
	struct card *c;

	app_idle(app);
	app_audit_submit(app, card_svc_service(app), err, res);
	if (err == NULL || err->result == API_OK) {
		app->application = *res;
		app->have_application = true;
		c = card_svc_card(app, res->card.card_id);
		if (c != NULL)
			*c = res->card;
		/* A PIN set for a card not in the list is a newborn's: the
		 * child's card, not the applicant's. */
		else if (res->service != SERVICE_PIN_RESET &&
		    app->identity.person.ncards < CARDS_MAX)
			app->identity.person.cards[
			    app->identity.person.ncards++] = res->card;
		if (app->cs != NULL) {
			sodium_memzero(app->cs->idem, sizeof app->cs->idem);
			if (app->cs->finform.def != NULL)
				form_clear(&app->cs->finform);
			app->cs->form_ready = false;
		}
		app_goto(app, &screen_receipt);
		return;
	}
	if (app_write_failed(app, err, text, sizeof text))
		return;
	/* already_active of the financial function, not the medical one. */
	if (strcmp(err->code, "already_active") == 0 && app->cs != NULL &&
	    app->screen == &screen_cardsvc)
		snprintf(text, sizeof text, "%s", _("The financial function of "
		    "this card is already active. Nothing to do."));
	if (card_svc_card_code(err->code)) {
		app->notice_kind = APP_MSG_WARN;
		snprintf(notice, sizeof notice, "%s: %s",
		    _("The service refused"), text);
		text_sanitize(app->notice, sizeof app->notice, notice,
		    strlen(notice));
		app_goto(app, &screen_person);
		app_msg(app, APP_MSG_WARN, "%s",
		    _("The service refused; see below."));
		return;
	}
	/* A refusal to fix here (a bank card number...), at its field. */
	if (app->cs != NULL && app->cs->form_ready && err->field[0] != '\0')
		app_field_refused(app, &app->cs->finform,
		    form_find(app->cs->finform.def, err->field), text);
	app_msg(app, APP_MSG_ERROR, "%s", text);
}
