package ner

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/belner/belner/entity"
)

// Whatever the text, words lie inside it in order, start and end on kept
// characters, and have pieces; entities found through small windows, with
// common words, places and names carried across the text, lie on word
// boundaries, in order, without overlapping.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{"", "Jan Peeters, Coördinatie €250 Müller.", "\ufeffa\r\nb", "Zoë\u00a0Dubois-Müller 😀 Gent\f\x00", "a.b.c.d.e.f.g.h.i.j",
		"Jan Peeters zag Peeters in Marokko, niet Peeters@Marokko.be"} {
		f.Add(s)
	}
	tok := smokeTokenizer(f)
	m := newFakeModel(f, tok, map[string]entity.Type{"Jan": entity.Person, "Peeters": entity.Person, "a": entity.Location,
		"Gent": entity.Location, "Müller": entity.Person, "-": entity.Person, ".": entity.Address, "b": entity.Address})
	pool := NewPool(m, 1, 4, 16)
	f.Cleanup(pool.Close)
	r := NewRecognizer(tok, ParseLabels(labelNames), pool).WithWindow(8, 3).
		WithCommonWords(CommonWords{"gent": true}).WithPlaces(Places{"Marokko": true, "Peeters": true})
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		text := []rune(s)
		words := tok.Words(text)
		end := 0
		for _, w := range words {
			if w.Start < end || w.End <= w.Start || w.End > len(text) || len(w.Pieces) == 0 {
				t.Fatalf("bad word %+v after %d in %q", w, end, s)
			}
			for _, c := range []rune{text[w.Start], text[w.End-1]} {
				if isWhitespace(c) || isControl(c) || c == 0 || c == 0xFFFD {
					t.Fatalf("word %+v starts or ends on %q", w, c)
				}
			}
			end = w.End
		}
		es, err := r.Recognize(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		end = 0
		for _, e := range es {
			if e.Start < end || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("bad entity %+v after %d", e, end)
			}
			if span := string(text[e.Start:e.End]); strings.TrimSpace(span) != span {
				t.Fatalf("entity %q has whitespace at an edge", span)
			}
			end = e.End
		}
	})
}
