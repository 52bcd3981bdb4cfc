// Package recognizers finds the patterned entities of Belgian documents:
// national and enterprise numbers, IBAN and BIC, dates, phone numbers,
// e-mail addresses, URLs, structured payment references, identity-card
// numbers and number plates, and the organisations that need no model:
// known Belgian institutions and companies, and municipal administrations.
//
// Each recogniser of an identifier matches candidates with a regular
// expression (github.com/dlclark/regexp2, always under a match timeout) and
// then validates every candidate in Go: checksums, calendar dates, lengths.
// Numbers that fail their checksum are never returned. A context word near
// a candidate ("rijksregisternummer", "TVA", "Kontonummer") raises its score.
// The organisations are a curated list of names, looked up in a trie in Go.
package recognizers

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// DefaultMatchTimeout bounds one regular-expression search over one chunk
// of a document. Patterns are written not to backtrack, so reaching it
// means a bug, and the document gets an error rather than a hung worker.
// It is far above what a search takes (milliseconds at worst) because
// regexp2 reads time from a clock that a busy machine updates late.
const DefaultMatchTimeout = time.Second

// ErrTimeout is wrapped by Recognize's error when a pattern search ran
// past its match timeout.
var ErrTimeout = errors.New("pattern search timed out")

// chunkSize bounds the text one regular-expression search sees, so that a
// 10 MiB document is many short searches and the match timeout stays
// meaningful. Chunks end after a line break: no patterned entity spans one.
const chunkSize = 16 << 10

// contextWindow is how many code points before a candidate are searched for
// context words: the label of a form field, or the end of the line above.
const contextWindow = 64

// A verdict is what a recogniser's check decides about one candidate.
type verdict struct {
	// typ overrides the recogniser's type (an enterprise number whose first
	// digit makes it an establishment unit).
	typ entity.Type
	// score overrides the recogniser's base score when not zero (a national
	// number that passes the lenient rules only).
	score float64
	// checksum describes the checksum the candidate passed.
	checksum string
	// validated marks a checksum or grammar that rules out chance.
	validated bool
	// contextScore overrides the recogniser's contextScore when not zero:
	// a context word raises a doubtful candidate less far.
	contextScore float64
	// notes explain a lowered score.
	notes []string
}

// A recognizer finds one kind of patterned entity.
type recognizer struct {
	name string
	typ  entity.Type
	// subtypes are the other types a verdict may give (KBO_UNIT).
	subtypes []entity.Type
	re       *regexp2.Regexp
	// score is the base score; contextScore replaces it when a context word
	// precedes the candidate.
	score, contextScore float64
	// context holds the context words.
	context *contextWords
	// needsContext drops candidates that have no context word and no entity
	// of type near within contextWindow code points (a BIC without a label
	// or an IBAN beside it is an ordinary word).
	needsContext bool
	near         entity.Type
	// agrees, if set, must accept a candidate's text and the text of the
	// entity near it when that entity is its only support (a BIC beside an
	// IBAN names a bank of the IBAN's country).
	agrees func(value, near string) bool
	// check validates the candidate; a false result drops it. value is the
	// candidate's text; m gives access to named groups.
	check func(value string, m *regexp2.Match) (verdict, bool)
	// A line is searched only if it has at least minDigits ASCII digits, a
	// run of minUpperRun ASCII capitals, one of the ASCII runes in needsAny
	// (if set), and passes worthTrying (if set): cheap tests that spare the
	// regular expression most lines. Each must hold for any line that
	// holds a match; the fuzz tests check that they never drop one.
	minDigits, minUpperRun int
	needsAny               string
	worthTrying            func(line []rune) bool
	// starts, if set, appends to at the offsets in line where a match can
	// start, and anchored, the same pattern anchored with \G, is tried
	// there alone: for a pattern that would otherwise make an expensive
	// attempt at every digit of every line (dates, phone numbers).
	starts   func(line []rune, at []int) []int
	anchored *regexp2.Regexp
	// matchAt, if set, takes the place of the regular expressions: it
	// returns the length of the match that starts at offset at of text (0
	// for none) and its verdict, and it is tried at the offsets that
	// starts finds in whole segments, not line by line: its matches never
	// cross a line break; check is then unused. A dictionary of hundreds of
	// names is a trie walk in Go; as an expression, each attempt would cost
	// a microsecond.
	matchAt func(text []rune, at int) (int, verdict)
}

