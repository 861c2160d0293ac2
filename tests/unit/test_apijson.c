/*
 * test_apijson.c -- the wire's JSON at the edge: good replies become the
 * right plain structs; anything else (missing or wrong-typed fields, cut
 * replies, oversize, unknown enum words, too many cards, ids too long)
 * fails cleanly with API_BAD_REPLY.  Every reply is handed over in a
 * malloc'd buffer of its exact length with no NUL, so AddressSanitizer
 * catches any read past the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "net/apijson.h"

#define CARD(id, state, ss, fin) \
	"{\"card_id\":\"" id "\",\"number_masked\":\"A0****017\"," \
	"\"bank\":\"Industrial and Commercial Bank of China\"," \
	"\"state\":\"" state "\",\"ss\":\"" ss "\",\"fin\":\"" fin "\"," \
	"\"received_on\":\"2026-07-25\",\"deadline\":\"2027-05-21\"}"
#define CARD_OK CARD("C-0001", "normal", "inactive", "inactive")

#define PERSON_WITH(cards) \
	"{\"person_id\":\"P-0001\",\"name\":\"张伟\"," \
	"\"id_number_masked\":\"110105********002X\"," \
	"\"birth_date\":\"1949-12-31\",\"sex\":\"female\"," \
	"\"phone_masked\":\"138****0001\",\"as_of\":\"2026-11-22\"," \
	"\"cards\":[" cards "]}"
#define PERSON_OK PERSON_WITH(CARD_OK)

static const char session_ok[] =
	"{\"token\":\"9f1c0a77\",\"expires_in\":28800,"
	"\"staff\":{\"staff_id\":\"clerk01\",\"name\":\"王小明\","
	"\"role\":\"clerk\",\"counter\":\"C-03\"}}";
static const char identity_ok[] =
	"{\"check_id\":\"IC-000017\",\"person\":" PERSON_OK "}";
static const char person_ok[] = PERSON_OK;
static const char application_ok[] =
	"{\"application_id\":\"MA-20261122-0001\","
	"\"service\":\"medical-activation\",\"status\":\"completed\","
	"\"created_at\":\"2026-11-22T09:41:07+08:00\","
	"\"next_steps\":\"The medical function is active now.\","
	"\"card\":" CARD("C-0001", "normal", "active", "inactive") "}";
static const char error_ok[] =
	"{\"code\":\"name_mismatch\",\"message\":\"The name does not match.\","
	"\"field\":\"name\"}";

/* A copy of s with exactly strlen(s) bytes and no NUL. */
static char *
exact(const char *s, size_t *len)
{
	size_t n = strlen(s);
	char *p = malloc(n ? n : 1);

	assert_non_null(p);
	memcpy(p, s, n);
	*len = n;
	return p;
}

enum kind { K_SESSION, K_IDENTITY, K_PERSON, K_APPLICATION };

/* Decode the first len bytes of s as kind, from an exact-size buffer. */
static int
decode_n(enum kind k, const char *s, size_t len, struct api_error *err)
{
	char *buf = malloc(len ? len : 1);
	struct staff staff;
	char token[129];
	struct identity_result id;
	struct person p;
	struct application app;
	int rc = -1;

	assert_non_null(buf);
	memcpy(buf, s, len);
	memset(err, 0, sizeof *err);
	switch (k) {
	case K_SESSION:
		rc = apijson_decode_session(&staff, token, sizeof token, buf,
		    len, err);
		break;
	case K_IDENTITY:
		rc = apijson_decode_identity(&id, buf, len, err);
		break;
	case K_PERSON:
		rc = apijson_decode_person(&p, buf, len, err);
		break;
	case K_APPLICATION:
		rc = apijson_decode_application(&app, buf, len, err);
		break;
	}
	free(buf);
	if (rc != 0)
		assert_int_equal(err->result, API_BAD_REPLY);
	return rc;
}

static int
decode(enum kind k, const char *s)
{
	struct api_error err;

	return decode_n(k, s, strlen(s), &err);
}

