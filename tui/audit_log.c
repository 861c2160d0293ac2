/*
 * audit_log.c -- appending to the audit log, its key, its anchors at the
 * service, and --verify-audit (see audit_log.h).
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

#include <sodium.h>

#include "forms/audit.h"
#include "forms/i18n.h"
#include "forms/service.h"
#include "net/outbox.h"
#include "tui/loop.h"
#include "tui/statedir.h"

#define AUDIT_PENDING_MAX 256          /* records kept while the disk fails */
#define AUDIT_DETAIL_MAX (AUDIT_LINE_MAX / 2)
#define AUDIT_ANCHOR_EVERY_MS (5 * 60 * 1000LL)
#define AUDIT_RETRY_MS 1000LL
#define AUDIT_TAIL (3 * AUDIT_LINE_MAX)  /* holds the last record */
#define AUDIT_KEY_MAGIC "ssdesk-audit-key 1"

/* A record not yet on disk: formatted and chained when it is written. */
struct audit_pending {
	char when[32];
	char event[32];
	char staff[REF_MAX];
	char counter[REF_MAX];
	char detail[AUDIT_DETAIL_MAX];
};

static struct audit_pending audit_pending[AUDIT_PENDING_MAX];
static size_t audit_npending;
static unsigned long audit_nlost;      /* over AUDIT_PENDING_MAX */

static struct {
	bool loaded;
	unsigned char key[AUDIT_KEY_BYTES];
	char terminal[AUDIT_TERMINAL_MAX];
	struct audit_anchor local;         /* the last record written */
	char aside[160];                   /* the log moved aside, to say so */
	bool recovered;                    /* the disk took them again */
	long long tried_ms;
	/* The service's anchors. */
	bool want_anchor, sending;
	unsigned long sent_seq;
	long long sent_ms;
	void (*then)(struct app *);
	char alarm[APP_MSG_MAX];
	bool alarm_recorded;
	bool unsafe_said;                  /* which file, said once */
} al;

/* ---- the key file ------------------------------------------------------ */

static int
audit_key_save(void)
{
	char text[512], hex[AUDIT_KEY_BYTES * 2 + 1];
	int n;

	sodium_bin2hex(hex, sizeof hex, al.key, sizeof al.key);
	n = snprintf(text, sizeof text, AUDIT_KEY_MAGIC "\nterminal %s\n"
	    "key %s\nanchor %lu %s\n", al.terminal, hex, al.local.seq,
	    al.local.seq > 0 ? al.local.mac : "-");
	sodium_memzero(hex, sizeof hex);
	n = statedir_write(AUDIT_KEY_NAME, text, (size_t)n);
	sodium_memzero(text, sizeof text);
	return n;
}

/* Parse a key file: the terminal, its key, and the local anchor. */
static int
audit_key_parse(const char *text, char terminal[AUDIT_TERMINAL_MAX],
    unsigned char key[AUDIT_KEY_BYTES], struct audit_anchor *anchor)
{
	char t[AUDIT_TERMINAL_MAX + 8], hex[AUDIT_KEY_BYTES * 2 + 8];
	char mac[AUDIT_HASH_HEX + 8];
	size_t kl;
	int rc = -1;

	memset(anchor, 0, sizeof *anchor);
	if (strncmp(text, AUDIT_KEY_MAGIC "\n", sizeof AUDIT_KEY_MAGIC) == 0 &&
	    sscanf(text + sizeof AUDIT_KEY_MAGIC, "terminal %40s key %70s "
	    "anchor %lu %70s", t, hex, &anchor->seq, mac) == 4 &&
	    audit_terminal_ok(t) &&
	    sodium_hex2bin(key, AUDIT_KEY_BYTES, hex, strlen(hex), NULL, &kl,
	    NULL) == 0 && kl == AUDIT_KEY_BYTES &&
	    (anchor->seq == 0 || strlen(mac) == AUDIT_HASH_HEX - 1)) {
		memcpy(terminal, t, strlen(t) + 1);   /* checked: it fits */
		if (anchor->seq > 0)
			memcpy(anchor->mac, mac, AUDIT_HASH_HEX);
		rc = 0;
	}
	sodium_memzero(hex, sizeof hex);
	return rc;
}

/* The log, moved aside: a new one starts (its first record says so). */
static void
audit_set_aside(const char *why)
{
	if (statedir_set_aside(AUDIT_LOG_NAME, why, al.aside,
	    sizeof al.aside) != 0 && errno != ENOENT)
		snprintf(al.aside, sizeof al.aside, "-");
	al.local.seq = 0;
}

