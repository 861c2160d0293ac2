/*
 * transport_https.c -- requests to the central service over HTTPS, on
 * libcurl's multi interface so the one event loop never blocks.
 *
 * One easy handle per request.  The safety floor is set on every handle
 * and cannot be turned off by options: https only, peer and host verified,
 * TLS 1.2 or newer, no redirects, connect / low-speed / total timeouts and a
 * cap on the reply (the write callback aborts past it).  A CA file, a
 * public-key pin and a client certificate are per-terminal options.
 *
 * Callbacks run only from perform(): a cancelled request is taken out of
 * the multi handle at once and reported as TRANSPORT_CANCELLED by the next
 * perform.  Copies of secrets (the body of a sign-in, the bearer token in
 * the header list, the reply -- a sign-in's carries the token) are wiped
 * when the request is freed, and the reply buffer never grows by realloc()
 * (which would leave an unwiped copy behind).
 */
#include "net/transport_https.h"

#include <ctype.h>
#include <errno.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <sodium.h>

#include "forms/wire.h"

#define HTTPS_DEF_CONNECT_MS 5000L
#define HTTPS_DEF_TOTAL_MS 20000L
#define HTTPS_DEF_LOW_SPEED_S 10L
/* Slower than this for HTTPS_DEF_LOW_SPEED_S is a stalled answer: every
 * answer of the contract is a few kilobytes at most, so an answer that
 * trickles in a byte a second is cut after ten seconds, not left to the
 * total timeout. */
#define HTTPS_LOW_SPEED_BYTES 64L
#define HTTPS_DEF_MAX_REPLY ((size_t)WIRE_REPLY_MAX)
#define HTTPS_URL_MAX 2048

struct https_req {
	struct https_req *next;
	struct https *owner;
	int id;
	bool cancelled;
	bool too_large;
	enum transport_err result; /* set when libcurl says it is done */
	enum transport_tls_why tls; /* why a certificate was refused */
	CURL *easy;
	struct curl_slist *headers;
	char *body;                /* our copy; wiped on free */
	size_t body_len;
	char *reply;               /* grows up to max_reply */
	size_t reply_len, reply_cap;
	char errbuf[CURL_ERROR_SIZE];
	transport_cb *cb;
	void *arg;
};

struct https {
	struct transport base;     /* first: a struct transport * is ours */
	CURLM *multi;
	char *base_url;
	char *ca_file, *pin, *client_cert, *client_key;
	long connect_ms, total_ms, low_speed_s;
	size_t max_reply;
	int next_id;
	struct https_req *reqs;    /* in flight or cancelled, not yet reported */
	/* transport_free() from inside a callback: perform() is still on the
	 * stack, so the free waits for it and no further callback runs. */
	int in_perform;
	bool dead;
};

/* ---- base URL ---------------------------------------------------------- */

/* Accept exactly "https://host[:port]": host a DNS name, an IPv4 address or
 * a bracketed IPv6 address; no user info, path, query or fragment.  Refusing
 * here means http:// can never reach a socket. */
static int
https_check_base(const char *url, char *err, size_t errlen)
{
	const char *p, *host;
	size_t n;

	if (url == NULL || strncmp(url, "https://", 8) != 0) {
		snprintf(err, errlen, "the service URL must start with https://");
		return -1;
	}
	host = p = url + 8;
	if (*p == '[') {
		for (p++; isxdigit((unsigned char)*p) || *p == ':' || *p == '.'; p++)
			;
		if (*p != ']' || p == host + 1) {
			snprintf(err, errlen, "the service URL has a bad IPv6 address");
			return -1;
		}
		p++;
	} else {
		for (; isalnum((unsigned char)*p) || *p == '.' || *p == '-'; p++)
			;
		if (p == host) {
			snprintf(err, errlen, "the service URL has no host name");
			return -1;
		}
	}
	if (*p == ':') {
		long port = 0;

		for (n = 0, p++; isdigit((unsigned char)*p) && n < 6; p++, n++)
			port = port * 10 + (*p - '0');
		if (n == 0 || port < 1 || port > 65535) {
			snprintf(err, errlen, "the service URL has a bad port");
			return -1;
		}
	}
	if (*p != '\0') {
		snprintf(err, errlen,
		    "the service URL must be https://host[:port] with nothing after it");
		return -1;
	}
	return 0;
}

