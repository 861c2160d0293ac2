/*
 * fuzz_sim.c -- libFuzzer harness for the simulator's request handler,
 * sim_handle(), with state: one simulator lives across inputs (with small
 * limits, so its bounds are reached), a clerk and a supervisor signed in
 * once (again when a request ended their session), and it is made afresh
 * every FUZZ_SIM_RESET inputs so memory stays bounded whatever the stores
 * do.
 *
 * An input is up to FUZZ_SIM_REQUESTS requests separated by the byte 0x1e
 * (RS).  A request is four lines and a body:
 *
 *     METHOD PATH          e.g. "GET /v1/approvals?limit=2"
 *     TOKEN                "@" the clerk's, "#" the supervisor's, "-" none,
 *                          anything else sent as it is
 *     IDEMPOTENCY-KEY      "-" none
 *     SECONDS              the simulator's clock moves on by this many
 *                          (FUZZ_SIM_CLOCK_MAX in all between two resets,
 *                          less than the sessions' lifetime: signing in
 *                          again costs an Argon2id hash)
 *     BODY                 the rest, passed with its exact length
 *
 * In PATH, IDEMPOTENCY-KEY and BODY, "$CK" becomes the last check_id and
 * "$DA" the last application_id any answer gave, and "$NK" a key never
 * used before, so a seed reaches what needs a live identity check or a
 * delegation, and makes a new application each time it runs.  Every answer is held to the contract
 * (docs/api.md), and a breach aborts: a status of 200 to 599; a body that
 * is one JSON object, or empty for 204; every refusal in the one error
 * shape (string code and message); Retry-After only on a 429; a replay
 * only of a 2xx; and never a full ID number of the data set.  After every
 * request each store is held to its limit (docs/api.md "Bounds"): the
 * harness looks into the simulator's state (sim/sim_internal.h) for that.
 */
#define _GNU_SOURCE             /* memmem */
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/idnum.h"
#include "sim/sim.h"
#include "sim/sim_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_SIM_RESET 20000
#define FUZZ_SIM_REQUESTS 16
#define FUZZ_SIM_PEOPLE 64
#define FUZZ_SIM_CLOCK_MAX (20L * 86400)
#define FUZZ_SIM_TTL (2 * FUZZ_SIM_CLOCK_MAX)

static const struct sim_limits fuzz_limits = {
	.sessions = 4, .checks = 8, .idem_per_staff = 16, .delegs = 16,
	.pending_per_staff = 8, .challenges = 4, .lockouts = 4,
	.writes_per_minute = 60, .writes_burst = 8,
};

static struct sim *sim;
static unsigned long inputs;
static long clock_used;           /* seconds moved on since the reset */
static bool signed_out;           /* a request ended the clerk's or the
                                   * supervisor's session */
static char clerk[160], super[160];
static char last_check[40], last_app[40];
static unsigned long keys;        /* "$NK" made so far */
static char numbers[FUZZ_SIM_PEOPLE][IDNUM_LEN + 1];
static size_t nnumbers;

/* One request of the harness itself; the answer parsed (caller deletes)
 * or NULL. */
static cJSON *
fuzz_call(const char *method, const char *path, const char *body)
{
	struct sim_request req = { .method = method, .path = path,
	    .body = body, .body_len = strlen(body) };
	char *out;
	size_t len;
	cJSON *j;

	sim_handle(sim, &req, &out, &len);
	j = cJSON_ParseWithLength(out, len);
	free(out);
	return j;
}

/* Sign staff in; false if the simulator refused (locked out by what
 * the inputs tried). */
static bool
fuzz_signin(const char *staff, char token[160])
{
	char body[128];
	cJSON *j, *t;
	bool ok;

	snprintf(body, sizeof body, "{\"staff_id\":\"%s\",\"password\":"
	    "\"ssdesk-demo\"}", staff);
	j = fuzz_call("POST", "/v1/sessions", body);
	t = cJSON_GetObjectItemCaseSensitive(j, "token");
	if ((ok = cJSON_IsString(t)))
		snprintf(token, 160, "%s", t->valuestring);
	cJSON_Delete(j);
	return ok;
}

