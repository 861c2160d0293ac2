/*
 * sim_contrib.c -- a person's contribution records (GET
 * /v1/contributions/{person_id}): the last SIM_CONTRIB_MONTHS months of
 * the five insurances, on a base that differs by person and rises each
 * January, and the balances of the individual pension and medical
 * accounts.  Made up, the same for the same person and date.
 */
#include <cjson/cJSON.h>
#include <stdio.h>

#include "sim/sim_internal.h"

#define SIM_CONTRIB_MONTHS 36

static const struct {
	const char *type;
	int permille;            /* of the base, employee and employer */
} sim_contrib_types[] = {
	{ "pension", 240 }, { "medical", 110 }, { "unemployment", 10 },
	{ "work_injury", 4 }, { "maternity", 8 },
};

/* One record a month and insurance, no more than an answer may hold. */
_Static_assert(SIM_CONTRIB_MONTHS * (sizeof sim_contrib_types /
    sizeof sim_contrib_types[0]) <= WIRE_CONTRIB_MAX,
    "the records of one answer");

int
sim_h_contributions(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *id = sim_route_segment(req);
	struct sim_person *p = sim_person_by_id(s, id);
	cJSON *recs;
	char month[16];
	long pension = 0, medical = 0;
	size_t i = 0;

	(void)ss;
	if (p == NULL)
		return sim_fail(a, 404, "unknown_person", NULL,
		    "No insured person has this reference. Do the identity "
		    "check again.");
	a->json = cJSON_CreateObject();
	if (a->json == NULL ||
	    cJSON_AddStringToObject(a->json, "person_id", p->d->person_id) ==
	    NULL || (recs = cJSON_AddArrayToObject(a->json, "records")) == NULL)
		return sim_oom(a);
	i = (size_t)(p - s->people);
	for (int m = 1; m <= SIM_CONTRIB_MONTHS; m++) {
		int y = s->opts.today.y, mo = s->opts.today.m - m;
		/* The base rises each January, and differs by person. */
		long base;

		while (mo < 1) {
			mo += 12;
			y--;
		}
		base = 450000 + (long)(i % 7) * 35000 + (long)(y - 2020) * 18000;
		snprintf(month, sizeof month, "%04d-%02d", y, mo);
		for (size_t t = 0; t < sizeof sim_contrib_types /
		    sizeof sim_contrib_types[0]; t++) {
			long amt = base * sim_contrib_types[t].permille / 1000;
			cJSON *r = cJSON_CreateObject();

			if (r == NULL || !cJSON_AddItemToArray(recs, r)) {
				cJSON_Delete(r);
				return sim_oom(a);
			}
			if (cJSON_AddStringToObject(r, "month", month) == NULL ||
			    cJSON_AddStringToObject(r, "type",
			    sim_contrib_types[t].type) == NULL ||
			    cJSON_AddNumberToObject(r, "base", (double)base) ==
			    NULL || cJSON_AddNumberToObject(r, "amount",
			    (double)amt) == NULL)
				return sim_oom(a);
			/* Individual accounts: 8% of the base to pension, 2%
			 * to medical. */
			if (t == 0)
				pension += base * 8 / 100;
			if (t == 1)
				medical += base * 2 / 100;
		}
	}
	if (cJSON_AddNumberToObject(a->json, "pension_balance",
	    (double)(pension + 1234567)) == NULL ||
	    cJSON_AddNumberToObject(a->json, "medical_balance",
	    (double)(medical + 23456)) == NULL)
		return sim_oom(a);
	return 200;
}
