/*
 * fuzz_audit.c -- libFuzzer harness for the audit log's reader
 * (forms/audit.c): audit_verify() of any bytes under a fixed test key,
 * without an anchor and against the head it found and a later one; then
 * audit_chain_resume() and audit_find() over the same bytes.  What
 * verified as intact must resume at the head verify reported, and a
 * record appended there must verify again.  The input is copied to a
 * buffer of exactly its length (no NUL after it), so a read past the end
 * is an ASan error.
 *
 * The seeds in tests/fuzz/corpus/audit are logs made with this key
 * (terminal "T0fuzz"): intact, torn and recorded, version 1.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "forms/audit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char key[AUDIT_KEY_BYTES];
	struct audit_verdict v, w;
	struct audit_chain c;
	struct audit_anchor later;
	char mac[AUDIT_HASH_HEX], line[AUDIT_LINE_MAX], *in, *more;
	size_t torn = 0;
	int n;

	if (size > 1 << 20 || (in = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(in, data, size);
	memset(key, 0x3c, sizeof key);
	if (audit_verify(in, size, key, NULL, &v) == 0 && !v.unkeyed &&
	    !v.torn_open) {
		if (audit_verify(in, size, key, &v.head, &w) != 0)
			abort();
		later = v.head;
		later.seq++;
		if (audit_verify(in, size, key, &later, &w) == 0)
			abort();
		if (v.head.seq > 0 && (audit_chain_resume(&c, &torn, key, in,
		    size) != 0 || c.seq != v.head.seq || torn != 0))
			abort();
		if (v.head.seq > 0 && (n = audit_format(line, &c, key, "t",
		    "signin", "clerk01", "C-01", "x")) > 0 &&
		    (more = malloc(size + (size_t)n)) != NULL) {
			memcpy(more, in, size);
			memcpy(more + size, line, (size_t)n);
			if (audit_verify(more, size + (size_t)n, key, NULL,
			    &w) != 0)
				abort();
			free(more);
		}
	}
	(void)audit_verify(in, size, NULL, NULL, &v);
	(void)audit_chain_resume(&c, &torn, key, in, size);
	(void)audit_find(in, size, 3, mac);
	free(in);
	return 0;
}
