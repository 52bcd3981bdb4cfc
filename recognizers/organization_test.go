package recognizers

import (
	"slices"
	"strings"
	"testing"

	"github.com/belner/belner/entity"
)

func TestOrganization(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity texts, in order
	}{
		// Federal institutions, in three languages.
		{"RVA", "Uw dossier bij de RVA is afgesloten.", []string{"RVA"}},
		{"ONEM after an elided article", "Selon l'ONEM et l’INAMI, rien ne change.", []string{"ONEM", "INAMI"}},
		{"LfA", "Das LfA hat entschieden.", []string{"LfA"}},
		{"RIZIV LIKIV", "RIZIV, LIKIV en RSZ", []string{"RIZIV", "LIKIV", "RSZ"}},
		{"ONSS LSS", "ONSS / LSS", []string{"ONSS", "LSS"}},
		{"bilingual acronyms", "RVA/ONEM", []string{"RVA", "ONEM"}},
		{"full name", "de Rijksdienst voor Arbeidsvoorziening betaalt", []string{"Rijksdienst voor Arbeidsvoorziening"}},
		{"Federale Pensioendienst", "Federale Pensioendienst – Zuidertoren", []string{"Federale Pensioendienst"}},
		{"Service fédéral des Pensions", "le Service fédéral des Pensions", []string{"Service fédéral des Pensions"}},
		{"FOD Financiën", "FOD Financiën, Algemene Administratie", []string{"FOD Financiën"}},
		{"long FOD name", "de FOD Werkgelegenheid, Arbeid en Sociaal Overleg", []string{"FOD Werkgelegenheid, Arbeid en Sociaal Overleg"}},
		{"SPF Finances", "Le SPF Finances vous informe", []string{"SPF Finances"}},
		{"SPF Justice", "SPF Justice", []string{"SPF Justice"}},
		{"FÖD Finanzen", "Der FÖD Finanzen teilt mit", []string{"FÖD Finanzen"}},
		{"Federale Overheidsdienst", "Federale Overheidsdienst Sociale Zekerheid", []string{"Federale Overheidsdienst Sociale Zekerheid"}},
		{"POD MI", "POD Maatschappelijke Integratie", []string{"POD Maatschappelijke Integratie"}},

		// Regions and communities.
		{"VDAB Forem Actiris ADG", "VDAB, Forem, Actiris of ADG", []string{"VDAB", "Forem", "Actiris", "ADG"}},
		{"Le Forem", "inscrit au Forem", []string{"Forem"}},
		{"Kind en Gezin", "Kind en Gezin en Opgroeien", []string{"Kind en Gezin", "Opgroeien"}},
		{"ONE", "consultation de l'ONE", []string{"ONE"}},
		{"Vlaamse Belastingdienst", "aanslag van de Vlaamse Belastingdienst", []string{"Vlaamse Belastingdienst"}},
		{"CAW with region", "CAW Oost-Vlaanderen", []string{"CAW Oost-Vlaanderen"}},
		{"Fedasil FAMIFED", "Fedasil en FAMIFED", []string{"Fedasil", "FAMIFED"}},

		// Mutualities, unions, banks, insurers.
		{"mutualities NL", "Christelijke Mutualiteit (CM), Helan of Solidaris", []string{"Christelijke Mutualiteit", "CM", "Helan", "Solidaris"}},
		{"mutualities FR", "Mutualité chrétienne (MC), Partenamut", []string{"Mutualité chrétienne", "MC", "Partenamut"}},
		{"HZIV CAAMI HKIV", "HZIV – CAAMI – HKIV", []string{"HZIV", "CAAMI", "HKIV"}},
		{"Hulpkas", "Hulpkas voor Ziekte- en Invaliditeitsverzekering", []string{"Hulpkas voor Ziekte- en Invaliditeitsverzekering"}},
		{"unions", "ABVV, ACV, ACLVB; FGTB, CSC, CGSLB", []string{"ABVV", "ACV", "ACLVB", "FGTB", "CSC", "CGSLB"}},
		{"union pair", "ABVV/FGTB", []string{"ABVV", "FGTB"}},
		{"banks", "KBC, Belfius, ING, Argenta en BNP Paribas Fortis", []string{"KBC", "Belfius", "ING", "Argenta", "BNP Paribas Fortis"}},
		{"bpost", "via bpost verstuurd", []string{"bpost"}},
		{"German name", "Christliche Krankenkasse", []string{"Christliche Krankenkasse"}},

		// Courts with their seat, in running text and headings.
		{"court in lower case", "bij de arbeidsrechtbank Gent ingediend", []string{"arbeidsrechtbank Gent"}},
		{"court in capitals", "ARBEIDSRECHTBANK GENT\nAfdeling", []string{"ARBEIDSRECHTBANK GENT"}},
		{"court with its language", "de Nederlandstalige arbeidsrechtbank Brussel", []string{"Nederlandstalige arbeidsrechtbank Brussel"}},
		{"French court", "le Tribunal du travail francophone de Bruxelles a jugé", []string{"Tribunal du travail francophone de Bruxelles"}},
		{"French court, elided", "au tribunal de première instance d'Arlon", []string{"tribunal de première instance d'Arlon"}},
		{"German court", "beim Arbeitsgericht Eupen", []string{"Arbeitsgericht Eupen"}},
		{"court without its seat", "de arbeidsrechtbank oordeelde", nil},
		{"court in a compound", "de arbeidsrechtbankzaak Gent", nil},

		// Capitalisation: acronyms as printed, names also in capitals and
		// with later words capitalised or not.
		{"capitals", "CHRISTELIJKE MUTUALITEIT", []string{"CHRISTELIJKE MUTUALITEIT"}},
		{"title case", "SPF Sécurité Sociale", []string{"SPF Sécurité Sociale"}},
		{"sentence case", "Christelijke mutualiteit", []string{"Christelijke mutualiteit"}},
		{"FOREM in capitals", "LE FOREM", []string{"FOREM"}},
		{"acronym in lower case", "forem, kbc, riziv", nil},
		{"Ing. is a title", "Ing. Peeters", nil},
		{"LfA in capitals is not LfA", "LFA", nil},
		{"name in lower case", "solidaris en helan", nil},

		// Legal forms and the longest name.
		{"SA", "AG Insurance SA", []string{"AG Insurance SA"}},
		{"vzw", "Securex vzw, Brussel", []string{"Securex vzw"}},
		{"NV after a longer name", "KBC Bank NV", []string{"KBC Bank NV"}},
		{"SA/NV", "AXA Belgium SA/NV", []string{"AXA Belgium SA/NV"}},
		{"dotted", "Ethias S.A. en Partena a.s.b.l.", []string{"Ethias S.A.", "Partena a.s.b.l."}},
		{"VoG and GmbH", "Liantis VoG, Securex GmbH", []string{"Liantis VoG", "Securex GmbH"}},
		{"sentence end after a legal form", "betaald door Belfius Bank NV.", []string{"Belfius Bank NV"}},
		{"no legal form glued on", "Ethias SAX", []string{"Ethias"}},
		{"a CV is no legal form", "uw VDAB CV", []string{"VDAB"}},
		{"longest name", "BNP Paribas Fortis en BNP Paribas", []string{"BNP Paribas Fortis", "BNP Paribas"}},

		// Municipalities, welfare centres and police zones.
		{"Stad", "Stad Gent", []string{"Stad Gent"}},
		{"Gemeente", "Gemeente Zoersel, Handelslei 167", []string{"Gemeente Zoersel"}},
		{"OCMW", "OCMW Mechelen – Sociale Dienst", []string{"OCMW Mechelen"}},
		{"OCMW and its department", "OCMW Gent Sociale Dienst", []string{"OCMW Gent"}},
		{"Politiezone", "Politiezone Rupel", []string{"Politiezone Rupel"}},
		{"Ville de", "Ville de Liège", []string{"Ville de Liège"}},
		{"Commune d'", "Commune d'Aywaille", []string{"Commune d'Aywaille"}},
		{"Commune d’ typographic", "Commune d’Aywaille", []string{"Commune d’Aywaille"}},
		{"CPAS de", "le CPAS de Namur", []string{"CPAS de Namur"}},
		{"Zone de police", "Zone de police Vesdre", []string{"Zone de police Vesdre"}},
		{"Stadt Gemeinde ÖSHZ", "Stadt Eupen, Gemeinde Raeren, ÖSHZ Eupen", []string{"Stadt Eupen", "Gemeinde Raeren", "ÖSHZ Eupen"}},
		{"Polizeizone", "Polizeizone Weser-Göhl", []string{"Polizeizone Weser-Göhl"}},
		{"hyphenated", "Stad Sint-Niklaas", []string{"Stad Sint-Niklaas"}},
		{"hyphen and apostrophe", "Commune de Braine-l'Alleud", []string{"Commune de Braine-l'Alleud"}},
		{"article", "Gemeente De Panne en Ville de La Louvière", []string{"Gemeente De Panne", "Ville de La Louvière"}},
		{"zone of three words", "Politiezone Regio Turnhout", []string{"Politiezone Regio Turnhout"}},
		{"zone of two words", "Zone de police Haute Meuse", []string{"Zone de police Haute Meuse"}},
		{"zone then department", "Politiezone Gent Wijkpost Centrum", []string{"Politiezone Gent"}},
		{"zone then street and number", "Politiezone Rupel Kerkstraat 12", []string{"Politiezone Rupel"}},
		{"Gemeindeverwaltung", "Gemeindeverwaltung Eupen, Rathausplatz 14", []string{"Gemeindeverwaltung Eupen"}},

		// Generic references, registers, departments.
		{"het OCMW", "Het OCMW heeft beslist; het OCMW betaalt.", nil},
		{"OCMW and a department", "OCMW Sociale Dienst", nil},
		{"le CPAS", "le CPAS vous informe", nil},
		{"de stad", "de stad Gent en de gemeente Zoersel", nil},
		{"la ville", "la ville de Liège et la commune d'Aywaille", nil},
		{"prefix alone", "Stad, Gemeente: Zoersel", nil},
		{"FOD alone", "de FOD en le SPF", nil},
		{"registers", "Rijksregister en Kruispuntbank van Ondernemingen", nil},
		{"department", "Dienst Burgerzaken", nil},
		{"prefix on the line above", "Stad\nGent", nil},

		// Compounds, e-mail addresses, URLs.
		{"compound after", "uw RSZ-nummer en uw KBC-rekening", nil},
		{"compound before", "ex-KBC en CM-lid", nil},
		{"glued letters and digits", "KBCS KBC2 2KBC", nil},
		{"e-mail address", "info@kbc.be, INFO@KBC.BE, RIZIV@example.be", nil},
		{"URL", "www.riziv.be, WWW.RIZIV.BE, https://www.inami.fgov.be/INAMI/", nil},
		{"domain", "Actiris.brussels", nil},
		{"after a URL's slash", "http://example.be/KBC", nil},
		{"sentence end", "Betaald door KBC. Daarna VDAB.", []string{"KBC", "VDAB"}},
	}
	r := newOrganization()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertTexts(t, textsOf(t, r, tt.text, entity.Organization), tt.want)
		})
	}
}

