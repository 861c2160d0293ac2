/*
 * lock.c -- the idle lock (see lock.h).
 *
 * The password is typed into sodium_malloc'd memory and wiped as soon as
 * it has been checked (and, for a renewal, copied into the request).
 */
#include "tui/lock.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "tui/audit_log.h"
#include "tui/draft.h"
#include "tui/draw.h"
#include "tui/loop.h"
#include "tui/screens.h"

#define LOCK_PW_MAX 128
#define LOCK_TRIES 5   /* wrong passwords before the service must judge */

static struct {
	long idle_ms;
	long long last_key;
	long long session_end;      /* ms, monotonic; 0: unknown */
	char *pw;                   /* sodium_malloc'd, LOCK_PW_MAX + 1 */
	size_t pwlen;
	int pwchars;
	bool asking;                /* a sign-in of ours is in flight */
	int fails;                  /* wrong passwords under this lock */
	char msg[APP_MSG_MAX];
} lock;

static void
lock_wipe_pw(void)
{
	if (lock.pw != NULL)
		sodium_memzero(lock.pw, LOCK_PW_MAX + 1);
	lock.pwlen = 0;
	lock.pwchars = 0;
}

void
lock_setup(long idle_s)
{
	lock.idle_ms = idle_s * 1000;
	lock.last_key = loop_now_ms();
}

void
lock_session_started(const struct app *app)
{
	lock.session_end = app->staff.expires_in > 0 ?
	    loop_now_ms() + app->staff.expires_in * 1000LL : 0;
}

void
lock_activity(void)
{
	lock.last_key = loop_now_ms();
}

void
lock_now(struct app *app)
{
	if (app->locked)
		return;
	if (lock.pw == NULL)
		lock.pw = sodium_malloc(LOCK_PW_MAX + 1);
	lock_wipe_pw();
	lock.msg[0] = '\0';
	lock.fails = 0;
	app->locked = true;
	app->help = false;
	app->dirty = true;
	app_audit(app, "lock", "%s", "idle");
}

void
lock_tick(struct app *app)
{
	if (lock.idle_ms > 0 && app->signed_in && !app->locked &&
	    loop_now_ms() - lock.last_key >= lock.idle_ms)
		lock_now(app);
}

static void
lock_open(struct app *app, const char *how)
{
	app->locked = false;
	lock_wipe_pw();
	lock.msg[0] = '\0';
	lock_activity();
	/* Repaint everything the lock screen covered. */
	clearok(curscr, TRUE);
	app->dirty = true;
	app_audit(app, "unlock", "%s", how);
}

/* The session runs out within a tenth of its life (at most a minute). */
static bool
lock_session_over(const struct app *app)
{
	long long margin = app->staff.expires_in * 100LL;

	if (margin > 60000)
		margin = 60000;
	return lock.session_end != 0 && loop_now_ms() >= lock.session_end -
	    margin;
}

static void
lock_signed_in(void *arg, const struct api_error *err,
    const struct staff *staff)
{
	struct app *app = arg;
	char text[APP_MSG_MAX];

	app_idle(app);
	lock.asking = false;
	if (err == NULL || err->result == API_OK) {
		app->staff = *staff;
		app->signed_in = true;
		lock_session_started(app);
		if (app->locked)
			lock_open(app, "service");
		/* The session ended under the lock (a request was told so):
		 * back to the screen the clerk was on. */
		if (app->screen == &screen_signin && app->resume != NULL) {
			const struct screen *back = app->resume;

			app->resume = NULL;
			app_goto(app, back);
		}
		app_audit(app, "signin", "%s", "renewed at unlock");
		app_msg(app, APP_MSG_INFO, "%s", _("Unlocked; your session was "
		    "renewed. The form is as you left it."));
		return;
	}
	app_error_text(text, sizeof text, err);
	if (app->locked) {
		snprintf(lock.msg, sizeof lock.msg, "%s", text);
		app_audit(app, "unlock_refused", "%s", err->code);
	} else {
		app_msg(app, APP_MSG_WARN, _("The session could not be "
		    "renewed: %s"), text);
	}
	app->dirty = true;
}

