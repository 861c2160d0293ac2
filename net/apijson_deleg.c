/*
 * apijson_deleg.c -- JSON of the delegation, approval and household calls
 * (docs/api.md: acting for an insured person, approval, newborn
 * registration).  Every member is type-checked and bounded; a reply that
 * is not the documented shape is API_BAD_REPLY.
 */
#include "net/apijson_deleg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/api_internal.h"
#include "net/apijson.h"
#include "net/apijson_internal.h"

static int
get_bool(bool *out, const cJSON *o, const char *name, struct api_error *err)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, name);

	if (!cJSON_IsBool(it)) {
		apijson_fail(err, "\"%s\" missing or not a boolean", name);
		return -1;
	}
	*out = cJSON_IsTrue(it);
	return 0;
}

/* A whole number in [min, max]. */
static int
get_int(long *out, const cJSON *o, const char *name, long min, long max,
    struct api_error *err)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, name);

	if (!cJSON_IsNumber(it) || it->valuedouble < (double)min ||
	    it->valuedouble > (double)max ||
	    it->valuedouble != (double)(long)it->valuedouble) {
		apijson_fail(err, "\"%s\" missing or not a number in range",
		    name);
		return -1;
	}
	*out = (long)it->valuedouble;
	return 0;
}

/* The check and the insured person, as both delegation calls send them. */
static bool
add_insured(cJSON *root, const char *check_id, const char *number,
    const char *name, size_t *n)
{
	return apijson_add_ref(root, "check_id", check_id, n) &&
	    apijson_add_ref(root, "insured_id_number", number, n) &&
	    apijson_add_ref(root, "insured_name", name, n);
}

char *
apijson_encode_poa_insured(const struct poa_insured_request *req)
{
	cJSON *root = cJSON_CreateObject();
	size_t n = 0;

	if (root == NULL)
		return NULL;
	if (!add_insured(root, req->check_id, req->insured_id_number,
	    req->insured_name, &n)) {
		cJSON_Delete(root);
		return NULL;
	}
	return apijson_print(root, n);
}

char *
apijson_encode_poa(const struct poa_request *req)
{
	cJSON *root = cJSON_CreateObject();
	size_t n = 0;

	if (root == NULL)
		return NULL;
	if (!add_insured(root, req->check_id, req->insured_id_number,
	    req->insured_name, &n) ||
	    !apijson_add_ref(root, "card_id", req->card_id, &n) ||
	    !apijson_add_ref(root, "activation", req->activation, &n) ||
	    !apijson_add_ref(root, "poa_number", req->poa_number, &n) ||
	    !apijson_add_ref(root, "poa_signed_on", req->poa_signed_on, &n) ||
	    cJSON_AddBoolToObject(root, "poa_covers_ss", req->covers_ss) ==
	    NULL ||
	    cJSON_AddBoolToObject(root, "poa_covers_fin", req->covers_fin) ==
	    NULL ||
	    cJSON_AddBoolToObject(root, "insured_original_sighted",
	    req->insured_original_sighted) == NULL ||
	    cJSON_AddBoolToObject(root, "photocopies_taken",
	    req->photocopies_taken) == NULL ||
	    cJSON_AddBoolToObject(root, "poa_original_sighted",
	    req->poa_original_sighted) == NULL) {
		cJSON_Delete(root);
		return NULL;
	}
	return apijson_print(root, n);
}

char *
apijson_encode_decision(bool approve, const char *reason)
{
	cJSON *root = cJSON_CreateObject();
	size_t n = 0;

	if (root == NULL)
		return NULL;
	if (!apijson_add_ref(root, "decision", approve ? "approve" : "reject",
	    &n) ||
	    !apijson_add_ref(root, "reason", reason ? reason : "", &n)) {
		cJSON_Delete(root);
		return NULL;
	}
	return apijson_print(root, n);
}

char *
apijson_encode_newborn(const struct newborn_request *req)
{
	cJSON *root = cJSON_CreateObject();
	size_t n = 0;

	if (root == NULL)
		return NULL;
	if (!apijson_add_ref(root, "check_id", req->check_id, &n) ||
	    !apijson_add_ref(root, "register_no", req->register_no, &n) ||
	    cJSON_AddNumberToObject(root, "member_no", req->member_no) == NULL ||
	    cJSON_AddBoolToObject(root, "commitment_confirmed",
	    req->commitment_confirmed) == NULL) {
		cJSON_Delete(root);
		return NULL;
	}
	return apijson_print(root, n);
}

int
apijson_decode_insured(struct person *out, const char *body, size_t len,
    struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	const cJSON *p;
	int rc = -1;

	if (root == NULL)
		return -1;
	if ((p = apijson_get_object(root, "insured", err)) != NULL)
		rc = apijson_person(out, p, err);
	cJSON_Delete(root);
	return rc;
}

static int
party(struct approval_party *out, const cJSON *o, const char *name,
    struct api_error *err)
{
	const cJSON *p = apijson_get_object(o, name, err);