func TestOrganizationEntity(t *testing.T) {
	for _, tt := range []struct {
		text, note string
	}{
		{"RIZIV", "known Belgian institution"},
		{"Stad Gent", "municipality"},
		{"arbeidsrechtbank Gent", "court"},
	} {
		e := findOne(t, newOrganization(), tt.text)
		if e.Type != entity.Organization || e.Recognizer != "organization" || !e.Exact || e.Validated || e.Score != orgScore {
			t.Errorf("%q: %+v; want an exact, unvalidated ORGANIZATION of organization scored %v", tt.text, e, orgScore)
		}
		if e.Explanation.Pattern != "organization" || e.Explanation.BaseScore != orgScore ||
			len(e.Explanation.Notes) != 1 || !strings.Contains(e.Explanation.Notes[0], tt.note) {
			t.Errorf("%q: explanation %+v, want a note with %q", tt.text, e.Explanation, tt.note)
		}
	}
}

// TestOrganizationLongToken checks that a long token with many slashes,
// where every name makes orgLeadOK look back for a URL, costs linear time.
func TestOrganizationLongToken(t *testing.T) {
	text := strings.Repeat("AXA/", 50000)
	if got := len(find(t, newOrganization(), text)); got != 50000 {
		t.Errorf("found %d names, want 50000", got)
	}
}

