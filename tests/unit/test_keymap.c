/*
 * test_keymap.c -- the keys the raw terminal now delivers: Ctrl-C and
 * Ctrl-\ become ACT_INTERRUPT (they used to be signals), Ctrl-S, Ctrl-Q
 * and Ctrl-Z become nothing (never a field's content), also after Esc;
 * the keys around them are as they were.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <curses.h>

#include "tui/keymap.h"

/* Every action keys[0..n) give, flushed as the loop would, into out. */
static int
feed_all(const wint_t *keys, int n, enum action *out, int max)
{
	struct keymap km;
	struct key_event ev;
	int got = 0;

	memset(&km, 0, sizeof km);
	for (int i = 0; i < n; i++) {
		if (keymap_feed(&km, OK, keys[i], &ev) && got < max)
			out[got++] = ev.act;
		while (keymap_next(&km, &ev) && got < max)
			out[got++] = ev.act;
	}
	while (keymap_flush(&km, &ev) && got < max)
		out[got++] = ev.act;
	return got;
}

static void
test_interrupt(void **state)
{
	static const wint_t keys[] = { 3, 28 };          /* ^C, ^\ */
	enum action out[4];

	(void)state;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		assert_int_equal(feed_all(&keys[i], 1, out, 4), 1);
		assert_int_equal(out[0], ACT_INTERRUPT);
	}
}

static void
test_flow_and_suspend_mean_nothing(void **state)
{
	static const wint_t keys[] = { 19, 17, 26 };     /* ^S, ^Q, ^Z */
	enum action out[4];

	(void)state;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		assert_int_equal(feed_all(&keys[i], 1, out, 4), 0);
}

static void
test_around_them(void **state)
{
	/* a, ^S, b, Esc ^C, ^Q, Enter: nothing lost, nothing added. */
	static const wint_t keys[] = { L'a', 19, L'b', 27, 3, 17, L'\r' };
	static const enum action want[] = { ACT_CHAR, ACT_CHAR, ACT_BACK,
	    ACT_INTERRUPT, ACT_ENTER };
	enum action out[8];
	int n = feed_all(keys, (int)(sizeof keys / sizeof keys[0]), out, 8);

	(void)state;
	assert_int_equal(n, (int)(sizeof want / sizeof want[0]));
	for (int i = 0; i < n; i++)
		assert_int_equal(out[i], want[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interrupt),
		cmocka_unit_test(test_flow_and_suspend_mean_nothing),
		cmocka_unit_test(test_around_them),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
