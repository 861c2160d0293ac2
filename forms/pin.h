/*
 * pin.h -- the rules a new card PIN must meet (seed 000), pure.
 *
 * A PIN is exactly six ASCII digits.  It is refused when it is easy to
 * guess from what others know of the holder: all digits the same, an
 * ascending or descending run, a form of the birth date in the ID number
 * (YYMMDD, MMDDYY, DDMMYY, or MMDD anywhere in it), the last six
 * characters of the ID number, or the card's initial PIN (the issuers'
 * defaults 123456 and 000000, or the card's own when known).  Nothing
 * here copies the PIN.
 */
#ifndef SSDESK_PIN_H
#define SSDESK_PIN_H

#include <stdbool.h>

#include "forms/wire.h"

#define PIN_LEN WIRE_PIN_LEN   /* the contract's */

enum pin_weak {
	PIN_OK = 0,
	PIN_NOT_SIX_DIGITS,
	PIN_ALL_SAME,
	PIN_RUN,          /* 123456, 654321, 012345, 987654, 234567 ... */
	PIN_BIRTH_DATE,   /* YYMMDD, MMDDYY, DDMMYY, MMDD within */
	PIN_ID_TAIL,      /* the last six characters of the ID number */
	PIN_INITIAL,      /* the card's initial PIN or a default */
	PIN_MISMATCH,     /* the two entries differ (pin_entries_check) */
};

/* Whether pin is exactly PIN_LEN ASCII digits (the shape alone: what may
 * be sealed to the service, net/seal.c; false for NULL). */
bool pin_six_digits(const char *pin);
/* Which rule pin breaks, PIN_OK if none.  id_number: the full 18-character
 * number or NULL (birth-date and tail rules skipped); initial: the card's
 * initial PIN if known, or NULL (the defaults are always checked). */
enum pin_weak pin_check(const char *pin, const char *id_number,
    const char *initial);
/* The plain reason for the applicant (N_()), "" for PIN_OK. */
const char *pin_reason(enum pin_weak w);

#endif
