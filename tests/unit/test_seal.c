/*
 * test_seal.c -- the sealed PIN box (net/seal.h): the service's key
 * opens what seal_pin() made (challenge then PIN), a tampered box or one
 * sealed to another key does not, and the key parses from hex or base64.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "net/seal.h"

static const char chal_b64[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

static int open_box(const char *b64, const unsigned char *pk,
    const unsigned char *sk, unsigned char plain[WIRE_PIN_PLAIN_BYTES])
{
	unsigned char box[SEAL_BOX_BYTES];
	size_t len = 0;

	if (sodium_base642bin(box, sizeof box, b64, strlen(b64), NULL, &len,
	    NULL, sodium_base64_VARIANT_ORIGINAL) != 0 || len != sizeof box)
		return -1;
	return crypto_box_seal_open(plain, box, sizeof box, pk, sk);
}

static void test_round_trip(void **state)
{
	unsigned char pk[32], sk[32], plain[WIRE_PIN_PLAIN_BYTES];
	struct seal_key k;
	char out[SEAL_BOX_B64], out2[SEAL_BOX_B64], text[64];

	(void)state;
	assert_int_equal(sodium_init() >= 0, 1);
	crypto_box_keypair(pk, sk);
	seal_key_format(text, sizeof text, pk);
	assert_int_equal(seal_key_parse(&k, text), 0);
	assert_int_equal(seal_pin(out, sizeof out, &k, chal_b64, "582914"), 0);
	assert_null(strstr(out, "582914"));
	assert_int_equal(open_box(out, pk, sk, plain), 0);
	for (int i = 0; i < 32; i++)
		assert_int_equal(plain[i], i);
	assert_memory_equal(plain + 32, "582914", 6);
	/* An ephemeral sender key: the same PIN seals differently. */
	assert_int_equal(seal_pin(out2, sizeof out2, &k, chal_b64, "582914"), 0);
	assert_string_not_equal(out, out2);
}

static void test_tampered(void **state)
{
	unsigned char pk[32], sk[32], pk2[32], sk2[32];
	unsigned char plain[WIRE_PIN_PLAIN_BYTES];
	unsigned char box[SEAL_BOX_BYTES];
	struct seal_key k = { .set = true };
	char out[SEAL_BOX_B64];
	size_t len;

	(void)state;
	crypto_box_keypair(pk, sk);
	crypto_box_keypair(pk2, sk2);
	memcpy(k.pk, pk, 32);
	assert_int_equal(seal_pin(out, sizeof out, &k, chal_b64, "582914"), 0);
	/* Any flipped bit of the box: refused. */
	for (size_t at = 0; at < SEAL_BOX_BYTES; at += 7) {
		assert_int_equal(sodium_base642bin(box, sizeof box, out,
		    strlen(out), NULL, &len, NULL,
		    sodium_base64_VARIANT_ORIGINAL), 0);
		box[at] ^= 0x10;
		assert_int_not_equal(crypto_box_seal_open(plain, box, sizeof box,
		    pk, sk), 0);
	}
	/* Opened with another key pair (the terminal's key is not the
	 * service's): refused. */
	assert_int_not_equal(open_box(out, pk2, sk2, plain), 0);
}

static void test_refusals(void **state)
{
	struct seal_key k, none = { .set = false };
	char out[SEAL_BOX_B64], small[16];
	unsigned char pk[32], sk[32];

	(void)state;
	crypto_box_keypair(pk, sk);
	k.set = true;
	memcpy(k.pk, pk, 32);
	assert_int_equal(seal_pin(out, sizeof out, &none, chal_b64, "582914"), -1);
	assert_int_equal(seal_pin(out, sizeof out, &k, chal_b64, "58291"), -1);
	assert_int_equal(seal_pin(out, sizeof out, &k, chal_b64, "58291a"), -1);
	assert_int_equal(seal_pin(out, sizeof out, &k, chal_b64, NULL), -1);
	/* The shape only: whether it is weak is the service's to say. */
	assert_int_equal(seal_pin(out, sizeof out, &k, chal_b64, "123456"), 0);
	assert_int_equal(seal_pin(out, sizeof out, &k, "AAEC", "582914"), -1);
	assert_int_equal(seal_pin(out, sizeof out, &k, "not base64!", "582914"),
	    -1);
	assert_string_equal(out, "");
	assert_int_equal(seal_pin(small, sizeof small, &k, chal_b64, "582914"),
	    -1);
}

static void test_key_parse(void **state)
{
	struct seal_key k;

	(void)state;
	assert_int_equal(seal_key_parse(&k, "  000102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1f\n"), 0);
	assert_true(k.set);
	assert_int_equal(k.pk[31], 0x1f);
	assert_int_equal(seal_key_parse(&k, chal_b64), 0);
	assert_int_equal(k.pk[1], 1);
	assert_int_equal(seal_key_parse(&k, "AAECAwQ="), -1);   /* 5 bytes */
	assert_false(k.set);
	assert_int_equal(seal_key_parse(&k, ""), -1);
	assert_int_equal(seal_key_parse(&k, NULL), -1);
	assert_int_equal(seal_key_load(&k, "/nonexistent/seal.key"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_tampered),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_key_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
