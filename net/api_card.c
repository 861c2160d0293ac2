/*
 * api_card.c -- the card services' calls (docs/api.md "Card services").
 */
#include <stdio.h>

#include "net/api_internal.h"
#include "net/apijson_card.h"

static int
api_decode_challenge(void *res, const char *body, size_t len,
    struct api_error *err)
{
	return apijson_decode_challenge(res, body, len, err);
}

static void
api_deliver_challenge(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_challenge_cb *)cb)(arg, err, res);
}

static const struct api_call_def api_def_challenge = {
	.decode = api_decode_challenge,
	.res_size = sizeof(struct pin_challenge),
	.deliver = api_deliver_challenge,
	.write = true,
	.body = true,
};

static int
api_decode_contrib(void *res, const char *body, size_t len,
    struct api_error *err)
{
	return apijson_decode_contrib(res, body, len, err);
}

static void
api_deliver_contrib(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_contrib_cb *)cb)(arg, err, res);
}

static const struct api_call_def api_def_contrib = {
	.decode = api_decode_contrib,
	.res_size = sizeof(struct contributions),
	.deliver = api_deliver_contrib,
};

/* One POST of a card request; path NULL-safe through api_call(). */
static void
api_card_post(struct api *a, const struct api_call_def *def,
    void (*cb)(void), void *arg, const char *path,
    const struct card_request *req, const char *sealed)
{
	char *body = req ? apijson_encode_card(req, sealed) : NULL;

	api_call(a, def, cb, arg, "POST", path, body, req ? req->idem_key :
	    NULL);
}

void
api_pin_challenge(struct api *a, const struct card_request *req,
    api_challenge_cb *cb, void *arg)
{
	api_card_post(a, &api_def_challenge, (void (*)(void))cb, arg,
	    "/v1/pin-challenges", req, NULL);
}

void
api_contributions_get(struct api *a, const char *person_id,
    api_contrib_cb *cb, void *arg)
{
	char path[64];

	if (!api_ref_ok(person_id)) {
		api_call(a, &api_def_contrib, (void (*)(void))cb, arg, "GET",
		    NULL, NULL, NULL);
		return;
	}
	snprintf(path, sizeof path, "/v1/contributions/%s", person_id);
	api_call(a, &api_def_contrib, (void (*)(void))cb, arg, "GET", path,
	    NULL, NULL);
}
