/*
 * apijson_internal.h -- the JSON helpers the decoders and encoders of net/
 * share (net/apijson.c and each area's net/apijson_*.c).  cJSON appears
 * here and must not leave net/.
 *
 * Every getter type-checks one member, bounds it, and on failure fills
 * err (API_BAD_REPLY, with what was wrong in err->detail) and returns -1.
 */
#ifndef SSDESK_APIJSON_INTERNAL_H
#define SSDESK_APIJSON_INTERNAL_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "forms/person.h"
#include "net/api.h"

void apijson_fail(struct api_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* One JSON object of exactly len bytes, at most WIRE_REPLY_MAX, with no
 * \u0000 in any string; NULL (and err) otherwise.  Caller deletes. */
cJSON *apijson_parse(const char *body, size_t len, struct api_error *err);
/* A string shorter than outsz (may_empty: "" allowed), not cut: a
 * timestamp, a word, a masked number read by apijson_get_masked. */
int apijson_get_id(char *out, size_t outsz, const cJSON *obj,
    const char *name, bool may_empty, struct api_error *err);
/* An identifier the terminal cites back (person_id, card_id, check_id,
 * application_id, register_no): as apijson_get_id, and of the grammar
 * api_ref_ok() accepts (docs/api.md), so it can go into a path. */
int apijson_get_ref(char *out, size_t outsz, const cJSON *obj,
    const char *name, bool may_empty, struct api_error *err);
/* A personal number the screens will show, kept only masked whatever
 * arrives (masked, or by the service's mistake whole): forms/mask.h's rule
 * for its kind.  Too long for outsz is a bad reply, as for an id. */
enum apijson_mask { APIJSON_MASK_ID, APIJSON_MASK_CARD, APIJSON_MASK_PHONE };
int apijson_get_masked(char *out, size_t outsz, const cJSON *obj,
    const char *name, enum apijson_mask kind, bool may_empty,
    struct api_error *err);
/* Untrusted text, cut at a character boundary to fit outsz. */
int apijson_get_text(char *out, size_t outsz, const cJSON *obj,
    const char *name, struct api_error *err);
int apijson_get_date(struct date *out, const cJSON *obj, const char *name,
    struct api_error *err);
/* A string that must be one of words (NULL-terminated); *out its index. */
int apijson_get_enum(int *out, const cJSON *obj, const char *name,
    const char *const *words, struct api_error *err);
const cJSON *apijson_get_object(const cJSON *obj, const char *name,
    struct api_error *err);
/* A whole number in [lo, hi]. */
int apijson_get_long(long *out, const cJSON *o, const char *name, double lo,
    double hi, struct api_error *err);
int apijson_card(struct card *c, const cJSON *o, struct api_error *err);
int apijson_get_service(struct application *out, const cJSON *root,
    struct api_error *err);
int apijson_person(struct person *p, const cJSON *o, struct api_error *err);

/* Print root (deleted here) into one buffer of our own that the caller
 * can wipe; strbytes is the sum of the string values' lengths. */
char *apijson_print(cJSON *root, size_t strbytes);
/* Add a string by reference (not copied), counting it in *strbytes. */
bool apijson_add_ref(cJSON *obj, const char *name, const char *value,
    size_t *strbytes);

#endif
