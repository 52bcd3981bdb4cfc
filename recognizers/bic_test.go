package recognizers

import (
	"context"
	"testing"

	"github.com/belner/belner/entity"
)

// findBankDetails runs the IBAN and the BIC recognisers over text in the
// order a Set does and returns the texts of the BICs found.
func findBankDetails(t *testing.T, text string) []string {
	t.Helper()
	rs := []rune(text)
	iban, bic := newIBAN(), newBIC()
	iban.re.MatchTimeout = DefaultMatchTimeout
	bic.re.MatchTimeout = DefaultMatchTimeout
	ibans, err := iban.findAll(context.Background(), rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	bics, err := bic.findAll(context.Background(), rs, ibans)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range bics {
		if e.Type != entity.BIC {
			t.Errorf("%q: type %s, want %s", string(rs[e.Start:e.End]), e.Type, entity.BIC)
		}
		got = append(got, string(rs[e.Start:e.End]))
	}
	return got
}

func TestBIC(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity texts, in order
	}{
		// After a label.
		{"BIC label", "BIC: GKCCBEBB", []string{"GKCCBEBB"}},
		{"SWIFT label", "SWIFT GEBABEBB", []string{"GEBABEBB"}},
		{"BIC-code", "BIC-code: KREDBEBB", []string{"KREDBEBB"}},
		{"code BIC", "code BIC : BBRUBEBB", []string{"BBRUBEBB"}},
		{"SWIFT-Code with branch", "SWIFT-Code: DEUTDEFF500", []string{"DEUTDEFF500"}},
		{"BIC/SWIFT", "BIC/SWIFT NICABEBB", []string{"NICABEBB"}},
		{"branch XXX", "BIC GKCCBEBBXXX", []string{"GKCCBEBBXXX"}},
		{"digit in location", "BIC ABNANL2A", []string{"ABNANL2A"}},
		{"label on the line above", "BIC:\nGKCCBEBB", []string{"GKCCBEBB"}},

		// Beside an IBAN, labelled or not.
		{"IBAN then BIC", "IBAN: BE71 0961 2345 6769 – BIC: GKCCBEBB", []string{"GKCCBEBB"}},
		{"BIC in parentheses after IBAN", "BE71 0961 2345 6769 (GKCCBEBB)", []string{"GKCCBEBB"}},
		{"BIC before IBAN", "GKCCBEBB BE71 0961 2345 6769", []string{"GKCCBEBB"}},
		{"NL", "Rekening NL91 ABNA 0417 1643 00, ABNANL2A", []string{"ABNANL2A"}},

		// Beside an IBAN of another country and without a label: a word.
		{"word shaped like a BIC", "BE71 0961 2345 6769 BODEMATTEST", nil},
		{"foreign bank, unlabelled", "BE71 0961 2345 6769 (DEUTDEFF)", nil},
		{"foreign bank, labelled", "BE71 0961 2345 6769, BIC DEUTDEFF", []string{"DEUTDEFF"}},

		// Without a label or an IBAN nearby.
		{"bare code", "Betaald via GKCCBEBB gisteren.", nil},
		{"capitalised city", "BRUSSELS", nil},
		{"city in an address", "Wetstraat 200, 1040 BRUSSELS", nil},
		{"bank and city", "KBC BRUSSELS", nil},
		{"nine letters", "BIC ANTWERPEN", nil},
		{"IBAN failing its check is no evidence", "BE71 0961 2345 6768 GKCCBEBB", nil},
		{"IBAN too far", "BE71 0961 2345 6769" + spaces(70) + "GKCCBEBB", nil},

		// Form and country.
		{"lower case", "BIC gkccbebb", nil},
		{"unknown country", "BIC GKCCQQBB", nil},
		{"ten characters", "BIC GKCCBEBBXX", nil},
		{"glued to a word", "BIC xGKCCBEBB", nil},
		{"in a longer token", "BIC GKCCBEBB-2", []string{"GKCCBEBB"}},
		{"label is not a word start", "PUBLIC GKCCBEBB", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findBankDetails(t, tt.text)
			assertTexts(t, got, tt.want)
			if len(got) > 0 && !hasBICShape([]rune(tt.text)) {
				t.Errorf("hasBICShape(%q) = false, but the pattern finds %q", tt.text, got)
			}
		})
	}
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

func TestBICScore(t *testing.T) {
	for _, text := range []string{"BIC: GKCCBEBB", "Code BIC : GKCCBEBB"} {
		e := findOne(t, newBIC(), text)
		if e.Score != 0.9 || e.Validated {
			t.Errorf("%q: score %v, validated %v; want 0.9, false", text, e.Score, e.Validated)
		}
		if e.Explanation.ContextWord != "bic" {
			t.Errorf("%q: context word %q, want %q", text, e.Explanation.ContextWord, "bic")
		}
	}
}

func TestHasBICShape(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"BIC GKCCBEBB", true},
		{"Swift gkccbebb KBC BRUSSEL", false},
		{"Wetstraat 200, 1040 BRUSSELS", true},
		{"BE71 0961 2345 6769 (GKCCBEBB)", true},
		{"SWIFT DEUTDEFF500", true},
		{"bic 12345678 GKCCBEBBX GKCCbEBB", false},
	} {
		if got := hasBICShape([]rune(tt.text)); got != tt.want {
			t.Errorf("hasBICShape(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func FuzzBIC(f *testing.F) {
	fuzzRecognizer(f, newBIC(), "BIC: GKCCBEBB", "SWIFT DEUTDEFF500", "BIC/SWIFT\nNICABEBB", "bic BRUSSELS")
}
