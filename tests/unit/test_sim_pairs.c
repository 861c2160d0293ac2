/*
 * test_sim_pairs.c -- the simulator's request/answer pairs kept as data,
 * curl-style: every file of tests/data/sim/ is one case, run through
 * sim_handle() on a fresh simulator (its today 2026-11-22) with clerk01
 * signed in.  A file is lines of commands, in order:
 *
 *   # what the case teaches          (comments; blank lines are skipped)
 *   signin STAFF                     (sign in again as STAFF)
 *   token none                       (the next requests carry no token)
 *   check NAME                       (an identity check of NAME that
 *                                     passes: $CHECK is its check_id)
 *   advance SECONDS                  (the service's clock moves on)
 *   request METHOD PATH              (a request; POST with a fresh
 *                                     Idempotency-Key unless "key")
 *   key KEY | key none               (the next request's key)
 *   body JSON                        (its body; $CHECK and $ID(NAME), the
 *                                     full number of NAME, are replaced)
 *   send                             (send it now: also done by expect)
 *   expect STATUS                    (the answer's HTTP status)
 *   error STATUS CODE [FIELD]        (a refusal in the one error shape:
 *                                     the status, its code, a message,
 *                                     and the field, or none if left out)
 *   field PATH VALUE                 (a string or number at PATH: names
 *                                     and array indexes by dots,
 *                                     "cards.0.state")
 *   contains PATH TEXT               (the string at PATH holds TEXT)
 *   absent PATH                      (the answer has nothing at PATH)
 *
 * A file whose expectation fails fails the run with its name and line.
 * Environment: SSDESK_TOP (default ".").
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim.h"

#include "tests/unit/simtest.h"

#define LINE_MAX_ 4096

/* The request being written, and what the file has set. */
struct pending {
	char method[8];
	char path[512];
	char key[64];              /* "" fresh, "-" none */
	char body[LINE_MAX_];
	bool have;
	bool no_token;
	unsigned keys;
};

static const char *where_file;
static int where_line;

#define FAIL(...) do {							\
	print_error("%s:%d: ", where_file, where_line);			\
	fail_msg(__VA_ARGS__);						\
} while (0)

/* s with $CHECK and $ID(NAME) replaced, into out. */
static void
substitute(struct t *t, const char *s, char *out, size_t outsz)
{
	size_t o = 0;

	while (*s != '\0' && o + 1 < outsz) {
		const char *end;
		char name[128];

		if (strncmp(s, "$CHECK", 6) == 0) {
			o += (size_t)snprintf(out + o, outsz - o, "%s",
			    t->check);
			s += 6;
		} else if (strncmp(s, "$ID(", 4) == 0 &&
		    (end = strchr(s + 4, ')')) != NULL &&
		    (size_t)(end - s - 4) < sizeof name) {
			memcpy(name, s + 4, (size_t)(end - s - 4));
			name[end - s - 4] = '\0';
			o += (size_t)snprintf(out + o, outsz - o, "%s",
			    t_number(t, name));
			s = end + 1;
		} else {
			out[o++] = *s++;
		}
		if (o >= outsz)
			o = outsz - 1;
	}
	out[o] = '\0';
}

static void
send(struct t *t, struct pending *p)
{
	char key[64];
	const char *k = NULL;

	if (!p->have)
		return;
	if (strcmp(p->key, "-") != 0 && strcmp(p->method, "POST") == 0) {
		if (p->key[0] != '\0')
			k = p->key;
		else {
			snprintf(key, sizeof key, "data-%u", ++p->keys);
			k = key;
		}
	}
	t_call(t, p->method, p->path, p->no_token ? NULL : t->token, k,
	    p->body[0] != '\0' ? p->body : NULL);
	p->have = false;
	p->key[0] = '\0';
	p->body[0] = '\0';
}

