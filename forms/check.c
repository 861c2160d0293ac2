/*
 * check.c -- checks of names, UnionPay cards, mobile numbers and the ID
 * card's end date.
 *
 * Names are checked against a short list of what a name on a Chinese ID
 * card can hold (CJK ideographs, Latin letters, spaces and the middle dots
 * of transliterated minority names); width is counted from that same list,
 * so the check does not depend on the locale.  Card and mobile checks take
 * digits only: the form strips spaces before calling them.
 */
#include "forms/check.h"

#include <string.h>
#include <strings.h>

#include "forms/i18n.h"
#include "forms/text.h"

static bool is_wide_name_char(long cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F) ||
	    cp == 0x3007 /* 〇 */ || cp == 0x30FB /* ・ */;
}

static bool is_digit_char(long cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Width of an allowed name character; -1 if it is not allowed. */
static int name_char_width(long cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == ' ')
		return 1;
	/* The middle dot of a transliterated minority name, and the
	 * look-alikes an input method may give for it, which the service
	 * accepts in its place (docs/api.md, name_mismatch): U+2022 bullet,
	 * U+2027 hyphenation point, U+FF65 half-width katakana middle dot
	 * and the full stop.  U+30FB is among the wide characters. */
	if (cp == 0x00B7 || cp == 0x2022 || cp == 0x2027 || cp == 0xFF65 ||
	    cp == '.')
		return 1;
	/* Accented Latin letters (not the multiplication and division signs). */
	if ((cp >= 0xC0 && cp <= 0x24F) && cp != 0xD7 && cp != 0xF7)
		return 1;
	if (cp >= 0x300 && cp <= 0x36F) /* combining accents */
		return 0;
	if (is_wide_name_char(cp))
		return 2;
	return -1;
}

enum check_err check_name(const char *name)
{
	size_t n = name != NULL ? strlen(name) : 0;
	bool any = false;
	int cols = 0;
	enum check_err bad = CHECK_OK;

	for (size_t i = 0; i < n;) {
		long cp;
		int w;

		i += text_decode(name + i, n - i, &cp);
		if (cp < 0)
			return CHECK_NAME_INVALID;
		/* Controls are the most dangerous, so they win over other faults. */
		if (text_is_control(cp))
			return CHECK_NAME_CONTROL;
		if (bad != CHECK_OK)
			continue;
		if (is_digit_char(cp)) {
			bad = CHECK_NAME_DIGIT;
			continue;
		}
		w = name_char_width(cp);
		if (w < 0) {
			bad = CHECK_NAME_INVALID;
			continue;
		}
		if (cp != ' ')
			any = true;
		cols += w;
	}
	if (bad != CHECK_OK)
		return bad;
	if (!any)
		return CHECK_EMPTY;
	if (cols > NAME_MAX_COLS)
		return CHECK_NAME_TOO_LONG;
	return CHECK_OK;
}

/* Bytes of a middle dot or one of its look-alikes at p, else 0. */
static size_t dot_len(const char *p)
{
	static const char *const dots[] = {
		"\xC2\xB7",     /* U+00B7 MIDDLE DOT */
		"\xE2\x80\xA2", /* U+2022 BULLET */
		"\xE2\x80\xA7", /* U+2027 HYPHENATION POINT */
		"\xE3\x83\xBB", /* U+30FB KATAKANA MIDDLE DOT */
		"\xEF\xBD\xA5", /* U+FF65 HALFWIDTH KATAKANA MIDDLE DOT */
		".",
	};

	for (size_t i = 0; i < sizeof dots / sizeof dots[0]; i++) {
		size_t n = strlen(dots[i]);

		if (strncmp(p, dots[i], n) == 0)
			return n;
	}
	return 0;
}

bool check_name_matches(const char *reg, const char *typed)
{
	if (reg == NULL || typed == NULL)
		return false;
	while (*reg != '\0' && *typed != '\0') {
		size_t a = dot_len(reg), b = dot_len(typed);

		if (a > 0 && b > 0) {
			reg += a;
			typed += b;
		} else if (*reg == *typed) {
			reg++;
			typed++;
		} else {
			return false;
		}
	}
	return *reg == '\0' && *typed == '\0';
}

