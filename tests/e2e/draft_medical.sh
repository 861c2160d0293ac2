# kill -9 on the medical activation form: after the restore and the
# identity check sent again, the medical form has the mobile number as
# typed and an empty bank card field (a card number is never journaled,
# nor in clear anywhere in the state directory).
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
state=$E2E_TMP/state/ssdesk
run="$SSDESK --demo --today $TODAY --idle-lock 0"
card=6222020200112233446

e2e_start t1 "$run"
e2e_signin
e2e_identity "$id" 张伟
e2e_wait "Person and cards"
e2e_keys Enter
e2e_wait "Bank card (UnionPay)"
e2e_type "$card"; e2e_keys Enter
e2e_type 13800000001
e2e_wait "13800000001"
kill -9 "$(pgrep -P "$(tm display-message -p -t t1 '#{pane_pid}')" -x ssdesk)"
e2e_wait "Killed"
for secret in "$card" 13800000001 "$id"; do
	if grep -r -q -F -- "$secret" "$state"; then
		echo "in clear in the state dir: $secret"; exit 1
	fi
done

e2e_start t2 "$run"
e2e_signin
e2e_wait "Unfinished walk-in"
e2e_wait "Medical activation"
e2e_keys 1
e2e_wait "You were at: Medical activation"
e2e_wait "$id"
e2e_keys F2
e2e_wait "Person and cards"
e2e_keys Enter
e2e_wait "Bank card (UnionPay)"
e2e_wait "[13800000001]"
e2e_absent "$card"
e2e_type "$card"
e2e_keys F2
e2e_wait "Receipt"
sleep 0.2
[ ! -e "$state/draft-clerk01.ssd" ] || { echo "draft kept at the receipt"; exit 1; }
