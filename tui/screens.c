/*
 * screens.c -- the list of every screen, in the order a walk-in meets them.
 * A new screen is a new tui/screen_X.c and one line here.
 */
#include "tui/screens.h"

#include <stddef.h>

const struct screen *const screens[] = {
	&screen_signin,
	&screen_home,
	&screen_identity,
	&screen_person,
	&screen_medical,
	&screen_receipt,
	&screen_draft,
	&screen_poa_insured,
	&screen_poa,
	&screen_approvals,
	&screen_approval,
	&screen_household,
	&screen_newborn,
	&screen_cardsvc,
	&screen_pin,
	&screen_query,
	NULL,
};
