package ner

import (
	"slices"
	"strings"
	"unicode"

	"github.com/belner/belner/entity"
)

// nameScore is the score of a name found because the document names it
// elsewhere.
const nameScore = 0.8

// nameRepeats is how often the model must give a one-word name in a
// document as a PERSON or an ORGANIZATION for it to name one there
// ("Barrichello", "RVA"): once may be the model's slip.
const nameRepeats = 2

// sameNames keeps a name's type across the document, as the recipe's
// nerdata.same_names: a PERSON of two words or more names a person, by
// its whole text and by its surname (its last word with the particles
// before it: "Barak", "Van Gent", not "Gent"), unless the surname is a
// common word or a listed place; so does a one-word PERSON given
// nameRepeats times. A one-word ORGANIZATION given nameRepeats times names
// an organisation. A LOCATION or ORGANIZATION whose text names a person
// becomes a PERSON ("Ehud Barak" ... "Barak"), and a name that no entity
// touches becomes one of its type where no capitalised word stands beside
// it (bareNames; a title may: "mevrouw Van Hoof"). A PERSON or
// ORGANIZATION whose text is the municipality of one of the document's
// addresses (addressTowns: "6000 Charleroi") becomes a LOCATION. es is
// sorted by start; so is the result.
func sameNames(text []rune, es []entity.Entity, common CommonWords, places Places) []entity.Entity {
	persons, orgs := documentNames(text, es, common, places)
	towns := addressTowns(text, es)
	for name := range persons {
		delete(towns, name)
	}
	if len(persons) == 0 && len(orgs) == 0 && len(towns) == 0 {
		return es
	}
	for i, e := range es {
		s := string(text[e.Start:e.End])
		switch {
		case (e.Type == entity.Location || e.Type == entity.Organization) && persons[s]:
			es[i].Type = entity.Person
			es[i].Explanation.Notes = append(slices.Clip(e.Explanation.Notes), "named as a person elsewhere in the document")
		case (e.Type == entity.Person || e.Type == entity.Organization) && towns[s]:
			es[i].Type = entity.Location
			es[i].Explanation.Notes = append(slices.Clip(e.Explanation.Notes), "the municipality of an address in the document")
		}
	}
	es = withFound(es, namedAgain(text, es, persons, common, entity.Person, "named as a person elsewhere in the document"))
	return withFound(es, namedAgain(text, es, orgs, common, entity.Organization,
		"named as an organisation elsewhere in the document"))
}

// namedAgain returns an entity of type typ, with note, for each of
// bareNames (a person's with the initials before it).
func namedAgain(text []rune, es []entity.Entity, names map[string]bool, common CommonWords, typ entity.Type,
	note string) []entity.Entity {
	var found []entity.Entity
	for _, w := range bareNames(text, es, names, common, typ == entity.Person) {
		found = append(found, entity.Entity{Type: typ, Start: w[0], End: w[1], Score: nameScore, Recognizer: "model",
			Explanation: entity.Explanation{BaseScore: nameScore, Notes: []string{note}}})
	}
	return found
}

// addressTowns returns the municipalities of the ADDRESS entities: what
// follows a postcode of four digits up to a comma or the line end, each
// side of a "/" ("1000 Bruxelles / Brussel"), where it starts with a
// capital.
func addressTowns(text []rune, es []entity.Entity) map[string]bool {
	towns := map[string]bool{}
	for _, e := range es {
		if e.Type != entity.Address {
			continue
		}
		s := text[e.Start:e.End]
		for i := 0; i+4 < len(s); i++ {
			if !postcodeAt(s, i) {
				continue
			}
			k := i + 4
			for k < len(s) && (s[k] == ' ' || s[k] == '\u00a0') {
				k++
			}
			if k == i+4 {
				continue
			}
			end := k
			for end < len(s) && s[end] != '\n' && s[end] != ',' {
				end++
			}
			for _, part := range strings.Split(string(s[k:end]), "/") {
				if part = strings.TrimSpace(part); part != "" && unicode.IsUpper([]rune(part)[0]) {
					towns[part] = true
				}
			}
			i = end - 1
		}
	}
	return towns
}

