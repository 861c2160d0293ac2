/*
 * api.h -- the central service's calls (docs/api.md), asynchronous.
 *
 * Each call builds its JSON, submits it on the transport, and later calls
 * back with either a decoded plain struct or an api_error.  One call is in
 * flight at a time per api (a counter serves one applicant); a second call
 * while busy fails at once with API_BUSY.  The callback runs from
 * api_perform(), never from inside the call.
 */
#ifndef SSDESK_API_H
#define SSDESK_API_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/contrib.h"
#include "forms/newborn.h"
#include "forms/person.h"
#include "forms/poa.h"
#include "forms/service.h"
#include "forms/wire.h"
#include "net/transport.h"

enum api_result {
	API_OK = 0,
	API_REFUSED,          /* the service said no: see code and message */
	API_SESSION_EXPIRED,  /* 401 on a call that needed a session */
	API_UNREACHABLE,      /* no connection, reset, 502/503/504, or any 5xx
	                       * not in the contract's error shape */
	API_TLS,              /* certificate or pin refused */
	API_TIMEOUT,
	API_BAD_REPLY,        /* not the JSON the contract promises, too large,
	                       * a 1xx/3xx status (redirects never followed) */
	API_CANCELLED,
	API_BUSY,             /* another call of this api is in flight */
	API_INTERNAL,
};

struct api_error {
	enum api_result result;
	int http_status;      /* 0 if no answer */
	char code[48];        /* the service's error code, e.g. "name_mismatch" */
	char field[48];       /* the request field it concerns, or "" */
	char message[TEXT_MAX]; /* the service's message: UNTRUSTED, sanitise */
	char detail[256];     /* transport detail, for the log */
};

enum face_result { FACE_NOT_DONE, FACE_PASS, FACE_FAIL };

struct identity_request {
	const char *id_number;     /* full, normalised */
	const char *name;
	const char *valid_until;   /* "YYYY-MM-DD" or "long-term" */
	bool original_sighted;
	bool photocopy_taken;
	enum face_result face;
	bool fingerprint;
};

struct identity_result {
	char check_id[REF_MAX];    /* cites this check in later applications */
	struct person person;
};

struct medical_request {
	const char *check_id;
	const char *card_id;
	const char *bank_card;     /* full digits; only on the wire */
	const char *phone;
	bool luhn_confirmed;       /* the clerk re-entered a Luhn-failing number */
	const char *idem_key;      /* from api_idempotency_key(), kept for retries */
};

typedef void api_done_cb(void *arg, const struct api_error *err);
typedef void api_staff_cb(void *arg, const struct api_error *err,
    const struct staff *staff);
typedef void api_identity_cb(void *arg, const struct api_error *err,
    const struct identity_result *res);
typedef void api_person_cb(void *arg, const struct api_error *err,
    const struct person *person);
typedef void api_application_cb(void *arg, const struct api_error *err,
    const struct application *app);

struct api;

/* Takes ownership of t on success; if it returns NULL, t is still the
 * caller's to free.  api_free(NULL) is safe; a call in flight is dropped
 * without its callback.  api_free() may be called from inside one of the
 * api's own callbacks: no further callback runs and the memory goes when
 * api_perform() returns (the api must not be used after the call). */
struct api *api_new(struct transport *t);
void api_free(struct api *a);

/* The loop's hooks: forwarded to the transport. */
int api_wait(struct api *a, int extra_fd, int timeout_ms, int *extra_ready);
void api_perform(struct api *a);
bool api_busy(const struct api *a);
/* Cancel the call in flight; its callback gets API_CANCELLED (exactly one
 * callback either way).  Harmless when nothing is in flight. */
void api_cancel(struct api *a);

/* The session token, held in sodium_malloc'd memory; wiped on sign-out. */
bool api_signed_in(const struct api *a);

void api_sign_in(struct api *a, const char *staff_id, const char *password,
    const char *counter, api_staff_cb *cb, void *arg);