static void
lock_submit(struct app *app)
{
	int rc;

	if (lock.asking || lock.pwlen == 0)
		return;
	lock.pw[lock.pwlen] = '\0';
	rc = draft_check_password(lock.pw, lock.pwlen);
	if (rc == 0 && ++lock.fails >= LOCK_TRIES) {
		/* Guessing here would never meet the service's lockout: after
		 * a few tries, only a sign-in (which the service counts)
		 * opens the terminal again.  The walk-in waits, as after an
		 * expired session; nothing of it shows on the sign-in screen. */
		lock_wipe_pw();
		app_audit(app, "unlock_refused", "%s", "too many wrong passwords");
		app->locked = false;
		lock.msg[0] = '\0';
		clearok(curscr, TRUE);
		if (app->screen != &screen_signin)
			app->resume = app->screen;
		app->signed_in = false;
		app_goto(app, &screen_signin);
		app_msg(app, APP_MSG_WARN, "%s", _("Too many wrong passwords at "
		    "the lock: sign in again. The walk-in is kept for the same "
		    "clerk."));
		return;
	}
	if (rc == 0) {
		lock_wipe_pw();
		snprintf(lock.msg, sizeof lock.msg, "%s", _("That is not your "
		    "password. The screen stays locked; type it again."));
		app_audit(app, "unlock_refused", "%s", "wrong password");
		app->dirty = true;
		return;
	}
	if (rc == 1 && app->signed_in && !lock_session_over(app)) {
		lock_open(app, "password");
		return;
	}
	/* Renew the session (or, with no key here, let the service check
	 * the password); a request in flight finishes first. */
	if (api_busy(app->api)) {
		lock_wipe_pw();
		if (rc == 1) {
			lock_open(app, "password");
			return;
		}
		snprintf(lock.msg, sizeof lock.msg, "%s", _("A request is "
		    "still being answered; type the password again in a "
		    "moment."));
		app->dirty = true;
		return;
	}
	lock.asking = true;
	app_busy(app, _("Renewing your session…"));
	api_sign_in(app->api, app->staff.staff_id, lock.pw, app->counter,
	    lock_signed_in, app);
	if (rc == 1)
		lock_open(app, "password");
	lock_wipe_pw();
}

void
lock_key(struct app *app, const struct key_event *ev)
{
	char mb[MB_LEN_MAX];
	mbstate_t ps;
	size_t k;

	switch (ev->act) {
	case ACT_CHAR:
		memset(&ps, 0, sizeof ps);
		k = wcrtomb(mb, ev->ch, &ps);
		if (lock.pw != NULL && k != (size_t)-1 &&
		    lock.pwlen + k <= LOCK_PW_MAX) {
			memcpy(lock.pw + lock.pwlen, mb, k);
			lock.pwlen += k;
			lock.pwchars++;
		}
		sodium_memzero(mb, sizeof mb);
		break;
	case ACT_BACKSPACE:
		while (lock.pwlen > 0) {
			unsigned char c = (unsigned char)lock.pw[--lock.pwlen];

			lock.pw[lock.pwlen] = '\0';
			if ((c & 0xc0) != 0x80) {
				lock.pwchars--;
				break;
			}
		}
		break;
	case ACT_CLEAR:
		lock_wipe_pw();
		break;
	case ACT_ENTER:
	case ACT_SUBMIT:
		lock_submit(app);
		break;
	default:
		return;
	}
	app->dirty = true;
}

void
lock_draw(struct app *app)
{
	char line[TEXT_MAX + 64], stars[32];
	int i, n = lock.pwchars < 24 ? lock.pwchars : 24;
	int y = app->rows / 2 - 4 > 0 ? app->rows / 2 - 4 : 0;

	werase(stdscr);
	wattrset(stdscr, A_BOLD);
	draw_text(stdscr, y, 4, _("ssdesk is locked"), app->cols - 8);
	wattrset(stdscr, A_NORMAL);
	snprintf(line, sizeof line, _("Signed in: %s (%s), counter %s"),
	    app->staff.name, app->staff.staff_id, app->counter);
	draw_text(stdscr, y + 2, 4, line, app->cols - 8);
	draw_text(stdscr, y + 3, 4, _("Type your password and press Enter. "
	    "Your work is kept."), app->cols - 8);
	for (i = 0; i < n; i++)
		stars[i] = '*';
	stars[n] = '\0';
	draw_text(stdscr, y + 5, 4, _("Password"), 12);
	mvwaddch(stdscr, y + 5, 16, '[');
	draw_text(stdscr, y + 5, 17, stars, 24);
	mvwaddch(stdscr, y + 5, 42, ']');
	if (lock.asking)
		draw_text(stdscr, y + 7, 4, _("Checking with the service…"),
		    app->cols - 8);
	else if (lock.msg[0] != '\0') {
		wattrset(stdscr, draw_attr(app, DRAW_PAIR_ERROR, A_BOLD));
		draw_wrap(stdscr, y + 7, 4, lock.msg, app->cols - 8, 3);
		wattrset(stdscr, A_NORMAL);
	}
	wmove(stdscr, y + 5, 17 + n);
	curs_set(1);
	wnoutrefresh(stdscr);
}

void
lock_close(void)
{
	lock_wipe_pw();
	sodium_free(lock.pw);
	lock.pw = NULL;
}
