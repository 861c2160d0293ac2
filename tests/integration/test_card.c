/*
 * test_card.c -- the card services over real HTTPS against ssdesk-sim:
 * a PIN reset sealed to the key ssdesk-sim wrote with --seal-key-out
 * succeeds; the same sealed box sent again is refused (challenge_used);
 * a box sealed to another key is refused (pin_box_invalid: the mismatch
 * of a wrongly configured terminal); the PIN is in no file the test
 * directory holds (the simulator's log included).  Also the contribution
 * records decode, the remedy's order holds over the wire, and a loss
 * report is lifted and made again.
 *
 * Environment: SSDESK_TOP (default "."), SSDESK_BUILD (default "build").
 */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "net/api.h"
#include "net/seal.h"
#include "net/transport_https.h"
#include "tests/integration/itest.h"

#define TODAY ITEST_TODAY
#define TEST_PIN "582914"

static char lin_id[19], yang_id[19], zhou_id[19];

static int
group_setup(void **state)
{
	char seal[PATH_MAX];
	const char *extra[] = { "--seal-key-out", seal, NULL };

	if (itest_setup() != 0 ||
	    itest_demo_number("林晓雨", lin_id) != 0 ||
	    itest_demo_number("杨磊", yang_id) != 0 ||
	    itest_demo_number("周杰", zhou_id) != 0)
		return -1;
	itest_path(seal, sizeof seal, "seal.pub");
	return itest_sim_start(extra);
}

static struct api *
signed_in(void)
{
	struct api *a = itest_open_api(itest_port, NULL, 0, 0);
	struct itest_got g;

	assert_int_equal(itest_sign_in(a, "clerk01", "ssdesk-demo", "C-03",
	    &g), API_OK);
	return a;
}

static void
check(struct api *a, const char *id, const char *name,
    struct identity_result *out)
{
	struct identity_request ir = {
		.id_number = id, .name = name, .valid_until = "long-term",
		.original_sighted = true, .photocopy_taken = true,
		.face = FACE_PASS, .fingerprint = true,
	};
	struct itest_got g = { 0 };

	api_identity_check(a, &ir, itest_got_identity, &g);
	itest_run_got(a, &g);
	if (g.err.result != API_OK)
		fail_msg("identity: %s", g.err.code);
	*out = g.id;
}

