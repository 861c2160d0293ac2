/*
 * rawconn.h -- connections to ssdesk-sim opened by hand, to misbehave on
 * purpose: idle TCP connections, and TLS connections (libcurl's
 * CONNECT_ONLY: the handshake done, then bytes sent as the caller likes)
 * that trickle a request or stop half-way; and the setting up of an
 * ordinary JSON request with libcurl.  Each comes from a local
 * address of the caller's choosing: on Linux every 127.x.y.z is loopback,
 * so an "attacker" at 127.0.0.2 and a trainee at 127.0.0.1 are two
 * clients to the server's per-address limit.  Shared by the integration
 * tests (tests/integration/test_classroom.c, test_hostile.c) and the
 * classroom benchmark (tests/bench/classroom_load.c).  Nothing here
 * asserts or prints; nothing blocks longer than its caller says.
 */
#ifndef SSDESK_RAWCONN_H
#define SSDESK_RAWCONN_H

#include <stdbool.h>
#include <stddef.h>

#include <curl/curl.h>

/* A TCP connection to 127.0.0.1:port from the address from; nothing
 * sent.  The descriptor, or -1. */
int rawconn_tcp(int port, const char *from);
/* Whether the server has closed fd (end of stream or reset; anything it
 * sent is read and dropped).  Never blocks. */
bool rawconn_tcp_closed(int fd);

/* A TLS connection to https://127.0.0.1:port from the address from,
 * trusting the CA file ca, the handshake done and nothing sent; NULL if
 * the server refused or dropped it.  Free with curl_easy_cleanup. */
CURL *rawconn_tls(int port, const char *ca, const char *from);
/* Send n bytes: 0, or -1 if the connection is gone. */
int rawconn_tls_send(CURL *h, const void *p, size_t n);
/* Whether the server has closed it (anything it sent is read into out,
 * up to outsz - 1 bytes and NUL-terminated, if out; else dropped).
 * Never blocks. */
bool rawconn_tls_closed(CURL *h, char *out, size_t outsz);
/* Read what the server sends until it closes the connection or ms
 * pass: into out (NUL-terminated, the rest dropped); true if it closed. */
bool rawconn_tls_read(CURL *h, char *out, size_t outsz, int ms);

/* Set h up for one JSON request, method path, to https://127.0.0.1:port
 * trusting the CA file ca: Content-Type application/json, the bearer
 * token and the Idempotency-Key unless NULL, the body (copied) unless
 * NULL.  Returns the header list it made, for the caller to free
 * (curl_slist_free_all) once the request is done. */
struct curl_slist *rawconn_json(CURL *h, int port, const char *ca,
    const char *method, const char *path, const char *token,
    const char *key, const char *body);

/* CLOCK_MONOTONIC in milliseconds. */
long long rawconn_now_ms(void);

#endif
