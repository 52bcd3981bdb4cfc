#!/usr/bin/env bash
# Installs what `make test` needs beyond Go, if it is missing: PyTorch and
# ONNX from Debian for the training recipe's smoke build, Frog for its
# silver labels, Debian's Chromium for the demo page's browser tests and
# their npm packages, and the tools of the ONNX Runtime and container
# checks. Needs root or sudo for apt-get; does nothing when everything is
# there.
set -euo pipefail
cd "$(dirname "$0")/.."

# strace lets the container check catch writes and connections; gcc
# builds the ONNX Runtime backend (cgo); frog labels the recipe's silver
# Dutch sentences (froglabel.py), and its tokenizer needs uctodata, which
# Debian only recommends (without it Frog stops: "Initialization failed
# for: [tokenizer]").
packages=(python3-torch python3-onnx libopenblas0-pthread frog frogdata uctodata chromium chromium-driver nodejs npm strace gcc curl)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere than Debian; it only has to be there.
if command -v node >/dev/null && command -v npm >/dev/null; then
	missing=("${missing[@]/nodejs/}")
	missing=("${missing[@]/npm/}")
fi
read -r -a missing <<<"${missing[*]}"
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "installing from Debian: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

lock=demo/e2e/package-lock.json
stamp=demo/e2e/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
	echo "installing npm packages for the browser tests"
	(cd demo/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
