#!/bin/sh
# tests/layers/plant.sh -- scripts/check-layers fails on every break it is
# meant to catch (make check-layers-selftest, part of make test).
#
# The four layers are copied to a temporary directory; the copy must pass
# as it is.  Then one break at a time is planted at the end of one file
# (the file put back after) and check-layers must fail with a line naming
# the rule, the file and the line.  Last, text that only looks like a
# break (in comments and string literals) must pass.  CC, PKG_CONFIG and
# LAYER_CFLAGS are passed through, as make check-layers passes them.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
check=$top/scripts/check-layers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
tree=$tmp/tree
mkdir "$tree"
for d in forms net sim tui; do cp -R "$top/$d" "$tree/"; done
passed=0 failed=0

fail() {
	echo "FAIL: $*"; sed 's/^/    /' "$tmp/out"
	failed=$((failed + 1))
}

if "$check" "$tree" >"$tmp/out" 2>&1; then
	passed=$((passed + 1))
else
	fail "the unplanted copy does not pass"
	exit 1
fi

# plant FILE TEXT WANT...: TEXT appended to FILE makes check-layers fail
# with every WANT (a fixed string; @ in it stands for FILE:LINE, the line
# of TEXT's last line) on its output.
plant() {
	f=$1 text=$2; shift 2
	cp -p "$tree/$f" "$tmp/orig"
	printf '%s\n' "$text" >>"$tree/$f"
	at="$f:$(wc -l <"$tree/$f" | tr -d ' ')"
	if "$check" "$tree" >"$tmp/out" 2>&1; then
		fail "$f: not caught: $text"
	else
		ok=1
		for want in "$@"; do
			want=$(printf '%s' "$want" | sed "s|@|$at|")
			grep -qF -- "$want" "$tmp/out" ||
			    { fail "$f: no \"$want\" for: $text"; ok=0; }
		done
		[ "$ok" -eq 1 ] && passed=$((passed + 1))
	fi
	cp -p "$tmp/orig" "$tree/$f"
}

# clean FILE TEXT: TEXT appended to FILE breaks nothing.
clean() {
	f=$1
	cp -p "$tree/$f" "$tmp/orig"
	printf '%s\n' "$2" >>"$tree/$f"
	if "$check" "$tree" >"$tmp/out" 2>&1; then
		passed=$((passed + 1))
	else
		fail "$f: taken for a break: $2"
	fi
	cp -p "$tmp/orig" "$tree/$f"
}

# [include]: each direction that is not allowed.
plant forms/date.c '#include "net/api.h"' \
    "[include] @: forms/ includes only forms/ headers, not net/api.h"
plant forms/date.h '#include "tui/app.h"' \
    "[include] @: forms/ includes only forms/ headers, not tui/app.h"
plant net/api.c '#include "tui/app.h"' \
    "[include] @: net/ includes only net/, forms/ headers, not tui/app.h"
plant net/api.c '#include "../tui/app.h"' \
    "[include] @: net/ includes only net/, forms/ headers, not tui/app.h"
plant net/api.c '#include "sim/sim.h"' \
    "[include] @: net/ includes only net/, forms/ headers, not sim/sim.h"
plant sim/sim.c '#include "net/api.h"' \
    "[include] @: sim/ includes only sim/, forms/ headers, not net/api.h"
plant sim/sim.c '#include "tui/app.h"' \
    "[include] @: sim/ includes only sim/, forms/ headers, not tui/app.h"
plant tui/app.c '#include "sim/sim.h"' \
    "[include] @: tui/ includes sim/ only in tui/main.c, not sim/sim.h"

# [library]: a header of a library the layer may not use, included, or
# reached by the compiler through an include no grep can read.
plant sim/sim.c '#include <curl/curl.h>' \
    "[library] @: includes curl/curl.h, of libcurl, which sim/ may not use"
plant forms/date.c '#include <curses.h>' \
    "[library] @: includes curses.h, of curses, which forms/ may not use"
plant tui/app.c '#include <cjson/cJSON.h>' \
    "[library] @: includes cjson/cJSON.h, of cJSON, which tui/ may not use"
plant net/api.c '#include <microhttpd.h>' \
    "[library] @: includes microhttpd.h, of libmicrohttpd, which net/ may not use"
plant forms/date.c '#define DATE_PLANTED <curl/curl.h>
#include DATE_PLANTED' \
    "[library] forms/date.c: reaches /" "/curl/curl.h, of libcurl, which forms/ may not use"

# [compile]: a header found only with another layer's pkg-config flags.
plant forms/date.c '#include <cJSON.h>' \
    "[compile] forms/date.c: does not compile with only forms/'s flags"

# [print]: forms/ and net/ never print.
plant forms/date.c 'int date_planted(void);
int date_planted(void) { return printf("x\n"); }' \
    "[print] @: forms/ and net/ never print: int date_planted(void) { return printf("
plant net/api.c '#include <stdio.h>
void api_planted(void);
void api_planted(void) { fputs("x", stderr); }' \
    "[print] @: forms/ and net/ never print: void api_planted(void) { fputs("
plant net/api.c '#include <unistd.h>
long api_planted(void);
long api_planted(void) { return (long)write(2, "x", 1); }' \
    "[print] @: forms/ and net/ never print: long api_planted(void) { return (long)write(2,"

# [words]: the clerk's sentences are tui/'s, never net/'s or sim/'s.
plant net/api.c '#include "forms/i18n.h"' \
    "[words] @: net/ and sim/ hold no sentence for the clerk (tui/messages.c): #include \"forms/i18n.h\""
plant net/api.c 'const char *api_planted(void);
const char *api_planted(void) { return N_("Try again."); }' \
    "[words] @: net/ and sim/ hold no sentence for the clerk (tui/messages.c): const char *api_planted(void) { return N_("
plant sim/sim.c '#include <libintl.h>
const char *sim_planted(void);
const char *sim_planted(void) { return gettext("x"); }' \
    "[words] @: net/ and sim/ hold no sentence for the clerk (tui/messages.c): const char *sim_planted(void) { return gettext("

# What only looks like a break: comments, across lines too, and strings.
clean forms/date.c '/*
#include "tui/app.h"
#include <curl/curl.h>
 * printf("x"); fprintf(stderr, "y");
 */
// puts("z"); #include "net/api.h"
const char *date_planted(void);
const char *date_planted(void) { return "printf(\"x\") to stderr /*"; }'
clean net/api.c '/* _("x") and gettext("y") in a comment */
const char *api_planted(void);
const char *api_planted(void) { return "N_(\"z\")"; }'

echo "check-layers selftest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
