/*
 * test_transport_local.c -- the in-process transport and the api over it.
 *
 * The transport: callbacks only from perform, latency honoured, cancel
 * reported exactly once, a failing handler is a connection failure, the
 * terminal fd wakes wait().  The api, against a fake central service: the
 * token from sign-in goes with the next call, 401 ends the session, a
 * second call while one is in flight is API_BUSY from the next perform,
 * statuses map to the documented api_result.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "net/api.h"
#include "net/transport_local.h"

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the transport alone ------------------------------------------------ */

struct seen {
	int calls;
	enum transport_err err;
	int status;
	char body[256];
};

static void
on_reply(void *arg, const struct transport_reply *r)
{
	struct seen *s = arg;

	s->calls++;
	s->err = r->err;
	s->status = r->status;
	snprintf(s->body, sizeof s->body, "%.*s", (int)r->body_len,
	    r->body ? r->body : "");
}

static int handler_calls;

static int
echo_handler(void *ctx, const struct transport_request *req, int *status,
    char **body, size_t *body_len)
{
	(void)ctx;
	handler_calls++;
	*status = 200;
	*body = strdup(req->path);
	*body_len = strlen(*body);
	return 0;
}

static int
failing_handler(void *ctx, const struct transport_request *req, int *status,
    char **body, size_t *body_len)
{
	(void)ctx;
	(void)req;
	(void)status;
	(void)body;
	(void)body_len;
	handler_calls++;
	return -1;
}

static const struct transport_request get_x = {
	.method = "GET", .path = "/v1/x",
};

static void
test_not_before_perform(void **state)
{
	struct transport *t = transport_local_new(echo_handler, NULL, 0);
	struct seen s = { 0 };
	int id;

	handler_calls = 0;
	id = transport_submit(t, &get_x, on_reply, &s);
	assert_true(id > 0);
	assert_int_equal(transport_pending(t), 1);
	assert_int_equal(s.calls, 0);
	assert_int_equal(handler_calls, 0);
	transport_perform(t);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.err, TRANSPORT_OK);
	assert_int_equal(s.status, 200);
	assert_string_equal(s.body, "/v1/x");
	assert_int_equal(transport_pending(t), 0);
	transport_perform(t);
	assert_int_equal(s.calls, 1);
	transport_free(t);
}

static void
test_latency(void **state)
{
	struct transport *t = transport_local_new(echo_handler, NULL, 150);
	struct seen s = { 0 };
	long long t0 = now_ms(), t1;
	int ready = 1;

	assert_true(transport_submit(t, &get_x, on_reply, &s) > 0);
	transport_perform(t);
	assert_int_equal(s.calls, 0);
	/* wait() sleeps only until the request is due, not the full 5 s. */
	assert_int_equal(transport_wait(t, -1, 5000, &ready), 0);
	assert_int_equal(ready, 0);
	t1 = now_ms();
	assert_true(t1 - t0 >= 140);
	assert_true(t1 - t0 < 2000);
	while (s.calls == 0 && now_ms() - t0 < 3000) {
		transport_wait(t, -1, 100, &ready);
		transport_perform(t);
	}
	assert_int_equal(s.calls, 1);
	assert_true(now_ms() - t0 >= 150);
	transport_free(t);
}

static void
test_cancel_once(void **state)
{
	struct transport *t = transport_local_new(echo_handler, NULL, 50);
	struct seen s = { 0 };
	long long t0 = now_ms();
	int id, ready;

	handler_calls = 0;
	id = transport_submit(t, &get_x, on_reply, &s);
	transport_cancel(t, id);
	transport_cancel(t, id);
	assert_int_equal(s.calls, 0);         /* never inside cancel */
	/* the cancellation is due at once */
	assert_int_equal(transport_wait(t, -1, 5000, &ready), 0);
	assert_true(now_ms() - t0 < 1000);
	transport_perform(t);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.err, TRANSPORT_CANCELLED);
	while (now_ms() - t0 < 120) {
		transport_wait(t, -1, 20, &ready);
		transport_perform(t);
	}
	assert_int_equal(s.calls, 1);
	assert_int_equal(handler_calls, 0);
	assert_int_equal(transport_pending(t), 0);
	transport_cancel(t, id);                /* unknown id now: harmless */
	transport_perform(t);
	assert_int_equal(s.calls, 1);
	transport_free(t);
}

