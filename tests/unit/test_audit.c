/*
 * test_audit.c -- the keyed, chained audit log: an intact log verifies; a
 * changed, deleted, inserted or swapped record, or a cut last line, is
 * reported at the first broken record; a chain recomputed without the key
 * is refused; what a chain alone cannot show (the tail cut, the log
 * emptied, a rewrite by someone with the key) shows against an anchor; a
 * torn write is accepted only when a torn_tail record accounts for it,
 * and the chain goes on after it; a version-1 log is still checked,
 * unkeyed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "forms/audit.h"

static unsigned char key[AUDIT_KEY_BYTES], other[AUDIT_KEY_BYTES];
static char log_text[10 * AUDIT_LINE_MAX];
static size_t log_len, head_len;
static char head[128];
static char rec[5][AUDIT_LINE_MAX];
static struct audit_anchor last;     /* record 5 */

static const char *const ev[5] = { "signin", "identity", "submit", "lock",
    "unlock" };

/* header + the five records, macs under k, into out. */
static size_t
make_log(char *out, const unsigned char *k, char recs[5][AUDIT_LINE_MAX],
    struct audit_anchor *end)
{
	struct audit_chain c;
	size_t len;

	len = (size_t)audit_header(out, 128, "T0123abcd");
	audit_chain_start(&c, k, out, len);
	for (int i = 0; i < 5; i++) {
		int n = audit_format(recs[i], &c, k, "2026-11-22T09:00:0Z",
		    ev[i], "clerk01", "C-01", "id 110105********0135\tok\n");

		assert_true(n > 0);
		memcpy(out + len, recs[i], (size_t)n);
		len += (size_t)n;
	}
	if (end != NULL) {
		end->seq = c.seq;
		memcpy(end->mac, c.last, sizeof end->mac);
	}
	return len;
}

static int
setup(void **state)
{
	memset(key, 0x11, sizeof key);
	memset(other, 0x22, sizeof other);
	log_len = make_log(log_text, key, rec, &last);
	head_len = (size_t)audit_header(head, sizeof head, "T0123abcd");
	return 0;
}

/* The header, then records order[0..n). */
static void
build(char *out, size_t *len, const int *order, int n)
{
	memcpy(out, head, head_len);
	*len = head_len;
	for (int i = 0; i < n; i++) {
		size_t k = strlen(rec[order[i]]);

		memcpy(out + *len, rec[order[i]], k);
		*len += k;
	}
}

static void
test_intact(void **state)
{
	struct audit_verdict v;
	struct audit_chain c;
	size_t torn = 9;

	assert_int_equal(audit_verify(log_text, log_len, key, &last, &v), 0);
	assert_int_equal(v.records, 5);
	assert_int_equal(v.bad, 0);
	assert_false(v.unkeyed);
	assert_string_equal(v.terminal, "T0123abcd");
	assert_int_equal(v.head.seq, 5);
	assert_string_equal(v.head.mac, last.mac);
	/* Control characters in a field do not make new fields or lines. */
	assert_ptr_equal(strchr(rec[0], '\n'), rec[0] + strlen(rec[0]) - 1);
	/* Appending after a resume keeps the chain. */
	assert_int_equal(audit_chain_resume(&c, &torn, key, log_text, log_len),
	    0);
	assert_int_equal(c.seq, 5);
	assert_int_equal(torn, 0);
	{
		char more[AUDIT_LINE_MAX], all[sizeof log_text];
		int n = audit_format(more, &c, key, "t", "signout", "clerk01",
		    "C-01", "");

		memcpy(all, log_text, log_len);
		memcpy(all + log_len, more, (size_t)n);
		assert_int_equal(audit_verify(all, log_len + (size_t)n, key,
		    NULL, &v), 0);
		assert_int_equal(v.records, 6);
	}
	/* A log that is only its header resumes at its start. */
	assert_int_equal(audit_chain_resume(&c, &torn, key, head, head_len), 0);
	assert_int_equal(c.seq, 0);
}

static void
test_tampered(void **state)
{
	char copy[sizeof log_text], *p;
	struct audit_verdict v;

	memcpy(copy, log_text, log_len);
	/* Record 3's event "submit" becomes "sUbmit". */
	p = strstr(copy, "submit");
	assert_non_null(p);
	p[1] = 'U';
	assert_int_equal(audit_verify(copy, log_len, key, NULL, &v), -1);
	assert_int_equal(v.bad, 3);
	assert_int_equal(v.records, 2);
	assert_non_null(strstr(v.why, "changed"));
}

/* A record forged and the chain recomputed by someone without the key:
 * every mac is wrong. */
