/*
 * audit_log.h -- the terminal's audit log, audit.log in the state
 * directory (forms/audit.h has the format).  Append-only: each record is
 * one write() to a file opened O_APPEND, under flock(), chained to the
 * last record in the file.
 *
 * Events written today: signin, signin_refused, signout, identity,
 * identity_refused, identity_mismatch (the answer named someone else:
 * typed number masked, check, the answer's masked number, what differed),
 * submit, submit_refused (every service's application,
 * app_audit_submit), approve, reject, decide_refused, lock, unlock,
 * unlock_refused, draft_restored, draft_discarded.  detail must hold masked identifiers
 * only (idnum_mask, the service's masked card numbers, application
 * numbers).
 */
#ifndef SSDESK_AUDIT_LOG_H
#define SSDESK_AUDIT_LOG_H

#include "tui/app.h"

#define AUDIT_LOG_NAME "audit.log"

/* Append one record for the signed-in (or signing-in) staff member at
 * this counter.  Failures are silent (the terminal must go on serving);
 * nothing here may hold an unmasked identifier. */
void app_audit(struct app *app, const char *event, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A submission's answer: "submit" with the application number, its
 * status and the card (masked), or "submit_refused" with the code.  Other
 * failures (network, cancelled) changed nothing and are not recorded. */
void app_audit_submit(struct app *app, const char *service,
    const struct api_error *err, const struct application *res);
/* The same, naming the staff ID (a refused sign-in). */
void audit_log_append(const char *staff, const char *counter,
    const char *event, const char *detail);

/* ssdesk --verify-audit FILE: prints the verdict; the exit status (0
 * intact, 1 broken or unreadable). */
int audit_log_verify_file(const char *path);

#endif
