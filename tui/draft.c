/*
 * draft.c -- journaling the walk-in's forms (see draft.h).
 *
 * The clear draft (full ID number included) lives only in sodium_malloc'd
 * memory and is wiped after every use; on disk there is only the sealed
 * form.  A BLAKE2b hash of the last draft written saves rewriting an
 * unchanged one on every turn of the loop.
 */
#include "tui/draft.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "forms/delegation.h"
#include "forms/i18n.h"
#include "forms/idnum.h"
#include "forms/journal.h"
#include "tui/audit_log.h"
#include "tui/form_view.h"
#include "tui/queued.h"
#include "tui/screens.h"
#include "tui/services.h"
#include "tui/statedir.h"

#define DRAFT_NAME_MAX 160

/* ---- the outbox: writes waiting for the service ----------------------- */

/*
 * Each waiting write is the pairs "outbox.<n>.kind", ".path", ".key",
 * ".body", ".at" (when it first failed, seconds since the epoch) and
 * ".note" (what it is about, masked), n from 0.  The body may hold a bank
 * card number or an ID number: like the rest of the draft it is only ever
 * on disk sealed.  A draft without them (older ones) has an empty outbox;
 * one without ".at" or ".note" gets now and "".
 *
 * The refusals the clerk has not acknowledged yet (tui/queued.h) are
 * "refused.<n>.kind", ".when", ".note" and ".why".
 */
static void
draft_outbox_name(char *out, size_t sz, const char *list, size_t n,
    const char *what)
{
	snprintf(out, sz, "%s.%zu.%s", list, n, what);
}

static void
draft_outbox_put(struct journal_doc *d, const char *list, size_t n,
    const char *what, const char *value)
{
	char name[64];

	draft_outbox_name(name, sizeof name, list, n, what);
	journal_put(d, name, value);
}

static const char *
draft_outbox_get(const struct journal_doc *d, const char *list, size_t n,
    const char *what)
{
	char name[64];

	draft_outbox_name(name, sizeof name, list, n, what);
	return journal_get(d, name);
}

/* A write's kind as written down: its service's wire name ("newborn" in
 * drafts written before the names were one). */
static int
draft_kind_of(const char *name)
{
	enum service_id k = service_of(name);

	if (k == SERVICE_UNKNOWN && name != NULL && strcmp(name, "newborn") == 0)
		k = SERVICE_NEWBORN;
	return k != SERVICE_UNKNOWN && service_has(k, SERVICE_OUTBOX) ?
	    (int)k : -1;
}

static void
draft_outbox_save(struct app *app, struct journal_doc *d)
{
	const struct queued_refusal *r;
	struct outbox_entry e;
	char at[24];
	size_t n = 0;

	for (size_t i = 0; i < outbox_count(app->outbox); i++) {
		if (!outbox_entry(app->outbox, i, &e))
			continue;
		snprintf(at, sizeof at, "%lld", e.queued_at);
		draft_outbox_put(d, "outbox", n, "kind",
		    service_wire(e.kind));
		draft_outbox_put(d, "outbox", n, "path", e.path);
		draft_outbox_put(d, "outbox", n, "key", e.idem_key);
		draft_outbox_put(d, "outbox", n, "body", e.body);
		draft_outbox_put(d, "outbox", n, "at", at);
		draft_outbox_put(d, "outbox", n, "note",
		    queued_note(e.idem_key));
		n++;
	}
	for (n = 0; (r = queued_refusal(n)) != NULL; n++) {
		draft_outbox_put(d, "refused", n, "kind",
		    service_wire(r->kind));
		draft_outbox_put(d, "refused", n, "when", r->when);
		draft_outbox_put(d, "refused", n, "note", r->note);
		draft_outbox_put(d, "refused", n, "why", r->why);
	}
}

/* Whether anything of the outbox must be kept, walk-in or not. */
static bool
draft_outbox_waits(struct app *app)
{
	struct outbox_entry e;

	if (queued_refusals() > 0)
		return true;
	for (size_t i = 0; i < outbox_count(app->outbox); i++)
		if (outbox_entry(app->outbox, i, &e))
			return true;
	return false;
}