static void
test_session_good(void **state)
{
	struct staff st;
	char token[129];
	struct api_error err;
	size_t len;
	char *b = exact(session_ok, &len);

	assert_int_equal(apijson_decode_session(&st, token, sizeof token, b,
	    len, &err), 0);
	assert_string_equal(token, "9f1c0a77");
	assert_string_equal(st.staff_id, "clerk01");
	assert_string_equal(st.name, "王小明");
	assert_int_equal(st.role, ROLE_CLERK);
	assert_string_equal(st.counter, "C-03");
	assert_int_equal(st.expires_in, 28800);
	free(b);
}

static void
check_card(const struct card *c, enum fn_state ss)
{
	assert_string_equal(c->card_id, "C-0001");
	assert_string_equal(c->number_masked, "A0****017");
	assert_string_equal(c->bank, "Industrial and Commercial Bank of China");
	assert_int_equal(c->state, CARD_NORMAL);
	assert_int_equal(c->ss, ss);
	assert_int_equal(c->fin, FN_INACTIVE);
	assert_int_equal(c->received_on.y, 2026);
	assert_int_equal(c->received_on.m, 7);
	assert_int_equal(c->received_on.d, 25);
	assert_int_equal(c->deadline.y, 2027);
	assert_int_equal(c->deadline.m, 5);
	assert_int_equal(c->deadline.d, 21);
}

static void
check_person(const struct person *p)
{
	assert_string_equal(p->person_id, "P-0001");
	assert_string_equal(p->name, "张伟");
	assert_string_equal(p->id_masked, "110105********002X");
	assert_int_equal(p->birth.y, 1949);
	assert_int_equal(p->birth.m, 12);
	assert_int_equal(p->birth.d, 31);
	assert_int_equal(p->sex, SEX_FEMALE);
	assert_string_equal(p->phone_masked, "138****0001");
	assert_int_equal(p->as_of.y, 2026);
	assert_int_equal(p->as_of.m, 11);
	assert_int_equal(p->as_of.d, 22);
	assert_int_equal(p->ncards, 1);
	check_card(&p->cards[0], FN_INACTIVE);
}

static void
test_identity_good(void **state)
{
	struct identity_result r;
	struct api_error err;
	size_t len;
	char *b = exact(identity_ok, &len);

	assert_int_equal(apijson_decode_identity(&r, b, len, &err), 0);
	assert_string_equal(r.check_id, "IC-000017");
	check_person(&r.person);
	free(b);
}

static void
test_person_good(void **state)
{
	struct person p;
	struct api_error err;
	size_t len;
	char *b = exact(person_ok, &len);

	assert_int_equal(apijson_decode_person(&p, b, len, &err), 0);
	check_person(&p);
	free(b);
}

/* A service that forgot to mask: the struct the screens see holds the
 * numbers masked all the same (docs/api.md: the terminal masks whatever
 * arrives). */
static void
test_unmasked(void **state)
{
	static const char s[] =
		"{\"check_id\":\"IC-000017\",\"person\":"
		"{\"person_id\":\"P-0001\",\"name\":\"张伟\","
		"\"id_number_masked\":\"11010519491231002X\","
		"\"birth_date\":\"1949-12-31\",\"sex\":\"female\","
		"\"phone_masked\":\"13800000001\",\"as_of\":\"2026-11-22\","
		"\"cards\":[{\"card_id\":\"C-0001\","
		"\"number_masked\":\"A01234017\","
		"\"bank\":\"Industrial and Commercial Bank of China\","
		"\"state\":\"normal\",\"ss\":\"inactive\",\"fin\":\"inactive\","
		"\"received_on\":\"2026-07-25\",\"deadline\":\"2027-05-21\"}]}}";
	struct identity_result r;
	struct api_error err;
	size_t len;
	char *b = exact(s, &len);

	assert_int_equal(apijson_decode_identity(&r, b, len, &err), 0);
	check_person(&r.person);
	free(b);
}

