#!/usr/bin/env bash
# The ONNX Runtime backend's checks, for CI: fetch the library from npm
# (scripts/ort.sh), vet and build belner with -tags ORT (cgo), and run the
# tests that need the library (the model's fixture logits on ONNX Runtime),
# then every test of the packages that use it, in the ORT build.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=$(scripts/ort.sh)
go vet -tags ORT ./...
go build -tags ORT -o /dev/null ./cmd/belner
BELNER_ORT_LIB="$lib" go test -tags ORT ./ner ./models ./cmd/belner
