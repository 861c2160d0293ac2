/*
 * sim_route.c -- the routing table of the simulated service and its
 * dispatch.  A route is listed once: one row per method and path of
 * docs/api.md, saying whether it needs a live session and which handler
 * answers it, in the core's table here or in the table a file of services
 * keeps beside its handlers (sim/sim_card.c's sim_card_routes), one entry
 * of sim_tables[].  A new service adds its row to its file's table; a
 * file with clock work (a report that lapses) has its tick run before
 * every request.
 *
 * The query string is split off the path first and handed to the handler
 * as req->query.  A path known with another method is 405, an unknown one
 * 404, and a route that needs a session without a live one 401
 * session_expired.  Whether a request is the sign-in, which a server asks
 * before sim_handle() to hash its password outside its lock, is answered
 * here too (sim_wants_password), from the sign-in row's path.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "sim/sim_internal.h"

/* The sign-in's path: its row, and the question a server asks before
 * sim_handle() (sim_wants_password, sim.h). */
#define SIM_SIGNIN_PATH "/v1/sessions"

static const struct sim_route sim_core_rows[] = {
	{ "POST", SIM_SIGNIN_PATH, false, sim_h_signin },
	{ "DELETE", "/v1/sessions/current", true, sim_h_signout },
	{ "POST", "/v1/identity-checks", true, sim_h_identity },
	{ "GET", "/v1/persons/", true, sim_h_person },
	{ "POST", "/v1/applications/medical-activation", true, sim_h_medical },
	{ "POST", "/v1/delegations/insured", true, sim_h_deleg_insured },
	{ "POST", "/v1/applications/delegated-activation", true,
	    sim_h_deleg_submit },
	{ "GET", "/v1/approvals", true, sim_h_approvals },
	{ "GET", "/v1/approvals/", true, sim_h_approval_get },
	{ "POST", "/v1/approvals/", true, sim_h_approval_decide },
	{ "GET", "/v1/submissions", true, sim_h_submissions },
	{ "GET", "/v1/households/", true, sim_h_household },
	{ "POST", "/v1/applications/newborn", true, sim_h_newborn },
	{ "GET", "/v1/contributions/", true, sim_h_contributions },
	{ "GET", "/v1/writes/", true, sim_h_write_status },
	{ "POST", "/v1/audit/anchors", true, sim_h_audit_anchor },
};

static const struct sim_routes sim_core_routes = {
	sim_core_rows, sizeof sim_core_rows / sizeof sim_core_rows[0], NULL,
};

/* Every file's routes: the core's above, and those kept with their
 * services' handlers. */
static const struct sim_routes *const sim_tables[] = {
	&sim_core_routes,
	&sim_card_routes,
};
#define SIM_NTABLES (sizeof sim_tables / sizeof sim_tables[0])

static bool
sim_route_matches(const struct sim_route *r, const char *path)
{
	size_t n = strlen(r->path);

	if (r->path[n - 1] != '/')
		return strcmp(r->path, path) == 0;
	return strncmp(r->path, path, n) == 0 && path[n] != '\0' &&
	    strchr(path + n, '/') == NULL;
}

/* The route of method on path, in any table; *path_known if some route
 * has the path with another method. */
static const struct sim_route *
sim_route_find(const char *path, const char *method, bool *path_known)
{
	for (size_t t = 0; t < SIM_NTABLES; t++)
		for (size_t i = 0; i < sim_tables[t]->n; i++) {
			const struct sim_route *rt = &sim_tables[t]->rows[i];

			if (!sim_route_matches(rt, path))
				continue;
			*path_known = true;
			if (strcmp(rt->method, method) == 0)
				return rt;
		}
	return NULL;
}

/* sim_route_matches() let through no '/' after the prefix. */
const char *
sim_route_segment(const struct sim_request *req)
{
	return strrchr(req->path, '/') + 1;
}

bool
sim_wants_password(const struct sim_request *req)
{
	size_t n = strlen(SIM_SIGNIN_PATH);

	return req->method != NULL && req->path != NULL &&
	    strcmp(req->method, "POST") == 0 &&
	    strncmp(req->path, SIM_SIGNIN_PATH, n) == 0 &&
	    (req->path[n] == '\0' || req->path[n] == '?');
}

int
sim_route(struct sim *s, const struct sim_request *req, struct sim_answer *a)
{
	char path[SIM_PATH_MAX];
	size_t n;
	bool path_known = false;
	struct sim_session *ss = NULL;
	struct sim_request r = *req;
	const struct sim_route *rt;

	if (req->method == NULL || req->path == NULL)
		return sim_bad_request(a, NULL);
	if (req->body_len > WIRE_BODY_MAX)
		return sim_fail(a, 413, "too_large", NULL,
		    "The request is too large; nothing was done. This is a "
		    "fault of the terminal: report it.");
	n = strcspn(req->path, "?");
	if (n >= sizeof path)
		goto not_found;
	memcpy(path, req->path, n);
	path[n] = '\0';
	r.path = path;
	r.query = req->path[n] == '?' ? req->path + n + 1 : NULL;
	for (size_t t = 0; t < SIM_NTABLES; t++)
		if (sim_tables[t]->tick != NULL)
			sim_tables[t]->tick(s);
	if ((rt = sim_route_find(path, req->method, &path_known)) != NULL) {
		if (rt->session &&
		    (ss = sim_session_find(s, req->token)) == NULL)
			return sim_fail(a, 401, "session_expired", NULL,
			    "The session has ended. Sign in again; the form "
			    "you were filling in is kept.");
		return rt->fn(s, &r, ss, a);
	}
	if (path_known)
		return sim_fail(a, 405, "method_not_allowed", NULL,
		    "This method is not allowed on this path. This is a fault "
		    "of the terminal: report it.");
not_found:
	return sim_fail(a, 404, "not_found", NULL,
	    "No such path. This is a fault of the terminal: report it.");
}