/* ---- requests ---------------------------------------------------------- */

static void
https_req_free(struct https_req *r)
{
	struct curl_slist *h;

	if (r == NULL)
		return;
	if (r->easy)
		curl_easy_cleanup(r->easy);
	/* The Authorization line holds the session token: wipe curl's copy. */
	for (h = r->headers; h != NULL; h = h->next)
		if (h->data)
			sodium_memzero(h->data, strlen(h->data));
	curl_slist_free_all(r->headers);
	if (r->body) {
		sodium_memzero(r->body, r->body_len);
		free(r->body);
	}
	if (r->reply) {
		sodium_memzero(r->reply, r->reply_cap);
		free(r->reply);
	}
	free(r);
}

/* Keep the reply, refusing to grow past max_reply: returning short makes
 * libcurl stop with CURLE_WRITE_ERROR, which perform() maps to TOO_LARGE. */
static size_t
https_on_write(char *data, size_t size, size_t nmemb, void *userp)
{
	struct https_req *r = userp;
	size_t n = size * nmemb, cap;
	char *p;

	if (n > r->owner->max_reply - r->reply_len) {
		r->too_large = true;
		return 0;
	}
	if (r->reply_len + n > r->reply_cap) {
		cap = r->reply_cap ? r->reply_cap : 4096;
		while (cap < r->reply_len + n)
			cap *= 2;
		if (cap > r->owner->max_reply)
			cap = r->owner->max_reply;
		/* Not realloc(): the old buffer may hold a token; wipe it. */
		if ((p = malloc(cap)) == NULL)
			return 0;
		if (r->reply) {
			memcpy(p, r->reply, r->reply_len);
			sodium_memzero(r->reply, r->reply_cap);
			free(r->reply);
		}
		r->reply = p;
		r->reply_cap = cap;
	}
	memcpy(r->reply + r->reply_len, data, n);
	r->reply_len += n;
	return n;
}

static bool
https_add_header(struct https_req *r, const char *name, const char *value)
{
	char line[512];
	struct curl_slist *h;
	int n;

	/* Values come from us (token, UUID), but never let a CR or LF through:
	 * that would be header injection. */
	if (value != NULL && strpbrk(value, "\r\n") != NULL)
		return false;
	n = snprintf(line, sizeof line, "%s%s%s", name, value ? " " : "",
	    value ? value : "");
	if (n < 0 || (size_t)n >= sizeof line) {
		sodium_memzero(line, sizeof line);
		return false;
	}
	h = curl_slist_append(r->headers, line);
	sodium_memzero(line, sizeof line);
	if (h == NULL)
		return false;
	r->headers = h;
	return true;
}

#define SETOPT(opt, val) \
	do { \
		if (curl_easy_setopt(e, opt, val) != CURLE_OK) \
			return -1; \
	} while (0)

