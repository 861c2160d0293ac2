# SIGTERM, SIGHUP and SIGINT (a shutdown, the terminal closed, kill -INT)
# end ssdesk cleanly from its loop: the draft is saved, the terminal
# restored (the shell after it finds signals, flow control, echo and line
# editing on again), the exit status 128 + the signal's number, and the
# same clerk's next sign-in offers the unfinished walk-in.  So does a
# terminal that really closes (the tmux pane goes: SIGHUP); the audit log
# records the end.  A crash signal (SIGSEGV) restores the terminal before
# the default action.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 吴秀英)
run="$SSDESK --demo --today $TODAY --latency 0 --idle-lock 0"
after="echo \"EXIT=\$?\"; stty -a >$E2E_TMP/stty"
# Sessions come and go here: one stays, or the last one killed stops the
# tmux server while the next new-session starts.
tm -f /dev/null new-session -d -s keep -x 80 -y 24 "sleep 600"

# half_walkin SESSION: signed in, the identity check half typed.
half_walkin() {
	e2e_signin
	e2e_keys Enter
	e2e_wait "Identity check"
	e2e_type "$id"; e2e_keys Enter
	e2e_type 吴秀英
	e2e_wait "吴秀英"
	sleep 0.2
	pid=$(e2e_pid "$1")
	[ -n "$pid" ] || { echo "no ssdesk pid"; exit 1; }
}

# offered SESSION: a new ssdesk there; the sign-in offers the walk-in,
# restored as typed; then it is ended and ssdesk quits.
offered() {
	e2e_start "$1" "$run"
	e2e_signin
	e2e_draft_offered "110105********002X" 吴秀英
	e2e_keys F10
	e2e_wait "Walk-in ended"
	tm kill-session -t "$1"
}

# end_by SIGNAL STATUS
end_by() {
	s="$1-$$"
	rm -f "$E2E_TMP/stty"
	e2e_start "$s" "$run; $after"
	half_walkin "$s"
	e2e_absent "EXIT="
	kill "-$1" "$pid"
	e2e_wait "EXIT=$2"
	e2e_wait "SIG$1: ended"
	e2e_tty_sane "$E2E_TMP/stty"
	tm kill-session -t "$s"
	offered "$s"
}
end_by TERM 143
end_by HUP 129
end_by INT 130

# The terminal closes for real.
e2e_start closed "$run"
half_walkin closed
tm kill-session -t closed
i=0
while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
kill -0 "$pid" 2>/dev/null && { echo "ssdesk outlived its terminal"; exit 1; }
awk -F '\t' '$3 == "quit" && $4 == "clerk01" && $6 == "SIGHUP" { ok = 1 }
    END { exit !ok }' "$E2E_TMP/state/ssdesk/audit.log" ||
    { echo "no clean end in the audit log:"; cat "$E2E_TMP/state/ssdesk/audit.log"; exit 1; }
offered closed

# A crash: the terminal is restored, then the signal's default action.
e2e_start crash "$run; $after"
e2e_wait "Staff ID"
rm -f "$E2E_TMP/stty"
kill -SEGV "$(e2e_pid crash)"
e2e_wait "EXIT=139"
e2e_tty_sane "$E2E_TMP/stty"
echo ok
