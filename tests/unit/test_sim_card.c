/*
 * test_sim_card.c -- the simulator's card services: the PIN reset's
 * sealed box (opened, tampered, replayed, wrong key, weak PIN), the
 * 300-day rule at 299/300/301 days and the remedy's order (financial
 * first, then cancel the loss report), replacement after loss, a first
 * card, the contribution records, and the temporary loss report: its
 * lifting, its lapse after 7 days, and a report made final.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim.h"

#include "tests/unit/simtest.h"

/* A request with the session's token and a fresh Idempotency-Key. */
static int
call(struct t *t, const char *method, const char *path, const char *body)
{
	char key[40];

	snprintf(key, sizeof key, "k-%u", ++t->key);
	return t_call(t, method, path, t->token[0] ? t->token : NULL, key,
	    body);
}

static void
refused(struct t *t, int status, const char *code)
{
	assert_int_equal(t->status, status);
	assert_string_equal(t_str(t->json, "code"), code);
}

static void
checked(struct t *t, const char *name)
{
	char body[512];

	snprintf(body, sizeof body, "{\"id_number\":\"%s\",\"name\":\"%s\","
	    "\"id_valid_until\":\"long-term\",\"checklist\":{"
	    "\"original_sighted\":true,\"photocopy_taken\":true,\"face\":"
	    "\"pass\",\"fingerprint\":true}}", t_number(t, name), name);
	assert_int_equal(call(t, "POST", "/v1/identity-checks", body), 201);
	snprintf(t->check, sizeof t->check, "%s", t_str(t->json, "check_id"));
}

static int
card_call(struct t *t, const char *path, const char *card, const char *extra)
{
	char body[1024];

	snprintf(body, sizeof body, "{\"check_id\":\"%s\",\"card_id\":\"%s\"%s}",
	    t->check, card, extra ? extra : "");
	return call(t, "POST", path, body);
}

/* ---- PIN reset ------------------------------------------------------- */

/* A challenge for card; the sealed box of challenge||pin into b64. */
static void
sealed(struct t *t, const char *card, const char *pin, const unsigned char *pk,
    char *b64, size_t b64sz, bool tamper)
{
	unsigned char plain[38], box[38 + crypto_box_SEALBYTES];
	size_t len;

	assert_int_equal(card_call(t, "/v1/pin-challenges", card, NULL), 201);
	assert_int_equal(sodium_base642bin(plain, 32,
	    t_str(t->json, "challenge"),
	    strlen(t_str(t->json, "challenge")), NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL), 0);
	assert_int_equal(len, 32);
	memcpy(plain + 32, pin, 6);
	assert_int_equal(crypto_box_seal(box, plain, sizeof plain, pk), 0);
	if (tamper)
		box[sizeof box / 2] ^= 1;
	sodium_bin2base64(b64, b64sz, box, sizeof box,
	    sodium_base64_VARIANT_ORIGINAL);
}

static int
reset(struct t *t, const char *card, const char *b64)
{
	char extra[256];

	snprintf(extra, sizeof extra, ",\"sealed_pin\":\"%s\"", b64);
	return card_call(t, "/v1/applications/pin-reset", card, extra);
}

