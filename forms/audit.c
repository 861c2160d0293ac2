/*
 * audit.c -- format and check the chained audit log (see audit.h).
 */
#include "forms/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AUDIT_FIELDS 8
#define AUDIT_TORN "torn_tail"

static const char audit_zero[AUDIT_HASH_HEX] =
    "0000000000000000000000000000000000000000000000000000000000000000";

/* The mac (keyed) or, key NULL, the hash of text[0..len), in hex. */
static void
audit_mac(char out[AUDIT_HASH_HEX], const unsigned char *key,
    const char *text, size_t len)
{
	unsigned char h[AUDIT_HASH_BYTES];

	crypto_generichash(h, sizeof h, (const unsigned char *)text, len, key,
	    key != NULL ? AUDIT_KEY_BYTES : 0);
	sodium_bin2hex(out, AUDIT_HASH_HEX, h, sizeof h);
}

bool
audit_terminal_ok(const char *t)
{
	size_t n = 0;

	for (; t != NULL && t[n] != '\0'; n++)
		if (!((t[n] >= 'A' && t[n] <= 'Z') || (t[n] >= 'a' &&
		    t[n] <= 'z') || (t[n] >= '0' && t[n] <= '9') || t[n] == '-'))
			return false;
	return n > 0 && n < AUDIT_TERMINAL_MAX;
}

int
audit_header(char *out, size_t outsz, const char *terminal)
{
	int n;

	if (!audit_terminal_ok(terminal))
		return -1;
	n = snprintf(out, outsz, AUDIT_HEADER "%s\n", terminal);
	return n < 0 || (size_t)n >= outsz ? -1 : n;
}

void
audit_chain_start(struct audit_chain *c,
    const unsigned char key[AUDIT_KEY_BYTES], const char *header, size_t len)
{
	c->seq = 0;
	if (header == NULL || len == 0)
		memcpy(c->last, audit_zero, sizeof c->last);
	else
		audit_mac(c->last, key, header, len);
}

/* Append field s to out at *n, control characters and tabs as spaces. */
static int
audit_field(char *out, size_t *n, const char *s, char sep)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*n + 2 >= AUDIT_LINE_MAX)
			return -1;
		out[(*n)++] = (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s;
	}
	if (*n + 2 >= AUDIT_LINE_MAX)
		return -1;
	out[(*n)++] = sep;
	return 0;
}

/*
 * A long run of digits in the detail is an ID, card or bank card number
 * someone forgot to mask: keep its first 6 and last 4 characters, stars
 * between (the shape of idnum_mask), so the log never holds one whole.
 */
#define AUDIT_RUN_MASK 12

static void
audit_mask_runs(char *s, size_t from, size_t to)
{
	size_t i = from;

	while (i < to) {
		size_t j = i;

		while (j < to && ((s[j] >= '0' && s[j] <= '9') ||
		    ((s[j] == 'X' || s[j] == 'x') && j > i)))
			j++;
		if (j - i >= AUDIT_RUN_MASK)
			for (size_t k = i + 6; k < j - 4; k++)
				s[k] = '*';
		i = j > i ? j : i + 1;
	}
}

int
audit_format(char *out, struct audit_chain *c,
    const unsigned char key[AUDIT_KEY_BYTES], const char *time,
    const char *event, const char *staff, const char *counter,
    const char *detail)
{
	char seq[32], mac[AUDIT_HASH_HEX];
	size_t n = 0, d;

	snprintf(seq, sizeof seq, "%lu", c->seq + 1);
	if (audit_field(out, &n, seq, '\t') || audit_field(out, &n, time, '\t') ||
	    audit_field(out, &n, event, '\t') ||
	    audit_field(out, &n, staff, '\t') ||
	    audit_field(out, &n, counter, '\t'))
		return -1;
	d = n;
	if (audit_field(out, &n, detail, '\t'))
		return -1;
	audit_mask_runs(out, d, n);
	if (audit_field(out, &n, c->last, '\t'))
		return -1;
	audit_mac(mac, key, out, n);
	if (n + AUDIT_HASH_HEX + 1 > AUDIT_LINE_MAX)
		return -1;
	memcpy(out + n, mac, AUDIT_HASH_HEX - 1);
	n += AUDIT_HASH_HEX - 1;
	out[n++] = '\n';
	out[n] = '\0';
	c->seq++;
	memcpy(c->last, mac, sizeof c->last);
	return (int)n;
}