// compileAnchored compiles expr, and expr anchored to the position a search
// starts at, for a recogniser with starts. Options must be inline.
func compileAnchored(expr string) (re, anchored *regexp2.Regexp) {
	return regexp2.MustCompile(expr, regexp2.None), regexp2.MustCompile(`\G(?:`+expr+`)`, regexp2.None)
}

// Set runs every pattern recogniser over a document.
type Set struct {
	recognizers []*recognizer
}

// NewSet returns the recognisers for every patterned entity type, each
// regular expression bounded by timeout per search (DefaultMatchTimeout if
// zero).
func NewSet(timeout time.Duration) *Set {
	if timeout <= 0 {
		timeout = DefaultMatchTimeout
	}
	// Order matters: a recogniser that needs an entity near it (BIC needs
	// an IBAN) comes after the recogniser of that entity.
	rs := []*recognizer{
		newINSZ(), newKBO(), newIBAN(), newBIC(), newDate(), newPhone(),
		newEmail(), newURL(), newOGM(), newEIDCard(), newLicensePlate(),
		newOrganization(), newDateline(),
	}
	for _, r := range rs {
		if r.re != nil {
			r.re.MatchTimeout = timeout
		}
		if r.anchored != nil {
			r.anchored.MatchTimeout = timeout
		}
	}
	return &Set{recognizers: rs}
}

// Name identifies the set in entity explanations and metrics.
func (s *Set) Name() string { return "patterns" }

// Types lists the entity types the set can return.
func (s *Set) Types() []entity.Type {
	var ts []entity.Type
	seen := map[entity.Type]bool{}
	add := func(t entity.Type) {
		if !seen[t] {
			seen[t] = true
			ts = append(ts, t)
		}
	}
	for _, r := range s.recognizers {
		add(r.typ)
		for _, t := range r.subtypes {
			add(t)
		}
	}
	return ts
}

// Recognize returns every candidate of every recogniser in text. The
// candidates may overlap; the merge decides between them.
func (s *Set) Recognize(ctx context.Context, text []rune) ([]entity.Entity, error) {
	var found []entity.Entity
	lines := splitLines(text)
	for _, r := range s.recognizers {
		es, err := r.find(ctx, text, r.segments(text, lines), found)
		if err != nil {
			return nil, fmt.Errorf("recognizer %s: %w", r.name, err)
		}
		found = append(found, es...)
	}
	return found, nil
}

// find runs r over the segments of text, chunk by chunk. Each search sees
// the text from the start, so that look-behinds work across segment and
// chunk boundaries, but not past the end of its chunk.
func (r *recognizer) find(ctx context.Context, text []rune, segs []segment, earlier []entity.Entity) ([]entity.Entity, error) {
	if r.matchAt != nil {
		return r.matchIn(ctx, text, segs, earlier)
	}
	if r.starts != nil {
		return r.findAt(ctx, text, segs, earlier)
	}
	var found []entity.Entity
	for _, seg := range segs {
		es, err := r.findIn(ctx, text[:seg.end], seg.start, earlier)
		if err != nil {
			return nil, err
		}
		found = append(found, es...)
	}
	return found, nil
}

// findAt tries r's anchored pattern at the starts r finds in each line of
// segs. Like a search, it reports matches that do not overlap: a start
// inside an earlier match is skipped.
func (r *recognizer) findAt(ctx context.Context, text []rune, segs []segment, earlier []entity.Entity) ([]entity.Entity, error) {
	var found []entity.Entity
	var at []int
	for _, seg := range segs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for ls := seg.start; ls < seg.end; {
			le := lineEnd(text[:seg.end], ls)
			at = r.starts(text[ls:le], at[:0])
			next := ls
			for _, off := range at {
				if ls+off < next {
					continue
				}
				m, err := r.anchored.FindRunesMatchStartingAt(text[:le], ls+off)
				if err != nil {
					return nil, fmt.Errorf("%w after %v at code point %d", ErrTimeout, r.anchored.MatchTimeout, ls+off)
				}
				if m == nil {
					continue
				}
				next = m.Index + max(m.Length, 1)
				if e, ok := r.candidate(text, m, earlier); ok {
					found = append(found, e)
				}
			}
			ls = le
		}
	}
	return found, nil
}