// TestOrganizationNames checks the curated list: every form of every name
// is found whole on its own, and nothing generic slipped in.
func TestOrganizationNames(t *testing.T) {
	if n := len(knownOrganizations); n > 500 {
		t.Errorf("%d names: the list is meant to hold a few hundred", n)
	}
	seen := map[string]bool{}
	for _, n := range knownOrganizations {
		if seen[n] {
			t.Errorf("%q listed twice", n)
		}
		seen[n] = true
		if n != strings.TrimSpace(n) || strings.Contains(n, "  ") {
			t.Errorf("%q: stray spaces", n)
		}
	}
	for _, generic := range []string{
		"OCMW", "CPAS", "ÖSHZ", "FOD", "SPF", "FÖD", "POD", "SPP", "Rijksregister",
		"Registre national", "Kruispuntbank van Ondernemingen", "Banque-Carrefour des Entreprises",
		"Dienst Burgerzaken", "Stad", "Gemeente", "Commune",
	} {
		if slices.Contains(knownOrganizations, generic) {
			t.Errorf("%q is listed, but is no organisation's name", generic)
		}
	}
	r := newOrganization()
	for _, n := range orgNames() {
		if got := textsOf(t, r, n, entity.Organization); !slices.Equal(got, []string{n}) {
			t.Errorf("%q alone: found %q", n, got)
		}
	}
}

