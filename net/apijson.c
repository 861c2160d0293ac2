/*
 * apijson.c -- the wire's JSON (docs/api.md), both ways, with cJSON.
 *
 * Decoding is where untrusted bytes become plain structs, so it is strict:
 * the reply is parsed with its exact length (it need not end in NUL) and a
 * size cap, every field is type-checked, identifiers that do not fit are a
 * bad reply (never silently cut: a cut id names something else), free text
 * (names, messages) is cut on a UTF-8 character boundary, dates go through
 * date_parse, enums must be one of the documented words, arrays are
 * bounded.  Encoding prints into one buffer we own (cJSON_PrintPreallocated)
 * and references secrets instead of copying them, so a password or a bank
 * card number is left nowhere but in the returned string, which the caller
 * wipes.  cJSON never leaves this file.
 */
#include "forms/service.h"
#include "forms/text.h"
#include "net/apijson.h"
#include "net/apijson_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "forms/date.h"
#include "forms/idnum.h"
#include "forms/mask.h"
#include "forms/wire.h"
#include "net/api_internal.h"


void
apijson_fail(struct api_error *err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return;
	memset(err, 0, sizeof *err);
	err->result = API_BAD_REPLY;
	snprintf(err->code, sizeof err->code, "bad_reply");
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof err->detail, fmt, ap);
	va_end(ap);
}

static int
apijson_name_cmp(const void *a, const void *b)
{
	const char *x = (*(const cJSON *const *)a)->string;
	const char *y = (*(const cJSON *const *)b)->string;

	return strcmp(x ? x : "", y ? y : "");
}

/* Does an object anywhere in v name one member twice?  cJSON keeps both
 * and every lookup finds the first, so {"ss":"inactive","ss":"active"}
 * would be read one way here and maybe the other way by whoever wrote
 * it.  Names are sorted, not compared pairwise, so a reply of 1 MiB of
 * members costs n log n.  Out of memory counts as a duplicate: the reply
 * is refused, never read half-checked. */
static bool
apijson_has_duplicate(const cJSON *v)
{
	const cJSON *c, **names;
	size_t n = 0, i;
	bool dup = false;

	cJSON_ArrayForEach(c, v) {
		if (apijson_has_duplicate(c))
			return true;
		n++;
	}
	if (!cJSON_IsObject(v) || n < 2)
		return false;
	if ((names = malloc(n * sizeof *names)) == NULL)
		return true;
	i = 0;
	cJSON_ArrayForEach(c, v)
		names[i++] = c;
	qsort(names, n, sizeof *names, apijson_name_cmp);
	for (i = 1; i < n && !dup; i++)
		dup = apijson_name_cmp(&names[i - 1], &names[i]) == 0;
	free(names);
	return dup;
}

/* Parse exactly body[0..len): cJSON alone would accept trailing junk.
 * NULL if it is not one JSON value, or (then *why says so) if it is one
 * the terminal must not read: a \u0000 in a string, a duplicate name. */
