/*
 * main.c -- options, the process's safety set-up, and the wiring: a
 * transport (HTTPS to the central service, or the in-process simulator for
 * --demo), the api on top of it, the app, the loop.
 *
 * Before the terminal is touched: the locale (UTF-8 is required for width
 * and sanitising; C.UTF-8 is tried if the locale is not), gettext, no core
 * dumps (a core would hold what the clerk typed), libsodium.
 */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <sodium.h>

#include "forms/date.h"
#include "forms/i18n.h"
#include "forms/parse.h"
#include "net/api.h"
#include "net/outbox.h"
#include "net/transport.h"
#include "net/transport_https.h"
#include "net/transport_local.h"
#include "sim/sim.h"
#include "sim/sim_fault.h"
#include "tui/app.h"
#include "tui/audit_log.h"
#include "tui/draft.h"
#include "tui/lock.h"
#include "tui/loop.h"
#include "tui/messages.h"
#include "tui/queued.h"
#include "tui/signals.h"
#include "tui/statedir.h"
#include "tui/screens.h"

#ifndef SSDESK_VERSION
#define SSDESK_VERSION "0.0.0"
#endif
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#define MAIN_LATENCY_DEFAULT 120

struct main_opts {
	bool demo;
	const char *service;
	struct https_opts https;
	const char *counter;
	const char *today;
	long latency;
	bool ascii;
	const char *state_dir;
	long idle_lock;
	const char *seal_key;      /* --seal-key FILE */
	const char *receipt_dir;   /* --receipt-dir DIR */
	const char *print_command; /* --print-command CMD */
	const char *verify_audit;  /* --verify-audit FILE */
	const char *anchor;        /* --anchor SEQ:MAC, with it */
};

/* --demo --fault: the in-process simulator's faults, for trainers. */
static struct sim_faults main_faults;

static void
main_usage(FILE *f)
{
	fprintf(f, _("Usage: ssdesk --demo [OPTION]...\n"
	    "  or:  ssdesk --service URL [OPTION]...\n"
	    "The counter terminal for social-security service centres.\n"
	    "\n"
	    "  --demo              train offline on fictitious people (an\n"
	    "                      in-process simulated central service)\n"
	    "  --service URL       the central service, https://host[:port]\n"
	    "  --ca-file FILE      trust the service's certificate from FILE\n"
	    "                      instead of the system store\n"
	    "  --pin SHA256        require this public-key pin\n"
	    "                      (sha256//BASE64)\n"
	    "  --client-cert FILE  this terminal's certificate (mutual TLS)\n"
	    "  --client-key FILE   this terminal's private key\n"
	    "  --counter NAME      the counter this terminal serves (default C-01)\n"
	    "  --today YYYY-MM-DD  the date for the rules and the simulator\n"
	    "                      (default: the clock)\n"
	    "  --latency MS        --demo: answer after MS milliseconds\n"
	    "                      (default 120)\n"
	    "  --fault SPEC        --demo: the simulated service fails so, e.g.\n"
	    "                      'POST /v1/applications/medical-activation=\n"
	    "                      reset-after-commit,1' (see docs/api.md)\n"
	    "  --ascii             draw borders with ASCII characters\n"
	    "  --state-dir DIR     keep drafts and the audit log in DIR\n"
	    "                      (default $XDG_STATE_HOME/ssdesk)\n"
	    "  --idle-lock SECONDS lock the screen after SECONDS without a\n"
	    "                      key (default 300; 0 never)\n"
	    "  --verify-audit FILE check an audit log's chain (with the\n"
	    "                      audit.key beside it) and exit\n"
	    "  --anchor SEQ:MAC    with --verify-audit: the service's anchor\n"
	    "  --seal-key FILE     the service's public key new PINs are\n"
	    "                      sealed to (base64 or hex; --demo: built in)\n"
	    "  --receipt-dir DIR   where printed receipts go (default\n"
	    "                      $XDG_STATE_HOME/ssdesk/receipts)\n"
	    "  --print-command CMD run CMD FILE for each printed receipt\n"
	    "                      (split at blanks, no shell)\n"
	    "  --help              show this help and exit\n"
	    "  --version           show the version and exit\n"
	    "\n"
	    "Exactly one of --demo and --service is required.\n"
	    "The environment variable NO_COLOR turns colour off.\n"));
}

