/*
 * test_audit.c -- the chained audit log: an intact log verifies; a changed,
 * deleted, inserted or swapped record, or a cut last line, is reported at
 * the first broken record.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "forms/audit.h"

static char log_text[8 * AUDIT_LINE_MAX];
static size_t log_len;
static char rec[5][AUDIT_LINE_MAX];

static int
setup(void **state)
{
	struct audit_chain c;
	static const char *ev[5] = { "signin", "identity", "submit", "lock",
	    "unlock" };

	audit_chain_start(&c);
	log_len = 0;
	for (int i = 0; i < 5; i++) {
		int n = audit_format(rec[i], &c, "2026-11-22T09:00:0Z", ev[i],
		    "clerk01", "C-01", "id 110105********0135\tok\n");

		if (n < 0)
			return -1;
		memcpy(log_text + log_len, rec[i], (size_t)n);
		log_len += (size_t)n;
	}
	return 0;
}

static void
build(char *out, size_t *len, const int *order, int n)
{
	*len = 0;
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

	assert_int_equal(audit_verify(log_text, log_len, &v), 0);
	assert_int_equal(v.records, 5);
	assert_int_equal(v.bad, 0);
	assert_int_equal(audit_verify("", 0, &v), 0);
	assert_int_equal(v.records, 0);
	/* Control characters in a field do not make new fields or lines. */
	assert_null(strchr(rec[0], '\n') == rec[0] + strlen(rec[0]) - 1 ?
	    NULL : "newline inside");
	/* Appending after a resume keeps the chain. */
	audit_chain_resume(&c, log_text, log_len);
	assert_int_equal(c.seq, 5);
	{
		char more[AUDIT_LINE_MAX], all[sizeof log_text];
		int n = audit_format(more, &c, "t", "signout", "clerk01", "C-01",
		    "");

		memcpy(all, log_text, log_len);
		memcpy(all + log_len, more, (size_t)n);
		assert_int_equal(audit_verify(all, log_len + (size_t)n, &v), 0);
		assert_int_equal(v.records, 6);
	}
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
	assert_int_equal(audit_verify(copy, log_len, &v), -1);
	assert_int_equal(v.bad, 3);
	assert_int_equal(v.records, 2);
	assert_non_null(strstr(v.why, "changed"));
}

static void
test_deleted(void **state)
{
	static const int order[] = { 0, 1, 3, 4 };
	char copy[sizeof log_text];
	size_t len;
	struct audit_verdict v;

	build(copy, &len, order, 4);
	assert_int_equal(audit_verify(copy, len, &v), -1);
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
	assert_int_equal(audit_verify(copy, len, &v), -1);
	assert_int_equal(v.bad, 2);
}

static void
test_renumbered(void **state)
{
	/* A deleted record whose followers are renumbered: the chain breaks. */
	char copy[sizeof log_text], r4[AUDIT_LINE_MAX];
	struct audit_verdict v;
	size_t len = 0;

	memcpy(r4, rec[3], strlen(rec[3]) + 1);
	r4[0] = '3';
	memcpy(copy, rec[0], strlen(rec[0]));
	len += strlen(rec[0]);
	memcpy(copy + len, rec[1], strlen(rec[1]));
	len += strlen(rec[1]);
	memcpy(copy + len, r4, strlen(r4));
	len += strlen(r4);
	assert_int_equal(audit_verify(copy, len, &v), -1);
	assert_int_equal(v.bad, 3);
	assert_non_null(strstr(v.why, "chain"));
}

static void
test_unmasked_detail(void **state)
{
	struct audit_chain c;
	char line[AUDIT_LINE_MAX];
	struct audit_verdict v;
	int n;

	audit_chain_start(&c);
	n = audit_format(line, &c, "t", "submit", "clerk01", "C-01",
	    "id 11010519491231002X bank 6222020200112233446 app MA-20261122-0001");
	assert_true(n > 0);
	assert_null(strstr(line, "11010519491231002X"));
	assert_null(strstr(line, "6222020200112233446"));
	assert_non_null(strstr(line, "id 110105********002X bank "
	    "622202*********3446 app MA-20261122-0001"));
	assert_int_equal(audit_verify(line, (size_t)n, &v), 0);
}

static void
test_cut(void **state)
{
	struct audit_verdict v;

	assert_int_equal(audit_verify(log_text, log_len - 5, &v), -1);
	assert_int_equal(v.bad, 5);
	assert_int_equal(v.records, 4);
	assert_int_equal(audit_verify("garbage\n", 8, &v), -1);
	assert_int_equal(v.bad, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intact),
		cmocka_unit_test(test_tampered),
		cmocka_unit_test(test_deleted),
		cmocka_unit_test(test_reordered),
		cmocka_unit_test(test_renumbered),
		cmocka_unit_test(test_unmasked_detail),
		cmocka_unit_test(test_cut),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, setup, NULL);
}
