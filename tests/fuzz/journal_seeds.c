/*
 * journal_seeds.c -- writes the seed corpus of fuzz_journal: a few drafts
 * sealed with the harness's fixed test key (fictitious data only).
 *
 *     journal_seeds DIR
 */
#include <stdio.h>

#include "forms/journal.h"

#include "tests/fuzz/journal_key.h"

static struct journal_doc doc;
static unsigned char out[JOURNAL_SEALED_MAX];

static int
seed(const char *dir, const char *name, const char *const *pairs)
{
	unsigned char key[JOURNAL_KEYBYTES], salt[JOURNAL_SALTBYTES];
	char path[512];
	size_t n;
	FILE *f;

	doc.len = 0;
	for (; pairs[0] != NULL; pairs += 2)
		if (journal_put(&doc, pairs[0], pairs[1]) != 0)
			return -1;
	fuzz_journal_key(key);
	fuzz_journal_salt(salt);
	if (journal_seal(out, &n, &doc, key, salt) != JOURNAL_OK)
		return -1;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	fwrite(out, 1, n, f);
	return fclose(f);
}

int
main(int argc, char **argv)
{
	static const char *const walkin[] = {
		"v", "1", "screen", "Identity check", "focus", "2",
		"identity", "identity", "identity.name", "张伟",
		"identity.id_number", "110101199001011237",
		"saved_at", "2026-11-22 09:30", NULL,
	};
	static const char *const medical[] = {
		"v", "1", "screen", "Medical activation", "focus", "0",
		"person_id", "P-0001", "identity", "identity",
		"identity.name", "李娜", "medical", "medical",
		"medical.phone", "13800000000", "medical_card", "0",
		"medical_idem", "0b6f2d9e-1c4a-4e8b-9a55-6d1f0c3e7a21",
		"saved_at", "2026-11-22 10:05", NULL,
	};
	static const char *const outbox[] = {
		"v", "1", "outbox.0.kind", "financial-activation",
		"outbox.0.path", "/v1/applications/financial-activation",
		"outbox.0.key", "6c1b7d1a-5f0e-4b7b-8d4e-2a9f3c5e1b77",
		"outbox.0.body", "{\"check_id\":\"CHK-1\",\"card_id\":\"C-1\","
		    "\"bank_card\":\"6222000000000000000\","
		    "\"luhn_confirmed\":false}",
		"outbox.1.kind", "decision",
		"outbox.1.path", "/v1/approvals/APP-1",
		"outbox.1.key", "1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5",
		"outbox.1.body", "{\"decision\":\"approve\"}",
		"saved_at", "2026-11-22 11:00", NULL,
	};
	static const char *const empty[] = { NULL };

	if (argc != 2)
		return 2;
	return seed(argv[1], "walkin", walkin) != 0 ||
	    seed(argv[1], "medical", medical) != 0 ||
	    seed(argv[1], "outbox", outbox) != 0 ||
	    seed(argv[1], "empty", empty) != 0;
}