static void
main_bad_usage(const char *why)
{
	if (why != NULL)
		fprintf(stderr, "ssdesk: %s\n", why);
	fprintf(stderr, _("Try 'ssdesk --help' for more information.\n"));
	exit(2);
}

enum main_opt {
	O_DEMO = 256, O_SERVICE, O_CA, O_PIN, O_CERT, O_KEY, O_COUNTER,
	O_TODAY, O_LATENCY, O_ASCII, O_HELP, O_VERSION, O_STATE_DIR,
	O_IDLE_LOCK, O_VERIFY_AUDIT, O_SEAL_KEY, O_RECEIPT_DIR, O_PRINT_CMD,
	O_FAULT, O_ANCHOR
};

static const struct option main_longopts[] = {
	{ "demo", no_argument, NULL, O_DEMO },
	{ "service", required_argument, NULL, O_SERVICE },
	{ "ca-file", required_argument, NULL, O_CA },
	{ "pin", required_argument, NULL, O_PIN },
	{ "client-cert", required_argument, NULL, O_CERT },
	{ "client-key", required_argument, NULL, O_KEY },
	{ "counter", required_argument, NULL, O_COUNTER },
	{ "today", required_argument, NULL, O_TODAY },
	{ "latency", required_argument, NULL, O_LATENCY },
	{ "ascii", no_argument, NULL, O_ASCII },
	{ "seal-key", required_argument, NULL, O_SEAL_KEY },
	{ "receipt-dir", required_argument, NULL, O_RECEIPT_DIR },
	{ "print-command", required_argument, NULL, O_PRINT_CMD },
	{ "fault", required_argument, NULL, O_FAULT },
	{ "help", no_argument, NULL, O_HELP },
	{ "version", no_argument, NULL, O_VERSION },
	{ "state-dir", required_argument, NULL, O_STATE_DIR },
	{ "idle-lock", required_argument, NULL, O_IDLE_LOCK },
	{ "verify-audit", required_argument, NULL, O_VERIFY_AUDIT },
	{ "anchor", required_argument, NULL, O_ANCHOR },
	{ NULL, 0, NULL, 0 },
};

/* A numeric option: arg from min to max into *out, or why and exit 2. */
static void
main_number(long *out, const char *arg, long min, long max, const char *why)
{
	if (parse_long(out, arg, min, max) < 0)
		main_bad_usage(why);
}

static void
main_fault(const char *arg)
{
	char ferr[160], msg[256];

	if (sim_faults_add(&main_faults, arg, ferr, sizeof ferr) < 0) {
		snprintf(msg, sizeof msg, "--fault: %s", ferr);
		main_bad_usage(msg);
	}
}

static void
main_version(void)
{
	printf("ssdesk %s\n", SSDESK_VERSION);
	printf("%s\n", _("Counter terminal for social-security service "
	    "centres."));
	exit(0);
}

/* Options that only name something: where in o the argument goes. */
static const char **
main_string_opt(struct main_opts *o, int c)
{
	switch (c) {
	case O_SERVICE: return &o->service;
	case O_CA: return &o->https.ca_file;
	case O_PIN: return &o->https.pin;
	case O_CERT: return &o->https.client_cert;
	case O_KEY: return &o->https.client_key;
	case O_TODAY: return &o->today;
	case O_STATE_DIR: return &o->state_dir;
	case O_VERIFY_AUDIT: return &o->verify_audit;
	case O_ANCHOR: return &o->anchor;
	case O_SEAL_KEY: return &o->seal_key;
	case O_RECEIPT_DIR: return &o->receipt_dir;
	case O_PRINT_CMD: return &o->print_command;
	default: return NULL;
	}
}