static void test_pin_reset(void **state)
{
	struct t *t = *state;
	unsigned char pk[32], other_pk[32], other_sk[32];
	char b64[128];

	sim_seal_public_key(t->s, pk);
	checked(t, "林晓雨");
	sealed(t, "C-0200", "582914", pk, b64, sizeof b64, false);
	assert_int_equal(reset(t, "C-0200", b64), 201);
	assert_string_equal(t_str(t->json, "service"), "pin-reset");
	assert_null(strstr(t->raw, "582914"));
	/* The same box again (a new request): its challenge is spent. */
	assert_int_equal(reset(t, "C-0200", b64), 409);
	refused(t, 409, "challenge_used");

	/* Tampered: cannot be opened. */
	sealed(t, "C-0200", "582914", pk, b64, sizeof b64, true);
	assert_int_equal(reset(t, "C-0200", b64), 422);
	refused(t, 422, "pin_box_invalid");

	/* Sealed to a key that is not the service's. */
	crypto_box_keypair(other_pk, other_sk);
	sealed(t, "C-0200", "582914", other_pk, b64, sizeof b64, false);
	assert_int_equal(reset(t, "C-0200", b64), 422);
	refused(t, 422, "pin_box_invalid");

	/* Weak PINs are refused by the service too, and spend the challenge. */
	sealed(t, "C-0200", "111111", pk, b64, sizeof b64, false);
	assert_int_equal(reset(t, "C-0200", b64), 422);
	refused(t, 422, "pin_weak");
	assert_int_equal(reset(t, "C-0200", b64), 409);
	sealed(t, "C-0200", "910417", pk, b64, sizeof b64, false); /* YYMMDD */
	assert_int_equal(reset(t, "C-0200", b64), 422);
	refused(t, 422, "pin_weak");

	/* Issued for another card: unknown there. */
	sealed(t, "C-0200", "582914", pk, b64, sizeof b64, false);
	checked(t, "梁文");
	assert_int_equal(reset(t, "C-0202", b64), 422);
	refused(t, 422, "challenge_unknown");
	/* A lost card gets no challenge. */
	checked(t, "周杰");
	assert_int_equal(card_call(t, "/v1/pin-challenges", "C-0010", NULL),
	    422);
	refused(t, 422, "card_lost");
}

/* ---- financial activation and the remedy ------------------------------ */

static const char *
ss_of(struct t *t, const char *person, int i)
{
	char path[64];

	snprintf(path, sizeof path, "/v1/persons/%s", person);
	assert_int_equal(call(t, "GET", path, NULL), 200);
	return t_str(cJSON_GetArrayItem(
	    cJSON_GetObjectItemCaseSensitive(t->json, "cards"), i), "ss");
}

static void test_deadline_days(void **state)
{
	struct t *t = *state;

	assert_string_equal(ss_of(t, "P-0009", 0), "inactive");       /* 299 */
	assert_string_equal(ss_of(t, "P-0008", 0), "inactive");       /* 300 */
	assert_string_equal(ss_of(t, "P-0007", 0), "reported_lost");  /* 301 */
}

#define BANK ",\"bank_card\":\"6222020200112233446\""

static void test_remedy_order(void **state)
{
	struct t *t = *state;

	checked(t, "杨磊");
	/* Cancel first: refused, the financial function is off. */
	assert_int_equal(card_call(t, "/v1/applications/cancel-loss", "C-0007",
	    NULL), 422);
	refused(t, 422, "financial_not_active");
	assert_int_equal(card_call(t, "/v1/applications/financial-activation",
	    "C-0007", ",\"bank_card\":\"12\""), 422);
	refused(t, 422, "bank_card_invalid");
	assert_int_equal(card_call(t, "/v1/applications/financial-activation",
	    "C-0007", ",\"bank_card\":\"6222020200112233445\""), 422);
	refused(t, 422, "bank_card_luhn");
	assert_int_equal(card_call(t, "/v1/applications/financial-activation",
	    "C-0007", BANK), 201);
	/* Enabling the financial function does not lift the loss report. */
	assert_string_equal(t_str(cJSON_GetObjectItemCaseSensitive(t->json,
	    "card"), "ss"), "reported_lost");
	assert_string_equal(ss_of(t, "P-0007", 0), "reported_lost");
	assert_int_equal(card_call(t, "/v1/applications/financial-activation",
	    "C-0007", BANK), 409);
	refused(t, 409, "already_active");
	assert_int_equal(card_call(t, "/v1/applications/cancel-loss", "C-0007",
	    NULL), 201);
	assert_string_equal(t_str(t->json, "service"), "cancel-loss");
	assert_string_equal(ss_of(t, "P-0007", 0), "inactive");
	assert_int_equal(card_call(t, "/v1/applications/cancel-loss", "C-0007",
	    NULL), 409);
	refused(t, 409, "not_reported_lost");
	/* In time: financial activation leaves nothing to cancel. */
	checked(t, "赵敏");
	assert_int_equal(card_call(t, "/v1/applications/financial-activation",
	    "C-0008", BANK), 201);
	assert_string_equal(ss_of(t, "P-0008", 0), "inactive");
}

