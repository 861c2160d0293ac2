/*
 * outbox.c -- writes waiting for the central service (see outbox.h).
 */
#include "net/outbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "net/api_internal.h"
#include "net/apijson.h"

#define OUTBOX_METHOD_MAX 8
#define OUTBOX_PATH_MAX 256
#define OUTBOX_KEY_MAX (WIRE_IDEM_KEY_MAX + 1)
#define OUTBOX_FIRST_MS 2000L
#define OUTBOX_MAX_MS 60000L

/* Asking first is only of use while the service could still replay. */
_Static_assert(OUTBOX_VERIFY_SECONDS < WIRE_ANSWER_KEPT_SECONDS,
    "a write is asked about before the service stops replaying it");

struct outbox_item {
	struct outbox_item *next;
	struct outbox *o;
	/* The caller's call description with our deliver in its place. */
	struct api_call_def wrap;
	const struct api_call_def *def;
	void (*cb)(void);
	void *arg;
	char method[OUTBOX_METHOD_MAX];
	char path[OUTBOX_PATH_MAX];
	char key[OUTBOX_KEY_MAX];
	char *body;                /* sodium_malloc'd, body_len + 1 */
	size_t body_len;
	int tries;
	long long due_ms;
	long long queued_at;       /* time(): when it first failed */
	bool verify;               /* ask what became of the key first */
	bool restored;             /* put back from a draft */
	bool asking;               /* the question is the call in flight */
	bool dropped;              /* outbox_clear() while in flight */
	int kind;                  /* enum service_id, -1: outbox_add() */
};

struct outbox {
	struct api *a;
	struct outbox_item *head, **tail;
	struct outbox_item *inflight;
	struct outbox_item *orphan;  /* dropped while in flight */
	outbox_event_fn *ev;
	void *ev_arg;
};

static long long
outbox_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
outbox_item_free(struct outbox_item *it)
{
	if (it->body != NULL)
		sodium_free(it->body);   /* wipes */
	sodium_memzero(it, sizeof *it);
	free(it);
}

struct outbox *
outbox_new(struct api *a)
{
	struct outbox *o;

	if (a == NULL || sodium_init() < 0 || (o = calloc(1, sizeof *o)) == NULL)
		return NULL;
	o->a = a;
	o->tail = &o->head;
	return o;
}

void
outbox_free(struct outbox *o)
{
	struct outbox_item *it;

	if (o == NULL)
		return;
	while ((it = o->head) != NULL) {
		o->head = it->next;
		outbox_item_free(it);
	}
	if (o->orphan != NULL)
		outbox_item_free(o->orphan);
	free(o);
}

static void
outbox_unlink(struct outbox *o, struct outbox_item *it)
{
	struct outbox_item **pp;

	for (pp = &o->head; *pp != NULL; pp = &(*pp)->next)
		if (*pp == it) {
			*pp = it->next;
			if (o->tail == &it->next)
				o->tail = pp;
			it->next = NULL;
			return;
		}
}

bool
outbox_answered(const struct api_error *err)
{
	if (err == NULL || err->result == API_OK)
		return true;
	/* A refusal is the write's own only in the contract's shape (not
	 * "http_NNN": a proxy's page) and not "come back later". */
	return err->result == API_REFUSED &&
	    strncmp(err->code, "http_", 5) != 0 &&
	    err->http_status != 429 && err->http_status != 408;
}

static void
outbox_tell(struct outbox *o, enum outbox_event ev,
    const struct outbox_item *it, const struct api_error *err,
    const struct write_status *ws)
{
	struct outbox_entry e = {
		.kind = (enum service_id)(it->kind < 0 ? 0 : it->kind),
		.path = it->path, .body = it->body ? it->body : "",
		.idem_key = it->key, .queued_at = it->queued_at,
		.restored = it->restored,
	};

	if (o->ev != NULL)
		o->ev(o->ev_arg, ev, &e, err, ws);
}

/* Kept for another try: after a growing pause, or once signed in again
 * (an ended session is no failure of the write's). */
static void
outbox_again(struct outbox_item *it, const struct api_error *err)
{
	long pause = OUTBOX_FIRST_MS;

	/* Busy, or made way for the clerk's own call: again at once (the
	 * loop sends only when the api is free). */
	if (err->result == API_BUSY || err->result == API_SESSION_EXPIRED ||
	    err->result == API_CANCELLED) {
		it->due_ms = outbox_now_ms();
		return;
	}
	it->tries++;
	for (int i = 1; i < it->tries && pause < OUTBOX_MAX_MS; i++)
		pause *= 2;
	if (pause > OUTBOX_MAX_MS)
		pause = OUTBOX_MAX_MS;
	it->due_ms = outbox_now_ms() + pause;
}

/* The answer never came (the write may or may not be done), or the api
 * was not free: the same key again is safe, and nothing to tell. */
static bool
outbox_quiet(enum api_result r)
{
	return r == API_UNREACHABLE || r == API_TIMEOUT || r == API_BUSY ||
	    r == API_CANCELLED;
}