static cJSON *
apijson_parse_exact(const char *body, size_t len, const char **why)
{
	const char *end = NULL;
	cJSON *root;

	*why = NULL;
	if (text_json_has_nul(body, len)) {
		*why = "a string holds \\u0000, or the reply a NUL";
		return NULL;
	}
	root = cJSON_ParseWithLengthOpts(body, len, &end, 0);
	if (root == NULL)
		return NULL;
	for (; end != NULL && end < body + len; end++)
		if (*end != ' ' && *end != '\t' && *end != '\r' && *end != '\n') {
			cJSON_Delete(root);
			return NULL;
		}
	if (apijson_has_duplicate(root)) {
		*why = "an object names a member twice";
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

cJSON *
apijson_parse(const char *body, size_t len, struct api_error *err)
{
	const char *why;
	cJSON *root;

	if (body == NULL || len == 0) {
		apijson_fail(err, "empty reply");
		return NULL;
	}
	if (len > WIRE_REPLY_MAX) {
		apijson_fail(err, "reply of %zu bytes over the cap", len);
		return NULL;
	}
	root = apijson_parse_exact(body, len, &why);
	if (root == NULL) {
		apijson_fail(err, "reply is not JSON%s%s", why ? ": " : "",
		    why ? why : "");
		return NULL;
	}
	if (!cJSON_IsObject(root)) {
		apijson_fail(err, "reply is not a JSON object");
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

/* Cut s to at most max bytes without splitting a UTF-8 sequence. */
static size_t
apijson_utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	len = max;
	/* Step back over continuation bytes to the start of the last char,
	 * and drop that char if it was not complete. */
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	return len;
}

/* A string member that is an identifier: present, a string, fits in
 * outsz with its NUL (else a bad reply).  Empty allowed only if may_empty. */
int
apijson_get_id(char *out, size_t outsz, const cJSON *obj, const char *name,
    bool may_empty, struct api_error *err)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);
	size_t n;

	if (!cJSON_IsString(it) || it->valuestring == NULL) {
		apijson_fail(err, "\"%s\" missing or not a string", name);
		return -1;
	}
	n = strlen(it->valuestring);
	if (n >= outsz || (n == 0 && !may_empty)) {
		apijson_fail(err, "\"%s\" has a bad length (%zu)", name, n);
		return -1;
	}
	memcpy(out, it->valuestring, n + 1);
	return 0;
}

int
apijson_get_ref(char *out, size_t outsz, const cJSON *obj, const char *name,
    bool may_empty, struct api_error *err)
{
	if (apijson_get_id(out, outsz, obj, name, may_empty, err) != 0)
		return -1;
	if (out[0] != '\0' && !api_ref_ok(out)) {
		apijson_fail(err, "\"%s\" is not an identifier", name);
		return -1;
	}
	return 0;
}

static void
apijson_mask(char *out, size_t outsz, const char *raw, enum apijson_mask kind)
{
	char id[IDNUM_MASKED_LEN + 1];

	switch (kind) {
	case APIJSON_MASK_ID:
		idnum_mask(id, raw);
		snprintf(out, outsz, "%s", id);
		break;
	case APIJSON_MASK_CARD:
		mask_card_number(out, outsz, raw);
		break;
	case APIJSON_MASK_PHONE:
		mask_phone(out, outsz, raw);
		break;
	}
}

/* The whole number, if the service sent one, lives only in raw, on the
 * stack, and is wiped before return. */
int
apijson_get_masked(char *out, size_t outsz, const cJSON *obj,
    const char *name, enum apijson_mask kind, bool may_empty,
    struct api_error *err)
{
	char raw[64];
	int rc;

	if (outsz > sizeof raw)
		outsz = sizeof raw;
	rc = apijson_get_id(raw, outsz, obj, name, may_empty, err);
	if (rc == 0)
		apijson_mask(out, outsz, raw, kind);
	sodium_memzero(raw, sizeof raw);
	return rc;
}

/* A free-text member: present and a string; cut to fit on a character
 * boundary. */
int
apijson_get_text(char *out, size_t outsz, const cJSON *obj, const char *name,
    struct api_error *err)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);
	size_t n;

	if (!cJSON_IsString(it) || it->valuestring == NULL) {
		apijson_fail(err, "\"%s\" missing or not a string", name);
		return -1;
	}
	n = apijson_utf8_cut(it->valuestring, strlen(it->valuestring),
	    outsz - 1);
	memcpy(out, it->valuestring, n);
	out[n] = '\0';
	return 0;
}

int
apijson_get_date(struct date *out, const cJSON *obj, const char *name,
    struct api_error *err)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);

	if (!cJSON_IsString(it) || it->valuestring == NULL ||
	    strlen(it->valuestring) != 10 ||
	    date_parse(out, it->valuestring) != 0) {
		apijson_fail(err, "\"%s\" missing or not a YYYY-MM-DD date", name);
		return -1;
	}
	return 0;
}

