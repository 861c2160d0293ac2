/*
 * test_outbox.c -- writes waiting for the central service (net/outbox.c),
 * over the in-process transport against a fake service that can be down.
 *
 * Proven: a queued write is not sent at once, nor while the api is busy
 * or signed out; while the service is down it stays (count 1) and the
 * next try waits longer; when the service is back it goes with the same
 * Idempotency-Key and body and its callback runs once with the result;
 * a refusal is handed over and the write is gone; writes go in order, one
 * at a time; any call description works (generic); a card write queued
 * by kind goes to its path with its key and is written down (entry) as the
 * draft keeps it; one queued again from what was written goes the same,
 * and a path not of its kind is refused.
 *
 * A write leaves only on its own answer: a 401 (the session ended: the
 * service restarted, or it expired during the outage), an unreadable
 * answer, a 429 or a 4xx that is not the service's refusal keep it, told
 * as OUTBOX_HELD, and it goes again with the same key once signed in
 * again.  A write put back from a draft is asked about first (GET
 * /v1/writes/{key}): done, it goes unsent (OUTBOX_DONE_EARLIER, never a
 * second "accepted"); unknown, it is sent; older than the service's
 * memory, it is never sent (OUTBOX_TOO_OLD).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "net/api_internal.h"
#include "net/outbox.h"
#include "net/transport_local.h"

struct fake {
	int down;               /* requests fail as if unreachable */
	int status;             /* answer to a write (0: 201) */
	const char *answer;     /* its body instead of the usual one */
	const char *done_key;   /* GET /v1/writes/{this} says done */
	int asked;              /* GET /v1/writes/... that arrived */
	int writes;             /* writes that arrived */
	char idem[8][64];
	char body[8][128];
	char path[8][64];
};

static const char app_answer[] =
    "{\"application_id\":\"FA-20261122-0001\",\"service\":"
    "\"financial-activation\",\"status\":\"completed\",\"created_at\":"
    "\"2026-11-22T13:13:14+08:00\",\"next_steps\":\"Done.\",\"card\":"
    "{\"card_id\":\"A0-17\",\"number_masked\":\"A0****017\",\"bank\":"
    "\"ICBC\",\"state\":\"normal\",\"ss\":\"active\",\"fin\":\"active\","
    "\"received_on\":\"2026-07-25\",\"deadline\":\"2027-05-21\"}}";

static int
fake_service(void *ctx, const struct transport_request *req, int *status,
    char **body, size_t *body_len)
{
	static const char session[] =
	    "{\"token\":\"tok-1\",\"expires_in\":28800,"
	    "\"staff\":{\"staff_id\":\"clerk01\",\"name\":\"X\","
	    "\"role\":\"clerk\",\"counter\":\"C-03\"}}";
	struct fake *f = ctx;
	const char *answer = "{}";

	if (strcmp(req->path, "/v1/sessions") == 0) {
		*status = 201;
		answer = session;
	} else if (f->down) {
		return -1;
	} else if (strncmp(req->path, "/v1/writes/", 11) == 0) {
		f->asked++;
		if (f->done_key != NULL && strcmp(req->path + 11,
		    f->done_key) == 0) {
			*status = 200;
			answer = "{\"key\":\"k\",\"state\":\"done\","
			    "\"application_id\":\"FA-20261122-0001\","
			    "\"status\":\"completed\"}";
		} else {
			*status = 404;
			answer = "{\"code\":\"write_unknown\",\"message\":"
			    "\"m\"}";
		}
	} else {
		int i = f->writes++ % 8;

		snprintf(f->idem[i], sizeof f->idem[i], "%s",
		    req->idem_key ? req->idem_key : "");
		snprintf(f->body[i], sizeof f->body[i], "%.*s",
		    (int)req->body_len, req->body ? req->body : "");
		snprintf(f->path[i], sizeof f->path[i], "%s", req->path);
		*status = f->status ? f->status : 201;
		if (strncmp(req->path, "/v1/applications/", 17) == 0)
			answer = app_answer;
		if (*status >= 400)
			answer = "{\"code\":\"card_lost\",\"message\":\"m\"}";
		if (f->answer != NULL)
			answer = f->answer;
	}
	*body = strdup(answer);
	*body_len = strlen(answer);
	return *body ? 0 : -1;
}