/* The refusals of a draft back in the list. */
static void
draft_refusals_load(const struct journal_doc *d)
{
	struct queued_refusal r;
	const char *when, *note, *why;
	int k;

	for (size_t n = 0; (k = draft_kind_of(draft_outbox_get(d, "refused",
	    n, "kind"))) >= 0; n++) {
		when = draft_outbox_get(d, "refused", n, "when");
		note = draft_outbox_get(d, "refused", n, "note");
		why = draft_outbox_get(d, "refused", n, "why");
		memset(&r, 0, sizeof r);
		r.kind = (enum service_id)k;
		snprintf(r.when, sizeof r.when, "%s", when ? when : "");
		snprintf(r.note, sizeof r.note, "%s", note ? note : "");
		snprintf(r.why, sizeof r.why, "%s", why ? why : "");
		queued_refusal_restore(&r);
	}
}

/* The writes of a draft back into the outbox (one already there, by its
 * key, is not queued twice), each to be asked about before it is sent;
 * how many. */
static size_t
draft_outbox_load(struct app *app, const struct journal_doc *d)
{
	struct outbox_entry e;
	const char *at, *note;
	size_t n, back = 0;
	int k;

	for (n = 0; (k = draft_kind_of(draft_outbox_get(d, "outbox", n,
	    "kind"))) >= 0; n++) {
		e.kind = (enum service_id)k;
		e.path = draft_outbox_get(d, "outbox", n, "path");
		e.idem_key = draft_outbox_get(d, "outbox", n, "key");
		e.body = draft_outbox_get(d, "outbox", n, "body");
		at = draft_outbox_get(d, "outbox", n, "at");
		note = draft_outbox_get(d, "outbox", n, "note");
		e.queued_at = at != NULL ? atoll(at) : 0;
		if (e.path == NULL || e.idem_key == NULL || e.body == NULL ||
		    outbox_has_key(app->outbox, e.idem_key))
			continue;
		if (queued_restore(app, &e, note) == 0)
			back++;
	}
	return back;
}

/* ---- state ------------------------------------------------------------ */

struct draft_keys {
	unsigned char key[JOURNAL_KEYBYTES];
	unsigned char pending[JOURNAL_KEYBYTES];
	unsigned char salt[JOURNAL_SALTBYTES];
	unsigned char pending_salt[JOURNAL_SALTBYTES];
};

static struct {
	struct draft_keys *k;       /* sodium_malloc'd */
	struct journal_doc *doc;    /* sodium_malloc'd: the clear draft */
	struct journal_doc *offer;  /* sodium_malloc'd: the one on offer */
	bool have_key, have_pending, offering;
	char staff[DRAFT_NAME_MAX];         /* file-name part of the owner */
	char pending_staff[DRAFT_NAME_MAX];
	int lock_fd, pending_lock_fd;       /* draft-<staff>.lock, or -1 */
	char aside[DRAFT_NAME_MAX + 64];    /* where a damaged one went */
	unsigned char last[crypto_generichash_BYTES];
	bool written;               /* last[] names what is on disk */
} draft;

static unsigned char draft_sealed[JOURNAL_SEALED_MAX];

/* Before anything else of this file runs. */
static void
draft_init(void)
{
	static bool done;

	if (!done) {
		draft.lock_fd = draft.pending_lock_fd = -1;
		done = true;
	}
}

static bool
draft_alloc(void)
{
	if (draft.k == NULL)
		draft.k = sodium_malloc(sizeof *draft.k);
	if (draft.doc == NULL)
		draft.doc = sodium_malloc(sizeof *draft.doc);
	if (draft.offer == NULL)
		draft.offer = sodium_malloc(sizeof *draft.offer);
	return draft.k != NULL && draft.doc != NULL && draft.offer != NULL;
}

/* draft-<staff>.ssd, key-<staff>.ssd (version 1 only); the lock is
 * draft-<staff>.lock. */
static void
draft_file(char *out, size_t outsz, const char *kind, const char *staff)
{
	if (strcmp(kind, "lock") == 0)
		snprintf(out, outsz, "draft-%s.lock", staff);
	else
		snprintf(out, outsz, "%s-%s.ssd", kind, staff);
}

/* The salt the clerk's draft was sealed with: in its header, or (a
 * version-1 draft) in the old key file; false if there is no draft to
 * open (a new salt is then as good as any). */
