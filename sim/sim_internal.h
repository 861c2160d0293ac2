/*
 * sim_internal.h -- what the files of sim/ share: the mutable state, the
 * answer under construction, and the helpers every handler uses (errors in
 * the one shape, typed members of request bodies, people and cards as JSON,
 * the idempotency store).  Internal to sim/; cJSON is allowed here.
 */
#ifndef SSDESK_SIM_INTERNAL_H
#define SSDESK_SIM_INTERNAL_H

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

#include "forms/date.h"
#include "forms/idnum.h"
#include "sim/sim.h"
#include "sim/sim_data.h"

#define SIM_TTL_DEFAULT (8L * 3600)
#define SIM_CHECK_TTL 3600L          /* an identity check is good 60 minutes */
#define SIM_IDEM_TTL (24L * 3600)    /* stored answers are kept 24 hours */
#define SIM_TOKEN_BYTES 32
#define SIM_TOKEN_HEX (SIM_TOKEN_BYTES * 2 + 1)
#define SIM_KEY_MAX 128              /* Idempotency-Key */
#define SIM_COUNTER_MAX 32
#define SIM_PATH_MAX 256
#define SIM_CHECKS_MAX 1024          /* live identity checks kept at most */

struct sim_card {
	const struct sim_data_card *d;
	struct date received;
	bool lost;
	bool ss_active;
	bool fin_active;
	bool fin_late;                   /* enabled after the 300-day deadline */
	bool loss_cancelled;             /* the SS loss report was cancelled */
	bool replaced;                   /* a replacement card was issued */
	char pin_hash[crypto_pwhash_STRBYTES]; /* Argon2id of the PIN, or "" */
};

struct sim_person {
	const struct sim_data_person *d;
	char number[IDNUM_LEN + 1];
	char masked[IDNUM_MASKED_LEN + 1];
	struct date birth;
	struct date id_valid_until;      /* unless d->id_long_term */
	char phone[16];                  /* digits, or empty */
	size_t ncards;
	struct sim_card cards[SIM_DATA_CARDS_MAX];
};

struct sim_session {
	char token[SIM_TOKEN_HEX];
	size_t staff;
	char counter[SIM_COUNTER_MAX + 1];
	long expires;
};

struct sim_check {
	unsigned long no;
	size_t staff;
	size_t person;
	long expires;
	bool face_pass;                  /* the device said "pass" */
};

#define SIM_CHALLENGE_BYTES 32
#define SIM_CHALLENGE_TTL 600L       /* a PIN challenge is good 10 minutes */
#define SIM_MADE_MAX 64              /* cards issued at the counter */

/* A one-time challenge for one PIN reset of (check, card). */
struct sim_challenge {
	unsigned char c[SIM_CHALLENGE_BYTES];
	unsigned long check;
	size_t person, card;
	long expires;
	bool used;
};

/* A card issued at the counter (new or replacement): its own strings. */
struct sim_made_card {
	struct sim_data_card d;
	char card_id[16];
	char masked[16];
};

struct sim_idem {
	size_t staff;
	char key[SIM_KEY_MAX + 1];
	unsigned char hash[crypto_generichash_BYTES];
	long created;
	int status;
	char *body;
	size_t body_len;
};

struct sim {
	struct sim_opts opts;
	long ttl;
	long clock_offset;

	struct sim_person *people;
	size_t npeople;
	char unknown_number[IDNUM_LEN + 1];
	char unknown_masked[IDNUM_MASKED_LEN + 1];

	struct sim_session *sessions;
	size_t nsessions, csessions;
	struct sim_check *checks;
	size_t nchecks, cchecks;
	unsigned long next_check;
	struct sim_idem *idem;
	size_t nidem, cidem;
	unsigned long next_app;

	/* sim/sim_card.c: PIN sealing, challenges, cards issued here. */
	unsigned char seal_pk[crypto_box_PUBLICKEYBYTES];
	unsigned char seal_sk[crypto_box_SECRETKEYBYTES];
	struct sim_challenge *chal;
	size_t nchal, cchal;
	struct sim_made_card made[SIM_MADE_MAX];
	size_t nmade;
};

/* One answer under construction: JSON, or raw bytes for a replay. */
struct sim_answer {
	cJSON *json;
	char *raw;
	size_t raw_len;
	bool replayed;
};

typedef int sim_handler(struct sim *, const struct sim_request *,
    struct sim_session *, struct sim_answer *);

long sim_now(const struct sim *s);
int sim_grow(void **arr, size_t *cap, size_t n, size_t size);
int sim_fail(struct sim_answer *a, int status, const char *code,
    const char *field, const char *message);
int sim_bad_request(struct sim_answer *a, const char *field);
int sim_oom(struct sim_answer *a);
cJSON *sim_parse_object(const struct sim_request *req);
int sim_get_string(const cJSON *o, const char *name, size_t max, bool required,
    const char **out);
int sim_get_bool(const cJSON *o, const char *name, bool required, bool *out);
struct sim_person *sim_person_by_number(struct sim *s, const char *number);
struct sim_person *sim_person_by_id(struct sim *s, const char *id);
const char *sim_card_ss(const struct sim *s, const struct sim_card *c);
cJSON *sim_card_json(const struct sim *s, const struct sim_card *c);
void sim_mask_phone(char out[16], const char *phone);
cJSON *sim_person_json(const struct sim *s, const struct sim_person *p);
bool sim_name_matches(const char *reg, const char *typed);
struct sim_check *sim_check_find(struct sim *s, const char *id, size_t staff);
void sim_created_at(char out[32], struct date today);
/* sim/sim_card.c: the handlers of card services (docs/api.md). */
sim_handler sim_h_pin_challenge, sim_h_pin_reset, sim_h_financial,
    sim_h_cancel_loss, sim_h_replacement, sim_h_new_card, sim_h_contributions;
/* The card ids a walk-in may cite: the check's person's card, or NULL
 * with the refusal in a (status in *status). */
struct sim_card *sim_check_card(struct sim *s, struct sim_session *ss,
    const char *check_id, const char *card_id, struct sim_answer *a,
    struct sim_person **pp, int *status);

int sim_idempotent(struct sim *s, const struct sim_request *req,
    struct sim_session *ss, struct sim_answer *a, sim_handler *fn);

#endif
