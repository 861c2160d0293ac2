/*
 * audit_log.h -- the terminal's audit log, audit.log in the state
 * directory (forms/audit.h has the format), and its key, audit.key.
 *
 * Append-only: each record is one write() to a file opened O_APPEND,
 * under flock(), chained to the last record in the file and keyed with
 * the terminal's key.  audit.key (0600) holds the terminal's name, its
 * 32-byte key and a copy of the last record written (the local anchor);
 * it is made with the first record.  A log without its key cannot be
 * continued verifiably: a version-1 log, or a log whose key is gone, is
 * moved aside (audit.log.unkeyed-TIME, audit.log.nokey-TIME) and a new
 * one begins, its first record saying so.
 *
 * Nothing is dropped when the disk fails: a record that cannot be written
 * is kept in memory (in order, with its own time) and written, chained as
 * usual, as soon as the disk takes it; meanwhile the banner says so
 * (statedir_alert).  A torn last line is recorded (torn_tail) and the
 * chain goes on; a log found shorter than its local anchor is recorded
 * (log_cut) and raises the alarm.
 *
 * The service keeps anchors too (docs/api.md, POST /v1/audit/anchors):
 * the head of the chain is sent after sign-in, every five minutes while
 * records are added, and at sign-out; the service's answer (its previous
 * anchor, or "behind") is checked against the log, and a log cut or
 * rewritten raises the alarm (audit_log_alarm, shown in the banner) and
 * is recorded.
 *
 * Events written today: signin, signin_refused, signout, identity,
 * identity_refused, identity_mismatch (the answer named someone else:
 * typed number masked, check, the answer's masked number, what differed),
 * submit, submit_refused (every service's application,
 * app_audit_submit), approve, reject, decide_refused, lock, unlock,
 * unlock_refused, draft_restored, draft_discarded, outbox_restored,
 * outbox_done_earlier, outbox_too_old, refusal_acknowledged, log_start,
 * torn_tail, log_cut, anchor_mismatch, quit ("keyboard", or the signal:
 * tui/quit.c, tui/loop.c).  detail must hold masked identifiers only
 * (idnum_mask, the service's masked card numbers, application numbers).
 */
#ifndef SSDESK_AUDIT_LOG_H
#define SSDESK_AUDIT_LOG_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/app.h"

#define AUDIT_LOG_NAME "audit.log"
#define AUDIT_KEY_NAME "audit.key"

/* Append one record for the signed-in (or signing-in) staff member at
 * this counter.  Never fails: what cannot be written now is kept until
 * it can be (above); nothing here may hold an unmasked identifier. */
void app_audit(struct app *app, const char *event, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A submission's answer: "submit" with the application number, its
 * status and the card (masked), or "submit_refused" with the code.  Other
 * failures (network, cancelled) changed nothing and are not recorded. */
void app_audit_submit(struct app *app, enum service_id service,
    const struct api_error *err, const struct application *res);
/* The same, naming the staff ID (a refused sign-in). */
void audit_log_append(const char *staff, const char *counter,
    const char *event, const char *detail);

/* Each turn of the loop: write what waits in memory, and send the
 * chain's head to the service when it is due (after sign-in, then every
 * five minutes with new records), if the api is free. */
void audit_log_tick(struct app *app);
/* Signing out: send the head now, then run then(app) whatever the answer
 * (at once if there is nothing to send). */
void audit_log_anchor_then(struct app *app, void (*then)(struct app *));
/* While the log has been found cut or rewritten: the banner's sentence
 * (translated) in out, and true. */
bool audit_log_alarm(char *out, size_t outsz);

/* ssdesk --verify-audit FILE [anchor]: check FILE with the audit.key
 * beside it (and against anchor "SEQ:MAC" if not NULL, as the service
 * holds it); prints the verdict; the exit status (0 intact, 1 broken or
 * unreadable). */
int audit_log_verify_file(const char *path, const char *anchor);

#endif
