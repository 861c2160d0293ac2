/*
 * sim_card.c -- the simulator's card services (docs/api.md): PIN reset
 * sealed end to end, financial activation, cancelling the 300-day loss
 * report, card replacement after loss, a first card, and the temporary
 * loss report and its lifting.  The medical activation is
 * sim/sim_medical.c's.
 *
 * A PIN arrives only in a sealed box (net/seal.h) with a challenge this
 * service issued for (check, card); it is opened with the sealing secret
 * key, checked against the weak-PIN rules, and only its Argon2id hash is
 * kept.  The plaintext is wiped at once.
 */
#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/check.h"
#include "forms/deadline.h"
#include "forms/pin.h"
#include "forms/wire.h"
#include "sim/sim_internal.h"

/* The sealed PIN's sizes are the contract's (forms/wire.h), and so are
 * the times the refusals below say. */
_Static_assert(WIRE_CHECK_SECONDS == 60 * 60, "check_unknown says 60 minutes");
_Static_assert(WIRE_PIN_CHALLENGE_SECONDS == 10 * 60,
    "challenge_unknown says 10 minutes");
#define SIM_BOX_BYTES (WIRE_PIN_PLAIN_BYTES + crypto_box_SEALBYTES)

void
sim_seal_public_key(const struct sim *s, unsigned char pk[32])
{
	memcpy(pk, s->seal_pk, crypto_box_PUBLICKEYBYTES);
}

struct sim_card *
sim_check_card(struct sim *s, struct sim_session *ss, const char *check_id,
    const char *card_id, struct sim_answer *a, struct sim_person **pp,
    int *status)
{
	struct sim_check *ck = sim_check_find(s, check_id, ss->staff);
	struct sim_person *p;
	struct sim_card *c = NULL;

	if (ck == NULL) {
		*status = sim_fail(a, 422, "check_unknown", NULL,
		    "The identity check is unknown or older than 60 minutes. "
		    "Do the identity check again.");
		return NULL;
	}
	p = &s->people[ck->person];
	*pp = p;
	if (card_id == NULL || (c = sim_card_of(p, card_id)) != NULL)
		return c;
	*status = sim_fail(a, 404, "card_unknown", "card_id",
	    "This card is not one of the applicant's cards. Choose a card "
	    "from the list.");
	return NULL;
}

/* check_id and card_id of a body, and the card they name. */
static struct sim_card *
sim_body_card(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_answer *a, struct sim_person **pp, int *status)
{
	const char *check_id = NULL, *card_id = NULL;

	if (sim_get_string(o, "check_id", 32, true, &check_id) < 0) {
		*status = sim_bad_request(a, "check_id");
		return NULL;
	}
	if (sim_get_string(o, "card_id", 32, true, &card_id) < 0) {
		*status = sim_bad_request(a, "card_id");
		return NULL;
	}
	return sim_check_card(s, ss, check_id, card_id, a, pp, status);
}

static struct sim_check *
sim_check_of(struct sim *s, struct sim_session *ss, const cJSON *o)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "check_id");

	return cJSON_IsString(v) ? sim_check_find(s, v->valuestring,
	    ss->staff) : NULL;
}

/* The card of a PIN request: one of the checked person's, or the card of
 * a newborn this very check registered (the parent sets the child's
 * first PIN: sim/sim_household.c); any other check gets card_unknown. */
static struct sim_card *
sim_pin_card(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_answer *a, struct sim_person **pp, int *status)
{
	const struct sim_check *ck = sim_check_of(s, ss, o);
	const cJSON *card_id = cJSON_GetObjectItemCaseSensitive(o, "card_id");
	struct sim_card *c;

	if (ck != NULL && cJSON_IsString(card_id) &&
	    (c = sim_newborn_card(s, ck, card_id->valuestring, pp)) != NULL)
		return c;
	return sim_body_card(s, ss, o, a, pp, status);
}

/* ---- the services' common prologue ------------------------------------ */

