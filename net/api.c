/*
 * api.c -- the central service's calls (docs/api.md) over any transport.
 *
 * One call in flight per api: a counter serves one applicant, and one
 * pending answer is what the screen shows a spinner for.  Every outcome
 * reaches the caller through its callback from api_perform(), never from
 * inside the call, so a screen's state never changes under its own feet:
 * errors found before anything is sent (busy, not signed in, out of memory)
 * wait in a small queue for the next api_perform().
 *
 * Some calls are background work (the outbox's resends, the audit log's
 * anchors: api_call_def.background).  The clerk never waits for them: a
 * call of the clerk's made while one is in flight cancels it (its owner
 * gets API_CANCELLED and tries again later) and goes as soon as the
 * cancel is through; meanwhile it waits here, its body copied and wiped
 * after.
 *
 * The session token lives in sodium_malloc'd memory and is wiped on
 * sign-out, on 401 session_expired and in api_free().  A sign-in body (the
 * password) is wiped as soon as the transport has its own copy.  HTTP
 * statuses become api_result here, and only here.
 */
#include "net/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "forms/wire.h"
#include "net/api_internal.h"
#include "net/apijson.h"

#define API_TOKEN_BYTES (WIRE_TOKEN_MAX + 1)

enum api_call {
	CALL_SIGN_IN,
	CALL_SIGN_OUT,
	CALL_GENERIC,            /* described by an api_call_def */
};

/* Whom to tell, for any call. */
struct api_pending {
	enum api_call call;
	union {
		api_done_cb *done;
		api_staff_cb *staff;
		void (*any)(void);
	} cb;
	void *arg;
	const struct api_call_def *def;    /* CALL_GENERIC */
};

/* An error found before anything was sent, delivered by the next perform. */
struct api_deferred {
	struct api_deferred *next;
	struct api_pending who;
	struct api_error err;
};

/* The clerk's call waiting for a background call's cancel. */
struct api_queued {
	bool used;
	struct api_pending who;
	char method[8];
	char *path, *body;         /* malloc'd copies; the body wiped */
	bool body_needed, needs_session;
	char key[REF_MAX];
	bool has_key;
};

struct api {
	struct transport *t;
	char *token;               /* sodium_malloc'd, API_TOKEN_BYTES */
	bool has_token;
	int req_id;                /* transport id of the call in flight, or 0 */
	struct api_pending cur;
	struct api_queued next;
	struct api_deferred *deferred, **deferred_tail;
	/* api_free() from inside a callback: api_perform() is still on the
	 * stack and about to touch this api, so the free waits for it. */
	int in_perform;
	bool dead;
};

static void
api_drop_token(struct api *a)
{
	sodium_memzero(a->token, API_TOKEN_BYTES);
	a->has_token = false;
}

/* Call back with err and, on success, the decoded result (or NULL). */
static void
api_deliver(const struct api_pending *who, const struct api_error *err,
    const void *res)
{
	switch (who->call) {
	case CALL_SIGN_IN:
		who->cb.staff(who->arg, err, res);
		break;
	case CALL_SIGN_OUT:
		who->cb.done(who->arg, err);
		break;
	case CALL_GENERIC:
		who->def->deliver(who->cb.any, who->arg, err, res);
		break;
	}
}

static void
api_defer(struct api *a, const struct api_pending *who, enum api_result r,
    const char *code)
{
	struct api_deferred *d;

	/* Out of memory for even this: nothing can be reported later either;
	 * the caller's callback is lost, as the process will be shortly. */
	if ((d = calloc(1, sizeof *d)) == NULL)
		return;
	d->who = *who;
	d->err.result = r;
	if (code)
		snprintf(d->err.code, sizeof d->err.code, "%s", code);
	*a->deferred_tail = d;
	a->deferred_tail = &d->next;
}

struct api *
api_new(struct transport *t)
{
	struct api *a;

	if (t == NULL)
		return NULL;
	/* On failure t stays the caller's (tui/main.c frees it). */
	if (sodium_init() < 0 || (a = calloc(1, sizeof *a)) == NULL)
		return NULL;
	if ((a->token = sodium_malloc(API_TOKEN_BYTES)) == NULL) {
		free(a);
		return NULL;
	}
	sodium_memzero(a->token, API_TOKEN_BYTES);
	a->t = t;
	a->deferred_tail = &a->deferred;
	return a;
}

static void api_queued_drop(struct api *a);

