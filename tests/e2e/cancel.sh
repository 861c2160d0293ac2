# While a request is in flight the screen stays live: a spinner shows, Esc
# cancels, and the form is kept for another try.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 4000"
e2e_wait "Staff ID"
e2e_type clerk01; e2e_keys Enter
e2e_type ssdesk-demo; e2e_keys Enter
e2e_wait "Esc cancels"
e2e_keys Escape
e2e_wait "ancel"
e2e_wait "clerk01"
