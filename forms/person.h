/*
 * person.h -- what the central service tells us about people, cards, staff
 * and applications, as plain structs.  net/ fills them from the wire;
 * tui/ shows them; nothing here knows JSON.  Strings are UTF-8, bounded,
 * and NOT yet sanitised: draw them through text_sanitize().  ID and card
 * numbers are only ever held masked.
 */
#ifndef SSDESK_PERSON_H
#define SSDESK_PERSON_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/date.h"
#include "forms/service.h"
#include "forms/wire.h"

/* The contract's bounds (forms/wire.h), as buffers. */
#define REF_MAX (WIRE_REF_MAX + 1)    /* identifiers, with NUL */
#define TEXT_MAX (WIRE_TEXT_MAX + 1)  /* names, messages, with NUL */
#define CARDS_MAX WIRE_CARDS_MAX
#define APP_RESULTS_MAX WIRE_RESULTS_MAX /* result lines of one application */

enum role { ROLE_CLERK, ROLE_SUPERVISOR, ROLE_TRAINER };

struct staff {
	char staff_id[REF_MAX];
	char name[TEXT_MAX];
	enum role role;
	char counter[REF_MAX];
	long expires_in;           /* session lifetime in seconds */
};

/* State of one of a card's two functions. */
enum fn_state {
	FN_INACTIVE,               /* not yet activated */
	FN_ACTIVE,
	FN_REPORTED_LOST,          /* SS application reported lost (300-day rule) */
};

enum card_state {
	CARD_NORMAL,
	CARD_LOST,                 /* the card itself reported lost by its holder */
};

struct card {
	char card_id[REF_MAX];
	char number_masked[32];
	char bank[TEXT_MAX];
	enum card_state state;
	enum fn_state ss;          /* social-security / medical function */
	enum fn_state fin;         /* financial (bank) function */
	struct date received_on;
	struct date deadline;      /* received_on + 300 days, as the service says */
};

enum sex { SEX_FEMALE = 0, SEX_MALE = 1 };

struct person {
	char person_id[REF_MAX];
	char name[TEXT_MAX];
	char id_masked[24];
	struct date birth;
	enum sex sex;
	char phone_masked[24];     /* may be empty */
	struct date as_of;         /* the service's today when it answered */
	size_t ncards;
	struct card cards[CARDS_MAX];
};

/* A completed (or held) application: what the receipt shows. */
struct application {
	char application_id[REF_MAX];
	enum service_id service;   /* SERVICE_UNKNOWN: service_sent says */
	char service_sent[40];     /* the wire name as sent (untrusted) */
	char status[24];           /* "completed", "pending-approval" */
	char created_at[32];       /* ISO 8601 from the service */
	char next_steps[TEXT_MAX * 2];
	struct card card;          /* the card after the change */
	/* Services with more than one result (newborn registration): one
	 * sentence each from the service, untrusted; and whom it concerns
	 * when that is not the applicant (the child), masked. */
	size_t nresults;
	char results[APP_RESULTS_MAX][TEXT_MAX];
	char subject_name[TEXT_MAX];
	char subject_id_masked[24];
};

/*
 * Does the person the service answered with match what was typed at the
 * identity check?  The service matched the name to the number before it
 * answered, so an answer that contradicts either is about someone else
 * and must stop the walk-in.  person_mismatch() gives a PERSON_DIFF_* bit
 * for each contradiction (0: none): the name, as check_name_matches()
 * compares it; the birth date and the sex the typed number encodes; the
 * masked number, which must show the typed number's characters wherever
 * it shows any (and be 18 long).  A typed number that cannot be read
 * confirms nothing: every bit but the name's.
 */
#define PERSON_DIFF_NAME   0x1u
#define PERSON_DIFF_BIRTH  0x2u
#define PERSON_DIFF_SEX    0x4u
#define PERSON_DIFF_NUMBER 0x8u
unsigned person_mismatch(const struct person *p, const char *id_number,
    const char *name);
/* The clerk's sentence for diff (translated): what the answer gives
 * instead, the service's words sanitised and cut, then what to do. */
void person_mismatch_text(char *out, size_t outsz, unsigned diff,
    const struct person *p);
/* diff for the audit log: "name,birth,sex,number" (those set). */
void person_mismatch_words(char *out, size_t outsz, unsigned diff);

const char *person_role_name(enum role r);     /* "clerk", ... (N_) */
const char *person_fn_state_name(enum fn_state s);
const char *person_card_state_name(enum card_state s);
const char *person_sex_name(enum sex s);       /* "male", "female" (N_) */

#endif
