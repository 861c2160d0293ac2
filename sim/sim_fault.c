/*
 * sim_fault.c -- parsing and matching the simulator's injected faults, the
 * answers of those that refuse before any work, and the rewriting of the
 * service's answer by those that come after it (see sim_fault.h).  The
 * HTTPS server and the in-process demo act them out through the same two
 * functions, sim_fault_refusal() and sim_fault_rewrite().
 */
#include "sim/sim_fault.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "forms/date.h"

static const struct {
	const char *name;
	enum sim_fault_kind kind;
} sim_fault_names[] = {
	{ "delay", SIM_FAULT_DELAY },
	{ "500", SIM_FAULT_500 },
	{ "503", SIM_FAULT_503 },
	{ "reset", SIM_FAULT_RESET },
	{ "reset-after-commit", SIM_FAULT_RESET_AFTER_COMMIT },
	{ "malformed-json", SIM_FAULT_MALFORMED },
	{ "huge-body", SIM_FAULT_HUGE_BODY },
	{ "trickle", SIM_FAULT_TRICKLE },
	{ "wrong-types", SIM_FAULT_WRONG_TYPES },
	{ "hostile-text", SIM_FAULT_HOSTILE },
	{ "unknown-code-field", SIM_FAULT_UNKNOWN_CODE_FIELD },
	{ "blank-message", SIM_FAULT_BLANK_MESSAGE },
	{ "unmasked", SIM_FAULT_UNMASKED },
	{ "wrong-person", SIM_FAULT_WRONG_PERSON },
	{ "duplicate-keys", SIM_FAULT_DUPLICATE_KEYS },
	{ "other-deadline", SIM_FAULT_OTHER_DEADLINE },
};
#define SIM_FAULT_NKINDS (sizeof sim_fault_names / sizeof sim_fault_names[0])

const char *
sim_fault_name(enum sim_fault_kind k)
{
	for (size_t i = 0; i < SIM_FAULT_NKINDS; i++)
		if (sim_fault_names[i].kind == k)
			return sim_fault_names[i].name;
	return "none";
}

static long
sim_fault_number(const char *s, size_t n, long max)
{
	long v = 0;

	if (n == 0 || n > 9)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v <= max ? v : -1;
}

int
sim_fault_parse(struct sim_fault *out, const char *spec, char *err,
    size_t errlen)
{
	const char *sp, *eq, *kind, *colon, *comma, *end;
	size_t mlen, plen, klen;

	memset(out, 0, sizeof *out);
	out->count = -1;
	sp = strchr(spec, ' ');
	eq = strrchr(spec, '=');
	if (sp == NULL || eq == NULL || eq < sp) {
		snprintf(err, errlen, "not METHOD PATH=KIND[:MS][,COUNT]");
		return -1;
	}
	mlen = (size_t)(sp - spec);
	plen = (size_t)(eq - sp - 1);
	if (mlen == 0 || mlen >= sizeof out->method || plen == 0 ||
	    plen >= sizeof out->path) {
		snprintf(err, errlen, "bad method or path");
		return -1;
	}
	memcpy(out->method, spec, mlen);
	memcpy(out->path, sp + 1, plen);
	if (out->path[0] != '/' && strcmp(out->path, "*") != 0) {
		snprintf(err, errlen, "the path must start with / (or be *)");
		return -1;
	}
	kind = eq + 1;
	end = kind + strlen(kind);
	comma = strchr(kind, ',');
	if (comma != NULL) {
		out->count = sim_fault_number(comma + 1,
		    (size_t)(end - comma - 1), 1000000);
		if (out->count <= 0) {
			snprintf(err, errlen, "the count must be a number > 0");
			return -1;
		}
		end = comma;
	}
	colon = memchr(kind, ':', (size_t)(end - kind));
	klen = (size_t)((colon ? colon : end) - kind);
	for (size_t i = 0; i < SIM_FAULT_NKINDS; i++)
		if (strlen(sim_fault_names[i].name) == klen &&
		    strncmp(sim_fault_names[i].name, kind, klen) == 0)
			out->kind = sim_fault_names[i].kind;
	if (out->kind == SIM_FAULT_NONE) {
		/* Too many kinds for one line of a small buffer. */
		snprintf(err, errlen, "unknown fault kind (ssdesk-sim --help "
		    "and docs/api.md list them)");
		return -1;
	}
	if ((out->kind == SIM_FAULT_DELAY) != (colon != NULL)) {
		snprintf(err, errlen, "delay needs :MS, and only delay takes it");
		return -1;
	}
	if (colon != NULL && (out->ms = sim_fault_number(colon + 1,
	    (size_t)(end - colon - 1), 600000)) < 0) {
		snprintf(err, errlen, "the delay must be 0 to 600000 ms");
		return -1;
	}
	return 0;
}

