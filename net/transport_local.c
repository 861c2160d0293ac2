/*
 * transport_local.c -- the in-process transport (--demo, unit tests).
 *
 * Requests wait in a queue until latency_ms has passed on CLOCK_MONOTONIC;
 * only transport_perform() hands them to the handler and calls back, so the
 * screens go through exactly the asynchronous path they use over HTTPS
 * (spinner, keys still work, Esc cancels).  wait() is poll() on the
 * terminal with the timeout cut short to the next due request.  Copies of
 * the request (token, body: possibly a password) are wiped when freed.
 */
#include "net/transport_local.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

struct local_req {
	struct local_req *next;
	int id;
	bool cancelled;
	long long due_ms;
	char *method, *path, *token, *idem_key, *body;
	size_t body_len;
	transport_cb *cb;
	void *arg;
};

struct local {
	struct transport base;     /* first: a struct transport * is ours */
	transport_local_fn *fn;
	void *ctx;
	int latency_ms;
	int next_id;
	struct local_req *head, *tail;  /* in submission order */
	/* transport_free() from inside a callback: perform() is still on the
	 * stack, so the free waits for it and no further callback runs. */
	int in_perform;
	bool dead;
};

static long long
local_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Copy a string that may be NULL; *ok goes false if memory ran out. */
static char *
local_strdup(const char *s, bool *ok)
{
	char *p;

	if (s == NULL)
		return NULL;
	if ((p = strdup(s)) == NULL)
		*ok = false;
	return p;
}

static void
local_wipe_free(char *s, size_t len)
{
	if (s == NULL)
		return;
	sodium_memzero(s, len);
	free(s);
}

static void
local_req_free(struct local_req *r)
{
	if (r == NULL)
		return;
	free(r->method);
	free(r->path);
	local_wipe_free(r->token, r->token ? strlen(r->token) : 0);
	free(r->idem_key);
	local_wipe_free(r->body, r->body_len);
	free(r);
}

static int
local_submit(struct transport *t, const struct transport_request *req,
    transport_cb *cb, void *arg)
{
	struct local *l = (struct local *)t;
	struct local_req *r;
	bool ok = true;

	if ((r = calloc(1, sizeof *r)) == NULL)
		return -1;
	r->method = local_strdup(req->method ? req->method : "GET", &ok);
	r->path = local_strdup(req->path ? req->path : "/", &ok);
	r->token = local_strdup(req->token, &ok);
	r->idem_key = local_strdup(req->idem_key, &ok);
	if (req->body != NULL) {
		/* One more byte so the handler may treat it as a string. */
		if ((r->body = malloc(req->body_len + 1)) == NULL)
			ok = false;
		else {
			memcpy(r->body, req->body, req->body_len);
			r->body[req->body_len] = '\0';
			r->body_len = req->body_len;
		}
	}
	if (!ok) {
		local_req_free(r);
		return -1;
	}
	if (l->next_id == 0x7fffffff)
		l->next_id = 0;
	r->id = ++l->next_id;
	r->due_ms = local_now_ms() + l->latency_ms;
	r->cb = cb;
	r->arg = arg;
	if (l->tail)
		l->tail->next = r;
	else
		l->head = r;
	l->tail = r;
	return r->id;
}

static void
local_cancel(struct transport *t, int id)
{
	struct local *l = (struct local *)t;
	struct local_req *r;

	for (r = l->head; r != NULL; r = r->next)
		if (r->id == id)
			r->cancelled = true;  /* reported by the next perform */
}

static int
local_wait(struct transport *t, int extra_fd, int timeout_ms, int *extra_ready)
{
	struct local *l = (struct local *)t;
	struct local_req *r;
	struct pollfd pfd;
	long long now = local_now_ms();
	int n;

	for (r = l->head; r != NULL; r = r->next) {
		long long left = r->cancelled ? 0 : r->due_ms - now;

		if (left < 0)
			left = 0;
		if (timeout_ms < 0 || left < timeout_ms)
			timeout_ms = (int)left;
	}
	pfd.fd = extra_fd;
	pfd.events = POLLIN;
	pfd.revents = 0;
	n = poll(&pfd, extra_fd >= 0 ? 1 : 0, timeout_ms);
	if (n < 0)
		return errno == EINTR ? 0 : -1;
	*extra_ready = extra_fd >= 0 &&
	    (pfd.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) != 0;
	return 0;
}

static void local_destroy(struct local *l);

static void
local_perform(struct transport *t)
{
	struct local *l = (struct local *)t;
	struct local_req *r, **pp, *done = NULL, **dtail = &done;
	long long now = local_now_ms();

	l->in_perform++;
	/* Take the due and cancelled requests off the queue first: callbacks
	 * may submit or cancel, and must find a consistent queue. */
	l->tail = NULL;
	for (pp = &l->head; (r = *pp) != NULL;) {
		if (r->cancelled || r->due_ms <= now) {
			*pp = r->next;
			r->next = NULL;
			*dtail = r;
			dtail = &r->next;
		} else {
			l->tail = r;
			pp = &r->next;
		}
	}
	while ((r = done) != NULL) {
		struct transport_reply reply;
		char *body = NULL;
		size_t body_len = 0;
		int status = 0;

		done = r->next;
		if (l->dead) {
			/* transport_free() from a callback: dropped, no callback. */
			local_req_free(r);
			continue;
		}
		memset(&reply, 0, sizeof reply);
		if (r->cancelled)
			reply.err = TRANSPORT_CANCELLED;
		else {
			struct transport_request req = {
				.method = r->method, .path = r->path,
				.token = r->token, .idem_key = r->idem_key,
				.body = r->body, .body_len = r->body_len,
			};

			if (l->fn(l->ctx, &req, &status, &body, &body_len) != 0) {
				reply.err = TRANSPORT_CONNECT;
				strcpy(reply.detail, "local handler failed");
				local_wipe_free(body, body ? body_len : 0);
				body = NULL;
				body_len = 0;
			} else {
				reply.err = TRANSPORT_OK;
				reply.status = status;
				reply.body = body ? body : "";
				reply.body_len = body ? body_len : 0;
			}
		}
		r->cb(r->arg, &reply);
		local_wipe_free(body, body_len);
		local_req_free(r);
	}
	l->in_perform--;
	if (l->dead && l->in_perform == 0)
		local_destroy(l);
}

static int
local_pending(const struct transport *t)
{
	const struct local *l = (const struct local *)t;
	const struct local_req *r;
	int n = 0;

	for (r = l->head; r != NULL; r = r->next)
		n++;
	return n;
}

static void
local_destroy(struct local *l)
{
	struct local_req *r;

	while ((r = l->head) != NULL) {
		l->head = r->next;
		local_req_free(r);
	}
	free(l);
}

/* Requests still queued are dropped without their callbacks; from inside a
 * callback, also those perform() has not called back yet. */
static void
local_free(struct transport *t)
{
	struct local *l = (struct local *)t;

	if (l->in_perform > 0) {
		l->dead = true;
		return;
	}
	local_destroy(l);
}

static const struct transport_ops local_ops = {
	.submit = local_submit,
	.cancel = local_cancel,
	.wait = local_wait,
	.perform = local_perform,
	.pending = local_pending,
	.free = local_free,
};

struct transport *
transport_local_new(transport_local_fn *fn, void *ctx, int latency_ms)
{
	struct local *l;

	if (fn == NULL || (l = calloc(1, sizeof *l)) == NULL)
		return NULL;
	l->base.ops = &local_ops;
	l->fn = fn;
	l->ctx = ctx;
	l->latency_ms = latency_ms < 0 ? 0 : latency_ms;
	return &l->base;
}
