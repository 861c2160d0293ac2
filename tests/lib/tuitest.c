/*
 * tuitest.c -- the terminal program in a unit test (see tuitest.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/lib/tuitest.h"

#include <ftw.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include <sodium.h>

#include "forms/date.h"
#include "net/outbox.h"
#include "net/transport_local.h"
#include "tui/draft.h"
#include "tui/draw.h"
#include "tui/lock.h"
#include "tui/loop.h"
#include "tui/queued.h"
#include "tui/screens.h"
#include "tui/statedir.h"

#define TT_TURNS_MAX 1000

/* The in-process service as --demo has it (tui/main.c), with the
 * test's faults. */
static int
tt_handler(void *ctx, const struct transport_request *req, int *status,
    char **body, size_t *body_len)
{
	struct tt *t = ctx;

	return sim_fault_handle(t->sim, &t->faults, &(struct sim_request){
	    .method = req->method, .path = req->path, .token = req->token,
	    .idem_key = req->idem_key, .body = req->body,
	    .body_len = req->body_len }, status, body, body_len);
}

/* The screen on /dev/null, 80x24 whatever the terminfo entry says. */
static void
tt_terminal_up(struct tt *t)
{
	t->out = fopen("/dev/null", "w");
	t->in = fopen("/dev/null", "r");
	assert_non_null(t->out);
	assert_non_null(t->in);
	t->scr = newterm("xterm", t->out, t->in);
	assert_non_null(t->scr);
	set_term(t->scr);
	resizeterm(APP_MIN_ROWS, APP_MIN_COLS);
	noecho();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	t->app.color = draw_init_colors();
	app_layout(&t->app);
	assert_false(t->app.too_small);
}

void
tt_up(struct tt *t, const char *dir)
{
	struct sim_opts so = { .counter = "C-01" };
	struct transport *tr;
	char why[256];

	memset(t, 0, sizeof *t);
	setlocale(LC_ALL, "C.UTF-8");
	assert_true(sodium_init() >= 0);
	if (dir != NULL)
		snprintf(t->dir, sizeof t->dir, "%s", dir);
	else {
		const char *tmp = getenv("TMPDIR");

		snprintf(t->dir, sizeof t->dir, "%s/tuitest-XXXXXX",
		    tmp != NULL && tmp[0] == '/' ? tmp : P_tmpdir);
		assert_non_null(mkdtemp(t->dir));
	}
	assert_int_equal(statedir_init(t->dir, why, sizeof why), 0);
	lock_setup(0);

	app_init(&t->app);
	t->app.demo = true;
	assert_int_equal(date_parse(&t->app.today, TT_TODAY), 0);
	so.today = t->app.today;
	t->sim = sim_new(&so);
	assert_non_null(t->sim);
	sim_seal_public_key(t->sim, t->app.seal.pk);
	t->app.seal.set = true;
	tr = transport_local_new(tt_handler, t, 0);
	assert_non_null(tr);
	t->app.api = api_new(tr);
	assert_non_null(t->app.api);
	t->app.outbox = outbox_new(t->app.api);
	assert_non_null(t->app.outbox);
	queued_attach(&t->app);
	tt_terminal_up(t);
	app_goto(&t->app, &screen_signin);
	tt_settle(t);
}

