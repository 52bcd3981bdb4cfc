// Package analyzer runs a document through every recogniser at once and
// merges what they find: the pattern recognisers and, where one is loaded,
// the model run side by side, and the merge policy of package merge picks
// one entity wherever their candidates overlap.
package analyzer

import (
	"context"
	"fmt"
	"slices"

	"github.com/belner/belner/entity"
	"github.com/belner/belner/merge"
	"golang.org/x/sync/errgroup"
)

// A Recognizer finds candidate entities in a document. Candidates may
// overlap each other and other recognisers' candidates.
type Recognizer interface {
	// Name identifies the recogniser in errors.
	Name() string
	// Types lists the entity types the recogniser can return.
	Types() []entity.Type
	// Recognize returns candidates in text; offsets index text.
	Recognize(ctx context.Context, text []rune) ([]entity.Entity, error)
}

// Options select what Analyze returns.
type Options struct {
	// Types keeps only entities of these types; empty keeps all.
	Types []entity.Type
	// ScoreThreshold drops entities scored below it.
	ScoreThreshold float64
}

// An Analyzer finds the entities of documents. It is safe for concurrent
// use when its recognisers are.
type Analyzer struct {
	recognizers []Recognizer
}

// New returns an Analyzer that runs rs.
func New(rs ...Recognizer) *Analyzer {
	return &Analyzer{recognizers: rs}
}

// Types returns the entity types the analyzer's recognisers can return, in
// the order of entity.Types.
func (a *Analyzer) Types() []entity.Type {
	var ts []entity.Type
	for _, t := range entity.Types() {
		for _, r := range a.recognizers {
			if slices.Contains(r.Types(), t) {
				ts = append(ts, t)
				break
			}
		}
	}
	return ts
}

// Analyze returns the entities in text, sorted by start and never
// overlapping.
//
// Every recogniser runs on the whole text whatever opts asks for, and the
// merge sees every candidate before opts filters: a date inside a national
// number is not a date even when only dates are asked for, and raising the
// threshold only ever removes entities.
func (a *Analyzer) Analyze(ctx context.Context, text []rune, opts Options) ([]entity.Entity, error) {
	found := make([][]entity.Entity, len(a.recognizers))
	g, ctx := errgroup.WithContext(ctx)
	for i, r := range a.recognizers {
		g.Go(func() (err error) {
			found[i], err = recognize(ctx, r, text)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return filter(merge.Resolve(text, slices.Concat(found...)), opts), nil
}

// recognize runs r, turning a panic into an error: a recogniser that
// fails on one document must fail that document, not the process (a panic
// in this goroutine would escape every HTTP recovery).
func recognize(ctx context.Context, r Recognizer, text []rune) (es []entity.Entity, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: panic: %v", r.Name(), v)
		}
	}()
	es, err = r.Recognize(ctx, text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.Name(), err)
	}
	return es, nil
}

func filter(es []entity.Entity, opts Options) []entity.Entity {
	return slices.DeleteFunc(es, func(e entity.Entity) bool {
		return e.Score < opts.ScoreThreshold || (len(opts.Types) > 0 && !slices.Contains(opts.Types, e.Type))
	})
}
