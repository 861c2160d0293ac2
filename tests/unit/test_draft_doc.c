/*
 * test_draft_doc.c -- the pairs of a clerk's draft: the waiting writes,
 * the refusals and the walk-in's facts round trip; the old "newborn" kind
 * is still read; damaged or missing fields skip one entry, never the rest
 * of the list; a doc that fills up keeps no half entry; the time it was
 * saved stays out of what is hashed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "forms/draft_doc.h"

static struct journal_doc doc;

static const struct draft_item item0 = {
	.kind = SERVICE_FINANCIAL,
	.path = "/v1/applications/financial-activation",
	.idem_key = "6c1b7d1a-5f0e-4b7b-8d4e-2a9f3c5e1b77",
	.body = "{\"check_id\":\"CHK-1\",\"bank_card\":\"6222020200112233440\"}",
	.note = "张伟 110105********0135",
	.queued_at = 1795651200,
};

static const struct draft_item item1 = {
	.kind = SERVICE_DECISION,
	.path = "/v1/approvals/APP-1",
	.idem_key = "0d2e4f60-1a3b-4c5d-8e9f-a0b1c2d3e4f5",
	.body = "{\"approve\":true}",
	.note = NULL,
	.queued_at = 0,
};

static void
assert_item(const struct draft_item *got, const struct draft_item *want)
{
	assert_int_equal(got->kind, want->kind);
	assert_string_equal(got->path, want->path);
	assert_string_equal(got->idem_key, want->idem_key);
	assert_string_equal(got->body, want->body);
	assert_string_equal(got->note, want->note ? want->note : "");
	assert_true(got->queued_at == want->queued_at);
}

/* A doc of raw pairs, as an older or damaged draft would hold them. */
static void
raw(struct journal_doc *d, const char *const pairs[])
{
	journal_doc_wipe(d);
	for (size_t i = 0; pairs[i] != NULL; i += 2)
		assert_int_equal(journal_put(d, pairs[i], pairs[i + 1]), 0);
}

static void
test_round_trip(void **state)
{
	struct draft_item it;
	struct draft_refusal r;
	struct draft_walkin w;

	assert_int_equal(draft_doc_start(&doc), 0);
	assert_int_equal(draft_doc_put_item(&doc, 0, &item0), 0);
	assert_int_equal(draft_doc_put_item(&doc, 1, &item1), 0);
	assert_int_equal(draft_doc_put_refusal(&doc, 0, &(struct draft_refusal){
	    .kind = SERVICE_MEDICAL, .when = "2026-11-22 09:30",
	    .note = "张伟", .why = "The card is reported lost." }), 0);
	assert_int_equal(draft_doc_put_walkin(&doc, &(struct draft_walkin){
	    .screen = "Identity check", .focus = 3,
	    .person_id = "P-0001" }), 0);
	assert_int_equal(journal_put(&doc, "identity", "identity"), 0);
	assert_int_equal(draft_doc_finish(&doc, "2026-11-22 09:31"), 0);
	assert_true(journal_well_formed(&doc));
	assert_string_equal(journal_get(&doc, "v"), DRAFT_DOC_VERSION);
	assert_string_equal(journal_get(&doc, "outbox.0.kind"),
	    "financial-activation");

	assert_int_equal(draft_doc_get_item(&doc, 0, &it), DRAFT_DOC_GOT);
	assert_item(&it, &item0);
	assert_int_equal(draft_doc_get_item(&doc, 1, &it), DRAFT_DOC_GOT);
	assert_item(&it, &item1);
	assert_int_equal(draft_doc_get_item(&doc, 2, &it), DRAFT_DOC_END);

	assert_int_equal(draft_doc_get_refusal(&doc, 0, &r), DRAFT_DOC_GOT);
	assert_int_equal(r.kind, SERVICE_MEDICAL);
	assert_string_equal(r.when, "2026-11-22 09:30");
	assert_string_equal(r.note, "张伟");
	assert_string_equal(r.why, "The card is reported lost.");
	assert_int_equal(draft_doc_get_refusal(&doc, 1, &r), DRAFT_DOC_END);

	assert_true(draft_doc_get_walkin(&doc, &w));
	assert_string_equal(w.screen, "Identity check");
	assert_int_equal(w.focus, 3);
	assert_string_equal(w.person_id, "P-0001");
	assert_string_equal(draft_doc_saved_at(&doc), "2026-11-22 09:31");
	journal_doc_wipe(&doc);
}