static void
test_person_no_phone_no_cards(void **state)
{
	struct person p;
	struct api_error err;
	static const char s[] =
		"{\"person_id\":\"P-2\",\"name\":\"李娜\","
		"\"id_number_masked\":\"110105********0021\","
		"\"birth_date\":\"1990-01-02\",\"sex\":\"male\","
		"\"phone_masked\":null,\"as_of\":\"2026-11-22\",\"cards\":[]}";

	assert_int_equal(apijson_decode_person(&p, s, strlen(s), &err), 0);
	assert_string_equal(p.phone_masked, "");
	assert_int_equal(p.sex, SEX_MALE);
	assert_int_equal(p.ncards, 0);
}

static void
test_application_good(void **state)
{
	struct application a;
	struct api_error err;
	size_t len;
	char *b = exact(application_ok, &len);

	assert_int_equal(apijson_decode_application(&a, b, len, &err), 0);
	assert_string_equal(a.application_id, "MA-20261122-0001");
	assert_int_equal(a.service, SERVICE_MEDICAL);
	assert_string_equal(a.service_sent, "medical-activation");
	assert_string_equal(a.status, "completed");
	assert_string_equal(a.created_at, "2026-11-22T09:41:07+08:00");
	assert_string_equal(a.next_steps, "The medical function is active now.");
	check_card(&a.card, FN_ACTIVE);
	free(b);
}

static void
test_error_good(void **state)
{
	struct api_error e;
	size_t len;
	char *b = exact(error_ok, &len);

	memset(&e, 0, sizeof e);
	assert_int_equal(apijson_decode_error(&e, 422, b, len), 0);
	assert_int_equal(e.http_status, 422);
	assert_string_equal(e.code, "name_mismatch");
	assert_string_equal(e.field, "name");
	assert_string_equal(e.message, "The name does not match.");
	free(b);

	/* field is optional */
	b = exact("{\"code\":\"internal\",\"message\":\"Nothing was done.\"}",
	    &len);
	assert_int_equal(apijson_decode_error(&e, 500, b, len), 0);
	assert_string_equal(e.code, "internal");
	assert_string_equal(e.field, "");
	free(b);
}

static void
test_error_not_shaped(void **state)
{
	static const char *const bodies[] = {
		"<html>Bad gateway</html>", "", "{}", "{\"code\":5}",
		"{\"code\":\"x\"}", "[\"code\",\"message\"]",
		"{\"code\":\"a_code_that_is_much_too_long_for_the_field_of_48\","
		"\"message\":\"m\"}",
	};
	struct api_error e;
	size_t i, len;

	for (i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		char *b = exact(bodies[i], &len);

		memset(&e, 0x55, sizeof e);
		assert_int_equal(apijson_decode_error(&e, 418, b, len), -1);
		assert_string_equal(e.code, "http_418");
		assert_string_equal(e.field, "");
		assert_true(strlen(e.message) > 0);
		free(b);
	}
	assert_int_equal(apijson_decode_error(&e, 500, NULL, 0), -1);
	assert_string_equal(e.code, "http_500");
}

