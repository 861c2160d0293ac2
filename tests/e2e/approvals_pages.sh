# The approval queue comes a page at a time (docs/api.md "Lists"): with 40
# delegated activations waiting (made with curl, the terminal bypassed:
# 30 by clerk01, the most one staff member may make in a burst, 10 by
# clerk02), a supervisor sees how many wait and the first page of 32,
# oldest first; PageDown past the end of what is loaded asks for the next
# page, and the newest is then in the list.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_sim_start
agent=$(e2e_demo_id 马军)
insured=$(e2e_demo_id 孙丽)
[ -n "$agent" ] && [ -n "$insured" ] || { echo "no demo IDs"; exit 1; }

api() { curl -sf --cacert "$SIM_CA" -H 'Content-Type: application/json' "$@"; }
member() { grep -oE "\"$1\":\"[^\"]+\"" | head -n 1 | cut -d'"' -f4; }

flood() { # STAFF N: N delegated activations for 孙丽 by STAFF
	tok=$(api -X POST "$SIM_URL/v1/sessions" \
	    -d "{\"staff_id\":\"$1\",\"password\":\"ssdesk-demo\"}" | member token)
	ck=$(api -H "Authorization: Bearer $tok" -X POST \
	    "$SIM_URL/v1/identity-checks" -d "{\"id_number\":\"$agent\",\
\"name\":\"马军\",\"id_valid_until\":\"long-term\",\"checklist\":{\
\"original_sighted\":true,\"photocopy_taken\":true,\"face\":\"pass\",\
\"fingerprint\":true}}" | member check_id)
	[ -n "$ck" ] || { echo "no identity check for $1"; exit 1; }
	i=0
	while [ "$i" -lt "$2" ]; do
		api -H "Authorization: Bearer $tok" -H "Idempotency-Key: $1-$i" \
		    -X POST "$SIM_URL/v1/applications/delegated-activation" \
		    -d "{\"check_id\":\"$ck\",\"insured_id_number\":\"$insured\",\
\"insured_name\":\"孙丽\",\"card_id\":\"C-0100\",\"activation\":\"ss\",\
\"poa_number\":\"POA-$i\",\"poa_signed_on\":\"$TODAY\",\"poa_covers_ss\":true,\
\"poa_covers_fin\":false,\"insured_original_sighted\":true,\
\"photocopies_taken\":true,\"poa_original_sighted\":true}" >/dev/null ||
		    { echo "submission $i of $1 refused"; exit 1; }
		i=$((i + 1))
	done
}
flood clerk01 30
flood clerk02 10
day=$(echo "$TODAY" | tr -d -)

e2e_start sup "$SSDESK --service $SIM_URL --ca-file $SIM_CA --counter C-09"
e2e_signin super01
e2e_wait "Approval queue"
e2e_keys 2
e2e_wait "40 waiting, 32 shown"          # the service's count, one page
e2e_wait "DA-$day-0001"                  # oldest first
e2e_wait "PageDown at the end loads the next page"
e2e_absent "DA-$day-0040"
e2e_keys PageDown; e2e_keys PageDown     # within what is loaded
e2e_wait "DA-$day-0025"
e2e_absent "40 shown"
e2e_keys PageDown                        # past the end: the next page
e2e_wait "40 waiting, 40 shown"
e2e_gone "loads the next page"
e2e_absent "DA-$day-0040"
e2e_keys PageDown                        # the end of the list
e2e_wait "DA-$day-0040"
e2e_keys Enter                           # the newest opens
e2e_wait "Delegated activation DA-$day-0040"
e2e_wait "POA POA-9 signed $TODAY"
e2e_wait "Submitted by"
e2e_wait "(clerk02)"
