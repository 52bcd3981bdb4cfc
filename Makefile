# belner: `make test` runs every test; `make run` serves the API.

GO ?= go
PYTHON ?= /usr/bin/python3
FUZZTIME ?= 10s

.PHONY: test go-test fuzz run bench

test: go-test fuzz

go-test:
	$(GO) vet ./...
	$(GO) test ./...

# Each fuzz target runs for FUZZTIME; a failure leaves its input under the
# package's testdata/fuzz, where `go test` replays it from then on.
fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
		for t in $$(grep -o '^func Fuzz[A-Za-z0-9_]*' $$f | cut -c6-); do \
			echo "fuzz $$(dirname $$f) $$t for $(FUZZTIME)"; \
			$(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) $$(dirname $$f); \
		done; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./recognizers ./merge

run:
	$(GO) run ./cmd/belner serve
