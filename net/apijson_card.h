/*
 * apijson_card.h -- JSON of the card services (net/api_card.c).
 */
#ifndef SSDESK_APIJSON_CARD_H
#define SSDESK_APIJSON_CARD_H

#include <stddef.h>

#include "net/api.h"

/* Encoders: malloc'd JSON the caller wipes (api_wipe_free), or NULL.
 * sealed may be NULL (no sealed_pin member); bank_card is sent only when
 * req->bank_card is set. */
char *apijson_encode_card(const struct card_request *req, const char *sealed);
int apijson_decode_challenge(struct pin_challenge *out, const char *body,
    size_t len, struct api_error *err);
int apijson_decode_contrib(struct contributions *out, const char *body,
    size_t len, struct api_error *err);

#endif
