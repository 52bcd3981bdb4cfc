package recognizers

import (
	"fmt"
	"slices"
	"strings"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// ibanLengths holds the length of the IBAN of every country in the SWIFT
// IBAN registry (ISO 13616), 89 countries. Territories that use another
// country's IBAN (Åland FI, Jersey GB, Réunion FR) have no entry of their
// own.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16,
	"BG": 22, "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22,
	"CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20,
	"EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22,
	"GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21,
	"HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30,
	"KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
	"LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
	"MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
	"PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
	"RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24,
	"SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26,
	"UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

// ibanSep is the class of characters printed between the groups of an
// IBAN: spaces (no-break ones from word processors included), dashes and
// dots. A line break is not one: an IBAN never continues on the next line.
const ibanSep = `[ \u00a0\u202f.-]`

// newIBAN recognises International Bank Account Numbers with their spacing
// as printed: BE71 0961 2345 6769, BE71096123456769, be71-0961-2345-6769,
// NL91 ABNA 0417 1643 00, for every country of the IBAN registry.
//
// A separator may stand between any two characters, so odd groupings are
// found, but the pattern spells out each country's exact length: the match
// ends where the IBAN does and cannot run into a following word ("BE71 0961
// 2345 6769 BIC GKCCBEBB"), and a candidate that stops inside a word is no
// match at all. Belgian IBANs must also pass the national check of the
// account number; foreign ones only the ISO 13616 check, one chance in 97
// of passing by accident, which the country's exact length and the
// look-ahead for a country code and check digits make rarer still. Country
// codes are upper case, except that a Belgian IBAN may be all lower case
// (see ibanPattern). A valid IBAN scores 0.95, and 1 after a context word.
func newIBAN() *recognizer {
	return &recognizer{
		name:         "iban",
		typ:          entity.IBAN,
		re:           regexp2.MustCompile(ibanPattern(), regexp2.None),
		score:        0.95,
		contextScore: 1,
		// Words of six letters or more count inside compounds, so
		// "rekening" covers "bankrekeningnummer" and "compte" covers
		// "numéro de compte"; the list order breaks ties for the
		// explanation only.
		context: newContextWords(
			"iban", "rekeningnummer", "rekening", "rek.", "overschrijving",
			"compte bancaire", "compte", "virement",
			"kontonummer", "bankverbindung", "bankkonto", "girokonto", "konto", "überweisung",
			"account",
		),
		check:       checkIBAN,
		minDigits:   ibanMinDigits,
		worthTrying: mayHoldIBAN,
	}
}

// ibanPattern returns the IBAN pattern: one alternative per registry
// length, each with the country codes of that length.
func ibanPattern() string {
	byLen := map[int][]string{}
	for cc, n := range ibanLengths {
		if cc != "BE" {
			byLen[n] = append(byLen[n], cc)
		}
	}
	lens := make([]int, 0, len(byLen))
	for n := range byLen {
		lens = append(lens, n)
	}
	slices.Sort(lens)

	// A Belgian BBAN is all digits; spelling that out keeps "BE" followed
	// by a number and a word from being tried as one. Only Belgian IBANs
	// are found in lower case: a lower-case first letter would make the
	// engine try the pattern at every letter of the document, several
	// times slower, and citizens who type their IBAN in lower case type a
	// Belgian one.
	alts := []string{fmt.Sprintf(`(?:BE|be)%s?[0-9]{2}(?:%[1]s?[0-9]){12}`, ibanSep)}
	for _, n := range lens {
		ccs := byLen[n]
		slices.Sort(ccs)
		alts = append(alts, fmt.Sprintf(`(?:%s)%s?[0-9]{2}(?:%[2]s?[0-9A-Za-z]){%d}`,
			strings.Join(ccs, "|"), ibanSep, n-4))
	}
	// The look-ahead turns away at once the many capitalised words that are
	// not followed by two digits, before the alternatives are tried.
	return `(?<![0-9A-Za-z])(?=(?:[A-Z]{2}|be)` + ibanSep + `?[0-9]{2})(?:` +
		strings.Join(alts, "|") + `)(?![0-9A-Za-z])`
}

// ibanMinDigits is the fewest digits an IBAN is taken to have: two check
// digits and a mostly numeric BBAN. The pattern allows letters anywhere in
// a foreign BBAN, so without it a word-like run of capitals with a few
// digits ("AE02AAAAA9AAAAAAAA0AAAA") could pass mod 97 by chance; the line
// gate relies on it too.
const ibanMinDigits = 6

// checkIBAN validates an IBAN candidate as printed.
func checkIBAN(value string, _ *regexp2.Match) (verdict, bool) {
	iban := compactIBAN(value)
	if len(iban) < 4 || ibanLengths[iban[:2]] != len(iban) {
		return verdict{}, false
	}
	if digits := len(iban) - len(strings.Map(dropDigit, iban)); digits < ibanMinDigits {
		return verdict{}, false
	}
	// In lower case, a country code cut off from its check digits reads
	// as a word and a number ("de 12 …", "se 34 …"), not as an IBAN.
	if (value[0] >= 'a' || value[1] >= 'a') && (value[2] < '0' || value[2] > '9') {
		return verdict{}, false
	}
	// Check digits are 98 minus a remainder: 00, 01 and 99 never occur.
	switch iban[2:4] {
	case "00", "01", "99":
		return verdict{}, false
	}
	if ibanMod97(iban) != 1 {
		return verdict{}, false
	}
	if iban[:2] != "BE" {
		return verdict{checksum: "ISO 13616 mod 97 valid", validated: true}, true
	}
	if !mod97Check(iban[4:]) {
		return verdict{}, false
	}
	return verdict{
		checksum:  "ISO 13616 mod 97 valid; Belgian national check valid",
		validated: true,
	}, true
}

// compactIBAN returns s without separators, in upper case.
func compactIBAN(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			b = append(b, c-'a'+'A')
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			b = append(b, c)
		}
	}
	return string(b)
}

