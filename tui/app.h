/*
 * app.h -- the state of the whole terminal program, owned by main().
 *
 * One struct app holds what every screen shares: the api, who is signed
 * in, the walk-in in progress (the identity result, the chosen card, the
 * identity form, the last application, and a slot per service for what
 * the service itself keeps), the current screen, and what the
 * loop needs to draw (dirty flag, busy spinner, status message, help
 * overlay, terminal size).  Handlers change it and mark it dirty; only the
 * loop draws.  Full ID and bank card numbers live only inside the form
 * states, in memory, until app_end_walkin() wipes them (the services'
 * with svc_drop_all).
 */
#ifndef SSDESK_APP_H
#define SSDESK_APP_H

#include <stdbool.h>
#include <curses.h>
#include <panel.h>

#include "forms/date.h"
#include "forms/form.h"
#include "forms/person.h"
#include "forms/service.h"
#include "net/api.h"
#include "net/seal.h"

struct screen;
struct form_view;

#define APP_MIN_COLS 80
#define APP_MIN_ROWS 24
#define APP_MSG_MAX 512
#define APP_STATUS_ROWS 2  /* status message rows above the key bar */
#define APP_DEMO_LINES 8
#define APP_DEMO_LINE_MAX 160

enum app_msg_kind { APP_MSG_NONE, APP_MSG_INFO, APP_MSG_WARN, APP_MSG_ERROR };

struct outbox;

struct app {
	struct api *api;           /* lent by main() */
	struct outbox *outbox;     /* writes waiting for the service; main() */
	size_t outbox_shown;       /* the count the banner shows */
	bool demo;
	bool ascii;                /* ASCII borders instead of ACS lines */
	bool color;                /* colour as an extra, never the only cue */
	struct date today;
	char counter[REF_MAX];

	/* Who is signed in. */
	bool signed_in;
	struct staff staff;

	/* The walk-in in progress. */
	bool walkin;               /* an identity form exists */
	bool have_identity;        /* the service confirmed it */
	struct identity_result identity;
	int card;                  /* index into identity.person.cards */
	int service_sel;           /* the highlighted service (tui/services.h) */
	struct form_state idform;
	bool have_application;
	struct application application;  /* the last, for its receipt */
	/* What each service keeps while the walk-in lasts, by its id
	 * (tui/services.h svc_state): never a member named for one. */
	void *svc[SERVICE_N];
	/* After "session expired": where to come back to after signing in. */
	const struct screen *resume;

	/* Screens and drawing. */
	const struct screen *screen;
	bool dirty, quit;
	bool busy;                 /* a request of ours is in flight */
	char busy_msg[128];        /* "Checking identity… Esc cancels" */
	unsigned spin;
	enum app_msg_kind msg_kind;
	char msg[APP_MSG_MAX];
	bool help;
	/* A yes/no question over the status line (tui/quit.h: Quit
	 * ssdesk?); "" none.  Until it is answered no key reaches the
	 * screen. */
	char ask[APP_MSG_MAX];
	/* The signal that ended the loop (SIGTERM, SIGHUP, SIGINT), or 0:
	 * main() exits with 128 + it. */
	int ended_by;
	int rows, cols;
	bool too_small;

	/* Windows: rows 0-1 banner, body, 2 status rows, function-key bar. */
	WINDOW *body;              /* NULL while the terminal is too small */
	PANEL *body_panel;
	WINDOW *help_win;
	PANEL *help_panel;
	struct form_view *fv;      /* the current screen's form view, if any */
	int fv_focus;              /* its current field, kept over a resize */
	int fv_col;                /* and the cursor's column in it, or -1 */
	/* Where the terminal cursor goes after drawing (none: hidden). */
	WINDOW *cursor_win;
	int cursor_y, cursor_x;

	/* The person screen's notice (a refusal and its remedy). */
	enum app_msg_kind notice_kind;
	char notice[APP_MSG_MAX];
	const char *refresh_retry; /* the key that asks again, translated */

