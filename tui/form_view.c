/*
 * form_view.c -- any form_def, drawn and edited over libform (formw).
 *
 * Layout, one row per field from row y of the window:
 *
 *       label (right-aligned, 24 cols) | field | verdict mark
 *     ...
 *     message area (FORM_VIEW_MSG_ROWS rows): the current field's
 *     message, or what its value tells, wrapped rather than cut
 *
 * Text fields are libform fields edited with form_driver_w().  Checklist
 * ticks are one-column fields drawn as "[x]", choices are fields drawn as
 * "<label>"; both are not editable by libform (O_EDIT off): this file
 * changes their value in the state and writes it back.  Read-only fields
 * are inactive, so libform's own navigation skips them.
 *
 * The form_state is the truth.  After every key the libform buffer is
 * read back, checked against the cells on screen, trimmed and stored with
 * form_set(); whatever the state holds that the buffer does not (pre-fill,
 * a value the model normalised) is pushed back with set_field_buffer().
 *
 * form_view_draw() writes every cell it owns, field cells included (from
 * the buffers), so a caller may werase() the window before each frame.
 * Writing the same cells again costs nothing on the wire: doupdate()
 * sends only cells that changed -- one byte for a typed ASCII character.
 */
#include "tui/form_view.h"

#include <form.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "forms/i18n.h"
#include "forms/text.h"
#include "tui/draw.h"

#define FV_LABEL_COLS 24             /* labels right-aligned in 0..23 */
#define FV_FIELD_X (FV_LABEL_COLS + 1)
#define FV_MARK_COLS 3               /* " ok" after the field */
#define FV_MSG_ROWS FORM_VIEW_MSG_ROWS

struct form_view {
	struct form_state *st;
	WINDOW *win;
	WINDOW *sub;                 /* derwin holding the fields, owned */
	int y;                       /* first row in win */
	int nfields;
	int cols;                    /* width of sub */
	FORM *form;
	FIELD *fields[FORM_FIELDS_MAX + 1];
	bool posted;
	attr_t bad_attr, warn_attr;
};

static const struct field_def *
fv_def(const struct form_view *fv, int i)
{
	return &fv->st->def->fields[i];
}

static bool
fv_editable(const struct field_def *fd)
{
	return !(fd->flags & FIELD_READONLY);
}

static bool
fv_is_text(const struct field_def *fd)
{
	return fd->kind != FIELD_TICK && fd->kind != FIELD_CHOICE;
}

/* Column of field i's libform field inside sub (after "[" or "<"), and
 * its width. */
static int
fv_field_col(const struct field_def *fd)
{
	(void)fd;
	return 1;
}

static int
fv_field_width(const struct field_def *fd)
{
	int w = fd->width > 0 ? fd->width : 1;

	if (fd->kind == FIELD_TICK)
		return 1;
	if (fd->kind == FIELD_CHOICE)
		return w > 2 ? w - 2 : 1;
	return w;
}

/* Columns the field takes on screen, brackets included. */
static int
fv_outer_width(const struct field_def *fd)
{
	return fv_field_width(fd) + 2;
}

static int
fv_max_bytes(const struct field_def *fd)
{
	if (fd->max_bytes > 0 && fd->max_bytes < FORM_VALUE_MAX)
		return fd->max_bytes;
	return FORM_VALUE_MAX - 1;
}

static const struct choice *
fv_choice(const struct field_def *fd, const char *key)
{
	const struct choice *c;

	if (fd->choices == NULL)
		return NULL;
	for (c = fd->choices; c->key != NULL; c++)
		if (strcmp(c->key, key) == 0)
			return c;
	return NULL;
}

/* What field i shows, from the state: a tick, a choice's label, or the
 * value made safe (it may come from the service or a draft) and cut to
 * the field's width. */
static void
fv_display(const struct form_view *fv, int i, char *out, size_t outsz)
{
	const struct field_def *fd = fv_def(fv, i);
	const char *v = fv->st->value[i];
	char clean[FORM_VALUE_MAX];
	const struct choice *c;

	out[0] = '\0';
	switch (fd->kind) {
	case FIELD_TICK:
		snprintf(out, outsz, "%s", v[0] != '\0' ? "x" : " ");
		return;
	case FIELD_CHOICE:
		c = fv_choice(fd, v);
		if (c != NULL) {
			text_sanitize(clean, sizeof clean, _(c->label),
			    strlen(_(c->label)));
			text_fit(out, outsz, clean, fv_field_width(fd));
		}
		return;
	default:
		text_sanitize(clean, sizeof clean, v, strlen(v));
		text_fit(out, outsz, clean, fv_field_width(fd));
		return;
	}
}

