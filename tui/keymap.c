/*
 * keymap.c -- turn wget_wch() results into actions.
 *
 * One table for function keys (KEY_CODE_YES), one switch for the control
 * characters that arrive as plain characters, and a one-key memory for
 * Esc: Esc-digit (and Alt-digit, which terminals send as Esc, digit) is
 * the F-key fallback, Esc-Esc is one Back, Esc then any other key is Back
 * followed by that key's own action (so nothing typed is lost), and an
 * escape sequence curses did not know is swallowed whole, as is a string
 * sequence (OSC, DCS...) pasted with text.  Control
 * characters that mean nothing here become ACT_NONE, never a field's
 * content.
 */
#include "tui/keymap.h"

#include <curses.h>
#include <stddef.h>
#include <wctype.h>

/* km->in_seq inside a string sequence, and after an Esc inside one. */
#define KEYMAP_SEQ_STR 1
#define KEYMAP_SEQ_STR_ESC 2

#define KEYMAP_QUEUE ((int)(sizeof ((struct keymap *)0)->pending / \
    sizeof ((struct keymap *)0)->pending[0]))

static const struct {
	int key;
	enum action act;
} keymap_fkeys[] = {
	{ KEY_BTAB,      ACT_PREV_FIELD },
	{ KEY_UP,        ACT_PREV_FIELD },
	{ KEY_DOWN,      ACT_NEXT_FIELD },
	{ KEY_LEFT,      ACT_LEFT },
	{ KEY_RIGHT,     ACT_RIGHT },
	{ KEY_HOME,      ACT_HOME },
	{ KEY_END,       ACT_END },
	{ KEY_BACKSPACE, ACT_BACKSPACE },
	{ KEY_DC,        ACT_DELETE },
	{ KEY_ENTER,     ACT_ENTER },
	{ KEY_F(1),      ACT_HELP },
	{ KEY_F(2),      ACT_SUBMIT },
	{ KEY_F(3),      ACT_F3 },
	{ KEY_F(4),      ACT_F4 },
	{ KEY_F(5),      ACT_F5 },
	{ KEY_F(10),     ACT_QUIT },
	{ KEY_PPAGE,     ACT_PAGE_UP },
	{ KEY_NPAGE,     ACT_PAGE_DOWN },
	{ KEY_RESIZE,    ACT_RESIZE },
};

/* Esc-1 .. Esc-5, Esc-0; ACT_NONE for anything else. */
static enum action
keymap_esc_digit(int rc, wint_t wch)
{
	if (rc != OK)
		return ACT_NONE;
	switch (wch) {
	case L'1': return ACT_HELP;
	case L'2': return ACT_SUBMIT;
	case L'3': return ACT_F3;
	case L'4': return ACT_F4;
	case L'5': return ACT_F5;
	case L'0': return ACT_QUIT;
	default:   return ACT_NONE;
	}
}

/* The action of one key on its own (Esc excluded). */
static struct key_event
keymap_plain(int rc, wint_t wch)
{
	struct key_event ev = { ACT_NONE, 0 };
	size_t i;

	if (rc == KEY_CODE_YES) {
		for (i = 0; i < sizeof keymap_fkeys / sizeof keymap_fkeys[0]; i++)
			if (keymap_fkeys[i].key == (int)wch) {
				ev.act = keymap_fkeys[i].act;
				break;
			}
		return ev;
	}
	if (rc != OK)
		return ev;
	switch (wch) {
	case L'\t':             ev.act = ACT_NEXT_FIELD; return ev;
	case L'\r': case L'\n': ev.act = ACT_ENTER;      return ev;
	case 127: case 8:       ev.act = ACT_BACKSPACE;  return ev;
	case 21:                ev.act = ACT_CLEAR;      return ev; /* ^U */
	case 1:                 ev.act = ACT_HOME;       return ev; /* ^A */
	case 5:                 ev.act = ACT_END;        return ev; /* ^E */
	case 12:                ev.act = ACT_REDRAW;     return ev; /* ^L */
	case 3: case 28:        ev.act = ACT_INTERRUPT;  return ev; /* ^C ^\ */
	/* XOFF, XON and suspend: a counter terminal has no use for them
	 * (flow control froze the screen; a suspended ssdesk left the
	 * applicant's data on a shell). */
	case 19: case 17: case 26:                       return ev; /* ^S ^Q ^Z */
	default:                break;
	}
	/* Other C0/C1 controls are dropped here, never inserted. */
	if (iswprint(wch)) {
		ev.act = ACT_CHAR;
		ev.ch = (wchar_t)wch;
	}
	return ev;
}

