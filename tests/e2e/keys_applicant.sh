# Ctrl-C and Ctrl-\ on the screens turned to the applicant (the PIN entry,
# the newborn's commitment letter) do not end ssdesk and change nothing
# the applicant typed or reads: one line says the clerk takes the screen
# back first.  Before, Ctrl-C ended ssdesk at once (exit status 1) and
# Ctrl-\ killed it with SIGQUIT, the terminal left garbled.
. "$(dirname "$0")/../lib/e2e.sh"
line="This screen is the applicant's"
run="$SSDESK --demo --today $TODAY --latency 0 --idle-lock 0"

e2e_start t "$run"
e2e_signin
e2e_identity "$(e2e_demo_id 林晓雨)" 林晓雨
e2e_service "Reset card PIN"
e2e_wait "Type your new 6-digit PIN"
e2e_type 582
e2e_wait "● ● ● _ _ _"
pid=$(e2e_pid)
[ -n "$pid" ] || { echo "no ssdesk pid"; exit 1; }
e2e_absent "$line"
e2e_keys C-c
e2e_wait "$line"
kill -0 "$pid" || { echo "Ctrl-C ended ssdesk"; exit 1; }
e2e_wait "Type your new 6-digit PIN"
e2e_wait "● ● ● _ _ _"                      # the digits typed are kept
e2e_type 9                                  # a digit clears the line
e2e_wait "● ● ● ● _ _"
e2e_gone "$line"
e2e_keys 'C-\'
e2e_wait "$line"
kill -0 "$pid" || { echo "Ctrl-\\ ended ssdesk"; exit 1; }
e2e_wait "● ● ● ● _ _"
e2e_wait "Type your new 6-digit PIN"
# And the entry goes on as if nothing had been pressed.
e2e_type 14; e2e_keys Enter
e2e_wait "Type the same PIN again"
e2e_type 582914; e2e_keys Enter
e2e_wait "Card PIN reset"

# The newborn's commitment letter, confirmed, is read to the parent (in
# a second ssdesk, so another clerk: one ssdesk per clerk here).
e2e_start t2 "$run"
e2e_signin clerk02
e2e_newborn_letter
pid=$(e2e_pid t2)
e2e_absent "$line"
e2e_keys 'C-\'
e2e_wait "$line"
e2e_keys C-c
kill -0 "$pid" || { echo "Ctrl-C or Ctrl-\\ ended ssdesk"; exit 1; }
e2e_wait "Personal commitment letter"
e2e_wait "[x]"
e2e_absent "Quit ssdesk?"
e2e_keys F2
e2e_wait "NB-20261122-"
echo ok
