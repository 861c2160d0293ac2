/*
 * transport.c -- the transport interface: calls go through the ops table of
 * whichever implementation main() chose (HTTPS or in-process), so the api
 * and the screens never know which one answers.  Also the one list of
 * words for transport errors, for the log (the clerk's are in tui/).
 */
#include "net/transport.h"

#include <stddef.h>

int
transport_submit(struct transport *t, const struct transport_request *req,
    transport_cb *cb, void *arg)
{
	if (t == NULL || req == NULL || cb == NULL)
		return -1;
	return t->ops->submit(t, req, cb, arg);
}

void
transport_cancel(struct transport *t, int id)
{
	if (t != NULL && id > 0)
		t->ops->cancel(t, id);
}

int
transport_wait(struct transport *t, int extra_fd, int timeout_ms,
    int *extra_ready)
{
	int dummy;

	if (extra_ready == NULL)
		extra_ready = &dummy;
	*extra_ready = 0;
	return t->ops->wait(t, extra_fd, timeout_ms, extra_ready);
}

void
transport_perform(struct transport *t)
{
	t->ops->perform(t);
}

int
transport_pending(const struct transport *t)
{
	return t == NULL ? 0 : t->ops->pending(t);
}

void
transport_free(struct transport *t)
{
	if (t != NULL)
		t->ops->free(t);
}

/* For the log and the detail line, not for the clerk: English only. */
const char *
transport_strerror(enum transport_err err)
{
	switch (err) {
	case TRANSPORT_OK:
		return "ok";
	case TRANSPORT_CONNECT:
		return "could not connect";
	case TRANSPORT_TLS:
		return "TLS certificate or handshake refused";
	case TRANSPORT_PIN:
		return "server public key does not match the pin";
	case TRANSPORT_TIMEOUT:
		return "timed out";
	case TRANSPORT_TOO_LARGE:
		return "reply over the size cap";
	case TRANSPORT_CANCELLED:
		return "cancelled";
	case TRANSPORT_INTERNAL:
		return "internal error";
	}
	return "unknown transport error";
}
