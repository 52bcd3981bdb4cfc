package recognizers

import (
	"strings"
	"testing"
)

func TestContextWord(t *testing.T) {
	words := newContextWords("rijksregister", "rrn", "bic", "numéro de carte", "iban", "btw")
	tests := []struct {
		name, before, want string
	}{
		{"inside a compound", "Rijksregisternummer: ", "rijksregister"},
		{"upper case", "RIJKSREGISTERNR ", "rijksregister"},
		{"short word starting a word", "(RRN) ", "rrn"},
		{"short word starting a compound", "btw-nummer ", "btw"},
		{"short word inside a word does not count", "een public ", ""},
		{"accents", "Numéro de carte : ", "numéro de carte"},
		{"nearest wins", "BTW BE 0428.759.497, IBAN ", "iban"},
		{"out of the window", "rrn " + strings.Repeat("x", contextWindow), ""},
		{"nothing", "Geachte heer, ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []rune(tt.before + "85.07.30-033.28")
			if got := contextWord(text, len([]rune(tt.before)), words); got != tt.want {
				t.Errorf("contextWord = %q, want %q", got, tt.want)
			}
		})
	}
}
