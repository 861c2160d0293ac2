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
 *
 * A refusal of a write whose work is over (the clerk has moved on, or it
 * came back from a draft), and a write too old to send safely, are never
 * only a status line: they join the refusals (queued_refusal*), listed on
 * Home and counted in the banner until the clerk acknowledges each, kept
 * in the clerk's sealed draft meanwhile, and in the audit log.  An answer
 * that is not the write's (an ended session, an unreadable answer) keeps
 * the write in the outbox: an ended session takes the clerk to sign-in,
 * anything else is said once.
 */
#ifndef SSDESK_QUEUED_H
#define SSDESK_QUEUED_H

#include <stdbool.h>
#include <stddef.h>

#include "net/outbox.h"
#include "tui/app.h"

/* The current Idempotency-Key of the work a screen holds, or NULL. */
typedef const char *queued_live_fn(struct app *app);

/* The outbox tells this app what happens to its writes (main, once). */
void queued_attach(struct app *app);

/* Whether the answer never came (the write may wait in the outbox). */
bool queued_lost(const struct api_error *err);
/* The arg for outbox_add_*: who waits for the answer.  here (NULL: the
 * status line only) runs if live(app) still gives idem_key.  What the
 * write is about (the applicant's and the card's masked names, or the
 * decision's application) is taken from app now, for the refusals. */
void *queued_slot(struct app *app, enum service_id k, const char *idem_key,
    queued_live_fn *live, api_application_cb *here);
/* The callbacks to give outbox_add_* with a queued_slot. */
void queued_application(void *arg, const struct api_error *err,
    const struct application *res);
void queued_decision(void *arg, const struct api_error *err,
    const struct approval *res);
/* The write of service k (req: its request, net/api.h api_write) into
 * the outbox, with a queued_slot(app, k, idem_key, live, here) waiting
 * for its answer: 0, or -1 (nothing queued). */
int queued_add(struct app *app, enum service_id k, const void *req,
    const char *idem_key, queued_live_fn *live, api_application_cb *here);
/* Tell the clerk that the write of kind k waits in the outbox. */
void queued_told(struct app *app, enum service_id k,
    const struct api_error *err);
/* If a write with this key waits in the outbox, say so and return true
 * (the screen does not send it a second time). */
bool queued_waits(struct app *app, enum service_id k, const char *idem_key);
/* A write written down in a draft back into the outbox, with what it is
 * about (note, masked); asked about before it is sent.  0 or -1. */
int queued_restore(struct app *app, const struct outbox_entry *e,
    const char *note);
/* What the waiting write with this key is about (masked), or "". */
const char *queued_note(const char *idem_key);
/* What the clerk calls a write of kind k (translated). */
const char *queued_label(enum service_id k);

/* ---- refusals the clerk must acknowledge ------------------------------ */

#define QUEUED_NOTE_MAX 96
#define QUEUED_REFUSALS_MAX 16

struct queued_refusal {
	enum service_id kind;
	char when[20];                 /* "YYYY-MM-DD HH:MM", local time */
	char note[QUEUED_NOTE_MAX];    /* what it was about, masked */
	char why[APP_MSG_MAX];         /* the clerk's sentence */
};

size_t queued_refusals(void);
/* The i-th, oldest first; NULL past the last. */
const struct queued_refusal *queued_refusal(size_t i);
/* The oldest is acknowledged (audited) and goes. */
void queued_refusal_ack(struct app *app);
/* One written down in a draft, back (no audit: it was audited when it
 * came); -1 if the list is full. */
int queued_refusal_restore(const struct queued_refusal *r);
/* Signing out or another clerk: forget them (they stay in the draft). */
void queued_refusals_clear(void);

#endif
