/*
 * sim_limit.c -- what the simulator keeps at most and how fast a staff
 * member may write (docs/api.md "The simulator"): the default limits, the
 * write cap per staff member, the one refusal of a full store, and whom a
 * full store takes from when it makes room.
 *
 * The write cap is a generic cell rate (GCRA): each staff member has a
 * theoretical time for their next write, which moves on by 60 /
 * writes_per_minute seconds at each write made; a write is refused while
 * that time is more than a burst's worth ahead of now.  Only writes that
 * were made count (a refusal or a replay costs nothing), so a clerk whose
 * form was refused can send it again at once.  The idempotency store is a
 * second cap: a staff member with idem_per_staff answers younger than 24
 * hours is refused until the oldest expires, because an answer dropped to
 * make room would let a retried write be made twice.
 */
#include "sim/sim_internal.h"

#include <stdio.h>
#include <string.h>

const struct sim_limits sim_limits_default = {
	.sessions = 1024,
	.checks = 1024,
	.idem_per_staff = 2048,
	.delegs = 4096,
	.pending_per_staff = 256,
	.challenges = 1024,
	.lockouts = 4096,
	.writes_per_minute = 30,
	.writes_burst = 30,
};

static int
sim_too_many_writes(struct sim_answer *a, long wait_s, const char *message)
{
	a->retry_after = wait_s > 0 ? wait_s : 1;
	return sim_fail(a, 429, "too_many_writes", NULL, message);
}

/* How long until the oldest answer stored for staff expires, or 0 while
 * staff has room in the idempotency store. */
static long
sim_idem_wait(const struct sim *s, size_t staff, long now)
{
	size_t n = 0;
	long oldest = now;

	for (size_t i = 0; i < s->nidem; i++) {
		if (s->idem[i].staff != staff)
			continue;
		n++;
		if (s->idem[i].created < oldest)
			oldest = s->idem[i].created;
	}
	return n < s->lim.idem_per_staff ? 0 :
	    oldest + WIRE_ANSWER_KEPT_SECONDS - now;
}

int
sim_write_refused(struct sim *s, size_t staff, struct sim_answer *a)
{
	long now_ms = sim_now(s) * 1000, tat, tau, step, wait;
	char msg[320];

	wait = sim_idem_wait(s, staff, now_ms / 1000);
	if (wait > 0) {
		snprintf(msg, sizeof msg, "This staff ID has made %zu "
		    "applications in the last 24 hours, the most the service "
		    "keeps: nothing was done. Try again in %ld minutes, or ask "
		    "the trainer.", s->lim.idem_per_staff, (wait + 59) / 60);
		return sim_too_many_writes(a, wait, msg);
	}
	if (s->lim.writes_per_minute <= 0)
		return 0;
	step = 60000 / s->lim.writes_per_minute;
	tau = (s->lim.writes_burst > 1 ? s->lim.writes_burst - 1 : 0) * step;
	tat = s->write_tat[staff] > now_ms ? s->write_tat[staff] : now_ms;
	if (tat - now_ms <= tau)
		return 0;
	wait = (tat - now_ms - tau + 999) / 1000;
	snprintf(msg, sizeof msg, "Too many applications from this staff ID: "
	    "at most %ld a minute. Nothing was done; send it again in %ld "
	    "seconds.", s->lim.writes_per_minute, wait);
	return sim_too_many_writes(a, wait, msg);
}

void
sim_write_counted(struct sim *s, size_t staff)
{
	long now_ms = sim_now(s) * 1000;
	long tat = s->write_tat[staff] > now_ms ? s->write_tat[staff] : now_ms;

	if (s->lim.writes_per_minute > 0)
		s->write_tat[staff] = tat + 60000 / s->lim.writes_per_minute;
}

int
sim_store_full(struct sim_answer *a, const char *what)
{
	char msg[256];

	snprintf(msg, sizeof msg, "The training service cannot keep any more "
	    "%s: nothing was done. Ask the trainer to restart it.",
	    what);
	return sim_fail(a, 507, "store_full", NULL, msg);
}

static size_t
sim_owner(const void *base, size_t i, size_t size, size_t off)
{
	size_t v;

	memcpy(&v, (const char *)base + i * size + off, sizeof v);
	return v;
}

size_t
sim_evictee(const void *base, size_t n, size_t size, size_t staff_off)
{
	size_t best = 0, most = 0, i;

	for (size_t st = 0; st < sim_data_nstaff; st++) {
		size_t k = 0;

		for (i = 0; i < n; i++)
			k += sim_owner(base, i, size, staff_off) == st;
		if (k > most) {
			most = k;
			best = st;
		}
	}
	for (i = 0; i < n && sim_owner(base, i, size, staff_off) != best; i++)
		;
	return i < n ? i : 0;
}
