/*
 * sim_deleg.c -- activations done by an agent under a power of attorney
 * (seed 004): the insured looked up for the agent, and the submission,
 * pending until a supervisor decides on it (sim/sim_approval.c).
 *
 * The agent has passed the identity check (check_id).  The service checks
 * the insured (known, alive, the name matching, not the agent), the power
 * of attorney (forms/poa.c: dated within POA_MAX_AGE_DAYS, covering
 * the activation; a PIN reset never), and records the submission as
 * pending.  What approval would refuse is refused now: the activation
 * itself (sim_activate) is made on approval.
 *
 * The store is bounded: lim.delegs in all, lim.pending_per_staff pending
 * per submitting staff member.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/check.h"
#include "forms/deadline.h"
#include "forms/idnum.h"
#include "forms/poa.h"
#include "sim/sim_internal.h"

_Static_assert(WIRE_CHECK_SECONDS == 60 * 60, "check_unknown says 60 minutes");

/* The register's refusal to act on this person (by number and name), in
 * the order of the identity check: 0 and *out, or the status with a
 * filled in (id_field and name_field name the request's members). */
static int
sim_person_refusal(struct sim *s, const char *number, const char *name,
    const char *id_field, const char *name_field, struct sim_answer *a,
    struct sim_person **out)
{
	struct idnum idn;
	struct sim_person *p;

	*out = NULL;
	if (strlen(number) != IDNUM_LEN ||
	    idnum_parse(&idn, number, s->opts.today) != IDNUM_OK)
		return sim_fail(a, 422, "invalid_id_number", id_field,
		    "The ID number is not valid: it needs 18 characters, a real "
		    "birth date and the right check character. Compare it with "
		    "the ID card.");
	p = sim_person_by_number(s, idn.number);
	if (p == NULL)
		return sim_fail(a, 404, "unknown_person", id_field,
		    "No insured person has this ID number. Check the number "
		    "against the insured's ID card.");
	if (!check_name_matches(p->d->name, name))
		return sim_fail(a, 422, "name_mismatch", name_field,
		    "The name does not match the ID number. Check the name on "
		    "the insured's ID card.");
	if (p->d->deceased)
		return sim_fail(a, 422, "deceased", id_field,
		    "The register records the insured as deceased. Nothing can "
		    "be done under a power of attorney; refer the family to the "
		    "survivors' benefits desk.");
	*out = p;
	return 0;
}

/* The agent's check and the insured: 0 with *ck and *ins, or a refusal. */
static int
deleg_parties(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_answer *a, struct sim_check **ck, struct sim_person **ins)
{
	const char *check_id, *number, *name;
	int status;

	if (sim_get_string(o, "check_id", 32, true, &check_id) < 0)
		return sim_bad_request(a, "check_id");
	if (sim_get_string(o, "insured_id_number", 64, true, &number) < 0)
		return sim_bad_request(a, "insured_id_number");
	if (sim_get_string(o, "insured_name", NAME_MAX_BYTES, true, &name) < 0)
		return sim_bad_request(a, "insured_name");
	*ck = sim_check_find(s, check_id, ss->staff);
	if (*ck == NULL)
		return sim_fail(a, 422, "check_unknown", NULL,
		    "The agent's identity check is unknown or older than 60 "
		    "minutes. Do the identity check again.");
	if (poa_agent_is_insured(s->people[(*ck)->person].number, number))
		return sim_fail(a, 422, "agent_is_insured", "insured_id_number",
		    "The agent is the insured person: no power of attorney is "
		    "needed. Use the services on the person screen.");
	status = sim_person_refusal(s, number, name, "insured_id_number",
	    "insured_name", a, ins);
	return status;
}

int
sim_h_deleg_insured(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	struct sim_check *ck;
	struct sim_person *p;
	cJSON *o = sim_parse_object(req), *person;
	int status;

	if (o == NULL)
		return sim_bad_request(a, NULL);
	status = deleg_parties(s, ss, o, a, &ck, &p);
	cJSON_Delete(o);
	if (status != 0)
		return status;
	a->json = cJSON_CreateObject();
	person = sim_person_json(s, p);
	if (a->json == NULL || person == NULL ||
	    !cJSON_AddItemToObject(a->json, "insured", person)) {
		cJSON_Delete(person);
		return sim_oom(a);
	}
	return 200;
}

