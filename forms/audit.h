/*
 * audit.h -- the terminal's local audit log: records chained by a keyed
 * BLAKE2b MAC, anchored at the service.
 *
 * A log (version 2) is a header line, then one record a line:
 *
 *     #ssdesk-audit 2 TERMINAL
 *     seq  time  event  staff  counter  detail  prev  mac
 *
 * TERMINAL names the terminal's key (its audit.key; tui/audit_log.h).  seq
 * counts from 1; prev is the mac of the record before, for the first
 * record the mac of the header line; mac is keyed BLAKE2b-256
 * (crypto_generichash with the terminal's 32-byte key), in hex, of the
 * line up to and including the tab after prev.  Changing, deleting,
 * inserting or swapping a record breaks the chain at that record, and
 * without the key no record can be forged and the chain recomputed.
 *
 * What a chain alone cannot show -- records cut off the end, or the whole
 * log emptied or rewritten by someone who has the key -- shows against an
 * anchor: the (seq, mac) of a record kept somewhere else (the key file's
 * copy of the last record written, and the service's copy, sent at
 * sign-in, sign-out and at intervals: docs/api.md, POST
 * /v1/audit/anchors).  audit_verify checks a log against one.
 *
 * A write cut short (a crash, a full disk) leaves a torn last line.  The
 * next writer does not start again: it ends the fragment with a newline
 * and writes a torn_tail record ("N bytes") chained to the last complete
 * record, and the chain goes on.  audit_verify accepts a fragment only so
 * recorded, and reports it.
 *
 * Version 1 logs (no header, unkeyed BLAKE2b, prev of the first record 64
 * zeros) are still verified, as unkeyed.
 *
 * Identifiers in detail are the caller's to mask (idnum_mask, the
 * service's masked card numbers); as a safety net, a run of 12 or more
 * digits in detail keeps only its first 6 and last 4.  Tabs and control
 * characters in any field become spaces.  Pure: no files.
 */
#ifndef SSDESK_AUDIT_H
#define SSDESK_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include <sodium.h>

#include "forms/wire.h"

#define AUDIT_HASH_BYTES crypto_generichash_BYTES   /* 32 */
#define AUDIT_HASH_HEX (AUDIT_HASH_BYTES * 2 + 1)
#define AUDIT_KEY_BYTES crypto_generichash_KEYBYTES  /* 32 */
#define AUDIT_LINE_MAX 1024
#define AUDIT_WHY_MAX 160
#define AUDIT_TERMINAL_MAX (WIRE_TERMINAL_MAX + 1)  /* a name, with NUL */
#define AUDIT_HEADER "#ssdesk-audit 2 "

struct audit_chain {
	unsigned long seq;             /* of the last record, 0 if none */
	char last[AUDIT_HASH_HEX];     /* its mac (or the header's) */
};

/* One record of a log, as an anchor names it. */
struct audit_anchor {
	unsigned long seq;
	char mac[AUDIT_HASH_HEX];
};

/* A terminal's name: [A-Za-z0-9-], 1 to AUDIT_TERMINAL_MAX - 1. */
bool audit_terminal_ok(const char *terminal);
/* The header line of a new log into out; its length, or -1. */
int audit_header(char *out, size_t outsz, const char *terminal);
/* The chain of a log that is only its header[0..len) so far. */
void audit_chain_start(struct audit_chain *c,
    const unsigned char key[AUDIT_KEY_BYTES], const char *header, size_t len);

/* Where to go on from the end of text[0..len) (the end of a log, enough
 * to hold its last record): *c names its last complete record (or the
 * header), *torn the bytes after that line (a cut line, and whatever
 * else is not a record; 0 if none).  0, or -1 if no record or header is
 * in text. */
int audit_chain_resume(struct audit_chain *c, size_t *torn,
    const unsigned char key[AUDIT_KEY_BYTES], const char *text, size_t len);
/* The detail of the torn_tail record that accounts for torn bytes (the
 * writer's newline after a cut line counted in). */
void audit_torn_detail(char *out, size_t outsz, size_t torn);

/* One record into out (AUDIT_LINE_MAX bytes), ending in '\n', chained to
 * c, which then names it.  Returns its length, or -1 (too long). */
int audit_format(char *out, struct audit_chain *c,
    const unsigned char key[AUDIT_KEY_BYTES], const char *time,
    const char *event, const char *staff, const char *counter,
    const char *detail);

/* The mac of record seq of a log into mac; 0, or -1 if it has none. */
int audit_find(const char *text, size_t len, unsigned long seq,
    char mac[AUDIT_HASH_HEX]);

struct audit_verdict {
	unsigned long records;     /* intact records read */
	unsigned long bad;         /* the first broken record (1-based), or 0 */
	unsigned long torn;        /* torn writes, each recorded */
	unsigned long cuts;        /* log_cut records: it was found cut */
	bool unkeyed;              /* a version-1 log: no key, no terminal */
	bool torn_open;            /* ends in a torn line not yet recorded */
	char terminal[AUDIT_TERMINAL_MAX];
	struct audit_anchor head;  /* the last intact record */
	char why[AUDIT_WHY_MAX];
};

/* Check the whole log with the terminal's key (NULL: only a version-1
 * log can be checked), and against anchor if not NULL (the log must
 * hold that record, with that mac).  0 if every record is intact,
 * chained and keyed and the anchor is there; -1 with v->bad and v->why
 * set at the first that is not. */
int audit_verify(const char *text, size_t len,
    const unsigned char key[AUDIT_KEY_BYTES],
    const struct audit_anchor *anchor, struct audit_verdict *v);

#endif
