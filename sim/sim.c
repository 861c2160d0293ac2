/*
 * sim.c -- the simulated central service's state and its life: made from
 * the data set, reset by the trainer, freed; its clock; and sim_handle(),
 * which gives one answer to one request through the routing table
 * (sim/sim_route.c).
 *
 * sim_handle() never blocks and never prints.  The state is the data set
 * of sim_data.c copied into mutable people and cards, plus the sessions,
 * identity checks and the idempotency store.  Lifetimes (sessions, checks,
 * stored answers) run on CLOCK_MONOTONIC plus a test offset; the calendar
 * is opts->today, fixed.  Every store is bounded by s->lim and every write
 * held to its staff member's cap (sim/sim_limit.c).
 */
#include "sim/sim.h"

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "forms/idnum.h"
#include "sim/sim_data.h"
#include "sim/sim_internal.h"

long
sim_now(const struct sim *s)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec + s->clock_offset;
}

/* Make room for one more element of size in *arr; 0 or -1. */
int
sim_grow(void **arr, size_t *cap, size_t n, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 8;
	p = realloc(*arr, ncap * size);
	if (p == NULL)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}

void
sim_remove(void *arr, size_t *n, size_t size, size_t i)
{
	char *a = arr;

	memmove(a + i * size, a + (i + 1) * size, (*n - i - 1) * size);
	(*n)--;
}

static void
sim_load_people(struct sim *s)
{
	struct date today = s->opts.today;

	for (size_t i = 0; i < s->npeople; i++) {
		const struct sim_data_person *d = &sim_data_people[i];
		struct sim_person *p = &s->people[i];

		memset(p, 0, sizeof *p);
		p->d = d;
		sim_make_number(p->number, d->region, d->by, d->bm, d->bd,
		    d->seq);
		idnum_mask(p->masked, p->number);
		p->birth = (struct date){ d->by, d->bm, d->bd };
		p->id_valid_until = date_add_days(today, d->id_valid_for);
		if (d->phone > 0)
			snprintf(p->phone, sizeof p->phone, "138000000%02d",
			    d->phone % 100);
		p->ncards = d->ncards;
		for (size_t c = 0; c < d->ncards; c++) {
			const struct sim_data_card *dc = &d->cards[c];

			p->cards[c] = (struct sim_card){
				.d = dc,
				.received = date_add_days(today,
				    -dc->received_ago),
				.lost = dc->lost,
				.ss_active = dc->ss_active,
				.fin_active = dc->fin_active,
			};
		}
	}
}

static void
sim_clear_work(struct sim *s)
{
	for (size_t i = 0; i < s->nidem; i++)
		free(s->idem[i].body);
	s->nidem = 0;
	s->nwrites = 0;
	s->nchecks = 0;
	s->ndelegs = 0;
	s->next_check = 1;
	s->next_app = 1;
	s->nlockouts = 0;
	if (s->chal != NULL)
		sodium_memzero(s->chal, s->cchal * sizeof *s->chal);
	s->nchal = 0;
	s->nmade = 0;
	s->nborn = 0;
	for (int i = 0; i < SERVICE_N; i++) {
		free(s->svc_state[i]);
		s->svc_state[i] = NULL;
	}
	memset(s->write_tat, 0, sim_data_nstaff * sizeof *s->write_tat);
}

struct sim *
sim_new(const struct sim_opts *opts)
{
	struct sim *s;
	const struct sim_data_unknown *u = &sim_data_unknown;

	if (opts == NULL || sodium_init() < 0 ||
	    !date_valid(opts->today.y, opts->today.m, opts->today.d))
		return NULL;
	s = calloc(1, sizeof *s);
	if (s == NULL)
		return NULL;
	s->opts = *opts;
	s->lim = opts->limits ? *opts->limits : sim_limits_default;
	s->opts.limits = NULL;
	s->ttl = opts->session_ttl_s > 0 ? opts->session_ttl_s : SIM_TTL_DEFAULT;
	s->npeople = sim_data_npeople;
	s->people = calloc(s->npeople, sizeof *s->people);
	s->write_tat = calloc(sim_data_nstaff, sizeof *s->write_tat);
	if (s->people == NULL || s->write_tat == NULL) {
		free(s->people);
		free(s->write_tat);
		free(s);
		return NULL;
	}
	sim_make_number(s->unknown_number, u->region, u->by, u->bm, u->bd,
	    u->seq);
	idnum_mask(s->unknown_masked, s->unknown_number);
	crypto_box_keypair(s->seal_pk, s->seal_sk);
	sim_load_people(s);
	s->members = calloc(sim_data_nhouseholds, sizeof *s->members);
	if (s->members == NULL) {
		free(s->people);
		free(s->write_tat);
		free(s);
		return NULL;
	}
	sim_households_load(s);
	sim_clear_work(s);
	return s;
}

void
sim_free(struct sim *s)
{
	if (s == NULL)
		return;
	sim_clear_work(s);
	sodium_memzero(s->sessions, s->csessions * sizeof *s->sessions);
	free(s->sessions);
	free(s->checks);
	free(s->idem);
	free(s->writes);
	free(s->lockouts);
	free(s->delegs);
	free(s->members);
	free(s->chal);
	free(s->people);
	free(s->write_tat);
	sodium_memzero(s->seal_sk, sizeof s->seal_sk);
	free(s);
}

void
sim_reset(struct sim *s)
{
	s->npeople = sim_data_npeople;   /* newborns registered are gone */
	sim_load_people(s);
	sim_households_load(s);
	sim_clear_work(s);
}

void
sim_advance_clock(struct sim *s, long seconds)
{
	s->clock_offset += seconds;
}

int
sim_handle(struct sim *s, const struct sim_request *req, char **body,
    size_t *body_len)
{
	static const char oom[] = "{\"code\":\"internal\",\"message\":"
	    "\"The service failed; nothing was done. Try again.\"}";
	struct sim_answer a = { 0 };
	bool had_json;
	int status;

	*body = NULL;
	*body_len = 0;
	if (req->replayed != NULL)
		*req->replayed = false;
	if (req->retry_after != NULL)
		*req->retry_after = 0;
	status = sim_route(s, req, &a);
	if (a.raw == NULL && a.json != NULL)
		a.raw = cJSON_PrintUnformatted(a.json);
	had_json = a.json != NULL;
	cJSON_Delete(a.json);
	if (a.raw == NULL && (status != 204 || had_json)) {
		status = 500;
		a.raw = strdup(oom);
	} else if (a.raw == NULL) {
		a.raw = calloc(1, 1);
	}
	if (a.raw == NULL)
		return 500;
	*body = a.raw;
	*body_len = a.raw_len ? a.raw_len : strlen(a.raw);
	if (req->replayed != NULL)
		*req->replayed = a.replayed;
	if (req->retry_after != NULL)
		*req->retry_after = a.retry_after;
	return status;
}
