/*
 * form_medical.c -- medical-insurance account activation (seed 001).
 *
 * The person and card come from the identity check and are shown read-only
 * (the screen fills them with masked numbers); the clerk types the bank
 * card and mobile number.  The bank card is never journaled: a draft must
 * not hold a full card number.
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
		.help = N_("The applicant's ID number, masked."),
		.kind = FIELD_TEXT, .width = 18, .max_bytes = 24,
		.flags = FIELD_READONLY,
	},
	{
		.key = "card", .label = N_("Social-security card"),
		.help = N_("The card whose medical function is being activated."),
		.kind = FIELD_TEXT, .width = 20, .max_bytes = 32,
		.flags = FIELD_READONLY,
	},
	{
		.key = "bank_card", .label = N_("Bank card (UnionPay)"),
		.help = N_("The applicant's UnionPay debit card: 16 to 19 digits starting 62; spaces are ignored."),
		.kind = FIELD_BANKCARD, .width = 23, .max_bytes = 23,
		.flags = FIELD_REQUIRED | FIELD_NOJOURNAL,
	},
	{
		.key = "phone", .label = N_("Mobile number"),
		.help = N_("The applicant's 11-digit mobile number."),
		.kind = FIELD_MOBILE, .width = 11, .max_bytes = 13,
		.flags = FIELD_REQUIRED,
	},
};

const struct form_def form_medical = {
	.id = "medical",
	.title = N_("Medical-insurance activation"),
	.help = N_("Check the applicant and card shown, then type the applicant's "
	    "UnionPay bank card number and mobile number.  A card number that "
	    "fails its check digit must be typed twice the same to be accepted."),
	.fields = fields,
	.nfields = (int)(sizeof fields / sizeof fields[0]),
};
