/*
 * journal.h -- drafts of forms in progress, sealed with the clerk's key.
 *
 * A draft is a list of (name, value) pairs: a few facts about the walk-in
 * ("screen", "person_id"...) and every journaled field of every form the
 * terminal holds ("identity.name" = "张伟").  journal_put_form() leaves out
 * the fields marked FIELD_NOJOURNAL (passwords, PINs, the bank card).
 *
 * Sealed, a draft is
 *
 *     "SSDESK-DRAFT-2\n"  (the magic)
 *     the salt (16 bytes) the key was derived with
 *     crypto_secretstream_xchacha20poly1305 header (24 bytes)
 *     one message with TAG_FINAL (the pairs + 17 bytes)
 *
 * under a key derived from the clerk's password with crypto_pwhash
 * (Argon2id) and that salt; magic and salt are the additional data, so
 * neither can be changed unseen.  The draft carries all that opening it
 * needs but the password: no other file can fail and take it with it.
 * A cut file, a changed byte, bytes added after the final message or
 * another clerk's key all fail to open.
 *
 * Version 1 ("SSDESK-DRAFT-1\n", no salt: it was in a key file of the
 * clerk's, "SSDESK-KEY-1\n" + salt + a sealed check text) is still opened,
 * never written.
 *
 * Pure: libsodium only, no files.  The caller owns the memory; a
 * journal_doc holds full ID numbers in clear, so allocate it with
 * sodium_malloc and journal_doc_wipe it.
 */
#ifndef SSDESK_JOURNAL_H
#define SSDESK_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <sodium.h>

#include "forms/form.h"

#define JOURNAL_MAGIC "SSDESK-DRAFT-2\n"
#define JOURNAL_MAGIC_V1 "SSDESK-DRAFT-1\n"
#define JOURNAL_MAGIC_LEN (sizeof JOURNAL_MAGIC - 1)   /* both versions */
#define JOURNAL_KEYBYTES crypto_secretstream_xchacha20poly1305_KEYBYTES
#define JOURNAL_SALTBYTES crypto_pwhash_SALTBYTES
#define JOURNAL_DOC_MAX 16384      /* bytes of pairs in one draft */
#define JOURNAL_SEAL_BYTES (crypto_secretstream_xchacha20poly1305_HEADERBYTES + \
    crypto_secretstream_xchacha20poly1305_ABYTES)
#define JOURNAL_OVERHEAD (JOURNAL_MAGIC_LEN + JOURNAL_SALTBYTES + \
    JOURNAL_SEAL_BYTES)
#define JOURNAL_SEALED_MAX (JOURNAL_DOC_MAX + JOURNAL_OVERHEAD)

/* A version-1 draft's key file: magic, salt, then a sealed check text. */
#define JOURNAL_KEYFILE_MAGIC "SSDESK-KEY-1\n"
#define JOURNAL_KEYFILE_MAGIC_LEN (sizeof JOURNAL_KEYFILE_MAGIC - 1)
#define JOURNAL_KEYFILE_MAX 256

enum journal_result {
	JOURNAL_OK = 0,
	JOURNAL_TRUNCATED = -1,    /* shorter than any sealed draft */
	JOURNAL_NOT_DRAFT = -2,    /* wrong magic */
	JOURNAL_BAD = -3,          /* tampered, cut, or another key */
	JOURNAL_TOO_BIG = -4,
	JOURNAL_MALFORMED = -5,    /* opened, but the pairs do not parse */
};

struct journal_doc {
	size_t len;
	unsigned char data[JOURNAL_DOC_MAX];
};

void journal_doc_wipe(struct journal_doc *d);

/* Derive the clerk's key (Argon2id, interactive limits).  0, or -1 if
 * out of memory. */
int journal_derive_key(unsigned char key[JOURNAL_KEYBYTES], const char *pw,
    size_t pwlen, const unsigned char salt[JOURNAL_SALTBYTES]);

/* Append one pair; -1 if the draft would be too big. */
int journal_put(struct journal_doc *d, const char *name, const char *value);
/* Append "def_id" under slot, then "slot.key" = value for every field not
 * marked FIELD_NOJOURNAL and not empty. */
int journal_put_form(struct journal_doc *d, const char *slot,
    const struct form_state *st);

/* The value of name, or NULL.  Values are NUL-terminated in the doc. */
const char *journal_get(const struct journal_doc *d, const char *name);
/* Fill st from slot: if the doc has the slot and its form id is def's,
 * form_start(st, def, ctx) and form_set() every journaled field.  Returns
 * true if the slot was there. */
bool journal_get_form(const struct journal_doc *d, const char *slot,
    const struct form_def *def, const struct form_ctx *ctx,
    struct form_state *st);
/* Whether the pairs parse (every name and value terminated, in bounds). */
bool journal_well_formed(const struct journal_doc *d);

/* Seal d into out (at least JOURNAL_SEALED_MAX bytes) under key, which
 * comes from salt; sets *outlen. */
int journal_seal(unsigned char *out, size_t *outlen,
    const struct journal_doc *d, const unsigned char key[JOURNAL_KEYBYTES],
    const unsigned char salt[JOURNAL_SALTBYTES]);
/* The salt in[0..inlen)'s key comes from: 0, or JOURNAL_NOT_DRAFT /
 * JOURNAL_TRUNCATED, or 1 for a version-1 draft (the salt is in its key
 * file: journal_keyfile_salt). */
int journal_salt(const unsigned char *in, size_t inlen,
    unsigned char salt[JOURNAL_SALTBYTES]);
/* Open in[0..inlen) (either version) into d; a journal_result. */
int journal_open(struct journal_doc *d, const unsigned char *in, size_t inlen,
    const unsigned char key[JOURNAL_KEYBYTES]);

/* The salt of a version-1 key file; -1 if it is not one. */
int journal_keyfile_salt(const unsigned char *in, size_t inlen,
    unsigned char salt[JOURNAL_SALTBYTES]);

#endif
