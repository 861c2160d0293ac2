# Acting for an insured person in demo mode: every refusal shows its
# message.  Who: the agent themself, an unknown insured, a deceased one, a
# name that does not match.  The power of attorney: a PIN reset (never
# delegated), dated in the future, older than 180 days (181; 180 is still
# accepted), a scope that does not cover the activation.
. "$(dirname "$0")/../lib/e2e.sh"
agent=$(e2e_demo_id 马军)
insured=$(e2e_demo_id 孙丽)
dead=$(e2e_demo_id 朱海)
nobody=110101199001011237

e2e_start t "$SSDESK --demo --today $TODAY"
e2e_signin
e2e_identity "$agent" 马军
e2e_wait "Person and cards"
e2e_service "Act for an insured (POA)"
e2e_wait "Insured's ID number"

who() { # ID NAME: type them and ask the service (the focus is on the ID:
	# a refusal puts it on its field)
	e2e_keys C-u; e2e_type "$1"; e2e_keys Enter
	e2e_keys C-u; e2e_type "$2"; e2e_keys F2
}
who "$agent" 马军
e2e_wait "The agent is the insured person"
who "$nobody" 孙丽
e2e_wait "No insured person has this ID number"
who "$dead" 朱海
e2e_wait "as deceased"
who "$insured" 孙力
e2e_wait "name does not match"
e2e_keys Up
who "$insured" 孙丽
e2e_wait "The insured's cards"
e2e_keys Enter
e2e_wait "POA document number"

e2e_type POA-7; e2e_keys Tab
e2e_type 2026-11-23                       # tomorrow: said as typed
e2e_wait "dated in the future"
e2e_keys Tab
e2e_type y; e2e_keys Tab; e2e_type y; e2e_type y; e2e_type y
e2e_keys F2
e2e_wait "dated in the future"            # the focus is on the date
e2e_keys C-u; e2e_type 2026-05-25         # 181 days ago
e2e_wait "older than 180 days"
e2e_keys F2
e2e_wait "older than 180 days"
e2e_keys C-u; e2e_type 2026-05-26         # 180 days ago: accepted
e2e_keys Down                             # covers social security: untick
e2e_type n
e2e_keys F2
e2e_wait "does not cover this activation"
e2e_keys Up; e2e_keys Up; e2e_keys Up      # to the activation
e2e_type p                                # PIN reset
e2e_wait "A PIN reset is never delegated"
e2e_keys F2
e2e_wait "cardholder must come in person"
e2e_absent "Receipt"
e2e_type s                                # social security (goes on to the
e2e_keys Down; e2e_keys Down              # number), its scope ticked:
e2e_type y
e2e_keys F2                               # 180 days old is in time
e2e_wait "Receipt"
e2e_wait "Pending a supervisor's approval"
e2e_absent "$insured"
