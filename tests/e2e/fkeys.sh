# Terminals without function keys: Esc followed by a digit, or Alt-digit,
# does what the F-key does (Esc 1 help, Esc 2 submit, Alt-0 end the
# walk-in); a lone Esc still means back.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0"
e2e_signin
e2e_keys Enter
e2e_wait "Identity check"
e2e_keys Escape 1                   # one write, as a terminal sends it
e2e_wait "Any key closes this help"
e2e_keys x
e2e_gone "Any key closes this help"
e2e_absent "[x"                     # the closing key typed nothing
e2e_type "$(e2e_demo_id 张伟)"; e2e_keys Enter
e2e_type 张伟; e2e_keys Enter
e2e_type L; e2e_keys Enter
e2e_type y; e2e_type y; e2e_type p; e2e_type y
e2e_keys Escape 2                   # submit
e2e_wait "Person and cards"
e2e_keys M-0                        # end the walk-in
e2e_wait "Walk-in ended"
e2e_keys Enter
e2e_wait "Identity check"
e2e_absent "张伟"                   # wiped
e2e_keys Escape                     # a lone Esc: back Home, walk-in kept
e2e_wait "Continue the walk-in"
