/*
 * receipt_print.c -- receipts to a file and the print command
 * (tui/receipt_print.h).
 */
#include "tui/receipt_print.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/receipt.h"
#include "tui/messages.h"
#include "tui/svc_remedy.h"

#define PRINT_ARGS_MAX 16
#define PRINT_WAIT_MS 3000

extern char **environ;

/* mkdir -p with 0700 for what we make; the last one must be a directory
 * of ours, not reachable by others. */
static int
print_mkdirs(const char *path)
{
	char buf[1024];
	struct stat st;
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, path, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return -1;
		buf[i] = i < n ? '/' : '\0';
	}
	if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    st.st_uid != geteuid())
		return -1;
	if ((st.st_mode & 077) != 0 && chmod(path, 0700) != 0)
		return -1;
	return 0;
}

static int
print_dir(const struct app *app, char *out, size_t outsz)
{
	const char *x = getenv("XDG_STATE_HOME"), *h = getenv("HOME");
	int k;

	if (app->receipt_dir != NULL)
		k = snprintf(out, outsz, "%s", app->receipt_dir);
	else if (x != NULL && x[0] == '/')
		k = snprintf(out, outsz, "%s/ssdesk/receipts", x);
	else if (h != NULL && h[0] == '/')
		k = snprintf(out, outsz, "%s/.local/state/ssdesk/receipts", h);
	else
		return -1;
	return k < 0 || (size_t)k >= outsz ? -1 : print_mkdirs(out);
}

/* A new file for this receipt: <id>.txt, or <id>-N.txt if printed before. */
static int
print_open(const char *dir, const char *id, char *path, size_t pathsz)
{
	int fd = -1;

	for (int i = 1; i < 100 && fd < 0; i++) {
		int k = i == 1 ? snprintf(path, pathsz, "%s/%s.txt", dir, id) :
		    snprintf(path, pathsz, "%s/%s-%d.txt", dir, id, i);

		if (k < 0 || (size_t)k >= pathsz)
			return -1;
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return -1;
	}
	return fd;
}

/* An application number that can name a file in dir and nothing else. */
static bool
print_name_ok(const char *s)
{
	size_t n = 0;

	for (; s[n] != '\0'; n++)
		if (!((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' &&
		    s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
		    s[n] == '-' || s[n] == '_'))
			return false;
	return n > 0 && n < 64;
}

/* Run the print command on path; 0 if it exited 0 in time. */
static int
print_run(const char *cmd, const char *path, char *msg, size_t msgsz)
{
	char buf[512], *argv[PRINT_ARGS_MAX + 2], *save = NULL, *tok;
	posix_spawn_file_actions_t fa;
	int argc = 0, status = 0, rc;
	pid_t pid;

	snprintf(buf, sizeof buf, "%s", cmd);
	for (tok = strtok_r(buf, " \t", &save); tok != NULL &&
	    argc < PRINT_ARGS_MAX; tok = strtok_r(NULL, " \t", &save))
		argv[argc++] = tok;
	if (argc == 0)
		return -1;
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		snprintf(msg, msgsz, _("The receipt is in %s, but the print "
		    "command could not be started: %s."), path, strerror(rc));
		return -1;
	}
	for (int waited = 0; waited < PRINT_WAIT_MS; waited += 20) {
		struct timespec ts = { 0, 20 * 1000000L };

		if (waitpid(pid, &status, WNOHANG) == pid) {
			if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
				return 0;
			snprintf(msg, msgsz, _("The receipt is in %s, but the "
			    "print command failed."), path);
			return -1;
		}
		nanosleep(&ts, NULL);
	}
	snprintf(msg, msgsz, _("The receipt is in %s; the print command is "
	    "still running."), path);
	return 0;
}


int
receipt_print(struct app *app, char *msg, size_t msgsz)
{
	char dir[1024], path[1200], *text;
	const struct card *c = app_card(app);
	struct receipt_ctx ctx = {
		.app = &app->application,
		.counter = app->staff.counter[0] ? app->staff.counter :
		    app->counter,
		.clerk_name = app->staff.name,
		.clerk_id = app->staff.staff_id,
		.applicant = app->identity.person.name,
		.id_masked = app->identity.person.id_masked,
		.card_masked = c ? c->number_masked : NULL,
		.earlier = remedy_earlier(app),
		.training = app->demo,
	};
	size_t textsz = 8192;
	int fd, n;
	ssize_t w;

	if (!app->have_application) {
		snprintf(msg, msgsz, "%s", _("No receipt to print."));
		return -1;
	}
	if (!print_name_ok(app->application.application_id)) {
		snprintf(msg, msgsz, "%s", _("The application number cannot "
		    "name a file; the receipt was not printed."));
		return -1;
	}
	if (print_dir(app, dir, sizeof dir) < 0) {
		snprintf(msg, msgsz, _("The receipt directory cannot be used "
		    "(%s). Nothing was printed."), strerror(errno));
		return -1;
	}
	if ((text = malloc(textsz)) == NULL ||
	    (n = receipt_text(text, textsz, &ctx)) < 0) {
		free(text);
		snprintf(msg, msgsz, "%s", MSG_OUT_OF_MEMORY);
		return -1;
	}
	fd = print_open(dir, app->application.application_id, path,
	    sizeof path);
	if (fd < 0) {
		free(text);
		snprintf(msg, msgsz, _("The receipt file cannot be written "
		    "(%s). Nothing was printed."), strerror(errno));
		return -1;
	}
	w = write(fd, text, (size_t)n);
	sodium_memzero(text, textsz);
	free(text);
	if (close(fd) != 0 || w != n) {
		unlink(path);
		snprintf(msg, msgsz, "%s", _("The receipt file could not be "
		    "written completely. Nothing was printed."));
		return -1;
	}
	if (app->print_command == NULL || app->print_command[0] == '\0') {
		snprintf(msg, msgsz, _("Receipt saved: %s"), path);
		return 0;
	}
	msg[0] = '\0';
	if (print_run(app->print_command, path, msg, msgsz) != 0)
		return -1;
	if (msg[0] == '\0' || strstr(msg, path) == NULL)
		snprintf(msg, msgsz, _("Receipt sent to the printer (%s)."),
		    path);
	return 0;
}
