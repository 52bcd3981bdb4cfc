package ner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/belner/belner/entity"
)

// benchModelDir is the model the benchmarks run: $BELNER_BENCH_MODEL, or
// the smoke model (e.g. BELNER_BENCH_MODEL=$PWD/models/belner-ner for the
// shipped one).
func benchModelDir() string {
	if d := os.Getenv("BELNER_BENCH_MODEL"); d != "" {
		return d
	}
	return smokeDir
}

// twoPages is testdata/documents/*.txt concatenated: about 1,000 words.
func twoPages(b *testing.B) []rune {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "documents", "*.txt"))
	var parts []string
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(t))
	}
	if len(parts) == 0 {
		b.Fatal("no testdata/documents")
	}
	return []rune(strings.Join(parts, "\n\n"))
}

// benchRecognize runs the model recogniser on the 2-page document from 1,
// 4 and 16 concurrent clients, and reports documents per second and the
// p50 and p99 latency of a document.
func benchRecognize(b *testing.B, m Model, workers, maxBatch int) {
	tok, err := LoadTokenizer(benchModelDir())
	if err != nil {
		b.Fatal(err)
	}
	labels, err := Labels(benchModelDir())
	if err != nil {
		b.Fatal(err)
	}
	doc := twoPages(b)
	for _, clients := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			pool := NewPool(m, workers, maxBatch, 64*workers)
			defer pool.Close()
			r := NewRecognizer(tok, labels, pool)
			if _, err := r.Recognize(context.Background(), doc); err != nil { // warm up
				b.Fatal(err)
			}
			var next atomic.Int64
			var mu sync.Mutex
			var lat []time.Duration
			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for range clients {
				wg.Go(func() {
					for next.Add(1) <= int64(b.N) {
						t := time.Now()
						if _, err := r.Recognize(context.Background(), doc); err != nil {
							b.Error(err)
							return
						}
						mu.Lock()
						lat = append(lat, time.Since(t))
						mu.Unlock()
					}
				})
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "docs/s")
			b.ReportMetric(float64(lat[len(lat)/2].Milliseconds()), "p50-ms")
			b.ReportMetric(float64(lat[max(0, (len(lat)*99+99)/100-1)].Milliseconds()), "p99-ms")
		})
	}
}

// BenchmarkGoBackend: go test -run '^$' -bench GoBackend -benchtime 20x ./ner
func BenchmarkGoBackend(b *testing.B) {
	m, err := LoadHugot(benchModelDir(), HugotOptions{Backend: "go", MaxBatch: DefaultMaxBatch})
	if err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	benchRecognize(b, m, 1, DefaultMaxBatch)
}

// BenchmarkWindowing measures everything but the model: tokenizing,
// windowing, the pool, stitching and decoding, with a model that answers at
// once.
func BenchmarkWindowing(b *testing.B) {
	benchRecognize(b, slowModel{release: closed()}, 1, DefaultMaxBatch)
}

func closed() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

// BenchmarkWordLists measures the decoding steps that follow the model's
// spans (common words, places, names across the document) on a long
// document with many entities, with lists the size of the shipped ones:
// go test -run '^$' -bench WordLists ./ner
func BenchmarkWordLists(b *testing.B) {
	common, places := CommonWords{}, Places{"Marokko": true, "Egypte": true}
	for i := range 20000 {
		common[fmt.Sprintf("woord%d", i)] = true
	}
	para := "Ehud Barak sprak in Marokko met mevrouw Els Peeters. Later zei Barak dat Egypte en Feiten volgen.\n"
	text := []rune(strings.Repeat(para, 2000))
	n := len([]rune(para))
	var es []entity.Entity
	for i := range 2000 {
		es = append(es, entity.Entity{Type: entity.Person, Start: i*n + 0, End: i*n + 10},
			entity.Entity{Type: entity.Person, Start: i*n + 47, End: i*n + 58})
	}
	b.SetBytes(int64(len(string(text))))
	b.ResetTimer()
	for range b.N {
		work := slices.Clone(es)
		sameNames(text, places.add(text, common.drop(text, common.trim(text, work)), common), common, places)
	}
}
