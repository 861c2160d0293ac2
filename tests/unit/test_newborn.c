/*
 * test_newborn.c -- the rules of a newborn registration from the
 * household register (relationship checks, the age limit at its
 * boundary).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "forms/newborn.h"

static const struct date today = { 2026, 11, 22 };

/* HH: 1 father (P-1), 2 mother (P-2), 3 grandmother (P-3),
 * 4 newborn (guardians 1, 2), 5 child with a card, 6 older child. */
static void
household(struct household *h)
{
	static const struct { const char *pid; long age; bool card; int g1, g2;
	} m[] = {
		{ "P-1", 12000, true, 0, 0 }, { "P-2", 11000, true, 0, 0 },
		{ "P-3", 22000, true, 0, 0 }, { "", 30, false, 1, 2 },
		{ "", 100, true, 1, 2 }, { "", 366, false, 1, 2 },
	};

	memset(h, 0, sizeof *h);
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		struct household_member *x = &h->members[h->nmembers++];

		x->member_no = (int)i + 1;
		strcpy(x->person_id, m[i].pid);
		x->birth = date_add_days(today, -m[i].age);
		x->has_card = m[i].card;
		if (m[i].g1) {
			x->guardians[x->nguardians++] = m[i].g1;
			x->guardians[x->nguardians++] = m[i].g2;
		}
	}
}

static void test_newborn_rules(void **state)
{
	struct household h;

	(void)state;
	household(&h);
	assert_int_equal(newborn_check(&h, 4, "P-1", today), NEWBORN_OK);
	assert_int_equal(newborn_check(&h, 4, "P-2", today), NEWBORN_OK);
	assert_int_equal(newborn_check(&h, 4, "P-3", today),
	    NEWBORN_NOT_GUARDIAN);
	assert_int_equal(newborn_check(&h, 4, "P-9", today),
	    NEWBORN_PARENT_NOT_LISTED);
	assert_int_equal(newborn_check(&h, 4, NULL, today),
	    NEWBORN_PARENT_NOT_LISTED);
	assert_int_equal(newborn_check(&h, 9, "P-1", today),
	    NEWBORN_CHILD_NOT_LISTED);
	assert_int_equal(newborn_check(&h, 5, "P-1", today), NEWBORN_HAS_CARD);
	assert_int_equal(newborn_check(&h, 6, "P-1", today), NEWBORN_TOO_OLD);
	/* A member without a person reference is never "the parent". */
	assert_int_equal(newborn_check(&h, 4, "", today),
	    NEWBORN_PARENT_NOT_LISTED);
	/* The parent is not their own guardian. */
	assert_int_equal(newborn_check(&h, 1, "P-1", today),
	    NEWBORN_NOT_GUARDIAN);
	assert_non_null(household_member(&h, 6));
	assert_null(household_member(&h, 0));
}

static void test_newborn_age_boundary(void **state)
{
	(void)state;
	assert_int_equal(NEWBORN_MAX_AGE_DAYS, 365);
	assert_int_equal(newborn_age(today, today), NEWBORN_OK);
	assert_int_equal(newborn_age(date_add_days(today, -365), today),
	    NEWBORN_OK);
	assert_int_equal(newborn_age(date_add_days(today, -366), today),
	    NEWBORN_TOO_OLD);
	assert_int_equal(newborn_age(date_add_days(today, 1), today),
	    NEWBORN_NOT_BORN);
	assert_non_null(strstr(newborn_strerror(NEWBORN_TOO_OLD), "365"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_newborn_rules),
		cmocka_unit_test(test_newborn_age_boundary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