int
sim_faults_add(struct sim_faults *fs, const char *spec, char *err,
    size_t errlen)
{
	struct sim_fault f;

	if (sim_fault_parse(&f, spec, err, errlen) < 0)
		return -1;
	if (fs->n == SIM_FAULTS_MAX) {
		snprintf(err, errlen, "at most %d faults", SIM_FAULTS_MAX);
		return -1;
	}
	fs->f[fs->n++] = f;
	return 0;
}

int
sim_faults_set(struct sim_faults *fs, const char *text, size_t len,
    char *err, size_t errlen)
{
	struct sim_faults nf = { .n = 0 };
	char line[SIM_FAULT_PATH_MAX + 64];
	size_t i = 0;

	while (i < len) {
		size_t n = 0;

		while (i < len && text[i] != '\n') {
			if (n + 1 >= sizeof line) {
				snprintf(err, errlen, "line too long");
				return -1;
			}
			line[n++] = text[i++];
		}
		i++;
		while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' '))
			n--;
		line[n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		if (sim_faults_add(&nf, line, err, errlen) < 0)
			return -1;
	}
	*fs = nf;
	return 0;
}

static bool
sim_fault_matches(const struct sim_fault *f, const char *method,
    const char *path)
{
	size_t n = strlen(f->path), plen = strcspn(path, "?");

	if (strcmp(f->method, "*") != 0 && strcmp(f->method, method) != 0)
		return false;
	if (strcmp(f->path, "*") == 0)
		return true;
	if (f->path[n - 1] == '/')
		return plen > n && strncmp(f->path, path, n) == 0 &&
		    memchr(path + n, '/', plen - n) == NULL;
	return plen == n && strncmp(f->path, path, n) == 0;
}

enum sim_fault_kind
sim_faults_take(struct sim_faults *fs, const char *method, const char *path,
    long *ms)
{
	for (size_t i = 0; i < fs->n; i++) {
		struct sim_fault *f = &fs->f[i];
		enum sim_fault_kind k = f->kind;

		if (!sim_fault_matches(f, method, path))
			continue;
		*ms = f->ms;
		/* Used up: the next fault for this request takes its turn. */
		if (f->count > 0 && --f->count == 0) {
			memmove(&fs->f[i], &fs->f[i + 1],
			    (fs->n - i - 1) * sizeof fs->f[0]);
			fs->n--;
		}
		return k;
	}
	return SIM_FAULT_NONE;
}

/* Every value's type changed, recursively. */
static cJSON *
sim_fault_twist(const cJSON *v)
{
	cJSON *o, *c;

	if (cJSON_IsString(v))
		return cJSON_CreateNumber(12345);
	if (cJSON_IsNumber(v) || cJSON_IsBool(v))
		return cJSON_CreateString("12345");
	if (cJSON_IsNull(v))
		return cJSON_CreateObject();
	if (cJSON_IsObject(v)) {
		/* Members kept, each twisted: the decoder finds every name
		 * it looks for, with the wrong type. */
		if ((o = cJSON_CreateObject()) == NULL)
			return NULL;
		cJSON_ArrayForEach(c, v) {
			cJSON *t = sim_fault_twist(c);

			if (t == NULL || !cJSON_AddItemToObject(o, c->string, t)) {
				cJSON_Delete(t);
				cJSON_Delete(o);
				return NULL;
			}
		}
		return o;
	}
	if (cJSON_IsArray(v))
		return cJSON_CreateString("[]");
	return cJSON_CreateNull();
}

char *
sim_fault_wrong_types(const char *body, size_t len, size_t *out_len)
{
	cJSON *in = cJSON_ParseWithLength(body, len), *out;
	char *s;

	if (in == NULL)
		return NULL;
	out = sim_fault_twist(in);
	cJSON_Delete(in);
	if (out == NULL)
		return NULL;
	s = cJSON_PrintUnformatted(out);
	cJSON_Delete(out);
	if (s != NULL)
		*out_len = strlen(s);
	return s;
}