/* One option of getopt_long's (c, arg); a bad one ends the process. */
static void
main_option(struct main_opts *o, int c, const char *arg)
{
	const char **str = main_string_opt(o, c);

	if (str != NULL) {
		*str = arg;
		return;
	}
	switch (c) {
	case O_DEMO: o->demo = true; break;
	case O_ASCII: o->ascii = true; break;
	case O_COUNTER:
		if (arg[0] == '\0' || strlen(arg) >= REF_MAX)
			main_bad_usage(_("--counter: give a name of 1 to 39 "
			    "characters"));
		o->counter = arg;
		break;
	case O_LATENCY:
		main_number(&o->latency, arg, 0, 600000,
		    _("--latency: give milliseconds, 0 to 600000"));
		break;
	case O_IDLE_LOCK:
		main_number(&o->idle_lock, arg, 0, 86400,
		    _("--idle-lock: give seconds, 0 to 86400"));
		break;
	case O_FAULT: main_fault(arg); break;
	case O_HELP:
		main_usage(stdout);
		exit(0);
	case O_VERSION: main_version(); break;
	default: main_bad_usage(NULL);
	}
}

/* The options that go together, or not. */
static void
main_check(const struct main_opts *o)
{
	if (o->demo == (o->service != NULL))
		main_bad_usage(_("give exactly one of --demo and --service URL"));
	if (!o->demo && main_faults.n > 0)
		main_bad_usage(_("--fault goes with --demo (ssdesk-sim has its "
		    "own)"));
	if (o->demo && (o->https.ca_file || o->https.pin ||
	    o->https.client_cert || o->https.client_key))
		main_bad_usage(_("TLS options go with --service, not --demo"));
	if ((o->https.client_cert == NULL) != (o->https.client_key == NULL))
		main_bad_usage(_("--client-cert and --client-key go together"));
}

/* The command line into o; --verify-audit does its work and exits here. */
static void
main_parse(struct main_opts *o, int argc, char **argv)
{
	int c;

	memset(o, 0, sizeof *o);
	o->counter = "C-01";
	o->latency = MAIN_LATENCY_DEFAULT;
	o->idle_lock = LOCK_IDLE_DEFAULT;
	while ((c = getopt_long(argc, argv, "", main_longopts, NULL)) != -1)
		main_option(o, c, optarg);
	if (optind < argc)
		main_bad_usage(_("unexpected argument"));
	if (o->anchor != NULL && o->verify_audit == NULL)
		main_bad_usage(_("--anchor goes with --verify-audit"));
	if (o->verify_audit != NULL) {
		if (sodium_init() < 0)
			exit(1);
		exit(audit_log_verify_file(o->verify_audit, o->anchor));
	}
	main_check(o);
}

/* A core file would hold what the clerk typed: none, and no ptrace. */
static void
main_no_core(void)
{
	struct rlimit rl = { 0, 0 };

	setrlimit(RLIMIT_CORE, &rl);
#ifdef __linux__
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

static void
main_locale(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || (strcasecmp(cs, "UTF-8") != 0 &&
	    strcasecmp(cs, "utf8") != 0))
		setlocale(LC_CTYPE, "C.UTF-8");
	bindtextdomain(I18N_DOMAIN, LOCALEDIR);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
}

/* The demo transport's handler: the simulator, in process. */
static int
main_sim_handler(void *ctx, const struct transport_request *req, int *status,
    char **body, size_t *body_len)
{
	struct sim_request sr = {
		.method = req->method,
		.path = req->path,
		.token = req->token,
		.idem_key = req->idem_key,
		.body = req->body,
		.body_len = req->body_len,
	};

	return sim_fault_handle(ctx, &main_faults, &sr, status, body,
	    body_len);
}

static void
main_demo_accounts(struct app *app, const struct sim *s)
{
	struct sim_listing l[APP_DEMO_LINES];
	size_t n, i;

	n = sim_list_staff(s, l, APP_DEMO_LINES);
	/* Tab-separated columns: staff ID, name, password, purpose. */
	for (i = 0; i < n; i++)
		snprintf(app->demo_lines[i], APP_DEMO_LINE_MAX, "%s\t%s\t%s\t%s",
		    l[i].who ? l[i].who : "", l[i].name ? l[i].name : "",
		    l[i].secret ? l[i].secret : "",
		    l[i].purpose ? l[i].purpose : "");
	app->ndemo = (int)n;
}