	if (p == NULL ||
	    apijson_get_ref(out->person_id, sizeof out->person_id, p,
	    "person_id", false, err) ||
	    apijson_get_text(out->name, sizeof out->name, p, "name", err) ||
	    apijson_get_masked(out->id_masked, sizeof out->id_masked, p,
	    "id_number_masked", APIJSON_MASK_ID, false, err))
		return -1;
	return 0;
}

static int
staff_ref(char *id, size_t idsz, char *name, size_t namesz, const cJSON *o,
    const char *member, struct api_error *err)
{
	const cJSON *p = apijson_get_object(o, member, err);

	if (p == NULL || apijson_get_id(id, idsz, p, "staff_id", false, err) ||
	    apijson_get_text(name, namesz, p, "name", err))
		return -1;
	return 0;
}

static int
approval(struct approval *out, const cJSON *o, struct api_error *err)
{
	static const char *const status_words[] = { "pending-approval",
	    "approved", "rejected", NULL };
	const cJSON *poa, *cl, *card;
	int st;

	memset(out, 0, sizeof *out);
	if (!cJSON_IsObject(o)) {
		apijson_fail(err, "an approval is not an object");
		return -1;
	}
	if (apijson_get_ref(out->application_id, sizeof out->application_id, o,
	    "application_id", false, err) ||
	    apijson_get_enum(&st, o, "status", status_words, err) ||
	    apijson_get_id(out->submitted_at, sizeof out->submitted_at, o,
	    "submitted_at", false, err) ||
	    get_int(&out->age_seconds, o, "age_seconds", 0, 100L * 365 * 86400,
	    err) ||
	    staff_ref(out->submitted_by_id, sizeof out->submitted_by_id,
	    out->submitted_by_name, sizeof out->submitted_by_name, o,
	    "submitted_by", err) ||
	    apijson_get_id(out->counter, sizeof out->counter, o, "counter",
	    true, err) ||
	    party(&out->agent, o, "agent", err) ||
	    party(&out->insured, o, "insured", err) ||
	    (card = apijson_get_object(o, "card", err)) == NULL ||
	    apijson_card(&out->card, card, err) ||
	    apijson_get_id(out->activation, sizeof out->activation, o,
	    "activation", false, err) ||
	    (poa = apijson_get_object(o, "poa", err)) == NULL ||
	    apijson_get_text(out->poa_number, sizeof out->poa_number, poa,
	    "number", err) ||
	    apijson_get_date(&out->poa_signed_on, poa, "signed_on", err) ||
	    get_bool(&out->covers_ss, poa, "covers_ss", err) ||
	    get_bool(&out->covers_fin, poa, "covers_fin", err) ||
	    (cl = apijson_get_object(o, "checklist", err)) == NULL ||
	    get_bool(&out->insured_original_sighted, cl,
	    "insured_original_sighted", err) ||
	    get_bool(&out->photocopies_taken, cl, "photocopies_taken", err) ||
	    get_bool(&out->poa_original_sighted, cl, "poa_original_sighted",
	    err))
		return -1;
	snprintf(out->status, sizeof out->status, "%s", status_words[st]);
	out->decided = st != 0;
	if (out->decided &&
	    (staff_ref(out->decided_by_id, sizeof out->decided_by_id,
	    out->decided_by_name, sizeof out->decided_by_name, o, "decided_by",
	    err) ||
	    apijson_get_id(out->decided_at, sizeof out->decided_at, o,
	    "decided_at", false, err) ||
	    apijson_get_text(out->reason, sizeof out->reason, o, "reason",
	    err)))
		return -1;
	return 0;
}

int
apijson_decode_approval(struct approval *out, const char *body, size_t len,
    struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	int rc;

	if (root == NULL)
		return -1;
	rc = approval(out, root, err);
	cJSON_Delete(root);
	return rc;
}

/* Where the list goes on ("" on the last page: null or absent), and how
 * long it is (-1 if not said). */
static int
page_end(struct approval_list *out, const cJSON *root, struct api_error *err)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(root, "next_cursor");

	out->next_cursor[0] = '\0';
	out->total = -1;
	if (c != NULL && !cJSON_IsNull(c) &&
	    (apijson_get_id(out->next_cursor, sizeof out->next_cursor, root,
	    "next_cursor", false, err) != 0 || !api_ref_ok(out->next_cursor))) {
		apijson_fail(err, "\"next_cursor\" is not a cursor");
		return -1;
	}
	if (cJSON_GetObjectItemCaseSensitive(root, "total") != NULL &&
	    get_int(&out->total, root, "total", 0, 1000L * 1000 * 1000, err))
		return -1;
	return 0;
}

int
apijson_decode_approvals(struct approval_list *out, const char *body,
    size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	const cJSON *items, *it;
	int rc = -1;

	if (root == NULL)
		return -1;
	out->n = 0;
	items = cJSON_GetObjectItemCaseSensitive(root, "items");
	if (!cJSON_IsArray(items) ||
	    cJSON_GetArraySize(items) > APPROVALS_PAGE) {
		apijson_fail(err, "\"items\" missing, not an array or longer "
		    "than a page");
		goto out;
	}
	cJSON_ArrayForEach(it, items) {
		if (approval(&out->items[out->n], it, err) != 0)
			goto out;
		out->n++;
	}
	rc = page_end(out, root, err);
out:
	cJSON_Delete(root);
	return rc;
}

