/*
 * wire.h -- the numbers the terminal and the central service must agree
 * on, written once (docs/api.md says each).  net/ sends and reads by
 * them, sim/ serves by them, so the simulator can never be kinder or
 * stricter than the terminal expects of the real service.  A number only
 * one side uses (the terminal's own timeouts, the simulator's store
 * sizes) stays with that side; a number that is part of a rule stays
 * with its rule, which both sides call: the ID number's 18 characters
 * (forms/idnum.h), the 300 days (forms/deadline.h), the POA's 180 and
 * the newborn's 365 days (forms/poa.h, forms/newborn.h).
 *
 * Pure: constants only, nothing included.
 */
#ifndef SSDESK_WIRE_H
#define SSDESK_WIRE_H

/* ---- the sealed PIN (/v1/pin-challenges, /v1/applications/pin-reset) - */

/* A card PIN: exactly this many ASCII digits. */
#define WIRE_PIN_LEN 6
/* The one-time challenge the service issues (base64 on the wire). */
#define WIRE_PIN_CHALLENGE_BYTES 32
/* What is sealed to the service: challenge || pin. */
#define WIRE_PIN_PLAIN_BYTES (WIRE_PIN_CHALLENGE_BYTES + WIRE_PIN_LEN)

/* ---- how long things hold -------------------------------------------- */

/* These are said in words too: in the service's messages (each with a
 * _Static_assert beside it) and in the clerk's sentences (tui/app.c,
 * tui/screen_signin.c).  Change one, change the words. */

/* An identity check may be cited for this long. */
#define WIRE_CHECK_SECONDS (60L * 60)
/* A PIN challenge is good this long (and once). */
#define WIRE_PIN_CHALLENGE_SECONDS (10L * 60)
/* A staff ID locked after too many refused sign-ins stays so this long. */
#define WIRE_LOCKOUT_SECONDS (15L * 60)

/* ---- sessions and writes ---------------------------------------------- */

/* A session token: 1 to this many visible ASCII characters. */
#define WIRE_TOKEN_MAX 128
/* An Idempotency-Key: at most this many characters (the terminal's are
 * UUIDs, 36). */
#define WIRE_IDEM_KEY_MAX 128
/* How long the service keeps a key's first answer and replays it. */
#define WIRE_ANSWER_KEPT_SECONDS (24L * 60 * 60)
/* How long it remembers what a key made (GET /v1/writes/{key}): a write
 * older than this is never sent. */
#define WIRE_WRITE_KEPT_SECONDS (30L * 24 * 60 * 60)

/* ---- sizes ------------------------------------------------------------ */

/* A request body, bytes (more: 413 too_large). */
#define WIRE_BODY_MAX (64L * 1024)
/* An answer, bytes: the terminal refuses a longer one. */
#define WIRE_REPLY_MAX (1024L * 1024)

/* ---- what an answer holds ------------------------------------------- */

/* An identifier cited back (person_id, card_id, check_id...): 1 to this
 * many characters of [A-Za-z0-9._-]. */
#define WIRE_REF_MAX 39
/* Free text (names, messages, addresses) is cut to this many bytes. */
#define WIRE_TEXT_MAX 255
/* At most: a person's cards, a household record's members, a member's
 * guardians, the result lines of one application, the contribution
 * records of one answer. */
#define WIRE_CARDS_MAX 4
#define WIRE_MEMBERS_MAX 8
#define WIRE_GUARDIANS_MAX 4
#define WIRE_RESULTS_MAX 4
#define WIRE_CONTRIB_MAX 600

/* ---- lists a page at a time ------------------------------------------- */

/* ?limit=: 1 to WIRE_PAGE_MAX, WIRE_PAGE_DEFAULT when not given. */
#define WIRE_PAGE_DEFAULT 20
#define WIRE_PAGE_MAX 100
/* ?cursor=: the previous page's next_cursor, at most this many
 * characters of [A-Za-z0-9._-]. */
#define WIRE_CURSOR_MAX 32

/* ---- fields of the delegations ---------------------------------------- */

/* poa_number: 1 to this many bytes. */
#define WIRE_POA_NUMBER_MAX 32
/* A supervisor's reason for a rejection: at most this many bytes. */
#define WIRE_REASON_MAX 200

/* ---- the audit log's anchors (POST /v1/audit/anchors) ----------------- */

/* A terminal's name: 1 to this many characters of [A-Za-z0-9-]. */
#define WIRE_TERMINAL_MAX 39

#endif
