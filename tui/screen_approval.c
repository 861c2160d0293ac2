/*
 * screen_approval.c -- one delegated activation in full, where a
 * supervisor approves it or rejects it with a reason.  The service
 * decides who may do what (a clerk cannot decide; nobody decides their
 * own submission; a decision stands): its refusals are shown as they
 * come, with who decided first.  A decision whose answer never came waits
 * in the outbox.
 */
#include "tui/svc_approvals.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "forms/poa.h"
#include "tui/audit_log.h"
#include "tui/deleg.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/messages.h"
#include "tui/queued.h"

#define W(app) approvals_work(app)

static bool rejecting;   /* the reason form is open */
static bool confirming;  /* "approve? y/n" asked */

static bool
own_submission(struct app *app)
{
	return strcmp(W(app)->approval.submitted_by_id, app->staff.staff_id) == 0;
}

/* What the screen offers; the service decides again. */
static bool
may_decide(struct app *app)
{
	return app->staff.role == ROLE_SUPERVISOR && !own_submission(app) &&
	    strcmp(W(app)->approval.status, "pending-approval") == 0;
}

static void
detail_view(struct app *app)
{
	if (rejecting)
		deleg_open(app, &W(app)->reject_form, &form_reject,
		    getmaxy(app->body) - 5);
}

static void
detail_enter(struct app *app)
{
	rejecting = false;
	confirming = false;
	if (W(app)->reject_form.def != NULL)
		form_clear(&W(app)->reject_form);
	api_idempotency_key(W(app)->decide_idem);
}

static const char *
yes_no(bool b)
{
	return b ? _("yes") : _("NO");
}

static void
detail_draw(struct app *app)
{
	WINDOW *w = app->body;
	const struct approval *ap = &W(app)->approval;
	char line[3 * TEXT_MAX], when[32], signed_on[DATE_STR];
	int cols = getmaxx(w), rows = getmaxy(w), y = 0;

	wattrset(w, A_BOLD);
	snprintf(line, sizeof line, "%s %s", _(screen_approval.name),
	    ap->application_id);
	draw_text(w, y++, 2, line, cols - 4);
	wattrset(w, A_NORMAL);
	deleg_when(when, sizeof when, ap->submitted_at);
	snprintf(line, sizeof line, _("Submitted by %s (%s) at counter %s, "
	    "%s"), ap->submitted_by_name, ap->submitted_by_id, ap->counter,
	    when);
	draw_text(w, y++, 2, line, cols - 4);
	snprintf(line, sizeof line, "%s: %s  %s", _("Insured"),
	    ap->insured.name, ap->insured.id_masked);
	draw_text(w, ++y, 2, line, cols - 4);
	snprintf(line, sizeof line, "%s: %s  %s", _("Agent"), ap->agent.name,
	    ap->agent.id_masked);
	draw_text(w, ++y, 2, line, cols - 4);
	snprintf(line, sizeof line, "%s: %s  %s", _("Card"),
	    ap->card.number_masked, ap->card.bank);
	draw_text(w, ++y, 2, line, cols - 4);
	snprintf(line, sizeof line, "%s: %s", _("Activate"),
	    approvals_activation_name(ap->activation));
	draw_text(w, ++y, 2, line, cols - 4);
	date_format(signed_on, ap->poa_signed_on);
	snprintf(line, sizeof line, _("POA %s signed %s; covers "
	    "social-security: %s, financial: %s"), ap->poa_number, signed_on,
	    yes_no(ap->covers_ss), yes_no(ap->covers_fin));
	draw_text(w, ++y, 2, line, cols - 4);
	snprintf(line, sizeof line, _("Checklist: insured's original ID "
	    "sighted %s; copies of both IDs %s; POA original sighted %s"),
	    yes_no(ap->insured_original_sighted),
	    yes_no(ap->photocopies_taken), yes_no(ap->poa_original_sighted));
	draw_wrap(w, ++y, 2, line, cols - 4, 2);
	y += 2;
	approvals_state_text(line, sizeof line, ap);
	wattrset(w, A_BOLD);
	draw_wrap(w, y, 2, line, cols - 4, 2);
	wattrset(w, A_NORMAL);
	y += 3;
	if (rejecting) {
		if (app->fv != NULL)
			form_view_draw(app->fv);
		app->cursor_win = w;
		return;
	}
	if (!may_decide(app)) {
		if (app->staff.role == ROLE_SUPERVISOR && own_submission(app) &&
		    strcmp(ap->status, "pending-approval") == 0)
			draw_text(w, y, 2, _("Your own submission: another "
			    "supervisor decides on it."), cols - 4);
		return;
	}
	draw_text(w, y, 2, confirming ?
	    _("Approve and activate now? y: yes, n: no") :
	    _("a: approve (activates now)   r: reject with a reason"),
	    cols - 4);
	(void)rows;
}

/* The item as the service has it now (after a refusal: who decided). */
static void
detail_refreshed(void *arg, const struct api_error *err,
    const struct approval *res)
{
	struct app *app = arg;

	app_idle(app);
	if (err == NULL || err->result == API_OK)
		W(app)->approval = *res;
	app->dirty = true;
}

/* The decision being sent: approve, or reject with this reason. */
static bool decide_approve;

