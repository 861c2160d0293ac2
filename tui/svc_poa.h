/*
 * svc_poa.h -- acting for an insured person under a power of attorney
 * (seed 004): the delegated activation's unit, its two screens
 * (tui/svc_poa_insured.c, tui/svc_poa.c) and what they keep.
 */
#ifndef SSDESK_SVC_POA_H
#define SSDESK_SVC_POA_H

#include "forms/form.h"
#include "forms/person.h"
#include "tui/screens.h"
#include "tui/services.h"

#define POA_FORM_Y 2               /* both screens' forms */

/* What the delegated activation keeps while the walk-in lasts. */
struct poa_work {
	struct form_state insured_form; /* the insured's ID number and name */
	bool have_insured;             /* the service confirmed the insured */
	struct person insured;         /* as it confirmed them (masked) */
	int card;                      /* the insured's card chosen */
	struct form_state form;        /* the POA (form_poa) */
	char idem[37];                 /* the POA form's Idempotency-Key */
};

/* The unit's state (made on first use; NULL only without memory). */
struct poa_work *poa_work(struct app *app);

extern const struct svc_unit svc_poa;
extern const struct screen screen_poa_insured;
extern const struct screen screen_poa;

#endif