/* What a service's body names: a card of the checked person, a card a PIN
 * may be set on (sim_pin_card), or the check alone. */
enum sim_subject { SIM_CARD, SIM_PIN_CARD, SIM_CHECK };

/* A service's own work, the body o parsed and its subject found: person
 * p and card c (NULL for SIM_CHECK).  Its status. */
typedef int sim_card_fn(struct sim *s, struct sim_session *ss,
    const cJSON *o, struct sim_person *p, struct sim_card *c,
    struct sim_answer *a);

/* Parse the body, find its subject (or refuse), then fn. */
static int
sim_card_service(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a, enum sim_subject what,
    sim_card_fn *fn)
{
	cJSON *o = sim_parse_object(req);
	struct sim_person *p = NULL;
	struct sim_card *c = NULL;
	const char *check_id = NULL;
	int status = 0;

	if (o == NULL)
		return sim_bad_request(a, NULL);
	if (what == SIM_PIN_CARD)
		c = sim_pin_card(s, ss, o, a, &p, &status);
	else if (what == SIM_CARD)
		c = sim_body_card(s, ss, o, a, &p, &status);
	else if (sim_get_string(o, "check_id", 32, true, &check_id) < 0)
		status = sim_bad_request(a, "check_id");
	else
		sim_check_card(s, ss, check_id, NULL, a, &p, &status);
	if (p != NULL && (c != NULL || what == SIM_CHECK))
		status = fn(s, ss, o, p, c, a);
	cJSON_Delete(o);
	return status;
}

