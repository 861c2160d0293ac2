# The delegated activation and the supervisor's decision wait in the
# outbox like every other write: the submission's answer is lost once
# (reset), it waits (Outbox: 1) and ends on its receipt; the supervisor's
# approval is lost once too, waits, and one status line then names the
# application approved.
. "$(dirname "$0")/../lib/e2e.sh"
agent=$(e2e_demo_id 马军)
insured=$(e2e_demo_id 孙丽)
[ -n "$agent" ] && [ -n "$insured" ] || { echo "no demo IDs"; exit 1; }
e2e_start t "$SSDESK --demo --today $TODAY --latency 0 --fault 'POST /v1/applications/delegated-activation=reset,1' --fault 'POST /v1/approvals/=reset,1'"
e2e_signin clerk01
e2e_identity "$agent" 马军
e2e_wait "Person and cards"
e2e_service "Act for an insured (POA)"
e2e_wait "Insured's ID number"
e2e_type "$insured"; e2e_keys Enter
e2e_type 孙丽; e2e_keys F2
e2e_wait "The insured's cards"
e2e_keys Enter
e2e_wait "POA document number"
e2e_type POA-2026-118; e2e_keys Tab
e2e_type 2026-10-02; e2e_keys Tab
e2e_type y; e2e_keys Tab
e2e_type y; e2e_type y; e2e_type y
e2e_keys F2
e2e_wait "delegated activation waits in the outbox"
e2e_wait "Outbox: 1"
e2e_wait "Pending a supervisor's approval" 20
e2e_gone "Outbox:"
app=$(e2e_screen | grep -oE 'DA-[0-9]{8}-[0-9]{4}' | head -n 1)
[ -n "$app" ] || { echo "no application number"; e2e_screen; exit 1; }
e2e_keys F10
e2e_wait "Start a walk-in"
e2e_keys F10
e2e_wait "Signed out"
e2e_signin super01
e2e_wait "Approval queue"
e2e_keys 2
e2e_wait "$app"
e2e_keys Enter
e2e_wait "a: approve"
e2e_type a
e2e_wait "Approve and activate now?"
e2e_type y
e2e_wait "decision waits in the outbox"
e2e_wait "Outbox: 1"
e2e_wait "The decision that waited in the outbox was recorded" 20
e2e_wait "$app approved."
e2e_gone "Outbox:"
echo ok
