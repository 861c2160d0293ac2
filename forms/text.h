/*
 * text.h -- untrusted text made safe to draw, and its width in columns.
 *
 * Anything that came from the service, a file or a paste goes through
 * text_sanitize() before it reaches the screen: C0/C1 controls (ESC, CR,
 * LF, TAB, BS, DEL...), bidi overrides and isolates (U+202A-202E,
 * U+2066-2069, U+200E/F, U+061C) and other format characters are dropped
 * or replaced, invalid UTF-8 becomes U+FFFD.  Width comes from wcwidth()
 * under the current LC_CTYPE, which must be a UTF-8 locale.
 */
#ifndef SSDESK_TEXT_H
#define SSDESK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Sanitise in[0..inlen) into out (always NUL-terminated, truncated on a
 * character boundary if outsz is too small).  Returns bytes written. */
size_t text_sanitize(char *out, size_t outsz, const char *in, size_t inlen);

/* Display width in columns of UTF-8 s; -1 if invalid or unprintable. */
int text_width(const char *s);

/* Copy as much of UTF-8 s as fits in maxcols columns into out; if it had
 * to cut, the last column is "~".  Returns the width written. */
int text_fit(char *out, size_t outsz, const char *s, int maxcols);

/* True if s, sanitised, would show nothing: empty, or only spaces of any
 * width and invisible fillers (U+00A0, U+2000-200A, U+3000, U+3164...).
 * A message from the service that is blank is no message. */
int text_blank(const char *s);

/* Remove leading and trailing blanks (ASCII space, U+3000) in place. */
char *text_trim(char *s);

/* Decode one UTF-8 character of s[0..n), locale-independently.  Returns
 * the bytes it used (at least 1 if n > 0, 0 if n == 0); *cp is the code
 * point, or -1 if those bytes are not valid UTF-8 (stray or missing
 * continuation byte, overlong form, surrogate, above U+10FFFF). */
size_t text_decode(const char *s, size_t n, long *cp);

/* True for a code point text_sanitize() drops: C0 and C1 controls, DEL,
 * zero-width and bidi format characters, line/paragraph separators, BOM,
 * interlinear annotation, shorthand format controls and tag characters
 * (U+E0000-E007F, which spell invisible ASCII). */
int text_is_control(long cp);

/* Whether JSON text[0..len) holds a NUL: a raw NUL byte anywhere, or
 * the escape \u0000 inside a string.  cJSON turns either into a NUL
 * inside a string, and every strlen() after it cuts the string short
 * without a word ("clerk01\u0000x" read as "clerk01", an id as another):
 * both readers of the wire (net/ for replies, sim/ for requests) refuse
 * such text whole.  Only the lexical structure is followed (quotes and
 * backslash escapes); the JSON library still does the parsing. */
bool text_json_has_nul(const char *text, size_t len);

#endif