static int
fv_cursor_col(struct form_view *fv)
{
	pos_form_cursor(fv->form);
	return getcurx(fv->sub);
}

/* Copy field i from the state into its libform buffer.  On the current
 * field this would move libform's cursor to the start: put it back. */
static void
fv_push(struct form_view *fv, int i)
{
	char shown[FORM_VALUE_MAX];
	bool cur = fv->posted && current_field(fv->form) == fv->fields[i];
	int col = 0, n;

	if (cur)
		col = fv_cursor_col(fv);
	fv_display(fv, i, shown, sizeof shown);
	set_field_buffer(fv->fields[i], 0, shown);
	if (!cur)
		return;
	form_driver_w(fv->form, KEY_CODE_YES, REQ_BEG_FIELD);
	for (n = 0; n < FORM_VALUE_MAX && fv_cursor_col(fv) < col; n++)
		if (form_driver_w(fv->form, KEY_CODE_YES, REQ_NEXT_CHAR) != E_OK)
			break;
}

/*
 * Read field i's cells off the window: the value as the clerk sees it.
 * The second cell of a double-width character is skipped.
 */
static void
fv_read_cells(struct form_view *fv, int i, char *out, size_t outsz)
{
	const struct field_def *fd = fv_def(fv, i);
	int x0 = fv_field_col(fd), w = fv_field_width(fd), x;
	size_t len = 0;
	mbstate_t mbs;

	memset(&mbs, 0, sizeof mbs);
	for (x = x0; x < x0 + w; x++) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t a;
		short pair;
		char mb[MB_LEN_MAX];
		size_t k;

		if (mvwin_wch(fv->sub, i, x, &cc) == ERR)
			break;
		if (getcchar(&cc, wc, &a, &pair, NULL) == ERR || wc[0] == L'\0')
			continue;
		if (wcwidth(wc[0]) > 1) {
			if (x + 1 >= x0 + w)
				break;   /* spilt past the field: not in it */
			x++;     /* its right half is not a character */
		}
		k = wcrtomb(mb, wc[0], &mbs);
		if (k == (size_t)-1 || len + k + 1 > outsz)
			break;
		memcpy(out + len, mb, k);
		len += k;
	}
	out[len] = '\0';
	text_trim(out);
	pos_form_cursor(fv->form);   /* mvwin_wch moved sub's cursor */
}

/* Field i's libform buffer, blanks removed at the end only (a leading
 * blank the clerk typed stays where it is on screen). */
static void
fv_buffer(const struct form_view *fv, int i, char *out, size_t outsz)
{
	const char *buf = field_buffer(fv->fields[i], 0);
	size_t n;

	snprintf(out, outsz, "%s", buf != NULL ? buf : "");
	n = strlen(out);
	while (n > 0 && out[n - 1] == ' ')
		out[--n] = '\0';
}

/*
 * Read the current text field back from libform and store it.  Returns
 * true if the state's value changed.
 */
static bool
fv_pull(struct form_view *fv, int i)
{
	const struct field_def *fd = fv_def(fv, i);
	char val[FORM_VALUE_MAX], seen[FORM_VALUE_MAX];
	char shown[FORM_VALUE_MAX];
	int w;

	/*
	 * ncurses 6.4 pitfalls (BRIEF.md): (a) two or more CJK characters
	 * typed between buffer syncs made field_buffer() return one column
	 * too many; (b) typing over a full ASCII field left a stale character
	 * in the buffer that was gone from the screen ("一二三四五j").
	 * REQ_VALIDATION after every key makes libform copy its window to the
	 * buffer, which keeps the two equal.
	 */
	form_driver_w(fv->form, KEY_CODE_YES, REQ_VALIDATION);
	fv_buffer(fv, i, val, sizeof val);
	text_trim(val);

	/*
	 * Belt and braces: the cells on screen are what the clerk checked.
	 * If the buffer says otherwise, or is wider than its field, the
	 * cells win and the buffer is corrected from them.
	 */
	fv_read_cells(fv, i, seen, sizeof seen);
	w = text_width(val);
	if (strcmp(val, seen) != 0 || w < 0 || w > fv_field_width(fd)) {
		snprintf(val, sizeof val, "%s", seen);
		form_set(fv->st, i, val);
		fv_push(fv, i);
		return true;
	}
	if (strcmp(val, fv->st->value[i]) == 0)
		return false;
	form_set(fv->st, i, val);
	/* The model may have cut or normalised it: show what it stored. */
	fv_display(fv, i, shown, sizeof shown);
	if (strcmp(val, shown) != 0)
		fv_push(fv, i);
	return true;
}

