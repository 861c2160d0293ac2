/*
 * rawconn.c -- connections opened by hand, to misbehave on purpose (see
 * rawconn.h).
 */
#include "tests/lib/rawconn.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int
rawconn_tcp(int port, const char *from)
{
	struct sockaddr_in local, sa;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	memset(&local, 0, sizeof local);
	local.sin_family = AF_INET;
	sa = local;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (inet_pton(AF_INET, from, &local.sin_addr) != 1 ||
	    bind(fd, (struct sockaddr *)&local, sizeof local) != 0 ||
	    connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

bool
rawconn_tcp_closed(int fd)
{
	char buf[512];

	for (;;) {
		ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);

		if (n == 0)
			return true;
		if (n < 0)
			return errno != EAGAIN && errno != EWOULDBLOCK &&
			    errno != EINTR;
	}
}

CURL *
rawconn_tls(int port, const char *ca, const char *from)
{
	CURL *h = curl_easy_init();
	char url[64];

	if (h == NULL)
		return NULL;
	snprintf(url, sizeof url, "https://127.0.0.1:%d/", port);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_CAINFO, ca);
	curl_easy_setopt(h, CURLOPT_INTERFACE, from);
	curl_easy_setopt(h, CURLOPT_CONNECT_ONLY, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	if (curl_easy_perform(h) != CURLE_OK) {
		curl_easy_cleanup(h);
		return NULL;
	}
	return h;
}

int
rawconn_tls_send(CURL *h, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0) {
		size_t sent = 0;
		CURLcode rc = curl_easy_send(h, c, n, &sent);

		if (rc == CURLE_AGAIN) {
			usleep(1000);
			continue;
		}
		if (rc != CURLE_OK)
			return -1;
		c += sent;
		n -= sent;
	}
	return 0;
}

bool
rawconn_tls_closed(CURL *h, char *out, size_t outsz)
{
	size_t have = out != NULL && outsz > 0 ? strlen(out) : 0;
	char buf[4096];

	for (;;) {
		size_t n = 0;
		CURLcode rc = curl_easy_recv(h, buf, sizeof buf, &n);

		if (rc == CURLE_AGAIN)
			return false;
		if (rc != CURLE_OK || n == 0)
			return true;
		if (out != NULL && have + 1 < outsz) {
			size_t k = n < outsz - 1 - have ? n : outsz - 1 - have;

			memcpy(out + have, buf, k);
			have += k;
			out[have] = '\0';
		}
	}
}

long long
rawconn_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool
rawconn_tls_read(CURL *h, char *out, size_t outsz, int ms)
{
	long long end = rawconn_now_ms() + ms;

	if (out != NULL && outsz > 0)
		out[0] = '\0';
	while (rawconn_now_ms() < end) {
		if (rawconn_tls_closed(h, out, outsz))
			return true;
		usleep(10 * 1000);
	}
	return false;
}

struct curl_slist *
rawconn_json(CURL *h, int port, const char *ca, const char *method,
    const char *path, const char *token, const char *key, const char *body)
{
	struct curl_slist *hdr;
	char url[256], line[256];

	snprintf(url, sizeof url, "https://127.0.0.1:%d%s", port, path);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_CAINFO, ca);
	curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	hdr = curl_slist_append(NULL, "Content-Type: application/json");
	if (token != NULL) {
		snprintf(line, sizeof line, "Authorization: Bearer %s", token);
		hdr = curl_slist_append(hdr, line);
	}
	if (key != NULL) {
		snprintf(line, sizeof line, "Idempotency-Key: %s", key);
		hdr = curl_slist_append(hdr, line);
	}
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
	if (body != NULL)
		curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body);
	return hdr;
}
