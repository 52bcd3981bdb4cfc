package ner

import (
	"strings"
	"unicode"

	"github.com/belner/belner/entity"
)

// Punctuation that never begins or ends a span (ANNOTATION.md: names,
// addresses and organisations start and end with a word or a number; "<"
// and ">" mark quoted lines and e-mail addresses).
const (
	neverFirst = ",.;:!?–—-/|•·*)]}»\"<>"
	neverLast  = ",;:!?–—-/|•·*([{«\"<>"
)

// tidy cuts e where ANNOTATION.md says a span cannot go on (a PERSON or
// LOCATION at its line end, an ADDRESS or ORGANIZATION at a blank line) and
// trims punctuation and space off its ends, as the recipe's tidy_span does.
// A final full stop stays after an initial or inside an abbreviation
// ("J.", "B.V."), not after a word ("Gent."). It reports false if nothing
// is left.
func tidy(text []rune, e entity.Entity) (entity.Entity, bool) {
	if i := cut(text[e.Start:e.End], e.Type); i >= 0 {
		e.End = e.Start + i
	}
	for e.Start < e.End && (unicode.IsSpace(text[e.Start]) || strings.ContainsRune(neverFirst, text[e.Start])) {
		e.Start++
	}
	for e.End > e.Start {
		c := text[e.End-1]
		if !unicode.IsSpace(c) && !strings.ContainsRune(neverLast, c) && (c != '.' || initialBefore(text, e.Start, e.End-1)) {
			break
		}
		e.End--
	}
	if e.Type == entity.Person {
		e.Start = afterTitles(text, e.Start, e.End)
	}
	return e, e.Start < e.End
}

// titles are the titles and salutations that ANNOTATION.md leaves out of a
// PERSON, lower case; not "m.", which is also an initial. The recipe's
// nerdata.TITLES is the same list (test_recipe.py checks that it is).
var titles = []string{"de heer", "heer", "dhr.", "dhr", "meneer", "mijnheer", "mevrouw", "mevr.", "mevr", "mw.",
	"monsieur", "madame", "mademoiselle", "mme.", "mme", "mlle", "maître", "me", "docteur",
	"herr", "herrn", "frau", "dr.", "dr", "prof."}

// afterTitles returns where the PERSON text[start:end] begins once the
// titles in front of it are skipped, or end if it is nothing but titles.
func afterTitles(text []rune, start, end int) int {
	for {
		t := titleAt(text[start:end])
		if t == 0 {
			return start
		}
		start += t
		for start < end && text[start] == ' ' {
			start++
		}
	}
}

// titleAt returns the length of the title that s starts with as a whole
// word, or 0.
func titleAt(s []rune) int {
	for _, t := range titles {
		n := len([]rune(t))
		if len(s) >= n && strings.ToLower(string(s[:n])) == t && (len(s) == n || s[n] == ' ') {
			return n
		}
	}
	return 0
}

// cut returns where a span of type t must end within s, or -1.
func cut(s []rune, t entity.Type) int {
	for i, c := range s {
		if c != '\n' && c != '\r' {
			continue
		}
		if t == entity.Person || t == entity.Location || blankLineAt(s, i) {
			return i
		}
	}
	return -1
}

// blankLineAt reports whether a line break, blanks and another line break
// start at s[i].
func blankLineAt(s []rune, i int) bool {
	breakAt := func(j int) int { // the index after a line break at j, or -1
		if j < len(s) && s[j] == '\r' {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			return j + 1
		}
		return -1
	}
	j := breakAt(i)
	if j < 0 {
		return false
	}
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	return breakAt(j) >= 0
}

// initialBefore reports whether the full stop at dot ends an initial: one
// capital letter, not preceded by another letter, from start on.
func initialBefore(text []rune, start, dot int) bool {
	return dot > start && unicode.IsUpper(text[dot-1]) && (dot-1 == start || !unicode.IsLetter(text[dot-2]))
}
