/*
 * mask.c -- hiding the middle of a personal number (see mask.h).
 *
 * Every shape (ID number in forms/idnum.c, card number and mobile here)
 * goes through mask_ends(), so "what a clerk may see of a number" is
 * written once.  A name is masked by its characters (name_mask).
 */
#include "forms/mask.h"

#include <stdbool.h>
#include <string.h>

#include "forms/text.h"

static bool
mask_char_ok(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z') || c == '*';
}

size_t
mask_ends(char *out, size_t outsz, const char *in, size_t len_min,
    size_t len_max, size_t head, size_t tail)
{
	size_t len = in != NULL ? strlen(in) : 0, i;
	bool shaped = len >= len_min && len <= len_max && len > head + tail;

	if (outsz == 0)
		return 0;
	for (i = 0; shaped && i < len; i++)
		shaped = mask_char_ok(in[i]);
	if (len > len_max)
		len = len_max;
	if (len > outsz - 1) {
		shaped = false;
		len = outsz - 1;
	}
	/* Not of the shape: it may be a number mistyped or sent in another
	 * form, so none of it is shown. */
	memset(out, '*', len);
	if (shaped) {
		memcpy(out, in, head);
		memcpy(out + len - tail, in + len - tail, tail);
	}
	out[len] = '\0';
	return len;
}

void
mask_card_number(char *out, size_t outsz, const char *in)
{
	mask_ends(out, outsz, in, MASK_CARD_MIN, MASK_CARD_MAX, 2, 3);
}

void
mask_phone(char *out, size_t outsz, const char *in)
{
	mask_ends(out, outsz, in, MASK_PHONE_MIN, MASK_PHONE_MAX, 3, 4);
}

void
name_mask(char *out, size_t outsz, const char *name)
{
	size_t n = strlen(name), used, o;
	long cp;

	if (outsz == 0)
		return;
	out[0] = '\0';
	used = text_decode(name, n, &cp);
	if (used == 0 || cp < 0 || used >= outsz)
		return;
	memcpy(out, name, used);
	o = used;
	while (used < n && o + 1 < outsz) {
		size_t k = text_decode(name + used, n - used, &cp);

		if (k == 0)
			break;
		used += k;
		out[o++] = '*';
	}
	out[o] = '\0';
}
