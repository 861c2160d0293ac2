# Hostile text from the service: the person's name, the card's bank and
# the receipt's next steps come with escape sequences (clear screen, red,
# window title, hidden text, cursor home), a right-to-left override,
# controls, invalid UTF-8 and 300 characters too many.  The terminal shows
# them inert: no colour or title was set, nothing was cleared, every row of
# the layout is where it belongs, and the text itself is still readable.
# A hostile name at the identity check is not the name typed, so that
# answer stops the walk-in (tests/e2e/wrong_person.sh): it is shown inert
# on the panel that says so; the person screen gets its hostile person
# from the refresh (F5).
. "$(dirname "$0")/../lib/e2e.sh"
id=$(e2e_demo_id 张伟)
e2e_fault_session
e2e_fault 'POST /v1/identity-checks=hostile-text,1' \
    'GET /v1/persons/=hostile-text' \
    'POST /v1/applications/medical-activation=hostile-text'
e2e_identity "$id" 张伟

# intact BANNER [OURS]: the banner, the rule under it, the key bar; 24
# rows of at most 80 columns; no escape sequence came through as text or
# was obeyed.  OURS: a pattern for the rows the terminal itself draws in
# red (an error's title and status line), left out of the red check.
intact() {
	scr=$(e2e_screen)
	echo "$scr" | head -n 1 | grep -q "^ ssdesk | $1" || {
		echo "banner gone:"; echo "$scr"; exit 1; }
	echo "$scr" | sed -n 2p | grep -q "^────" || {
		echo "rule under the banner gone:"; echo "$scr"; exit 1; }
	echo "$scr" | tail -n 1 | grep -q "^F1Help" || {
		echo "key bar gone:"; echo "$scr"; exit 1; }
	[ "$(echo "$scr" | wc -l)" -eq 24 ] || { echo "not 24 rows"; exit 1; }
	[ "$(echo "$scr" | wc -L)" -le 80 ] || {
		echo "a row wider than the terminal:"; echo "$scr"; exit 1; }
	# With attributes: no red (31) nor hidden (8) text anywhere (but in
	# the terminal's own red rows).
	if tm capture-pane -t t -p -e | grep -vE "${2:-^\$^}" |
	    grep -qE $'\e\\[([0-9;]*;)?(31|8)(;[0-9;]*)?m'; then
		echo "an escape sequence from the service was obeyed"
		tm capture-pane -t t -p -e | cat -v | head -30; exit 1
	fi
	case $(tm display-message -p -t t '#{pane_title}') in
	*owned*) echo "the service set the window title"; exit 1 ;;
	esac
	e2e_absent "owned"
	e2e_absent "[2J"
	e2e_absent "31m"
}
e2e_wait "Answer does not match the ID number"
e2e_wait "张伟冯冯冯"              # the name itself, and its tail, cut
intact "Identity check" "Answer does not match the ID number|The walk-in cannot go on"
e2e_keys Escape
e2e_gone "Answer does not match the ID number"
e2e_keys F2
e2e_wait "Person and cards"
e2e_absent "Cards refreshed."
e2e_keys F5
e2e_wait "Cards refreshed."
e2e_wait "张伟"                    # the name itself is still there
e2e_wait "冯冯冯"                  # and its far-too-long tail, cut
intact "Person and cards"

e2e_keys Enter
e2e_wait "Bank card (UnionPay)"
intact "Medical activation"
e2e_type "6222 0202 0011 2233 446"
e2e_keys Enter
e2e_type 13900000012
e2e_keys F2
e2e_wait "Receipt"
e2e_wait "MA-20261122-0001"
e2e_wait "张伟"
intact "Receipt"
