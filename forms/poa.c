/*
 * poa.c -- the rules of a delegated activation under a power of attorney
 * (see poa.h).  The same functions run in the terminal (before sending)
 * and in the simulated service (sim/), so the two can never disagree
 * about a limit.
 */
#include "forms/poa.h"

#include <string.h>

#include "forms/i18n.h"

_Static_assert(POA_MAX_AGE_DAYS == 180, "poa_strerror() says 180 days");

enum poa_activation
poa_activation_parse(const char *key)
{
	if (key == NULL)
		return POA_ACT_UNKNOWN;
	if (strcmp(key, "ss") == 0)
		return POA_ACT_SS;
	if (strcmp(key, "fin") == 0)
		return POA_ACT_FIN;
	if (strcmp(key, "pin_reset") == 0)
		return POA_ACT_PIN_RESET;
	return POA_ACT_UNKNOWN;
}

const char *
poa_activation_key(enum poa_activation a)
{
	switch (a) {
	case POA_ACT_SS:
		return "ss";
	case POA_ACT_FIN:
		return "fin";
	case POA_ACT_PIN_RESET:
		return "pin_reset";
	default:
		return "";
	}
}

enum poa_err
poa_check_date(struct date signed_on, struct date today)
{
	long age = date_diff(today, signed_on);

	if (age < 0)
		return POA_DATE_FUTURE;
	if (age > POA_MAX_AGE_DAYS)
		return POA_DATE_TOO_OLD;
	return POA_OK;
}

enum poa_err
poa_check_date_text(const char *signed_on, struct date today)
{
	struct date d;

	if (signed_on == NULL || date_parse(&d, signed_on) != 0)
		return POA_DATE_INVALID;
	return poa_check_date(d, today);
}

enum poa_err
poa_check_activation(enum poa_activation act, bool covers_ss, bool covers_fin)
{
	switch (act) {
	case POA_ACT_PIN_RESET:
		return POA_PIN_RESET;
	case POA_ACT_SS:
		return covers_ss ? POA_OK : POA_SCOPE;
	case POA_ACT_FIN:
		return covers_fin ? POA_OK : POA_SCOPE;
	default:
		return POA_SCOPE;
	}
}

bool
poa_agent_is_insured(const char *agent, const char *insured)
{
	size_t i;

	if (agent == NULL || insured == NULL)
		return false;
	for (i = 0; agent[i] != '\0' && insured[i] != '\0'; i++) {
		char a = agent[i] == 'x' ? 'X' : agent[i];
		char b = insured[i] == 'x' ? 'X' : insured[i];

		if (a != b)
			return false;
	}
	return agent[i] == '\0' && insured[i] == '\0' && i > 0;
}

const char *
poa_strerror(enum poa_err e)
{
	switch (e) {
	case POA_OK:
		return "";
	case POA_DATE_INVALID:
		return _("Type the date the power of attorney was signed, "
		    "YYYY-MM-DD.");
	case POA_DATE_FUTURE:
		return _("The power of attorney is dated in the future. Check "
		    "the date on the document.");
	case POA_DATE_TOO_OLD:
		return _("The power of attorney is older than 180 days and no "
		    "longer accepted. The insured must sign a new one.");
	case POA_SCOPE:
		return _("The power of attorney does not cover this activation. "
		    "Only what it covers can be done for the insured.");
	case POA_PIN_RESET:
		return _("A PIN reset is never delegated: the cardholder must "
		    "come in person.");
	case POA_SELF:
		return _("The agent is the insured person: use the services on "
		    "the person screen instead.");
	}
	return "";
}
