/*
 * receipt.h -- a completed application as the text of its receipt, pure.
 *
 * The same rows the receipt screen shows (application number, service,
 * date and time, counter, clerk, applicant, masked ID number, card,
 * status, next steps), as plain text for the file that is printed.  Only
 * masked numbers are ever in it.  In training (--demo) it says TRAINING —
 * NOT VALID at the top and the bottom.  Text from the service is
 * sanitised.  Another service's lines: add a row to receipt_text().
 */
#ifndef SSDESK_RECEIPT_H
#define SSDESK_RECEIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/person.h"

struct receipt_ctx {
	const struct application *app;
	const char *counter;
	const char *clerk_name, *clerk_id;
	const char *applicant;
	const char *id_masked;
	const char *card_masked;   /* the card the application acted on */
	const char *earlier;       /* an earlier step's application, or NULL */
	bool training;
};

/* The application's service as the clerk reads it (its descriptor's
 * title, translated), or, a service this terminal does not know, the word
 * the service sent (untrusted: sanitise). */
const char *receipt_service_name(const struct application *a);
/* The status as the clerk reads it (translated), or s itself (untrusted:
 * sanitise) when it is not one of ours. */
const char *receipt_status_name(const char *s);
/* "2026-11-22T09:41:07+08:00" -> "2026-11-22 09:41:07" into out. */
void receipt_when(char *out, size_t outsz, const char *created_at);
/* The whole receipt as text lines ending in '\n', into out.  Returns
 * the length, or -1 if out is too small (out is then ""). */
int receipt_text(char *out, size_t outsz, const struct receipt_ctx *ctx);

#endif
