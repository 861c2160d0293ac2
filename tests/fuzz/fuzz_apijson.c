/*
 * fuzz_apijson.c -- libFuzzer harness for the JSON reply decoders: every
 * decoder of net/apijson.c, net/apijson_card.c and net/apijson_deleg.c
 * gets the same bytes, passed with their exact length in a buffer of
 * exactly that size (no NUL after it), as the transport hands a reply
 * over.  The first byte picks the HTTP status the error decoder is told.
 * Whatever a reply held, a decoded person shows no more of a number than
 * its mask allows (forms/mask.h): a breach aborts, so the fuzzer reports
 * it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "forms/person.h"

#include "net/api.h"
#include "net/apijson.h"
#include "net/apijson_card.h"
#include "net/apijson_deleg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* At most shown characters of s are not '*'. */
static void
masked_or_abort(const char *s, size_t shown)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += *s != '*';
	if (n > shown)
		abort();
}

static void
person_masked_or_abort(const struct person *p)
{
	masked_or_abort(p->id_masked, 10);
	masked_or_abort(p->phone_masked, 7);
	for (size_t i = 0; i < p->ncards; i++)
		masked_or_abort(p->cards[i].number_masked, 5);
}

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
static struct write_status written;
static struct anchor_answer anchor;

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
	if (apijson_decode_identity(&id, body, size, &err) == 0)
		person_masked_or_abort(&id.person);
	if (apijson_decode_person(&person, body, size, &err) == 0)
		person_masked_or_abort(&person);
	if (apijson_decode_application(&app, body, size, &err) == 0)
		masked_or_abort(app.card.number_masked, 5);
	apijson_decode_challenge(&challenge, body, size, &err);
	apijson_decode_contrib(&contrib, body, size, &err);
	if (apijson_decode_insured(&person, body, size, &err) == 0)
		person_masked_or_abort(&person);
	apijson_decode_approval(&approval, body, size, &err);
	apijson_decode_approvals(&approvals, body, size, &err);
	apijson_decode_household(&household, body, size, &err);
	apijson_decode_results_app(&app, body, size, &err);
	apijson_decode_write_status(&written, body, size, &err);
	apijson_decode_anchor(&anchor, body, size, &err);
	free(body);
	return 0;
}
