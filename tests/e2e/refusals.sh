# Every refusal of the walking skeleton, each on the demo person the
# simulator keeps for it, shown on screen with what to do next.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0"
e2e_signin

refused() { # id name validity face expected...
	id=$1 name=$2 valid=$3 face=$4; shift 4
	e2e_identity "$id" "$name" "$valid" "$face"
	for text in "$@"; do e2e_wait "$text"; done
	e2e_keys F10
	e2e_wait "Start a walk-in"
}
# At the person screen, for the chosen card.
card_refused() { # id name expected...
	id=$1 name=$2; shift 2
	e2e_identity "$id" "$name"
	e2e_wait "Person and cards"
	e2e_keys Enter
	for text in "$@"; do e2e_wait "$text"; done
	e2e_keys F10
	e2e_wait "Start a walk-in"
}

zhang=$(e2e_demo_id 张伟)
refused "$zhang" 李四 L p "Name does not match the ID number" "Compare the name with the ID card"
refused "$(e2e_demo_id 刘洋)" 刘洋 L p "Recorded as deceased" "Stop the walk-in"
refused "$(e2e_demo_id 王芳)" 王芳 L p "ID card expired" "renew the ID card"
refused "$(e2e_demo_id 陈静)" 陈静 L p "Face recognition failed" "does not match the register"
refused 110101199001011237 某某 L p "Not in the register" "must enrol first"
# Caught before anything is sent: an expired end date typed, a failed face.
refused "$zhang" 张伟 2020-01-01 p "The ID card has expired"
refused "$zhang" 张伟 L f "Face recognition failed: the applicant's identity is not confirmed"

card_refused "$(e2e_demo_id 杨磊)" 杨磊 "deadline passed" \
    "The 300-day activation deadline passed on 2026-11-21" \
    "first" "enables the financial application at the card's bank" \
    "then the loss report is cancelled at this counter"
card_refused "$(e2e_demo_id 李娜)" 李娜 "already active"
card_refused "$(e2e_demo_id 周杰)" 周杰 "reported lost by its holder" "Apply for"