/* Every handle gets the whole floor, whatever the request. */
static int
https_setup(struct https *h, struct https_req *r,
    const struct transport_request *req, const char *url)
{
	CURL *e = r->easy;
	const char *method = req->method ? req->method : "GET";

	SETOPT(CURLOPT_URL, url);
	SETOPT(CURLOPT_PROTOCOLS_STR, "https");
	SETOPT(CURLOPT_REDIR_PROTOCOLS_STR, "https");
	SETOPT(CURLOPT_FOLLOWLOCATION, 0L);
	/* Straight to the service: http_proxy, https_proxy, ALL_PROXY and
	 * friends in the environment are ignored ("" disables them), so
	 * nothing in a login script can route the counter's traffic (the
	 * host names asked for, the timing, a CONNECT to anywhere) elsewhere. */
	SETOPT(CURLOPT_PROXY, "");
	SETOPT(CURLOPT_SSL_VERIFYPEER, 1L);
	SETOPT(CURLOPT_SSL_VERIFYHOST, 2L);
	SETOPT(CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
	if (h->ca_file)
		SETOPT(CURLOPT_CAINFO, h->ca_file);
	if (h->pin)
		SETOPT(CURLOPT_PINNEDPUBLICKEY, h->pin);
	if (h->client_cert)
		SETOPT(CURLOPT_SSLCERT, h->client_cert);
	if (h->client_key)
		SETOPT(CURLOPT_SSLKEY, h->client_key);
	SETOPT(CURLOPT_CONNECTTIMEOUT_MS, h->connect_ms);
	SETOPT(CURLOPT_TIMEOUT_MS, h->total_ms);
	SETOPT(CURLOPT_LOW_SPEED_LIMIT, HTTPS_LOW_SPEED_BYTES);
	SETOPT(CURLOPT_LOW_SPEED_TIME, h->low_speed_s);
	SETOPT(CURLOPT_NOSIGNAL, 1L);
	/* Refuse early when the server announces a size over the cap. */
	SETOPT(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)h->max_reply);
	SETOPT(CURLOPT_WRITEFUNCTION, https_on_write);
	SETOPT(CURLOPT_WRITEDATA, r);
	SETOPT(CURLOPT_ERRORBUFFER, r->errbuf);
	SETOPT(CURLOPT_PRIVATE, r);
	SETOPT(CURLOPT_USERAGENT, "ssdesk");

	if (strcmp(method, "GET") == 0)
		SETOPT(CURLOPT_HTTPGET, 1L);
	else if (strcmp(method, "POST") == 0) {
		SETOPT(CURLOPT_POST, 1L);
		SETOPT(CURLOPT_POSTFIELDS, r->body ? r->body : "");
		SETOPT(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)r->body_len);
	} else if (strcmp(method, "DELETE") == 0 || strcmp(method, "PUT") == 0 ||
	    strcmp(method, "PATCH") == 0) {
		SETOPT(CURLOPT_CUSTOMREQUEST, method);
		if (r->body) {
			SETOPT(CURLOPT_POSTFIELDS, r->body);
			SETOPT(CURLOPT_POSTFIELDSIZE_LARGE,
			    (curl_off_t)r->body_len);
		}
	} else
		return -1;

	if (!https_add_header(r, "Accept:", "application/json") ||
	    !https_add_header(r, "Content-Type:", "application/json") ||
	    !https_add_header(r, "Expect:", NULL))
		return -1;
	if (req->token && !https_add_header(r, "Authorization: Bearer", req->token))
		return -1;
	if (req->idem_key && !https_add_header(r, "Idempotency-Key:", req->idem_key))
		return -1;
	SETOPT(CURLOPT_HTTPHEADER, r->headers);
	return 0;
}

static int
https_submit(struct transport *t, const struct transport_request *req,
    transport_cb *cb, void *arg)
{
	struct https *h = (struct https *)t;
	struct https_req *r;
	char url[HTTPS_URL_MAX];
	const char *path = req->path ? req->path : "/";
	int n;

	/* The path is ours (api.c), but a path must never change the host. */
	if (path[0] != '/' || strpbrk(path, " \r\n#") != NULL)
		return -1;
	n = snprintf(url, sizeof url, "%s%s", h->base_url, path);
	if (n < 0 || (size_t)n >= sizeof url)
		return -1;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return -1;
	r->owner = h;
	r->cb = cb;
	r->arg = arg;
	if (req->body != NULL && req->body_len > 0) {
		if ((r->body = malloc(req->body_len)) == NULL)
			goto fail;
		memcpy(r->body, req->body, req->body_len);
		r->body_len = req->body_len;
	}
	if ((r->easy = curl_easy_init()) == NULL)
		goto fail;
	if (https_setup(h, r, req, url) != 0)
		goto fail;
	if (curl_multi_add_handle(h->multi, r->easy) != CURLM_OK)
		goto fail;
	if (h->next_id == 0x7fffffff)
		h->next_id = 0;
	r->id = ++h->next_id;
	r->next = h->reqs;
	h->reqs = r;
	return r->id;
fail:
	https_req_free(r);
	return -1;
}

