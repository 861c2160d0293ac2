/*
 * svc_financial.h -- the financial function's activation (seeds 002,
 * 004; tui/svc_financial.c): its unit, its screen, and the form the
 * 300-day remedy's step 1 shares with it (tui/svc_remedy.c).
 */
#ifndef SSDESK_SVC_FINANCIAL_H
#define SSDESK_SVC_FINANCIAL_H

#include "forms/form.h"
#include "net/api.h"
#include "tui/screens.h"
#include "tui/services.h"

extern const struct svc_unit svc_financial;
extern const struct screen screen_financial;

#define FINANCIAL_FORM_Y 3

/* form_financial for the chosen card: the person and the card filled
 * in, the bank account number to type. */
void financial_form_start(struct app *app, struct form_state *st);
/* The request of st (digits receives the account's digits: wipe it
 * after), with the unit's key. */
void financial_request(const struct app *app, const struct form_state *st,
    const char *idem_key, struct card_request *req, char *digits,
    size_t digitsz);
/* The screen around it: title and the line under the form. */
void financial_form_draw(struct app *app, const char *title,
    const char *note);

#endif
