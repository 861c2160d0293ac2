/*
 * deleg.h -- what the screens of the second-person services share:
 * acting for an insured person (tui/svc_poa*.c), the approval queue and
 * my submissions (tui/screen_approval*.c), the newborn registration
 * (tui/svc_household.c, tui/svc_newborn.c).
 */
#ifndef SSDESK_DELEG_H
#define SSDESK_DELEG_H

#include "tui/app.h"

/* A call of a form screen failed: session expired, cancelled, network
 * (the form is kept), or refused (the sentence at its field of st, or in
 * the status line; an unknown identity check goes back to it). */
void deleg_call_failed(struct app *app, struct form_state *st,
    const struct api_error *err);
/* Focus and say the first problem form_ready() found in st. */
void deleg_not_ready(struct app *app, struct form_state *st, int first);
/* "2026-11-22T09:41:07+08:00" -> "2026-11-22 09:41" into out. */
void deleg_when(char *out, size_t outsz, const char *iso);
/* A form view over st at row y, made once per screen entry. */
void deleg_open(struct app *app, struct form_state *st,
    const struct form_def *def, int y);

#endif
