/*
 * service.h -- the counter's services, one row each: the facts every
 * layer shares about a service, and the rules that decide whether it may
 * be done for a person and a card.
 *
 * A service is one row of service_defs[] (forms/service.c) plus, in each
 * layer that has a part in it, one unit of its own: its write in net/'s
 * table of writes (net/api_write.c), its screen file in tui/ with one row
 * in tui/services.c, its handler in sim/ with one route.  Everything that
 * names a service -- the receipt's title, the outbox's kinds and what the
 * clerk calls a write, the audit log's names, the simulator's answers --
 * takes it from here; the wire name is read back into the enum only at
 * the net/ edge (service_of), and nowhere else is a service compared by
 * its name.
 *
 * The rules (service_may) are the ones the terminal applies before it
 * offers or starts a service and the simulator applies before it does
 * it: one function, two callers, so they can never drift apart.  The
 * service checks again whatever the terminal said: the terminal only
 * mirrors the rules.
 *
 * Pure: no curses, curl or cJSON.  Labels are N_(): translate with _().
 */
#ifndef SSDESK_SERVICE_H
#define SSDESK_SERVICE_H

#include <stdbool.h>

#include "forms/date.h"

struct card;
struct person;

/* A temporary loss report suspends the card this many days, then lapses
 * (the card works again) unless it was lifted or made final by a
 * replacement card. */
#define SERVICE_LOSS_DAYS 7

enum service_id {
	SERVICE_UNKNOWN = -1,      /* a wire name this terminal does not know */
	SERVICE_MEDICAL = 0,       /* medical-insurance account activation */
	SERVICE_PIN_RESET,
	SERVICE_FINANCIAL,
	SERVICE_CANCEL_LOSS,       /* the 300-day remedy's step 2 */
	SERVICE_REPLACEMENT,
	SERVICE_NEW_CARD,
	SERVICE_QUERY,             /* card status and contributions, read-only */
	SERVICE_DELEGATED,         /* an activation under a power of attorney */
	SERVICE_NEWBORN,           /* newborn registration */
	SERVICE_DECISION,          /* a supervisor's decision (four eyes) */
	SERVICE_LOSS_REPORT,       /* temporary loss report, without replacing */
	SERVICE_LOSS_LIFT,         /* lifting a loss report: the card found */
	SERVICE_N,
};

/* What a service is: flags of service_def.flags. */
#define SERVICE_WRITES     (1u << 0)   /* it makes an application */
#define SERVICE_OUTBOX     (1u << 1)   /* its write may wait in the outbox */
#define SERVICE_DELEGABLE  (1u << 2)   /* may be done under a POA */
#define SERVICE_NEEDS_CARD (1u << 3)   /* acts on the card chosen */
#define SERVICE_NEEDS_FACE (1u << 4)   /* the face recognition passed */
#define SERVICE_NO_CARD    (1u << 5)   /* only for one with no card */
#define SERVICE_ON_LOST    (1u << 6)   /* acts on a lost card too */

struct service_def {
	const char *wire;          /* "medical-activation": answers, outbox, audit */
	const char *prefix;        /* its application numbers ("MA-20261122-…") */
	const char *label;         /* N_(): the person screen's list, 33 columns */
	const char *noun;          /* N_(): the clerk's word in a sentence */
	const char *title;         /* N_(): the receipt's title */
	unsigned flags;
};

/* The row of id; NULL for SERVICE_UNKNOWN or out of range. */
const struct service_def *service_def(enum service_id id);
/* The id of a wire name, or SERVICE_UNKNOWN (also for NULL). */
enum service_id service_of(const char *wire);
/* The wire name, or "" for SERVICE_UNKNOWN. */
const char *service_wire(enum service_id id);
bool service_has(enum service_id id, unsigned flag);

/* ---- the rules -------------------------------------------------------- */

/* What is known when a service is asked for: the person's cards (to tell
 * "no card yet"), the card chosen (NULL if none), whether the face
 * recognition of the identity check passed, and the day the deadlines
 * are counted on (the service's today). */
struct service_case {
	const struct person *person;
	const struct card *card;
	bool face_passed;
	struct date today;
};

/* Why a service may not be done, or SERVICE_MAY. */
enum service_no {
	SERVICE_MAY = 0,
	SERVICE_NO_CARD_CHOSEN,    /* it acts on a card: choose one */
	SERVICE_CARD_LOST,         /* the card was reported lost */
	SERVICE_ALREADY_ACTIVE,    /* the function is active: nothing to do */
	SERVICE_DEADLINE_PASSED,   /* 300 days: the seed-004 remedy */
	SERVICE_FACE_REQUIRED,     /* the cardholder, face recognition passed */
	SERVICE_FIN_NOT_ACTIVE,    /* the remedy's step 1 first */
	SERVICE_NOT_REPORTED_LOST, /* the SS application is not reported lost */
	SERVICE_CARD_IN_USE,       /* a first card only for one with none */
	SERVICE_CARD_NOT_LOST,     /* a loss report is lifted on a lost card */
	SERVICE_NO_N,              /* how many: not a reason */
};

/* The rule of service id for the case.  The order of the checks is the
 * order of the reasons a clerk must hear first. */
enum service_no service_may(enum service_id id, const struct service_case *c);

/* How a reason is told, worded once for the terminal's notice and the
 * service's refusal (docs/api.md's error shape). */
struct service_refusal {
	const char *code;          /* the wire's code: "card_lost" */
	int status;                /* its HTTP status: 409 or 422 */
	const char *field;         /* the field it concerns, or NULL */
	const char *text;          /* N_(): the sentence; NULL for the
	                            * deadline, which each side words with its
	                            * date and the card's bank */
	bool nothing_to_do;        /* information, not a warning */
};

/* The telling of reason no for service id (its wording may depend on
 * the service); NULL for SERVICE_MAY. */
const struct service_refusal *service_refusal(enum service_no no,
    enum service_id id);
/* The reason whose wire code is code (the first service's wording), but
 * the 400 of a request that names no card, a fault of the terminal's;
 * NULL if none.  Whether there is one. */
const struct service_refusal *service_refusal_of(const char *code);
bool service_refusal_code(const char *code);

#endif
