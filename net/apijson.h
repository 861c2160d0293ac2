/*
 * apijson.h -- the wire's JSON, both ways, at the edge of net/.
 *
 * Decoders take the reply with its exact length (no NUL needed), refuse
 * anything over WIRE_REPLY_MAX or with a member named twice in one object
 * (cJSON would take the first without a word), check every field's type,
 * and fill a plain struct; on failure they return -1 and say why in err
 * (API_BAD_REPLY).
 * Encoders return a malloc'd NUL-terminated string (caller frees; wipe
 * with sodium_memzero first if it holds a secret) or NULL.
 * cJSON never appears in this header.
 */
#ifndef SSDESK_APIJSON_H
#define SSDESK_APIJSON_H

#include <stddef.h>

#include "forms/person.h"
#include "forms/wire.h"
#include "net/api.h"

/* A refusal's body: 0 in the contract's error shape (code, message,
 * field); -1 not (a proxy's page, an empty body): code "http_NNN" and a
 * placeholder message; -2 JSON the terminal must not read at all (a
 * duplicate member name, a \u0000), as -1 with the reason in detail. */
int apijson_decode_error(struct api_error *out, int http_status,
    const char *body, size_t len);
int apijson_decode_session(struct staff *staff, char *token, size_t tokensz,
    const char *body, size_t len, struct api_error *err);
int apijson_decode_identity(struct identity_result *out, const char *body,
    size_t len, struct api_error *err);
int apijson_decode_person(struct person *out, const char *body, size_t len,
    struct api_error *err);
int apijson_decode_write_status(struct write_status *out, const char *body,
    size_t len, struct api_error *err);
int apijson_decode_anchor(struct anchor_answer *out, const char *body,
    size_t len, struct api_error *err);
char *apijson_encode_anchor(const char *terminal, unsigned long seq,
    const char *mac);
int apijson_decode_application(struct application *out, const char *body,
    size_t len, struct api_error *err);

char *apijson_encode_sign_in(const char *staff_id, const char *password,
    const char *counter);
char *apijson_encode_identity(const struct identity_request *req);
char *apijson_encode_medical(const struct medical_request *req);

#endif
