/*
 * sim_internal.h -- what the files of sim/ share: the mutable state, the
 * answer under construction, and the functions one file of sim/ defines
 * for another (errors in the one shape, typed members of request bodies,
 * people and cards as JSON, the idempotency store, the handlers the
 * routing table names), grouped by the file that defines them.  What only
 * its own file uses is static there.  Internal to sim/; cJSON is allowed
 * here.
 */
#ifndef SSDESK_SIM_INTERNAL_H
#define SSDESK_SIM_INTERNAL_H

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

#include "forms/service.h"
#include "forms/date.h"
#include "forms/idnum.h"
#include "forms/wire.h"
#include "sim/sim.h"
#include "sim/sim_data.h"

#define SIM_TTL_DEFAULT (8L * 3600)
#define SIM_TOKEN_BYTES 32
#define SIM_TOKEN_HEX (SIM_TOKEN_BYTES * 2 + 1)
_Static_assert(SIM_TOKEN_HEX - 1 <= WIRE_TOKEN_MAX,
    "a token the terminal can hold");
#define SIM_COUNTER_MAX 32
#define SIM_PATH_MAX 256
#define SIM_LOCKOUT_FAILS 5          /* refused sign-ins for one staff ID... */
#define SIM_LOCKOUT_WINDOW 900L      /* ...within 15 minutes... */
/* ...lock it for WIRE_LOCKOUT_SECONDS */

struct sim_card {
	const struct sim_data_card *d;
	struct date received;
	bool lost;
	bool ss_active;
	bool fin_active;
	bool fin_late;                   /* enabled after the 300-day deadline */
	bool loss_cancelled;             /* the SS loss report was cancelled */
	bool replaced;                   /* a replacement card was issued */
	char pin_hash[crypto_pwhash_STRBYTES]; /* Argon2id of the PIN, or "" */
};

struct sim_person {
	const struct sim_data_person *d;
	char number[IDNUM_LEN + 1];
	char masked[IDNUM_MASKED_LEN + 1];
	struct date birth;
	struct date id_valid_until;      /* unless d->id_long_term */
	char phone[16];                  /* digits, or empty */
	size_t ncards;
	struct sim_card cards[WIRE_CARDS_MAX];
};

struct sim_session {
	char token[SIM_TOKEN_HEX];
	size_t staff;
	char counter[SIM_COUNTER_MAX + 1];
	long expires;
};

struct sim_lockout {
	char staff_id[65];
	int fails;
	long first;                      /* start of the counting window */
	long locked_until;
};

struct sim_check {
	unsigned long no;
	size_t staff;
	size_t person;
	long expires;
	bool face_pass;                  /* the device said "pass" */
};

/* Cards issued at the counter: more than the people of the data set and
 * their newborns can hold (4 cards each), so a full store is refused
 * store_full but never reached in practice. */
#define SIM_MADE_MAX 256

/* A one-time challenge for one PIN reset of (check, card). */
struct sim_challenge {
	unsigned char c[WIRE_PIN_CHALLENGE_BYTES];
	unsigned long check;
	size_t person, card;
	long expires;
	bool used;
};

/* A card issued at the counter (new or replacement): its own strings. */
struct sim_made_card {
	struct sim_data_card d;
	char card_id[16];
	char masked[16];
};

struct sim_idem {
	size_t staff;
	char key[WIRE_IDEM_KEY_MAX + 1];
	unsigned char hash[crypto_generichash_BYTES];
	long created;
	int status;
	char *body;
	size_t body_len;
};

/* What a write made, told for WIRE_WRITE_KEPT_SECONDS (GET
 * /v1/writes/{key}): kept apart from the answers (24 h, capped per staff
 * member), at most
 * SIM_WRITES_MAX, the oldest forgotten first (losing one is harmless:
 * the terminal then sends the write, and its key is long unused). */
#define SIM_WRITES_MAX 8192
struct sim_write {
	size_t staff;
	char key[WIRE_IDEM_KEY_MAX + 1];
	char made[40];                /* the answer's application_id */
	char made_status[24];         /* and its status */
	long created;
};

