/*
 * api_write.c -- every write of the contract, one row each: the path it
 * goes to, the request it takes, how that is encoded, and how its answer
 * is read.  The calls (api_write) and the outbox (net/outbox.c) both take
 * them from here, so each client-side path is written once.  A new write
 * is one row (and, if it takes a new kind of request, its encoder in
 * encode()).
 */
#include "net/api.h"

#include <stdio.h>
#include <string.h>

#include "net/api_internal.h"
#include "net/apijson.h"
#include "net/apijson_card.h"
#include "net/apijson_deleg.h"

/* The kinds of request a write takes (the void *req). */
enum api_req {
	REQ_MEDICAL,               /* struct medical_request */
	REQ_CARD,                  /* struct card_request */
	REQ_POA,                   /* struct poa_request */
	REQ_NEWBORN,               /* struct newborn_request */
	REQ_DECISION,              /* struct decision_request */
};

static const struct api_write_row {
	enum service_id id;
	const char *path;          /* the decision's: + the application */
	enum api_req req;
	bool answer_approval;      /* api_def_decide, else an application */
} api_writes[] = {
	{ SERVICE_MEDICAL, "/v1/applications/medical-activation", REQ_MEDICAL,
	    false },
	{ SERVICE_PIN_RESET, "/v1/applications/pin-reset", REQ_CARD, false },
	{ SERVICE_FINANCIAL, "/v1/applications/financial-activation",
	    REQ_CARD, false },
	{ SERVICE_CANCEL_LOSS, "/v1/applications/cancel-loss", REQ_CARD,
	    false },
	{ SERVICE_REPLACEMENT, "/v1/applications/card-replacement", REQ_CARD,
	    false },
	{ SERVICE_NEW_CARD, "/v1/applications/new-card", REQ_CARD, false },
	{ SERVICE_LOSS_REPORT, "/v1/applications/loss-report", REQ_CARD,
	    false },
	{ SERVICE_LOSS_LIFT, "/v1/applications/loss-lift", REQ_CARD, false },
	{ SERVICE_DELEGATED, "/v1/applications/delegated-activation", REQ_POA,
	    false },
	{ SERVICE_NEWBORN, "/v1/applications/newborn", REQ_NEWBORN, false },
	{ SERVICE_DECISION, NULL, REQ_DECISION, true },
};

static const struct api_write_row *
api_write_row(enum service_id id)
{
	for (size_t i = 0; i < sizeof api_writes / sizeof api_writes[0]; i++)
		if (api_writes[i].id == id)
			return &api_writes[i];
	return NULL;
}

const struct api_call_def *
api_write_def(enum service_id id)
{
	const struct api_write_row *w = api_write_row(id);

	if (w == NULL)
		return NULL;
	if (w->answer_approval)
		return api_def_decide;
	return w->req == REQ_NEWBORN ? api_def_newborn : &api_def_application;
}

/* The request's JSON (malloc'd) and its key; NULL if it cannot be. */
static char *
api_write_body(const struct api_write_row *w, const void *req,
    const char **key)
{
	switch (w->req) {
	case REQ_MEDICAL: {
		const struct medical_request *r = req;

		*key = r->idem_key;
		return apijson_encode_medical(r);
	}
	case REQ_CARD: {
		const struct card_request *r = req;

		*key = r->idem_key;
		/* The PIN reset carries its sealed box; nothing else does. */
		if ((w->id == SERVICE_PIN_RESET) != (r->sealed != NULL))
			return NULL;
		return apijson_encode_card(r, r->sealed);
	}
	case REQ_POA: {
		const struct poa_request *r = req;

		*key = r->idem_key;
		return apijson_encode_poa(r);
	}
	case REQ_NEWBORN: {
		const struct newborn_request *r = req;

		*key = r->idem_key;
		return apijson_encode_newborn(r);
	}
	case REQ_DECISION: {
		const struct decision_request *r = req;

		*key = r->idem_key;
		return apijson_encode_decision(r->approve, r->reason);
	}
	}
	return NULL;
}

int
api_write_encode(enum service_id id, const void *req, struct api_write_msg *m)
{
	const struct api_write_row *w = api_write_row(id);
	const struct decision_request *d = req;

	memset(m, 0, sizeof *m);
	if (w == NULL || req == NULL)
		return -1;
	if (w->path != NULL)
		snprintf(m->path, sizeof m->path, "%s", w->path);
	else if (api_approval_path(m->path, sizeof m->path,
	    d->application_id) == NULL)
		return -1;
	m->def = api_write_def(id);
	m->body = api_write_body(w, req, &m->idem_key);
	/* No key: the call makes a fresh one (api_call); the outbox, which
	 * must resend with the first, refuses it. */
	return m->body != NULL ? 0 : -1;
}

bool
api_write_path_ok(enum service_id id, const char *path)
{
	const struct api_write_row *w = api_write_row(id);
	char p[API_WRITE_PATH_MAX];
	size_t n;

	if (w == NULL || path == NULL)
		return false;
	if (w->path != NULL)
		return strcmp(path, w->path) == 0;
	/* The decision's: the approval path of some application. */
	n = strlen(path);
	return n < sizeof p && strrchr(path, '/') != NULL &&
	    api_approval_path(p, sizeof p, strrchr(path, '/') + 1) != NULL &&
	    strcmp(p, path) == 0;
}

void
api_write(struct api *a, enum service_id id, const void *req,
    void (*cb)(void), void *arg)
{
	struct api_write_msg m;
	const struct api_call_def *def = api_write_def(id);

	if (def == NULL)
		def = &api_def_application;
	if (api_write_encode(id, req, &m) != 0) {
		/* Refused here, answered (API_INTERNAL) from the next perform. */
		api_call(a, def, cb, arg, "POST", NULL, NULL, NULL);
		return;
	}
	api_call(a, m.def, cb, arg, "POST", m.path, m.body, m.idem_key);
}