/* Would inserting ch push field i past its byte limit? */
static bool
fv_too_long(const struct form_view *fv, int i, wchar_t ch)
{
	char mb[MB_LEN_MAX];
	mbstate_t mbs;
	size_t k;

	memset(&mbs, 0, sizeof mbs);
	k = wcrtomb(mb, ch, &mbs);
	if (k == (size_t)-1)
		return true;
	return strlen(fv->st->value[i]) + k > (size_t)fv_max_bytes(fv_def(fv, i));
}

/*
 * Is there room for ch?  Two more ncurses 6.4 libform surprises, both
 * reproduced in tmux before this check existed:
 *  - a double-width character typed into the last free column of a
 *    static field is accepted; its right half spills past the field onto
 *    the verdict mark and field_buffer() holds one column more than the
 *    field ("abcdefghi一" in a 10-column field);
 *  - a double-width character inserted into a field with one free column
 *    is accepted too, and the field's last character silently falls off
 *    the end ("abcdefghij", Home, Delete, 一 gave "一bcdefghi").
 * So a character goes in only if everything still fits.
 */
static bool
fv_fits(struct form_view *fv, int i, wchar_t ch)
{
	char buf[FORM_VALUE_MAX];
	int used, col, cw = wcwidth(ch);

	fv_buffer(fv, i, buf, sizeof buf);
	used = text_width(buf);
	if (cw < 0 || used < 0)
		return false;
	/* Inserting at the cursor shifts what follows it to the right. */
	col = fv_cursor_col(fv) - fv_field_col(fv_def(fv, i));
	if (col > used)
		used = col;
	return used + cw <= fv_field_width(fv_def(fv, i));
}

static int
fv_last_active(const struct form_view *fv)
{
	int i;

	for (i = fv->nfields - 1; i >= 0; i--)
		if (fv_editable(fv_def(fv, i)))
			return i;
	return -1;
}

void
form_view_focus(struct form_view *fv, int idx)
{
	int i;

	if (fv == NULL || idx < 0 || idx >= fv->nfields)
		return;
	/* A read-only field cannot hold the cursor: take the next one. */
	for (i = 0; i < fv->nfields; i++) {
		int j = (idx + i) % fv->nfields;
		if (fv_editable(fv_def(fv, j))) {
			set_current_field(fv->form, fv->fields[j]);
			return;
		}
	}
}

int
form_view_current(const struct form_view *fv)
{
	if (fv == NULL || fv->form == NULL)
		return -1;
	return field_index(current_field(fv->form));
}

int
form_view_cursor(struct form_view *fv)
{
	int i = form_view_current(fv);

	if (i < 0 || !fv_is_text(fv_def(fv, i)))
		return -1;
	return fv_cursor_col(fv) - fv_field_col(fv_def(fv, i));
}

void
form_view_set_cursor(struct form_view *fv, int col)
{
	int i = form_view_current(fv), x, n;

	if (i < 0 || col < 0 || !fv_is_text(fv_def(fv, i)))
		return;
	x = fv_field_col(fv_def(fv, i)) + col;
	form_driver_w(fv->form, KEY_CODE_YES, REQ_BEG_FIELD);
	for (n = 0; n < FORM_VALUE_MAX && fv_cursor_col(fv) < x; n++)
		if (form_driver_w(fv->form, KEY_CODE_YES, REQ_NEXT_CHAR) != E_OK)
			break;
}

void
form_view_place_cursor(struct form_view *fv)
{
	if (fv != NULL)
		pos_form_cursor(fv->form);   /* also moves win's cursor */
}

void
form_view_sync(struct form_view *fv)
{
	int i;

	if (fv == NULL)
		return;
	for (i = 0; i < fv->nfields; i++)
		fv_push(fv, i);
}

