/*
 * queued.c -- writes in the outbox and their late answers (see queued.h).
 */
#include "tui/queued.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "forms/i18n.h"
#include "forms/mask.h"
#include "tui/audit_log.h"
#include "tui/messages.h"
#include "tui/screens.h"

const char *
queued_label(enum service_id k)
{
	const struct service_def *d = service_def(k);

	return d != NULL ? _(d->noun) : "";
}

/* Who waits for each queued write.  A slot whose write is no longer in
 * the outbox (dropped at sign-out) is free again. */
#define QUEUED_SLOTS 64
struct queued {
	bool used;
	struct app *app;
	enum service_id kind;
	char key[37];
	char note[QUEUED_NOTE_MAX];
	char held[48];             /* the code last said for it (HELD) */
	queued_live_fn *live;
	api_application_cb *here;
};
static struct queued queued_slots[QUEUED_SLOTS];
/* When every slot is taken: the status line only. */
static struct queued queued_spare;

static struct queued_refusal queued_refused[QUEUED_REFUSALS_MAX];
static size_t queued_nrefused;

bool
queued_lost(const struct api_error *err)
{
	return err != NULL && (err->result == API_UNREACHABLE ||
	    err->result == API_TIMEOUT);
}

static struct queued *
queued_find(const char *idem_key)
{
	for (size_t i = 0; idem_key != NULL && i < QUEUED_SLOTS; i++)
		if (queued_slots[i].used &&
		    strcmp(queued_slots[i].key, idem_key) == 0)
			return &queued_slots[i];
	return NULL;
}

const char *
queued_note(const char *idem_key)
{
	const struct queued *q = queued_find(idem_key);

	return q != NULL ? q->note : "";
}

/* What the write is about, from the walk-in (masked only). */
static void
queued_about(struct app *app, enum service_id k, char *out, size_t sz)
{
	char name[QUEUED_NOTE_MAX] = "";
	const struct card *c = app_card(app);

	if (app->have_identity)
		name_mask(name, sizeof name, app->identity.person.name);
	/* Cut to fit if need be: it is only shown. */
	if (snprintf(out, sz, "%s%s%s", name[0] ? name : "-", c ? " · " : "",
	    c ? c->number_masked : "") >= (int)sz)
		out[sz - 1] = '\0';
}

static void *
queued_fill(struct app *app, enum service_id k, const char *idem_key,
    const char *note)
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
	snprintf(q->note, sizeof q->note, "%s", note ? note : "");
	return q;
}

void *
queued_slot(struct app *app, enum service_id k, const char *idem_key,
    queued_live_fn *live, api_application_cb *here)
{
	char note[QUEUED_NOTE_MAX];
	struct queued *q;

	queued_about(app, k, note, sizeof note);
	q = queued_fill(app, k, idem_key, note);
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

/* ---- refusals ---------------------------------------------------------- */

static void
queued_refusal_add(struct app *app, enum service_id k, const char *note,
    const char *why)
{
	struct queued_refusal *r;
	time_t now = time(NULL);
	struct tm tm;

	if (queued_nrefused == QUEUED_REFUSALS_MAX) {
		/* The audit log has it; the list says there are more. */
		app_audit(app, "refusal_not_listed", "%s", service_wire(k));
		return;
	}
	r = &queued_refused[queued_nrefused++];
	memset(r, 0, sizeof *r);
	r->kind = k;
	localtime_r(&now, &tm);
	strftime(r->when, sizeof r->when, "%Y-%m-%d %H:%M", &tm);
	snprintf(r->note, sizeof r->note, "%s", note ? note : "");
	snprintf(r->why, sizeof r->why, "%s", why);
	app->dirty = true;
}

size_t
queued_refusals(void)
{
	return queued_nrefused;
}

const struct queued_refusal *
queued_refusal(size_t i)
{
	return i < queued_nrefused ? &queued_refused[i] : NULL;
}

void
queued_refusal_ack(struct app *app)
{
	if (queued_nrefused == 0)
		return;
	app_audit(app, "refusal_acknowledged", "%s %s",
	    service_wire(queued_refused[0].kind), queued_refused[0].note);
	memmove(&queued_refused[0], &queued_refused[1],
	    (queued_nrefused - 1) * sizeof queued_refused[0]);
	queued_nrefused--;
	memset(&queued_refused[queued_nrefused], 0, sizeof queued_refused[0]);
	app->dirty = true;
}

int
queued_refusal_restore(const struct queued_refusal *r)
{
	if (queued_nrefused == QUEUED_REFUSALS_MAX || service_def(r->kind) ==
	    NULL)
		return -1;
	queued_refused[queued_nrefused++] = *r;
	return 0;
}

void
queued_refusals_clear(void)
{
	memset(queued_refused, 0, sizeof queued_refused);
	queued_nrefused = 0;
}

/* A write of the outbox refused, its work over: listed until
 * acknowledged, and said now. */
static void
queued_refused_now(struct app *app, enum service_id k, const char *note,
    const struct api_error *err)
{
	char text[APP_MSG_MAX];

	app_error_text(text, sizeof text, err);
	queued_refusal_add(app, k, note, text);
	app_msg(app, APP_MSG_ERROR, MSG_OUTBOX_REFUSED, queued_label(k));
}

/* ---- answers ----------------------------------------------------------- */

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
	app_audit_submit(q.app, q.kind, err, res);
	if (err == NULL || err->result == API_OK) {
		app_msg(q.app, APP_MSG_INFO, MSG_OUTBOX_ACCEPTED,
		    queued_label(q.kind), res->application_id);
		return;
	}
	queued_refused_now(q.app, q.kind, q.note, err);
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
		    == 0 ? MSG_OUTBOX_APPROVED : MSG_OUTBOX_REJECTED,
		    res->application_id);
		return;
	}
	app_audit(q.app, "decide_refused", "%s %s", q.note, err->code);
	queued_refused_now(q.app, q.kind, q.note, err);
}