int
main(int argc, char **argv)
{
	struct main_opts o;
	struct app app;
	struct transport *t;
	struct api *api;
	struct sim *sim = NULL;
	struct date today;
	char err[256];
	int rc;

	main_locale();
	main_no_core();
	main_parse(&o, argc, argv);
	if (o.today != NULL) {
		if (date_parse(&today, o.today) != 0)
			main_bad_usage(_("--today: give a date as YYYY-MM-DD"));
	} else if (date_today(&today) != 0) {
		fprintf(stderr, "ssdesk: %s\n", _("cannot read the clock; "
		    "give --today YYYY-MM-DD"));
		return 1;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "ssdesk: %s\n", _("libsodium failed to start"));
		return 1;
	}

	if (statedir_init(o.state_dir, err, sizeof err) != 0)
		fprintf(stderr, "ssdesk: %s; %s\n", err, _("drafts and the "
		    "audit log will not be kept"));
	lock_setup(o.idle_lock);

	app_init(&app);
	app.demo = o.demo;
	app.ascii = o.ascii;
	app.today = today;
	snprintf(app.counter, sizeof app.counter, "%s", o.counter);
	app.receipt_dir = o.receipt_dir;
	app.print_command = o.print_command;
	if (o.seal_key != NULL && seal_key_load(&app.seal, o.seal_key) < 0) {
		fprintf(stderr, "ssdesk: %s: %s\n", o.seal_key,
		    _("not a sealing key (base64 or hex of 32 bytes)"));
		return 1;
	}

	if (o.demo) {
		struct sim_opts so = { .today = today, .counter = o.counter };

		if ((sim = sim_new(&so)) == NULL) {
			fprintf(stderr, "ssdesk: %s\n",
			    _("cannot start the simulator"));
			return 1;
		}
		main_demo_accounts(&app, sim);
		/* The in-process service hands its sealing key over directly
		 * (no network); --seal-key, if given, is used instead. */
		if (!app.seal.set) {
			sim_seal_public_key(sim, app.seal.pk);
			app.seal.set = true;
		}
		t = transport_local_new(main_sim_handler, sim, (int)o.latency);
		if (t == NULL) {
			sim_free(sim);
			fprintf(stderr, "ssdesk: %s\n", MSG_NO_MEMORY);
			return 1;
		}
	} else {
		if (transport_https_global_init() != 0) {
			fprintf(stderr, "ssdesk: %s\n",
			    _("cannot initialise libcurl"));
			return 1;
		}
		err[0] = '\0';
		t = transport_https_new(o.service, &o.https, err, sizeof err);
		if (t == NULL) {
			fprintf(stderr, "ssdesk: %s: %s\n", o.service,
			    err[0] ? err : _("cannot use this service URL"));
			transport_https_global_cleanup();
			return 1;
		}
	}
	if ((api = api_new(t)) == NULL) {
		transport_free(t);
		sim_free(sim);
		fprintf(stderr, "ssdesk: %s\n", MSG_NO_MEMORY);
		return 1;
	}
	app.api = api;
	/* Without an outbox, a write that cannot be sent stays in its form
	 * for F2 (the screens check for NULL). */
	app.outbox = outbox_new(api);
	queued_attach(&app);
	app_goto(&app, &screen_signin);

	rc = loop_run(&app, err, sizeof err);
	draft_close();
	lock_close();
	api_free(api);
	outbox_free(app.outbox);
	sim_free(sim);
	if (!o.demo)
		transport_https_global_cleanup();
	if (rc != 0) {
		fprintf(stderr, "ssdesk: %s\n", err);
		return 1;
	}
	if (app.ended_by != 0) {
		/* As a shell reports a process the signal killed. */
		snprintf(err, sizeof err, _("%s: ended; a walk-in in progress "
		    "is kept as a draft for the same clerk's next sign-in"),
		    signals_name(app.ended_by));
		fprintf(stderr, "ssdesk: %s\n", err);
		return 128 + app.ended_by;
	}
	return 0;
}
