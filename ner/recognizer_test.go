package ner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/belner/belner/entity"
)

var marks = map[string]entity.Type{
	"Müller": entity.Person, "Françoise": entity.Person, "d": entity.Person, "'": entity.Person, "Harveng": entity.Person,
	"Weiß": entity.Person, "Zoë": entity.Person, "Dubois": entity.Person, "-": entity.Person, "Dupont": entity.Person,
	"Jan": entity.Person, "Peeters": entity.Person,
	"Coördinatie": entity.Organization, "SWDE": entity.Organization,
	"Hauptstraße": entity.Address, "5": entity.Address, "4700": entity.Address, "Eupen": entity.Address,
	"Gent": entity.Location, "Liège": entity.Location,
	"gemeente": entity.Organization, "stad": entity.Organization,
}

// Entities have exact code-point offsets whatever the text: accents,
// symbols, CRLF, characters outside the BMP, characters the normalizer
// drops inside a word, no-break spaces.
func TestRecognizeOffsets(t *testing.T) {
	r, _ := fakeRecognizer(t, marks, 1, 4)
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"nl", "De Coördinatie betaalde €250 aan Jan Peeters in Gent.",
			[]string{"ORGANIZATION:Coördinatie", "PERSON:Jan Peeters", "LOCATION:Gent"}},
		{"fr", "Madame Françoise d'Harveng (SWDE), à Liège, a reçu €250.",
			[]string{"PERSON:Françoise d'Harveng", "ORGANIZATION:SWDE", "LOCATION:Liège"}},
		{"de crlf", "Sehr geehrte Frau Weiß,\r\nHauptstraße 5\r\n4700 Eupen\r\n",
			[]string{"PERSON:Weiß", "ADDRESS:Hauptstraße 5\r\n4700 Eupen"}},
		{"astral", "📄 Dossier 😀 van Zoë Dubois-Müller 𝐀𝐁 in Gent",
			[]string{"PERSON:Zoë Dubois-Müller", "LOCATION:Gent"}},
		{"soft hyphen inside a word", "De Coör\u00addinatie van Gent",
			[]string{"ORGANIZATION:Coör\u00addinatie", "LOCATION:Gent"}},
		{"zero-width and controls", "Jan\u200b Peeters\x00 \x07Gent",
			[]string{"PERSON:Jan\u200b Peeters", "LOCATION:Gent"}},
		{"no capital, no digit", "De gemeente Gent en de stad Liège",
			[]string{"LOCATION:Gent", "LOCATION:Liège"}},
		{"no-break space", "M.\u00a0Dupont,\u202fGent", []string{"PERSON:Dupont", "LOCATION:Gent"}},
		// A tab is a column gap: no entity runs across it.
		{"tabs, separators", "\tJan\tPeeters\u2028Gent\u2029", []string{"PERSON:Jan", "PERSON:Peeters", "LOCATION:Gent"}},
		// As in BertNormalizer, a form feed is a control character, removed
		// without breaking the word.
		{"form feed", "Jan Peeters\f\vGent", []string{"PERSON:Jan"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune(tc.text)
			es, err := r.Recognize(context.Background(), text)
			if err != nil {
				t.Fatal(err)
			}
			if got := spans(text, es); !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			for _, e := range es {
				if e.Recognizer != "model" || e.Score <= 0 || e.Score > 1 {
					t.Errorf("bad entity %+v", e)
				}
			}
		})
	}
}

// longDocument returns pages pages of filler, each with a person, an
// address and a place, and the entities expected.
func longDocument(pages int) (string, []string) {
	var b strings.Builder
	var want []string
	for p := range pages {
		fmt.Fprintf(&b, "Pagina %d.\n", p+101) // never a marked number
		for s := range 45 {
			b.WriteString("Het college van burgemeester en schepenen heeft de aanvraag onderzocht")
			if s%7 == 3 {
				b.WriteString(", op verzoek van Jan Peeters, wonende Hauptstraße 5\r\n4700 Eupen, in Gent")
				want = append(want, "PERSON:Jan Peeters", "ADDRESS:Hauptstraße 5\r\n4700 Eupen", "LOCATION:Gent")
			}
			b.WriteString(". ")
			if s%10 == 9 {
				b.WriteString("\r\n")
			}
		}
	}
	return b.String(), want
}

