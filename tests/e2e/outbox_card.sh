# A financial activation sent while the service answers 503: it waits in
# the outbox (the banner counts it, F2 again does not send it twice), the
# clerk ends the walk-in, the service comes back and the write goes by
# itself: one status line names the application, and the simulator made
# exactly one.
. "$(dirname "$0")/../lib/e2e.sh"
E2E_SIM_ARGS=--control e2e_sim_start
id=$(e2e_demo_id 张伟)
e2e_start t "$SSDESK --service $SIM_URL --ca-file $SIM_CA --idle-lock 0"
e2e_signin
e2e_identity "$id" 张伟
e2e_wait "Person and cards"
e2e_fault "POST /v1/applications/financial-activation=503"
e2e_service "Activate financial function"
e2e_wait "Bank"
e2e_type 6222020200112233446
e2e_keys F2
e2e_wait "financial activation waits in the outbox" 10
e2e_wait "Outbox: 1"
e2e_keys F2                             # not a second time
e2e_wait "This financial activation waits in the outbox"
[ "$(e2e_sim_created)" = 0 ] || { echo "created while down"; exit 1; }
e2e_keys F10                            # the clerk moves on
e2e_wait "Walk-in ended"
e2e_wait "Outbox: 1"
e2e_fault                               # the service is back
e2e_keys F5
e2e_wait "financial activation that waited in the outbox was accepted" 15
e2e_wait "FA-20261122-0001."
e2e_gone "Outbox:"
[ "$(e2e_sim_created)" = 1 ] || { echo "created: $(e2e_sim_created)"; exit 1; }
echo ok
