/*
 * queued.c -- writes in the outbox and their late answers (see queued.h).
 */
#include "tui/queued.h"

#include <stdio.h>
#include <string.h>

#include "forms/i18n.h"
#include "tui/audit_log.h"

/* What the clerk calls each write, in the status line. */
static const char *const queued_label[OUTBOX_NKINDS] = {
	[OUTBOX_MEDICAL] = N_("medical activation"),
	[OUTBOX_FINANCIAL] = N_("financial activation"),
	[OUTBOX_CANCEL_LOSS] = N_("cancellation of the loss report"),
	[OUTBOX_REPLACEMENT] = N_("replacement card"),
	[OUTBOX_NEW_CARD] = N_("new card"),
	[OUTBOX_DELEGATED] = N_("delegated activation"),
	[OUTBOX_NEWBORN] = N_("newborn registration"),
	[OUTBOX_DECISION] = N_("decision"),
};

/* Who waits for each queued write.  A slot whose write is no longer in
 * the outbox (dropped at sign-out) is free again. */
#define QUEUED_SLOTS 32
struct queued {
	bool used;
	struct app *app;
	enum outbox_kind kind;
	char key[37];
	queued_live_fn *live;
	api_application_cb *here;
};
static struct queued queued_slots[QUEUED_SLOTS];
/* When every slot is taken: the status line only. */
static struct queued queued_spare;

bool
queued_lost(const struct api_error *err)
{
	return err != NULL && (err->result == API_UNREACHABLE ||
	    err->result == API_TIMEOUT);
}

void *
queued_slot(struct app *app, enum outbox_kind k, const char *idem_key,
    queued_live_fn *live, api_application_cb *here)
{
	struct queued *q = &queued_spare;

	for (size_t i = 0; i < QUEUED_SLOTS; i++)
		if (!queued_slots[i].used || !outbox_has_key(app->outbox,
		    queued_slots[i].key)) {
			q = &queued_slots[i];
			break;
		}
	memset(q, 0, sizeof *q);
	q->used = q != &queued_spare;
	q->app = app;
	q->kind = k;
	snprintf(q->key, sizeof q->key, "%s", idem_key ? idem_key : "");
	if (q->used) {
		q->live = live;
		q->here = here;
	}
	return q;
}

/* The slot's content, the slot freed: the callback may queue again. */
static struct queued
queued_take(void *arg)
{
	struct queued *q = arg, copy = *q;

	memset(q, 0, sizeof *q);
	return copy;
}

static void
queued_failed(struct app *app, enum outbox_kind k,
    const struct api_error *err)
{
	char text[APP_MSG_MAX];

	if (app_session_expired(app, err))
		return;
	app_error_text(text, sizeof text, err);
	app_msg(app, APP_MSG_ERROR, _("The %s that waited in the outbox was "
	    "not done: %s"), _(queued_label[k]), text);
}

void
queued_application(void *arg, const struct api_error *err,
    const struct application *res)
{
	struct queued q = queued_take(arg);
	const char *live;

	if (q.here != NULL && q.live != NULL && q.app->walkin &&
	    (live = q.live(q.app)) != NULL && strcmp(live, q.key) == 0) {
		q.here(q.app, err, res);
		return;
	}
	if (err == NULL || err->result == API_OK) {
		app_msg(q.app, APP_MSG_INFO, _("The %s that waited in the "
		    "outbox was accepted: application %s."),
		    _(queued_label[q.kind]), res->application_id);
		app_audit_submit(q.app, outbox_kind_name(q.kind), err, res);
		return;
	}
	if (err->result == API_REFUSED)
		app_audit_submit(q.app, outbox_kind_name(q.kind), err, res);
	queued_failed(q.app, q.kind, err);
}

void
queued_decision(void *arg, const struct api_error *err,
    const struct approval *res)
{
	struct queued q = queued_take(arg);

	if (err == NULL || err->result == API_OK) {
		app_audit(q.app, strcmp(res->status, "approved") == 0 ?
		    "approve" : "reject", "%s card %s", res->application_id,
		    res->card.number_masked[0] ? res->card.number_masked : "-");
		app_msg(q.app, APP_MSG_INFO, strcmp(res->status, "approved")
		    == 0 ? _("The decision that waited in the outbox was "
		    "recorded: application %s approved.") : _("The decision "
		    "that waited in the outbox was recorded: application %s "
		    "rejected."), res->application_id);
		return;
	}
	queued_failed(q.app, q.kind, err);
}

void
queued_told(struct app *app, enum outbox_kind k, const struct api_error *err)
{
	app_msg(app, APP_MSG_WARN, err != NULL && err->result == API_TIMEOUT ?
	    _("No answer in time. The %s waits in the outbox and is sent by "
	    "itself when the service is back (F5: now), never twice.") :
	    _("The service cannot be reached. The %s waits in the outbox and "
	    "is sent by itself when it is back (F5: now), never twice."),
	    _(queued_label[k]));
}

bool
queued_waits(struct app *app, enum outbox_kind k, const char *idem_key)
{
	if (idem_key == NULL || idem_key[0] == '\0' ||
	    !outbox_has_key(app->outbox, idem_key))
		return false;
	app_msg(app, APP_MSG_WARN, _("This %s waits in the outbox and is sent "
	    "by itself when the service is back. F5 sends it now."),
	    _(queued_label[k]));
	return true;
}

int
queued_restore(struct app *app, const struct outbox_entry *e)
{
	void *arg = queued_slot(app, e->kind, e->idem_key, NULL, NULL);

	return outbox_add_kind(app->outbox, e->kind, e->path, e->body,
	    e->idem_key, e->kind == OUTBOX_DECISION ?
	    (void (*)(void))queued_decision :
	    (void (*)(void))queued_application, arg);
}
