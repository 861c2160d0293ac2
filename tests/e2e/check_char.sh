# A wrong check character is flagged at the ID number field as it is typed,
# with the right character, before any request; so are an impossible and a
# future birth date.  Correcting one character clears the message.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_start t "$SSDESK --demo --today $TODAY"
e2e_signin
e2e_keys Enter
e2e_wait "Identity check"
e2e_type 110105194912310021
e2e_wait "Wrong check character"
e2e_wait "it should be X"
e2e_absent "Checking"
e2e_keys BSpace
e2e_type x                        # lowercase x is normalised
e2e_gone "Wrong check character"
e2e_wait "11010519491231002X"
e2e_wait "female"
e2e_keys C-u
e2e_type 11010519490230
e2e_wait "birth date"
e2e_keys C-u
e2e_type 11010520990101
e2e_wait "after today"
