/*
 * draft.c -- journaling the walk-in's forms (see draft.h).
 *
 * The clear draft (full ID number included) lives only in sodium_malloc'd
 * memory and is wiped after every use; on disk there is only the sealed
 * form.  A BLAKE2b hash of the last draft written saves rewriting an
 * unchanged one on every turn of the loop.  What the draft holds, pair
 * by pair, is forms/draft_doc.h's; here are the files, the lock, the key.
 */
#include "tui/draft.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "forms/draft_doc.h"
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

/* The waiting writes and the refusals not acknowledged yet into the draft
 * (the format: forms/draft_doc.h). */
static void
draft_outbox_save(struct app *app, struct journal_doc *d)
{
	const struct queued_refusal *r;
	struct outbox_entry e;
	size_t n = 0;

	for (size_t i = 0; i < outbox_count(app->outbox); i++) {
		if (!outbox_entry(app->outbox, i, &e))
			continue;
		if (draft_doc_put_item(d, n, &(struct draft_item){
		    .kind = e.kind, .path = e.path, .idem_key = e.idem_key,
		    .body = e.body, .note = queued_note(e.idem_key),
		    .queued_at = e.queued_at }) == 0)
			n++;
	}
	for (n = 0; (r = queued_refusal(n)) != NULL; n++)
		draft_doc_put_refusal(d, n, &(struct draft_refusal){
		    .kind = r->kind, .when = r->when, .note = r->note,
		    .why = r->why });
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
	struct draft_refusal dr;
	struct queued_refusal r;
	enum draft_doc_got got;

	for (size_t n = 0; (got = draft_doc_get_refusal(d, n, &dr)) !=
	    DRAFT_DOC_END; n++) {
		if (got != DRAFT_DOC_GOT)
			continue;
		memset(&r, 0, sizeof r);
		r.kind = dr.kind;
		snprintf(r.when, sizeof r.when, "%s", dr.when);
		snprintf(r.note, sizeof r.note, "%s", dr.note);
		snprintf(r.why, sizeof r.why, "%s", dr.why);
		queued_refusal_restore(&r);
	}
}

/* The writes of a draft back into the outbox (one already there, by its
 * key, is not queued twice), each to be asked about before it is sent;
 * how many. */
static size_t
draft_outbox_load(struct app *app, const struct journal_doc *d)
{
	struct draft_item it;
	enum draft_doc_got got;
	size_t back = 0;

	for (size_t n = 0; (got = draft_doc_get_item(d, n, &it)) !=
	    DRAFT_DOC_END; n++) {
		if (got != DRAFT_DOC_GOT ||
		    outbox_has_key(app->outbox, it.idem_key))
			continue;
		if (queued_restore(app, &(struct outbox_entry){
		    .kind = it.kind, .path = it.path, .idem_key = it.idem_key,
		    .body = it.body, .queued_at = it.queued_at }, it.note) == 0)
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
	struct draft_walkin w;
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
	if (!draft_doc_get_walkin(draft.offer, &w)) {
		journal_doc_wipe(draft.offer);
		return DRAFT_NONE;
	}
	draft.offering = true;
	return DRAFT_OFFER;
}

void
draft_describe(char *who_out, char *where, size_t sz)
{
	const char *id = journal_get(draft.offer,
	    DRAFT_DOC_IDENTITY ".id_number");
	const char *who = journal_get(draft.offer,
	    DRAFT_DOC_IDENTITY ".name");
	const char *at = draft_doc_saved_at(draft.offer);
	char masked[IDNUM_MASKED_LEN + 1] = "";
	struct draft_walkin w;
	const char *scr = draft_doc_get_walkin(draft.offer, &w) ? w.screen :
	    NULL;

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
	struct draft_walkin w;
	char scr[64] = "";
	int focus;

	if (!draft.offering)
		return;
	if (draft_doc_get_walkin(draft.offer, &w))
		snprintf(scr, sizeof scr, "%s", w.screen);
	app_start_walkin(app);
	journal_get_form(draft.offer, DRAFT_DOC_IDENTITY, &form_identity, &ctx,
	    &app->idform);
	/* The same person checked again keeps the services' forms. */
	if (w.person_id != NULL)
		snprintf(app->identity.person.person_id,
		    sizeof app->identity.person.person_id, "%s", w.person_id);
	svc_restore_all(app, draft.offer, &ctx);
	focus = strcmp(scr, screen_identity.name) == 0 ? w.focus : -1;
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
	draft_doc_start(d);
	draft_outbox_save(app, d);
	if (walkin && draft_doc_put_walkin(d, &(struct draft_walkin){
	    .screen = s->name, .focus = app->fv != NULL ?
	    form_view_current(app->fv) : app->fv_focus,
	    .person_id = app->identity.person.person_id }) == 0) {
		if (app->idform.def == &form_identity)
			journal_put_form(d, DRAFT_DOC_IDENTITY, &app->idform);
		svc_save_all(app, d);
	}
	/* Last, and not hashed: the time alone is no change. */
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	draft_doc_finish(d, when);
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
	hashed = draft_doc_hashed_len(draft.doc);
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
