/*
 * card_svc.h -- what the card services' units (tui/svc_financial.c,
 * svc_remedy.c, svc_confirm.c, svc_pin.c) share: their application's
 * answer.  Each keeps its own state (tui/services.h).
 */
#ifndef SSDESK_CARD_SVC_H
#define SSDESK_CARD_SVC_H

#include "forms/form.h"
#include "forms/service.h"
#include "net/api.h"
#include "tui/app.h"
#include "tui/queued.h"

/* What every card service does with its application's answer (audited
 * under service id): on success keep the application, update the card
 * shown (or add a card issued), go to the receipt; on a refusal say why
 * where the clerk can act (the person screen for the card's state, the
 * identity check for an old check, else at its field of form, which may
 * be NULL, or the status line).  The unit wipes what it held first. */
void card_svc_done(struct app *app, enum service_id id,
    struct form_state *form, const struct api_error *err,
    const struct application *res);

/* The request of a card service for the chosen card (card_id NULL for a
 * first card), with the unit's key. */
void card_svc_request(const struct app *app, struct card_request *req,
    const char *idem_key);

/* A card service's write whose answer never came, into the outbox
 * (tui/queued.h), the clerk told: true if so (the caller is done). */
bool card_svc_queue(struct app *app, enum service_id id,
    const struct card_request *req, const char *idem_key,
    queued_live_fn *live, api_application_cb *here,
    const struct api_error *err);

#endif
