# The command lines of ssdesk and ssdesk-sim: every numeric option takes a
# whole decimal number in its range and nothing else, not even a blank
# before it (one parse_long in forms/parse.c), and a bad one is refused with exit status 2 and a line
# that names the option; a good one gets past the parsing.  No terminal
# is needed: ssdesk is stopped by --verify-audit on a missing file (exit
# 1) and ssdesk-sim by --list (exit 0), both after every option is read.
. "$(dirname "$0")/../lib/e2e.sh"

# refused TEXT PROGRAM ARG...: exit status 2 and TEXT on stderr.
refused() {
	text=$1; shift
	"$@" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	rc=$?
	if [ "$rc" -ne 2 ] || ! grep -qF -- "$text" "$E2E_TMP/err"; then
		echo "not refused with \"$text\" (exit $rc): $*"
		cat "$E2E_TMP/err"; exit 1
	fi
}

# accepted PROGRAM ARG...: not a usage error (exit status other than 2,
# no "Try ... --help" on stderr).
accepted() {
	"$@" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	rc=$?
	if [ "$rc" -eq 2 ] || grep -qF -- "--help" "$E2E_TMP/err"; then
		echo "refused (exit $rc): $*"; cat "$E2E_TMP/err"; exit 1
	fi
}

verify="--verify-audit $E2E_TMP/none"
for bad in -1 600001 12ms "" " 5" 5. 0x10 99999999999999999999; do
	refused "ssdesk: --latency: give milliseconds, 0 to 600000" \
	    "$SSDESK" --latency "$bad" $verify
done
for bad in -1 86401 1h +; do
	refused "ssdesk: --idle-lock: give seconds, 0 to 86400" \
	    "$SSDESK" --idle-lock "$bad" $verify
done
accepted "$SSDESK" --latency 0 --idle-lock 86400 $verify
accepted "$SSDESK" --latency 600000 --idle-lock 0 $verify
grep -qF "$E2E_TMP/none" "$E2E_TMP/err" || {
	echo "ssdesk stopped before --verify-audit:"; cat "$E2E_TMP/err"; exit 1; }
refused "ssdesk: unexpected argument" "$SSDESK" --demo extra
refused "Try 'ssdesk --help'" "$SSDESK" --no-such-option

for bad in -1 65536 8443x "" 1e3 99999999999999999999; do
	refused "ssdesk-sim: --port: not a port number: $bad" \
	    "$SIM" --port "$bad" --list
done
# A session lifetime past 30 days is refused: a huge one overflowed the
# expiry time, and every session ended as it began.
for bad in 0 -5 10s "" 2592001 9223372036854775807; do
	refused "ssdesk-sim: --session-ttl: not 1 to 2592000 seconds: $bad" \
	    "$SIM" --session-ttl "$bad" --list
done
for bad in 0 3601 9x; do
	refused "ssdesk-sim: --request-deadline: not 1 to 3600 seconds: $bad" \
	    "$SIM" --request-deadline "$bad" --list
done
accepted "$SIM" --port 0 --session-ttl 1 --request-deadline 3600 --list
accepted "$SIM" --port 65535 --session-ttl 2592000 --request-deadline 1 --list
grep -qF "fictitious data set" "$E2E_TMP/out" || {
	echo "ssdesk-sim --list printed no data set:"; cat "$E2E_TMP/out"; exit 1; }
refused "ssdesk-sim: unexpected argument: extra" "$SIM" --list extra
refused "Try 'ssdesk-sim --help'" "$SIM" --no-such-option
exit 0
