/*
 * sim_fault.h -- faults the simulated service can be told to commit, per
 * endpoint, so that tests and trainers see what the terminal does when the
 * central service misbehaves (docs/api.md, "Fault injection").
 *
 * A fault is written "METHOD PATH=KIND[:MS][,COUNT]":
 *   POST /v1/applications/medical-activation=reset-after-commit,1
 *   GET /v1/persons/=delay:3000
 * PATH ending in '/' matches one more segment (as the route table does);
 * "*" matches any path, and "*" as METHOD any method.  COUNT is how many
 * requests it hits before it is used up (default: every one).  This file
 * only parses, matches and mangles bodies; sim/server.c acts them out.
 */
#ifndef SSDESK_SIM_FAULT_H
#define SSDESK_SIM_FAULT_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/sim.h"

#define SIM_FAULTS_MAX 16
#define SIM_FAULT_PATH_MAX 128
/* The oversized body: twice the client's cap. */
#define SIM_FAULT_HUGE ((size_t)2 * WIRE_REPLY_MAX)

enum sim_fault_kind {
	SIM_FAULT_NONE = 0,
	SIM_FAULT_DELAY,         /* wait MS, then answer normally */
	SIM_FAULT_500,           /* 500 internal, nothing done */
	SIM_FAULT_503,           /* 503 unavailable, nothing done */
	SIM_FAULT_RESET,         /* connection reset before anything is done */
	SIM_FAULT_RESET_AFTER_COMMIT, /* done, then the connection is reset */
	SIM_FAULT_MALFORMED,     /* done; the answer is cut in half */
	SIM_FAULT_HUGE_BODY,     /* done; the answer is SIM_FAULT_HUGE bytes */
	SIM_FAULT_TRICKLE,       /* done; the answer comes one byte a second */
	SIM_FAULT_WRONG_TYPES,   /* done; every value of the answer has the
	                          * wrong JSON type */
	SIM_FAULT_HOSTILE,       /* done; the text meant for the screen
	                          * (names, banks, messages, next steps) comes
	                          * with escape sequences, bidi overrides,
	                          * controls, invalid UTF-8, far too long */
	SIM_FAULT_UNKNOWN_CODE_FIELD, /* nothing done; 422 with a code the
	                          * terminal does not know, at the field
	                          * the request's body names first */
	SIM_FAULT_BLANK_MESSAGE, /* nothing done; 422 with a code the terminal
	                          * does not know and a message that shows
	                          * nothing once sanitised */
	SIM_FAULT_UNMASKED,      /* done; every masked number comes whole */
	SIM_FAULT_WRONG_PERSON,  /* done; every person in the answer is
	                          * another: name, birth date, sex, number */
	SIM_FAULT_DUPLICATE_KEYS,/* done; every member of every object comes
	                          * twice, the second time with another value */
	SIM_FAULT_OTHER_DEADLINE,/* done; every card's deadline is 10 days
	                          * after received + 300 */
};

struct sim_fault {
	char method[8];
	char path[SIM_FAULT_PATH_MAX];
	enum sim_fault_kind kind;
	long ms;                 /* SIM_FAULT_DELAY */
	long count;              /* left; -1 for ever */
};

struct sim_faults {
	struct sim_fault f[SIM_FAULTS_MAX];
	size_t n;
};

/* Parse one fault; -1 with a reason in err. */
int sim_fault_parse(struct sim_fault *out, const char *spec, char *err,
    size_t errlen);
/* Add one at the end.  The first fault matching a request is the one
 * committed, so "X=reset,1" then "X=503,2" gives a reset, two 503s, then
 * normal answers. */
int sim_faults_add(struct sim_faults *fs, const char *spec, char *err,
    size_t errlen);
/* Replace them all with the faults of text, one a line (blank lines and
 * lines starting '#' skipped); on error nothing changes. */
int sim_faults_set(struct sim_faults *fs, const char *text, size_t len,
    char *err, size_t errlen);
/* The fault for this request, if any (its count goes down by one). */
enum sim_fault_kind sim_faults_take(struct sim_faults *fs, const char *method,
    const char *path, long *ms);
const char *sim_fault_name(enum sim_fault_kind k);

/* The answer of a fault that answers before the service does anything
 * (500, 503, unknown-code-field, blank-message): *status and a malloc'd
 * body of *out_len bytes; NULL for every other kind (or out of memory:
 * then *status is 0).  req_body is the request's, whose first member is
 * the field unknown-code-field names. */
char *sim_fault_refusal(enum sim_fault_kind k, const char *req_body,
    size_t req_len, int *status, size_t *out_len);
/* The service's answer as a fault that comes after the work rewrites it
 * (wrong-types, hostile-text, unmasked, wrong-person, duplicate-keys,
 * other-deadline): malloc'd, or NULL if k rewrites nothing or body is not
 * JSON. */
char *sim_fault_rewrite(enum sim_fault_kind k, const char *body, size_t len,
    size_t *out_len);

/* The answer of a JSON body with every value's type changed (strings
 * become numbers, numbers and booleans strings, objects arrays...):
 * malloc'd, or NULL if body is not JSON. */
char *sim_fault_wrong_types(const char *body, size_t len, size_t *out_len);
/* The answer with every display string made hostile (SIM_FAULT_HOSTILE);
 * identifiers are left alone, so the walk-in goes on.  malloc'd, or NULL
 * if body is not JSON. */
char *sim_fault_hostile(const char *body, size_t len, size_t *out_len);

/* In-process (ssdesk --demo --fault, for trainers): one request to
 * sim_handle() with the fault that matches it acted out.  0 with
 * *status, *body (malloc'd), *body_len; -1 for a reset (before or after
 * the work), which the in-process transport reports as a connection
 * failure.  delay and trickle have no in-process form (--latency is
 * there): they answer normally. */
int sim_fault_handle(struct sim *s, struct sim_faults *fs,
    const struct sim_request *req, int *status, char **body,
    size_t *body_len);

#endif
