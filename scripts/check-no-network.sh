#!/usr/bin/env bash
# Fails if any crate that speaks HTTP, TLS or opens network sockets for a client is compiled
# into ropa: a register is a legal record and ropa never sends it anywhere (issue 17).
#   scripts/check-no-network.sh
set -euo pipefail
cd "$(dirname "$0")/.."
clients='^(reqwest|hyper|hyper-util|h2|ureq|curl|curl-sys|isahc|surf|attohttpc|minreq|native-tls|openssl|openssl-sys|rustls|tokio-rustls|async-std|tokio|mio|socket2|ehttp|http-req) v'
found=$(cargo tree --locked -e normal,build --prefix none --format '{p}' | sort -u | grep -E "$clients" || true)
if [ -n "$found" ]; then
  echo "error: ropa would compile in network code:" >&2
  echo "$found" >&2
  echo "  help: remove the dependency that brings it in (cargo tree -i NAME shows which)" >&2
  exit 1
fi
echo "ok: no HTTP, TLS or socket crate is compiled into ropa ($(cargo tree --locked -e normal,build --prefix none | sort -u | wc -l) crates checked)"