void
form_view_set_attrs(struct form_view *fv, attr_t bad, attr_t warn)
{
	if (fv == NULL)
		return;
	fv->bad_attr = bad;
	fv->warn_attr = warn;
}

struct form_view *
form_view_new(struct form_state *st, WINDOW *win, int y)
{
	struct form_view *fv;
	const struct form_def *def = st->def;
	int i, maxy, maxx, first = -1;

	if (win == NULL || def->nfields <= 0 || def->nfields > FORM_FIELDS_MAX)
		return NULL;
	fv = calloc(1, sizeof *fv);
	if (fv == NULL)
		return NULL;
	fv->st = st;
	fv->win = win;
	fv->y = y;
	fv->nfields = def->nfields;
	fv->bad_attr = A_BOLD;
	fv->warn_attr = A_BOLD;
	for (i = 0; i < fv->nfields; i++)
		if (fv_outer_width(fv_def(fv, i)) > fv->cols)
			fv->cols = fv_outer_width(fv_def(fv, i));

	/* Rows y .. y+nfields-1 for the fields, then the message area. */
	getmaxyx(win, maxy, maxx);
	if (y < 0 || y + fv->nfields + FV_MSG_ROWS > maxy
	    || FV_FIELD_X + fv->cols + FV_MARK_COLS > maxx)
		goto fail;
	fv->sub = derwin(win, fv->nfields, fv->cols, y, FV_FIELD_X);
	if (fv->sub == NULL)
		goto fail;

	for (i = 0; i < fv->nfields; i++) {
		const struct field_def *fd = fv_def(fv, i);
		FIELD *f = new_field(1, fv_field_width(fd), i, fv_field_col(fd),
		    0, 0);

		if (f == NULL)
			goto fail;
		fv->fields[i] = f;
		/* O_BLANK is on by default: a character typed at the first
		 * position would wipe the whole field. */
		field_opts_off(f, O_BLANK | O_AUTOSKIP);
		field_opts_on(f, O_STATIC);
		if (!fv_is_text(fd) || !fv_editable(fd))
			field_opts_off(f, O_EDIT);
		if (!fv_editable(fd))
			field_opts_off(f, O_ACTIVE);
		/*
		 * Fields stay A_NORMAL and show their extent with brackets.
		 * An underlined field cost 12 bytes per typed character
		 * (SGR on, the character, SGR off: doupdate() ends in normal
		 * attributes); plain, it is the one byte of the character.
		 */
		if (first < 0 && fv_editable(fd) && st->value[i][0] == '\0')
			first = i;
	}
	fv->form = new_form(fv->fields);
	if (fv->form == NULL)
		goto fail;
	set_form_win(fv->form, win);
	set_form_sub(fv->form, fv->sub);
	/* Values live in the state: a view rebuilt after a resize shows
	 * exactly what the old one did. */
	for (i = 0; i < fv->nfields; i++)
		fv_push(fv, i);
	if (post_form(fv->form) != E_OK)
		goto fail;
	fv->posted = true;
	/* The clerk lands where input is needed. */
	form_view_focus(fv, first >= 0 ? first : 0);
	return fv;
fail:
	form_view_free(fv);
	return NULL;
}

void
form_view_free(struct form_view *fv)
{
	int i;

	if (fv == NULL)
		return;
	if (fv->form != NULL) {
		if (fv->posted)
			unpost_form(fv->form);
		free_form(fv->form);
	}
	for (i = 0; i < fv->nfields; i++)
		if (fv->fields[i] != NULL)
			free_field(fv->fields[i]);
	if (fv->sub != NULL)
		delwin(fv->sub);
	free(fv);
}

/* After a request libform refused (field full, start of field...). */
static enum form_view_result
fv_req(struct form_view *fv, int req)
{
	if (form_driver_w(fv->form, KEY_CODE_YES, req) != E_OK)
		beep();
	return FV_NONE;
}

static enum form_view_result
fv_set_value(struct form_view *fv, int i, const char *v, bool next)
{
	bool changed = strcmp(fv->st->value[i], v) != 0;

	if (changed) {
		form_set(fv->st, i, v);
		fv_push(fv, i);
	}
	/* "Tick and go on", but not round to the top from the last field,
	 * and not past an answer the form refuses (face recognition
	 * "failed"): the clerk must read why, at the field. */
	if (next && i < fv_last_active(fv) &&
	    fv->st->status[i].verdict != VERDICT_BAD)
		form_driver_w(fv->form, KEY_CODE_YES, REQ_NEXT_FIELD);
	return changed ? FV_CHANGED : FV_NONE;
}