static void
test_handler_failure(void **state)
{
	struct transport *t = transport_local_new(failing_handler, NULL, 0);
	struct seen s = { 0 };

	assert_true(transport_submit(t, &get_x, on_reply, &s) > 0);
	transport_perform(t);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.err, TRANSPORT_CONNECT);
	assert_string_equal(transport_strerror(TRANSPORT_CONNECT),
	    "could not connect");
	transport_free(t);
}

static void
test_extra_fd(void **state)
{
	struct transport *t = transport_local_new(echo_handler, NULL, 0);
	int fds[2], ready = 0;
	long long t0;

	assert_int_equal(pipe(fds), 0);
	t0 = now_ms();
	assert_int_equal(transport_wait(t, fds[0], 50, &ready), 0);
	assert_int_equal(ready, 0);
	assert_true(now_ms() - t0 >= 40);
	assert_int_equal(write(fds[1], "k", 1), 1);
	assert_int_equal(transport_wait(t, fds[0], 5000, &ready), 0);
	assert_int_equal(ready, 1);
	close(fds[0]);
	close(fds[1]);
	transport_free(t);
}

/* A callback that frees the transport: the requests perform() had already
 * taken off the queue are dropped without their callbacks (the contract of
 * transport_free), and nothing is read from the freed transport. */
struct freer {
	struct transport *t;
	int calls;
};

static void
free_on_reply(void *arg, const struct transport_reply *r)
{
	struct freer *f = arg;

	(void)r;
	f->calls++;
	transport_free(f->t);
}

static void
test_free_from_callback(void **state)
{
	struct freer f = { 0 };
	struct seen s = { 0 };

	handler_calls = 0;
	f.t = transport_local_new(echo_handler, NULL, 0);
	assert_true(transport_submit(f.t, &get_x, free_on_reply, &f) > 0);
	assert_true(transport_submit(f.t, &get_x, on_reply, &s) > 0);
	assert_true(transport_submit(f.t, &get_x, on_reply, &s) > 0);
	transport_perform(f.t);         /* frees f.t from the first callback */
	assert_int_equal(f.calls, 1);
	assert_int_equal(s.calls, 0);
	assert_int_equal(handler_calls, 1);

	/* the same with a cancelled request first */
	memset(&f, 0, sizeof f);
	memset(&s, 0, sizeof s);
	f.t = transport_local_new(echo_handler, NULL, 1000);
	transport_cancel(f.t, transport_submit(f.t, &get_x, free_on_reply, &f));
	transport_cancel(f.t, transport_submit(f.t, &get_x, on_reply, &s));
	transport_perform(f.t);
	assert_int_equal(f.calls, 1);
	assert_int_equal(s.calls, 0);
}

/* ---- the api over a fake service ---------------------------------------- */

struct fake {
	int calls;
	char last_method[16];
	char last_path[128];
	char last_token[160];   /* "" if none */
	char last_idem[64];
	char last_body[512];
	int next_status;        /* 0: the normal answer */
	const char *next_body;
};

static const char session_json[] =
	"{\"token\":\"tok-123\",\"expires_in\":28800,"
	"\"staff\":{\"staff_id\":\"clerk01\",\"name\":\"王小明\","
	"\"role\":\"clerk\",\"counter\":\"C-03\"}}";
static const char person_json[] =
	"{\"person_id\":\"P-0001\",\"name\":\"张伟\","
	"\"id_number_masked\":\"110105********002X\","
	"\"birth_date\":\"1949-12-31\",\"sex\":\"female\","
	"\"phone_masked\":\"138****0001\",\"as_of\":\"2026-11-22\",\"cards\":[]}";
static const char app_json[] =
	"{\"application_id\":\"MA-20261122-0001\","
	"\"service\":\"medical-activation\",\"status\":\"completed\","
	"\"created_at\":\"2026-11-22T09:41:07+08:00\",\"next_steps\":\"Done.\","
	"\"card\":{\"card_id\":\"C-0001\",\"number_masked\":\"A0****017\","
	"\"bank\":\"ICBC\",\"state\":\"normal\",\"ss\":\"active\","
	"\"fin\":\"inactive\",\"received_on\":\"2026-07-25\","
	"\"deadline\":\"2027-05-21\"}}";

