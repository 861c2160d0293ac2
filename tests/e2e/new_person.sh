# The clerk checks one person, starts the medical activation, then goes
# back and checks another (the number was the wrong one): the medical form
# is the new person's, empty -- never the first person's name, card and
# bank card number, which would have gone out with the new person's card.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0"
e2e_signin
e2e_identity "$(e2e_demo_id 张伟)" 张伟
e2e_wait "Person and cards"
e2e_keys Enter
e2e_wait "Medical-insurance activation"
e2e_type 6222021234567894
e2e_wait "6222021234567894"
e2e_keys Escape
e2e_wait "Person and cards"
e2e_keys Escape
e2e_wait "Identity check"
for i in 1 2 3 4 5 6 7; do e2e_keys Up; done  # the ID number
e2e_keys C-u; e2e_type "$(e2e_demo_id 吴秀英)"
e2e_keys Down; e2e_keys C-u; e2e_type 吴秀英
e2e_keys F2
e2e_wait "Person and cards"
e2e_wait "吴秀英"
e2e_keys Enter
e2e_wait "Medical-insurance activation"
e2e_wait "吴秀英"
e2e_wait "110105********002X"
e2e_absent "张伟"
e2e_absent "0135"
e2e_absent "6222021234567894"
