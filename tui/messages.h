/*
 * messages.h -- the clerk's sentences, in one place (as curl keeps
 * src/tool_msgs.c): what the terminal says when a call fails, when the
 * service refuses, and what more than one screen says.
 *
 * net/ gives codes (enum api_result, the service's error code), never a
 * sentence (make check-layers holds it to that); the words are chosen
 * here.  Every sentence is English, marked for translation, and comes out
 * translated.  The MSG_ names below are in this header, so xgettext must
 * read the headers too: with -k_ -kN_ over the .c and .h files of tui/
 * and forms/ it finds every sentence the terminal has.
 */
#ifndef SSDESK_MESSAGES_H
#define SSDESK_MESSAGES_H

#include <stddef.h>

#include "forms/i18n.h"
#include "net/api.h"

/* A sentence for a failed call of this kind when the service gave none
 * (network, TLS...).  Never NULL, never empty. */
const char *msg_api_error(enum api_result r);

/* The service's refusal code (docs/api.md) in the clerk's words, or NULL
 * for a code the terminal has no sentence of its own for. */
const char *msg_refusal(const char *code);
/* The i-th code of the refusal table, in its (sorted) order; NULL past
 * the last.  For the unit test that keeps the table sorted. */
const char *msg_refusal_code(size_t i);

/*
 * The sentences said in more than one place, and the outbox's.  Each
 * MSG_ name is its translated text: it expands to _() on the literal, so
 * where one takes format arguments the compiler still checks them where
 * it is used (gettext keeps the format), and xgettext finds it here.
 */

/* ---- what every screen may say ---------------------------------------- */

#define MSG_OUT_OF_MEMORY _("Out of memory.")
/* On stderr after "ssdesk: ", when the terminal is not set up yet. */
#define MSG_NO_MEMORY _("out of memory")
#define MSG_FORM_TOO_SMALL _("The form does not fit; enlarge the terminal.")
#define MSG_IN_FLIGHT _("A request is in flight; wait for it or press Esc " \
    "to cancel it.")
#define MSG_WALKIN_ENDED _("Walk-in ended; the applicant's data is wiped.")
/* The retry of a read that failed (app_read_failed). */
#define MSG_F5_ASKS_AGAIN _("F5 asks again.")

/* ---- what every failed call may get (tui/app.c) ----------------------- */

#define MSG_UNKNOWN_ERROR _("Unknown error.")
/* A read cancelled; the retry's sentence follows. */
#define MSG_CANCELLED _("Cancelled.")
#define MSG_WRITE_CANCELLED _("Cancelled. If the service got it, sending " \
    "again (F2) will not make a second application.")
/* After the reason a write was not answered. */
#define MSG_FORM_KEPT_F2 _("The form is kept; F2 sends it again safely.")
#define MSG_WAIT_OR_CANCEL _("Wait for the answer, or press Esc to cancel " \
    "the request.")
#define MSG_CARDS_REFRESHED _("Cards refreshed.")
/* On the person screen, above the cards; %s: the refusal's sentence. */
#define MSG_REFUSED_NOTICE _("The service refused: %s")
/* The seed-004 remedy; %s: the deadline's date, then the card's bank. */
#define MSG_DEADLINE_REMEDY _("The 300-day activation deadline passed on " \
    "%s, so the card's social-security application was reported lost. " \
    "Remedy: the cardholder first enables the financial application at " \
    "the card's bank (%s), then the loss report is cancelled at this " \
    "counter.")

/* ---- the spinner's words (app_busy) ----------------------------------- */

#define MSG_BUSY_ASKING _("Asking the service… Esc cancels")
#define MSG_BUSY_REFRESHING _("Refreshing the cards… Esc cancels")
#define MSG_BUSY_FINANCIAL _("Activating the financial function… Esc " \
    "cancels")
#define MSG_BUSY_SIGNING_OUT _("Signing out…")

/* ---- refusals the terminal says before asking ------------------------- */

/* The service's already_active is the medical function's. */
#define MSG_FINANCIAL_ACTIVE _("The financial function of this card is " \
    "already active. Nothing to do.")

/* ---- a write in the outbox (tui/queued.c); %s: what the clerk calls it
 * (queued_label), then the application's number where there is one ---- */

#define MSG_OUTBOX_TOLD_TIMEOUT _("No answer in time. The %s waits in the " \
    "outbox and is sent by itself when the service is back (F5: now), " \
    "never twice.")
#define MSG_OUTBOX_TOLD_UNREACHABLE _("The service cannot be reached. The " \
    "%s waits in the outbox and is sent by itself when it is back (F5: " \
    "now), never twice.")
#define MSG_OUTBOX_WAITS _("This %s waits in the outbox and is sent by " \
    "itself when the service is back. F5 sends it now.")
#define MSG_OUTBOX_ACCEPTED _("The %s that waited in the outbox was " \
    "accepted: application %s.")
#define MSG_OUTBOX_APPROVED _("The decision that waited in the outbox was " \
    "recorded: application %s approved.")
#define MSG_OUTBOX_REJECTED _("The decision that waited in the outbox was " \
    "recorded: application %s rejected.")
#define MSG_OUTBOX_REFUSED _("The %s that waited in the outbox was refused " \
    "and not done; the reason is listed on Home.")
/* %s: the write, then the sentence of what stopped it. */
#define MSG_OUTBOX_HELD _("The %s waiting in the outbox could not be sent: " \
    "%s It stays in the outbox and is tried again.")
#define MSG_OUTBOX_DONE_EARLIER _("The %s kept in the outbox had already " \
    "been done at the service (application %s); it was not sent again.")
#define MSG_OUTBOX_DRAFT_OLDER _("The saved draft was older than the " \
    "service's record: its %s was already done (%s) and is not sent " \
    "again.")
#define MSG_OUTBOX_TOO_OLD _("The %s that waited in the outbox was too old " \
    "to send safely (listed on Home).")
/* Why, in the list of refusals on Home. */
#define MSG_OUTBOX_TOO_OLD_WHY _("It waited in the outbox longer than the " \
    "service remembers its writes (30 days), so it was not sent: it might " \
    "be done twice. Check the person's applications, then do it again if " \
    "need be.")

/* The medical activation's own (its form stays open). */
#define MSG_OUTBOX_MEDICAL_TIMEOUT _("No answer in time. The activation " \
    "waits in the outbox and is sent by itself when the service is back " \
    "(F5: now), never twice; the form is kept.")
#define MSG_OUTBOX_MEDICAL_UNREACHABLE _("The service cannot be reached. " \
    "The activation waits in the outbox and is sent by itself when it is " \
    "back (F5: now), never twice; the form is kept.")
#define MSG_OUTBOX_MEDICAL_WAITS _("This activation waits in the outbox and " \
    "is sent by itself when the service is back. F5 sends it now.")

#endif
