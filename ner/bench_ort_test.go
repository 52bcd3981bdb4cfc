//go:build ORT

package ner

import (
	"os"
	"strconv"
	"testing"
)

// BenchmarkORTBackend: BELNER_ORT_LIB=$(scripts/ort.sh) go test -tags ORT -run '^$' -bench ORTBackend ./ner
// ($BELNER_BENCH_THREADS sets ONNX Runtime's threads per run, default one per
// CPU; $BELNER_BENCH_WORKERS the pool's workers, default 1).
func BenchmarkORTBackend(b *testing.B) {
	threads, _ := strconv.Atoi(os.Getenv("BELNER_BENCH_THREADS"))
	workers, _ := strconv.Atoi(os.Getenv("BELNER_BENCH_WORKERS"))
	m, err := LoadHugot(benchModelDir(), HugotOptions{Backend: "ort", ORTLibDir: os.Getenv("BELNER_ORT_LIB"), MaxBatch: DefaultMaxBatch, Threads: threads})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	benchRecognize(b, m, max(1, workers), DefaultMaxBatch)
}