static void
test_forged_without_key(void **state)
{
	char forged[sizeof log_text], r[5][AUDIT_LINE_MAX];
	size_t len = make_log(forged, other, r, NULL);
	struct audit_verdict v;

	struct audit_chain c;
	char line[AUDIT_LINE_MAX];
	int n;

	assert_int_equal(audit_verify(forged, len, key, NULL, &v), -1);
	assert_int_equal(v.bad, 1);
	/* One record added at the end, chained right, its mac made without
	 * the key. */
	memcpy(forged, log_text, log_len);
	c.seq = last.seq;
	memcpy(c.last, last.mac, sizeof c.last);
	n = audit_format(line, &c, other, "t", "approve", "super01", "C-01",
	    "x");
	memcpy(forged + log_len, line, (size_t)n);
	assert_int_equal(audit_verify(forged, log_len + (size_t)n, key, NULL,
	    &v), -1);
	assert_int_equal(v.bad, 6);
	assert_non_null(strstr(v.why, "without the key"));
	/* Nor can a keyed log be checked without its key. */
	assert_int_equal(audit_verify(log_text, log_len, NULL, NULL, &v), -1);
	assert_non_null(strstr(v.why, "key is needed"));
}

static void
test_deleted(void **state)
{
	static const int order[] = { 0, 1, 3, 4 };
	char copy[sizeof log_text];
	size_t len;
	struct audit_verdict v;

	build(copy, &len, order, 4);
	assert_int_equal(audit_verify(copy, len, key, NULL, &v), -1);
	assert_int_equal(v.bad, 3);
	assert_non_null(strstr(v.why, "sequence"));
}

static void
test_reordered(void **state)
{
	static const int order[] = { 0, 2, 1, 3, 4 };
	char copy[sizeof log_text];
	size_t len;
	struct audit_verdict v;

	build(copy, &len, order, 5);
	assert_int_equal(audit_verify(copy, len, key, NULL, &v), -1);
	assert_int_equal(v.bad, 2);
}

static void
test_renumbered(void **state)
{
	/* A deleted record whose followers are renumbered: the chain breaks. */
	static const int order[] = { 0, 1 };
	char copy[sizeof log_text], r4[AUDIT_LINE_MAX];
	struct audit_verdict v;
	size_t len;

	build(copy, &len, order, 2);
	memcpy(r4, rec[3], strlen(rec[3]) + 1);
	r4[0] = '3';
	memcpy(copy + len, r4, strlen(r4));
	len += strlen(r4);
	assert_int_equal(audit_verify(copy, len, key, NULL, &v), -1);
	assert_int_equal(v.bad, 3);
	assert_non_null(strstr(v.why, "chain"));
}

/* Cut at a record boundary, or emptied: the chain is whole, the anchor
 * (the key file's copy of the last record, or the service's) is not. */
static void
test_cut_against_anchor(void **state)
{
	static const int order[] = { 0, 1, 2, 3 };
	char copy[sizeof log_text];
	struct audit_verdict v;
	size_t len;

	build(copy, &len, order, 4);
	assert_int_equal(audit_verify(copy, len, key, NULL, &v), 0);
	assert_int_equal(audit_verify(copy, len, key, &last, &v), -1);
	assert_non_null(strstr(v.why, "cut off the end"));
	assert_int_equal(audit_verify(head, head_len, key, &last, &v), -1);
	assert_int_equal(audit_verify("", 0, key, &last, &v), -1);
	assert_int_equal(v.records, 0);
}

/* Rewritten by someone who has the key, the chain recomputed: the
 * anchored record is not the one the log now has. */
static void
test_rewritten_against_anchor(void **state)
{
	char copy[sizeof log_text], *p, r[5][AUDIT_LINE_MAX];
	struct audit_chain c;
	struct audit_verdict v;
	size_t len;

	len = (size_t)audit_header(copy, 128, "T0123abcd");
	audit_chain_start(&c, key, copy, len);
	for (int i = 0; i < 5; i++) {
		int n = audit_format(r[i], &c, key, "2026-11-22T09:00:0Z",
		    i == 2 ? "nothing" : ev[i], "clerk01", "C-01", "x");

		memcpy(copy + len, r[i], (size_t)n);
		len += (size_t)n;
	}
	assert_int_equal(audit_verify(copy, len, key, NULL, &v), 0);
	assert_int_equal(audit_verify(copy, len, key, &last, &v), -1);
	assert_int_equal(v.bad, 5);
	assert_non_null(strstr(v.why, "rewritten"));
	(void)p;
}

/* A write cut short: open (not yet recorded) it is only noted; the next
 * writer ends the line and records it, and the chain goes on; a fragment
 * nobody accounts for breaks the log. */