/* Load the terminal's key, or make one (a log without it is moved aside:
 * it cannot be continued verifiably).  0, or -1 with errno. */
static int
audit_key_load(void)
{
	char text[512];
	unsigned char b[8];
	size_t n;

	if (al.loaded)
		return 0;
	if (statedir_read(AUDIT_KEY_NAME, text, sizeof text - 1, &n) == 0) {
		text[n] = '\0';
		if (audit_key_parse(text, al.terminal, al.key, &al.local) == 0) {
			sodium_memzero(text, sizeof text);
			al.loaded = true;
			return 0;
		}
		errno = EINVAL;
	}
	sodium_memzero(text, sizeof text);
	if (errno != ENOENT && errno != EINVAL)
		return -1;   /* unreadable or not ours: not replaced */
	if (statedir_exists(AUDIT_LOG_NAME))
		audit_set_aside("nokey");
	randombytes_buf(al.key, sizeof al.key);
	randombytes_buf(b, sizeof b);
	snprintf(al.terminal, sizeof al.terminal, "T");
	sodium_bin2hex(al.terminal + 1, sizeof al.terminal - 1, b, sizeof b);
	memset(&al.local, 0, sizeof al.local);
	if (audit_key_save() != 0)
		return -1;
	al.loaded = true;
	return 0;
}

/* ---- writing ----------------------------------------------------------- */

/* The end of the open log into buf, from a line boundary; *from where it
 * starts.  Whole if need be (a torn stretch longer than the window). */
static char *
audit_read_end(int fd, off_t size, bool whole, size_t *len)
{
	off_t from = !whole && size > AUDIT_TAIL ? size - AUDIT_TAIL : 0;
	char *buf = malloc((size_t)(size - from) + 1), *nl;
	ssize_t n;

	if (buf == NULL)
		return NULL;
	n = pread(fd, buf, (size_t)(size - from), from);
	if (n != size - from) {
		free(buf);
		return NULL;
	}
	*len = (size_t)n;
	/* Not from the start: begin after the first newline. */
	if (from > 0 && (nl = memchr(buf, '\n', *len)) != NULL) {
		*len -= (size_t)(nl + 1 - buf);
		memmove(buf, nl + 1, *len);
	}
	return buf;
}

/* Whether the open log's first line is our header. */
static bool
audit_is_ours(int fd)
{
	char head[sizeof AUDIT_HEADER + AUDIT_TERMINAL_MAX + 2], want[sizeof head];
	int n = audit_header(want, sizeof want, al.terminal);
	ssize_t r = pread(fd, head, (size_t)n, 0);

	return n > 0 && r == n && memcmp(head, want, (size_t)n) == 0;
}

/* The chain the next record of the open log (size bytes) goes on from,
 * and what must be written before it (the header, a torn_tail, a log_cut)
 * into out at *n.  -1 if the log is not ours to continue. */
static int
audit_prologue(int fd, off_t size, struct audit_chain *c, char *out,
    size_t *n, const char *when, const char *staff, const char *counter)
{
	char detail[AUDIT_DETAIL_MAX], *text;
	size_t len = 0, torn = 0;
	int k, rc;

	*n = 0;
	if (size == 0) {
		if ((k = audit_header(out, AUDIT_LINE_MAX, al.terminal)) < 0)
			return -1;
		audit_chain_start(c, al.key, out, (size_t)k);
		*n = (size_t)k;
		if (al.aside[0] == '\0')
			return 0;
		snprintf(detail, sizeof detail, "the log before this one was "
		    "kept as %s", al.aside);
		al.aside[0] = '\0';
		k = audit_format(out + *n, c, al.key, when, "log_start", staff,
		    counter, detail);
		*n += k > 0 ? (size_t)k : 0;
		return 0;
	}
	if (!audit_is_ours(fd))
		return -1;
	rc = -1;
	for (int whole = 0; whole < 2 && rc != 0; whole++) {
		if ((text = audit_read_end(fd, size, whole, &len)) == NULL)
			return -1;
		rc = audit_chain_resume(c, &torn, al.key, text, len);
		if (rc == 0 && torn > 0 && text[len - 1] != '\n') {
			out[(*n)++] = '\n';
			torn++;
		}
		free(text);
	}
	if (rc != 0)
		return -1;
	if (torn > 0) {
		audit_torn_detail(detail, sizeof detail, torn);
		k = audit_format(out + *n, c, al.key, when, "torn_tail", staff,
		    counter, detail);
		*n += k > 0 ? (size_t)k : 0;
	}
	if (c->seq < al.local.seq) {
		/* Shorter than the last record this terminal wrote. */
		snprintf(detail, sizeof detail, "the log ends at record %lu; "
		    "record %lu was written (mac %.16s)", c->seq, al.local.seq,
		    al.local.mac);
		snprintf(al.alarm, sizeof al.alarm, _("The audit log was cut: "
		    "it ends at record %lu, record %lu was written. Call the "
		    "help desk; keep working."), c->seq, al.local.seq);
		k = audit_format(out + *n, c, al.key, when, "log_cut", staff,
		    counter, detail);
		*n += k > 0 ? (size_t)k : 0;
	}
	return 0;
}

