# PIN reset in --demo (seed 000): the screen turns to the applicant; weak
# PINs are refused with their reason (a run, the birth date, two entries
# that differ), then a good one is set; only dots are ever on screen; the
# receipt is printed to a file and handed to --print-command, and the PIN
# is in no file the client wrote.
. "$(dirname "$0")/../lib/e2e.sh"
RC="$E2E_TMP/state/ssdesk/receipts"
mkdir -p "$E2E_TMP/printed"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0 --print-command 'cp -t $E2E_TMP/printed' 2>$E2E_TMP/stderr"
e2e_signin
e2e_identity "$(e2e_demo_id 林晓雨)" 林晓雨
e2e_wait "Person and cards"
e2e_service "Reset card PIN"
e2e_wait "Type your new 6-digit PIN"

pin_twice() { # first second
	e2e_type "$1"; e2e_keys Enter
	e2e_wait "Type the same PIN again"
	e2e_type "$2"; e2e_keys Enter
}
# A weak PIN is refused at its first entry: never typed twice.
e2e_type 123456; e2e_keys Enter
e2e_wait "The digits run up or down (like 123456)"
e2e_wait "Type your new 6-digit PIN"
e2e_type 910417; e2e_keys Enter  # YYMMDD of 1991-04-17
e2e_wait "It contains your birth date"
e2e_wait "Type your new 6-digit PIN"
pin_twice 582914 582915
e2e_wait "The two entries differ"
# Half typed: dots only, never the digits.
e2e_type 5829
e2e_wait "● ● ● ● _ _"
e2e_absent 5829
e2e_keys BSpace BSpace
e2e_wait "● ● _ _ _ _"
e2e_type 2914; e2e_keys Enter
e2e_wait "Type the same PIN again"
e2e_type 582914; e2e_keys Enter
e2e_wait "Receipt"
e2e_wait "Card PIN reset"
e2e_wait "PR-20261122-"
e2e_wait "TRAINING — NOT VALID"
e2e_keys F5
e2e_wait "Receipt sent to the printer"
f=$(ls "$RC"/PR-*.txt)
cmp -s "$f" "$E2E_TMP/printed/$(basename "$f")" || { echo "the print command did not get the receipt"; exit 1; }
grep -q "Card PIN reset" "$f" || { echo "receipt file lacks the service"; cat "$f"; exit 1; }
grep -q "TRAINING — NOT VALID" "$f" || { echo "receipt file not marked training"; exit 1; }
[ "$(stat -c %a "$RC")" = 700 ] || { echo "receipt dir not 0700"; exit 1; }
[ "$(stat -c %a "$f")" = 600 ] || { echo "receipt file not 0600"; exit 1; }
e2e_keys F10
e2e_wait "Start a walk-in"
if grep -rqF 582914 "$E2E_TMP"; then
	echo "the PIN was written to a file:"; grep -rlF 582914 "$E2E_TMP"; exit 1
fi
echo ok
