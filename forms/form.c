/*
 * form.c -- filling in a form_def: values, per-field verdicts, readiness.
 *
 * Every form_set() recomputes that field's verdict from scratch, so the
 * state never holds a stale message and a screen only has to draw it.
 * Verdicts are lenient while typing (a prefix that can still become valid
 * is PARTIAL, not BAD) and strict in form_ready(), which is the one place
 * that decides whether a form may go to the service.
 */
#include "forms/form.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "forms/check.h"
#include "forms/i18n.h"
#include "forms/idnum.h"
#include "forms/text.h"

#define MIDDOT " \xC2\xB7 " /* " · " between facts in an info line */

static void say(char *dst, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(char *dst, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dst, FORM_MSG_MAX, fmt, ap);
	va_end(ap);
}

void form_start(struct form_state *st, const struct form_def *def,
    const struct form_ctx *ctx)
{
	memset(st, 0, sizeof *st);
	st->def = def;
	if (ctx != NULL)
		st->ctx = *ctx;
	for (int i = 0; i < FORM_FIELDS_MAX; i++)
		st->status[i].verdict = VERDICT_EMPTY;
}

int form_find(const struct form_def *def, const char *key)
{
	if (def == NULL || key == NULL)
		return -1;
	for (int i = 0; i < def->nfields; i++)
		if (strcmp(def->fields[i].key, key) == 0)
			return i;
	return -1;
}

const char *form_get(const struct form_state *st, int idx)
{
	if (st == NULL || st->def == NULL || idx < 0 || idx >= st->def->nfields)
		return "";
	return st->value[idx];
}

const char *form_get_key(const struct form_state *st, const char *key)
{
	return form_get(st, st != NULL ? form_find(st->def, key) : -1);
}

/* Card and phone numbers are read out in groups; the spaces mean nothing. */
static void remove_spaces(char *s)
{
	char *w = s;

	for (const char *r = s; *r != '\0'; r++)
		if (*r != ' ' && *r != '\t')
			*w++ = *r;
	*w = '\0';
}

long form_fold_char(const struct field_def *fd, long cp)
{
	switch (fd->kind) {
	case FIELD_IDNUM:
	case FIELD_BANKCARD:
	case FIELD_MOBILE:
	case FIELD_VALIDITY:
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			return cp - 0xFEE0;     /* FULLWIDTH '!'..'~' */
		if (cp == 0x3000)
			return ' ';             /* IDEOGRAPHIC SPACE */
		return cp;
	default:
		return cp;
	}
}

/* form_fold_char() over a whole value, in place: a folded character is
 * one byte where it was three, so the result is never longer. */
static void fold_value(const struct field_def *fd, char *s)
{
	size_t n = strlen(s), r = 0, w = 0;

	while (r < n) {
		long cp, f;
		size_t len = text_decode(s + r, n - r, &cp);

		if (len == 0)
			break;
		f = cp >= 0 ? form_fold_char(fd, cp) : cp;
		if (f != cp && f < 0x80) {
			s[w++] = (char)f;
		} else {
			memmove(s + w, s + r, len);
			w += len;
		}
		r += len;
	}
	s[w] = '\0';
}

/* Cut s to at most max bytes without splitting a UTF-8 character. */
static void truncate_utf8(char *s, size_t max)
{
	size_t p;

	if (strlen(s) <= max)
		return;
	p = max;
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	s[p] = '\0';
}

/* What the typed part of an ID number already tells, e.g.
 * "Born 1949-12-31 · female · Beijing". */
static void idnum_info(char *dst, const struct idnum_partial *p)
{
	char born[DATE_STR];

	dst[0] = '\0';
	if (!p->has_province)
		return;
	if (!p->has_birth) {
		say(dst, "%s", _(p->province));
		return;
	}
	date_format(born, p->birth);
	if (!p->has_sex) {
		say(dst, _("Born %s" MIDDOT "%s"), born, _(p->province));
		return;
	}
	say(dst, _("Born %s" MIDDOT "%s" MIDDOT "%s"), born,
	    p->sex == IDNUM_MALE ? _("male") : _("female"), _(p->province));
}