// ibanMod97 returns the ISO 13616 remainder of the compact, upper-case
// iban: the first four characters moved to the end, letters read as 10 to
// 35, the whole number modulo 97. It goes digit by digit, since the number
// has up to 66 digits.
func ibanMod97(iban string) int {
	r := 0
	for _, c := range []byte(iban[4:] + iban[:4]) {
		switch {
		case c >= '0' && c <= '9':
			r = (r*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			r = (r*100 + int(c-'A') + 10) % 97
		default:
			return -1
		}
	}
	return r
}

// mayHoldIBAN reports whether text has, at the start of a word, a
// registry country code in upper case (or "be") followed, perhaps after one
// separator, by two digits: the start of every IBAN the pattern finds. Most
// documents without a bank account fail it.
func mayHoldIBAN(text []rune) bool {
	for i := 0; i+4 <= len(text); i++ {
		c0, c1 := text[i], text[i+1]
		upper := c0 >= 'A' && c0 <= 'Z' && c1 >= 'A' && c1 <= 'Z'
		if !upper && (c0 != 'b' || c1 != 'e') || i > 0 && isAlnumASCII(text[i-1]) {
			continue
		}
		j := i + 2
		if strings.ContainsRune(" \u00a0\u202f.-", text[j]) {
			j++
		}
		if j+2 <= len(text) && isDigitASCII(text[j]) && isDigitASCII(text[j+1]) &&
			(!upper || ibanLengths[string([]rune{c0, c1})] != 0) {
			return true
		}
	}
	return false
}

// isAlnumASCII reports whether r is an ASCII letter or digit.
func isAlnumASCII(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
}

// dropDigit is a strings.Map function that removes ASCII digits.
func dropDigit(r rune) rune {
	if isDigitASCII(r) {
		return -1
	}
	return r
}

// isDigitASCII reports whether r is an ASCII digit.
func isDigitASCII(r rune) bool { return r >= '0' && r <= '9' }
