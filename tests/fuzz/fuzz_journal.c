/*
 * fuzz_journal.c -- libFuzzer harness for the draft journal's decoder
 * (forms/journal.c): journal_open() of any bytes under a fixed test key,
 * then every reader of what opened; the same bytes read as the clear
 * pairs (journal_well_formed, journal_get), for their salt, as a
 * version-1 key file, and sealed and opened again.  Every reader of what
 * a draft holds (forms/draft_doc.h) runs on the pairs too.  The input is
 * copied to a buffer of exactly its length (no NUL after it), so a read
 * past the end is an ASan error.
 *
 * The seeds in tests/fuzz/corpus/journal are drafts sealed with this key
 * (tests/fuzz/journal_seeds.c makes them).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "forms/draft_doc.h"
#include "forms/journal.h"

#include "tests/fuzz/journal_key.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct journal_doc doc;
static unsigned char sealed[JOURNAL_SEALED_MAX];

/* Every reader of an opened draft. */
static void
fuzz_read(const struct journal_doc *d)
{
	static const char *const names[] = {
		"v", "screen", "focus", "person_id", "identity", "identity.name",
		"medical_idem", "outbox.0.kind", "outbox.0.body", "saved_at",
	};
	struct form_state st;
	struct form_ctx ctx = { .today = { 2026, 11, 22 } };
	struct draft_item it;
	struct draft_refusal r;
	struct draft_walkin w;
	enum draft_doc_got got;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		(void)journal_get(d, names[i]);
	journal_get_form(d, "identity", &form_identity, &ctx, &st);
	/* What is read is whole: a write has its path, key and body. */
	for (size_t n = 0; (got = draft_doc_get_item(d, n, &it)) !=
	    DRAFT_DOC_END; n++)
		if (got == DRAFT_DOC_GOT && (it.path == NULL ||
		    it.idem_key == NULL || it.body == NULL || it.note == NULL))
			abort();
	for (size_t n = 0; draft_doc_get_refusal(d, n, &r) != DRAFT_DOC_END;
	    n++)
		;
	if (draft_doc_get_walkin(d, &w) && w.screen == NULL)
		abort();
	if (draft_doc_hashed_len(d) > d->len)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char key[JOURNAL_KEYBYTES];
	unsigned char salt[JOURNAL_SALTBYTES];
	unsigned char *in = malloc(size ? size : 1);
	size_t n;

	if (in == NULL)
		return 0;
	memcpy(in, data, size);
	fuzz_journal_key(key);
	if (journal_open(&doc, in, size, key) == JOURNAL_OK) {
		fuzz_read(&doc);
		/* What opened seals and opens again to the same pairs. */
		if (journal_salt(in, size, salt) < 0)
			abort();
		if (journal_seal(sealed, &n, &doc, key, salt) != JOURNAL_OK ||
		    journal_open(&doc, sealed, n, key) != JOURNAL_OK)
			abort();
	}
	/* The same bytes as clear pairs. */
	if (size <= sizeof doc.data) {
		memcpy(doc.data, in, size);
		doc.len = size;
		if (journal_well_formed(&doc))
			fuzz_read(&doc);
	}
	(void)journal_salt(in, size, salt);
	(void)journal_keyfile_salt(in, size, salt);
	journal_doc_wipe(&doc);
	free(in);
	return 0;
}