/* The item of the answer at a dotted path, or NULL. */
static const cJSON *
at(const cJSON *o, const char *path)
{
	char buf[256], *save = NULL, *part;

	snprintf(buf, sizeof buf, "%s", path);
	for (part = strtok_r(buf, ".", &save); part != NULL && o != NULL;
	    part = strtok_r(NULL, ".", &save)) {
		char *end;
		long i = strtol(part, &end, 10);

		if (cJSON_IsArray(o) && *end == '\0')
			o = cJSON_GetArrayItem(o, (int)i);
		else
			o = cJSON_GetObjectItemCaseSensitive(o, part);
	}
	return o;
}

/* The answer's value at path as text (a string, or a number), or NULL. */
static const char *
value_at(struct t *t, const char *path, char *buf, size_t sz)
{
	const cJSON *v = at(t->json, path);

	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsNumber(v)) {
		snprintf(buf, sz, "%.0f", v->valuedouble);
		return buf;
	}
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	return NULL;
}

/* "PATH REST": PATH into path, REST returned. */
static const char *
split(const char *arg, char *path, size_t sz)
{
	size_t n = strcspn(arg, " ");

	snprintf(path, sz, "%.*s", (int)n, arg);
	return arg[n] == ' ' ? arg + n + 1 : "";
}

static void
expect_line(struct t *t, struct pending *p, const char *cmd, const char *arg)
{
	char path[256], buf[64];
	const char *rest, *v;

	send(t, p);
	if (strcmp(cmd, "error") == 0) {
		char code[64] = "", field[64] = "";
		int status = 0;
		const cJSON *f;

		if (sscanf(arg, "%d %63s %63s", &status, code, field) < 2)
			FAIL("error STATUS CODE [FIELD]");
		v = value_at(t, "code", buf, sizeof buf);
		if (t->status != status || v == NULL || strcmp(v, code) != 0)
			FAIL("not %d %s: %d %.*s", status, code, t->status,
			    (int)t->raw_len, t->raw);
		v = value_at(t, "message", buf, sizeof buf);
		if (v == NULL || strlen(v) <= 10)
			FAIL("no message: %.*s", (int)t->raw_len, t->raw);
		f = cJSON_GetObjectItemCaseSensitive(t->json, "field");
		if (field[0] == '\0' ? f != NULL : !cJSON_IsString(f) ||
		    strcmp(f->valuestring, field) != 0)
			FAIL("field not \"%s\": %.*s", field, (int)t->raw_len,
			    t->raw);
		return;
	}
	if (strcmp(cmd, "expect") == 0) {
		if (t->status != atoi(arg))
			FAIL("status %d, not %s: %.*s", t->status, arg,
			    (int)t->raw_len, t->raw);
		return;
	}
	rest = split(arg, path, sizeof path);
	v = value_at(t, path, buf, sizeof buf);
	if (strcmp(cmd, "absent") == 0) {
		if (at(t->json, path) != NULL)
			FAIL("%s is there: %.*s", path, (int)t->raw_len, t->raw);
	} else if (v == NULL) {
		FAIL("no %s in %.*s", path, (int)t->raw_len, t->raw);
	} else if (strcmp(cmd, "field") == 0 && strcmp(v, rest) != 0) {
		FAIL("%s is \"%s\", not \"%s\"", path, v, rest);
	} else if (strcmp(cmd, "contains") == 0 && strstr(v, rest) == NULL) {
		FAIL("%s \"%s\" lacks \"%s\"", path, v, rest);
	}
}