static int
member(struct household_member *m, const cJSON *o, struct api_error *err)
{
	static const char *const sex_words[] = { "female", "male", NULL };
	const cJSON *g, *it;
	long no;
	int sex;

	memset(m, 0, sizeof *m);
	if (!cJSON_IsObject(o)) {
		apijson_fail(err, "a member is not an object");
		return -1;
	}
	if (get_int(&no, o, "member_no", 1, 99, err) ||
	    apijson_get_text(m->name, sizeof m->name, o, "name", err) ||
	    apijson_get_id(m->relation, sizeof m->relation, o, "relation",
	    false, err) ||
	    apijson_get_enum(&sex, o, "sex", sex_words, err) ||
	    apijson_get_date(&m->birth, o, "birth_date", err) ||
	    apijson_get_masked(m->id_masked, sizeof m->id_masked, o,
	    "id_number_masked", APIJSON_MASK_ID, false, err) ||
	    apijson_get_ref(m->person_id, sizeof m->person_id, o, "person_id",
	    true, err) ||
	    get_bool(&m->has_card, o, "has_card", err))
		return -1;
	m->member_no = (int)no;
	m->sex = (enum sex)sex;
	g = cJSON_GetObjectItemCaseSensitive(o, "guardians");
	if (!cJSON_IsArray(g) ||
	    cJSON_GetArraySize(g) > HOUSEHOLD_GUARDIANS_MAX) {
		apijson_fail(err, "\"guardians\" missing, not an array or long");
		return -1;
	}
	cJSON_ArrayForEach(it, g) {
		if (!cJSON_IsNumber(it) || it->valuedouble < 1 ||
		    it->valuedouble > 99) {
			apijson_fail(err, "a guardian is not a member number");
			return -1;
		}
		m->guardians[m->nguardians++] = (int)it->valuedouble;
	}
	return 0;
}

int
apijson_decode_household(struct household *out, const char *body,
    size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	const cJSON *ms, *it;
	int rc = -1;

	if (root == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (apijson_get_ref(out->register_no, sizeof out->register_no, root,
	    "register_no", false, err) ||
	    apijson_get_text(out->address, sizeof out->address, root,
	    "address", err) ||
	    apijson_get_date(&out->as_of, root, "as_of", err))
		goto out;
	ms = cJSON_GetObjectItemCaseSensitive(root, "members");
	if (!cJSON_IsArray(ms) ||
	    cJSON_GetArraySize(ms) > HOUSEHOLD_MEMBERS_MAX) {
		apijson_fail(err, "\"members\" missing, not an array or long");
		goto out;
	}
	cJSON_ArrayForEach(it, ms) {
		if (member(&out->members[out->nmembers], it, err) != 0)
			goto out;
		out->nmembers++;
	}
	rc = 0;
out:
	cJSON_Delete(root);
	return rc;
}

int
apijson_decode_results_app(struct application *out, const char *body,
    size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	const cJSON *rs, *it, *card;
	int rc = -1;

	if (root == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	/* The newborn's first card, issued at registration; an answer
	 * without "card" has none (no PIN to set). */
	card = cJSON_GetObjectItemCaseSensitive(root, "card");
	if (card != NULL && apijson_card(&out->card, card, err) != 0)
		goto out;
	if (apijson_get_ref(out->application_id, sizeof out->application_id,
	    root, "application_id", false, err) ||
	    apijson_get_service(out, root, err) ||
	    apijson_get_id(out->status, sizeof out->status, root, "status",
	    false, err) ||
	    apijson_get_id(out->created_at, sizeof out->created_at, root,
	    "created_at", false, err) ||
	    apijson_get_text(out->next_steps, sizeof out->next_steps, root,
	    "next_steps", err) ||
	    apijson_get_text(out->subject_name, sizeof out->subject_name, root,
	    "child_name", err) ||
	    apijson_get_masked(out->subject_id_masked,
	    sizeof out->subject_id_masked, root, "child_id_number_masked",
	    APIJSON_MASK_ID, false, err))
		goto out;
	rs = cJSON_GetObjectItemCaseSensitive(root, "results");
	if (!cJSON_IsArray(rs) || cJSON_GetArraySize(rs) < 1 ||
	    cJSON_GetArraySize(rs) > APP_RESULTS_MAX) {
		apijson_fail(err, "\"results\" missing, empty or long");
		goto out;
	}
	cJSON_ArrayForEach(it, rs) {
		size_t n;

		if (!cJSON_IsString(it) || it->valuestring == NULL) {
			apijson_fail(err, "a result is not a string");
			goto out;
		}
		n = strlen(it->valuestring);
		if (n >= TEXT_MAX)
			n = TEXT_MAX - 1;
		while (n > 0 && ((unsigned char)it->valuestring[n] & 0xC0) ==
		    0x80)
			n--;
		memcpy(out->results[out->nresults], it->valuestring, n);
		out->results[out->nresults][n] = '\0';
		out->nresults++;
	}
	rc = 0;
out:
	cJSON_Delete(root);
	return rc;
}
