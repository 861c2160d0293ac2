/*
 * test_journal.c -- drafts: pairs of a form round trip, FIELD_NOJOURNAL
 * fields stay out, and a sealed draft that is cut, has a byte changed,
 * has bytes added, or is opened with another password's key, is refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "forms/journal.h"

static const struct form_ctx ctx = { { 2026, 11, 22 } };
#define TEST_ID "110105198503120135"
#define TEST_BANK "6222020200112233440"

static unsigned char salt[JOURNAL_SALTBYTES];
static unsigned char key[JOURNAL_KEYBYTES], key2[JOURNAL_KEYBYTES];
static struct journal_doc doc, back;
static unsigned char sealed[JOURNAL_SEALED_MAX];
static size_t sealed_len;

/* Whether needle occurs in hay[0..n). */
static bool
has(const void *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp((const char *)hay + i, needle, k) == 0)
			return true;
	return false;
}

static int
setup(void **state)
{
	struct form_state id, med;

	memset(salt, 7, sizeof salt);
	if (journal_derive_key(key, "ssdesk-demo", 11, salt) != 0 ||
	    journal_derive_key(key2, "ssdesk-demx", 11, salt) != 0)
		return -1;
	form_start(&id, &form_identity, &ctx);
	form_set(&id, form_find(&form_identity, "id_number"), TEST_ID);
	form_set(&id, form_find(&form_identity, "name"), "张伟");
	form_set(&id, form_find(&form_identity, "face"), "pass");
	form_start(&med, &form_medical, &ctx);
	form_set(&med, form_find(&form_medical, "bank_card"), TEST_BANK);
	form_set(&med, form_find(&form_medical, "phone"), "13800000001");
	memset(&doc, 0, sizeof doc);
	if (journal_put(&doc, "screen", "Identity check") != 0 ||
	    journal_put_form(&doc, "identity", &id) != 0 ||
	    journal_put_form(&doc, "medical", &med) != 0)
		return -1;
	return journal_seal(sealed, &sealed_len, &doc, key, salt);
}

static void
test_round_trip(void **state)
{
	struct form_state st;

	assert_int_equal(journal_open(&back, sealed, sealed_len, key),
	    JOURNAL_OK);
	assert_int_equal(back.len, doc.len);
	assert_string_equal(journal_get(&back, "screen"), "Identity check");
	assert_true(journal_get_form(&back, "identity", &form_identity, &ctx,
	    &st));
	assert_string_equal(form_get_key(&st, "id_number"), TEST_ID);
	assert_string_equal(form_get_key(&st, "name"), "张伟");
	assert_string_equal(form_get_key(&st, "face"), "pass");
	assert_string_equal(form_get_key(&st, "fingerprint"), "");
	assert_true(journal_get_form(&back, "medical", &form_medical, &ctx,
	    &st));
	assert_string_equal(form_get_key(&st, "phone"), "13800000001");
	/* The slot holds another form: not read into this one. */
	assert_false(journal_get_form(&back, "identity", &form_medical, &ctx,
	    &st));
	assert_false(journal_get_form(&back, "nope", &form_medical, &ctx, &st));
}

static void
test_nojournal_left_out(void **state)
{
	struct form_state st;

	assert_int_equal(journal_open(&back, sealed, sealed_len, key),
	    JOURNAL_OK);
	assert_null(journal_get(&back, "medical.bank_card"));
	assert_false(has(back.data, back.len, TEST_BANK));
	assert_true(journal_get_form(&back, "medical", &form_medical, &ctx,
	    &st));
	assert_string_equal(form_get_key(&st, "bank_card"), "");
	/* Nothing typed is in the sealed bytes in clear. */
	assert_false(has(sealed, sealed_len, TEST_ID));
	assert_false(has(sealed, sealed_len, "13800000001"));
}

static void
test_truncated(void **state)
{
	size_t n;

	for (n = 0; n < sealed_len; n++)
		assert_int_not_equal(journal_open(&back, sealed, n, key),
		    JOURNAL_OK);
	assert_int_equal(journal_open(&back, sealed, 3, key),
	    JOURNAL_TRUNCATED);
	assert_int_equal(journal_open(&back, sealed, sealed_len - 1, key),
	    JOURNAL_BAD);
	assert_int_equal(back.len, 0);
}

