//go:build ORT

package ner

import (
	"os"
	"strconv"
	"testing"
)

// BenchmarkORTBackend: BELNER_ORT_LIB=$(scripts/ort.sh) go test -tags ORT -run '^$' -bench ORTBackend ./ner
// ($BELNER_BENCH_THREADS sets ONNX Runtime's threads, default one per CPU).
func BenchmarkORTBackend(b *testing.B) {
	threads, _ := strconv.Atoi(os.Getenv("BELNER_BENCH_THREADS"))
	m, err := LoadHugot(benchModelDir(), HugotOptions{Backend: "ort", ORTLibDir: os.Getenv("BELNER_ORT_LIB"), MaxBatch: 8, Threads: threads})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	benchRecognize(b, m, 1, 8)
}