	/* The idle lock covers everything (tui/lock.h). */
	bool locked;
	struct seal_key seal;      /* the service's PIN sealing key (net/seal.h) */
	const char *receipt_dir;   /* --receipt-dir, or NULL: the state dir */
	const char *print_command; /* --print-command, or NULL: file only */

	/* Demo accounts, listed on the sign-in screen in --demo only. */
	int ndemo;
	char demo_lines[APP_DEMO_LINES][APP_DEMO_LINE_MAX];
};

void app_init(struct app *app);
/* Wipe everything the walk-in holds; the windows stay. */
void app_free(struct app *app);

/* Leave the current screen, enter s; marks dirty. */
void app_goto(struct app *app, const struct screen *s);

/* Status line.  fmt is a translated format; arguments untrusted text is
 * fine: the status line is drawn through draw_text(). */
void app_msg(struct app *app, enum app_msg_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void app_msg_clear(struct app *app);

/* A request is in flight (msg is shown with a spinner) / finished. */
void app_busy(struct app *app, const char *msg);
void app_idle(struct app *app);

/* (Re)build the windows for the current terminal size, after the form
 * view has been freed; sets too_small. */
void app_layout(struct app *app);
/* KEY_RESIZE: free the form view, rebuild windows, let the screen
 * recreate its view from the state. */
void app_resize(struct app *app);

/* The walk-in: start one (fresh identity form), end it (wipe). */
void app_start_walkin(struct app *app);
void app_end_walkin(struct app *app);
/* Wipe what the walk-in holds beyond the identity check: every
 * service's state (forms, keys) and the last application. */
void app_drop_services(struct app *app);
/* Put a refusal from the service at field idx of st (-1: nowhere) and
 * move the focus there (form_refuse: it does not hold F2 back). */
void app_field_refused(struct app *app, struct form_state *st, int idx,
    const char *text);
/* A refusal about the card itself (its state as the service knows it):
 * back to the person screen with text (untrusted: sanitised) as its
 * notice, and status on the status line (translated). */
void app_refused_to_person(struct app *app, const char *text,
    const char *status);
/* Ask the service for the person and cards again; on success show them
 * on the person screen.  retry (translated) says which key asks again
 * if it fails.  Nothing happens while another request is in flight. */
void app_refresh_person(struct app *app, const char *retry);
/* End the walk-in, go Home and say its data is wiped; while a request is
 * in flight, only say how to cancel it. */
void app_close_walkin(struct app *app);
/* Open a form view over st at row y of the body, in app->fv, with the
 * focus the clerk had (app->fv_focus); NULL there if it does not fit. */
void app_open_form(struct app *app, struct form_state *st, int y);
/* The card chosen on the person screen, or NULL. */
const struct card *app_card(const struct app *app);

/* A sentence for the clerk about a failed call: the known code's own
 * translated sentence, else the sanitised service message (unless that
 * shows nothing: only escapes, controls or blanks), else msg_api_error().
 * Never empty.  Writes into out. */
void app_error_text(char *out, size_t outsz, const struct api_error *err);
/* The seed-004 remedy for a card past its 300-day deadline. */
void app_deadline_remedy(char *out, size_t outsz, const struct card *c);


/* What every write's failure has in common: session expired (to sign-in),
 * cancelled, not an answer of the service (the form is kept, F2 sends
 * again with the same key), or the identity check gone (to the identity
 * screen).  True if that was it; false for a refusal the screen puts at
 * its place, with its sentence in text. */
bool app_write_failed(struct app *app, const struct api_error *err,
    char *text, size_t textsz);
/* A read that failed (nothing changed at the service): to sign-in if the
 * session ended, else the reason and retry (translated: which key asks
 * again) on the status line. */
void app_read_failed(struct app *app, const struct api_error *err,
    const char *retry);
/* True if err means the walk-in must go back to sign-in. */
bool app_session_expired(struct app *app, const struct api_error *err);

#endif
