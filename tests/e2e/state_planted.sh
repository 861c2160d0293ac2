# Files planted in the state directory are not used as they are: an
# audit.log owned by another user with mode 0666 is not written to (the
# banner says why; the records wait in memory), and a draft that is not
# the clerk's own file is not opened (it is moved aside, and said).
# (Before: both were used as they were.)
. "$(dirname "$0")/../lib/e2e.sh"
state=$E2E_TMP/state/ssdesk
run="$SSDESK --demo --today $TODAY --latency 0 --idle-lock 0"
e2e_start t1 "$run"
e2e_signin clerk01
e2e_keys F10
e2e_wait "Signed out"
e2e_keys F10
sleep 0.5

printf 'planted\n' >"$state/audit.log"
chown 65534:65534 "$state/audit.log"
chmod 0666 "$state/audit.log"
printf 'SSDESK-DRAFT-2\nnot really a draft\n' >"$state/draft-clerk02.ssd"
chown 65534:65534 "$state/draft-clerk02.ssd"
chmod 0644 "$state/draft-clerk02.ssd"

e2e_start t2 "$run"
E2E_SESSION=t2
e2e_signin clerk01
e2e_wait "Audit records not saved" 5
e2e_wait "a file there is not ssdesk's own"
e2e_wait "audit.log in the state directory is not ssdesk's own"
e2e_wait "mode 0666"
[ "$(cat "$state/audit.log")" = planted ] || { echo "written to the planted log"; exit 1; }
e2e_keys F10
e2e_wait "Signed out"
e2e_signin clerk02
e2e_wait "A saved draft would not" 5
ls "$state"/draft-clerk02.ssd.damaged-* >/dev/null 2>&1 || { echo "not moved aside"; ls -la "$state"; exit 1; }
[ "$(cat "$state/audit.log")" = planted ] || { echo "written to the planted log"; exit 1; }
echo ok
