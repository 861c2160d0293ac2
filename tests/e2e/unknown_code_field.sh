# A refusal with a code the terminal does not know, at a field (the
# simulator's unknown-code-field fault names the request's first member,
# the ID number): its message is shown at that field, and F2 sends the
# form again as it is, for the service to decide again; it does not wait
# silently for the field to be edited.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
e2e_fault_session
e2e_fault 'POST /v1/identity-checks=unknown-code-field,1'
e2e_identity_fill "$id" 张伟
e2e_absent "does not know yet"
e2e_keys F2
e2e_wait "Refused under a rule this terminal does not know yet."
# At the field it concerns: the ID number is marked and has the focus.
e2e_wait "ID number [$id] !"
e2e_absent "Person and cards"
# F2 again: sent again (the fault was for one answer), not held back.
e2e_keys F2
e2e_wait "Person and cards"
[ "$(grep -c 'POST /v1/identity-checks' "$E2E_TMP/sim.log")" -eq 2 ] || {
	echo "the identity check was not sent twice:"; cat "$E2E_TMP/sim.log"
	exit 1; }
