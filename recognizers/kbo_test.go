package recognizers

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/belner/belner/entity"
)

func TestKBO(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"dotted", "Ondernemingsnummer: 0123.456.749", []string{"0123.456.749"}},
		{"first digit 1", "KBO 1000.378.618", []string{"1000.378.618"}},
		{"compact", "0428759497", []string{"0428759497"}},
		{"spaced", "0428 759 497", []string{"0428 759 497"}},
		{"VAT compact", "BTW BE0428759497", []string{"BE0428759497"}},
		{"VAT spaced", "TVA : BE 0428.759.497", []string{"BE 0428.759.497"}},
		{"VAT hyphen", "BTW-nr. BE-0428.759.497", []string{"BE-0428.759.497"}},
		{"VAT dropped zero", "TVA BE (0)468.561.072", []string{"BE (0)468.561.072"}},
		{"VAT dropped zero no space", "BE(0)468.561.072", []string{"BE(0)468.561.072"}},
		{"old VAT", "BTW BE 444.503.092", []string{"BE 444.503.092"}},
		{"old VAT compact", "BE444503092", []string{"BE444503092"}},
		{"old form bare", "RPR 444.503.092", []string{"444.503.092"}},
		{"non-breaking spaces", "BE\u00a00428\u00a0759\u00a0497", []string{"BE\u00a00428\u00a0759\u00a0497"}},
		{"ends a sentence", "onder nummer 0428.759.497.", []string{"0428.759.497"}},
		{"bad checksum", "BE 0428.759.498", nil},
		{"first digit 9", "9000.000.097", nil},
		{"mixed separators", "0428.759 497", nil},
		{"VAT of a unit number", "BE 2297.964.444", nil},
		{"lower-case prefix", "be0428759497", nil},
		{"nine bare digits", "444503092", nil},
		{"phone 4/2/2/2", "0478 53 20 19", nil},
		{"phone with slash", "0478/53.20.19", nil},
		{"inside a longer number", "10428759497", nil},
		{"followed by a digit", "04287594970", nil},
		{"inside an IBAN", "BE71 0428 7594 9700", nil},
		{"inside a compact IBAN", "BE710428759497", nil},
		{"continues with dot digit", "0428.759.497.1", nil},
		{"dotted amount", "1.0428.759.497", nil},
		{"inside a word", "ref0428759497", nil},
		{"broken across lines", "0428.759\n.497", nil},
		{"label on the line above", "Numéro d'entreprise :\n0428.759.497\n", []string{"0428.759.497"}},
		{"two in a line", "BE 0658.590.705 / 0428.759.497", []string{"BE 0658.590.705", "0428.759.497"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newKBO()
			assertTexts(t, textsOf(t, r, tt.text, entity.KBO), tt.want)
			assertWorthTrying(t, r, tt.text, len(tt.want) > 0)
		})
	}
}

func TestKBOUnit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"dotted", "Vestigingseenheid 2.297.964.444", []string{"2.297.964.444"}},
		{"compact", "unité d'établissement n° 2297964444", []string{"2297964444"}},
		{"spaced", "2 297 964 444", []string{"2 297 964 444"}},
		{"bad checksum", "2.297.964.445", nil},
		{"inside a longer number", "12.297.964.444", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newKBO()
			assertTexts(t, textsOf(t, r, tt.text, entity.KBOUnit), tt.want)
			assertWorthTrying(t, r, tt.text, len(tt.want) > 0)
		})
	}
}

func TestKBOScores(t *testing.T) {
	tests := []struct {
		text  string
		score float64
		word  string
	}{
		{"BE 0428.759.497", kboScoreVAT, ""},
		{"BE (0)468.561.072", kboScoreVAT, ""},
		{"BE 444.503.092", kboScoreVAT, ""},
		{"0428.759.497", kboScoreDotted, ""},
		{"0428759497", kboScorePlain, ""},
		{"0428 759 497", kboScorePlain, ""},
		{"444.503.092", kboScoreOldBare, ""},
		{"2.297.964.444", kboScoreDotted, ""},
		{"2297964444", kboScoreUnit, ""},
		{"Ondernemingsnummer 0428759497", 1, "onderneming"},
		{"BTW: 0428 759 497", 1, "btw"},
		{"N° d'entreprise : 444.503.092", 1, "entreprise"},
		{"BCE 0428759497", 1, "bce"},
		{"Unternehmensnummer 0428.759.497", 1, "unternehmen"},
		{"MwSt.-Nr. BE0428759497", 1, "mwst"},
		{"vestigingseenheidsnummer 2297964444", 1, "vestigingseenheid"},
	}
	for _, tt := range tests {
		e := findOne(t, newKBO(), tt.text)
		if e.Score != tt.score || e.Explanation.ContextWord != tt.word {
			t.Errorf("%q: score %v, context word %q; want %v, %q", tt.text, e.Score, e.Explanation.ContextWord, tt.score, tt.word)
		}
		if e.Score < kboScoreDotted && len(e.Explanation.Notes) == 0 && tt.word == "" {
			t.Errorf("%q: lowered score without a note", tt.text)
		}
	}
}

// TestKBOChance checks that random numbers of the enterprise and unit
// shapes pass at the rate of the checksum, 1 in 100, and that phone
// numbers grouped 4/2/2/2 never do.
func TestKBOChance(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	r := newKBO()
	count := func(format func() string) int {
		n := 0
		for range 10000 {
			n += len(find(t, r, format()))
		}
		return n
	}
	shapes := map[string]func() string{
		"enterprise": func() string {
			ds := fmt.Sprint(rng.IntN(2)) + randomIDDigits(rng, 9)
			return ds[:4] + "." + ds[4:7] + "." + ds[7:]
		},
		"unit": func() string { return fmt.Sprint(2+rng.IntN(7)) + randomIDDigits(rng, 9) },
	}
	for name, format := range shapes {
		n := count(format)
		t.Logf("%s: %d of 10000 accepted", name, n)
		if n < 60 || n > 145 {
			t.Errorf("%s: %d of 10000 random numbers accepted, want about 100", name, n)
		}
	}
	phone := func() string {
		ds := "04" + randomIDDigits(rng, 8)
		return ds[:4] + " " + ds[4:6] + " " + ds[6:8] + " " + ds[8:]
	}
	if n := count(phone); n != 0 {
		t.Errorf("%d of 10000 phone numbers accepted, want 0", n)
	}
}

func BenchmarkKBO(b *testing.B) { benchmarkIDRecognizer(b, newKBO()) }

func FuzzKBO(f *testing.F) {
	fuzzRecognizer(f, newKBO(), "BE (0)468.561.072", "BE 0428.759.497", "2.297.964.444",
		"444.503.092", "0428 759 497\n", "BE\u00a00428759497", "BE-(0)1.2")
}
