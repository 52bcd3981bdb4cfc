package recognizers

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// dateMonthNames maps the lower-case month names of Dutch, French, German
// and English to month numbers. French names appear with and without their
// accents because typed letters often drop them.
var dateMonthNames = map[string]int{
	"januari": 1, "janvier": 1, "januar": 1, "jänner": 1, "january": 1,
	"februari": 2, "février": 2, "fevrier": 2, "februar": 2, "february": 2,
	"maart": 3, "mars": 3, "märz": 3, "maerz": 3, "march": 3,
	"april": 4, "avril": 4,
	"mei": 5, "mai": 5, "may": 5,
	"juni": 6, "juin": 6, "june": 6,
	"juli": 7, "juillet": 7, "july": 7,
	"augustus": 8, "août": 8, "aout": 8, "august": 8,
	"september": 9, "septembre": 9,
	"oktober": 10, "octobre": 10, "october": 10,
	"november": 11, "novembre": 11,
	"december": 12, "décembre": 12, "decembre": 12, "dezember": 12,
}

// dateMonthAbbrevs maps the lower-case month abbreviations, without their
// dot, to month numbers. Only these take an abbreviation dot into the span:
// the dot after a full name ends the sentence.
var dateMonthAbbrevs = map[string]int{
	"jan": 1, "janv": 1,
	"feb": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
	"mrt": 3, "mär": 3, "mrz": 3,
	"apr": 4, "avr": 4,
	"jun": 6,
	"jul": 7, "juil": 7,
	"aug": 8,
	"sep": 9, "sept": 9,
	"okt": 10, "oct": 10,
	"nov": 11,
	"dec": 12, "déc": 12, "dez": 12,
}

// Scores of the date forms. A written month name rules out most chance
// matches; a numeric date with a four-digit year rarely is anything else;
// two-digit years and day-month forms also fit versions, section numbers
// and times.
const (
	dateScoreWritten   = 0.9
	dateScoreNumeric   = 0.85
	dateScoreShortYear = 0.7
	dateScoreDayMonth  = 0.55
	dateScoreUnpadded  = 0.45
)

// newDate recognises calendar dates with at least a day and a month, as
// Belgian documents print them: day first (12/03/2024, 12.03.2024,
// 12-03-24), ISO year first (2024-02-06), the German day-month form with its
// closing dot (08.07.), and day plus month name in Dutch, French, German or
// English (12 maart 2024, 1er avril, 14. März 2024, 4 apr. 2024). The German
// ordinal dot and the French "1er" belong to the span; a weekday or a time
// does not. Month and year alone (mai 2024) and bare years are not dates.
//
// Every alternative starts with a digit, so the engine only tries positions
// that hold one. The boundaries refuse dates glued to identifiers, paths and
// URLs (85.07.30-033.28, /2024/03/12/), except date ranges such as
// 01/01/2024-31/12/2024. Whether the day exists is checked in Go.
func newDate() *recognizer {
	re, anchored := compileAnchored(dateExpr())
	return &recognizer{
		name:         "date",
		typ:          entity.Date,
		re:           re,
		anchored:     anchored,
		score:        dateScoreNumeric,
		contextScore: 0.95,
		minDigits:    1,
		starts:       dateStarts,
		context: newContextWords(
			"datum", "date", "geboortedatum", "geburtsdatum", "vervaldatum",
			"geboren", "né le", "née le", "naissance", "échéance",
		),
		check: checkDate,
	}
}

// dateExpr returns the regular expression of newDate.
func dateExpr() string {
	const sp = `[ \u00a0\u202f]`
	// A date does not continue a number, word, path or URL. A hyphen before
	// it is fine only where it ends another date (a range).
	lead := `(?<![0-9\p{L}_./=+@#&%~])(?:(?<![0-9]-)|(?<=[./][0-9]{2}-|[./][0-9]{4}-))`
	// Nor is a numeric date followed by more of an identifier; "T14:30"
	// starts the time of an ISO timestamp, and "-31/12/2024" a range.
	numEnd := `(?!(?!T[0-9]{2}:)[0-9\p{L}_]|[./][0-9]|-(?![0-9]{1,2}[./][0-9]{1,2}[./])[0-9])`
	// A two-digit year after a month name must end the phrase: in
	// "12 mars 24 personnes" the 24 counts people.
	year := `(?:` + sp + `{1,2}(?<year>[0-9]{4}(?![0-9\p{L}_]|[./:\-][0-9])` +
		`|['’]?[0-9]{2}(?!` + sp + `{0,2}[0-9\p{L}_]|[./:\-][0-9])))?`
	// All forms share their leading digits, so the engine reads them once:
	// checkDate decides from their number whether they are an ISO year or a
	// day. The group is atomic because a shorter run would fail the lead.
	return lead + `(?<head>(?>[0-9]{1,4}))(?:` +
		// 12/03/2024, 21/03/24, 2024-02-06, and 08.07. whose dot is required.
		`(?<sep>[-/.])(?<month>[0-9]{1,2})\k<sep>(?:(?<tail>[0-9]{4}|[0-9]{2})|(?<=\.))` + numEnd +
		// 12 maart 2024, 1er avril, 14. März, 4 apr. 2024.
		`|(?:(?i:(?<ord>i?er))?` + sp + `{1,2}|(?<ord>\.)` + sp + `{0,2})` +
		`(?i:(?=[adfjmnos])(?<mname>` + dateAlternation(dateMonthNames) +
		`|(?:` + dateAlternation(dateMonthAbbrevs) + `)\.?))(?![\p{L}0-9])` + year +
		`)`
}

