# The lock falls while the identity check is in flight: the request still
# completes under the lock, and after unlocking the clerk is on the person
# screen it led to.  The password is checked locally (no service call).
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
e2e_start t "$SSDESK --demo --today $TODAY --latency 2500 --idle-lock 1"
e2e_signin
e2e_identity "$id" 张伟
e2e_wait "ssdesk is locked" 5
e2e_absent "Person and cards"
e2e_absent "张伟"
sleep 2.5                           # the answer comes while locked
e2e_absent "张伟"
e2e_type ssdesk-demo; e2e_keys Enter
e2e_gone "ssdesk is locked" 2       # locally: well before the 2.5 s latency
e2e_wait "Person and cards" 1
e2e_wait "110105********0135"
