/*
 * test_receipt.c -- the receipt's text: every row, masked numbers only,
 * TRAINING — NOT VALID in demo, service text sanitised.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "forms/receipt.h"

static struct application app = {
	.application_id = "PR-20261122-0001",
	.service = "pin-reset",
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
	assert_string_equal(receipt_service_name("cancel-loss"),
	    "Loss report cancelled (300-day remedy)");
	assert_null(receipt_service_name("something-else"));
	receipt_when(w, sizeof w, "2026-11-22");
	assert_string_equal(w, "2026-11-22");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