/* Each of these lacks one required field. */
static void
test_missing_field(void **state)
{
	static const struct { enum kind k; const char *s; } cases[] = {
		{ K_SESSION, "{\"expires_in\":1,\"staff\":{\"staff_id\":\"a\","
		    "\"name\":\"b\",\"role\":\"clerk\",\"counter\":\"c\"}}" },
		{ K_SESSION, "{\"token\":\"t\",\"staff\":{\"staff_id\":\"a\","
		    "\"name\":\"b\",\"role\":\"clerk\",\"counter\":\"c\"}}" },
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":1}" },
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":1,\"staff\":{"
		    "\"name\":\"b\",\"role\":\"clerk\",\"counter\":\"c\"}}" },
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":1,\"staff\":{"
		    "\"staff_id\":\"a\",\"name\":\"b\",\"counter\":\"c\"}}" },
		{ K_IDENTITY, "{\"person\":" PERSON_OK "}" },
		{ K_IDENTITY, "{\"check_id\":\"IC-1\"}" },
		{ K_PERSON, "{\"name\":\"x\",\"id_number_masked\":\"m\","
		    "\"birth_date\":\"1990-01-01\",\"sex\":\"male\","
		    "\"as_of\":\"2026-11-22\",\"cards\":[]}" },
		{ K_PERSON, "{\"person_id\":\"P\",\"name\":\"x\","
		    "\"id_number_masked\":\"m\",\"birth_date\":\"1990-01-01\","
		    "\"sex\":\"male\",\"as_of\":\"2026-11-22\"}" },
		{ K_PERSON, "{\"person_id\":\"P\",\"name\":\"x\","
		    "\"id_number_masked\":\"m\",\"sex\":\"male\","
		    "\"as_of\":\"2026-11-22\",\"cards\":[]}" },
		{ K_PERSON, PERSON_WITH("{\"card_id\":\"C\",\"number_masked\":\"n\","
		    "\"bank\":\"b\",\"state\":\"normal\",\"ss\":\"active\","
		    "\"fin\":\"active\",\"received_on\":\"2026-01-01\"}") },
		{ K_APPLICATION, "{\"service\":\"s\",\"status\":\"completed\","
		    "\"created_at\":\"t\",\"next_steps\":\"n\",\"card\":"
		    CARD_OK "}" },
		{ K_APPLICATION, "{\"application_id\":\"A\",\"service\":\"s\","
		    "\"status\":\"completed\",\"created_at\":\"t\","
		    "\"next_steps\":\"n\"}" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(decode(cases[i].k, cases[i].s), -1);
}

static void
test_wrong_type(void **state)
{
	static const struct { enum kind k; const char *s; } cases[] = {
		/* number for string */
		{ K_SESSION, "{\"token\":12345,\"expires_in\":1,\"staff\":{"
		    "\"staff_id\":\"a\",\"name\":\"b\",\"role\":\"clerk\","
		    "\"counter\":\"c\"}}" },
		/* string for number */
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":\"28800\",\"staff\":{"
		    "\"staff_id\":\"a\",\"name\":\"b\",\"role\":\"clerk\","
		    "\"counter\":\"c\"}}" },
		/* fractional and negative numbers */
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":1.5,\"staff\":{"
		    "\"staff_id\":\"a\",\"name\":\"b\",\"role\":\"clerk\","
		    "\"counter\":\"c\"}}" },
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":-1,\"staff\":{"
		    "\"staff_id\":\"a\",\"name\":\"b\",\"role\":\"clerk\","
		    "\"counter\":\"c\"}}" },
		/* bool for string, string for object */
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":1,\"staff\":{"
		    "\"staff_id\":\"a\",\"name\":true,\"role\":\"clerk\","
		    "\"counter\":\"c\"}}" },
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":1,\"staff\":\"x\"}" },
		{ K_IDENTITY, "{\"check_id\":\"IC\",\"person\":[]}" },
		{ K_IDENTITY, "{\"check_id\":null,\"person\":" PERSON_OK "}" },
		/* object for array, array for object */
		{ K_PERSON, "{\"person_id\":\"P\",\"name\":\"x\","
		    "\"id_number_masked\":\"m\",\"birth_date\":\"1990-01-01\","
		    "\"sex\":\"male\",\"as_of\":\"2026-11-22\",\"cards\":{}}" },
		{ K_PERSON, PERSON_WITH("\"C-0001\"") },
		{ K_PERSON, PERSON_WITH("[]") },
		{ K_APPLICATION, "{\"application_id\":\"A\",\"service\":\"s\","
		    "\"status\":\"completed\",\"created_at\":\"t\","
		    "\"next_steps\":\"n\",\"card\":[" CARD_OK "]}" },
		/* number for date, bad dates */
		{ K_PERSON, "{\"person_id\":\"P\",\"name\":\"x\","
		    "\"id_number_masked\":\"m\",\"birth_date\":19900101,"
		    "\"sex\":\"male\",\"as_of\":\"2026-11-22\",\"cards\":[]}" },
		{ K_PERSON, "{\"person_id\":\"P\",\"name\":\"x\","
		    "\"id_number_masked\":\"m\",\"birth_date\":\"1990-02-30\","
		    "\"sex\":\"male\",\"as_of\":\"2026-11-22\",\"cards\":[]}" },
		{ K_PERSON, "{\"person_id\":\"P\",\"name\":\"x\","
		    "\"id_number_masked\":\"m\",\"birth_date\":\"19900101\","
		    "\"sex\":\"male\",\"as_of\":\"2026-11-22\",\"cards\":[]}" },
		{ K_PERSON, "{\"person_id\":\"P\",\"name\":\"x\","
		    "\"id_number_masked\":\"m\",\"birth_date\":\"1990-01-01\","
		    "\"sex\":1,\"as_of\":\"2026-11-22\",\"cards\":[]}" },
		/* the top is not an object */
		{ K_PERSON, "[" PERSON_OK "]" },
		{ K_PERSON, "\"P-0001\"" },
		{ K_PERSON, "null" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (decode(cases[i].k, cases[i].s) != -1)
			fail_msg("case %zu decoded: %s", i, cases[i].s);
	}
}

