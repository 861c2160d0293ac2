# Answers that name a member twice (the duplicate-keys fault: every member
# of every object again, with another value): unreadable, whether a
# refusal or a person.  The clerk is told the answer could not be read,
# nothing of it is taken, the form is kept, and F2 asks again.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
e2e_fault_session
e2e_fault 'POST /v1/identity-checks=duplicate-keys,2'
# A refusal (the wrong name) whose code and field come twice.
e2e_identity_fill "$id" 李四
e2e_absent "cannot read"
e2e_keys F2
e2e_wait "The central service sent an answer this terminal cannot read"
e2e_absent "Name does not match the ID number"
# The right name: a person whose every member comes twice.  (The status
# line already says it cannot read an answer: wait for the second one at
# the simulator, then for the spinner to go.)
e2e_keys BTab BTab BTab BTab BTab
e2e_keys C-u
e2e_type 张伟
e2e_keys F2
i=0
while [ "$(grep -c 'identity-checks fault duplicate-keys' "$E2E_TMP/sim.log")" -lt 2 ]; do
	[ "$i" -lt 200 ] || { echo "second answer not sent"; cat "$E2E_TMP/sim.log"; exit 1; }
	sleep 0.05; i=$((i + 1))
done
e2e_gone "Esc cancels"
e2e_wait "answer this terminal cannot read"
e2e_absent "Person and cards"
e2e_wait "ID number [$id] ok"
e2e_wait "张伟"
# The fault is used up: the same form goes through.
e2e_keys F2
e2e_wait "Person and cards"
