# Double-width names: what the service receives is exactly what the clerk
# sees.  Regressions for two ncurses 6.4 libform pitfalls: several CJK
# characters typed between buffer syncs made field_buffer one column too
# long; re-typing over a full ASCII field left a stale character that was
# no longer on screen.  Each case ends with the service accepting the name
# (a stale or extra character would be a name mismatch).
. "$(dirname "$0")/../lib/e2e.sh"
id=11010519491231002X               # 吴秀英, the official sample number
e2e_start t "$SSDESK --demo --today $TODAY --latency 0"
e2e_signin

name_then_submit() { # keys to type into the name field are done by caller
	e2e_keys Enter
	e2e_type L; e2e_keys Enter
	e2e_type y; e2e_type y; e2e_type p; e2e_type y
	e2e_keys F2
	e2e_wait "Person and cards"
	e2e_wait "吴秀英"
	e2e_keys F10
	e2e_wait "Start a walk-in"
}
start_name() {
	e2e_keys Enter
	e2e_wait "Identity check"
	e2e_type "$id"; e2e_keys Enter
}

# 1. A burst of CJK, then Backspace takes one whole double-width character.
start_name
e2e_type 吴秀英英
e2e_keys BSpace
e2e_wait "[吴秀英 "
name_then_submit

# 2. A full ASCII field, emptied with Delete from its start, then CJK.
start_name
e2e_type abcdefghijklmnopqrstuvwxyzabcdefghijklmn
e2e_keys Home
for i in $(seq 40); do tm send-keys -t t DC; done
sleep 0.2
e2e_type 吴秀英
e2e_wait "[吴秀英 "
e2e_absent "n]"
name_then_submit

# 3. CJK then ASCII ("一二三四五j"), rubbed out key by key, then the name.
start_name
e2e_type 一二三四五j
e2e_wait "一二三四五j"
for i in 1 2 3 4 5 6; do e2e_keys BSpace; done
e2e_gone "一"
e2e_type 吴秀英
name_then_submit

# 4. Editing in the middle: 吴英, Left, 秀 gives 吴秀英.
start_name
e2e_type 吴英
e2e_keys Left
e2e_type 秀
e2e_wait "[吴秀英 "
name_then_submit

# 5. End (and Ctrl-E) after Home: libform's REQ_END_FIELD counts
# characters, not columns, and left the cursor inside 秀 ("吴秀秀英"
# after typing one character).  End goes after the last character.
start_name
e2e_type 吴秀
e2e_keys Home; e2e_keys End
e2e_wait_cursor 30,5
e2e_type 英
e2e_wait "[吴秀英 "
e2e_keys Home; e2e_keys C-e
e2e_wait_cursor 32,5
name_then_submit
