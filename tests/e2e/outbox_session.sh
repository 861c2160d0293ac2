# The session ends while a write waits in the outbox (it expired during
# the outage): the write is not dropped.  The clerk is asked to sign in
# again, and the write goes after that with its first Idempotency-Key:
# one application, the clerk told.  (Before: the 401 took the write out
# of the outbox, and nothing was ever made.)
. "$(dirname "$0")/../lib/e2e.sh"
E2E_SIM_ARGS="--control --session-ttl 12" e2e_sim_start
e2e_medical_waits
# The session runs out during the outage; the service comes back and the
# next try (F5) is answered 401.
sleep 13
e2e_fault
e2e_absent "Your session has ended"
e2e_keys F5
e2e_wait "Your session has ended" 15
e2e_wait "Outbox: 1"
e2e_type "ssdesk-demo"; e2e_keys Enter
e2e_wait "medical activation that waited in the outbox was accepted" 20
e2e_gone "Outbox:"
[ "$(e2e_sim_created)" = 1 ] || { echo "created: $(e2e_sim_created)"; exit 1; }
echo ok
