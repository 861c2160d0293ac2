/*
 * sim_audit.c -- the audit log's anchors (docs/api.md "The audit log's
 * anchors"): the service keeps the last (seq, mac) each terminal sent of
 * its audit chain, and answers each new one with the one before, so the
 * terminal can check its log still holds it.  An anchor that goes back
 * (a lower seq, or the same seq with another mac) is refused: the log it
 * comes from was cut or rewritten.  At most SIM_ANCHORS_MAX terminals;
 * when full, the one not heard from longest is forgotten.  A terminal's
 * name is checked by the rule the terminal's own log uses
 * (audit_terminal_ok).
 */
#include "sim/sim_internal.h"

#include "forms/audit.h"

#include <stdio.h>
#include <string.h>

static bool
sim_audit_mac_ok(const char *m)
{
	if (strlen(m) != 64)
		return false;
	for (size_t i = 0; i < 64; i++)
		if (!((m[i] >= '0' && m[i] <= '9') || (m[i] >= 'a' &&
		    m[i] <= 'f')))
			return false;
	return true;
}

/* The terminal's entry, a new one (the oldest given up if full). */
static struct sim_anchor *
sim_audit_entry(struct sim *s, const char *terminal, bool *fresh)
{
	size_t oldest = 0;

	*fresh = false;
	for (size_t i = 0; i < s->nanchors; i++) {
		if (strcmp(s->anchors[i].terminal, terminal) == 0)
			return &s->anchors[i];
		if (s->anchors[i].at < s->anchors[oldest].at)
			oldest = i;
	}
	*fresh = true;
	if (s->nanchors < SIM_ANCHORS_MAX)
		oldest = s->nanchors++;
	memset(&s->anchors[oldest], 0, sizeof s->anchors[oldest]);
	snprintf(s->anchors[oldest].terminal,
	    sizeof s->anchors[oldest].terminal, "%s", terminal);
	return &s->anchors[oldest];
}

/* {"seq":N,"mac":"..."} of e, under name in o. */
static bool
sim_audit_put(cJSON *o, const char *name, const struct sim_anchor *e)
{
	cJSON *p = cJSON_AddObjectToObject(o, name);

	return p != NULL && cJSON_AddNumberToObject(p, "seq",
	    (double)e->seq) != NULL && cJSON_AddStringToObject(p, "mac",
	    e->mac) != NULL;
}

int
sim_h_audit_anchor(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	cJSON *o = sim_parse_object(req);
	const cJSON *seq;
	const char *terminal, *mac;
	struct sim_anchor *e, prev;
	bool fresh;
	int status = 400;

	seq = cJSON_GetObjectItemCaseSensitive(o, "seq");
	if (o == NULL || sim_get_string(o, "terminal", WIRE_TERMINAL_MAX,
	    true, &terminal) != 0 || !audit_terminal_ok(terminal) ||
	    sim_get_string(o, "mac", 64, true, &mac) != 0 ||
	    !sim_audit_mac_ok(mac) || !cJSON_IsNumber(seq) ||
	    seq->valuedouble < 1 || seq->valuedouble > 4e15 ||
	    seq->valuedouble != (double)(unsigned long)seq->valuedouble) {
		status = sim_bad_request(a, NULL);
		goto out;
	}
	e = sim_audit_entry(s, terminal, &fresh);
	prev = *e;
	if (!fresh && ((unsigned long)seq->valuedouble < e->seq ||
	    ((unsigned long)seq->valuedouble == e->seq &&
	    strcmp(mac, e->mac) != 0))) {
		status = sim_fail(a, 409, "anchor_behind", "seq", "This "
		    "terminal's audit log went back: the service holds a later "
		    "or another record. Call the help desk.");
		if (a->json != NULL)
			sim_audit_put(a->json, "previous", &prev);
		goto out;
	}
	e->seq = (unsigned long)seq->valuedouble;
	snprintf(e->mac, sizeof e->mac, "%s", mac);
	e->at = sim_now(s);
	e->staff = ss->staff;
	if ((a->json = cJSON_CreateObject()) == NULL ||
	    !cJSON_AddStringToObject(a->json, "terminal", terminal) ||
	    (fresh ? cJSON_AddNullToObject(a->json, "previous") == NULL :
	    !sim_audit_put(a->json, "previous", &prev))) {
		status = sim_oom(a);
		goto out;
	}
	status = 201;
out:
	cJSON_Delete(o);
	return status;
}
