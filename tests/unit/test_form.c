/*
 * test_form.c -- filling the identity and medical forms: live verdicts
 * while typing, the Luhn re-entry, and what form_ready() refuses.
 * "Today" is fixed at 2025-06-15.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "forms/form.h"

static const struct form_ctx ctx = { { 2025, 6, 15 } };

static int idx(const struct form_def *def, const char *key)
{
	int i = form_find(def, key);

	assert_true(i >= 0);
	return i;
}

static void set(struct form_state *st, const char *key, const char *v)
{
	form_set(st, idx(st->def, key), v);
}

static void fill_identity(struct form_state *st)
{
	form_start(st, &form_identity, &ctx);
	set(st, "id_number", "11010519491231002X");
	set(st, "name", "\xE5\xBC\xA0\xE4\xBC\x9F");
	set(st, "id_valid_until", "2031-05-01");
	set(st, "original_sighted", "y");
	set(st, "photocopy_taken", "y");
	set(st, "face", "pass");
	set(st, "fingerprint", "y");
}

static void test_identity_table(void **state)
{
	static const char *const keys[] = { "id_number", "name", "id_valid_until",
		"original_sighted", "photocopy_taken", "face", "fingerprint" };
	(void)state;
	assert_int_equal(form_identity.nfields, 7);
	for (int i = 0; i < 7; i++) {
		const struct field_def *f = &form_identity.fields[i];

		assert_string_equal(f->key, keys[i]);
		assert_true(f->flags & FIELD_REQUIRED);
		assert_non_null(f->label);
		assert_non_null(f->help);
	}
	assert_int_equal(form_find(&form_identity, "nope"), -1);
	assert_int_equal(form_medical.nfields, 5);
	assert_true(form_medical.fields[idx(&form_medical, "bank_card")].flags & FIELD_NOJOURNAL);
}

static void test_identity_ready(void **state)
{
	struct form_state st;
	int first = 99;

	(void)state;
	fill_identity(&st);
	assert_int_equal(form_ready(&st, &first), 0);
	assert_int_equal(first, -1);
	assert_string_equal(form_get_key(&st, "face"), "pass");
}

/* A field the service refused is shown refused, yet the form may go
 * again as it is (the service decides again); editing ends the refusal;
 * a value the form itself rejects is still held back. */
static void test_refused_by_service(void **state)
{
	struct form_state st;
	int first = 99, n;

	(void)state;
	fill_identity(&st);
	n = idx(&form_identity, "name");
	form_refuse(&st, n, "\x1b[31mRefused under a new rule.");
	assert_int_equal(st.status[n].verdict, VERDICT_BAD);
	assert_true(st.status[n].refused);
	assert_string_equal(st.status[n].msg, "Refused under a new rule.");
	assert_int_equal(form_ready(&st, &first), 0);
	assert_int_equal(first, -1);
	/* Refused twice: still the value's own verdict underneath. */
	form_refuse(&st, n, "Again.");
	assert_int_equal(form_ready(&st, &first), 0);
	set(&st, "name", "\xE6\x9D\x8E\xE5\x9B\x9B");
	assert_false(st.status[n].refused);
	assert_int_equal(st.status[n].verdict, VERDICT_OK);
	/* A value bad by the form's own checks stays bad, refused or not. */
	set(&st, "name", "\xE5\xBC\xA0" "3");
	form_refuse(&st, n, "No.");
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, n);
	assert_true(st.form_msg[0] != '\0');
	/* Out of range: nothing happens. */
	form_refuse(&st, -1, "x");
	form_refuse(&st, form_identity.nfields, "x");
}

/* form_ready() never refuses without a sentence. */
static void test_ready_always_says_why(void **state)
{
	struct form_state st;
	int first, n;

	(void)state;
	fill_identity(&st);
	n = idx(&form_identity, "name");
	st.status[n].verdict = VERDICT_BAD;
	st.status[n].msg[0] = '\0';
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, n);
	assert_non_null(strstr(st.form_msg, "not accepted"));
}

static void test_identity_face(void **state)
{
	static const struct { const char *face; const char *says; } cases[] = {
		{ "fail", "identity is not confirmed" },
		{ "not_done", "Run face recognition first." },
		{ "", "Run face recognition first." },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct form_state st;
		int first = -1;

		fill_identity(&st);
		set(&st, "face", cases[i].face);
		assert_int_equal(form_ready(&st, &first), -1);
		assert_int_equal(first, idx(&form_identity, "face"));
		assert_non_null(strstr(st.form_msg, cases[i].says));
	}
}

