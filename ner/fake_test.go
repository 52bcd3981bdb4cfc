package ner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/belner/belner/entity"
)

// labelNames are the model's labels, as config.json lists them.
var labelNames = []string{"O", "B-PERSON", "I-PERSON", "B-ADDRESS", "I-ADDRESS",
	"B-ORGANIZATION", "I-ORGANIZATION", "B-LOCATION", "I-LOCATION"}

// fakeModel labels known words, whatever their context: each word of marks
// gets its type (B, or I when the word before it in the sequence has the
// same type), every other word O. It reconstructs words from the pieces
// (a ## piece continues a word), so it sees exactly what a model would.
type fakeModel struct {
	t      testing.TB
	tokens map[int32]string
	marks  map[string]entity.Type
	// fail, if set, makes the model fail on a batch holding that word.
	fail  string
	panic bool

	mu       sync.Mutex
	calls    int
	maxBatch int
	seqs     int
}

func newFakeModel(t testing.TB, tok *Tokenizer, marks map[string]entity.Type) *fakeModel {
	m := &fakeModel{t: t, tokens: map[int32]string{}, marks: marks}
	for s, id := range tok.vocab {
		m.tokens[id] = s
	}
	return m
}

func labelIndex(begin bool, t entity.Type) int {
	for i, n := range labelNames {
		if n == map[bool]string{true: "B-", false: "I-"}[begin]+string(t) {
			return i
		}
	}
	panic(t)
}

func (m *fakeModel) Logits(_ context.Context, batch [][]int32) ([][][]float32, error) {
	if len(batch) == 0 {
		m.t.Error("the model was called with an empty batch")
		return nil, errors.New("empty batch")
	}
	m.mu.Lock()
	m.calls++
	m.maxBatch = max(m.maxBatch, len(batch))
	m.seqs += len(batch)
	m.mu.Unlock()
	out := make([][][]float32, len(batch))
	for b, seq := range batch {
		// Words: runs of pieces, a ## piece continuing one.
		var starts []int
		var texts []string
		for j := 1; j < len(seq)-1; j++ {
			tk := m.tokens[seq[j]]
			if rest, ok := strings.CutPrefix(tk, "##"); ok && len(texts) > 0 {
				texts[len(texts)-1] += rest
				continue
			}
			starts = append(starts, j)
			texts = append(texts, tk)
		}
		out[b] = make([][]float32, len(seq))
		for j := range out[b] {
			out[b][j] = make([]float32, len(labelNames))
			out[b][j][0] = 1 // O
		}
		var prev entity.Type
		for w, text := range texts {
			if m.fail != "" && text == m.fail {
				if m.panic {
					panic("fake model exploded")
				}
				return nil, fmt.Errorf("fake model failed")
			}
			typ := m.marks[text]
			if typ == "" {
				prev = ""
				continue
			}
			end := len(seq) - 1
			if w+1 < len(starts) {
				end = starts[w+1]
			}
			for j := starts[w]; j < end; j++ {
				l := labelIndex(j == starts[w] && prev != typ, typ)
				out[b][j][0] = 0
				out[b][j][l] = 5
			}
			prev = typ
		}
	}
	return out, nil
}

// fakeRecognizer returns a Recognizer on the smoke model's tokenizer and a
// fake model that labels marks.
func fakeRecognizer(t testing.TB, marks map[string]entity.Type, workers, maxBatch int) (*Recognizer, *fakeModel) {
	tok := smokeTokenizer(t)
	m := newFakeModel(t, tok, marks)
	pool := NewPool(m, workers, maxBatch, 16)
	t.Cleanup(pool.Close)
	return NewRecognizer(tok, ParseLabels(labelNames), pool), m
}

// spans renders entities as TYPE:text for comparison.
func spans(text []rune, es []entity.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s:%s", e.Type, string(text[e.Start:e.End])))
	}
	return out
}
