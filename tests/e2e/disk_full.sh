# The disk fails under the clerk: full, then read-only.  Drafts and audit
# records stop being written, and the banner says so at once and for as
# long as it lasts; the clerk keeps working; the audit records of that
# time are kept in memory and written, in order and chained, when the disk
# is back, and the clerk is told it is over.  (Before: nothing was said,
# and the records were dropped.)
#
# The state directory is a 256 KiB tmpfs of the test's own (root may
# mount); where mounting is not allowed, ssdesk's file-size limit is
# lowered from outside instead (prlimit: every write fails with EFBIG).
. "$(dirname "$0")/../lib/e2e.sh"
root=$E2E_TMP/state
mkdir -p "$root"
if mount -t tmpfs -o size=256k,mode=0700 tmpfs "$root" 2>/dev/null; then
	mounted=1
	trap 'tmux -L "$E2E_SOCK" kill-server 2>/dev/null; umount -l "$root" 2>/dev/null; e2e_cleanup' EXIT
else
	mounted=0
fi
state=$root/ssdesk
e2e_start t "$SSDESK --demo --today $TODAY --latency 0 --idle-lock 0"
e2e_signin clerk01
pid=$(pgrep -P "$(tm display-message -p -t t '#{pane_pid}')" -x ssdesk)

disk_fail() { # full | ro
	if [ "$mounted" = 1 ] && [ "$1" = full ]; then
		dd if=/dev/zero of="$root/fill" bs=4k 2>/dev/null || true
	elif [ "$mounted" = 1 ]; then
		mount -o remount,ro "$root"
	else
		prlimit --pid "$pid" --fsize=0:unlimited
	fi
}
disk_back() {
	if [ "$mounted" = 1 ]; then
		mount -o remount,rw "$root"; rm -f "$root/fill"
	else
		prlimit --pid "$pid" --fsize=unlimited:unlimited
	fi
}

e2e_keys Enter
e2e_wait "Identity check"
e2e_type "$(e2e_demo_id 张伟)"; e2e_keys Enter
sleep 0.3
e2e_absent "not saved"
disk_fail full
e2e_type 张伟
e2e_wait "Drafts not saved" 5
[ "$mounted" = 1 ] && e2e_wait "the disk is full"
# It lasts: the next screen still says it.
e2e_keys Enter
e2e_type L; e2e_keys Enter
e2e_type y; e2e_type y; e2e_type p; e2e_type y
disk_fail ro
e2e_keys F2
e2e_wait "Person and cards"
e2e_wait "not saved"
[ "$mounted" = 1 ] && e2e_wait "read-only"
# The identity check's record is not on disk yet: kept in memory.
grep -q "	identity	" "$state/audit.log" && { echo "written while the disk failed?"; exit 1; }
disk_back
e2e_wait "The disk works again" 10
e2e_gone "not saved" 5
sleep 1.5
grep -q "	identity	" "$state/audit.log" || { echo "the record kept in memory was lost"; cat "$state/audit.log"; exit 1; }
"$SSDESK" --verify-audit "$state/audit.log" | grep -q "chain intact" ||
    { "$SSDESK" --verify-audit "$state/audit.log"; exit 1; }
echo ok
