package recognizers

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// twoPages is the benchmark document: a Dutch and a French decision of a
// welfare centre, about 1,000 words, with every kind of identifier, valid
// and invalid, that such letters hold.
func twoPages(tb testing.TB) string {
	tb.Helper()
	paths, err := filepath.Glob("../testdata/documents/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no documents in ../testdata/documents: %v", err)
	}
	var b strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}

func TestSetFindsEveryType(t *testing.T) {
	text := []rune(twoPages(t))
	es, err := NewSet(0).Recognize(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[entity.Type]bool{}
	for _, e := range es {
		seen[e.Type] = true
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			t.Errorf("%s: bad span [%d,%d)", e.Type, e.Start, e.End)
		}
	}
	for _, typ := range NewSet(0).Types() {
		if !seen[typ] {
			t.Errorf("no %s found in the test documents", typ)
		}
	}
}

func TestSetHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := NewSet(0).Recognize(ctx, []rune(twoPages(t))); err == nil {
		t.Error("Recognize on a cancelled context gave no error")
	}
}

// BenchmarkSet measures the whole pattern stage over a two-page document.
func BenchmarkSet(b *testing.B) {
	s := NewSet(0)
	doc := twoPages(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		// The conversion to code points is part of the stage: the API does
		// it once per document.
		if _, err := s.Recognize(context.Background(), []rune(doc)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSetLarge measures the stage over a 1 MiB document, where
// chunking and prefilters matter.
func BenchmarkSetLarge(b *testing.B) {
	s := NewSet(0)
	doc := strings.Repeat(twoPages(b), (1<<20)/len(twoPages(b))+1)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Recognize(context.Background(), []rune(doc)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTimeoutErrorHoldsNoText checks that a pattern search that runs out of
// time reports it without quoting the document, as regexp2's own error does.
func TestTimeoutErrorHoldsNoText(t *testing.T) {
	// A pattern that backtracks exponentially stands in for a bug.
	r := newDate()
	r.re = regexp2.MustCompile(`(Z+)+$`, regexp2.None)
	r.re.MatchTimeout = 10 * time.Millisecond
	secret := strings.Repeat("Z", 64) + "ebedeus"
	_, err := r.findIn(context.Background(), []rune(secret), 0, nil)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("error %v, want ErrTimeout", err)
	}
	if strings.Contains(err.Error(), "ebedeus") {
		t.Errorf("error quotes the document: %.100s", err)
	}
}

// TestGatesLoseNothing checks on real documents what the fuzz targets
// check on random ones: searching only the lines and starts that the gates
// let through finds exactly what searching everything finds.
func TestGatesLoseNothing(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/*/*.txt")
	samples, _ := filepath.Glob("../demo/static/samples/*.txt")
	for _, p := range append(paths, samples...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := []rune(string(data))
		lines := splitLines(text)
		var gated, all []entity.Entity
		for _, r := range NewSet(0).recognizers {
			g, err := r.find(context.Background(), text, r.segments(text, lines), gated)
			if err != nil {
				t.Fatal(err)
			}
			a, err := r.findIn(context.Background(), text, 0, all)
			if err != nil {
				t.Fatal(err)
			}
			if len(g) != len(a) {
				t.Errorf("%s: %s finds %d entities in gated lines, %d in all", filepath.Base(p), r.name, len(g), len(a))
			}
			gated, all = append(gated, g...), append(all, a...)
		}
	}
}
