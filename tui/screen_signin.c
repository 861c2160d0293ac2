/*
 * screen_signin.c -- staff ID and password, then a session.
 *
 * The password is typed into sodium_malloc'd memory (guarded, locked),
 * shown as '*', and wiped as soon as api_sign_in() has copied it into its
 * request.  A refused password leaves the staff ID and puts the reason at
 * the password field.  In --demo only, the demo accounts are listed here.
 * After "session expired" the walk-in is kept and the clerk comes back to
 * the screen they were on.
 */
#include "tui/screens.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <sodium.h>

#include "forms/i18n.h"
#include "tui/audit_log.h"
#include "net/outbox.h"
#include "tui/draft.h"
#include "tui/draw.h"
#include "tui/lock.h"
#include "tui/queued.h"

#define SIGNIN_ID_MAX (REF_MAX - 1)
#define SIGNIN_PW_MAX 128   /* bytes, UTF-8 */
#define SIGNIN_COL 16       /* where the fields start */
#define SIGNIN_WIDTH 24

static struct {
	char staff_id[SIGNIN_ID_MAX + 1];
	char *pw;               /* sodium_malloc'd, SIGNIN_PW_MAX + 1 */
	size_t pwlen;           /* bytes */
	int pwchars;            /* characters, for the stars */
	int focus;              /* 0 staff ID, 1 password */
	char pw_msg[APP_MSG_MAX];       /* the refusal, at the password field */
	/* Signed in on another ssdesk here: watched until it ends. */
	char blocked[SIGNIN_ID_MAX + 1];
} signin;

static void
signin_wipe_pw(void)
{
	if (signin.pw != NULL)
		sodium_memzero(signin.pw, SIGNIN_PW_MAX + 1);
	signin.pwlen = 0;
	signin.pwchars = 0;
}

static void
signin_enter(struct app *app)
{
	if (signin.pw == NULL)
		signin.pw = sodium_malloc(SIGNIN_PW_MAX + 1);
	signin_wipe_pw();
	signin.pw_msg[0] = '\0';
	signin.blocked[0] = '\0';
	/* After an expired session the same clerk signs in again. */
	if (app->resume != NULL && app->staff.staff_id[0] != '\0') {
		snprintf(signin.staff_id, sizeof signin.staff_id, "%s",
		    app->staff.staff_id);
		signin.focus = 1;
	} else {
		signin.staff_id[0] = '\0';
		signin.focus = 0;
	}
}

static void
signin_leave(struct app *app)
{
	signin_wipe_pw();
	if (signin.pw != NULL)
		sodium_free(signin.pw);
	signin.pw = NULL;
	signin.pw_msg[0] = '\0';
}

static void
signin_field(struct app *app, int y, const char *label, const char *value,
    bool focus)
{
	WINDOW *w = app->body;
	int n;

	wattrset(w, focus ? A_BOLD : A_NORMAL);
	draw_text(w, y, 4, label, SIGNIN_COL - 6);
	wattrset(w, A_NORMAL);
	/* [value] as in every form_view field: brackets cost nothing per
	 * key, where an underline is switched on and off round each cell. */
	mvwaddch(w, y, SIGNIN_COL - 1, '[');
	n = draw_text(w, y, SIGNIN_COL, value, SIGNIN_WIDTH - 1);
	mvwaddch(w, y, SIGNIN_COL + SIGNIN_WIDTH, ']');
	if (focus) {
		app->cursor_win = w;
		app->cursor_y = y;
		app->cursor_x = SIGNIN_COL + n;
	}
}

static void signin_demo_line(WINDOW *w, int y, const char *line,
    const int col[4]);

static void
signin_draw(struct app *app)
{
	WINDOW *w = app->body;
	char stars[SIGNIN_WIDTH + 1];
	int i, y, n = signin.pwchars < SIGNIN_WIDTH - 1 ? signin.pwchars :
	    SIGNIN_WIDTH - 1;

	for (i = 0; i < n; i++)
		stars[i] = '*';
	stars[n] = '\0';
	wattrset(w, A_BOLD);
	draw_text(w, 1, 2, _(screen_signin.name), 0);
	wattrset(w, A_NORMAL);
	signin_field(app, 3, _("Staff ID"), signin.staff_id, signin.focus == 0);
	signin_field(app, 5, _("Password"), stars, signin.focus == 1);
	if (signin.pw_msg[0] != '\0') {
		wattrset(w, draw_attr(app, DRAW_PAIR_ERROR, A_BOLD));
		draw_wrap(w, 6, SIGNIN_COL, signin.pw_msg,
		    getmaxx(w) - SIGNIN_COL - 2, 2);
		wattrset(w, A_NORMAL);
	}
	draw_text(w, 8, 4, _("Counter"), SIGNIN_COL - 5);
	draw_text(w, 8, SIGNIN_COL, app->counter, 0);

	if (app->demo && app->ndemo > 0) {
		static const int col[] = { 4, 16, 26, 40 };
		y = 10;
		wattrset(w, A_BOLD);
		draw_text(w, y++, 2, _("Demo accounts (training only):"), 0);
		wattrset(w, A_NORMAL);
		for (i = 0; i < app->ndemo && y < getmaxy(w); i++, y++)
			signin_demo_line(w, y, app->demo_lines[i], col);
	}
}

