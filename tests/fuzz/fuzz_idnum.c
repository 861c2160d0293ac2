/*
 * fuzz_idnum.c -- libFuzzer harness for the resident ID number parser:
 * idnum_parse() and idnum_inspect() (the live check as it is typed) on any
 * bytes, NUL-terminated in a buffer of exactly that size, and the masking
 * of whatever parsed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "forms/idnum.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct date today = { 2026, 11, 22 };
	struct idnum id;
	struct idnum_partial part;
	char masked[IDNUM_MASKED_LEN + 1];
	char *s = malloc(size + 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (idnum_parse(&id, s, today) == IDNUM_OK)
		idnum_mask(masked, id.number);
	idnum_inspect(&part, s, today);
	if (size >= 17)
		idnum_check_char(s);
	free(s);
	return 0;
}