static void
api_destroy(struct api *a)
{
	struct api_deferred *d;

	api_queued_drop(a);
	transport_free(a->t);
	while ((d = a->deferred) != NULL) {
		a->deferred = d->next;
		free(d);
	}
	api_drop_token(a);
	sodium_free(a->token);
	free(a);
}

/* A call in flight or deferred is dropped without its callback.  Called
 * from one of this api's callbacks, the token is wiped at once and the rest
 * waits until api_perform() returns; no other callback runs meanwhile. */
void
api_free(struct api *a)
{
	if (a == NULL)
		return;
	if (a->in_perform > 0) {
		a->dead = true;
		api_drop_token(a);
		return;
	}
	api_destroy(a);
}

int
api_wait(struct api *a, int extra_fd, int timeout_ms, int *extra_ready)
{
	/* Deferred errors are ready now: look at the terminal, do not sleep. */
	if (a->deferred != NULL)
		timeout_ms = 0;
	return transport_wait(a->t, extra_fd, timeout_ms, extra_ready);
}

void
api_perform(struct api *a)
{
	struct api_deferred *list = a->deferred, *d;

	/* Detach first: a callback may start a call that is deferred again. */
	a->deferred = NULL;
	a->deferred_tail = &a->deferred;
	a->in_perform++;
	while ((d = list) != NULL) {
		list = d->next;
		if (!a->dead)
			api_deliver(&d->who, &d->err, NULL);
		free(d);
	}
	if (!a->dead)
		transport_perform(a->t);
	a->in_perform--;
	if (a->dead && a->in_perform == 0)
		api_destroy(a);
}

bool
api_busy(const struct api *a)
{
	return a->req_id != 0;
}

void
api_cancel(struct api *a)
{
	/* The clerk's call waiting behind a background one is the clerk's
	 * call in flight: it is what Esc cancels. */
	if (a->next.used) {
		api_defer(a, &a->next.who, API_CANCELLED, NULL);
		api_queued_drop(a);
		return;
	}
	if (a->req_id != 0)
		transport_cancel(a->t, a->req_id);
}

bool
api_signed_in(const struct api *a)
{
	return a->has_token;
}

static enum api_result
api_from_transport(enum transport_err e)
{
	switch (e) {
	case TRANSPORT_OK:
		return API_OK;
	case TRANSPORT_CONNECT:
		return API_UNREACHABLE;
	case TRANSPORT_TLS:
	case TRANSPORT_PIN:
		return API_TLS;
	case TRANSPORT_TIMEOUT:
		return API_TIMEOUT;
	case TRANSPORT_TOO_LARGE:
		return API_BAD_REPLY;
	case TRANSPORT_CANCELLED:
		return API_CANCELLED;
	case TRANSPORT_INTERNAL:
		break;
	}
	return API_INTERNAL;
}

/* Turn a non-2xx answer into err.  The status decides the result; a body
 * in the contract's error shape only adds code, field and message.  A 4xx
 * body that is JSON the terminal must not read (a member named twice:
 * which code was meant?) is an unreadable reply, not a refusal. */
static void
api_refusal(struct api *a, enum api_call call,
    const struct transport_reply *reply, struct api_error *err)
{
	int st = reply->status;
	int shape = apijson_decode_error(err, st, reply->body,
	    reply->body_len);
	bool shaped = shape == 0;

	if (st == 401 && call == CALL_SIGN_IN) {
		err->result = API_REFUSED;
		if (!shaped)
			snprintf(err->code, sizeof err->code, "bad_credentials");
	} else if (st == 401) {
		err->result = API_SESSION_EXPIRED;
		if (!shaped) {
			snprintf(err->code, sizeof err->code, "session_expired");
			err->message[0] = '\0';
		}
		api_drop_token(a);
	} else if (st == 502 || st == 503 || st == 504 ||
	    (st >= 500 && st <= 599 && !shaped)) {
		/* A gateway or maintenance page, or a failure that is not the
		 * service's own refusal (a proxy's HTML "500"): the service was
		 * not reached or did nothing -- try again, the idempotency key
		 * makes that safe.  Keep the service's own words if it gave
		 * them. */
		err->result = API_UNREACHABLE;
		if (!shaped)
			err->message[0] = '\0';
	} else if (st < 400 || st > 599 || shape == -2) {
		/* 1xx, 3xx (redirects are never followed) or nonsense: not an
		 * answer of the contract at all. */
		err->result = API_BAD_REPLY;
		err->message[0] = '\0';
		err->field[0] = '\0';
	} else
		err->result = API_REFUSED;
}

