/*
 * person.c -- display names of the states the service reports, and the
 * rule that an answer's person is the one typed at the identity check.
 *
 * The strings are English and marked N_(); the screen translates them with
 * _() where it draws them.  An out-of-range value gives "?" rather than
 * crashing, because these values come from the wire.
 */
#include "forms/person.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "forms/check.h"
#include "forms/i18n.h"
#include "forms/idnum.h"
#include "forms/text.h"

#define PERSON_NAME_COLS 20 /* of the service's name in the sentence */

/* The masked number shows the typed one wherever it shows anything. */
static bool masked_matches(const char *masked, const char *number)
{
	if (strlen(masked) != IDNUM_LEN || strlen(number) != IDNUM_LEN)
		return false;
	for (size_t i = 0; i < IDNUM_LEN; i++)
		if (masked[i] != '*' && toupper((unsigned char)masked[i]) !=
		    toupper((unsigned char)number[i]))
			return false;
	return true;
}

unsigned person_mismatch(const struct person *p, const char *id_number,
    const char *name)
{
	/* Any day will do: whether the birth date is in the future is the
	 * form's concern, not whether two answers agree. */
	static const struct date far = { 9999, 12, 31 };
	struct idnum_partial n;
	unsigned diff = 0;

	if (!check_name_matches(p->name, name != NULL ? name : ""))
		diff |= PERSON_DIFF_NAME;
	idnum_inspect(&n, id_number, far);
	if (n.err != IDNUM_OK || !n.has_birth || !n.has_sex)
		return diff | PERSON_DIFF_BIRTH | PERSON_DIFF_SEX |
		    PERSON_DIFF_NUMBER;
	if (date_cmp(n.birth, p->birth) != 0)
		diff |= PERSON_DIFF_BIRTH;
	if ((int)n.sex != (int)p->sex)
		diff |= PERSON_DIFF_SEX;
	if (!masked_matches(p->id_masked, id_number))
		diff |= PERSON_DIFF_NUMBER;
	return diff;
}

/* Append ", " (unless first) and one item to out[*n..]. */
static void add_item(char *out, size_t outsz, size_t *n, const char *item)
{
	int k;

	if (*n >= outsz)
		return;
	k = snprintf(out + *n, outsz - *n, "%s%s", *n > 0 ? ", " : "", item);
	if (k > 0)
		*n += (size_t)k;
}

void person_mismatch_text(char *out, size_t outsz, unsigned diff,
    const struct person *p)
{
	char items[384], item[160], clean[TEXT_MAX], shown[96];
	char date[DATE_STR];
	size_t n = 0;

	items[0] = '\0';
	if (diff & PERSON_DIFF_NAME) {
		text_sanitize(clean, sizeof clean, p->name, strlen(p->name));
		text_fit(shown, sizeof shown, clean, PERSON_NAME_COLS);
		snprintf(item, sizeof item, _("name %s"), shown);
		add_item(items, sizeof items, &n, item);
	}
	if (diff & PERSON_DIFF_BIRTH) {
		date_format(date, p->birth);
		snprintf(item, sizeof item, _("birth date %s"), date);
		add_item(items, sizeof items, &n, item);
	}
	if (diff & PERSON_DIFF_SEX) {
		snprintf(item, sizeof item, _("sex %s"),
		    _(person_sex_name(p->sex)));
		add_item(items, sizeof items, &n, item);
	}
	if (diff & PERSON_DIFF_NUMBER) {
		snprintf(item, sizeof item, _("ID number %s"), p->id_masked);
		add_item(items, sizeof items, &n, item);
	}
	snprintf(out, outsz, _("The service's answer does not match the ID "
	    "number typed: it gives %s. Do not continue; call the help "
	    "desk."), items);
}

void person_mismatch_words(char *out, size_t outsz, unsigned diff)
{
	static const struct { unsigned bit; const char *word; } words[] = {
		{ PERSON_DIFF_NAME, "name" }, { PERSON_DIFF_BIRTH, "birth" },
		{ PERSON_DIFF_SEX, "sex" }, { PERSON_DIFF_NUMBER, "number" },
	};
	size_t n = 0;

	if (outsz > 0)
		out[0] = '\0';
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (diff & words[i].bit && n < outsz)
			n += (size_t)snprintf(out + n, outsz - n, "%s%s",
			    n > 0 ? "," : "", words[i].word);
}

const char *person_role_name(enum role r)
{
	switch (r) {
	case ROLE_CLERK: return N_("clerk");
	case ROLE_SUPERVISOR: return N_("supervisor");
	case ROLE_TRAINER: return N_("trainer");
	}
	return "?";
}

const char *person_fn_state_name(enum fn_state s)
{
	switch (s) {
	case FN_INACTIVE: return N_("not active");
	case FN_ACTIVE: return N_("active");
	case FN_REPORTED_LOST: return N_("reported lost");
	}
	return "?";
}

const char *person_card_state_name(enum card_state s)
{
	switch (s) {
	case CARD_NORMAL: return N_("normal");
	case CARD_LOST: return N_("lost");
	}
	return "?";
}

const char *person_sex_name(enum sex s)
{
	return s == SEX_MALE ? N_("male") : N_("female");
}
