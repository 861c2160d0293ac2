/*
 * sim_identity.c -- the identity check (POST /v1/identity-checks): the ID
 * number, the checklist, the face recognition and the register's
 * refusals, in the order of docs/api.md.  A check that passes is good for
 * WIRE_CHECK_SECONDS to the staff member who made it; every service of the
 * walk-in cites it by its number, "IC-nnnnnn" (sim_check_find).  The
 * store is bounded by lim.checks.
 */
#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/check.h"
#include "forms/idnum.h"
#include "sim/sim_internal.h"

/* Room for one more identity check: the expired go, and when the store
 * is full the oldest check of the staff member holding the most goes (a
 * client looping on checks evicts its own; a clerk's current check is
 * among the newest). */
static void
sim_checks_purge(struct sim *s)
{
	for (size_t i = 0; i < s->nchecks;)
		if (sim_now(s) >= s->checks[i].expires)
			sim_remove(s->checks, &s->nchecks, sizeof *s->checks, i);
		else
			i++;
	if (s->nchecks > 0 && s->nchecks >= s->lim.checks)
		sim_remove(s->checks, &s->nchecks, sizeof *s->checks,
		    sim_evictee(s->checks, s->nchecks, sizeof *s->checks,
		    offsetof(struct sim_check, staff)));
}

