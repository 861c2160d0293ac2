/*
 * seal.c -- the sealed box around a new PIN (net/seal.h).
 */
#include "net/seal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "forms/pin.h"

int
seal_key_parse(struct seal_key *k, const char *text)
{
	char buf[128];
	size_t n, len = 0;
	const char *p = text, *end;

	memset(k, 0, sizeof *k);
	if (text == NULL)
		return -1;
	while (*p && isspace((unsigned char)*p))
		p++;
	end = p + strlen(p);
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	n = (size_t)(end - p);
	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	if (n == 2 * SEAL_PK_BYTES && sodium_hex2bin(k->pk, sizeof k->pk, buf,
	    n, NULL, &len, NULL) == 0 && len == SEAL_PK_BYTES) {
		k->set = true;
		return 0;
	}
	if (sodium_base642bin(k->pk, sizeof k->pk, buf, n, NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) == 0 && len == SEAL_PK_BYTES) {
		k->set = true;
		return 0;
	}
	memset(k, 0, sizeof *k);
	return -1;
}

int
seal_key_load(struct seal_key *k, const char *path)
{
	char buf[1025];
	size_t n;
	FILE *f;

	memset(k, 0, sizeof *k);
	if (path == NULL || (f = fopen(path, "r")) == NULL)
		return -1;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	if (n == sizeof buf - 1)
		return -1;
	buf[n] = '\0';
	return seal_key_parse(k, buf);
}

void
seal_key_format(char *out, size_t outsz, const unsigned char *pk)
{
	if (outsz < sodium_base64_ENCODED_LEN(SEAL_PK_BYTES,
	    sodium_base64_VARIANT_ORIGINAL)) {
		if (outsz > 0)
			out[0] = '\0';
		return;
	}
	sodium_bin2base64(out, outsz, pk, SEAL_PK_BYTES,
	    sodium_base64_VARIANT_ORIGINAL);
}

int
seal_pin(char *out, size_t outsz, const struct seal_key *k,
    const char *challenge_b64, const char *pin)
{
	unsigned char *plain, box[SEAL_BOX_BYTES];
	size_t len = 0;
	int rc = -1;

	if (outsz > 0)
		out[0] = '\0';
	if (k == NULL || !k->set || challenge_b64 == NULL ||
	    outsz < SEAL_BOX_B64 || !pin_six_digits(pin))
		return -1;
	plain = sodium_malloc(WIRE_PIN_PLAIN_BYTES);
	if (plain == NULL)
		return -1;
	if (sodium_base642bin(plain, WIRE_PIN_CHALLENGE_BYTES, challenge_b64,
	    strlen(challenge_b64), NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    len != WIRE_PIN_CHALLENGE_BYTES)
		goto out;
	memcpy(plain + WIRE_PIN_CHALLENGE_BYTES, pin, WIRE_PIN_LEN);
	if (crypto_box_seal(box, plain, WIRE_PIN_PLAIN_BYTES, k->pk) != 0)
		goto out;
	sodium_bin2base64(out, outsz, box, sizeof box,
	    sodium_base64_VARIANT_ORIGINAL);
	rc = 0;
out:
	sodium_memzero(plain, WIRE_PIN_PLAIN_BYTES);
	sodium_free(plain);   /* sodium_free wipes too */
	sodium_memzero(box, sizeof box);
	return rc;
}