/* ---- rewriting the service's answer ----------------------------------- */

/* Members whose text the terminal shows; identifiers are not among them. */
static const char *const sim_fault_shown[] = {
	"name", "bank", "next_steps", "message", "address", "purpose",
};

/* Clear the screen, turn red, set the window title, hide, move the cursor
 * home; a right-to-left override; C0 and C1 controls; invalid UTF-8 (a
 * stray continuation byte, an overlong '/', a surrogate); CR LF TAB; and
 * then the original text followed by far too much more. */
static const char sim_fault_prefix[] =
	"\x1b[2J\x1b[31m\x1b]0;owned\x07\x1b[8m\x1b[H"
	"\xe2\x80\xae" "\x07\x08\x7f" "\xc2\x9b" "31m"
	"\x80" "\xc0\xaf" "\xed\xa0\x80" "\r\n\t";

static char *
sim_fault_poison(const char *orig)
{
	size_t olen = strlen(orig), plen = sizeof sim_fault_prefix - 1;
	size_t n = plen + olen + 300 * 3 + 1;
	char *s = malloc(n), *p;

	if (s == NULL)
		return NULL;
	memcpy(s, sim_fault_prefix, plen);
	memcpy(s + plen, orig, olen);
	p = s + plen + olen;
	for (int i = 0; i < 300; i++, p += 3)
		memcpy(p, "\xe5\x86\xaf", 3);          /* 冯, 300 times */
	*p = '\0';
	return s;
}

/* A string member named name, or NULL. */
static cJSON *
sim_fault_string(cJSON *o, const char *name)
{
	cJSON *it = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(it) && it->valuestring != NULL ? it : NULL;
}

static bool
sim_fault_set(cJSON *o, const char *name, const char *value)
{
	cJSON *v = cJSON_CreateString(value);

	return v != NULL && cJSON_ReplaceItemInObjectCaseSensitive(o, name, v);
}

/* hostile-text: the shown texts of one object. */
static int
sim_fault_edit_hostile(cJSON *o)
{
	for (size_t i = 0; i < sizeof sim_fault_shown /
	    sizeof sim_fault_shown[0]; i++) {
		cJSON *c = sim_fault_string(o, sim_fault_shown[i]);
		char *bad;

		if (c == NULL)
			continue;
		if ((bad = sim_fault_poison(c->valuestring)) == NULL)
			return -1;
		/* cJSON owns valuestring (cJSON_free is free here). */
		free(c->valuestring);
		c->valuestring = bad;
	}
	return 0;
}

/* unmasked: the stars of every "*_masked" member become digits, as a
 * service that forgot to mask would send them. */
static int
sim_fault_edit_unmasked(cJSON *o)
{
	static const char suffix[] = "_masked";
	const size_t sl = sizeof suffix - 1;
	cJSON *c;

	cJSON_ArrayForEach(c, o) {
		size_t n = c->string ? strlen(c->string) : 0, d = 0;

		if (!cJSON_IsString(c) || c->valuestring == NULL || n < sl ||
		    strcmp(c->string + n - sl, suffix) != 0)
			continue;
		for (char *p = c->valuestring; *p != '\0'; p++)
			if (*p == '*')
				*p = "1234567890"[d++ % 10];
	}
	return 0;
}

/* wrong-person: every person (an object with an ID number) is someone
 * else: another name, birth date, sex and region. */
static int
sim_fault_edit_person(cJSON *o)
{
	cJSON *id = sim_fault_string(o, "id_number_masked"), *c;
	char other[32];

	if (id == NULL)
		return 0;
	snprintf(other, sizeof other, "%s%s", strncmp(id->valuestring,
	    "650102", 6) == 0 ? "110105" : "650102",
	    strlen(id->valuestring) > 6 ? id->valuestring + 6 : "");
	if (!sim_fault_set(o, "id_number_masked", other))
		return -1;
	if (sim_fault_string(o, "name") != NULL &&
	    !sim_fault_set(o, "name", "\xe7\x8e\x8b\xe4\xba\x94")) /* 王五 */
		return -1;
	if ((c = sim_fault_string(o, "birth_date")) != NULL &&
	    !sim_fault_set(o, "birth_date", strcmp(c->valuestring,
	    "1970-01-01") == 0 ? "1971-02-02" : "1970-01-01"))
		return -1;
	if ((c = sim_fault_string(o, "sex")) != NULL &&
	    !sim_fault_set(o, "sex", strcmp(c->valuestring, "male") == 0 ?
	    "female" : "male"))
		return -1;
	return 0;
}

