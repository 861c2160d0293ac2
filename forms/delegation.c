/*
 * delegation.c -- the rules of a delegated activation (power of attorney)
 * and of a newborn registration from the household register.  The same
 * functions run in the terminal (before sending) and in the simulated
 * service (sim/), so the two can never disagree about a limit.
 */
#include "forms/delegation.h"

#include <stdio.h>
#include <string.h>

#include "forms/i18n.h"
#include "forms/text.h"

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

/* ---- newborn ----------------------------------------------------------- */

enum newborn_err
newborn_age(struct date birth, struct date today)
{
	long age = date_diff(today, birth);

	if (age < 0)
		return NEWBORN_NOT_BORN;
	if (age > NEWBORN_MAX_AGE_DAYS)
		return NEWBORN_TOO_OLD;
	return NEWBORN_OK;
}

const struct household_member *
household_member(const struct household *h, int member_no)
{
	for (size_t i = 0; i < h->nmembers; i++)
		if (h->members[i].member_no == member_no)
			return &h->members[i];
	return NULL;
}

enum newborn_err
newborn_check(const struct household *h, int child_no,
    const char *parent_person_id, struct date today)
{
	const struct household_member *child = household_member(h, child_no);
	const struct household_member *parent = NULL;
	bool guardian = false;

	if (child == NULL)
		return NEWBORN_CHILD_NOT_LISTED;
	for (size_t i = 0; i < h->nmembers && parent_person_id != NULL; i++)
		if (h->members[i].person_id[0] != '\0' &&
		    strcmp(h->members[i].person_id, parent_person_id) == 0)
			parent = &h->members[i];
	if (parent == NULL)
		return NEWBORN_PARENT_NOT_LISTED;
	for (int g = 0; g < child->nguardians &&
	    g < HOUSEHOLD_GUARDIANS_MAX; g++)
		if (child->guardians[g] == parent->member_no)
			guardian = true;
	if (!guardian || parent == child)
		return NEWBORN_NOT_GUARDIAN;
	if (child->has_card)
		return NEWBORN_HAS_CARD;
	return newborn_age(child->birth, today);
}

const char *
newborn_strerror(enum newborn_err e)
{
	switch (e) {
	case NEWBORN_OK:
		return "";
	case NEWBORN_CHILD_NOT_LISTED:
		return _("The child is not listed in this household record.");
	case NEWBORN_PARENT_NOT_LISTED:
		return _("The applicant is not listed in this household record: "
		    "only a parent or guardian listed in it can register the "
		    "child.");
	case NEWBORN_NOT_GUARDIAN:
		return _("The applicant is listed, but not as this child's "
		    "parent or guardian: only a parent or guardian can register "
		    "the child.");
	case NEWBORN_HAS_CARD:
		return _("The child already has a social-security card: this is "
		    "not a first registration.");
	case NEWBORN_TOO_OLD:
		return _("The child is more than 365 days old: not a newborn. Use "
		    "the ordinary first card application.");
	case NEWBORN_NOT_BORN:
		return _("The child's birth date is after today in the record. "
		    "Ask the household registration office to correct it.");
	}
	return "";
}

const char *
household_relation_name(const char *relation)
{
	static const struct { const char *key, *label; } words[] = {
		{ "householder", N_("Householder") },
		{ "spouse", N_("Spouse") },
		{ "child", N_("Child") },
		{ "grandchild", N_("Grandchild") },
		{ "parent", N_("Parent") },
		{ "sibling", N_("Sibling") },
		{ "other", N_("Other") },
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].key, relation) == 0)
			return _(words[i].label);
	return relation;
}

const char *const newborn_commitment_letter = N_(
    "I, the undersigned parent or guardian, "
    "declare that the household register shown is true and complete, that "
    "the child listed is my child or in my legal guardianship, and that I "
    "apply for the child's first social-security card, the child's "
    "enrolment in the basic medical insurance for residents and the "
    "child's addition to my family account. I know that false statements "
    "void the application and may be prosecuted.");