/* A write whose answer has no body to decode: the outbox is generic. */
struct done {
	int calls;
	enum api_result result;
	char code[48];
};

typedef void done_cb(void *arg, const struct api_error *err);

static void
deliver_done(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	(void)res;
	((done_cb *)cb)(arg, err);
}

static const struct api_call_def def_write = {
	.decode = NULL, .res_size = 0, .deliver = deliver_done,
	.write = true, .body = true,
};

static void
on_done(void *arg, const struct api_error *err)
{
	struct done *d = arg;

	d->calls++;
	d->result = err->result;
	snprintf(d->code, sizeof d->code, "%s", err->code);
}

static void
on_staff(void *arg, const struct api_error *err, const struct staff *s)
{
	*(int *)arg = err->result == API_OK ? 1 : -1;
}

/* Turn the loop: poll the outbox, wait a little, perform. */
static void
spin(struct api *a, struct outbox *o, int rounds)
{
	int ready;

	for (int i = 0; i < rounds; i++) {
		outbox_poll(o);
		assert_int_equal(api_wait(a, -1, 5, &ready), 0);
		api_perform(a);
	}
}

static struct api *
open_signed_in(struct fake *f)
{
	struct api *a = api_new(transport_local_new(fake_service, f, 0));
	int ok = 0, ready;

	assert_non_null(a);
	api_sign_in(a, "clerk01", "pw", "C-03", on_staff, &ok);
	while (ok == 0) {
		assert_int_equal(api_wait(a, -1, 5, &ready), 0);
		api_perform(a);
	}
	assert_int_equal(ok, 1);
	return a;
}

static void
test_waits_then_drains(void **state)
{
	struct fake f = { .down = 1 };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct done d = { 0 };
	long first;

	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things",
	    "{\"bank_card\":\"6222020200112233446\"}", "key-1",
	    (void (*)(void))on_done, &d), 0);
	assert_int_equal(outbox_count(o), 1);
	assert_true(outbox_due_in(o) > 0);       /* not at once */
	spin(a, o, 5);
	assert_int_equal(f.writes, 0);

	/* Still down: it stays, and the next try is further off. */
	outbox_retry_now(o);
	spin(a, o, 5);
	assert_int_equal(d.calls, 0);
	assert_int_equal(outbox_count(o), 1);
	first = outbox_due_in(o);
	assert_true(first > 1000);
	outbox_retry_now(o);
	spin(a, o, 5);
	assert_true(outbox_due_in(o) > first);   /* backs off */
	assert_int_equal(outbox_count(o), 1);

	/* Back: it goes, once, with its key and body; the count drains. */
	f.down = 0;
	outbox_retry_now(o);
	spin(a, o, 5);
	assert_int_equal(d.calls, 1);
	assert_int_equal(d.result, API_OK);
	assert_int_equal(f.writes, 1);
	assert_string_equal(f.idem[0], "key-1");
	assert_string_equal(f.body[0], "{\"bank_card\":\"6222020200112233446\"}");
	assert_int_equal(outbox_count(o), 0);
	assert_int_equal(outbox_due_in(o), -1);
	api_free(a);
	outbox_free(o);
}

static void
test_refusal_handed_over(void **state)
{
	struct fake f = { .status = 422 };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct done d = { 0 };

	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things", "{}",
	    "key-2", (void (*)(void))on_done, &d), 0);
	outbox_retry_now(o);
	spin(a, o, 5);
	assert_int_equal(d.calls, 1);
	assert_int_equal(d.result, API_REFUSED);
	assert_string_equal(d.code, "card_lost");
	assert_int_equal(outbox_count(o), 0);
	api_free(a);
	outbox_free(o);
}

