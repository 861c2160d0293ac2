# The keyboard cannot kill ssdesk.  Ctrl-S and Ctrl-Q do not freeze the
# screen (no XON/XOFF flow control) and Ctrl-Z does not suspend it: a key
# typed after each still shows.  Ctrl-C (and Ctrl-\) on a walk-in screen
# asks first; n goes back to the form exactly as it was (other keys are not
# typed into it), y quits with status 0, the terminal restored, and the
# same clerk's next sign-in offers the walk-in as after a crash.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 吴秀英)
run="$SSDESK --demo --today $TODAY --latency 0 --idle-lock 0"
ask="Quit ssdesk? The walk-in is kept as a draft. y / n"

e2e_start t "$run; echo \"EXIT=\$?\"; stty -a >$E2E_TMP/stty"
e2e_signin
e2e_keys Enter
e2e_wait "Identity check"
e2e_type "$id"; e2e_keys Enter
e2e_type 吴
e2e_keys C-s                        # XOFF would stop all output here
e2e_type 秀
e2e_wait "吴秀"
e2e_keys C-q
e2e_keys C-z                        # SIGTSTP would stop ssdesk here
e2e_type 英
e2e_wait "吴秀英"
e2e_keys Enter
e2e_type L
e2e_wait "long-term"
sleep 0.2
before=$(e2e_screen); at=$(e2e_cursor)
pid=$(e2e_pid)

e2e_absent "Quit ssdesk?"
e2e_keys C-c
e2e_wait "$ask"
kill -0 "$pid" || { echo "Ctrl-C ended ssdesk"; exit 1; }
e2e_type x                          # neither an answer nor typed
e2e_keys Enter
sleep 0.2
e2e_wait "$ask"
e2e_keys n
e2e_gone "Quit ssdesk?"
sleep 0.2
[ "$(e2e_screen)" = "$before" ] || { echo "n did not go back to the form as it was:";
	echo "$before"; echo "---- now:"; e2e_screen; exit 1; }
[ "$(e2e_cursor)" = "$at" ] || { echo "cursor moved: $(e2e_cursor), was $at"; exit 1; }

e2e_keys 'C-\'
e2e_wait "$ask"
e2e_keys Escape                     # Esc is no too
e2e_gone "Quit ssdesk?"
kill -0 "$pid" || { echo "Ctrl-\\ ended ssdesk"; exit 1; }

e2e_keys C-c
e2e_wait "$ask"
e2e_keys y
e2e_wait "EXIT=0"
e2e_tty_sane "$E2E_TMP/stty"

e2e_start t2 "$run"
e2e_signin
e2e_draft_offered "110105********002X" 吴秀英
e2e_wait "$id"
echo ok