/* ---- cards ------------------------------------------------------------ */

static void test_replacement(void **state)
{
	struct t *t = *state;
	char id[32];

	checked(t, "梁文");
	assert_int_equal(card_call(t, "/v1/applications/card-replacement",
	    "C-0202", NULL), 201);
	assert_string_equal(t_str(t->json, "service"), "card-replacement");
	snprintf(id, sizeof id, "%s", t_str(cJSON_GetObjectItemCaseSensitive(
	    t->json, "card"), "card_id"));
	assert_string_not_equal(id, "C-0202");
	assert_int_equal(call(t, "GET", "/v1/persons/P-0202", NULL), 200);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
	    t->json, "cards")), 2);
	assert_string_equal(t_str(cJSON_GetArrayItem(
	    cJSON_GetObjectItemCaseSensitive(t->json, "cards"), 0), "state"),
	    "lost");
	/* The lost card cannot be activated, nor replaced twice. */
	assert_int_equal(card_call(t, "/v1/applications/financial-activation",
	    "C-0202", BANK), 422);
	refused(t, 422, "card_lost");
	assert_int_equal(card_call(t, "/v1/applications/card-replacement",
	    "C-0202", NULL), 409);
	refused(t, 409, "already_replaced");
	/* A card already lost (周杰) is replaced the same way. */
	checked(t, "周杰");
	assert_int_equal(card_call(t, "/v1/applications/card-replacement",
	    "C-0010", NULL), 201);
}

static void test_new_card(void **state)
{
	struct t *t = *state;
	char body[128];

	checked(t, "高建国");
	snprintf(body, sizeof body, "{\"check_id\":\"%s\"}", t->check);
	assert_int_equal(call(t, "POST", "/v1/applications/new-card", body),
	    201);
	assert_string_equal(t_str(t->json, "service"), "new-card");
	assert_int_equal(call(t, "POST", "/v1/applications/new-card", body),
	    409);
	refused(t, 409, "card_exists");
	checked(t, "张伟");
	snprintf(body, sizeof body, "{\"check_id\":\"%s\"}", t->check);
	assert_int_equal(call(t, "POST", "/v1/applications/new-card", body),
	    409);
}

/* The parent 胡明 registers 胡小宝 (born 2026-10-23): the child's first
 * card comes with the answer, and only the check that registered the
 * child may set its PIN (the child's rules: its birth date is weak). */
