// Package merge resolves overlapping candidates from several recognisers
// into one set of non-overlapping entities.
//
// Pattern recognisers fix their spans' boundaries exactly (entity.Exact):
// a checksum or a grammar says where a national number or an e-mail
// address begins and ends. A model's spans are not exact: it may run an
// address on into the phone number on the next line. So the policy is:
//
//  1. Exact candidates are resolved first, among themselves. Where two
//     overlap, a validated one (a checksum, or the grammar of an e-mail
//     address or URL passed) beats an unvalidated one: a checksum-valid
//     INSZ beats a DATE on its first six digits, and nothing inside a URL
//     is a separate entity. Then the longer beats the shorter, then the
//     higher score.
//  2. A model candidate never takes the place of an exact entity: where it
//     overlaps kept ones it is cut back to its longest part outside them,
//     without edge spaces or punctuation, and kept only if that part still
//     holds at least half of it and a capital letter or a digit (without
//     one it is a common word, as the model recogniser drops them). An
//     ADDRESS that runs into a phone number keeps its street and
//     municipality; an "ORGANIZATION" that is a BIC label and a BIC
//     disappears. A model ADDRESS holding a postcode or a
//     box number stays one ADDRESS: those are no entities of their own.
//  3. Model candidates are then resolved among themselves: the longer
//     beats the shorter, then the higher score.
//  4. Ties are broken by start, type and recogniser name, so that the
//     result never depends on the order recognisers ran in; identical
//     duplicates (two windows of the model seeing the same span) collapse
//     to one.
//
// Within each step, candidates are taken greedily in order of precedence;
// each is kept unless it overlaps one already kept.
package merge

import (
	"cmp"
	"slices"
	"unicode"

	"github.com/belner/belner/entity"
)

// Resolve returns the candidates found in text that survive the policy,
// sorted by start. It does not modify cands.
func Resolve(text []rune, cands []entity.Entity) []entity.Entity {
	if len(cands) == 0 {
		return nil
	}
	exact, inexact := split(cands)
	taken := newCover(cands)
	kept := take(nil, exact, taken)
	cut := make([]entity.Entity, 0, len(inexact))
	for _, c := range inexact {
		if c, ok := cutBack(text, c, taken); ok {
			cut = append(cut, c)
		}
	}
	kept = take(kept, cut, taken)
	slices.SortFunc(kept, func(a, b entity.Entity) int { return cmp.Compare(a.Start, b.Start) })
	return kept
}

func split(cands []entity.Entity) (exact, inexact []entity.Entity) {
	for _, c := range cands {
		if c.Exact {
			exact = append(exact, c)
		} else {
			inexact = append(inexact, c)
		}
	}
	return exact, inexact
}

// take appends to kept, in order of precedence, the candidates that overlap
// nothing taken, and marks them taken.
func take(kept, cands []entity.Entity, taken *cover) []entity.Entity {
	slices.SortStableFunc(cands, precedence)
	for _, c := range cands {
		if taken.free(c.Start, c.End) {
			taken.take(c.Start, c.End)
			kept = append(kept, c)
		}
	}
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

// cutBack returns c cut back to its longest run of code points that no
// taken entity holds, trimmed of spaces and punctuation at its edges, if
// that keeps at least half of c.
func cutBack(text []rune, c entity.Entity, taken *cover) (entity.Entity, bool) {
	if taken.free(c.Start, c.End) {
		return c, true
	}
	best, bestLen := -1, 0
	for i := c.Start; i < c.End; {
		if !taken.free(i, i+1) {
			i++
			continue
		}
		j := i
		for j < c.End && taken.free(j, j+1) {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	if best < 0 {
		return c, false
	}
	start, end := best, best+bestLen
	for start < end && isEdge(text[start]) {
		start++
	}
	for end > start && isEdge(text[end-1]) {
		end--
	}
	if 2*(end-start) < c.Len() || !entity.Nameable(text[start:end]) {
		return c, false
	}
	c.Start, c.End = start, end
	c.Explanation.Notes = append(slices.Clip(c.Explanation.Notes), "cut back where it ran into an entity found by a pattern")
	return c, true
}

// isEdge reports whether r may not start or end a span.
func isEdge(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }

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