static void
test_torn_tail(void **state)
{
	char copy[sizeof log_text], detail[32], line[AUDIT_LINE_MAX];
	struct audit_chain c;
	struct audit_verdict v;
	size_t len = log_len, torn;
	int n;

	memcpy(copy, log_text, log_len);
	memcpy(copy + len, rec[0], 20);          /* half a record */
	len += 20;
	assert_int_equal(audit_verify(copy, len, key, &last, &v), 0);
	assert_true(v.torn_open);
	assert_int_equal(v.records, 5);

	assert_int_equal(audit_chain_resume(&c, &torn, key, copy, len), 0);
	assert_int_equal(c.seq, 5);
	assert_int_equal(torn, 20);
	copy[len++] = '\n';
	audit_torn_detail(detail, sizeof detail, torn + 1);
	n = audit_format(line, &c, key, "t", "torn_tail", "clerk01", "C-01",
	    detail);
	memcpy(copy + len, line, (size_t)n);
	len += (size_t)n;
	n = audit_format(line, &c, key, "t", "signin", "clerk01", "C-01", "");
	memcpy(copy + len, line, (size_t)n);
	len += (size_t)n;
	assert_int_equal(audit_verify(copy, len, key, &last, &v), 0);
	assert_int_equal(v.torn, 1);
	assert_int_equal(v.records, 7);
	assert_false(v.torn_open);

	/* The same fragment with no torn_tail after it. */
	memcpy(copy, log_text, log_len);
	len = log_len;
	memcpy(copy + len, "garbage\n", 8);
	len += 8;
	n = audit_format(line, &c, key, "t", "signin", "clerk01", "C-01", "");
	assert_int_equal(audit_verify(copy, len, key, NULL, &v), -1);
	assert_int_equal(v.bad, 6);
}

static void
test_unmasked_detail(void **state)
{
	struct audit_chain c;
	char line[AUDIT_LINE_MAX], all[2 * AUDIT_LINE_MAX];
	struct audit_verdict v;
	int n;

	audit_chain_start(&c, key, head, head_len);
	n = audit_format(line, &c, key, "t", "submit", "clerk01", "C-01",
	    "id 11010519491231002X bank 6222020200112233446 app MA-20261122-0001");
	assert_true(n > 0);
	assert_null(strstr(line, "11010519491231002X"));
	assert_null(strstr(line, "6222020200112233446"));
	assert_non_null(strstr(line, "id 110105********002X bank "
	    "622202*********3446 app MA-20261122-0001"));
	memcpy(all, head, head_len);
	memcpy(all + head_len, line, (size_t)n);
	assert_int_equal(audit_verify(all, head_len + (size_t)n, key, NULL, &v),
	    0);
}

static void
test_cut(void **state)
{
	struct audit_verdict v;

	/* The last line cut in the middle: the records before are intact,
	 * the cut one is a torn write not yet recorded. */
	assert_int_equal(audit_verify(log_text, log_len - 5, key, NULL, &v), 0);
	assert_int_equal(v.records, 4);
	assert_true(v.torn_open);
	/* ... which the key file's anchor shows is one record short. */
	assert_int_equal(audit_verify(log_text, log_len - 5, key, &last, &v),
	    -1);
	assert_int_equal(audit_verify("garbage\n", 8, key, NULL, &v), -1);
	assert_int_equal(v.bad, 1);
	assert_int_equal(audit_verify("#nope\n", 6, key, NULL, &v), -1);
}

/* A version-1 log (no header, unkeyed): checked, and said to be so. */
static void
test_version_1(void **state)
{
	struct audit_chain c;
	char line[AUDIT_LINE_MAX], all[3 * AUDIT_LINE_MAX];
	struct audit_verdict v;
	size_t len = 0;

	audit_chain_start(&c, NULL, NULL, 0);
	for (int i = 0; i < 2; i++) {
		int n = audit_format(line, &c, NULL, "t", ev[i], "clerk01",
		    "C-01", "");

		memcpy(all + len, line, (size_t)n);
		len += (size_t)n;
	}
	assert_int_equal(audit_verify(all, len, key, NULL, &v), 0);
	assert_true(v.unkeyed);
	assert_int_equal(v.records, 2);
	all[3] ^= 1;
	assert_int_equal(audit_verify(all, len, NULL, NULL, &v), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intact),
		cmocka_unit_test(test_tampered),
		cmocka_unit_test(test_forged_without_key),
		cmocka_unit_test(test_deleted),
		cmocka_unit_test(test_reordered),
		cmocka_unit_test(test_renumbered),
		cmocka_unit_test(test_cut_against_anchor),
		cmocka_unit_test(test_rewritten_against_anchor),
		cmocka_unit_test(test_torn_tail),
		cmocka_unit_test(test_unmasked_detail),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_version_1),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, setup, NULL);
}
