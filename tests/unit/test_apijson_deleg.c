/*
 * test_apijson_deleg.c -- the JSON of delegations, approvals, households
 * and newborn registrations: good replies become the plain structs; a
 * missing or wrong-typed member, an unknown status word, too many
 * members, guardians, results or items on a page, a cursor that could
 * not go back into a path, fail cleanly with API_BAD_REPLY.  Replies
 * are handed over with their exact length and no NUL (ASan sees any read
 * past the end); encoders give the documented bodies.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "net/apijson_deleg.h"

#define CARD_OK \
	"{\"card_id\":\"C-0100\",\"number_masked\":\"B0****104\"," \
	"\"bank\":\"ICBC\",\"state\":\"normal\",\"ss\":\"inactive\"," \
	"\"fin\":\"inactive\",\"received_on\":\"2026-08-14\"," \
	"\"deadline\":\"2027-06-10\"}"
#define PARTY(id, name) \
	"{\"person_id\":\"" id "\",\"name\":\"" name "\"," \
	"\"id_number_masked\":\"110105********0229\"}"
#define APPROVAL(status, decided) \
	"{\"application_id\":\"DA-20261122-0001\",\"status\":\"" status "\"," \
	"\"submitted_at\":\"2026-11-22T09:41:07+08:00\",\"age_seconds\":754," \
	"\"submitted_by\":{\"staff_id\":\"clerk01\",\"name\":\"王小明\"}," \
	"\"counter\":\"C-03\",\"agent\":" PARTY("P-0101", "马军") "," \
	"\"insured\":" PARTY("P-0100", "孙丽") ",\"card\":" CARD_OK "," \
	"\"activation\":\"ss\",\"poa\":{\"number\":\"POA-1\"," \
	"\"signed_on\":\"2026-10-02\",\"covers_ss\":true," \
	"\"covers_fin\":false},\"checklist\":{" \
	"\"insured_original_sighted\":true,\"photocopies_taken\":true," \
	"\"poa_original_sighted\":false}" decided "}"
#define DECIDED \
	",\"decided_by\":{\"staff_id\":\"super01\",\"name\":\"陈主管\"}," \
	"\"decided_at\":\"2026-11-22T10:02:51+08:00\",\"reason\":\"no\""
#define MEMBER(no, guardians) \
	"{\"member_no\":" #no ",\"name\":\"胡小宝\",\"relation\":\"child\"," \
	"\"sex\":\"male\",\"birth_date\":\"2026-10-23\"," \
	"\"id_number_masked\":\"110108********0717\",\"person_id\":\"\"," \
	"\"has_card\":false,\"guardians\":[" guardians "]}"
#define HOUSEHOLD(members) \
	"{\"register_no\":\"HH-0100\",\"address\":\"学院路 100 号\"," \
	"\"as_of\":\"2026-11-22\",\"members\":[" members "]}"
#define NEWBORN(results) \
	"{\"application_id\":\"NB-20261122-0002\"," \
	"\"service\":\"newborn-registration\",\"status\":\"completed\"," \
	"\"created_at\":\"2026-11-22T09:41:07+08:00\",\"next_steps\":\"x\"," \
	"\"child_name\":\"胡小宝\"," \
	"\"child_id_number_masked\":\"110108********0717\"," \
	"\"results\":[" results "]}"

typedef int decode_fn(void *out, const char *body, size_t len,
    struct api_error *err);

/* Decode s from an exact-length copy; the result code. */
static int
decode(decode_fn *fn, void *out, const char *s, struct api_error *err)
{
	size_t n = strlen(s);
	char *p = malloc(n);
	int rc;

	assert_non_null(p);
	memcpy(p, s, n);
	memset(err, 0, sizeof *err);
	rc = fn(out, p, n, err);
	free(p);
	return rc;
}

static int
dec_approval(void *o, const char *b, size_t n, struct api_error *e)
{
	return apijson_decode_approval(o, b, n, e);
}

