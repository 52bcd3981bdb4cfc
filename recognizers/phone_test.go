package recognizers

import (
	"testing"

	"github.com/belner/belner/entity"
)

func TestPhone(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity texts, in order
	}{
		{"international with spaces", "Tel. +32 9 225 61 40", []string{"+32 9 225 61 40"}},
		{"international with (0)", "Tél.: +32 (0)2 646 12 80.", []string{"+32 (0)2 646 12 80"}},
		{"(0) without space", "+32(0)2 646 12 80", []string{"+32(0)2 646 12 80"}},
		{"00 prefix", "Fax 0032 2 555 12 12", []string{"0032 2 555 12 12"}},
		{"slash and dots", "Tel: 087/59.46.10", []string{"087/59.46.10"}},
		{"Brussels slash", "tel/fax 02/555.12.12", []string{"02/555.12.12"}},
		{"mobile spaces", "GSM 0478 53 20 19", []string{"0478 53 20 19"}},
		{"mobile slash", "GSM: 0478/53.20.19", []string{"0478/53.20.19"}},
		{"mobile 4.3.3 with spaces", "gsm 0475 123 456", []string{"0475 123 456"}},
		{"mobile compact", "bel 0478532019 na 17 uur", []string{"0478532019"}},
		{"fixed line", "Telefoon 050 12 34 56", []string{"050 12 34 56"}},
		{"hyphens", "Telefon 02-555-12-12", []string{"02-555-12-12"}},
		{"area code in parentheses", "(02) 555 12 12", []string{"(02) 555 12 12"}},
		{"Netherlands", "+31 20 123 4567", []string{"+31 20 123 4567"}},
		{"France", "+33 1 42 68 53 00", []string{"+33 1 42 68 53 00"}},
		{"Germany", "Telefon: +49 30 1234567", []string{"+49 30 1234567"}},
		{"Luxembourg", "+352 26 12 34 56", []string{"+352 26 12 34 56"}},
		{"German (0)", "+49 (0)30 1234567", []string{"+49 (0)30 1234567"}},
		{"two numbers", "Tel. 09 266 99 11 - Fax 09 266 99 12", []string{"09 266 99 11", "09 266 99 12"}},
		{"two numbers with slash", "02 555 12 12 / 0478 53 20 19", []string{"02 555 12 12", "0478 53 20 19"}},
		{"sentence end", "Bel ons op 02 555 12 12.", []string{"02 555 12 12"}},
		{"in parentheses", "(tel. 02 555 12 12)", []string{"02 555 12 12"}},
		{"at line start", "Telefoon:\n02 555 12 12\n", []string{"02 555 12 12"}},
		{"does not cross a line break", "02 555\n12 12", nil},
		{"non-breaking spaces", "0478\u00a053\u00a020\u00a019", []string{"0478\u00a053\u00a020\u00a019"}},

		{"date", "Gent, 12.03.2024", nil},
		{"date with leading zero", "op 02.03.2024 14:30 uur", nil},
		{"date and time", "01/02/24 10:00", nil},
		{"national number", "INSZ 85.07.30-033.28", nil},
		{"national number born 2005", "05.07.30-033.28", nil},
		{"enterprise number", "KBO 0428.759.497", nil},
		{"enterprise number that reads as a mobile", "0468.561.072", nil},
		{"VAT number with spaces", "BTW BE 0468 561 072", nil},
		{"IBAN", "BE71 0961 2345 6769", nil},
		{"Dutch IBAN", "NL91 ABNA 0417 1643 00", nil},
		{"German IBAN", "DE89 3704 0044 0532 0130 00", nil},
		{"structured reference", "+++012/3456/78901+++", nil},
		{"amount", "€ 0,50 en 1.250,00 EUR", nil},
		{"opening hours", "09.00-12.00 uur", nil},
		{"inside a longer number", "1234 0478 53 20 19 5", nil},
		{"glued to a word", "ref0478532019", nil},
		{"unknown Belgian range", "0428 759 497", nil},
		{"too short", "02 555 12", nil},
		{"too long", "02 555 12 12 12", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textsOf(t, newPhone(), tt.text, entity.Phone)
			assertTexts(t, got, tt.want)
		})
	}
}

func TestPhoneScores(t *testing.T) {
	tests := []struct {
		text    string
		score   float64
		context string
	}{
		{"Bel ons op het nummer 09 225 61 40.", 0.95, "bel"},
		{"Het secretariaat: 09 225 61 40.", 0.75, ""},
		{"Tél. +32 (0)2 646 12 80", 0.95, "tél"},
		{"Telefonnummer: +49 30 1234567", 0.95, "telefon"},
		{"GSM 0478 53 20 19", 0.95, "gsm"},
		{"Fax 0032 2 555 12 12", 0.95, "fax"},
		{"Secrétariat +33 1 42 68 53 00", 0.75, ""},
	}
	for _, tt := range tests {
		e := findOne(t, newPhone(), tt.text)
		if e.Score != tt.score || e.Explanation.ContextWord != tt.context {
			t.Errorf("%q: score %v, context %q; want %v, %q",
				tt.text, e.Score, e.Explanation.ContextWord, tt.score, tt.context)
		}
	}
}

func FuzzPhone(f *testing.F) {
	fuzzRecognizer(f, newPhone(),
		"Tel. +32 9 225 61 40", "+32 (0)2 646 12 80", "0032 2 555 12 12", "087/59.46.10",
		"0478 53 20 19", "0428.759.497", "12.03.2024", "(02) 555 12 12", "+352 26 12 34 56",
		"0 0 0 0 0 0 0 0 0 0 0 0", "+1 202 555 0143 +44 20 7946 0958")
}
