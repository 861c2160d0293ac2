/*
 * pin.c -- the weak-PIN rules (forms/pin.h).
 */
#include "forms/pin.h"

#include <stdbool.h>
#include <string.h>

#include "forms/i18n.h"

static const char *const pin_defaults[] = { "123456", "000000" };

bool
pin_six_digits(const char *p)
{
	size_t i;

	if (p == NULL)
		return false;
	for (i = 0; i < PIN_LEN; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return p[PIN_LEN] == '\0';
}

static bool
pin_is_run(const char *p)
{
	int step = p[1] - p[0];

	if (step != 1 && step != -1)
		return false;
	for (int i = 2; i < PIN_LEN; i++)
		if (p[i] - p[i - 1] != step)
			return false;
	return true;
}

static bool
pin_birth_form(const char *pin, const char *id)
{
	/* In an 18-character number the birth date is YYYYMMDD at 6. */
	const char *yy = id + 8, *mm = id + 10, *dd = id + 12;
	char forms[3][PIN_LEN + 1], mmdd[5];

	memcpy(forms[0], yy, 2); memcpy(forms[0] + 2, mm, 2);
	memcpy(forms[0] + 4, dd, 2);
	memcpy(forms[1], mm, 2); memcpy(forms[1] + 2, dd, 2);
	memcpy(forms[1] + 4, yy, 2);
	memcpy(forms[2], dd, 2); memcpy(forms[2] + 2, mm, 2);
	memcpy(forms[2] + 4, yy, 2);
	for (int i = 0; i < 3; i++) {
		forms[i][PIN_LEN] = '\0';
		if (strcmp(pin, forms[i]) == 0)
			return true;
	}
	memcpy(mmdd, mm, 2);
	memcpy(mmdd + 2, dd, 2);
	mmdd[4] = '\0';
	return strstr(pin, mmdd) != NULL;
}

enum pin_weak
pin_check(const char *pin, const char *id_number, const char *initial)
{
	size_t i;

	if (!pin_six_digits(pin))
		return PIN_NOT_SIX_DIGITS;
	for (i = 1; i < PIN_LEN && pin[i] == pin[0]; i++)
		;
	if (i == PIN_LEN)
		return PIN_ALL_SAME;
	if (pin_is_run(pin))
		return PIN_RUN;
	if (id_number != NULL && strlen(id_number) == 18) {
		if (pin_birth_form(pin, id_number))
			return PIN_BIRTH_DATE;
		if (strcmp(pin, id_number + 12) == 0)
			return PIN_ID_TAIL;
	}
	for (i = 0; i < sizeof pin_defaults / sizeof pin_defaults[0]; i++)
		if (strcmp(pin, pin_defaults[i]) == 0)
			return PIN_INITIAL;
	if (initial != NULL && strcmp(pin, initial) == 0)
		return PIN_INITIAL;
	return PIN_OK;
}

const char *
pin_reason(enum pin_weak w)
{
	switch (w) {
	case PIN_OK:
		return "";
	case PIN_NOT_SIX_DIGITS:
		return N_("The PIN must be exactly 6 digits.");
	case PIN_ALL_SAME:
		return N_("All six digits are the same: too easy to guess.");
	case PIN_RUN:
		return N_("The digits run up or down (like 123456): too easy "
		    "to guess.");
	case PIN_BIRTH_DATE:
		return N_("It contains your birth date: too easy to guess.");
	case PIN_ID_TAIL:
		return N_("It is the end of your ID number: too easy to guess.");
	case PIN_INITIAL:
		return N_("It is the card's initial PIN: choose a new one.");
	case PIN_MISMATCH:
		return N_("The two entries differ. Type the new PIN again.");
	}
	return N_("The PIN must be exactly 6 digits.");
}