static int
fake_service(void *ctx, const struct transport_request *req, int *status,
    char **body, size_t *body_len)
{
	struct fake *f = ctx;
	const char *answer;

	f->calls++;
	snprintf(f->last_method, sizeof f->last_method, "%s", req->method);
	snprintf(f->last_path, sizeof f->last_path, "%s", req->path);
	snprintf(f->last_token, sizeof f->last_token, "%s",
	    req->token ? req->token : "");
	snprintf(f->last_idem, sizeof f->last_idem, "%s",
	    req->idem_key ? req->idem_key : "");
	snprintf(f->last_body, sizeof f->last_body, "%.*s", (int)req->body_len,
	    req->body ? req->body : "");
	if (f->next_status != 0) {
		*status = f->next_status;
		answer = f->next_body ? f->next_body : "";
		f->next_status = 0;
		f->next_body = NULL;
	} else if (strcmp(req->path, "/v1/sessions") == 0) {
		*status = 201;
		answer = session_json;
	} else if (strcmp(req->path, "/v1/sessions/current") == 0) {
		*status = 204;
		answer = "";
	} else if (strncmp(req->path, "/v1/persons/", 12) == 0) {
		*status = 200;
		answer = person_json;
	} else if (strcmp(req->path, "/v1/applications/medical-activation") == 0) {
		*status = 201;
		answer = app_json;
	} else {
		*status = 404;
		answer = "{\"code\":\"not_found\",\"message\":\"No such path.\"}";
	}
	*body = strdup(answer);
	*body_len = strlen(answer);
	return 0;
}

struct got {
	int calls;
	struct api_error err;
	struct staff staff;
	struct person person;
	struct application app;
	bool has_result;
};

static void
got_staff(void *arg, const struct api_error *err, const struct staff *st)
{
	struct got *g = arg;

	g->calls++;
	g->err = *err;
	g->has_result = st != NULL;
	if (st)
		g->staff = *st;
}

static void
got_person(void *arg, const struct api_error *err, const struct person *p)
{
	struct got *g = arg;

	g->calls++;
	g->err = *err;
	g->has_result = p != NULL;
	if (p)
		g->person = *p;
}

static void
got_app(void *arg, const struct api_error *err, const struct application *a)
{
	struct got *g = arg;

	g->calls++;
	g->err = *err;
	g->has_result = a != NULL;
	if (a)
		g->app = *a;
}

static void
got_done(void *arg, const struct api_error *err)
{
	struct got *g = arg;

	g->calls++;
	g->err = *err;
}

/* The callers' loop, until g has been called back (or 3 s). */
static void
run_until(struct api *a, struct got *g, int calls)
{
	long long t0 = now_ms();
	int ready;

	while (g->calls < calls && now_ms() - t0 < 3000) {
		assert_int_equal(api_wait(a, -1, 100, &ready), 0);
		api_perform(a);
	}
	assert_int_equal(g->calls, calls);
}

static struct api *
new_api(struct fake *f, int latency)
{
	struct api *a = api_new(transport_local_new(fake_service, f, latency));

	assert_non_null(a);
	return a;
}

static void
sign_in(struct api *a)
{
	struct got g = { 0 };

	api_sign_in(a, "clerk01", "ssdesk-demo", "C-03", got_staff, &g);
	assert_int_equal(g.calls, 0);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_OK);
	assert_true(api_signed_in(a));
}

static void
test_api_sign_in_token(void **state)
{
	struct fake f = { 0 };
	struct api *a = new_api(&f, 5);
	struct got g = { 0 };

	assert_false(api_signed_in(a));
	api_sign_in(a, "clerk01", "ssdesk-demo", "C-03", got_staff, &g);
	assert_true(api_busy(a));
	assert_int_equal(g.calls, 0);
	run_until(a, &g, 1);
	assert_false(api_busy(a));
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(g.err.http_status, 201);
	assert_true(g.has_result);
	assert_string_equal(g.staff.staff_id, "clerk01");
	assert_int_equal(g.staff.role, ROLE_CLERK);
	assert_string_equal(f.last_method, "POST");
	assert_string_equal(f.last_token, "");         /* none on sign-in */
	assert_string_equal(f.last_body, "{\"staff_id\":\"clerk01\","
	    "\"password\":\"ssdesk-demo\",\"counter\":\"C-03\"}");
	assert_true(api_signed_in(a));

	memset(&g, 0, sizeof g);
	api_person_get(a, "P-0001", got_person, &g);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_OK);
	assert_string_equal(f.last_method, "GET");
	assert_string_equal(f.last_path, "/v1/persons/P-0001");
	assert_string_equal(f.last_token, "tok-123");
	assert_string_equal(g.person.name, "张伟");

	/* sign out: token gone at once, DELETE carried it */
	memset(&g, 0, sizeof g);
	api_sign_out(a, got_done, &g);
	assert_false(api_signed_in(a));
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_OK);
	assert_string_equal(f.last_method, "DELETE");
	assert_string_equal(f.last_token, "tok-123");
	api_free(a);
}

