/*
 * signals.c -- the handlers, the self-pipe, and one descriptor to wait on
 * (see signals.h).
 *
 * The loop's wait (api_wait) watches one descriptor besides the
 * transport's sockets.  To watch the terminal and the pipe at once, both
 * go into an epoll set, whose own descriptor is readable while either is:
 * poll() and curl_multi_poll() take it like any other.  So a signal that
 * comes just before the wait still ends it; a flag alone would be slept
 * over until the timeout.
 */
#include "tui/signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <termios.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#define SIGNALS_RESET_MAX 256

static const int signals_crash[] = {
	SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS, SIGQUIT,
};
#define SIGNALS_NCRASH (sizeof signals_crash / sizeof signals_crash[0])

static const struct {
	int sig;
	const char *name;
} signals_names[] = {
	{ SIGTERM, "SIGTERM" }, { SIGHUP, "SIGHUP" }, { SIGINT, "SIGINT" },
	{ SIGWINCH, "SIGWINCH" }, { SIGPIPE, "SIGPIPE" },
	{ SIGSEGV, "SIGSEGV" }, { SIGBUS, "SIGBUS" }, { SIGFPE, "SIGFPE" },
	{ SIGILL, "SIGILL" }, { SIGABRT, "SIGABRT" }, { SIGSYS, "SIGSYS" },
	{ SIGQUIT, "SIGQUIT" },
};

static volatile sig_atomic_t signals_winched;
static volatile sig_atomic_t signals_end;
/* The crash handler's view: whether curses owns the screen now. */
static volatile sig_atomic_t signals_curses;

static int signals_pipe[2] = { -1, -1 };
static int signals_epoll = -1;
static struct sigaction signals_before[SIGNALS_NCRASH];

/* The shell's terminal modes and what leaves curses' screen, for a crash
 * (read in a handler: filled before curses starts, never changed while
 * it runs). */
static bool signals_have_modes;
static struct termios signals_modes;
static char signals_reset[SIGNALS_RESET_MAX];
static size_t signals_reset_len;

static void
signals_on(int sig)
{
	int saved = errno;
	unsigned char b = (unsigned char)sig;
	ssize_t n;

	if (sig == SIGWINCH)
		signals_winched = 1;
	else if (signals_end == 0)
		signals_end = sig;
	/* Full pipe: a byte already waits, the loop wakes anyway. */
	n = write(signals_pipe[1], &b, 1);
	(void)n;
	errno = saved;
}

static void
signals_nothing(int sig)
{
	(void)sig;
}

static void
signals_on_crash(int sig, siginfo_t *si, void *uc)
{
	size_t i;
	ssize_t n;

	(void)uc;
	if (signals_have_modes)
		tcsetattr(STDOUT_FILENO, TCSANOW, &signals_modes);
	if (signals_curses && signals_reset_len > 0) {
		n = write(STDOUT_FILENO, signals_reset, signals_reset_len);
		(void)n;
	}
	for (i = 0; i < SIGNALS_NCRASH; i++)
		if (signals_crash[i] == sig)
			sigaction(sig, &signals_before[i], NULL);
	/* A fault (si_code > 0, from the kernel) comes again when this
	 * returns, to the handler before ours with its own address, or to
	 * the default action; a signal sent by kill or abort() is sent
	 * again, delivered as this returns. */
	if (si == NULL || si->si_code <= 0)
		raise(sig);
}

static int
signals_catch(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	/* poll() is never restarted, so the wait still returns at once;
	 * other calls go on instead of failing with EINTR. */
	sa.sa_flags = SA_RESTART;
	return sigaction(sig, &sa, NULL);
}

static int
signals_nonblocking(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) != 0)
		return -1;
	return 0;
}

