/*
 * services.h -- the counter's services on the terminal: one unit each,
 * one table.
 *
 * A service on the terminal is one file, tui/svc_X.c, exporting one
 * `const struct svc_unit svc_X`, and one row in svc_units[] (tui/
 * services.c), the way a tmux command is one cmd-X.c and one row of
 * cmd_table[].  The unit names its service (its label, noun and rules
 * come from forms/service.c), what it keeps while a walk-in lasts (its
 * own state, made on first use and wiped with the walk-in: nothing of a
 * service is a member of struct app), which forms of that state the
 * clerk's draft journals, and what starts it from the person screen.
 *
 * The person screen lists, in table order, every unit it can start
 * (svc_startable) whose shown() is true for the person; starting one first applies the
 * service's rule (svc_allowed: the terminal mirrors the service's own
 * check), then goes to the unit's first screen.  A service whose work is
 * a confirmation (F2 confirms, no form) needs no screen file of its own:
 * its unit points at svc_confirm (tui/svc_confirm.h).
 */
#ifndef SSDESK_SERVICES_H
#define SSDESK_SERVICES_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/form.h"
#include "forms/journal.h"
#include "forms/service.h"
#include "tui/app.h"

struct svc_confirm;

/* A form the unit keeps in its state, journaled in the draft as slot. */
struct svc_form {
	const char *slot;          /* the pairs' prefix ("medical") */
	const struct form_def *def;
	size_t offset;             /* of its struct form_state in the state */
};

#define SVC_FORMS_MAX 2

struct svc_unit {
	enum service_id id;        /* its row in forms/service.c */
	size_t state_size;         /* what it keeps (0: nothing) */
	/* Its journaled forms (a draft keeps them as typed; a field marked
	 * FIELD_NOJOURNAL never reaches it). */
	struct svc_form forms[SVC_FORMS_MAX];
	/* What else it needs to take the work up again, as pairs of names
	 * of its own, and back (after its forms); NULL: nothing. */
	void (*save)(struct app *app, const void *state,
	    struct journal_doc *d);
	void (*restore)(struct app *app, void *state,
	    const struct journal_doc *d);
	/* The person screen: listed only if shown() (NULL: always), and
	 * what Enter on it does (NULL: not on the list, unless confirm). */
	bool (*shown)(const struct app *app);
	void (*start)(struct app *app);
	/* A confirmation service: what tui/svc_confirm.c shows and sends;
	 * it starts there, with no start() of its own. */
	const struct svc_confirm *confirm;
};

/* Every unit, in the person screen's order; NULL-terminated. */
extern const struct svc_unit *const svc_units[];

/* Whether the person screen can start u; start it. */
bool svc_startable(const struct svc_unit *u);
void svc_start(struct app *app, const struct svc_unit *u);

/* The unit's state, made (zeroed, in guarded memory) on first use; NULL
 * only if out of memory.  It lasts until svc_drop_all(). */
void *svc_state(struct app *app, const struct svc_unit *u);
/* The same, or NULL if it was never made. */
void *svc_peek(const struct app *app, const struct svc_unit *u);
/* The walk-in is over: every form in every unit's state cleared, every
 * state wiped and freed. */
void svc_drop_all(struct app *app);

/* The draft (tui/draft.c): every unit's forms and pairs into d, and back;
 * whether the clerk typed anything into a unit's form. */
void svc_save_all(struct app *app, struct journal_doc *d);
void svc_restore_all(struct app *app, const struct journal_doc *d,
    const struct form_ctx *ctx);
bool svc_typed(const struct app *app);

/* The service's rule for the person and the chosen card (forms/
 * service.c): true if it may start; else the reason is on the person
 * screen and false. */
bool svc_allowed(struct app *app, enum service_id id);
/* The notice under the services (a refusal and its remedy). */
void person_notice(struct app *app, enum app_msg_kind kind, const char *text);

#endif
