/*
 * server_conn.c -- per-connection request deadlines for ssdesk-sim, from
 * libmicrohttpd's connection notifier and a watchdog thread (see
 * server_conn.h).  One mutex guards the records; the callbacks run on
 * libmicrohttpd's threads (the listening thread opens and drops a record,
 * the connection's own thread moves its deadline), the watchdog on its
 * own, waking twice a second.
 */
#include "sim/server_conn.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

#define SERVER_CONN_TICK_MS 500

struct server_conn {
	struct server_conn *prev, *next;
	int fd;
	long long deadline_ms;      /* 0: a whole request is being answered */
};

struct server_conns {
	pthread_mutex_t lock;
	pthread_cond_t wake;        /* the watchdog's tick, or stop */
	pthread_t watchdog;
	bool stopping;
	long long allow_ms;
	long deadline_s;
	struct server_conn *head;   /* under lock, as every record */
};

static long long
server_conn_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Cut what is past its deadline: shut down both ways, so the
 * connection's thread reads the end of the stream and closes it. */
static void
server_conn_cut_late(struct server_conns *c, long long now)
{
	for (struct server_conn *k = c->head; k != NULL; k = k->next) {
		if (k->deadline_ms == 0 || now < k->deadline_ms)
			continue;
		k->deadline_ms = 0;
		shutdown(k->fd, SHUT_RDWR);
		fprintf(stderr, "ssdesk-sim: connection closed: no whole "
		    "request within %ld s\n", c->deadline_s);
	}
}

static void *
server_conn_watch(void *arg)
{
	struct server_conns *c = arg;
	struct timespec ts;

	pthread_mutex_lock(&c->lock);
	while (!c->stopping) {
		server_conn_cut_late(c, server_conn_now_ms());
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += SERVER_CONN_TICK_MS * 1000000L;
		ts.tv_sec += ts.tv_nsec / 1000000000L;
		ts.tv_nsec %= 1000000000L;
		pthread_cond_timedwait(&c->wake, &c->lock, &ts);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

struct server_conns *
server_conn_new(long deadline_s)
{
	struct server_conns *c = calloc(1, sizeof *c);
	pthread_condattr_t ca;

	if (c == NULL)
		return NULL;
	c->deadline_s = deadline_s;
	c->allow_ms = (long long)deadline_s * 1000;
	pthread_mutex_init(&c->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&c->wake, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&c->watchdog, NULL, server_conn_watch, c) != 0) {
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->lock);
		free(c);
		return NULL;
	}
	return c;
}

void
server_conn_free(struct server_conns *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->lock);
	c->stopping = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->watchdog, NULL);
	while (c->head != NULL) {
		struct server_conn *k = c->head;

		c->head = k->next;
		free(k);
	}
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static void
server_conn_open(struct server_conns *c, struct MHD_Connection *conn,
    void **socket_context)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn,
	    MHD_CONNECTION_INFO_CONNECTION_FD);
	struct server_conn *k;

	if (ci == NULL)
		return;
	if ((k = calloc(1, sizeof *k)) == NULL) {
		/* Nothing would watch it: not served rather than unbounded. */
		shutdown(ci->connect_fd, SHUT_RDWR);
		return;
	}
	k->fd = ci->connect_fd;
	pthread_mutex_lock(&c->lock);
	k->deadline_ms = server_conn_now_ms() + c->allow_ms;
	k->next = c->head;
	if (c->head != NULL)
		c->head->prev = k;
	c->head = k;
	pthread_mutex_unlock(&c->lock);
	*socket_context = k;
}

static void
server_conn_drop(struct server_conns *c, struct server_conn *k)
{
	pthread_mutex_lock(&c->lock);
	if (k->prev != NULL)
		k->prev->next = k->next;
	else
		c->head = k->next;
	if (k->next != NULL)
		k->next->prev = k->prev;
	pthread_mutex_unlock(&c->lock);
	free(k);
}

void
server_conn_notify(void *cls, struct MHD_Connection *conn,
    void **socket_context, enum MHD_ConnectionNotificationCode code)
{
	struct server_conns *c = cls;

	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		server_conn_open(c, conn, socket_context);
	else if (code == MHD_CONNECTION_NOTIFY_CLOSED &&
	    *socket_context != NULL) {
		server_conn_drop(c, *socket_context);
		*socket_context = NULL;
	}
}

/* conn's deadline: running from now, or none. */
static void
server_conn_set(struct server_conns *c, struct MHD_Connection *conn,
    bool running)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn,
	    MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct server_conn *k = ci != NULL ? ci->socket_context : NULL;

	if (k == NULL)
		return;
	pthread_mutex_lock(&c->lock);
	k->deadline_ms = running ? server_conn_now_ms() + c->allow_ms : 0;
	pthread_mutex_unlock(&c->lock);
}

void
server_conn_whole(struct server_conns *c, struct MHD_Connection *conn)
{
	server_conn_set(c, conn, false);
}

void
server_conn_answered(struct server_conns *c, struct MHD_Connection *conn)
{
	server_conn_set(c, conn, true);
}
