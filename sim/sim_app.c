/*
 * sim_app.c -- what every application's answer has in common: its number
 * (prefix-date-sequence, "MA-20261122-0001"), the time it was made in
 * China's time zone, and the members {application_id, service, status,
 * created_at, next_steps, card} of docs/api.md.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <time.h>

#include "sim/sim_internal.h"

void
sim_created_at(char out[32], struct date today)
{
	struct timespec ts;
	long t;
	char d[DATE_STR];

	clock_gettime(CLOCK_REALTIME, &ts);
	t = (long)((ts.tv_sec + 8 * 3600) % 86400);
	date_format(d, today);
	snprintf(out, 32, "%sT%02ld:%02ld:%02ld+08:00", d, t / 3600,
	    t / 60 % 60, t % 60);
}

/* The number the next application with this prefix gets; the sequence
 * is not moved on (its callers say when). */
static void
sim_app_next(const struct sim *s, char out[32], enum service_id service)
{
	snprintf(out, 32, "%s-%04d%02d%02d-%04lu", service_def(service)->prefix,
	    s->opts.today.y,
	    s->opts.today.m, s->opts.today.d, s->next_app);
}

void
sim_app_id(struct sim *s, char out[32], enum service_id service)
{
	sim_app_next(s, out, service);
	s->next_app++;
}

cJSON *
sim_application_json(const struct sim *s, const char *id,
    enum service_id service, const char *status, const char *created,
    const char *next, const struct sim_card *c)
{
	cJSON *o = cJSON_CreateObject(), *card = NULL;

	if (o == NULL ||
	    cJSON_AddStringToObject(o, "application_id", id) == NULL ||
	    cJSON_AddStringToObject(o, "service", service_wire(service)) ==
	    NULL ||
	    cJSON_AddStringToObject(o, "status", status) == NULL ||
	    cJSON_AddStringToObject(o, "created_at", created) == NULL ||
	    cJSON_AddStringToObject(o, "next_steps", next) == NULL ||
	    (c != NULL && ((card = sim_card_json(s, c)) == NULL ||
	    !cJSON_AddItemToObject(o, "card", card)))) {
		cJSON_Delete(card);
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

int
sim_completed(struct sim *s, struct sim_answer *a, enum service_id service,
    const struct sim_card *c, const char *next)
{
	char appid[32], created[32];

	sim_app_next(s, appid, service);
	sim_created_at(created, s->opts.today);
	a->json = sim_application_json(s, appid, service, "completed",
	    created, next, c);
	if (a->json == NULL)
		return sim_oom(a);
	s->next_app++;
	return 201;
}
