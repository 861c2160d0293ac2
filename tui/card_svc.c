/*
 * card_svc.c -- what the card services share (tui/card_svc.h).
 */
#include "tui/card_svc.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/text.h"
#include "tui/audit_log.h"
#include "tui/messages.h"
#include "tui/queued.h"
#include "tui/screens.h"

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
	/* Besides the rules' own reasons (forms/service.c). */
	static const char *const codes[] = {
		"card_unknown", "already_replaced", "too_many_cards", NULL,
	};

	if (service_refusal_code(code))
		return true;
	for (int i = 0; codes[i] != NULL; i++)
		if (strcmp(code, codes[i]) == 0)
			return true;
	return false;
}

void
card_svc_done(struct app *app, enum service_id id, struct form_state *form,
    const struct api_error *err, const struct application *res)
{
	char text[APP_MSG_MAX];
	struct card *c;

	app_idle(app);
	app_audit_submit(app, id, err, res);
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
		app_goto(app, &screen_receipt);
		return;
	}
	if (app_write_failed(app, err, text, sizeof text))
		return;
	/* already_active of the financial function, not the medical one. */
	if (strcmp(err->code, "already_active") == 0 &&
	    id == SERVICE_FINANCIAL)
		snprintf(text, sizeof text, "%s", MSG_FINANCIAL_ACTIVE);
	if (card_svc_card_code(err->code)) {
		app_refused_to_person(app, text, _("The service refused; see "
		    "below."));
		return;
	}
	/* A refusal to fix here (a bank card number...), at its field. */
	if (form != NULL && form->def != NULL && err->field[0] != '\0')
		app_field_refused(app, form, form_find(form->def, err->field),
		    text);
	app_msg(app, APP_MSG_ERROR, "%s", text);
}

void
card_svc_request(const struct app *app, struct card_request *req,
    const char *idem_key)
{
	const struct card *c = app_card(app);

	memset(req, 0, sizeof *req);
	req->check_id = app->identity.check_id;
	req->card_id = c != NULL ? c->card_id : NULL;
	req->idem_key = idem_key;
}

bool
card_svc_queue(struct app *app, enum service_id id,
    const struct card_request *req, const char *idem_key,
    queued_live_fn *live, api_application_cb *here,
    const struct api_error *err)
{
	if (!queued_lost(err) || idem_key[0] == '\0' ||
	    queued_add(app, id, req, idem_key, live, here) != 0)
		return false;
	app_idle(app);
	app_audit_submit(app, id, err, NULL);
	queued_told(app, id, err);
	return true;
}
