# belner: `make test` runs every test; `make run` serves the API.

GO ?= go
PYTHON ?= /usr/bin/python3
FUZZTIME ?= 10s

.PHONY: test deps go-test fuzz model-test e2e ort ort-test container run bench

test: deps go-test fuzz model-test e2e ort-test container

# PyTorch, Chromium and npm packages, installed if missing.
deps:
	scripts/test-deps.sh

go-test:
	$(GO) vet ./...
	$(GO) test ./...

# Each fuzz target runs for FUZZTIME (scripts/fuzz.sh says how a Go 1.26
# fuzzing-deadline race is told apart from a finding).
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

# The training recipe: data, tokenizer and a whole --smoke build of the
# model. OpenBLAS uses both cores; torch's own threads would slow it down.
model-test:
	cd models/train && OPENBLAS_NUM_THREADS=2 $(PYTHON) -m unittest test_data test_recipe

# The demo page in headless Chromium against a real `belner serve`.
e2e:
	demo/e2e/run.sh

# The ONNX Runtime library from the npm package onnxruntime-node, into
# .ort/; prints its directory (pass it to -ort-lib or BELNER_ORT_LIB).
ort:
	scripts/ort.sh

# The ONNX Runtime backend: fetch the library, build with -tags ORT (cgo),
# and run the tests that need it.
ort-test:
	scripts/ort-test.sh

# The Dockerfile's build steps, outside Docker, and a smoke test of the
# result as the container runs it (non-root, read-only, no network).
container:
	scripts/container-build.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./recognizers ./merge

run:
	$(GO) run ./cmd/belner serve
