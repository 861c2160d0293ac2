/*
 * newborn.h -- the household register and the rules of a newborn
 * registration from it (seeds 000, 003).  Pure: the terminal checks them
 * before sending, the service (sim/) checks them again with the same code.
 * "today" is always an argument: the service's calendar, not the clock.
 */
#ifndef SSDESK_NEWBORN_H
#define SSDESK_NEWBORN_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/date.h"
#include "forms/form.h"
#include "forms/person.h"
#include "forms/wire.h"

/* A child is a newborn while at most this many days old (docs/api.md). */
#define NEWBORN_MAX_AGE_DAYS 365

#define HOUSEHOLD_MEMBERS_MAX WIRE_MEMBERS_MAX
#define HOUSEHOLD_GUARDIANS_MAX WIRE_GUARDIANS_MAX

struct household_member {
	int member_no;             /* 1.. within the record */
	char name[TEXT_MAX];
	char relation[24];         /* to the householder: "householder",
	                            * "spouse", "child", "grandchild",
	                            * "parent", "sibling", "other" */
	enum sex sex;
	struct date birth;
	char id_masked[24];        /* never the full number */
	char person_id[REF_MAX];   /* an insured person's reference, or "" */
	bool has_card;             /* already holds a social-security card */
	int nguardians;            /* member_no of each parent or guardian */
	int guardians[HOUSEHOLD_GUARDIANS_MAX];
};

struct household {
	char register_no[REF_MAX];
	char address[TEXT_MAX];
	struct date as_of;         /* the service's today */
	size_t nmembers;
	struct household_member members[HOUSEHOLD_MEMBERS_MAX];
};

enum newborn_err {
	NEWBORN_OK,
	NEWBORN_CHILD_NOT_LISTED,  /* no member with that number */
	NEWBORN_PARENT_NOT_LISTED, /* the signed-in parent is not in the record */
	NEWBORN_NOT_GUARDIAN,      /* listed, but not the child's parent or
	                            * guardian */
	NEWBORN_HAS_CARD,          /* the child already holds a card */
	NEWBORN_TOO_OLD,           /* older than NEWBORN_MAX_AGE_DAYS */
	NEWBORN_NOT_BORN,          /* birth date after today */
};

/* At most NEWBORN_MAX_AGE_DAYS old on today (and born). */
enum newborn_err newborn_age(struct date birth, struct date today);
const struct household_member *household_member(const struct household *h,
    int member_no);
/* Every check before a newborn registration, in the order of docs/api.md:
 * child listed, parent listed, parent is the child's guardian, child has
 * no card, child is a newborn. */
enum newborn_err newborn_check(const struct household *h, int child_no,
    const char *parent_person_id, struct date today);
const char *newborn_strerror(enum newborn_err e);
/* The relation word, translated for display ("child" -> "Child"). */
const char *household_relation_name(const char *relation);

/* The household-register number a newborn registration starts from
 * (forms/form_delegation.c). */
extern const struct form_def form_household;

/* The personal commitment letter (seed 003) the parent confirms. */
extern const char *const newborn_commitment_letter;

#endif
