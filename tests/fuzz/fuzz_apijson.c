/*
 * fuzz_apijson.c -- libFuzzer harness for the JSON reply decoders: every
 * decoder of net/apijson.c, net/apijson_card.c and net/apijson_deleg.c
 * gets the same bytes, passed with their exact length in a buffer of
 * exactly that size (no NUL after it), as the transport hands a reply
 * over.  The first byte picks the HTTP status the error decoder is told.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/api.h"
#include "net/apijson.h"
#include "net/apijson_card.h"
#include "net/apijson_deleg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The decoders' outputs: static, some are large. */
static struct api_error err;
static struct staff staff;
static struct identity_result id;
static struct person person;
static struct application app;
static struct pin_challenge challenge;
static struct contributions contrib;
static struct approval approval;
static struct approval_list approvals;
static struct household household;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char token[129];
	char *body = malloc(size ? size : 1);

	if (body == NULL)
		return 0;
	memcpy(body, data, size);
	apijson_decode_error(&err, size ? 400 + data[0] % 200 : 500, body,
	    size);
	apijson_decode_session(&staff, token, sizeof token, body, size, &err);
	apijson_decode_identity(&id, body, size, &err);
	apijson_decode_person(&person, body, size, &err);
	apijson_decode_application(&app, body, size, &err);
	apijson_decode_challenge(&challenge, body, size, &err);
	apijson_decode_contrib(&contrib, body, size, &err);
	apijson_decode_insured(&person, body, size, &err);
	apijson_decode_approval(&approval, body, size, &err);
	apijson_decode_approvals(&approvals, body, size, &err);
	apijson_decode_household(&household, body, size, &err);
	apijson_decode_results_app(&app, body, size, &err);
	free(body);
	return 0;
}
