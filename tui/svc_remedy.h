/*
 * svc_remedy.h -- the 300-day remedy (seed 004; tui/svc_remedy.c): its
 * unit and its screen, and what the receipt names of it.
 */
#ifndef SSDESK_SVC_REMEDY_H
#define SSDESK_SVC_REMEDY_H

#include "tui/screens.h"
#include "tui/services.h"

extern const struct svc_unit svc_remedy;
extern const struct screen screen_remedy;

/* Start the guided flow on the chosen card (its rule already passed):
 * step 1 unless the financial function is active, then step 2. */
void remedy_start(struct app *app);
/* The application of step 1, once the receipt is step 2's; or NULL. */
const char *remedy_earlier(const struct app *app);

#endif