/* One of the documented words; its index in words[] goes to *out. */
int
apijson_get_enum(int *out, const cJSON *obj, const char *name,
    const char *const *words, struct api_error *err)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);
	int i;

	if (!cJSON_IsString(it) || it->valuestring == NULL) {
		apijson_fail(err, "\"%s\" missing or not a string", name);
		return -1;
	}
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(it->valuestring, words[i]) == 0) {
			*out = i;
			return 0;
		}
	apijson_fail(err, "\"%s\" has an unknown value", name);
	return -1;
}

const cJSON *
apijson_get_object(const cJSON *obj, const char *name, struct api_error *err)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);

	if (!cJSON_IsObject(it)) {
		apijson_fail(err, "\"%s\" missing or not an object", name);
		return NULL;
	}
	return it;
}

/* Word lists in the order of the enums of forms/person.h. */
static const char *const role_words[] = { "clerk", "supervisor", "trainer", NULL };
static const char *const fn_words[] = { "inactive", "active", "reported_lost", NULL };
static const char *const fin_words[] = { "inactive", "active", NULL };
static const char *const card_state_words[] = { "normal", "lost", NULL };
static const char *const sex_words[] = { "female", "male", NULL };

int
apijson_card(struct card *c, const cJSON *o, struct api_error *err)
{
	int state, ss, fin;

	memset(c, 0, sizeof *c);
	if (!cJSON_IsObject(o)) {
		apijson_fail(err, "a card is not an object");
		return -1;
	}
	if (apijson_get_ref(c->card_id, sizeof c->card_id, o, "card_id", false, err) ||
	    apijson_get_masked(c->number_masked, sizeof c->number_masked, o,
	    "number_masked", APIJSON_MASK_CARD, false, err) ||
	    apijson_get_text(c->bank, sizeof c->bank, o, "bank", err) ||
	    apijson_get_enum(&state, o, "state", card_state_words, err) ||
	    apijson_get_enum(&ss, o, "ss", fn_words, err) ||
	    apijson_get_enum(&fin, o, "fin", fin_words, err) ||
	    apijson_get_date(&c->received_on, o, "received_on", err) ||
	    apijson_get_date(&c->deadline, o, "deadline", err))
		return -1;
	c->state = (enum card_state)state;
	c->ss = (enum fn_state)ss;
	c->fin = (enum fn_state)fin;
	return 0;
}

int
apijson_person(struct person *p, const cJSON *o, struct api_error *err)
{
	const cJSON *cards, *it, *phone;
	int sex;

	memset(p, 0, sizeof *p);
	if (apijson_get_ref(p->person_id, sizeof p->person_id, o, "person_id", false, err) ||
	    apijson_get_text(p->name, sizeof p->name, o, "name", err) ||
	    apijson_get_masked(p->id_masked, sizeof p->id_masked, o,
	    "id_number_masked", APIJSON_MASK_ID, false, err) ||
	    apijson_get_date(&p->birth, o, "birth_date", err) ||
	    apijson_get_enum(&sex, o, "sex", sex_words, err) ||
	    apijson_get_date(&p->as_of, o, "as_of", err))
		return -1;
	p->sex = (enum sex)sex;
	/* The phone may be unknown: absent, null or "" all mean none. */
	phone = cJSON_GetObjectItemCaseSensitive(o, "phone_masked");
	if (phone != NULL && !cJSON_IsNull(phone) &&
	    apijson_get_masked(p->phone_masked, sizeof p->phone_masked, o,
	    "phone_masked", APIJSON_MASK_PHONE, true, err))
		return -1;
	cards = cJSON_GetObjectItemCaseSensitive(o, "cards");
	if (!cJSON_IsArray(cards)) {
		apijson_fail(err, "\"cards\" missing or not an array");
		return -1;
	}
	if (cJSON_GetArraySize(cards) > CARDS_MAX) {
		apijson_fail(err, "more than %d cards", CARDS_MAX);
		return -1;
	}
	cJSON_ArrayForEach(it, cards) {
		if (apijson_card(&p->cards[p->ncards], it, err) != 0)
			return -1;
		p->ncards++;
	}
	return 0;
}

