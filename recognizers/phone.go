package recognizers

import (
	"strings"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
	"github.com/nyaruka/phonenumbers"
)

// phoneExpr matches a run of digit groups that starts like a telephone
// number: an international prefix (+32, 0032, optionally with "(0)"), a
// Belgian trunk 0, or an area code in parentheses. Groups are separated by
// exactly one space, dot, slash or hyphen, so a span never crosses a line
// break or swallows " - " between two numbers. Each group is atomic and a
// separator is required between groups, so the only backtracking is over
// the number of groups. The look-behind keeps the candidate from starting
// inside a word, a longer number ("85.07.30-033.28", an IBAN's groups), a
// VAT number ("BE 0428...") or a structured payment reference ("+++").
const phoneExpr = `(?<![\p{L}\p{N}_+*@]|[0-9][ \u00a0.,/-]|BE[ \u00a0])` +
	`(?:` +
	`(?:\+|00)[1-9](?>[0-9]{0,14})(?:[ \u00a0]?\(0\)[ \u00a0]?(?>[0-9]{1,12}))?` +
	`|0(?>[0-9]{0,11})` +
	`|\(0[1-9](?>[0-9]{0,3})\)[ \u00a0]?(?>[0-9]{1,12})` +
	`)` +
	`(?:[ \u00a0./-](?>[0-9]{1,12})){0,7}` +
	// A candidate that stops before more digits is part of something
	// longer; there is no shorter reading worth trying.
	`(?![\p{L}\p{N}_]|[ \u00a0.,/-][0-9])`

// newPhone recognises telephone and fax numbers, Belgian and international,
// in the notations people print: "+32 9 225 61 40", "+32 (0)2 646 12 80",
// "0032 2 555 12 12", "087/59.46.10", "0478 53 20 19".
//
// The regular expression only finds digit groups that could be a number;
// libphonenumber (github.com/nyaruka/phonenumbers) decides, with Belgium
// as the default region, whether the digits are a number in use. Its
// metadata knows every Belgian range, so a Belgian number must be valid; a
// foreign number that is only possible (a range newer than the metadata)
// is kept with a lower score. Shapes that belong to other identifiers are
// rejected before parsing: dates ("02.03.2024 14:30") and the 4.3.3
// grouping of an enterprise number ("0468.561.072"), whose digits would
// otherwise read as a mobile number.
//
// The phonenumbers package decodes its metadata at program start (about
// 4 ms and 2.5 MB once). phonenumbers.Parse takes about 8 µs, most of it
// spent on extensions and letters, so candidates are filtered on their
// digit count first and the usual notations are turned into a number
// directly; validation then takes about 2 µs.
func newPhone() *recognizer {
	re, anchored := compileAnchored(phoneExpr)
	return &recognizer{
		name:         "phone",
		typ:          entity.Phone,
		re:           re,
		anchored:     anchored,
		starts:       phoneStarts,
		score:        0.75,
		contextScore: 0.95,
		// Longer words first: of two at the same place, the first listed
		// is the one the explanation names.
		context: newContextWords(
			"telefoon", "téléphone", "telefon", "rufnummer", "telefax", "téléfax",
			"mobiel", "mobile", "mobil", "portable", "handy", "phone", "appelez",
			"tel", "tél", "gsm", "fax", "bel",
		),
		check: checkPhone,
		// The shortest numbers, national or international, have 8 digits.
		minDigits:   8,
		worthTrying: func(line []rune) bool { return hasDigitChainGap(line, 8, phoneSeps, 2) },
		needsAny:    "0+",
	}
}

// checkPhone accepts value if libphonenumber knows it as a number.
func checkPhone(value string, _ *regexp2.Match) (verdict, bool) {
	intl := value[0] == '+' || strings.HasPrefix(value, "00")
	ds := digits(value)
	if intl {
		// E.164 allows 15 digits; "00" and "(0)" add three.
		if len(ds) < 8 || len(ds) > 18 {
			return verdict{}, false
		}
	} else {
		// Belgian numbers are 9 digits with the trunk 0, mobiles 10.
		if len(ds) != 9 && len(ds) != 10 {
			return verdict{}, false
		}
		if isEnterpriseShape(value) || startsWithDate(value) {
			return verdict{}, false
		}
	}
	n, ok := numberOf(value, ds)
	if !ok {
		var err error
		if n, err = phonenumbers.Parse(value, "BE"); err != nil {
			return verdict{}, false
		}
	}
	if n.GetCountryCode() == 32 {
		// Belgian ranges are all in the metadata.
		return verdict{}, phonenumbers.IsValidNumberForRegion(n, "BE")
	}
	if phonenumbers.IsValidNumber(n) {
		return verdict{}, true
	}
	if phonenumbers.IsPossibleNumber(n) {
		return verdict{
			score: 0.5,
			notes: []string{"possible number, not in a range libphonenumber knows"},
		}, true
	}
	return verdict{}, false
}

