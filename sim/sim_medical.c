/*
 * sim_medical.c -- the medical-insurance activation (POST
 * /v1/applications/medical-activation), the walk-in's centrepiece: the
 * card of a live identity check, not lost, not active already, not held
 * by the 300-day rule's loss report; then the bank card and the mobile
 * number, checked by the rules the terminal runs (forms/check.c).  The
 * other card services are sim/sim_card.c's.
 */
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "forms/check.h"
#include "forms/deadline.h"
#include "sim/sim_internal.h"

static int
sim_medical(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *check_id = NULL, *card_id = NULL, *bank_card = NULL;
	const char *phone = NULL;
	bool confirmed = false;
	struct sim_person *p = NULL;
	struct sim_card *c;
	enum check_err ce;
	char next[512];
	cJSON *o = sim_parse_object(req);
	int status;

	if (o == NULL)
		return sim_bad_request(a, NULL);
	if (sim_get_string(o, "check_id", 32, true, &check_id) < 0)
		status = sim_bad_request(a, "check_id");
	else if (sim_get_string(o, "card_id", 32, true, &card_id) < 0)
		status = sim_bad_request(a, "card_id");
	else if (sim_get_string(o, "bank_card", 64, true, &bank_card) < 0)
		status = sim_bad_request(a, "bank_card");
	else if (sim_get_string(o, "phone", 32, true, &phone) < 0)
		status = sim_bad_request(a, "phone");
	else if (sim_get_bool(o, "luhn_confirmed", false, &confirmed) < 0)
		status = sim_bad_request(a, "luhn_confirmed");
	else
		status = 0;
	if (status != 0)
		goto out;

	c = sim_check_card(s, ss, check_id, card_id, a, &p, &status);
	if (c == NULL)
		goto out;
	if ((status = sim_rule(s, SERVICE_MEDICAL, p, c, true, a)) != 0)
		goto out;
	ce = check_bankcard(bank_card);
	if (ce != CHECK_OK && ce != CHECK_CARD_LUHN) {
		status = sim_fail(a, 422, "bank_card_invalid", "bank_card",
		    "The bank card number must be a UnionPay number: 16 to 19 "
		    "digits starting with 62. Type it again from the card.");
		goto out;
	}
	if (ce == CHECK_CARD_LUHN && !confirmed) {
		status = sim_fail(a, 422, "bank_card_luhn", "bank_card",
		    "The bank card number fails its check digit. Type it again "
		    "from the card; some old cards fail this check, so if it is "
		    "the same, confirm it.");
		goto out;
	}
	if (check_mobile(phone) != CHECK_OK) {
		status = sim_fail(a, 422, "phone_invalid", "phone",
		    "The phone number must be an 11-digit mobile number. Ask "
		    "the applicant again.");
		goto out;
	}

	c->ss_active = true;
	snprintf(p->phone, sizeof p->phone, "%s", phone);
	if (c->fin_active)
		snprintf(next, sizeof next, "The medical function is active "
		    "now: the card can be used at hospitals and pharmacies at "
		    "once. Nothing else is needed.");
	else
		snprintf(next, sizeof next, "The medical function is active "
		    "now: the card can be used at hospitals and pharmacies at "
		    "once. The financial function is separate: the applicant "
		    "enables it at %s with this card and the ID card.",
		    c->d->bank);
	status = sim_completed(s, a, SERVICE_MEDICAL, c, next);
	if (status != 201)
		c->ss_active = false;
out:
	cJSON_Delete(o);
	return status;
}

SIM_WRITE(sim_h_medical, sim_medical)