/* The outbox alone: no walk-in, no person. */
static void
test_outbox_alone(void **state)
{
	struct draft_walkin w;
	struct draft_item it;

	assert_int_equal(draft_doc_start(&doc), 0);
	assert_int_equal(draft_doc_put_item(&doc, 0, &item1), 0);
	assert_int_equal(draft_doc_finish(&doc, "2026-11-22 09:31"), 0);
	assert_false(draft_doc_get_walkin(&doc, &w));
	assert_int_equal(draft_doc_get_item(&doc, 0, &it), DRAFT_DOC_GOT);
	/* A walk-in not checked yet writes no person_id. */
	assert_int_equal(draft_doc_put_walkin(&doc, &(struct draft_walkin){
	    .screen = "Identity check", .focus = -1, .person_id = "" }), 0);
	assert_null(journal_get(&doc, "person_id"));
	assert_true(draft_doc_get_walkin(&doc, &w));
	assert_int_equal(w.focus, -1);
	assert_null(w.person_id);
	journal_doc_wipe(&doc);
}

static void
test_kinds(void **state)
{
	struct draft_refusal r;

	/* Drafts written before the names were one. */
	assert_int_equal(draft_doc_kind_of("newborn"), SERVICE_NEWBORN);
	assert_int_equal(draft_doc_kind_of("newborn-registration"),
	    SERVICE_NEWBORN);
	assert_int_equal(draft_doc_kind_of("medical-activation"),
	    SERVICE_MEDICAL);
	/* A write that never waits, an unknown one, none. */
	assert_int_equal(draft_doc_kind_of("pin-reset"), SERVICE_UNKNOWN);
	assert_int_equal(draft_doc_kind_of("query"), SERVICE_UNKNOWN);
	assert_int_equal(draft_doc_kind_of("teleport"), SERVICE_UNKNOWN);
	assert_int_equal(draft_doc_kind_of(""), SERVICE_UNKNOWN);
	assert_int_equal(draft_doc_kind_of(NULL), SERVICE_UNKNOWN);
	/* Every kind that may wait round trips by its wire name. */
	for (int k = 0; k < SERVICE_N; k++)
		if (service_has((enum service_id)k, SERVICE_OUTBOX))
			assert_int_equal(draft_doc_kind_of(service_wire(
			    (enum service_id)k)), k);

	raw(&doc, (const char *const[]){
	    "refused.0.kind", "newborn", "refused.0.why", "No.", NULL });
	assert_int_equal(draft_doc_get_refusal(&doc, 0, &r), DRAFT_DOC_GOT);
	assert_int_equal(r.kind, SERVICE_NEWBORN);
	assert_string_equal(r.why, "No.");
	assert_string_equal(r.when, "");
	assert_string_equal(r.note, "");

	/* What could not be read back is never written. */
	journal_doc_wipe(&doc);
	assert_int_equal(draft_doc_put_item(&doc, 0, &(struct draft_item){
	    .kind = SERVICE_PIN_RESET, .path = "/p", .idem_key = "k",
	    .body = "{}" }), -1);
	assert_int_equal(draft_doc_put_item(&doc, 0, &(struct draft_item){
	    .kind = SERVICE_UNKNOWN, .path = "/p", .idem_key = "k",
	    .body = "{}" }), -1);
	assert_int_equal(draft_doc_put_item(&doc, 0, &(struct draft_item){
	    .kind = SERVICE_N, .path = "/p", .idem_key = "k",
	    .body = "{}" }), -1);
	assert_int_equal(draft_doc_put_item(&doc, 0, &(struct draft_item){
	    .kind = SERVICE_MEDICAL, .path = "/p", .idem_key = NULL,
	    .body = "{}" }), -1);
	assert_int_equal(draft_doc_put_refusal(&doc, 0, &(struct draft_refusal){
	    .kind = SERVICE_QUERY }), -1);
	assert_int_equal(doc.len, 0);
}