void
audit_torn_detail(char *out, size_t outsz, size_t torn)
{
	snprintf(out, outsz, "%zu bytes", torn);
}

/* Split line[0..len) at tabs into f (pointers into a copy in buf). */
static int
audit_split(char *buf, const char *line, size_t len, char *f[AUDIT_FIELDS])
{
	int k = 0;
	char *p = buf;

	if (len >= AUDIT_LINE_MAX || memchr(line, '\0', len) != NULL)
		return -1;
	memcpy(buf, line, len);
	buf[len] = '\0';
	f[k++] = p;
	while ((p = strchr(p, '\t')) != NULL) {
		*p++ = '\0';
		if (k == AUDIT_FIELDS)
			return -1;
		f[k++] = p;
	}
	return k == AUDIT_FIELDS && strlen(f[7]) == AUDIT_HASH_HEX - 1 ?
	    0 : -1;
}

/* Whether line[0..len) is a version-2 header; its terminal into t. */
static bool
audit_is_header(const char *line, size_t len, char t[AUDIT_TERMINAL_MAX])
{
	size_t h = sizeof AUDIT_HEADER - 1;

	if (len <= h || len - h >= AUDIT_TERMINAL_MAX ||
	    memcmp(line, AUDIT_HEADER, h) != 0)
		return false;
	memcpy(t, line + h, len - h);
	t[len - h] = '\0';
	return audit_terminal_ok(t);
}

static int
audit_broken(struct audit_verdict *v, unsigned long rec, const char *why)
{
	v->bad = rec;
	snprintf(v->why, sizeof v->why, "%s", why);
	return -1;
}

/* What is being read: the chain so far, and bytes not yet accounted for
 * since its last record (a torn write waiting for its torn_tail). */
struct audit_reader {
	struct audit_chain c;
	const unsigned char *key;
	size_t loose;
	const struct audit_anchor *anchor;
};

/* One record line f (the line itself in line[0..n)): intact, chained,
 * in sequence, accounting for loose bytes before it. */
static int
audit_record(struct audit_reader *r, struct audit_verdict *v,
    const char *line, char *f[AUDIT_FIELDS])
{
	unsigned long rec = r->c.seq + 1;
	char mac[AUDIT_HASH_HEX], want[32];

	snprintf(want, sizeof want, "%lu", rec);
	if (strcmp(f[0], want) != 0)
		return audit_broken(v, rec, "wrong sequence number: a record "
		    "was deleted, inserted or moved");
	if (strcmp(f[6], r->c.last) != 0)
		return audit_broken(v, rec, "does not chain to the record "
		    "before it");
	audit_mac(mac, r->key, line, (size_t)(f[7] - f[0]));
	if (sodium_memcmp(mac, f[7], AUDIT_HASH_HEX - 1) != 0)
		return audit_broken(v, rec, r->key != NULL ? "its mac does not "
		    "match: the record was changed, or made without the key" :
		    "its hash does not match: the record was changed");
	if (r->loose > 0) {
		audit_torn_detail(want, sizeof want, r->loose);
		if (strcmp(f[2], AUDIT_TORN) != 0 || strcmp(f[5], want) != 0)
			return audit_broken(v, rec, "not a record (a line "
			    "between records that no torn_tail accounts for)");
		v->torn++;
		r->loose = 0;
	}
	if (strcmp(f[2], "log_cut") == 0)
		v->cuts++;
	if (r->anchor != NULL && r->anchor->seq == rec &&
	    sodium_memcmp(mac, r->anchor->mac, AUDIT_HASH_HEX - 1) != 0)
		return audit_broken(v, rec, "differs from the anchored copy of "
		    "this record: the log was rewritten");
	r->c.seq = rec;
	memcpy(r->c.last, mac, sizeof r->c.last);
	v->records = rec;
	return 0;
}

