# A resize rebuilds the form: the clerk's field AND the cursor's place in
# it are kept (it used to jump to the field's end, so the next character
# went in the wrong place).  Resizing with the help open, during a request
# and on the receipt, down to 1x1 and back, loses nothing either.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 1500"
e2e_signin
e2e_keys Enter
e2e_wait "Identity check"
e2e_type 11010519491231002X; e2e_keys Enter
e2e_type 吴秀英; e2e_keys Enter
e2e_type L
e2e_keys Up                          # the name, cursor at its end
e2e_keys Home; e2e_keys Right        # after 吴 (the field is at column 26)
e2e_wait_cursor 28,5
tm resize-window -t t -x 60 -y 20
e2e_wait "Terminal too small"
tm resize-window -t t -x 80 -y 24
e2e_wait "吴秀英"
e2e_wait_cursor 28,5
e2e_type 秀; e2e_keys BSpace         # in the middle, where the cursor was
e2e_wait "[吴秀英 "
e2e_keys Down; e2e_keys Down
e2e_type y; e2e_type y; e2e_type p; e2e_type y
# The help open, then a request in flight, then sizes down to 1x1.
e2e_keys F1
e2e_wait "Any key closes this help"
tm resize-window -t t -x 20 -y 5
e2e_wait "too small"
tm resize-window -t t -x 80 -y 24
e2e_wait "Any key closes this help"
e2e_keys x
e2e_gone "Any key closes this help"
e2e_keys F2
e2e_wait "Esc cancels"
for s in "1 1" "20 5" "80 24" "100 30" "80 24"; do
	set -- $s; tm resize-window -t t -x "$1" -y "$2"
done
e2e_wait "Person and cards"
e2e_wait "吴秀英"
e2e_keys Enter
e2e_wait "Medical-insurance activation"
e2e_type 6222021234567894; e2e_keys Enter
e2e_type 13800138000; e2e_keys Enter
e2e_wait "Esc cancels"
tm resize-window -t t -x 30 -y 10
tm resize-window -t t -x 80 -y 24
e2e_wait "Application number"
tm resize-window -t t -x 1 -y 1
sleep 0.3
tm resize-window -t t -x 80 -y 24
e2e_wait "Application number"
e2e_wait "110105********002X"
e2e_absent "too small"
