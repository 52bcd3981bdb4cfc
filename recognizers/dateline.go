package recognizers

import (
	"unicode"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// datelineScore is the score of the place of a date line: a capitalised
// name before a comma and a date at the start of a line is almost always
// where a letter was written.
const datelineScore = 0.8

// newDateline recognises the place of a letter's date line, a LOCATION
// (ANNOTATION.md: a municipality named on its own): "Gent, 12 maart
// 2024", "Liège, le 1er avril 2024", "Ixelles / Elsene, 9 octobre 2024",
// "Büllingen, 10.09.2024". The place starts its line, has up to four
// capitalised words or particles, and a comma and a date follow it;
// weekdays ("Maandag, 12 maart") are no places. The small model misses
// many of these lines, which every letter has.
func newDateline() *recognizer {
	word := `(?>\p{Lu}[\p{L}'’.]*(?:-[\p{L}'’.]+)*)`
	particle := `(?:sur|sous|lez|les|le|la|de|den|der|aan|op|am|an|im|bij|d'|l')`
	place := word + `(?:[ ](?:` + word + `|` + particle + `)){0,3}(?:[ ]?/[ ]?` + word + `(?:[ ]` + word + `){0,2})?`
	weekday := `(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lundi|mardi|mercredi|jeudi|vendredi|` +
		`samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)`
	expr := `(?<=(?:^|\n)[ \t]*)(?!(?i:` + weekday + `),)` + place + `(?=,[ \t]*(?:(?:le|LE|den|DEN|am|AM|op|OP)[ \t]+)?(?:` + dateExpr() + `))`
	re, anchored := compileAnchored(expr)
	return &recognizer{
		name:        "dateline",
		typ:         entity.Location,
		re:          re,
		anchored:    anchored,
		score:       datelineScore,
		minDigits:   1,
		needsAny:    ",",
		worthTrying: commaThenDigit,
		starts:      lineStart,
		check: func(string, *regexp2.Match) (verdict, bool) {
			return verdict{notes: []string{"the place of a date line"}}, true
		},
	}
}

// commaThenDigit reports whether line has a comma followed by a digit,
// maybe after blanks and a short word ("le", "den"): where a date line's
// date starts. It spares the expression most lines.
func commaThenDigit(line []rune) bool {
	blanks := func(j int) int {
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		return j
	}
	for i, c := range line {
		if c != ',' {
			continue
		}
		j := blanks(i + 1)
		k := j
		for k < len(line) && unicode.IsLetter(line[k]) {
			k++
		}
		if k > j && k-j <= 3 {
			j = blanks(k)
		}
		if j < len(line) && isDigitASCII(line[j]) {
			return true
		}
	}
	return false
}

// lineStart appends the offset of the first letter of line when it is a
// capital after nothing but blanks: a date line's place starts there.
func lineStart(line []rune, at []int) []int {
	for i, c := range line {
		if c == ' ' || c == '\t' {
			continue
		}
		if unicode.IsUpper(c) {
			at = append(at, i)
		}
		return at
	}
	return at
}
