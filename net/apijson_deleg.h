/*
 * apijson_deleg.h -- the wire of the delegation, approval and household
 * calls (docs/api.md), for net/api_deleg.c.  Same contracts as apijson.h.
 */
#ifndef SSDESK_APIJSON_DELEG_H
#define SSDESK_APIJSON_DELEG_H

#include <stdbool.h>
#include <stddef.h>

#include "net/api.h"

char *apijson_encode_poa_insured(const struct poa_insured_request *req);
char *apijson_encode_poa(const struct poa_request *req);
char *apijson_encode_decision(bool approve, const char *reason);
char *apijson_encode_newborn(const struct newborn_request *req);

int apijson_decode_insured(struct person *out, const char *body, size_t len,
    struct api_error *err);
int apijson_decode_approval(struct approval *out, const char *body,
    size_t len, struct api_error *err);
int apijson_decode_approvals(struct approval_list *out, const char *body,
    size_t len, struct api_error *err);
int apijson_decode_household(struct household *out, const char *body,
    size_t len, struct api_error *err);
/* An application with results and no card (newborn registration). */
int apijson_decode_results_app(struct application *out, const char *body,
    size_t len, struct api_error *err);

#endif
