/*
 * tuitest.h -- the terminal program in a unit test: a struct app over the
 * in-process simulator (net/transport_local.c, no latency), on a curses
 * screen made with newterm() on /dev/null, so no terminal is needed.
 *
 * Tests press keys as actions (tui/keymap.h) through loop_dispatch(), the
 * loop's own entry, and after each one run the rest of the loop's turn
 * (loop_turn_end: answers, draft, outbox) until nothing is in flight.
 * They assert on the state: the current screen, the service units'
 * states, the outbox, the draft.  tt_shows() draws as the loop would and
 * reads the screen back, for a sentence that must be on it.
 *
 * The simulator's today and the app's are TT_TODAY; the state directory
 * (drafts, audit log) is a fresh one under $TMPDIR per tt_up(), removed
 * by tt_down().  Include after <cmocka.h>.
 */
#ifndef SSDESK_TUITEST_H
#define SSDESK_TUITEST_H

#include <stdbool.h>
#include <stdio.h>

#include "net/api.h"
#include "sim/sim.h"
#include "sim/sim_fault.h"
#include "tui/app.h"
#include "tui/keymap.h"
#include "tui/services.h"

#define TT_TODAY "2026-11-22"
#define TT_PASSWORD "ssdesk-demo"     /* every demo account's */

struct tt {
	struct app app;
	struct sim *sim;
	struct sim_faults faults;  /* the simulator's, changed at will */
	SCREEN *scr;
	FILE *out, *in;
	char dir[256];             /* the state directory, made by tt_up */
	bool keep_dir;             /* tt_down leaves it (for a second tt_up,
	                            * whose tt_down removes it) */
};

/* A signed-out terminal on the sign-in screen.  dir: the state
 * directory to use (another tt's, kept), or NULL for a fresh one. */
void tt_up(struct tt *t, const char *dir);
/* Everything freed (the state directory removed unless keep_dir). */
void tt_down(struct tt *t);

/* One action to the loop, then turns until nothing is in flight. */
void tt_act(struct tt *t, enum action act);
/* Each character of utf8 as ACT_CHAR. */
void tt_type(struct tt *t, const char *utf8);
/* Turns of the loop until no request is in flight. */
void tt_settle(struct tt *t);

/* Draw as the loop does; whether text (UTF-8) is on the screen, where
 * it may be wrapped: runs of blanks and line ends match one blank. */
bool tt_shows(struct tt *t, const char *text);
/* The screen as text (a static buffer). */
const char *tt_screen(struct tt *t);
/* The screen on stderr, for a failing test. */
void tt_print_screen(struct tt *t);
/* Fail, showing the screen, unless text is on it. */
#define tt_assert_shows(t, text) do { \
	if (!tt_shows(t, text)) { \
		tt_print_screen(t); \
		fail_msg("not on screen: %s", text); \
	} \
} while (0)

/* The simulator's fictitious ID number of the person called name. */
const char *tt_demo_id(struct tt *t, const char *name);
/* The service answers "METHOD PATH=KIND[,COUNT]" (sim/sim_fault.h);
 * NULL: every fault gone. */
void tt_fault(struct tt *t, const char *spec);

/* Sign in as staff on the sign-in screen: home, or the draft's offer. */
void tt_signin(struct tt *t, const char *staff);
/* From home: the identity check of name, face passed, sent. */
void tt_identity(struct tt *t, const char *name);
/* The form a unit keeps (its forms[i]), or NULL if it has no state. */
struct form_state *tt_unit_form(struct tt *t, const struct svc_unit *u,
    int i);
/* The number the person screen gives unit u (1...), or 0: not offered. */
int tt_offered(struct tt *t, const struct svc_unit *u);

#endif