/* A delegated activation (power of attorney) waiting for, or past, a
 * supervisor's decision (sim/sim_deleg.c, sim/sim_approval.c). */
enum sim_deleg_state { SIM_DELEG_PENDING, SIM_DELEG_APPROVED,
	SIM_DELEG_REJECTED };
struct sim_deleg {
	char id[32];                 /* "DA-20261122-0003" */
	size_t staff;                /* who submitted */
	char counter[SIM_COUNTER_MAX + 1];
	long submitted;              /* sim_now() */
	char submitted_at[32];
	size_t agent, insured;       /* indices into people */
	size_t card;                 /* index into the insured's cards */
	int activation;              /* enum poa_activation */
	char poa_number[WIRE_POA_NUMBER_MAX + 1];
	struct date poa_signed_on;
	bool covers_ss, covers_fin;
	bool insured_original, photocopies, poa_original;
	enum sim_deleg_state state;
	size_t decider;
	char decided_at[32];
	char reason[WIRE_REASON_MAX + 1];
};

/* One member of a household record as of today (sim/sim_household.c). */
struct sim_member {
	char number[IDNUM_LEN + 1];
	char masked[IDNUM_MASKED_LEN + 1];
	struct date birth;
	bool male;
	bool has_card;               /* a card, or a card application made */
	const char *person_id;       /* registered here: its person, or NULL */
};

/* A newborn registered at the counter (sim/sim_household.c): an insured
 * person from then on, in s->people after the data's, with the card
 * issued at registration.  The parent's identity check that registered
 * it may set that card's PIN (sim/sim_card.c). */
#define SIM_BORN_MAX 32
struct sim_born {
	struct sim_data_person d;
	char person_id[16];          /* "P-0900" on */
	size_t person;               /* index into people */
	unsigned long check;         /* the registering check's number */
};

/* The head of a terminal's audit log as it last sent it (sim_audit.c). */
#define SIM_ANCHORS_MAX 256          /* terminals remembered at most */
struct sim_anchor {
	char terminal[WIRE_TERMINAL_MAX + 1];
	unsigned long seq;
	char mac[65];
	long at;
	size_t staff;
};

struct sim {
	struct sim_opts opts;
	struct sim_limits lim;       /* opts.limits, or the defaults */
	long ttl;
	long clock_offset;
	long *write_tat;             /* per staff: the write cap's schedule
	                              * (sim/sim_limit.c) */

	struct sim_person *people;
	size_t npeople;
	char unknown_number[IDNUM_LEN + 1];
	char unknown_masked[IDNUM_MASKED_LEN + 1];

	struct sim_session *sessions;
	size_t nsessions, csessions;
	struct sim_check *checks;
	size_t nchecks, cchecks;
	unsigned long next_check;
	struct sim_idem *idem;
	size_t nidem, cidem;
	struct sim_write *writes;    /* oldest first */
	size_t nwrites, cwrites;
	unsigned long next_app;
	struct sim_lockout *lockouts;
	size_t nlockouts, clockouts;

	struct sim_deleg *delegs;    /* delegated activations, oldest first */
	size_t ndelegs, cdelegs;
	struct sim_member (*members)[WIRE_MEMBERS_MAX]; /* per household */

	/* sim/sim_card.c: PIN sealing, challenges, cards issued here. */
	unsigned char seal_pk[crypto_box_PUBLICKEYBYTES];
	unsigned char seal_sk[crypto_box_SECRETKEYBYTES];
	struct sim_challenge *chal;
	size_t nchal, cchal;
	struct sim_made_card made[SIM_MADE_MAX];
	size_t nmade;
	/* sim/sim_household.c: the newborns registered, people after the
	 * data's (s->npeople counts them). */
	struct sim_born born[SIM_BORN_MAX];
	size_t nborn;
	/* sim/sim_audit.c: the last anchor of each terminal's audit log. */
	struct sim_anchor anchors[SIM_ANCHORS_MAX];
	size_t nanchors;
	/* Each service's own state, one flat malloc'd block its file makes
	 * and reads (NULL until then); sim_clear_work frees them all. */
	void *svc_state[SERVICE_N];
};

