/*
 * svc_newborn.h -- a newborn's registration from the household register
 * (seeds 000, 003): its unit, its two screens (tui/svc_household.c,
 * tui/svc_newborn.c) and what they keep.
 */
#ifndef SSDESK_SVC_NEWBORN_H
#define SSDESK_SVC_NEWBORN_H

#include "forms/form.h"
#include "forms/newborn.h"
#include "tui/screens.h"
#include "tui/services.h"

/* What the newborn registration keeps while the walk-in lasts. */
struct newborn_work {
	struct form_state form;        /* the register number */
	bool have_household;
	struct household household;    /* as the service gave it (masked) */
	int sel;                       /* the highlighted member */
	int child;                     /* member_no of the child, or 0 */
	char idem[37];                 /* the registration's key */
};

/* The unit's state (made on first use; NULL only without memory). */
struct newborn_work *newborn_work(struct app *app);

/* The ID number of the newborn whose first card card_id the last
 * registration issued (the birth date from the household record within
 * its masked number), for the local weak-PIN check of the PIN the parent
 * sets for the child: true and out, else false (not a newborn's card). */
bool newborn_card_holder(struct app *app, const char *card_id,
    char out[19]);

extern const struct svc_unit svc_newborn;
extern const struct screen screen_household;
extern const struct screen screen_newborn;

#endif