/* A fresh simulator, both staff signed in. */
static void
fuzz_start(void)
{
	struct sim_opts o = { .today = { 2026, 11, 22 },
	    .session_ttl_s = FUZZ_SIM_TTL, .limits = &fuzz_limits };
	struct sim_listing l[FUZZ_SIM_PEOPLE];

	sim_free(sim);
	if ((sim = sim_new(&o)) == NULL)
		abort();
	nnumbers = sim_list_people(sim, l, FUZZ_SIM_PEOPLE);
	for (size_t i = 0; i < nnumbers; i++)
		snprintf(numbers[i], sizeof numbers[i], "%s", l[i].secret);
	if (!fuzz_signin("clerk01", clerk) || !fuzz_signin("super01", super))
		abort();
	last_check[0] = last_app[0] = '\0';
	signed_out = false;
	clock_used = 0;
}

/* s[0..n) with "$CK", "$DA" and "$NK" replaced, malloc'd with its
 * length in *outn (and a NUL after it). */
static char *
fuzz_expand(const char *s, size_t n, size_t *outn)
{
	size_t cap = n + (n / 3 + 1) * sizeof last_check + 1, k = 0;
	char *out = malloc(cap), key[24];

	if (out == NULL)
		abort();
	for (size_t i = 0; i < n; i++) {
		const char *sub = NULL;

		if (i + 3 <= n && memcmp(s + i, "$CK", 3) == 0)
			sub = last_check;
		else if (i + 3 <= n && memcmp(s + i, "$DA", 3) == 0)
			sub = last_app;
		else if (i + 3 <= n && memcmp(s + i, "$NK", 3) == 0) {
			snprintf(key, sizeof key, "nk-%lu", ++keys);
			sub = key;
		}
		if (sub == NULL) {
			out[k++] = s[i];
			continue;
		}
		memcpy(out + k, sub, strlen(sub));
		k += strlen(sub);
		i += 2;
	}
	out[k] = '\0';
	*outn = k;
	return out;
}

/* The next line of [*p, end) into out (NUL-terminated, cut to outsz). */
static void
fuzz_line(const char **p, const char *end, char *out, size_t outsz)
{
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	size_t n = (size_t)((nl ? nl : end) - *p);

	snprintf(out, outsz, "%.*s", (int)n, *p);
	*p = nl ? nl + 1 : end;
}

/* Remember the identifiers an answer gave, for "$CK" and "$DA". */
static void
fuzz_remember(const cJSON *j)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "check_id");

	if (cJSON_IsString(v))
		snprintf(last_check, sizeof last_check, "%s", v->valuestring);
	v = cJSON_GetObjectItemCaseSensitive(j, "application_id");
	if (cJSON_IsString(v))
		snprintf(last_app, sizeof last_app, "%s", v->valuestring);
}

/* The contract of docs/api.md, for one answer; abort() on a breach. */
static void
fuzz_hold(int status, const char *body, size_t len, bool replayed,
    long retry_after)
{
	cJSON *j;
	const cJSON *code, *msg;

	if (status < 200 || status > 599 || body == NULL ||
	    memchr(body, '\0', len) != NULL ||
	    (retry_after > 0 && status != 429) ||
	    (replayed && (status < 200 || status > 299)))
		abort();
	for (size_t i = 0; i < nnumbers; i++)
		if (len >= IDNUM_LEN && memmem(body, len, numbers[i],
		    IDNUM_LEN) != NULL)
			abort();
	if (status == 204) {
		if (len != 0)
			abort();
		return;
	}
	j = cJSON_ParseWithLength(body, len);
	if (!cJSON_IsObject(j))
		abort();
	if (status >= 400) {
		code = cJSON_GetObjectItemCaseSensitive(j, "code");
		msg = cJSON_GetObjectItemCaseSensitive(j, "message");
		if (!cJSON_IsString(code) || !cJSON_IsString(msg) ||
		    code->valuestring[0] == '\0' || msg->valuestring[0] == '\0')
			abort();
	}
	fuzz_remember(j);
	cJSON_Delete(j);
}