/* ---- what the outbox tells besides answers ---------------------------- */

static void
queued_held(struct app *app, struct queued *q, const struct outbox_entry *e,
    const struct api_error *err)
{
	char text[APP_MSG_MAX];

	if (err->result == API_SESSION_EXPIRED ||
	    strcmp(err->code, "session_expired") == 0) {
		/* It waits for the clerk's next sign-in, same key. */
		if (app->signed_in)
			app_session_expired(app, err);
		return;
	}
	/* Said once per reason, not at every try. */
	if (q != NULL && strcmp(q->held, err->code) == 0 && err->code[0])
		return;
	if (q != NULL)
		snprintf(q->held, sizeof q->held, "%s", err->code);
	app_error_text(text, sizeof text, err);
	app_msg(app, APP_MSG_WARN, MSG_OUTBOX_HELD, queued_label(e->kind),
	    text);
}

static void
queued_event(void *arg, enum outbox_event ev, const struct outbox_entry *e,
    const struct api_error *err, const struct write_status *ws)
{
	struct app *app = arg;
	struct queued *q = queued_find(e->idem_key);
	const char *note = q != NULL ? q->note : "";

	switch (ev) {
	case OUTBOX_HELD:
		queued_held(app, q, e, err);
		return;
	case OUTBOX_DONE_EARLIER:
		/* Never reported "accepted" twice: a draft put back may be an
		 * older copy of itself. */
		app_audit(app, "outbox_done_earlier", "%s %s %s",
		    service_wire(e->kind), ws->application_id, ws->status);
		app_msg(app, APP_MSG_WARN, e->restored ? MSG_OUTBOX_DRAFT_OLDER :
		    MSG_OUTBOX_DONE_EARLIER, queued_label(e->kind),
		    ws->application_id);
		break;
	case OUTBOX_TOO_OLD:
		app_audit(app, "outbox_too_old", "%s %s",
		    service_wire(e->kind), note);
		queued_refusal_add(app, e->kind, note, MSG_OUTBOX_TOO_OLD_WHY);
		app_msg(app, APP_MSG_ERROR, MSG_OUTBOX_TOO_OLD,
		    queued_label(e->kind));
		break;
	}
	if (q != NULL)
		memset(q, 0, sizeof *q);
}

void
queued_attach(struct app *app)
{
	outbox_set_events(app->outbox, queued_event, app);
}

void
queued_told(struct app *app, enum service_id k, const struct api_error *err)
{
	app_msg(app, APP_MSG_WARN, err != NULL && err->result == API_TIMEOUT ?
	    MSG_OUTBOX_TOLD_TIMEOUT : MSG_OUTBOX_TOLD_UNREACHABLE,
	    queued_label(k));
}

bool
queued_waits(struct app *app, enum service_id k, const char *idem_key)
{
	if (idem_key == NULL || idem_key[0] == '\0' ||
	    !outbox_has_key(app->outbox, idem_key))
		return false;
	app_msg(app, APP_MSG_WARN, MSG_OUTBOX_WAITS, queued_label(k));
	return true;
}

/* The callback of a write of kind k queued with a slot. */
static void (*queued_cb(enum service_id k))(void)
{
	return k == SERVICE_DECISION ? (void (*)(void))queued_decision :
	    (void (*)(void))queued_application;
}

int
queued_add(struct app *app, enum service_id k, const void *req,
    const char *idem_key, queued_live_fn *live, api_application_cb *here)
{
	struct queued *q = queued_slot(app, k, idem_key, live, here);

	/* A decision is about its application, not the walk-in's person. */
	if (k == SERVICE_DECISION)
		snprintf(q->note, sizeof q->note, "%s",
		    ((const struct decision_request *)req)->application_id);
	return outbox_add_write(app->outbox, k, req, queued_cb(k), q);
}

int
queued_restore(struct app *app, const struct outbox_entry *e,
    const char *note)
{
	void *arg = queued_fill(app, e->kind, e->idem_key, note);

	return outbox_add_entry(app->outbox, e, queued_cb(e->kind), arg);
}
