/*
 * journal_key.h -- the fixed key of the journal fuzz harness and its seeds
 * (a test key, never a clerk's).
 */
#ifndef SSDESK_FUZZ_JOURNAL_KEY_H
#define SSDESK_FUZZ_JOURNAL_KEY_H

#include <string.h>

#include "forms/journal.h"

static inline void
fuzz_journal_key(unsigned char key[JOURNAL_KEYBYTES])
{
	for (size_t i = 0; i < JOURNAL_KEYBYTES; i++)
		key[i] = (unsigned char)(0x5a ^ i);
}

/* And the salt it is said to come from (a draft carries one). */
static inline void
fuzz_journal_salt(unsigned char salt[JOURNAL_SALTBYTES])
{
	memset(salt, 0xa5, JOURNAL_SALTBYTES);
}

#endif
