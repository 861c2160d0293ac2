/*
 * lock.h -- the idle lock.  After --idle-lock seconds without a key
 * (default 300; 0 never) while a clerk is signed in, a lock screen covers
 * everything: nothing of the applicant shows.  The clerk's password
 * unlocks it, checked here against the draft key (tui/draft.h), or by the
 * service if there is none; the screen and the forms are as they were.
 * If the service session has run out meanwhile, it is renewed with the
 * same password.  Requests in flight go on while locked.  Five wrong
 * passwords send the terminal to the sign-in screen (the service counts
 * failed sign-ins; the lock cannot), the walk-in kept as after an
 * expired session.
 */
#ifndef SSDESK_LOCK_H
#define SSDESK_LOCK_H

#include "tui/app.h"
#include "tui/keymap.h"

#define LOCK_IDLE_DEFAULT 300

void lock_setup(long idle_s);
/* A session began (sign-in, renewal): when it will run out. */
void lock_session_started(const struct app *app);
/* Any key: the idle time starts again. */
void lock_activity(void);
/* From the loop: lock if idle long enough. */
void lock_tick(struct app *app);
/* Lock now. */
void lock_now(struct app *app);
/* Draw the lock screen over everything (stdscr only). */
void lock_draw(struct app *app);
void lock_key(struct app *app, const struct key_event *ev);
/* At exit: wipe the password buffer. */
void lock_close(void);

#endif