// TestOrganizationKinds checks that no known name begins with a municipal
// prefix, which would make the two kinds of match ambiguous.
func TestOrganizationKinds(t *testing.T) {
	for _, n := range orgNames() {
		for _, p := range slices.Concat(orgMunicipalPrefixes, orgZonePrefixes) {
			if strings.HasPrefix(n, p+" ") || strings.HasSuffix(p, "'") && strings.HasPrefix(n, p) {
				t.Errorf("name %q begins with the prefix %q", n, p)
			}
		}
	}
}

func TestOrgVariants(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"Solidaris", []string{"Solidaris", "SOLIDARIS"}},
		{"RIZIV", []string{"RIZIV"}},
		{"LfA", []string{"LfA"}},
		{"bpost", []string{"bpost"}},
		{"SPF Sécurité sociale", []string{"SPF Sécurité sociale", "SPF SÉCURITÉ SOCIALE", "SPF Sécurité Sociale", "SPF sécurité sociale"}},
		{"Kind en Gezin", []string{"Kind en Gezin", "KIND EN GEZIN", "Kind en Gezin", "Kind en gezin"}},
		{"Rijksdienst voor Arbeidsvoorziening", []string{
			"Rijksdienst voor Arbeidsvoorziening", "RIJKSDIENST VOOR ARBEIDSVOORZIENING",
			"Rijksdienst voor Arbeidsvoorziening", "Rijksdienst voor arbeidsvoorziening",
		}},
	}
	for _, tt := range tests {
		if got := orgVariants(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("orgVariants(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func FuzzOrganization(f *testing.F) {
	fuzzRecognizer(f, newOrganization(),
		"Stad Gent en OCMW Mechelen", "l'ONEM, l’INAMI", "AG Insurance SA/NV", "RSZ-nummer",
		"info@kbc.be www.riziv.be", "Politiezone Regio Turnhout Kerkstraat 1", "Commune d’Aywaille",
		"CHRISTELIJKE MUTUALITEIT\tKBC  Bank\u00a0NV", "ÖSHZ Eupen", "SPF Sécurité Sociale")
}
