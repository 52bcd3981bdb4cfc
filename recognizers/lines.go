package recognizers

import "strings"

// regexp2 costs several nanoseconds for every code point it scans and far
// more at every position where a pattern could start, so a dozen patterns
// over a whole document cannot reach the pattern stage's speed target.
// No patterned entity crosses a line break, so the document is cut into
// lines once, with a few counts per line, and each recogniser searches
// only the lines that could hold one of its matches.

// A line is one line of a document: text[start:end], its line break
// included, with the counts that recognisers' gates read.
type line struct {
	start, end int
	// digits counts ASCII digits.
	digits int
	// upperRun is the longest run of ASCII capitals.
	upperRun int
	// ascii records which ASCII code points occur.
	ascii [2]uint64
}

// hasAny reports whether l holds any of the ASCII runes in set.
func (l *line) hasAny(set string) bool {
	for i := 0; i < len(set); i++ {
		c := set[i]
		if c < 128 && l.ascii[c/64]&(1<<(c%64)) != 0 {
			return true
		}
	}
	return false
}

// splitLines cuts text into lines, in one pass.
func splitLines(text []rune) []line {
	lines := make([]line, 0, len(text)/40+1)
	l, run := line{}, 0
	for i, c := range text {
		if c < 128 {
			l.ascii[c/64] |= 1 << (c % 64)
		}
		switch {
		case c >= '0' && c <= '9':
			l.digits++
			run = 0
		case c >= 'A' && c <= 'Z':
			run++
			l.upperRun = max(l.upperRun, run)
		default:
			run = 0
		}
		if c == '\n' {
			l.end = i + 1
			lines = append(lines, l)
			l, run = line{start: i + 1}, 0
		}
	}
	if l.start < len(text) {
		l.end = len(text)
		lines = append(lines, l)
	}
	return lines
}

// A segment is a run of consecutive lines that a recogniser searches.
type segment struct{ start, end int }

// segments returns the runs of lines r must search: those with enough
// digits and capitals, one of the runes r needs, and passing r's own test.
func (r *recognizer) segments(text []rune, lines []line) []segment {
	var segs []segment
	for i := range lines {
		l := &lines[i]
		if !r.mayHold(text, l) {
			continue
		}
		if n := len(segs); n > 0 && segs[n-1].end == l.start {
			segs[n-1].end = l.end
			continue
		}
		segs = append(segs, segment{l.start, l.end})
	}
	return segs
}

func (r *recognizer) mayHold(text []rune, l *line) bool {
	if l.digits < r.minDigits || l.upperRun < r.minUpperRun {
		return false
	}
	if r.needsAny != "" && !l.hasAny(r.needsAny) {
		return false
	}
	return r.worthTrying == nil || r.worthTrying(text[l.start:l.end])
}

// digitRunStarts appends the offsets in line where a run of ASCII digits
// starts: where the numeric identifiers start, since none continues a
// number.
func digitRunStarts(line []rune, at []int) []int {
	for i, c := range line {
		if isDigitASCII(c) && (i == 0 || !isDigitASCII(line[i-1])) {
			at = append(at, i)
		}
	}
	return at
}

// hasDigitChain reports whether text holds n ASCII digits in a row, each
// separated from the one before by at most one of the runes in seps: the
// cheap test that lets a line without a number long enough to be an
// identifier skip the identifier's regular expression.
func hasDigitChain(text []rune, n int, seps string) bool {
	return hasDigitChainGap(text, n, seps, 1)
}

// hasDigitChainGap is hasDigitChain with up to gap separators between two
// digits ("(02) 555" has two).
func hasDigitChainGap(text []rune, n int, seps string, gap int) bool {
	for i, c := range text {
		if isDigitASCII(c) && (i == 0 || !isDigitASCII(text[i-1])) && digitChainFrom(text[i:], n, seps, gap) {
			return true
		}
	}
	return false
}

// chainStarts returns a starts function for numbers of at least n digits
// in groups separated by one of seps: the digit-run starts from which such
// a chain of n digits follows. Most runs of digits in a document (dates,
// house numbers, amounts) are too short to be a national number, and are
// spared an attempt of its pattern.
func chainStarts(n int, seps string) func(line []rune, at []int) []int {
	return func(line []rune, at []int) []int {
		for i, c := range line {
			if isDigitASCII(c) && (i == 0 || !isDigitASCII(line[i-1])) && digitChainFrom(line[i:], n, seps, 1) {
				at = append(at, i)
			}
		}
		return at
	}
}

// digitChainFrom reports whether text starts with n ASCII digits, each
// separated from the one before by at most gap of the runes in seps.
func digitChainFrom(text []rune, n int, seps string, gap int) bool {
	count, run := 0, 0
	for _, c := range text {
		switch {
		case c >= '0' && c <= '9':
			if count++; count >= n {
				return true
			}
			run = 0
		case run < gap && count > 0 && strings.ContainsRune(seps, c):
			run++
		default:
			return false
		}
	}
	return false
}
