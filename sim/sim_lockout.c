/*
 * sim_lockout.c -- sign-in lockout: after SIM_LOCKOUT_FAILS refused
 * sign-ins for one staff ID within SIM_LOCKOUT_WINDOW seconds, every
 * sign-in for it is refused for WIRE_LOCKOUT_SECONDS seconds, right password or
 * not.  Counted by the staff ID as typed, whether or not it exists, so the
 * refusals say nothing about which IDs exist; sim_h_signin does the same
 * password-hash work in every case, so neither does the timing.
 *
 * At most lim.lockouts staff IDs are counted.  A full table makes room by
 * forgetting the unlocked ID with the fewest failures (the oldest of
 * them): a flood of made-up IDs, one failure each, cannot push out the
 * count of an ID someone is guessing at, nor stop a new one being
 * counted.  A table full of locked IDs fails closed: an ID not in it is
 * refused as locked until a lock ends.
 */
#include "sim/sim_internal.h"

#include <stdio.h>
#include <string.h>

static struct sim_lockout *
sim_lockout_find(struct sim *s, const char *staff_id)
{
	for (size_t i = 0; i < s->nlockouts; i++)
		if (strcmp(s->lockouts[i].staff_id, staff_id) == 0)
			return &s->lockouts[i];
	return NULL;
}

/* Forget entries that no longer count: window over and not locked. */
static void
sim_lockout_purge(struct sim *s, long now)
{
	for (size_t i = 0; i < s->nlockouts;) {
		struct sim_lockout *l = &s->lockouts[i];

		if (now >= l->locked_until &&
		    now - l->first >= SIM_LOCKOUT_WINDOW)
			s->lockouts[i] = s->lockouts[--s->nlockouts];
		else
			i++;
	}
}

/* The entry a full table forgets for a new ID, or -1 if all are locked. */
static long
sim_lockout_victim(const struct sim *s, long now)
{
	long v = -1;

	for (size_t i = 0; i < s->nlockouts; i++) {
		const struct sim_lockout *l = &s->lockouts[i], *w;

		if (now < l->locked_until)
			continue;
		w = v < 0 ? NULL : &s->lockouts[v];
		if (w == NULL || l->fails < w->fails ||
		    (l->fails == w->fails && l->first < w->first))
			v = (long)i;
	}
	return v;
}

bool
sim_lockout_locked(struct sim *s, const char *staff_id)
{
	long now = sim_now(s);
	struct sim_lockout *l;

	sim_lockout_purge(s, now);
	if ((l = sim_lockout_find(s, staff_id)) != NULL)
		return now < l->locked_until;
	return s->nlockouts > 0 && s->nlockouts >= s->lim.lockouts &&
	    sim_lockout_victim(s, now) < 0;
}

void
sim_lockout_failed(struct sim *s, const char *staff_id)
{
	long now = sim_now(s);
	struct sim_lockout *l;

	sim_lockout_purge(s, now);
	if ((l = sim_lockout_find(s, staff_id)) == NULL) {
		long v = s->nlockouts > 0 && s->nlockouts >= s->lim.lockouts ?
		    sim_lockout_victim(s, now) : -1;

		if (v >= 0)
			s->lockouts[v] = s->lockouts[--s->nlockouts];
		else if (s->nlockouts >= s->lim.lockouts ||
		    sim_grow((void **)&s->lockouts, &s->clockouts,
		    s->nlockouts, sizeof *s->lockouts) < 0)
			return;
		l = &s->lockouts[s->nlockouts++];
		memset(l, 0, sizeof *l);
		snprintf(l->staff_id, sizeof l->staff_id, "%s", staff_id);
		l->first = now;
	}
	if (now - l->first >= SIM_LOCKOUT_WINDOW) {
		l->first = now;
		l->fails = 0;
	}
	if (++l->fails >= SIM_LOCKOUT_FAILS) {
		l->locked_until = now + WIRE_LOCKOUT_SECONDS;
		l->fails = 0;
		l->first = now;
	}
}

void
sim_lockout_clear(struct sim *s, const char *staff_id)
{
	struct sim_lockout *l = sim_lockout_find(s, staff_id);

	if (l != NULL)
		*l = s->lockouts[--s->nlockouts];
}