static void
test_in_order_one_at_a_time(void **state)
{
	struct fake f = { 0 };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct done d1 = { 0 }, d2 = { 0 };

	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things",
	    "{\"n\":1}", "key-a", (void (*)(void))on_done, &d1), 0);
	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things",
	    "{\"n\":2}", "key-b", (void (*)(void))on_done, &d2), 0);
	assert_int_equal(outbox_count(o), 2);
	outbox_retry_now(o);
	assert_true(outbox_poll(o));
	assert_true(outbox_sending(o));
	assert_false(outbox_poll(o));            /* one in flight at most */
	spin(a, o, 10);
	assert_int_equal(d1.calls, 1);
	assert_int_equal(d2.calls, 1);
	assert_string_equal(f.idem[0], "key-a");
	assert_string_equal(f.idem[1], "key-b");
	assert_int_equal(outbox_count(o), 0);

	/* Refused outright: no key, a key that is not a plain token. */
	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things", "{}",
	    "bad\r\nkey", (void (*)(void))on_done, &d1), -1);
	assert_int_equal(outbox_count(o), 0);
	api_free(a);
	outbox_free(o);
}

/* Signing out drops what waits, also a write in flight: no callback. */
static void
test_clear(void **state)
{
	struct fake f = { 0 };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct done d1 = { 0 }, d2 = { 0 };

	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things", "{}",
	    "key-c", (void (*)(void))on_done, &d1), 0);
	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things", "{}",
	    "key-d", (void (*)(void))on_done, &d2), 0);
	outbox_retry_now(o);
	assert_true(outbox_poll(o));
	outbox_clear(o);
	assert_int_equal(outbox_count(o), 0);
	assert_false(outbox_sending(o));
	spin(a, o, 5);
	assert_int_equal(d1.calls, 0);
	assert_int_equal(d2.calls, 0);
	assert_int_equal(f.writes, 1);           /* the one already sent */

	/* And one dropped in flight whose answer never comes. */
	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things", "{}",
	    "key-e", (void (*)(void))on_done, &d1), 0);
	outbox_retry_now(o);
	assert_true(outbox_poll(o));
	outbox_clear(o);
	api_free(a);
	outbox_free(o);                          /* frees it: no leak */
	assert_int_equal(d1.calls, 0);
}

/* Signed out: nothing goes (it would only come back session_expired). */
static void
test_not_while_signed_out(void **state)
{
	struct fake f = { 0 };
	struct api *a = api_new(transport_local_new(fake_service, &f, 0));
	struct outbox *o = outbox_new(a);
	struct done d = { 0 };

	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things", "{}",
	    "key-3", (void (*)(void))on_done, &d), 0);
	outbox_retry_now(o);
	assert_false(outbox_poll(o));
	assert_int_equal(outbox_count(o), 1);
	api_free(a);
	outbox_free(o);                          /* frees what waits */
}

/* A non-medical write through the generic path by kind. */
struct app_done {
	int calls;
	enum api_result result;
	char application_id[64];
};

static void
on_application(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct app_done *d = arg;

	d->calls++;
	d->result = err ? err->result : API_OK;
	if (res != NULL)
		snprintf(d->application_id, sizeof d->application_id, "%s",
		    res->application_id);
}

