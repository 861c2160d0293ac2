/*
 * outbox.h -- writes that could not reach the central service wait here
 * and are sent again, with the same Idempotency-Key, until an answer comes.
 *
 * Generic over writes: an item is (call description, method, path, body,
 * Idempotency-Key, typed callback), as for api_call().  The body -- it may
 * hold a bank card number -- is kept in sodium_malloc'd memory and wiped
 * when the item goes.  Items go one at a time, in order, only while the api
 * is idle (an api has one call in flight): outbox_poll() from the event
 * loop sends the first one when it is due.  "Could not reach" (API_UNREACHABLE,
 * API_TIMEOUT: the answer never came, so the service may or may not have
 * done it) keeps the item and tries again after a growing pause (2 s, 4 s,
 * ... 60 s); outbox_retry_now() makes it due at once (a key).
 *
 * A write leaves the outbox only when the service has answered it: a 2xx
 * (its result) or a refusal in the contract's error shape that is about
 * the write itself (a 4xx with the service's own code).  Those go to the
 * item's callback and the item is gone.  Every other answer keeps it and
 * is told to the owner as OUTBOX_HELD (outbox_set_events): an ended
 * session (401: it goes again, same key, once the clerk has signed in
 * again), an answer that cannot be read, a refused certificate, "too many
 * writes" (429), a 4xx not in the error shape (a proxy's page).  The same
 * Idempotency-Key on every try means the service does it once and
 * answers the retries with the first result.
 *
 * The service keeps a key's answer 24 h (WIRE_ANSWER_KEPT_SECONDS) and
 * remembers what a key made for 30 days (WIRE_WRITE_KEPT_SECONDS;
 * docs/api.md, GET /v1/writes/{key}).  So a write that waited
 * longer than OUTBOX_VERIFY_SECONDS, or was put back from a draft (which
 * may be an older copy of itself: writes already made would be sent
 * again), is never resent blindly: the outbox first asks what became of
 * its key.  Done: the item goes without being sent (OUTBOX_DONE_EARLIER,
 * with the application it made).  Unknown: it is sent.  A write older
 * than WIRE_WRITE_KEPT_SECONDS is never sent (the service no longer
 * remembers; OUTBOX_TOO_OLD).
 *
 * Every write of the contract that creates something is a service
 * (forms/service.h) with a row in the table of writes (net/api_write.c):
 * the row gives its call description, method and path, so a write can be
 * written down (outbox_entry, its kind the service's wire name) and
 * queued again from what was written (outbox_add_entry) after a crash:
 * tui/draft.c keeps the items in the clerk's sealed draft; here they live
 * in memory only.
 */
#ifndef SSDESK_OUTBOX_H
#define SSDESK_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/service.h"
#include "forms/wire.h"
#include "net/api.h"

struct api_call_def;
struct outbox;

#define OUTBOX_VERIFY_SECONDS (60L * 60)    /* ask first after 1 h */

/* The outbox sends on a; it must be freed before a, or after a without a
 * call of the outbox in flight (then no callback of it runs). */
struct outbox *outbox_new(struct api *a);
void outbox_free(struct outbox *o);

/* Queue a write.  body (JSON, NUL-terminated) and the other strings are
 * copied; idem_key must be the key the first try went with.  cb is the
 * typed callback def->deliver expects.  0, or -1 (out of memory, too
 * long: nothing queued).  The first try is made by outbox_poll() after
 * the first pause (2 s), not here. */
int outbox_add(struct outbox *o, const struct api_call_def *def,
    const char *method, const char *path, const char *body,
    const char *idem_key, void (*cb)(void), void *arg);

/* Writes waiting (including one in flight). */
size_t outbox_count(const struct outbox *o);
/* True while a write of the outbox is in flight. */
bool outbox_sending(const struct outbox *o);
/* Send the first write if it is due and the api is idle; true if sent. */
bool outbox_poll(struct outbox *o);
/* Every waiting write is due now. */
void outbox_retry_now(struct outbox *o);
/* Drop every waiting write from memory without its callback (signing
 * out, after they were written down: another clerk's session must not
 * send them).  One in flight is forgotten when its answer comes. */
void outbox_clear(struct outbox *o);
/* Milliseconds until the first write is due (0: now), -1 if none waits. */
long outbox_due_in(const struct outbox *o);



/* ---- writes of the contract: one generic path for every service ----- */

/* The write of service id (api_write's request and callback types:
 * net/api.h), encoded by the same table the call uses, into the outbox;
 * req must carry the key its first try went with.  0, or -1 (not a write
 * that may wait, or cannot be encoded: nothing queued). */
int outbox_add_write(struct outbox *o, enum service_id id, const void *req,
    void (*cb)(void), void *arg);

/* Queue a write of service k already encoded: its path must be the
 * write's (net/api_write.c); cb of its callback type.  0, or -1. */
int outbox_add_kind(struct outbox *o, enum service_id k, const char *path,
    const char *body, const char *idem_key, void (*cb)(void), void *arg);

/* One waiting write as written down; the pointers are the outbox's and
 * hold until it changes.  body holds whatever the write carries (a bank
 * card number): keep it only sealed, wipe any copy. */
struct outbox_entry {
	enum service_id kind;
	const char *path, *body, *idem_key;
	long long queued_at;       /* time(): when it first failed */
	bool restored;             /* put back from a draft (outbox_add_entry) */
};

/* The i-th waiting write (0 = the first); false past the last or for a
 * write not queued by kind. */
bool outbox_entry(const struct outbox *o, size_t i, struct outbox_entry *e);
/* Whether a write with this Idempotency-Key waits (or is in flight). */
bool outbox_has_key(const struct outbox *o, const char *idem_key);
/* A write written down (outbox_entry) back into the outbox, as after a
 * crash: its kind's path only, its first queued_at (0: now), and asked
 * about before it is sent (the draft may be older than the service's
 * record).  cb of the kind's type.  0, or -1 (nothing queued). */
int outbox_add_entry(struct outbox *o, const struct outbox_entry *e,
    void (*cb)(void), void *arg);

/* ---- what the owner is told besides a write's own answer -------------- */

enum outbox_event {
	OUTBOX_HELD,          /* kept: err says why (not the write's answer) */
	OUTBOX_DONE_EARLIER,  /* gone unsent: the service had done it (ws) */
	OUTBOX_TOO_OLD,       /* gone unsent: older than the service's memory */
};

/* e is the write concerned (its strings hold for the call only); err for
 * OUTBOX_HELD, ws for OUTBOX_DONE_EARLIER, else NULL.  Runs from
 * api_perform(); it may queue or clear (the write is out of the list for
 * DONE_EARLIER and TOO_OLD, still in it for HELD). */
typedef void outbox_event_fn(void *arg, enum outbox_event ev,
    const struct outbox_entry *e, const struct api_error *err,
    const struct write_status *ws);
void outbox_set_events(struct outbox *o, outbox_event_fn *fn, void *arg);

/* Whether err is an answer that takes a write out of the outbox (its
 * result, or a refusal of the write itself); false: keep it. */
bool outbox_answered(const struct api_error *err);

#endif
