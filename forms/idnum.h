/*
 * idnum.h -- the resident identity number (GB 11643-1999).
 *
 * 18 characters: a 6-digit region code, an 8-digit birth date, a 3-digit
 * sequence whose parity gives the sex (odd male, even female) and an
 * ISO 7064 MOD 11-2 check character, 0-9 or X.  A lowercase x is
 * normalised to X.  The full number never leaves this module except
 * to the central service; everything else shows idnum_mask().
 */
#ifndef SSDESK_IDNUM_H
#define SSDESK_IDNUM_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/date.h"

#define IDNUM_LEN 18
#define IDNUM_MASKED_LEN 18 /* same length: 110105********002X */

enum idnum_err {
	IDNUM_OK = 0,
	IDNUM_EMPTY,     /* nothing typed */
	IDNUM_SHORT,     /* fewer than 18 characters (a prefix may be fine) */
	IDNUM_LONG,      /* more than 18 characters */
	IDNUM_CHAR,      /* a character other than 0-9, or X/x last */
	IDNUM_REGION,    /* province part of the region code unknown */
	IDNUM_BIRTH,     /* birth date impossible (Feb 30, month 13) */
	IDNUM_FUTURE,    /* birth date after today */
	IDNUM_CHECK,     /* wrong check character */
};

enum idnum_sex { IDNUM_FEMALE = 0, IDNUM_MALE = 1 };

struct idnum {
	char number[IDNUM_LEN + 1]; /* normalised (X upper case) */
	struct date birth;
	enum idnum_sex sex;
	const char *province;       /* English name, static, mark N_() */
	char expected_check;        /* the check character 17 digits imply */
};

/*
 * What can be told of what has been typed so far: as the clerk types, the
 * screen shows the province after 2 digits, the birth date after 14, the
 * sex after 17, and the verdict at 18.  fields_known says how far it got.
 */
struct idnum_partial {
	enum idnum_err err;        /* IDNUM_OK or IDNUM_SHORT while fine so far */
	bool has_province, has_birth, has_sex;
	const char *province;
	struct date birth;
	enum idnum_sex sex;
	char expected_check;       /* valid once 17 digits are in */
};

/* Parse a whole number; out may be NULL.  today bounds the birth date. */
enum idnum_err idnum_parse(struct idnum *out, const char *in, struct date today);

/* Inspect a number being typed (any prefix, trailing blanks ignored). */
void idnum_inspect(struct idnum_partial *out, const char *in, struct date today);

/* The MOD 11-2 check character of 17 digits, or 0 if they are not digits. */
char idnum_check_char(const char *first17);

/* 110105********002X: region kept, birth date and sequence hidden but the
 * last four (forms/mask.h's rule: a masked number gives itself).  Works on
 * anything; input not of the shape gives all stars. */
void idnum_mask(char out[IDNUM_MASKED_LEN + 1], const char *number);

/* A sentence a clerk can act on, English, marked for translation. */
const char *idnum_strerror(enum idnum_err err);

/* English province name of a 2-digit province code, NULL if unknown. */
const char *idnum_province(const char *two_digits);

#endif
