#!/bin/sh
# tests/lib/pki.sh DIR -- a throw-away PKI for the HTTPS integration tests.
#
# Makes in DIR, with openssl only:
#   ca.pem ca.key               a test CA, valid one day
#   server.pem server.key       signed by the CA, SAN IP:127.0.0.1, DNS:localhost
#   wronghost.pem wronghost.key signed by the CA, SAN DNS:wrong.example only
#   selfsigned.pem selfsigned.key  SAN IP:127.0.0.1 but signed by itself
#   expired.pem expired.key     signed by the CA, SAN IP:127.0.0.1, expired in 2020
#   untrusted.pem untrusted.key SAN IP:127.0.0.1, signed by another CA
#                               (otherca.pem) that nobody trusts
#   pin.txt                     "sha256//<base64>" of server.key's public key
# Nothing here is a real secret: the directory is deleted after the test.
set -eu
dir=${1:?usage: pki.sh DIR}
mkdir -p "$dir"
cd "$dir"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
	-out "$1" 2>/dev/null; }

key ca.key
openssl req -x509 -new -key ca.key -sha256 -days 1 -subj "/CN=ssdesk test CA" \
	-addext "basicConstraints=critical,CA:TRUE" \
	-addext "keyUsage=critical,keyCertSign,cRLSign" \
	-out ca.pem 2>/dev/null

leaf() { # name, SAN, CN
	key "$1.key"
	openssl req -new -key "$1.key" -subj "/CN=$3" -out "$1.csr" 2>/dev/null
	printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=%s\n' \
		"$2" >"$1.ext"
	openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key \
		-CAcreateserial -days 1 -sha256 -extfile "$1.ext" \
		-out "$1.pem" 2>/dev/null
	rm -f "$1.csr" "$1.ext"
}
leaf server "IP:127.0.0.1,DNS:localhost" localhost
leaf wronghost "DNS:wrong.example" wrong.example

key selfsigned.key
openssl req -x509 -new -key selfsigned.key -sha256 -days 1 -subj "/CN=127.0.0.1" \
	-addext "subjectAltName=IP:127.0.0.1" -out selfsigned.pem 2>/dev/null

# Expired: openssl x509 -req cannot back-date (before OpenSSL 3.4); the ca
# command can, with a minimal configuration of its own.
key expired.key
openssl req -new -key expired.key -subj "/CN=localhost" -out expired.csr 2>/dev/null
mkdir -p ca.db
: >ca.db/index.txt
echo 1000 >ca.db/serial
printf '%s\n' '[ ca ]' 'default_ca = test' '[ test ]' \
	'database = ca.db/index.txt' 'new_certs_dir = ca.db' \
	'serial = ca.db/serial' 'default_md = sha256' 'policy = any' \
	'x509_extensions = leaf' '[ any ]' 'commonName = supplied' '[ leaf ]' \
	'basicConstraints = CA:FALSE' \
	'keyUsage = digitalSignature,keyEncipherment' \
	'extendedKeyUsage = serverAuth' \
	'subjectAltName = IP:127.0.0.1,DNS:localhost' >ca.db/ca.cnf
openssl ca -batch -config ca.db/ca.cnf -cert ca.pem -keyfile ca.key \
	-startdate 20200101000000Z -enddate 20200102000000Z \
	-in expired.csr -out expired.pem -notext 2>/dev/null
rm -rf expired.csr ca.db

# Untrusted: a leaf for the right host, from a CA nobody was told of.
key otherca.key
openssl req -x509 -new -key otherca.key -sha256 -days 1 -subj "/CN=other CA" \
	-addext "basicConstraints=critical,CA:TRUE" \
	-addext "keyUsage=critical,keyCertSign,cRLSign" \
	-out otherca.pem 2>/dev/null
key untrusted.key
openssl req -new -key untrusted.key -subj "/CN=localhost" -out untrusted.csr 2>/dev/null
printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' \
	>untrusted.ext
openssl x509 -req -in untrusted.csr -CA otherca.pem -CAkey otherca.key \
	-CAcreateserial -days 1 -sha256 -extfile untrusted.ext \
	-out untrusted.pem 2>/dev/null
rm -f untrusted.csr untrusted.ext

printf 'sha256//%s\n' "$(openssl pkey -in server.key -pubout -outform der |
	openssl dgst -sha256 -binary | base64)" >pin.txt
