/*
 * screens.h -- what a screen is, and the list of them.
 *
 * Each screen is one file, tui/screen_X.c, exporting one
 * `const struct screen screen_X`.  Its key() gets actions (tui/keymap.h),
 * changes the app and marks it dirty; its draw() draws into app->body and
 * nothing else; the loop draws the banner, the status line, the function
 * key bar and the help overlay around it.  resize() recreates the form
 * view, if the screen has one, from the form state (the loop has freed
 * the old one and rebuilt the windows).
 */
#ifndef SSDESK_SCREENS_H
#define SSDESK_SCREENS_H

#include "forms/i18n.h"
#include "tui/app.h"
#include "tui/keymap.h"

/* One entry of the function-key bar: "F2" and N_("Submit"). */
struct screen_fkey {
	const char *key;
	const char *label;
};

#define SCREEN_FKEYS_MAX 8

/* The keys that mean the same on every screen that has them (tui/keymap.c
 * gives them their action), with their one word in the bar. */
#define SCREEN_FKEY_HELP { "F1", N_("Help") }
#define SCREEN_FKEY_BACK { "Esc", N_("Back") }
#define SCREEN_FKEY_HOME { "Esc", N_("Home") }
#define SCREEN_FKEY_REFRESH { "F5", N_("Refresh") }
#define SCREEN_FKEY_END_WALKIN { "F10", N_("End walk-in") }

struct screen {
	const char *name;          /* N_(), shown in the banner */
	const char *help;          /* N_(), the F1 text */
	void (*enter)(struct app *);
	void (*draw)(struct app *);
	void (*key)(struct app *, const struct key_event *);
	void (*leave)(struct app *);
	void (*resize)(struct app *);
	/* Each turn of the loop (about once a second when idle), or NULL:
	 * for a screen that watches something besides keys. */
	void (*tick)(struct app *);
	/* Turned to the applicant (the PIN entry, a letter read to them):
	 * Ctrl-C and Ctrl-\ never quit here (tui/quit.h). */
	bool applicant;
	/* The keys this screen supports, for the bar and the help; NULL key
	 * ends the list. */
	struct screen_fkey fkeys[SCREEN_FKEYS_MAX];
};

extern const struct screen screen_signin;
extern const struct screen screen_home;
extern const struct screen screen_identity;
extern const struct screen screen_person;
extern const struct screen screen_receipt;
extern const struct screen screen_draft;


#endif
