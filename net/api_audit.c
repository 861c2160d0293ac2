/*
 * api_audit.c -- the audit log's anchors at the service (docs/api.md "The
 * audit log's anchors"): the head of the terminal's chain, sent so that a
 * log cut or rewritten later shows against the service's copy.
 */
#include "net/api.h"

#include "net/api_internal.h"
#include "net/apijson.h"

static int
api_decode_anchor(void *res, const char *body, size_t len,
    struct api_error *err)
{
	return apijson_decode_anchor(res, body, len, err);
}

static void
api_deliver_anchor(void (*cb)(void), void *arg, const struct api_error *err,
    const void *res)
{
	((api_anchor_cb *)cb)(arg, err, res);
}

static const struct api_call_def api_def_anchor = {
	.decode = api_decode_anchor,
	.res_size = sizeof(struct anchor_answer),
	.deliver = api_deliver_anchor,
	.body = true,
	.background = true,
};

void
api_audit_anchor(struct api *a, const char *terminal, unsigned long seq,
    const char *mac, api_anchor_cb *cb, void *arg)
{
	api_call(a, &api_def_anchor, (void (*)(void))cb, arg, "POST",
	    "/v1/audit/anchors", terminal && mac ?
	    apijson_encode_anchor(terminal, seq, mac) : NULL, NULL);
}
