/*
 * seal.h -- sealing a new card PIN to the central service (seed 000).
 *
 * The PIN goes to the service only inside a libsodium sealed box
 * (crypto_box_seal: X25519 + XSalsa20-Poly1305, an ephemeral sender key)
 * made for the service's public sealing key, together with the one-time
 * challenge the service issued for this reset:
 *
 *     box = crypto_box_seal(challenge[32] || pin[6], service_pk)
 *
 * (WIRE_PIN_CHALLENGE_BYTES, WIRE_PIN_LEN)
 *
 * Only the service can open it; a box replayed later carries a challenge
 * already used and is refused.  The plaintext is assembled in
 * sodium_malloc'd memory and wiped before seal_pin() returns.
 *
 * The sealing key is never fetched from the service: it is configured
 * per terminal (ssdesk --seal-key FILE, base64 or hex of the 32-byte
 * X25519 public key), or in --demo handed over by the in-process
 * simulator.  A box sealed to any other key cannot be opened by the
 * service, which refuses it (pin_box_invalid).
 */
#ifndef SSDESK_SEAL_H
#define SSDESK_SEAL_H

#include <stdbool.h>
#include <stddef.h>

#include <sodium.h>

#include "forms/wire.h"

/* The PIN's and the challenge's sizes are the contract's (forms/wire.h). */
#define SEAL_PK_BYTES crypto_box_PUBLICKEYBYTES           /* 32 */
#define SEAL_BOX_BYTES (WIRE_PIN_PLAIN_BYTES + crypto_box_SEALBYTES)
/* base64 (original variant, padded) of a box, with NUL */
#define SEAL_BOX_B64 sodium_base64_ENCODED_LEN(SEAL_BOX_BYTES, \
    sodium_base64_VARIANT_ORIGINAL)
#define SEAL_CHALLENGE_B64 sodium_base64_ENCODED_LEN(WIRE_PIN_CHALLENGE_BYTES, \
    sodium_base64_VARIANT_ORIGINAL)

struct seal_key {
	bool set;
	unsigned char pk[SEAL_PK_BYTES];
};

/* The key from its text: 64 hex digits or base64 of 32 bytes, blanks
 * around it ignored.  0, or -1 if it is neither. */
int seal_key_parse(struct seal_key *k, const char *text);
/* The key from a file of that text (at most 1 KiB).  0 or -1. */
int seal_key_load(struct seal_key *k, const char *path);
/* The key as base64 text (sodium_base64_VARIANT_ORIGINAL), for files. */
void seal_key_format(char *out, size_t outsz, const unsigned char *pk);

/* Seal pin (exactly six digits) with the challenge (base64 of 32 bytes, as
 * the service gave it) into out as base64.  0, or -1 (no key, a malformed
 * challenge or PIN, out too small): out is then "". */
int seal_pin(char *out, size_t outsz, const struct seal_key *k,
    const char *challenge_b64, const char *pin);

#endif
