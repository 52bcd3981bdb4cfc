// Package recognizers finds the patterned entities of Belgian documents:
// national and enterprise numbers, IBAN and BIC, dates, phone numbers,
// e-mail addresses, URLs, structured payment references, identity-card
// numbers and number plates.
//
// Each recogniser matches candidates with a regular expression
// (github.com/dlclark/regexp2, always under a match timeout) and then
// validates every candidate in Go: checksums, calendar dates, lengths.
// Numbers that fail their checksum are never returned. A context word near
// a candidate ("rijksregisternummer", "TVA", "Kontonummer") raises its score.
package recognizers

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
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
	re   *regexp2.Regexp
	// score is the base score; contextScore replaces it when a context word
	// precedes the candidate.
	score, contextScore float64
	// context holds lower-case context words, matched as substrings so that
	// compounds ("rijksregisternummer") count.
	context []string
	// needsContext drops candidates that have no context word and no entity
	// of type near within contextWindow code points (a BIC without a label
	// or an IBAN beside it is an ordinary word).
	needsContext bool
	near         entity.Type
	// check validates the candidate; a false result drops it. value is the
	// candidate's text; m gives access to named groups.
	check func(value string, m *regexp2.Match) (verdict, bool)
	// worthTrying is a cheap test that lets a document without, say, an
	// '@' skip the e-mail pattern altogether. Nil means always try.
	worthTrying func(text []rune) bool
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
	}
	for _, r := range rs {
		r.re.MatchTimeout = timeout
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
		if r.typ == entity.KBO {
			add(entity.KBOUnit)
		}
	}
	return ts
}

// Recognize returns every candidate of every recogniser in text. The
// candidates may overlap; the merge decides between them.
func (s *Set) Recognize(ctx context.Context, text []rune) ([]entity.Entity, error) {
	var found []entity.Entity
	for _, r := range s.recognizers {
		if r.worthTrying != nil && !r.worthTrying(text) {
			continue
		}
		es, err := r.find(ctx, text, found)
		if err != nil {
			return nil, fmt.Errorf("recognizer %s: %w", r.name, err)
		}
		found = append(found, es...)
	}
	return found, nil
}

// find runs r over text chunk by chunk. Each search sees the text from the
// start, so that look-behinds work across chunk boundaries, but not past
// the end of its chunk.
func (r *recognizer) find(ctx context.Context, text []rune, earlier []entity.Entity) ([]entity.Entity, error) {
	var found []entity.Entity
	for start := 0; start < len(text); {
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
	e := entity.Entity{
		Type:       r.typ,
		Start:      start,
		End:        start + length,
		Score:      r.score,
		Recognizer: r.name,
		Validated:  v.validated,
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
	word := contextWord(text, e.Start, r.context)
	if word != "" {
		e.Explanation.ContextWord = word
		e.Score = max(e.Score, cmp.Or(v.contextScore, r.contextScore))
	}
	if r.needsContext && word == "" && !nearType(earlier, r.near, e) {
		return entity.Entity{}, false
	}
	return e, true
}

// contextWord returns the first of words (lower case) that occurs in the
// contextWindow code points before start, or "".
func contextWord(text []rune, start int, words []string) string {
	if len(words) == 0 {
		return ""
	}
	before := strings.ToLower(string(text[max(0, start-contextWindow):start]))
	best, bestAt := "", -1
	for _, w := range words {
		// The nearest word wins: "BTW ... IBAN:" names what follows.
		if i := strings.LastIndex(before, w); i > bestAt && wordStart(before, i, w) {
			best, bestAt = w, i
		}
	}
	return best
}

// wordStart reports whether a context word w found at s[i:] counts. Long
// words count anywhere, so that they match inside compounds
// ("rijksregisternummer", "Nationalregisternummer"). Short ones ("btw",
// "bic", "rrn") must start a word, or "public" would label a BIC; they may
// be followed by anything ("btw-nummer", "BTWnr"). Compounds that end in a
// short word ("geboortedatum") are listed as words of their own.
func wordStart(s string, i int, w string) bool {
	if i == 0 || utf8.RuneCountInString(w) >= 6 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(prev)
}

// nearType reports whether an entity of type t lies within contextWindow
// code points of e.
func nearType(es []entity.Entity, t entity.Type, e entity.Entity) bool {
	if t == "" {
		return false
	}
	for _, o := range es {
		if o.Type == t && o.Start < e.End+contextWindow && e.Start < o.End+contextWindow {
			return true
		}
	}
	return false
}
