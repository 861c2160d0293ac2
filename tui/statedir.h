/*
 * statedir.h -- the terminal's own files: $XDG_STATE_HOME/ssdesk/
 * (~/.local/state/ssdesk when unset), or --state-dir.  The directory is
 * 0700; every file in it 0600, written whole to a temporary file, synced,
 * and renamed over the old one, so a crash leaves the old or the new file,
 * never half of one.
 *
 * Every file opened here is checked first: a regular file (never a link),
 * owned by this user, with no permission for group or others.  One that
 * is not (planted by someone else, or loosened) is not used: the call
 * fails with errno EPERM and statedir_unsafe() says what was wrong.
 *
 * The disk can fail (full, read-only, quota): whoever writes here reports
 * each outcome (statedir_report), and statedir_alert() gives the sentence
 * the banner shows while any writer is failing.
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

/* Replace name with data[0..len), atomically.  0, or -1 with errno. */
int statedir_write(const char *name, const void *data, size_t len);
/* Read name whole into buf (at most cap bytes); -1 with errno: ENOENT
 * missing, EFBIG larger, EPERM unsafe (not this user's own file). */
int statedir_read(const char *name, void *buf, size_t cap, size_t *len);
/* Open name with flags (O_NOFOLLOW, O_CLOEXEC added; O_CREAT makes it
 * 0600), checked as above: the fd, or -1 with errno. */
int statedir_open(const char *name, int flags);
/* What the last EPERM of this module was about ("audit.log: owner 65534,
 * mode 0666"), or "". */
const char *statedir_unsafe(void);
bool statedir_exists(const char *name);
/* Remove name (missing is fine). */
void statedir_remove(const char *name);
/* Move name aside, never delete it: to "name.TAG-YYYYMMDDTHHMMSS" (0600),
 * that name in out.  0, or -1 with errno. */
int statedir_set_aside(const char *name, const char *tag, char *out,
    size_t outsz);

/* An exclusive lock on name (created 0600 if need be, this process's id
 * written in it) for as long as the returned fd stays open: the fd, or -1
 * with errno (EWOULDBLOCK: another process holds it, its id in *holder if
 * it wrote one, else 0). */
int statedir_lock(const char *name, long *holder);
/* Whether some process holds the lock on name now. */
bool statedir_locked(const char *name);
void statedir_unlock(int fd);

/* ---- the disk's health -------------------------------------------------- */

enum statedir_writer { STATEDIR_DRAFTS, STATEDIR_AUDIT, STATEDIR_NWRITERS };
/* The outcome of a write: 0 it worked, else its errno.  Returns whether
 * the writer was failing before (so a success after failures is news). */
bool statedir_report(enum statedir_writer w, int err);
/* The errno a writer is failing with, or 0. */
int statedir_failing(enum statedir_writer w);
/* While any writer fails: the banner's sentence (translated) in out and
 * true. */
bool statedir_alert(char *out, size_t outsz);
/* What the clerk is told when a writer works again (translated). */
const char *statedir_recovered(void);

/* A file-name part for a staff ID: itself if made only of letters,
 * digits, '-' and '_', else "x" and its bytes in hex. */
void statedir_staff_name(char *out, size_t outsz, const char *staff_id);

#endif
