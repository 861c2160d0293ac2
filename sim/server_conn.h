/*
 * server_conn.h -- the classroom server's hold on its connections: each
 * request must arrive whole (TLS handshake, headers and body) within a
 * deadline of the connection opening or of the previous answer, whatever
 * the client trickles meanwhile, so that a few clients sending a byte now
 * and then cannot keep every connection busy for ever.
 *
 * libmicrohttpd has only an idle timeout, which a byte every few seconds
 * defeats, so the deadline is built from its hooks: the connection
 * notifier (MHD_OPTION_NOTIFY_CONNECTION, server_conn_notify) keeps a
 * record per connection from accept to close; the access handler says
 * when it has the whole request (server_conn_whole: no deadline while it
 * is answered) and the request-completed callback when the answer is gone
 * (server_conn_answered: the next request's deadline starts).  A watchdog
 * thread shuts down (shutdown(2), never close(2)) every connection past
 * its deadline; libmicrohttpd then sees the end of the stream and closes
 * it as any other.  The descriptor stays libmicrohttpd's: it tells the
 * notifier before it closes one, and the record goes under the same
 * mutex the watchdog holds, so the watchdog never touches a descriptor
 * that was closed and given to another connection.
 */
#ifndef SSDESK_SERVER_CONN_H
#define SSDESK_SERVER_CONN_H

#include <microhttpd.h>

struct server_conns;

/* The records and their watchdog, a request allowed deadline_s seconds;
 * NULL if the thread or memory cannot be had. */
struct server_conns *server_conn_new(long deadline_s);
/* Stop the watchdog and free it all; after MHD_stop_daemon (every
 * connection closed).  NULL is safe. */
void server_conn_free(struct server_conns *c);

/* MHD_OPTION_NOTIFY_CONNECTION with cls the struct server_conns. */
void server_conn_notify(void *cls, struct MHD_Connection *conn,
    void **socket_context, enum MHD_ConnectionNotificationCode code);
/* The access handler has conn's whole request: no deadline until it is
 * answered. */
void server_conn_whole(struct server_conns *c, struct MHD_Connection *conn);
/* conn's request is over (answered or not): the next one's deadline
 * runs from now. */
void server_conn_answered(struct server_conns *c,
    struct MHD_Connection *conn);

#endif
