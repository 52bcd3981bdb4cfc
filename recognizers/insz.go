package recognizers

import (
	"fmt"
	"time"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// idBefore and idAfter bound the numeric identifiers (INSZ, KBO, eID card)
// so that none is found inside a longer number, a word, an IBAN or a phone
// number written with a leading +: a candidate may not touch a letter or
// digit, and may not continue a number through ".", ",", "-" or "/" followed
// by a digit (a decimal amount, a dotted longer number). The first
// look-behind is implied by the second but cheaper: most searches start in
// the middle of a digit run, and it rejects them about 10% faster.
const (
	idBefore = `(?<![0-9])(?<![\w+]|[0-9][.,\-/])`
	idAfter  = `(?![\w]|[.,\-/][0-9])`
)

// inszSep separates the digit groups of a national number: the eID card
// prints 85.07.30-033.28; forms also use spaces, non-breaking spaces from
// word processors, and hyphens. No line break, so no span crosses a line.
const inszSep = `[.\- \u00a0]`

// newINSZ recognises Belgian national register numbers and BIS numbers
// (INSZ/NISS, 11 digits YYMMDD SSS CC) in their printed forms:
// 85.07.30-033.28, 85073003328, 850730 033 28, 85.07.30 033-28.
//
// The date part is either six digits or three pairs with one separator, so
// that a random run of digit groups (a phone number, an IBAN) does not fit.
// Everything stdnum accepts is recognised; numbers that fail a stricter rule
// (belgif's: a possible day, an issued counter, a birth date not in the
// future) get a lower score and a note rather than being dropped, because
// such numbers do exist in the register.
func newINSZ() *recognizer {
	re, anchored := compileAnchored(idBefore + `[0-9]{2}(?:[0-9]{4}|(?<s>` + inszSep + `)[0-9]{2}\k<s>[0-9]{2})` +
		inszSep + `?[0-9]{3}` + inszSep + `?[0-9]{2}` + idAfter)
	return &recognizer{
		name:         "insz",
		typ:          entity.INSZ,
		re:           re,
		anchored:     anchored,
		starts:       chainStarts(11, ".- \u00a0"),
		score:        inszStrictScore,
		contextScore: 1,
		context: newContextWords(
			"rijksregister", "rrn", "insz", "identificatienummer", "bisnummer", "bis-nummer",
			"niss", "registre national", "numéro national", "numéro bis", "nationalregister",
			"enss", "national register", "national number", "ssin",
		),
		check: func(value string, _ *regexp2.Match) (verdict, bool) {
			return checkINSZ(digits(value), time.Now())
		},
		minDigits:   11,
		worthTrying: func(line []rune) bool { return hasDigitChain(line, 11, ".- \u00a0") },
	}
}

// Scores of a national number that passes every rule and of one that
// passes only the lenient rules python-stdnum applies, without and with a
// context word.
const (
	inszStrictScore         = 0.85
	inszLenientScore        = 0.6
	inszLenientContextScore = 0.8
)

// checkINSZ validates the 11 digits ds of a national or BIS number as of
// today, which decides whether the 2000 rule applies and whether a birth
// date lies in the future.
func checkINSZ(ds string, today time.Time) (verdict, bool) {
	if len(ds) != 11 {
		return verdict{}, false
	}
	yy, mm, dd := atoi(ds[0:2]), atoi(ds[2:4]), atoi(ds[4:6])
	month, kind, ok := inszMonth(mm)
	if !ok {
		return verdict{}, false
	}
	year, ok := inszCentury(ds, today.Year())
	if !ok {
		return verdict{}, false
	}
	year += yy
	v := verdict{
		score:     inszStrictScore,
		validated: true,
		checksum:  fmt.Sprintf("%s, mod 97 valid (%s)", kind, inszBorn(year)),
	}
	if dd > 0 && month > 0 && dd > daysIn(year, month) {
		v.notes = append(v.notes, fmt.Sprintf("day %d does not exist in month %d of %d", dd, month, year))
	}
	if c := ds[6:9]; c == "000" || c == "999" {
		v.notes = append(v.notes, "counter "+c+" is never issued")
	}
	if inszFuture(year, month, dd, today) {
		v.notes = append(v.notes, "birth date in the future")
	}
	if len(v.notes) > 0 {
		v.score, v.contextScore = inszLenientScore, inszLenientContextScore
	}
	return v, true
}

// inszMonth returns the calendar month (0 for unknown) that the month field
// mm encodes and whether the number is a national register number or a BIS
// number, which adds 20 (sex unknown) or 40 (sex known).
func inszMonth(mm int) (month int, kind string, ok bool) {
	kind = "national register number"
	if mm >= 20 {
		kind = "BIS number"
		if mm >= 40 {
			mm -= 40
		} else {
			mm -= 20
		}
	}
	return mm, kind, mm <= 12
}

// inszCentury returns 1900 or 2000, whichever checksum rule ds passes. Like
// python-stdnum, the 2000 rule is tried only for years not after thisYear:
// otherwise a number of someone born in 1985 could be read as 2085.
func inszCentury(ds string, thisYear int) (int, bool) {
	base, cc := ds[:9], atoi(ds[9:])
	if 97-mod97(base) == cc {
		return 1900, true
	}
	if 2000+atoi(ds[:2]) <= thisYear && 97-mod97("2"+base) == cc {
		return 2000, true
	}
	return 0, false
}

func inszBorn(year int) string {
	if year >= 2000 {
		return "born 2000 or later"
	}
	return "born before 2000"
}

// inszFuture reports whether the birth date year-month-day, where month and
// day may be 0 for unknown, certainly lies after today.
func inszFuture(year, month, day int, today time.Time) bool {
	ty, tm, td := today.Date()
	switch {
	case year != ty:
		return year > ty
	case month == 0 || month != int(tm):
		return month > int(tm)
	default:
		return day > td
	}
}