/* Every store within its limit; abort() otherwise. */
static void
fuzz_bounded(const struct sim *s)
{
	const struct sim_limits *l = &fuzz_limits;

	if (s->nsessions > l->sessions || s->nchecks > l->checks ||
	    s->nidem > l->idem_per_staff * sim_data_nstaff ||
	    s->ndelegs > l->delegs || s->nchal > l->challenges ||
	    s->nlockouts > l->lockouts || s->nmade > SIM_MADE_MAX ||
	    s->nborn > SIM_BORN_MAX)
		abort();
	for (size_t st = 0; st < sim_data_nstaff; st++) {
		size_t idem = 0, pending = 0;

		for (size_t i = 0; i < s->nidem; i++)
			idem += s->idem[i].staff == st;
		for (size_t i = 0; i < s->ndelegs; i++)
			pending += s->delegs[i].staff == st &&
			    s->delegs[i].state == SIM_DELEG_PENDING;
		if (idem > l->idem_per_staff || pending > l->pending_per_staff)
			abort();
	}
}

/* One request of the input, [p, end). */
static void
fuzz_request(const char *p, const char *end)
{
	char line[512], method[32], token[200], keyline[200], clock[32];
	const char *tok;
	char *path, *body, *key, *sp;
	size_t plen, blen, klen, alen;
	bool replayed;
	long retry_after, adv;
	int status;
	char *answer;

	fuzz_line(&p, end, line, sizeof line);
	fuzz_line(&p, end, token, sizeof token);
	fuzz_line(&p, end, keyline, sizeof keyline);
	fuzz_line(&p, end, clock, sizeof clock);
	sp = strchr(line, ' ');
	snprintf(method, sizeof method, "%.*s",
	    (int)(sp ? (size_t)(sp - line) : strlen(line)), line);
	path = fuzz_expand(sp ? sp + 1 : "", sp ? strlen(sp + 1) : 0, &plen);
	key = fuzz_expand(keyline, strlen(keyline), &klen);
	body = fuzz_expand(p, (size_t)(end - p), &blen);
	/* Exactly blen bytes, no NUL after them: an over-read is an error. */
	body = realloc(body, blen ? blen : 1);
	adv = strtol(clock, NULL, 10);
	if (adv > 0 && adv <= FUZZ_SIM_CLOCK_MAX - clock_used) {
		sim_advance_clock(sim, adv);
		clock_used += adv;
	}
	tok = strcmp(token, "@") == 0 ? clerk : strcmp(token, "#") == 0 ?
	    super : strcmp(token, "-") == 0 ? NULL : token;
	status = sim_handle(sim, &(struct sim_request){ .method = method,
	    .path = path, .token = tok,
	    .idem_key = strcmp(key, "-") == 0 ? NULL : key, .body = body,
	    .body_len = blen, .replayed = &replayed,
	    .retry_after = &retry_after }, &answer, &alen);
	fuzz_hold(status, answer, alen, replayed, retry_after);
	fuzz_bounded(sim);
	if (status == 401 && (tok == clerk || tok == super))
		signed_out = true;
	free(answer);
	free(body);
	free(key);
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;

	if (sim == NULL || ++inputs % FUZZ_SIM_RESET == 0)
		fuzz_start();
	else if (signed_out && (!fuzz_signin("clerk01", clerk) ||
	    !fuzz_signin("super01", super)))
		fuzz_start();
	signed_out = false;
	for (int n = 0; n < FUZZ_SIM_REQUESTS && p < end; n++) {
		const char *rs = memchr(p, 0x1e, (size_t)(end - p));

		fuzz_request(p, rs ? rs : end);
		p = rs ? rs + 1 : end;
	}
	return 0;
}
