# Junk pasted into a field: control characters are dropped, escape
# sequences -- CSI, and string sequences such as a window title (OSC) or
# a terminal query (DCS) -- are swallowed whole instead of their Esc
# throwing the clerk out of the form and their payload being typed; and
# digits from an input method in full-width mode become ASCII digits.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY --latency 0"
e2e_signin
e2e_keys Enter
e2e_wait "Identity check"
# Full-width ID number: all 18 fit, and it is the number, not "digits only".
e2e_type '１１０１０５１９４９１２３１００２ｘ'
e2e_wait "11010519491231002X] ok"
e2e_wait "Born 1949-12-31"
e2e_keys Enter
e2e_type "$(printf 'ab\033]0;evil title\007cd')"
e2e_type "$(printf 'ef\033P1$r0m\033\\gh')"
e2e_type "$(printf 'ij\033[2J\033[31mkl\002\013mn')"
e2e_wait "[abcdefghijklmn "
e2e_absent "evil"
e2e_absent "Signed in as"                    # still on the form, not Home
# An Esc ] typed by hand is not a paste: what follows later is typed.
e2e_keys Escape ']'
sleep 0.3
e2e_type op
e2e_wait "[abcdefghijklmnop "
# The field is the name the clerk sees: it still goes through.
e2e_keys C-u
e2e_type 吴秀英; e2e_keys Enter
e2e_type L; e2e_keys Enter
e2e_type y; e2e_type y; e2e_type p; e2e_type y
e2e_keys F2
e2e_wait "Person and cards"
e2e_wait "吴秀英"
