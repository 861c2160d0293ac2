/*
 * test_receipt.c -- the receipt's text: every row, masked numbers only,
 * TRAINING — NOT VALID in demo, service text sanitised.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "forms/receipt.h"

static struct application app = {
	.application_id = "PR-20261122-0001",
	.service = SERVICE_PIN_RESET,
	.status = "completed",
	.created_at = "2026-11-22T09:41:07+08:00",
	.next_steps = "Keep it secret.\x1b[2J Really.",
	.card = { .card_id = "C-0200", .number_masked = "A7****201",
	    .bank = "Bank of China" },
};

static void test_text(void **state)
{
	struct receipt_ctx c = { &app, "C-03", "王小明", "clerk01", "林晓雨",
	    "350102********2026", NULL, "FA-20261122-0001", true };
	char out[4096];
	int n;

	(void)state;
	n = receipt_text(out, sizeof out, &c);
	assert_true(n > 0);
	assert_int_equal((size_t)n, strlen(out));
	assert_non_null(strstr(out, "*** TRAINING — NOT VALID ***\n\n"));
	assert_non_null(strstr(out, "Application number   PR-20261122-0001\n"));
	assert_non_null(strstr(out, "Card PIN reset"));
	assert_non_null(strstr(out, "2026-11-22 09:41:07\n"));
	assert_non_null(strstr(out, "C-03"));
	assert_non_null(strstr(out, "王小明 (clerk01)"));
	assert_non_null(strstr(out, "350102********2026"));
	assert_non_null(strstr(out, "A7****201  Bank of China"));
	assert_non_null(strstr(out, "Completed"));
	assert_non_null(strstr(out, "Earlier step         FA-20261122-0001\n"));
	assert_non_null(strstr(out, "Earlier step         FA-20261122-0001\n"));
	assert_null(strchr(out, '\x1b'));
	/* Both ends say it in training; not otherwise. */
	assert_non_null(strstr(strstr(out, "TRAINING") + 1, "TRAINING"));
	c.training = false;
	receipt_text(out, sizeof out, &c);
	assert_null(strstr(out, "TRAINING"));
	/* Too small: nothing half-written. */
	assert_int_equal(receipt_text(out, 40, &c), -1);
	assert_string_equal(out, "");
}

static void test_names(void **state)
{
	char w[40];

	(void)state;
	struct application a = { .service = SERVICE_CANCEL_LOSS };

	assert_string_equal(receipt_service_name(&a),
	    "Loss report cancelled (300-day remedy)");
	a.service = SERVICE_UNKNOWN;
	snprintf(a.service_sent, sizeof a.service_sent, "something-else");
	assert_string_equal(receipt_service_name(&a), "something-else");
	receipt_when(w, sizeof w, "2026-11-22");
	assert_string_equal(w, "2026-11-22");
}

/* A newborn registration names the child and lists its results instead
 * of a card; a delegated activation names the insured and says it waits
 * for a supervisor. */
static void test_second_person(void **state)
{
	struct application nb = {
		.application_id = "NB-20261122-0001",
		.service = SERVICE_NEWBORN,
		.status = "completed",
		.created_at = "2026-11-22T10:00:00+08:00",
		.subject_name = "胡小宝",
		.subject_id_masked = "110108********0013",
		.nresults = 2,
		.results = { "First card application NB-1", "Medical enrolment" },
	};
	struct application da = {
		.application_id = "DA-20261122-0001",
		.service = SERVICE_DELEGATED,
		.status = "pending-approval",
		.created_at = "2026-11-22T10:00:00+08:00",
		.subject_name = "孙丽",
		.subject_id_masked = "110105********0229",
		.card = { .number_masked = "B0****104" },
	};
	struct receipt_ctx c = { &nb, "C-03", "王小明", "clerk01", "胡明",
	    "110108********0571", NULL, NULL, false };
	char out[4096];

	(void)state;
	assert_true(receipt_text(out, sizeof out, &c) > 0);
	assert_non_null(strstr(out, "Newborn registration"));
	assert_non_null(strstr(out, "Child                胡小宝  110108********0013\n"));
	assert_non_null(strstr(out, "1.                   First card application NB-1\n"));
	assert_non_null(strstr(out, "2.                   Medical enrolment\n"));
	assert_null(strstr(out, "Card    "));
	c.app = &da;
	assert_true(receipt_text(out, sizeof out, &c) > 0);
	assert_non_null(strstr(out, "Activation under a power of attorney"));
	assert_non_null(strstr(out, "Insured              孙丽  110105********0229\n"));
	assert_non_null(strstr(out, "B0****104"));
	assert_non_null(strstr(out, "Pending a supervisor's approval"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_second_person),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
