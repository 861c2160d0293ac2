/*
 * audit.c -- format and check the chained audit log (see audit.h).
 */
#include "forms/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AUDIT_FIELDS 8

static const char audit_zero[AUDIT_HASH_HEX] =
    "0000000000000000000000000000000000000000000000000000000000000000";

void
audit_chain_start(struct audit_chain *c)
{
	c->seq = 0;
	memcpy(c->last, audit_zero, sizeof c->last);
}

/* The hash of a record's text before its hash field, in hex. */
static void
audit_hash(char out[AUDIT_HASH_HEX], const char *text, size_t len)
{
	unsigned char h[AUDIT_HASH_BYTES];

	crypto_generichash(h, sizeof h, (const unsigned char *)text, len,
	    NULL, 0);
	sodium_bin2hex(out, AUDIT_HASH_HEX, h, sizeof h);
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
audit_format(char *out, struct audit_chain *c, const char *time,
    const char *event, const char *staff, const char *counter,
    const char *detail)
{
	char seq[32], hash[AUDIT_HASH_HEX];
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
	audit_hash(hash, out, n);
	if (n + AUDIT_HASH_HEX + 1 > AUDIT_LINE_MAX)
		return -1;
	memcpy(out + n, hash, AUDIT_HASH_HEX - 1);
	n += AUDIT_HASH_HEX - 1;
	out[n++] = '\n';
	out[n] = '\0';
	c->seq++;
	memcpy(c->last, hash, sizeof c->last);
	return (int)n;
}

/* Split line[0..len) at tabs into f (pointers into a copy in buf). */
static int
audit_split(char *buf, const char *line, size_t len, char *f[AUDIT_FIELDS])
{
	int k = 0;
	char *p = buf;

	memcpy(buf, line, len);
	buf[len] = '\0';
	f[k++] = p;
	while ((p = strchr(p, '\t')) != NULL) {
		*p++ = '\0';
		if (k == AUDIT_FIELDS)
			return -1;
		f[k++] = p;
	}
	return k == AUDIT_FIELDS ? 0 : -1;
}

static int
audit_broken(struct audit_verdict *v, unsigned long rec, const char *why)
{
	v->bad = rec;
	snprintf(v->why, sizeof v->why, "%s", why);
	return -1;
}

int
audit_verify(const char *text, size_t len, struct audit_verdict *v)
{
	struct audit_chain c;
	char buf[AUDIT_LINE_MAX], hash[AUDIT_HASH_HEX], want[32];
	char *f[AUDIT_FIELDS];
	size_t off = 0;

	memset(v, 0, sizeof *v);
	audit_chain_start(&c);
	while (off < len) {
		const char *line = text + off, *nl;
		size_t n;
		unsigned long rec = c.seq + 1;

		nl = memchr(line, '\n', len - off);
		if (nl == NULL)
			return audit_broken(v, rec, "the record is cut off "
			    "(no end of line)");
		n = (size_t)(nl - line);
		off += n + 1;
		if (n >= AUDIT_LINE_MAX || memchr(line, '\0', n) != NULL ||
		    audit_split(buf, line, n, f) != 0)
			return audit_broken(v, rec, "not a record (wrong number "
			    "of fields)");
		snprintf(want, sizeof want, "%lu", rec);
		if (strcmp(f[0], want) != 0)
			return audit_broken(v, rec, "wrong sequence number: a "
			    "record was deleted, inserted or moved");
		if (strcmp(f[6], c.last) != 0)
			return audit_broken(v, rec, "does not chain to the "
			    "record before it");
		audit_hash(hash, line, (size_t)(f[7] - f[0]));
		if (strlen(f[7]) != AUDIT_HASH_HEX - 1 ||
		    sodium_memcmp(hash, f[7], AUDIT_HASH_HEX - 1) != 0)
			return audit_broken(v, rec, "its hash does not match: "
			    "the record was changed");
		c.seq = rec;
		memcpy(c.last, hash, sizeof c.last);
		v->records = rec;
	}
	return 0;
}

void
audit_chain_resume(struct audit_chain *c, const char *text, size_t len)
{
	char buf[AUDIT_LINE_MAX], *f[AUDIT_FIELDS];
	size_t end = len, start;

	audit_chain_start(c);
	/* The last complete line. */
	while (end > 0 && text[end - 1] != '\n')
		end--;
	if (end == 0)
		return;
	start = end - 1;
	while (start > 0 && text[start - 1] != '\n')
		start--;
	if (end - 1 - start >= AUDIT_LINE_MAX ||
	    audit_split(buf, text + start, end - 1 - start, f) != 0)
		return;
	c->seq = strtoul(f[0], NULL, 10);
	if (strlen(f[7]) == AUDIT_HASH_HEX - 1)
		memcpy(c->last, f[7], AUDIT_HASH_HEX);
}
