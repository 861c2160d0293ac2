/*
 * i18n.h -- the one place user-visible strings meet gettext.
 *
 * Every string a clerk can read goes through _() where it is shown, or is
 * marked N_() where it is stored in a table (form labels, help lines) and
 * translated with _() when drawn.  The catalogue (domain "ssdesk") can then
 * follow without touching any screen.
 */
#ifndef SSDESK_I18N_H
#define SSDESK_I18N_H

#include <libintl.h>

#define I18N_DOMAIN "ssdesk"
#define _(s) gettext(s)
#define N_(s) (s)

#endif
