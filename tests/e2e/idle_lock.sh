# The idle lock over HTTPS, with a 4-second session at the service: the
# lock hides the applicant; a wrong password keeps it locked; the right one
# unlocks it with the form as it was, and renews the session that ran out
# meanwhile, so the identity check goes through without signing in again.
# Then the audit log: intact, and tampering, deletion, reordering, a cut
# tail, an emptied log and a forgery with the chain recomputed found by
# ssdesk --verify-audit.  Neither the password nor the full ID number is
# in any file the client wrote.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_pki
"$SIM" --port 0 --port-file "$E2E_TMP/port" --today "$TODAY" --session-ttl 4 \
    --cert "$E2E_TMP/pki/server.pem" --key "$E2E_TMP/pki/server.key" \
    >"$E2E_TMP/sim.log" 2>&1 &
E2E_PIDS="$E2E_PIDS $!"
i=0; while [ ! -s "$E2E_TMP/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
id=$(e2e_demo_id 张伟)
[ -n "$id" ] || { echo "no demo ID"; exit 1; }
state=$E2E_TMP/state/ssdesk

e2e_start t "$SSDESK --service https://127.0.0.1:$(cat "$E2E_TMP/port") --ca-file $E2E_TMP/pki/ca.pem --idle-lock 2"
e2e_signin
e2e_keys Enter
e2e_wait "Identity check"
e2e_type "$id"; e2e_keys Enter
e2e_type 张伟; e2e_keys Enter
e2e_type L; e2e_keys Enter
e2e_type y
e2e_wait "sighted [x]"

e2e_wait "ssdesk is locked" 5
for s in "$id" 张伟 "110105" "Identity check" "sighted"; do e2e_absent "$s"; done
e2e_wait "王小明 (clerk01)"

e2e_type wrong-password; e2e_keys Enter
e2e_wait "not your password"
e2e_absent "$id"
sleep 3                                     # the service session runs out
e2e_type ssdesk-demo; e2e_keys Enter
e2e_wait "session was renewed"
e2e_gone "ssdesk is locked"
e2e_wait "$id"
e2e_wait "张伟"
e2e_wait "sighted [x]"
e2e_type y; e2e_type p; e2e_type y
e2e_keys F2
e2e_wait "Person and cards"
e2e_absent "session has ended"

log=$state/audit.log
[ -f "$log" ] || { echo "no audit log"; ls -la "$state"; exit 1; }
[ "$(stat -c %a "$log")" = 600 ] || { echo "audit log not 0600"; exit 1; }
out=$("$SSDESK" --verify-audit "$log") || { echo "intact log refused: $out"; exit 1; }
echo "$out" | grep -q "chain intact" || { echo "$out"; exit 1; }
for ev in signin lock unlock_refused unlock identity; do
	cut -f3 "$log" | grep -qx "$ev" || { echo "no $ev record"; cat "$log"; exit 1; }
done
grep -q "110105\*\*\*\*\*\*\*\*0135" "$log" || { echo "no masked ID in the log"; exit 1; }
for secret in "$id" ssdesk-demo wrong-password 张伟; do
	if grep -r -q -F -- "$secret" "$state"; then
		echo "in clear in the state dir: $secret"; exit 1
	fi
done

n=$(wc -l <"$log")
# Copies beside the log, where its key is (audit.key); line 1 is the
# header, record N is line N + 1.
# A changed record.
sed '3s/clerk01/clerk02/' "$log" >"$state/a1"
out=$("$SSDESK" --verify-audit "$state/a1") && { echo "tampering missed"; cat "$log"; exit 1; }
echo "$out" | grep -q "record 2" || { echo "$out"; exit 1; }
# A deleted record.
sed '4d' "$log" >"$state/a2"
out=$("$SSDESK" --verify-audit "$state/a2") && { echo "deletion missed"; exit 1; }
echo "$out" | grep -q "record 3" || { echo "$out"; exit 1; }
# Two records swapped.
{ sed -n 1,2p "$log"; sed -n 4p "$log"; sed -n 3p "$log"; sed -n "5,${n}p" "$log"; } >"$state/a3"
out=$("$SSDESK" --verify-audit "$state/a3") && { echo "reordering missed"; exit 1; }
echo "$out" | grep -q "record 2" || { echo "$out"; exit 1; }
# The last record cut off, and the log emptied: the chain alone would not
# show it; the key file's copy of the last record does.  (Before: "intact".)
head -n -1 "$log" >"$state/a4"
out=$("$SSDESK" --verify-audit "$state/a4") && { echo "cut tail missed: $out"; exit 1; }
echo "$out" | grep -q "cut off the end" || { echo "$out"; exit 1; }
: >"$state/a5"
out=$("$SSDESK" --verify-audit "$state/a5") && { echo "emptied log missed: $out"; exit 1; }
# A record changed and the chain recomputed without the key (BLAKE2b,
# unkeyed, as the old log was): refused.
{
	sed -n 1p "$log"
	prev= i=0
	tail -n +2 "$log" | while IFS= read -r line; do
		i=$((i + 1))
		body=$(printf '%s' "$line" | cut -f1-6)
		[ "$i" = 2 ] && body=$(printf '%s' "$body" | awk -F'\t' -v OFS='\t' '{ $5 = "C-99"; print }')
		[ -n "$prev" ] || prev=$(printf '%s' "$line" | cut -f7)
		mac=$(printf '%s\t%s\t' "$body" "$prev" | b2sum -l 256 | cut -d' ' -f1)
		printf '%s\t%s\t%s\n' "$body" "$prev" "$mac"
		prev=$mac
	done
} >"$state/a6"
out=$("$SSDESK" --verify-audit "$state/a6") && { echo "forgery missed: $out"; exit 1; }
echo "$out" | grep -q "without the key" || { echo "$out"; exit 1; }
rm -f "$state"/a[1-6]
exit 0