static void
test_api_session_expired(void **state)
{
	struct fake f = { 0 };
	struct api *a = new_api(&f, 0);
	struct got g = { 0 };
	int before;

	sign_in(a);
	f.next_status = 401;
	f.next_body = "{\"code\":\"session_expired\",\"message\":\"Sign in again.\"}";
	api_person_get(a, "P-0001", got_person, &g);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_SESSION_EXPIRED);
	assert_int_equal(g.err.http_status, 401);
	assert_string_equal(g.err.code, "session_expired");
	assert_false(g.has_result);
	assert_false(api_signed_in(a));

	/* the next call does not even go out */
	before = f.calls;
	memset(&g, 0, sizeof g);
	api_person_get(a, "P-0001", got_person, &g);
	assert_int_equal(g.calls, 0);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_SESSION_EXPIRED);
	assert_int_equal(f.calls, before);
	api_free(a);
}

static void
test_api_busy(void **state)
{
	struct fake f = { 0 };
	struct api *a = new_api(&f, 30);
	struct got g1 = { 0 }, g2 = { 0 };

	sign_in(a);
	api_person_get(a, "P-0001", got_person, &g1);
	api_person_get(a, "P-0002", got_person, &g2);
	assert_int_equal(g2.calls, 0);          /* not inside the call */
	api_perform(a);
	assert_int_equal(g2.calls, 1);
	assert_int_equal(g2.err.result, API_BUSY);
	assert_int_equal(g1.calls, 0);
	run_until(a, &g1, 1);
	assert_int_equal(g1.err.result, API_OK);
	assert_string_equal(f.last_path, "/v1/persons/P-0001");
	assert_int_equal(g2.calls, 1);
	api_free(a);
}

static void
test_api_refusals(void **state)
{
	struct fake f = { 0 };
	struct api *a = new_api(&f, 0);
	struct got g = { 0 };

	/* wrong password */
	f.next_status = 401;
	f.next_body = "{\"code\":\"bad_credentials\",\"message\":\"No.\"}";
	api_sign_in(a, "clerk01", "wrong", "C-03", got_staff, &g);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_REFUSED);
	assert_string_equal(g.err.code, "bad_credentials");
	assert_false(api_signed_in(a));

	sign_in(a);

	/* a documented refusal keeps code, field and message */
	memset(&g, 0, sizeof g);
	f.next_status = 422;
	f.next_body = "{\"code\":\"bank_card_luhn\",\"message\":\"Type it again.\","
	    "\"field\":\"bank_card\"}";
	{
		struct medical_request mr = {
			.check_id = "IC-1", .card_id = "C-0001",
			.bank_card = "6222020200112233445", .phone = "13800000001",
			.idem_key = "11111111-2222-4333-8444-555555555555",
		};

		api_write_app(a, SERVICE_MEDICAL, &mr, got_app, &g);
		run_until(a, &g, 1);
		assert_int_equal(g.err.result, API_REFUSED);
		assert_int_equal(g.err.http_status, 422);
		assert_string_equal(g.err.code, "bank_card_luhn");
		assert_string_equal(g.err.field, "bank_card");
		assert_string_equal(g.err.message, "Type it again.");
		assert_string_equal(f.last_idem, mr.idem_key);

		/* success, same key */
		memset(&g, 0, sizeof g);
		api_write_app(a, SERVICE_MEDICAL, &mr, got_app, &g);
		run_until(a, &g, 1);
		assert_int_equal(g.err.result, API_OK);
		assert_string_equal(g.app.application_id, "MA-20261122-0001");
		assert_string_equal(f.last_idem, mr.idem_key);

		/* no key given: a fresh one is made */
		memset(&g, 0, sizeof g);
		mr.idem_key = NULL;
		api_write_app(a, SERVICE_MEDICAL, &mr, got_app, &g);
		run_until(a, &g, 1);
		assert_int_equal(strlen(f.last_idem), 36);
	}

	/* not our error shape */
	memset(&g, 0, sizeof g);
	f.next_status = 418;
	f.next_body = "<html>teapot</html>";
	api_person_get(a, "P-0001", got_person, &g);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_REFUSED);
	assert_string_equal(g.err.code, "http_418");

	/* gateway down: unreachable */
	memset(&g, 0, sizeof g);
	f.next_status = 503;
	f.next_body = "{\"code\":\"unavailable\",\"message\":\"Maintenance.\"}";
	api_person_get(a, "P-0001", got_person, &g);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_UNREACHABLE);
	assert_string_equal(g.err.code, "unavailable");
	assert_string_equal(g.err.message, "Maintenance.");
	memset(&g, 0, sizeof g);
	f.next_status = 502;
	f.next_body = "Bad Gateway";
	api_person_get(a, "P-0001", got_person, &g);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_UNREACHABLE);

	/* 2xx that is not the promised JSON */
	memset(&g, 0, sizeof g);
	f.next_status = 200;
	f.next_body = "{\"person_id\":42}";
	api_person_get(a, "P-0001", got_person, &g);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_BAD_REPLY);
	assert_false(g.has_result);

	/* a path segment cannot be smuggled in */
	memset(&g, 0, sizeof g);
	api_person_get(a, "../sessions", got_person, &g);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_INTERNAL);
	assert_true(api_signed_in(a));
	api_free(a);
}

