/*
 * apijson_card.c -- encoders and decoders of the card services.
 */
#include "net/apijson_card.h"

#include <math.h>
#include <string.h>

#include "net/apijson_internal.h"

char *
apijson_encode_card(const struct card_request *req, const char *sealed)
{
	cJSON *root = cJSON_CreateObject();
	size_t n = 0;

	if (root == NULL)
		return NULL;
	if (!apijson_add_ref(root, "check_id", req->check_id, &n) ||
	    (req->card_id != NULL &&
	    !apijson_add_ref(root, "card_id", req->card_id, &n)) ||
	    (req->bank_card != NULL &&
	    (!apijson_add_ref(root, "bank_card", req->bank_card, &n) ||
	    cJSON_AddBoolToObject(root, "luhn_confirmed",
	    req->luhn_confirmed) == NULL)) ||
	    (sealed != NULL &&
	    !apijson_add_ref(root, "sealed_pin", sealed, &n))) {
		cJSON_Delete(root);
		return NULL;
	}
	return apijson_print(root, n);
}

int
apijson_decode_challenge(struct pin_challenge *out, const char *body,
    size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	int rc = -1;

	if (root == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (apijson_get_id(out->challenge, sizeof out->challenge, root,
	    "challenge", false, err) == 0 &&
	    apijson_get_long(&out->expires_in, root, "expires_in", 0, 86400,
	    err) == 0)
		rc = 0;
	cJSON_Delete(root);
	return rc;
}

#define MONEY_MAX 1e13   /* fen: 100 billion yuan */

int
apijson_decode_contrib(struct contributions *out, const char *body,
    size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	const cJSON *recs, *r;
	int rc = -1, t;

	if (root == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (apijson_get_long(&out->pension_balance, root, "pension_balance",
	    -MONEY_MAX, MONEY_MAX, err) < 0 ||
	    apijson_get_long(&out->medical_balance, root, "medical_balance",
	    -MONEY_MAX, MONEY_MAX, err) < 0)
		goto out;
	recs = cJSON_GetObjectItemCaseSensitive(root, "records");
	if (!cJSON_IsArray(recs)) {
		apijson_fail(err, "\"records\" missing or not an array");
		goto out;
	}
	cJSON_ArrayForEach(r, recs) {
		struct contribution *c;

		if (out->n >= CONTRIB_MAX) {
			apijson_fail(err, "more than %d records", CONTRIB_MAX);
			goto out;
		}
		c = &out->rec[out->n];
		if (!cJSON_IsObject(r) ||
		    apijson_get_id(c->month, sizeof c->month, r, "month", false,
		    err) < 0 || strlen(c->month) != 7 || c->month[4] != '-' ||
		    apijson_get_enum(&t, r, "type", contrib_type_words, err) < 0 ||
		    apijson_get_long(&c->base, r, "base", 0, MONEY_MAX, err) < 0 ||
		    apijson_get_long(&c->amount, r, "amount", -MONEY_MAX,
		    MONEY_MAX, err) < 0) {
			if (err->detail[0] == '\0')
				apijson_fail(err, "a record is not of the shape");
			goto out;
		}
		c->type = (enum contrib_type)t;
		out->n++;
	}
	rc = 0;
out:
	cJSON_Delete(root);
	return rc;
}
