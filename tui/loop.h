/*
 * loop.h -- the one event loop: draw if dirty, wait on the terminal and
 * the transport together, turn keys into actions for the current screen,
 * let the transport finish requests (their callbacks mark dirty).
 */
#ifndef SSDESK_LOOP_H
#define SSDESK_LOOP_H

#include <stddef.h>

#include "tui/app.h"
#include "tui/keymap.h"

/* Set up the terminal (raw: no key sends a signal), run until app->quit
 * or until SIGTERM, SIGHUP or SIGINT (then app->ended_by; the draft
 * written), restore the terminal.  Returns 0; or -1 with a reason in err
 * (the terminal already restored). */
int loop_run(struct app *app, char *err, size_t errlen);

/* Hand one action to the current screen (help overlay, resize and Esc
 * during a request are handled here first).  Exposed for tests. */
void loop_dispatch(struct app *app, const struct key_event *ev);

/* Draw everything that is dirty into the windows, one doupdate().  The
 * loop does it before each wait; exposed for tests. */
void loop_draw(struct app *app);
/* The rest of one turn, after the keys: finished requests call back, the
 * draft and the audit log catch up, the idle lock, the outbox, the
 * screen's tick.  Exposed for tests, which run turns without a wait. */
void loop_turn_end(struct app *app);

/* The monotonic clock in milliseconds. */
long long loop_now_ms(void);

#endif