static void
test_card_write_by_kind(void **state)
{
	struct fake f = { .down = 1 };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct app_done d = { 0 };
	struct outbox_entry e;
	struct card_request req = {
		.check_id = "CHK-1", .card_id = "A0-17",
		.bank_card = "6222020200112233446", .idem_key = "key-fin",
	};

	assert_int_equal(outbox_add_write(o, SERVICE_FINANCIAL, &req,
	    (void (*)(void))on_application, &d), 0);
	/* Not a write that may wait (the PIN reset), not a write at all, or
	 * no key: nothing queued. */
	assert_int_equal(outbox_add_write(o, SERVICE_PIN_RESET, &req,
	    (void (*)(void))on_application, &d), -1);
	assert_int_equal(outbox_add_write(o, SERVICE_QUERY, &req,
	    (void (*)(void))on_application, &d), -1);
	req.idem_key = NULL;
	assert_int_equal(outbox_add_write(o, SERVICE_NEW_CARD, &req,
	    (void (*)(void))on_application, &d), -1);
	assert_int_equal(outbox_count(o), 1);
	assert_true(outbox_has_key(o, "key-fin"));
	assert_false(outbox_has_key(o, "key-other"));

	/* Written down as the draft keeps it. */
	assert_true(outbox_entry(o, 0, &e));
	assert_int_equal(e.kind, SERVICE_FINANCIAL);
	assert_string_equal(e.path, "/v1/applications/financial-activation");
	assert_string_equal(e.idem_key, "key-fin");
	assert_non_null(strstr(e.body, "6222020200112233446"));
	assert_false(outbox_entry(o, 1, &e));
	assert_string_equal(service_wire(e.kind), "financial-activation");

	outbox_retry_now(o);
	spin(a, o, 5);
	assert_int_equal(d.calls, 0);
	assert_int_equal(outbox_count(o), 1);

	f.down = 0;
	outbox_retry_now(o);
	spin(a, o, 5);
	assert_int_equal(d.calls, 1);
	assert_int_equal(d.result, API_OK);
	assert_string_equal(d.application_id, "FA-20261122-0001");
	assert_int_equal(f.writes, 1);
	assert_string_equal(f.idem[0], "key-fin");
	assert_string_equal(f.path[0], "/v1/applications/financial-activation");
	assert_int_equal(outbox_count(o), 0);
	api_free(a);
	outbox_free(o);
}

/* A write written down and queued again (after a crash) goes as before;
 * a path that is not its kind's is refused. */
static void
test_requeue_from_entry(void **state)
{
	struct fake f = { 0 };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct app_done d = { 0 };

	assert_int_equal(outbox_add_kind(o, SERVICE_NEWBORN,
	    "/v1/applications/medical-activation", "{}", "key-nb",
	    (void (*)(void))on_application, &d), -1);
	assert_int_equal(outbox_add_kind(o, SERVICE_DECISION,
	    "/v1/approvals/../x", "{}", "key-de",
	    (void (*)(void))on_application, &d), -1);
	assert_int_equal(outbox_add_kind(o, SERVICE_REPLACEMENT,
	    "/v1/applications/card-replacement", "{\"check_id\":\"C\"}",
	    "key-rep", (void (*)(void))on_application, &d), 0);
	assert_int_equal(outbox_count(o), 1);
	outbox_retry_now(o);
	spin(a, o, 5);
	assert_int_equal(d.calls, 1);
	assert_int_equal(d.result, API_OK);
	assert_string_equal(f.idem[0], "key-rep");
	assert_string_equal(f.path[0], "/v1/applications/card-replacement");
	assert_string_equal(f.body[0], "{\"check_id\":\"C\"}");
	api_free(a);
	outbox_free(o);
}


/* What the outbox told besides answers. */
struct told {
	int held, done_earlier, too_old;
	enum api_result last;
	char code[48], made[64], key[64];
};

static void
on_event(void *arg, enum outbox_event ev, const struct outbox_entry *e,
    const struct api_error *err, const struct write_status *ws)
{
	struct told *t = arg;

	snprintf(t->key, sizeof t->key, "%s", e->idem_key);
	switch (ev) {
	case OUTBOX_HELD:
		t->held++;
		t->last = err->result;
		snprintf(t->code, sizeof t->code, "%s", err->code);
		break;
	case OUTBOX_DONE_EARLIER:
		t->done_earlier++;
		snprintf(t->made, sizeof t->made, "%s", ws->application_id);
		break;
	case OUTBOX_TOO_OLD:
		t->too_old++;
		break;
	}
}

/* Sign in again on the same api (after a 401 dropped the token). */
static void
sign_in_again(struct api *a)
{
	int ok = 0, ready;

	api_sign_in(a, "clerk01", "pw", "C-03", on_staff, &ok);
	while (ok == 0) {
		assert_int_equal(api_wait(a, -1, 5, &ready), 0);
		api_perform(a);
	}
	assert_int_equal(ok, 1);
}

/* The session ended during the outage (the service restarted): the
 * write stays, nothing is sent while signed out, and after the next
 * sign-in it goes with the same key, its callback once. */
