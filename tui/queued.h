/*
 * queued.h -- a write whose answer never came goes into the outbox (net/
 * outbox.h), and its answer, when it comes, to the clerk.
 *
 * Every screen that sends a write that creates something does the same:
 * if the service could not be reached or did not answer in time
 * (queued_lost), the same request with the same Idempotency-Key goes into
 * the outbox (outbox_add_* with queued_application or queued_decision and
 * a queued_slot as arg) and the clerk is told once (queued_told).  When
 * the answer finally comes: if the clerk is still at the same work (the
 * screen's key, live(app), is still the one sent), the screen's own
 * answer handler takes it (the receipt...); else one status line names
 * the application.  Writes put back from a draft after a crash
 * (queued_restore) always end in the status line.
 */
#ifndef SSDESK_QUEUED_H
#define SSDESK_QUEUED_H

#include <stdbool.h>

#include "net/outbox.h"
#include "tui/app.h"

/* The current Idempotency-Key of the work a screen holds, or NULL. */
typedef const char *queued_live_fn(struct app *app);

/* Whether the answer never came (the write may wait in the outbox). */
bool queued_lost(const struct api_error *err);
/* The arg for outbox_add_*: who waits for the answer.  here (NULL: the
 * status line only) runs if live(app) still gives idem_key. */
void *queued_slot(struct app *app, enum outbox_kind k, const char *idem_key,
    queued_live_fn *live, api_application_cb *here);
/* The callbacks to give outbox_add_* with a queued_slot. */
void queued_application(void *arg, const struct api_error *err,
    const struct application *res);
void queued_decision(void *arg, const struct api_error *err,
    const struct approval *res);
/* Tell the clerk that the write of kind k waits in the outbox. */
void queued_told(struct app *app, enum outbox_kind k,
    const struct api_error *err);
/* If a write with this key waits in the outbox, say so and return true
 * (the screen does not send it a second time). */
bool queued_waits(struct app *app, enum outbox_kind k, const char *idem_key);
/* A write written down in a draft back into the outbox; 0 or -1. */
int queued_restore(struct app *app, const struct outbox_entry *e);

#endif
