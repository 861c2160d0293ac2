/*
 * messages.c -- the tables of the clerk's sentences (see messages.h): one
 * per kind of failed call, one per refusal code of the service.
 */
#include "tui/messages.h"

#include <stdlib.h>
#include <string.h>

#include "forms/i18n.h"
#include "forms/service.h"

const char *
msg_api_error(enum api_result r)
{
	static const char *const msgs[] = {
		[API_OK] = N_("Done."),
		[API_REFUSED] = N_("The central service refused the request. "
		    "Check the details and try again, or call the help desk."),
		[API_SESSION_EXPIRED] = N_("Your session has expired. "
		    "Sign in again; the form is kept."),
		[API_UNREACHABLE] = N_("The central service cannot be reached. "
		    "Try again in a moment; call the help desk if it goes on."),
		[API_TLS] = N_("The central service's certificate was refused. "
		    "Do not continue; call the help desk."),
		[API_TIMEOUT] = N_("The central service did not answer in time. "
		    "Try again: the same submission is never applied twice."),
		[API_BAD_REPLY] = N_("The central service sent an answer this "
		    "terminal cannot read. Try again; call the help desk if "
		    "it goes on."),
		[API_CANCELLED] = N_("Cancelled. If it was a submission, submit "
		    "again: it will not be applied twice."),
		[API_BUSY] = N_("Another request is still in progress. Wait for "
		    "it, or press Esc to cancel it."),
		[API_INTERNAL] = N_("Something went wrong in this terminal. "
		    "Restart it; call the help desk if it goes on."),
	};

	if ((unsigned)r >= sizeof msgs / sizeof msgs[0] || msgs[r] == NULL)
		return _("Unknown error. Call the help desk.");
	return _(msgs[r]);
}

/* The service's codes (docs/api.md) in the terminal's own words, sorted
 * by code (LC_ALL=C) for the one lookup; tests/unit/test_messages.c
 * fails if they are not.  The reasons of the services' rules are not
 * here: forms/service.c words them once, for the terminal's pre-check
 * and the service's refusal alike (msg_refusal asks it first). */
struct msg_code {
	const char *code;
	const char *text;
};

static const struct msg_code msg_codes[] = {
	{ "already_replaced", N_("A replacement for this card was already issued. Choose the new card.") },
	{ "bad_credentials", N_("Staff ID or password not accepted. Type the password again.") },
	{ "bad_request", N_("The service did not understand the request. Call the help desk; the form is kept.") },
	{ "bank_card_invalid", N_("The bank card number must be 16 to 19 digits starting with 62. Check the card and type it again.") },
	{ "bank_card_luhn", N_("The bank card number fails its check digit. Type it again to confirm it is exactly as printed.") },
	{ "card_unknown", N_("This card does not belong to the checked person. Choose the card again.") },
	{ "challenge_unknown", N_("The PIN entry took too long or was for another card. The applicant types the PIN again.") },
	{ "challenge_used", N_("This sealed PIN was already used once. Nothing was changed; the applicant types a new PIN.") },
	{ "check_unknown", N_("The identity check is no longer valid (older than 60 minutes or another session). Do the identity check again.") },
	{ "checklist_incomplete", N_("The checklist is incomplete: sight the original, take a photocopy and collect the fingerprint.") },
	{ "deadline_passed", N_("The 300-day activation deadline passed, so the card's social-security application was reported lost. Remedy: the cardholder first enables the financial application at the card's bank, then the loss report is cancelled at this counter.") },
	{ "deceased", N_("The register records this person as deceased. Stop the walk-in and refer the applicant to the supervisor.") },
	{ "face_failed", N_("Face recognition failed: the face does not match the register's photo. Stop the walk-in; the applicant may try again with a supervisor present.") },
	{ "face_not_done", N_("Face recognition has not been done. Run the face-recognition device first.") },
	{ "forbidden_role", N_("Your role may not do this. Ask a supervisor.") },
	{ "id_card_expired", N_("The ID card has expired. The applicant must renew the ID card at the police station first; no service can be done today with it.") },
	{ "idempotency_conflict", N_("This form was already sent with different details. Check the person's cards before sending again.") },
	{ "idempotency_key_required", N_("The request lacked its retry key. Call the help desk; the form is kept.") },
	{ "internal", N_("The central service failed; nothing was done. Try again; if it keeps failing, call the help desk.") },
	{ "invalid_id_number", N_("The service does not accept this ID number. Compare it with the ID card.") },
	{ "locked_out", N_("Too many failed sign-ins: sign-in with this staff ID is refused for 15 minutes. Ask a supervisor if you have forgotten the password.") },
	{ "name_mismatch", N_("The name does not match the ID number. Compare the name with the ID card; if it is right, the register must be corrected first.") },
	{ "phone_invalid", N_("The mobile number must be 11 digits starting 13 to 19.") },
	{ "pin_box_invalid", N_("The service could not open the sealed PIN: this terminal's sealing key is not the service's. Nothing was changed; call the help desk.") },
	{ "session_expired", N_("Your session has ended. Sign in again; the form is kept.") },
	{ "tls_expired", N_("The central service's certificate has expired (or is not valid yet; check this terminal's clock). Do not continue; call the help desk.") },
	{ "tls_handshake", N_("The secure connection to the central service failed. Do not continue; call the help desk.") },
	{ "tls_pin", N_("The central service's key is not the one this terminal is set up for (pin mismatch). Do not continue; call the help desk.") },
	{ "tls_self_signed", N_("The central service's certificate is self-signed, not issued by a trusted authority. Do not continue; call the help desk.") },
	{ "tls_untrusted", N_("The central service's certificate is not signed by a trusted authority. Do not continue; call the help desk.") },
	{ "tls_wrong_host", N_("The central service's certificate is for another server name. Do not continue; call the help desk.") },
	{ "too_many_cards", N_("The applicant has the most cards allowed. Call the help desk to retire an old card.") },
	{ "unavailable", N_("The central service is down for maintenance. Nothing was done; try again in a few minutes.") },
	{ "unknown_person", N_("No insured person has this ID number. Check the number on the ID card; if it is right, the person must enrol first.") },
};

#define MSG_NCODES (sizeof msg_codes / sizeof msg_codes[0])

static int
msg_code_cmp(const void *key, const void *elt)
{
	return strcmp(key, ((const struct msg_code *)elt)->code);
}

const char *
msg_refusal(const char *code)
{
	const struct service_refusal *r = service_refusal_of(code);
	const struct msg_code *m;

	if (r != NULL && r->text != NULL)
		return _(r->text);
	if (code == NULL)
		return NULL;
	m = bsearch(code, msg_codes, MSG_NCODES, sizeof msg_codes[0],
	    msg_code_cmp);
	return m != NULL ? _(m->text) : NULL;
}

const char *
msg_refusal_code(size_t i)
{
	return i < MSG_NCODES ? msg_codes[i].code : NULL;
}
