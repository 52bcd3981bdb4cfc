package ner

import (
	"slices"
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

// tidy cuts e where ANNOTATION.md says a span cannot go on (cut) and trims
// punctuation, space and the apostrophe of an elided word before it
// (elisionMark) off its ends, as the recipe's tidy_span does.
// A final full stop stays after an initial or inside an abbreviation
// ("J.", "B.V."), not after a word ("Gent."). It reports false if nothing
// is left, nothing but one of the functionWords, or a LOCATION that is a
// demonym.
func tidy(text []rune, e entity.Entity) (entity.Entity, bool) {
	if i := cut(text[e.Start:e.End], e.Type); i >= 0 {
		e.End = e.Start + i
	}
	for e.Start < e.End && (unicode.IsSpace(text[e.Start]) || strings.ContainsRune(neverFirst, text[e.Start]) ||
		elisionMark(text, e.Start, e.End)) {
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
	if e.Start >= e.End || functionWord(text[e.Start:e.End]) {
		return e, false
	}
	return e, e.Type != entity.Location || !demonym(text[e.Start:e.End])
}

// elisionMark reports whether text[a] is the apostrophe of an elided word
// before the span [a, b) ("l'Administrateur"): one glued to a letter on
// both sides. An apostrophe that starts a word ("'s-Hertogenbosch") stays.
func elisionMark(text []rune, a, b int) bool {
	return (text[a] == '\'' || text[a] == '’') && a > 0 && unicode.IsLetter(text[a-1]) &&
		a+1 < b && unicode.IsLetter(text[a+1])
}

// functionWords are the articles, pronouns, prepositions and conjunctions
// of NL, FR and DE that a model takes for a name when they open a sentence
// ("Mon fils", "Au Docteur", "Mijn huisbaas"); on its own such a word is
// never a name, and none that is also a first name or surname ("An",
// "Dan", "Vos", "Al", "Ma") is here. The recipe's nerdata.FUNCTION_WORDS is
// the same list (test_recipe.py checks that it is).
var functionWords = []string{
	"de", "het", "een", "en", "of", "maar", "want", "dus", "als", "om", "te", "ter", "ten", "tot", "uit", "op",
	"aan", "met", "voor", "na", "bij", "door", "over", "onder", "naar", "vanaf", "sinds", "tijdens", "zonder",
	"tegen", "van", "ik", "jij", "je", "u", "hij", "zij", "ze", "wij", "we", "jullie", "mijn", "jouw", "uw",
	"zijn", "hun", "onze", "ons", "dit", "dat", "deze", "die", "wie", "wat", "waar", "wanneer", "hoe", "niet",
	"geen", "ook", "nog", "er", "hier", "daar", "omdat", "toch", "wel", "zo", "ja", "nee", "le", "la", "les",
	"un", "une", "des", "du", "au", "aux", "et", "ou", "mais", "donc", "car", "dans", "sur", "sous", "par",
	"pour", "avec", "sans", "chez", "vers", "entre", "depuis", "pendant", "tu", "il", "nous", "vous", "ils",
	"elles", "on", "mon", "mes", "ta", "tes", "ses", "notre", "nos", "votre", "leur", "leurs", "ce", "cet",
	"cette", "ces", "qui", "que", "quoi", "où", "quand", "comment", "ne", "pas", "oui", "non", "si", "der",
	"das", "den", "dem", "ein", "eine", "einen", "einem", "einer", "und", "oder", "aber", "im", "am", "auf",
	"aus", "bei", "mit", "nach", "seit", "vom", "zu", "zum", "zur", "für", "über", "unter", "vor", "durch",
	"gegen", "ohne", "ich", "sie", "es", "wir", "ihr", "mein", "meine", "dein", "seine", "unser", "unsere",
	"ihre", "dieser", "diese", "dieses", "wer", "was", "wo", "wann", "nicht", "kein", "keine", "nein",
}

// functionWord reports whether s is one of functionWords written as a word
// (not in capitals: "NOS" is an organisation).
func functionWord(s []rune) bool {
	w := string(s)
	return (len(s) == 1 || strings.ToUpper(w) != w) && slices.Contains(functionWords, strings.ToLower(w))
}

// demonymEndings are the Dutch endings of inhabitants and their adjectives
// ("Palestijnen", "Amerikanen", "Spanjaarden", "Nederlanders", "Russische",
// "Peruaanse"), which a model takes for places: ANNOTATION.md makes them no
// LOCATION. demonymPlaces are the places of the recipe's gazetteers that end
// so, and a hyphenated word is a place ("Brûly-de-Pesche"). The recipe's
// nerdata.DEMONYM_ENDINGS and DEMONYM_PLACES are the same lists
// (test_recipe.py checks that they are).
var (
	demonymEndings = []string{"tijnen", "anen", "ezen", "njaarden", "iërs", "landers", "sche", "aanse", "landse",
		"aarse", "iase", "ese"}
	demonymPlaces = []string{"Doische", "Pesche", "Hoogebiezen", "Lagebiezen", "Vogezen", "Tussenlanen", "Vianen",
		"Marianen", "Varese"}
)

// demonym reports whether s is one capitalised word, not in capitals nor
// hyphenated, with one of demonymEndings.
func demonym(s []rune) bool {
	w := string(s)
	if len(s) == 0 || !unicode.IsUpper(s[0]) || strings.ToUpper(w) == w || strings.ContainsAny(w, " -") ||
		slices.Contains(demonymPlaces, w) {
		return false
	}
	return slices.ContainsFunc(demonymEndings, func(e string) bool {
		return strings.HasSuffix(w, e) && len(s) > len([]rune(e))+1
	})
}

// titles are the titles and salutations that ANNOTATION.md leaves out of a
// PERSON, lower case; not "m.", which is also an initial (monsieur tells).
// The recipe's nerdata.TITLES is the same list (test_recipe.py checks that
// it is).
var titles = []string{"de heer", "heer", "dhr.", "dhr", "meneer", "mijnheer", "mevrouw", "mevr.", "mevr", "mw.",
	"monsieur", "madame", "mademoiselle", "mme.", "mme", "mlle", "maître", "me", "docteur",
	"herr", "herrn", "frau", "dr.", "dr", "prof."}

// afterTitles returns where the PERSON text[start:end] begins once the
// titles in front of it are skipped, or end if it is nothing but titles.
func afterTitles(text []rune, start, end int) int {
	for {
		t := titleAt(text[start:end])
		if t == 0 && monsieur(text[start:end]) {
			t = len("M.")
		}
		if t == 0 {
			return start
		}
		start += t
		for start < end && text[start] == ' ' {
			start++
		}
	}
}

// monsieur reports whether s starts with "M." for Monsieur: before a
// first name and a surname ("M. Jean-Louis Brüll"). An initial stands
// before a surname alone, more initials or a particle ("M. Smit", "M. J.
// Smit", "M. Van Hoof"), not before a full name.
func monsieur(s []rune) bool {
	words := strings.Split(string(s), " ")
	if len(words) < 3 || words[0] != "M." || words[1] == "" {
		return false
	}
	w := []rune(words[1])
	lower := strings.ToLower(words[1])
	particle := slices.Contains(nameParticles, lower) || slices.Contains(particleWords, lower)
	return unicode.IsUpper(w[0]) && !(w[len(w)-1] == '.' && initial(w[:len(w)-1])) && !particle
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

// cut returns where a span of type t must end within s, or -1: a PERSON
// or LOCATION at its line end, an ORGANIZATION at its line end unless its
// name goes on (nameGoesOn), an ADDRESS at a blank line. No ORGANIZATION of
// the dev sets and annotated documents runs over a line, and those the
// model ran onto the next line took a label with them ("Freie
// Krankenkasse\nMitgliedsnummer").
func cut(s []rune, t entity.Type) int {
	for i, c := range s {
		if c != '\n' && c != '\r' {
			continue
		}
		if t == entity.Person || t == entity.Location || blankLineAt(s, i) ||
			(t == entity.Organization && !nameGoesOn(s[:i])) {
			return i
		}
	}
	return -1
}

// nameGoesOn reports whether a name that fills line goes on on the next:
// the line ends in a function word ("Rijksdienst voor"), "&" or "-".
func nameGoesOn(line []rune) bool {
	words := strings.Fields(string(line))
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	return strings.HasSuffix(last, "&") || strings.HasSuffix(last, "-") ||
		slices.Contains(functionWords, strings.ToLower(last))
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