/* One demo account: tab-separated columns (see main.c). */
static void
signin_demo_line(WINDOW *w, int y, const char *line, const int col[4])
{
	char buf[APP_DEMO_LINE_MAX], *p = buf, *tab;
	int k;

	snprintf(buf, sizeof buf, "%s", line);
	for (k = 0; k < 4 && p != NULL; k++) {
		if ((tab = strchr(p, '\t')) != NULL)
			*tab = '\0';
		draw_text(w, y, col[k], k == 3 ? _(p) : p, k < 3 ?
		    col[k + 1] - col[k] - 1 : getmaxx(w) - col[k] - 1);
		p = tab != NULL ? tab + 1 : NULL;
	}
}

static void
signin_done(void *arg, const struct api_error *err, const struct staff *staff)
{
	struct app *app = arg;
	char text[APP_MSG_MAX];
	const struct screen *resume = app->resume;
	enum draft_found found;

	app_idle(app);
	signin_wipe_pw();
	if (err == NULL || err->result == API_OK) {
		/* Another clerk at the terminal: the walk-in is not theirs. */
		if (strcmp(staff->staff_id, app->staff.staff_id) != 0) {
			resume = NULL;
			/* Nor is the outbox: the previous clerk's writes stay
			 * in their sealed draft, for their next sign-in. */
			outbox_clear(app->outbox);
			queued_refusals_clear();
		}
		app->staff = *staff;
		app->signed_in = true;
		signin.staff_id[0] = '\0';
		/* Before the walk-in ends: the draft on disk is the previous
		 * clerk's, kept for them; this clerk's own is looked for. */
		found = draft_signed_in(app, resume != NULL);
		lock_session_started(app);
		lock_activity();
		app_audit(app, "signin", "%s", resume != NULL ? "again, walk-in "
		    "kept" : "");
		if (resume == NULL)
			app_end_walkin(app);
		app->resume = NULL;
		if (found == DRAFT_OFFER) {
			app_goto(app, &screen_draft);
			return;
		}
		app_goto(app, resume != NULL ? resume : &screen_home);
		if (found == DRAFT_DAMAGED)
			app_msg(app, APP_MSG_WARN, _("A saved draft would not "
			    "open (damaged, or sealed under an old password): "
			    "kept as %s. Tell the help desk."), draft_aside());
		else if (found == DRAFT_OFF)
			app_msg(app, APP_MSG_WARN, "%s", _("Drafts cannot be "
			    "saved on this terminal: what you type is not kept "
			    "if ssdesk stops."));
		if (resume != NULL)
			app_msg(app, APP_MSG_INFO, "%s",
			    _("Signed in again; the form is as you left it."));
		return;
	}
	draft_cancel();
	audit_log_append(signin.staff_id, app->counter, "signin_refused",
	    err->code[0] != '\0' ? err->code : api_result_name(err->result));
	if (err->result == API_CANCELLED) {
		app_msg(app, APP_MSG_INFO, "%s", _("Sign-in cancelled."));
		signin.focus = 1;
		return;
	}
	app_error_text(text, sizeof text, err);
	if (err->result == API_REFUSED &&
	    (strcmp(err->code, "bad_credentials") == 0 ||
	    strcmp(err->code, "locked_out") == 0)) {
		snprintf(signin.pw_msg, sizeof signin.pw_msg, "%s", text);
		signin.focus = 1;
		app->dirty = true;
		return;
	}
	app_msg(app, APP_MSG_ERROR, "%s", text);
	signin.focus = 1;
}