static void
test_api_cancel_and_unreachable(void **state)
{
	struct fake f = { 0 };
	struct api *a = new_api(&f, 200);
	struct got g = { 0 };
	int calls;

	sign_in(a);
	calls = f.calls;
	api_person_get(a, "P-0001", got_person, &g);
	api_cancel(a);
	assert_int_equal(g.calls, 0);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_CANCELLED);
	assert_int_equal(f.calls, calls);
	assert_false(api_busy(a));
	api_free(a);

	/* a handler that fails is a service out of reach */
	{
		struct api *b = api_new(transport_local_new(failing_handler,
		    NULL, 0));

		memset(&g, 0, sizeof g);
		api_sign_in(b, "clerk01", "x", "C-03", got_staff, &g);
		run_until(b, &g, 1);
		assert_int_equal(g.err.result, API_UNREACHABLE);
		api_free(b);
	}
}

/* api_free() from a callback: from a deferred one (API_BUSY) while a call
 * is in flight, and from the answer's own callback.  Nothing of the api is
 * touched afterwards (AddressSanitizer would say), and the call in flight
 * is dropped without its callback. */
struct api_freer {
	struct api *a;
	int calls;
	enum api_result result;
};

static void
free_api_on_person(void *arg, const struct api_error *err,
    const struct person *p)
{
	struct api_freer *f = arg;

	(void)p;
	f->calls++;
	f->result = err->result;
	api_free(f->a);
}

static void
test_api_free_from_callback(void **state)
{
	struct fake f = { 0 };
	struct api_freer fr = { 0 };
	struct got g = { 0 }, g3 = { 0 };
	int i;

	/* a deferred error first: the answer in flight is never delivered */
	fr.a = new_api(&f, 0);
	sign_in(fr.a);
	api_person_get(fr.a, "P-0001", got_person, &g);
	api_person_get(fr.a, "P-0002", free_api_on_person, &fr);  /* busy */
	api_person_get(fr.a, "P-0003", got_person, &g3);          /* busy */
	api_perform(fr.a);              /* frees fr.a from the first BUSY */
	assert_int_equal(fr.calls, 1);
	assert_int_equal(fr.result, API_BUSY);
	assert_int_equal(g.calls, 0);
	assert_int_equal(g3.calls, 0);

	/* from the answer itself */
	memset(&fr, 0, sizeof fr);
	fr.a = new_api(&f, 0);
	sign_in(fr.a);
	api_person_get(fr.a, "P-0001", free_api_on_person, &fr);
	for (i = 0; i < 100 && fr.calls == 0; i++) {
		assert_int_equal(api_wait(fr.a, -1, 20, NULL), 0);
		api_perform(fr.a);      /* fr.a is gone after the callback */
	}
	assert_int_equal(fr.calls, 1);
	assert_int_equal(fr.result, API_OK);
}