static void
test_session_expired_keeps(void **state)
{
	struct fake f = { .status = 401, .answer = "{\"code\":"
	    "\"session_expired\",\"message\":\"m\"}" };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct done d = { 0 };
	struct told t = { 0 };

	outbox_set_events(o, on_event, &t);
	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things",
	    "{\"n\":1}", "key-401", (void (*)(void))on_done, &d), 0);
	outbox_retry_now(o);
	spin(a, o, 5);
	assert_int_equal(d.calls, 0);            /* not handed over */
	assert_int_equal(outbox_count(o), 1);    /* not dropped */
	assert_int_equal(t.held, 1);
	assert_int_equal(t.last, API_SESSION_EXPIRED);
	assert_false(api_signed_in(a));
	spin(a, o, 5);
	assert_int_equal(f.writes, 1);           /* nothing while signed out */

	f.status = 0;
	f.answer = NULL;
	sign_in_again(a);
	spin(a, o, 5);
	assert_int_equal(d.calls, 1);
	assert_int_equal(d.result, API_OK);
	assert_int_equal(f.writes, 2);
	assert_string_equal(f.idem[1], "key-401");
	assert_int_equal(outbox_count(o), 0);
	api_free(a);
	outbox_free(o);
}

/* Not the write's answer: an unreadable 2xx, a 429, a proxy's 404 page.
 * Each keeps the write, told once each time. */
static void
test_not_an_answer_keeps(void **state)
{
	static const struct { int status; const char *answer; } cases[] = {
		{ 201, "<html>oops</html>" },
		{ 429, "{\"code\":\"too_many_writes\",\"message\":\"m\"}" },
		{ 404, "<html>Not Found</html>" },
	};
	struct fake f = { 0 };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct app_done d = { 0 };
	struct told t = { 0 };

	outbox_set_events(o, on_event, &t);
	assert_int_equal(outbox_add_kind(o, SERVICE_REPLACEMENT,
	    "/v1/applications/card-replacement", "{}", "key-odd",
	    (void (*)(void))on_application, &d), 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		f.status = cases[i].status;
		f.answer = cases[i].answer;
		outbox_retry_now(o);
		spin(a, o, 5);
		assert_int_equal(d.calls, 0);
		assert_int_equal(outbox_count(o), 1);
		assert_int_equal(t.held, (int)i + 1);
	}
	f.status = 0;
	f.answer = NULL;
	outbox_retry_now(o);
	spin(a, o, 5);
	assert_int_equal(d.calls, 1);
	assert_int_equal(outbox_count(o), 0);
	api_free(a);
	outbox_free(o);
}

static const struct outbox_entry restored = {
	.kind = SERVICE_REPLACEMENT, .path = "/v1/applications/card-replacement",
	.body = "{\"check_id\":\"C\"}", .idem_key = "key-old",
};

/* A draft put back that holds a write already made (an older copy of
 * the draft): asked first, it goes unsent and is never "accepted"
 * twice. */
static void
test_restored_done_earlier(void **state)
{
	struct fake f = { .done_key = "key-old" };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct app_done d = { 0 };
	struct told t = { 0 };

	outbox_set_events(o, on_event, &t);
	assert_int_equal(outbox_add_entry(o, &restored,
	    (void (*)(void))on_application, &d), 0);
	outbox_retry_now(o);
	spin(a, o, 5);
	assert_int_equal(f.asked, 1);
	assert_int_equal(f.writes, 0);           /* not sent again */
	assert_int_equal(d.calls, 0);            /* not "accepted" again */
	assert_int_equal(t.done_earlier, 1);
	assert_string_equal(t.made, "FA-20261122-0001");
	assert_string_equal(t.key, "key-old");
	assert_int_equal(outbox_count(o), 0);
	api_free(a);
	outbox_free(o);
}

