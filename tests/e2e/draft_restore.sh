# kill -9 in the middle of the identity check: the draft on disk is sealed
# (no ID number, name or password in clear, files 0600 in a 0700
# directory); another clerk is not offered it; the same clerk's next
# sign-in offers it back with every value as typed, and the check goes
# through.  Ending the walk-in removes the draft; declining one too.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 吴秀英)
[ -n "$id" ] || { echo "no demo ID"; exit 1; }
state=$E2E_TMP/state/ssdesk
run="$SSDESK --demo --today $TODAY --idle-lock 0"

ssdesk_pid() { pgrep -P "$(tm display-message -p -t "$1" '#{pane_pid}')" -x ssdesk; }

# fill_and_kill SESSION: type most of the identity check, then kill -9.
fill_and_kill() {
	e2e_keys Enter
	e2e_wait "Identity check"
	e2e_type "$id"; e2e_keys Enter
	e2e_type 吴秀英; e2e_keys Enter
	e2e_type L; e2e_keys Enter
	e2e_type y
	e2e_wait "sighted [x]"
	# Back up to the name: the draft keeps the field the clerk is in.
	e2e_keys Up; e2e_keys Up; e2e_keys Up; e2e_keys End
	sleep 0.2
	at=$(e2e_cursor "$1")
	pid=$(ssdesk_pid "$1")
	[ -n "$pid" ] || { echo "no ssdesk pid"; exit 1; }
	kill -9 "$pid"
	e2e_wait "Killed"
}

e2e_start t1 "$run"
e2e_signin clerk01
fill_and_kill t1

[ -f "$state/draft-clerk01.ssd" ] || { echo "no draft"; ls -la "$state"; exit 1; }
[ "$(stat -c %a "$state")" = 700 ] || { echo "state dir not 0700"; exit 1; }
for f in "$state"/*; do
	[ "$(stat -c %a "$f")" = 600 ] || { echo "$f not 0600"; exit 1; }
done
for secret in "$id" 吴秀英 ssdesk-demo 19491231; do
	if grep -r -q -F -- "$secret" "$state"; then
		echo "found in clear in the state dir: $secret"; exit 1
	fi
done
ls "$state" | grep -q -F "$id" && { echo "ID number in a file name"; exit 1; }

# Another clerk: no offer, and clerk01's draft stays.
e2e_start t2 "$run"
e2e_signin clerk02
e2e_wait "Start a walk-in"
e2e_absent "Unfinished walk-in"
e2e_keys F10
e2e_wait "Signed out"
e2e_keys F10
[ -f "$state/draft-clerk01.ssd" ] || { echo "clerk02 removed clerk01's draft"; exit 1; }

# The same clerk: offered, restored as typed.
e2e_start t3 "$run"
e2e_signin clerk01
e2e_wait "Unfinished walk-in"
e2e_wait "吴秀英"
e2e_wait "110105********002X"
e2e_absent "$id"
e2e_keys 1
e2e_wait "Identity check"
e2e_wait "Draft restored"
e2e_wait "$id"
e2e_wait "吴秀英"
e2e_wait "sighted [x]"
e2e_wait "taken [ ]"
e2e_wait_cursor "$at"               # in the name field, as left
e2e_keys Down; e2e_keys Down; e2e_keys Down
e2e_type y; e2e_type p; e2e_type y
e2e_keys F2
e2e_wait "Person and cards"
# Ending the walk-in removes the draft.
e2e_keys F10
e2e_wait "Walk-in ended"
sleep 0.2
[ ! -e "$state/draft-clerk01.ssd" ] || { echo "draft kept after the walk-in ended"; exit 1; }

# Killed again; this time the clerk declines: the draft is removed.
fill_and_kill t3
e2e_start t4 "$run"
e2e_signin clerk01
e2e_wait "Unfinished walk-in"
e2e_keys 2
e2e_wait "discarded"
e2e_wait "Start a walk-in"
sleep 0.2
[ ! -e "$state/draft-clerk01.ssd" ] || { echo "declined draft kept"; exit 1; }