// matchIn tries r.matchAt at the starts r finds in segs. A match never
// crosses a line break, so a segment is not cut into lines: for a
// recogniser that searches every line, that would cost another pass over
// the text.
func (r *recognizer) matchIn(ctx context.Context, text []rune, segs []segment, earlier []entity.Entity) ([]entity.Entity, error) {
	var found []entity.Entity
	var at []int
	for _, seg := range segs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		at = r.starts(text[seg.start:seg.end], at[:0])
		next := seg.start
		for _, off := range at {
			if seg.start+off < next {
				continue
			}
			if n, v := r.matchAt(text[:seg.end], seg.start+off); n > 0 {
				next = seg.start + off + n
				if e, ok := r.entityOf(text, seg.start+off, n, v, earlier); ok {
					found = append(found, e)
				}
			}
		}
	}
	return found, nil
}

// lineEnd returns the end of the line that starts at start: after its line
// break, or the end of text.
func lineEnd(text []rune, start int) int {
	if i := slices.Index(text[start:], '\n'); i >= 0 {
		return start + i + 1
	}
	return len(text)
}

// findIn searches text from start to its end.
func (r *recognizer) findIn(ctx context.Context, text []rune, start int, earlier []entity.Entity) ([]entity.Entity, error) {
	if r.matchAt != nil {
		return r.matchEverywhere(ctx, text, start, earlier)
	}
	var found []entity.Entity
	for start < len(text) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := chunkEnd(text, start)
		m, err := r.re.FindRunesMatchStartingAt(text[:end], start)
		for err == nil && m != nil {
			if e, ok := r.candidate(text, m, earlier); ok {
				found = append(found, e)
			}
			m, err = r.re.FindNextMatch(m)
		}
		if err != nil {
			// regexp2's error quotes the text it searched: personal data
			// that must not reach a log or an error message.
			return nil, fmt.Errorf("%w after %v in the chunk at code point %d", ErrTimeout, r.re.MatchTimeout, start)
		}
		start = end
	}
	return found, nil
}

// matchEverywhere tries r.matchAt at every position of text from start,
// chunk by chunk, skipping the positions inside a match.
func (r *recognizer) matchEverywhere(ctx context.Context, text []rune, start int, earlier []entity.Entity) ([]entity.Entity, error) {
	var found []entity.Entity
	for start < len(text) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := chunkEnd(text, start)
		for i := start; i < end; i++ {
			if n, v := r.matchAt(text[:end], i); n > 0 {
				if e, ok := r.entityOf(text, i, n, v, earlier); ok {
					found = append(found, e)
				}
				i += n - 1
			}
		}
		start = end
	}
	return found, nil
}

// chunkEnd returns where the chunk that starts at start ends: after the last
// line break within chunkSize code points, or at a space if the line is
// longer than that, or at chunkSize.
func chunkEnd(text []rune, start int) int {
	end := start + chunkSize
	if end >= len(text) {
		return len(text)
	}
	for _, stop := range []rune{'\n', ' '} {
		for i := end - 1; i > start+chunkSize/2; i-- {
			if text[i] == stop {
				return i + 1
			}
		}
	}
	return end
}

// candidate turns a match into an entity if its check passes and, where the
// recogniser needs it, context supports it.
func (r *recognizer) candidate(text []rune, m *regexp2.Match, earlier []entity.Entity) (entity.Entity, bool) {
	start, length := m.Index, m.Length
	if g := m.GroupByName("value"); g != nil && len(g.Captures) > 0 {
		start, length = g.Index, g.Length
	}
	if length == 0 {
		return entity.Entity{}, false
	}
	v, ok := r.check(string(text[start:start+length]), m)
	if !ok {
		return entity.Entity{}, false
	}
	return r.entityOf(text, start, length, v, earlier)
}

