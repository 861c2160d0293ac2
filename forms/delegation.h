/*
 * delegation.h -- the rules of an activation done by an agent under a
 * power of attorney (seed 004), and of the newborn registration from the
 * household register (seeds 000, 003).  Pure: the terminal checks them
 * before sending, the service (sim/) checks them again with the same code.
 * "today" is always an argument: the service's calendar, not the clock.
 */
#ifndef SSDESK_DELEGATION_H
#define SSDESK_DELEGATION_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/date.h"
#include "forms/form.h"
#include "forms/person.h"

/* A power of attorney may be at most this many days old (docs/api.md). */
#define POA_MAX_AGE_DAYS 180
/* A child is a newborn while at most this many days old (docs/api.md). */
#define NEWBORN_MAX_AGE_DAYS 365

enum poa_activation { POA_ACT_SS, POA_ACT_FIN, POA_ACT_PIN_RESET,
	POA_ACT_UNKNOWN };

enum poa_err {
	POA_OK,
	POA_DATE_INVALID,      /* not a date */
	POA_DATE_FUTURE,       /* signed after today */
	POA_DATE_TOO_OLD,      /* signed more than POA_MAX_AGE_DAYS ago */
	POA_SCOPE,             /* the POA does not cover the activation */
	POA_PIN_RESET,         /* never delegated */
	POA_SELF,              /* the agent is the insured */
};

/* "ss", "fin", "pin_reset" -> the activation; else POA_ACT_UNKNOWN. */
enum poa_activation poa_activation_parse(const char *key);
const char *poa_activation_key(enum poa_activation a);
enum poa_err poa_check_date(struct date signed_on, struct date today);
/* signed_on as typed ("YYYY-MM-DD" or "YYYYMMDD"). */
enum poa_err poa_check_date_text(const char *signed_on, struct date today);
enum poa_err poa_check_activation(enum poa_activation act, bool covers_ss,
    bool covers_fin);
/* Both full ID numbers, as typed (case of a final X ignored). */
bool poa_agent_is_insured(const char *agent, const char *insured);
/* The clerk's sentence for e (translated, with the limit in it). */
const char *poa_strerror(enum poa_err e);

/* A name shown in a list: its first character, then one '*' for each
 * other character ("孙丽" -> "孙*"). */
void name_mask(char *out, size_t outsz, const char *name);

/* ---- the household register ------------------------------------------ */

#define HOUSEHOLD_MEMBERS_MAX 8
#define HOUSEHOLD_GUARDIANS_MAX 4

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

/* The forms of the two services (forms/form_delegation.c). */
extern const struct form_def form_poa_insured;
extern const struct form_def form_poa;
/* The household-register number a newborn registration starts from. */
extern const struct form_def form_household;
/* A supervisor's reason for rejecting a delegated activation. */
extern const struct form_def form_reject;

/* The personal commitment letter (seed 003) the parent confirms. */
extern const char *const newborn_commitment_letter;

#endif
