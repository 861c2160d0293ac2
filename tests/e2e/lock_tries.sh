# Five wrong passwords at the idle lock: the terminal goes to the sign-in
# screen (where the service counts failures), showing nothing of the
# applicant; signing in again as the same clerk brings the form back.
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
e2e_start t "$SSDESK --demo --today $TODAY --latency 0 --idle-lock 2"
e2e_signin
e2e_keys Enter
e2e_wait "Identity check"
e2e_type "$id"; e2e_keys Enter
e2e_type 张伟
e2e_wait "ssdesk is locked" 5
for i in 1 2 3 4; do
	e2e_type "guess$i"; e2e_keys Enter
	e2e_wait "not your password"
	e2e_keys C-u
done
e2e_type guess5; e2e_keys Enter
e2e_wait "Too many wrong passwords"
e2e_wait "Staff ID"
e2e_absent "张伟"
e2e_absent "$id"
e2e_type ssdesk-demo; e2e_keys Enter          # staff ID kept
e2e_wait "Identity check"
e2e_wait "$id"
e2e_wait "张伟"
