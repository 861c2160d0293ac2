/*
 * api_deleg.c -- the calls of docs/api.md "Acting for an insured person"
 * and "Newborn registration": confirm the insured, submit a delegated
 * activation, the approval queue and my submissions, one approval, the
 * supervisor's decision, the household record, the newborn registration.
 * Each is an api_call_def sent with api_call().
 */
#include <stdio.h>
#include <string.h>

#include "net/api_internal.h"
#include "net/apijson_deleg.h"

/* The page the terminal asks for is one the service gives. */
_Static_assert(APPROVALS_PAGE >= 1 && APPROVALS_PAGE <= WIRE_PAGE_MAX,
    "a page of the approval lists is a limit the service takes");

static int
dec_insured(void *res, const char *body, size_t len, struct api_error *err)
{
	return apijson_decode_insured(res, body, len, err);
}

static void
del_person(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_person_cb *)cb)(arg, err, res);
}

static int
dec_approval(void *res, const char *body, size_t len, struct api_error *err)
{
	return apijson_decode_approval(res, body, len, err);
}

static void
del_approval(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_approval_cb *)cb)(arg, err, res);
}

static int
dec_approvals(void *res, const char *body, size_t len, struct api_error *err)
{
	return apijson_decode_approvals(res, body, len, err);
}

static void
del_approvals(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_approvals_cb *)cb)(arg, err, res);
}

static int
dec_household(void *res, const char *body, size_t len, struct api_error *err)
{
	return apijson_decode_household(res, body, len, err);
}

static void
del_household(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_household_cb *)cb)(arg, err, res);
}

static int
dec_results_app(void *res, const char *body, size_t len,
    struct api_error *err)
{
	return apijson_decode_results_app(res, body, len, err);
}

static void
del_app(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_application_cb *)cb)(arg, err, res);
}

static const struct api_call_def def_insured = {
	.decode = dec_insured, .res_size = sizeof(struct person),
	.deliver = del_person, .write = false, .body = true,
};
static const struct api_call_def def_approval_get = {
	.decode = dec_approval, .res_size = sizeof(struct approval),
	.deliver = del_approval, .write = false, .body = false,
};
static const struct api_call_def def_decide = {
	.decode = dec_approval, .res_size = sizeof(struct approval),
	.deliver = del_approval, .write = true, .body = true,
};
static const struct api_call_def def_approvals = {
	.decode = dec_approvals, .res_size = sizeof(struct approval_list),
	.deliver = del_approvals, .write = false, .body = false,
};
static const struct api_call_def def_household = {
	.decode = dec_household, .res_size = sizeof(struct household),
	.deliver = del_household, .write = false, .body = false,
};
static const struct api_call_def def_newborn = {
	.decode = dec_results_app, .res_size = sizeof(struct application),
	.deliver = del_app, .write = true, .body = true,
};
const struct api_call_def *const api_def_newborn = &def_newborn;
const struct api_call_def *const api_def_decide = &def_decide;

void
api_poa_insured(struct api *a, const struct poa_insured_request *req,
    api_person_cb *cb, void *arg)
{
	api_call(a, &def_insured, (void (*)(void))cb, arg, "POST",
	    "/v1/delegations/insured",
	    req ? apijson_encode_poa_insured(req) : NULL, NULL);
}

void
api_approvals_list(struct api *a, bool mine, const char *cursor,
    api_approvals_cb *cb, void *arg)
{
	char path[APPROVALS_CURSOR_MAX + 64];
	bool first = cursor == NULL || cursor[0] == '\0';

	snprintf(path, sizeof path, "%s?limit=%d%s%s",
	    mine ? "/v1/submissions" : "/v1/approvals", APPROVALS_PAGE,
	    first ? "" : "&cursor=", first ? "" : cursor);
	api_call(a, &def_approvals, (void (*)(void))cb, arg, "GET",
	    first || (api_ref_ok(cursor) &&
	    strlen(cursor) < APPROVALS_CURSOR_MAX) ? path : NULL, NULL, NULL);
}

const char *
api_approval_path(char *buf, size_t sz, const char *id)
{
	if (!api_ref_ok(id))
		return NULL;
	snprintf(buf, sz, "/v1/approvals/%s", id);
	return buf;
}

void
api_approval_get(struct api *a, const char *application_id,
    api_approval_cb *cb, void *arg)
{
	char path[REF_MAX + 32];

	api_call(a, &def_approval_get, (void (*)(void))cb, arg, "GET",
	    api_approval_path(path, sizeof path, application_id), NULL, NULL);
}

void
api_household_get(struct api *a, const char *register_no,
    api_household_cb *cb, void *arg)
{
	char path[REF_MAX + 32];
	const char *p = NULL;

	if (api_ref_ok(register_no)) {
		snprintf(path, sizeof path, "/v1/households/%s", register_no);
		p = path;
	}
	api_call(a, &def_household, (void (*)(void))cb, arg, "GET", p, NULL,
	    NULL);
}

