/*
 * draw.h -- everything that puts characters on the terminal.
 *
 * draw_text() is the only way text that came from outside the program
 * (the service, a file, the clerk's typing echoed back) reaches the
 * screen: sanitised (text_sanitize), cut to the columns it may take
 * (text_fit), then written.  The rest draws the frame every screen shares:
 * the banner, the status line with its spinner, the function-key bar, the
 * help overlay and the "terminal too small" page.  Nothing here refreshes;
 * the loop does one doupdate().
 */
#ifndef SSDESK_DRAW_H
#define SSDESK_DRAW_H

#include <stdbool.h>
#include <curses.h>

struct app;

/* Colour pairs, used only on top of an attribute (monochrome first). */
enum draw_pair { DRAW_PAIR_NONE, DRAW_PAIR_WARN, DRAW_PAIR_ERROR,
    DRAW_PAIR_OK, DRAW_PAIR_BANNER };

/* Start colours if the terminal has them and NO_COLOR is unset; returns
 * whether colour is in use. */
bool draw_init_colors(void);

/* The attribute for a kind of emphasis: A_BOLD etc., plus colour when
 * app->color. */
attr_t draw_attr(const struct app *app, enum draw_pair pair, attr_t base);

/* Write untrusted UTF-8 s at y,x in at most maxcols columns (<= 0: to the
 * right edge).  Returns the columns written. */
int draw_text(WINDOW *w, int y, int x, const char *s, int maxcols);
/* Columns s takes once sanitised. */
int draw_width(const char *s);
/* Word-wrap s into cols columns from y,x, at most maxrows rows (CJK text
 * without spaces breaks between characters).  Returns rows used. */
int draw_wrap(WINDOW *w, int y, int x, const char *s, int cols, int maxrows);

/* A border round w, or a box inside w; ASCII (+-|) or ACS lines. */
void draw_frame(WINDOW *w, bool ascii);
void draw_box(WINDOW *w, int y, int x, int h, int wd, bool ascii);
void draw_hline(WINDOW *w, int y, int x, int n, bool ascii);

/* Banner (rows 0-1), status line and function-key bar on stdscr. */
void draw_chrome(struct app *app);
/* The F1 overlay, in its own panel above the body. */
void draw_help(struct app *app);
void draw_help_close(struct app *app);
/* The whole terminal says it is too small, and nothing else. */
void draw_too_small(struct app *app);

#endif