static void test_newborn_pin(void **state)
{
	struct t *t = *state;
	unsigned char pk[32];
	char body[256], reg_check[32], card[32], b64[128];
	const cJSON *c;

	sim_seal_public_key(t->s, pk);
	checked(t, "胡明");
	snprintf(reg_check, sizeof reg_check, "%s", t->check);
	snprintf(body, sizeof body, "{\"check_id\":\"%s\",\"register_no\":"
	    "\"HH-0100\",\"member_no\":5,\"commitment_confirmed\":true}",
	    t->check);
	assert_int_equal(call(t, "POST", "/v1/applications/newborn", body),
	    201);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
	    t->json, "results")), 3);
	c = cJSON_GetObjectItemCaseSensitive(t->json, "card");
	snprintf(card, sizeof card, "%s", t_str(c, "card_id"));
	assert_string_equal(card, "C-0250");          /* the issued range */
	assert_string_equal(t_str(c, "number_masked"), "B0****250");
	assert_string_equal(t_str(c, "received_on"), "2026-11-22");
	/* The child is an insured person with that card now. */
	assert_int_equal(call(t, "GET", "/v1/persons/P-0900", NULL), 200);
	assert_string_equal(t_str(t->json, "name"), "胡小宝");
	assert_string_equal(t_str(cJSON_GetArrayItem(
	    cJSON_GetObjectItemCaseSensitive(t->json, "cards"), 0), "card_id"),
	    card);
	assert_int_equal(call(t, "GET", "/v1/households/HH-0100", NULL), 200);
	assert_string_equal(t_str(cJSON_GetArrayItem(
	    cJSON_GetObjectItemCaseSensitive(t->json, "members"), 4),
	    "person_id"), "P-0900");

	/* The registering check: the child's birth date (YYMMDD) is weak,
	 * another PIN is set. */
	sealed(t, card, "261023", pk, b64, sizeof b64, false);
	assert_int_equal(reset(t, card, b64), 422);
	refused(t, 422, "pin_weak");
	sealed(t, card, "582914", pk, b64, sizeof b64, false);
	assert_int_equal(reset(t, card, b64), 201);
	assert_string_equal(t_str(t->json, "service"), "pin-reset");
	assert_string_equal(t_str(cJSON_GetObjectItemCaseSensitive(t->json,
	    "card"), "card_id"), card);
	/* The PIN only: no other service on the child's card. */
	assert_int_equal(card_call(t, "/v1/applications/financial-activation",
	    card, BANK), 404);
	refused(t, 404, "card_unknown");

	/* Any other check is refused: the other parent's, the same parent's
	 * next check. */
	checked(t, "郭芳");
	assert_int_equal(card_call(t, "/v1/pin-challenges", card, NULL), 404);
	refused(t, 404, "card_unknown");
	checked(t, "胡明");
	assert_string_not_equal(t->check, reg_check);
	assert_int_equal(card_call(t, "/v1/pin-challenges", card, NULL), 404);
	refused(t, 404, "card_unknown");
	/* The parent's own card is still theirs. */
	assert_int_equal(card_call(t, "/v1/pin-challenges", "C-0103", NULL),
	    201);

	/* A reset forgets the newborn and its card. */
	sim_reset(t->s);
	assert_int_equal(call(t, "GET", "/v1/persons/P-0900", NULL), 404);
}

static void test_contributions(void **state)
{
	struct t *t = *state;
	const cJSON *r;

	assert_int_equal(call(t, "GET", "/v1/contributions/P-0200", NULL), 200);
	r = cJSON_GetObjectItemCaseSensitive(t->json, "records");
	assert_int_equal(cJSON_GetArraySize(r), 36 * 5);
	assert_string_equal(t_str(cJSON_GetArrayItem(r, 0), "month"),
	    "2026-10");
	assert_true(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(t->json,
	    "pension_balance")));
	assert_int_equal(call(t, "GET", "/v1/contributions/P-9999", NULL), 404);
}

/* ---- the temporary loss report ----------------------------------------- */

/* The state of person's card i, as the service lists it. */
static const char *
card_state(struct t *t, const char *person, int i)
{
	char path[64];

	snprintf(path, sizeof path, "/v1/persons/%s", person);
	assert_int_equal(call(t, "GET", path, NULL), 200);
	return t_str(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
	    t->json, "cards"), i), "state");
}

/* Reported lost: the card is suspended (its services refused), the
 * answer says until when, a second report and a lift of a working card
 * are refused; lifted: it works again. */