/* The token is wiped as soon as the request is on its way; a 401 answer
 * (the session was already dead) counts as signed out: API_OK. */
void api_sign_out(struct api *a, api_done_cb *cb, void *arg);
void api_identity_check(struct api *a, const struct identity_request *req,
    api_identity_cb *cb, void *arg);
void api_person_get(struct api *a, const char *person_id, api_person_cb *cb,
    void *arg);

/* ---- card services (docs/api.md "Card services"), net/api_card.c ---- */

struct card_request {
	const char *check_id;
	const char *card_id;       /* NULL for a new card */
	const char *bank_card;     /* financial activation only; full digits */
	bool luhn_confirmed;
	const char *sealed;        /* the PIN reset's box (seal_pin), else NULL */
	const char *idem_key;      /* from api_idempotency_key(), kept for retries */
};

struct pin_challenge {
	char challenge[64];        /* base64 of 32 bytes, as the service gave it */
	long expires_in;
};

typedef void api_challenge_cb(void *arg, const struct api_error *err,
    const struct pin_challenge *res);
typedef void api_contrib_cb(void *arg, const struct api_error *err,
    const struct contributions *res);

/* req->bank_card unused. */
void api_pin_challenge(struct api *a, const struct card_request *req,
    api_challenge_cb *cb, void *arg);
void api_contributions_get(struct api *a, const char *person_id,
    api_contrib_cb *cb, void *arg);

/* A fresh random UUID v4 (libsodium randombytes), 36 chars and NUL. */
void api_idempotency_key(char out[37]);

/* What became of a write's Idempotency-Key (GET /v1/writes/{key}, sent by
 * the outbox before it resends an old write): done, with what it made.
 * "Unknown" is the refusal write_unknown. */
struct write_status {
	char application_id[REF_MAX];   /* the application (or decision's) */
	char status[24];                /* its status then */
};

/* ---- the audit log's anchors (docs/api.md "The audit log's anchors") -- */

/* The service's answer to an anchor: the one it held before, if any. */
struct anchor_answer {
	bool has_previous;
	unsigned long seq;
	char mac[65];              /* hex, as sent */
};
typedef void api_anchor_cb(void *arg, const struct api_error *err,
    const struct anchor_answer *res);
/* POST /v1/audit/anchors: the head (seq, mac) of this terminal's audit
 * log.  A refusal anchor_behind: the service holds a later record. */
void api_audit_anchor(struct api *a, const char *terminal, unsigned long seq,
    const char *mac, api_anchor_cb *cb, void *arg);

/* The kind's name for logs ("unreachable", "tls"...), never translated;
 * the clerk's sentence for it is the screen's (tui/messages.h). */
const char *api_result_name(enum api_result r);

/* ---- acting for an insured person, approvals, newborns (docs/api.md) -- */

struct poa_insured_request {
	const char *check_id;      /* the agent's identity check */
	const char *insured_id_number; /* full, normalised; only on the wire */
	const char *insured_name;
};

struct poa_request {
	const char *check_id;
	const char *insured_id_number;
	const char *insured_name;
	const char *card_id;
	const char *activation;    /* "ss", "fin", "pin_reset" */
	const char *poa_number;
	const char *poa_signed_on; /* "YYYY-MM-DD" */
	bool covers_ss, covers_fin;
	bool insured_original_sighted, photocopies_taken, poa_original_sighted;
	const char *idem_key;
};

struct approval_party {
	char person_id[REF_MAX];
	char name[TEXT_MAX];
	char id_masked[24];
};

