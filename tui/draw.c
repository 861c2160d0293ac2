/*
 * draw.c -- the one place text reaches the terminal, and the frame every
 * screen shares.
 *
 * Untrusted text goes through text_sanitize() and text_fit() before any
 * waddstr(); wrapped text is measured with wcwidth() after sanitising.
 * Attributes carry the meaning (reverse, bold, underline) so monochrome
 * terminals and NO_COLOR lose nothing; colour is only added on top.
 */
#include "tui/draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "forms/i18n.h"
#include "forms/text.h"
#include "net/api.h"
#include "tui/app.h"
#include "tui/audit_log.h"
#include "tui/queued.h"
#include "tui/statedir.h"
#include "tui/screens.h"

#define DRAW_BUF 2048

bool
draw_init_colors(void)
{
	const char *nc = getenv("NO_COLOR");

	if (!has_colors() || (nc != NULL && nc[0] != '\0'))
		return false;
	if (start_color() == ERR)
		return false;
	use_default_colors();
	init_pair(DRAW_PAIR_WARN, COLOR_YELLOW, -1);
	init_pair(DRAW_PAIR_ERROR, COLOR_RED, -1);
	init_pair(DRAW_PAIR_OK, COLOR_GREEN, -1);
	init_pair(DRAW_PAIR_BANNER, COLOR_WHITE, COLOR_BLUE);
	return true;
}

attr_t
draw_attr(const struct app *app, enum draw_pair pair, attr_t base)
{
	if (app != NULL && app->color && pair != DRAW_PAIR_NONE)
		return base | COLOR_PAIR(pair);
	return base;
}

int
draw_text(WINDOW *w, int y, int x, const char *s, int maxcols)
{
	char clean[DRAW_BUF], fit[DRAW_BUF];
	int cols;

	if (w == NULL || s == NULL)
		return 0;
	if (maxcols <= 0)
		maxcols = getmaxx(w) - x;
	if (maxcols <= 0 || y < 0 || y >= getmaxy(w))
		return 0;
	text_sanitize(clean, sizeof clean, s, strlen(s));
	cols = text_fit(fit, sizeof fit, clean, maxcols);
	if (cols < 0)
		return 0;
	mvwaddstr(w, y, x, fit);
	return cols;
}

int
draw_width(const char *s)
{
	char clean[DRAW_BUF];
	int n;

	if (s == NULL)
		return 0;
	text_sanitize(clean, sizeof clean, s, strlen(s));
	n = text_width(clean);
	return n < 0 ? 0 : n;
}

static int
draw_wcwidth(wchar_t c)
{
	int n = wcwidth(c);

	return n < 0 ? 1 : n;
}

int
draw_wrap(WINDOW *w, int y, int x, const char *s, int cols, int maxrows)
{
	char clean[DRAW_BUF];
	wchar_t ws[DRAW_BUF];
	size_t n, i = 0;
	int rows = 0;

	if (w == NULL || s == NULL || cols <= 0)
		return 0;
	text_sanitize(clean, sizeof clean, s, strlen(s));
	n = mbstowcs(ws, clean, DRAW_BUF - 1);
	if (n == (size_t)-1)
		return draw_text(w, y, x, clean, cols) > 0;
	ws[n] = L'\0';
	while (i < n && rows < maxrows) {
		size_t start, end, brk = 0;
		int width = 0;

		while (i < n && ws[i] == L' ')
			i++;
		if (i >= n)
			break;
		start = end = i;
		while (end < n) {
			int cw = draw_wcwidth(ws[end]);

			if (width + cw > cols)
				break;
			if (ws[end] == L' ')
				brk = end;
			width += cw;
			end++;
		}
		if (end < n && ws[end] != L' ' && brk > start)
			end = brk;        /* break at the last space */
		if (end == start)
			end = start + 1;  /* one character wider than cols */
		mvwaddnwstr(w, y + rows, x, ws + start, (int)(end - start));
		rows++;
		i = end;
	}
	return rows;
}

void
draw_frame(WINDOW *w, bool ascii)
{
	if (ascii)
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	else
		box(w, 0, 0);
}

void
draw_box(WINDOW *w, int y, int x, int h, int wd, bool ascii)
{
	int i;

	if (h < 2 || wd < 2)
		return;
	for (i = 1; i < h - 1; i++) {
		mvwaddch(w, y + i, x, ascii ? '|' : ACS_VLINE);
		mvwaddch(w, y + i, x + wd - 1, ascii ? '|' : ACS_VLINE);
	}
	draw_hline(w, y, x + 1, wd - 2, ascii);
	draw_hline(w, y + h - 1, x + 1, wd - 2, ascii);
	mvwaddch(w, y, x, ascii ? '+' : ACS_ULCORNER);
	mvwaddch(w, y, x + wd - 1, ascii ? '+' : ACS_URCORNER);
	mvwaddch(w, y + h - 1, x, ascii ? '+' : ACS_LLCORNER);
	mvwaddch(w, y + h - 1, x + wd - 1, ascii ? '+' : ACS_LRCORNER);
}

