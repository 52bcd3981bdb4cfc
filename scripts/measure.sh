#!/usr/bin/env bash
# Measures the model at run time, as docs/model-runtime.md reports it: the
# evaluation on testdata/annotated, then a load test of `belner serve` on
# each backend (documents/s, p50, p99 at 1, 4 and 16 clients, peak RSS) with
# testdata/documents/*.txt concatenated (a 2-page document).
#
#   scripts/measure.sh                   # the built-in model
#   MODEL=/path/to/model scripts/measure.sh
#   BACKENDS=ort DURATION=30s CLIENTS=1,4 SERVE_FLAGS="-model-batch 8" scripts/measure.sh
set -euo pipefail
cd "$(dirname "$0")/.."

model=${MODEL:-}
backends=${BACKENDS:-ort go}
duration=${DURATION:-20s}
clients=${CLIENTS:-1,4,16}
# Admit all 16 clients (the default -max-inflight, twice the CPUs, answers
# 503 past it) so that the latencies include the model's queue.
serveflags=${SERVE_FLAGS:--max-inflight 64}
tmp=$(mktemp -d)
server=
cleanup() {
	if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

ortlib=$(scripts/ort.sh)
go build -o "$tmp/belner" ./cmd/belner
go build -tags ORT -o "$tmp/belner-ort" ./cmd/belner
modelflag=()
[ -n "$model" ] && modelflag=(-model "$model")

echo "== evaluation (testdata/annotated, ONNX Runtime backend)"
"$tmp/belner-ort" evaluate -backend ort -ort-lib "$ortlib" "${modelflag[@]}" testdata/annotated

for backend in $backends; do
	bin="$tmp/belner"
	[ "$backend" = ort ] && bin="$tmp/belner-ort"
	# shellcheck disable=SC2086
	"$bin" serve -addr 127.0.0.1:0 -backend "$backend" -ort-lib "$ortlib" "${modelflag[@]}" $serveflags 2>"$tmp/serve.log" &
	server=$!
	addr=
	for _ in $(seq 1 100); do
		addr=$(sed -n 's/.*"msg":"serving".*"addr":"\([^"]*\)".*/\1/p' "$tmp/serve.log" | head -n1)
		[ -n "$addr" ] && break
		sleep 0.1
	done
	[ -n "$addr" ] || { cat "$tmp/serve.log" >&2; exit 1; }
	echo "== load test, backend $backend ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"
	"$tmp/belner" loadtest -url "http://$addr" -c "$clients" -d "$duration" -pid "$server" testdata/documents/*.txt
	kill "$server"
	wait "$server" 2>/dev/null || true
	server=
done