static void
keymap_push(struct keymap *km, enum action act, wchar_t ch)
{
	if (act == ACT_NONE || km->npending >= KEYMAP_QUEUE)
		return;
	km->pending[km->npending].act = act;
	km->pending[km->npending].ch = ch;
	km->npending++;
}

bool
keymap_next(struct keymap *km, struct key_event *ev)
{
	int i;

	if (km->npending <= 0)
		return false;
	*ev = km->pending[0];
	for (i = 1; i < km->npending; i++)
		km->pending[i - 1] = km->pending[i];
	km->npending--;
	return true;
}

bool
keymap_feed(struct keymap *km, int rc, wint_t wch, struct key_event *ev)
{
	bool esc = (rc == OK && wch == 27);
	struct key_event plain;

	/*
	 * A string sequence (OSC Esc ], DCS Esc P, APC Esc _, PM Esc ^, SOS
	 * Esc X) in pasted text -- a window title, a terminal query -- ends
	 * with BEL or ST (Esc \).  Before, its Esc was Back (the clerk was
	 * thrown out of the form) and its payload was typed into the next
	 * screen.  The loop flushes after ESCDELAY of silence, which ends it
	 * too: a paste arrives at once, a clerk's later typing is not eaten.
	 */
	if (km->in_seq == KEYMAP_SEQ_STR) {
		if (rc == OK && wch == 27)
			km->in_seq = KEYMAP_SEQ_STR_ESC;
		else if (rc != OK || wch == 7)
			km->in_seq = 0;
		return keymap_next(km, ev);
	}
	if (km->in_seq == KEYMAP_SEQ_STR_ESC) {
		km->in_seq = 0;
		if (rc == OK && wch == L'\\')
			return keymap_next(km, ev);   /* ST */
		/* Esc then something else: a new key after an unterminated
		 * string; handled as any key after Esc. */
		km->after_esc = true;
	}
	/*
	 * An escape sequence curses did not recognise (a terminal whose
	 * terminfo entry lacks that key) must not type "[1~" into a field.
	 * Esc [ is followed by parameters and one final byte 0x40-0x7e;
	 * Esc O by one byte.
	 */
	if (km->in_seq != 0) {
		if (rc != OK || km->in_seq == 'O' || (wch >= 0x40 && wch <= 0x7e)
		    || wch < 0x20 || wch > 0x7e)
			km->in_seq = 0;
		return keymap_next(km, ev);
	}
	if (km->after_esc && rc == OK && (wch == L'[' || wch == L'O')) {
		km->after_esc = false;
		km->in_seq = (int)wch;
		return keymap_next(km, ev);
	}
	if (km->after_esc && rc == OK && (wch == L']' || wch == L'P' ||
	    wch == L'_' || wch == L'^' || wch == L'X')) {
		km->after_esc = false;
		km->in_seq = KEYMAP_SEQ_STR;
		return keymap_next(km, ev);
	}
	if (km->after_esc) {
		km->after_esc = false;
		if (keymap_esc_digit(rc, wch) != ACT_NONE)
			keymap_push(km, keymap_esc_digit(rc, wch), 0);
		else {
			/* Esc Esc is one Back; Esc then another key is Back
			 * and then that key (Esc, Down: back, then down). */
			keymap_push(km, ACT_BACK, 0);
			if (!esc) {
				plain = keymap_plain(rc, wch);
				keymap_push(km, plain.act, plain.ch);
			}
		}
	} else if (esc) {
		km->after_esc = true;
	} else {
		plain = keymap_plain(rc, wch);
		keymap_push(km, plain.act, plain.ch);
	}
	/* Oldest first: a caller that never calls keymap_next still gets
	 * every action, in order, one key late. */
	return keymap_next(km, ev);
}

bool
keymap_flush(struct keymap *km, struct key_event *ev)
{
	km->in_seq = 0;
	if (km->after_esc) {
		km->after_esc = false;
		keymap_push(km, ACT_BACK, 0);
	}
	return keymap_next(km, ev);
}

bool
keymap_waiting(const struct keymap *km)
{
	return km->after_esc || km->in_seq != 0;
}