// numberOf returns the number that value, with digits ds, writes in one of
// the usual ways: 0XX... (Belgian), +CC XX..., +CC (0)XX... or 00CC XX....
// Building it directly skips phonenumbers.Parse, which costs several times
// more than validation, mostly looking for extensions and letters that the
// pattern has already ruled out. Candidates with a leading zero after the
// country code (an Italian number, or a trunk 0 written by mistake) report
// false, for Parse to handle.
func numberOf(value, ds string) (*phonenumbers.PhoneNumber, bool) {
	var cc int
	var nsn string
	if value[0] == '0' && !strings.HasPrefix(value, "00") {
		cc, nsn = 32, ds[1:]
	} else {
		rest := strings.TrimPrefix(ds, "00")
		if value[0] == '+' {
			rest = ds
		}
		// Country calling codes are a prefix code: the first that exists
		// is the one.
		for l := 1; l <= 3 && l < len(rest); l++ {
			c := atoi(rest[:l])
			if phonenumbers.GetRegionCodeForCountryCode(c) != phonenumbers.UNKNOWN_REGION {
				cc, nsn = c, rest[l:]
				break
			}
		}
		if strings.Contains(value, "(0)") {
			nsn = strings.TrimPrefix(nsn, "0")
		}
	}
	if len(nsn) < 4 || len(nsn) > 17 || nsn[0] == '0' {
		return nil, false
	}
	c, nn := int32(cc), uint64(atoi(nsn))
	return &phonenumbers.PhoneNumber{CountryCode: &c, NationalNumber: &nn}, true
}

// groupsOf splits a candidate into its digit groups and the separator
// before each group after the first.
func groupsOf(value string) (groups []string, seps []byte) {
	start := -1
	for i := 0; i <= len(value); i++ {
		isDigit := i < len(value) && value[i] >= '0' && value[i] <= '9'
		switch {
		case isDigit && start < 0:
			if len(groups) > 0 {
				seps = append(seps, value[i-1])
			}
			start = i
		case !isDigit && start >= 0:
			groups = append(groups, value[start:i])
			start = -1
		}
	}
	return groups, seps
}

// isEnterpriseShape reports whether value is grouped like an enterprise
// number, 0XXX.XXX.XXX. Mobile numbers are printed 0478 12 34 56 or
// 0478/12.34.56, sometimes 0478 123 456, but not with dots in 4.3.3.
func isEnterpriseShape(value string) bool {
	groups, seps := groupsOf(value)
	return len(groups) == 3 && len(groups[0]) == 4 && len(groups[1]) == 3 &&
		len(groups[2]) == 3 && seps[0] == '.' && seps[1] == '.'
}

// startsWithDate reports whether value begins with a day and month and a
// two- or four-digit year written with one repeated separator, as in
// "02.03.2024 14" or "01/02/24 10".
func startsWithDate(value string) bool {
	groups, seps := groupsOf(value)
	if len(groups) < 3 || seps[0] != seps[1] || seps[0] == ' ' {
		return false
	}
	d, m, y := groups[0], groups[1], groups[2]
	if len(d) > 2 || len(m) > 2 || (len(y) != 2 && len(y) != 4) {
		return false
	}
	day, month := atoi(d), atoi(m)
	return day >= 1 && day <= 31 && month >= 1 && month <= 12
}

// phoneStarts appends the offsets in line where a telephone number can
// start: a '+' before a digit, a '(' before a 0, or a 0 that starts a run
// of digits (a trunk prefix, or the 00 of an international one), each
// followed by the eight digits the shortest numbers have.
func phoneStarts(line []rune, at []int) []int {
	for i, c := range line {
		var next rune
		if i+1 < len(line) {
			next = line[i+1]
		}
		digitsFrom := i
		switch {
		case c == '+' && isDigitASCII(next), c == '(' && next == '0':
			digitsFrom = i + 1
		case c == '0' && (i == 0 || !isDigitASCII(line[i-1])):
		default:
			continue
		}
		if digitChainFrom(line[digitsFrom:], 8, phoneSeps, 2) {
			at = append(at, i)
		}
	}
	return at
}

// phoneSeps separate the digit groups of a telephone number; up to two
// stand together in "(02) 555" and "+32 (0)2".
const phoneSeps = " \u00a0./-()"
