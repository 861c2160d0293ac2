/*
 * fuzz_apijson.c -- libFuzzer harness for the JSON reply decoders: every
 * decoder of net/apijson.c gets the same bytes, passed with their exact
 * length in a buffer of exactly that size (no NUL after it), as the
 * transport hands a reply over.  The first byte picks the HTTP status the
 * error decoder is told.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/api.h"
#include "net/apijson.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct api_error err;
	static struct staff staff;
	static struct identity_result id;
	static struct person person;
	static struct application app;
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
	free(body);
	return 0;
}
