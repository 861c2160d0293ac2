/*
 * svc_approvals.h -- the approval queue and my submissions
 * (tui/screen_approvals.c) and one delegated activation with the
 * supervisor's decision (tui/screen_approval.c): the decision's unit and
 * what the two screens keep.
 */
#ifndef SSDESK_SVC_APPROVALS_H
#define SSDESK_SVC_APPROVALS_H

#include <stdbool.h>

#include "forms/form.h"
#include "net/api.h"
#include "tui/screens.h"
#include "tui/services.h"

struct approvals_work {
	bool mine;                     /* "My submissions", else the queue */
	struct approval approval;      /* the one opened */
	struct form_state reject_form; /* a rejection's reason */
	char decide_idem[37];          /* the decision's Idempotency-Key */
};

/* The unit's state (made on first use; NULL only without memory). */
struct approvals_work *approvals_work(struct app *app);
/* Home: the queue (a supervisor's) or my submissions. */
void approvals_open(struct app *app, bool mine);

/* What the list and the detail both say of one: the activation asked
 * for ("ss": "Social-security function"...), its state ("Pending",
 * "Approved by 陈主管 2026-11-22 10:02", "Rejected: why"). */
const char *approvals_activation_name(const char *key);
void approvals_state_text(char *out, size_t outsz, const struct approval *ap);

extern const struct svc_unit svc_approvals;
extern const struct screen screen_approvals;
extern const struct screen screen_approval;

#endif
