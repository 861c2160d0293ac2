# Five wrong passwords: the sixth sign-in, with the right password, is
# refused at the password field with the lockout sentence; a staff ID that
# does not exist gets the same sentence after the same five.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0"
e2e_wait "Staff ID"

# lock_out STAFF: five wrong passwords, then the right one.
lock_out() {
	e2e_type "$1"; e2e_keys Enter
	for i in 1 2 3 4 5; do
		e2e_type "wrong$i"; e2e_keys Enter
		e2e_wait "not accepted"
		e2e_keys C-u
	done
	e2e_type ssdesk-demo; e2e_keys Enter
	e2e_wait "refused for 15 minutes"
	e2e_absent "Start a walk-in"
}
lock_out clerk01
e2e_keys Tab C-u
lock_out nobody42
grep -q "locked_out" "$E2E_TMP/state/ssdesk/audit.log" || { echo "not audited"; exit 1; }