// dateAlternation returns the keys of names as a regular-expression
// alternation, longest first so that the engine rarely backtracks.
func dateAlternation(names map[string]int) string {
	keys := slices.SortedFunc(maps.Keys(names), func(a, b string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b))
	})
	return strings.Join(keys, "|")
}

// dateParts holds the fields of a candidate as printed.
type dateParts struct {
	day, month, year   string // year is "" for 12 maart and 08.07.
	monthName, ordinal string
}

// datePartsOf sorts the groups of m into fields. It reports false where the
// leading digits fit neither a day nor the year of an ISO date.
func datePartsOf(m *regexp2.Match) (dateParts, bool) {
	p := dateParts{
		day:       dateGroup(m, "head"),
		month:     dateGroup(m, "month"),
		year:      dateGroup(m, "tail"),
		monthName: dateGroup(m, "mname"),
		ordinal:   dateGroup(m, "ord"),
	}
	switch {
	case p.monthName != "":
		p.year = strings.TrimLeft(dateGroup(m, "year"), "'’")
	case len(p.day) == 4:
		// ISO 8601 is year first and zero-padded: 2024-02-06.
		if len(p.month) != 2 || len(p.year) != 2 {
			return dateParts{}, false
		}
		p.day, p.year = p.year, p.day
	}
	return p, len(p.day) <= 2
}

// checkDate keeps the candidates that name a day of the calendar and scores
// them by form.
func checkDate(_ string, m *regexp2.Match) (verdict, bool) {
	p, ok := datePartsOf(m)
	if !ok {
		return verdict{}, false
	}
	day, month := atoi(p.day), atoi(p.month)
	if p.monthName != "" {
		month = dateMonthNumber(p.monthName)
	}
	if p.ordinal != "" && p.ordinal != "." && day != 1 {
		return verdict{}, false // "1er", never "2er"
	}
	year := 2000 // a leap year: without a year, 29 February may exist
	switch len(p.year) {
	case 4:
		if year = atoi(p.year); year < 1800 || year > 2200 {
			return verdict{}, false
		}
	case 2:
		year += atoi(p.year)
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return verdict{}, false
	}
	return dateVerdict(p), true
}

// dateVerdict scores a valid date by its form.
func dateVerdict(p dateParts) verdict {
	switch {
	case p.monthName != "":
		return verdict{score: dateScoreWritten}
	case len(p.year) == 4:
		return verdict{score: dateScoreNumeric}
	case len(p.year) == 2:
		return verdict{score: dateScoreShortYear,
			notes: []string{"two-digit year: could also be a version or section number"}}
	case len(p.day) == 1 || len(p.month) == 1:
		return verdict{score: dateScoreUnpadded,
			notes: []string{"day and month only, not zero-padded: looks like a section number (1.2.)"}}
	default:
		return verdict{score: dateScoreDayMonth,
			notes: []string{"day and month only: could be a section number or a time"}}
	}
}

// dateMonthNumber returns the month that name or abbreviation stands for.
func dateMonthNumber(name string) int {
	key := strings.ToLower(name)
	if n, ok := dateMonthNames[key]; ok {
		return n
	}
	return dateMonthAbbrevs[strings.TrimSuffix(key, ".")]
}

// daysIn returns the number of days in month (1 to 12) of year.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateGroup returns the text of the named group of m, or "" where the group
// did not take part in the match.
func dateGroup(m *regexp2.Match, name string) string {
	g := m.GroupByName(name)
	if g == nil || len(g.Captures) == 0 {
		return ""
	}
	return g.String()
}

// dateStarts appends the offsets in line where a date can start: a day
// (one or two digits) or an ISO year (four) followed by a separator, a
// month number and the same separator again (12/03/, 2024-02-, 08.07.),
// or a day followed, after an optional ordinal, by a space and the first
// letter of a month name (12 maart, 1er avril, 14. März). Most digits in a
// document (house numbers, postcodes, amounts, phone numbers) start
// neither, and are spared an attempt of the date pattern.
func dateStarts(line []rune, at []int) []int {
	for i := 0; i < len(line); i++ {
		if !isDigitASCII(line[i]) || i > 0 && isDigitASCII(line[i-1]) {
			continue
		}
		j := i
		for j < len(line) && isDigitASCII(line[j]) {
			j++
		}
		head := j - i
		if (head <= 2 || head == 4) && numericDateAt(line, j) || head <= 2 && writtenDateAt(line, j) {
			at = append(at, i)
		}
	}
	return at
}

// numericDateAt reports whether line[j:] continues a date's leading digits
// with a separator, a month number from 1 to 12 and the same separator.
func numericDateAt(line []rune, j int) bool {
	if j >= len(line) || !strings.ContainsRune("-/.", line[j]) {
		return false
	}
	sep, k, month := line[j], j+1, 0
	for k < len(line) && k-j <= 2 && isDigitASCII(line[k]) {
		month = month*10 + int(line[k]-'0')
		k++
	}
	return k > j+1 && month >= 1 && month <= 12 && k < len(line) && line[k] == sep
}

// writtenDateAt reports whether line[j:] continues a day with an optional
// ordinal ("er", "ier", ".") and spaces before a letter that can start a
// month name.
func writtenDateAt(line []rune, j int) bool {
	spaces := 0
	switch {
	case j < len(line) && line[j] == '.':
		j++
	case hasPrefixFold(line[j:], "ier"):
		j += 3
	case hasPrefixFold(line[j:], "er"):
		j += 2
	}
	for j < len(line) && strings.ContainsRune(" \u00a0\u202f", line[j]) {
		j, spaces = j+1, spaces+1
	}
	return spaces <= 2 && j < len(line) && strings.ContainsRune("adfjmnosADFJMNOS", line[j])
}
