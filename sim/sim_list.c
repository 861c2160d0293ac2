/*
 * sim_list.c -- the demo's staff, people and household records, one line
 * each, for the sign-in screen of --demo, ssdesk-sim --list and the
 * trainer's guide (sim.h).  Read only: the strings are lent by s.
 */
#include "sim/sim_internal.h"

size_t
sim_list_staff(const struct sim *s, struct sim_listing *out, size_t max)
{
	size_t n = 0;

	(void)s;
	for (size_t i = 0; i < sim_data_nstaff && n < max; i++, n++)
		out[n] = (struct sim_listing){
			.who = sim_data_staff[i].staff_id,
			.name = sim_data_staff[i].name,
			.purpose = sim_data_staff[i].purpose,
			.secret = SIM_DATA_PASSWORD,
		};
	return n;
}

size_t
sim_list_people(const struct sim *s, struct sim_listing *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < s->npeople && n < max; i++, n++)
		out[n] = (struct sim_listing){
			.who = s->people[i].masked,
			.name = s->people[i].d->name,
			.purpose = s->people[i].d->purpose,
			.secret = s->people[i].number,
		};
	if (n < max) {
		out[n++] = (struct sim_listing){
			.who = s->unknown_masked,
			.name = "(any name)",
			.purpose = sim_data_unknown.purpose,
			.secret = s->unknown_number,
		};
	}
	return n;
}

size_t
sim_list_households(const struct sim *s, struct sim_listing *out, size_t max)
{
	size_t n = 0;

	(void)s;
	for (size_t i = 0; i < sim_data_nhouseholds && n < max; i++, n++)
		out[n] = (struct sim_listing){
			.who = sim_data_households[i].register_no,
			.name = sim_data_households[i].address,
			.purpose = sim_data_households[i].purpose,
			.secret = sim_data_households[i].register_no,
		};
	if (n < max)
		out[n++] = (struct sim_listing){
			.who = sim_data_unknown_household,
			.name = "(no such record)",
			.purpose = "unknown register number: household_unknown",
			.secret = sim_data_unknown_household,
		};
	return n;
}