static void
command(struct t *t, struct pending *p, const char *cmd, const char *arg)
{
	if (strcmp(cmd, "expect") == 0 || strcmp(cmd, "error") == 0 ||
	    strcmp(cmd, "field") == 0 ||
	    strcmp(cmd, "contains") == 0 || strcmp(cmd, "absent") == 0) {
		expect_line(t, p, cmd, arg);
		return;
	}
	if (strcmp(cmd, "request") != 0 && strcmp(cmd, "key") != 0 &&
	    strcmp(cmd, "body") != 0)
		send(t, p);
	if (strcmp(cmd, "signin") == 0) {
		t_signin(t, arg);
		p->no_token = false;
	} else if (strcmp(cmd, "token") == 0) {
		p->no_token = strcmp(arg, "none") == 0;
	} else if (strcmp(cmd, "check") == 0) {
		t_checked(t, arg, t->check);
	} else if (strcmp(cmd, "advance") == 0) {
		sim_advance_clock(t->s, atol(arg));
	} else if (strcmp(cmd, "request") == 0) {
		send(t, p);
		if (sscanf(arg, "%7s %511s", p->method, p->path) != 2)
			FAIL("request METHOD PATH");
		p->have = true;
	} else if (strcmp(cmd, "key") == 0) {
		snprintf(p->key, sizeof p->key, "%s",
		    strcmp(arg, "none") == 0 ? "-" : arg);
	} else if (strcmp(cmd, "body") == 0) {
		substitute(t, arg, p->body, sizeof p->body);
	} else if (strcmp(cmd, "send") != 0) {
		FAIL("unknown command %s", cmd);
	}
}

/* One case file, on the simulator of *state. */
static void
run_file(void **state, const char *path)
{
	struct t *t = *state;
	struct pending p = { .keys = 0 };
	char line[LINE_MAX_];
	FILE *f = fopen(path, "r");
	int asserted = 0;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	where_file = path;
	where_line = 0;
	while (fgets(line, sizeof line, f) != NULL) {
		char *cmd = line, *arg;

		where_line++;
		line[strcspn(line, "\r\n")] = '\0';
		cmd += strspn(cmd, " \t");
		if (*cmd == '#' || *cmd == '\0')
			continue;
		arg = cmd + strcspn(cmd, " ");
		if (*arg != '\0')
			*arg++ = '\0';
		asserted += strcmp(cmd, "expect") == 0 ||
		    strcmp(cmd, "error") == 0;
		command(t, &p, cmd, arg);
	}
	fclose(f);
	send(t, &p);
	if (asserted == 0)
		fail_msg("%s: no expect: a case that asserts nothing", path);
}

/* The cases, by file name; the one a test runs is the next (cmocka runs
 * a group's tests in order, each after its setup). */
#define CASES_MAX 256
static char *case_paths[CASES_MAX];
static int case_next = -1;

static int
case_setup(void **state)
{
	case_next++;
	return t_setup(state);
}

static void
test_case(void **state)
{
	run_file(state, case_paths[case_next]);
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int
main(void)
{
	const char *top = getenv("SSDESK_TOP");
	static struct CMUnitTest tests[CASES_MAX];
	static char names_buf[CASES_MAX][256];
	char dir[900];
	struct dirent **names;
	int n, ncases = 0, rc;

	snprintf(dir, sizeof dir, "%s/tests/data/sim", top ? top : ".");
	if ((n = scandir(dir, &names, NULL, by_name)) < 0) {
		fprintf(stderr, "test_sim_pairs: no %s\n", dir);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		const char *nm = names[i]->d_name;
		size_t len = strlen(nm);

		if (len > 4 && strcmp(nm + len - 4, ".txt") == 0 &&
		    ncases < CASES_MAX) {
			size_t sz = strlen(dir) + len + 2;

			snprintf(names_buf[ncases], sizeof names_buf[ncases],
			    "%s", nm);
			case_paths[ncases] = malloc(sz);
			if (case_paths[ncases] == NULL)
				return 1;
			snprintf(case_paths[ncases], sz, "%s/%s", dir, nm);
			tests[ncases] = (struct CMUnitTest){
				.name = names_buf[ncases],
				.test_func = test_case,
				.setup_func = case_setup,
				.teardown_func = t_teardown,
			};
			ncases++;
		}
		free(names[i]);
	}
	free(names);
	if (ncases == 0) {
		fprintf(stderr, "test_sim_pairs: no case in %s\n", dir);
		return 1;
	}
	rc = _cmocka_run_group_tests("sim_pairs", tests, (size_t)ncases, NULL,
	    NULL);
	for (int i = 0; i < ncases; i++)
		free(case_paths[i]);
	return rc;
}