static bool
draft_salt_of(const char *staff, unsigned char salt[JOURNAL_SALTBYTES])
{
	unsigned char kf[JOURNAL_KEYFILE_MAX];
	char name[DRAFT_NAME_MAX + 16];
	size_t n;
	int rc;

	draft_file(name, sizeof name, "draft", staff);
	if (statedir_read(name, draft_sealed, sizeof draft_sealed, &n) != 0)
		return false;
	rc = journal_salt(draft_sealed, n, salt);
	if (rc != 1)
		return rc == 0;
	draft_file(name, sizeof name, "key", staff);
	return statedir_read(name, kf, sizeof kf, &n) == 0 &&
	    journal_keyfile_salt(kf, n, salt) == 0;
}

enum draft_prep
draft_prepare(const char *staff_id, const char *pw, size_t pwlen,
    long *holder)
{
	char name[DRAFT_NAME_MAX + 16];

	draft_init();
	draft_cancel();
	*holder = 0;
	if (!statedir_ok() || !draft_alloc())
		return DRAFT_PREP_OK;
	statedir_staff_name(draft.pending_staff, sizeof draft.pending_staff,
	    staff_id);
	/* One ssdesk per clerk and state directory: the other's draft is
	 * live, not "stopped".  Ours already (signing in again) is fine. */
	if (!(draft.lock_fd >= 0 && strcmp(draft.staff,
	    draft.pending_staff) == 0)) {
		draft_file(name, sizeof name, "lock", draft.pending_staff);
		draft.pending_lock_fd = statedir_lock(name, holder);
		if (draft.pending_lock_fd < 0 && errno == EWOULDBLOCK)
			return DRAFT_PREP_BUSY;
	}
	if (!draft_salt_of(draft.pending_staff, draft.k->pending_salt))
		randombytes_buf(draft.k->pending_salt, JOURNAL_SALTBYTES);
	draft.have_pending = journal_derive_key(draft.k->pending, pw, pwlen,
	    draft.k->pending_salt) == 0;
	return DRAFT_PREP_OK;
}

bool
draft_lock_free(const char *staff_id)
{
	char staff[DRAFT_NAME_MAX], name[DRAFT_NAME_MAX + 16];

	statedir_staff_name(staff, sizeof staff, staff_id);
	draft_file(name, sizeof name, "lock", staff);
	return !statedir_locked(name);
}

void
draft_cancel(void)
{
	draft_init();
	if (draft.k != NULL) {
		sodium_memzero(draft.k->pending, sizeof draft.k->pending);
		sodium_memzero(draft.k->pending_salt,
		    sizeof draft.k->pending_salt);
	}
	statedir_unlock(draft.pending_lock_fd);
	draft.pending_lock_fd = -1;
	draft.have_pending = false;
}

static void
draft_forget_key(void)
{
	if (draft.k != NULL)
		sodium_memzero(draft.k, sizeof *draft.k);
	if (draft.offer != NULL)
		journal_doc_wipe(draft.offer);
	draft.have_key = draft.have_pending = draft.offering = false;
	draft.written = false;
	draft.staff[0] = '\0';
	statedir_unlock(draft.lock_fd);
	draft.lock_fd = -1;
}

/* A draft that will not open is never deleted: it is moved aside, and
 * the sign-in says where (draft_aside). */
static enum draft_found
draft_damaged(const char *name)
{
	if (statedir_set_aside(name, "damaged", draft.aside,
	    sizeof draft.aside) != 0)
		snprintf(draft.aside, sizeof draft.aside, "%s", name);
	return DRAFT_DAMAGED;
}

const char *
draft_aside(void)
{
	return draft.aside;
}

