package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/belner/belner/entity"
)

// The same cases as the recipe's test_span_bounds.
func TestSpanBounds(t *testing.T) {
	type span struct {
		text string
		typ  entity.Type
	}
	const A, P, O, L = entity.Address, entity.Person, entity.Organization, entity.Location
	for _, tc := range []struct {
		name, text  string
		given, want []span
	}{
		{"hyphenated end", "Rue Haute 2\n6120 Ham-sur-Heure", []span{{"Rue Haute 2\n6120 Ham-sur", A}, {"Heure", L}},
			[]span{{"Rue Haute 2\n6120 Ham-sur-Heure", A}}},
		{"hyphenated initials", "Frau F. Blum; H.-J. Zimmermann, Vorsitzender", []span{{"J. Zimmermann", P}},
			[]span{{"H.-J. Zimmermann", P}}},
		{"initial before a person", "Frau H. Kühn", []span{{"H", P}, {"Kühn", P}}, []span{{"H. Kühn", P}}},
		{"two initials", "T.a.v. F. F. Peeters", []span{{"Peeters", P}}, []span{{"F. F. Peeters", P}}},
		{"tokenised initials", "tot lid J . A . van der Burgh , lid", []span{{"J", P}, {"van der Burgh", P}},
			[]span{{"J . A . van der Burgh", P}}},
		{"first name after a surname in capitals", "Name, Vorname: SCHOLZEN Erwin\nSohn", []span{{"SCHOLZEN", P}},
			[]span{{"SCHOLZEN Erwin", P}}},
		{"first name taken for an organisation", "JACOBS Noor    06/08/2011", []span{{"JACOBS", P}, {"Noor", O}},
			[]span{{"JACOBS Noor", P}}},
		{"hyphenated first name", "EL AMRANI Jean-Louis, né", []span{{"EL AMRANI", P}}, []span{{"EL AMRANI Jean-Louis", P}}},
		{"no first name over a place", "PEETERS Gent", []span{{"PEETERS", P}, {"Gent", L}},
			[]span{{"PEETERS", P}, {"Gent", L}}},
		{"no first name after a surname in title case", "Peeters Dirk", []span{{"Peeters", P}}, []span{{"Peeters", P}}},
		{"no first name after an initial", "J Peeters", []span{{"J", P}}, []span{{"J", P}}},
		{"no first name glued to a digit", "PEETERS Dirk2", []span{{"PEETERS", P}}, []span{{"PEETERS", P}}},
		{"M. is Monsieur", "M. Dupont", []span{{"Dupont", P}}, []span{{"Dupont", P}}},
		{"particle last", "De heer Dylan Van Gestel.", []span{{"Dylan Van", P}}, []span{{"Dylan Van Gestel", P}}},
		{"legal form", "transmise à Rigaux & Bernard SC.", []span{{"Rigaux & Bernard", O}}, []span{{"Rigaux & Bernard SC", O}}},
		{"legal form with full stops", "Bouw B.V. te Gent", []span{{"Bouw", O}}, []span{{"Bouw B.V.", O}}},
		{"lower-case compound", "het RSZ-nummer van", []span{{"RSZ", O}}, []span{{"RSZ", O}}},
		{"country line", "Berlaarbaan 20/7\n3870 Heks\nNederland", []span{{"Berlaarbaan 20/7\n3870 Heks\nNederland", A}},
			[]span{{"Berlaarbaan 20/7\n3870 Heks", A}, {"Nederland", L}}},
		{"organisation line", "Imprimerie Bos ASBL\r\nChaussée Brunehaut 2\r\n5080 La Bruyère",
			[]span{{"Bos ASBL\r\nChaussée Brunehaut 2\r\n5080 La Bruyère", A}}, []span{{"Chaussée Brunehaut 2\r\n5080 La Bruyère", A}}},
		{"street name words", "T.a.v. F. Peeters\nVan Langendonckstraat 7\n8340 Hoeke",
			[]span{{"F. Peeters", P}, {"Langendonckstraat 7\n8340 Hoeke", A}},
			[]span{{"F. Peeters", P}, {"Van Langendonckstraat 7\n8340 Hoeke", A}}},
		{"initial in a street name", "G.Hockéstraße 280", []span{{"Hockéstraße 280", A}}, []span{{"G.Hockéstraße 280", A}}},
		{"after a label", "Adresse: Rue de l'Abattoir 12", []span{{"Abattoir 12", A}}, []span{{"Rue de l'Abattoir 12", A}}},
		{"house number after a comma", "nummer 44101903006, Winterslagstraat 22, 3840 Borgloon.",
			[]span{{"22, 3840 Borgloon", A}}, []span{{"Winterslagstraat 22, 3840 Borgloon", A}}},
		{"street after a comma", "Jan Peeters, Grote Markt 1", []span{{"Markt 1", A}}, []span{{"Grote Markt 1", A}}},
		{"street type after its name", "met kantoor te Gistelse Steenweg 280, 8200 Brugge", []span{{"Gistelse", L}, {"Steenweg 280, 8200 Brugge", A}},
			[]span{{"Gistelse Steenweg 280, 8200 Brugge", A}}},
		{"sentence before", "Die Wohnung in der Handelsstraße 47 in Namur", []span{{"Handelsstraße 47", A}},
			[]span{{"Handelsstraße 47", A}}},
		{"postcode first", "WONENDE 1702 GROOT-BIJGAARDEN, BLANKAARTSTRAAT 4",
			[]span{{"1702 GROOT-BIJGAARDEN, BLANKAARTSTRAAT 4", A}}, []span{{"1702 GROOT-BIJGAARDEN, BLANKAARTSTRAAT 4", A}}},
		{"notarial order", "wonende te 2000 Antwerpen, Mechelsesteenweg 64.", []span{{"Mechelsesteenweg 64", A}},
			[]span{{"2000 Antwerpen, Mechelsesteenweg 64", A}}},
		{"municipality after the postcode", "Kretelsweg 3\n3945 Ham\n\nMerelbeke", []span{{"Kretelsweg 3\n3945", A}},
			[]span{{"Kretelsweg 3\n3945 Ham", A}}},
		{"two-word municipality", "Rue Neuve 5, 1310 La Hulpe", []span{{"Rue Neuve 5, 1310", A}},
			[]span{{"Rue Neuve 5, 1310 La Hulpe", A}}},
		{"municipality found as a location", "Kerkstraat 1, 9000 Gent", []span{{"Kerkstraat 1, 9000", A}, {"Gent", L}},
			[]span{{"Kerkstraat 1, 9000 Gent", A}}},
		{"up to the next entity", "Kerkstraat 1, 9000 Stad Gent", []span{{"Kerkstraat 1, 9000", A}, {"Stad Gent", O}},
			[]span{{"Kerkstraat 1, 9000", A}, {"Stad Gent", O}}},
		{"box letter", "Bertholfstraße 2 Bus R\nDies", []span{{"Bertholfstraße 2 Bus", A}}, []span{{"Bertholfstraße 2 Bus R", A}}},
		{"first part without a number", "Dienst Mobiliteit, Limburgplein 1, 3500 Hasselt",
			[]span{{"Mobiliteit, Limburgplein 1, 3500 Hasselt", A}}, []span{{"Limburgplein 1, 3500 Hasselt", A}}},
		{"no number", "Mw. Van Den Geluykens Agnes", []span{{"Agnes", A}}, nil},
		{"only a number", "nummer 021124 872 57, Ahlhornstraat 2", []span{{"57", A}, {"Ahlhornstraat 2", A}},
			[]span{{"Ahlhornstraat 2", A}}},
		{"country line before a blank line", "Rue Haute 2\n1390 Nethen\nFrance\n\nDate", []span{{"Rue Haute 2\n1390 Nethen\nFrance", A}},
			[]span{{"Rue Haute 2\n1390 Nethen", A}, {"France", L}}},
		{"place before a notarial address", "met zetel te 1000 Brussel, Keizerslaan 7,", []span{{"Brussel", L}, {"Keizerslaan 7", A}},
			[]span{{"1000 Brussel, Keizerslaan 7", A}}},
		{"name running onto the address line", "DE ZUSJE BV\r\nKRUISBOOGSCHUTTERSSTRAAT 8, 9170 SAINT-PAUL",
			[]span{{"DE ZUSJE BV\r\nKRUISBOOGSCHUTTERSSTRAAT", O}, {"8, 9170 SAINT-PAUL", A}},
			[]span{{"DE ZUSJE BV", O}, {"KRUISBOOGSCHUTTERSSTRAAT 8, 9170 SAINT-PAUL", A}}},
		{"particle and long initial before a person", "bij Ph. Van Hamme, huurder", []span{{"Hamme", P}}, []span{{"Ph. Van Hamme", P}}},
		{"two particles before a person", "notaris Van der Linden", []span{{"Linden", P}}, []span{{"Van der Linden", P}}},
		{"lower-case particle before a person", "zoals in de Vries", []span{{"Vries", P}}, []span{{"Vries", P}}},
		{"particle in capitals", "VAN HET GOED", []span{{"GOED", P}}, []span{{"GOED", P}}},
		{"name before a legal form", "Résidence Les Hêtres ASBL", []span{{"Hêtres ASBL", O}}, []span{{"Résidence Les Hêtres ASBL", O}}},
		{"name before a legal form, not the phrase", "Die Firma Tiefbau Meessen & Söhne GmbH", []span{{"Meessen & Söhne GmbH", O}},
			[]span{{"Tiefbau Meessen & Söhne GmbH", O}}},
		{"heading before a legal form", "GELET OP HET ATTEST VAN TUINAANLEG AALTER BVBA", []span{{"AALTER BVBA", O}},
			[]span{{"AALTER BVBA", O}}},
		{"article before the street", "de woning in de Zandpoortvest 9, 2800 Mechelen", []span{{"de Zandpoortvest 9, 2800 Mechelen", A}},
			[]span{{"Zandpoortvest 9, 2800 Mechelen", A}}},
		{"article at the line start", "de Merodelei 12\n2000 Antwerpen", []span{{"de Merodelei 12\n2000 Antwerpen", A}},
			[]span{{"de Merodelei 12\n2000 Antwerpen", A}}},
		{"text after the municipality", "in de Kerkstraat 56, 9300 Aalst en van het", []span{{"Kerkstraat 56, 9300 Aalst en van het", A}},
			[]span{{"Kerkstraat 56, 9300 Aalst", A}}},
		{"comma after the municipality", "Rue des Alliés 16, 4860 Pepinster, titulaire du", []span{{"Rue des Alliés 16, 4860 Pepinster, titulaire", A}},
			[]span{{"Rue des Alliés 16, 4860 Pepinster", A}}},
		{"a second address after the municipality", "Kerkstraat 1, 9000 Gent en 3000 Leuven", []span{{"Kerkstraat 1, 9000 Gent en 3000 Leuven", A}},
			[]span{{"Kerkstraat 1, 9000 Gent en 3000 Leuven", A}}},
		{"street as a place", "langs de Brusselsesteenweg en de Avenue Louise in Gent",
			[]span{{"Brusselsesteenweg", L}, {"Avenue Louise", L}, {"Gent", L}}, []span{{"Gent", L}}},
		{"nothing to do", "Kerkstraat 1, 9000 Gent", []span{{"Kerkstraat 1, 9000 Gent", A}}, []span{{"Kerkstraat 1, 9000 Gent", A}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune(tc.text)
			var es []entity.Entity
			for _, s := range tc.given {
				i := len([]rune(tc.text[:strings.Index(tc.text, s.text)]))
				es = append(es, entity.Entity{Type: s.typ, Start: i, End: i + len([]rune(s.text))})
			}
			var got []span
			for _, e := range boundAddresses(text, wholeWords(text, es)) {
				got = append(got, span{string(text[e.Start:e.End]), e.Type})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
