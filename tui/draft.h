/*
 * draft.h -- every form the terminal holds, journaled as it is typed.
 *
 * While a clerk is signed in (or signing in again after the session
 * ended), the walk-in's forms are sealed (forms/journal.h) with a key
 * derived from the clerk's password and written to draft-<staff>.ssd in
 * the state directory whenever they change; the salt is in the draft's
 * own header.  No walk-in, or a receipt on screen (the work is done), and
 * the draft is removed.  A draft that will not open (damaged, or sealed
 * under an earlier password) is never deleted: it is moved aside to
 * draft-<staff>.ssd.damaged-<time> and the sign-in says where.
 *
 * One ssdesk per clerk and state directory: from sign-in to sign-out the
 * clerk's draft-<staff>.lock is held (flock), so a second ssdesk of the
 * same clerk on the same directory cannot sign in (and take the first's
 * live walk-in for a crashed one) until the first is gone.  After a crash, the same clerk's next
 * sign-in offers the draft back (screen_draft); another clerk has another
 * file and another key.  Fields marked FIELD_NOJOURNAL never reach it.
 * The writes waiting in the outbox are journaled too (their bodies only
 * sealed), with or without a walk-in, and put back in the outbox at the
 * same clerk's next sign-in (draft_signed_in), before any offer.
 *
 * The identity form is the walk-in's own; every other form is a
 * service's, journaled through its unit (tui/services.h: forms, save,
 * restore), so a new service adds nothing here.
 */
#ifndef SSDESK_DRAFT_H
#define SSDESK_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/app.h"

enum draft_found {
	DRAFT_NONE,        /* nothing to offer */
	DRAFT_OFFER,       /* a draft opened: screen_draft offers it */
	DRAFT_DAMAGED,     /* a draft would not open: moved aside (draft_aside) */
	DRAFT_OFF,         /* drafts cannot be kept (no state directory) */
};

enum draft_prep {
	DRAFT_PREP_OK,
	DRAFT_PREP_BUSY,   /* another ssdesk holds this clerk's lock */
};

/* At sign-in, before the password is wiped: take the clerk's lock and
 * derive the key the password gives with the salt of the clerk's draft
 * (about 0.1 s).  BUSY (with the other process's id in *holder, 0 if
 * unknown): another ssdesk of this clerk runs on this state directory;
 * do not sign in.  Nothing is written until draft_signed_in. */
enum draft_prep draft_prepare(const char *staff_id, const char *pw,
    size_t pwlen, long *holder);
/* Whether no other ssdesk holds staff_id's lock (now). */
bool draft_lock_free(const char *staff_id);
/* After DRAFT_DAMAGED: the name the draft was moved aside to. */
const char *draft_aside(void);
/* The sign-in failed: forget the prepared key (and lock). */
void draft_cancel(void);
/* The service accepted: the prepared key becomes the clerk's.  Unless
 * resuming (same clerk, walk-in still in memory), look for a draft. */
enum draft_found draft_signed_in(struct app *app, bool resuming);
/* The offer on screen: what the draft holds, for the clerk to recognise
 * it: who (name, masked ID number) and where (screen, time saved). */
void draft_describe(char *who, char *where, size_t sz);
/* Restore it into a fresh walk-in (the identity check must be sent
 * again); goes to the identity screen. */
void draft_restore(struct app *app);
/* Decline it: the file is removed. */
void draft_discard(struct app *app);
/* From the loop: write the draft if anything changed. */
void draft_sync(struct app *app);
/* Signing out: the walk-in has ended; remove the draft, wipe the key. */
void draft_signed_out(struct app *app);
/* Whether pw is the signed-in clerk's password: 1 yes, 0 no, -1 cannot
 * tell here (no key; ask the service). */
int draft_check_password(const char *pw, size_t pwlen);
/* At exit: wipe the key (the draft stays for the next sign-in). */
void draft_close(void);

#endif