/* Unknown to the service: sent, with its key; asked only once. */
static void
test_restored_unknown_sent(void **state)
{
	struct fake f = { 0 };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct app_done d = { 0 };
	struct told t = { 0 };

	outbox_set_events(o, on_event, &t);
	assert_int_equal(outbox_add_entry(o, &restored,
	    (void (*)(void))on_application, &d), 0);
	outbox_retry_now(o);
	spin(a, o, 8);
	assert_int_equal(f.asked, 1);
	assert_int_equal(f.writes, 1);
	assert_string_equal(f.idem[0], "key-old");
	assert_int_equal(d.calls, 1);
	assert_int_equal(d.result, API_OK);
	assert_int_equal(t.done_earlier + t.too_old + t.held, 0);
	api_free(a);
	outbox_free(o);
}

/* Older than the service remembers: never sent, told. */
static void
test_too_old_never_sent(void **state)
{
	struct fake f = { 0 };
	struct api *a = open_signed_in(&f);
	struct outbox *o = outbox_new(a);
	struct app_done d = { 0 };
	struct told t = { 0 };
	struct outbox_entry e = restored;

	e.queued_at = (long long)time(NULL) - WIRE_WRITE_KEPT_SECONDS - 60;
	outbox_set_events(o, on_event, &t);
	assert_int_equal(outbox_add_entry(o, &e,
	    (void (*)(void))on_application, &d), 0);
	outbox_retry_now(o);
	spin(a, o, 8);
	assert_int_equal(f.asked, 1);
	assert_int_equal(f.writes, 0);
	assert_int_equal(d.calls, 0);
	assert_int_equal(t.too_old, 1);
	assert_int_equal(outbox_count(o), 0);
	api_free(a);
	outbox_free(o);
}

static void
on_person(void *arg, const struct api_error *err, const struct person *p)
{
	*(int *)arg = 1 + (err == NULL ? API_OK : (int)err->result);
}

/* The outbox's resend is background work: a call of the clerk's made
 * while it is in flight goes first (the resend makes way, cancelled, and
 * goes again after), never "another request is in progress". */
static void
test_yields_to_the_clerk(void **state)
{
	struct fake f = { 0 };
	struct api *a = api_new(transport_local_new(fake_service, &f, 200));
	struct outbox *o = outbox_new(a);
	struct done d = { 0 };
	int ok = 0, ready, got = 0;

	api_sign_in(a, "clerk01", "pw", "C-03", on_staff, &ok);
	while (ok == 0) {
		assert_int_equal(api_wait(a, -1, 5, &ready), 0);
		api_perform(a);
	}
	assert_int_equal(outbox_add(o, &def_write, "POST", "/v1/things", "{}",
	    "key-y", (void (*)(void))on_done, &d), 0);
	outbox_retry_now(o);
	assert_true(outbox_poll(o));
	assert_true(api_busy(a));
	api_person_get(a, "P-0001", on_person, &got);
	while (got == 0) {
		assert_int_equal(api_wait(a, -1, 5, &ready), 0);
		api_perform(a);
	}
	/* Answered (the fake's "{}" is no person: a bad reply), not
	 * refused as busy. */
	assert_int_equal(got, 1 + API_BAD_REPLY);
	assert_int_equal(d.calls, 0);
	assert_int_equal(outbox_count(o), 1);    /* made way, still there */
	spin(a, o, 80);
	assert_int_equal(d.calls, 1);
	assert_int_equal(d.result, API_OK);
	assert_int_equal(outbox_count(o), 0);
	api_free(a);
	outbox_free(o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_waits_then_drains),
		cmocka_unit_test(test_refusal_handed_over),
		cmocka_unit_test(test_in_order_one_at_a_time),
		cmocka_unit_test(test_not_while_signed_out),
		cmocka_unit_test(test_clear),
		cmocka_unit_test(test_card_write_by_kind),
		cmocka_unit_test(test_requeue_from_entry),
		cmocka_unit_test(test_session_expired_keeps),
		cmocka_unit_test(test_not_an_answer_keeps),
		cmocka_unit_test(test_restored_done_earlier),
		cmocka_unit_test(test_restored_unknown_sent),
		cmocka_unit_test(test_too_old_never_sent),
		cmocka_unit_test(test_yields_to_the_clerk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
