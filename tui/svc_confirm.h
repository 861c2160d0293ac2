/*
 * svc_confirm.h -- the card services whose work is a confirmation: the
 * person and the card on screen, what will be done, F2 confirms
 * (tui/svc_confirm.c).  Such a service is one unit row in tui/
 * services.c with a struct svc_confirm, and no file of its own.
 */
#ifndef SSDESK_SVC_CONFIRM_H
#define SSDESK_SVC_CONFIRM_H

#include "tui/screens.h"
#include "tui/services.h"

struct svc_confirm {
	const char *title;         /* N_(), or NULL: the service's label */
	const char *text;          /* N_(): what F2 does, said plainly */
	const char *busy;          /* N_(): the spinner's line */
	bool no_card;              /* the write names no card (a first card) */
};

/* The state every confirmation unit keeps: state_size of its unit. */
struct svc_confirm_state {
	char idem[37];             /* the write's key until its answer */
};

extern const struct screen screen_confirm;

/* The start of a confirmation unit: its rule, then its screen. */
void svc_confirm_start(struct app *app, const struct svc_unit *u);

#endif