/* A screen's callback that at once starts the next call, and one that
 * cancels what it just started: every call is answered exactly once. */
struct chain {
	struct api *a;
	struct got next;
	int calls;
	bool cancel_next;
};

static void
chain_on_person(void *arg, const struct api_error *err,
    const struct person *p)
{
	struct chain *c = arg;

	(void)p;
	c->calls++;
	assert_int_equal(err->result, API_OK);
	assert_false(api_busy(c->a));
	api_cancel(c->a);               /* nothing in flight: harmless */
	api_person_get(c->a, "P-0002", got_person, &c->next);
	assert_true(api_busy(c->a));
	if (c->cancel_next)
		api_cancel(c->a);
}

static void
test_api_chain_from_callback(void **state)
{
	struct fake f = { 0 };
	struct chain c = { 0 };
	bool cancel;

	for (cancel = false; ; cancel = true) {
		memset(&c, 0, sizeof c);
		c.cancel_next = cancel;
		c.a = new_api(&f, 0);
		sign_in(c.a);
		api_person_get(c.a, "P-0001", chain_on_person, &c);
		run_until(c.a, &c.next, 1);
		assert_int_equal(c.calls, 1);
		assert_int_equal(c.next.err.result,
		    cancel ? API_CANCELLED : API_OK);
		assert_string_equal(f.last_path, cancel ? "/v1/persons/P-0001" :
		    "/v1/persons/P-0002");
		api_perform(c.a);
		api_perform(c.a);
		assert_int_equal(c.calls, 1);
		assert_int_equal(c.next.calls, 1);
		assert_false(api_busy(c.a));
		api_free(c.a);
		if (cancel)
			break;
	}
}

/* Sign-out while another call is in flight is API_BUSY: the DELETE never
 * went out, so the session is still open on the service and must still be
 * ours to close -- not wiped as if it had been signed out. */
static void
test_api_sign_out_busy(void **state)
{
	struct fake f = { 0 };
	struct api *a = new_api(&f, 20);
	struct got g = { 0 }, so = { 0 };

	sign_in(a);
	api_person_get(a, "P-0001", got_person, &g);
	api_sign_out(a, got_done, &so);
	assert_true(api_signed_in(a));
	run_until(a, &so, 1);
	assert_int_equal(so.err.result, API_BUSY);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_OK);
	assert_true(api_signed_in(a));

	/* now it goes out, with the token, and the token is gone */
	memset(&so, 0, sizeof so);
	api_sign_out(a, got_done, &so);
	assert_false(api_signed_in(a));
	run_until(a, &so, 1);
	assert_int_equal(so.err.result, API_OK);
	assert_string_equal(f.last_method, "DELETE");
	assert_string_equal(f.last_token, "tok-123");
	api_free(a);
}