/* Write one record (and what must come before it): 0, or an errno. */
static int
audit_write(const struct audit_pending *r)
{
	char buf[4 * AUDIT_LINE_MAX];
	struct audit_chain c;
	size_t n = 0;
	off_t size;
	int fd, k, err = 0;

	if (audit_key_load() != 0)
		return errno ? errno : EIO;
	for (int again = 0; again < 2; again++) {
		fd = statedir_open(AUDIT_LOG_NAME, O_RDWR | O_APPEND | O_CREAT);
		if (fd < 0)
			return errno;
		if (flock(fd, LOCK_EX) != 0 ||
		    (size = lseek(fd, 0, SEEK_END)) < 0) {
			err = errno;
			close(fd);
			return err;
		}
		if (audit_prologue(fd, size, &c, buf, &n, r->when, r->staff,
		    r->counter) == 0)
			break;
		/* A version-1 log, another terminal's, or not a log. */
		close(fd);
		if (again)
			return EINVAL;
		audit_set_aside("unkeyed");
	}
	k = audit_format(buf + n, &c, al.key, r->when, r->event, r->staff,
	    r->counter, r->detail);
	if (k > 0) {
		n += (size_t)k;
		if (write(fd, buf, n) != (ssize_t)n || fsync(fd) != 0)
			err = errno ? errno : ENOSPC;
	}
	flock(fd, LOCK_UN);
	if (close(fd) != 0 && err == 0)
		err = errno;
	if (err != 0 || k <= 0)
		return err;
	al.local.seq = c.seq;
	memcpy(al.local.mac, c.last, sizeof al.local.mac);
	/* The local anchor can lag (a crash here): it only says what was
	 * written at least. */
	audit_key_save();
	return 0;
}

