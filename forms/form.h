/*
 * form.h -- a service's form as data, and the state of one being filled.
 *
 * A form_def is a table of fields (label, width, kind, check, help);
 * tui/form_view.c draws any of them.  A form_state holds what the clerk
 * typed and the verdict on each field, recomputed on every change, so a
 * screen only has to show it.  No curses, no JSON here.
 */
#ifndef SSDESK_FORM_H
#define SSDESK_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/date.h"

#define FORM_FIELDS_MAX 16
#define FORM_VALUE_MAX 256  /* bytes, UTF-8, with NUL */
#define FORM_MSG_MAX 200

enum field_kind {
	FIELD_TEXT,      /* free text */
	FIELD_NAME,      /* a person's name, CJK allowed */
	FIELD_IDNUM,     /* resident ID number */
	FIELD_VALIDITY,  /* ID card end date, or long-term */
	FIELD_BANKCARD,  /* UnionPay number */
	FIELD_MOBILE,
	FIELD_CHOICE,    /* one of def->choices; value is the choice key */
	FIELD_TICK,      /* checklist item; value "y" or "" */
};

#define FIELD_REQUIRED 0x1u
#define FIELD_READONLY 0x2u  /* filled from what the service knows */
#define FIELD_NOJOURNAL 0x4u /* never written to a draft */

enum field_verdict {
	VERDICT_EMPTY,       /* nothing typed yet (fine unless required at submit) */
	VERDICT_PARTIAL,     /* fine so far, not complete */
	VERDICT_OK,
	VERDICT_WARN,        /* acceptable only after the clerk confirms */
	VERDICT_BAD,
};

struct field_status {
	enum field_verdict verdict;
	char msg[FORM_MSG_MAX];    /* what is wrong and what to do; translated */
	char info[FORM_MSG_MAX];   /* what the value tells (birth date, sex...) */
	/* The service refused the value as sent (form_refuse): verdict is
	 * VERDICT_BAD and msg its sentence, for the screen; own is the
	 * value's verdict by the form's own checks, for form_ready(). */
	bool refused;
	enum field_verdict own;
};

struct choice {
	const char *key;           /* wire value, e.g. "pass" */
	const char *label;         /* N_() */
	const char *refusal;       /* N_(): choosing it stops the form, with
	                            * this sentence at the field; or NULL */
};

struct form_ctx {
	struct date today;
};

struct field_def {
	const char *key;           /* wire/journal name */
	const char *label;         /* N_() */
	const char *help;          /* N_(), one line for the status bar */
	enum field_kind kind;
	int width;                 /* columns on screen */
	int max_bytes;             /* limit of what may be typed */
	unsigned flags;
	const struct choice *choices;  /* FIELD_CHOICE: NULL-key terminated */
	/* N_(), what form_ready() says when this REQUIRED field is empty;
	 * NULL for the generic "Fill in ..." sentence. */
	const char *missing;
	/* FIELD_TEXT only, or NULL: the field's own rule, run as it is typed
	 * (value not empty).  Returns the verdict; for VERDICT_BAD writes
	 * what is wrong and what to do (translated) into msg. */
	enum field_verdict (*check)(const char *value, const struct form_ctx *ctx,
	    char *msg, size_t msgsz);
};

struct form_state;

struct form_def {
	const char *id;            /* "identity", "medical" */
	const char *title;         /* N_() */
	const char *help;          /* N_(), the F1 text */
	const struct field_def *fields;
	int nfields;
	/* Rules that span fields, run by form_ready() once every field is
	 * fine on its own; NULL if none.  Same contract as form_ready(). */
	int (*rules)(struct form_state *st, int *first);
};

extern const struct form_def form_identity;
extern const struct form_def form_medical;
extern const struct form_def form_financial;   /* forms/form_financial.c */

struct form_state {
	const struct form_def *def;
	struct form_ctx ctx;
	char value[FORM_FIELDS_MAX][FORM_VALUE_MAX];
	struct field_status status[FORM_FIELDS_MAX];
	/* A warned value the clerk must type again to confirm (Luhn). */
	char warned[FORM_FIELDS_MAX][FORM_VALUE_MAX];
	bool confirmed[FORM_FIELDS_MAX];
	char form_msg[FORM_MSG_MAX]; /* cross-field verdict from form_ready() */
};

/* Begin filling def: every value empty.  (Not form_init: libform has one.) */
void form_start(struct form_state *st, const struct form_def *def,
    const struct form_ctx *ctx);

/* Index of the field with this key, or -1. */
int form_find(const struct form_def *def, const char *key);

/* What a character typed into a field of def's kind stands for.  A CJK
 * input method in full-width mode (or a paste from a Chinese document)
 * types "１２３", "Ｘ", "－" and U+3000: in number fields (ID number, bank
 * card, mobile, validity) they are the ASCII characters they look like.
 * Other kinds keep cp as it is. */
long form_fold_char(const struct field_def *def, long cp);

/* Set a field's value (folded with form_fold_char, trimmed, truncated to
 * max_bytes on a character boundary) and re-check it.  Bank card and
 * mobile drop spaces.  Returns the new verdict. */
enum field_verdict form_set(struct form_state *st, int idx, const char *value);
const char *form_get(const struct form_state *st, int idx);
const char *form_get_key(const struct form_state *st, const char *key);
/* form_set by the field's key; nothing if st's form has no such field. */
void form_set_key(struct form_state *st, const char *key, const char *value);

/*
 * May the form be submitted?  Checks every field as if submitting
 * (required fields, warnings not yet confirmed; a field the service
 * refused by its own verdict, see form_refuse) and the rules that span
 * fields (identity: all checklist items done, face recognition passed).
 * Returns 0 if ready; else -1 with *first set to the field to go to
 * (-1 if the problem is not one field) and st->form_msg explaining.
 * A WARN field (Luhn) becomes a request to re-enter: its value is moved
 * to st->warned and cleared, so typing it again confirms it.
 */
int form_ready(struct form_state *st, int *first);

/*
 * The central service refused the value sent in field idx: msg (its
 * sentence, untrusted: sanitised here) is shown at the field as a
 * VERDICT_BAD.  It does not hold the form back: the value passed the
 * form's own checks, only the service can say whether it still refuses
 * it, so form_ready() goes by those checks and F2 sends the form again
 * as it is.  Editing the field (form_set) ends the refusal.
 */
void form_refuse(struct form_state *st, int idx, const char *msg);

/* Wipe every value (memset), e.g. after submission or on sign-out. */
void form_clear(struct form_state *st);
/* Whether the clerk has typed anything worth keeping into st: a field
 * that is neither the service's (FIELD_READONLY) nor left out of drafts
 * (FIELD_NOJOURNAL) holds a value.  False for a form never started. */
bool form_typed(const struct form_state *st);

#endif