/* The answer never came: the same decision, with the same key, waits in
 * the outbox; its answer comes to the status line (tui/queued.h). */
static bool
decide_queue(struct app *app, const struct api_error *err)
{
	struct decision_request req = {
		.application_id = W(app)->approval.application_id,
		.approve = decide_approve,
		.reason = decide_approve ? "" :
		    form_get_key(&W(app)->reject_form, "reason"),
		.idem_key = W(app)->decide_idem,
	};

	if (!queued_lost(err) || W(app)->decide_idem[0] == '\0' ||
	    queued_add(app, SERVICE_DECISION, &req, W(app)->decide_idem, NULL,
	    NULL) != 0)
		return false;
	rejecting = false;
	confirming = false;
	queued_told(app, SERVICE_DECISION, err);
	return true;
}

static void
decide_done(void *arg, const struct api_error *err,
    const struct approval *res)
{
	struct app *app = arg;
	char text[APP_MSG_MAX];

	app_idle(app);
	if (err == NULL || err->result == API_OK)
		app_audit(app, strcmp(res->status, "approved") == 0 ?
		    "approve" : "reject", "%s card %s", res->application_id,
		    res->card.number_masked[0] ? res->card.number_masked : "-");
	else if (err->result == API_REFUSED)
		app_audit(app, "decide_refused", "%s %s",
		    W(app)->approval.application_id, err->code);
	if (err == NULL || err->result == API_OK) {
		W(app)->approval = *res;
		rejecting = false;
		if (W(app)->reject_form.def != NULL)
			form_clear(&W(app)->reject_form);
		app_goto(app, &screen_approval);
		app_msg(app, APP_MSG_INFO, "%s",
		    strcmp(res->status, "approved") == 0 ?
		    _("Approved: the function is active now.") :
		    _("Rejected; the clerk sees the reason."));
		return;
	}
	if (err->result == API_REFUSED && strcmp(err->code, "reason_required")
	    == 0) {
		deleg_call_failed(app, &W(app)->reject_form, err);
		return;
	}
	if (app_session_expired(app, err))
		return;
	if (decide_queue(app, err))
		return;
	app_error_text(text, sizeof text, err);
	if (err->result == API_REFUSED) {
		/* Decided elsewhere, or not ours to decide: this item is
		 * done here; a new key for anything after. */
		rejecting = false;
		confirming = false;
		app_goto(app, &screen_approval);
		app_msg(app, APP_MSG_ERROR, "%s", text);
		app_busy(app, MSG_BUSY_ASKING);
		api_approval_get(app->api, W(app)->approval.application_id,
		    detail_refreshed, app);
		return;
	}
	app_msg(app, APP_MSG_ERROR, "%s", text);
}

static void
decide(struct app *app, bool approve)
{
	const char *reason = "";
	int first;

	if (app->busy || queued_waits(app, SERVICE_DECISION, W(app)->decide_idem))
		return;
	decide_approve = approve;
	if (!approve) {
		if (form_ready(&W(app)->reject_form, &first) != 0) {
			deleg_not_ready(app, &W(app)->reject_form, first);
			return;
		}
		reason = form_get_key(&W(app)->reject_form, "reason");
	}
	app_busy(app, approve ? _("Approving… Esc cancels") :
	    _("Rejecting… Esc cancels"));
	api_write_decision(app->api, &(struct decision_request){
		.application_id = W(app)->approval.application_id,
		.approve = approve, .reason = reason,
		.idem_key = W(app)->decide_idem }, decide_done, app);
}

static void
detail_key(struct app *app, const struct key_event *ev)
{
	if (rejecting) {
		if (ev->act == ACT_BACK) {
			rejecting = false;
			app_goto(app, &screen_approval);
			return;
		}
		if (form_view_key(app->fv, ev) == FV_SUBMIT)
			decide(app, false);
		app->dirty = true;
		return;
	}
	switch (ev->act) {
	case ACT_CHAR:
		if (!may_decide(app))
			return;
		if (confirming && (ev->ch == L'y' || ev->ch == L'Y')) {
			confirming = false;
			decide(app, true);
		} else if (confirming) {
			confirming = false;
		} else if (ev->ch == L'a' || ev->ch == L'A') {
			confirming = true;
		} else if (ev->ch == L'r' || ev->ch == L'R') {
			rejecting = true;
			detail_view(app);
		}
		break;
	case ACT_BACK:
	case ACT_QUIT:
		app_goto(app, &screen_approvals);
		break;
	default:
		return;
	}
	app->dirty = true;
}

const struct screen screen_approval = {
	.name = N_("Delegated activation"),
	.help = N_("Everything the clerk recorded. A supervisor approves (a, "
	    "then y: the activation is made at once) or rejects with a reason "
	    "(r, type the reason, F2). Nobody decides their own submission, "
	    "and a decision stands: if another supervisor decided first, the "
	    "service says who and when. Esc goes back to the list."),
	.enter = detail_enter,
	.draw = detail_draw,
	.key = detail_key,
	.leave = NULL,
	.resize = detail_view,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "a", N_("Approve") },
		{ "r", N_("Reject") },
		SCREEN_FKEY_BACK,
	},
};