static void
https_cancel(struct transport *t, int id)
{
	struct https *h = (struct https *)t;
	struct https_req *r;

	for (r = h->reqs; r != NULL; r = r->next)
		if (r->id == id && !r->cancelled) {
			curl_multi_remove_handle(h->multi, r->easy);
			r->cancelled = true;
		}
}

static bool
https_any_cancelled(const struct https *h)
{
	const struct https_req *r;

	for (r = h->reqs; r != NULL; r = r->next)
		if (r->cancelled)
			return true;
	return false;
}

static int
https_wait(struct transport *t, int extra_fd, int timeout_ms, int *extra_ready)
{
	struct https *h = (struct https *)t;
	struct curl_waitfd wfd;
	CURLMcode mc;

	/* A cancellation is waiting to be reported: do not sleep. */
	if (https_any_cancelled(h))
		timeout_ms = 0;
	if (timeout_ms < 0)
		timeout_ms = 60 * 60 * 1000;   /* curl wants a finite timeout */
	wfd.fd = extra_fd;
	wfd.events = CURL_WAIT_POLLIN;
	wfd.revents = 0;
	mc = curl_multi_poll(h->multi, extra_fd >= 0 ? &wfd : NULL,
	    extra_fd >= 0 ? 1 : 0, timeout_ms, NULL);
	if (mc != CURLM_OK)
		return -1;
	*extra_ready = extra_fd >= 0 && wfd.revents != 0;
	return 0;
}

static enum transport_err
https_map(CURLcode rc, const struct https_req *r)
{
	switch (rc) {
	case CURLE_OK:
		return TRANSPORT_OK;
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return TRANSPORT_CONNECT;
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
		return TRANSPORT_PIN;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_USE_SSL_FAILED:
		return TRANSPORT_TLS;
	case CURLE_OPERATION_TIMEDOUT:
		return TRANSPORT_TIMEOUT;
	case CURLE_FILESIZE_EXCEEDED:
		return TRANSPORT_TOO_LARGE;
	case CURLE_WRITE_ERROR:
		return r->too_large ? TRANSPORT_TOO_LARGE : TRANSPORT_INTERNAL;
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
	case CURLE_OUT_OF_MEMORY:
	default:
		return TRANSPORT_INTERNAL;
	}
}

/* Why the certificate was refused: the verification result of the TLS
 * library (OpenSSL's X509_V_ERR_* numbers, stable since 0.9.8), and a host
 * mismatch when the chain itself verified (libcurl checks the name itself
 * and says so only in its error text). */
static enum transport_tls_why
https_tls_why(CURLcode rc, CURL *e, const char *errbuf)
{
	long v = 0;

	if (rc == CURLE_SSL_PINNEDPUBKEYNOTMATCH)
		return TRANSPORT_TLS_PIN;
	if (rc != CURLE_PEER_FAILED_VERIFICATION)
		return TRANSPORT_TLS_OTHER;
	if (curl_easy_getinfo(e, CURLINFO_SSL_VERIFYRESULT, &v) != CURLE_OK)
		return TRANSPORT_TLS_OTHER;
	switch (v) {
	case 0:                  /* X509_V_OK */
	case 1:                  /* X509_V_ERR_UNSPECIFIED */
		/* The chain verified; libcurl's own host-name check failed
		 * ("no alternative certificate subject name matches target
		 * host name", "subject name ... does not match"). */
		return strstr(errbuf, "name") != NULL ?
		    TRANSPORT_TLS_WRONG_HOST : TRANSPORT_TLS_OTHER;
	case 9:                  /* X509_V_ERR_CERT_NOT_YET_VALID */
	case 10:                 /* X509_V_ERR_CERT_HAS_EXPIRED */
		return TRANSPORT_TLS_EXPIRED;
	case 18:                 /* X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT */
		return TRANSPORT_TLS_SELF_SIGNED;
	case 2:                  /* X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT */
	case 19:                 /* X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN */
	case 20:                 /* X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY */
	case 21:                 /* X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE */
		return TRANSPORT_TLS_UNTRUSTED;
	case 62:                 /* X509_V_ERR_HOSTNAME_MISMATCH */
	case 64:                 /* X509_V_ERR_IP_ADDRESS_MISMATCH */
		return TRANSPORT_TLS_WRONG_HOST;
	default:
		return TRANSPORT_TLS_OTHER;
	}
}

