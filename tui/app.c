/*
 * app.c -- the shared state: moving between screens, the status line, the
 * window layout, the walk-in's life, and which sentence (tui/messages.c)
 * a failed call gets.
 */
#include "tui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "forms/deadline.h"
#include "forms/text.h"
#include "tui/services.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/messages.h"
#include "tui/screens.h"

void
app_init(struct app *app)
{
	memset(app, 0, sizeof *app);
	app->card = -1;
	app->fv_focus = -1;
	app->fv_col = -1;
	app->dirty = true;
	snprintf(app->counter, sizeof app->counter, "C-01");
}

/* The help overlay and the body window go; the form view must be gone. */
static void
app_drop_windows(struct app *app)
{
	draw_help_close(app);
	if (app->body_panel != NULL)
		del_panel(app->body_panel);
	if (app->body != NULL)
		delwin(app->body);
	app->body_panel = NULL;
	app->body = NULL;
}

void
app_free(struct app *app)
{
	form_view_free(app->fv);
	app->fv = NULL;
	app_end_walkin(app);
	sodium_memzero(&app->staff, sizeof app->staff);
	app_drop_windows(app);
}

void
app_goto(struct app *app, const struct screen *s)
{
	if (app->screen != NULL && app->screen->leave != NULL)
		app->screen->leave(app);
	form_view_free(app->fv);
	app->fv = NULL;
	app->fv_focus = -1;
	app->fv_col = -1;
	app->cursor_win = NULL;
	app->screen = s;
	app_msg_clear(app);
	if (s->enter != NULL)
		s->enter(app);
	app->dirty = true;
}

void
app_msg(struct app *app, enum app_msg_kind kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	va_end(ap);
	app->msg_kind = kind;
	app->dirty = true;
}

void
app_msg_clear(struct app *app)
{
	app->msg[0] = '\0';
	app->msg_kind = APP_MSG_NONE;
	app->dirty = true;
}

void
app_busy(struct app *app, const char *msg)
{
	app->busy = true;
	app->spin = 0;
	snprintf(app->busy_msg, sizeof app->busy_msg, "%s", msg);
	app->dirty = true;
}

void
app_idle(struct app *app)
{
	app->busy = false;
	app->busy_msg[0] = '\0';
	app->dirty = true;
}

void
app_layout(struct app *app)
{
	app_drop_windows(app);
	app->cursor_win = NULL;
	getmaxyx(stdscr, app->rows, app->cols);
	app->too_small = app->rows < APP_MIN_ROWS || app->cols < APP_MIN_COLS;
	if (app->too_small)
		return;
	/* Rows 0-1 banner; at the bottom the status rows and the key bar. */
	app->body = newwin(app->rows - 3 - APP_STATUS_ROWS, app->cols, 2, 0);
	if (app->body == NULL) {
		app->too_small = true;
		return;
	}
	keypad(app->body, TRUE);
	app->body_panel = new_panel(app->body);
	app->dirty = true;
}

void
app_resize(struct app *app)
{
	if (app->fv != NULL) {
		app->fv_focus = form_view_current(app->fv);
		app->fv_col = form_view_cursor(app->fv);
	}
	form_view_free(app->fv);
	app->fv = NULL;
	app_layout(app);
	if (!app->too_small && app->screen != NULL &&
	    app->screen->resize != NULL)
		app->screen->resize(app);
	app->dirty = true;
}

void
app_start_walkin(struct app *app)
{
	struct form_ctx ctx = { .today = app->today };

	app_end_walkin(app);
	form_start(&app->idform, &form_identity, &ctx);
	app->walkin = true;
}

void
app_open_form(struct app *app, struct form_state *st, int y)
{
	if (app->body == NULL || st->def == NULL)
		return;
	app->fv = form_view_new(st, app->body, y);
	if (app->fv == NULL)
		return;
	form_view_set_attrs(app->fv, draw_attr(app, DRAW_PAIR_ERROR, A_BOLD),
	    draw_attr(app, DRAW_PAIR_WARN, A_BOLD));
	if (app->fv_focus >= 0)
		form_view_focus(app->fv, app->fv_focus);
	/* A rebuilt view starts at the field's first column: put the
	 * cursor back where the clerk had it (a resize), else at the end. */
	if (app->fv_col >= 0)
		form_view_set_cursor(app->fv, app->fv_col);
	else
		form_view_key(app->fv, &(struct key_event){ .act = ACT_END });
	app->fv_col = -1;
}

static void
app_person_refreshed(void *arg, const struct api_error *err,
    const struct person *p)
{
	struct app *app = arg;

	app_idle(app);
	if (err == NULL || err->result == API_OK) {
		app->identity.person = *p;
		app->notice[0] = '\0';
		if (app->card < 0 || (size_t)app->card >= p->ncards)
			app->card = p->ncards > 0 ? 0 : -1;
		if (app->screen != &screen_person)
			app_goto(app, &screen_person);
		app_msg(app, APP_MSG_INFO, "%s", MSG_CARDS_REFRESHED);
		return;
	}
	app_read_failed(app, err, app->refresh_retry);
}

void
app_read_failed(struct app *app, const struct api_error *err,
    const char *retry)
{
	char text[APP_MSG_MAX];

	if (app_session_expired(app, err))
		return;
	if (err->result == API_CANCELLED) {
		app_msg(app, APP_MSG_INFO, "%s %s", MSG_CANCELLED, retry);
		return;
	}
	app_error_text(text, sizeof text, err);
	app_msg(app, APP_MSG_ERROR, "%s %s", text, retry);
}

