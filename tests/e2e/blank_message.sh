# A refusal with a code the terminal does not know and a message that
# shows nothing once sanitised (escape sequences, C1 controls, a bidi mark,
# blanks): the status line gives the terminal's own sentence, never a
# blank line, and none of the escapes shows.  The demo's in-process
# simulator commits the fault (ssdesk --demo --fault).
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0 \
    --fault 'POST /v1/identity-checks=blank-message,1'"
e2e_signin
e2e_identity_fill "$(e2e_demo_id 张伟)" 张伟
e2e_absent "refused the request"
e2e_keys F2
e2e_wait "The central service refused the request. Check the details"
e2e_absent "[2J"
e2e_absent "31m"
e2e_absent "Person and cards"
# The fault was for one answer: F2 again goes through.
e2e_keys F2
e2e_wait "Person and cards"
