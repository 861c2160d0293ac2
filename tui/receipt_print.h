/*
 * receipt_print.h -- the receipt on paper: a text file, then the print
 * command.
 *
 * The receipt (forms/receipt.h) is written to a new file
 * <application number>.txt (mode 0600) in the receipt directory (mode
 * 0700): --receipt-dir DIR, else $XDG_STATE_HOME/ssdesk/receipts, else
 * ~/.local/state/ssdesk/receipts.  If --print-command CMD is set, CMD is
 * split at blanks (no shell, no quoting: name a script for anything
 * more) and run with the file's path as its last argument, its output
 * discarded; ssdesk waits at most 3 seconds for it.
 */
#ifndef SSDESK_RECEIPT_PRINT_H
#define SSDESK_RECEIPT_PRINT_H

#include <stddef.h>

#include "tui/app.h"

/* Print app->application; a sentence for the status line into msg.
 * 0 if the file was written (and the command, if any, succeeded). */
int receipt_print(struct app *app, char *msg, size_t msgsz);

#endif