/* Unlink r from the list of requests. */
static void
https_unlink(struct https *h, struct https_req *r)
{
	struct https_req **pp;

	for (pp = &h->reqs; *pp != NULL; pp = &(*pp)->next)
		if (*pp == r) {
			*pp = r->next;
			r->next = NULL;
			return;
		}
}

static void
https_finish(struct https_req *r, enum transport_err err, long status,
    const char *detail)
{
	struct transport_reply reply;

	memset(&reply, 0, sizeof reply);
	reply.err = err;
	if (err == TRANSPORT_OK) {
		reply.status = (int)status;
		reply.body = r->reply ? r->reply : "";
		reply.body_len = r->reply_len;
	}
	if (detail)
		snprintf(reply.detail, sizeof reply.detail, "%s", detail);
	reply.tls = r->tls;
	r->cb(r->arg, &reply);
	https_req_free(r);
}

static void https_destroy(struct https *h);

static void
https_perform(struct transport *t)
{
	struct https *h = (struct https *)t;
	struct https_req *r, *done = NULL, **dtail = &done, *cancelled = NULL,
	    **pp;
	CURLMsg *msg;
	int running, left;

	h->in_perform++;
	/* Collect everything finished before running any callback: a callback
	 * may submit (the api's next call) or cancel. */
	for (pp = &h->reqs; (r = *pp) != NULL;) {
		if (r->cancelled) {
			*pp = r->next;
			r->next = cancelled;
			cancelled = r;
		} else
			pp = &r->next;
	}
	curl_multi_perform(h->multi, &running);
	while ((msg = curl_multi_info_read(h->multi, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		r = NULL;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&r);
		if (r == NULL)
			continue;
		/* msg dies with remove_handle: map its code first. */
		r->result = https_map(msg->data.result, r);
		r->tls = https_tls_why(msg->data.result, r->easy, r->errbuf);
		if (r->errbuf[0] == '\0')
			snprintf(r->errbuf, sizeof r->errbuf, "%s",
			    curl_easy_strerror(msg->data.result));
		curl_multi_remove_handle(h->multi, r->easy);
		https_unlink(h, r);
		*dtail = r;             /* in the order libcurl finished them */
		dtail = &r->next;
	}
	while ((r = cancelled) != NULL) {
		cancelled = r->next;
		if (h->dead)   /* transport_free() from a callback: dropped */
			https_req_free(r);
		else
			https_finish(r, TRANSPORT_CANCELLED, 0, "cancelled");
	}
	while ((r = done) != NULL) {
		enum transport_err err = r->result;
		long status = 0;

		done = r->next;
		if (h->dead) {
			https_req_free(r);
			continue;
		}
		if (err == TRANSPORT_OK)
			curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &status);
		https_finish(r, err, status, err == TRANSPORT_OK ? NULL : r->errbuf);
	}
	h->in_perform--;
	if (h->dead && h->in_perform == 0)
		https_destroy(h);
}

static int
https_pending(const struct transport *t)
{
	const struct https *h = (const struct https *)t;
	const struct https_req *r;
	int n = 0;

	for (r = h->reqs; r != NULL; r = r->next)
		n++;
	return n;
}

static void
https_destroy(struct https *h)
{
	struct https_req *r;

	while ((r = h->reqs) != NULL) {
		h->reqs = r->next;
		if (!r->cancelled)
			curl_multi_remove_handle(h->multi, r->easy);
		https_req_free(r);
	}
	curl_multi_cleanup(h->multi);
	free(h->base_url);
	free(h->ca_file);
	free(h->pin);
	free(h->client_cert);
	free(h->client_key);
	free(h);
}

/* Requests in flight are dropped without their callbacks; from inside a
 * callback, also those perform() has not called back yet. */
