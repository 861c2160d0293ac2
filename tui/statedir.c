/*
 * statedir.c -- the terminal's state directory (see statedir.h).
 */
#include "tui/statedir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif

static char statedir[1024];

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

int
statedir_write(const char *name, const void *data, size_t len)
{
	char path[sizeof statedir + 128], tmp[sizeof path + 8];
	const char *p = data;
	int fd;

	if (statedir_path(path, sizeof path, name) != 0)
		return -1;
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
			close(fd);
			unlink(tmp);
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	statedir_sync();
	return 0;
}

int
statedir_read(const char *name, void *buf, size_t cap, size_t *len)
{
	char path[sizeof statedir + 128];
	size_t n = 0;
	int fd;

	*len = 0;
	if (statedir_path(path, sizeof path, name) != 0 ||
	    (fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
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
			if (r != 0)
				return -1;
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
