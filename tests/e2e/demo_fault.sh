# Trainers show the outbox offline: ssdesk --demo --fault makes the
# in-process service create the application and then drop the answer.  The
# clerk is told, the banner counts one waiting activation, it goes again
# by itself and the receipt is the first (and only) application.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
e2e_start t "$SSDESK --demo --today $TODAY --fault 'POST /v1/applications/medical-activation=reset-after-commit,1'"
e2e_signin
e2e_identity "$id" 张伟
e2e_wait "Person and cards"
e2e_medical
e2e_wait "The service cannot be reached"
e2e_wait "Outbox: 1"
e2e_wait "Receipt" 15
e2e_wait "MA-20261122-0001"
e2e_gone "Outbox:"
e2e_keys Enter                       # another service: already active
e2e_wait "Medical (social security): active"

# Options: --fault is for --demo only, and a bad one is refused.
out=$("$SSDESK" --service https://127.0.0.1:9 --fault 'GET /x=500' 2>&1) && { echo "accepted"; exit 1; }
echo "$out" | grep -q "goes with --demo" || { echo "$out"; exit 1; }
out=$("$SSDESK" --demo --fault 'GET /x=nonsense' 2>&1) && { echo "accepted"; exit 1; }
echo "$out" | grep -q "unknown fault" || { echo "$out"; exit 1; }
