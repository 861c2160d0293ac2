/*
 * svc_pin.h -- setting a card's PIN (tui/svc_pin.c): the PIN reset's unit,
 * the screen turned to the applicant, and its start for any card of the
 * checked person (a new or replacement card's first PIN, a newborn's).
 */
#ifndef SSDESK_SVC_PIN_H
#define SSDESK_SVC_PIN_H

#include "tui/screens.h"
#include "tui/services.h"

extern const struct svc_unit svc_pin;
extern const struct screen screen_pin;

/* The applicant types the PIN twice on the screen turned to them; it is
 * sealed to app->seal with a challenge.  card_id and masked are copied. */
void pin_flow_start(struct app *app, const char *card_id,
    const char *masked);

#endif