/* The route's handler name: fn on what, through the idempotency store. */
#define SIM_CARD_WRITE(name, what, fn)					\
static int								\
name##_service(struct sim *s, const struct sim_request *req,		\
    struct sim_session *ss, struct sim_answer *a)			\
{									\
	return sim_card_service(s, req, ss, a, what, fn);		\
}									\
static int								\
name(struct sim *s, const struct sim_request *req,			\
    struct sim_session *ss, struct sim_answer *a)			\
{									\
	return sim_idempotent(s, req, ss, a, name##_service);		\
}

/* ---- PIN reset ---------------------------------------------------------- */

/* A PIN is set only after a face recognition that passed, and never on a
 * lost card (forms/service.c): 0, or the refusal. */
static int
sim_pin_refused(const struct sim *s, const struct sim_check *ck,
    const struct sim_person *p, const struct sim_card *c,
    struct sim_answer *a)
{
	return sim_rule(s, SERVICE_PIN_RESET, p, c, ck->face_pass, a);
}

static int
sim_pin_challenge(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_person *p, struct sim_card *c, struct sim_answer *a)
{
	struct sim_check *ck = sim_check_of(s, ss, o);
	struct sim_challenge *ch;
	char b64[sodium_base64_ENCODED_LEN(WIRE_PIN_CHALLENGE_BYTES,
	    sodium_base64_VARIANT_ORIGINAL)];
	int status = sim_pin_refused(s, ck, p, c, a);

	if (status != 0)
		return status;
	/* Drop the used and the expired; a store still full refuses (a
	 * challenge dropped early would refuse a PIN already typed). */
	for (size_t i = 0; i < s->nchal;)
		if (s->chal[i].used || sim_now(s) >= s->chal[i].expires)
			s->chal[i] = s->chal[--s->nchal];
		else
			i++;
	if (s->nchal >= s->lim.challenges)
		return sim_store_full(a, "PIN resets at once");
	if (sim_grow((void **)&s->chal, &s->cchal, s->nchal,
	    sizeof *s->chal) < 0)
		return sim_oom(a);
	ch = &s->chal[s->nchal];
	randombytes_buf(ch->c, sizeof ch->c);
	ch->check = ck->no;
	ch->person = (size_t)(p - s->people);
	ch->card = (size_t)(c - p->cards);
	ch->expires = sim_now(s) + WIRE_PIN_CHALLENGE_SECONDS;
	ch->used = false;
	sodium_bin2base64(b64, sizeof b64, ch->c, sizeof ch->c,
	    sodium_base64_VARIANT_ORIGINAL);
	a->json = cJSON_CreateObject();
	if (a->json == NULL ||
	    cJSON_AddStringToObject(a->json, "challenge", b64) == NULL ||
	    cJSON_AddNumberToObject(a->json, "expires_in",
	    WIRE_PIN_CHALLENGE_SECONDS) == NULL)
		return sim_oom(a);
	s->nchal++;
	return 201;
}

SIM_CARD_WRITE(sim_h_pin_challenge, SIM_PIN_CARD, sim_pin_challenge)

/* Open the box into plain (WIRE_PIN_PLAIN_BYTES, sodium_malloc'd). */
static int
sim_pin_open(const struct sim *s, const char *b64, unsigned char *plain)
{
	unsigned char box[SIM_BOX_BYTES];
	size_t len = 0;
	int rc = -1;

	if (sodium_base642bin(box, sizeof box, b64, strlen(b64), NULL, &len,
	    NULL, sodium_base64_VARIANT_ORIGINAL) == 0 &&
	    len == sizeof box &&
	    crypto_box_seal_open(plain, box, sizeof box, s->seal_pk,
	    s->seal_sk) == 0)
		rc = 0;
	sodium_memzero(box, sizeof box);
	return rc;
}


static int
sim_pin_reset(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_person *p, struct sim_card *c, struct sim_answer *a)
{
	struct sim_check *ck;
	struct sim_challenge *ch = NULL;
	const char *sealed = NULL;
	unsigned char *plain = NULL;
	char pin[WIRE_PIN_LEN + 1], msg[256];
	enum pin_weak w;
	int status;

	if (sim_get_string(o, "sealed_pin", 256, true, &sealed) < 0)
		return sim_bad_request(a, "sealed_pin");
	ck = sim_check_of(s, ss, o);
	if ((status = sim_pin_refused(s, ck, p, c, a)) != 0)
		return status;
	plain = sodium_malloc(WIRE_PIN_PLAIN_BYTES);
	if (plain == NULL)
		return sim_oom(a);
	if (sim_pin_open(s, sealed, plain) < 0) {
		status = sim_fail(a, 422, "pin_box_invalid", "pin",
		    "The sealed PIN could not be opened: the terminal's sealing "
		    "key is not the service's, or the box was altered. Nothing "
		    "was changed; call the help desk.");
		goto out;
	}
	for (size_t i = 0; i < s->nchal; i++)
		if (sodium_memcmp(s->chal[i].c, plain,
		    WIRE_PIN_CHALLENGE_BYTES) == 0)
			ch = &s->chal[i];
	if (ch != NULL && ch->used) {
		status = sim_fail(a, 409, "challenge_used", "pin",
		    "This sealed PIN was already used once and cannot be used "
		    "again. Nothing was changed; start the PIN reset again.");
		goto out;
	}
	if (ch == NULL || ch->check != ck->no || sim_now(s) >= ch->expires ||
	    &s->people[ch->person] != p || &p->cards[ch->card] != c) {
		status = sim_fail(a, 422, "challenge_unknown", "pin",
		    "The PIN reset was not started for this card and check, or "
		    "took more than 10 minutes. Start the PIN reset again.");
		goto out;
	}
	ch->used = true;   /* one try per challenge, whatever follows */
	memcpy(pin, plain + WIRE_PIN_CHALLENGE_BYTES, WIRE_PIN_LEN);
	pin[WIRE_PIN_LEN] = '\0';
	w = pin_check(pin, p->number, NULL);
	if (w != PIN_OK) {
		snprintf(msg, sizeof msg, "%s Start the PIN reset again with "
		    "another PIN.", pin_reason(w));
		status = sim_fail(a, 422, "pin_weak", "pin", msg);
		goto out;
	}
	if (crypto_pwhash_str(c->pin_hash, pin, WIRE_PIN_LEN,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		status = sim_oom(a);
		goto out;
	}
	status = sim_completed(s, a, SERVICE_PIN_RESET, c,
	    "The new PIN works at once, for the card's medical and financial "
	    "functions. Keep it secret: staff never ask for it.");
out:
	sodium_memzero(pin, sizeof pin);
	sodium_free(plain);
	return status;
}

SIM_CARD_WRITE(sim_h_pin_reset, SIM_PIN_CARD, sim_pin_reset)

/* ---- financial activation and the 300-day remedy ------------------------ */

static int
sim_financial(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_person *p, struct sim_card *c, struct sim_answer *a)
{
	const char *bank = NULL;
	bool confirmed = false;
	enum check_err ce;
	char next[512];
	int status;

	if (sim_get_string(o, "bank_card", 64, true, &bank) < 0)
		return sim_bad_request(a, "bank_card");
	if (sim_get_bool(o, "luhn_confirmed", false, &confirmed) < 0)
		return sim_bad_request(a, "luhn_confirmed");
	if ((status = sim_rule(s, SERVICE_FINANCIAL, p, c, true, a)) != 0)
		return status;
	ce = check_bankcard(bank);
	if (ce != CHECK_OK && ce != CHECK_CARD_LUHN)
		return sim_fail(a, 422, "bank_card_invalid", "bank_card",
		    "The bank account number must be the one printed on the "
		    "social-security card: 16 to 19 digits starting with 62.");
	if (ce == CHECK_CARD_LUHN && !confirmed)
		return sim_fail(a, 422, "bank_card_luhn", "bank_card",
		    "The bank account number fails its check digit. Type it "
		    "again from the card; if it is the same, confirm it.");
	c->fin_active = true;
	c->fin_late = deadline_days_left(c->received, s->opts.today) < 0;
	if (strcmp(sim_card_ss(s, c), "reported_lost") == 0)
		snprintf(next, sizeof next, "The financial function is active. "
		    "Step 2 of the remedy: cancel the loss report of the "
		    "social-security application now, at this counter.");
	else
		snprintf(next, sizeof next, "The financial function is active: "
		    "the card works at %s and its cash machines at once.",
		    c->d->bank);
	status = sim_completed(s, a, SERVICE_FINANCIAL, c, next);
	if (status != 201)
		c->fin_active = c->fin_late = false;
	return status;
}

SIM_CARD_WRITE(sim_h_financial, SIM_CARD, sim_financial)

static int
sim_cancel_loss(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_person *p, struct sim_card *c, struct sim_answer *a)
{
	int status;

	if ((status = sim_rule(s, SERVICE_CANCEL_LOSS, p, c, true, a)) != 0)
		return status;
	c->loss_cancelled = true;
	status = sim_completed(s, a, SERVICE_CANCEL_LOSS, c,
	    "The loss report is cancelled. The medical function can be "
	    "activated now, at this counter (medical-insurance activation).");
	if (status != 201)
		c->loss_cancelled = false;
	return status;
}

SIM_CARD_WRITE(sim_h_cancel_loss, SIM_CARD, sim_cancel_loss)

/* ---- new cards ------------------------------------------------------------ */

struct sim_card *
sim_issue_card(struct sim *s, struct sim_person *p, const char *bank)
{
	struct sim_made_card *m;
	struct sim_card *c;
	unsigned n;

	if (p->ncards >= WIRE_CARDS_MAX || s->nmade >= SIM_MADE_MAX)
		return NULL;
	n = 250 + (unsigned)s->nmade;
	m = &s->made[s->nmade++];
	snprintf(m->card_id, sizeof m->card_id, "C-%04u", n % 10000);
	snprintf(m->masked, sizeof m->masked, "B%u****%03u", n % 10,
	    n % 1000);
	m->d = (struct sim_data_card){ .card_id = m->card_id,
	    .number_masked = m->masked, .bank = bank };
	c = &p->cards[p->ncards++];
	*c = (struct sim_card){ .d = &m->d, .received = s->opts.today };
	return c;
}

/* No card can be issued to p: the person's own limit (422
 * too_many_cards), or the store of cards issued here is full (507). */
static int
sim_too_many(const struct sim_person *p, struct sim_answer *a,
    const char *field)
{
	if (p->ncards < WIRE_CARDS_MAX)
		return sim_store_full(a, "cards issued at the counter");
	return sim_fail(a, 422, "too_many_cards", field,
	    "The applicant has the most cards allowed. Call the help desk to "
	    "retire an old card.");
}

static const char sim_new_next[] =
    "The new card is issued at this counter today. Its initial PIN is "
    "123456: set a new PIN now (PIN reset). Its medical and financial "
    "functions must be activated; the financial one within 300 days.";


static int
sim_already_replaced(struct sim_answer *a)
{
	return sim_fail(a, 409, "already_replaced", "card_id",
	    "A replacement for this card was already issued. Choose the new "
	    "card.");
}

static int
sim_replacement(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_person *p, struct sim_card *c, struct sim_answer *a)
{
	struct sim_card *n;
	bool was_lost;
	int status;

	if (c->replaced)
		return sim_already_replaced(a);
	was_lost = c->lost;
	n = sim_issue_card(s, p, c->d->bank);
	if (n == NULL)
		return sim_too_many(p, a, "card_id");
	c->lost = true;
	c->replaced = true;
	status = sim_completed(s, a, SERVICE_REPLACEMENT, n,
	    sim_new_next);
	if (status != 201) {
		c->lost = was_lost;
		c->replaced = false;
		p->ncards--;
		s->nmade--;
	}
	return status;
}

SIM_CARD_WRITE(sim_h_replacement, SIM_CARD, sim_replacement)

static int
sim_new_card(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_person *p, struct sim_card *c, struct sim_answer *a)
{
	struct sim_card *n;
	int status;

	if ((status = sim_rule(s, SERVICE_NEW_CARD, p, NULL, true, a)) != 0)
		return status;
	n = sim_issue_card(s, p, "Industrial and Commercial Bank of China");
	if (n == NULL)
		return sim_too_many(p, a, NULL);
	status = sim_completed(s, a, SERVICE_NEW_CARD, n, sim_new_next);
	if (status != 201) {
		p->ncards--;
		s->nmade--;
	}
	return status;
}

SIM_CARD_WRITE(sim_h_new_card, SIM_CHECK, sim_new_card)

/* ---- temporary loss reports ------------------------------------------- */

/* The temporary reports in force: the card, and when (sim_now) its
 * report lapses.  The state of SERVICE_LOSS_REPORT (struct sim
 * svc_state). */
#define SIM_LOSSES_MAX 1024
struct sim_losses {
	size_t n;
	struct sim_loss {
		struct sim_card *c;
		long until;
	} at[SIM_LOSSES_MAX];
};

static struct sim_losses *
sim_losses(struct sim *s)
{
	void **slot = &s->svc_state[SERVICE_LOSS_REPORT];

	if (*slot == NULL)
		*slot = calloc(1, sizeof(struct sim_losses));
	return *slot;
}

/* The temporary report on c is over (lifted, lapsed or made final). */
static void
sim_loss_forget(struct sim_losses *l, const struct sim_card *c)
{
	for (size_t i = 0; l != NULL && i < l->n; )
		if (l->at[i].c == c)
			l->at[i] = l->at[--l->n];
		else
			i++;
}

/* A temporary report lapses SERVICE_LOSS_DAYS after it was made: the
 * card works again, unless a replacement made the report final. */
static void
sim_loss_tick(struct sim *s)
{
	struct sim_losses *l = s->svc_state[SERVICE_LOSS_REPORT];
	long now;

	if (l == NULL || l->n == 0)
		return;
	now = sim_now(s);
	for (size_t i = 0; i < l->n; )
		if (now >= l->at[i].until) {
			if (!l->at[i].c->replaced)
				l->at[i].c->lost = false;
			l->at[i] = l->at[--l->n];
		} else {
			i++;
		}
}

static int
sim_loss_report(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_person *p, struct sim_card *c, struct sim_answer *a)
{
	struct sim_losses *l;
	char next[512], until[DATE_STR];
	int status;

	if ((status = sim_rule(s, SERVICE_LOSS_REPORT, p, c, true, a)) != 0)
		return status;
	if ((l = sim_losses(s)) == NULL)
		return sim_oom(a);
	if (l->n >= SIM_LOSSES_MAX)
		return sim_store_full(a, "temporary loss reports");
	date_format(until, date_add_days(s->opts.today, SERVICE_LOSS_DAYS));
	snprintf(next, sizeof next, "The card is reported lost until %s: it "
	    "and its functions are suspended. If the card is found, the "
	    "holder lifts the report at a counter with the identity check; "
	    "to make it final, apply for a replacement card. Otherwise the "
	    "report lapses on %s and the card works again.", until, until);
	c->lost = true;
	status = sim_completed(s, a, SERVICE_LOSS_REPORT, c, next);
	if (status != 201) {
		c->lost = false;
		return status;
	}
	l->at[l->n++] = (struct sim_loss){ c,
	    sim_now(s) + SERVICE_LOSS_DAYS * 86400L };
	return status;
}

SIM_CARD_WRITE(sim_h_loss_report, SIM_CARD, sim_loss_report)

/* A newer card of p is in use: c was replaced (here, or before the data
 * begins: an old lost card beside its successor). */
static bool
sim_superseded(const struct sim_person *p, const struct sim_card *c)
{
	if (c->replaced)
		return true;
	for (size_t i = 0; i < p->ncards; i++) {
		const struct sim_card *n = &p->cards[i];

		if (n != c && !n->lost &&
		    date_cmp(n->received, c->received) > 0)
			return true;
	}
	return false;
}

static int
sim_loss_lift(struct sim *s, struct sim_session *ss, const cJSON *o,
    struct sim_person *p, struct sim_card *c, struct sim_answer *a)
{
	int status;

	if ((status = sim_rule(s, SERVICE_LOSS_LIFT, p, c, true, a)) != 0)
		return status;
	if (sim_superseded(p, c))
		return sim_already_replaced(a);
	c->lost = false;
	status = sim_completed(s, a, SERVICE_LOSS_LIFT, c, "The loss report "
	    "is lifted: the card and its functions work again at once.");
	if (status != 201) {
		c->lost = true;
		return status;
	}
	sim_loss_forget(s->svc_state[SERVICE_LOSS_REPORT], c);
	return status;
}

SIM_CARD_WRITE(sim_h_loss_lift, SIM_CARD, sim_loss_lift)

/* ---- the routes ----------------------------------------------------------- */

static const struct sim_route sim_card_rows[] = {
	{ "POST", "/v1/pin-challenges", true, sim_h_pin_challenge },
	{ "POST", "/v1/applications/pin-reset", true, sim_h_pin_reset },
	{ "POST", "/v1/applications/financial-activation", true,
	    sim_h_financial },
	{ "POST", "/v1/applications/cancel-loss", true, sim_h_cancel_loss },
	{ "POST", "/v1/applications/card-replacement", true, sim_h_replacement },
	{ "POST", "/v1/applications/new-card", true, sim_h_new_card },
	{ "POST", "/v1/applications/loss-report", true, sim_h_loss_report },
	{ "POST", "/v1/applications/loss-lift", true, sim_h_loss_lift },
};

const struct sim_routes sim_card_routes = {
	sim_card_rows, sizeof sim_card_rows / sizeof sim_card_rows[0],
	sim_loss_tick,
};
