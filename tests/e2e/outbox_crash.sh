# A write waiting in the outbox survives kill -9: it is in the clerk's
# sealed draft (the bank card number never in clear on disk); another
# clerk's sign-in does not get it; the same clerk's next sign-in puts it
# back (the banner counts it again) and, when the service answers, it is
# asked about first (GET /v1/writes/{key}: unknown), then sent with its
# first Idempotency-Key and made exactly once.
. "$(dirname "$0")/../lib/e2e.sh"
E2E_SIM_ARGS=--control e2e_sim_start
id=$(e2e_demo_id 张伟)
state=$E2E_TMP/state/ssdesk
run="$SSDESK --service $SIM_URL --ca-file $SIM_CA --idle-lock 0"
bank=6222020200112233446

ssdesk_pid() { pgrep -P "$(tm display-message -p -t "$1" '#{pane_pid}')" -x ssdesk; }
kill9() {
	pid=$(ssdesk_pid "$1")
	[ -n "$pid" ] || { echo "no ssdesk pid"; exit 1; }
	kill -9 "$pid"
	e2e_wait "Killed"
}

e2e_start t1 "$run"
e2e_signin clerk01
e2e_identity "$id" 张伟
e2e_wait "Person and cards"
# The service is down: nothing is made before the crash.
e2e_fault "POST /v1/applications/financial-activation=503"
e2e_service "Activate financial function"
e2e_wait "Bank"
e2e_type "$bank"
e2e_keys F2
e2e_wait "financial activation waits in the outbox" 10
e2e_wait "Outbox: 1"
e2e_keys F10
e2e_wait "Walk-in ended"
sleep 0.5
[ -f "$state/draft-clerk01.ssd" ] || { echo "no draft"; ls -la "$state"; exit 1; }
if grep -q "$bank" "$state/draft-clerk01.ssd"; then
	echo "bank card number in clear in the draft"; exit 1
fi
kill9 t1
[ -f "$state/draft-clerk01.ssd" ] || { echo "draft gone"; exit 1; }

# Another clerk: nothing of clerk01's.
e2e_start t2 "$run"
e2e_signin clerk02
sleep 1
e2e_absent "Outbox:"
kill9 t2

# The same clerk: back in the outbox, and sent once the service answers.
e2e_start t3 "$run"
e2e_signin clerk01
e2e_wait "Outbox: 1"
e2e_fault
e2e_keys F5
e2e_wait "financial activation that waited in the outbox was accepted" 15
e2e_wait "FA-20261122-0001."
e2e_gone "Outbox:"
[ "$(e2e_sim_created)" = 1 ] || { echo "created: $(e2e_sim_created)"; exit 1; }
sleep 0.5
[ ! -f "$state/draft-clerk01.ssd" ] || { echo "draft kept after the outbox drained"; exit 1; }
echo ok
