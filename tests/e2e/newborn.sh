# A newborn's registration in demo mode, from the household lookup to the
# receipt, and each refusal on the way with its message: unknown register
# number (at its field), parent not listed, child already has a card,
# child too old (366 days: one day past the limit), parent listed but not
# the child's guardian.  Full ID numbers never reach the screen.  The
# registration issues the child's first card: from the receipt (F4) the
# parent sets its PIN on the screen turned to them; the child's birth
# date is refused, another PIN is set, and the PIN receipt names the
# child and its card.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 胡明)
[ -n "$id" ] || { echo "no demo ID for 胡明"; exit 1; }

e2e_start t "$SSDESK --demo --today $TODAY"
e2e_signin
e2e_identity "$id" 胡明
e2e_wait "Person and cards"
e2e_service "Register a newborn"
e2e_wait "Register number"

e2e_type HH-0199; e2e_keys F2
e2e_wait "No household record has this register number"

e2e_keys C-u; e2e_type HH-0101; e2e_keys F2
e2e_wait "罗小雨"
e2e_keys Enter
e2e_wait "The applicant is not listed in this household record"

e2e_keys Escape
e2e_wait "Register number"
e2e_keys C-u; e2e_type HH-0100; e2e_keys F2
e2e_wait "胡小宝"
e2e_wait "2026-10-23"                       # 30 days old
e2e_wait "110108********0717"               # masked only
e2e_absent "110108202610230717"
e2e_absent "$id"
e2e_keys Up                                 # 胡欢, 366 days old
e2e_keys Enter
e2e_wait "more than 365 days old"
e2e_keys Up                                 # 胡乐乐, has a card
e2e_keys Enter
e2e_wait "already has a social-security card"
e2e_keys Up                                 # 郭芳: not a child of 胡明
e2e_keys Enter
e2e_wait "not as this child's parent or guardian"
e2e_keys Down; e2e_keys Down; e2e_keys Down # back to 胡小宝
e2e_keys Enter

e2e_wait "Personal commitment letter"
e2e_wait "Child: 胡小宝"
e2e_keys F2
e2e_wait "must confirm the personal commitment letter"
e2e_type y
e2e_wait "[x]"
e2e_keys F2

e2e_wait "Receipt"
e2e_wait "Newborn registration"
e2e_wait "NB-20261122-"
e2e_wait "Child"
e2e_wait "胡小宝  110108********0717"
e2e_wait "First card application for 胡小宝"
e2e_wait "Medical insurance (residents' basic) enrolled"
e2e_wait "Linked to the family account of 胡明"
e2e_wait "TRAINING — NOT VALID"
e2e_absent "110108202610230717"
e2e_wait "B0****250"                        # the child's first card

e2e_wait "F4: the applicant sets the new card's PIN now."
e2e_keys F4
e2e_wait "Set the card's PIN"
e2e_wait "Card B0****250"
e2e_wait "Type your new 6-digit PIN"
e2e_type 261023; e2e_keys Enter             # the child's birth, YYMMDD
e2e_wait "It contains your birth date"
e2e_wait "Type your new 6-digit PIN"
e2e_type 582914; e2e_keys Enter
e2e_wait "Type the same PIN again"
e2e_type 582914; e2e_keys Enter
e2e_wait "Card PIN reset"
e2e_wait "PR-20261122-"
e2e_wait "胡小宝  110108********0717"
e2e_wait "B0****250"
e2e_absent "F4: the applicant sets"             # set: no second F4
e2e_absent "582914"
e2e_absent "110108202610230717"
# Back at the parent's person screen: the child's card is not listed as
# the parent's.
e2e_keys Enter
e2e_wait "Person and cards"
e2e_absent "B0****250"
echo ok
