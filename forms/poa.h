/*
 * poa.h -- the rules of an activation done by an agent under a power of
 * attorney (seed 004), and its forms.  Pure: the terminal checks them
 * before sending, the service (sim/) checks them again with the same code.
 * "today" is always an argument: the service's calendar, not the clock.
 */
#ifndef SSDESK_POA_H
#define SSDESK_POA_H

#include <stdbool.h>

#include "forms/date.h"
#include "forms/form.h"

/* A power of attorney may be at most this many days old (docs/api.md). */
#define POA_MAX_AGE_DAYS 180

enum poa_activation { POA_ACT_SS, POA_ACT_FIN, POA_ACT_PIN_RESET,
	POA_ACT_UNKNOWN };

enum poa_err {
	POA_OK,
	POA_DATE_INVALID,      /* not a date */
	POA_DATE_FUTURE,       /* signed after today */
	POA_DATE_TOO_OLD,      /* signed more than POA_MAX_AGE_DAYS ago */
	POA_SCOPE,             /* the POA does not cover the activation */
	POA_PIN_RESET,         /* never delegated */
	POA_SELF,              /* the agent is the insured */
};

/* "ss", "fin", "pin_reset" -> the activation; else POA_ACT_UNKNOWN. */
enum poa_activation poa_activation_parse(const char *key);
const char *poa_activation_key(enum poa_activation a);
enum poa_err poa_check_date(struct date signed_on, struct date today);
/* signed_on as typed ("YYYY-MM-DD" or "YYYYMMDD"). */
enum poa_err poa_check_date_text(const char *signed_on, struct date today);
enum poa_err poa_check_activation(enum poa_activation act, bool covers_ss,
    bool covers_fin);
/* Both full ID numbers, as typed (case of a final X ignored). */
bool poa_agent_is_insured(const char *agent, const char *insured);
/* The clerk's sentence for e (translated, with the limit in it). */
const char *poa_strerror(enum poa_err e);

/* The forms of a delegated activation (forms/form_delegation.c): who the
 * agent acts for, then the card, the activation and the power of
 * attorney. */
extern const struct form_def form_poa_insured;
extern const struct form_def form_poa;
/* A supervisor's reason for rejecting a delegated activation. */
extern const struct form_def form_reject;

#endif