/* An epoll set of the terminal and the pipe, or -1. */
static int
signals_join(void)
{
	struct epoll_event ev;
	int ep = epoll_create1(EPOLL_CLOEXEC);

	if (ep < 0)
		return -1;
	memset(&ev, 0, sizeof ev);
	ev.events = EPOLLIN;
	ev.data.fd = STDIN_FILENO;
	if (epoll_ctl(ep, EPOLL_CTL_ADD, STDIN_FILENO, &ev) != 0)
		goto fail;
	ev.data.fd = signals_pipe[0];
	if (epoll_ctl(ep, EPOLL_CTL_ADD, signals_pipe[0], &ev) != 0)
		goto fail;
	return ep;
fail:
	close(ep);
	return -1;
}

int
signals_setup(void)
{
	struct sigaction now;
	size_t i;

	if (pipe(signals_pipe) != 0)
		return -1;
	if (signals_nonblocking(signals_pipe[0]) != 0 ||
	    signals_nonblocking(signals_pipe[1]) != 0) {
		close(signals_pipe[0]);
		close(signals_pipe[1]);
		signals_pipe[0] = signals_pipe[1] = -1;
		return -1;
	}
	signals_epoll = signals_join();
	signals_have_modes = isatty(STDOUT_FILENO) &&
	    tcgetattr(STDOUT_FILENO, &signals_modes) == 0;
	signals_catch(SIGWINCH, signals_on);
	signals_catch(SIGTERM, signals_on);
	signals_catch(SIGHUP, signals_on);
	signals_catch(SIGINT, signals_on);
	signals_catch(SIGPIPE, signals_nothing);
	for (i = 0; i < SIGNALS_NCRASH; i++) {
		/* One ignored when ssdesk started (a SIGQUIT) stays so. */
		if (sigaction(signals_crash[i], NULL, &now) == 0 &&
		    now.sa_handler == SIG_IGN)
			continue;
		memset(&now, 0, sizeof now);
		now.sa_sigaction = signals_on_crash;
		sigemptyset(&now.sa_mask);
		now.sa_flags = SA_SIGINFO;
		sigaction(signals_crash[i], &now, &signals_before[i]);
	}
	return 0;
}

/* Append terminfo string cap to the crash reset, its padding ($<5>)
 * left out: no delay is due on a terminal that is being given back. */
static void
signals_add_cap(const char *cap)
{
	const char *s = tigetstr(cap);

	if (s == NULL || s == (char *)-1)
		return;
	for (; *s != '\0' && signals_reset_len < SIGNALS_RESET_MAX; s++) {
		if (s[0] == '$' && s[1] == '<' && strchr(s, '>') != NULL) {
			s = strchr(s, '>');
			continue;
		}
		signals_reset[signals_reset_len++] = *s;
	}
}

void
signals_terminal_up(void)
{
	signals_curses = 0;
	signals_reset_len = 0;
	signals_add_cap("sgr0");
	signals_add_cap("cnorm");
	signals_add_cap("rmkx");
	signals_add_cap("rmcup");
	signals_curses = 1;
}

void
signals_terminal_down(void)
{
	signals_curses = 0;
}

int
signals_wait_fd(void)
{
	return signals_epoll >= 0 ? signals_epoll : STDIN_FILENO;
}

/* Empty the pipe: its bytes only woke the wait; the flags say why. */
static void
signals_drain(void)
{
	unsigned char buf[64];

	if (signals_pipe[0] < 0)
		return;
	while (read(signals_pipe[0], buf, sizeof buf) > 0)
		;
}

bool
signals_pending(void)
{
	return signals_winched || signals_end != 0;
}

bool
signals_winch(void)
{
	signals_drain();
	if (!signals_winched)
		return false;
	signals_winched = 0;
	return true;
}

int
signals_ending(void)
{
	signals_drain();
	return signals_end;
}

const char *
signals_name(int sig)
{
	size_t i;

	for (i = 0; i < sizeof signals_names / sizeof signals_names[0]; i++)
		if (signals_names[i].sig == sig)
			return signals_names[i].name;
	return "signal";
}

void
signals_close(void)
{
	if (signals_epoll >= 0)
		close(signals_epoll);
	signals_epoll = -1;
}
