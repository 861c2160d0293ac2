/*
 * messages.h -- the clerk's sentences, in one place (as curl keeps
 * src/tool_msgs.c): what the terminal says when a call fails, when the
 * service refuses, and what more than one screen says.
 *
 * net/ gives codes (enum api_result, the service's error code), never a
 * sentence; the words are chosen here.  Every sentence is English, marked
 * for translation, and returned translated (the catalogue is built with
 * xgettext from tui/messages.c and this header).
 */
#ifndef SSDESK_MESSAGES_H
#define SSDESK_MESSAGES_H

#include <stddef.h>

#include "net/api.h"

/* A sentence for a failed call of this kind when the service gave none
 * (network, TLS...).  Never NULL, never empty. */
const char *msg_api_error(enum api_result r);

/* The service's refusal code (docs/api.md) in the clerk's words, or NULL
 * for a code the terminal has no sentence of its own for. */
const char *msg_refusal(const char *code);
/* The i-th code of the refusal table, in its (sorted) order; NULL past
 * the last.  For the unit test that keeps the table sorted. */
const char *msg_refusal_code(size_t i);

#endif
