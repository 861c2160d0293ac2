# Exactly once: the service creates the application, then the connection
# is cut before its answer arrives.  The clerk is told, the form is kept,
# the activation waits in the outbox (the banner counts it) and goes again
# by itself with the same Idempotency-Key; the service answers with the
# first result, the clerk sees one receipt, and the simulator created one
# application, not two.  (libcurl itself sends a request again, once, when
# a reused connection dies before any answer: hence two resets here, so
# that the failure reaches the clerk.)
. "$(dirname "$0")/../lib/e2e.sh"
E2E_SIM_ARGS=--control e2e_sim_start
id=$(e2e_demo_id 张伟)
e2e_start t "$SSDESK --service $SIM_URL --ca-file $SIM_CA"
e2e_signin
e2e_identity "$id" 张伟
e2e_wait "Person and cards"
e2e_fault 'POST /v1/applications/medical-activation=reset-after-commit,2' \
    'POST /v1/applications/medical-activation=503,1'
e2e_medical
e2e_wait "The service cannot be reached"
e2e_wait "the form is kept."
e2e_wait "Outbox: 1"
e2e_wait "13900000012"            # the form is kept
[ "$(e2e_sim_created)" = 1 ] || { echo "expected 1 application"; exit 1; }
# F2 again does not send a second one while it waits.
e2e_keys F2
e2e_wait "F5 sends it now"
# The outbox tries again by itself (after 2 s): 503, still waiting.
i=0; until grep -q "fault 503" "$E2E_TMP/sim.log" || [ $i -gt 100 ]; do sleep 0.1; i=$((i+1)); done
grep -q "fault 503" "$E2E_TMP/sim.log" || { echo "no retry by itself"; cat "$E2E_TMP/sim.log"; exit 1; }
e2e_wait "Outbox: 1"
# The service is back; F5 sends at once (the next timed try is 4 s off).
e2e_fault
e2e_keys F5
e2e_wait "Receipt" 15
e2e_wait "MA-20261122-0001"
e2e_gone "Outbox:"
e2e_absent "MA-20261122-0002"
[ "$(e2e_sim_created)" = 1 ] || { echo "more than one application:"; cat "$E2E_TMP/sim.log"; exit 1; }
grep -q "medical-activation fault reset-after-commit (status 201)" "$E2E_TMP/sim.log" || {
	echo "the fault was not hit:"; cat "$E2E_TMP/sim.log"; exit 1; }
grep -q "medical-activation 201 (replayed)" "$E2E_TMP/sim.log" || {
	echo "the retry was not a replay:"; cat "$E2E_TMP/sim.log"; exit 1; }
