package recognizers

import (
	"slices"
	"strings"
	"unicode"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// datelineScore is the score of the place of a date line: a capitalised
// name before a comma and a date at the start of a line is almost always
// where a letter was written.
const datelineScore = 0.8

// signingLeads are the phrases that put a place and a date at the end of
// a decision or deed ("Gedaan te Brussel op 12 maart 2024", "Fait à Namur,
// le 12 août 2024"), each with the blank that follows it.
var signingLeads = []string{
	"Gedaan te ", "Opgemaakt te ", "Getekend te ", "Ondertekend te ",
	"Fait à ", "Fait a ", "Établi à ", "Etabli à ", "Signé à ",
	"Geschehen zu ", "Gegeben zu ", "Ausgestellt in ", "Ausgefertigt in ", "Unterzeichnet in ",
}

// newDateline recognises the place of a letter's date line, a LOCATION
// (ANNOTATION.md: a municipality named on its own): "Gent, 12 maart
// 2024", "Liège, le 1er avril 2024", "Büllingen, 10.09.2024"; each name
// of a bilingual place ("Ixelles / Elsene, 9 octobre 2024"); and the
// place where a decision was signed, after one of signingLeads. The place
// starts its line or follows the lead, has up to four capitalised words
// joined by blanks or particles, and a date follows it: after a comma, or
// after a lead also after a blank ("Gedaan te Gent op 12 maart 2024").
// Weekdays ("Maandag, 12 maart") are no places. The small model misses
// many of these lines, which every letter has.
func newDateline() *recognizer {
	word := `(?>\p{Lu}[\p{L}'’.]*(?:-[\p{L}'’.]+)*)`
	// A particle is always followed by a word, so that the place of
	// "Gent op 12 maart" ends before "op".
	particle := `(?:(?:sur|sous|lez|les|le|la|de|den|der|aan|op|am|an|im|bij)[ ]|[dl]['’])`
	place := word + `(?:[ ]` + particle + `{0,2}` + word + `){0,3}`
	slash := `[ ]?/[ ]?`
	weekday := `(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lundi|mardi|mercredi|jeudi|vendredi|` +
		`samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)`
	leads := make([]string, len(signingLeads))
	for i, l := range signingLeads {
		leads[i] = regexp2.Escape(l)
	}
	date := `(?:(?:le|LE|den|DEN|am|AM|op|OP)[ \t]+)?(?:` + dateExpr() + `)`
	atLineStart := `(?<=(?:^|\n)[ \t]*)`
	// The place that starts a date line, maybe the first of two names.
	first := atLineStart + `(?!(?i:` + weekday + `),)(?<value>` + place + `)(?=(?:` + slash + place + `)?,[ \t]*` + date + `)`
	// The second name of a bilingual place, a place of its own.
	second := `(?<=(?:^|\n)[ \t]*` + place + slash + `)(?<value>` + place + `)(?=,[ \t]*` + date + `)`
	// The place after a signing lead.
	signed := atLineStart + `(?:` + strings.Join(leads, "|") + `)[ ]*(?<value>` + place + `)(?=(?:,[ \t]*|[ \t]+)` + date + `)`
	re, anchored := compileAnchored(`(?:` + first + `|` + second + `|` + signed + `)`)
	return &recognizer{
		name:        "dateline",
		typ:         entity.Location,
		re:          re,
		anchored:    anchored,
		score:       datelineScore,
		minDigits:   1,
		worthTrying: mayHoldDateline,
		starts:      datelineStarts,
		check: func(string, *regexp2.Match) (verdict, bool) {
			return verdict{notes: []string{"the place of a date line"}}, true
		},
	}
}

// mayHoldDateline reports whether line may be a date line: it has a comma
// followed by a date's first digit, or starts with a signing lead. It
// spares the expression most lines.
func mayHoldDateline(line []rune) bool {
	if commaThenDigit(line) {
		return true
	}
	i := skipBlanks(line, 0)
	for _, l := range signingLeads {
		if hasRunePrefix(line[i:], l) {
			return true
		}
	}
	return false
}

// hasRunePrefix reports whether line starts with prefix.
func hasRunePrefix(line []rune, prefix string) bool {
	i := 0
	for _, c := range prefix {
		if i >= len(line) || line[i] != c {
			return false
		}
		i++
	}
	return true
}

// commaThenDigit reports whether line has a comma followed by a digit,
// maybe after blanks and a short word ("le", "den"): where a date line's
// date starts. It spares the expression most lines.
func commaThenDigit(line []rune) bool {
	for i, c := range line {
		if c != ',' {
			continue
		}
		j := skipBlanks(line, i+1)
		k := j
		for k < len(line) && unicode.IsLetter(line[k]) {
			k++
		}
		if k > j && k-j <= 3 {
			j = skipBlanks(line, k)
		}
		if j < len(line) && isDigitASCII(line[j]) {
			return true
		}
	}
	return false
}

// datelineStarts appends the offsets in line where a date line's place
// may start: its first letter, and the first capital after its first
// slash (the second name of "Ixelles / Elsene").
func datelineStarts(line []rune, at []int) []int {
	at = lineStart(line, at)
	if i := slices.Index(line, '/'); i >= 0 {
		if j := skipBlanks(line, i+1); j < len(line) && unicode.IsUpper(line[j]) {
			at = append(at, j)
		}
	}
	return at
}

// lineStart appends the offset of the first letter of line when it is a
// capital after nothing but blanks: a date line's place starts there.
func lineStart(line []rune, at []int) []int {
	if i := skipBlanks(line, 0); i < len(line) && unicode.IsUpper(line[i]) {
		at = append(at, i)
	}
	return at
}

// skipBlanks returns the offset of the first rune of line from i on that
// is neither a space nor a tab.
func skipBlanks(line []rune, i int) int {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}