// A 30-page document has its entities found on the last page as on the
// first, whatever the window and overlap sizes; the windows split entities
// nowhere and find none twice.
func TestRecognizeLongDocument(t *testing.T) {
	marks := map[string]entity.Type{"Jan": entity.Person, "Peeters": entity.Person,
		"Hauptstraße": entity.Address, "5": entity.Address, "4700": entity.Address, "Eupen": entity.Address,
		"Gent": entity.Location}
	text, want := longDocument(30)
	if n := len(strings.Fields(text)); n < 14000 {
		t.Fatalf("the document has only %d words", n)
	}
	runes := []rune(text)
	for _, size := range []struct{ max, overlap int }{{DefaultMaxPieces, DefaultOverlap}, {64, 16}, {40, 20}, {17, 12}} {
		t.Run(fmt.Sprintf("%d/%d", size.max, size.overlap), func(t *testing.T) {
			r, m := fakeRecognizer(t, marks, 2, 8)
			r.WithWindow(size.max, size.overlap)
			es, err := r.Recognize(context.Background(), runes)
			if err != nil {
				t.Fatal(err)
			}
			got := spans(runes, es)
			if !slices.Equal(got, want) {
				t.Fatalf("got %d entities, want %d; first difference at %d", len(got), len(want), firstDiff(got, want))
			}
			last := es[len(es)-1]
			if last.Start < len(runes)*29/30 {
				t.Errorf("the last entity is at %d of %d", last.Start, len(runes))
			}
			if m.maxBatch > 8 {
				t.Errorf("batch of %d > 8", m.maxBatch)
			}
		})
	}
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// Windows cover every word, stay within the piece budget, move forward,
// overlap, and end at sentence ends where they can.
func TestWindows(t *testing.T) {
	tok := smokeTokenizer(t)
	text, _ := longDocument(3)
	words := tok.Words([]rune(text))
	for _, size := range []struct{ max, overlap int }{{254, 48}, {64, 16}, {20, 0}, {9, 30}, {1, 0}} {
		ws := Windows(words, size.max, size.overlap)
		covered := make([]bool, len(words))
		aligned := 0
		for k, w := range ws {
			pieces := 0
			for i := w.First; i < w.Last; i++ {
				covered[i] = true
				pieces += len(words[i].Pieces)
			}
			if pieces > size.max && w.Last-w.First > 1 {
				t.Errorf("%v: window %d has %d pieces", size, k, pieces)
			}
			if k > 0 {
				prev := ws[k-1]
				if w.First <= prev.First || w.First > prev.Last || w.Last <= prev.Last {
					t.Fatalf("%v: window %d %v after %v", size, k, w, prev)
				}
			}
			if words[w.Last-1].SentenceEnd {
				aligned++
			}
			if seq := tok.Sequence(words, w, size.max); len(seq) > size.max+2 {
				t.Errorf("%v: sequence of %d", size, len(seq))
			}
		}
		if slices.Contains(covered, false) {
			t.Errorf("%v: a word is in no window", size)
		}
		if size.max >= 254 && aligned < len(ws)-1 {
			t.Errorf("%v: only %d of %d windows end a sentence", size, aligned, len(ws))
		}
	}
	if Windows(nil, 254, 48) != nil {
		t.Error("windows for no words")
	}
}

// The same cases as the recipe's test_service_windows: the recipe runs
// the model in these windows to score it as the service does.
func TestWindowsTable(t *testing.T) {
	for _, tc := range []struct {
		name             string
		sizes            []int
		ends             []bool
		maxPieces, overl int
		want             []Window
	}{
		{"no sentence ends", []int{3, 3, 3, 3}, []bool{false, false, false, false}, 7, 2, []Window{{0, 2}, {2, 4}}},
		{"sentence ends", []int{2, 2, 2, 2, 2, 2, 2, 2}, []bool{false, false, true, false, false, false, true, false}, 8, 4,
			[]Window{{0, 3}, {1, 5}, {3, 7}, {5, 8}}},
		{"a sentence start in the overlap", []int{5, 1, 1, 1, 5}, []bool{true, false, false, true, false}, 6, 3,
			[]Window{{0, 1}, {1, 4}, {3, 5}}},
		{"a word longer than a window", []int{1, 9, 1}, []bool{false, false, false}, 4, 2, []Window{{0, 1}, {1, 2}, {2, 3}}},
		{"one window", []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
			[]bool{false, false, true, false, false, true, false, false, true, false}, 254, 48, []Window{{0, 10}}},
		{"no overlap", []int{2, 2, 2, 2, 2}, []bool{false, true, false, false, true}, 4, 0, []Window{{0, 2}, {2, 4}, {4, 5}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words := make([]Word, len(tc.sizes))
			for i, n := range tc.sizes {
				words[i] = Word{Pieces: make([]int32, n), SentenceEnd: tc.ends[i]}
			}
			if got := Windows(words, tc.maxPieces, tc.overl); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	labels := ParseLabels(labelNames)
	for _, tc := range []struct {
		name   string
		text   string
		labels []string
		want   string
	}{
		{"B then I", "x Jan Peeters in Gent x", []string{"O", "B-PERSON", "I-PERSON", "O", "B-LOCATION", "O"}, "PERSON 2-13 LOCATION 17-21"},
		{"I after O starts one", "a\nb\nc\nd\ne\nf", []string{"I-PERSON", "I-PERSON", "O", "I-ADDRESS", "B-ADDRESS", "I-ADDRESS"}, "PERSON 0-3 ADDRESS 6-7 ADDRESS 8-11"},
		{"type change", "a\nb\nc\nd\ne\nf", []string{"B-PERSON", "I-ORGANIZATION", "I-ORGANIZATION", "B-PERSON", "B-PERSON", "I-PERSON"}, "PERSON 0-1 ORGANIZATION 2-5 PERSON 6-7 PERSON 8-11"},
		{"nothing", "a b c", []string{"O", "O", "O"}, ""},
		{"B one space after B", "Jacquet Nathanaël", []string{"B-PERSON", "B-PERSON"}, "PERSON 0-17"},
		{"B no-break space after B", "Jacquet\u00a0Nathanaël", []string{"B-PERSON", "B-PERSON"}, "PERSON 0-17"},
		{"B two spaces after B", "Jacquet  Nathanaël", []string{"B-PERSON", "B-PERSON"}, "PERSON 0-7 PERSON 9-18"},
		{"B a tab after B", "Jacquet\tNathanaël", []string{"B-PERSON", "B-PERSON"}, "PERSON 0-7 PERSON 8-17"},
		{"B on the next line", "Jacquet\r\nNathanaël", []string{"B-PERSON", "B-PERSON"}, "PERSON 0-7 PERSON 9-18"},
		{"I after a column gap", "Inge Moens     Bart Coopmans", []string{"B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"}, "PERSON 0-10 PERSON 15-28"},
		{"I after a tab", "Moens\tBart", []string{"B-PERSON", "I-PERSON"}, "PERSON 0-5 PERSON 6-10"},
		{"I after two spaces", "Moens  Bart", []string{"B-PERSON", "I-PERSON"}, "PERSON 0-11"},
		{"I after an indented line break", "Kerkstraat 5\n      9300 Aalst", []string{"B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS"}, "ADDRESS 0-29"},
		{"B of another type", "Jan Gent", []string{"B-PERSON", "B-LOCATION"}, "PERSON 0-3 LOCATION 4-8"},
		{"glued hyphen", "Oost-Vlaanderen", []string{"B-LOCATION", "O", "I-LOCATION"}, "LOCATION 0-15"},
		{"glued hyphen before B", "Oost-Vlaanderen", []string{"B-LOCATION", "O", "B-LOCATION"}, "LOCATION 0-4 LOCATION 5-15"},
		{"glued symbol", "Oost+Vlaanderen", []string{"B-LOCATION", "O", "I-LOCATION"}, "LOCATION 0-4 LOCATION 5-15"},
		{"comma and a space", "Gent, Aalst", []string{"B-LOCATION", "O", "I-LOCATION"}, "LOCATION 0-4 LOCATION 6-11"},
		{"word labelled O", "Jan en Piet", []string{"B-PERSON", "O", "B-PERSON"}, "PERSON 0-3 PERSON 7-11"},
		{"hyphen at the end", "Oost-", []string{"B-LOCATION", "O"}, "LOCATION 0-4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune(tc.text)
			words := splitWords(text)
			if len(words) != len(tc.labels) {
				t.Fatalf("%d words, %d labels", len(words), len(tc.labels))
			}
			wl := make([]wordLabel, len(words))
			for i, l := range tc.labels {
				wl[i] = wordLabel{label: slices.Index(labelNames, l), prob: 0.5}
			}
			var got []string
			for _, e := range decode(text, words, wl, labels) {
				got = append(got, fmt.Sprintf("%s %d-%d", e.Type, e.Start, e.End))
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("%v: got %q, want %q", tc.labels, g, tc.want)
			}
		})
	}
}

func TestJoinOrganizations(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		in         []entity.Entity
		want       string
	}{
		{"person before", "Bakkerij Janssens BV", []entity.Entity{
			{Type: entity.Person, Start: 0, End: 8, Score: 0.9}, {Type: entity.Organization, Start: 9, End: 20, Score: 0.7}},
			"ORGANIZATION 0-20 0.7"},
		{"location before", "Brussels\u00a0Warehouse NV", []entity.Entity{
			{Type: entity.Location, Start: 0, End: 8, Score: 0.6}, {Type: entity.Organization, Start: 9, End: 21, Score: 0.8}},
			"ORGANIZATION 0-21 0.6"},
		{"comma between", "Jan Peeters, OCMW Gent", []entity.Entity{
			{Type: entity.Person, Start: 0, End: 11, Score: 0.9}, {Type: entity.Organization, Start: 13, End: 22, Score: 0.9}},
			"PERSON 0-11 0.9 ORGANIZATION 13-22 0.9"},
		{"two spaces", "Jan  OCMW", []entity.Entity{
			{Type: entity.Person, Start: 0, End: 3, Score: 0.9}, {Type: entity.Organization, Start: 5, End: 9, Score: 0.9}},
			"PERSON 0-3 0.9 ORGANIZATION 5-9 0.9"},
		{"organisation first", "OCMW Jan", []entity.Entity{
			{Type: entity.Organization, Start: 0, End: 4, Score: 0.9}, {Type: entity.Person, Start: 5, End: 8, Score: 0.9}},
			"ORGANIZATION 0-4 0.9 PERSON 5-8 0.9"},
		{"address before", "Kerkstraat 5 NV", []entity.Entity{
			{Type: entity.Address, Start: 0, End: 12, Score: 0.9}, {Type: entity.Organization, Start: 13, End: 15, Score: 0.9}},
			"ADDRESS 0-12 0.9 ORGANIZATION 13-15 0.9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range joinOrganizations([]rune(tc.text), tc.in) {
				got = append(got, fmt.Sprintf("%s %d-%d %g", e.Type, e.Start, e.End, e.Score))
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

// splitWords cuts text as the pre-tokenizer does, without a vocabulary:
// at white space, and around every punctuation mark or symbol.
func splitWords(text []rune) []Word {
	var words []Word
	start := -1
	for i, c := range append(text, ' ') {
		if start >= 0 && (isWhitespace(c) || isPunct(c)) {
			words = append(words, Word{Start: start, End: i})
			start = -1
		}
		switch {
		case isPunct(c):
			words = append(words, Word{Start: i, End: i + 1})
		case !isWhitespace(c) && start < 0:
			start = i
		}
	}
	return words
}

// A document without words never reaches the model.
func TestRecognizeBlankNeverCallsTheModel(t *testing.T) {
	r, m := fakeRecognizer(t, marks, 1, 4)
	for _, text := range []string{"", " ", "\r\n\t \u00a0\u2028", "\x00\x07\u200b", "\ufffd"} {
		es, err := r.Recognize(context.Background(), []rune(text))
		if err != nil || len(es) != 0 {
			t.Errorf("%q: %v, %v", text, es, err)
		}
	}
	if m.calls != 0 {
		t.Errorf("the model was called %d times", m.calls)
	}
	if out, err := r.pool.Run(context.Background(), nil); out != nil || err != nil || m.calls != 0 {
		t.Errorf("Run(nil) = %v, %v and called the model", out, err)
	}
}

// Many documents at once through the pool give what they give one by one,
// in batches that mix documents and never exceed the maximum.
func TestRecognizeConcurrent(t *testing.T) {
	text, _ := longDocument(2)
	var docs [][]rune
	for i := range 40 {
		docs = append(docs, []rune(strings.Repeat("Jan Peeters in Gent. ", i%5)+text[i*37:]))
	}
	serial, _ := fakeRecognizer(t, marks, 1, 1)
	want := make([][]entity.Entity, len(docs))
	for i, d := range docs {
		var err error
		if want[i], err = serial.Recognize(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	r, m := fakeRecognizer(t, marks, 2, 4)
	got := make([][]entity.Entity, len(docs))
	var wg sync.WaitGroup
	for i, d := range docs {
		wg.Go(func() {
			var err error
			if got[i], err = r.Recognize(context.Background(), d); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := range docs {
		if !slices.EqualFunc(got[i], want[i], func(a, b entity.Entity) bool {
			return a.Type == b.Type && a.Start == b.Start && a.End == b.End && a.Score == b.Score
		}) {
			t.Errorf("document %d: concurrent result differs from serial", i)
		}
	}
	if m.maxBatch > 4 || m.maxBatch < 2 {
		t.Errorf("largest batch %d, want 2..4", m.maxBatch)
	}
}

// A model failure or panic fails the document, not the pool.
func TestRecognizeModelFailure(t *testing.T) {
	for _, panics := range []bool{false, true} {
		r, m := fakeRecognizer(t, marks, 1, 4)
		m.fail, m.panic = "Kapot", panics
		if _, err := r.Recognize(context.Background(), []rune("Jan Kapot in Gent")); err == nil {
			t.Errorf("panic=%v: no error", panics)
		}
		es, err := r.Recognize(context.Background(), []rune("Jan Peeters in Gent"))
		if err != nil || len(es) != 2 {
			t.Errorf("panic=%v: after a failure: %v, %v", panics, es, err)
		}
	}
}

// slowModel blocks until released.
type slowModel struct{ release chan struct{} }

func (s slowModel) Logits(_ context.Context, batch [][]int32) ([][][]float32, error) {
	<-s.release
	out := make([][][]float32, len(batch))
	for i, seq := range batch {
		out[i] = make([][]float32, len(seq))
		for j := range seq {
			out[i][j] = make([]float32, len(labelNames))
		}
	}
	return out, nil
}

// A caller whose context ends stops waiting; the pool goes on.
func TestRecognizeCanceled(t *testing.T) {
	tok := smokeTokenizer(t)
	m := slowModel{release: make(chan struct{})}
	pool := NewPool(m, 1, 2, 1)
	defer pool.Close()
	r := NewRecognizer(tok, ParseLabels(labelNames), pool)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	text, _ := longDocument(1)
	if _, err := r.Recognize(ctx, []rune(text)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want deadline exceeded", err)
	}
	close(m.release)
	if _, err := r.Recognize(context.Background(), []rune("Jan Peeters")); err != nil {
		t.Error(err)
	}
	pool.Close()
	if _, err := r.Recognize(context.Background(), []rune("Jan Peeters")); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: %v", err)
	}
}

// leaning is a model that leans towards B-PERSON everywhere, unsure.
type leaning struct{}

func (leaning) Logits(_ context.Context, batch [][]int32) ([][][]float32, error) {
	out := make([][][]float32, len(batch))
	for i, seq := range batch {
		out[i] = make([][]float32, len(seq))
		for j := range seq {
			out[i][j] = make([]float32, len(labelNames))
			out[i][j][1] = 0.5 // B-PERSON, probability ~0.18
		}
	}
	return out, nil
}

// Entities the model is unsure of are not proposed: they would displace
// overlapping pattern entities in the merge and then fall to the threshold.
func TestRecognizeMinScore(t *testing.T) {
	pool := NewPool(leaning{}, 1, 4, 4)
	defer pool.Close()
	r := NewRecognizer(smokeTokenizer(t), ParseLabels(labelNames), pool)
	// one word per line: B-PERSON words on one line would make one entity
	text := []rune("Jan\nPeeters\n1\nABC\n123")
	if es, err := r.Recognize(context.Background(), text); err != nil || len(es) != 0 {
		t.Errorf("default minimum: %v, %v", es, err)
	}
	es, err := r.WithMinScore(0.1).Recognize(context.Background(), text)
	if err != nil || len(es) != 5 {
		t.Errorf("minimum 0.1: %d entities, %v; want one per word", len(es), err)
	}
	for _, e := range es {
		if e.Score < 0.17 || e.Score > 0.19 {
			t.Errorf("score %g", e.Score)
		}
	}
}