void
app_refresh_person(struct app *app, const char *retry)
{
	if (app->busy)
		return;
	app->refresh_retry = retry;
	app_busy(app, MSG_BUSY_REFRESHING);
	api_person_get(app->api, app->identity.person.person_id,
	    app_person_refreshed, app);
}

void
app_field_refused(struct app *app, struct form_state *st, int idx,
    const char *text)
{
	if (idx < 0 || st->def == NULL || idx >= st->def->nfields)
		return;
	form_refuse(st, idx, text);
	app->fv_focus = idx;
	if (app->fv != NULL)
		form_view_focus(app->fv, idx);
}

void
app_refused_to_person(struct app *app, const char *text, const char *status)
{
	char notice[APP_MSG_MAX + 64];

	app->notice_kind = APP_MSG_WARN;
	snprintf(notice, sizeof notice, MSG_REFUSED_NOTICE, text);
	text_sanitize(app->notice, sizeof app->notice, notice, strlen(notice));
	app_goto(app, &screen_person);
	app_msg(app, APP_MSG_WARN, "%s", status);
}

void
app_close_walkin(struct app *app)
{
	if (app->busy) {
		app_msg(app, APP_MSG_WARN, "%s", MSG_WAIT_OR_CANCEL);
		return;
	}
	app_end_walkin(app);
	app_goto(app, &screen_home);
	app_msg(app, APP_MSG_INFO, "%s", MSG_WALKIN_ENDED);
}

void
app_drop_services(struct app *app)
{
	svc_drop_all(app);
	sodium_memzero(&app->application, sizeof app->application);
	app->have_application = false;
}

void
app_end_walkin(struct app *app)
{
	if (app->idform.def != NULL)
		form_clear(&app->idform);
	sodium_memzero(&app->idform, sizeof app->idform);
	app_drop_services(app);
	sodium_memzero(&app->identity, sizeof app->identity);
	app->walkin = false;
	app->have_identity = false;
	app->card = -1;
	app->resume = NULL;
	app->notice[0] = '\0';
	app->notice_kind = APP_MSG_NONE;
}

const struct card *
app_card(const struct app *app)
{
	if (!app->have_identity || app->card < 0 ||
	    (size_t)app->card >= app->identity.person.ncards)
		return NULL;
	return &app->identity.person.cards[app->card];
}

void
app_error_text(char *out, size_t outsz, const struct api_error *err)
{
	const char *known;

	if (err == NULL) {
		snprintf(out, outsz, "%s", MSG_UNKNOWN_ERROR);
		return;
	}
	/* A certificate refusal says which; a 503 "unavailable" says
	 * maintenance.  Only a refusal shows the service's own words. */
	if (err->result == API_REFUSED || err->result == API_SESSION_EXPIRED ||
	    err->result == API_TLS || err->result == API_UNREACHABLE) {
		if ((known = msg_refusal(err->code)) != NULL) {
			snprintf(out, outsz, "%s", known);
			return;
		}
		/* An "http_NNN" code means the reply was not in the error
		 * shape: its message is net/'s placeholder, not the service's. */
		if ((err->result == API_REFUSED ||
		    err->result == API_SESSION_EXPIRED) &&
		    err->message[0] != '\0' &&
		    strncmp(err->code, "http_", 5) != 0) {
			/* Untrusted: sanitised here and again when drawn.
			 * Nothing left to read (escapes, blanks): no message. */
			text_sanitize(out, outsz, err->message,
			    strlen(err->message));
			if (!text_blank(out)) {
				text_trim(out);
				return;
			}
		}
	}
	snprintf(out, outsz, "%s", msg_api_error(err->result));
}

void
app_deadline_remedy(char *out, size_t outsz, const struct card *c)
{
	char date[DATE_STR];

	date_format(date, deadline_applied(c->received_on, c->deadline));
	snprintf(out, outsz, MSG_DEADLINE_REMEDY, date, c->bank);
}

bool
app_write_failed(struct app *app, const struct api_error *err, char *text,
    size_t textsz)
{
	if (app_session_expired(app, err))
		return true;
	if (err->result == API_CANCELLED) {
		app_msg(app, APP_MSG_WARN, "%s", MSG_WRITE_CANCELLED);
		return true;
	}
	app_error_text(text, textsz, err);
	if (err->result != API_REFUSED) {
		app_msg(app, APP_MSG_ERROR, "%s %s", text, MSG_FORM_KEPT_F2);
		return true;
	}
	if (strcmp(err->code, "check_unknown") == 0) {
		app->have_identity = false;
		app_goto(app, &screen_identity);
		app_msg(app, APP_MSG_ERROR, "%s", text);
		return true;
	}
	return false;
}

bool
app_session_expired(struct app *app, const struct api_error *err)
{
	if (err == NULL || (err->result != API_SESSION_EXPIRED &&
	    strcmp(err->code, "session_expired") != 0))
		return false;
	app->resume = app->screen;
	app->signed_in = false;
	app_goto(app, &screen_signin);
	app_msg(app, APP_MSG_WARN, "%s", msg_refusal("session_expired"));
	return true;
}
