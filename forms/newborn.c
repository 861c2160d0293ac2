/*
 * newborn.c -- the rules of a newborn registration from the household
 * register (see newborn.h).  The same functions run in the terminal
 * (before sending) and in the simulated service (sim/), so the two can
 * never disagree about a limit.
 */
#include "forms/newborn.h"

#include <string.h>

#include "forms/i18n.h"

_Static_assert(NEWBORN_MAX_AGE_DAYS == 365, "newborn_strerror() says 365");

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
