# The same walk-in over real HTTPS against ssdesk-sim, with a CA made at
# test time: no TRAINING banner, no demo accounts listed.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_sim_start
id=$(e2e_demo_id 黄强)
e2e_start t "$SSDESK --service $SIM_URL --ca-file $SIM_CA --counter C-07"
e2e_wait "Staff ID"
e2e_wait "C-07"
e2e_absent "TRAINING"
e2e_absent "ssdesk-demo"
e2e_signin clerk02
e2e_identity "$id" 黄强
e2e_wait "Person and cards"
e2e_wait "1 day left"             # received 299 days ago
e2e_keys Enter
e2e_wait "Bank card (UnionPay)"
e2e_type "6222 0202 0011 2233 446"  # spaces as read out; Luhn-valid
e2e_keys Enter
e2e_type 13900000012
e2e_keys F2
e2e_wait "Receipt"
e2e_wait "MA-20261122-0001"
e2e_wait "李红 (clerk02)"
e2e_absent "TRAINING"
grep -q "POST /v1/applications/medical-activation 201" "$E2E_TMP/sim.log" || {
	echo "the simulator saw no activation:"; cat "$E2E_TMP/sim.log"; exit 1; }
