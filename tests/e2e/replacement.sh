# Seed 004: report the card lost and apply for a replacement; the new
# card's PIN is set from the receipt (F4); the lost card can no longer be
# activated.  Then a first card for a person with none.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0"
e2e_signin
e2e_identity "$(e2e_demo_id 梁文)" 梁文
e2e_wait "Person and cards"
e2e_service "Report lost & replace card"
e2e_wait "Report card lost and replace it"
e2e_wait "A7****223"
e2e_keys F2
e2e_wait "Card reported lost and replaced"
e2e_wait "CR-20261122-"
e2e_wait "F4: the applicant sets the new card's PIN now."
e2e_keys F4
e2e_wait "Type your new 6-digit PIN"
e2e_type 470318; e2e_keys Enter
e2e_type 470318; e2e_keys Enter
e2e_wait "Card PIN reset"
e2e_keys Enter
e2e_wait "Person and cards"
# The old card is lost, the new one is listed; activating the old one is
# refused before anything is sent.
e2e_wait "Card: lost"
e2e_wait "2  B0****250"
e2e_absent "reported lost by its holder"
e2e_service "Activate financial function"
e2e_wait "reported lost by its holder"
e2e_keys F10
e2e_wait "Start a walk-in"

# 高建国 has no card: the new-card service is offered.
e2e_identity "$(e2e_demo_id 高建国)" 高建国
e2e_wait "Person and cards"
e2e_service "New card (first application)"
e2e_wait "A first social-security card is issued"
e2e_keys F2
e2e_wait "NC-20261122-"
e2e_wait "F4: the applicant sets the new card's PIN now."
e2e_keys F10
e2e_wait "Start a walk-in"
echo ok
