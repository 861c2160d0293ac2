/*
 * quit.h -- Ctrl-C and Ctrl-\ (ACT_INTERRUPT): never a kill.
 *
 * On a screen turned to the applicant (struct screen's applicant: the PIN
 * entry, the newborn's commitment letter) they change nothing and only
 * say that the clerk takes the screen back first: the applicant must not
 * end the clerk's work, nor lose what they typed.  Elsewhere they ask
 * "Quit ssdesk? ... y / n" over the status line (app->ask); until it is
 * answered no key reaches the screen.  n or Esc leaves everything as it
 * was; y ends the loop, keeping what a crash keeps: the loop writes the
 * draft (with the outbox in it) before it stops, and the same clerk's
 * next sign-in offers it.  The screen itself is never told.  The idle
 * lock takes every key before this (tui/loop.c): at the lock screen they
 * do nothing, and a question left unanswered goes when the lock comes.
 */
#ifndef SSDESK_QUIT_H
#define SSDESK_QUIT_H

#include <stdbool.h>

#include "tui/app.h"
#include "tui/keymap.h"

/* From the loop's dispatch: true if ev was the question's (asked,
 * answered, or swallowed while it is asked); false for the screen. */
bool quit_key(struct app *app, const struct key_event *ev);

#endif