int
apijson_decode_error(struct api_error *out, int http_status, const char *body,
    size_t len)
{
	cJSON *root = NULL;
	const cJSON *field;
	const char *why = NULL;
	struct api_error tmp;
	int rc = -1;

	out->http_status = http_status;
	out->code[0] = out->field[0] = out->message[0] = '\0';
	if (body != NULL && len > 0 && len <= WIRE_REPLY_MAX)
		root = apijson_parse_exact(body, len, &why);
	if (cJSON_IsObject(root) &&
	    apijson_get_id(out->code, sizeof out->code, root, "code", false, &tmp) == 0 &&
	    apijson_get_text(out->message, sizeof out->message, root, "message",
	    &tmp) == 0) {
		field = cJSON_GetObjectItemCaseSensitive(root, "field");
		if (cJSON_IsString(field) && field->valuestring != NULL &&
		    strlen(field->valuestring) < sizeof out->field)
			strcpy(out->field, field->valuestring);
		rc = 0;
	} else {
		/* Not our error shape (a proxy's HTML page...): say only what
		 * the status says; the terminal shows its own sentence. */
		snprintf(out->code, sizeof out->code, "http_%d", http_status);
		snprintf(out->message, sizeof out->message,
		    "The central service answered with HTTP status %d.",
		    http_status);
		out->field[0] = '\0';
		if (why != NULL) {
			snprintf(out->detail, sizeof out->detail,
			    "error reply is unreadable: %s", why);
			rc = -2;
		}
	}
	cJSON_Delete(root);
	return rc;
}

/* The token goes into an HTTP header: visible ASCII only. */
static bool
apijson_token_ok(const char *s)
{
	for (; *s; s++)
		if (*s < 0x21 || *s > 0x7e)
			return false;
	return true;
}

int
apijson_decode_session(struct staff *staff, char *token, size_t tokensz,
    const char *body, size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	const cJSON *tok, *exp, *st;
	size_t n;
	int role, rc = -1;

	if (root == NULL)
		return -1;
	memset(staff, 0, sizeof *staff);
	tok = cJSON_GetObjectItemCaseSensitive(root, "token");
	exp = cJSON_GetObjectItemCaseSensitive(root, "expires_in");
	if (!cJSON_IsString(tok) || tok->valuestring == NULL) {
		apijson_fail(err, "\"token\" missing or not a string");
		goto out;
	}
	n = strlen(tok->valuestring);
	if (n == 0 || n > WIRE_TOKEN_MAX || n >= tokensz ||
	    !apijson_token_ok(tok->valuestring)) {
		apijson_fail(err, "\"token\" has a bad length or characters");
		goto out;
	}
	if (!cJSON_IsNumber(exp) || !(exp->valuedouble >= 0) ||
	    exp->valuedouble > 366.0 * 86400 ||
	    exp->valuedouble != floor(exp->valuedouble)) {
		apijson_fail(err, "\"expires_in\" missing or not a whole number");
		goto out;
	}
	staff->expires_in = (long)exp->valuedouble;
	if ((st = apijson_get_object(root, "staff", err)) == NULL ||
	    apijson_get_id(staff->staff_id, sizeof staff->staff_id, st, "staff_id",
	    false, err) ||
	    apijson_get_text(staff->name, sizeof staff->name, st, "name", err) ||
	    apijson_get_enum(&role, st, "role", role_words, err) ||
	    apijson_get_id(staff->counter, sizeof staff->counter, st, "counter",
	    true, err))
		goto out;
	staff->role = (enum role)role;
	memcpy(token, tok->valuestring, n + 1);
	rc = 0;
out:
	/* cJSON's copy of the token dies here: wipe it first. */
	if (cJSON_IsString(tok) && tok->valuestring != NULL)
		sodium_memzero(tok->valuestring, strlen(tok->valuestring));
	cJSON_Delete(root);
	return rc;
}

