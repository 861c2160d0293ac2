/*
 * text.c -- untrusted text made safe to draw, and measured in columns.
 *
 * Sanitising decodes UTF-8 by hand so that what is dropped or replaced
 * does not depend on the locale: a string is either safe or not,
 * whatever LC_CTYPE the terminal runs with.  Only measuring width needs
 * the locale, because wcwidth() is the terminal's idea of width.
 */
#include "forms/text.h"

#include <string.h>
#include <wchar.h>

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

size_t text_decode(const char *s, size_t n, long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, i;
	long v;

	if (n == 0) {
		*cp = -1;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	/* Lead bytes and the range of the second byte, as in Unicode's
	 * table 3-7: this rules out overlongs and surrogates up front. */
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		need = 1;
		v = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		need = 2;
		v = u[0] & 0x0F;
		if (u[0] == 0xE0)
			lo = 0xA0;
		else if (u[0] == 0xED)
			hi = 0x9F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		need = 3;
		v = u[0] & 0x07;
		if (u[0] == 0xF0)
			lo = 0x90;
		else if (u[0] == 0xF4)
			hi = 0x8F;
	} else {
		*cp = -1;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		/* Stop at the first byte that cannot continue: the bytes so far
		 * are one "maximal subpart" and become one U+FFFD. */
		if (i >= n || u[i] < lo || u[i] > hi) {
			*cp = -1;
			return i;
		}
		v = (v << 6) | (u[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return need + 1;
}

int text_is_control(long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    cp == 0x061C || cp == 0x180E ||
	    (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0x2028 && cp <= 0x202E) ||
	    (cp >= 0x2060 && cp <= 0x2064) ||
	    (cp >= 0x2066 && cp <= 0x206F) ||
	    cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	    (cp >= 0x1BCA0 && cp <= 0x1BCA3) || /* shorthand format controls */
	    (cp >= 0xE0000 && cp <= 0xE007F);   /* tags: invisible ASCII */
}

/* Bytes of the UTF-8 encoding of a valid code point. */
static size_t encode(char out[4], long cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/*
 * An escape sequence starts at in[i - used] (ESC, or a C1 introducer):
 * where it ends.  The whole sequence goes, not only its ESC, so no "[31m"
 * or "]0;title" litter is left on the screen:
 *   CSI (ESC [ or 0x9B): parameter and intermediate bytes, then one final;
 *   strings (OSC ESC ] / 0x9D, DCS ESC P / 0x90, SOS ESC X / 0x98, PM
 *   ESC ^ / 0x9E, APC ESC _ / 0x9F): up to BEL, ESC \ or ST (0x9C), or to
 *   the end;
 *   any other ESC: intermediates 0x20-0x2F, then one final 0x30-0x7E.
 * A byte that cannot belong to the sequence ends it and is kept.
 */
static size_t skip_escape(const char *in, size_t inlen, size_t i, long cp)
{
	const unsigned char *u = (const unsigned char *)in;
	int kind = 0;   /* 1 CSI, 2 string, 3 other ESC */

	if (cp == 0x1B) {
		if (i >= inlen)
			return i;
		switch (u[i]) {
		case '[': kind = 1; i++; break;
		case ']': case 'P': case 'X': case '^': case '_':
			kind = 2; i++; break;
		default: kind = 3; break;
		}
	} else if (cp == 0x9B)
		kind = 1;
	else if (cp == 0x9D || cp == 0x90 || cp == 0x98 || cp == 0x9E ||
	    cp == 0x9F)
		kind = 2;
	else
		return i;
	if (kind == 1) {
		while (i < inlen && u[i] >= 0x20 && u[i] <= 0x3F)
			i++;
		while (i < inlen && u[i] >= 0x20 && u[i] <= 0x2F)
			i++;
		if (i < inlen && u[i] >= 0x40 && u[i] <= 0x7E)
			i++;
		return i;
	}
	if (kind == 3) {
		while (i < inlen && u[i] >= 0x20 && u[i] <= 0x2F)
			i++;
		if (i < inlen && u[i] >= 0x30 && u[i] <= 0x7E)
			i++;
		return i;
	}
	while (i < inlen) {
		long c;
		size_t n = text_decode(in + i, inlen - i, &c);

		i += n;
		if (c == 0x07 || c == 0x9C)
			break;
		if (c == 0x1B && i < inlen && u[i] == '\\') {
			i++;
			break;
		}
	}
	return i;
}

size_t text_sanitize(char *out, size_t outsz, const char *in, size_t inlen)
{
	size_t o = 0, i = 0;

	if (outsz == 0)
		return 0;
	if (in == NULL)
		inlen = 0;
	while (i < inlen) {
		char buf[4];
		long cp;
		size_t used = text_decode(in + i, inlen - i, &cp);
		size_t n;

		i += used;
		if (cp < 0) {
			memcpy(buf, REPLACEMENT, 3);
			n = 3;
		} else if (text_is_control(cp)) {
			i = skip_escape(in, inlen, i, cp);
			continue;
		} else {
			n = encode(buf, cp);
		}
		if (o + n >= outsz)
			break; /* whole characters only, and room for the NUL */
		memcpy(out + o, buf, n);
		o += n;
	}
	out[o] = '\0';
	return o;
}

int text_width(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;
	int cols = 0;

	for (size_t i = 0; i < n;) {
		long cp;
		int w;

		i += text_decode(s + i, n - i, &cp);
		if (cp < 0)
			return -1;
		w = wcwidth((wchar_t)cp);
		if (w < 0)
			return -1;
		cols += w;
	}
	return cols;
}

int text_fit(char *out, size_t outsz, const char *s, int maxcols)
{
	size_t n = s != NULL ? strlen(s) : 0;
	size_t o = 0, i = 0;
	int cols = 0;
	int total = text_width(s);

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	if (maxcols <= 0)
		return 0;
	/* Cutting needs a column for the "~"; fitting whole does not. */
	int budget = total >= 0 && total <= maxcols ? maxcols : maxcols - 1;

	while (i < n) {
		long cp;
		size_t used = text_decode(s + i, n - i, &cp);
		const char *bytes = s + i;
		size_t nb = used;
		int w = cp >= 0 ? wcwidth((wchar_t)cp) : -1;

		if (w < 0) {
			/* Unprintable: show that something is there, one column. */
			bytes = REPLACEMENT;
			nb = 3;
			w = 1;
		}
		if (cols + w > budget || o + nb >= outsz)
			break;
		memcpy(out + o, bytes, nb);
		o += nb;
		cols += w;
		i += used;
	}
	if (i < n && o + 1 < outsz && cols < maxcols) {
		out[o++] = '~';
		cols++;
	}
	out[o] = '\0';
	return cols;
}

/* Length of a blank at s (ASCII space, tab, CR, LF or U+3000), else 0. */
static size_t blank_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		return 1;
	/* Byte by byte, so a string ending early stops the comparison. */
	if (s[0] == '\xE3' && s[1] == '\x80' && s[2] == '\x80')
		return 3;
	return 0;
}

char *text_trim(char *s)
{
	size_t start = 0, end, b;

	if (s == NULL)
		return s;
	while ((b = blank_at(s + start)) != 0)
		start += b;
	end = strlen(s);
	for (;;) {
		if (end > start && strchr(" \t\r\n", s[end - 1]) != NULL)
			end--;
		else if (end >= start + 3 && memcmp(s + end - 3, "\xE3\x80\x80", 3) == 0)
			end -= 3;
		else
			break;
	}
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

/* Blank: a space of any width, or a character that shows as one (the
 * Hangul fillers, the blank Braille pattern).  Controls too: a string
 * not sanitised yet may still hold them. */
static int is_blank_cp(long cp)
{
	return cp == ' ' || cp == 0xA0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
	    cp == 0x3000 || cp == 0x115F || cp == 0x1160 || cp == 0x3164 ||
	    cp == 0xFFA0 || cp == 0x2800 || (cp >= 0 && text_is_control(cp));
}

int text_blank(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	for (size_t i = 0; i < n;) {
		long cp;

		i += text_decode(s + i, n - i, &cp);
		if (!is_blank_cp(cp))
			return 0;
	}
	return 1;
}

bool
text_json_has_nul(const char *text, size_t len)
{
	bool in_str = false;

	if (memchr(text, '\0', len) != NULL)
		return true;
	for (size_t i = 0; i < len; i++) {
		if (!in_str) {
			in_str = text[i] == '"';
			continue;
		}
		if (text[i] == '"')
			in_str = false;
		else if (text[i] == '\\' && i + 1 < len) {
			if (text[i + 1] == 'u' && len - i >= 6 &&
			    memcmp(text + i + 2, "0000", 4) == 0)
				return true;
			i++;        /* skip the escaped character */
		}
	}
	return false;
}