// postcodeAt reports whether s holds four digits at i, and no digit
// before or after them.
func postcodeAt(s []rune, i int) bool {
	digit := func(j int) bool { return j >= 0 && j < len(s) && s[j] >= '0' && s[j] <= '9' }
	return !digit(i-1) && digit(i) && digit(i+1) && digit(i+2) && digit(i+3) && !digit(i+4)
}

// documentNames returns the names that sameNames carries across the
// document: those of persons and those of organisations.
func documentNames(text []rune, es []entity.Entity, common CommonWords, places Places) (persons, orgs map[string]bool) {
	type given struct {
		name string
		typ  entity.Type
	}
	persons = personNames(text, es, common, places)
	repeats := map[given]int{}
	for _, e := range es {
		if s := text[e.Start:e.End]; (e.Type == entity.Person || e.Type == entity.Organization) &&
			oneWordName(s, common, places) {
			repeats[given{string(s), e.Type}]++
		}
	}
	for g, n := range repeats {
		if n >= nameRepeats && g.typ == entity.Person {
			persons[g.name] = true
		}
	}
	orgs = map[string]bool{}
	for g, n := range repeats {
		if n >= nameRepeats && g.typ == entity.Organization && !persons[g.name] {
			orgs[g.name] = true
		}
	}
	return persons, orgs
}

// oneWordName reports whether s is one capitalised word that can name
// someone or something: no common word or listed place, and long enough.
func oneWordName(s []rune, common CommonWords, places Places) bool {
	return len(s) >= minCommonWord && unicode.IsUpper(s[0]) && oneWord(s) && !common[strings.ToLower(string(s))] &&
		!places[string(s)]
}

// personNames returns the whole texts and the surnames of the PERSON
// entities of two words or more.
func personNames(text []rune, es []entity.Entity, common CommonWords, places Places) map[string]bool {
	names := map[string]bool{}
	for _, e := range es {
		words := strings.Fields(string(text[e.Start:e.End]))
		if e.Type != entity.Person || len(words) < 2 {
			continue
		}
		names[string(text[e.Start:e.End])] = true
		k := len(words) - 1
		for k > 0 && slices.Contains(nameParticles, strings.ToLower(words[k-1])) {
			k--
		}
		surname := strings.Join(words[k:], " ")
		if unicode.IsUpper([]rune(surname)[0]) && len([]rune(words[len(words)-1])) >= minCommonWord &&
			!slices.ContainsFunc(words[k:], func(w string) bool { return !oneWord([]rune(w)) }) &&
			!common[strings.ToLower(surname)] && !places[surname] {
			names[surname] = true
		}
	}
	return names
}

// bareNames returns where the names, of one word or more, stand in text
// as it writes them, with a capital first, where no entity of es touches
// them, no capitalised word stands beside them (capitalBeside) and they
// are no part of an e-mail address or URL (glued); the longest name
// first. With initials, a person's initials before the name are part of
// it ("L. Hick"). es is sorted by start and disjoint.
func bareNames(text []rune, es []entity.Entity, names map[string]bool, common CommonWords, initials bool) [][2]int {
	if len(names) == 0 {
		return nil
	}
	longest := 0
	for name := range names {
		longest = max(longest, len(strings.Fields(name)))
	}
	words := wordSpans(text)
	var out [][2]int
	for i := 0; i < len(words); {
		a, n, start := words[i][0], min(longest, len(words)-i), -1
		for ; n > 0; n-- {
			if start = bareName(text, a, words[i+n-1][1], es, names, common, initials); start >= 0 {
				break
			}
		}
		if n > 0 {
			out = append(out, [2]int{start, words[i+n-1][1]})
		}
		i += max(n, 1)
	}
	return out
}

// bareName returns where the bare name text[a:b] starts, its initials in
// with initials, or -1 when it is no bare name.
func bareName(text []rune, a, b int, es []entity.Entity, names map[string]bool, common CommonWords, initials bool) int {
	s := a
	if initials {
		s = initialsStart(text, a)
	}
	if unicode.IsUpper(text[a]) && names[string(text[a:b])] && !touches(es, s, b) &&
		!capitalBeside(text, s, b, common) && !glued(text, s, b) {
		return s
	}
	return -1
}