/* Write what waits, oldest first, up to the first failure. */
static void
audit_flush(void)
{
	size_t done = 0;
	int err = 0;

	while (done < audit_npending &&
	    (err = audit_write(&audit_pending[done])) == 0)
		done++;
	if (done > 0) {
		memmove(audit_pending, audit_pending + done,
		    (audit_npending - done) * sizeof audit_pending[0]);
		audit_npending -= done;
		sodium_memzero(audit_pending + audit_npending,
		    done * sizeof audit_pending[0]);
	}
	if (err == 0 && audit_nlost > 0) {
		struct audit_pending lost = { .event = "records_lost" };
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(lost.when, sizeof lost.when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		snprintf(lost.detail, sizeof lost.detail, "%lu records could "
		    "not be kept while the disk failed", audit_nlost);
		if ((err = audit_write(&lost)) == 0)
			audit_nlost = 0;
	}
	if (statedir_report(STATEDIR_AUDIT, err) && err == 0)
		al.recovered = true;
	al.tried_ms = loop_now_ms();
}

void
audit_log_append(const char *staff, const char *counter, const char *event,
    const char *detail)
{
	struct audit_pending *r;
	time_t now = time(NULL);
	struct tm tm;

	if (!statedir_ok())
		return;
	if (audit_npending == AUDIT_PENDING_MAX) {
		audit_nlost++;
		audit_flush();
		return;
	}
	r = &audit_pending[audit_npending++];
	memset(r, 0, sizeof *r);
	gmtime_r(&now, &tm);
	strftime(r->when, sizeof r->when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(r->event, sizeof r->event, "%s", event);
	snprintf(r->staff, sizeof r->staff, "%s", staff ? staff : "");
	snprintf(r->counter, sizeof r->counter, "%s", counter ? counter : "");
	snprintf(r->detail, sizeof r->detail, "%s", detail ? detail : "");
	if (strcmp(event, "signin") == 0)
		al.want_anchor = true;
	audit_flush();
}

void
app_audit(struct app *app, const char *event, const char *fmt, ...)
{
	char detail[AUDIT_DETAIL_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	audit_log_append(app->staff.staff_id, app->counter, event, detail);
}

void
app_audit_submit(struct app *app, enum service_id service,
    const struct api_error *err, const struct application *res)
{
	if (err == NULL || err->result == API_OK)
		app_audit(app, "submit", "%s %s %s card %s",
		    res->service != SERVICE_UNKNOWN ? service_wire(res->service) :
		    res->service_sent,
		    res->application_id, res->status,
		    res->card.number_masked[0] ? res->card.number_masked : "-");
	else if (err->result == API_REFUSED)
		app_audit(app, "submit_refused", "%s %s", service_wire(service),
		    err->code);
}

/* ---- anchors at the service ------------------------------------------- */

/* The log found not to match: said in the banner until the end, and
 * recorded once. */
static void
audit_raise(struct app *app, const char *text, const char *detail)
{
	snprintf(al.alarm, sizeof al.alarm, "%s", text);
	app->dirty = true;
	if (!al.alarm_recorded) {
		al.alarm_recorded = true;
		app_audit(app, "anchor_mismatch", "%s", detail);
	}
}

/* Whether the log holds record seq with this mac. */
static bool
audit_holds(unsigned long seq, const char *mac)
{
	char found[AUDIT_HASH_HEX], *text;
	struct stat st;
	bool ok = false;
	int fd = statedir_open(AUDIT_LOG_NAME, O_RDONLY);

	if (fd < 0)
		return false;
	if (fstat(fd, &st) == 0 && (text = malloc((size_t)st.st_size + 1)) !=
	    NULL) {
		ok = read(fd, text, (size_t)st.st_size) == st.st_size &&
		    audit_find(text, (size_t)st.st_size, seq, found) == 0 &&
		    sodium_memcmp(found, mac, AUDIT_HASH_HEX - 1) == 0;
		free(text);
	}
	close(fd);
	return ok;
}

static void
audit_anchored(void *arg, const struct api_error *err,
    const struct anchor_answer *res)
{
	struct app *app = arg;
	void (*then)(struct app *) = al.then;
	char detail[160];

	al.sending = false;
	al.then = NULL;
	if (err == NULL || err->result == API_OK) {
		if (res->has_previous && !audit_holds(res->seq, res->mac)) {
			snprintf(detail, sizeof detail, "the service holds "
			    "record %lu mac %.16s", res->seq, res->mac);
			audit_raise(app, _("The audit log does not match the "
			    "service's copy: a record it holds is missing or "
			    "changed (cut or rewritten). Call the help desk; "
			    "keep working."), detail);
		}
	} else if (err->result == API_REFUSED &&
	    strcmp(err->code, "anchor_behind") == 0) {
		audit_raise(app, _("The audit log is shorter than the service's "
		    "copy: records were cut off. Call the help desk; keep "
		    "working."), "anchor_behind");
	} else {
		/* Not answered: again in a minute. */
		al.sent_ms -= AUDIT_ANCHOR_EVERY_MS - 60 * 1000LL;
		if (then == NULL && app->signed_in)
			app_session_expired(app, err);
	}
	if (then != NULL)
		then(app);
}

static bool
audit_send_anchor(struct app *app)
{
	if (!al.loaded || al.local.seq == 0 || audit_npending > 0 ||
	    !app->signed_in || app->busy || api_busy(app->api) ||
	    outbox_sending(app->outbox) || al.sending)
		return false;
	al.sending = true;
	al.want_anchor = false;
	al.sent_seq = al.local.seq;
	al.sent_ms = loop_now_ms();
	api_audit_anchor(app->api, al.terminal, al.local.seq, al.local.mac,
	    audit_anchored, app);
	return true;
}

void
audit_log_tick(struct app *app)
{
	long long now = loop_now_ms();

	if (audit_npending > 0 && now - al.tried_ms >= AUDIT_RETRY_MS)
		audit_flush();
	if (al.recovered) {
		al.recovered = false;
		app_msg(app, APP_MSG_INFO, "%s", statedir_recovered());
	}
	if (statedir_failing(STATEDIR_AUDIT) == EPERM && !al.unsafe_said) {
		al.unsafe_said = true;
		app_msg(app, APP_MSG_ERROR, "%s", statedir_unsafe());
	}
	if (al.want_anchor || (al.local.seq > al.sent_seq &&
	    now - al.sent_ms >= AUDIT_ANCHOR_EVERY_MS))
		audit_send_anchor(app);
}

void
audit_log_anchor_then(struct app *app, void (*then)(struct app *))
{
	if (al.local.seq == al.sent_seq || al.sending || !audit_send_anchor(app)) {
		then(app);
		return;
	}
	al.then = then;
}

bool
audit_log_alarm(char *out, size_t outsz)
{
	if (al.alarm[0] == '\0')
		return false;
	snprintf(out, outsz, "%s", al.alarm);
	return true;
}

/* ---- --verify-audit ----------------------------------------------------- */

/* The whole of path, malloc'd, in *len; NULL with errno. */
static char *
audit_slurp(const char *path, size_t *len)
{
	struct stat st;
	char *text = NULL;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return NULL;
	if (fstat(fileno(f), &st) == 0 && st.st_size >= 0 &&
	    (text = malloc((size_t)st.st_size + 1)) != NULL) {
		*len = fread(text, 1, (size_t)st.st_size, f);
		text[*len] = '\0';
	}
	fclose(f);
	return text;
}

/* The key file beside the log: its terminal, key and local anchor. */
static int
audit_key_beside(const char *path, char terminal[AUDIT_TERMINAL_MAX],
    unsigned char key[AUDIT_KEY_BYTES], struct audit_anchor *anchor)
{
	char kpath[4096], *text;
	const char *slash = strrchr(path, '/');
	size_t len = 0;
	int rc;

	snprintf(kpath, sizeof kpath, "%.*s%s", slash ? (int)(slash - path + 1)
	    : 0, path, AUDIT_KEY_NAME);
	if ((text = audit_slurp(kpath, &len)) == NULL)
		return -1;
	rc = audit_key_parse(text, terminal, key, anchor);
	sodium_memzero(text, len);
	free(text);
	return rc;
}

/* "SEQ:MAC" into a. */
static int
audit_parse_anchor(const char *s, struct audit_anchor *a)
{
	char *end;

	a->seq = strtoul(s, &end, 10);
	if (end == s || *end != ':' || strlen(end + 1) != AUDIT_HASH_HEX - 1)
		return -1;
	memcpy(a->mac, end + 1, AUDIT_HASH_HEX);
	return 0;
}

static void
audit_print_notes(const struct audit_verdict *v)
{
	if (v->torn > 0)
		printf(_("  %lu torn writes (a crash or a full disk), each "
		    "recorded; the chain goes on.\n"), v->torn);
	if (v->torn_open)
		printf("%s\n", _("  It ends in a torn write not recorded yet "
		    "(the next record will)."));
	if (v->unkeyed)
		printf("%s\n", _("  Version 1, unkeyed: a rewrite with the "
		    "chain recomputed cannot be told. Compare the count with a "
		    "copy kept elsewhere."));
}

int
audit_log_verify_file(const char *path, const char *anchor_arg)
{
	unsigned char key[AUDIT_KEY_BYTES];
	char terminal[AUDIT_TERMINAL_MAX] = "";
	struct audit_anchor local, given, *want = NULL;
	struct audit_verdict v;
	size_t len = 0;
	char *text = audit_slurp(path, &len);
	bool have_key;
	int rc;

	if (text == NULL) {
		fprintf(stderr, "ssdesk: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (anchor_arg != NULL && audit_parse_anchor(anchor_arg, &given) != 0) {
		fprintf(stderr, "ssdesk: --anchor: %s\n", _("not SEQ:MAC (the "
		    "service's anchor: a record number, a colon, 64 hex "
		    "digits)"));
		free(text);
		return 1;
	}
	have_key = audit_key_beside(path, terminal, key, &local) == 0;
	if (anchor_arg != NULL)
		want = &given;
	else if (have_key && local.seq > 0)
		want = &local;
	rc = audit_verify(text, len, have_key ? key : NULL, want, &v);
	sodium_memzero(key, sizeof key);
	free(text);
	if (rc == 0 && !v.unkeyed && strcmp(v.terminal, terminal) != 0) {
		printf(_("%s: its key is not the one beside it (terminal %s, "
		    "key of %s)\n"), path, v.terminal, terminal);
		return 1;
	}
	if (rc != 0) {
		printf(_("%s: broken at record %lu: %s (%lu records before it "
		    "are intact)\n"), path, v.bad, v.why, v.records);
		return 1;
	}
	printf(_("%s: %lu records, chain intact%s; the last is %lu, mac "
	    "%.16s… (compare with the service's anchor)\n"), path, v.records,
	    v.unkeyed ? "" : _(", keyed"), v.head.seq, v.head.mac);
	audit_print_notes(&v);
	if (v.cuts > 0) {
		printf(_("  It records that it was found cut %lu times (see the "
		    "log_cut records): it is not complete.\n"), v.cuts);
		return 1;
	}
	return 0;
}
