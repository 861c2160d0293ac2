/*
 * journal.c -- drafts of forms: pairs, and sealing them (see journal.h).
 *
 * The pairs are "name\0value\0" one after the other: no NUL can be typed
 * into a form, so nothing needs escaping, and a reader only has to check
 * that every string ends inside the doc.
 */
#include "forms/journal.h"

#include <stdio.h>
#include <string.h>

void
journal_doc_wipe(struct journal_doc *d)
{
	sodium_memzero(d, sizeof *d);
}

int
journal_derive_key(unsigned char key[JOURNAL_KEYBYTES], const char *pw,
    size_t pwlen, const unsigned char salt[JOURNAL_SALTBYTES])
{
	return crypto_pwhash(key, JOURNAL_KEYBYTES, pw, pwlen, salt,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE,
	    crypto_pwhash_ALG_ARGON2ID13) == 0 ? 0 : -1;
}

int
journal_put(struct journal_doc *d, const char *name, const char *value)
{
	size_t n = strlen(name) + 1, v = strlen(value) + 1;

	if (d->len + n + v > sizeof d->data)
		return -1;
	memcpy(d->data + d->len, name, n);
	memcpy(d->data + d->len + n, value, v);
	d->len += n + v;
	return 0;
}

int
journal_put_form(struct journal_doc *d, const char *slot,
    const struct form_state *st)
{
	char name[128];

	if (st == NULL || st->def == NULL)
		return 0;
	if (journal_put(d, slot, st->def->id) != 0)
		return -1;
	for (int i = 0; i < st->def->nfields; i++) {
		const struct field_def *fd = &st->def->fields[i];

		if ((fd->flags & FIELD_NOJOURNAL) || st->value[i][0] == '\0')
			continue;
		snprintf(name, sizeof name, "%s.%s", slot, fd->key);
		if (journal_put(d, name, st->value[i]) != 0)
			return -1;
	}
	return 0;
}

/* The next string at *off, or NULL if it does not end inside the doc. */
static const char *
journal_str(const struct journal_doc *d, size_t *off)
{
	const unsigned char *p = d->data + *off, *end;

	if (*off >= d->len)
		return NULL;
	end = memchr(p, '\0', d->len - *off);
	if (end == NULL)
		return NULL;
	*off += (size_t)(end - p) + 1;
	return (const char *)p;
}

bool
journal_well_formed(const struct journal_doc *d)
{
	size_t off = 0;

	if (d->len > sizeof d->data)
		return false;
	while (off < d->len)
		if (journal_str(d, &off) == NULL || journal_str(d, &off) == NULL)
			return false;
	return true;
}

const char *
journal_get(const struct journal_doc *d, const char *name)
{
	size_t off = 0;
	const char *n, *v;

	while ((n = journal_str(d, &off)) != NULL &&
	    (v = journal_str(d, &off)) != NULL)
		if (strcmp(n, name) == 0)
			return v;
	return NULL;
}

bool
journal_get_form(const struct journal_doc *d, const char *slot,
    const struct form_def *def, const struct form_ctx *ctx,
    struct form_state *st)
{
	const char *id = journal_get(d, slot), *v;
	char name[128];

	if (id == NULL || strcmp(id, def->id) != 0)
		return false;
	form_start(st, def, ctx);
	for (int i = 0; i < def->nfields; i++) {
		if (def->fields[i].flags & FIELD_NOJOURNAL)
			continue;
		snprintf(name, sizeof name, "%s.%s", slot, def->fields[i].key);
		if ((v = journal_get(d, name)) != NULL)
			form_set(st, i, v);
	}
	return true;
}