/* Every proper prefix of a good reply must fail, and never crash. */
static void
test_truncated(void **state)
{
	static const struct { enum kind k; const char *s; } good[] = {
		{ K_SESSION, session_ok }, { K_IDENTITY, identity_ok },
		{ K_PERSON, person_ok }, { K_APPLICATION, application_ok },
	};
	struct api_error err;
	size_t i, n;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		size_t len = strlen(good[i].s);

		for (n = 0; n < len; n++)
			if (decode_n(good[i].k, good[i].s, n, &err) != -1)
				fail_msg("reply %zu cut at %zu decoded", i, n);
		assert_int_equal(decode_n(good[i].k, good[i].s, len, &err), 0);
	}
}

/* The exact-size buffers above already prove no NUL is needed; this also
 * checks that bytes past len are never looked at. */
static void
test_not_nul_terminated(void **state)
{
	struct person p;
	struct api_error err;
	size_t len = strlen(person_ok);
	char *b = malloc(len + 8);

	memcpy(b, person_ok, len);
	memcpy(b + len, "garbage!", 8);
	assert_int_equal(apijson_decode_person(&p, b, len, &err), 0);
	/* With the junk inside len it is refused. */
	assert_int_equal(apijson_decode_person(&p, b, len + 8, &err), -1);
	free(b);
	/* Trailing whitespace is fine. */
	assert_int_equal(decode(K_PERSON, PERSON_OK " \n"), 0);
}

static void
test_oversize(void **state)
{
	size_t len = WIRE_REPLY_MAX + 1, plen = strlen(person_ok);
	char *b = malloc(len);
	struct person p;
	struct api_error err;

	/* A good person followed by whitespace up to one byte over the cap:
	 * valid JSON, refused by size alone. */
	memset(b, ' ', len);
	memcpy(b, person_ok, plen);
	assert_int_equal(apijson_decode_person(&p, b, len, &err), -1);
	assert_int_equal(err.result, API_BAD_REPLY);
	assert_int_equal(apijson_decode_person(&p, b, len - 1, &err), 0);
	free(b);
}

static void
test_unknown_enum(void **state)
{
	static const struct { enum kind k; const char *s; } cases[] = {
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":1,\"staff\":{"
		    "\"staff_id\":\"a\",\"name\":\"b\",\"role\":\"admin\","
		    "\"counter\":\"c\"}}" },
		{ K_SESSION, "{\"token\":\"t\",\"expires_in\":1,\"staff\":{"
		    "\"staff_id\":\"a\",\"name\":\"b\",\"role\":\"Clerk\","
		    "\"counter\":\"c\"}}" },
		{ K_PERSON, PERSON_WITH(CARD("C-1", "stolen", "active", "active")) },
		{ K_PERSON, PERSON_WITH(CARD("C-1", "normal", "pending", "active")) },
		/* reported_lost is a word of ss only */
		{ K_PERSON, PERSON_WITH(CARD("C-1", "normal", "active",
		    "reported_lost")) },
		{ K_PERSON, "{\"person_id\":\"P\",\"name\":\"x\","
		    "\"id_number_masked\":\"m\",\"birth_date\":\"1990-01-01\","
		    "\"sex\":\"other\",\"as_of\":\"2026-11-22\",\"cards\":[]}" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (decode(cases[i].k, cases[i].s) != -1)
			fail_msg("case %zu decoded", i);
	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD("C-1", "lost",
	    "reported_lost", "active"))), 0);
}

