# Two counters serve the same applicant's card (the applicant went to the
# next window too).  The second activation is refused by the service as
# already active: the second clerk's card list must then say "active",
# not contradict the refusal under it, and Enter must not open the form
# and send the card again.  The bank card number typed there is wiped.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_sim_start
id=$(e2e_demo_id 黄强)
e2e_start a "$SSDESK --service $SIM_URL --ca-file $SIM_CA --counter C-01"
e2e_start b "$SSDESK --service $SIM_URL --ca-file $SIM_CA --counter C-02"

fill() { # session staff: sign in, check 黄强, fill the medical form
	E2E_SESSION=$1
	e2e_signin "$2"
	e2e_identity "$id" 黄强
	e2e_wait "Person and cards"
	e2e_wait "Medical (social security): not active"
	e2e_keys Enter
	e2e_wait "Medical-insurance activation"
	e2e_type 6222021234567894; e2e_keys Enter
	e2e_type 13800138000
	e2e_wait "13800138000] ok"
}
fill a clerk01
fill b clerk02
E2E_SESSION=a; e2e_keys F2
e2e_wait "Application number"
E2E_SESSION=b; e2e_keys F2
e2e_wait "already active"
e2e_wait "Person and cards"
e2e_wait "Medical (social security): active"
e2e_absent "not active     Fin"
e2e_keys Enter                              # the pre-check now stops it
e2e_wait "already active. Nothing to do."
e2e_absent "Medical-insurance activation"
e2e_absent "6222021234567894"
