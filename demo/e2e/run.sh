#!/usr/bin/env bash
# Runs the demo page's end-to-end tests in headless Chromium against a real
# `belner serve`: builds belner, starts it on a free local port with a 1 MiB
# document limit, waits until it is ready, runs `node --test` here, and stops
# the server on exit whatever happened.
#
#   demo/e2e/run.sh                      # from the repository root
#   BELNER_SCREENSHOT=demo/screenshot.png demo/e2e/run.sh   # also refresh the README screenshot
#
# Needs /usr/bin/chromium (Debian: apt-get install chromium chromium-driver)
# and node_modules here (npm ci); demo/e2e/install.sh installs both.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

fail() { echo "demo/e2e/run.sh: $*" >&2; exit 1; }
[ -x "$chromium" ] || fail "$chromium is missing: install it with 'apt-get install -y chromium chromium-driver' (or run demo/e2e/install.sh)"
command -v node >/dev/null || fail "node is missing: install Node.js 18 or later (or run demo/e2e/install.sh)"
[ -d "$here/node_modules/playwright-core" ] || fail "$here/node_modules is missing: run 'npm ci' in demo/e2e (or run demo/e2e/install.sh)"
if [ -n "${BELNER_SCREENSHOT:-}" ]; then
	case "$BELNER_SCREENSHOT" in /*) ;; *) BELNER_SCREENSHOT="$PWD/$BELNER_SCREENSHOT" ;; esac
	export BELNER_SCREENSHOT
fi

tmp=$(mktemp -d)
server=
cleanup() {
	if [ -n "$server" ]; then
		kill "$server" 2>/dev/null || true
		wait "$server" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building belner"
(cd "$root" && go build -o "$tmp/belner" ./cmd/belner)

# Port 0: the kernel picks a free port, and belner logs the address it got.
# The log has one line per request and never any document text.
"$tmp/belner" serve -addr 127.0.0.1:0 -max-bytes 1048576 2>"$tmp/server.log" &
server=$!

addr=
for _ in $(seq 1 100); do
	kill -0 "$server" 2>/dev/null || { cat "$tmp/server.log" >&2; fail "belner serve exited at start"; }
	addr=$(sed -n 's/.*"msg":"serving".*"addr":"\([^"]*\)".*/\1/p' "$tmp/server.log" | head -n1)
	[ -n "$addr" ] && break
	sleep 0.1
done
[ -n "$addr" ] || { cat "$tmp/server.log" >&2; fail "belner serve did not say where it listens"; }
url="http://$addr"

ready() {
	node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url/readyz"
}
for _ in $(seq 1 60); do
	ready && break
	kill -0 "$server" 2>/dev/null || { cat "$tmp/server.log" >&2; fail "belner serve exited before it was ready"; }
	sleep 0.5
done
ready || fail "belner serve at $url was not ready after 30 s"
echo "belner serve is ready at $url"

cd "$here"
BELNER_URL=$url CHROMIUM=$chromium node --test --test-reporter=spec ./*.test.mjs
