# The service's deadline is the one that counts (docs/api.md, Card): when
# it is not received + 300 days (the other-deadline fault: 10 days
# later), the person screen shows the service's date, marked "*" with a
# footnote, and counts the days left to it; the next answer with the
# 300-day date shows that, unmarked.  The demo's in-process simulator
# commits the fault.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0 \
    --fault 'POST /v1/identity-checks=other-deadline,1'"
e2e_signin
# 张伟's card was received 120 days ago: 300 days is 2027-05-21.
e2e_identity "$(e2e_demo_id 张伟)" 张伟
e2e_wait "Person and cards"
e2e_wait "Received 2026-07-25   Deadline 2027-05-31*"
e2e_wait "190 days left"
e2e_wait "The service set this deadline itself"
e2e_absent "2027-05-21"
e2e_absent "Cards refreshed."
e2e_keys F5
e2e_wait "Cards refreshed."
e2e_wait "Received 2026-07-25   Deadline 2027-05-21  180 days left"
e2e_absent "2027-05-31"
e2e_absent "The service set this deadline itself"