/* The transport's answer to the call in flight. */
static void
api_on_reply_one(struct api *a, const struct transport_reply *reply)
{
	struct api_pending who;
	struct api_error err;
	struct staff staff;
	const void *out = NULL;
	void *gen = NULL;
	size_t gen_size = 0;
	int rc = 0;

	/* api_free() from an earlier callback of this perform. */
	if (a->dead)
		return;
	who = a->cur;
	a->req_id = 0;
	memset(&err, 0, sizeof err);
	snprintf(err.detail, sizeof err.detail, "%s", reply->detail);
	if (reply->err != TRANSPORT_OK) {
		static const char *const tls_codes[] = {
			[TRANSPORT_TLS_OTHER] = "tls_handshake",
			[TRANSPORT_TLS_EXPIRED] = "tls_expired",
			[TRANSPORT_TLS_UNTRUSTED] = "tls_untrusted",
			[TRANSPORT_TLS_SELF_SIGNED] = "tls_self_signed",
			[TRANSPORT_TLS_WRONG_HOST] = "tls_wrong_host",
			[TRANSPORT_TLS_PIN] = "tls_pin",
		};

		err.result = api_from_transport(reply->err);
		/* Which refusal, so the clerk can tell the help desk. */
		if (err.result == API_TLS && (unsigned)reply->tls <
		    sizeof tls_codes / sizeof tls_codes[0])
			snprintf(err.code, sizeof err.code, "%s",
			    tls_codes[reply->err == TRANSPORT_PIN ?
			    TRANSPORT_TLS_PIN : reply->tls]);
		if (err.detail[0] == '\0')
			snprintf(err.detail, sizeof err.detail, "%s",
			    transport_strerror(reply->err));
		api_deliver(&who, &err, NULL);
		return;
	}
	err.http_status = reply->status;
	if (who.call == CALL_SIGN_OUT && reply->status == 401) {
		/* The session was already dead: signed out all the same. */
		api_deliver(&who, &err, NULL);
		return;
	}
	if (reply->status < 200 || reply->status > 299) {
		api_refusal(a, who.call, reply, &err);
		err.http_status = reply->status;
		api_deliver(&who, &err, NULL);
		return;
	}
	switch (who.call) {
	case CALL_SIGN_IN:
		rc = apijson_decode_session(&staff, a->token,
		    API_TOKEN_BYTES, reply->body, reply->body_len, &err);
		if (rc == 0)
			a->has_token = true;
		out = &staff;
		break;
	case CALL_SIGN_OUT:
		break;
	case CALL_GENERIC:
		if (who.def->decode == NULL)
			break;
		gen_size = who.def->res_size;
		if ((gen = calloc(1, gen_size)) == NULL) {
			err.result = API_INTERNAL;
			api_deliver(&who, &err, NULL);
			return;
		}
		rc = who.def->decode(gen, reply->body, reply->body_len, &err);
		out = gen;
		break;
	}
	if (rc != 0) {
		err.result = API_BAD_REPLY;
		err.http_status = reply->status;
		out = NULL;
	}
	api_deliver(&who, &err, out);
	if (gen != NULL) {
		/* Not who.def: the callback may have freed it (an outbox
		 * item's call description dies with its delivery). */
		sodium_memzero(gen, gen_size);
		free(gen);
	}
}

static bool api_start(struct api *a, const struct api_pending *who,
    const char *method, const char *path, const char *body, bool body_needed,
    bool needs_session, const char *idem_key);

static void
api_queued_drop(struct api *a)
{
	if (a->next.body != NULL)
		api_wipe_free(a->next.body);
	free(a->next.path);
	sodium_memzero(&a->next, sizeof a->next);
}

static void
api_on_reply(void *arg, const struct transport_reply *reply)
{
	struct api *a = arg;
	struct api_queued q;

	api_on_reply_one(a, reply);
	/* The background call is out of the way: the clerk's goes. */
	if (a->dead || !a->next.used || a->req_id != 0)
		return;
	q = a->next;
	memset(&a->next, 0, sizeof a->next);
	api_start(a, &q.who, q.method, q.path, q.body, q.body_needed,
	    q.needs_session, q.has_key ? q.key : NULL);
	if (q.body != NULL)
		api_wipe_free(q.body);
	free(q.path);
	sodium_memzero(&q, sizeof q);
}

