package recognizers

import (
	"context"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/belner/belner/entity"
)

// findAll runs r over the lines of text that its gates let through, the
// way a Set does.
func (r *recognizer) findAll(ctx context.Context, text []rune, earlier []entity.Entity) ([]entity.Entity, error) {
	return r.find(ctx, text, r.segments(text, splitLines(text)), earlier)
}

// find runs a single recogniser over text the way a Set does.
func find(t testing.TB, r *recognizer, text string) []entity.Entity {
	t.Helper()
	setTimeout(r)
	es, err := r.findAll(context.Background(), []rune(text), nil)
	if err != nil {
		t.Fatalf("find(%q): %v", text, err)
	}
	return es
}

// setTimeout bounds r's regular expressions, if it has any, as NewSet does.
func setTimeout(r *recognizer) {
	if r.re != nil {
		r.re.MatchTimeout = DefaultMatchTimeout
	}
	if r.anchored != nil {
		r.anchored.MatchTimeout = DefaultMatchTimeout
	}
}

// textsOf returns the text of each entity r finds in text, checking that
// every entity has type want.
func textsOf(t *testing.T, r *recognizer, text string, want entity.Type) []string {
	t.Helper()
	rs := []rune(text)
	var got []string
	for _, e := range find(t, r, text) {
		if e.Type != want {
			t.Errorf("%q: type %s, want %s", string(rs[e.Start:e.End]), e.Type, want)
		}
		got = append(got, string(rs[e.Start:e.End]))
	}
	return got
}

// findOne returns the single entity r finds in text.
func findOne(t *testing.T, r *recognizer, text string) entity.Entity {
	t.Helper()
	es := find(t, r, text)
	if len(es) != 1 {
		t.Fatalf("%q: found %d entities, want 1", text, len(es))
	}
	return es[0]
}

func assertTexts(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("found %q, want %q", got, want)
	}
}

// fuzzRecognizer checks that r never fails, panics or returns a span that
// is out of range, empty, edged with whitespace or scored outside [0, 1],
// and that its line gates never skip a line that holds a match: searching
// only the lines they let through finds what searching everything finds.
func fuzzRecognizer(f *testing.F, r *recognizer, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	setTimeout(r)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		text := []rune(s)
		es, err := r.findAll(context.Background(), text, nil)
		if err != nil {
			t.Fatalf("find: %v", err)
		}
		all, err := r.findIn(context.Background(), text, 0, nil)
		if err != nil {
			t.Fatalf("find without gates: %v", err)
		}
		if len(all) != len(es) {
			t.Fatalf("gates skip matches: %d found in gated lines, %d in all", len(es), len(all))
		}
		for _, e := range es {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				t.Fatalf("span [%d,%d) out of range for %d code points", e.Start, e.End, len(text))
			}
			span := string(text[e.Start:e.End])
			if isSpace(text[e.Start]) || isSpace(text[e.End-1]) {
				t.Fatalf("span %q starts or ends with whitespace", span)
			}
			if e.Score < 0 || e.Score > 1 {
				t.Fatalf("span %q: score %v outside [0,1]", span, e.Score)
			}
		}
	})
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' }
