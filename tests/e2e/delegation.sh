# Four eyes over HTTPS, two terminals on one ssdesk-sim: a clerk acts for
# an insured person under a power of attorney (the agent passes the
# identity check); the submission is pending and its receipt says so; a
# supervisor at a second terminal sees it in the approval queue (masked
# names, clerk, counter), opens it and approves it; the clerk's "My
# submissions" then says approved, by whom.  A second supervisor who had
# the same item open approves too late and is told who decided.  A
# supervisor's own submission offers no decision.  Another submission is
# rejected with a reason (a reason is required), and the clerk sees it.
# (Sessions have names of more than one letter: tmux resolves a one-letter
# target among three sessions unreliably.)
. "$(dirname "$0")/../lib/e2e.sh"
e2e_sim_start
agent=$(e2e_demo_id 马军)
insured=$(e2e_demo_id 孙丽)
insured2=$(e2e_demo_id 孙涛)
[ -n "$agent" ] && [ -n "$insured" ] && [ -n "$insured2" ] || { echo "no demo IDs"; exit 1; }
e2e_start clerk "$SSDESK --service $SIM_URL --ca-file $SIM_CA --counter C-05"
e2e_start sup1 "$SSDESK --service $SIM_URL --ca-file $SIM_CA --counter C-09"

submit() { # ID NAME MASKED POA: a delegated activation, up to its receipt
	e2e_identity "$agent" 马军
	e2e_wait "Person and cards"
	e2e_service "Act for an insured (POA)"
	e2e_wait "Insured's ID number"
	e2e_type "$1"; e2e_keys Enter
	e2e_type "$2"; e2e_keys F2
	e2e_wait "The insured's cards"
	e2e_wait "$3"
	e2e_absent "$1"
	e2e_keys Enter
	e2e_wait "POA document number"
	                                    # focus on the POA number; activation: social security (pre-set)
	e2e_type "$4"; e2e_keys Tab
	e2e_type 2026-10-02; e2e_keys Tab
	e2e_type y; e2e_keys Tab             # covers social security only
	e2e_type y; e2e_type y; e2e_type y
	e2e_keys F2
	e2e_wait "Receipt"
	e2e_wait "Pending a supervisor's approval"
	e2e_wait "Activation under a power of attorney"
	e2e_wait "$2  $3"
	e2e_absent "$1"
}

E2E_SESSION=clerk
e2e_signin clerk01
submit "$insured" 孙丽 110105********0229 POA-2026-118
app1=$(e2e_screen | grep -oE 'DA-[0-9]{8}-[0-9]{4}' | head -n 1)
[ -n "$app1" ] || { echo "no application number"; e2e_screen; exit 1; }

open_item() { # STAFF: sign in as a supervisor, open $app1 from the queue
	e2e_signin "$1"
	e2e_wait "Approval queue"
	e2e_keys 2
	e2e_wait "$app1"
	e2e_wait "clerk01"
	e2e_wait "C-05"
	e2e_wait "孙* / 马*"                # masked names in the list
	e2e_keys Enter
	e2e_wait "POA POA-2026-118 signed 2026-10-02"
	e2e_wait "Submitted by 王小明 (clerk01) at counter C-05"
	e2e_wait "a: approve"
}
# Two supervisors at two terminals open the same item.
e2e_start sup2 "$SSDESK --service $SIM_URL --ca-file $SIM_CA --counter C-10"
E2E_SESSION=sup2; open_item super02
E2E_SESSION=sup1; open_item super01
e2e_type a
e2e_wait "Approve and activate now?"
e2e_type y
e2e_wait "Approved by 陈主管 (super01)"
e2e_wait "Approved: the function is active now."
E2E_SESSION=sup2                           # the other one was too late
e2e_type a; e2e_type y
e2e_wait "Already approved by 陈主管 (super01)"
e2e_wait "Approved by 陈主管 (super01) at"
e2e_absent "a: approve"
E2E_SESSION=sup1

E2E_SESSION=clerk
e2e_keys Escape                         # end the walk-in, Home
e2e_wait "My submissions"
e2e_keys 2
e2e_wait "$app1"
e2e_wait "Approved, 陈主管"
e2e_keys Enter
e2e_wait "Approved by 陈主管 (super01) at"
e2e_absent "a: approve"                  # a clerk is offered no decision
e2e_keys Escape

# A second one (another insured), rejected with a reason.
e2e_keys Escape
e2e_wait "Start a walk-in"
submit "$insured2" 孙涛 110105********0353 POA-2026-119
app2=$(e2e_screen | grep -oE 'DA-[0-9]{8}-[0-9]{4}' | head -n 1)
[ "$app2" != "$app1" ] || { echo "same application number"; exit 1; }

# A supervisor's own submission: offered no decision (the service refuses
# it too: itest_deleg).
E2E_SESSION=sup2
e2e_keys Escape; e2e_keys Escape
e2e_wait "Start a walk-in"
submit "$insured2" 孙涛 110105********0353 POA-2026-120
own=$(e2e_screen | grep -oE 'DA-[0-9]{8}-[0-9]{4}' | head -n 1)
e2e_keys Escape
e2e_wait "Approval queue"
e2e_keys 2
e2e_wait "$own"
e2e_keys Down; e2e_keys Down            # the newest is last
e2e_keys Enter
e2e_wait "POA POA-2026-120"
e2e_wait "Your own submission: another supervisor decides on it."
e2e_absent "a: approve"

E2E_SESSION=sup1
e2e_keys Escape
e2e_wait "Approval queue"
e2e_keys F5
e2e_wait "$app2"
e2e_absent "$app1"                      # decided: no longer waiting
e2e_keys Enter
e2e_wait "POA POA-2026-119"
e2e_type r
e2e_wait "Reason for rejecting"
e2e_keys F2
e2e_wait "A rejection needs a reason"
e2e_type "Signature differs from ID"
e2e_keys F2
e2e_wait "Rejected by 陈主管"
e2e_wait "Signature differs from ID"

E2E_SESSION=clerk
e2e_keys Escape
e2e_wait "My submissions"
e2e_keys 2
e2e_wait "$app2"
e2e_wait "Rejected: Signature differs from ID"