int
journal_seal(unsigned char *out, size_t *outlen,
    const struct journal_doc *d, const unsigned char key[JOURNAL_KEYBYTES],
    const unsigned char salt[JOURNAL_SALTBYTES])
{
	crypto_secretstream_xchacha20poly1305_state ss;
	const size_t ad = JOURNAL_MAGIC_LEN + JOURNAL_SALTBYTES;
	unsigned char *hdr = out + ad;
	unsigned char *c = hdr + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
	unsigned long long clen;

	if (d->len > sizeof d->data)
		return JOURNAL_TOO_BIG;
	memcpy(out, JOURNAL_MAGIC, JOURNAL_MAGIC_LEN);
	memcpy(out + JOURNAL_MAGIC_LEN, salt, JOURNAL_SALTBYTES);
	crypto_secretstream_xchacha20poly1305_init_push(&ss, hdr, key);
	crypto_secretstream_xchacha20poly1305_push(&ss, c, &clen, d->data,
	    d->len, out, ad, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
	sodium_memzero(&ss, sizeof ss);
	*outlen = (size_t)(c - out) + (size_t)clen;
	return JOURNAL_OK;
}

int
journal_salt(const unsigned char *in, size_t inlen,
    unsigned char salt[JOURNAL_SALTBYTES])
{
	if (inlen < JOURNAL_MAGIC_LEN)
		return JOURNAL_TRUNCATED;
	if (memcmp(in, JOURNAL_MAGIC_V1, JOURNAL_MAGIC_LEN) == 0)
		return 1;
	if (memcmp(in, JOURNAL_MAGIC, JOURNAL_MAGIC_LEN) != 0)
		return JOURNAL_NOT_DRAFT;
	if (inlen < JOURNAL_OVERHEAD)
		return JOURNAL_TRUNCATED;
	memcpy(salt, in + JOURNAL_MAGIC_LEN, JOURNAL_SALTBYTES);
	return 0;
}

/* Open one sealed message: magic (and, version 2, salt) as additional
 * data, header, the final message. */
static int
journal_open_raw(struct journal_doc *d, const unsigned char *in,
    size_t inlen, const unsigned char key[JOURNAL_KEYBYTES])
{
	crypto_secretstream_xchacha20poly1305_state ss;
	unsigned char salt[JOURNAL_SALTBYTES];
	const unsigned char *hdr, *c;
	unsigned long long mlen;
	unsigned char tag = 0;
	size_t ad;
	int rc;

	d->len = 0;
	if ((rc = journal_salt(in, inlen, salt)) < 0)
		return rc;
	ad = JOURNAL_MAGIC_LEN + (rc == 0 ? JOURNAL_SALTBYTES : 0);
	if (inlen < ad + JOURNAL_SEAL_BYTES)
		return JOURNAL_TRUNCATED;
	if (inlen - ad - JOURNAL_SEAL_BYTES > sizeof d->data)
		return JOURNAL_TOO_BIG;
	hdr = in + ad;
	c = hdr + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
	if (crypto_secretstream_xchacha20poly1305_init_pull(&ss, hdr, key) != 0)
		return JOURNAL_BAD;
	/* The one message must be the whole rest and carry TAG_FINAL: a cut
	 * fails its MAC, and bytes after it are not part of any message. */
	rc = crypto_secretstream_xchacha20poly1305_pull(&ss, d->data, &mlen,
	    &tag, c, inlen - (size_t)(c - in), in, ad);
	sodium_memzero(&ss, sizeof ss);
	if (rc != 0 || tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		sodium_memzero(d->data, sizeof d->data);
		return JOURNAL_BAD;
	}
	d->len = (size_t)mlen;
	return JOURNAL_OK;
}

int
journal_open(struct journal_doc *d, const unsigned char *in, size_t inlen,
    const unsigned char key[JOURNAL_KEYBYTES])
{
	int rc = journal_open_raw(d, in, inlen, key);

	if (rc == JOURNAL_OK && !journal_well_formed(d)) {
		journal_doc_wipe(d);
		return JOURNAL_MALFORMED;
	}
	return rc;
}

int
journal_keyfile_salt(const unsigned char *in, size_t inlen,
    unsigned char salt[JOURNAL_SALTBYTES])
{
	if (inlen < JOURNAL_KEYFILE_MAGIC_LEN + JOURNAL_SALTBYTES ||
	    memcmp(in, JOURNAL_KEYFILE_MAGIC, JOURNAL_KEYFILE_MAGIC_LEN) != 0)
		return -1;
	memcpy(salt, in + JOURNAL_KEYFILE_MAGIC_LEN, JOURNAL_SALTBYTES);
	return 0;
}
