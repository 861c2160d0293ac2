/*
 * transport.h -- how a request reaches the central service and its answer
 * comes back, without ever blocking the screen.
 *
 * Two implementations: transport_https (libcurl multi, net/transport_https.c)
 * and transport_local (an in-process handler, the simulator in --demo,
 * net/transport_local.c).  Both complete requests only from
 * transport_perform(), called by the one event loop after transport_wait()
 * returns; so the demo goes through the same asynchronous path as HTTPS.
 */
#ifndef SSDESK_TRANSPORT_H
#define SSDESK_TRANSPORT_H

#include <stddef.h>

enum transport_err {
	TRANSPORT_OK = 0,      /* an HTTP answer arrived (any status) */
	TRANSPORT_CONNECT,     /* could not connect / resolve / connection reset */
	TRANSPORT_TLS,         /* certificate or handshake refused */
	TRANSPORT_PIN,         /* public key did not match the configured pin */
	TRANSPORT_TIMEOUT,     /* connect, low-speed or total timeout */
	TRANSPORT_TOO_LARGE,   /* reply over the size cap */
	TRANSPORT_CANCELLED,   /* transport_cancel() */
	TRANSPORT_INTERNAL,    /* out of memory, bad options */
};

/* Why a certificate was refused (TRANSPORT_TLS, TRANSPORT_PIN), as far as
 * the TLS library tells. */
enum transport_tls_why {
	TRANSPORT_TLS_OTHER = 0,   /* handshake failed, or no finer reason */
	TRANSPORT_TLS_EXPIRED,     /* the certificate is out of its dates */
	TRANSPORT_TLS_UNTRUSTED,   /* not signed by a trusted CA */
	TRANSPORT_TLS_SELF_SIGNED, /* signed by itself */
	TRANSPORT_TLS_WRONG_HOST,  /* made out to another host name */
	TRANSPORT_TLS_PIN,         /* its key is not the pinned one */
};

struct transport_request {
	const char *method;    /* "GET", "POST", "DELETE" */
	const char *path;      /* "/v1/...", query string allowed */
	const char *token;     /* staff session token, or NULL */
	const char *idem_key;  /* Idempotency-Key for writes, or NULL */
	const char *body;      /* JSON, or NULL */
	size_t body_len;
};

struct transport_reply {
	enum transport_err err;
	int status;            /* HTTP status when err == TRANSPORT_OK */
	const char *body;      /* lent for the duration of the callback */
	size_t body_len;
	char detail[256];      /* libcurl's words on a failure, for the log */
	enum transport_tls_why tls; /* on TRANSPORT_TLS / TRANSPORT_PIN */
};

typedef void transport_cb(void *arg, const struct transport_reply *reply);

struct transport;

struct transport_ops {
	int (*submit)(struct transport *, const struct transport_request *,
	    transport_cb *, void *);
	void (*cancel)(struct transport *, int id);
	int (*wait)(struct transport *, int extra_fd, int timeout_ms,
	    int *extra_ready);
	void (*perform)(struct transport *);
	int (*pending)(const struct transport *);
	void (*free)(struct transport *);
};

/* Every implementation starts with this. */
struct transport {
	const struct transport_ops *ops;
};

/* Queue a request; the callback runs later from transport_perform(), exactly
 * once (also on cancel, with TRANSPORT_CANCELLED).  Returns an id > 0, or -1
 * if the request could not even be queued.  The request is copied. */
int transport_submit(struct transport *t, const struct transport_request *req,
    transport_cb *cb, void *arg);
void transport_cancel(struct transport *t, int id);

/* Sleep until the transport has work, extra_fd (the terminal) is readable,
 * or timeout_ms passes.  extra_fd may be -1 (none); timeout_ms -1 waits
 * for work or the fd only.  *extra_ready tells whether extra_fd is readable.
 * Returns 0, or -1 on a poll error other than EINTR. */
int transport_wait(struct transport *t, int extra_fd, int timeout_ms,
    int *extra_ready);
/* Make progress; run callbacks of finished requests. */
void transport_perform(struct transport *t);
/* Number of requests in flight. */
int transport_pending(const struct transport *t);
/* Requests still in flight are dropped without their callbacks.
 * transport_free(NULL) is safe.  From inside a callback it is safe too:
 * requests not yet called back in that perform are dropped, and the memory
 * goes when transport_perform() returns. */
void transport_free(struct transport *t);

const char *transport_strerror(enum transport_err err);

#endif
