# The service restarts while a write waits in the outbox, after the clerk
# has moved on: the write is kept through the 401, the clerk signs in
# again, and the service now refuses it (its identity check died with the
# restart).  The refusal is not a passing status line: it is listed on
# Home, counted in the banner, kept while the clerk is elsewhere, written
# to the audit log, and goes only when the clerk acknowledges it (A).
. "$(dirname "$0")/../lib/e2e.sh"
E2E_SIM_ARGS=--control e2e_sim_start
state=$E2E_TMP/state/ssdesk
e2e_medical_waits
e2e_sim_restart
e2e_absent "Your session has ended"
e2e_keys F5
e2e_wait "Your session has ended" 15
e2e_wait "Outbox: 1"
e2e_type "ssdesk-demo"; e2e_keys Enter
e2e_wait "was refused and not done" 20
e2e_wait "Refused: 1"
e2e_wait "Refused after waiting in the outbox"
e2e_wait "medical activation  张*"
e2e_wait "The identity check is no longer valid"
e2e_gone "Outbox:"
grep -q "submit_refused.*medical-activation check_unknown" "$state/audit.log" ||
    { echo "no audit record of the refusal"; cat "$state/audit.log"; exit 1; }
# Still there after a walk-in started and left.
e2e_keys Enter
e2e_wait "Identity check"
e2e_wait "Refused: 1"
e2e_keys Escape
e2e_wait "Refused after waiting in the outbox"
e2e_keys a
e2e_wait "Acknowledged."
e2e_gone "Refused after waiting"
e2e_absent "Refused:"
grep -q "refusal_acknowledged" "$state/audit.log" ||
    { echo "the acknowledgement is not audited"; exit 1; }
echo ok