/* A damaged entry is skipped; the ones after it are still read. */
static void
test_damaged(void **state)
{
	struct draft_item it;
	struct draft_refusal r;
	struct draft_walkin w;

	raw(&doc, (const char *const[]){
	    "outbox.0.kind", "teleport", "outbox.0.path", "/x",
	    "outbox.0.key", "k0", "outbox.0.body", "{}",
	    "outbox.1.kind", "financial-activation", "outbox.1.path", "/y",
	    "outbox.1.body", "{}",
	    "outbox.2.kind", "new-card", "outbox.2.path", "/z",
	    "outbox.2.key", "k2", "outbox.2.body", "{}",
	    "outbox.2.at", "12abc",
	    "outbox.3.kind", "newborn", "outbox.3.path", "/n",
	    "outbox.3.key", "k3", "outbox.3.body", "{}",
	    "outbox.3.at", "-5",
	    "refused.0.kind", "pin-reset", "refused.1.kind", "cancel-loss",
	    "screen", "Person", "focus", "two", NULL });
	assert_int_equal(draft_doc_get_item(&doc, 0, &it), DRAFT_DOC_SKIP);
	/* No key: it cannot be asked about, nor sent. */
	assert_int_equal(draft_doc_get_item(&doc, 1, &it), DRAFT_DOC_SKIP);
	/* An unreadable time is "not known", the rest stands. */
	assert_int_equal(draft_doc_get_item(&doc, 2, &it), DRAFT_DOC_GOT);
	assert_int_equal(it.kind, SERVICE_NEW_CARD);
	assert_true(it.queued_at == 0);
	assert_string_equal(it.note, "");
	assert_int_equal(draft_doc_get_item(&doc, 3, &it), DRAFT_DOC_GOT);
	assert_int_equal(it.kind, SERVICE_NEWBORN);
	assert_true(it.queued_at == -5);
	assert_int_equal(draft_doc_get_item(&doc, 4, &it), DRAFT_DOC_END);
	assert_int_equal(draft_doc_get_refusal(&doc, 0, &r), DRAFT_DOC_SKIP);
	assert_int_equal(draft_doc_get_refusal(&doc, 1, &r), DRAFT_DOC_GOT);
	assert_int_equal(r.kind, SERVICE_CANCEL_LOSS);
	assert_int_equal(draft_doc_get_refusal(&doc, 2, &r), DRAFT_DOC_END);
	assert_true(draft_doc_get_walkin(&doc, &w));
	assert_int_equal(w.focus, -1);
	assert_null(w.person_id);
	assert_null(draft_doc_saved_at(&doc));

	/* An older draft: no lists, no version. */
	raw(&doc, (const char *const[]){ "screen", "Identity check", NULL });
	assert_int_equal(draft_doc_get_item(&doc, 0, &it), DRAFT_DOC_END);
	assert_int_equal(draft_doc_get_refusal(&doc, 0, &r), DRAFT_DOC_END);
	journal_doc_wipe(&doc);
}

/* A doc that fills up keeps whole entries only. */
static void
test_full(void **state)
{
	static char body[JOURNAL_DOC_MAX / 3];
	struct draft_item big = item0, it;
	size_t n, len;

	memset(body, 'x', sizeof body - 1);
	big.body = body;
	assert_int_equal(draft_doc_start(&doc), 0);
	for (n = 0; draft_doc_put_item(&doc, n, &big) == 0; n++)
		;
	assert_int_equal(n, 2);
	len = doc.len;
	assert_true(journal_well_formed(&doc));
	assert_int_equal(draft_doc_get_item(&doc, 2, &it), DRAFT_DOC_END);
	assert_int_equal(draft_doc_get_item(&doc, 1, &it), DRAFT_DOC_GOT);
	assert_int_equal(strlen(it.body), sizeof body - 1);
	/* What was cut back is wiped, not only forgotten. */
	for (size_t i = len; i < sizeof doc.data; i++)
		assert_int_equal(doc.data[i], 0);
	/* The walk-in's facts, all or none. */
	while (journal_put(&doc, "pad", "") == 0 &&
	    sizeof doc.data - doc.len > 40)
		;
	len = doc.len;
	assert_int_equal(draft_doc_put_walkin(&doc, &(struct draft_walkin){
	    .screen = "Identity check", .focus = 1, .person_id = body }), -1);
	assert_int_equal(doc.len, len);
	journal_doc_wipe(&doc);
}

/* The hash leaves out the time: the same draft saved twice is the same. */
static void
test_hashed_len(void **state)
{
	static struct journal_doc other;

	assert_int_equal(draft_doc_start(&doc), 0);
	assert_int_equal(draft_doc_put_item(&doc, 0, &item1), 0);
	assert_int_equal(draft_doc_hashed_len(&doc), doc.len);
	other = doc;
	assert_int_equal(draft_doc_finish(&doc, "2026-11-22 09:31"), 0);
	assert_int_equal(draft_doc_finish(&other, "2026-11-22 10:47"), 0);
	assert_int_equal(draft_doc_hashed_len(&doc), other.len -
	    sizeof "saved_at" - sizeof "2026-11-22 10:47");
	assert_int_equal(draft_doc_hashed_len(&doc),
	    draft_doc_hashed_len(&other));
	assert_memory_equal(doc.data, other.data, draft_doc_hashed_len(&doc));
	journal_doc_wipe(&doc);
	journal_doc_wipe(&other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_outbox_alone),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_hashed_len),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
