/*
 * mask.h -- the one rule that hides the middle of a personal number.
 *
 * An ID number, a social-security card number or a mobile number is shown
 * to the clerk only masked: its first and last few characters kept, every
 * one between them a '*'.  The rule is applied to whatever arrives, masked
 * already or not (a service that forgot to mask), so it gives the same
 * result for "110105198503120135" and "110105********0135".  Anything
 * that is not of the shape (the wrong length, a character that is not an
 * ASCII letter, digit or '*') is shown as stars only: none of it.  The
 * output is ASCII, never longer than the input nor than len_max.
 *
 * A person's name shown in a list keeps its first character only
 * (name_mask).
 */
#ifndef SSDESK_MASK_H
#define SSDESK_MASK_H

#include <stddef.h>

/* The social-security card number, as the service sends it masked:
 * "A0****017" (first 2 and last 3 kept).  */
#define MASK_CARD_MIN 6
#define MASK_CARD_MAX 20
/* A mobile number: "138****0001" (first 3 and last 4 kept). */
#define MASK_PHONE_MIN 7
#define MASK_PHONE_MAX 15

/* in, head and tail characters kept, stars between, if in is len_min to
 * len_max characters of [A-Za-z0-9*] and longer than head + tail; else
 * as many stars as in has bytes, at most len_max.  out holds outsz bytes
 * (at least len_max + 1, else it is cut); returns the length written. */
size_t mask_ends(char *out, size_t outsz, const char *in, size_t len_min,
    size_t len_max, size_t head, size_t tail);

/* The card and phone shapes above; out holds at least MASK_*_MAX + 1. */
void mask_card_number(char *out, size_t outsz, const char *in);
void mask_phone(char *out, size_t outsz, const char *in);

/* A name shown in a list: its first character, then one '*' for each
 * other character ("孙丽" -> "孙*"); "" if it does not begin with a whole
 * character or that does not fit in outsz. */
void name_mask(char *out, size_t outsz, const char *name);

#endif
