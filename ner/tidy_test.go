package ner

import (
	"strings"
	"testing"

	"github.com/belner/belner/entity"
)

// The same cases as the recipe's test_tidy_span.
func TestTidy(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		typ        entity.Type
		want       string // "" when nothing is left
	}{
		{"leading comma", ", Rue Neuve 41, 4860 Pepinster", entity.Address, "Rue Neuve 41, 4860 Pepinster"},
		{"trailing comma", "8310 Sint-Kruis, Kapellestraat 31,", entity.Address, "8310 Sint-Kruis, Kapellestraat 31"},
		{"sentence full stop", "Pierre Hansen.", entity.Person, "Pierre Hansen"},
		{"initial", "Jan P.", entity.Person, "Jan P."},
		{"abbreviation", "Bouw B.V.", entity.Organization, "Bouw B.V."},
		{"person at the line end", "Liesbeth Janssens\r\nBrugsesteenweg", entity.Person, "Liesbeth Janssens"},
		{"address over two lines", "Kerkstraat 1\n9000 Gent", entity.Address, "Kerkstraat 1\n9000 Gent"},
		{"address at a blank line", "Kerkstraat 1\n9000 Gent\r\n \r\nGent", entity.Address, "Kerkstraat 1\n9000 Gent"},
		{"organisation at the line end", "Freie Krankenkasse\r\nMitgliedsnummer", entity.Organization, "Freie Krankenkasse"},
		{"organisation going on", "Rijksdienst voor\nArbeidsvoorziening\n", entity.Organization,
			"Rijksdienst voor\nArbeidsvoorziening"},
		{"organisation going on after &", "Van Damme &\r\nZonen BV", entity.Organization, "Van Damme &\r\nZonen BV"},
		{"organisation at a blank line", "Rijksdienst voor\n\nArbeid", entity.Organization, "Rijksdienst voor"},
		{"apostrophe first", "'s-Hertogenbosch", entity.Location, "'s-Hertogenbosch"},
		{"nothing left", " – ", entity.Person, ""},
		{"title", "Mevrouw Jan Peeters", entity.Person, "Jan Peeters"},
		{"two titles", "Prof. Dr. Marie Weiß", entity.Person, "Marie Weiß"},
		{"only a salutation", "Madame", entity.Person, ""},
		{"initial, not a title", "M. Dupont", entity.Person, "M. Dupont"},
		{"Monsieur before a full name", "M. Jean-Louis Brüll", entity.Person, "Jean-Louis Brüll"},
		{"initials before a surname", "M. J. Smit", entity.Person, "M. J. Smit"},
		{"initial before a particle", "M. Van Hoof", entity.Person, "M. Van Hoof"},
		{"initial before a particle that is a word", "M. Des Jaumotte", entity.Person, "M. Des Jaumotte"},
		{"title as part of a word", "Herrmann Jo", entity.Person, "Herrmann Jo"},
		{"title in an organisation", "Dr. Willemsfonds", entity.Organization, "Dr. Willemsfonds"},
		{"a pronoun opening a sentence", "Mon", entity.Person, ""},
		{"a preposition opening a line", "Au", entity.Person, ""},
		{"a function word of another type", "Mijn", entity.Organization, ""},
		{"a function word in capitals", "NOS", entity.Organization, "NOS"},
		{"a function word inside a name", "Van Damme", entity.Person, "Van Damme"},
		{"a first name spelled like none", "An", entity.Person, "An"},
		{"inhabitants", "Palestijnen", entity.Location, ""},
		{"an adjective of a country", "Peruaanse", entity.Location, ""},
		{"a place that ends like inhabitants", "Hoegaarden", entity.Location, "Hoegaarden"},
		{"a place listed", "Doische", entity.Location, "Doische"},
		{"a hyphenated place", "Brûly-de-Pesche", entity.Location, "Brûly-de-Pesche"},
		{"a place ending in -ers", "Verviers", entity.Location, "Verviers"},
		{"inhabitants taken for a person stay the model's call", "Nederlanders", entity.Person, "Nederlanders"},
		{"a demonym's ending in capitals", "CHINEZEN", entity.Location, "CHINEZEN"},
		{"a place of several words", "Zaanse Schans", entity.Location, "Zaanse Schans"},
		{"too short to be a demonym", "Ese", entity.Location, "Ese"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune("« " + tc.text + " »")
			e, ok := tidy(text, entity.Entity{Type: tc.typ, Start: 2, End: 2 + len([]rune(tc.text))})
			got := ""
			if ok {
				got = string(text[e.Start:e.End])
			}
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("got %q (%v), want %q", got, ok, tc.want)
			}
		})
	}
}

// An apostrophe glued to a letter before the span is an elided word's
// (the same cases as the recipe's test_tidy_elision).
func TestTidyElision(t *testing.T) {
	for _, tc := range []struct{ name, text, span, want string }{
		{"an elided article", "Pour l'Administrateur général", "'Administrateur", "Administrateur"},
		{"the apostrophe of a name", "naar 's-Hertogenbosch", "'s-Hertogenbosch", "'s-Hertogenbosch"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune(tc.text)
			start := len([]rune(tc.text[:strings.Index(tc.text, tc.span)]))
			e, ok := tidy(text, entity.Entity{Type: entity.Person, Start: start, End: start + len([]rune(tc.span))})
			got := ""
			if ok {
				got = string(text[e.Start:e.End])
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