static void test_identity_face_fail_first(void **state)
{
	struct form_state st;
	int first = -1;

	(void)state;
	/* Fields are refused in form order; the face rule once they are fine. */
	fill_identity(&st);
	set(&st, "photocopy_taken", "");
	set(&st, "face", "fail");
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, idx(&form_identity, "photocopy_taken"));
	set(&st, "photocopy_taken", "y");
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, idx(&form_identity, "face"));
}

static void test_identity_ticks(void **state)
{
	static const char *const ticks[] = { "original_sighted", "photocopy_taken", "fingerprint" };
	(void)state;
	for (size_t i = 0; i < 3; i++) {
		struct form_state st;
		int first = -1;

		fill_identity(&st);
		set(&st, ticks[i], "");
		assert_int_equal(form_ready(&st, &first), -1);
		assert_int_equal(first, idx(&form_identity, ticks[i]));
		assert_string_equal(st.form_msg, "Tick every checklist item before submitting.");
	}
}

static void test_identity_missing_and_bad(void **state)
{
	struct form_state st;
	int first = -1;

	(void)state;
	fill_identity(&st);
	set(&st, "name", "   ");
	assert_int_equal(st.status[idx(&form_identity, "name")].verdict, VERDICT_EMPTY);
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, idx(&form_identity, "name"));
	assert_non_null(strstr(st.form_msg, "Name"));

	fill_identity(&st);
	set(&st, "id_valid_until", "2025-06-14");
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, idx(&form_identity, "id_valid_until"));
	assert_non_null(strstr(st.form_msg, "expired"));

	fill_identity(&st);
	set(&st, "id_number", "1101051949123100");
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, 0);
}

