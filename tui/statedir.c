/*
 * statedir.c -- the terminal's state directory (see statedir.h).
 */
#include "tui/statedir.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "forms/i18n.h"

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif

static char statedir[1024];
static char statedir_why_unsafe[320];
static int statedir_errs[STATEDIR_NWRITERS];

/* mkdir -p with mode 0700 for what it creates. */
static int
statedir_mkdirs(char *path)
{
	for (char *p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

int
statedir_init(const char *dir, char *why, size_t whylen)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char path[sizeof statedir];
	struct stat st;
	int n;

	statedir[0] = '\0';
	/* A write past a file-size limit fails (EFBIG) and is told like a
	 * full disk, instead of killing the program (SIGXFSZ). */
	signal(SIGXFSZ, SIG_IGN);
	if (dir != NULL)
		n = snprintf(path, sizeof path, "%s", dir);
	else if (xdg != NULL && xdg[0] == '/')
		n = snprintf(path, sizeof path, "%s/ssdesk", xdg);
	else if (home != NULL && home[0] == '/')
		n = snprintf(path, sizeof path, "%s/.local/state/ssdesk", home);
	else {
		snprintf(why, whylen, "no state directory: set HOME, "
		    "XDG_STATE_HOME or --state-dir");
		return -1;
	}
	if (n < 0 || (size_t)n >= sizeof path - 64 || path[0] == '\0') {
		snprintf(why, whylen, "the state directory's name is too long");
		return -1;
	}
	if (statedir_mkdirs(path) != 0 || lstat(path, &st) != 0) {
		snprintf(why, whylen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
		snprintf(why, whylen, "%s: not a directory of this user", path);
		return -1;
	}
	if ((st.st_mode & 0777) != 0700 && chmod(path, 0700) != 0) {
		snprintf(why, whylen, "%s: %s", path, strerror(errno));
		return -1;
	}
	memcpy(statedir, path, sizeof statedir);
	return 0;
}

bool
statedir_ok(void)
{
	return statedir[0] != '\0';
}

int
statedir_path(char *out, size_t outsz, const char *name)
{
	int n;

	if (!statedir_ok())
		return -1;
	n = snprintf(out, outsz, "%s/%s", statedir, name);
	return n < 0 || (size_t)n >= outsz ? -1 : 0;
}

/* Sync the directory, so the rename itself survives a crash. */
static void
statedir_sync(void)
{
	int fd = open(statedir, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* fd (of name) is this user's own regular file, for nobody else: else
 * close it, say why, and fail with EPERM. */
static int
statedir_check(int fd, const char *name)
{
	struct stat st;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0) {
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
	    (st.st_mode & 077) == 0)
		return fd;
	snprintf(statedir_why_unsafe, sizeof statedir_why_unsafe,
	    _("%s in the state directory is not ssdesk's own (%s, owner "
	    "%lu, mode %04o): it is not used. Call the help desk."), name,
	    S_ISREG(st.st_mode) ? _("a file") : _("not a plain file"),
	    (unsigned long)st.st_uid, (unsigned)(st.st_mode & 07777));
	close(fd);
	errno = EPERM;
	return -1;
}

const char *
statedir_unsafe(void)
{
	return statedir_why_unsafe;
}

int
statedir_open(const char *name, int flags)
{
	char path[sizeof statedir + 128];

	if (statedir_path(path, sizeof path, name) != 0) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return statedir_check(open(path, flags | O_NOFOLLOW | O_CLOEXEC, 0600),
	    name);
}

int
statedir_write(const char *name, const void *data, size_t len)
{
	char path[sizeof statedir + 128], tmp[sizeof path + 8];
	const char *p = data;
	int fd, e;

	if (statedir_path(path, sizeof path, name) != 0) {
		errno = ENAMETOOLONG;
		return -1;
	}
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd < 0)
		return -1;
	while (len > 0) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			e = w < 0 ? errno : ENOSPC;
			close(fd);
			unlink(tmp);
			errno = e;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	statedir_sync();
	return 0;
}

int
statedir_read(const char *name, void *buf, size_t cap, size_t *len)
{
	size_t n = 0;
	int fd;

	*len = 0;
	if ((fd = statedir_open(name, O_RDONLY)) < 0)
		return -1;
	for (;;) {
		ssize_t r = read(fd, (char *)buf + n, cap - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == cap) {
			char c;

			/* Exactly full: only fine if nothing follows. */
			r = read(fd, &c, 1);
			close(fd);
			if (r != 0) {
				errno = EFBIG;
				return -1;
			}
			*len = n;
			return 0;
		}
	}
	close(fd);
	*len = n;
	return 0;
}

bool
statedir_exists(const char *name)
{
	char path[sizeof statedir + 128];
	struct stat st;

	return statedir_path(path, sizeof path, name) == 0 &&
	    lstat(path, &st) == 0;
}

void
statedir_remove(const char *name)
{
	char path[sizeof statedir + 128];

	if (statedir_path(path, sizeof path, name) == 0 && unlink(path) == 0)
		statedir_sync();
}

int
statedir_set_aside(const char *name, const char *tag, char *out,
    size_t outsz)
{
	char from[sizeof statedir + 128], to[sizeof from + 64], when[32];
	time_t now = time(NULL);
	struct tm tm;
	int n;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y%m%dT%H%M%S", &tm);
	n = snprintf(out, outsz, "%s.%s-%s", name, tag, when);
	if (n < 0 || (size_t)n >= outsz ||
	    statedir_path(from, sizeof from, name) != 0 ||
	    statedir_path(to, sizeof to, out) != 0) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/* Someone else's file is moved too (the directory is ours), but
	 * keeps its owner; ours is made 0600 whatever it was. */
	if (rename(from, to) != 0)
		return -1;
	chmod(to, 0600);
	statedir_sync();
	return 0;
}

int
statedir_lock(const char *name, long *holder)
{
	char pid[24];
	/* Held read-only (a lock needs no more): a disk remounted read-only
	 * under a running terminal is then still possible, and told. */
	int fd = statedir_open(name, O_RDONLY | O_CREAT), w, n;

	*holder = 0;
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int e = errno;

		n = (int)pread(fd, pid, sizeof pid - 1, 0);
		if (n > 0) {
			pid[n] = '\0';
			*holder = strtol(pid, NULL, 10);
		}
		close(fd);
		errno = e;
		return -1;
	}
	/* Who holds it, for the other's message; the lock holds without. */
	n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if ((w = statedir_open(name, O_WRONLY | O_TRUNC)) >= 0) {
		if (write(w, pid, (size_t)n) != n) {
			/* only the id is missing */
		}
		close(w);
	}
	return fd;
}

bool
statedir_locked(const char *name)
{
	long holder;
	int fd = statedir_lock(name, &holder);

	if (fd >= 0) {
		statedir_unlock(fd);
		return false;
	}
	return errno == EWOULDBLOCK;
}

void
statedir_unlock(int fd)
{
	if (fd >= 0)
		close(fd);   /* the lock goes with the last fd */
}

bool
statedir_report(enum statedir_writer w, int err)
{
	bool was = statedir_errs[w] != 0;

	statedir_errs[w] = err;
	return was;
}

int
statedir_failing(enum statedir_writer w)
{
	return statedir_errs[w];
}

/* The disk's failure in the clerk's words. */
static const char *
statedir_cause(int err)
{
	switch (err) {
	case ENOSPC:
		return _("the disk is full");
	case EDQUOT:
		return _("the disk quota is used up");
	case EROFS:
		return _("the disk is read-only");
	case EPERM:
	case EACCES:
		return _("a file there is not ssdesk's own");
	case EFBIG:
		return _("a file there is too large");
	default:
		return _("the disk fails");
	}
}

bool
statedir_alert(char *out, size_t outsz)
{
	int d = statedir_errs[STATEDIR_DRAFTS], a = statedir_errs[STATEDIR_AUDIT];

	if (d != 0 && a != 0)
		snprintf(out, outsz, _("Drafts and audit records not saved: "
		    "%s."), statedir_cause(d));
	else if (d != 0)
		snprintf(out, outsz, _("Drafts not saved: %s."),
		    statedir_cause(d));
	else if (a != 0)
		snprintf(out, outsz, _("Audit records not saved (kept): %s."),
		    statedir_cause(a));
	else
		return false;
	return true;
}

const char *
statedir_recovered(void)
{
	return _("The disk works again: drafts and audit records are saved, "
	    "what was kept meanwhile too.");
}

void
statedir_staff_name(char *out, size_t outsz, const char *staff_id)
{
	const char *p;
	size_t n = 0;

	for (p = staff_id; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			break;
	if (*p == '\0' && p != staff_id) {
		snprintf(out, outsz, "%s", staff_id);
		return;
	}
	if (outsz < 2)
		return;
	out[n++] = 'x';
	for (p = staff_id; *p != '\0' && n + 3 <= outsz; p++)
		n += (size_t)snprintf(out + n, outsz - n, "%02x",
		    (unsigned char)*p);
	out[n] = '\0';
}
