/*
 * draft_doc.c -- the pairs of a clerk's draft (see draft_doc.h).
 *
 * Every call that writes puts all its pairs or none: a doc that fills up
 * is cut back to where the call began, so a reader never meets half a
 * write (a kind without its body).
 */
#include "forms/draft_doc.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "forms/parse.h"

/* "outbox.<n>.<what>": the longest name is well inside this. */
#define DRAFT_DOC_NAME_MAX 64

static const char draft_doc_outbox[] = "outbox";
static const char draft_doc_refused[] = "refused";

static const char *
draft_doc_str(const char *s)
{
	return s != NULL ? s : "";
}

static void
draft_doc_name(char *out, size_t sz, const char *list, size_t n,
    const char *what)
{
	snprintf(out, sz, "%s.%zu.%s", list, n, what);
}

/* Take back what was put since the doc was len long. */
static void
draft_doc_cut(struct journal_doc *d, size_t len)
{
	sodium_memzero(d->data + len, d->len - len);
	d->len = len;
}

/* Put "<list>.<n>.<what[i]>" = value[i] for i < count, all or none. */
static int
draft_doc_put_entry(struct journal_doc *d, const char *list, size_t n,
    const char *const what[], const char *const value[], size_t count)
{
	char name[DRAFT_DOC_NAME_MAX];
	size_t len = d->len;

	for (size_t i = 0; i < count; i++) {
		draft_doc_name(name, sizeof name, list, n, what[i]);
		if (journal_put(d, name, draft_doc_str(value[i])) != 0) {
			draft_doc_cut(d, len);
			return -1;
		}
	}
	return 0;
}

static const char *
draft_doc_field(const struct journal_doc *d, const char *list, size_t n,
    const char *what)
{
	char name[DRAFT_DOC_NAME_MAX];

	draft_doc_name(name, sizeof name, list, n, what);
	return journal_get(d, name);
}

/* The n-th entry's kind: END if it has none, SKIP if no draft holds it. */
static enum draft_doc_got
draft_doc_kind(const struct journal_doc *d, const char *list, size_t n,
    enum service_id *kind)
{
	const char *name = draft_doc_field(d, list, n, "kind");

	if (name == NULL)
		return DRAFT_DOC_END;
	*kind = draft_doc_kind_of(name);
	return *kind == SERVICE_UNKNOWN ? DRAFT_DOC_SKIP : DRAFT_DOC_GOT;
}

/* Whether a draft can hold a write or refusal of kind k (and read it
 * back as k). */
static bool
draft_doc_holds(enum service_id k)
{
	return k != SERVICE_UNKNOWN && draft_doc_kind_of(service_wire(k)) == k;
}

int
draft_doc_start(struct journal_doc *d)
{
	journal_doc_wipe(d);
	return journal_put(d, "v", DRAFT_DOC_VERSION);
}

int
draft_doc_put_item(struct journal_doc *d, size_t n,
    const struct draft_item *it)
{
	static const char *const what[] = {
		"kind", "path", "key", "body", "at", "note",
	};
	char at[24];

	if (!draft_doc_holds(it->kind) || it->path == NULL ||
	    it->idem_key == NULL || it->body == NULL)
		return -1;
	snprintf(at, sizeof at, "%lld", it->queued_at);
	return draft_doc_put_entry(d, draft_doc_outbox, n, what,
	    (const char *const[]){ service_wire(it->kind), it->path,
	    it->idem_key, it->body, at, it->note }, sizeof what / sizeof *what);
}

int
draft_doc_put_refusal(struct journal_doc *d, size_t n,
    const struct draft_refusal *r)
{
	static const char *const what[] = { "kind", "when", "note", "why" };

	if (!draft_doc_holds(r->kind))
		return -1;
	return draft_doc_put_entry(d, draft_doc_refused, n, what,
	    (const char *const[]){ service_wire(r->kind), r->when, r->note,
	    r->why }, sizeof what / sizeof *what);
}

int
draft_doc_put_walkin(struct journal_doc *d, const struct draft_walkin *w)
{
	size_t len = d->len;
	char focus[16];

	snprintf(focus, sizeof focus, "%d", w->focus);
	if (w->screen != NULL && journal_put(d, "screen", w->screen) == 0 &&
	    journal_put(d, "focus", focus) == 0 &&
	    (w->person_id == NULL || w->person_id[0] == '\0' ||
	    journal_put(d, "person_id", w->person_id) == 0))
		return 0;
	draft_doc_cut(d, len);
	return -1;
}

int
draft_doc_finish(struct journal_doc *d, const char *saved_at)
{
	return journal_put(d, "saved_at", saved_at);
}

size_t
draft_doc_hashed_len(const struct journal_doc *d)
{
	const char *at = draft_doc_saved_at(d);

	if (at == NULL)
		return d->len;
	return (size_t)((const unsigned char *)at - d->data) -
	    sizeof "saved_at";
}

enum service_id
draft_doc_kind_of(const char *name)
{
	enum service_id k = service_of(name);

	/* Drafts written before the names were one. */
	if (k == SERVICE_UNKNOWN && name != NULL &&
	    strcmp(name, "newborn") == 0)
		k = SERVICE_NEWBORN;
	return k != SERVICE_UNKNOWN && service_has(k, SERVICE_OUTBOX) ?
	    k : SERVICE_UNKNOWN;
}

enum draft_doc_got
draft_doc_get_item(const struct journal_doc *d, size_t n,
    struct draft_item *out)
{
	enum draft_doc_got got;
	long at;

	memset(out, 0, sizeof *out);
	if ((got = draft_doc_kind(d, draft_doc_outbox, n, &out->kind)) !=
	    DRAFT_DOC_GOT)
		return got;
	out->path = draft_doc_field(d, draft_doc_outbox, n, "path");
	out->idem_key = draft_doc_field(d, draft_doc_outbox, n, "key");
	out->body = draft_doc_field(d, draft_doc_outbox, n, "body");
	out->note = draft_doc_str(draft_doc_field(d, draft_doc_outbox, n,
	    "note"));
	if (parse_long(&at, draft_doc_field(d, draft_doc_outbox, n, "at"),
	    LONG_MIN, LONG_MAX) == 0)
		out->queued_at = at;
	if (out->path == NULL || out->idem_key == NULL || out->body == NULL)
		return DRAFT_DOC_SKIP;
	return DRAFT_DOC_GOT;
}

enum draft_doc_got
draft_doc_get_refusal(const struct journal_doc *d, size_t n,
    struct draft_refusal *out)
{
	enum draft_doc_got got;

	memset(out, 0, sizeof *out);
	if ((got = draft_doc_kind(d, draft_doc_refused, n, &out->kind)) !=
	    DRAFT_DOC_GOT)
		return got;
	out->when = draft_doc_str(draft_doc_field(d, draft_doc_refused, n,
	    "when"));
	out->note = draft_doc_str(draft_doc_field(d, draft_doc_refused, n,
	    "note"));
	out->why = draft_doc_str(draft_doc_field(d, draft_doc_refused, n,
	    "why"));
	return DRAFT_DOC_GOT;
}

bool
draft_doc_get_walkin(const struct journal_doc *d, struct draft_walkin *out)
{
	long focus;

	out->screen = journal_get(d, "screen");
	out->person_id = journal_get(d, "person_id");
	out->focus = parse_long(&focus, journal_get(d, "focus"), -1, INT_MAX)
	    == 0 ? (int)focus : -1;
	return out->screen != NULL;
}

const char *
draft_doc_saved_at(const struct journal_doc *d)
{
	return journal_get(d, "saved_at");
}
