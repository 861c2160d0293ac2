/*
 * parse.h -- numbers given on a command line, read one way.
 *
 * ssdesk and ssdesk-sim read every numeric option (--port, --latency,
 * --idle-lock, ...) with parse_long, so "8443x", "" or a number past the
 * range is refused the same way by both.  Pure: nothing printed, errno
 * left as it was; the caller says what was wrong in its own words.
 */
#ifndef SSDESK_PARSE_H
#define SSDESK_PARSE_H

/* s as a decimal integer from min to max into *out; 0, or -1 with *out
 * untouched.  s is an optional '+' or '-' and one or more ASCII digits,
 * nothing before (no blank) or after; a value past long's range is -1,
 * never clamped.  s NULL or min > max is -1. */
int parse_long(long *out, const char *s, long min, long max);

#endif
