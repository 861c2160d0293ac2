/*
 * signals.h -- every signal ssdesk handles, none of them handled unsafely.
 *
 * A handler only sets a flag and writes one byte into a pipe, both safe in
 * a signal handler.  The loop waits on that pipe together with the
 * terminal (signals_wait_fd), so a signal wakes it at once, and does the
 * work itself between two turns:
 *
 *   SIGWINCH                 the terminal's new size (tui/loop.c)
 *   SIGTERM, SIGHUP, SIGINT  the end: the loop saves the draft and
 *                            restores the terminal; main() exits with
 *                            128 + the signal's number
 *   SIGPIPE                  nothing: the write gets EPIPE
 *
 * The keyboard sends none of these: the terminal is raw, Ctrl-C is a key
 * (tui/keymap.h).  A crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT,
 * SIGSYS, or a SIGQUIT sent by kill) first puts the terminal back as the
 * shell had it -- tcsetattr() and write() of strings looked up beforehand,
 * both safe in a handler -- then takes its course: the handler that was
 * there before (a sanitizer's), else the default action (no core file:
 * tui/main.c).
 *
 * Handlers are installed before newterm(), so ncurses installs none of
 * its own for SIGINT, SIGTERM and SIGWINCH (its own end the program from
 * inside the handler).  A caught signal is back to its default in a child
 * (--print-command) while an ignored one stays ignored there: that is why
 * SIGPIPE is caught by a handler that does nothing rather than ignored.
 */
#ifndef SSDESK_SIGNALS_H
#define SSDESK_SIGNALS_H

#include <stdbool.h>

/* Before newterm(): the pipe, the handlers, the shell's terminal modes.
 * 0, or -1 with errno set. */
int signals_setup(void);
/* After the curses set-up: what a crash writes to leave curses' screen
 * (attributes off, cursor shown, keypad off, the alternate screen left). */
void signals_terminal_up(void);
/* Before endwin(): a crash from now on only restores the modes. */
void signals_terminal_down(void);
/* The descriptor the loop's wait watches: readable when a key or a signal
 * waits.  The terminal itself if the two cannot be joined (a signal then
 * still interrupts the wait). */
int signals_wait_fd(void);
/* Whether anything is pending that the wait must not sleep over. */
bool signals_pending(void);
/* A SIGWINCH came since the last call. */
bool signals_winch(void);
/* The first of SIGTERM, SIGHUP, SIGINT that came, or 0. */
int signals_ending(void);
/* "SIGTERM" for SIGTERM...; "signal" for one not named here. */
const char *signals_name(int sig);
/* After endwin(): the wait descriptor goes.  The handlers and the pipe
 * stay until exit, so a late signal still finds where it writes. */
void signals_close(void);

#endif