/* Whether the call in flight is background work that yields to who. */
static bool
api_yields(const struct api *a, const struct api_pending *who)
{
	return a->req_id != 0 && a->cur.call == CALL_GENERIC &&
	    a->cur.def != NULL && a->cur.def->background && !a->next.used &&
	    !(who->call == CALL_GENERIC && who->def != NULL &&
	    who->def->background);
}

/* Keep who's call until the background call's cancel is through. */
static bool
api_queue(struct api *a, const struct api_pending *who, const char *method,
    const char *path, const char *body, bool body_needed, bool needs_session,
    const char *idem_key)
{
	struct api_queued *q = &a->next;

	memset(q, 0, sizeof *q);
	q->who = *who;
	snprintf(q->method, sizeof q->method, "%s", method);
	q->path = strdup(path);
	q->body = body != NULL ? strdup(body) : NULL;
	if (q->path == NULL || (body != NULL && q->body == NULL) ||
	    (idem_key != NULL && strlen(idem_key) >= sizeof q->key)) {
		api_queued_drop(a);
		api_defer(a, who, API_INTERNAL, NULL);
		return false;
	}
	q->body_needed = body_needed;
	q->needs_session = needs_session;
	if (idem_key != NULL) {
		snprintf(q->key, sizeof q->key, "%s", idem_key);
		q->has_key = true;
	}
	q->used = true;
	transport_cancel(a->t, a->req_id);
	return true;
}

/* Send one call, or defer why it could not be sent (then false).  body may
 * be NULL for calls without one; body_needed says a NULL body is an encoder
 * failure. */
static bool
api_start(struct api *a, const struct api_pending *who, const char *method,
    const char *path, const char *body, bool body_needed, bool needs_session,
    const char *idem_key)
{
	struct transport_request req;
	int id;

	if (api_yields(a, who))
		return api_queue(a, who, method, path, body, body_needed,
		    needs_session, idem_key);
	if (a->req_id != 0 || a->next.used) {
		api_defer(a, who, API_BUSY, NULL);
		return false;
	}
	if (needs_session && !a->has_token) {
		api_defer(a, who, API_SESSION_EXPIRED, "session_expired");
		return false;
	}
	if (body_needed && body == NULL) {
		api_defer(a, who, API_INTERNAL, NULL);
		return false;
	}
	memset(&req, 0, sizeof req);
	req.method = method;
	req.path = path;
	req.token = needs_session ? a->token : NULL;
	req.idem_key = idem_key;
	req.body = body;
	req.body_len = body ? strlen(body) : 0;
	id = transport_submit(a->t, &req, api_on_reply, a);
	if (id < 0) {
		api_defer(a, who, API_INTERNAL, NULL);
		return false;
	}
	a->req_id = id;
	a->cur = *who;
	return true;
}

/* Free an encoded body after wiping it: it may hold a password or a card
 * number. */
void
api_wipe_free(char *body)
{
	if (body != NULL) {
		sodium_memzero(body, strlen(body));
		free(body);
	}
}

void
api_sign_in(struct api *a, const char *staff_id, const char *password,
    const char *counter, api_staff_cb *cb, void *arg)
{
	struct api_pending who = { .call = CALL_SIGN_IN, .cb.staff = cb,
	    .arg = arg };
	char *body = NULL;

	if (staff_id && password)
		body = apijson_encode_sign_in(staff_id, password, counter);
	api_start(a, &who, "POST", "/v1/sessions", body, true, false, NULL);
	api_wipe_free(body);
}

void
api_sign_out(struct api *a, api_done_cb *cb, void *arg)
{
	struct api_pending who = { .call = CALL_SIGN_OUT, .cb.done = cb,
	    .arg = arg };

	/* The transport holds its own copy for this one request; here the
	 * session ends now, whatever the service answers.  Only if the DELETE
	 * really went out: refused at once (busy with another call), the
	 * session is still open on the service and still ours to close. */
	if (api_start(a, &who, "DELETE", "/v1/sessions/current", NULL, false,
	    true, NULL))
		api_drop_token(a);
}

static int
api_decode_identity(void *res, const char *body, size_t len,
    struct api_error *err)
{
	return apijson_decode_identity(res, body, len, err);
}

static void
api_deliver_identity(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_identity_cb *)cb)(arg, err, res);
}

static const struct api_call_def api_def_identity = {
	.decode = api_decode_identity,
	.res_size = sizeof(struct identity_result),
	.deliver = api_deliver_identity,
	.body = true,
};