/* An item's call is over: false if it was dropped meanwhile (then it is
 * freed here and nothing else may touch it). */
static bool
outbox_landed(struct outbox *o, struct outbox_item *it)
{
	if (o->inflight == it)
		o->inflight = NULL;
	it->asking = false;
	if (!it->dropped)
		return true;
	if (o->orphan == it)
		o->orphan = NULL;
	outbox_item_free(it);
	return false;
}

/* The api's answer to a try: keep the item for another, or hand the
 * outcome to the caller. */
static void
outbox_deliver(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	struct outbox_item *it = arg;
	struct outbox *o = it->o;

	(void)cb;
	if (!outbox_landed(o, it))
		return;
	if (!outbox_answered(err)) {
		outbox_again(it, err);
		if (!outbox_quiet(err->result))
			outbox_tell(o, OUTBOX_HELD, it, err, NULL);
		return;
	}
	/* Out of the list first: the callback may queue another write. */
	outbox_unlink(o, it);
	it->def->deliver(it->cb, it->arg, err, res);
	outbox_item_free(it);
}

/* What became of the key (GET /v1/writes/{key}): done, and the item goes
 * unsent; unknown, and it is sent now (or, too old to tell, goes). */
static void
outbox_verified(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	struct outbox_item *it = arg;
	struct outbox *o = it->o;
	long long age;

	(void)cb;
	if (!outbox_landed(o, it))
		return;
	if (err == NULL || err->result == API_OK) {
		outbox_unlink(o, it);
		outbox_tell(o, OUTBOX_DONE_EARLIER, it, NULL, res);
		outbox_item_free(it);
		return;
	}
	if (err->result == API_REFUSED && strcmp(err->code, "write_unknown")
	    == 0) {
		age = (long long)time(NULL) - it->queued_at;
		if (age > WIRE_WRITE_KEPT_SECONDS) {
			outbox_unlink(o, it);
			outbox_tell(o, OUTBOX_TOO_OLD, it, NULL, NULL);
			outbox_item_free(it);
			return;
		}
		it->verify = false;
		it->due_ms = outbox_now_ms();
		return;
	}
	/* No answer to the question: asked again, like a write. */
	outbox_again(it, err);
	if (!outbox_quiet(err->result))
		outbox_tell(o, OUTBOX_HELD, it, err, NULL);
}

static int
outbox_decode_status(void *res, const char *body, size_t len,
    struct api_error *err)
{
	return apijson_decode_write_status(res, body, len, err);
}

static const struct api_call_def outbox_def_status = {
	.decode = outbox_decode_status,
	.res_size = sizeof(struct write_status),
	.deliver = outbox_verified,
	.background = true,
};

static struct outbox_item *
outbox_last(struct outbox *o)
{
	struct outbox_item *it = o->head;

	while (it != NULL && it->next != NULL)
		it = it->next;
	return it;
}

int
outbox_add(struct outbox *o, const struct api_call_def *def,
    const char *method, const char *path, const char *body,
    const char *idem_key, void (*cb)(void), void *arg)
{
	struct outbox_item *it;
	size_t len = body ? strlen(body) : 0;

	if (o == NULL || def == NULL || method == NULL || path == NULL ||
	    idem_key == NULL || !api_ref_ok(idem_key) ||
	    strlen(method) >= OUTBOX_METHOD_MAX ||
	    strlen(path) >= OUTBOX_PATH_MAX ||
	    strlen(idem_key) >= OUTBOX_KEY_MAX)
		return -1;
	if ((it = calloc(1, sizeof *it)) == NULL)
		return -1;
	if (body != NULL) {
		if ((it->body = sodium_malloc(len + 1)) == NULL) {
			free(it);
			return -1;
		}
		memcpy(it->body, body, len + 1);
		it->body_len = len;
	}
	it->o = o;
	it->kind = -1;
	it->def = def;
	it->wrap = *def;
	it->wrap.deliver = outbox_deliver;
	it->wrap.background = true;     /* the clerk's calls go first */
	it->cb = cb;
	it->arg = arg;
	snprintf(it->method, sizeof it->method, "%s", method);
	snprintf(it->path, sizeof it->path, "%s", path);
	snprintf(it->key, sizeof it->key, "%s", idem_key);
	it->queued_at = (long long)time(NULL);
	/* It has just failed: the first try from here waits a little. */
	it->due_ms = outbox_now_ms() + OUTBOX_FIRST_MS;
	*o->tail = it;
	o->tail = &it->next;
	return 0;
}

size_t
outbox_count(const struct outbox *o)
{
	size_t n = 0;

	for (const struct outbox_item *it = o ? o->head : NULL; it != NULL;
	    it = it->next)
		n++;
	return n;
}

bool
outbox_sending(const struct outbox *o)
{
	return o != NULL && o->inflight != NULL;
}

