/*
 * contrib.h -- contribution records and account balances (seed 000), as
 * plain structs, and how money is shown.  Amounts are integer fen on the
 * wire and in memory; on screen yuan.fen ("1,382.40").
 */
#ifndef SSDESK_CONTRIB_H
#define SSDESK_CONTRIB_H

#include <stddef.h>

#include "forms/wire.h"

#define CONTRIB_MAX WIRE_CONTRIB_MAX   /* records kept of one answer */

enum contrib_type {
	CONTRIB_PENSION,
	CONTRIB_MEDICAL,
	CONTRIB_UNEMPLOYMENT,
	CONTRIB_WORK_INJURY,
	CONTRIB_MATERNITY,
	CONTRIB_NTYPES,
};

struct contribution {
	char month[8];             /* "2026-10" */
	enum contrib_type type;
	long base;                 /* fen */
	long amount;               /* fen */
};

struct contributions {
	long pension_balance;      /* fen */
	long medical_balance;      /* fen */
	size_t n;
	struct contribution rec[CONTRIB_MAX];
};

/* The wire words, in enum order (NULL-terminated). */
extern const char *const contrib_type_words[];
/* The type's name for the clerk (N_()). */
const char *contrib_type_name(enum contrib_type t);
/* fen as yuan with thousands separators: 138240 -> "1,382.40",
 * -5 -> "-0.05".  out of at least 32 bytes. */
void contrib_yuan(char *out, size_t outsz, long fen);

#endif
