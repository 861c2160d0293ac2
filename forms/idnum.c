/*
 * idnum.c -- the resident identity number (GB 11643-1999).
 *
 * idnum_inspect() is the one checker: it says what can be told of any
 * prefix, so the screen can react on every key, and idnum_parse() is
 * inspect-then-require-18.  Errors are reported as early as they are
 * certain: a non-digit at once, a province code at 2 digits, the birth
 * date at 14, the check character at 18.  Only the province (the first
 * two digits) is checked against a list; the remaining four region digits
 * change too often to be worth a table here -- the service knows them.
 */
#include "forms/idnum.h"

#include <string.h>

#include "forms/i18n.h"
#include "forms/mask.h"

static const struct {
	char code[3];
	const char *name;
} provinces[] = {
	{ "11", N_("Beijing") },      { "12", N_("Tianjin") },
	{ "13", N_("Hebei") },        { "14", N_("Shanxi") },
	{ "15", N_("Inner Mongolia") },
	{ "21", N_("Liaoning") },     { "22", N_("Jilin") },
	{ "23", N_("Heilongjiang") },
	{ "31", N_("Shanghai") },     { "32", N_("Jiangsu") },
	{ "33", N_("Zhejiang") },     { "34", N_("Anhui") },
	{ "35", N_("Fujian") },       { "36", N_("Jiangxi") },
	{ "37", N_("Shandong") },
	{ "41", N_("Henan") },        { "42", N_("Hubei") },
	{ "43", N_("Hunan") },        { "44", N_("Guangdong") },
	{ "45", N_("Guangxi") },      { "46", N_("Hainan") },
	{ "50", N_("Chongqing") },    { "51", N_("Sichuan") },
	{ "52", N_("Guizhou") },      { "53", N_("Yunnan") },
	{ "54", N_("Tibet") },
	{ "61", N_("Shaanxi") },      { "62", N_("Gansu") },
	{ "63", N_("Qinghai") },      { "64", N_("Ningxia") },
	{ "65", N_("Xinjiang") },
	{ "71", N_("Taiwan") },
	{ "81", N_("Hong Kong") },    { "82", N_("Macao") },
};

const char *idnum_province(const char *two_digits)
{
	if (two_digits == NULL || two_digits[0] == '\0' || two_digits[1] == '\0')
		return NULL;
	for (size_t i = 0; i < sizeof provinces / sizeof provinces[0]; i++)
		if (provinces[i].code[0] == two_digits[0] &&
		    provinces[i].code[1] == two_digits[1])
			return provinces[i].name;
	return NULL;
}

char idnum_check_char(const char *first17)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char map[] = "10X98765432";
	int sum = 0;

	if (first17 == NULL)
		return 0;
	for (int i = 0; i < 17; i++) {
		if (first17[i] < '0' || first17[i] > '9')
			return 0;
		sum += (first17[i] - '0') * weight[i];
	}
	return map[sum % 11];
}

static int num(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

void idnum_inspect(struct idnum_partial *out, const char *in, struct date today)
{
	size_t len;

	memset(out, 0, sizeof *out);
	if (in == NULL)
		in = "";
	len = strlen(in);
	while (len > 0 && (in[len - 1] == ' ' || in[len - 1] == '\t'))
		len--;
	if (len == 0) {
		out->err = IDNUM_EMPTY;
		return;
	}

	/* Characters first: they make everything after meaningless. */
	for (size_t i = 0; i < len && i < IDNUM_LEN; i++) {
		char c = in[i];
		bool digit = c >= '0' && c <= '9';

		if (i < IDNUM_LEN - 1 ? !digit : !(digit || c == 'X' || c == 'x')) {
			out->err = IDNUM_CHAR;
			return;
		}
	}

	if (len >= 2) {
		out->province = idnum_province(in);
		if (out->province == NULL) {
			out->err = IDNUM_REGION;
			return;
		}
		out->has_province = true;
	}

	if (len >= 14) {
		struct date b = { num(in + 6, 4), num(in + 10, 2), num(in + 12, 2) };

		if (!date_valid(b.y, b.m, b.d)) {
			out->err = IDNUM_BIRTH;
			return;
		}
		out->birth = b;
		out->has_birth = true;
		if (date_cmp(b, today) > 0) {
			out->err = IDNUM_FUTURE;
			return;
		}
	}

	if (len >= 17) {
		out->sex = (in[16] - '0') % 2 ? IDNUM_MALE : IDNUM_FEMALE;
		out->has_sex = true;
		out->expected_check = idnum_check_char(in);
	}

	if (len > IDNUM_LEN) {
		out->err = IDNUM_LONG;
		return;
	}
	if (len < IDNUM_LEN) {
		out->err = IDNUM_SHORT;
		return;
	}
	{
		char c = in[17] == 'x' ? 'X' : in[17];

		out->err = c == out->expected_check ? IDNUM_OK : IDNUM_CHECK;
	}
}

enum idnum_err idnum_parse(struct idnum *out, const char *in, struct date today)
{
	struct idnum_partial p;

	idnum_inspect(&p, in, today);
	if (p.err != IDNUM_OK)
		return p.err;
	if (out != NULL) {
		memset(out, 0, sizeof *out);
		memcpy(out->number, in, IDNUM_LEN);
		if (out->number[17] == 'x')
			out->number[17] = 'X';
		out->number[IDNUM_LEN] = '\0';
		out->birth = p.birth;
		out->sex = p.sex;
		out->province = p.province;
		out->expected_check = p.expected_check;
	}
	return IDNUM_OK;
}

void idnum_mask(char out[IDNUM_MASKED_LEN + 1], const char *number)
{
	/* Region kept, birth date and sequence hidden but the last four;
	 * a number already masked gives itself. */
	if (mask_ends(out, IDNUM_MASKED_LEN + 1, number, IDNUM_LEN, IDNUM_LEN,
	    6, 4) == IDNUM_LEN && out[17] == 'x')
		out[17] = 'X';
}

const char *idnum_strerror(enum idnum_err err)
{
	switch (err) {
	case IDNUM_OK:
		return _("The ID number is valid.");
	case IDNUM_EMPTY:
		return _("Type the 18-character ID number from the ID card.");
	case IDNUM_SHORT:
		return _("The ID number has 18 characters: type the rest from the ID card.");
	case IDNUM_LONG:
		return _("The ID number has only 18 characters: delete the extra ones.");
	case IDNUM_CHAR:
		return _("The ID number has digits only, and X only as the last character: check what was typed.");
	case IDNUM_REGION:
		return _("The first two digits are not a province code: check the number against the ID card.");
	case IDNUM_BIRTH:
		return _("Digits 7 to 14 are not a possible birth date: check the number against the ID card.");
	case IDNUM_FUTURE:
		return _("The birth date in the number is after today: check the number against the ID card.");
	case IDNUM_CHECK:
		return _("The check character is wrong: check the number against the ID card.");
	}
	return _("The ID number is not valid: check it against the ID card.");
}
