# TLS failures reach the clerk as a clear message, not a hang: a server
# with a self-signed certificate (openssl s_server), a certificate for
# another host name; and http:// is refused before any connection.
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
try_cert() { # cert key
	port=$(port_free)
	openssl s_server -quiet -accept "127.0.0.1:$port" -cert "$1" -key "$2" -www \
	    >/dev/null 2>&1 &
	E2E_PIDS="$E2E_PIDS $!"
	i=0; while ! (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
	e2e_start "s$port" "$SSDESK --service https://127.0.0.1:$port --ca-file $P/ca.pem"
	E2E_SESSION="s$port"
	e2e_wait "Staff ID"
	e2e_type clerk01; e2e_keys Enter
	e2e_type whatever; e2e_keys Enter
	e2e_wait "certificate was refused"
	e2e_wait "clerk01"            # the staff ID is kept
}
try_cert "$P/selfsigned.pem" "$P/selfsigned.key"
try_cert "$P/wronghost.pem" "$P/wronghost.key"