static void
test_flipped_byte(void **state)
{
	unsigned char copy[JOURNAL_SEALED_MAX];

	for (size_t i = 0; i < sealed_len; i++) {
		memcpy(copy, sealed, sealed_len);
		copy[i] ^= 0x01;
		assert_int_not_equal(journal_open(&back, copy, sealed_len, key),
		    JOURNAL_OK);
	}
	/* Bytes after the final message. */
	memcpy(copy, sealed, sealed_len);
	copy[sealed_len] = 'x';
	assert_int_equal(journal_open(&back, copy, sealed_len + 1, key),
	    JOURNAL_BAD);
}

static void
test_wrong_password(void **state)
{
	assert_int_equal(journal_open(&back, sealed, sealed_len, key2),
	    JOURNAL_BAD);
	assert_int_equal(back.len, 0);
}

/* The draft carries its salt (no key file to lose): read back, and
 * bound to the seal (a changed salt byte does not open). */
static void
test_salt_in_header(void **state)
{
	unsigned char s2[JOURNAL_SALTBYTES];

	assert_int_equal(journal_salt(sealed, sealed_len, s2), 0);
	assert_memory_equal(s2, salt, sizeof salt);
	assert_memory_equal(sealed, JOURNAL_MAGIC, JOURNAL_MAGIC_LEN);
	assert_int_equal(journal_salt(sealed, 5, s2), JOURNAL_TRUNCATED);
	assert_int_equal(journal_salt((const unsigned char *)"SSDESK-NOTHING-\n"
	    "0123456789abcdef0123456789abcdef0123456789abcdef", 63, s2),
	    JOURNAL_NOT_DRAFT);
}

/* A version-1 draft (salt in a key file) still opens. */
static void
test_version_1(void **state)
{
	crypto_secretstream_xchacha20poly1305_state ss;
	unsigned char v1[JOURNAL_SEALED_MAX], kf[64], s2[JOURNAL_SALTBYTES];
	unsigned char *hdr = v1 + JOURNAL_MAGIC_LEN;
	unsigned char *c = hdr + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
	unsigned long long clen;
	size_t n;

	memcpy(v1, JOURNAL_MAGIC_V1, JOURNAL_MAGIC_LEN);
	crypto_secretstream_xchacha20poly1305_init_push(&ss, hdr, key);
	crypto_secretstream_xchacha20poly1305_push(&ss, c, &clen, doc.data,
	    doc.len, v1, JOURNAL_MAGIC_LEN,
	    crypto_secretstream_xchacha20poly1305_TAG_FINAL);
	n = (size_t)(c - v1) + (size_t)clen;
	assert_int_equal(journal_salt(v1, n, s2), 1);
	assert_int_equal(journal_open(&back, v1, n, key), JOURNAL_OK);
	assert_string_equal(journal_get(&back, "screen"), "Identity check");
	v1[n - 1] ^= 1;
	assert_int_equal(journal_open(&back, v1, n, key), JOURNAL_BAD);

	memcpy(kf, JOURNAL_KEYFILE_MAGIC, JOURNAL_KEYFILE_MAGIC_LEN);
	memcpy(kf + JOURNAL_KEYFILE_MAGIC_LEN, salt, sizeof salt);
	assert_int_equal(journal_keyfile_salt(kf, sizeof kf, s2), 0);
	assert_memory_equal(s2, salt, sizeof salt);
	assert_int_equal(journal_keyfile_salt(kf, 10, s2), -1);
}

static void
test_malformed_pairs(void **state)
{
	struct journal_doc d;

	memset(&d, 0, sizeof d);
	memcpy(d.data, "name\0value", 10);   /* value not terminated */
	d.len = 10;
	assert_false(journal_well_formed(&d));
	assert_int_equal(journal_seal(sealed, &sealed_len, &d, key, salt),
	    JOURNAL_OK);
	assert_int_equal(journal_open(&back, sealed, sealed_len, key),
	    JOURNAL_MALFORMED);
	memset(&d, 0, sizeof d);
	d.len = sizeof d.data;
	assert_int_equal(journal_put(&d, "a", "b"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_nojournal_left_out),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_flipped_byte),
		cmocka_unit_test(test_wrong_password),
		cmocka_unit_test(test_salt_in_header),
		cmocka_unit_test(test_version_1),
		cmocka_unit_test(test_malformed_pairs),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, setup, NULL);
}