static enum form_view_result
fv_key_tick(struct form_view *fv, int i, const struct key_event *ev)
{
	bool on = fv->st->value[i][0] != '\0';

	switch (ev->act) {
	case ACT_CHAR:
		if (ev->ch == L' ')
			return fv_set_value(fv, i, on ? "" : "y", !on);
		if (ev->ch == L'y' || ev->ch == L'Y')
			return fv_set_value(fv, i, "y", true);
		if (ev->ch == L'n' || ev->ch == L'N')
			return fv_set_value(fv, i, "", false);
		beep();
		return FV_NONE;
	case ACT_CLEAR: case ACT_BACKSPACE: case ACT_DELETE:
		return fv_set_value(fv, i, "", false);
	case ACT_LEFT: case ACT_RIGHT: case ACT_HOME: case ACT_END:
		return FV_NONE;
	default:
		return FV_UNHANDLED;
	}
}

static enum form_view_result
fv_key_choice(struct form_view *fv, int i, const struct key_event *ev)
{
	const struct field_def *fd = fv_def(fv, i);
	const struct choice *c, *cur;
	int n = 0, k = -1;

	if (fd->choices == NULL)
		return ev->act == ACT_CHAR ? FV_NONE : FV_UNHANDLED;
	cur = fv_choice(fd, fv->st->value[i]);
	for (c = fd->choices; c->key != NULL; c++, n++)
		if (c == cur)
			k = n;
	if (n == 0)
		return FV_NONE;

	switch (ev->act) {
	case ACT_CHAR:
		if (ev->ch == L' ')
			return fv_set_value(fv, i, fd->choices[(k + 1) % n].key,
			    false);
		/* The first letter of a choice's key picks it and goes on:
		 * p = pass, f = fail, n = not_done. */
		for (c = fd->choices; c->key != NULL; c++)
			if ((wint_t)towlower((wint_t)ev->ch)
			    == (wint_t)(unsigned char)c->key[0])
				return fv_set_value(fv, i, c->key, true);
		beep();
		return FV_NONE;
	case ACT_RIGHT:
		return fv_set_value(fv, i, fd->choices[(k + 1) % n].key, false);
	case ACT_LEFT:
		return fv_set_value(fv, i,
		    fd->choices[k <= 0 ? n - 1 : k - 1].key, false);
	case ACT_CLEAR: case ACT_BACKSPACE: case ACT_DELETE:
		return fv_set_value(fv, i, "", false);
	case ACT_HOME: case ACT_END:
		return FV_NONE;
	default:
		return FV_UNHANDLED;
	}
}

/*
 * In a full field libform leaves the cursor ON the last character, since
 * there is no column after it.  The clerk who just typed the 18th digit
 * means that character by Backspace, not the one before it.
 */
static bool
fv_on_last_cell(struct form_view *fv, int i)
{
	int col = fv_cursor_col(fv) - fv_field_col(fv_def(fv, i));
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	int cw;

	if (mvwin_wch(fv->sub, i, fv_field_col(fv_def(fv, i)) + col, &cc) == ERR
	    || getcchar(&cc, wc, &a, &pair, NULL) == ERR)
		return false;
	pos_form_cursor(fv->form);   /* mvwin_wch moved sub's cursor */
	cw = wcwidth(wc[0]);
	return wc[0] != L' ' && cw > 0 && col + cw >= fv_field_width(fv_def(fv, i));
}

/*
 * End of the value.  libform's REQ_END_FIELD counts characters, not
 * columns: after "吴秀" it put the cursor on the right half of 秀, and the
 * next character typed was garbled ("吴秀秀英").  Walk there by columns.
 */
static enum form_view_result
fv_end(struct form_view *fv, int i)
{
	char buf[FORM_VALUE_MAX];
	int w;

	fv_buffer(fv, i, buf, sizeof buf);
	w = text_width(buf);
	form_view_set_cursor(fv, w > 0 ? w : 0);
	return FV_NONE;
}

