# The session expires at the service while the clerk fills the identity
# check: the clerk is asked to sign in again and comes back to the form
# with everything typed still there.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_pki
"$SIM" --port 0 --port-file "$E2E_TMP/port" --today "$TODAY" --session-ttl 2 \
    --cert "$E2E_TMP/pki/server.pem" --key "$E2E_TMP/pki/server.key" \
    >"$E2E_TMP/sim.log" 2>&1 &
E2E_PIDS="$E2E_PIDS $!"
i=0; while [ ! -s "$E2E_TMP/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
id=$(e2e_demo_id 吴秀英)
e2e_start t "$SSDESK --service https://127.0.0.1:$(cat "$E2E_TMP/port") --ca-file $E2E_TMP/pki/ca.pem"
e2e_signin
sleep 2.5
e2e_identity "$id" 吴秀英
e2e_wait "session has ended"
e2e_wait "Staff ID"
e2e_type ssdesk-demo; e2e_keys Enter      # staff ID kept, cursor on password
e2e_wait "Identity check"
e2e_wait "吴秀英"
e2e_wait "$id"
e2e_keys F2
e2e_wait "Person and cards"
