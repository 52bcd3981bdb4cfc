package recognizers

import (
	"testing"

	"github.com/belner/belner/entity"
)

func TestLicensePlate(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity texts, in order
	}{
		{"current", "nummerplaat 1-ABC-123.", []string{"1-ABC-123"}},
		{"special series", "(2-XYZ-789)", []string{"2-XYZ-789"}},
		{"spaces", "1 ABC 123", []string{"1 ABC 123"}},
		{"no separators", "1ABC123", []string{"1ABC123"}},
		{"old letters first", "ABC-123", []string{"ABC-123"}},
		{"old digits first", "123-ABC", []string{"123-ABC"}},
		{"old with space", "ABC 123", []string{"ABC 123"}},
		{"two plates", "1-ABC-123 en 2-DEF-456", []string{"1-ABC-123", "2-DEF-456"}},
		{"line end", "plaque:\n1-ABC-123\n", []string{"1-ABC-123"}},

		{"lower case", "1-abc-123", nil},
		{"first digit zero", "0-ABC-123", nil},
		{"four letters", "1-ABCD-123", nil},
		{"four digits", "1-ABC-1234", nil},
		{"inside a longer code", "X1-ABC-123", nil},
		{"more after a dash", "1-ABC-123-4", nil},
		{"inside a word", "ABC-123a", nil},
		{"line break", "1-ABC\n123", nil},
		{"IBAN", "NL91 ABNA 0417 1643 00", nil},
		{"date", "12.03.2024", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textsOf(t, newLicensePlate(), tt.text, entity.LicensePlate)
			assertTexts(t, got, tt.want)
		})
	}
}

func TestLicensePlateScores(t *testing.T) {
	tests := []struct {
		text  string
		score float64
	}{
		{"1-ABC-123", 0.75},
		{"1 ABC 123", 0.6},
		{"ABC-123", 0.4},
		{"123-ABC", 0.4},
		{"1ABC123", 0.3},
		{"1-ABC 123", 0.3},
		{"Nummerplaat: ABC-123", 0.9},
		{"Kennzeichen 1ABC123", 0.9},
		{"immatriculation 1-ABC-123", 0.9},
		{"Het voertuig met 123-ABC", 0.9},
	}
	for _, tt := range tests {
		e := findOne(t, newLicensePlate(), tt.text)
		if e.Score != tt.score {
			t.Errorf("%q: score %v, want %v", tt.text, e.Score, tt.score)
		}
	}
}

func FuzzLicensePlate(f *testing.F) {
	fuzzRecognizer(f, newLicensePlate(),
		"1-ABC-123", "ABC-123", "123-ABC", "1ABC123", "1 ABC 123", "1-ABC-123-ABC-123")
}
