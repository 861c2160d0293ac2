# Two ssdesk for the same clerk on the same state directory: the second is
# told plainly that the clerk is signed in on another ssdesk, is not
# signed in, and cannot touch the first's live walk-in or its outbox;
# when the first is gone (here: killed), the second says so and, signed
# in, takes over its work: the walk-in offered, the waiting write sent
# and made once.  (Before: the second offered the first's live walk-in as
# "ssdesk stopped", and its Discard deleted it.)
. "$(dirname "$0")/../lib/e2e.sh"
E2E_SIM_ARGS=--control e2e_sim_start
state=$E2E_TMP/state/ssdesk
run="$SSDESK --service $SIM_URL --ca-file $SIM_CA --idle-lock 0"
e2e_fault "POST /v1/applications/medical-activation=503"
e2e_start t1 "$run"
e2e_signin clerk01
e2e_identity "$(e2e_demo_id 张伟)" 张伟
e2e_wait "Person and cards"
e2e_medical
e2e_wait "Outbox: 1"
sleep 0.5
cp "$state/draft-clerk01.ssd" "$E2E_TMP/before"

e2e_start t2 "$run"
e2e_wait "Staff ID" 10 t2
tm send-keys -t t2 -l clerk01; tm send-keys -t t2 Enter
tm send-keys -t t2 -l ssdesk-demo; tm send-keys -t t2 Enter
e2e_wait "clerk01 is signed in on another ssdesk on this terminal" 10 t2
e2e_screen t2 | grep -q "Unfinished walk-in" && { echo "offered the live walk-in"; exit 1; }
# Nothing of the first's was touched; it still works.
cmp -s "$state/draft-clerk01.ssd" "$E2E_TMP/before" || { echo "draft changed"; exit 1; }
e2e_wait "Outbox: 1" 5 t1
# Another clerk may sign in on the second meanwhile.
E2E_SESSION=t2
e2e_keys C-u; e2e_keys BTab; e2e_keys C-u
e2e_signin clerk02
e2e_keys F10
e2e_wait "Signed out" 10 t2

# The first goes (a crash); the second says so, then takes over.
tm send-keys -t t2 -l clerk01; tm send-keys -t t2 Enter
tm send-keys -t t2 -l ssdesk-demo; tm send-keys -t t2 Enter
e2e_wait "is signed in on another ssdesk" 10 t2
pid=$(pgrep -P "$(tm display-message -p -t t1 '#{pane_pid}')" -x ssdesk)
kill -9 "$pid"
e2e_wait "has ended" 10 t2
e2e_fault
tm send-keys -t t2 -l ssdesk-demo; tm send-keys -t t2 Enter
e2e_wait "Unfinished walk-in" 10 t2
e2e_wait "Outbox: 1" 10 t2
tm send-keys -t t2 F5
e2e_wait "medical activation that waited in the outbox was accepted" 15 t2
[ "$(e2e_sim_created)" = 1 ] || { echo "created: $(e2e_sim_created)"; exit 1; }
echo ok