static enum field_verdict verdict_idnum(struct form_state *st, int idx)
{
	struct field_status *fs = &st->status[idx];
	struct idnum_partial p;

	idnum_inspect(&p, st->value[idx], st->ctx.today);
	idnum_info(fs->info, &p);
	switch (p.err) {
	case IDNUM_OK:
		return VERDICT_OK;
	case IDNUM_SHORT:
		return VERDICT_PARTIAL;
	case IDNUM_EMPTY:
		return VERDICT_EMPTY;
	case IDNUM_CHECK:
		say(fs->msg, _("Wrong check character: with these 17 digits it should be %c. "
		    "Check the number against the ID card."), p.expected_check);
		return VERDICT_BAD;
	default:
		say(fs->msg, "%s", idnum_strerror(p.err));
		return VERDICT_BAD;
	}
}

/* True if s, typed so far, could still become word (ASCII case ignored). */
static bool prefix_of(const char *s, const char *word)
{
	size_t n = strlen(s);

	return n <= strlen(word) && strncasecmp(s, word, n) == 0;
}

/* True if s could still grow into YYYYMMDD or YYYY-MM-DD. */
static bool date_prefix(const char *s)
{
	size_t n = strlen(s);
	bool dashed = n > 4 && s[4] == '-';

	if (n >= (dashed ? 10u : 8u))
		return false;
	for (size_t i = 0; i < n; i++) {
		bool dash_here = dashed && (i == 4 || i == 7);

		if (dash_here ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	}
	return true;
}

static enum field_verdict verdict_validity(struct form_state *st, int idx)
{
	struct field_status *fs = &st->status[idx];
	const char *v = st->value[idx];
	bool long_term;
	struct date until;
	enum check_err e = check_validity(v, st->ctx.today, &long_term, &until);

	if (e == CHECK_OK) {
		if (long_term) {
			say(fs->info, "%s", _("long-term"));
		} else {
			date_format(fs->info, until);
		}
		return VERDICT_OK;
	}
	if (e == CHECK_VALIDITY_FORMAT &&
	    (date_prefix(v) || prefix_of(v, "long-term") ||
	     prefix_of(v, "\xE9\x95\xBF\xE6\x9C\x9F")))
		return VERDICT_PARTIAL;
	say(fs->msg, "%s", check_strerror(e));
	return VERDICT_BAD;
}

static enum field_verdict verdict_bankcard(struct form_state *st, int idx)
{
	struct field_status *fs = &st->status[idx];
	const char *v = st->value[idx];
	enum check_err e = check_bankcard(v);

	switch (e) {
	case CHECK_OK:
		return VERDICT_OK;
	case CHECK_CARD_LENGTH:
		if (strlen(v) < 16)
			return VERDICT_PARTIAL;
		break;
	case CHECK_CARD_LUHN:
		/* Typed twice the same: some old cards really fail Luhn. */
		if (strcmp(st->warned[idx], v) == 0) {
			st->confirmed[idx] = true;
			say(fs->info, "%s", _("Confirmed by re-entry"));
			return VERDICT_OK;
		}
		say(fs->msg, "%s", check_strerror(e));
		return VERDICT_WARN;
	default:
		break;
	}
	say(fs->msg, "%s", check_strerror(e));
	return VERDICT_BAD;
}

static enum field_verdict verdict_mobile(struct form_state *st, int idx)
{
	struct field_status *fs = &st->status[idx];
	const char *v = st->value[idx];
	size_t n = strlen(v);
	bool digits = strspn(v, "0123456789") == n;

	if (check_mobile(v) == CHECK_OK)
		return VERDICT_OK;
	if (digits && n < 11 && v[0] == '1' && (n < 2 || v[1] >= '3'))
		return VERDICT_PARTIAL;
	say(fs->msg, "%s", check_strerror(CHECK_MOBILE_FORMAT));
	return VERDICT_BAD;
}

static enum field_verdict verdict_choice(struct form_state *st, int idx)
{
	const struct field_def *fd = &st->def->fields[idx];
	struct field_status *fs = &st->status[idx];

	for (const struct choice *c = fd->choices; c != NULL && c->key != NULL; c++)
		if (strcmp(c->key, st->value[idx]) == 0) {
			say(fs->info, "%s", _(c->label));
			if (c->refusal == NULL)
				return VERDICT_OK;
			say(fs->msg, "%s", _(c->refusal));
			return VERDICT_BAD;
		}
	say(fs->msg, "%s", _("Choose one of the answers offered."));
	return VERDICT_BAD;
}

static enum field_verdict verdict_of(struct form_state *st, int idx)
{
	const struct field_def *fd = &st->def->fields[idx];
	struct field_status *fs = &st->status[idx];
	enum check_err e;

	if (st->value[idx][0] == '\0')
		return VERDICT_EMPTY;
	if (fd->flags & FIELD_READONLY)
		return VERDICT_OK;
	switch (fd->kind) {
	case FIELD_TEXT:
		return fd->check == NULL ? VERDICT_OK :
		    fd->check(st->value[idx], &st->ctx, fs->msg, sizeof fs->msg);
	case FIELD_NAME:
		e = check_name(st->value[idx]);
		if (e == CHECK_OK)
			return VERDICT_OK;
		say(fs->msg, "%s", check_strerror(e));
		return VERDICT_BAD;
	case FIELD_IDNUM:
		return verdict_idnum(st, idx);
	case FIELD_VALIDITY:
		return verdict_validity(st, idx);
	case FIELD_BANKCARD:
		return verdict_bankcard(st, idx);
	case FIELD_MOBILE:
		return verdict_mobile(st, idx);
	case FIELD_CHOICE:
		return verdict_choice(st, idx);
	case FIELD_TICK:
		if (strcmp(st->value[idx], "y") == 0)
			return VERDICT_OK;
		say(fs->msg, "%s", _("A checklist item is either ticked or not."));
		return VERDICT_BAD;
	}
	return VERDICT_BAD;
}

enum field_verdict form_set(struct form_state *st, int idx, const char *value)
{
	const struct field_def *fd;
	char *v;
	size_t max;

	if (st == NULL || st->def == NULL || idx < 0 || idx >= st->def->nfields ||
	    idx >= FORM_FIELDS_MAX)
		return VERDICT_BAD;
	fd = &st->def->fields[idx];
	v = st->value[idx];
	if (value == NULL)
		value = "";
	if (value != v) {
		/* Copy at most what the buffer holds, and if the value goes on
		 * past that, cut before the character the limit falls in:
		 * once copied, the cut can no longer be seen. */
		size_t n = strnlen(value, FORM_VALUE_MAX - 1);

		if (value[n] != '\0')
			while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
				n--;
		memmove(v, value, n);
		v[n] = '\0';
	}
	fold_value(fd, v);
	text_trim(v);
	if (fd->kind == FIELD_BANKCARD || fd->kind == FIELD_MOBILE)
		remove_spaces(v);
	if (fd->kind == FIELD_IDNUM) {
		char *x = strchr(v, 'x');

		if (x != NULL && x[1] == '\0')
			*x = 'X';
	}
	max = fd->max_bytes > 0 && fd->max_bytes < FORM_VALUE_MAX ?
	    (size_t)fd->max_bytes : FORM_VALUE_MAX - 1;
	truncate_utf8(v, max);

	memset(&st->status[idx], 0, sizeof st->status[idx]);
	st->confirmed[idx] = false;
	st->status[idx].verdict = verdict_of(st, idx);
	return st->status[idx].verdict;
}

/* form_ready()'s sentence for a field that stops submission. */
static int refuse_field(struct form_state *st, int idx, int *first)
{
	const struct field_def *fd = &st->def->fields[idx];
	const struct field_status *fs = &st->status[idx];

	*first = idx;
	switch (fs->verdict) {
	case VERDICT_EMPTY:
		if (fd->missing != NULL)
			say(st->form_msg, "%s", _(fd->missing));
		else
			say(st->form_msg, _("Fill in \xE2\x80\x9C%s\xE2\x80\x9D."), _(fd->label));
		break;
	case VERDICT_PARTIAL:
		if (fd->kind == FIELD_IDNUM)
			say(st->form_msg, "%s", idnum_strerror(IDNUM_SHORT));
		else
			say(st->form_msg, _("\xE2\x80\x9C%s\xE2\x80\x9D is not complete: finish it or clear it."),
			    _(fd->label));
		break;
	default:
		/* The focus goes to the field, whose message says what is
		 * wrong; the label would only repeat it.  Never nothing: F2
		 * that does not send says why. */
		if (fs->msg[0] != '\0')
			say(st->form_msg, "%s", fs->msg);
		else
			say(st->form_msg, _("\xE2\x80\x9C%s\xE2\x80\x9D is not accepted: correct it."),
			    _(fd->label));
		break;
	}
	return -1;
}

int form_ready(struct form_state *st, int *first)
{
	int dummy;

	if (first == NULL)
		first = &dummy;
	*first = -1;
	if (st == NULL || st->def == NULL)
		return -1;
	st->form_msg[0] = '\0';
	for (int i = 0; i < st->def->nfields; i++) {
		const struct field_def *fd = &st->def->fields[i];
		enum field_verdict vd = st->status[i].refused ?
		    st->status[i].own : st->status[i].verdict;

		switch (vd) {
		case VERDICT_OK:
			break;
		case VERDICT_EMPTY:
			if (fd->flags & FIELD_REQUIRED)
				return refuse_field(st, i, first);
			break;
		case VERDICT_WARN:
			/* Keep what was typed aside and ask for it again: the same
			 * number typed twice is taken as the clerk's confirmation. */
			memcpy(st->warned[i], st->value[i], FORM_VALUE_MAX);
			form_set(st, i, "");
			*first = i;
			if (fd->kind == FIELD_BANKCARD)
				say(st->form_msg, "%s",
				    _("The card number fails its check digit. "
				    "Re-enter the bank card number to confirm it, "
				    "or correct it."));
			else
				say(st->form_msg, _("Re-enter \xE2\x80\x9C%s\xE2\x80\x9D to confirm it."),
				    _(fd->label));
			return -1;
		case VERDICT_PARTIAL:
		case VERDICT_BAD:
			return refuse_field(st, i, first);
		}
	}
	if (st->def->rules != NULL)
		return st->def->rules(st, first) == 0 ? 0 : -1;
	return 0;
}

void form_refuse(struct form_state *st, int idx, const char *msg)
{
	struct field_status *fs;

	if (st == NULL || st->def == NULL || idx < 0 ||
	    idx >= st->def->nfields || idx >= FORM_FIELDS_MAX)
		return;
	fs = &st->status[idx];
	if (!fs->refused)
		fs->own = fs->verdict;
	fs->refused = true;
	fs->verdict = VERDICT_BAD;
	if (msg == NULL)
		msg = "";
	text_sanitize(fs->msg, sizeof fs->msg, msg, strlen(msg));
}

void form_clear(struct form_state *st)
{
	const struct form_def *def;
	struct form_ctx ctx;

	if (st == NULL)
		return;
	def = st->def;
	ctx = st->ctx;
	/* Values include full ID and card numbers: make sure the wipe happens. */
	explicit_bzero(st, sizeof *st);
	form_start(st, def, &ctx);
}

bool
form_typed(const struct form_state *st)
{
	for (int f = 0; st->def != NULL && f < st->def->nfields; f++)
		if (!(st->def->fields[f].flags & (FIELD_NOJOURNAL |
		    FIELD_READONLY)) && st->value[f][0] != '\0')
			return true;
	return false;
}

void
form_set_key(struct form_state *st, const char *key, const char *value)
{
	int idx = st->def != NULL ? form_find(st->def, key) : -1;

	if (idx >= 0)
		form_set(st, idx, value);
}
