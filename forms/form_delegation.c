/*
 * form_delegation.c -- the forms of an activation done by an agent under
 * a power of attorney (seed 004).  Field keys are the wire names of
 * POST /v1/delegations/insured and /v1/applications/delegated-activation.
 *
 * form_poa_insured: who the agent acts for (the service confirms).
 * form_poa: the card (read-only, chosen from the insured's cards), the
 * activation asked for, the power of attorney and the checklist.  Rules
 * spanning fields: the date within POA_MAX_AGE_DAYS, the scope covering
 * the activation.  A PIN reset is refused at its choice.
 */
#include "forms/poa.h"

#include <stdio.h>
#include <string.h>

#include "forms/check.h"
#include "forms/i18n.h"
#include "forms/newborn.h"
#include "forms/wire.h"

/* The POA's date as it is typed: partial until it is a whole date, then
 * refused at the field if it is in the future or too old (the same rule
 * the form checks again at submit, and the service too). */
static enum field_verdict
poa_signed_on_check(const char *value, const struct form_ctx *ctx,
    char *msg, size_t msgsz)
{
	enum poa_err e = poa_check_date_text(value, ctx->today);
	size_t n = strlen(value);

	if (e == POA_OK)
		return VERDICT_OK;
	if (e == POA_DATE_INVALID && n < 10 &&
	    strspn(value, "0123456789-") == n)
		return VERDICT_PARTIAL;
	snprintf(msg, msgsz, "%s", poa_strerror(e));
	return VERDICT_BAD;
}

static const struct field_def insured_fields[] = {
	{
		.key = "insured_id_number", .label = N_("Insured's ID number"),
		.help = N_("The 18 characters on the insured's ID card (the agent hands it over)."),
		.kind = FIELD_IDNUM, .width = 18, .max_bytes = 20,
		.flags = FIELD_REQUIRED | FIELD_NOJOURNAL,
	},
	{
		.key = "insured_name", .label = N_("Insured's name"),
		.help = N_("The name exactly as the insured's ID card shows it."),
		.kind = FIELD_NAME, .width = NAME_MAX_COLS,
		.max_bytes = NAME_MAX_BYTES, .flags = FIELD_REQUIRED,
	},
};

const struct form_def form_poa_insured = {
	.id = "poa_insured",
	.title = N_("Act for an insured person: who"),
	.help = N_("Type the insured person's ID number and name from the "
	    "insured's ID card, which the agent brings. The service confirms "
	    "the person and shows the insured's cards."),
	.fields = insured_fields,
	.nfields = (int)(sizeof insured_fields / sizeof insured_fields[0]),
};

static const struct choice activation_choices[] = {
	{ "ss", N_("Social-security function"), NULL },
	{ "fin", N_("Financial function"), NULL },
	{ "pin_reset", N_("PIN reset"),
	    N_("A PIN reset is never delegated: the cardholder must come in "
	    "person.") },
	{ NULL, NULL, NULL },
};

#define POA_TICK_MISSING N_("Tick every checklist item before submitting.")

static const struct field_def poa_fields[] = {
	{
		.key = "card", .label = N_("Insured's card"),
		.help = N_("The insured's card, chosen on the previous screen."),
		.kind = FIELD_TEXT, .width = 20, .max_bytes = 32,
		.flags = FIELD_READONLY,
	},
	{
		.key = "activation", .label = N_("Activate"),
		.help = N_("What the agent asks for: Space or Left/Right to choose."),
		.kind = FIELD_CHOICE, .width = 26, .max_bytes = 16,
		.flags = FIELD_REQUIRED, .choices = activation_choices,
		.missing = N_("Choose the function to activate."),
	},
	{
		.key = "poa_number", .label = N_("POA document number"),
		.help = N_("The number on the power of attorney."),
		.kind = FIELD_TEXT, .width = 24,
		.max_bytes = WIRE_POA_NUMBER_MAX,
		.flags = FIELD_REQUIRED,
	},
	{
		.key = "poa_signed_on", .label = N_("POA signed on"),
		.help = N_("The date the insured signed it, YYYY-MM-DD; at most 180 days ago."),
		.kind = FIELD_TEXT, .width = 10, .max_bytes = 10,
		.flags = FIELD_REQUIRED, .check = poa_signed_on_check,
	},
	{
		.key = "poa_covers_ss", .label = N_("Covers social security"),
		.help = N_("Tick if the power of attorney covers activating the social-security function."),
		.kind = FIELD_TICK, .width = 1, .max_bytes = 1,
	},
	{
		.key = "poa_covers_fin", .label = N_("Covers financial"),
		.help = N_("Tick if the power of attorney covers activating the financial function."),
		.kind = FIELD_TICK, .width = 1, .max_bytes = 1,
	},
	{
		.key = "insured_original_sighted",
		.label = N_("Insured's ID sighted"),
		.help = N_("Tick once you hold the insured's original ID card."),
		.kind = FIELD_TICK, .width = 1, .max_bytes = 1,
		.flags = FIELD_REQUIRED, .missing = POA_TICK_MISSING,
	},
	{
		.key = "photocopies_taken", .label = N_("Copies of both IDs"),
		.help = N_("Tick once both ID cards (agent's and insured's) are photocopied."),
		.kind = FIELD_TICK, .width = 1, .max_bytes = 1,
		.flags = FIELD_REQUIRED, .missing = POA_TICK_MISSING,
	},
	{
		.key = "poa_original_sighted", .label = N_("POA original sighted"),
		.help = N_("Tick once you hold the original power of attorney."),
		.kind = FIELD_TICK, .width = 1, .max_bytes = 1,
		.flags = FIELD_REQUIRED, .missing = POA_TICK_MISSING,
	},
};

