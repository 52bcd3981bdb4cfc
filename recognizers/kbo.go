package recognizers

import (
	"strings"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// kboExpr matches enterprise and establishment-unit numbers in the forms
// that are printed, and no others: a phone number is grouped 4/2/2/2 or
// 3/2/2/2 (0478 53 20 19), an enterprise number 4.3.3, so only the 4.3.3
// grouping (or none) is accepted. The groups of one number share their
// separator. Alternatives:
//   - a VAT number: BE with the 10-digit number, or the old 9-digit one,
//     optionally with its dropped 0 in parentheses (BE (0)468.561.072);
//   - an establishment unit printed 2.297.964.444;
//   - a bare 10-digit number, 0428.759.497 or 0428759497;
//   - the old 9-digit number with dots, 444.503.092.
const kboExpr = idBefore + `(?:` +
	`(?<be>BE)(?:[ \u00a0\-]?\(0\)[ \u00a0]?|[ \u00a0\-]?)` +
	`(?:[0-9]{4}(?<s1>[. \u00a0]?)[0-9]{3}\k<s1>[0-9]{3}|[0-9]{3}(?<s2>[. \u00a0]?)[0-9]{3}\k<s2>[0-9]{3})` +
	`|(?<unit>[2-8](?<s3>[. \u00a0])[0-9]{3}\k<s3>[0-9]{3}\k<s3>[0-9]{3})` +
	`|[0-9]{4}(?<s4>[. \u00a0]?)[0-9]{3}\k<s4>[0-9]{3}` +
	`|[0-9]{3}\.[0-9]{3}\.[0-9]{3}` +
	`)` + idAfter

// Base scores of the KBO forms, from the most to the least telling. A
// context word raises any of them to the recogniser's context score.
const (
	kboScoreVAT     = 0.9  // BE prefix: nothing else is written that way
	kboScoreDotted  = 0.8  // 0428.759.497 or 2.297.964.444
	kboScorePlain   = 0.5  // 0428759497 or 0428 759 497: also a phone number
	kboScoreOldBare = 0.4  // 444.503.092: nine digits are common
	kboScoreUnit    = 0.45 // 2297964444: any ten digits
)

// newKBO recognises Belgian enterprise numbers (KBO/BCE/ZDU, 0428.759.497,
// 1000.378.618), with their VAT prefix where attached (BE0428759497,
// BE 0428.759.497, BE (0)468.561.072), the old 9-digit form (BE 444.503.092,
// read with a leading 0), and establishment-unit numbers (2.297.964.444),
// which it returns as KBO_UNIT. The last two digits must be 97 minus the
// first eight modulo 97.
//
// Forms that other numbers share get lower base scores: ten bare digits
// may be a mobile phone number (0475 123 456) and nine dotted digits an
// amount, so only the BE prefix or a context word makes them likely.
func newKBO() *recognizer {
	re, anchored := compileAnchored(kboExpr)
	return &recognizer{
		name:         "kbo",
		typ:          entity.KBO,
		subtypes:     []entity.Type{entity.KBOUnit},
		re:           re,
		anchored:     anchored,
		starts:       kboStarts,
		score:        kboScoreVAT,
		contextScore: 1,
		context: newContextWords(
			"onderneming", "kbo", "btw", "rpr", "vestigingseenheid",
			"entreprise", "bce", "tva", "rpm", "établissement",
			"unternehmen", "mwst", "ust", "zdu", "enterprise number", "vat",
		),
		check: checkKBO,
		// Nine digits: the old form; "(0)" counts as a digit.
		minDigits:   9,
		worthTrying: func(line []rune) bool { return hasDigitChain(line, 9, ". \u00a0-()") },
	}
}

// checkKBO validates an enterprise or establishment-unit number and scores
// it by the form it was written in.
func checkKBO(value string, m *regexp2.Match) (verdict, bool) {
	ds := digits(value)
	if len(ds) == 9 {
		ds = "0" + ds
	}
	if len(ds) != 10 || 97-mod97(ds[:8]) != atoi(ds[8:]) {
		return verdict{}, false
	}
	vat, dotted := tookPart(m, "be"), strings.Contains(value, ".")
	v := verdict{validated: true, checksum: "mod 97 valid"}
	switch first := ds[0]; {
	case first == '0' || first == '1':
		v.typ = entity.KBO
		v.score = kboScore(vat, dotted, len(digits(value)))
	case first == '9' || vat:
		// 9 is not issued; a VAT number is always an enterprise's.
		return verdict{}, false
	default:
		v.typ = entity.KBOUnit
		v.score = kboScoreUnit
		if tookPart(m, "unit") && dotted {
			v.score = kboScoreDotted
		}
	}
	if v.score < kboScoreDotted {
		v.notes = []string{"form shared with other numbers; context or BE prefix raises the score"}
	}
	return v, true
}

// kboScore returns the base score of an enterprise number written with
// n digits, with or without the BE prefix and dots.
func kboScore(vat, dotted bool, n int) float64 {
	switch {
	case vat:
		return kboScoreVAT
	case n == 9:
		return kboScoreOldBare
	case dotted:
		return kboScoreDotted
	default:
		return kboScorePlain
	}
}

// tookPart reports whether the named group took part in match m.
func tookPart(m *regexp2.Match, name string) bool {
	g := m.GroupByName(name)
	return g != nil && len(g.Captures) > 0
}

// kboStarts appends the offsets in line where an enterprise number can
// start: a run of digits that goes on for nine, or the BE of a VAT number.
func kboStarts(line []rune, at []int) []int {
	for i, c := range line {
		switch {
		case isDigitASCII(c) && (i == 0 || !isDigitASCII(line[i-1])) && digitChainFrom(line[i:], 9, ". \u00a0", 1),
			c == 'B' && i+1 < len(line) && line[i+1] == 'E' && (i == 0 || !isAlnumASCII(line[i-1])):
			at = append(at, i)
		}
	}
	return at
}
