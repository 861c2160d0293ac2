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
 * ... 60 s); outbox_retry_now() makes it due at once (a key).  Any other
 * outcome -- the result, a refusal, an expired session -- goes to the
 * item's callback and the item is gone.  The same Idempotency-Key on every
 * try means the service does it once and answers the retries with the
 * first result.
 *
 * The outbox lives in memory only: a crash loses it (the service may have
 * done the write; the clerk sees it on the person's cards).  Persisting it
 * belongs in the encrypted draft journal, not here.
 */
#ifndef SSDESK_OUTBOX_H
#define SSDESK_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>

#include "net/api.h"

struct api_call_def;
struct outbox;

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
/* Drop every waiting write without its callback (signing out: another
 * clerk's session must not send them).  One in flight is forgotten when
 * its answer comes. */
void outbox_clear(struct outbox *o);
/* Milliseconds until the first write is due (0: now), -1 if none waits. */
long outbox_due_in(const struct outbox *o);



/* The medical activation (api_medical_activate's request, with the key its
 * first try went with) into the outbox: the adapter each write of the
 * contract has, so callers never see its JSON. */
int outbox_add_medical(struct outbox *o, const struct medical_request *req,
    api_application_cb *cb, void *arg);

#endif