static enum form_view_result
fv_key_text(struct form_view *fv, int i, const struct key_event *ev)
{
	enum form_view_result r;
	wchar_t ch;

	switch (ev->act) {
	case ACT_CHAR:
		/* Folded at the key, not only in form_set(): typed as they
		 * are, full-width digits (a CJK input method in full-width
		 * mode) filled an 18-column field after nine. */
		ch = (wchar_t)form_fold_char(fv_def(fv, i), (long)ev->ch);
		if (fv_too_long(fv, i, ch) || !fv_fits(fv, i, ch)) {
			beep();
			return FV_NONE;
		}
		/* Wide characters only through form_driver_w(OK, ch);
		 * form_driver() takes bytes below 256. */
		r = FV_NONE;
		if (form_driver_w(fv->form, OK, ch) != E_OK)
			beep();   /* field full */
		break;
	case ACT_LEFT:      r = fv_req(fv, REQ_PREV_CHAR); break;
	case ACT_RIGHT:     r = fv_req(fv, REQ_NEXT_CHAR); break;
	case ACT_HOME:      r = fv_req(fv, REQ_BEG_FIELD); break;
	case ACT_END:       r = fv_end(fv, i); break;
	case ACT_BACKSPACE:
		r = fv_req(fv, fv_on_last_cell(fv, i) ? REQ_DEL_CHAR
		    : REQ_DEL_PREV);
		break;
	case ACT_DELETE:    r = fv_req(fv, REQ_DEL_CHAR); break;
	case ACT_CLEAR:     r = fv_req(fv, REQ_CLR_FIELD); break;
	default:
		return FV_UNHANDLED;
	}
	return fv_pull(fv, i) ? FV_CHANGED : r;
}

enum form_view_result
form_view_key(struct form_view *fv, const struct key_event *ev)
{
	int i;
	const struct field_def *fd;

	if (fv == NULL || ev == NULL)
		return FV_UNHANDLED;
	i = form_view_current(fv);
	if (i < 0)
		return FV_UNHANDLED;
	fd = fv_def(fv, i);

	switch (ev->act) {
	case ACT_NEXT_FIELD:
		form_driver_w(fv->form, KEY_CODE_YES, REQ_NEXT_FIELD);
		return FV_NONE;
	case ACT_PREV_FIELD:
		form_driver_w(fv->form, KEY_CODE_YES, REQ_PREV_FIELD);
		return FV_NONE;
	case ACT_ENTER:
		if (i >= fv_last_active(fv))
			return FV_SUBMIT;
		form_driver_w(fv->form, KEY_CODE_YES, REQ_NEXT_FIELD);
		return FV_NONE;
	case ACT_SUBMIT:
		return FV_SUBMIT;
	default:
		break;
	}
	if (!fv_editable(fd))
		return FV_UNHANDLED;
	switch (fd->kind) {
	case FIELD_TICK:
		return fv_key_tick(fv, i, ev);
	case FIELD_CHOICE:
		return fv_key_choice(fv, i, ev);
	default:
		return fv_key_text(fv, i, ev);
	}
}

/* The verdict mark after a field. */
static const char *
fv_mark(const struct form_view *fv, int i, attr_t *attr)
{
	*attr = A_NORMAL;
	switch (fv->st->status[i].verdict) {
	case VERDICT_OK:
		return _("ok");
	case VERDICT_PARTIAL:
		return "..";
	case VERDICT_WARN:
		*attr = fv->warn_attr;
		return "?";
	case VERDICT_BAD:
		*attr = fv->bad_attr;
		return "!";
	case VERDICT_EMPTY:
	default:
		return "";
	}
}

/* Write s, cut to cols columns, then blanks up to cols: overwriting is
 * enough, nothing is ever cleared first. */
