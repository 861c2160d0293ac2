# The central service goes down in the middle of a walk-in: the clerk is
# told it cannot be reached and what to do, nothing typed is lost, and
# when it is back (a restarted service has forgotten the session) the
# clerk signs in again and carries on with the same form.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_sim_start
port=${SIM_URL##*:}
sim_pid=${E2E_PIDS##* }
id=$(e2e_demo_id 张伟)
e2e_start t "$SSDESK --service $SIM_URL --ca-file $SIM_CA"
e2e_signin

kill "$sim_pid"; wait "$sim_pid" 2>/dev/null
e2e_identity "$id" 张伟
e2e_wait "cannot be reached"
e2e_wait "Nothing is lost"
e2e_wait "$id"
e2e_wait "张伟"

"$SIM" --port "$port" --today "$TODAY" \
    --cert "$E2E_TMP/pki/server.pem" --key "$E2E_TMP/pki/server.key" \
    >>"$E2E_TMP/sim.log" 2>&1 &
E2E_PIDS="$E2E_PIDS $!"
i=0; while ! (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
e2e_keys F2
e2e_wait "session has ended"
e2e_type ssdesk-demo; e2e_keys Enter
e2e_wait "Identity check"
e2e_wait "$id"
e2e_keys F2
e2e_wait "Person and cards"
