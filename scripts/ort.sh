#!/usr/bin/env bash
# Fetch the ONNX Runtime shared library for belner's ORT backend (go build
# -tags ORT) from the npm package onnxruntime-node, into .ort/ (or $ORT_DIR),
# and print the directory that holds libonnxruntime.so. Idempotent: a
# library already in place is kept.
#
#   dir=$(scripts/ort.sh)
#   go build -tags ORT ./cmd/belner && ./belner serve -backend ort -ort-lib "$dir"
#   BELNER_ORT_LIB="$dir" go test -tags ORT ./ner/...
set -euo pipefail
cd "$(dirname "$0")/.."

version="${ORT_VERSION:-1.23.2}"
dir="${ORT_DIR:-$PWD/.ort}/onnxruntime-node-$version"
lib="$dir/libonnxruntime.so"

if [ ! -e "$dir/libonnxruntime.so.1" ]; then
	command -v npm >/dev/null || { echo "ort.sh: npm is needed to fetch onnxruntime-node" >&2; exit 1; }
	tmp="$(mktemp -d)"
	trap 'rm -rf "$tmp"' EXIT
	(cd "$tmp" && npm pack --silent --loglevel=error "onnxruntime-node@$version" >/dev/null)
	tar -xzf "$tmp"/onnxruntime-node-*.tgz -C "$tmp" package/bin/napi-v6/linux/x64/libonnxruntime.so.1
	mkdir -p "$dir"
	mv "$tmp/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$dir/libonnxruntime.so.1.tmp"
	mv "$dir/libonnxruntime.so.1.tmp" "$dir/libonnxruntime.so.1"
fi
ln -sfn libonnxruntime.so.1 "$lib"
echo "$dir"
