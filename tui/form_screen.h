/*
 * form_screen.h -- the frame every screen around one form shares: the
 * title, "the form does not fit", the card's bank under the form, the
 * help of the field the cursor is in, and, before the form is sent, the
 * focus on the first field that is not ready with why.  The screen's
 * form view is app->fv (app_open_form).
 */
#ifndef SSDESK_FORM_SCREEN_H
#define SSDESK_FORM_SCREEN_H

#include <stdbool.h>

#include "forms/form.h"
#include "tui/app.h"
#include "tui/keymap.h"

/* The title on row 0, then the form (def, its view at row y): the row
 * under it (its messages included), or -1 if the view does not fit the
 * terminal (then that is said instead).  The cursor goes in the form. */
int form_screen_draw(struct app *app, const char *title,
    const struct form_def *def, int y);
/* "Card's bank: ..." of the chosen card at row y; the next row. */
int form_screen_bank(struct app *app, int y);
/* The help of the field the cursor is in, from row y (three rows). */
void form_screen_help(struct app *app, const struct form_def *def, int y);
/* Before st is sent: true if ready; else the focus on the first field
 * that is not, its reason on the status line (a warning when a warning
 * cleared it: a bank card number to type again), and false. */
bool form_screen_ready(struct app *app, struct form_state *st);

/* The keys of a walk-in service's screen: Esc back to the person screen
 * (what it holds is kept), F10 ends the walk-in, the rest to its form
 * (app->fv).  True if the clerk asks to send: the form's submit (F2,
 * Enter on its last field), or, on a screen without a form (a
 * confirmation), F2 only: a stray Enter confirms nothing. */
bool form_screen_key(struct app *app, const struct key_event *ev);
/* A request is in flight: say so and true (nothing is sent twice). */
bool form_screen_busy(struct app *app);

#endif
