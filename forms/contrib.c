/*
 * contrib.c -- contribution types and money formatting (forms/contrib.h).
 */
#include "forms/contrib.h"

#include <stdio.h>
#include <string.h>

#include "forms/i18n.h"

const char *const contrib_type_words[] = {
	"pension", "medical", "unemployment", "work_injury", "maternity", NULL,
};

const char *
contrib_type_name(enum contrib_type t)
{
	static const char *const names[] = {
		N_("Pension"), N_("Medical"), N_("Unemployment"),
		N_("Work injury"), N_("Maternity"),
	};

	return (unsigned)t < CONTRIB_NTYPES ? names[t] : "";
}

void
contrib_yuan(char *out, size_t outsz, long fen)
{
	char digits[32], grouped[48];
	unsigned long v = fen < 0 ? 0UL - (unsigned long)fen : (unsigned long)fen;
	size_t n, o = 0;

	snprintf(digits, sizeof digits, "%lu", v / 100);
	n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(out, outsz, "%s%s.%02lu", fen < 0 ? "-" : "", grouped, v % 100);
}