/* One answer under construction: JSON, or raw bytes for a replay. */
struct sim_answer {
	cJSON *json;
	char *raw;
	size_t raw_len;
	bool replayed;
	long retry_after;                /* > 0: "Retry-After" seconds */
};

/* A route's handler (sim/sim_route.c): req with its query split off
 * (req->query), ss the live session (NULL on a route that needs none);
 * the answer goes into a, the HTTP status is returned. */
typedef int sim_handler(struct sim *, const struct sim_request *,
    struct sim_session *, struct sim_answer *);

/* ---- sim/sim_route.c: the routes --------------------------------------- */

/* One route: a method and path of docs/api.md, whether it needs a live
 * session, and the handler that answers it. */
struct sim_route {
	const char *method;
	const char *path;        /* ends in '/' for a prefix with one segment */
	bool session;            /* needs a live session */
	sim_handler *fn;
};

/* The routes a file of services answers, kept with their handlers, and
 * its clock work: tick, unless NULL, runs before every request is routed
 * (a report that lapses on its day lapses before anyone asks). */
struct sim_routes {
	const struct sim_route *rows;
	size_t n;
	void (*tick)(struct sim *s);
};

/* ---- sim/sim.c: the state's life -------------------------------------- */

/* The clock of every lifetime, in seconds: CLOCK_MONOTONIC plus the
 * offset of sim_advance_clock(). */
long sim_now(const struct sim *s);
/* Make room for one more element (each size bytes) after the n at *arr,
 * whose room is *cap, doubling it: 0, or -1 with *arr and *cap as they
 * were. */
int sim_grow(void **arr, size_t *cap, size_t n, size_t size);
/* Remove element i of the *n at arr (each size bytes), keeping the order
 * (the sessions and identity checks are kept in the order made). */
void sim_remove(void *arr, size_t *n, size_t size, size_t i);

/* ---- sim/sim_route.c: the routing table ------------------------------- */

/* The answer to req by the handler its route names, into a: its status
 * (404, 405, 401 session_expired and 413 too_large are the router's). */
int sim_route(struct sim *s, const struct sim_request *req,
    struct sim_answer *a);
/* The one segment after the path of a prefix route ("P-0001" of
 * /v1/persons/P-0001), lent by req: only for the req a handler of such a
 * route was given, so that its path is written in the table alone. */
const char *sim_route_segment(const struct sim_request *req);

/* ---- sim/sim_json.c: reading requests, refusing ----------------------- */

/* A refusal in the one error shape {code, message, field} (no field if
 * NULL) into a->json, replacing what was there: status, or 500 without
 * memory. */
int sim_fail(struct sim_answer *a, int status, const char *code,
    const char *field, const char *message);
/* 400 bad_request naming field (NULL: the body as a whole). */
int sim_bad_request(struct sim_answer *a, const char *field);
/* 500 internal: the service ran out of memory; nothing was done. */
int sim_oom(struct sim_answer *a);
/* The body of req as one JSON object with nothing after it but blanks,
 * or NULL (no body, a NUL in it, not JSON, not an object); the caller
 * deletes it. */
cJSON *sim_parse_object(const struct sim_request *req);
/* The string member name of o, at most max bytes, into *out (lent by o;
 * NULL when absent): 0, or -1 for a wrong type or length, or when absent
 * and required. */
int sim_get_string(const cJSON *o, const char *name, size_t max, bool required,
    const char **out);
/* The boolean member name of o into *out (false when absent): 0, or -1
 * for a wrong type, or when absent and required. */
int sim_get_bool(const cJSON *o, const char *name, bool required, bool *out);
/* The query parameter name of req into out (NUL-terminated): 1, 0 when
 * absent, -1 when longer than outsz - 1 or given twice. */
int sim_query_get(const struct sim_request *req, const char *name, char *out,
    size_t outsz);

/* ---- sim/sim_people.c: people and cards ------------------------------- */