static void test_idnum_live(void **state)
{
	static const struct {
		const char *in;
		enum field_verdict v;
		const char *info;
		const char *msg;
	} cases[] = {
		{ "", VERDICT_EMPTY, "", "" },
		{ "1", VERDICT_PARTIAL, "", "" },
		{ "11", VERDICT_PARTIAL, "Beijing", "" },
		{ "83", VERDICT_BAD, "", "province" },
		{ "11010519491231", VERDICT_PARTIAL, "Born 1949-12-31 \xC2\xB7 Beijing", "" },
		{ "11010519491231002", VERDICT_PARTIAL,
		  "Born 1949-12-31 \xC2\xB7 female \xC2\xB7 Beijing", "" },
		{ "11010519491231002X", VERDICT_OK,
		  "Born 1949-12-31 \xC2\xB7 female \xC2\xB7 Beijing", "" },
		{ " 11010519491231002x ", VERDICT_OK, "Born 1949-12-31", "" },
		{ "440524188001010014", VERDICT_OK, "male \xC2\xB7 Guangdong", "" },
		{ "110105194912310021", VERDICT_BAD, "",
		  "Wrong check character: with these 17 digits it should be X. "
		  "Check the number against the ID card." },
		{ "11010519491231002X1", VERDICT_BAD, "", "delete the extra" },
		{ "1101051949A", VERDICT_BAD, "", "digits only" },
		{ "11010520230230", VERDICT_BAD, "", "birth date" },
		{ "11010520260101", VERDICT_BAD, "", "after today" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct form_state st;
		enum field_verdict v;

		form_start(&st, &form_identity, &ctx);
		v = form_set(&st, 0, cases[i].in);
		if (v != cases[i].v || strstr(st.status[0].info, cases[i].info) == NULL ||
		    strstr(st.status[0].msg, cases[i].msg) == NULL)
			fail_msg("%s: verdict %d info \"%s\" msg \"%s\"", cases[i].in, v,
			    st.status[0].info, st.status[0].msg);
	}
}

static void test_idnum_normalised(void **state)
{
	struct form_state st;

	(void)state;
	form_start(&st, &form_identity, &ctx);
	form_set(&st, 0, "11010519491231002x");
	assert_string_equal(form_get(&st, 0), "11010519491231002X");
	/* 20 bytes are kept so that "too long" can be seen, not more. */
	form_set(&st, 0, "1101051949123100211111");
	assert_int_equal(strlen(form_get(&st, 0)), 20);
	assert_int_equal(st.status[0].verdict, VERDICT_BAD);
}

static void test_validity_live(void **state)
{
	static const struct { const char *in; enum field_verdict v; const char *info; } cases[] = {
		{ "2", VERDICT_PARTIAL, "" },
		{ "2031-0", VERDICT_PARTIAL, "" },
		{ "2031050", VERDICT_PARTIAL, "" },
		{ "20310501", VERDICT_OK, "2031-05-01" },
		{ "2031-05-01", VERDICT_OK, "2031-05-01" },
		{ "2025-06-15", VERDICT_OK, "2025-06-15" },
		{ "2025-06-14", VERDICT_BAD, "" },
		{ "2031-13-01", VERDICT_BAD, "" },
		{ "2031/05", VERDICT_BAD, "" },
		{ "L", VERDICT_OK, "long-term" },
		{ "long", VERDICT_PARTIAL, "" },
		{ "long-term", VERDICT_OK, "long-term" },
		{ "\xE9\x95\xBF", VERDICT_PARTIAL, "" },
		{ "\xE9\x95\xBF\xE6\x9C\x9F", VERDICT_OK, "long-term" },
		{ "x", VERDICT_BAD, "" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct form_state st;
		int f;

		form_start(&st, &form_identity, &ctx);
		f = idx(&form_identity, "id_valid_until");
		if (form_set(&st, f, cases[i].in) != cases[i].v ||
		    strcmp(st.status[f].info, cases[i].info) != 0)
			fail_msg("%s: verdict %d info \"%s\"", cases[i].in,
			    st.status[f].verdict, st.status[f].info);
		if (cases[i].v == VERDICT_BAD)
			assert_true(st.status[f].msg[0] != '\0');
	}
}

static void test_name_field(void **state)
{
	struct form_state st;
	char big[200];
	int f;

	(void)state;
	form_start(&st, &form_identity, &ctx);
	f = idx(&form_identity, "name");
	assert_int_equal(form_set(&st, f, "\xE3\x80\x80\xE5\xBC\xA0\xE4\xBC\x9F "), VERDICT_OK);
	assert_string_equal(form_get(&st, f), "\xE5\xBC\xA0\xE4\xBC\x9F");
	assert_int_equal(form_set(&st, f, "\xE5\xBC\xA0" "3"), VERDICT_BAD);
	assert_true(st.status[f].msg[0] != '\0');

	/* 60 CJK characters (180 bytes) cut to 128 bytes on a boundary. */
	big[0] = '\0';
	for (int i = 0; i < 60; i++)
		strcat(big, "\xE5\xBC\xA0");
	form_set(&st, f, big);
	assert_int_equal(strlen(form_get(&st, f)), 126);
	assert_int_equal(st.status[f].verdict, VERDICT_BAD); /* 42 x 2 columns */
}

/* A value longer than the buffer is cut before the character the limit
 * falls in, also on a field whose own limit is the buffer's. */
static void test_set_long_value_cut_on_boundary(void **state)
{
	struct form_state st;
	char big[400];
	size_t o = 0;
	const char *v;
	int f;

	(void)state;
	form_start(&st, &form_medical, &ctx);
	f = idx(&form_medical, "name");
	big[o++] = 'a'; /* so that 3-byte characters straddle byte 255 */
	while (o + 3 < sizeof big) {
		memcpy(big + o, "\xE4\xB8\x80", 3);
		o += 3;
	}
	big[o] = '\0';
	form_set(&st, f, big);
	v = form_get(&st, f);
	assert_int_equal(strlen(v), 253); /* 'a' + 84 whole characters */
	assert_int_equal(memcmp(v + 250, "\xE4\xB8\x80", 3), 0);
}

/* Digits typed by a CJK input method in full-width mode, or pasted. */
static void test_fullwidth_digits(void **state)
{
	struct form_state st;
	int f;

	(void)state;
	form_start(&st, &form_identity, &ctx);
	f = idx(&form_identity, "id_number");
	/* １１０１０５１９４９１２３１００２Ｘ */
	assert_int_equal(form_set(&st, f,
	    "\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x95"
	    "\xEF\xBC\x91\xEF\xBC\x99\xEF\xBC\x94\xEF\xBC\x99\xEF\xBC\x91\xEF\xBC\x92"
	    "\xEF\xBC\x93\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\xB8"),
	    VERDICT_OK);
	assert_string_equal(form_get(&st, f), "11010519491231002X");
	/* full-width lowercase x too */
	assert_int_equal(form_set(&st, f, "11010519491231002\xEF\xBD\x98"), VERDICT_OK);
	assert_string_equal(form_get(&st, f), "11010519491231002X");
	f = idx(&form_identity, "id_valid_until");
	assert_int_equal(form_set(&st, f,
	    "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x93\xEF\xBC\x91\xEF\xBC\x8D"
	    "\xEF\xBC\x90\xEF\xBC\x95\xEF\xBC\x8D\xEF\xBC\x90\xEF\xBC\x91"), VERDICT_OK);
	assert_string_equal(form_get(&st, f), "2031-05-01");
	/* but not in a name: digits are refused there, whatever their width */
	f = idx(&form_identity, "name");
	assert_int_equal(form_set(&st, f, "\xE5\xBC\xA0\xEF\xBC\x93"), VERDICT_BAD);

	form_start(&st, &form_medical, &ctx);
	/* ６２２２　０２０２　００１１　２２３３　４４６ with U+3000 between */
	f = idx(&form_medical, "bank_card");
	assert_int_equal(form_set(&st, f,
	    "\xEF\xBC\x96\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xE3\x80\x80"
	    "\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xE3\x80\x80"
	    "\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x91\xE3\x80\x80"
	    "\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x93\xE3\x80\x80"
	    "\xEF\xBC\x94\xEF\xBC\x94\xEF\xBC\x96"), VERDICT_OK);
	assert_string_equal(form_get(&st, f), "6222020200112233446");
	f = idx(&form_medical, "phone");
	assert_int_equal(form_set(&st, f,
	    "\xEF\xBC\x91\xEF\xBC\x93\xEF\xBC\x98\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90"
	    "\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x91"), VERDICT_OK);
	assert_string_equal(form_get(&st, f), "13800000001");
}

static void test_choice_tick(void **state)
{
	struct form_state st;
	int face, tick;

	(void)state;
	form_start(&st, &form_identity, &ctx);
	face = idx(&form_identity, "face");
	tick = idx(&form_identity, "fingerprint");
	assert_int_equal(form_set(&st, face, "pass"), VERDICT_OK);
	assert_string_equal(st.status[face].info, "Passed");
	assert_int_equal(form_set(&st, face, "maybe"), VERDICT_BAD);
	assert_int_equal(form_set(&st, face, ""), VERDICT_EMPTY);
	assert_int_equal(form_set(&st, tick, "y"), VERDICT_OK);
	assert_int_equal(form_set(&st, tick, ""), VERDICT_EMPTY);
	assert_int_equal(form_set(&st, tick, "n"), VERDICT_BAD);
	assert_int_equal(form_set(&st, 99, "y"), VERDICT_BAD);
	assert_int_equal(form_set(&st, -1, "y"), VERDICT_BAD);
	assert_string_equal(form_get(&st, 99), "");
}

static void fill_medical(struct form_state *st)
{
	form_start(st, &form_medical, &ctx);
	set(st, "name", "\xE5\xBC\xA0\xE4\xBC\x9F");
	set(st, "id_masked", "110105********002X");
	set(st, "card", "C-0001");
	set(st, "phone", "13800000001");
}

static void test_medical_luhn_reentry(void **state)
{
	struct form_state st;
	int bank, first = -1;

	(void)state;
	fill_medical(&st);
	bank = idx(&form_medical, "bank_card");
	assert_int_equal(st.status[idx(&form_medical, "name")].verdict, VERDICT_OK);

	/* Spaces as read out from the card are dropped. */
	assert_int_equal(form_set(&st, bank, "6222 0202 0011 2233 445"), VERDICT_WARN);
	assert_string_equal(form_get(&st, bank), "6222020200112233445");
	assert_string_equal(st.status[bank].msg,
	    "The card number fails its check digit. Re-enter it to confirm, or correct it.");
	assert_false(st.confirmed[bank]);

	/* Submitting asks for the number again and clears the field. */
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, bank);
	assert_string_equal(form_get(&st, bank), "");
	assert_int_equal(st.status[bank].verdict, VERDICT_EMPTY);
	assert_string_equal(st.warned[bank], "6222020200112233445");
	assert_non_null(strstr(st.form_msg, "Re-enter the bank card number"));

	/* Typing it again, digit by digit, confirms it at the end. */
	assert_int_equal(form_set(&st, bank, "6222"), VERDICT_PARTIAL);
	assert_int_equal(form_set(&st, bank, "6222020200112233445"), VERDICT_OK);
	assert_true(st.confirmed[bank]);
	assert_string_equal(st.status[bank].info, "Confirmed by re-entry");
	assert_int_equal(form_ready(&st, &first), 0);

	/* A different failing number is not confirmed by the old one. */
	assert_int_equal(form_set(&st, bank, "6222020200112231"), VERDICT_WARN);
	assert_false(st.confirmed[bank]);
	assert_int_equal(form_ready(&st, &first), -1);
	assert_string_equal(st.warned[bank], "6222020200112231");
}

static void test_medical_fields(void **state)
{
	static const struct { const char *key, *in; enum field_verdict v; } cases[] = {
		{ "bank_card", "6222020200112230", VERDICT_OK },
		{ "bank_card", "6222 0202 0011 2230", VERDICT_OK },
		{ "bank_card", "6", VERDICT_PARTIAL },
		{ "bank_card", "622202020011223", VERDICT_PARTIAL },
		{ "bank_card", "4111", VERDICT_BAD },
		{ "bank_card", "62a", VERDICT_BAD },
		{ "bank_card", "62284800123456789030", VERDICT_BAD },
		{ "phone", "13800000001", VERDICT_OK },
		{ "phone", "138 0000 0001", VERDICT_OK },
		{ "phone", "1", VERDICT_PARTIAL },
		{ "phone", "138", VERDICT_PARTIAL },
		{ "phone", "12", VERDICT_BAD },
		{ "phone", "2", VERDICT_BAD },
		{ "phone", "138000000012", VERDICT_BAD },
		{ "phone", "1380000000a", VERDICT_BAD },
		{ "card", "C-0001", VERDICT_OK },
		{ "card", "", VERDICT_EMPTY },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct form_state st;
		enum field_verdict v;

		form_start(&st, &form_medical, &ctx);
		v = form_set(&st, idx(&form_medical, cases[i].key), cases[i].in);
		if (v != cases[i].v)
			fail_msg("%s=%s: verdict %d", cases[i].key, cases[i].in, v);
	}
}

static void test_medical_ready(void **state)
{
	struct form_state st;
	int first = -1;

	(void)state;
	fill_medical(&st);
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, idx(&form_medical, "bank_card"));
	set(&st, "bank_card", "6228480012345678903");
	set(&st, "phone", "1380000");
	assert_int_equal(form_ready(&st, &first), -1);
	assert_int_equal(first, idx(&form_medical, "phone"));
	set(&st, "phone", "13800000001");
	assert_int_equal(form_ready(&st, &first), 0);
	assert_int_equal(form_ready(&st, NULL), 0);
}

