/*
 * parse.c -- parse_long: one strict reading of a decimal option value.
 *
 * strtol does the arithmetic and its overflow check; what it forgives
 * (leading blanks, an empty string read as 0, trailing text) is refused
 * here, so a typo is never taken as a value.  errno is put back as it was,
 * the function being pure for its callers.
 */
#include "forms/parse.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

/* An optional sign, then a digit: what strtol must start on. */
static bool starts_as_number(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	return *s >= '0' && *s <= '9';
}

int parse_long(long *out, const char *s, long min, long max)
{
	int saved = errno;
	char *end;
	long v;
	bool ok;

	if (s == NULL || min > max || !starts_as_number(s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	ok = errno == 0 && *end == '\0' && v >= min && v <= max;
	errno = saved;
	if (!ok)
		return -1;
	*out = v;
	return 0;
}