int
sim_activate(struct sim *s, struct sim_card *c, int activation,
    struct sim_answer *a)
{
	char msg[400], dl[DATE_STR];

	if (c->lost)
		return sim_fail(a, 422, "card_lost", "card_id",
		    "This card was reported lost and cannot be activated. The "
		    "cardholder must apply for a replacement card.");
	if (activation == POA_ACT_FIN) {
		if (c->fin_active)
			return sim_fail(a, 409, "already_active", "card_id",
			    "The financial function of this card is already "
			    "active. Nothing needs to be done.");
		c->fin_active = true;
		return 0;
	}
	if (c->ss_active)
		return sim_fail(a, 409, "already_active", "card_id",
		    "The social-security function of this card is already "
		    "active. Nothing needs to be done.");
	if (strcmp(sim_card_ss(s, c), "reported_lost") == 0) {
		date_format(dl, deadline_of(c->received));
		snprintf(msg, sizeof msg, "The 300-day deadline passed on %s "
		    "and the social-security application was reported lost. "
		    "The financial application must be enabled first, at %s.",
		    dl, c->d->bank);
		return sim_fail(a, 422, "deadline_passed", "card_id", msg);
	}
	c->ss_active = true;
	return 0;
}

/* Room for one more submission of ss's staff member: 0, or the refusal
 * (too many of theirs pending, or the store full). */
static int
deleg_room(struct sim *s, const struct sim_session *ss, struct sim_answer *a)
{
	size_t mine = 0;
	char msg[300];

	for (size_t i = 0; i < s->ndelegs; i++)
		mine += s->delegs[i].staff == ss->staff &&
		    s->delegs[i].state == SIM_DELEG_PENDING;
	if (mine >= s->lim.pending_per_staff) {
		snprintf(msg, sizeof msg, "You have %zu delegated activations "
		    "waiting for approval, the most the service takes: nothing "
		    "was done. Ask a supervisor to decide on them first.",
		    mine);
		return sim_fail(a, 409, "too_many_pending", NULL, msg);
	}
	if (s->ndelegs >= s->lim.delegs)
		return sim_store_full(a, "delegated activations");
	return 0;
}

