package ner

import (
	"context"
	"fmt"

	"github.com/belner/belner/entity"
)

// Window sizes: the model was fine-tuned on windows of at most 256 pieces,
// [CLS] and [SEP] included.
const (
	DefaultMaxPieces = 254
	DefaultOverlap   = 48
)

// windowsPerRun is how many windows of one document wait in the pool at
// most: 32 windows of 256 pieces are about 6,000 words.
const windowsPerRun = 32

// DefaultMinScore is the lowest score of an entity the model proposes, the
// API's default threshold. The merge runs before the threshold and prefers
// longer spans among the model's, so a long span the model is unsure of
// would otherwise displace a shorter, surer one and then be dropped by the
// threshold itself, losing both.
const DefaultMinScore = 0.5

// A Recognizer finds the model's entities in documents of any length. It
// implements analyzer.Recognizer and is safe for concurrent use.
type Recognizer struct {
	tok       *Tokenizer
	labels    []Label
	pool      *Pool
	maxPieces int
	overlap   int
	minScore  float64
	common    CommonWords
	places    Places
}

// NewRecognizer returns a Recognizer that tokenizes with tok, runs the
// model through pool and reads its outputs as labels.
func NewRecognizer(tok *Tokenizer, labels []Label, pool *Pool) *Recognizer {
	return &Recognizer{tok: tok, labels: labels, pool: pool, maxPieces: DefaultMaxPieces, overlap: DefaultOverlap,
		minScore: DefaultMinScore}
}

// WithWindow sets the largest window, in pieces without [CLS] and [SEP],
// and the overlap of consecutive windows.
func (r *Recognizer) WithWindow(maxPieces, overlap int) *Recognizer {
	r.maxPieces, r.overlap = max(maxPieces, 1), max(overlap, 0)
	return r
}

// WithMinScore sets the lowest score of an entity returned.
func (r *Recognizer) WithMinScore(min float64) *Recognizer {
	r.minScore = min
	return r
}

// WithCommonWords sets the common words that no entity may be on its own.
func (r *Recognizer) WithCommonWords(c CommonWords) *Recognizer {
	r.common = c
	return r
}

// WithPlaces sets the places that become a LOCATION where the model passed
// them over.
func (r *Recognizer) WithPlaces(p Places) *Recognizer {
	r.places = p
	return r
}

// Name identifies the recogniser.
func (r *Recognizer) Name() string { return "model" }

// Types lists the types the model finds.
func (r *Recognizer) Types() []entity.Type {
	return []entity.Type{entity.Person, entity.Address, entity.Organization, entity.Location}
}

// Recognize returns the model's entities in text, offsets in code points of
// text. A text without words never reaches the model.
func (r *Recognizer) Recognize(ctx context.Context, text []rune) ([]entity.Entity, error) {
	words := r.tok.Words(text)
	if len(words) == 0 {
		return nil, nil
	}
	windows := Windows(words, r.maxPieces, r.overlap)
	wl := newWordLabels(len(words))
	// A few windows at a time: a long document holds the logits of a
	// chunk only, and leaves room in the pool's queue for the documents
	// that come after it.
	for len(windows) > 0 {
		chunk := windows[:min(len(windows), windowsPerRun)]
		windows = windows[len(chunk):]
		seqs := make([][]int32, len(chunk))
		for i, w := range chunk {
			seqs[i] = r.tok.Sequence(words, w, r.maxPieces)
		}
		logits, err := r.pool.Run(ctx, seqs)
		if err != nil {
			return nil, err
		}
		for i := range logits {
			if len(logits[i]) != len(seqs[i]) {
				return nil, fmt.Errorf("model returned logits for %d pieces of %d", len(logits[i]), len(seqs[i]))
			}
			for _, l := range logits[i] {
				if len(l) != len(r.labels) {
					return nil, fmt.Errorf("model returned %d logits per piece for %d labels", len(l), len(r.labels))
				}
			}
		}
		stitch(wl, words, chunk, logits)
	}
	// Spans are cut and trimmed to what ANNOTATION.md allows before the
	// score and the capital are checked, as the recipe measured them.
	es := decode(text, words, wl, r.labels)
	kept := es[:0]
	for _, e := range es {
		if e, ok := tidy(text, e); ok && e.Score >= r.minScore && entity.Nameable(text[e.Start:e.End]) {
			kept = append(kept, e)
		}
	}
	es = boundAddresses(text, wholeWords(text, joinOrganizations(text, kept)))
	es = r.common.drop(text, r.common.trim(text, es))
	return sameNames(text, r.places.add(text, es, r.common), r.common, r.places), nil
}