static void
signin_submit(struct app *app)
{
	long holder;

	if (app->busy)
		return;
	if (signin.staff_id[0] == '\0') {
		signin.focus = 0;
		app_msg(app, APP_MSG_WARN, "%s", _("Type your staff ID."));
		return;
	}
	if (signin.pwlen == 0) {
		signin.focus = 1;
		app_msg(app, APP_MSG_WARN, "%s", _("Type your password."));
		return;
	}
	signin.pw[signin.pwlen] = '\0';
	signin.pw_msg[0] = '\0';
	app_msg_clear(app);
	/* The draft key comes from the password (tui/draft.h); another
	 * ssdesk of this clerk here keeps the draft: no sign-in at all. */
	if (draft_prepare(signin.staff_id, signin.pw, signin.pwlen,
	    &holder) == DRAFT_PREP_BUSY) {
		signin_wipe_pw();
		snprintf(signin.blocked, sizeof signin.blocked, "%s",
		    signin.staff_id);
		snprintf(signin.pw_msg, sizeof signin.pw_msg, _("%s is signed "
		    "in on another ssdesk on this terminal (process %ld). Sign "
		    "out there first; this screen says when it has ended."),
		    signin.staff_id, holder);
		app->dirty = true;
		return;
	}
	signin.blocked[0] = '\0';
	app_busy(app, _("Signing in… Esc cancels"));
	api_sign_in(app->api, signin.staff_id, signin.pw, app->counter,
	    signin_done, app);
	signin_wipe_pw();   /* the request has its own copy */
}

/* The other ssdesk of the blocked clerk has ended: its work is this
 * terminal's to take over, at the next sign-in. */
static void
signin_tick(struct app *app)
{
	if (signin.blocked[0] == '\0' || app->busy ||
	    !draft_lock_free(signin.blocked))
		return;
	snprintf(signin.pw_msg, sizeof signin.pw_msg, _("The other ssdesk of "
	    "%s has ended. Type the password and press Enter to sign in and "
	    "take over its work."), signin.blocked);
	signin.blocked[0] = '\0';
	app->dirty = true;
}

/* Remove the last UTF-8 character of s[0..*len). */
static void
signin_backspace(char *s, size_t *len)
{
	while (*len > 0) {
		unsigned char c = (unsigned char)s[--*len];

		s[*len] = '\0';
		if ((c & 0xc0) != 0x80)
			break;
	}
}

static void
signin_char(wchar_t ch)
{
	if (signin.focus == 0) {
		size_t n = strlen(signin.staff_id);

		/* Staff IDs are ASCII letters, digits, - and _. */
		if (n < SIGNIN_ID_MAX && ch > 0x20 && ch < 0x7f) {
			signin.staff_id[n] = (char)ch;
			signin.staff_id[n + 1] = '\0';
		}
	} else {
		char mb[MB_LEN_MAX];
		mbstate_t ps;
		size_t k;

		memset(&ps, 0, sizeof ps);
		k = wcrtomb(mb, ch, &ps);
		if (k == (size_t)-1 || signin.pwlen + k > SIGNIN_PW_MAX)
			return;
		memcpy(signin.pw + signin.pwlen, mb, k);
		signin.pwlen += k;
		signin.pwchars++;
		sodium_memzero(mb, sizeof mb);
	}
}

static void
signin_key(struct app *app, const struct key_event *ev)
{
	switch (ev->act) {
	case ACT_CHAR:
		signin_char(ev->ch);
		signin.pw_msg[0] = '\0';
		break;
	case ACT_BACKSPACE:
		if (signin.focus == 0) {
			size_t n = strlen(signin.staff_id);

			signin_backspace(signin.staff_id, &n);
		} else if (signin.pwlen > 0) {
			signin_backspace(signin.pw, &signin.pwlen);
			signin.pwchars--;
		}
		break;
	case ACT_CLEAR:
		if (signin.focus == 0)
			signin.staff_id[0] = '\0';
		else
			signin_wipe_pw();
		break;
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		signin.focus = !signin.focus;
		break;
	case ACT_ENTER:
		if (signin.focus == 0)
			signin.focus = 1;
		else
			signin_submit(app);
		break;
	case ACT_SUBMIT:
		signin_submit(app);
		break;
	case ACT_QUIT:
		if (!app->busy)
			app->quit = true;
		break;
	default:
		return;
	}
	app->dirty = true;
}

static void
signin_resize(struct app *app)
{
}

const struct screen screen_signin = {
	.name = N_("Sign in"),
	.help = N_("Type your staff ID and password, then press Enter. The "
	    "password is never shown or stored. After five wrong passwords "
	    "sign-in is refused for 15 minutes; ask a supervisor. The counter name "
	    "comes from the --counter option."),
	.enter = signin_enter,
	.draw = signin_draw,
	.key = signin_key,
	.leave = signin_leave,
	.resize = signin_resize,
	.tick = signin_tick,
	.fkeys = {
		SCREEN_FKEY_HELP,
		{ "F2", N_("Sign in") },
		{ "Tab", N_("Next field") },
		{ "F10", N_("Quit") },
	},
};