int
audit_verify(const char *text, size_t len,
    const unsigned char key[AUDIT_KEY_BYTES],
    const struct audit_anchor *anchor, struct audit_verdict *v)
{
	struct audit_reader r = { .anchor = anchor };
	char buf[AUDIT_LINE_MAX], *f[AUDIT_FIELDS], why[AUDIT_WHY_MAX];
	const char *nl;
	size_t off = 0;

	memset(v, 0, sizeof *v);
	nl = len > 0 ? memchr(text, '\n', len) : NULL;
	if (len > 0 && text[0] == '#') {
		if (nl == NULL || !audit_is_header(text, (size_t)(nl - text),
		    v->terminal))
			return audit_broken(v, 1, "not an audit log (its first "
			    "line is not the header)");
		if (key == NULL)
			return audit_broken(v, 1, "a keyed log: the terminal's "
			    "key is needed to check it");
		r.key = key;
		off = (size_t)(nl - text) + 1;
		audit_chain_start(&r.c, key, text, off);
	} else {
		v->unkeyed = true;
		audit_chain_start(&r.c, NULL, NULL, 0);
	}
	while (off < len) {
		const char *line = text + off;
		size_t n;

		if ((nl = memchr(line, '\n', len - off)) == NULL) {
			/* A write cut short, not yet recorded. */
			v->torn_open = true;
			break;
		}
		n = (size_t)(nl - line);
		off += n + 1;
		if (audit_split(buf, line, n, f) != 0) {
			r.loose += n + 1;
			continue;
		}
		if (audit_record(&r, v, line, f) != 0)
			return -1;
	}
	if (r.loose > 0)
		return audit_broken(v, r.c.seq + 1, "not a record (wrong number "
		    "of fields)");
	v->head = (struct audit_anchor){ .seq = r.c.seq };
	memcpy(v->head.mac, r.c.last, sizeof v->head.mac);
	if (anchor != NULL && anchor->seq > r.c.seq) {
		snprintf(why, sizeof why, "records were cut off the end: the "
		    "log ends at record %lu, record %lu was written", r.c.seq,
		    anchor->seq);
		return audit_broken(v, r.c.seq + 1, why);
	}
	return 0;
}

int
audit_find(const char *text, size_t len, unsigned long seq,
    char mac[AUDIT_HASH_HEX])
{
	char buf[AUDIT_LINE_MAX], *f[AUDIT_FIELDS], want[32];
	size_t off = 0;

	snprintf(want, sizeof want, "%lu", seq);
	while (off < len) {
		const char *line = text + off, *nl = memchr(line, '\n',
		    len - off);
		size_t n = nl != NULL ? (size_t)(nl - line) : len - off;

		off += n + 1;
		if (nl != NULL && audit_split(buf, line, n, f) == 0 &&
		    strcmp(f[0], want) == 0) {
			memcpy(mac, f[7], AUDIT_HASH_HEX);
			return 0;
		}
	}
	return -1;
}

int
audit_chain_resume(struct audit_chain *c, size_t *torn,
    const unsigned char key[AUDIT_KEY_BYTES], const char *text, size_t len)
{
	char buf[AUDIT_LINE_MAX], *f[AUDIT_FIELDS], t[AUDIT_TERMINAL_MAX];
	size_t end = len, start;

	/* Back over complete lines to the last that is a record (or the
	 * header); everything after it is torn. */
	while (end > 0 && text[end - 1] != '\n')
		end--;
	while (end > 0) {
		start = end - 1;
		while (start > 0 && text[start - 1] != '\n')
			start--;
		if (audit_split(buf, text + start, end - 1 - start, f) == 0) {
			c->seq = strtoul(f[0], NULL, 10);
			memcpy(c->last, f[7], AUDIT_HASH_HEX);
			*torn = len - end;
			return 0;
		}
		if (start == 0 && audit_is_header(text, end - 1, t)) {
			audit_chain_start(c, key, text, end);
			*torn = len - end;
			return 0;
		}
		end = start;
	}
	return -1;
}
