# tests/lib/e2e.sh -- run the real ssdesk in a detached tmux at 80x24.
#
# Sourced by tests/e2e/*.sh.  Each test gets its own tmux server (-L), so
# tests never see each other's sessions, and everything it started is
# stopped on exit, pass or fail.  Works with no terminal on stdin.

set -u
TOP=${SSDESK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${SSDESK_BUILD:-$TOP/build}
SSDESK=$BUILD/ssdesk
# E2E_VALGRIND=FILE: ssdesk runs under valgrind (memcheck, definite leaks
# are errors; tests/valgrind.supp), its report in FILE.
if [ -n "${E2E_VALGRIND:-}" ]; then
	SSDESK="valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --suppressions=$TOP/tests/valgrind.supp --log-file=$E2E_VALGRIND $SSDESK"
fi
SIM=$BUILD/ssdesk-sim
TODAY=${E2E_TODAY:-2026-11-22}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
E2E_SOCK="ssdesk-e2e-$$"
E2E_TMP=$(mktemp -d)
E2E_PIDS=
E2E_SESSION=t

e2e_cleanup() {
	tmux -L "$E2E_SOCK" kill-server 2>/dev/null
	for p in $E2E_PIDS; do kill "$p" 2>/dev/null; done
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT INT TERM

tm() { tmux -L "$E2E_SOCK" "$@"; }

# e2e_start [session] command...: a new 80x24 session running command.
e2e_start() {
	E2E_SESSION=$1; shift
	tm -f /dev/null new-session -d -s "$E2E_SESSION" -x 80 -y 24 \
	    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color XDG_STATE_HOME=$E2E_TMP/state $*; sleep 30"
	tm set-option -t "$E2E_SESSION" -g status off >/dev/null 2>&1 || true
}

e2e_screen() { tm capture-pane -t "${1:-$E2E_SESSION}" -p; }

# e2e_wait TEXT [seconds] [session]: until TEXT (fixed string) is on screen.
e2e_wait() {
	text=$1 limit=${2:-10} s=${3:-$E2E_SESSION}
	i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		if e2e_screen "$s" | grep -qF -- "$text"; then return 0; fi
		sleep 0.05; i=$((i + 1))
	done
	echo "timed out waiting for: $text"; echo "---- screen ($s):"; e2e_screen "$s"
	exit 1
}

# e2e_gone TEXT [seconds]: until TEXT is no longer on screen.
e2e_gone() {
	text=$1 limit=${2:-10} i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		e2e_screen | grep -qF -- "$text" || return 0
		sleep 0.05; i=$((i + 1))
	done
	echo "still on screen: $text"; e2e_screen; exit 1
}

# e2e_absent TEXT: fail now if TEXT is on screen.
e2e_absent() {
	if e2e_screen | grep -qF -- "$1"; then
		echo "unexpected on screen: $1"; e2e_screen; exit 1
	fi
}

# e2e_cursor [session]: where the terminal cursor is, as "x,y".
e2e_cursor() { tm display-message -p -t "${1:-$E2E_SESSION}" '#{cursor_x},#{cursor_y}'; }

# e2e_wait_cursor X,Y [seconds]: until the cursor is there.
e2e_wait_cursor() {
	want=$1 limit=${2:-10} i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		[ "$(e2e_cursor)" = "$want" ] && return 0
		sleep 0.05; i=$((i + 1))
	done
	echo "cursor at $(e2e_cursor), expected $want"; e2e_screen; exit 1
}

# e2e_pid [session]: the pid of the ssdesk running in the session's pane.
e2e_pid() {
	pgrep -P "$(tm display-message -p -t "${1:-$E2E_SESSION}" '#{pane_pid}')" -x ssdesk
}

# e2e_tty_sane FILE: FILE holds `stty -a` as the shell found the pane's
# terminal after ssdesk: signals, flow control, echo and line editing are
# back as they were before it started.
e2e_tty_sane() {
	[ -s "$1" ] || { echo "no stty output in $1"; e2e_screen; exit 1; }
	for flag in isig ixon echo icanon; do
		tr ' ;' '\n\n' <"$1" | grep -qx -- "$flag" ||
		    { echo "terminal not restored: $flag is off"; cat "$1"; exit 1; }
	done
}

e2e_keys() { tm send-keys -t "$E2E_SESSION" "$@"; sleep 0.05; }
e2e_type() { tm send-keys -t "$E2E_SESSION" -l "$1"; sleep 0.05; }

# e2e_service LABEL: on the person screen, wait for the service LABEL and
# press its number, as a clerk reads it off the screen (the numbers depend
# on which services apply to the person).
e2e_service() {
	e2e_wait "$1"
	n=$(e2e_screen | awk -v l="  $1" '{ i = index($0, l);
	    if (i > 1) { print substr($0, i - 1, 1); exit } }')
	[ -n "$n" ] || { echo "service not numbered: $1"; e2e_screen; exit 1; }
	e2e_keys "$n"
}

# e2e_demo_id NAME: the fictitious ID number the simulator gives NAME.
e2e_demo_id() {
	"$SIM" --list --today "$TODAY" | grep -F -- "$1" | grep -oE '[0-9]{17}[0-9X]' | head -n 1
}

# e2e_signin [staff]: sign in on the sign-in screen and wait for home.
e2e_signin() {
	e2e_wait "Staff ID"
	e2e_type "${1:-clerk01}"; e2e_keys Enter
	e2e_type "ssdesk-demo"; e2e_keys Enter
	e2e_wait "walk-in"
}

# e2e_pki: a throw-away CA and certificates in $E2E_TMP/pki.
e2e_pki() {
	sh "$TOP/tests/lib/pki.sh" "$E2E_TMP/pki" >/dev/null 2>&1 || {
		echo "pki.sh failed"; exit 1; }
}

# e2e_sim_start: ssdesk-sim over HTTPS on an ephemeral port; sets SIM_URL.
e2e_sim_start() {
	e2e_pki
	"$SIM" --port 0 --port-file "$E2E_TMP/port" --today "$TODAY" \
	    --cert "$E2E_TMP/pki/server.pem" --key "$E2E_TMP/pki/server.key" \
	    ${E2E_SIM_ARGS:-} >"$E2E_TMP/sim.log" 2>&1 &
	E2E_PIDS="$E2E_PIDS $!"
	i=0
	while [ ! -s "$E2E_TMP/port" ] && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	[ -s "$E2E_TMP/port" ] || { echo "ssdesk-sim did not start"; cat "$E2E_TMP/sim.log"; exit 1; }
	SIM_URL="https://127.0.0.1:$(cat "$E2E_TMP/port")"
	SIM_CA="$E2E_TMP/pki/ca.pem"
}

# e2e_sim_restart: stop ssdesk-sim and start a fresh one on the same port
# (a restarted central service: every session and identity check is gone).
e2e_sim_restart() {
	port=$(cat "$E2E_TMP/port")
	for p in $E2E_PIDS; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
	E2E_PIDS=
	rm -f "$E2E_TMP/port"
	i=0
	while :; do
		"$SIM" --port "$port" --port-file "$E2E_TMP/port" --today "$TODAY" \
		    --cert "$E2E_TMP/pki/server.pem" --key "$E2E_TMP/pki/server.key" \
		    ${E2E_SIM_ARGS:-} >>"$E2E_TMP/sim.log" 2>&1 &
		pid=$!
		j=0
		while [ ! -s "$E2E_TMP/port" ] && kill -0 "$pid" 2>/dev/null &&
		    [ "$j" -lt 100 ]; do sleep 0.05; j=$((j + 1)); done
		[ -s "$E2E_TMP/port" ] && break
		i=$((i + 1))
		[ "$i" -lt 20 ] || { echo "ssdesk-sim did not restart"; cat "$E2E_TMP/sim.log"; exit 1; }
		sleep 0.2
	done
	E2E_PIDS="$pid"
}

# e2e_identity ID NAME [VALID_UNTIL] [FACE]: fill the identity check from
# the home screen and submit it (face: p, f or n; default p).
e2e_identity() {
	e2e_identity_fill "$@"
	e2e_keys F2
}

# e2e_identity_fill ID NAME [VALID_UNTIL] [FACE]: the same, not submitted.
e2e_identity_fill() {
	e2e_keys Enter
	e2e_wait "Identity check"
	e2e_type "$1"; e2e_keys Enter
	e2e_type "$2"; e2e_keys Enter
	e2e_type "${3:-L}"; e2e_keys Enter
	e2e_type y; e2e_type y; e2e_type "${4:-p}"; e2e_type y
}

# e2e_newborn_letter: from home, the identity check of 胡明 and his
# household's newborn 胡小宝 chosen; the commitment letter confirmed (y).
e2e_newborn_letter() {
	e2e_identity "$(e2e_demo_id 胡明)" 胡明
	e2e_wait "Person and cards"
	e2e_service "Register a newborn"
	e2e_wait "Register number"
	e2e_type HH-0100; e2e_keys F2
	e2e_wait "胡小宝"
	e2e_keys Enter
	e2e_wait "Personal commitment letter"
	e2e_type y
	e2e_wait "[x]"
}

# e2e_draft_offered MASKED NAME: after sign-in, the unfinished walk-in of
# the applicant MASKED (the ID number as the offer masks it) is offered
# and restored (1); NAME is back in its field.
e2e_draft_offered() {
	e2e_wait "Unfinished walk-in"
	e2e_wait "$1"
	e2e_keys 1
	e2e_wait "Draft restored"
	e2e_wait "$2"
}

# e2e_fault 'METHOD PATH=KIND[:MS][,COUNT]'...: replace the simulator's
# faults (needs E2E_SIM_ARGS=--control before e2e_sim_start); no
# argument clears them.
e2e_fault() {
	printf '%s\n' "$@" | curl -sf --cacert "$SIM_CA" -X PUT --data-binary @- \
	    "$SIM_URL/_sim/faults" || { echo "cannot set fault: $*"; exit 1; }
}

# e2e_fault_session: ssdesk-sim taking faults at run time (--control),
# ssdesk against it over HTTPS in session t, clerk01 signed in.
e2e_fault_session() {
	E2E_SIM_ARGS="--control ${E2E_SIM_ARGS:-}" e2e_sim_start
	e2e_start t "$SSDESK --service $SIM_URL --ca-file $SIM_CA"
	e2e_signin
}

# e2e_sim_created: how many applications the simulator really created.
e2e_sim_created() {
	curl -sf --cacert "$SIM_CA" "$SIM_URL/_sim/stats" |
	    sed -n 's/.*"created":\([0-9]*\).*/\1/p'
}

# e2e_medical [BANK] [PHONE]: from the person screen, open the medical
# activation, type the bank card (default Luhn-valid, with spaces) and the
# mobile number, and send it (F2).
e2e_medical() {
	e2e_keys Enter
	e2e_wait "Bank card (UnionPay)"
	e2e_type "${1:-6222 0202 0011 2233 446}"; e2e_keys Enter
	e2e_type "${2:-13900000012}"
	e2e_keys F2
}

# e2e_medical_waits: over HTTPS ($SIM_URL, started with --control), a
# medical activation for 张伟 that waits in the outbox (503 on its path),
# its walk-in ended, the clerk (clerk01) back Home.  The fault stays.
e2e_medical_waits() {
	e2e_fault "POST /v1/applications/medical-activation=503"
	e2e_start t "$SSDESK --service $SIM_URL --ca-file $SIM_CA --idle-lock 0"
	e2e_signin clerk01
	e2e_identity "$(e2e_demo_id 张伟)" 张伟
	e2e_wait "Person and cards"
	e2e_medical
	e2e_wait "Outbox: 1"
	e2e_keys F10
	e2e_wait "Walk-in ended"
}
