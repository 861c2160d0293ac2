/*
 * check.h -- field checks that are not the ID number: names, bank cards,
 * mobile numbers, the ID card's validity.  Each returns an error code and
 * check_strerror() gives a sentence a clerk can act on.
 */
#ifndef SSDESK_CHECK_H
#define SSDESK_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/date.h"

enum check_err {
	CHECK_OK = 0,
	CHECK_EMPTY,
	/* names */
	CHECK_NAME_CONTROL,   /* control or format character */
	CHECK_NAME_DIGIT,     /* digits in a name */
	CHECK_NAME_TOO_LONG,  /* over NAME_MAX_COLS columns */
	CHECK_NAME_INVALID,   /* invalid UTF-8 or unprintable */
	/* bank cards (UnionPay) */
	CHECK_CARD_NONDIGIT,
	CHECK_CARD_LENGTH,    /* not 16-19 digits */
	CHECK_CARD_IIN,       /* does not start with 62 */
	CHECK_CARD_LUHN,      /* check digit wrong: a warning, re-enter to confirm */
	/* mobile numbers */
	CHECK_MOBILE_FORMAT,  /* not 11 digits starting 13-19 */
	/* ID card validity */
	CHECK_VALIDITY_FORMAT,/* not a date nor "long-term" */
	CHECK_VALIDITY_EXPIRED,
};

#define NAME_MAX_COLS 40
#define NAME_MAX_BYTES 128
#define BANKCARD_MAX 19
#define BANKCARD_MASKED_MAX 24

enum check_err check_name(const char *name);
/* Is typed the register's name?  Byte for byte, except that the middle
 * dot of a minority name may be any of its look-alikes (U+00B7, U+2022,
 * U+2027, U+30FB, U+FF65, '.') on either side (docs/api.md, name_mismatch).
 * The service's rule, and the terminal's for the name it answers with. */
bool check_name_matches(const char *reg, const char *typed);

bool check_luhn(const char *digits);
enum check_err check_bankcard(const char *digits);
/* 6222 **** **** 1234 style: first 4 and last 4 digits kept. */
void check_bankcard_mask(char out[BANKCARD_MASKED_MAX], const char *digits);

enum check_err check_mobile(const char *digits);

/* s is "YYYY-MM-DD", "YYYYMMDD" or "long-term" (also "L", "长期").  An
 * end date before today is expired; the end date itself is still valid. */
enum check_err check_validity(const char *s, struct date today, bool *long_term,
    struct date *until);

const char *check_strerror(enum check_err err);

#endif
