package recognizers

import (
	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// plateExpr matches the current plate (digit, three letters, three digits;
// the separators may be dashes, spaces or missing) and the two older ones
// (three letters and three digits either way round, with a separator).
// Letters are capitals: plates are printed that way, and it keeps ordinary
// words out.
const plateExpr = `(?<![A-Za-z0-9_\u00c0-\u024f-])` +
	`(?:[1-9][ -]?[A-Z]{3}[ -]?[0-9]{3}|[A-Z]{3}[ -][0-9]{3}|[0-9]{3}[ -][A-Z]{3})` +
	`(?![A-Za-z0-9_\u00c0-\u024f]|-[A-Za-z0-9\u00c0-\u024f])`

// newLicensePlate recognises Belgian number plates: "1-ABC-123", issued
// since 2010, and the older "ABC-123" and "123-ABC".
//
// Nothing checks a plate, so the score says how much the shape alone is
// worth. The current form with dashes is distinctive (0.75). Three
// letters and three digits are common in references and product codes,
// so the older forms score 0.4, below the default threshold, and so do
// the current form with spaces (0.6, a little more) and without
// separators (0.3, a reference code as often as a plate). A context word
// ("nummerplaat", "immatriculation", "Kennzeichen") raises any form to 0.9.
func newLicensePlate() *recognizer {
	re, anchored := compileAnchored(plateExpr)
	return &recognizer{
		name:         "plate",
		typ:          entity.LicensePlate,
		re:           re,
		anchored:     anchored,
		starts:       plateStarts,
		score:        0.75,
		contextScore: 0.9,
		context: newContextWords(
			"nummerplaat", "kenteken", "inschrijvingsplaat", "immatriculation",
			"immatriculé", "plaque", "kennzeichen", "nummernschild", "voertuig",
			"véhicule", "fahrzeug",
		),
		check:       checkPlate,
		minDigits:   3,
		minUpperRun: 3,
	}
}

// checkPlate scores a plate by its form; the pattern has checked the rest.
func checkPlate(value string, _ *regexp2.Match) (verdict, bool) {
	switch {
	case len(value) == 7 && (value[3] == '-' || value[3] == ' '):
		return verdict{score: 0.4, notes: []string{"pre-2010 plate form"}}, true
	case len(value) == 9 && value[1] == '-' && value[5] == '-':
		return verdict{}, true
	case len(value) == 9 && value[1] == ' ' && value[5] == ' ':
		return verdict{score: 0.6, notes: []string{"plate written with spaces"}}, true
	default:
		return verdict{score: 0.3, notes: []string{"plate separators missing or mixed"}}, true
	}
}

// plateStarts appends the offsets in line where a plate can start, by its
// shape: a digit and three capitals (1-ABC), three capitals and a digit
// (ABC-1) or three digits and a capital (123-A), each with at most one
// separator between the groups.
func plateStarts(line []rune, at []int) []int {
	for i, c := range line {
		if i > 0 && isAlnumASCII(line[i-1]) {
			continue
		}
		rest := line[i:]
		if isDigitASCII(c) && (groupsAt(rest, 1, isDigitASCII, 3, isUpperASCII) || groupsAt(rest, 3, isDigitASCII, 1, isUpperASCII)) ||
			isUpperASCII(c) && groupsAt(rest, 3, isUpperASCII, 1, isDigitASCII) {
			at = append(at, i)
		}
	}
	return at
}

// groupsAt reports whether s starts with n runes of the first class, an
// optional space or hyphen, and m runes of the second.
func groupsAt(s []rune, n int, first func(rune) bool, m int, second func(rune) bool) bool {
	i := 0
	for ; i < n; i++ {
		if i >= len(s) || !first(s[i]) {
			return false
		}
	}
	if i < len(s) && (s[i] == ' ' || s[i] == '-') {
		i++
	}
	for j := 0; j < m; j, i = j+1, i+1 {
		if i >= len(s) || !second(s[i]) {
			return false
		}
	}
	return true
}

// isUpperASCII reports whether r is an ASCII capital.
func isUpperASCII(r rune) bool { return r >= 'A' && r <= 'Z' }