enum draft_found
draft_signed_in(struct app *app, bool resuming)
{
	char name[DRAFT_NAME_MAX + 16], staff[DRAFT_NAME_MAX];
	size_t n;

	draft_init();
	statedir_staff_name(staff, sizeof staff, app->staff.staff_id);
	if (!draft.have_pending || strcmp(staff, draft.pending_staff) != 0) {
		draft_cancel();
		draft_forget_key();
		return statedir_ok() ? DRAFT_NONE : DRAFT_OFF;
	}
	/* The same clerk again after the session ended: same key, same
	 * lock. */
	if (resuming && draft.have_key && strcmp(staff, draft.staff) == 0) {
		draft_cancel();
		return DRAFT_NONE;
	}
	/* The previous owner's key, lock and offer go; the prepared ones
	 * are in. */
	journal_doc_wipe(draft.offer);
	draft.offering = draft.written = false;
	if (draft.pending_lock_fd >= 0) {
		statedir_unlock(draft.lock_fd);
		draft.lock_fd = draft.pending_lock_fd;
		draft.pending_lock_fd = -1;
	}
	memcpy(draft.k->key, draft.k->pending, sizeof draft.k->key);
	memcpy(draft.k->salt, draft.k->pending_salt, sizeof draft.k->salt);
	snprintf(draft.staff, sizeof draft.staff, "%s", staff);
	draft_cancel();
	draft.have_key = true;
	draft.aside[0] = '\0';
	if (resuming)
		return DRAFT_NONE;
	draft_file(name, sizeof name, "draft", draft.staff);
	if (statedir_read(name, draft_sealed, sizeof draft_sealed, &n) != 0)
		return errno == ENOENT ? DRAFT_NONE : draft_damaged(name);
	/* Damaged, or sealed under an earlier password of the clerk's. */
	if (journal_open(draft.offer, draft_sealed, n, draft.k->key) !=
	    JOURNAL_OK)
		return draft_damaged(name);
	/* The writes that waited go back into the outbox at once, whatever
	 * the clerk does with the forms (the draft is written again with
	 * them); a draft of the outbox alone is not offered. */
	if ((n = draft_outbox_load(app, draft.offer)) > 0)
		app_audit(app, "outbox_restored", "%zu", n);
	draft_refusals_load(draft.offer);
	if (journal_get(draft.offer, "screen") == NULL) {
		journal_doc_wipe(draft.offer);
		return DRAFT_NONE;
	}
	draft.offering = true;
	return DRAFT_OFFER;
}

void
draft_describe(char *who_out, char *where, size_t sz)
{
	const char *id = journal_get(draft.offer, "identity.id_number");
	const char *who = journal_get(draft.offer, "identity.name");
	const char *scr = journal_get(draft.offer, "screen");
	const char *at = journal_get(draft.offer, "saved_at");
	char masked[IDNUM_MASKED_LEN + 1] = "";

	/* Only a complete number is masked; a partial one is not shown. */
	if (id != NULL && strlen(id) == IDNUM_LEN)
		idnum_mask(masked, id);
	snprintf(who_out, sz, _("Applicant: %s   ID number: %s"),
	    who ? who : "-", masked[0] ? masked : "-");
	snprintf(where, sz, _("Screen: %s   Saved: %s"), scr ? _(scr) : "-",
	    at ? at : "-");
}

void
draft_restore(struct app *app)
{
	struct form_ctx ctx = { .today = app->today };
	const char *v;
	char scr[64] = "";
	int focus;

	if (!draft.offering)
		return;
	if ((v = journal_get(draft.offer, "screen")) != NULL)
		snprintf(scr, sizeof scr, "%s", v);
	app_start_walkin(app);
	journal_get_form(draft.offer, "identity", &form_identity, &ctx,
	    &app->idform);
	/* The same person checked again keeps the services' forms. */
	if ((v = journal_get(draft.offer, "person_id")) != NULL)
		snprintf(app->identity.person.person_id,
		    sizeof app->identity.person.person_id, "%s", v);
	svc_restore_all(app, draft.offer, &ctx);
	v = journal_get(draft.offer, "focus");
	focus = v != NULL && strcmp(scr, screen_identity.name) == 0 ?
	    atoi(v) : -1;
	journal_doc_wipe(draft.offer);
	draft.offering = false;
	draft.written = false;
	app_audit(app, "draft_restored", "%s", scr);
	app_goto(app, &screen_identity);
	/* The field the clerk was in (the view lands on the first empty). */
	if (app->fv != NULL && focus >= 0 && focus < form_identity.nfields) {
		form_view_focus(app->fv, focus);
		form_view_key(app->fv, &(struct key_event){ .act = ACT_END });
		app->fv_focus = focus;
	}
	if (scr[0] != '\0' && strcmp(scr, screen_identity.name) != 0)
		app_msg(app, APP_MSG_INFO, _("Draft restored. You were at: %s. "
		    "Check the ID card again and press F2 to repeat the "
		    "identity check; the rest of the forms is as you left it "
		    "(type the bank card number again)."), _(scr));
	else
		app_msg(app, APP_MSG_INFO, "%s", _("Draft restored: the form "
		    "is as you left it."));
}