/* The 18-character ID number of region + birth date + sequence. */
void sim_make_number(char out[IDNUM_LEN + 1], const char *region, int y,
    int m, int d, int seq);
/* The person with this full ID number, or with this reference
 * ("P-0001"), or NULL. */
struct sim_person *sim_person_by_number(struct sim *s, const char *number);
struct sim_person *sim_person_by_id(struct sim *s, const char *id);
/* The card card_id among p's cards, or NULL. */
struct sim_card *sim_card_of(struct sim_person *p, const char *card_id);
/* The medical function of c as the service reports it today: "active",
 * "inactive", or "reported_lost" (the 300-day rule, seed 004). */
const char *sim_card_ss(const struct sim *s, const struct sim_card *c);
/* The Card and the Person objects of docs/api.md, or NULL without
 * memory; the caller deletes them. */
cJSON *sim_card_json(const struct sim *s, const struct sim_card *c);
cJSON *sim_person_json(const struct sim *s, const struct sim_person *p);
/* GET /v1/persons/{person_id}. */
sim_handler sim_h_person;

/* ---- sim/sim_session.c: sessions and sign-in -------------------------- */

/* The live session of token, or NULL (none, or expired: then dropped);
 * lent until the sessions next change. */
struct sim_session *sim_session_find(struct sim *s, const char *token);
/* POST /v1/sessions, DELETE /v1/sessions/current. */
sim_handler sim_h_signin, sim_h_signout;

/* ---- sim/sim_identity.c: the identity check --------------------------- */

/* POST /v1/identity-checks. */
sim_handler sim_h_identity;
/* The live check "IC-nnnnnn" of this staff member, or NULL. */
struct sim_check *sim_check_find(struct sim *s, const char *id, size_t staff);

/* ---- sim/sim_rules.c: the services' rules at the service --------------- */

/* The simulator's card c as the terminal sees it (forms/person.h). */
void sim_card_view(const struct sim *s, const struct sim_card *c,
    struct card *k);
/* The rule of service id (forms/service.c) for person p, card c (or NULL)
 * and the check's face result: 0 if it may be done, else its refusal in
 * a and the status. */
int sim_rule(const struct sim *s, enum service_id id,
    const struct sim_person *p, const struct sim_card *c, bool face_passed,
    struct sim_answer *a);

/* ---- sim/sim_app.c: application answers ------------------------------- */

/* Now as an answer's created_at: today's date at China's wall-clock
 * time, "2026-11-22T09:30:00+08:00". */
void sim_created_at(char out[32], struct date today);
/* "DA-20261122-0004": the next application number of service (its
 * prefix from forms/service.c). */
void sim_app_id(struct sim *s, char out[32], enum service_id service);
/* An application answer's common members {application_id, service (its
 * wire name), status, created_at, next_steps} and, if c, the card; NULL
 * on no memory. */
cJSON *sim_application_json(const struct sim *s, const char *id,
    enum service_id service, const char *status, const char *created,
    const char *next, const struct sim_card *c);
/* The answer of a service completed now on card c into a->json, its id
 * prefix-date-sequence (the sequence moves on only when it is made): 201,
 * or sim_oom. */
int sim_completed(struct sim *s, struct sim_answer *a, enum service_id service,
    const struct sim_card *c, const char *next);

/* ---- sim/sim_idem.c: the idempotency store ---------------------------- */

/* Every write that creates something: fn through the store (the same
 * key and body answered again, byte for byte; the key reused for another
 * body refused), held to the staff member's write cap. */
int sim_idempotent(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a, sim_handler *fn);
/* A write's route, name: fn through the idempotency store. */
#define SIM_WRITE(name, fn)						\
int									\
name(struct sim *s, const struct sim_request *req,			\
    struct sim_session *ss, struct sim_answer *a)			\
{									\
	return sim_idempotent(s, req, ss, a, fn);			\
}
/* GET /v1/writes/{key}: what one of the staff member's writes made. */
sim_handler sim_h_write_status;