static int
tt_remove(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

void
tt_down(struct tt *t)
{
	app_free(&t->app);
	endwin();
	delscreen(t->scr);
	fclose(t->out);
	fclose(t->in);
	draft_close();
	queued_refusals_clear();
	api_free(t->app.api);
	outbox_free(t->app.outbox);
	sim_free(t->sim);
	if (!t->keep_dir)
		assert_int_equal(nftw(t->dir, tt_remove, 8,
		    FTW_DEPTH | FTW_PHYS), 0);
}

void
tt_settle(struct tt *t)
{
	int i;

	for (i = 0; i < TT_TURNS_MAX; i++) {
		loop_turn_end(&t->app);
		if (!api_busy(t->app.api) && !outbox_sending(t->app.outbox))
			return;
		usleep(1000);
	}
	fail_msg("still busy after %d turns", TT_TURNS_MAX);
}

void
tt_act(struct tt *t, enum action act)
{
	loop_dispatch(&t->app, &(struct key_event){ .act = act });
	tt_settle(t);
}

void
tt_type(struct tt *t, const char *utf8)
{
	mbstate_t mb;
	wchar_t wc;
	size_t n, len = strlen(utf8);

	memset(&mb, 0, sizeof mb);
	while (len > 0) {
		n = mbrtowc(&wc, utf8, len, &mb);
		assert_true(n > 0 && n <= len);
		loop_dispatch(&t->app, &(struct key_event){ .act = ACT_CHAR,
		    .ch = wc });
		tt_settle(t);
		utf8 += n;
		len -= n;
	}
}

/* The screen as the terminal would show it (curscr after doupdate), one
 * line a row. */
const char *
tt_screen(struct tt *t)
{
	static char text[APP_MIN_ROWS * (APP_MIN_COLS * 4 + 1) + 1];
	wchar_t row[APP_MIN_COLS * 2 + 1];
	size_t at = 0;

	t->app.dirty = true;
	loop_draw(&t->app);
	for (int y = 0; y < t->app.rows && y < APP_MIN_ROWS; y++) {
		int n = mvwinnwstr(curscr, y, 0, row, APP_MIN_COLS * 2);
		size_t m;

		row[n > 0 ? n : 0] = L'\0';
		m = wcstombs(text + at, row, sizeof text - at - 2);
		at += m == (size_t)-1 ? 0 : m;
		text[at++] = '\n';
	}
	text[at] = '\0';
	return text;
}

void
tt_print_screen(struct tt *t)
{
	fprintf(stderr, "---- screen:\n%s----\n", tt_screen(t));
}

/* src with every run of blanks and line ends as one blank, into dst. */
static void
tt_squeeze(char *dst, size_t dstsz, const char *src)
{
	size_t n = 0;

	for (; *src != '\0' && n + 1 < dstsz; src++) {
		bool blank = *src == ' ' || *src == '\n';

		if (!blank || (n > 0 && dst[n - 1] != ' '))
			dst[n++] = blank ? ' ' : *src;
	}
	dst[n] = '\0';
}

bool
tt_shows(struct tt *t, const char *text)
{
	static char screen[APP_MIN_ROWS * (APP_MIN_COLS * 4 + 1) + 1];
	char want[APP_MSG_MAX * 2];

	tt_squeeze(screen, sizeof screen, tt_screen(t));
	tt_squeeze(want, sizeof want, text);
	return strstr(screen, want) != NULL;
}

const char *
tt_demo_id(struct tt *t, const char *name)
{
	struct sim_listing l[64];
	size_t n = sim_list_people(t->sim, l, 64);

	for (size_t i = 0; i < n; i++)
		if (l[i].name != NULL && strcmp(l[i].name, name) == 0)
			return l[i].secret;
	fail_msg("no demo person %s", name);
	return NULL;
}

void
tt_fault(struct tt *t, const char *spec)
{
	char err[160];

	if (spec == NULL) {
		t->faults.n = 0;
		return;
	}
	if (sim_faults_add(&t->faults, spec, err, sizeof err) != 0)
		fail_msg("fault %s: %s", spec, err);
}

void
tt_signin(struct tt *t, const char *staff)
{
	assert_ptr_equal(t->app.screen, &screen_signin);
	tt_type(t, staff);
	tt_act(t, ACT_ENTER);
	tt_type(t, TT_PASSWORD);
	tt_act(t, ACT_ENTER);
	assert_true(t->app.signed_in);
}

void
tt_identity(struct tt *t, const char *name)
{
	assert_ptr_equal(t->app.screen, &screen_home);
	tt_act(t, ACT_ENTER);
	assert_ptr_equal(t->app.screen, &screen_identity);
	tt_type(t, tt_demo_id(t, name));
	tt_act(t, ACT_ENTER);
	tt_type(t, name);
	tt_act(t, ACT_ENTER);
	tt_type(t, "L");                  /* valid long-term */
	tt_act(t, ACT_ENTER);
	tt_type(t, "yypy");               /* sighted, copied, face, finger */
	tt_act(t, ACT_SUBMIT);
}

struct form_state *
tt_unit_form(struct tt *t, const struct svc_unit *u, int i)
{
	char *st = svc_peek(&t->app, u);

	return st != NULL ? (struct form_state *)(st + u->forms[i].offset) :
	    NULL;
}

int
tt_offered(struct tt *t, const struct svc_unit *u)
{
	const char *screen = tt_screen(t);
	char item[64];

	assert_ptr_equal(t->app.screen, &screen_person);
	for (int k = 1; k <= 9; k++) {
		/* " 1  Medical-insurance acti": the start the column shows. */
		snprintf(item, 28, " %d  %s", k, service_def(u->id)->label);
		if (strstr(screen, item) != NULL)
			return k;
	}
	return 0;
}
