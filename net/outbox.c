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
#define OUTBOX_KEY_MAX 129
#define OUTBOX_FIRST_MS 2000L
#define OUTBOX_MAX_MS 60000L

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
	bool dropped;              /* outbox_clear() while in flight */
};

struct outbox {
	struct api *a;
	struct outbox_item *head, **tail;
	struct outbox_item *inflight;
	struct outbox_item *orphan;  /* dropped while in flight */
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

static bool
outbox_retryable(enum api_result r)
{
	/* The answer never came (the write may or may not be done), or the
	 * api was not free: the same key again is safe. */
	return r == API_UNREACHABLE || r == API_TIMEOUT || r == API_BUSY ||
	    r == API_CANCELLED;
}

/* The api's answer to a try: keep the item for another, or hand the
 * outcome to the caller. */
static void
outbox_deliver(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	struct outbox_item *it = arg;
	struct outbox *o = it->o;
	long pause;

	(void)cb;
	if (o->inflight == it)
		o->inflight = NULL;
	if (it->dropped) {
		if (o->orphan == it)
			o->orphan = NULL;
		outbox_item_free(it);
		return;
	}
	if (err != NULL && outbox_retryable(err->result)) {
		if (err->result != API_BUSY)
			it->tries++;
		pause = OUTBOX_FIRST_MS;
		for (int i = 1; i < it->tries && pause < OUTBOX_MAX_MS; i++)
			pause *= 2;
		if (pause > OUTBOX_MAX_MS)
			pause = OUTBOX_MAX_MS;
		it->due_ms = outbox_now_ms() + (err->result == API_BUSY ? 0 :
		    pause);
		return;
	}
	/* Out of the list first: the callback may queue another write. */
	outbox_unlink(o, it);
	it->def->deliver(it->cb, it->arg, err, res);
	outbox_item_free(it);
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
	it->def = def;
	it->wrap = *def;
	it->wrap.deliver = outbox_deliver;
	it->cb = cb;
	it->arg = arg;
	snprintf(it->method, sizeof it->method, "%s", method);
	snprintf(it->path, sizeof it->path, "%s", path);
	snprintf(it->key, sizeof it->key, "%s", idem_key);
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

bool
outbox_poll(struct outbox *o)
{
	struct outbox_item *it;
	char *copy = NULL;

	if (o == NULL || (it = o->head) == NULL || o->inflight != NULL ||
	    !api_signed_in(o->a) ||
	    api_busy(o->a) || outbox_now_ms() < it->due_ms)
		return false;
	/* api_call() wipes and frees the body it is given: a copy. */
	if (it->body != NULL) {
		if ((copy = malloc(it->body_len + 1)) == NULL)
			return false;
		memcpy(copy, it->body, it->body_len + 1);
	}
	o->inflight = it;
	/* Not sent (the reason comes to outbox_deliver from the next
	 * api_perform) or sent: either way one delivery follows. */
	api_call(o->a, &it->wrap, it->cb, it, it->method, it->path, copy,
	    it->key);
	return true;
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

int
outbox_add_medical(struct outbox *o, const struct medical_request *req,
    api_application_cb *cb, void *arg)
{
	char *body;
	int rc;

	if (req == NULL || req->idem_key == NULL || req->idem_key[0] == '\0')
		return -1;
	if ((body = apijson_encode_medical(req)) == NULL)
		return -1;
	rc = outbox_add(o, &api_def_application, "POST",
	    "/v1/applications/medical-activation", body, req->idem_key,
	    (void (*)(void))cb, arg);
	api_wipe_free(body);
	return rc;
}
