// Package merge resolves overlapping candidates from several recognisers
// into one set of non-overlapping entities.
//
// The policy, in order of precedence, when two candidates overlap:
//
//  1. A validated candidate beats an unvalidated one. Validated means a
//     checksum passed (national number, IBAN, enterprise number...) or the
//     grammar of an e-mail address or URL did: such a span is very unlikely
//     to be chance, and nothing inside it is a separate entity. So a
//     checksum-valid INSZ beats a DATE on its first six digits, and a model
//     PERSON cannot cut into an e-mail address.
//  2. The longer candidate beats the shorter: a model ADDRESS that contains
//     a postcode or a number stays one ADDRESS.
//  3. The higher score wins.
//  4. Then, so that the result never depends on the order recognisers ran
//     in: the earlier start, the type name, the recogniser name.
//
// Candidates are taken greedily in that order; each is kept unless it
// overlaps one already kept. Identical duplicates (two windows of the model
// seeing the same span) collapse to one.
package merge

import (
	"cmp"
	"slices"

	"github.com/belner/belner/entity"
)

// Resolve returns the candidates that survive the policy, sorted by start.
// It does not modify cands.
func Resolve(cands []entity.Entity) []entity.Entity {
	if len(cands) == 0 {
		return nil
	}
	ranked := slices.Clone(cands)
	slices.SortStableFunc(ranked, precedence)
	taken := newCover(ranked)
	kept := make([]entity.Entity, 0, len(ranked))
	for _, c := range ranked {
		if taken.free(c.Start, c.End) {
			taken.take(c.Start, c.End)
			kept = append(kept, c)
		}
	}
	slices.SortFunc(kept, func(a, b entity.Entity) int { return cmp.Compare(a.Start, b.Start) })
	return kept
}

// precedence orders a before b when a should win an overlap with b.
func precedence(a, b entity.Entity) int {
	if a.Validated != b.Validated {
		if a.Validated {
			return -1
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(b.Len(), a.Len()),
		cmp.Compare(b.Score, a.Score),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.Type, b.Type),
		cmp.Compare(a.Recognizer, b.Recognizer),
	)
}

// A cover records which code points kept entities occupy, one bit each.
// Kept entities never overlap, so checking a candidate costs its length,
// and a 10 MiB document with many thousands of candidates stays linear.
type cover struct {
	base int
	bits []uint64
}

func newCover(es []entity.Entity) *cover {
	lo, hi := es[0].Start, es[0].End
	for _, e := range es[1:] {
		lo, hi = min(lo, e.Start), max(hi, e.End)
	}
	return &cover{base: lo, bits: make([]uint64, (hi-lo+63)/64)}
}

func (c *cover) free(start, end int) bool {
	for i := start - c.base; i < end-c.base; i++ {
		if c.bits[i/64]&(1<<(i%64)) != 0 {
			return false
		}
	}
	return true
}

func (c *cover) take(start, end int) {
	for i := start - c.base; i < end-c.base; i++ {
		c.bits[i/64] |= 1 << (i % 64)
	}
}