/* other-deadline: every card's deadline 10 days later than the rule's. */
static int
sim_fault_edit_deadline(cJSON *o)
{
	cJSON *c = sim_fault_string(o, "deadline");
	struct date d;
	char later[DATE_STR];

	if (c == NULL || date_parse(&d, c->valuestring) != 0)
		return 0;
	date_format(later, date_add_days(d, 10));
	return sim_fault_set(o, "deadline", later) ? 0 : -1;
}

/* duplicate-keys: after each member, one more of the same name with the
 * value twisted (another type): whoever reads the first sees the real
 * answer, whoever reads the last sees nonsense. */
static int
sim_fault_edit_duplicate(cJSON *o)
{
	cJSON *c = o->child, *last = NULL, *t;

	for (t = c; t != NULL; t = t->next)
		last = t;
	for (; c != NULL; c = c->next) {
		if ((t = sim_fault_twist(c)) == NULL ||
		    !cJSON_AddItemToObject(o, c->string, t)) {
			cJSON_Delete(t);
			return -1;
		}
		if (c == last)
			break;
	}
	return 0;
}

typedef int sim_fault_edit_fn(cJSON *obj);

/* edit on every object in v, its members' objects first (so what an edit
 * adds is not edited again). */
static int
sim_fault_each_object(cJSON *v, sim_fault_edit_fn *edit)
{
	cJSON *c;

	cJSON_ArrayForEach(c, v)
		if ((cJSON_IsObject(c) || cJSON_IsArray(c)) &&
		    sim_fault_each_object(c, edit) < 0)
			return -1;
	return cJSON_IsObject(v) ? edit(v) : 0;
}

/* body parsed, edited object by object, printed: malloc'd or NULL. */
static char *
sim_fault_edit(const char *body, size_t len, sim_fault_edit_fn *edit,
    size_t *out_len)
{
	cJSON *in = cJSON_ParseWithLength(body, len);
	char *s = NULL;

	if (in == NULL)
		return NULL;
	if (sim_fault_each_object(in, edit) == 0)
		s = cJSON_PrintUnformatted(in);
	cJSON_Delete(in);
	if (s != NULL)
		*out_len = strlen(s);
	return s;
}

char *
sim_fault_hostile(const char *body, size_t len, size_t *out_len)
{
	return sim_fault_edit(body, len, sim_fault_edit_hostile, out_len);
}

static sim_fault_edit_fn *
sim_fault_editor(enum sim_fault_kind k)
{
	switch (k) {
	case SIM_FAULT_HOSTILE:
		return sim_fault_edit_hostile;
	case SIM_FAULT_UNMASKED:
		return sim_fault_edit_unmasked;
	case SIM_FAULT_WRONG_PERSON:
		return sim_fault_edit_person;
	case SIM_FAULT_DUPLICATE_KEYS:
		return sim_fault_edit_duplicate;
	case SIM_FAULT_OTHER_DEADLINE:
		return sim_fault_edit_deadline;
	default:
		return NULL;
	}
}

char *
sim_fault_rewrite(enum sim_fault_kind k, const char *body, size_t len,
    size_t *out_len)
{
	sim_fault_edit_fn *edit = sim_fault_editor(k);

	if (k == SIM_FAULT_WRONG_TYPES)
		return sim_fault_wrong_types(body, len, out_len);
	return edit != NULL ? sim_fault_edit(body, len, edit, out_len) : NULL;
}

/* ---- refusing before any work ----------------------------------------- */

/* The name of the request body's first member, into out ("" if none). */
static void
sim_fault_first_member(char *out, size_t outsz, const char *body, size_t len)
{
	cJSON *in = body != NULL ? cJSON_ParseWithLength(body, len) : NULL;

	out[0] = '\0';
	if (cJSON_IsObject(in) && in->child != NULL && in->child->string)
		snprintf(out, outsz, "%s", in->child->string);
	cJSON_Delete(in);
}

