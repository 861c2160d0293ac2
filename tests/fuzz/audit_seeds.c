/*
 * audit_seeds.c -- writes the seed corpus of fuzz_audit: audit logs made
 * with the harness's fixed test key (terminal "T0fuzz"; fictitious data):
 * intact, ending in a torn write, the torn write recorded, version 1.
 *
 *     audit_seeds DIR
 */
#include <stdio.h>
#include <string.h>

#include "forms/audit.h"

static int
seed(const char *dir, const char *name, const char *text, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	fwrite(text, 1, len, f);
	return fclose(f);
}

/* Append one record to log at *n. */
static void
add(char *log, size_t *n, struct audit_chain *c, const unsigned char *key,
    const char *event, const char *detail)
{
	char line[AUDIT_LINE_MAX];
	int k = audit_format(line, c, key, "2026-11-22T09:00:00Z", event,
	    "clerk01", "C-01", detail);

	memcpy(log + *n, line, (size_t)k);
	*n += (size_t)k;
}

int
main(int argc, char **argv)
{
	static const char *const ev[] = { "signin", "identity", "submit",
	    "signout" };
	unsigned char key[AUDIT_KEY_BYTES];
	static char log[8192];
	struct audit_chain c;
	char torn[32];
	size_t n, cut;
	int rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: audit_seeds DIR\n");
		return 2;
	}
	memset(key, 0x3c, sizeof key);
	n = (size_t)audit_header(log, sizeof log, "T0fuzz");
	audit_chain_start(&c, key, log, n);
	for (int i = 0; i < 4; i++)
		add(log, &n, &c, key, ev[i], "id 110105********0135");
	rc |= seed(argv[1], "intact", log, n);
	memcpy(log + n, "5\t2026-11", 9);
	cut = n + 9;
	rc |= seed(argv[1], "torn-open", log, cut);
	log[cut++] = '\n';
	audit_torn_detail(torn, sizeof torn, cut - n);
	add(log, &cut, &c, key, "torn_tail", torn);
	rc |= seed(argv[1], "torn-recorded", log, cut);
	audit_chain_start(&c, NULL, NULL, 0);
	n = 0;
	for (int i = 0; i < 2; i++)
		add(log, &n, &c, NULL, ev[i], "");
	rc |= seed(argv[1], "v1", log, n);
	return rc != 0;
}
