/*
 * transport_https.h -- the HTTPS transport on libcurl's multi interface.
 *
 * The floor is not optional: https only, peer and host verified, TLS 1.2 or
 * newer, no redirects, connect / low-speed / total timeouts, a cap on the
 * reply size.  A CA file, a public-key pin and a client certificate (mutual
 * TLS) are per-terminal options.
 */
#ifndef SSDESK_TRANSPORT_HTTPS_H
#define SSDESK_TRANSPORT_HTTPS_H

#include <stddef.h>

#include "net/transport.h"

struct https_opts {
	const char *ca_file;       /* NULL: the system store */
	const char *pin;           /* "sha256//base64..." or NULL */
	const char *client_cert;   /* PEM, or NULL */
	const char *client_key;    /* PEM, or NULL */
	long connect_timeout_ms;   /* 0: 5000 */
	long total_timeout_ms;     /* 0: 20000 */
	long low_speed_time_s;     /* 0: 10 (below 64 bytes/s for that long) */
	size_t max_reply;          /* 0: WIRE_REPLY_MAX, 1 MiB */
};

/* base_url is "https://host[:port]" with no path; anything else (http://,
 * a path, user info) is refused with a reason in err.  Returns NULL then. */
struct transport *transport_https_new(const char *base_url,
    const struct https_opts *opts, char *err, size_t errlen);

/* curl_global_init/cleanup, once per process. */
int transport_https_global_init(void);
void transport_https_global_cleanup(void);

#endif
