# The whole walk-in in demo mode at 80x24: sign in, identity check of a
# person with a Chinese name, the person and cards, medical-insurance
# activation with a Luhn-failing bank card confirmed by re-entry, receipt.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
[ -n "$id" ] || { echo "no demo ID for 张伟"; exit 1; }

e2e_start t "$SSDESK --demo --today $TODAY"
e2e_wait "TRAINING"
e2e_wait "clerk01"                  # demo accounts listed in demo mode
e2e_signin
e2e_wait "TRAINING"

e2e_keys Enter
e2e_wait "Identity check"
e2e_type "$id"
e2e_wait "Born 1985-03-12"          # derived as typed, before any request
e2e_wait "Beijing"
e2e_keys Enter
e2e_type 张伟; e2e_keys Enter
e2e_wait "张伟"
e2e_type L; e2e_keys Enter
e2e_type y; e2e_type y; e2e_type p; e2e_type y
e2e_keys F2

e2e_wait "Person and cards"
e2e_wait "110105********0135"       # masked, never the full number
e2e_absent "$id"
e2e_wait "Medical (social security): not active"
e2e_wait "Deadline 2027-05-21"
e2e_wait "180 days left"
e2e_wait "TRAINING"

e2e_keys Enter
e2e_wait "Bank card (UnionPay)"
e2e_type 6222020200112233445        # fails Luhn: warned, asked again
e2e_keys Enter
e2e_type 13800000001
e2e_keys F2
e2e_wait "Re-enter"
e2e_type 6222020200112233445
e2e_keys F2

e2e_wait "Receipt"
e2e_wait "MA-20261122-0001"
e2e_wait "Medical-insurance account activation"
e2e_wait "TRAINING — NOT VALID"
e2e_wait "王小明 (clerk01)"
e2e_absent "6222020200112233445"
e2e_absent "$id"

e2e_keys Enter                      # another service: the card is active now
e2e_wait "Medical (social security): active"

# End the walk-in, sign out and quit: ssdesk exits by itself (under
# valgrind, make check-valgrind, its leak check runs at this exit).
e2e_keys F10
e2e_wait "Walk-in ended"
e2e_keys F10
e2e_wait "Staff ID"
e2e_keys F10
e2e_gone "Staff ID" 30