// entityOf turns a match that passed its check into an entity if, where
// the recogniser needs it, context supports it.
func (r *recognizer) entityOf(text []rune, start, length int, v verdict, earlier []entity.Entity) (entity.Entity, bool) {
	e := entity.Entity{
		Type:       r.typ,
		Start:      start,
		End:        start + length,
		Score:      r.score,
		Recognizer: r.name,
		Validated:  v.validated,
		Exact:      true,
		Explanation: entity.Explanation{
			Pattern:  r.name,
			Checksum: v.checksum,
			Notes:    v.notes,
		},
	}
	if v.typ != "" {
		e.Type = v.typ
	}
	if v.score != 0 {
		e.Score = v.score
	}
	e.Explanation.BaseScore = e.Score
	// Only a word that raises the score, or that a recogniser needs, is
	// evidence worth reporting, and looking costs more than the rest of a
	// candidate.
	var word string
	if raised := cmp.Or(v.contextScore, r.contextScore); raised > e.Score || r.needsContext {
		if word = contextWord(text, e.Start, r.context); word != "" {
			e.Explanation.ContextWord = word
			e.Score = max(e.Score, raised)
		}
	}
	if r.needsContext && word == "" && !r.nearAgreeing(text, earlier, e) {
		return entity.Entity{}, false
	}
	return e, true
}

// contextWords are the lower-case words whose presence before a candidate
// raises its score, indexed by first letter: every candidate looks for
// them, so the window before it is scanned once, not once per word.
type contextWords struct {
	words   []string
	byFirst map[rune][]string
}

// newContextWords indexes words. Of two words found at the same place, the
// one listed first is the one an explanation names.
func newContextWords(words ...string) *contextWords {
	c := &contextWords{words: words, byFirst: map[rune][]string{}}
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		c.byFirst[first] = append(c.byFirst[first], w)
	}
	return c
}

// contextWord returns the context word nearest before start, within
// contextWindow code points, or "": the nearest names what follows
// ("BTW ... IBAN:").
func contextWord(text []rune, start int, c *contextWords) string {
	if c == nil {
		return ""
	}
	window := text[max(0, start-contextWindow):start]
	for i := len(window) - 1; i >= 0; i-- {
		for _, w := range c.byFirst[foldRune(window[i])] {
			if hasPrefixFold(window[i:], w) && wordStart(window, i, w) {
				return w
			}
		}
	}
	return ""
}

// foldRune lower-cases r, quickly for ASCII.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// hasPrefixFold reports whether s starts with the lower-case word w,
// ignoring the case of s.
func hasPrefixFold(s []rune, w string) bool {
	j := 0
	for _, c := range w {
		if j >= len(s) || foldRune(s[j]) != c {
			return false
		}
		j++
	}
	return true
}

// containsFold reports whether text contains the lower-case word w,
// ignoring the case of text.
func containsFold(text []rune, w string) bool {
	for i := range text {
		if hasPrefixFold(text[i:], w) {
			return true
		}
	}
	return false
}

// wordStart reports whether a context word w found at s[i:] counts. Long
// words count anywhere, so that they match inside compounds
// ("rijksregisternummer", "Nationalregisternummer"). Short ones ("btw",
// "bic", "rrn") must start a word, or "public" would label a BIC; they may
// be followed by anything ("btw-nummer", "BTWnr"). Compounds that end in a
// short word ("geboortedatum") are listed as words of their own.
func wordStart(s []rune, i int, w string) bool {
	return i == 0 || utf8.RuneCountInString(w) >= 6 || !unicode.IsLetter(s[i-1])
}

// nearAgreeing reports whether an entity of type r.near that r.agrees
// with lies within contextWindow code points of e.
func (r *recognizer) nearAgreeing(text []rune, es []entity.Entity, e entity.Entity) bool {
	if r.near == "" {
		return false
	}
	for _, o := range es {
		if o.Type == r.near && o.Start < e.End+contextWindow && e.Start < o.End+contextWindow &&
			(r.agrees == nil || r.agrees(string(text[e.Start:e.End]), string(text[o.Start:o.End]))) {
			return true
		}
	}
	return false
}
