package ner

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/belner/belner/entity"
)

// The same cases as the recipe's test_add_places.
func TestPlacesAdd(t *testing.T) {
	places := Places{"Marokko": true, "Egypte": true, "Guinee-Bissau": true}
	common := CommonWords{"volgens": true}
	for _, tc := range []struct {
		name, text string
		org        string // an ORGANIZATION the model found, if any
		want       []string
	}{
		{"in running text", "Hij woont in Marokko.", "", []string{"LOCATION:Marokko"}},
		{"in the next column", "Jan Peeters      Marokko      Gent", "", []string{"LOCATION:Marokko"}},
		{"two", "naar Egypte en Marokko", "", []string{"LOCATION:Egypte", "LOCATION:Marokko"}},
		{"hyphenated", "uit Guinee-Bissau gekomen", "", []string{"LOCATION:Guinee-Bissau"}},
		{"in brackets", "geboren te Casablanca (Marokko)", "", []string{"LOCATION:Marokko"}},
		{"after a comma", "Casablanca, Marokko, 2024", "", []string{"LOCATION:Marokko"}},
		{"first in the text", "Marokko won", "", nil},
		{"first on a line", "Hij woont in\r\n  Marokko nu", "", nil},
		{"first in a sentence", "Zo is het. Marokko won", "", nil},
		{"after a colon", "Land: Marokko", "", nil},
		{"a capitalised word before", "Jan Marokko kwam", "", nil},
		{"a common word first in a sentence before", "Zo. Volgens Marokko dus", "", []string{"LOCATION:Marokko"}},
		{"a function word first in a sentence before", "Naar Marokko dus", "", []string{"LOCATION:Marokko"}},
		{"a title before", "mevrouw Marokko kwam", "", nil},
		{"a capitalised word after", "bij Marokko Telecom", "", nil},
		{"a capital after a comma", "in Marokko, Egypte en", "", []string{"LOCATION:Marokko", "LOCATION:Egypte"}},
		{"part of a longer word", "de Marokkaanse markt", "", nil},
		{"joined to another word", "een x-Marokko", "", nil},
		{"in capitals", "in MAROKKO", "", nil},
		{"in an address of the web", "zie www.Marokko.be nu", "", nil},
		{"in an e-mail address", "mail Egypte@visit.eg", "", nil},
		{"inside a model span", "bij de Ambassade van Marokko in", "Ambassade van Marokko",
			[]string{"ORGANIZATION:Ambassade van Marokko"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune(tc.text)
			var es []entity.Entity
			if tc.org != "" {
				i := utf8.RuneCountInString(tc.text[:strings.Index(tc.text, tc.org)])
				es = append(es, entity.Entity{Type: entity.Organization, Start: i, End: i + len([]rune(tc.org))})
			}
			if got := spans(text, places.add(text, es, common)); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
