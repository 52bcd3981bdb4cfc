package ner

import (
	"slices"
	"sort"
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
	p, err := readSet(dir, PlacesFile)
	return Places(p), err
}

// add returns es with a LOCATION for each listed place in text that no
// entity of es touches, unless it starts a sentence or line or is part of
// a name (a title or a capitalised word beside it: titleBefore,
// bareNames), sorted by start; the recipe's nerdata.add_places.
func (p Places) add(text []rune, es []entity.Entity, common CommonWords) []entity.Entity {
	if len(p) == 0 {
		return es
	}
	var found []entity.Entity
	for _, w := range bareNames(text, es, p, common, false) {
		if !sentenceStart(text, w[0]) && !titleBefore(text, w[0]) {
			found = append(found, entity.Entity{Type: entity.Location, Start: w[0], End: w[1], Score: placeScore,
				Recognizer: "model", Explanation: entity.Explanation{BaseScore: placeScore,
					Notes: []string{"a listed place (" + PlacesFile + ") that the model passed over"}}})
		}
	}
	return withFound(es, found)
}

// touches reports whether an entity of es, sorted and disjoint, shares a
// code point with [a, b).
func touches(es []entity.Entity, a, b int) bool {
	i := sort.Search(len(es), func(i int) bool { return es[i].End > a })
	return i < len(es) && es[i].Start < b
}

// withFound merges found into es, both sorted by start.
func withFound(es, found []entity.Entity) []entity.Entity {
	if len(found) == 0 {
		return es
	}
	out := make([]entity.Entity, 0, len(es)+len(found))
	for len(es) > 0 || len(found) > 0 {
		if len(found) == 0 || (len(es) > 0 && es[0].Start <= found[0].Start) {
			out, es = append(out, es[0]), es[1:]
		} else {
			out, found = append(out, found[0]), found[1:]
		}
	}
	return out
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

// titleBefore reports whether a title stands right before text[a]
// ("mevrouw Georgia").
func titleBefore(text []rune, a int) bool {
	return slices.Contains(titles, strings.ToLower(string(wordBeforeName(text, a))))
}

// capitalBeside reports whether the word right before text[a:b] has a
// capital and is no title, common or function word ("Volgens Barak": a
// sentence's first word), or the word right after it starts with a
// capital; a word across a column gap is in another cell ("L. Hick, INPP
// A. Collard").
func capitalBeside(text []rune, a, b int, common CommonWords) bool {
	if w := wordBeforeName(text, a); len(w) > 0 && unicode.IsUpper(w[0]) {
		lower := strings.ToLower(string(w))
		if !slices.Contains(titles, lower) && !common[lower] && !slices.Contains(functionWords, lower) {
			return true
		}
	}
	k := b
	for k < len(text) && isBlank(text[k]) {
		k++
	}
	return k > b && k < len(text) && unicode.IsUpper(text[k]) && !columnGap(text[b:k])
}

// wordBeforeName returns the blank-delimited word right before text[a]
// (blanks between, no column gap) if it ends in a letter or a full stop,
// else nothing.
func wordBeforeName(text []rune, a int) []rune {
	j := blanksBefore(text, a)
	if j == a || columnGap(text[j:a]) {
		return nil
	}
	k := j
	for k > 0 && !unicode.IsSpace(text[k-1]) {
		k--
	}
	if w := text[k:j]; len(w) > 0 && (unicode.IsLetter(w[len(w)-1]) || w[len(w)-1] == '.') {
		return w
	}
	return nil
}

// glued reports whether text[a:b] is part of an e-mail address, URL or
// identifier: "@" or "_" beside it, or a full stop between it and a letter
// or digit ("ehud.barak@gov.il").
func glued(text []rune, a, b int) bool {
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return (a > 0 && strings.ContainsRune("@_", text[a-1])) || (a > 1 && text[a-1] == '.' && alnum(text[a-2])) ||
		(b < len(text) && strings.ContainsRune("@_", text[b])) || (b+1 < len(text) && text[b] == '.' && alnum(text[b+1]))
}

// blanksBefore returns where the blanks that end text[:a] start.
func blanksBefore(text []rune, a int) int {
	for a > 0 && isBlank(text[a-1]) {
		a--
	}
	return a
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' }
