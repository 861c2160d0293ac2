/*
 * keymap.h -- keys become actions before any screen sees them.
 *
 * Screens and the form view handle actions, never raw curses key codes, so
 * F-keys, their Esc-digit / Alt-digit fallbacks (for terminals without
 * function keys) and Tab/Shift-Tab all mean one thing everywhere.  The
 * terminal is in raw mode (tui/loop.c): Ctrl-C, Ctrl-\, Ctrl-Z, Ctrl-S
 * and Ctrl-Q arrive here as keys like any other.
 */
#ifndef SSDESK_KEYMAP_H
#define SSDESK_KEYMAP_H

#include <stdbool.h>
#include <wchar.h>

enum action {
	ACT_NONE,
	ACT_CHAR,        /* a printable character in key_event.ch */
	ACT_NEXT_FIELD,  /* Tab, Down */
	ACT_PREV_FIELD,  /* Shift-Tab, Up */
	ACT_LEFT,
	ACT_RIGHT,
	ACT_HOME,        /* Home, Ctrl-A */
	ACT_END,         /* End, Ctrl-E */
	ACT_BACKSPACE,
	ACT_DELETE,
	ACT_CLEAR,       /* Ctrl-U: clear the field */
	ACT_ENTER,
	ACT_BACK,        /* Esc: back / cancel a request */
	ACT_HELP,        /* F1, Esc-1 */
	ACT_SUBMIT,      /* F2, Esc-2 */
	ACT_F3,          /* screen-specific, Esc-3 ... */
	ACT_F4,
	ACT_F5,
	ACT_QUIT,        /* F10, Esc-0: sign out / quit */
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_RESIZE,      /* KEY_RESIZE */
	ACT_REDRAW,      /* Ctrl-L */
	ACT_INTERRUPT,   /* Ctrl-C, Ctrl-\: ask before quitting (tui/quit.h);
	                  * the terminal is raw, so they are keys, not
	                  * signals.  Ctrl-S, Ctrl-Q, Ctrl-Z mean nothing. */
};

struct key_event {
	enum action act;
	wchar_t ch;      /* for ACT_CHAR */
};

struct keymap {
	bool after_esc;  /* an Esc was read; a digit may follow */
	int in_seq;      /* inside an escape sequence the terminfo entry does
	                  * not know (Esc [ ... final, Esc O x) or a string
	                  * sequence (Esc ] ... BEL or ST): swallowed */
	/* Actions read but not yet returned: Esc followed by another key
	 * gives ACT_BACK and then that key's own action.  Private. */
	struct key_event pending[4];
	int npending;
};

/*
 * Feed one result of wget_wch(): rc is OK or KEY_CODE_YES, wch the key.
 * Returns true and fills ev when an action is complete.  A lone Esc is
 * held until keymap_flush() (called when no key follows within ESCDELAY)
 * so that Esc-digit can become an F-key.
 */
bool keymap_feed(struct keymap *km, int rc, wint_t wch, struct key_event *ev);
/* True while keymap_flush() is due once no key follows within ESCDELAY:
 * an Esc is held, or a sequence is being swallowed. */
bool keymap_waiting(const struct keymap *km);
/* No key followed the Esc: emit ACT_BACK if one is held (or, after that,
 * a held second action, see keymap_next); a sequence being swallowed
 * ends. */
bool keymap_flush(struct keymap *km, struct key_event *ev);
/*
 * Esc followed by a key that is neither a digit nor Esc (say Esc, 'a', or
 * Esc, Down) yields two actions: keymap_feed returns ACT_BACK and holds
 * the second key's action.  After handling every event keymap_feed
 * returned, call keymap_next until it returns false.  (If the caller does
 * not, the held action is returned by the next keymap_feed or
 * keymap_flush instead, one key late, so nothing typed is lost.)
 */
bool keymap_next(struct keymap *km, struct key_event *ev);

#endif
