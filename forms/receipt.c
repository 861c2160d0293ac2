/*
 * receipt.c -- the receipt as text (forms/receipt.h).
 */
#include "forms/receipt.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "forms/i18n.h"
#include "forms/service.h"
#include "forms/text.h"

const char *
receipt_service_name(const struct application *a)
{
	const struct service_def *d = service_def(a->service);

	/* A service this terminal does not know: its word, as sent. */
	return d != NULL ? _(d->title) : a->service_sent;
}

const char *
receipt_status_name(const char *s)
{
	if (strcmp(s, "completed") == 0)
		return _("Completed");
	if (strcmp(s, "pending-approval") == 0)
		return _("Pending a supervisor's approval");
	return s;
}

void
receipt_when(char *out, size_t outsz, const char *created_at)
{
	char *t;

	snprintf(out, outsz, "%s", created_at);
	if ((t = strchr(out, 'T')) != NULL)
		*t = ' ';
	if (strlen(out) > 19)
		out[19] = '\0';
}

struct rbuf {
	char *p;
	size_t sz, n;
	bool full;
};

static void rb_add(struct rbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
rb_add(struct rbuf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (b->full)
		return;
	va_start(ap, fmt);
	k = vsnprintf(b->p + b->n, b->sz - b->n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= b->sz - b->n)
		b->full = true;
	else
		b->n += (size_t)k;
}

/* One "label: value" row; the value is sanitised (it may come from the
 * service). */
static void
rb_row(struct rbuf *b, const char *label, const char *value)
{
	char clean[1024];

	text_sanitize(clean, sizeof clean, value ? value : "",
	    value ? strlen(value) : 0);
	rb_add(b, "%-20s %s\n", label, clean);
}

int
receipt_text(char *out, size_t outsz, const struct receipt_ctx *c)
{
	struct rbuf b = { out, outsz, 0, outsz == 0 };
	const struct application *a = c->app;
	const char *svc = receipt_service_name(a);
	char when[40], clerk[TEXT_MAX + REF_MAX + 8], card[TEXT_MAX + 40];
	char next[sizeof a->next_steps];
	const char *tr = _("TRAINING — NOT VALID");

	if (c->training)
		rb_add(&b, "*** %s ***\n\n", tr);
	rb_add(&b, "%s\n\n", _("Social-security service centre — receipt"));
	receipt_when(when, sizeof when, a->created_at);
	snprintf(clerk, sizeof clerk, "%s (%s)", c->clerk_name, c->clerk_id);
	snprintf(card, sizeof card, "%s  %s", a->card.number_masked[0] ?
	    a->card.number_masked : (c->card_masked ? c->card_masked : ""),
	    a->card.bank);
	rb_row(&b, _("Application number"), a->application_id);
	rb_row(&b, _("Service"), svc);
	if (c->earlier != NULL && c->earlier[0] != '\0')
		rb_row(&b, _("Earlier step"), c->earlier);
	rb_row(&b, _("Date and time"), when);
	rb_row(&b, _("Counter"), c->counter);
	rb_row(&b, _("Clerk"), clerk);
	rb_row(&b, _("Applicant"), c->applicant);
	rb_row(&b, _("ID number"), c->id_masked);
	if (a->subject_name[0] != '\0') {
		char who[TEXT_MAX + 32];

		snprintf(who, sizeof who, "%s  %s", a->subject_name,
		    a->subject_id_masked);
		rb_row(&b, a->nresults > 0 ? _("Child") : _("Insured"), who);
	}
	if (a->nresults == 0)
		rb_row(&b, _("Card"), card);
	rb_row(&b, _("Status"), receipt_status_name(a->status));
	for (size_t r = 0; r < a->nresults && r < APP_RESULTS_MAX; r++) {
		char label[16];

		snprintf(label, sizeof label, "%zu.", r + 1);
		rb_row(&b, label, a->results[r]);
	}
	text_sanitize(next, sizeof next, a->next_steps, strlen(a->next_steps));
	rb_add(&b, "\n%s\n%s\n", _("Next steps"), next);
	if (c->training)
		rb_add(&b, "\n*** %s ***\n", tr);
	if (b.full) {
		if (outsz > 0)
			out[0] = '\0';
		return -1;
	}
	return (int)b.n;
}