/* A refusal with a code no terminal knows (422). */
static char *
sim_fault_unknown_refusal(enum sim_fault_kind k, const char *req_body,
    size_t req_len, size_t *out_len)
{
	/* Escape sequences, C1 controls, bidi marks and blanks of every
	 * width: nothing to read once sanitised. */
	static const char blank[] = "\x1b[2J\x1b[31m\xc2\x9b" "1m \t\r\n"
	    "\xe3\x80\x80\xc2\xa0\xe2\x80\x8e\x1b]0;\x07 ";
	cJSON *o = cJSON_CreateObject();
	char field[64], *s = NULL;

	sim_fault_first_member(field, sizeof field, req_body, req_len);
	if (o != NULL &&
	    cJSON_AddStringToObject(o, "code", "fault_unknown_rule") != NULL &&
	    cJSON_AddStringToObject(o, "message",
	    k == SIM_FAULT_BLANK_MESSAGE ? blank : "Refused under a rule "
	    "this terminal does not know yet.") != NULL &&
	    (k != SIM_FAULT_UNKNOWN_CODE_FIELD || field[0] == '\0' ||
	    cJSON_AddStringToObject(o, "field", field) != NULL))
		s = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (s != NULL)
		*out_len = strlen(s);
	return s;
}

char *
sim_fault_refusal(enum sim_fault_kind k, const char *req_body,
    size_t req_len, int *status, size_t *out_len)
{
	static const char f500[] = "{\"code\":\"internal\",\"message\":"
	    "\"The service failed; nothing was done. Try again.\"}";
	static const char f503[] = "{\"code\":\"unavailable\",\"message\":"
	    "\"The service is down for maintenance; nothing was done. Try "
	    "again in a few minutes.\"}";
	const char *fixed;
	char *s;

	switch (k) {
	case SIM_FAULT_500:
	case SIM_FAULT_503:
		fixed = k == SIM_FAULT_500 ? f500 : f503;
		if ((s = strdup(fixed)) == NULL)
			return NULL;
		*status = k == SIM_FAULT_500 ? 500 : 503;
		*out_len = strlen(s);
		return s;
	case SIM_FAULT_UNKNOWN_CODE_FIELD:
	case SIM_FAULT_BLANK_MESSAGE:
		*status = 422;
		return sim_fault_unknown_refusal(k, req_body, req_len, out_len);
	default:
		return NULL;
	}
}

/* ---- in-process (ssdesk --demo --fault) -------------------------------- */

int
sim_fault_handle(struct sim *s, struct sim_faults *fs,
    const struct sim_request *req, int *status, char **body,
    size_t *body_len)
{
	long ms;
	enum sim_fault_kind k = sim_faults_take(fs, req->method ? req->method :
	    "", req->path ? req->path : "", &ms);
	char *m = NULL;
	size_t mlen = 0;

	*body = NULL;
	*body_len = 0;
	if (k == SIM_FAULT_RESET)
		return -1;
	if ((*body = sim_fault_refusal(k, req->body, req->body_len, status,
	    body_len)) != NULL)
		return 0;
	*status = sim_handle(s, req, body, body_len);
	if (*status <= 0)
		return -1;
	if (*body == NULL)
		return k == SIM_FAULT_RESET_AFTER_COMMIT ? -1 : 0;
	switch (k) {
	case SIM_FAULT_NONE:
	case SIM_FAULT_DELAY:
	case SIM_FAULT_TRICKLE:
		return 0;
	case SIM_FAULT_RESET_AFTER_COMMIT:
		break;
	case SIM_FAULT_MALFORMED:
		sodium_memzero(*body + *body_len / 2, *body_len - *body_len / 2);
		*body_len /= 2;
		return 0;
	case SIM_FAULT_HUGE_BODY:
		if ((m = malloc(SIM_FAULT_HUGE)) != NULL) {
			memset(m, ' ', SIM_FAULT_HUGE);
			m[0] = '[';
			mlen = SIM_FAULT_HUGE;
		}
		break;
	default:
		m = sim_fault_rewrite(k, *body, *body_len, &mlen);
		break;
	}
	sodium_memzero(*body, *body_len);
	free(*body);
	*body = m;
	*body_len = mlen;
	return m != NULL ? 0 : -1;
}