static void test_loss_report(void **state)
{
	struct t *t = *state;

	checked(t, "张伟");
	assert_int_equal(card_call(t, "/v1/applications/loss-lift", "C-0001",
	    NULL), 409);
	refused(t, 409, "not_lost");
	assert_int_equal(card_call(t, "/v1/applications/loss-report",
	    "C-0001", NULL), 201);
	assert_string_equal(t_str(t->json, "service"), "loss-report");
	assert_memory_equal(t_str(t->json, "application_id"), "LR-20261122-",
	    12);
	assert_non_null(strstr(t_str(t->json, "next_steps"), "until 2026-11-29"));
	assert_string_equal(card_state(t, "P-0001", 0), "lost");
	assert_int_equal(card_call(t, "/v1/applications/medical-activation",
	    "C-0001", ",\"bank_card\":\"6222020200112233446\","
	    "\"phone\":\"13800000001\",\"luhn_confirmed\":false"), 422);
	refused(t, 422, "card_lost");
	assert_int_equal(card_call(t, "/v1/applications/loss-report",
	    "C-0001", NULL), 422);
	refused(t, 422, "card_lost");
	assert_int_equal(card_call(t, "/v1/applications/loss-lift", "C-0001",
	    NULL), 201);
	assert_string_equal(t_str(t->json, "service"), "loss-lift");
	assert_string_equal(card_state(t, "P-0001", 0), "normal");
	/* Lifted, the report does not lapse later onto a card lost again:
	 * reported anew 4 days on, it holds 8 days after the first. */
	sim_advance_clock(t->s, 4L * 86400);
	t_signin(t, "clerk01");
	checked(t, "张伟");
	assert_int_equal(card_call(t, "/v1/applications/loss-report",
	    "C-0001", NULL), 201);
	sim_advance_clock(t->s, 4L * 86400);
	t_signin(t, "clerk01");
	assert_string_equal(card_state(t, "P-0001", 0), "lost");
}

/* Seven days on, a temporary report lapses and the card works again;
 * made final by a replacement, it never lapses. */
static void test_loss_lapse(void **state)
{
	struct t *t = *state;

	checked(t, "张伟");
	assert_int_equal(card_call(t, "/v1/applications/loss-report",
	    "C-0001", NULL), 201);
	checked(t, "梁文");
	assert_int_equal(card_call(t, "/v1/applications/loss-report",
	    "C-0202", NULL), 201);
	assert_int_equal(card_call(t, "/v1/applications/card-replacement",
	    "C-0202", NULL), 201);
	sim_advance_clock(t->s, 7L * 86400 - 60);
	t_signin(t, "clerk01");
	assert_string_equal(card_state(t, "P-0001", 0), "lost");
	sim_advance_clock(t->s, 120);
	assert_string_equal(card_state(t, "P-0001", 0), "normal");
	assert_string_equal(card_state(t, "P-0202", 0), "lost");
	/* Made final: lifting is refused, the new card is the one. */
	checked(t, "梁文");
	assert_int_equal(card_call(t, "/v1/applications/loss-lift", "C-0202",
	    NULL), 409);
	refused(t, 409, "already_replaced");
}

/* A lost card beside a newer one in use was replaced before the data
 * began (欧阳娜娜): its report stays; a lone lost card (周杰) lifts. */
static void test_loss_superseded(void **state)
{
	struct t *t = *state;

	checked(t, "欧阳娜娜");
	assert_int_equal(card_call(t, "/v1/applications/loss-lift", "C-0011",
	    NULL), 409);
	refused(t, 409, "already_replaced");
	checked(t, "周杰");
	assert_int_equal(card_call(t, "/v1/applications/loss-lift", "C-0010",
	    NULL), 201);
	assert_string_equal(card_state(t, "P-0010", 0), "normal");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(n) cmocka_unit_test_setup_teardown(n, t_setup, t_teardown)
		T(test_pin_reset),
		T(test_deadline_days),
		T(test_remedy_order),
		T(test_replacement),
		T(test_new_card),
		T(test_newborn_pin),
		T(test_contributions),
		T(test_loss_report),
		T(test_loss_lapse),
		T(test_loss_superseded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
