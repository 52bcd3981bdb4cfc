package ner

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/belner/belner/entity"
)

// The same cases as the recipe's test_same_names.
func TestSameNames(t *testing.T) {
	common := CommonWords{"bakker": true, "volgens": true}
	places := Places{"Marokko": true}
	for _, tc := range []struct {
		name, text string
		given      []string // TYPE:text, each found after the one before
		want       []string
	}{
		{"a surname again", "Ehud Barak sprak. Later zei Barak dat", []string{"PERSON:Ehud Barak"},
			[]string{"PERSON:Ehud Barak", "PERSON:Barak"}},
		{"taken for a place", "Ehud Barak sprak. Later won Barak.", []string{"PERSON:Ehud Barak", "LOCATION:Barak"},
			[]string{"PERSON:Ehud Barak", "PERSON:Barak"}},
		{"a whole name taken for an organisation", "Ehud Barak sprak, en Ehud Barak won.",
			[]string{"PERSON:Ehud Barak", "ORGANIZATION:Ehud Barak won"}, []string{"PERSON:Ehud Barak", "ORGANIZATION:Ehud Barak won"}},
		{"with particles", "Peter Van Gent woont in Gent, naast Van Gent.",
			[]string{"PERSON:Peter Van Gent", "LOCATION:Gent", "ORGANIZATION:Van Gent"},
			[]string{"PERSON:Peter Van Gent", "LOCATION:Gent", "PERSON:Van Gent"}},
		{"a common word", "Jan Bakker kwam. Bakker zei", []string{"PERSON:Jan Bakker"}, []string{"PERSON:Jan Bakker"}},
		{"a listed place", "Ali Marokko kwam uit Marokko", []string{"PERSON:Ali Marokko"}, []string{"PERSON:Ali Marokko"}},
		{"a capitalised word beside", "Ehud Barak sprak, Eli Barak ook", []string{"PERSON:Ehud Barak"},
			[]string{"PERSON:Ehud Barak"}},
		{"after a sentence's first word", "Ehud Barak sprak. Volgens Barak dus", []string{"PERSON:Ehud Barak"},
			[]string{"PERSON:Ehud Barak", "PERSON:Barak"}},
		{"one word names no one", "Barak sprak. Later zei Barak dat", []string{"PERSON:Barak"}, []string{"PERSON:Barak"}},
		{"too short", "Jan Li sprak. Later zei Li dat", []string{"PERSON:Jan Li"}, []string{"PERSON:Jan Li"}},
		{"part of a longer word", "Ehud Barak sprak over Baraks plan", []string{"PERSON:Ehud Barak"},
			[]string{"PERSON:Ehud Barak"}},
		{"in an e-mail address", "Ehud Barak <Ehud.Barak@gov.il>, Barak_E@x.il", []string{"PERSON:Ehud Barak"},
			[]string{"PERSON:Ehud Barak"}},
		{"a one-word name given twice", "Barak sprak. Barak won. Later zei Barak dat", []string{"PERSON:Barak", "PERSON:Barak"},
			[]string{"PERSON:Barak", "PERSON:Barak", "PERSON:Barak"}},
		{"given twice, taken for a place", "Barak sprak. Barak won. Later won Barak.",
			[]string{"PERSON:Barak", "PERSON:Barak", "LOCATION:Barak"}, []string{"PERSON:Barak", "PERSON:Barak", "PERSON:Barak"}},
		{"an organisation given twice", "De RVA betaalt. De RVA schreef. Bel de RVA.",
			[]string{"ORGANIZATION:RVA", "ORGANIZATION:RVA"}, []string{"ORGANIZATION:RVA", "ORGANIZATION:RVA", "ORGANIZATION:RVA"}},
		{"an organisation given once", "De RVA betaalt. Bel de RVA.", []string{"ORGANIZATION:RVA"}, []string{"ORGANIZATION:RVA"}},
		{"a surname of two words after a title", "Hilde Van Hoof kwam. Mevr. Van Hoof zei",
			[]string{"PERSON:Hilde Van Hoof"}, []string{"PERSON:Hilde Van Hoof", "PERSON:Van Hoof"}},
		{"the longest name first", "Peter Van Gent sprak. Later kwam Peter Van Gent.", []string{"PERSON:Peter Van Gent"},
			[]string{"PERSON:Peter Van Gent", "PERSON:Peter Van Gent"}},
		{"initials before a surname", "Laurent Hick kwam. Later tekende L. Hick het.", []string{"PERSON:Laurent Hick"},
			[]string{"PERSON:Laurent Hick", "PERSON:L. Hick"}},
		{"the town of an address", "Agence de Charleroi, Boulevard Tirou 163, 6000 Charleroi. Bel Charleroi.", []string{"ORGANIZATION:Charleroi", "ADDRESS:Boulevard Tirou 163, 6000 Charleroi", "PERSON:Charleroi"},
			[]string{"LOCATION:Charleroi", "ADDRESS:Boulevard Tirou 163, 6000 Charleroi", "LOCATION:Charleroi"}},
		{"a bilingual town", "Rue Haute 5, 1000 Bruxelles / Brussel\nBrussel", []string{"ADDRESS:Rue Haute 5, 1000 Bruxelles / Brussel", "ORGANIZATION:Brussel"},
			[]string{"ADDRESS:Rue Haute 5, 1000 Bruxelles / Brussel", "LOCATION:Brussel"}},
		{"a surname stays", "Jan Lier kwam uit Kerkstraat 1, 2500 Lier. Toen zei Lier", []string{"PERSON:Jan Lier", "ADDRESS:Kerkstraat 1, 2500 Lier", "PERSON:Lier"},
			[]string{"PERSON:Jan Lier", "ADDRESS:Kerkstraat 1, 2500 Lier", "PERSON:Lier"}},
		{"signatures in columns", "Laurent Hick en Amandine Collard.\nL. Hick, INPP      A. Collard, INP",
			[]string{"PERSON:Laurent Hick", "PERSON:Amandine Collard"},
			[]string{"PERSON:Laurent Hick", "PERSON:Amandine Collard", "PERSON:L. Hick", "PERSON:A. Collard"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune(tc.text)
			var es []entity.Entity
			from := 0
			for _, g := range tc.given {
				typ, s, _ := strings.Cut(g, ":")
				i := from + strings.Index(tc.text[from:], s)
				start := utf8.RuneCountInString(tc.text[:i])
				es = append(es, entity.Entity{Type: entity.Type(typ), Start: start, End: start + utf8.RuneCountInString(s)})
				from = i + len(s)
			}
			if got := spans(text, sameNames(text, es, common, places)); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
