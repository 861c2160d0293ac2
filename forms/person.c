/*
 * person.c -- display names of the states the service reports.
 *
 * The strings are English and marked N_(); the screen translates them with
 * _() where it draws them.  An out-of-range value gives "?" rather than
 * crashing, because these values come from the wire.
 */
#include "forms/person.h"

#include "forms/i18n.h"

const char *person_role_name(enum role r)
{
	switch (r) {
	case ROLE_CLERK: return N_("clerk");
	case ROLE_SUPERVISOR: return N_("supervisor");
	case ROLE_TRAINER: return N_("trainer");
	}
	return "?";
}

const char *person_fn_state_name(enum fn_state s)
{
	switch (s) {
	case FN_INACTIVE: return N_("not active");
	case FN_ACTIVE: return N_("active");
	case FN_REPORTED_LOST: return N_("reported lost");
	}
	return "?";
}

const char *person_card_state_name(enum card_state s)
{
	switch (s) {
	case CARD_NORMAL: return N_("normal");
	case CARD_LOST: return N_("lost");
	}
	return "?";
}
