# A draft replaced by an older copy of itself holds a write that was made
# since: put back in the outbox, it is asked about first (GET
# /v1/writes/{key}), found done, and not sent again; the clerk reads that
# it had already been done, never "accepted" a second time.  (Before: it
# was sent again, answered with the replay, and reported accepted twice.)
. "$(dirname "$0")/../lib/e2e.sh"
E2E_SIM_ARGS=--control e2e_sim_start
state=$E2E_TMP/state/ssdesk
e2e_medical_waits
sleep 0.5
cp -p "$state/draft-clerk01.ssd" "$E2E_TMP/old-draft"
e2e_fault
e2e_keys F5
e2e_wait "medical activation that waited in the outbox was accepted" 15
e2e_gone "Outbox:"
[ "$(e2e_sim_created)" = 1 ] || { echo "created: $(e2e_sim_created)"; exit 1; }
e2e_keys F10
e2e_wait "Signed out"
e2e_keys F10
sleep 0.5

cp -p "$E2E_TMP/old-draft" "$state/draft-clerk01.ssd"
e2e_start t2 "$SSDESK --service $SIM_URL --ca-file $SIM_CA --idle-lock 0"
e2e_signin clerk01
e2e_wait "The saved draft was older than the service's record" 15
e2e_wait "was already done"
e2e_wait "is not sent again."
e2e_absent "was accepted"
e2e_gone "Outbox:"
[ "$(e2e_sim_created)" = 1 ] || { echo "created: $(e2e_sim_created)"; exit 1; }
grep -q "outbox_done_earlier" "$state/audit.log" || { echo "not audited"; exit 1; }
echo ok
