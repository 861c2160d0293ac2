/*
 * statedir.h -- the terminal's own files: $XDG_STATE_HOME/ssdesk/
 * (~/.local/state/ssdesk when unset), or --state-dir.  The directory is
 * 0700; every file in it 0600, written whole to a temporary file, synced,
 * and renamed over the old one, so a crash leaves the old or the new file,
 * never half of one.
 */
#ifndef SSDESK_STATEDIR_H
#define SSDESK_STATEDIR_H

#include <stdbool.h>
#include <stddef.h>

/* Choose and create the directory (dir: --state-dir, or NULL).  0, or -1
 * with why (English, for stderr or the status line). */
int statedir_init(const char *dir, char *why, size_t whylen);
bool statedir_ok(void);
/* The full path of name in the directory, into out; -1 if too long or
 * no directory. */
int statedir_path(char *out, size_t outsz, const char *name);

/* Replace name with data[0..len), atomically. */
int statedir_write(const char *name, const void *data, size_t len);
/* Read name whole into buf (at most cap bytes); -1 if missing or larger. */
int statedir_read(const char *name, void *buf, size_t cap, size_t *len);
bool statedir_exists(const char *name);
/* Remove name (missing is fine). */
void statedir_remove(const char *name);

/* A file-name part for a staff ID: itself if made only of letters,
 * digits, '-' and '_', else "x" and its bytes in hex. */
void statedir_staff_name(char *out, size_t outsz, const char *staff_id);

#endif