void
draft_discard(struct app *app)
{
	char name[DRAFT_NAME_MAX + 16];

	if (!draft.offering)
		return;
	draft_file(name, sizeof name, "draft", draft.staff);
	statedir_remove(name);
	journal_doc_wipe(draft.offer);
	draft.offering = false;
	draft.written = false;
	app_audit(app, "draft_discarded", "%s", "");
}

static void
draft_put_int(struct journal_doc *d, const char *name, int v)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%d", v);
	journal_put(d, name, buf);
}

/* Whether the clerk has typed anything worth keeping into any form (the
 * read-only fields are the service's, filled in, not typed). */
static bool
draft_typed(struct app *app)
{
	return (app->idform.def == &form_identity && form_typed(&app->idform)) ||
	    svc_typed(app);
}

/* The walk-in as a draft; len 0 if there is nothing to keep. */
static void
draft_build(struct app *app, struct journal_doc *d)
{
	const struct screen *s = app->resume != NULL ? app->resume :
	    app->screen;
	char when[32];
	time_t now;
	struct tm tm;
	bool walkin;

	d->len = 0;
	walkin = app->walkin && s != &screen_receipt && s != NULL &&
	    draft_typed(app);
	/* The outbox outlives the walk-in: kept alone if need be. */
	if (!walkin && !draft_outbox_waits(app))
		return;
	journal_put(d, "v", "1");
	draft_outbox_save(app, d);
	if (!walkin)
		goto saved;
	journal_put(d, "screen", s->name);
	draft_put_int(d, "focus", app->fv != NULL ?
	    form_view_current(app->fv) : app->fv_focus);
	if (app->identity.person.person_id[0] != '\0')
		journal_put(d, "person_id", app->identity.person.person_id);
	if (app->idform.def == &form_identity)
		journal_put_form(d, "identity", &app->idform);
	svc_save_all(app, d);
saved:
	/* Last, and not hashed: the time alone is no change. */
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	journal_put(d, "saved_at", when);
}

void
draft_sync(struct app *app)
{
	unsigned char h[crypto_generichash_BYTES];
	char name[DRAFT_NAME_MAX + 16];
	size_t n, hashed;

	if (!draft.have_key || draft.offering)
		return;
	draft_build(app, draft.doc);
	/* The hash leaves out saved_at (the last pair). */
	hashed = draft.doc->len;
	if (hashed > 0) {
		const char *at = journal_get(draft.doc, "saved_at");

		hashed = (size_t)((const unsigned char *)at -
		    draft.doc->data) - sizeof "saved_at";
	}
	crypto_generichash(h, sizeof h, draft.doc->data, hashed, NULL, 0);
	if (draft.written && sodium_memcmp(h, draft.last, sizeof h) == 0) {
		journal_doc_wipe(draft.doc);
		return;
	}
	draft_file(name, sizeof name, "draft", draft.staff);
	if (draft.doc->len == 0) {
		statedir_remove(name);
		draft.written = true;
	} else {
		draft.written = journal_seal(draft_sealed, &n, draft.doc,
		    draft.k->key, draft.k->salt) == JOURNAL_OK &&
		    statedir_write(name, draft_sealed, n) == 0;
	}
	/* Not written: told in the banner, tried again at the next turn of
	 * the loop (written stays false), and said when it works again. */
	if (statedir_report(STATEDIR_DRAFTS, draft.written ? 0 :
	    (errno != 0 ? errno : EIO)) && draft.written)
		app_msg(app, APP_MSG_INFO, "%s", statedir_recovered());
	memcpy(draft.last, h, sizeof h);
	journal_doc_wipe(draft.doc);
}

void
draft_signed_out(struct app *app)
{
	draft_sync(app);
	draft_forget_key();
}

int
draft_check_password(const char *pw, size_t pwlen)
{
	unsigned char *k;
	int ok;

	if (!draft.have_key)
		return -1;
	k = sodium_malloc(JOURNAL_KEYBYTES);
	if (k == NULL)
		return -1;
	ok = journal_derive_key(k, pw, pwlen, draft.k->salt) == 0 &&
	    sodium_memcmp(k, draft.k->key, JOURNAL_KEYBYTES) == 0;
	sodium_free(k);
	return ok ? 1 : 0;
}

void
draft_close(void)
{
	draft_forget_key();
	sodium_free(draft.k);
	sodium_free(draft.doc);
	sodium_free(draft.offer);
	draft.k = NULL;
	draft.doc = draft.offer = NULL;
}