static void
test_cards_bound(void **state)
{
	struct person p;
	struct api_error err;
	static const char four[] = PERSON_WITH(CARD_OK "," CARD_OK ","
	    CARD_OK "," CARD_OK);

	assert_int_equal(apijson_decode_person(&p, four, strlen(four), &err), 0);
	assert_int_equal(p.ncards, 4);
	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD_OK "," CARD_OK ","
	    CARD_OK "," CARD_OK "," CARD_OK)), -1);
}

/* Identifiers that do not fit are refused; free text is cut on a
 * character boundary. */
static void
test_lengths(void **state)
{
	char buf[4096], name[901];
	struct person p;
	struct api_error err;
	size_t i;

	/* card_id of REF_MAX characters: one too many */
	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD(
	    "C-3456789012345678901234567890123456789", "normal", "active",
	    "active"))), 0);
	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD(
	    "C-34567890123456789012345678901234567890", "normal", "active",
	    "active"))), -1);
	/* empty id */
	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD("", "normal",
	    "active", "active"))), -1);

	/* 300 three-byte characters: cut to 85 whole ones (255 bytes) */
	for (i = 0; i < 300; i++)
		memcpy(name + 3 * i, "张", 3);
	name[900] = '\0';
	snprintf(buf, sizeof buf, "{\"person_id\":\"P\",\"name\":\"%s\","
	    "\"id_number_masked\":\"m\",\"birth_date\":\"1990-01-01\","
	    "\"sex\":\"male\",\"as_of\":\"2026-11-22\",\"cards\":[]}", name);
	assert_int_equal(apijson_decode_person(&p, buf, strlen(buf), &err), 0);
	assert_int_equal(strlen(p.name), 255);
	assert_memory_equal(p.name, name, 255);

	/* tokens: too long, or with a character a header cannot carry */
	memset(name, 'a', 129);
	name[129] = '\0';
	snprintf(buf, sizeof buf, "{\"token\":\"%s\",\"expires_in\":1,"
	    "\"staff\":{\"staff_id\":\"a\",\"name\":\"b\",\"role\":\"clerk\","
	    "\"counter\":\"c\"}}", name);
	assert_int_equal(decode(K_SESSION, buf), -1);
	name[128] = '\0';
	snprintf(buf, sizeof buf, "{\"token\":\"%s\",\"expires_in\":1,"
	    "\"staff\":{\"staff_id\":\"a\",\"name\":\"b\",\"role\":\"clerk\","
	    "\"counter\":\"c\"}}", name);
	assert_int_equal(decode(K_SESSION, buf), 0);
	assert_int_equal(decode(K_SESSION, "{\"token\":\"a b\",\"expires_in\":1,"
	    "\"staff\":{\"staff_id\":\"a\",\"name\":\"b\",\"role\":\"clerk\","
	    "\"counter\":\"c\"}}"), -1);
	assert_int_equal(decode(K_SESSION, "{\"token\":\"a\\r\\nX: y\","
	    "\"expires_in\":1,\"staff\":{\"staff_id\":\"a\",\"name\":\"b\","
	    "\"role\":\"clerk\",\"counter\":\"c\"}}"), -1);
}

/* "\u0000" would become a NUL inside cJSON's string and every strlen()
 * after it would cut an id short without a word ("C-0001\u0000x" read as
 * "C-0001": another card).  The whole reply is refused; an escaped
 * backslash followed by "u0000" is just text and stays fine. */