/* A fresh challenge and the box of pin sealed with key k into box. */
static void
seal_for(struct api *a, const struct card_request *cr,
    const struct seal_key *k, const char *pin, char *box, size_t boxsz)
{
	struct itest_got g = { 0 };
	char key[37];
	struct card_request r = *cr;

	api_idempotency_key(key);
	r.idem_key = key;
	api_pin_challenge(a, &r, itest_got_challenge, &g);
	itest_run_got(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(seal_pin(box, boxsz, k, g.ch.challenge, pin), 0);
}

static enum api_result
send_box(struct api *a, const struct card_request *cr, const char *box,
    struct itest_got *g)
{
	char key[37];
	struct card_request r = *cr;

	memset(g, 0, sizeof *g);
	api_idempotency_key(key);
	r.idem_key = key;
	(r.sealed = box, api_write_app(a, SERVICE_PIN_RESET, &r, itest_got_app, g));
	itest_run_got(a, g);
	return g->err.result;
}

/* No file under dir holds needle. */
static void
nowhere(const char *needle)
{
	char cmd[PATH_MAX + 128];

	snprintf(cmd, sizeof cmd, "grep -rqF -- '%s' '%s'", needle, itest_dir);
	assert_int_not_equal(system(cmd), 0);
}

static void
test_pin_reset(void **state)
{
	struct api *a = signed_in();
	struct identity_result id;
	struct seal_key k, wrong;
	struct card_request cr = { 0 };
	struct itest_got g;
	char path[PATH_MAX], box[SEAL_BOX_B64];
	unsigned char other_pk[32], other_sk[32];

	snprintf(path, sizeof path, "%s/seal.pub", itest_dir);
	assert_int_equal(seal_key_load(&k, path), 0);
	check(a, lin_id, "林晓雨", &id);
	cr.check_id = id.check_id;
	cr.card_id = id.person.cards[0].card_id;

	seal_for(a, &cr, &k, TEST_PIN, box, sizeof box);
	if (send_box(a, &cr, box, &g) != API_OK)
		fail_msg("pin reset: %s", g.err.code);
	assert_int_equal(g.app.service, SERVICE_PIN_RESET);
	/* Replayed: the same box again, as a new request. */
	assert_int_equal(send_box(a, &cr, box, &g), API_REFUSED);
	assert_int_equal(g.err.http_status, 409);
	assert_string_equal(g.err.code, "challenge_used");
	assert_string_equal(g.err.field, "pin");

	/* A terminal configured with another key: the service cannot open
	 * the box, and says so. */
	crypto_box_keypair(other_pk, other_sk);
	wrong.set = true;
	memcpy(wrong.pk, other_pk, sizeof wrong.pk);
	seal_for(a, &cr, &wrong, TEST_PIN, box, sizeof box);
	assert_int_equal(send_box(a, &cr, box, &g), API_REFUSED);
	assert_string_equal(g.err.code, "pin_box_invalid");

	/* The PIN is in nothing written here: logs, keys, answers. */
	nowhere(TEST_PIN);
	api_free(a);
}

static void
test_remedy_and_contrib(void **state)
{
	struct api *a = signed_in();
	struct identity_result id;
	struct card_request cr = { 0 };
	struct itest_got g = { 0 };
	char key[37];

	check(a, yang_id, "杨磊", &id);
	cr.check_id = id.check_id;
	cr.card_id = id.person.cards[0].card_id;
	api_idempotency_key(key);
	cr.idem_key = key;
	api_write_app(a, SERVICE_CANCEL_LOSS, &cr, itest_got_app, &g);
	itest_run_got(a, &g);
	assert_string_equal(g.err.code, "financial_not_active");
	memset(&g, 0, sizeof g);
	cr.bank_card = "6222020200112233446";
	api_write_app(a, SERVICE_FINANCIAL, &cr, itest_got_app, &g);
	itest_run_got(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(g.app.card.fin, FN_ACTIVE);
	assert_int_equal(g.app.card.ss, FN_REPORTED_LOST);
	memset(&g, 0, sizeof g);
	cr.bank_card = NULL;
	api_idempotency_key(key);
	api_write_app(a, SERVICE_CANCEL_LOSS, &cr, itest_got_app, &g);
	itest_run_got(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(g.app.card.ss, FN_INACTIVE);

	memset(&g, 0, sizeof g);
	g.contrib = calloc(1, sizeof *g.contrib);
	assert_non_null(g.contrib);
	api_contributions_get(a, id.person.person_id, itest_got_contrib, &g);
	itest_run_got(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(g.contrib->n, 180);
	assert_true(g.contrib->pension_balance > 0);
	assert_string_equal(g.contrib->rec[0].month, "2026-10");
	free(g.contrib);
	api_free(a);
}

/* 周杰's card, lost: the report is lifted, then made again, over the
 * wire; the answers name the service and the card's new state. */
static void
test_loss_report(void **state)
{
	struct api *a = signed_in();
	struct identity_result id;
	struct card_request cr = { 0 };
	struct itest_got g = { 0 };
	char key[37];

	check(a, zhou_id, "周杰", &id);
	assert_int_equal(id.person.cards[0].state, CARD_LOST);
	cr.check_id = id.check_id;
	cr.card_id = id.person.cards[0].card_id;
	cr.idem_key = key;
	api_idempotency_key(key);
	api_write_app(a, SERVICE_LOSS_LIFT, &cr, itest_got_app, &g);
	itest_run_got(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(g.app.service, SERVICE_LOSS_LIFT);
	assert_int_equal(g.app.card.state, CARD_NORMAL);
	assert_memory_equal(g.app.application_id, "LL-", 3);
	memset(&g, 0, sizeof g);
	api_idempotency_key(key);
	api_write_app(a, SERVICE_LOSS_REPORT, &cr, itest_got_app, &g);
	itest_run_got(a, &g);
	assert_int_equal(g.err.result, API_OK);
	assert_int_equal(g.app.service, SERVICE_LOSS_REPORT);
	assert_int_equal(g.app.card.state, CARD_LOST);
	assert_non_null(strstr(g.app.next_steps, "until"));
	memset(&g, 0, sizeof g);
	api_idempotency_key(key);
	api_write_app(a, SERVICE_LOSS_REPORT, &cr, itest_got_app, &g);
	itest_run_got(a, &g);
	assert_int_equal(g.err.result, API_REFUSED);
	assert_string_equal(g.err.code, "card_lost");
	api_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pin_reset),
		cmocka_unit_test(test_remedy_and_contrib),
		cmocka_unit_test(test_loss_report),
	};

	signal(SIGPIPE, SIG_IGN);
	if (sodium_init() < 0)
		return 1;
	return itest_main(tests, group_setup);
}
