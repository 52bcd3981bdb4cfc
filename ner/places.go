package ner

import (
	"slices"
	"strings"
	"unicode"

	"github.com/belner/belner/entity"
)

// PlacesFile lists, one per line, the places that decoding makes a
// LOCATION where the model passed them over (models/train/places.py makes
// it): the countries of Dutch, French and German, which the small model
// misses in running text ("in Egypte", "en Inde").
const PlacesFile = "places.txt"

// placeScore is the score of a listed place: such a name, away from other
// names, is nearly always a place.
const placeScore = 0.8

// placeSentenceEnd are the marks after which a word starts a sentence or a
// list item, where a capital says nothing.
const placeSentenceEnd = ".!?:•*"

// Places is a model's set of listed places, as written.
type Places map[string]bool

// LoadPlaces reads dir/PlacesFile; a model without the file has none.
func LoadPlaces(dir string) (Places, error) {
	lines, err := readList(dir, PlacesFile)
	if lines == nil || err != nil {
		return nil, err
	}
	p := Places{}
	for _, l := range lines {
		p[l] = true
	}
	return p, nil
}

// add returns es with a LOCATION for each listed place in text that no
// entity of es touches, unless it starts a sentence or line or is part of
// a name (nameBeside), sorted by start; the recipe's nerdata.add_places.
func (p Places) add(text []rune, es []entity.Entity) []entity.Entity {
	if len(p) == 0 {
		return es
	}
	n := len(es)
	for _, w := range wordSpans(text) {
		a, b := w[0], w[1]
		if !p[string(text[a:b])] || sentenceStart(text, a) || nameBeside(text, a, b) ||
			slices.ContainsFunc(es[:n], func(e entity.Entity) bool { return e.Start < b && a < e.End }) {
			continue
		}
		es = append(es, entity.Entity{Type: entity.Location, Start: a, End: b, Score: placeScore, Recognizer: "model",
			Explanation: entity.Explanation{BaseScore: placeScore,
				Notes: []string{"a listed place (" + PlacesFile + ") that the model passed over"}}})
	}
	if len(es) > n {
		slices.SortStableFunc(es, func(x, y entity.Entity) int { return x.Start - y.Start })
	}
	return es
}

// wordSpans returns the words of text: runs of letters, joined by single
// apostrophes or hyphens ("Guinee-Bissau", "Bahama's"), as the recipe's
// common_words.WORD finds them.
func wordSpans(text []rune) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		if !wordRune(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && wordRune(text[i]) {
			i++
		}
		for i+1 < len(text) && strings.ContainsRune(wordJoiners, text[i]) && wordRune(text[i+1]) {
			for i++; i < len(text) && wordRune(text[i]); i++ {
			}
		}
		out = append(out, [2]int{start, i})
	}
	return out
}

// sentenceStart reports whether only blanks stand between the start of
// the line, or the end of a sentence, and text[a].
func sentenceStart(text []rune, a int) bool {
	j := blanksBefore(text, a)
	return j == 0 || text[j-1] == '\n' || strings.ContainsRune(placeSentenceEnd, text[j-1])
}

// nameBeside reports whether the word right before text[a:b] (blanks
// between, ending in a letter or a full stop) has a capital or is a title,
// or the word right after it starts with a capital: the place is then
// part of a name ("Jordan Peeters", "mevrouw Georgia", "Marokko Telecom").
func nameBeside(text []rune, a, b int) bool {
	if j := blanksBefore(text, a); j < a {
		k := j
		for k > 0 && !unicode.IsSpace(text[k-1]) {
			k--
		}
		if w := text[k:j]; len(w) > 0 && (unicode.IsLetter(w[len(w)-1]) || w[len(w)-1] == '.') &&
			(unicode.IsUpper(w[0]) || slices.Contains(titles, strings.ToLower(string(w)))) {
			return true
		}
	}
	k := b
	for k < len(text) && isBlank(text[k]) {
		k++
	}
	return k > b && k < len(text) && unicode.IsUpper(text[k])
}

// blanksBefore returns where the blanks that end text[:a] start.
func blanksBefore(text []rune, a int) int {
	for a > 0 && isBlank(text[a-1]) {
		a--
	}
	return a
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' }