static void test_clear(void **state)
{
	struct form_state st;
	int first;

	(void)state;
	fill_medical(&st);
	set(&st, "bank_card", "6222020200112233445");
	form_ready(&st, &first);
	form_clear(&st);
	assert_ptr_equal(st.def, &form_medical);
	assert_int_equal(st.ctx.today.y, 2025);
	for (int i = 0; i < FORM_FIELDS_MAX; i++) {
		assert_string_equal(st.value[i], "");
		assert_string_equal(st.warned[i], "");
		assert_int_equal(st.status[i].verdict, VERDICT_EMPTY);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identity_table),
		cmocka_unit_test(test_identity_ready),
		cmocka_unit_test(test_refused_by_service),
		cmocka_unit_test(test_ready_always_says_why),
		cmocka_unit_test(test_identity_face),
		cmocka_unit_test(test_identity_face_fail_first),
		cmocka_unit_test(test_identity_ticks),
		cmocka_unit_test(test_identity_missing_and_bad),
		cmocka_unit_test(test_idnum_live),
		cmocka_unit_test(test_idnum_normalised),
		cmocka_unit_test(test_validity_live),
		cmocka_unit_test(test_name_field),
		cmocka_unit_test(test_set_long_value_cut_on_boundary),
		cmocka_unit_test(test_fullwidth_digits),
		cmocka_unit_test(test_choice_tick),
		cmocka_unit_test(test_medical_luhn_reentry),
		cmocka_unit_test(test_medical_fields),
		cmocka_unit_test(test_medical_ready),
		cmocka_unit_test(test_clear),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
