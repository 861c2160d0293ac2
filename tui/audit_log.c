/*
 * audit_log.c -- appending to the audit log, and --verify-audit.
 */
#include "tui/audit_log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "forms/audit.h"
#include "forms/i18n.h"
#include "tui/statedir.h"

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif

/* The chain as the file ends now: read its last 2 lines' worth. */
static void
audit_log_tail(int fd, struct audit_chain *c)
{
	char buf[2 * AUDIT_LINE_MAX];
	off_t size = lseek(fd, 0, SEEK_END), from;
	ssize_t n;

	audit_chain_start(c);
	if (size <= 0)
		return;
	from = size > (off_t)sizeof buf ? size - (off_t)sizeof buf : 0;
	n = pread(fd, buf, (size_t)(size - from), from);
	if (n > 0)
		audit_chain_resume(c, buf, (size_t)n);
}

void
audit_log_append(const char *staff, const char *counter, const char *event,
    const char *detail)
{
	char path[1200], line[AUDIT_LINE_MAX], when[32];
	struct audit_chain c;
	time_t now = time(NULL);
	struct tm tm;
	int fd, n;

	if (statedir_path(path, sizeof path, AUDIT_LOG_NAME) != 0)
		return;
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd < 0)
		return;
	if (flock(fd, LOCK_EX) != 0) {
		close(fd);
		return;
	}
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	audit_log_tail(fd, &c);
	n = audit_format(line, &c, when, event, staff, counter, detail);
	if (n > 0 && write(fd, line, (size_t)n) == n)
		fsync(fd);
	flock(fd, LOCK_UN);
	close(fd);
}

void
app_audit(struct app *app, const char *event, const char *fmt, ...)
{
	char detail[AUDIT_LINE_MAX / 2];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	audit_log_append(app->staff.staff_id, app->counter, event, detail);
}

void
app_audit_submit(struct app *app, const char *service,
    const struct api_error *err, const struct application *res)
{
	if (err == NULL || err->result == API_OK)
		app_audit(app, "submit", "%s %s %s card %s", res->service,
		    res->application_id, res->status,
		    res->card.number_masked[0] ? res->card.number_masked : "-");
	else if (err->result == API_REFUSED)
		app_audit(app, "submit_refused", "%s %s", service, err->code);
}

int
audit_log_verify_file(const char *path)
{
	struct audit_verdict v;
	struct stat st;
	char *text;
	size_t len = 0;
	FILE *f = fopen(path, "rb");

	if (f == NULL || fstat(fileno(f), &st) != 0 || st.st_size < 0) {
		fprintf(stderr, "ssdesk: %s: %s\n", path, strerror(errno));
		if (f != NULL)
			fclose(f);
		return 1;
	}
	text = malloc((size_t)st.st_size + 1);
	if (text == NULL) {
		fclose(f);
		fprintf(stderr, "ssdesk: %s\n", _("out of memory"));
		return 1;
	}
	len = fread(text, 1, (size_t)st.st_size, f);
	fclose(f);
	if (audit_verify(text, len, &v) != 0) {
		printf(_("%s: broken at record %lu: %s (%lu records "
		    "before it are intact)\n"), path, v.bad, v.why, v.records);
		free(text);
		return 1;
	}
	printf(_("%s: %lu records, chain intact\n"), path, v.records);
	free(text);
	return 0;
}