static void
fv_put(WINDOW *w, int row, int col, const char *s, int cols, attr_t attr)
{
	char fit[FORM_MSG_MAX * 2];
	int used;

	used = text_fit(fit, sizeof fit, s, cols);
	if (used < 0)
		used = 0;
	wattrset(w, attr);
	mvwaddstr(w, row, col, fit);
	for (; used < cols; used++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
}

/* The hint for an empty choice: "p Pass · f Fail · n Not done". */
static void
fv_choice_hint(const struct field_def *fd, char *out, size_t outsz)
{
	const struct choice *c;
	size_t len = 0;
	int k;

	out[0] = '\0';
	if (fd->choices == NULL)
		return;
	for (c = fd->choices; c->key != NULL && len < outsz; c++) {
		k = snprintf(out + len, outsz - len, "%s%c %s",
		    c == fd->choices ? "" : "  ", c->key[0], _(c->label));
		if (k < 0)
			break;
		len += (size_t)k;
	}
}

void
form_view_draw(struct form_view *fv)
{
	int i, cur, maxx, x, w;
	char buf[FORM_MSG_MAX * 2], clean[FORM_MSG_MAX * 2];
	const char *msg;
	attr_t attr;

	if (fv == NULL)
		return;
	cur = form_view_current(fv);
	maxx = getmaxx(fv->win);

	for (i = 0; i < fv->nfields; i++) {
		const struct field_def *fd = fv_def(fv, i);
		const char *mark, *open_br, *close_br;
		int row = fv->y + i, fw = fv_field_width(fd);

		/* Label, right-aligned by width in columns, not bytes. */
		text_sanitize(clean, sizeof clean, _(fd->label),
		    strlen(_(fd->label)));
		w = text_width(clean);
		if (w < 0 || w > FV_LABEL_COLS)
			w = FV_LABEL_COLS;
		fv_put(fv->win, row, 0, "", FV_LABEL_COLS - w, A_NORMAL);
		fv_put(fv->win, row, FV_LABEL_COLS - w, clean, w,
		    i == cur ? A_BOLD : A_NORMAL);
		fv_put(fv->win, row, FV_LABEL_COLS, "", 1, A_NORMAL);

		/*
		 * The field's cells, from the state.  They are libform's
		 * working window too (sub is a derwin sharing the cells), so
		 * the screen, libform and the state cannot drift apart.
		 */
		fv_buffer(fv, i, buf, sizeof buf);
		/* [text] [x] <choice>; a read-only value has no brackets. */
		open_br = fd->kind == FIELD_CHOICE ? "<" : "[";
		close_br = fd->kind == FIELD_CHOICE ? ">" : "]";
		if (!fv_editable(fd))
			open_br = close_br = " ";
		mvwaddstr(fv->win, row, FV_FIELD_X, open_br);
		fv_put(fv->win, row, FV_FIELD_X + fv_field_col(fd), buf, fw,
		    A_NORMAL);
		waddstr(fv->win, close_br);

		/* Verdict mark, then blank to the end of the row. */
		x = FV_FIELD_X + fv_outer_width(fd);
		mark = fv_mark(fv, i, &attr);
		fv_put(fv->win, row, x, "", 1, A_NORMAL);
		fv_put(fv->win, row, x + 1, mark, maxx - x - 1, attr);
	}

	/* The message area, under the last field: the current field's
	 * message if it has one, else what its value tells. */
	msg = "";
	attr = A_NORMAL;
	if (cur >= 0) {
		const struct field_status *s = &fv->st->status[cur];
		if ((s->verdict == VERDICT_BAD || s->verdict == VERDICT_WARN)
		    && s->msg[0] != '\0') {
			msg = s->msg;
			attr = s->verdict == VERDICT_BAD ? fv->bad_attr
			    : fv->warn_attr;
		} else if (s->info[0] != '\0')
			msg = s->info;
		else if (fv_def(fv, cur)->kind == FIELD_CHOICE
		    && fv->st->value[cur][0] == '\0') {
			fv_choice_hint(fv_def(fv, cur), buf, sizeof buf);
			msg = buf;
		}
	}
	text_sanitize(clean, sizeof clean, msg, strlen(msg));
	w = text_width(clean);
	if (w < 0)
		w = 0;
	for (i = 0; i < FV_MSG_ROWS; i++)
		fv_put(fv->win, fv->y + fv->nfields + i, 0, "", maxx, A_NORMAL);
	/* At the field column when it fits on one row there; otherwise
	 * wrapped from the left over the whole area, never cut. */
	x = FV_FIELD_X + 1;
	if (x + w <= maxx) {
		fv_put(fv->win, fv->y + fv->nfields, x, clean, maxx - x, attr);
	} else {
		wattr_set(fv->win, attr, 0, NULL);
		draw_wrap(fv->win, fv->y + fv->nfields, 2, clean, maxx - 4,
		    FV_MSG_ROWS);
		wattr_set(fv->win, A_NORMAL, 0, NULL);
	}

	form_view_place_cursor(fv);
}
