/*
 * audit.h -- the terminal's local audit log: records chained by BLAKE2b.
 *
 * One record is one line of tab-separated fields:
 *
 *     seq  time  event  staff  counter  detail  prev  hash
 *
 * seq counts from 1; prev is the hash of the record before (64 zeros for
 * the first); hash is BLAKE2b-256 (crypto_generichash), in hex, of the
 * line up to and including the tab after prev.  Changing, deleting,
 * inserting or swapping a record breaks the chain at that record.  (The
 * last records can be cut off unseen: the count printed by
 * `ssdesk --verify-audit` is what to compare with a copy kept elsewhere.)
 *
 * Identifiers in detail are the caller's to mask (idnum_mask, the
 * service's masked card numbers); as a safety net, a run of 12 or more
 * digits in detail keeps only its first 6 and last 4.  Tabs and control
 * characters in any field become spaces.  Pure: no files.
 */
#ifndef SSDESK_AUDIT_H
#define SSDESK_AUDIT_H

#include <stddef.h>

#include <sodium.h>

#define AUDIT_HASH_BYTES crypto_generichash_BYTES   /* 32 */
#define AUDIT_HASH_HEX (AUDIT_HASH_BYTES * 2 + 1)
#define AUDIT_LINE_MAX 1024
#define AUDIT_WHY_MAX 160

struct audit_chain {
	unsigned long seq;             /* of the last record, 0 if none */
	char last[AUDIT_HASH_HEX];     /* its hash */
};

/* An empty log. */
void audit_chain_start(struct audit_chain *c);
/* Continue the log in text[0..len): after its last complete record
 * (the chain as the file says; audit_verify judges it). */
void audit_chain_resume(struct audit_chain *c, const char *text, size_t len);

/* One record into out (AUDIT_LINE_MAX bytes), ending in '\n', chained to
 * c, which then names it.  Returns its length, or -1 (too long). */
int audit_format(char *out, struct audit_chain *c, const char *time,
    const char *event, const char *staff, const char *counter,
    const char *detail);

struct audit_verdict {
	unsigned long records;     /* intact records read */
	unsigned long bad;         /* the first broken record (1-based), or 0 */
	char why[AUDIT_WHY_MAX];
};

/* Check the whole log.  0 if every record is intact and chained; -1 with
 * v->bad and v->why set at the first that is not. */
int audit_verify(const char *text, size_t len, struct audit_verdict *v);

#endif