int
apijson_decode_identity(struct identity_result *out, const char *body,
    size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	const cJSON *p;
	int rc = -1;

	if (root == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (apijson_get_ref(out->check_id, sizeof out->check_id, root, "check_id",
	    false, err) == 0 &&
	    (p = apijson_get_object(root, "person", err)) != NULL &&
	    apijson_person(&out->person, p, err) == 0)
		rc = 0;
	cJSON_Delete(root);
	return rc;
}

int
apijson_decode_person(struct person *out, const char *body, size_t len,
    struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	int rc;

	if (root == NULL)
		return -1;
	rc = apijson_person(out, root, err);
	cJSON_Delete(root);
	return rc;
}

int
apijson_decode_application(struct application *out, const char *body,
    size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	const cJSON *c;
	int rc = -1;

	if (root == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (apijson_get_ref(out->application_id, sizeof out->application_id, root,
	    "application_id", false, err) == 0 &&
	    apijson_get_service(out, root, err) == 0 &&
	    apijson_get_id(out->status, sizeof out->status, root, "status",
	    false, err) == 0 &&
	    apijson_get_id(out->created_at, sizeof out->created_at, root,
	    "created_at", false, err) == 0 &&
	    apijson_get_text(out->next_steps, sizeof out->next_steps, root,
	    "next_steps", err) == 0 &&
	    (c = apijson_get_object(root, "card", err)) != NULL &&
	    apijson_card(&out->card, c, err) == 0)
		rc = 0;
	cJSON_Delete(root);
	return rc;
}

/* An application's "service": the enum, and the word as sent (an
 * unknown one is shown as sent: docs/api.md "Reading a reply"). */
int
apijson_get_service(struct application *out, const cJSON *root,
    struct api_error *err)
{
	if (apijson_get_id(out->service_sent, sizeof out->service_sent, root,
	    "service", false, err) != 0)
		return -1;
	out->service = service_of(out->service_sent);
	return 0;
}

int
apijson_decode_write_status(struct write_status *out, const char *body,
    size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	char state[16];
	int rc = -1;

	if (root == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (apijson_get_id(state, sizeof state, root, "state", false,
	    err) == 0 && (strcmp(state, "done") == 0 ||
	    (apijson_fail(err, "\"state\" is not \"done\""), false)) &&
	    apijson_get_id(out->application_id, sizeof out->application_id,
	    root, "application_id", false, err) == 0 &&
	    apijson_get_id(out->status, sizeof out->status, root, "status",
	    false, err) == 0)
		rc = 0;
	cJSON_Delete(root);
	return rc;
}

int
apijson_get_long(long *out, const cJSON *o, const char *name, double lo,
    double hi, struct api_error *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	if (!cJSON_IsNumber(v) || !(v->valuedouble >= lo) ||
	    v->valuedouble > hi || v->valuedouble != floor(v->valuedouble)) {
		apijson_fail(err, "\"%s\" missing or not a whole number", name);
		return -1;
	}
	*out = (long)v->valuedouble;
	return 0;
}

/* POST /v1/audit/anchors: the service's previous anchor, if any. */
int
apijson_decode_anchor(struct anchor_answer *out, const char *body,
    size_t len, struct api_error *err)
{
	cJSON *root = apijson_parse(body, len, err);
	const cJSON *prev;
	long seq;
	int rc = -1;

	if (root == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	prev = cJSON_GetObjectItemCaseSensitive(root, "previous");
	if (prev == NULL || cJSON_IsNull(prev))
		rc = 0;
	else if (cJSON_IsObject(prev) &&
	    apijson_get_long(&seq, prev, "seq", 1, 4e15, err) == 0 &&
	    apijson_get_id(out->mac, sizeof out->mac, prev, "mac", false,
	    err) == 0) {
		out->has_previous = true;
		out->seq = (unsigned long)seq;
		rc = 0;
	} else if (err->detail[0] == '\0')
		apijson_fail(err, "\"previous\" is not an anchor");
	cJSON_Delete(root);
	return rc;
}

char *
apijson_encode_anchor(const char *terminal, unsigned long seq,
    const char *mac)
{
	cJSON *root = cJSON_CreateObject();
	size_t n = 0;

	if (root == NULL)
		return NULL;
	if (!apijson_add_ref(root, "terminal", terminal, &n) ||
	    cJSON_AddNumberToObject(root, "seq", (double)seq) == NULL ||
	    !apijson_add_ref(root, "mac", mac, &n)) {
		cJSON_Delete(root);
		return NULL;
	}
	return apijson_print(root, n);
}

/* ---- encoders ---------------------------------------------------------- */

/* Print root into one malloc'd buffer of our own: every string escaped
 * takes at most 6 bytes per input byte (\u00XX), so strbytes * 6 plus room
 * for names and punctuation is enough and cJSON allocates nothing we could
 * not wipe.  Deletes root. */
char *
apijson_print(cJSON *root, size_t strbytes)
{
	size_t cap = strbytes * 6 + 512;
	char *buf;

	if (root == NULL)
		return NULL;
	if (cap > WIRE_REPLY_MAX || (buf = calloc(1, cap)) == NULL) {
		cJSON_Delete(root);
		return NULL;
	}
	if (!cJSON_PrintPreallocated(root, buf, (int)cap, 0)) {
		sodium_memzero(buf, cap);
		free(buf);
		buf = NULL;
	}
	cJSON_Delete(root);
	return buf;
}

/* Add a string by reference: cJSON neither copies nor frees it. */
bool
apijson_add_ref(cJSON *obj, const char *name, const char *value, size_t *strbytes)
{
	cJSON *s;

	if (value == NULL || (s = cJSON_CreateStringReference(value)) == NULL)
		return false;
	cJSON_AddItemToObject(obj, name, s);
	*strbytes += strlen(value);
	return true;
}

char *
apijson_encode_sign_in(const char *staff_id, const char *password,
    const char *counter)
{
	cJSON *root = cJSON_CreateObject();
	size_t n = 0;

	if (root == NULL)
		return NULL;
	if (!apijson_add_ref(root, "staff_id", staff_id, &n) ||
	    !apijson_add_ref(root, "password", password, &n) ||
	    !apijson_add_ref(root, "counter", counter ? counter : "", &n)) {
		cJSON_Delete(root);
		return NULL;
	}
	return apijson_print(root, n);
}

static const char *
face_word(enum face_result f)
{
	switch (f) {
	case FACE_PASS:
		return "pass";
	case FACE_FAIL:
		return "fail";
	case FACE_NOT_DONE:
		break;
	}
	return "not_done";
}

char *
apijson_encode_identity(const struct identity_request *req)
{
	cJSON *root = cJSON_CreateObject(), *cl;
	size_t n = 0;

	if (root == NULL)
		return NULL;
	if (!apijson_add_ref(root, "id_number", req->id_number, &n) ||
	    !apijson_add_ref(root, "name", req->name, &n) ||
	    !apijson_add_ref(root, "id_valid_until", req->valid_until, &n) ||
	    (cl = cJSON_AddObjectToObject(root, "checklist")) == NULL ||
	    cJSON_AddBoolToObject(cl, "original_sighted",
	    req->original_sighted) == NULL ||
	    cJSON_AddBoolToObject(cl, "photocopy_taken",
	    req->photocopy_taken) == NULL ||
	    !apijson_add_ref(cl, "face", face_word(req->face), &n) ||
	    cJSON_AddBoolToObject(cl, "fingerprint", req->fingerprint) == NULL) {
		cJSON_Delete(root);
		return NULL;
	}
	return apijson_print(root, n);
}

char *
apijson_encode_medical(const struct medical_request *req)
{
	cJSON *root = cJSON_CreateObject();
	size_t n = 0;

	if (root == NULL)
		return NULL;
	if (!apijson_add_ref(root, "check_id", req->check_id, &n) ||
	    !apijson_add_ref(root, "card_id", req->card_id, &n) ||
	    !apijson_add_ref(root, "bank_card", req->bank_card, &n) ||
	    !apijson_add_ref(root, "phone", req->phone, &n) ||
	    cJSON_AddBoolToObject(root, "luhn_confirmed",
	    req->luhn_confirmed) == NULL) {
		cJSON_Delete(root);
		return NULL;
	}
	return apijson_print(root, n);
}
