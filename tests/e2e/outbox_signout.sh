# An activation waits in the outbox while the service stays unreachable:
# the walk-in can end (the banner still counts it), and signing out warns
# first, then keeps it sealed in the clerk's draft: another clerk signing
# in at this terminal does not get it (it is never sent under their
# session), and the same clerk's next sign-in puts it back in the outbox.
# (Before: signing out dropped it.)
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
e2e_start t "$SSDESK --demo --today $TODAY --latency 0 --fault 'POST /v1/applications/medical-activation=reset,500'"
e2e_signin
e2e_identity "$id" 张伟
e2e_wait "Person and cards"
e2e_medical
e2e_wait "Outbox: 1"
e2e_keys F10                          # end the walk-in: it still waits
e2e_wait "Walk-in ended"
e2e_wait "Outbox: 1"
e2e_keys F10                          # sign out: warned, not done
e2e_wait "they are kept, sealed"
e2e_wait "Home"
e2e_keys F10                          # again: kept, signed out
e2e_wait "Signed out"
e2e_gone "Outbox:"
e2e_signin clerk02
sleep 0.5
e2e_absent "Outbox:"
e2e_keys F10
e2e_wait "Signed out"
e2e_signin clerk01
e2e_wait "Outbox: 1"
echo ok
