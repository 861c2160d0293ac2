/*
 * card_svc.h -- what the card services (PIN reset, financial activation,
 * the 300-day remedy, replacement, new card, contribution query) keep
 * while one runs.
 *
 * It lives in one sodium_malloc'd block (guard pages, locked, wiped by
 * sodium_free) held by app->cs, made by card_svc_get() and dropped with
 * the walk-in's services (app_drop_services -> card_svc_drop).  The new
 * PIN is typed straight into pin1/pin2 here: never into a libform buffer,
 * a form_state (so never into a draft journal), the audit, a log or the
 * screen (only dots are drawn).
 */
#ifndef SSDESK_CARD_SVC_H
#define SSDESK_CARD_SVC_H

#include <stdbool.h>

#include "forms/contrib.h"
#include "forms/form.h"
#include "forms/pin.h"
#include "net/seal.h"
#include "tui/app.h"

enum cs_mode {
	CS_FINANCIAL,       /* financial activation alone */
	CS_REMEDY,          /* step 1 financial (if needed), step 2 cancel-loss */
	CS_REPLACE,         /* report the card lost, issue a replacement */
	CS_NEW_CARD,        /* a first card */
};

enum pin_stage {
	PIN_ST_CHALLENGE,   /* asking the service for a challenge */
	PIN_ST_FIRST,       /* the applicant types the new PIN */
	PIN_ST_SECOND,      /* and again */
	PIN_ST_SENDING,
	PIN_ST_RESEND,      /* the answer was lost: F2 sends the same box */
	PIN_ST_STUCK,       /* refused for good (wrong sealing key...) */
};

struct card_svc {
	enum cs_mode mode;
	int step;                      /* CS_REMEDY: 1 or 2 */
	char step1_app[REF_MAX];       /* CS_REMEDY: step 1's application */
	bool form_ready;               /* finform is for this card */
	struct form_state finform;     /* financial: the bank account number */
	char idem[37];                 /* Idempotency-Key of the current write */

	/* PIN entry (tui/screen_pin.c). */
	char pin_card[REF_MAX];
	char pin_card_masked[32];
	enum pin_stage pin_stage;
	char pin1[PIN_LEN + 1], pin2[PIN_LEN + 1];
	int pin1_n, pin2_n;
	char challenge[64];
	char sealed[SEAL_BOX_B64];     /* the box sent (for a resend only) */
	char pin_idem[37];

	/* The contribution query (tui/screen_query.c). */
	bool have_contrib;
	struct contributions contrib;
	int filter;                    /* -1 all, else enum contrib_type */
	int top;                       /* first row shown */
};

/* app->cs, made (zeroed) if there is none; NULL if out of memory. */
struct card_svc *card_svc_get(struct app *app);
/* Wipe and free app->cs. */
void card_svc_drop(struct app *app);

/* What every card service does with its application's answer: on success
 * keep the application, update the card shown, go to the receipt; on a
 * refusal say why where the clerk can act (the person screen for the
 * card's state, the identity check for an old check, else here). */
void card_svc_done(struct app *app, const struct api_error *err,
    const struct application *res);

/* Start a card service on the chosen card (tui/screen_cardsvc.c): the
 * service's own pre-checks are done by the caller (tui/services.c). */
void card_svc_start(struct app *app, enum cs_mode mode);
/* The contribution query of the checked person (tui/screen_query.c). */
void query_start(struct app *app);
/* Set a card's PIN (tui/screen_pin.c): the applicant types it twice on
 * the screen turned to them; sealed to app->seal with a challenge.  For
 * any card of the checked person: a PIN reset, a new or replacement
 * card's initial PIN, a newborn's card.  card_id and masked are copied. */
void pin_flow_start(struct app *app, const char *card_id,
    const char *masked);

#endif
