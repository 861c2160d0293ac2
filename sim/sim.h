/*
 * sim.h -- the simulated central service.
 *
 * One handler answers the API of docs/api.md from a fictitious data set laid
 * out relative to the simulator's today (a card received 299, 300, 301 days
 * ago...).  The same handler serves --demo in-process (through
 * transport_local) and ssdesk-sim over HTTPS (sim/server.c).  It enforces
 * what the real service enforces: sessions, roles, idempotency.
 */
#ifndef SSDESK_SIM_H
#define SSDESK_SIM_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/date.h"
#include "forms/wire.h"

/* Request bodies over WIRE_BODY_MAX bytes are refused 413 too_large. */

struct sim;

/* What the simulator keeps at most (docs/api.md "The simulator"): every
 * store that grows with requests has its maximum here, and a full store
 * refuses in the one error shape or, where a clerk can simply be asked to
 * do it again, makes room at the expense of the staff member holding the
 * most.  Tests and the fuzzer set small ones. */
struct sim_limits {
	size_t sessions;          /* live sessions; full: the staff member
	                           * holding the most loses their oldest */
	size_t checks;            /* live identity checks; full: likewise */
	size_t idem_per_staff;    /* answers stored (24 h) per staff member;
	                           * full: 429 too_many_writes */
	size_t delegs;            /* delegated activations, any state; full:
	                           * 507 store_full */
	size_t pending_per_staff; /* of them pending, per submitting staff
	                           * member; full: 409 too_many_pending */
	size_t challenges;        /* live PIN challenges; full: 507 */
	size_t lockouts;          /* staff IDs counted for the lockout; full:
	                           * the one with the fewest failures goes */
	long writes_per_minute;   /* per staff member, after a burst of... */
	long writes_burst;        /* ...this many: 429 too_many_writes */
};
/* The limits of docs/api.md. */
extern const struct sim_limits sim_limits_default;

struct sim_opts {
	struct date today;       /* the simulator's clock (date part) */
	long session_ttl_s;      /* 0: 8 hours */
	const char *counter;     /* default counter name, or NULL */
	const struct sim_limits *limits; /* NULL: sim_limits_default; copied */
};

struct sim *sim_new(const struct sim_opts *opts);
void sim_free(struct sim *s);
/* Back to the data set as it was at start (trainer's reset): cards,
 * phones, identity checks, applications and the idempotency store.  Staff
 * stay signed in. */
void sim_reset(struct sim *s);

/* A sign-in's password, checked before sim_handle() or not. */
enum sim_password {
	SIM_PASSWORD_UNCHECKED = 0,  /* sim_handle() checks it itself */
	SIM_PASSWORD_RIGHT,
	SIM_PASSWORD_WRONG,
};

struct sim_request {
	const char *method;
	const char *path;        /* may carry a query string */
	const char *token;       /* from "Authorization: Bearer ...", or NULL */
	const char *idem_key;    /* "Idempotency-Key", or NULL */
	const char *body;
	size_t body_len;
	bool *replayed;          /* out, may be NULL: set true when the answer
	                          * is an idempotent replay of a stored one (the
	                          * server then adds "Idempotent-Replayed: true"),
	                          * false otherwise */
	enum sim_password password; /* a sign-in's, from sim_check_password()
	                          * on this same request; 0 (unchecked) for
	                          * any other caller */
	long *retry_after;       /* out, may be NULL: the seconds a refused
	                          * client should wait (the server then adds
	                          * "Retry-After"), or 0 */
	const char *query;       /* ignored on input: sim_handle() sets it for
	                          * its handlers to what followed '?' in path,
	                          * or NULL */
};

/* Answer one request.  *body is malloc'd JSON (caller frees), possibly
 * empty for 204.  Returns the HTTP status.  Not thread-safe: one caller
 * at a time (sim/server.c holds a mutex). */
int sim_handle(struct sim *s, const struct sim_request *req, char **body,
    size_t *body_len);

/*
 * A sign-in's password check (Argon2id: 64 MiB and about a tenth of a
 * second), apart from sim_handle() so that a server that serialises
 * sim_handle() runs it outside its lock, as few at once as it likes.  It
 * reads the request and the fixed staff table only, never a struct sim,
 * so it is safe on any thread without a lock.  sim_wants_password: req is
 * a sign-in (POST /v1/sessions).  sim_check_password: the verdict to put
 * in req->password before sim_handle(req), doing the same hash work for
 * unknown staff IDs; SIM_PASSWORD_UNCHECKED (no hash checked) if the body
 * is one sim_handle refuses 400.  Either way the lockout (sim_lockout.c)
 * is decided inside sim_handle, exactly as when it checks the password
 * itself: after the hash, for known and unknown IDs alike.  In-process
 * callers (--demo, one thread) need neither: sim_handle checks it.
 */
bool sim_wants_password(const struct sim_request *req);
enum sim_password sim_check_password(const struct sim_request *req);

/* The demo people and staff, for the sign-in screen and the trainer's
 * guide: one line each.  Returns the number written (up to max); the
 * strings are lent by s until sim_free.  People end with one valid number
 * of nobody (the unknown_person case). */
struct sim_listing {
	const char *who;         /* staff id or masked ID number... */
	const char *name;
	const char *purpose;     /* English, one line */
	const char *secret;      /* demo password or full demo ID number:
	                          * fictitious people only */
};
size_t sim_list_staff(const struct sim *s, struct sim_listing *out, size_t max);
size_t sim_list_people(const struct sim *s, struct sim_listing *out, size_t max);
/* The household-register records (who: register number, name: address),
 * ending with one register number of no record. */
size_t sim_list_households(const struct sim *s, struct sim_listing *out,
    size_t max);

/* Test hook: move the simulator's monotonic clock (session and check
 * lifetimes, idempotency retention) forward by seconds.  The calendar
 * date (opts->today) does not change. */
void sim_advance_clock(struct sim *s, long seconds);

/* The public key PINs are sealed to (net/seal.h): made afresh by
 * sim_new(); --demo hands it to the client directly, ssdesk-sim writes it
 * with --seal-key-out FILE. */
void sim_seal_public_key(const struct sim *s, unsigned char pk[32]);

#endif
