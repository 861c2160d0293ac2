# Seed 000: card status and contribution records, read-only, scrolled
# with PageDown/PageUp and arrows, one insurance type at a time with
# Left/Right; amounts in yuan right-aligned.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0"
e2e_signin
e2e_identity "$(e2e_demo_id 林晓雨)" 林晓雨
e2e_wait "Person and cards"
e2e_service "Card status & contributions"
e2e_wait "Card status and contributions"
e2e_wait "Pension account:"
e2e_wait "of 180"
first=$(e2e_screen | grep -oE 'Rows [0-9]+-[0-9]+ of 180')
[ "${first%%-*}" = "Rows 1" ] || { echo "not at the top: $first"; exit 1; }
e2e_wait "2026-10 Pension"
page=${first#Rows 1-}; page=${page%% *}
e2e_keys PageDown
e2e_wait "Rows $((page + 1))-$((page * 2)) of 180"
e2e_absent "2026-10 Pension"
e2e_keys Down
e2e_wait "Rows $((page + 2))-"
e2e_keys PageUp PageUp
e2e_wait "Rows 1-$page of 180"
# One type: 36 months of pension.
e2e_keys Right
e2e_wait "Insurance type: Pension"
e2e_wait "of 36"
e2e_absent "Medical     "
# Amounts right-aligned: the yuan column ends at the same column each row.
e2e_screen | grep -E '^ +20[0-9]{2}-[0-9]{2} ' | awk '{ print length($0) }' | sort -u >"$E2E_TMP/ends"
[ "$(wc -l <"$E2E_TMP/ends")" -eq 1 ] || { echo "rows end at different columns"; e2e_screen; exit 1; }
e2e_keys Escape
e2e_wait "Person and cards"
echo ok