static int
deleg_submit(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *card_id, *act_word, *number, *signed_text;
	bool covers_ss, covers_fin, orig, copies, poa_orig;
	struct sim_check *ck;
	struct sim_person *p;
	struct sim_card *c = NULL;
	struct sim_deleg *d;
	struct date signed_on;
	enum poa_activation act = POA_ACT_UNKNOWN;
	enum poa_err pe;
	char next[400];
	cJSON *o = sim_parse_object(req);
	int status;

	if (o == NULL)
		return sim_bad_request(a, NULL);
	if (sim_get_string(o, "card_id", 32, true, &card_id) < 0)
		status = sim_bad_request(a, "card_id");
	else if (sim_get_string(o, "activation", 16, true, &act_word) < 0 ||
	    (act = poa_activation_parse(act_word)) == POA_ACT_UNKNOWN)
		status = sim_bad_request(a, "activation");
	else if (sim_get_string(o, "poa_number", WIRE_POA_NUMBER_MAX, true,
	    &number) < 0 || number[0] == '\0')
		status = sim_bad_request(a, "poa_number");
	else if (sim_get_string(o, "poa_signed_on", 10, true,
	    &signed_text) < 0 || strlen(signed_text) != 10 ||
	    date_parse(&signed_on, signed_text) != 0)
		status = sim_bad_request(a, "poa_signed_on");
	else if (sim_get_bool(o, "poa_covers_ss", true, &covers_ss) < 0)
		status = sim_bad_request(a, "poa_covers_ss");
	else if (sim_get_bool(o, "poa_covers_fin", true, &covers_fin) < 0)
		status = sim_bad_request(a, "poa_covers_fin");
	else if (sim_get_bool(o, "insured_original_sighted", true, &orig) < 0 ||
	    sim_get_bool(o, "photocopies_taken", true, &copies) < 0 ||
	    sim_get_bool(o, "poa_original_sighted", true, &poa_orig) < 0)
		status = sim_bad_request(a, "checklist");
	else
		status = deleg_parties(s, ss, o, a, &ck, &p);
	if (status != 0)
		goto out;

	if ((c = sim_card_of(p, card_id)) == NULL) {
		status = sim_fail(a, 404, "card_unknown", "card_id",
		    "This card is not one of the insured's cards. Choose a card "
		    "from the list.");
		goto out;
	}
	if (act == POA_ACT_PIN_RESET) {
		status = sim_fail(a, 422, "pin_reset_not_delegated",
		    "activation", "A PIN reset is never delegated: the "
		    "cardholder must come in person.");
		goto out;
	}
	pe = poa_check_date(signed_on, s->opts.today);
	if (pe == POA_DATE_FUTURE) {
		status = sim_fail(a, 422, "poa_dated_future", "poa_signed_on",
		    "The power of attorney is dated in the future. Check the "
		    "date on the document.");
		goto out;
	}
	if (pe == POA_DATE_TOO_OLD) {
		status = sim_fail(a, 422, "poa_too_old", "poa_signed_on",
		    "The power of attorney is older than 180 days and no longer "
		    "accepted. The insured must sign a new one.");
		goto out;
	}
	if (poa_check_activation(act, covers_ss, covers_fin) != POA_OK) {
		status = sim_fail(a, 422, "scope_not_covered",
		    act == POA_ACT_FIN ? "poa_covers_fin" : "poa_covers_ss",
		    "The power of attorney does not cover this activation. Only "
		    "what it covers can be done for the insured.");
		goto out;
	}
	if (!orig || !copies || !poa_orig) {
		status = sim_fail(a, 422, "checklist_incomplete",
		    !orig ? "insured_original_sighted" : !copies ?
		    "photocopies_taken" : "poa_original_sighted",
		    "The checklist is not complete: sight the insured's "
		    "original ID card and the original power of attorney, and "
		    "photocopy both ID cards.");
		goto out;
	}
	{
		/* What approval would refuse (lost card, already active, the
		 * 300-day deadline passed), refused now: tried on a copy. */
		struct sim_card probe = *c;

		if ((status = sim_activate(s, &probe, act, a)) != 0)
			goto out;
	}
	if ((status = deleg_room(s, ss, a)) != 0)
		goto out;

	if (sim_grow((void **)&s->delegs, &s->cdelegs, s->ndelegs,
	    sizeof *s->delegs) < 0) {
		status = sim_oom(a);
		goto out;
	}
	d = &s->delegs[s->ndelegs];
	memset(d, 0, sizeof *d);
	sim_app_id(s, d->id, SERVICE_DELEGATED);
	d->staff = ss->staff;
	snprintf(d->counter, sizeof d->counter, "%s", ss->counter);
	d->submitted = sim_now(s);
	sim_created_at(d->submitted_at, s->opts.today);
	d->agent = ck->person;
	d->insured = (size_t)(p - s->people);
	d->card = (size_t)(c - p->cards);
	d->activation = act;
	snprintf(d->poa_number, sizeof d->poa_number, "%s", number);
	d->poa_signed_on = signed_on;
	d->covers_ss = covers_ss;
	d->covers_fin = covers_fin;
	d->insured_original = orig;
	d->photocopies = copies;
	d->poa_original = poa_orig;
	d->state = SIM_DELEG_PENDING;

	snprintf(next, sizeof next, "Nothing is activated yet: the %s "
	    "function is activated when a supervisor approves. Keep the power "
	    "of attorney and the photocopies with the file.",
	    act == POA_ACT_SS ? "social-security" : "financial");
	a->json = sim_application_json(s, d->id, SERVICE_DELEGATED,
	    "pending-approval", d->submitted_at, next, c);
	if (a->json == NULL) {
		status = sim_oom(a);
		goto out;
	}
	s->ndelegs++;
	status = 201;
out:
	cJSON_Delete(o);
	return status;
}

SIM_WRITE(sim_h_deleg_submit, deleg_submit)
