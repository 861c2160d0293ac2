# The audit chain is anchored at the service: its head goes at sign-in
# and at sign-out (POST /v1/audit/anchors).  A torn last line (a write cut
# short) is recorded and the same chain goes on.  A log rolled back with
# its key file (both older copies, so the terminal alone cannot tell)
# shows against the service's copy: the banner says records were cut off.
# (Before: no anchor; after a torn write a new chain began at seq 1.)
. "$(dirname "$0")/../lib/e2e.sh"
e2e_sim_start
state=$E2E_TMP/state/ssdesk
run="$SSDESK --service $SIM_URL --ca-file $SIM_CA --idle-lock 0"
session() { # name
	e2e_start "$1" "$run"
	E2E_SESSION=$1
	e2e_signin clerk01
	e2e_identity "$(e2e_demo_id 张伟)" 张伟
	e2e_wait "Person and cards"
	e2e_keys F10
	e2e_wait "Walk-in ended"
	e2e_keys F10
	e2e_wait "Signed out"
	e2e_keys F10
	sleep 0.5
}
session t1
grep -q "anchors 201" "$E2E_TMP/sim.log" || { echo "no anchor sent"; cat "$E2E_TMP/sim.log"; exit 1; }
cp -p "$state/audit.log" "$E2E_TMP/old.log"
cp -p "$state/audit.key" "$E2E_TMP/old.key"

# A write cut short: half a record at the end.
printf '9\t2026-11-22T09:00:00Z\tidenti' >>"$state/audit.log"
session t2
out=$("$SSDESK" --verify-audit "$state/audit.log") || { echo "$out"; exit 1; }
echo "$out" | grep -q "1 torn writes" || { echo "$out"; exit 1; }
cut -f3 "$state/audit.log" | grep -qx torn_tail || { echo "no torn_tail"; exit 1; }

# Rolled back, log and key together.
cp -p "$E2E_TMP/old.log" "$state/audit.log"
cp -p "$E2E_TMP/old.key" "$state/audit.key"
e2e_start t3 "$run"
E2E_SESSION=t3
e2e_signin clerk01
e2e_wait "shorter than the service's copy" 10
e2e_keys Enter
e2e_wait "Identity check"
e2e_wait "shorter than the service's copy"
cut -f3 "$state/audit.log" | grep -qx anchor_mismatch || { echo "not recorded"; exit 1; }
echo ok
