# While a request is in flight the screen stays live: a spinner shows, Esc
# cancels, and the form is kept for another try.  Every wait after Esc is
# for what only the cancel brings: its sentence, the spinner gone, and no
# sign-in (a four-second answer would sign in if Esc did nothing).
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 4000"
e2e_wait "Staff ID"
e2e_type clerk01; e2e_keys Enter
e2e_type ssdesk-demo; e2e_keys Enter
e2e_wait "Signing in"
e2e_absent "Sign-in cancelled."
e2e_keys Escape
e2e_wait "Sign-in cancelled."
e2e_gone "Esc cancels"
e2e_wait "clerk01"                        # the form kept
sleep 5                                   # past the answer's latency
e2e_absent "Start a walk-in"
e2e_absent "Signed in"
# Signing in again works (the password is typed again: it is never
# kept); the cancelled request left nothing behind.
e2e_keys F2
e2e_wait "Type your password."
e2e_type ssdesk-demo; e2e_keys Enter
e2e_wait "Signing in"
e2e_wait "Start a walk-in" 15
echo ok
