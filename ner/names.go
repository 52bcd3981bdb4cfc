package ner

import (
	"slices"
	"strings"
	"unicode"

	"github.com/belner/belner/entity"
)

// nameScore is the score of a person found by a name given in full
// elsewhere in the document.
const nameScore = 0.8

// sameNames keeps a name's type across the document, as the recipe's
// nerdata.same_names: a PERSON of two words or more names a person, by
// its whole text and by its surname (its last word with the particles
// before it: "Barak", "Van Gent", not "Gent"), unless the surname is a
// common word or a listed place. A LOCATION or ORGANIZATION whose text is
// such a name becomes a PERSON ("Ehud Barak" ... "Barak"), and a one-word
// surname that no entity touches and no name or title stands beside
// (nameBeside) becomes one. es is sorted by start; so is the
// result.
func sameNames(text []rune, es []entity.Entity, common CommonWords, places Places) []entity.Entity {
	names := personNames(text, es, common, places)
	if len(names) == 0 {
		return es
	}
	for i, e := range es {
		if (e.Type == entity.Location || e.Type == entity.Organization) && names[string(text[e.Start:e.End])] {
			es[i].Type = entity.Person
			es[i].Explanation.Notes = append(slices.Clip(e.Explanation.Notes), "named as a person elsewhere in the document")
		}
	}
	var found []entity.Entity
	for _, w := range bareWords(text, es, names, common) {
		found = append(found, entity.Entity{Type: entity.Person, Start: w[0], End: w[1], Score: nameScore,
			Recognizer: "model", Explanation: entity.Explanation{BaseScore: nameScore,
				Notes: []string{"a surname given in full elsewhere in the document"}}})
	}
	return withFound(es, found)
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