static int
dec_approvals(void *o, const char *b, size_t n, struct api_error *e)
{
	return apijson_decode_approvals(o, b, n, e);
}

static int
dec_household(void *o, const char *b, size_t n, struct api_error *e)
{
	return apijson_decode_household(o, b, n, e);
}

static int
dec_newborn(void *o, const char *b, size_t n, struct api_error *e)
{
	return apijson_decode_results_app(o, b, n, e);
}

static void
bad(decode_fn *fn, void *out, const char *s)
{
	struct api_error err;

	assert_int_equal(decode(fn, out, s, &err), -1);
	assert_int_equal(err.result, API_BAD_REPLY);
}

static void
test_approval(void **state)
{
	static struct approval ap;
	static struct approval_list l;
	struct api_error err;

	(void)state;
	assert_int_equal(decode(dec_approval, &ap,
	    APPROVAL("pending-approval", ""), &err), 0);
	assert_false(ap.decided);
	assert_string_equal(ap.insured.name, "孙丽");
	assert_string_equal(ap.submitted_by_id, "clerk01");
	assert_int_equal(ap.age_seconds, 754);
	assert_true(ap.covers_ss);
	assert_false(ap.poa_original_sighted);
	assert_int_equal(ap.poa_signed_on.m, 10);
	assert_int_equal(decode(dec_approval, &ap,
	    APPROVAL("rejected", DECIDED), &err), 0);
	assert_true(ap.decided);
	assert_string_equal(ap.decided_by_name, "陈主管");
	assert_string_equal(ap.reason, "no");
	/* Decided without who decided; unknown status; wrong types. */
	bad(dec_approval, &ap, APPROVAL("approved", ""));
	bad(dec_approval, &ap, APPROVAL("maybe", ""));
	bad(dec_approval, &ap, "{\"application_id\":1}");
	bad(dec_approval, &ap, "[]");
	assert_int_equal(decode(dec_approvals, &l, "{\"items\":["
	    APPROVAL("pending-approval", "") "," APPROVAL("approved", DECIDED)
	    "]}", &err), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(decode(dec_approvals, &l, "{\"items\":[]}", &err), 0);
	assert_int_equal(l.n, 0);
	bad(dec_approvals, &l, "{\"items\":{}}");
	bad(dec_approvals, &l, "{\"items\":[1]}");
}

/* A page: where the list goes on and how long it is, or neither. */
static void
test_approval_pages(void **state)
{
	static struct approval_list l;
	static char big[64 * 1024];
	static const char *const bad_ends[] = {
		"\"next_cursor\":5", "\"next_cursor\":\"\"",
		"\"next_cursor\":\"q/1\"", "\"next_cursor\":\"..\"",
		"\"next_cursor\":\"q123456789012345678901234567890123\"",
		"\"total\":-1", "\"total\":\"3\"", "\"total\":1.5",
	};
	struct api_error err;
	char body[256];
	size_t n;

	(void)state;
	assert_int_equal(decode(dec_approvals, &l, "{\"items\":["
	    APPROVAL("pending-approval", "") "],\"next_cursor\":\"q32\","
	    "\"total\":57}", &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.next_cursor, "q32");
	assert_int_equal(l.total, 57);
	/* The last page: null or no cursor; no total said. */
	assert_int_equal(decode(dec_approvals, &l, "{\"items\":[],"
	    "\"next_cursor\":null}", &err), 0);
	assert_string_equal(l.next_cursor, "");
	assert_int_equal(l.total, -1);
	assert_int_equal(decode(dec_approvals, &l, "{\"items\":[]}", &err),
	    0);
	assert_string_equal(l.next_cursor, "");
	for (size_t i = 0; i < sizeof bad_ends / sizeof bad_ends[0]; i++) {
		snprintf(body, sizeof body, "{\"items\":[],%s}", bad_ends[i]);
		bad(dec_approvals, &l, body);
	}
	/* More than a page is refused, never cut to it. */
	n = (size_t)snprintf(big, sizeof big, "{\"items\":[");
	for (int i = 0; i <= APPROVALS_PAGE; i++)
		n += (size_t)snprintf(big + n, sizeof big - n, "%s%s",
		    i ? "," : "", APPROVAL("pending-approval", ""));
	snprintf(big + n, sizeof big - n, "]}");
	bad(dec_approvals, &l, big);
}

static void
test_household(void **state)
{
	static struct household h;
	struct api_error err;

	(void)state;
	assert_int_equal(decode(dec_household, &h,
	    HOUSEHOLD(MEMBER(5, "1,2")), &err), 0);
	assert_int_equal(h.nmembers, 1);
	assert_int_equal(h.members[0].member_no, 5);
	assert_int_equal(h.members[0].nguardians, 2);
	assert_int_equal(h.members[0].guardians[1], 2);
	assert_int_equal(h.members[0].sex, SEX_MALE);
	bad(dec_household, &h, HOUSEHOLD(MEMBER(5, "1,2,3,4,5")));
	bad(dec_household, &h, HOUSEHOLD(MEMBER(0, "")));
	bad(dec_household, &h, HOUSEHOLD(MEMBER(5, "\"1\"")));
	bad(dec_household, &h, HOUSEHOLD(MEMBER(1, "") "," MEMBER(2, "") ","
	    MEMBER(3, "") "," MEMBER(4, "") "," MEMBER(5, "") ","
	    MEMBER(6, "") "," MEMBER(7, "") "," MEMBER(8, "") ","
	    MEMBER(9, "")));
	bad(dec_household, &h, "{\"register_no\":\"HH-0100\"}");
}

static void
test_newborn(void **state)
{
	static struct application a;
	struct api_error err;

	(void)state;
	assert_int_equal(decode(dec_newborn, &a,
	    NEWBORN("\"one\",\"two\",\"three\""), &err), 0);
	assert_int_equal(a.nresults, 3);
	assert_string_equal(a.results[2], "three");
	assert_string_equal(a.subject_name, "胡小宝");
	assert_int_equal(a.card.card_id[0], '\0');    /* no "card": none */
	bad(dec_newborn, &a, NEWBORN(""));
	bad(dec_newborn, &a, NEWBORN("\"1\",\"2\",\"3\",\"4\",\"5\""));
	bad(dec_newborn, &a, NEWBORN("1"));
	bad(dec_newborn, &a, NEWBORN("\"a\\u0000b\""));
	/* The child's first card, when the answer carries it. */
	assert_int_equal(decode(dec_newborn, &a, NEWBORN("\"one\"],\"card\":{"
	    "\"card_id\":\"C-0250\",\"number_masked\":\"B0****250\","
	    "\"bank\":\"ICBC\",\"state\":\"normal\",\"ss\":\"inactive\","
	    "\"fin\":\"inactive\",\"received_on\":\"2026-11-22\","
	    "\"deadline\":\"2027-09-18\"}, \"x\":[0"), &err), 0);
	assert_string_equal(a.card.card_id, "C-0250");
	assert_string_equal(a.card.number_masked, "B0****250");
	assert_int_equal(a.nresults, 1);
	bad(dec_newborn, &a, NEWBORN("\"one\"],\"card\":\"C-0250\",\"x\":[0"));
	bad(dec_newborn, &a, NEWBORN("\"one\"],\"card\":{\"card_id\":1},"
	    "\"x\":[0"));
}

/* Numbers the service forgot to mask reach no struct whole: the insured
 * and agent of an approval, its card, a household member, a newborn. */
static void
test_unmasked(void **state)
{
	static struct approval ap;
	static struct household h;
	static struct application a;
	struct api_error err;

	(void)state;
	assert_int_equal(decode(dec_approval, &ap, "{\"application_id\":"
	    "\"DA-1\",\"status\":\"pending-approval\",\"submitted_at\":\"x\","
	    "\"age_seconds\":1,\"submitted_by\":{\"staff_id\":\"clerk01\","
	    "\"name\":\"王\"},\"counter\":\"C-03\",\"agent\":{\"person_id\":"
	    "\"P-0101\",\"name\":\"马军\",\"id_number_masked\":"
	    "\"110106198005200155\"},\"insured\":{\"person_id\":\"P-0100\","
	    "\"name\":\"孙丽\",\"id_number_masked\":\"110105195603080229\"},"
	    "\"card\":{\"card_id\":\"C-0100\",\"number_masked\":\"B01234104\","
	    "\"bank\":\"ICBC\",\"state\":\"normal\",\"ss\":\"inactive\","
	    "\"fin\":\"inactive\",\"received_on\":\"2026-08-14\","
	    "\"deadline\":\"2027-06-10\"},\"activation\":\"ss\",\"poa\":{"
	    "\"number\":\"POA-1\",\"signed_on\":\"2026-10-02\","
	    "\"covers_ss\":true,\"covers_fin\":false},\"checklist\":{"
	    "\"insured_original_sighted\":true,\"photocopies_taken\":true,"
	    "\"poa_original_sighted\":true}}", &err), 0);
	assert_string_equal(ap.agent.id_masked, "110106********0155");
	assert_string_equal(ap.insured.id_masked, "110105********0229");
	assert_string_equal(ap.card.number_masked, "B0****104");
	assert_int_equal(decode(dec_household, &h, "{\"register_no\":"
	    "\"HH-0100\",\"address\":\"x\",\"as_of\":\"2026-11-22\","
	    "\"members\":[{\"member_no\":5,\"name\":\"胡小宝\","
	    "\"relation\":\"child\",\"sex\":\"male\","
	    "\"birth_date\":\"2026-10-23\",\"id_number_masked\":"
	    "\"110108202610230717\",\"person_id\":\"\",\"has_card\":false,"
	    "\"guardians\":[1]}]}", &err), 0);
	assert_string_equal(h.members[0].id_masked, "110108********0717");
	assert_int_equal(decode(dec_newborn, &a, "{\"application_id\":"
	    "\"NB-1\",\"service\":\"newborn-registration\",\"status\":"
	    "\"completed\",\"created_at\":\"x\",\"next_steps\":\"x\","
	    "\"child_name\":\"胡小宝\",\"child_id_number_masked\":"
	    "\"110108202610230717\",\"results\":[\"one\"]}", &err), 0);
	assert_string_equal(a.subject_id_masked, "110108********0717");
}

static void
test_encoders(void **state)
{
	struct poa_request pr = { .check_id = "IC-1",
	    .insured_id_number = "110105195603080229",
	    .insured_name = "孙丽", .card_id = "C-0100", .activation = "fin",
	    .poa_number = "P\"1", .poa_signed_on = "2026-10-02",
	    .covers_fin = true, .photocopies_taken = true };
	struct newborn_request nr = { .check_id = "IC-2",
	    .register_no = "HH-0100", .member_no = 5,
	    .commitment_confirmed = true };
	char *s;

	(void)state;
	s = apijson_encode_poa(&pr);
	assert_non_null(s);
	assert_non_null(strstr(s, "\"poa_number\":\"P\\\"1\""));
	assert_non_null(strstr(s, "\"poa_covers_ss\":false"));
	assert_non_null(strstr(s, "\"poa_covers_fin\":true"));
	assert_non_null(strstr(s, "\"insured_original_sighted\":false"));
	free(s);
	s = apijson_encode_decision(false, "why");
	assert_string_equal(s, "{\"decision\":\"reject\",\"reason\":\"why\"}");
	free(s);
	s = apijson_encode_newborn(&nr);
	assert_string_equal(s, "{\"check_id\":\"IC-2\",\"register_no\":"
	    "\"HH-0100\",\"member_no\":5,\"commitment_confirmed\":true}");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_approval),
		cmocka_unit_test(test_approval_pages),
		cmocka_unit_test(test_household),
		cmocka_unit_test(test_newborn),
		cmocka_unit_test(test_unmasked),
		cmocka_unit_test(test_encoders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