static void
test_nul_escape(void **state)
{
	struct api_error e;
	static const char err_nul[] =
	    "{\"code\":\"name_mismatch\\u0000x\",\"message\":\"m\"}";

	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD("C-0001\\u0000x",
	    "normal", "active", "active"))), -1);
	assert_int_equal(decode(K_SESSION, "{\"token\":\"ab\\u0000cd\","
	    "\"expires_in\":1,\"staff\":{\"staff_id\":\"a\",\"name\":\"b\","
	    "\"role\":\"clerk\",\"counter\":\"c\"}}"), -1);
	/* an escaped backslash before u0000 is text, not a NUL (in a text
	 * member: a backslash is no identifier's character) */
	assert_int_equal(decode(K_APPLICATION, "{\"application_id\":\"MA-1\","
	    "\"service\":\"s\",\"status\":\"completed\",\"created_at\":\"t\","
	    "\"next_steps\":\"C-0001\\\\u0000x\",\"card\":" CARD_OK "}"), 0);
	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD("C-0001\\u0041",
	    "normal", "active", "active"))), 0);
	/* an error reply with one is not read at all (-2: unreadable) */
	memset(&e, 0, sizeof e);
	assert_int_equal(apijson_decode_error(&e, 422, err_nul,
	    strlen(err_nul)), -2);
	assert_string_equal(e.code, "http_422");
}

/* Identifiers the terminal cites back are of the grammar api_ref_ok()
 * accepts (docs/api.md): anything else makes the reply unreadable at once,
 * not a path refused later. */
static void
test_identifier_grammar(void **state)
{
	static const char *const bad_ids[] = {
		"P/../x", ".", "..", "P 1", "P?x=1", "张", "P\\u000a",
	};
	char s[1024];
	size_t i;

	for (i = 0; i < sizeof bad_ids / sizeof bad_ids[0]; i++) {
		snprintf(s, sizeof s, "{\"person_id\":\"%s\",\"name\":\"x\","
		    "\"id_number_masked\":\"m\",\"birth_date\":\"1990-01-01\","
		    "\"sex\":\"male\",\"as_of\":\"2026-11-22\",\"cards\":[]}",
		    bad_ids[i]);
		assert_int_equal(decode(K_PERSON, s), -1);
		snprintf(s, sizeof s, "{\"check_id\":\"%s\",\"person\":"
		    PERSON_OK "}", bad_ids[i]);
		assert_int_equal(decode(K_IDENTITY, s), -1);
	}
	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD("C-1.a_b-Z9",
	    "normal", "active", "active"))), 0);
	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD("C/1", "normal",
	    "active", "active"))), -1);
}

/* A member named twice in any object makes the whole reply unreadable:
 * cJSON would take the first without a word. */
static void
test_duplicate_keys(void **state)
{
	static const struct { enum kind k; const char *s; } dups[] = {
		{ K_IDENTITY, "{\"check_id\":\"IC-1\",\"check_id\":\"IC-2\","
		    "\"person\":" PERSON_OK "}" },
		{ K_PERSON, PERSON_WITH(CARD_OK "," CARD("C-2\",\"ss\":"
		    "\"active", "normal", "inactive", "inactive")) },
		{ K_APPLICATION, "{\"application_id\":\"MA-1\",\"x\":[{\"a\":1,"
		    "\"a\":1}],\"service\":\"s\",\"status\":\"completed\","
		    "\"created_at\":\"t\",\"next_steps\":\"n\",\"card\":"
		    CARD_OK "}" },
		/* a name that is not looked at counts the same */
		{ K_PERSON, "{\"z\":0,\"person_id\":\"P-1\",\"z\":1}" },
	};
	struct api_error err;
	size_t i;

	for (i = 0; i < sizeof dups / sizeof dups[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(decode_n(dups[i].k, dups[i].s,
		    strlen(dups[i].s), &err), -1);
		assert_non_null(strstr(err.detail, "twice"));
	}
	/* Names differing only in case are two names; the same value under
	 * two names is fine. */
	assert_int_equal(decode(K_PERSON, PERSON_WITH(CARD("C-1\",\"Ss\":"
	    "\"x", "normal", "inactive", "inactive"))), 0);
}

/* Many members: found by sorting (n log n), at the end as at the start. */
static void
test_duplicate_keys_many(void **state)
{
	size_t n = 20000, i, len = 0, cap = n * 16 + 64;
	char *s = malloc(cap);
	struct api_error err;

	assert_non_null(s);
	len += (size_t)snprintf(s + len, cap - len, "{");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len, "\"k%zu\":0,", i);
	len += (size_t)snprintf(s + len, cap - len, "\"k7\":0}");
	assert_int_equal(decode_n(K_PERSON, s, len, &err), -1);
	assert_non_null(strstr(err.detail, "twice"));
	free(s);
}

