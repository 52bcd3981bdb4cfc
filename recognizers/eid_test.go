package recognizers

import (
	"math/rand/v2"
	"testing"

	"github.com/belner/belner/entity"
)

func TestEIDCard(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"hyphens", "Kaartnummer: 591-1917064-58", []string{"591-1917064-58"}},
		{"spaces", "N° de carte 591 1917064 58", []string{"591 1917064 58"}},
		{"compact", "eID 591191706458", []string{"591191706458"}},
		{"dots", "591.1917064.58", []string{"591.1917064.58"}},
		{"remainder zero is written 97", "000-0000097-97", []string{"000-0000097-97"}},
		{"bad checksum", "591-1917064-59", nil},
		{"mixed separators", "591-1917064 58", nil},
		{"inside a longer number", "1591-1917064-58", nil},
		{"followed by a digit", "591-1917064-581", nil},
		{"continues with hyphen digit", "591-1917064-58-3", nil},
		{"inside a word", "A591191706458", nil},
		{"an OGM is not a card", "+++123/4567/89002+++", nil},
		{"broken across lines", "591-1917064-\n58", nil},
		{"label on the line above", "Identiteitskaart\n591-1917064-58", []string{"591-1917064-58"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newEIDCard()
			assertTexts(t, textsOf(t, r, tt.text, entity.EIDCard), tt.want)
			assertWorthTrying(t, r, tt.text, len(tt.want) > 0)
		})
	}
}

func TestEIDCardScores(t *testing.T) {
	tests := []struct {
		text  string
		score float64
		word  string
	}{
		{"591-1917064-58", eidScoreGrouped, ""},
		{"591191706458", eidScoreCompact, ""},
		{"Identiteitskaart nr. 591191706458", 1, "identiteitskaart"},
		{"Numéro de carte d'identité : 591-1917064-58", 1, "identité"},
		{"Personalausweis 591 1917064 58", 1, "ausweis"},
		{"eID: 591191706458", 1, "eid"},
	}
	for _, tt := range tests {
		e := findOne(t, newEIDCard(), tt.text)
		if e.Score != tt.score || e.Explanation.ContextWord != tt.word {
			t.Errorf("%q: score %v, context word %q; want %v, %q", tt.text, e.Score, e.Explanation.ContextWord, tt.score, tt.word)
		}
	}
}

// TestEIDCardChance checks that random 3-7-2 numbers pass at the rate of
// the checksum, 1 in 100 (97 of the 100 check values can occur).
func TestEIDCardChance(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	r := newEIDCard()
	n := 0
	for range 10000 {
		ds := randomIDDigits(rng, 12)
		n += len(find(t, r, ds[:3]+"-"+ds[3:10]+"-"+ds[10:]))
	}
	t.Logf("%d of 10000 accepted", n)
	if n < 60 || n > 145 {
		t.Errorf("%d of 10000 random numbers accepted, want about 100", n)
	}
}

func BenchmarkEIDCard(b *testing.B) { benchmarkIDRecognizer(b, newEIDCard()) }

func FuzzEIDCard(f *testing.F) {
	fuzzRecognizer(f, newEIDCard(), "591-1917064-58", "591 1917064 58", "591191706458\n",
		"000-0000097-97", "+++123/4567/89002+++")
}
