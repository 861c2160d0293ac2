/*
 * form_financial.c -- financial (bank) function activation (seeds 002,
 * 004).  The person and card are shown read-only (masked); the clerk
 * types the bank account number printed on the social-security card,
 * checked as a UnionPay number (a Luhn failure must be typed twice the
 * same).  Never journaled: a draft must not hold a full account number.
 */
#include "forms/form.h"

#include "forms/check.h"
#include "forms/i18n.h"

static const struct field_def fields[] = {
	{
		.key = "name", .label = N_("Name"),
		.kind = FIELD_TEXT, .width = NAME_MAX_COLS,
		.max_bytes = FORM_VALUE_MAX - 1,
		.flags = FIELD_READONLY,
	},
	{
		.key = "id_masked", .label = N_("ID number"),
		.kind = FIELD_TEXT, .width = 18, .max_bytes = 24,
		.flags = FIELD_READONLY,
	},
	{
		.key = "card", .label = N_("Social-security card"),
		.kind = FIELD_TEXT, .width = 20, .max_bytes = 32,
		.flags = FIELD_READONLY,
	},
	{
		.key = "bank_card", .label = N_("Bank account on card"),
		.help = N_("The bank account number printed on the "
		    "social-security card: 16 to 19 digits starting 62; spaces "
		    "are ignored."),
		.kind = FIELD_BANKCARD, .width = 23, .max_bytes = 23,
		.flags = FIELD_REQUIRED | FIELD_NOJOURNAL,
	},
};

const struct form_def form_financial = {
	.id = "financial",
	.title = N_("Financial function activation"),
	.help = N_("Check the applicant and card shown, then type the bank "
	    "account number printed on the card."),
	.fields = fields,
	.nfields = (int)(sizeof fields / sizeof fields[0]),
};