/* Statuses the contract names, and bodies that are not its error shape. */
static void
test_api_status_mapping(void **state)
{
	static const struct {
		int status;
		const char *body;
		enum api_result result;
		const char *code;
	} cases[] = {
		{ 409, "{\"code\":\"idempotency_conflict\",\"message\":\"m\"}",
		    API_REFUSED, "idempotency_conflict" },
		{ 413, "{\"code\":\"too_large\",\"message\":\"m\"}",
		    API_REFUSED, "too_large" },
		{ 500, "{\"code\":\"internal\",\"message\":\"Nothing done.\"}",
		    API_REFUSED, "internal" },
		/* a proxy's HTML 500: the service did not answer */
		{ 500, "<html>Internal Server Error</html>", API_UNREACHABLE,
		    "http_500" },
		{ 507, "", API_UNREACHABLE, "http_507" },
		{ 504, "<html>Gateway Timeout</html>", API_UNREACHABLE,
		    "http_504" },
		/* redirects are not followed and are not an answer */
		{ 302, "", API_BAD_REPLY, "http_302" },
		{ 301, "{\"code\":\"x\",\"message\":\"m\"}", API_BAD_REPLY, "x" },
		{ 404, "{\"code\":\"not_found\",\"message\":\"m\"}",
		    API_REFUSED, "not_found" },
		/* A member named twice: which code, which person?  Unreadable,
		 * whatever the status (docs/api.md). */
		{ 422, "{\"code\":\"card_lost\",\"message\":\"m\","
		    "\"code\":\"already_active\"}", API_BAD_REPLY, "http_422" },
		{ 200, "{\"person_id\":\"P-0001\",\"person_id\":\"P-0002\"}",
		    API_BAD_REPLY, "bad_reply" },
	};
	struct fake f = { 0 };
	struct api *a = new_api(&f, 0);
	struct got g;
	size_t i;

	sign_in(a);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&g, 0, sizeof g);
		f.next_status = cases[i].status;
		f.next_body = cases[i].body;
		api_person_get(a, "P-0001", got_person, &g);
		run_until(a, &g, 1);
		if (g.err.result != cases[i].result)
			fail_msg("HTTP %d: result %d, expected %d",
			    cases[i].status, g.err.result, cases[i].result);
		assert_int_equal(g.err.http_status, cases[i].status);
		assert_string_equal(g.err.code, cases[i].code);
		assert_false(g.has_result);
		if (cases[i].result == API_UNREACHABLE &&
		    strcmp(cases[i].code, "internal") != 0)
			assert_string_equal(g.err.message, "");
	}
	assert_true(api_signed_in(a));
	api_free(a);
}

/* A caller's Idempotency-Key with CR/LF is refused before anything is sent
 * (it would be a header of its own over HTTPS); a fresh key is not
 * silently put in its place either (the retry would be lost). */
static void
test_api_bad_idem_key(void **state)
{
	struct fake f = { 0 };
	struct api *a = new_api(&f, 0);
	struct got g = { 0 };
	struct medical_request mr = {
		.check_id = "IC-1", .card_id = "C-0001",
		.bank_card = "6222020200112233446", .phone = "13800000001",
		.idem_key = "11111111-2222-4333-8444-555555555555\r\nX-Evil: 1",
	};
	int before;

	sign_in(a);
	before = f.calls;
	api_write_app(a, SERVICE_MEDICAL, &mr, got_app, &g);
	run_until(a, &g, 1);
	assert_int_equal(g.err.result, API_INTERNAL);
	assert_int_equal(f.calls, before);
	api_free(a);
}

static void
test_idempotency_key_and_names(void **state)
{
	char k1[37], k2[37];
	int i;

	api_idempotency_key(k1);
	api_idempotency_key(k2);
	assert_int_equal(strlen(k1), 36);
	assert_string_not_equal(k1, k2);
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			assert_int_equal(k1[i], '-');
		else
			assert_non_null(strchr("0123456789abcdef", k1[i]));
	}
	assert_int_equal(k1[14], '4');
	assert_non_null(strchr("89ab", k1[19]));
	/* Each kind has its own name for the log (tui/messages.c its
	 * sentence). */
	for (i = API_OK; i <= API_INTERNAL; i++) {
		assert_string_not_equal(api_result_name((enum api_result)i),
		    "unknown");
		if (i > API_OK)
			assert_string_not_equal(api_result_name(
			    (enum api_result)i),
			    api_result_name((enum api_result)(i - 1)));
	}
	assert_string_equal(api_result_name(API_UNREACHABLE), "unreachable");
	assert_string_equal(api_result_name((enum api_result)99), "unknown");
	api_free(NULL);
	transport_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_before_perform),
		cmocka_unit_test(test_latency),
		cmocka_unit_test(test_cancel_once),
		cmocka_unit_test(test_handler_failure),
		cmocka_unit_test(test_extra_fd),
		cmocka_unit_test(test_free_from_callback),
		cmocka_unit_test(test_api_sign_in_token),
		cmocka_unit_test(test_api_session_expired),
		cmocka_unit_test(test_api_busy),
		cmocka_unit_test(test_api_refusals),
		cmocka_unit_test(test_api_cancel_and_unreachable),
		cmocka_unit_test(test_api_free_from_callback),
		cmocka_unit_test(test_api_chain_from_callback),
		cmocka_unit_test(test_api_sign_out_busy),
		cmocka_unit_test(test_api_status_mapping),
		cmocka_unit_test(test_api_bad_idem_key),
		cmocka_unit_test(test_idempotency_key_and_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
