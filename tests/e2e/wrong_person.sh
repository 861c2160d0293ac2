# The service answers the identity check about someone else (the
# wrong-person fault: another name, birth date, sex and region code): the
# walk-in stops there with a sentence that says what does not match and
# what to do, nothing of the answer is taken, the event is audited (masked
# numbers only), the form is kept, and once the service answers right F2
# goes on.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
log=$E2E_TMP/state/ssdesk/audit.log
e2e_fault_session
e2e_fault 'POST /v1/identity-checks=wrong-person,1'
e2e_identity_fill "$id" 张伟
e2e_absent "does not match the ID number typed"
e2e_keys F2
e2e_wait "Answer does not match the ID number"
e2e_wait "The service's answer does not match the ID number typed"
e2e_wait "王五"
e2e_wait "650102********0135"
e2e_wait "call the help desk"
e2e_absent "Identity confirmed"
e2e_absent "Person and cards"
grep -q "identity_mismatch.*110105\*\*\*\*\*\*\*\*0135.*name,birth,sex,number" \
    "$log" || { echo "not audited:"; cat "$log"; exit 1; }
if grep -q "$id" "$log"; then echo "a full ID number in the audit log"; exit 1; fi
# Esc: back to the form, as it was typed.
e2e_keys Escape
e2e_gone "The service's answer does not match"
e2e_wait "ID number [$id] ok"
e2e_wait "张伟"
# The fault was for one answer: F2 again, and this time it is the person.
e2e_keys F2
e2e_wait "Person and cards"
e2e_wait "Identity confirmed"
e2e_absent "王五"