static bool all_digits(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

bool check_luhn(const char *digits)
{
	size_t n;
	int sum = 0;

	if (digits == NULL || digits[0] == '\0' || !all_digits(digits))
		return false;
	n = strlen(digits);
	/* Double every second digit counting from the right, check digit first. */
	for (size_t k = 0; k < n; k++) {
		int d = digits[n - 1 - k] - '0';

		if (k % 2 == 1) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return sum % 10 == 0;
}

enum check_err check_bankcard(const char *digits)
{
	size_t n;

	if (digits == NULL || digits[0] == '\0')
		return CHECK_EMPTY;
	if (!all_digits(digits))
		return CHECK_CARD_NONDIGIT;
	n = strlen(digits);
	/* The IIN is known from the first digits, before the length is. */
	if (digits[0] != '6' || (n >= 2 && digits[1] != '2'))
		return CHECK_CARD_IIN;
	if (n < 16 || n > BANKCARD_MAX)
		return CHECK_CARD_LENGTH;
	if (!check_luhn(digits))
		return CHECK_CARD_LUHN;
	return CHECK_OK;
}

void check_bankcard_mask(char out[BANKCARD_MASKED_MAX], const char *digits)
{
	size_t n = digits != NULL ? strlen(digits) : 0;

	/* Fixed shape whatever the length: the length itself is not shown. */
	if (n < 12) {
		strcpy(out, "**** **** ****");
		return;
	}
	memcpy(out, digits, 4);
	memcpy(out + 4, " **** **** ", 11);
	memcpy(out + 15, digits + n - 4, 4);
	out[19] = '\0';
}

enum check_err check_mobile(const char *digits)
{
	if (digits == NULL || digits[0] == '\0')
		return CHECK_EMPTY;
	if (strlen(digits) != 11 || !all_digits(digits) || digits[0] != '1' ||
	    digits[1] < '3')
		return CHECK_MOBILE_FORMAT;
	return CHECK_OK;
}

static bool is_long_term(const char *s)
{
	static const char *const words[] = { "long-term", "L", "\xE9\x95\xBF\xE6\x9C\x9F" /* 长期 */ };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

enum check_err check_validity(const char *s, struct date today, bool *long_term,
    struct date *until)
{
	struct date d;

	if (long_term != NULL)
		*long_term = false;
	if (s == NULL || s[0] == '\0')
		return CHECK_EMPTY;
	if (is_long_term(s)) {
		if (long_term != NULL)
			*long_term = true;
		return CHECK_OK;
	}
	if (date_parse(&d, s) != 0)
		return CHECK_VALIDITY_FORMAT;
	if (until != NULL)
		*until = d;
	if (date_cmp(d, today) < 0)
		return CHECK_VALIDITY_EXPIRED;
	return CHECK_OK;
}

const char *check_strerror(enum check_err err)
{
	switch (err) {
	case CHECK_OK:
		return _("The value is valid.");
	case CHECK_EMPTY:
		return _("This field is empty: fill it in.");
	case CHECK_NAME_CONTROL:
		return _("The name contains an invisible control character: type it again instead of pasting it.");
	case CHECK_NAME_DIGIT:
		return _("A name cannot contain digits: copy the name from the ID card.");
	case CHECK_NAME_TOO_LONG:
		return _("The name is longer than 40 columns: copy the name exactly as the ID card shows it.");
	case CHECK_NAME_INVALID:
		return _("The name contains a character a name cannot have: use Chinese characters, Latin letters, spaces or the middle dot (\xC2\xB7).");
	case CHECK_CARD_NONDIGIT:
		return _("A bank card number has digits only: check the number on the card.");
	case CHECK_CARD_LENGTH:
		return _("A UnionPay card number has 16 to 19 digits: check the number on the card.");
	case CHECK_CARD_IIN:
		return _("A UnionPay card number starts with 62: check that this is the applicant's UnionPay debit card.");
	case CHECK_CARD_LUHN:
		return _("The card number fails its check digit. Re-enter it to confirm, or correct it.");
	case CHECK_MOBILE_FORMAT:
		return _("A mobile number has 11 digits and starts with 13 to 19: check it with the applicant.");
	case CHECK_VALIDITY_FORMAT:
		return _("Type the end date on the ID card as YYYY-MM-DD or YYYYMMDD, or L for long-term.");
	case CHECK_VALIDITY_EXPIRED:
		return _("The ID card has expired: the applicant needs a valid ID card before going on.");
	}
	return _("The value is not valid.");
}
