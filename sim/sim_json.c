/*
 * sim_json.c -- what every handler reads from a request and how it
 * refuses: the body as one JSON object with typed members, the query
 * string's parameters, and answers in the one error shape {code, message,
 * field} of docs/api.md.
 *
 * Request bodies are parsed with cJSON and every member is type-checked:
 * a wrong shape is 400 bad_request, a refusal the clerk can act on is 4xx
 * with its documented code.
 */
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <string.h>

#include "forms/text.h"
#include "sim/sim_internal.h"

/* ---- answers ---------------------------------------------------------- */

/* A refusal in the one error shape; returns status. */
int
sim_fail(struct sim_answer *a, int status, const char *code,
    const char *field, const char *message)
{
	cJSON_Delete(a->json);
	a->json = cJSON_CreateObject();
	if (a->json == NULL)
		return 500;
	if (cJSON_AddStringToObject(a->json, "code", code) == NULL ||
	    cJSON_AddStringToObject(a->json, "message", message) == NULL ||
	    (field != NULL &&
	    cJSON_AddStringToObject(a->json, "field", field) == NULL)) {
		cJSON_Delete(a->json);
		a->json = NULL;
		return 500;
	}
	return status;
}

int
sim_bad_request(struct sim_answer *a, const char *field)
{
	return sim_fail(a, 400, "bad_request", field,
	    "The request is not of the documented shape; nothing was done. "
	    "This is a fault of the terminal: report it.");
}

int
sim_oom(struct sim_answer *a)
{
	return sim_fail(a, 500, "internal",
	    NULL, "The service failed; nothing was done. Try again.");
}

/* ---- request bodies ---------------------------------------------------- */

cJSON *
sim_parse_object(const struct sim_request *req)
{
	cJSON *o;
	const char *end = NULL;

	if (req->body == NULL || req->body_len == 0 ||
	    text_json_has_nul(req->body, req->body_len))
		return NULL;
	o = cJSON_ParseWithLengthOpts(req->body, req->body_len, &end, false);
	if (o == NULL)
		return NULL;
	/* One object and nothing after it but blanks: cJSON stops at the
	 * end of the first value and would ignore "{...}garbage". */
	while (end != NULL && end < req->body + req->body_len &&
	    (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
		end++;
	if (!cJSON_IsObject(o) || end != req->body + req->body_len) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* A string member of at most max bytes; absent is an error if required.
 * 0, or -1 for a wrong type, length or a missing required member. */
int
sim_get_string(const cJSON *o, const char *name, size_t max, bool required,
    const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	*out = NULL;
	if (v == NULL)
		return required ? -1 : 0;
	if (!cJSON_IsString(v) || v->valuestring == NULL ||
	    strlen(v->valuestring) > max)
		return -1;
	*out = v->valuestring;
	return 0;
}

int
sim_get_bool(const cJSON *o, const char *name, bool required, bool *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	*out = false;
	if (v == NULL)
		return required ? -1 : 0;
	if (!cJSON_IsBool(v))
		return -1;
	*out = cJSON_IsTrue(v);
	return 0;
}

/* Parameters are name=value pairs between '&', taken as they come: the
 * values the contract has (cursors, limits) need no percent-decoding, so
 * an encoded one is simply not a valid value. */
int
sim_query_get(const struct sim_request *req, const char *name, char *out,
    size_t outsz)
{
	size_t nlen = strlen(name);
	int found = 0;

	out[0] = '\0';
	for (const char *p = req->query; p != NULL && *p != '\0';) {
		size_t len = strcspn(p, "&");

		if (len > nlen && strncmp(p, name, nlen) == 0 &&
		    p[nlen] == '=') {
			if (found++ > 0 || len - nlen - 1 >= outsz)
				return -1;
			memcpy(out, p + nlen + 1, len - nlen - 1);
			out[len - nlen - 1] = '\0';
		}
		p += len;
		if (*p == '&')
			p++;
	}
	return found;
}
