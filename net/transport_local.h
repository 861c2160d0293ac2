/*
 * transport_local.h -- an in-process transport: requests are answered by a
 * handler function (the simulator, in --demo), but still only from
 * transport_perform(), after an optional latency, so screens see the same
 * asynchronous behaviour (spinner, Esc to cancel) as over HTTPS.
 */
#ifndef SSDESK_TRANSPORT_LOCAL_H
#define SSDESK_TRANSPORT_LOCAL_H

#include <stddef.h>

#include "net/transport.h"

/* Answer req: set *status and *body (malloc'd, the transport frees it) and
 * *body_len.  Return 0, or -1 to make the request fail as TRANSPORT_CONNECT. */
typedef int transport_local_fn(void *ctx, const struct transport_request *req,
    int *status, char **body, size_t *body_len);

struct transport *transport_local_new(transport_local_fn *fn, void *ctx,
    int latency_ms);

#endif
