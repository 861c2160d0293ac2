/*
 * sim_data.h -- the simulator's fictitious data set (internal to sim/).
 *
 * Everything here is invented: staff with demo passwords, and people whose
 * dates are given relative to the simulator's today, so that "a card
 * received 300 days ago" stays true on any date.  ID numbers are not
 * stored whole: sim_new() builds them from region, birth date and sequence
 * with idnum_check_char(), so they are always valid.  sim.c copies this
 * into its mutable state; the tables themselves are never written.
 */
#ifndef SSDESK_SIM_DATA_H
#define SSDESK_SIM_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/wire.h"

#define SIM_DATA_PASSWORD "ssdesk-demo" /* every demo account's password */

struct sim_data_staff {
	const char *staff_id;
	const char *name;
	const char *role;        /* "clerk", "supervisor", "trainer" */
	const char *pwhash;      /* crypto_pwhash_str (Argon2id) of the password */
	const char *purpose;
};

struct sim_data_card {
	const char *card_id;     /* "C-0001" */
	const char *number_masked;
	const char *bank;
	bool lost;               /* the card itself reported lost */
	bool ss_active;          /* medical function active at start */
	bool fin_active;         /* financial function active at start */
	long received_ago;       /* days before today the card was received */
};

struct sim_data_person {
	const char *person_id;   /* "P-0001" */
	const char *name;
	const char *region;      /* 6 digits */
	int by, bm, bd;          /* birth date */
	int seq;                 /* 3-digit sequence: odd male, even female */
	bool id_long_term;       /* ID card valid "long-term" */
	long id_valid_for;       /* else: valid until today + this (may be < 0) */
	bool deceased;
	bool face_fails;         /* the service's own face comparison fails */
	int phone;               /* 138000000NN; 0: no phone on record */
	const char *purpose;     /* for trainers, one line */
	size_t ncards;
	struct sim_data_card cards[WIRE_CARDS_MAX];
};

/* A valid number of nobody in the register, for the unknown_person case. */
struct sim_data_unknown {
	const char *region;
	int by, bm, bd;
	int seq;
	const char *purpose;
};

/* One member of a household-register record (docs/api.md, households).
 * An insured adult is named by person_id (birth, sex and ID number come
 * from the person); anyone else by region, birth and sequence, the
 * birth either a date or born_ago days before today (newborns). */
struct sim_data_member {
	const char *name;
	const char *relation;    /* to the householder, docs/api.md */
	const char *person_id;   /* an insured person, or NULL */
	const char *region;
	int by, bm, bd;
	long born_ago;           /* > 0: born this many days before today */
	int seq;
	bool has_card;
	int guardians[WIRE_GUARDIANS_MAX]; /* member numbers, 0 ends */
};

struct sim_data_household {
	const char *register_no; /* "HH-0100" */
	const char *address;
	const char *purpose;     /* for trainers, one line */
	size_t nmembers;
	struct sim_data_member members[WIRE_MEMBERS_MAX];
};

extern const struct sim_data_household sim_data_households[];
extern const size_t sim_data_nhouseholds;
/* A register number nobody has (household_unknown). */
extern const char sim_data_unknown_household[];

extern const struct sim_data_staff sim_data_staff[];
extern const size_t sim_data_nstaff;
extern const struct sim_data_person sim_data_people[];
extern const size_t sim_data_npeople;
extern const struct sim_data_unknown sim_data_unknown;
/* Verified against when the staff ID is unknown, so that a wrong staff ID
 * costs the same time as a wrong password. */
extern const char sim_data_dummy_hash[];

#endif