/* One delegated activation as the service recorded it. */
struct approval {
	char application_id[REF_MAX];
	char status[24];           /* "pending-approval", "approved", "rejected" */
	char submitted_at[32];
	long age_seconds;
	char submitted_by_id[REF_MAX];
	char submitted_by_name[TEXT_MAX];
	char counter[REF_MAX];
	struct approval_party agent, insured;
	struct card card;
	char activation[16];
	char poa_number[40];
	struct date poa_signed_on;
	bool covers_ss, covers_fin;
	bool insured_original_sighted, photocopies_taken, poa_original_sighted;
	bool decided;
	char decided_by_id[REF_MAX];
	char decided_by_name[TEXT_MAX];
	char decided_at[32];
	char reason[TEXT_MAX];
};

/* One page of the approval queue or of my submissions (docs/api.md
 * "Lists"): the terminal asks for APPROVALS_PAGE at a time, and a page
 * with more is not the contract's (API_BAD_REPLY), never cut. */
#define APPROVALS_PAGE 32
#define APPROVALS_CURSOR_MAX (WIRE_CURSOR_MAX + 1)   /* with NUL */
struct approval_list {
	size_t n;
	struct approval items[APPROVALS_PAGE];
	char next_cursor[APPROVALS_CURSOR_MAX]; /* "" on the last page; only
	                           * [A-Za-z0-9._-] */
	long total;                /* the whole list's length, -1 if not given */
};

struct newborn_request {
	const char *check_id;      /* the parent's identity check */
	const char *register_no;
	int member_no;
	bool commitment_confirmed;
	const char *idem_key;
};

typedef void api_approval_cb(void *arg, const struct api_error *err,
    const struct approval *res);
typedef void api_approvals_cb(void *arg, const struct api_error *err,
    const struct approval_list *res);
typedef void api_household_cb(void *arg, const struct api_error *err,
    const struct household *res);

/* POST /v1/delegations/insured: the insured, confirmed (masked). */
void api_poa_insured(struct api *a, const struct poa_insured_request *req,
    api_person_cb *cb, void *arg);
/* One page: mine, GET /v1/submissions; else the supervisor's GET
 * /v1/approvals; from cursor (a page's next_cursor; NULL or "": the first
 * page). */
void api_approvals_list(struct api *a, bool mine, const char *cursor,
    api_approvals_cb *cb, void *arg);
void api_approval_get(struct api *a, const char *application_id,
    api_approval_cb *cb, void *arg);
void api_household_get(struct api *a, const char *register_no,
    api_household_cb *cb, void *arg);

/* ---- writes (net/api_write.c): every write of the contract ------------ */

/* A supervisor's decision (POST /v1/approvals/{application_id}). */
struct decision_request {
	const char *application_id;
	bool approve;
	const char *reason;        /* a rejection's; "" for an approval */
	const char *idem_key;
};

/*
 * Send the write of service id.  req is that write's request:
 *   SERVICE_MEDICAL                       struct medical_request
 *   SERVICE_PIN_RESET (.sealed set), SERVICE_FINANCIAL,
 *   SERVICE_CANCEL_LOSS, SERVICE_REPLACEMENT,
 *   SERVICE_NEW_CARD                      struct card_request
 *   SERVICE_DELEGATED                     struct poa_request
 *   SERVICE_NEWBORN                       struct newborn_request
 *   SERVICE_DECISION                      struct decision_request
 * and cb an api_approval_cb for the decision, else an api_application_cb
 * (api_write_app, api_write_decision say so).  The request is encoded
 * here: nothing of it is kept.  A service that is not a write, or a
 * request that cannot be sent, is answered API_INTERNAL.
 */
void api_write(struct api *a, enum service_id id, const void *req,
    void (*cb)(void), void *arg);

static inline void
api_write_app(struct api *a, enum service_id id, const void *req,
    api_application_cb *cb, void *arg)
{
	api_write(a, id, req, (void (*)(void))cb, arg);
}

static inline void
api_write_decision(struct api *a, const struct decision_request *req,
    api_approval_cb *cb, void *arg)
{
	api_write(a, SERVICE_DECISION, req, (void (*)(void))cb, arg);
}

#endif