void
draw_hline(WINDOW *w, int y, int x, int n, bool ascii)
{
	if (n > 0)
		mvwhline(w, y, x, ascii ? '-' : ACS_HLINE, n);
}

/* Row 1 while something that lasts is wrong (the disk fails, the audit
 * log does not match the service's copy): said until it is over, in
 * place of the rule (or after TRAINING).  True if drawn. */
static bool
draw_alert(struct app *app)
{
	char alert[APP_MSG_MAX], line[APP_MSG_MAX + 64];

	if (!statedir_alert(alert, sizeof alert) &&
	    !audit_log_alarm(alert, sizeof alert))
		return false;
	snprintf(line, sizeof line, "%s%s", app->demo ? _("TRAINING | ") : "",
	    alert);
	wattrset(stdscr, draw_attr(app, DRAW_PAIR_ERROR, A_REVERSE) | A_BOLD);
	mvwhline(stdscr, 1, 0, ' ', app->cols);
	draw_text(stdscr, 1, 1, line, app->cols - 2);
	wattrset(stdscr, A_NORMAL);
	return true;
}

/* Row 0: program, screen, who, counter.  Row 1: TRAINING in --demo. */
static void
draw_banner(struct app *app)
{
	char right[TEXT_MAX + 2 * REF_MAX + 32];
	const char *scr = app->screen ? _(app->screen->name) : "";
	attr_t bar = draw_attr(app, DRAW_PAIR_BANNER, A_REVERSE);
	int x, rw;

	wattrset(stdscr, bar);
	mvwhline(stdscr, 0, 0, ' ', app->cols);
	wattrset(stdscr, bar | A_BOLD);
	x = 1 + draw_text(stdscr, 0, 1, "ssdesk", 8);
	wattrset(stdscr, bar);
	x += draw_text(stdscr, 0, x, " | ", 3);
	x += draw_text(stdscr, 0, x, scr, 30);
	if (app->outbox_shown > 0) {
		/* Writes waiting for the service: first, so it is never cut. */
		char ob[48];

		snprintf(ob, sizeof ob, _("Outbox: %zu"), app->outbox_shown);
		wattrset(stdscr, bar | A_BOLD);
		x += draw_text(stdscr, 0, x, " | ", 3);
		x += draw_text(stdscr, 0, x, ob, 16);
		wattrset(stdscr, bar);
	}
	if (queued_refusals() > 0) {
		/* Refused writes wait on Home for the clerk to read. */
		char rf[48];

		snprintf(rf, sizeof rf, _("Refused: %zu"), queued_refusals());
		wattrset(stdscr, bar | A_BOLD);
		x += draw_text(stdscr, 0, x, " | ", 3);
		x += draw_text(stdscr, 0, x, rf, 16);
		wattrset(stdscr, bar);
	}
	if (app->signed_in) {
		snprintf(right, sizeof right, "%s (%s) | %s %s",
		    app->staff.name, _(person_role_name(app->staff.role)),
		    _("Counter"), app->staff.counter[0] ? app->staff.counter :
		    app->counter);
	} else
		snprintf(right, sizeof right, "%s %s", _("Counter"),
		    app->counter);
	rw = draw_width(right);
	if (rw > app->cols - x - 3)
		rw = app->cols - x - 3;
	if (rw > 0)
		draw_text(stdscr, 0, app->cols - rw - 1, right, rw);

	if (draw_alert(app))
		return;
	if (app->demo) {
		const char *t = _("TRAINING — fictitious people");
		int tw = draw_width(t);

		wattrset(stdscr, draw_attr(app, DRAW_PAIR_WARN, A_REVERSE) |
		    A_BOLD);
		mvwhline(stdscr, 1, 0, ' ', app->cols);
		draw_text(stdscr, 1, tw < app->cols ? (app->cols - tw) / 2 : 0,
		    t, app->cols);
	} else {
		wattrset(stdscr, A_NORMAL);
		draw_hline(stdscr, 1, 0, app->cols, app->ascii);
	}
	wattrset(stdscr, A_NORMAL);
}

/* Two rows above the key bar: a question asked (tui/quit.h), else the
 * spinner and what is in flight, else the last message, word-wrapped. */