/* An error reply with a member named twice: -2, not "not our shape". */
static void
test_error_duplicate(void **state)
{
	static const char s[] = "{\"code\":\"card_lost\",\"message\":\"m\","
	    "\"field\":\"card_id\",\"field\":\"phone\"}";
	struct api_error e;
	size_t len;
	char *b = exact(s, &len);

	memset(&e, 0, sizeof e);
	assert_int_equal(apijson_decode_error(&e, 422, b, len), -2);
	assert_string_equal(e.code, "http_422");
	assert_string_equal(e.field, "");
	free(b);
}

static void
test_encoders(void **state)
{
	char *s;
	struct identity_request ir = {
		.id_number = "11010519491231002X", .name = "张伟",
		.valid_until = "long-term", .original_sighted = true,
		.photocopy_taken = true, .face = FACE_PASS, .fingerprint = false,
	};
	struct medical_request mr = {
		.check_id = "IC-000017", .card_id = "C-0001",
		.bank_card = "6222020200112233445", .phone = "13800000001",
		.luhn_confirmed = true, .idem_key = "k",
	};

	s = apijson_encode_sign_in("clerk01", "p\"w\\\n", "C-03");
	assert_non_null(s);
	assert_string_equal(s, "{\"staff_id\":\"clerk01\","
	    "\"password\":\"p\\\"w\\\\\\n\",\"counter\":\"C-03\"}");
	free(s);

	s = apijson_encode_identity(&ir);
	assert_non_null(s);
	assert_string_equal(s, "{\"id_number\":\"11010519491231002X\","
	    "\"name\":\"张伟\",\"id_valid_until\":\"long-term\","
	    "\"checklist\":{\"original_sighted\":true,\"photocopy_taken\":true,"
	    "\"face\":\"pass\",\"fingerprint\":false}}");
	free(s);

	s = apijson_encode_medical(&mr);
	assert_non_null(s);
	assert_string_equal(s, "{\"check_id\":\"IC-000017\","
	    "\"card_id\":\"C-0001\",\"bank_card\":\"6222020200112233445\","
	    "\"phone\":\"13800000001\",\"luhn_confirmed\":true}");
	free(s);

	/* control characters escaped, worst case fits */
	{
		char pw[200];

		memset(pw, 0x01, sizeof pw - 1);
		pw[sizeof pw - 1] = '\0';
		s = apijson_encode_sign_in("a", pw, NULL);
		assert_non_null(s);
		assert_non_null(strstr(s, "\\u0001"));
		free(s);
	}
	ir.name = NULL;
	assert_null(apijson_encode_identity(&ir));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_good),
		cmocka_unit_test(test_identity_good),
		cmocka_unit_test(test_person_good),
		cmocka_unit_test(test_person_no_phone_no_cards),
		cmocka_unit_test(test_unmasked),
		cmocka_unit_test(test_application_good),
		cmocka_unit_test(test_error_good),
		cmocka_unit_test(test_error_not_shaped),
		cmocka_unit_test(test_missing_field),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_not_nul_terminated),
		cmocka_unit_test(test_oversize),
		cmocka_unit_test(test_unknown_enum),
		cmocka_unit_test(test_cards_bound),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_nul_escape),
		cmocka_unit_test(test_identifier_grammar),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_duplicate_keys_many),
		cmocka_unit_test(test_error_duplicate),
		cmocka_unit_test(test_encoders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
