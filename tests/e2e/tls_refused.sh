# TLS failures reach the clerk as a clear message that says which, not a
# hang: servers (openssl s_server) with a self-signed certificate, a
# certificate for another host name, an expired one, one from a CA nobody
# trusts; the simulator under a wrong pin; and http:// is refused before
# any connection.
. "$(dirname "$0")/../lib/e2e.sh"
e2e_pki
P=$E2E_TMP/pki

out=$("$SSDESK" --service http://127.0.0.1:9 2>&1) && { echo "http:// accepted"; exit 1; }
echo "$out" | grep -q "https" || { echo "no reason given for http://: $out"; exit 1; }

port_free() { # an unused port: bind to 0 through the simulator's way is
	# not available for s_server, so try a few.
	for p in $(seq $((20000 + $$ % 20000)) $((20050 + $$ % 20000))); do
		if ! (echo > /dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return; fi
	done
}
try_cert() { # cert key expected-text [extra options]
	port=$(port_free)
	openssl s_server -quiet -accept "127.0.0.1:$port" -cert "$1" -key "$2" -www \
	    >/dev/null 2>&1 &
	E2E_PIDS="$E2E_PIDS $!"
	i=0; while ! (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
	e2e_start "s$port" "$SSDESK --service https://127.0.0.1:$port --ca-file $P/ca.pem ${4:-}"
	E2E_SESSION="s$port"
	e2e_wait "Staff ID"
	e2e_type clerk01; e2e_keys Enter
	e2e_type whatever; e2e_keys Enter
	e2e_wait "$3"
	e2e_wait "call the help desk"
	e2e_wait "clerk01"            # the staff ID is kept
	e2e_absent "whatever"         # the password is not shown
}
try_cert "$P/selfsigned.pem" "$P/selfsigned.key" "certificate is self-signed"
try_cert "$P/wronghost.pem" "$P/wronghost.key" "for another server name"
try_cert "$P/expired.pem" "$P/expired.key" "certificate has expired"
try_cert "$P/untrusted.pem" "$P/untrusted.key" "not signed by a trusted"
# The right certificate, but not the key this terminal is pinned to.
try_cert "$P/server.pem" "$P/server.key" "not the one this terminal" \
    "--pin sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
