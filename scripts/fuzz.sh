#!/usr/bin/env bash
# Runs every Go fuzz target for FUZZTIME (default 10s). A failure leaves its
# input under the package's testdata/fuzz, where `go test` replays it from
# then on.
#
# Go 1.26's fuzzing coordinator can fail a target with a bare "context
# deadline exceeded" when -fuzztime ends while a worker is busy
# (golang/go#75804, fixed in Go 1.27): no input is written and nothing is
# wrong with the code. Such a result passes here only when no new input
# appeared and the target's corpus replays clean; any other failure fails.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-10s}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# inputs counts the saved inputs of a target (none before its first finding).
inputs() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }

for f in $(grep -rl --include='*_test.go' '^func Fuzz' .); do
	pkg=$(dirname "$f")
	for t in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | cut -c6-); do
		echo "fuzz $pkg $t for $FUZZTIME"
		before=$(inputs "$pkg/testdata/fuzz/$t")
		if "$GO" test -run '^$' -fuzz "^$t\$" -fuzztime "$FUZZTIME" "$pkg" 2>&1 | tee "$log"; test "${PIPESTATUS[0]}" -eq 0; then
			continue
		fi
		if [ "$(inputs "$pkg/testdata/fuzz/$t")" = "$before" ] && grep -q '^    context deadline exceeded$' "$log" &&
			"$GO" test -run "^$t\$" "$pkg"; then
			echo "fuzz: $t: the fuzzing deadline raced a worker (golang/go#75804); no failing input, the corpus replays clean"
			continue
		fi
		exit 1
	done
done
