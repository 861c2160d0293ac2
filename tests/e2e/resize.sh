# Resizing mid-form keeps every value: smaller than 80x24 the screen says
# so and nothing else; back to 80x24 the form is as it was.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY"
e2e_signin
e2e_keys Enter
e2e_wait "Identity check"
e2e_type 11010519491231002X; e2e_keys Enter
e2e_type 吴秀英; e2e_keys Enter
e2e_type 2031-05-01
e2e_wait "2031-05-01"
tm resize-window -t t -x 60 -y 20
e2e_wait "Terminal too small"
e2e_absent "吴秀英"
tm resize-window -t t -x 100 -y 30
e2e_wait "吴秀英"
tm resize-window -t t -x 80 -y 24
e2e_wait "11010519491231002X"
e2e_wait "吴秀英"
e2e_wait "2031-05-01"
e2e_absent "Terminal too small"
# still editable after the resize, and the values go through
e2e_keys Enter
e2e_type y; e2e_type y; e2e_type p; e2e_type y
e2e_keys F2
e2e_wait "Person and cards"
e2e_wait "吴秀英"