static void
https_free(struct transport *t)
{
	struct https *h = (struct https *)t;

	if (h->in_perform > 0) {
		h->dead = true;
		return;
	}
	https_destroy(h);
}

static const struct transport_ops https_ops = {
	.submit = https_submit,
	.cancel = https_cancel,
	.wait = https_wait,
	.perform = https_perform,
	.pending = https_pending,
	.free = https_free,
};

static bool
https_dup(char **dst, const char *src)
{
	if (src == NULL || *src == '\0')
		return true;
	return (*dst = strdup(src)) != NULL;
}

struct transport *
transport_https_new(const char *base_url, const struct https_opts *opts,
    char *err, size_t errlen)
{
	static const struct https_opts none;
	struct https *h;
	char dummy[8];

	if (err == NULL || errlen == 0) {
		err = dummy;
		errlen = sizeof dummy;
	}
	err[0] = '\0';
	if (opts == NULL)
		opts = &none;
	if (https_check_base(base_url, err, errlen) != 0)
		return NULL;
	if (opts->pin && strncmp(opts->pin, "sha256//", 8) != 0) {
		snprintf(err, errlen, "the pin must be sha256//<base64>");
		return NULL;
	}
	if ((opts->client_cert == NULL) != (opts->client_key == NULL)) {
		snprintf(err, errlen,
		    "a client certificate needs its key, and the key its certificate");
		return NULL;
	}
	if ((h = calloc(1, sizeof *h)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	h->base.ops = &https_ops;
	h->connect_ms = opts->connect_timeout_ms > 0 ?
	    opts->connect_timeout_ms : HTTPS_DEF_CONNECT_MS;
	h->total_ms = opts->total_timeout_ms > 0 ?
	    opts->total_timeout_ms : HTTPS_DEF_TOTAL_MS;
	h->low_speed_s = opts->low_speed_time_s > 0 ?
	    opts->low_speed_time_s : HTTPS_DEF_LOW_SPEED_S;
	h->max_reply = opts->max_reply > 0 ? opts->max_reply : HTTPS_DEF_MAX_REPLY;
	if (!https_dup(&h->base_url, base_url) ||
	    !https_dup(&h->ca_file, opts->ca_file) ||
	    !https_dup(&h->pin, opts->pin) ||
	    !https_dup(&h->client_cert, opts->client_cert) ||
	    !https_dup(&h->client_key, opts->client_key) ||
	    (h->multi = curl_multi_init()) == NULL) {
		snprintf(err, errlen, "out of memory");
		https_destroy(h);
		return NULL;
	}
	return &h->base;
}

/*
 * libcurl's own memory is wiped when libcurl frees it.  Its buffers hold
 * copies we cannot reach: the request it builds (the Authorization line
 * with the session token, and a small POST body -- a password, a bank
 * card number -- is copied in with the headers), its upload and receive
 * buffers (a sign-in's answer carries the token).  So every block it
 * frees is zeroed first, whole (malloc_usable_size), and realloc never
 * leaves the old block behind unwiped.  OpenSSL's record buffers are not
 * covered: that would need OpenSSL's allocator hooks (libssl-dev).
 */
static void
https_wipe_free(void *p)
{
	if (p == NULL)
		return;
	sodium_memzero(p, malloc_usable_size(p));
	free(p);
}

static void *
https_wipe_realloc(void *p, size_t n)
{
	void *q;
	size_t old;

	if (p == NULL)
		return malloc(n);
	if (n == 0) {
		https_wipe_free(p);
		return NULL;
	}
	if ((q = malloc(n)) == NULL)
		return NULL;
	old = malloc_usable_size(p);
	memcpy(q, p, old < n ? old : n);
	https_wipe_free(p);
	return q;
}

static char *
https_wipe_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

int
transport_https_global_init(void)
{
	return curl_global_init_mem(CURL_GLOBAL_DEFAULT, malloc,
	    https_wipe_free, https_wipe_realloc, https_wipe_strdup,
	    calloc) == CURLE_OK ? 0 : -1;
}

void
transport_https_global_cleanup(void)
{
	curl_global_cleanup();
}
