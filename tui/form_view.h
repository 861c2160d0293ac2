/*
 * form_view.h -- draws any form_def and edits it over the ncurses form
 * library.
 *
 * The form_state (forms/form.h) is the truth: every key that changes a
 * field is passed to libform with form_driver_w, the buffer is read back
 * (REQ_VALIDATION after every key keeps buffer and screen equal with
 * double-width characters), trimmed, and stored with form_set(), which
 * re-checks it.  So a resize, which destroys and rebuilds the libform
 * objects, never loses a value.  The view owns its libform FORM and
 * FIELDs, not the state or the window.
 */
#ifndef SSDESK_FORM_VIEW_H
#define SSDESK_FORM_VIEW_H

#include <stdbool.h>
#include <curses.h>

#include "forms/form.h"
#include "tui/keymap.h"

enum form_view_result {
	FV_NONE,       /* key consumed, nothing for the screen to do */
	FV_CHANGED,    /* a value changed (state updated) */
	FV_SUBMIT,     /* Enter on the last field, or F2: the screen may submit */
	FV_UNHANDLED,  /* not a form key (Esc, F1, F10...): the screen decides */
};

struct form_view;

/* Lay the form out in win, starting at row y; the state must outlive the
 * view.  Returns NULL if win is too small for the fields. */
struct form_view *form_view_new(struct form_state *st, WINDOW *win, int y);
void form_view_free(struct form_view *fv);

enum form_view_result form_view_key(struct form_view *fv,
    const struct key_event *ev);

/* Draw labels, fields, and under the current field its verdict or
 * derived information; then place the cursor.  Does not refresh. */
void form_view_draw(struct form_view *fv);
/* Rows under the fields for the current field's message, wrapped. */
#define FORM_VIEW_MSG_ROWS 2

/*
 * What the view owns: rows y .. y+nfields+FORM_VIEW_MSG_ROWS-1 of win (one
 * per field, then the message area), every column.  form_view_draw() rewrites all of
 * it, field contents included, so the caller may werase() the window
 * before drawing a frame; unchanged cells cost nothing at doupdate().
 * Free the view before deleting or replacing win (it holds a derwin).
 */

/* Attributes of the "!" / "?" marks and of the message area for
 * VERDICT_BAD and VERDICT_WARN; A_BOLD by default.  A screen that uses
 * colour (has_colors() and NO_COLOR unset) passes COLOR_PAIR(n) | A_BOLD. */
void form_view_set_attrs(struct form_view *fv, attr_t bad, attr_t warn);

/* Values changed behind the view's back (pre-fill, form_ready cleared a
 * warned field): copy them from the state into the libform fields. */
void form_view_sync(struct form_view *fv);

void form_view_focus(struct form_view *fv, int idx);
int form_view_current(const struct form_view *fv);

/* The cursor's column inside the current text field (-1 if it is not a
 * text field); put it back there, e.g. in a view rebuilt after a resize.
 * A column past the value's end stops at its end. */
int form_view_cursor(struct form_view *fv);
void form_view_set_cursor(struct form_view *fv, int col);

/* Put the terminal cursor where the current field's cursor is. */
void form_view_place_cursor(struct form_view *fv);

#endif
