# A newborn registration whose answer is lost twice (the connection
# resets): it waits in the outbox (Outbox: 1), F2 does not send it again,
# and while the clerk is still at it the answer, when it comes, shows the
# receipt as if it had come at once.
. "$(dirname "$0")/../lib/e2e.sh"
[ -n "$(e2e_demo_id 胡明)" ] || { echo "no demo ID for 胡明"; exit 1; }
e2e_start t "$SSDESK --demo --today $TODAY --latency 0 --fault 'POST /v1/applications/newborn=reset,2'"
e2e_signin
e2e_newborn_letter
e2e_keys F2
e2e_wait "newborn registration waits in the outbox"
e2e_wait "Outbox: 1"
e2e_keys F2
e2e_wait "This newborn registration waits in the outbox"
e2e_wait "Receipt" 20
e2e_wait "NB-20261122-0001"
e2e_gone "Outbox:"
echo ok
