# The temporary loss report and its lifting.  张伟 reports his card lost:
# the receipt says until when, the card is listed lost and its services
# refused, and only the lifting is offered; he finds it and lifts the
# report: the card works again.  欧阳娜娜's old card was replaced: lifting
# its report is refused by the service.  Then a report sent while the
# service is down waits in the outbox and goes once it is back.
. "$(dirname "$0")/../lib/e2e.sh"
E2E_SIM_ARGS=--control e2e_sim_start
e2e_start t "$SSDESK --service $SIM_URL --ca-file $SIM_CA --idle-lock 0"
e2e_signin
e2e_identity "$(e2e_demo_id 张伟)" 张伟
e2e_wait "Card: normal"
e2e_absent "Lift the loss report"
e2e_service "Report card lost (temporary)"
e2e_wait "Report the card lost for 7 days"
e2e_wait "A0****017"
e2e_absent "LR-20261122-"
e2e_keys F2
e2e_wait "Card reported lost (temporary)"
e2e_wait "LR-20261122-0001"
e2e_wait "until 2026-11-29"
e2e_keys Enter
e2e_wait "Card: lost"
e2e_absent "Report card lost (temporary)"
# A lost card's other services are refused before anything is sent.
e2e_service "Activate medical insurance"
e2e_wait "reported lost by its holder"
e2e_absent "New card (first application)"
e2e_service "Lift the loss report"
e2e_wait "The loss report of the card above is lifted"
e2e_keys F2
e2e_wait "LL-20261122-0002"
e2e_wait "work again at once"
e2e_keys Enter
e2e_wait "Card: normal"
e2e_wait "Report card lost (temporary)"
e2e_absent "Lift the loss report"
e2e_keys F10
e2e_wait "Start a walk-in"

# The old card of two, replaced before: the service refuses the lifting.
e2e_identity "$(e2e_demo_id 欧阳娜娜)" 欧阳娜娜
e2e_wait "Card: lost"
e2e_wait "> 2  A5****127"
e2e_keys Tab                            # the old card
e2e_wait "> 1  A5****112"
e2e_service "Lift the loss report"
e2e_keys F2
e2e_wait "A replacement for this card was already issued"
[ "$(e2e_sim_created)" = 2 ] || { echo "created: $(e2e_sim_created)"; exit 1; }
e2e_keys F10
e2e_wait "Start a walk-in"

# While the service is down the report waits in the outbox, and is made
# once when it is back.
e2e_identity "$(e2e_demo_id 梁文)" 梁文
e2e_wait "Card: normal"
e2e_fault "POST /v1/applications/loss-report=503"
e2e_service "Report card lost (temporary)"
e2e_keys F2
e2e_wait "temporary loss report waits in the outbox" 10
e2e_wait "Outbox: 1"
e2e_keys F10
e2e_wait "Walk-in ended"
e2e_fault
e2e_keys F5
e2e_wait "temporary loss report that waited in the outbox was accepted" 15
e2e_wait "LR-20261122-0003."
e2e_gone "Outbox:"
[ "$(e2e_sim_created)" = 3 ] || { echo "created: $(e2e_sim_created)"; exit 1; }
echo ok