static void
draw_status(struct app *app)
{
	static const char spin[] = "|/-\\";
	int y = app->rows - 1 - APP_STATUS_ROWS;

	wattrset(stdscr, A_NORMAL);
	if (app->ask[0] != '\0') {
		/* Over the spinner and the message, which it leaves as they
		 * were for when it is answered. */
		wattrset(stdscr, draw_attr(app, DRAW_PAIR_WARN, A_BOLD));
		draw_wrap(stdscr, y, 1, app->ask, app->cols - 2,
		    APP_STATUS_ROWS);
		wattrset(stdscr, A_NORMAL);
		return;
	}
	if (app->busy) {
		char s[2] = { spin[app->spin % 4], '\0' };

		wattrset(stdscr, A_BOLD);
		draw_text(stdscr, y, 1, s, 1);
		wattrset(stdscr, A_NORMAL);
		draw_text(stdscr, y, 3, app->busy_msg, app->cols - 4);
		return;
	}
	switch (app->msg_kind) {
	case APP_MSG_ERROR:
		wattrset(stdscr, draw_attr(app, DRAW_PAIR_ERROR, A_BOLD));
		break;
	case APP_MSG_WARN:
		wattrset(stdscr, draw_attr(app, DRAW_PAIR_WARN, A_BOLD));
		break;
	case APP_MSG_INFO:
	case APP_MSG_NONE:
		break;
	}
	if (app->msg_kind != APP_MSG_NONE)
		draw_wrap(stdscr, y, 1, app->msg, app->cols - 2,
		    APP_STATUS_ROWS);
	wattrset(stdscr, A_NORMAL);
}

/* htop's bar: the key plain, its label in reverse video. */
static void
draw_fkeys(struct app *app)
{
	const struct screen_fkey *k;
	int y = app->rows - 1, x = 0, i;

	if (app->screen == NULL)
		return;
	for (i = 0; i < SCREEN_FKEYS_MAX; i++) {
		const char *label;
		int lw;

		k = &app->screen->fkeys[i];
		if (k->key == NULL)
			break;
		label = _(k->label);
		lw = draw_width(label);
		if (x + draw_width(k->key) + lw + 1 > app->cols)
			break;
		wattrset(stdscr, A_BOLD);
		x += draw_text(stdscr, y, x, k->key, 8);
		wattrset(stdscr, draw_attr(app, DRAW_PAIR_BANNER, A_REVERSE));
		x += draw_text(stdscr, y, x, label, lw);
		if (x < app->cols)
			x += draw_text(stdscr, y, x, " ", 1);
		wattrset(stdscr, A_NORMAL);
		if (x < app->cols)
			x += draw_text(stdscr, y, x, " ", 1);
	}
	wattrset(stdscr, A_NORMAL);
}

void
draw_chrome(struct app *app)
{
	draw_banner(app);
	draw_status(app);
	draw_fkeys(app);
}

void
draw_help_close(struct app *app)
{
	if (app->help_panel != NULL)
		del_panel(app->help_panel);
	if (app->help_win != NULL)
		delwin(app->help_win);
	app->help_panel = NULL;
	app->help_win = NULL;
}

void
draw_help(struct app *app)
{
	static const struct screen_fkey general[] = {
		{ "Tab / S-Tab", N_("next / previous field") },
		{ "Up / Down", N_("previous / next field or line") },
		{ "Ctrl-U", N_("clear the field") },
		{ "Esc digit", N_("the same as F-digit (also Alt-digit)") },
	};
	const struct screen *s = app->screen;
	WINDOW *w;
	int h, wd, y, i;

	if (s == NULL)
		return;
	h = app->rows - 2 < 22 ? app->rows - 2 : 22;
	wd = app->cols - 4 < 72 ? app->cols - 4 : 72;
	if (app->help_win == NULL) {
		app->help_win = newwin(h, wd, (app->rows - h) / 2,
		    (app->cols - wd) / 2);
		if (app->help_win == NULL)
			return;
		app->help_panel = new_panel(app->help_win);
	}
	w = app->help_win;
	top_panel(app->help_panel);
	werase(w);
	draw_frame(w, app->ascii);
	wattrset(w, A_BOLD);
	{
		char title[128];

		snprintf(title, sizeof title, " %s: %s ", _("Help"), _(s->name));
		draw_text(w, 0, 2, title, wd - 4);
	}
	wattrset(w, A_NORMAL);
	y = 1 + draw_wrap(w, 1, 2, _(s->help), wd - 4, h - 10);
	y++;
	wattrset(w, A_BOLD);
	draw_text(w, y++, 2, _("Keys"), wd - 4);
	wattrset(w, A_NORMAL);
	for (i = 0; i < SCREEN_FKEYS_MAX && s->fkeys[i].key && y < h - 2;
	    i++, y++) {
		draw_text(w, y, 4, s->fkeys[i].key, 12);
		draw_text(w, y, 18, _(s->fkeys[i].label), wd - 20);
	}
	for (i = 0; i < (int)(sizeof general / sizeof general[0]) &&
	    y < h - 2; i++, y++) {
		draw_text(w, y, 4, general[i].key, 13);
		draw_text(w, y, 18, _(general[i].label), wd - 20);
	}
	wattrset(w, A_REVERSE);
	draw_text(w, h - 2, 2, _("Any key closes this help."), wd - 4);
	wattrset(w, A_NORMAL);
}

void
draw_too_small(struct app *app)
{
	char s[160];

	snprintf(s, sizeof s, _("Terminal too small: need %dx%d, have %dx%d"),
	    APP_MIN_COLS, APP_MIN_ROWS, app->cols, app->rows);
	werase(stdscr);
	draw_wrap(stdscr, 0, 0, s, app->cols, app->rows);
	wnoutrefresh(stdscr);
}