/* ---- sim/sim_medical.c ------------------------------------------------ */

/* POST /v1/applications/medical-activation. */
sim_handler sim_h_medical;

/* ---- sim/sim_card.c: the other card services -------------------------- */

/* POST /v1/pin-challenges and the card services of docs/api.md: their
 * routes, listed in sim/sim_route.c's tables. */
extern const struct sim_routes sim_card_routes;
/* The card ids a walk-in may cite: the check's person's card, or NULL
 * with the refusal in a (status in *status). */
struct sim_card *sim_check_card(struct sim *s, struct sim_session *ss,
    const char *check_id, const char *card_id, struct sim_answer *a,
    struct sim_person **pp, int *status);
/* A card issued at the counter today (new, replacement, a newborn's),
 * appended to p, initial PIN 123456; NULL if p has WIRE_CARDS_MAX
 * cards or SIM_MADE_MAX were issued. */
struct sim_card *sim_issue_card(struct sim *s, struct sim_person *p,
    const char *bank);

/* ---- sim/sim_contrib.c ------------------------------------------------ */

/* GET /v1/contributions/{person_id}. */
sim_handler sim_h_contributions;

/* ---- sim/sim_deleg.c: delegated activations --------------------------- */

/* POST /v1/delegations/insured, /v1/applications/delegated-activation. */
sim_handler sim_h_deleg_insured, sim_h_deleg_submit;
/* Make the activation (POA_ACT_SS or POA_ACT_FIN) on the card: 0, or a
 * refusal in a (card_lost, already_active, deadline_passed). */
int sim_activate(struct sim *s, struct sim_card *c, int activation,
    struct sim_answer *a);

/* ---- sim/sim_approval.c: the four-eyes decision ----------------------- */

/* GET /v1/approvals, /v1/approvals/{id}, /v1/submissions; POST
 * /v1/approvals/{id}. */
sim_handler sim_h_approvals, sim_h_approval_get, sim_h_approval_decide,
    sim_h_submissions;

/* ---- sim/sim_household.c: households and newborns --------------------- */

/* GET /v1/households/{register_no}, POST /v1/applications/newborn. */
sim_handler sim_h_household, sim_h_newborn;
/* (Re)load the households' members as of today. */
void sim_households_load(struct sim *s);
/* The card card_id of a newborn the check ck registered, and its person
 * in *pp; NULL if ck registered no newborn with that card. */
struct sim_card *sim_newborn_card(struct sim *s, const struct sim_check *ck,
    const char *card_id, struct sim_person **pp);

/* ---- sim/sim_audit.c -------------------------------------------------- */

/* POST /v1/audit/anchors: the head of a terminal's audit log. */
sim_handler sim_h_audit_anchor;

/* ---- sim/sim_limit.c: limits ------------------------------------------ */

/* A write of staff may be made now: 0, or 429 too_many_writes in a
 * (a->retry_after set) -- by the rate per minute, or because staff
 * already has idem_per_staff answers stored. */
int sim_write_refused(struct sim *s, size_t staff, struct sim_answer *a);
/* A write of staff was made: it counts against the rate. */
void sim_write_counted(struct sim *s, size_t staff);
/* 507 store_full: the simulator's store of what (plural noun) is full. */
int sim_store_full(struct sim_answer *a, const char *what);
/* The record a full store drops to make room, of the n at base (each
 * size bytes, in the order made, its owner's staff index (size_t) at
 * staff_off): the oldest of the staff member owning the most, so one
 * account filling a store evicts only its own.  n > 0. */
size_t sim_evictee(const void *base, size_t n, size_t size,
    size_t staff_off);

/* ---- sim/sim_lockout.c: the sign-in lockout --------------------------- */

/* staff_id is locked out now; a refused sign-in of staff_id counts
 * toward the lockout; a sign-in that succeeded clears its count. */
bool sim_lockout_locked(struct sim *s, const char *staff_id);
void sim_lockout_failed(struct sim *s, const char *staff_id);
void sim_lockout_clear(struct sim *s, const char *staff_id);

#endif
