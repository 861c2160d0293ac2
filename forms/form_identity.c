/*
 * form_identity.c -- the identity check every walk-in starts with.
 *
 * Field keys are the wire names of POST /v1/identity-checks (the checklist
 * items flattened).  Beyond each field on its own, the check needs every
 * checklist item done and face recognition passed; a failed face match
 * ends the walk-in, so it is said first and plainly.
 */
#include "forms/form.h"


#include "forms/check.h"
#include "forms/i18n.h"

static const struct choice face_choices[] = {
	{ "pass", N_("Passed"), NULL },
	{ "fail", N_("Failed"),
	    N_("Face recognition failed: the applicant's identity is not "
	    "confirmed. Do not go on with this walk-in; ask a supervisor if in "
	    "doubt.") },
	{ "not_done", N_("Not done"), N_("Run face recognition first.") },
	{ NULL, NULL, NULL },
};

#define TICK_MISSING N_("Tick every checklist item before submitting.")

static const struct field_def fields[] = {
	{
		.key = "id_number", .label = N_("ID number"),
		.help = N_("The 18 characters on the ID card; X may end it."),
		.kind = FIELD_IDNUM, .width = 18, .max_bytes = 20,
		.flags = FIELD_REQUIRED,
	},
	{
		.key = "name", .label = N_("Name"),
		.help = N_("The name exactly as the ID card shows it."),
		.kind = FIELD_NAME, .width = NAME_MAX_COLS, .max_bytes = NAME_MAX_BYTES,
		.flags = FIELD_REQUIRED,
	},
	{
		.key = "id_valid_until", .label = N_("Valid until"),
		.help = N_("End date on the ID card, YYYY-MM-DD or YYYYMMDD; L for long-term"),
		.kind = FIELD_VALIDITY, .width = 10, .max_bytes = 10,
		.flags = FIELD_REQUIRED,
	},
	{
		.key = "original_sighted", .label = N_("Original ID card sighted"),
		.help = N_("Tick once you hold the original ID card, not a copy."),
		.kind = FIELD_TICK, .width = 1, .max_bytes = 1,
		.flags = FIELD_REQUIRED, .missing = TICK_MISSING,
	},
	{
		.key = "photocopy_taken", .label = N_("Photocopy taken"),
		.help = N_("Tick once a photocopy of both sides of the ID card is taken."),
		.kind = FIELD_TICK, .width = 1, .max_bytes = 1,
		.flags = FIELD_REQUIRED, .missing = TICK_MISSING,
	},
	{
		.key = "face", .label = N_("Face recognition"),
		.help = N_("The result the face-recognition device showed."),
		.kind = FIELD_CHOICE, .width = 10, .max_bytes = 16,
		.flags = FIELD_REQUIRED, .choices = face_choices,
		.missing = N_("Run face recognition first."),
	},
	{
		.key = "fingerprint", .label = N_("Fingerprint collected"),
		.help = N_("Tick once the fingerprint reader has taken the fingerprint."),
		.kind = FIELD_TICK, .width = 1, .max_bytes = 1,
		.flags = FIELD_REQUIRED, .missing = TICK_MISSING,
	},
};

const struct form_def form_identity = {
	.id = "identity",
	.title = N_("Identity check"),
	.help = N_("Type the ID number and name from the ID card the applicant hands "
	    "you, and its end date.  Tick each checklist item as you do it, and "
	    "record what the face-recognition device said.  A failed face match "
	    "ends the walk-in."),
	.fields = fields,
	.nfields = (int)(sizeof fields / sizeof fields[0]),
};
