# Seed 004 on 杨磊, past the 300-day deadline: the guided remedy enables
# the financial function (step 1), then cancels the loss report (step 2),
# in that order; afterwards the medical function can be activated.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0"
e2e_signin
e2e_identity "$(e2e_demo_id 杨磊)" 杨磊
e2e_wait "Person and cards"
e2e_service "Cancel loss (300-day remedy)"
e2e_wait "step 1 of 2: financial function"
# A bad account number is refused at its field, before anything is sent.
e2e_type 12345; e2e_keys F2
e2e_wait "A UnionPay card number starts with 62"
e2e_keys C-u
e2e_type 6222020200112233446
e2e_keys F2
e2e_wait "step 2 of 2: cancel the loss report"
e2e_wait "Step 1 done"
e2e_wait "FA-20261122-"
e2e_keys F2
e2e_wait "Loss report cancelled (300-day remedy)"
e2e_wait "Earlier step"
e2e_keys Enter
e2e_wait "Person and cards"
e2e_wait "Financial: active"
e2e_absent "reported lost"
# The medical function can be activated now.
e2e_service "Activate medical insurance"
e2e_wait "Medical-insurance activation"
e2e_type 6222020200112233446; e2e_keys Enter
e2e_type 13800000007; e2e_keys F2
e2e_wait "Medical-insurance account activation"
e2e_keys F10
e2e_wait "Start a walk-in"
echo ok
