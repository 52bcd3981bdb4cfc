//go:build ORT

package ner

import (
	"os"
	"testing"
)

// BenchmarkORTBackend: BELNER_ORT_LIB=$(scripts/ort.sh) go test -tags ORT -run '^$' -bench ORTBackend ./ner
func BenchmarkORTBackend(b *testing.B) {
	m, err := LoadHugot(benchModelDir(), HugotOptions{Backend: "ort", ORTLibDir: os.Getenv("BELNER_ORT_LIB"), MaxBatch: 8})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	benchRecognize(b, m, 1, 8)
}