/* Whether the item must be asked about before it is sent again. */
static bool
outbox_must_ask(const struct outbox_item *it)
{
	return it->verify || (long long)time(NULL) - it->queued_at >
	    OUTBOX_VERIFY_SECONDS;
}

bool
outbox_poll(struct outbox *o)
{
	struct outbox_item *it;
	char *copy = NULL, path[sizeof "/v1/writes/" + OUTBOX_KEY_MAX];

	if (o == NULL || (it = o->head) == NULL || o->inflight != NULL ||
	    !api_signed_in(o->a) ||
	    api_busy(o->a) || outbox_now_ms() < it->due_ms)
		return false;
	o->inflight = it;
	if (outbox_must_ask(it)) {
		it->verify = true;
		it->asking = true;
		snprintf(path, sizeof path, "/v1/writes/%s", it->key);
		api_call(o->a, &outbox_def_status, NULL, it, "GET", path,
		    NULL, NULL);
		return true;
	}
	/* api_call() wipes and frees the body it is given: a copy. */
	if (it->body != NULL) {
		if ((copy = malloc(it->body_len + 1)) == NULL) {
			o->inflight = NULL;
			return false;
		}
		memcpy(copy, it->body, it->body_len + 1);
	}
	/* Not sent (the reason comes to outbox_deliver from the next
	 * api_perform) or sent: either way one delivery follows. */
	api_call(o->a, &it->wrap, it->cb, it, it->method, it->path, copy,
	    it->key);
	return true;
}

void
outbox_set_events(struct outbox *o, outbox_event_fn *fn, void *arg)
{
	if (o != NULL) {
		o->ev = fn;
		o->ev_arg = arg;
	}
}

void
outbox_clear(struct outbox *o)
{
	struct outbox_item *it;

	if (o == NULL)
		return;
	while ((it = o->head) != NULL) {
		o->head = it->next;
		if (it == o->inflight) {
			/* The api still holds it: freed when its answer
			 * comes (or with the api), without a callback. */
			it->dropped = true;
			it->next = NULL;
			o->inflight = NULL;
			o->orphan = it;
			if (it->body != NULL) {
				sodium_free(it->body);
				it->body = NULL;
			}
			continue;
		}
		outbox_item_free(it);
	}
	o->tail = &o->head;
}

void
outbox_retry_now(struct outbox *o)
{
	long long now = outbox_now_ms();

	for (struct outbox_item *it = o ? o->head : NULL; it != NULL;
	    it = it->next)
		it->due_ms = now;
}

long
outbox_due_in(const struct outbox *o)
{
	long long d;

	if (o == NULL || o->head == NULL)
		return -1;
	d = o->head->due_ms - outbox_now_ms();
	return d > 0 ? (long)d : 0;
}

/* ---- writes by kind ---------------------------------------------------- */

int
outbox_add_kind(struct outbox *o, enum service_id k, const char *path,
    const char *body, const char *idem_key, void (*cb)(void), void *arg)
{
	const struct api_call_def *def = api_write_def(k);

	if (o == NULL || def == NULL || !service_has(k, SERVICE_OUTBOX) ||
	    body == NULL || !api_write_path_ok(k, path) ||
	    outbox_add(o, def, "POST", path, body, idem_key, cb, arg) != 0)
		return -1;
	outbox_last(o)->kind = (int)k;
	return 0;
}

int
outbox_add_write(struct outbox *o, enum service_id id, const void *req,
    void (*cb)(void), void *arg)
{
	struct api_write_msg m;
	int rc;

	if (api_write_encode(id, req, &m) != 0)
		return -1;
	rc = m.idem_key != NULL && m.idem_key[0] != '\0' ?
	    outbox_add_kind(o, id, m.path, m.body, m.idem_key, cb, arg) : -1;
	api_wipe_free(m.body);
	return rc;
}

bool
outbox_entry(const struct outbox *o, size_t i, struct outbox_entry *e)
{
	const struct outbox_item *it = o ? o->head : NULL;

	while (it != NULL && i-- > 0)
		it = it->next;
	if (it == NULL || it->kind < 0 || it->body == NULL)
		return false;
	e->kind = (enum service_id)it->kind;
	e->path = it->path;
	e->body = it->body;
	e->idem_key = it->key;
	e->queued_at = it->queued_at;
	e->restored = it->restored;
	return true;
}

bool
outbox_has_key(const struct outbox *o, const char *idem_key)
{
	for (const struct outbox_item *it = o ? o->head : NULL; it != NULL;
	    it = it->next)
		if (idem_key != NULL && strcmp(it->key, idem_key) == 0)
			return true;
	return false;
}

int
outbox_add_entry(struct outbox *o, const struct outbox_entry *e,
    void (*cb)(void), void *arg)
{
	struct outbox_item *it;

	if (e == NULL || outbox_add_kind(o, e->kind, e->path, e->body,
	    e->idem_key, cb, arg) != 0)
		return -1;
	it = outbox_last(o);
	if (e->queued_at > 0)
		it->queued_at = e->queued_at;
	it->verify = it->restored = true;
	return 0;
}
