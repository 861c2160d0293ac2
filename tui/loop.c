/*
 * loop.c -- the one loop of the program.
 *
 *   if dirty: erase and draw everything into windows, one doupdate();
 *   api_wait() on stdin and the transport (100 ms while a request is in
 *   flight, for the spinner; 1000 ms idle; 25 ms while an Esc is held);
 *   read every pending key, keymap_feed() it, dispatch the action;
 *   api_perform(): finished requests call back, and mark dirty.
 *
 * Handlers never draw.  Nothing asks curses to clear the whole screen:
 * over SSH a full repaint flickers; erase() and doupdate() send only what
 * changed.
 *
 * The terminal is raw: no key sends a signal or stops the output
 * (Ctrl-C asks, tui/quit.h).  Signals wake the wait (tui/signals.h) and
 * are acted on here, between two turns: SIGWINCH resizes; SIGTERM,
 * SIGHUP and SIGINT end the loop as Ctrl-C and y would, the draft written
 * first.
 */
#include "tui/loop.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>
#include <panel.h>

#include "forms/i18n.h"
#include "net/api.h"
#include "net/outbox.h"
#include "tui/audit_log.h"
#include "tui/draw.h"
#include "tui/draft.h"
#include "tui/form_view.h"
#include "tui/lock.h"
#include "tui/quit.h"
#include "tui/screens.h"
#include "tui/signals.h"

#define LOOP_BUSY_MS 100
#define LOOP_IDLE_MS 1000
#define LOOP_ESC_MS 25
#define LOOP_DEAD_MAX 100

/*
 * ssdesk owns SIGWINCH (tui/signals.c).  ncurses' own handler only sets
 * a flag that wget_wch() looks at after input arrives: in nodelay mode,
 * with no key pending, it returns ERR first, so a resize with no key after
 * it was never seen.  Ours wakes the wait; the loop then asks the
 * terminal its size and resizeterm() queues KEY_RESIZE for wget_wch().
 */
static void
loop_check_winch(void)
{
	struct winsize ws;

	if (!signals_winch())
		return;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && is_term_resized(ws.ws_row, ws.ws_col))
		resizeterm(ws.ws_row, ws.ws_col);
}

/* SIGTERM, SIGHUP, SIGINT: what a crash would keep is on disk, then the
 * loop stops (main() exits with 128 + the signal).  True if one came. */
static bool
loop_check_end(struct app *app)
{
	int sig = signals_ending();

	if (sig == 0)
		return false;
	draft_sync(app);
	if (app->signed_in)
		app_audit(app, "quit", "%s", signals_name(sig));
	app->ended_by = sig;
	app->quit = true;
	return true;
}

/*
 * Raw, not cbreak: Ctrl-C, Ctrl-\ and Ctrl-Z are keys (no ISIG), and so
 * are Ctrl-S and Ctrl-Q (no XON/XOFF: Ctrl-S froze the screen until
 * Ctrl-Q, which no clerk knows).  ncurses' raw() leaves IXOFF on; saved
 * again as the program's mode, the whole of it comes back after a
 * suspend and resume.  endwin() restores the shell's.
 */
