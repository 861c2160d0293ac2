# A service that forgot to mask (the unmasked fault: every *_masked member
# comes whole): the terminal masks whatever arrives, so the person screen,
# the medical form, the receipt and the audit log show the numbers masked
# and never whole.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
log=$E2E_TMP/state/ssdesk/audit.log
e2e_fault_session
e2e_fault 'POST /v1/identity-checks=unmasked' \
    'POST /v1/applications/medical-activation=unmasked'
e2e_identity "$id" 张伟
e2e_wait "Person and cards"
# What the fault sent, whole: the stars became 1234...
whole() {
	for n in 110105123456780135 13812340001 A01234017; do
		e2e_absent "$n"
		if grep -q "$n" "$log"; then echo "$n in the audit log"; exit 1; fi
	done
}
e2e_wait "ID 110105********0135"
e2e_wait "Mobile 138****0001"
e2e_wait "A0****017"
whole
# The medical form, filled from the answer.
e2e_keys Enter
e2e_wait "Bank card (UnionPay)"
e2e_wait "110105********0135"
whole
e2e_type "6222 0202 0011 2233 446"; e2e_keys Enter
e2e_type 13900000012
e2e_keys F2
e2e_wait "Receipt"
e2e_wait "A0****017"
whole
grep -q "identity.*110105\*\*\*\*\*\*\*\*0135" "$log" || {
	echo "identity not audited masked:"; cat "$log"; exit 1; }
