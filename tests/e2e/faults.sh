# Each fault of the central service, met at the identity check: the
# screen stays responsive (Esc cancels a slow answer at once), the clerk is
# told what to do, and nothing typed is lost; once the fault is gone, F2
# goes through with the same form.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
e2e_fault_session
e2e_identity_fill "$id" 张伟

kept() {
	e2e_wait "$id"
	e2e_wait "张伟"
}
# fault KIND TEXT [seconds]: F2 against the fault, TEXT is shown, the form
# is kept.  (Twice for the resets: libcurl sends once more by itself when
# a reused connection dies before any answer.)
fault() {
	e2e_fault "POST /v1/identity-checks=$1"
	e2e_keys F2
	e2e_wait "$2" "${3:-10}"
	kept
}
fault 500,1 "The central service failed; nothing was done"
fault 503,1 "down for maintenance"
fault reset,2 "cannot be reached"
e2e_wait "F2 tries again"
fault reset-after-commit,2 "cannot be reached"
fault malformed-json,1 "answer this terminal cannot read"
fault huge-body,1 "answer this terminal cannot read"
fault wrong-types,1 "answer this terminal cannot read"
fault trickle,1 "did not answer in time" 25

# A slow answer: the spinner, and Esc cancels at once; the form is kept.
e2e_fault "POST /v1/identity-checks=delay:20000,1"
e2e_keys F2
e2e_wait "Esc cancels"
e2e_keys Escape
e2e_wait "Identity check cancelled" 2
kept
# The keys work while waiting: help opens and closes during a slow answer.
e2e_fault "POST /v1/identity-checks=delay:6000,1"
e2e_keys F2
e2e_wait "Esc cancels"
e2e_keys F1
e2e_wait "Help: Identity check"
e2e_keys Space
e2e_wait "Person and cards" 10
[ "$(grep -c 'identity-checks fault' "$E2E_TMP/sim.log")" -ge 10 ] || {
	echo "faults not hit:"; cat "$E2E_TMP/sim.log"; exit 1; }
