# PIN reset over HTTPS against ssdesk-sim, with the sealing key ssdesk-sim
# wrote (--seal-key-out) configured by --seal-key; then a terminal with
# the wrong key: the service cannot open the box and the reset stops.
# Neither the state directory, the receipts, the client's stderr nor the
# simulator's log ever holds the PIN.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_pki
"$SIM" --port 0 --port-file "$E2E_TMP/port" --today "$TODAY" \
    --cert "$E2E_TMP/pki/server.pem" --key "$E2E_TMP/pki/server.key" \
    --seal-key-out "$E2E_TMP/seal.pub" >"$E2E_TMP/sim.log" 2>&1 &
E2E_PIDS="$E2E_PIDS $!"
i=0
while [ ! -s "$E2E_TMP/port" ] && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ -s "$E2E_TMP/port" ] || { echo "ssdesk-sim did not start"; cat "$E2E_TMP/sim.log"; exit 1; }
URL="https://127.0.0.1:$(cat "$E2E_TMP/port")"
CA="$E2E_TMP/pki/ca.pem"

reset_pin() { # session seal-key-file
	e2e_start "$1" "$SSDESK --service $URL --ca-file $CA --seal-key $2 --today $TODAY 2>>$E2E_TMP/stderr"
	e2e_signin
	e2e_identity "$(e2e_demo_id 林晓雨)" 林晓雨
	e2e_wait "Person and cards"
	e2e_service "Reset card PIN"
	e2e_wait "Type your new 6-digit PIN"
	e2e_type 582914; e2e_keys Enter
	e2e_wait "Type the same PIN again"
	e2e_type 582914; e2e_keys Enter
}
reset_pin a "$E2E_TMP/seal.pub"
e2e_wait "Card PIN reset"
e2e_keys F5
e2e_wait "Receipt saved"
e2e_keys F10
e2e_wait "Start a walk-in"
# Signed out and quit: one ssdesk per clerk on a state directory.
e2e_keys F10
e2e_wait "Signed out"
e2e_keys F10
sleep 0.3

# Another key (hex, as a terminal might be misconfigured with).
printf '%064d\n' 7 >"$E2E_TMP/wrong.pub"
reset_pin b "$E2E_TMP/wrong.pub"
e2e_wait "could not open the sealed PIN"
e2e_wait "The PIN was not changed."
e2e_keys F10
e2e_wait "Start a walk-in"

if grep -rqF 582914 "$E2E_TMP"; then
	echo "the PIN was written to a file:"; grep -rlF 582914 "$E2E_TMP"; exit 1
fi
ls "$E2E_TMP"/state/ssdesk/receipts/PR-*.txt >/dev/null || exit 1
echo ok