int
sim_h_identity(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a)
{
	const char *number = NULL, *name = NULL, *valid = NULL, *face = NULL;
	bool original = false, photocopy = false, fingerprint = false;
	bool long_term;
	struct idnum idn;
	struct date until;
	struct sim_person *p;
	struct sim_check *ck;
	enum check_err ce;
	char idbuf[16], msg[256], dbuf[DATE_STR];
	cJSON *o = sim_parse_object(req), *cl, *person;
	int status;

	if (o == NULL)
		return sim_bad_request(a, NULL);
	if (sim_get_string(o, "id_number", 64, true, &number) < 0)
		status = sim_bad_request(a, "id_number");
	else if (sim_get_string(o, "name", NAME_MAX_BYTES, true, &name) < 0)
		status = sim_bad_request(a, "name");
	else if (sim_get_string(o, "id_valid_until", 32, true, &valid) < 0)
		status = sim_bad_request(a, "id_valid_until");
	else if (!cJSON_IsObject(cl = cJSON_GetObjectItemCaseSensitive(o,
	    "checklist")) ||
	    sim_get_bool(cl, "original_sighted", true, &original) < 0 ||
	    sim_get_bool(cl, "photocopy_taken", true, &photocopy) < 0 ||
	    sim_get_bool(cl, "fingerprint", true, &fingerprint) < 0)
		status = sim_bad_request(a, "checklist");
	else if (sim_get_string(cl, "face", 16, true, &face) < 0 ||
	    (strcmp(face, "pass") != 0 && strcmp(face, "fail") != 0 &&
	    strcmp(face, "not_done") != 0))
		status = sim_bad_request(a, "face");
	else
		status = 0;
	if (status != 0) {
		cJSON_Delete(o);
		return status;
	}

	/* The refusals, in the order of docs/api.md.  The wire form is
	 * exactly 18 characters: idnum_parse() forgives trailing blanks
	 * typed at the counter, the service does not. */
	if (strlen(number) != IDNUM_LEN ||
	    idnum_parse(&idn, number, s->opts.today) != IDNUM_OK) {
		status = sim_fail(a, 422, "invalid_id_number", "id_number",
		    "The ID number is not valid: it needs 18 characters, a real "
		    "birth date and the right check character. Compare it with "
		    "the ID card.");
		goto out;
	}
	if (!original || !photocopy || !fingerprint) {
		snprintf(msg, sizeof msg, "The checklist is not complete:%s%s%s. "
		    "Do it before the identity check.",
		    original ? "" : " sight the original ID card",
		    photocopy ? "" : (original ? " take a photocopy" :
		    ", take a photocopy"),
		    fingerprint ? "" : (original && photocopy ?
		    " collect the fingerprint" : ", collect the fingerprint"));
		status = sim_fail(a, 422, "checklist_incomplete", "checklist",
		    msg);
		goto out;
	}
	if (strcmp(face, "not_done") == 0) {
		status = sim_fail(a, 422, "face_not_done", "face",
		    "Face recognition has not been done. Run it on the device "
		    "with the applicant present, then check again.");
		goto out;
	}
	/* The wire form is strict (docs/api.md): the terminal normalises what
	 * the clerk typed ("L", "20310501") before sending it. */
	if (strcmp(valid, "long-term") != 0 &&
	    (strlen(valid) != 10 || valid[4] != '-' || valid[7] != '-')) {
		status = sim_bad_request(a, "id_valid_until");
		goto out;
	}
	ce = check_validity(valid, s->opts.today, &long_term, &until);
	if (ce == CHECK_VALIDITY_EXPIRED) {
		status = sim_fail(a, 422, "id_card_expired", "id_valid_until",
		    "The ID card has expired. The applicant must renew the ID "
		    "card (a temporary ID card is accepted) before any service.");
		goto out;
	}
	if (ce != CHECK_OK) {
		status = sim_bad_request(a, "id_valid_until");
		goto out;
	}
	p = sim_person_by_number(s, idn.number);
	if (p != NULL && !p->d->id_long_term &&
	    date_cmp(p->id_valid_until, s->opts.today) < 0) {
		date_format(dbuf, p->id_valid_until);
		snprintf(msg, sizeof msg, "The register says this ID card "
		    "expired on %s. The applicant must renew the ID card (a "
		    "temporary ID card is accepted) before any service.", dbuf);
		status = sim_fail(a, 422, "id_card_expired", "id_valid_until",
		    msg);
		goto out;
	}
	if (p == NULL) {
		status = sim_fail(a, 404, "unknown_person", "id_number",
		    "No insured person has this ID number. Check the number "
		    "against the ID card; if it is right, the applicant must "
		    "first be enrolled.");
		goto out;
	}
	if (!check_name_matches(p->d->name, name)) {
		status = sim_fail(a, 422, "name_mismatch", "name",
		    "The name does not match the ID number. Check the name on "
		    "the ID card.");
		goto out;
	}
	if (p->d->deceased) {
		status = sim_fail(a, 422, "deceased", NULL,
		    "The register records this person as deceased. No service "
		    "can be given; refer the family to the survivors' benefits "
		    "desk.");
		goto out;
	}
	if (strcmp(face, "fail") == 0 || p->d->face_fails) {
		status = sim_fail(a, 422, "face_failed", "face",
		    "The face does not match the photo in the register. The "
		    "applicant must be present in person; if it fails again, "
		    "call the supervisor.");
		goto out;
	}

	sim_checks_purge(s);
	if (sim_grow((void **)&s->checks, &s->cchecks, s->nchecks,
	    sizeof *s->checks) < 0) {
		status = sim_oom(a);
		goto out;
	}
	ck = &s->checks[s->nchecks];
	ck->no = s->next_check;
	ck->staff = ss->staff;
	ck->person = (size_t)(p - s->people);
	ck->expires = sim_now(s) + WIRE_CHECK_SECONDS;
	ck->face_pass = strcmp(face, "pass") == 0;
	snprintf(idbuf, sizeof idbuf, "IC-%06lu", ck->no);
	a->json = cJSON_CreateObject();
	person = sim_person_json(s, p);
	if (a->json == NULL || person == NULL ||
	    cJSON_AddStringToObject(a->json, "check_id", idbuf) == NULL ||
	    !cJSON_AddItemToObject(a->json, "person", person)) {
		cJSON_Delete(person);
		status = sim_oom(a);
		goto out;
	}
	s->nchecks++;
	s->next_check++;
	status = 201;
out:
	cJSON_Delete(o);
	return status;
}

/* The live check "IC-nnnnnn" of this staff member, or NULL. */
struct sim_check *
sim_check_find(struct sim *s, const char *id, size_t staff)
{
	char *end;
	unsigned long no;

	if (strncmp(id, "IC-", 3) != 0 || id[3] < '0' || id[3] > '9')
		return NULL;
	no = strtoul(id + 3, &end, 10);
	if (*end != '\0')
		return NULL;
	for (size_t i = 0; i < s->nchecks; i++)
		if (s->checks[i].no == no && s->checks[i].staff == staff &&
		    sim_now(s) < s->checks[i].expires)
			return &s->checks[i];
	return NULL;
}