static bool
poa_ticked(const struct form_state *st, const char *key)
{
	const char *v = form_get_key(st, key);

	return v != NULL && strcmp(v, "y") == 0;
}

/* The date within the limit; the scope covering the activation. */
static int
poa_rules(struct form_state *st, int *first)
{
	enum poa_err e;
	enum poa_activation act;

	e = poa_check_date_text(form_get_key(st, "poa_signed_on"),
	    st->ctx.today);
	if (e != POA_OK) {
		*first = form_find(st->def, "poa_signed_on");
		snprintf(st->form_msg, sizeof st->form_msg, "%s",
		    poa_strerror(e));
		return -1;
	}
	act = poa_activation_parse(form_get_key(st, "activation"));
	e = poa_check_activation(act, poa_ticked(st, "poa_covers_ss"),
	    poa_ticked(st, "poa_covers_fin"));
	if (e != POA_OK) {
		*first = form_find(st->def, e == POA_SCOPE ?
		    (act == POA_ACT_FIN ? "poa_covers_fin" : "poa_covers_ss") :
		    "activation");
		snprintf(st->form_msg, sizeof st->form_msg, "%s",
		    poa_strerror(e));
		return -1;
	}
	return 0;
}

const struct form_def form_poa = {
	.id = "poa",
	.title = N_("Act for an insured person: power of attorney"),
	.help = N_("Choose what the agent asks to activate, record the power "
	    "of attorney (number, date signed, what it covers) and tick the "
	    "checklist. A power of attorney older than 180 days or dated in "
	    "the future is refused; a PIN reset is never delegated. The "
	    "submission waits for a supervisor's approval."),
	.fields = poa_fields,
	.nfields = (int)(sizeof poa_fields / sizeof poa_fields[0]),
	.rules = poa_rules,
};

static const struct field_def household_fields[] = {
	{
		.key = "register_no", .label = N_("Register number"),
		.help = N_("The number on the household register booklet the parent brings."),
		.kind = FIELD_TEXT, .width = 16, .max_bytes = 24,
		.flags = FIELD_REQUIRED,
	},
};

const struct form_def form_household = {
	.id = "household",
	.title = N_("Register a newborn: household register"),
	.help = N_("Type the household register number from the booklet. The "
	    "service shows the household's members; choose the child."),
	.fields = household_fields,
	.nfields = (int)(sizeof household_fields / sizeof household_fields[0]),
};

static const struct field_def reject_fields[] = {
	{
		.key = "reason", .label = N_("Reason for rejecting"),
		.help = N_("Why it is rejected: the clerk and the insured read it."),
		.kind = FIELD_TEXT, .width = 50, .max_bytes = WIRE_REASON_MAX,
		.flags = FIELD_REQUIRED,
		.missing = N_("A rejection needs a reason: type it."),
	},
};

const struct form_def form_reject = {
	.id = "reject",
	.title = N_("Reject the delegated activation"),
	.help = N_("Type the reason; F2 rejects. Esc goes back without "
	    "deciding."),
	.fields = reject_fields,
	.nfields = (int)(sizeof reject_fields / sizeof reject_fields[0]),
};
