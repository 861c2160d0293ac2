# A draft that will not open is never deleted: it is moved aside (0600,
# its name on screen) and the clerk goes on.  And the draft carries what
# opening it needs but the password: with the old key file gone (it was a
# single point of failure) a good draft still opens.  (Before: a missing
# key file made a good draft "damaged", and a damaged one was removed.)
. "$(dirname "$0")/../lib/e2e.sh"
state=$E2E_TMP/state/ssdesk
run="$SSDESK --demo --today $TODAY --idle-lock 0"
kill9() {
	pid=$(pgrep -P "$(tm display-message -p -t "$1" '#{pane_pid}')" -x ssdesk)
	[ -n "$pid" ] || { echo "no ssdesk pid"; exit 1; }
	kill -9 "$pid"
	e2e_wait "Killed" 10 "$1"
}
half_walkin() {
	e2e_keys Enter
	e2e_wait "Identity check"
	e2e_type "$(e2e_demo_id 张伟)"; e2e_keys Enter
	e2e_type 张伟
	sleep 0.5
}

e2e_start t1 "$run"
e2e_signin clerk01
half_walkin
kill9 t1
rm -f "$state/key-clerk01.ssd"
e2e_start t2 "$run"
e2e_signin clerk01 2>/dev/null || true
e2e_wait "Unfinished walk-in" 10 t2
E2E_SESSION=t2
e2e_keys 1
e2e_wait "Identity check"
kill9 t2

# One byte changed: it will not open.  Moved aside, said where.
size=$(stat -c %s "$state/draft-clerk01.ssd")
printf 'x' | dd of="$state/draft-clerk01.ssd" bs=1 seek=$((size - 3)) conv=notrunc 2>/dev/null
cp "$state/draft-clerk01.ssd" "$E2E_TMP/bad"
e2e_start t3 "$run"
E2E_SESSION=t3
e2e_wait "Staff ID"
e2e_type clerk01; e2e_keys Enter
e2e_type ssdesk-demo; e2e_keys Enter
e2e_wait "A saved draft would not" 10
e2e_wait "draft-clerk01.ssd.damaged-"
aside=$(ls "$state"/draft-clerk01.ssd.damaged-* 2>/dev/null | head -n 1)
[ -n "$aside" ] || { echo "not kept"; ls -la "$state"; exit 1; }
cmp -s "$aside" "$E2E_TMP/bad" || { echo "not the same bytes"; exit 1; }
[ "$(stat -c %a "$aside")" = 600 ] || { echo "not 0600"; exit 1; }
[ ! -f "$state/draft-clerk01.ssd" ] || { echo "still in the way"; exit 1; }
echo ok