static void
loop_raw(void)
{
	struct termios t;

	raw();
	if (tcgetattr(STDOUT_FILENO, &t) != 0)
		return;
	t.c_lflag &= ~(tcflag_t)(ISIG | IEXTEN);
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF | IXANY);
	if (tcsetattr(STDOUT_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
}

long long
loop_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
loop_draw(struct app *app)
{
	app->dirty = false;
	if (app->locked) {
		lock_draw(app);
		doupdate();
		return;
	}
	if (app->too_small) {
		curs_set(0);
		draw_too_small(app);
		doupdate();
		return;
	}
	werase(stdscr);
	draw_chrome(app);
	wnoutrefresh(stdscr);
	app->cursor_win = NULL;
	if (app->body != NULL) {
		werase(app->body);
		if (app->screen != NULL && app->screen->draw != NULL)
			app->screen->draw(app);
	}
	if (app->help)
		draw_help(app);
	else
		draw_help_close(app);
	update_panels();
	/* The cursor: in the current field, or hidden. */
	if (!app->help && app->fv != NULL && app->cursor_win == app->body &&
	    app->body != NULL) {
		form_view_place_cursor(app->fv);
		wnoutrefresh(app->body);
		curs_set(1);
	} else if (!app->help && app->cursor_win != NULL) {
		wmove(app->cursor_win, app->cursor_y, app->cursor_x);
		wnoutrefresh(app->cursor_win);
		curs_set(1);
	} else
		curs_set(0);
	doupdate();
}

void
loop_dispatch(struct app *app, const struct key_event *ev)
{
	lock_activity();
	if (ev->act == ACT_RESIZE) {
		app_resize(app);
		return;
	}
	if (app->locked) {
		lock_key(app, ev);
		return;
	}
	if (ev->act == ACT_REDRAW) {
		/* Repaint from scratch on the next doupdate, without a clear. */
		clearok(curscr, TRUE);
		app->dirty = true;
		return;
	}
	if (app->too_small)
		return;
	if (app->help) {
		app->help = false;   /* any key closes it, and only that */
		app->dirty = true;
		return;
	}
	if (quit_key(app, ev))
		return;
	if (ev->act == ACT_HELP) {
		app->help = true;
		app->dirty = true;
		return;
	}
	if (ev->act == ACT_BACK && app->busy && api_busy(app->api)) {
		api_cancel(app->api); /* the callback says what happened */
		app->dirty = true;
		return;
	}
	/* F5 while writes wait in the outbox: send them now. */
	if (ev->act == ACT_F5 && outbox_count(app->outbox) > 0 &&
	    !app->busy) {
		outbox_retry_now(app->outbox);
		app_msg(app, APP_MSG_INFO, "%s", _("Sending what waits in the "
		    "outbox now…"));
		return;
	}
	if (app->screen != NULL && app->screen->key != NULL)
		app->screen->key(app, ev);
}

/* Writes waiting for the service go when nothing of the clerk's is in
 * flight; the banner's count follows. */
static void
loop_outbox(struct app *app)
{
	size_t n;

	if (!app->busy && app->signed_in)
		outbox_poll(app->outbox);
	n = outbox_count(app->outbox);
	if (n != app->outbox_shown) {
		app->outbox_shown = n;
		app->dirty = true;
	}
}

/* Read every key waiting (*nread of them); returns whether an Esc (or a
 * sequence being swallowed) is now held. */
static bool
loop_read_keys(struct app *app, struct keymap *km, int *nread)
{
	struct key_event ev;
	wint_t wch;
	int rc;

	*nread = 0;
	while (!app->quit && (rc = wget_wch(stdscr, &wch)) != ERR) {
		(*nread)++;
		if (keymap_feed(km, rc, wch, &ev))
			loop_dispatch(app, &ev);
		while (!app->quit && keymap_next(km, &ev))
			loop_dispatch(app, &ev);
	}
	return keymap_waiting(km);
}

/* The terminal as ssdesk wants it; NULL if it cannot be set up. */
static SCREEN *
loop_terminal_up(struct app *app)
{
	SCREEN *scr = newterm(NULL, stdout, stdin);

	if (scr == NULL)
		return NULL;
	set_term(scr);
	loop_raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	nodelay(stdscr, TRUE);
	curs_set(0);
	signals_terminal_up();
	app->color = draw_init_colors();
	app_layout(app);
	if (!app->too_small && app->screen != NULL &&
	    app->screen->resize != NULL)
		app->screen->resize(app);
	app->dirty = true;
	return scr;
}

/* Every end of the loop, an error too: the terminal is the shell's again
 * before anything is reported. */
static void
loop_terminal_down(struct app *app, SCREEN *scr)
{
	app_free(app);
	signals_terminal_down();
	endwin();
	delscreen(scr);
	signals_close();
}

/* How long the wait may sleep. */
static int
loop_timeout(struct app *app, bool esc_held)
{
	long due = outbox_due_in(app->outbox);
	int timeout = app->busy || api_busy(app->api) ? LOOP_BUSY_MS :
	    LOOP_IDLE_MS;

	if (due >= 0 && due < timeout)
		timeout = (int)due;
	if (esc_held)
		timeout = LOOP_ESC_MS;
	/* Without the joined descriptor (signals_wait_fd), a signal that
	 * came while drawing woke no wait: do not sleep on it. */
	if (signals_pending())
		timeout = 0;
	return timeout;
}

void
loop_turn_end(struct app *app)
{
	api_perform(app->api);
	/* What was typed is on disk before it is on screen; after a quit
	 * (Ctrl-C, y) too, before the loop stops. */
	draft_sync(app);
	audit_log_tick(app);
	lock_tick(app);
	/* A question left unanswered does not outlive the lock. */
	if (app->locked)
		app->ask[0] = '\0';
	loop_outbox(app);
	if (app->screen != NULL && app->screen->tick != NULL && !app->locked)
		app->screen->tick(app);
}

int
loop_run(struct app *app, char *err, size_t errlen)
{
	struct keymap km;
	long long esc_at = 0;
	bool esc_held = false;
	int dead = 0;
	SCREEN *scr;

	memset(&km, 0, sizeof km);
	/* Before newterm(): ncurses then installs no handlers of its own. */
	if (signals_setup() != 0) {
		snprintf(err, errlen, "%s: %s", _("cannot set up signal "
		    "handling"), strerror(errno));
		return -1;
	}
	if ((scr = loop_terminal_up(app)) == NULL) {
		signals_close();
		snprintf(err, errlen, "%s", _("cannot set up the terminal "
		    "(is TERM set?)"));
		return -1;
	}

	while (!app->quit) {
		int ready = 0;

		if (app->busy) {
			unsigned spin = (unsigned)(loop_now_ms() / LOOP_BUSY_MS);

			if (spin != app->spin) {
				app->spin = spin;
				app->dirty = true;
			}
		}
		if (app->dirty)
			loop_draw(app);
		if (api_wait(app->api, signals_wait_fd(),
		    loop_timeout(app, esc_held), &ready) != 0 &&
		    errno != EINTR) {
			int e = errno;

			loop_terminal_down(app, scr);
			snprintf(err, errlen, "%s: %s", _("waiting for input "
			    "failed"), strerror(e));
			return -1;
		}
		if (loop_check_end(app))
			break;
		/* resizeterm() queues a KEY_RESIZE, read with the keys. */
		loop_check_winch();
		{
			int nread;
			bool held = loop_read_keys(app, &km, &nread);

			if (held && !esc_held)
				esc_at = loop_now_ms();
			esc_held = held;
			/* Readable yet nothing to read, again and again: the
			 * terminal is gone (SSH dropped).  Stop, don't spin. */
			dead = ready && nread == 0 ? dead + 1 : 0;
			if (dead > LOOP_DEAD_MAX)
				app->quit = true;
		}
		if (esc_held && loop_now_ms() - esc_at >= LOOP_ESC_MS) {
			struct key_event ev;

			esc_held = false;
			if (keymap_flush(&km, &ev))
				loop_dispatch(app, &ev);
			while (!app->quit && keymap_next(&km, &ev))
				loop_dispatch(app, &ev);
		}
		loop_turn_end(app);
	}
	loop_terminal_down(app, scr);
	return 0;
}
