/*
 * api_internal.h -- how a call of net/api_*.c is described, for the files
 * of net/ only.
 *
 * A call is an api_call_def: how to decode a 2xx answer into a plain
 * struct of res_size bytes (NULL: no body expected), and how to hand the
 * result to the caller's typed callback.  api_call() sends it with the
 * session token; the result buffer is wiped and freed after the callback.
 * Each area of the contract (docs/api.md) keeps its calls in a file of
 * its own: net/api.c has the machinery and the walking skeleton's calls.
 */
#ifndef SSDESK_API_INTERNAL_H
#define SSDESK_API_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "net/api.h"

typedef int api_decode_fn(void *res, const char *body, size_t len,
    struct api_error *err);
/* Cast cb back to its real type and call it with res (NULL on error). */
typedef void api_deliver_fn(void (*cb)(void), void *arg,
    const struct api_error *err, const void *res);

struct api_call_def {
	api_decode_fn *decode;     /* NULL: the answer's body is not read */
	size_t res_size;
	api_deliver_fn *deliver;
	bool write;                /* carries an Idempotency-Key */
	bool body;                 /* a NULL body is an encoder failure */
	bool background;           /* yields to any other call (api.c) */
};

/* Every call whose answer is an application: api_application_cb. */
extern const struct api_call_def api_def_application;
/* The newborn registration's and the supervisor's decision's (the outbox
 * sends them again). */
extern const struct api_call_def *const api_def_newborn;
extern const struct api_call_def *const api_def_decide;

/* Send one call with the session token.  body (malloc'd JSON, or NULL) is
 * wiped and freed here in every case; idem_key is the caller's key for a
 * write (NULL or "": a fresh one).  False if it was not sent: the callback
 * then runs from the next api_perform() with the reason. */
bool api_call(struct api *a, const struct api_call_def *def,
    void (*cb)(void), void *arg, const char *method, const char *path,
    char *body, const char *idem_key);

/* ---- the table of writes (net/api_write.c) ---- */

#define API_WRITE_PATH_MAX 256

/* One write, ready to send: path, body (malloc'd: wipe and free, or hand
 * to api_call), its Idempotency-Key (the request's) and how its answer is
 * read. */
struct api_write_msg {
	char path[API_WRITE_PATH_MAX];
	char *body;
	const char *idem_key;
	const struct api_call_def *def;
};
/* Encode the write of id from req (api_write's request types): 0, or -1
 * (not a write, or cannot be encoded: nothing to free).  idem_key is the
 * request's, NULL if it has none. */
int api_write_encode(enum service_id id, const void *req,
    struct api_write_msg *m);
/* How the answer of the write of id is read, or NULL if it is none. */
const struct api_call_def *api_write_def(enum service_id id);
/* Whether path is where a write of id goes (a write put back from a
 * draft is trusted this far). */
bool api_write_path_ok(enum service_id id, const char *path);
/* "/v1/approvals/ID" into buf, or NULL if id may not go into a path. */
const char *api_approval_path(char *buf, size_t sz, const char *id);

/* Identifiers from the service that go into a path or a header: only
 * [A-Za-z0-9._-], shorter than REF_MAX, not "." or "..". */
bool api_ref_ok(const char *s);
/* Wipe (it may hold a secret) and free a NUL-terminated body. */
void api_wipe_free(char *body);
/* The caller's key if it is a plain token, a fresh one (in key) if none
 * was given, NULL if the given one is unusable. */
const char *api_idem_resolve(const char *given, char key[37]);

#endif
