/*
 * test_text.c -- sanitising untrusted text, its width, fitting it into
 * columns and trimming.  Width needs a UTF-8 LC_CTYPE: main() sets one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "forms/text.h"

#define FFFD "\xEF\xBF\xBD"

static void test_sanitize_table(void **state)
{
	static const struct { const char *in; size_t len; const char *out; } cases[] = {
		{ "hello", 5, "hello" },
		{ "\xE5\xBC\xA0\xE4\xBC\x9F", 6, "\xE5\xBC\xA0\xE4\xBC\x9F" }, /* 张伟 */
		/* Escape sequences go whole. */
		{ "a\x1b[2Jb", 6, "ab" },
		{ "\x1b]0;title\x07x", 11, "x" },
		/* Whole sequences go, not only their ESC. */
		{ "a\x1b[1;31mb\x1b[0mc", 14, "abc" },
		{ "\x1b]0;t\x1b\\x", 8, "x" },
		{ "a\xc2\x9b" "31mb", 7, "ab" },          /* C1 CSI */
		{ "a\xc2\x9d" "0;t\xc2\x9c" "b", 9, "ab" }, /* C1 OSC, ST */
		{ "a\x1b" "7b\x1b(Bc", 8, "abc" },        /* ESC 7, ESC ( B */
		{ "a\x1b[31", 5, "a" },                 /* cut off */
		{ "a\x1b[3\xe5\xbc\xa0", 7, "a\xe5\xbc\xa0" }, /* ends at 张 */
		{ "\x1b]0;never ends", 14, "" },
		{ "tab\there\r\nnext", 15, "tabherenext" },
		{ "bs\bdel\x7f", 7, "bsdel" },
		{ "nul\0x", 5, "nulx" },
		/* C1 controls encoded as UTF-8 (U+0085, U+009B CSI). */
		{ "a\xC2\x85" "b\xC2\x9B" "c", 7, "ab" },  /* CSI c: a sequence */
		/* bidi override U+202E, isolates, marks, zero-width, BOM */
		{ "abc\xE2\x80\xAE" "def", 9, "abcdef" },
		{ "\xE2\x81\xA6x\xE2\x81\xA9", 7, "x" },
		{ "\xE2\x80\x8Ex\xE2\x80\x8F", 7, "x" },
		{ "\xD8\x9Cx", 3, "x" },                    /* U+061C */
		{ "z\xE2\x80\x8Bw", 5, "zw" },              /* U+200B */
		{ "\xEF\xBB\xBFok", 5, "ok" },              /* BOM */
		{ "\xE2\x81\xA0x", 4, "x" },                /* U+2060 */
		/* tag characters spell invisible ASCII: U+E0001, U+E0041 */
		{ "a\xF3\xA0\x80\x81" "b\xF3\xA0\x81\x81" "c", 11, "abc" },
		{ "a\xF0\x9B\xB2\xA0" "b", 6, "ab" },      /* U+1BCA0 */
		/* invalid UTF-8 */
		{ "a\xFFz", 3, "a" FFFD "z" },
		{ "a\x80z", 3, "a" FFFD "z" },
		{ "\xC0\xAF", 2, FFFD FFFD },               /* overlong '/' */
		{ "\xE0\x80\xAF", 3, FFFD FFFD FFFD },      /* overlong */
		{ "\xED\xA0\x80", 3, FFFD FFFD FFFD },      /* surrogate D800 */
		{ "\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD }, /* > U+10FFFF */
		{ "x\xE5\xBC", 3, "x" FFFD },               /* truncated at end */
		{ "\xE5\xBCz", 3, FFFD "z" },               /* truncated inside */
		{ "\xF0\x9F\x98\x80", 4, "\xF0\x9F\x98\x80" }, /* emoji kept */
		{ FFFD, 3, FFFD },
		{ "", 0, "" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[64];
		size_t n = text_sanitize(out, sizeof out, cases[i].in, cases[i].len);

		if (strcmp(out, cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\"", i, out);
		assert_int_equal(n, strlen(cases[i].out));
	}
}

static void test_sanitize_small_buffer(void **state)
{
	const char *s = "\xE5\xBC\xA0\xE4\xBC\x9F"; /* 张伟, 3 bytes each */
	char out[6];

	(void)state;
	/* 5 usable bytes: only the first character fits whole. */
	assert_int_equal(text_sanitize(out, sizeof out, s, 6), 3);
	assert_string_equal(out, "\xE5\xBC\xA0");
	assert_int_equal(text_sanitize(out, 3, s, 6), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_sanitize(out, 1, "abc", 3), 0);
	assert_int_equal(text_sanitize(out, 0, "abc", 3), 0);
	assert_int_equal(text_sanitize(out, 4, "abcdef", 6), 3);
	assert_string_equal(out, "abc");
}

static void test_width(void **state)
{
	static const struct { const char *s; int w; } cases[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "\xE5\xBC\xA0\xE4\xBC\x9F", 4 },                      /* 张伟 */
		{ "\xE6\xAC\xA7\xE9\x98\xB3\xE5\xA8\x9C\xE5\xA8\x9C", 8 }, /* 欧阳娜娜 */
		{ "Li \xE5\xBC\xA0", 5 },
		{ "e\xCC\x81", 1 },                                     /* combining */
		{ "a\x1b[m", -1 },
		{ "a\xFF", -1 },
		{ "\xE5\xBC", -1 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (text_width(cases[i].s) != cases[i].w)
			fail_msg("case %zu: width %d", i, text_width(cases[i].s));
}

static void test_fit(void **state)
{
	static const struct { const char *s; int cols; const char *out; int w; } cases[] = {
		{ "abcdef", 10, "abcdef", 6 },
		{ "abcdef", 6, "abcdef", 6 },
		{ "abcdef", 5, "abcd~", 5 },
		{ "abcdef", 1, "~", 1 },
		{ "abcdef", 0, "", 0 },
		{ "\xE5\xBC\xA0\xE4\xBC\x9F", 4, "\xE5\xBC\xA0\xE4\xBC\x9F", 4 },
		/* 欧阳娜娜 in 5 columns: two characters and the mark. */
		{ "\xE6\xAC\xA7\xE9\x98\xB3\xE5\xA8\x9C\xE5\xA8\x9C", 5,
		  "\xE6\xAC\xA7\xE9\x98\xB3~", 5 },
		/* in 4: a second wide character would leave no room for "~". */
		{ "\xE6\xAC\xA7\xE9\x98\xB3\xE5\xA8\x9C\xE5\xA8\x9C", 4,
		  "\xE6\xAC\xA7~", 3 },
		{ "\xE6\xAC\xA7\xE9\x98\xB3\xE5\xA8\x9C\xE5\xA8\x9C", 8,
		  "\xE6\xAC\xA7\xE9\x98\xB3\xE5\xA8\x9C\xE5\xA8\x9C", 8 },
		{ "ab\xE5\xBC\xA0" "cd", 4, "ab~", 3 },
		{ "ab\xE5\xBC\xA0" "cd", 5, "ab\xE5\xBC\xA0~", 5 },
		{ "ab\xE5\xBC\xA0" "cd", 6, "ab\xE5\xBC\xA0" "cd", 6 },
		{ "", 3, "", 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[64];
		int w = text_fit(out, sizeof out, cases[i].s, cases[i].cols);

		if (strcmp(out, cases[i].out) != 0 || w != cases[i].w)
			fail_msg("case %zu: got \"%s\" width %d", i, out, w);
		assert_true(text_width(out) <= cases[i].cols);
	}
}

static void test_fit_small_buffer(void **state)
{
	char out[5];

	(void)state;
	/* Room for one CJK character and the mark, never half a character. */
	text_fit(out, sizeof out, "\xE5\xBC\xA0\xE4\xBC\x9F\xE4\xBC\x9F", 20);
	assert_string_equal(out, "\xE5\xBC\xA0~");
}

static void test_trim(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "  abc  ", "abc" },
		{ "abc", "abc" },
		{ "   ", "" },
		{ "", "" },
		{ "\xE3\x80\x80\xE5\xBC\xA0\xE4\xBC\x9F\xE3\x80\x80", "\xE5\xBC\xA0\xE4\xBC\x9F" },
		{ " a b ", "a b" },
		{ "\t x\n", "x" },
		{ "\xE3\x80", "\xE3\x80" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[64];

		strcpy(buf, cases[i].in);
		assert_ptr_equal(text_trim(buf), buf);
		assert_string_equal(buf, cases[i].out);
	}
}

/* A message that sanitises to nothing visible is blank: the terminal
 * falls back to its own sentence (tui/app.c app_error_text). */
static void test_blank(void **state)
{
	static const struct { const char *raw; int blank; } cases[] = {
		{ "", 1 },
		{ "   ", 1 },
		{ "\x1b[2J\x1b[31m\x1b]0;title\x07", 1 },      /* escapes only */
		{ "\xc2\x9b" "31m\xc2\x85\xc2\x9c", 1 },        /* C1 CSI, NEL, ST */
		{ "\xe2\x80\xae\xe2\x80\x8b\xef\xbb\xbf", 1 }, /* RLO, ZWSP, BOM */
		{ "\t\r\n \xe3\x80\x80\xc2\xa0\xe2\x80\x83", 1 }, /* U+3000, NBSP, EM SPACE */
		{ "\xe3\x85\xa4\xe2\xa0\x80", 1 },             /* Hangul filler, Braille blank */
		{ "\x1b[2J.", 0 },
		{ "\xe5\xbc\xa0", 0 },                           /* 张 */
		{ "\x80", 0 },                                   /* invalid: shows U+FFFD */
	};
	char out[128];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		text_sanitize(out, sizeof out, cases[i].raw, strlen(cases[i].raw));
		if (text_blank(out) != cases[i].blank)
			fail_msg("case %zu", i);
	}
	assert_int_equal(text_blank(NULL), 1);
}

static void
test_json_nul(void **state)
{
	static const char raw[] = "{\"a\":\"x\0y\"}";

	assert_true(text_json_has_nul("{\"a\":\"x\\u0000y\"}", 15));
	assert_true(text_json_has_nul(raw, sizeof raw - 1));
	assert_false(text_json_has_nul("{\"a\":\"x\\\\u0000y\"}", 16));
	assert_false(text_json_has_nul("{\"a\":\"\\u00001\"}", 5));
	assert_false(text_json_has_nul("{\"u0000\":1}", 11));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_table),
		cmocka_unit_test(test_sanitize_small_buffer),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fit_small_buffer),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_json_nul),
	};

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
