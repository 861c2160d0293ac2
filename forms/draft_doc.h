/*
 * draft_doc.h -- what a clerk's draft holds, pair by pair: the format of
 * the journal_doc (forms/journal.h) that tui/draft.c seals and writes.
 *
 * A draft is, in this order:
 *
 *     "v" = "1"                              the format (draft_doc_start)
 *     "outbox.<n>.kind" ".path" ".key" ".body" ".at" ".note"
 *                                            each write waiting, n from 0
 *     "refused.<n>.kind" ".when" ".note" ".why"
 *                                            each refusal not acknowledged
 *     and, if a walk-in is under way (draft_doc_put_walkin):
 *     "screen", "focus", "person_id" (once checked), then the forms
 *     (journal_put_form: DRAFT_DOC_IDENTITY and each service's slots)
 *     "saved_at" = "YYYY-MM-DD HH:MM"        always last (draft_doc_finish)
 *
 * A kind is its service's wire name (forms/service.h); drafts written
 * before the names were one call the newborn registration "newborn",
 * still read.  A write's ".at" is when it first failed (seconds since the
 * epoch); its ".body" may hold a bank card or an ID number, so the doc is
 * only ever on disk sealed.  A draft without the lists (older ones) has
 * an empty outbox; a write without ".at" or ".note" gets 0 (now) and "".
 *
 * Pure: no files, nothing printed.  What is read points into the doc and
 * holds while it does.
 */
#ifndef SSDESK_DRAFT_DOC_H
#define SSDESK_DRAFT_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/journal.h"
#include "forms/service.h"

#define DRAFT_DOC_VERSION "1"
/* The slot of the walk-in's identity form (journal_put_form); a field of
 * it is DRAFT_DOC_IDENTITY ".name". */
#define DRAFT_DOC_IDENTITY "identity"

/* One write waiting in the outbox, as the draft holds it. */
struct draft_item {
	enum service_id kind;      /* a service with SERVICE_OUTBOX */
	const char *path, *idem_key, *body;
	const char *note;          /* what it is about, masked; NULL: "" */
	long long queued_at;       /* when it first failed; 0: not known */
};

/* One refusal the clerk has not acknowledged yet (tui/queued.h). */
struct draft_refusal {
	enum service_id kind;      /* a service with SERVICE_OUTBOX */
	const char *when, *note, *why;   /* NULL: "" */
};

/* The walk-in's facts besides its forms. */
struct draft_walkin {
	const char *screen;        /* the screen's name */
	int focus;                 /* the field the clerk was in; -1: none */
	const char *person_id;     /* NULL or "": not checked yet */
};

/* ---- writing, in the order above; each 0, or -1 (the doc is full, or a
 * kind no draft can hold): then nothing of that call is in the doc ---- */

/* Empty d and begin a draft. */
int draft_doc_start(struct journal_doc *d);
/* The n-th write (n from 0, one after the other). */
int draft_doc_put_item(struct journal_doc *d, size_t n,
    const struct draft_item *it);
/* The n-th refusal. */
int draft_doc_put_refusal(struct journal_doc *d, size_t n,
    const struct draft_refusal *r);
/* The walk-in's facts; its forms follow. */
int draft_doc_put_walkin(struct journal_doc *d, const struct draft_walkin *w);
/* End the draft with the time it was saved. */
int draft_doc_finish(struct journal_doc *d, const char *saved_at);

/* How many bytes of d say what it holds: all but the time it was saved,
 * which alone is no change (the whole doc if it has none). */
size_t draft_doc_hashed_len(const struct journal_doc *d);

/* ---- reading ---------------------------------------------------------- */

/* The service a kind as written down names, if its write may wait in the
 * outbox ("newborn" too); SERVICE_UNKNOWN otherwise (also for NULL). */
enum service_id draft_doc_kind_of(const char *name);

enum draft_doc_got {
	DRAFT_DOC_END,     /* no n-th entry: the list is over */
	DRAFT_DOC_GOT,     /* *out filled */
	DRAFT_DOC_SKIP,    /* an n-th entry, damaged (an unknown kind, a
	                    * field a write needs missing): go on at n + 1 */
};

/* The n-th write: path, key and body are needed; a missing or unreadable
 * ".at" is 0, a missing note "". */
enum draft_doc_got draft_doc_get_item(const struct journal_doc *d, size_t n,
    struct draft_item *out);
/* The n-th refusal: what is missing of it is "". */
enum draft_doc_got draft_doc_get_refusal(const struct journal_doc *d,
    size_t n, struct draft_refusal *out);
/* The walk-in's facts; false if the draft holds none (the outbox alone).
 * *out is filled either way (screen NULL, person_id NULL if missing); a
 * missing or unreadable focus is -1. */
bool draft_doc_get_walkin(const struct journal_doc *d,
    struct draft_walkin *out);
/* When it was saved, or NULL. */
const char *draft_doc_saved_at(const struct journal_doc *d);

#endif