void
api_identity_check(struct api *a, const struct identity_request *req,
    api_identity_cb *cb, void *arg)
{
	api_call(a, &api_def_identity, (void (*)(void))cb, arg, "POST",
	    "/v1/identity-checks", req ? apijson_encode_identity(req) : NULL,
	    NULL);
}

/* Identifiers from the service go into a path: only their documented
 * characters, so one can never add a path segment or a query. */
bool
api_ref_ok(const char *s)
{
	size_t n = 0;

	if (s == NULL)
		return false;
	for (; s[n]; n++)
		if (!((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= '0' && s[n] <= '9') || s[n] == '-' || s[n] == '_' ||
		    s[n] == '.'))
			return false;
	return n > 0 && n < REF_MAX && strcmp(s, ".") != 0 &&
	    strcmp(s, "..") != 0;
}

static int
api_decode_person(void *res, const char *body, size_t len,
    struct api_error *err)
{
	return apijson_decode_person(res, body, len, err);
}

static void
api_deliver_person(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_person_cb *)cb)(arg, err, res);
}

static const struct api_call_def api_def_person = {
	.decode = api_decode_person,
	.res_size = sizeof(struct person),
	.deliver = api_deliver_person,
};

void
api_person_get(struct api *a, const char *person_id, api_person_cb *cb,
    void *arg)
{
	char buf[64];
	const char *path = NULL;   /* a bad identifier: refused by api_call */

	if (api_ref_ok(person_id)) {
		snprintf(buf, sizeof buf, "/v1/persons/%s", person_id);
		path = buf;
	}
	api_call(a, &api_def_person, (void (*)(void))cb, arg, "GET", path,
	    NULL, NULL);
}

/* The Idempotency-Key a write goes with: the caller's, kept for retries,
 * or a fresh one in key.  Without the caller's key a retry could not be
 * recognised, but the write still needs one: a fresh key is the safe
 * default.  A key that is not a plain token (a CR or LF would be a header
 * of its own) is refused (NULL), not replaced: replacing it would lose
 * the retry. */
const char *
api_idem_resolve(const char *given, char key[37])
{
	if (given && given[0])
		return api_ref_ok(given) ? given : NULL;
	api_idempotency_key(key);
	return key;
}

bool
api_call(struct api *a, const struct api_call_def *def, void (*cb)(void),
    void *arg, const char *method, const char *path, char *body,
    const char *idem_key)
{
	struct api_pending who = { .call = CALL_GENERIC, .cb.any = cb,
	    .arg = arg, .def = def };
	char key[37];
	const char *idem = NULL;
	bool ok = false;

	if (def->write && (idem = api_idem_resolve(idem_key, key)) == NULL)
		api_defer(a, &who, API_INTERNAL, NULL);
	else if (path == NULL)
		api_defer(a, &who, API_INTERNAL, NULL);
	else
		ok = api_start(a, &who, method, path, body, def->body, true,
		    idem);
	api_wipe_free(body);
	return ok;
}

/* Calls whose answer is an application (the receipt). */
static int
api_decode_app(void *res, const char *body, size_t len, struct api_error *err)
{
	return apijson_decode_application(res, body, len, err);
}

static void
api_deliver_app(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_application_cb *)cb)(arg, err, res);
}

const struct api_call_def api_def_application = {
	.decode = api_decode_app,
	.res_size = sizeof(struct application),
	.deliver = api_deliver_app,
	.write = true,
	.body = true,
};

void
api_idempotency_key(char out[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	size_t i, o = 0;

	randombytes_buf(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);   /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);   /* RFC 4122 variant */
	for (i = 0; i < sizeof b; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 0x0f];
	}
	out[o] = '\0';
}

const char *
api_result_name(enum api_result r)
{
	static const char *const names[] = {
		[API_OK] = "ok",
		[API_REFUSED] = "refused",
		[API_SESSION_EXPIRED] = "session_expired",
		[API_UNREACHABLE] = "unreachable",
		[API_TLS] = "tls",
		[API_TIMEOUT] = "timeout",
		[API_BAD_REPLY] = "bad_reply",
		[API_CANCELLED] = "cancelled",
		[API_BUSY] = "busy",
		[API_INTERNAL] = "internal",
	};

	if ((unsigned)r >= sizeof names / sizeof names[0] || names[r] == NULL)
		return "unknown";
	return names[r];
}
