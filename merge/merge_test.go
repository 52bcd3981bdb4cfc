package merge

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/belner/belner/entity"
)

// ent returns a candidate; pattern types are exact, model types are not.
func ent(t entity.Type, start, end int, score float64, validated bool) entity.Entity {
	model := t == entity.Person || t == entity.Address || t == entity.Organization || t == entity.Location
	return entity.Entity{Type: t, Start: start, End: end, Score: score, Validated: validated, Exact: !model, Recognizer: string(t)}
}

var filler = []rune(strings.Repeat("x", 200))

func TestResolve(t *testing.T) {
	tests := []struct {
		name  string
		cands []entity.Entity
		want  []entity.Entity
	}{
		{
			name:  "disjoint candidates are all kept, sorted by start",
			cands: []entity.Entity{ent(entity.Phone, 30, 40, 0.7, false), ent(entity.INSZ, 0, 15, 0.9, true)},
			want:  []entity.Entity{ent(entity.INSZ, 0, 15, 0.9, true), ent(entity.Phone, 30, 40, 0.7, false)},
		},
		{
			name:  "validated beats a longer unvalidated span",
			cands: []entity.Entity{ent(entity.Phone, 0, 20, 0.95, false), ent(entity.KBO, 3, 15, 0.85, true)},
			want:  []entity.Entity{ent(entity.KBO, 3, 15, 0.85, true)},
		},
		{
			name:  "a date inside a national number loses",
			cands: []entity.Entity{ent(entity.Date, 0, 8, 0.9, false), ent(entity.INSZ, 0, 15, 0.85, true)},
			want:  []entity.Entity{ent(entity.INSZ, 0, 15, 0.85, true)},
		},
		{
			name:  "longer beats shorter when neither is validated",
			cands: []entity.Entity{ent(entity.Date, 12, 17, 0.9, false), ent(entity.LicensePlate, 10, 25, 0.6, false)},
			want:  []entity.Entity{ent(entity.LicensePlate, 10, 25, 0.6, false)},
		},
		{
			name:  "a URL keeps the national number inside it",
			cands: []entity.Entity{ent(entity.INSZ, 20, 31, 0.85, true), ent(entity.URL, 0, 40, 0.85, true)},
			want:  []entity.Entity{ent(entity.URL, 0, 40, 0.85, true)},
		},
		{
			name:  "higher score wins between equal lengths",
			cands: []entity.Entity{ent(entity.Phone, 0, 10, 0.6, false), ent(entity.LicensePlate, 2, 12, 0.8, false)},
			want:  []entity.Entity{ent(entity.LicensePlate, 2, 12, 0.8, false)},
		},
		{
			name:  "identical duplicates collapse",
			cands: []entity.Entity{ent(entity.Person, 5, 9, 0.9, false), ent(entity.Person, 5, 9, 0.9, false)},
			want:  []entity.Entity{ent(entity.Person, 5, 9, 0.9, false)},
		},
		{
			name:  "longer model span beats a shorter one",
			cands: []entity.Entity{ent(entity.Person, 5, 9, 0.9, false), ent(entity.Organization, 0, 20, 0.6, false)},
			want:  []entity.Entity{ent(entity.Organization, 0, 20, 0.6, false)},
		},
		{
			name: "a loser of one overlap does not block a third span",
			cands: []entity.Entity{
				ent(entity.LicensePlate, 0, 10, 0.5, false),
				ent(entity.Date, 8, 14, 0.9, false),
				ent(entity.Phone, 12, 20, 0.8, false),
			},
			want: []entity.Entity{ent(entity.LicensePlate, 0, 10, 0.5, false), ent(entity.Phone, 12, 20, 0.8, false)},
		},
		{
			name:  "touching spans do not overlap",
			cands: []entity.Entity{ent(entity.Person, 0, 5, 0.9, false), ent(entity.Person, 5, 9, 0.9, false)},
			want:  []entity.Entity{ent(entity.Person, 0, 5, 0.9, false), ent(entity.Person, 5, 9, 0.9, false)},
		},
		{name: "no candidates", cands: nil, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Resolve(filler, tt.cands)
			if !slices.EqualFunc(got, tt.want, same) {
				t.Errorf("Resolve =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

// TestResolveModelSpans checks how model spans give way to exact ones, on
// real text.
func TestResolveModelSpans(t *testing.T) {
	text := "Martelaarslaan 17\n9000 Gent\n09 267 57 00\nBIC GKCCBEBB\nBetaal 12 maart 2024 aan Jan Peeters.\nvestigingseenheid 2.123.456.197"
	span := func(s string) (int, int) {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		start := len([]rune(text[:i]))
		return start, start + len([]rune(s))
	}
	at := func(typ entity.Type, s string, score float64, validated bool) entity.Entity {
		start, end := span(s)
		return ent(typ, start, end, score, validated)
	}
	tests := []struct {
		name  string
		cands []entity.Entity
		want  []string // type:text of the kept entities, in order
	}{
		{
			name: "an address that runs into a phone number is cut back",
			cands: []entity.Entity{
				at(entity.Address, "Martelaarslaan 17\n9000 Gent\n09 267", 0.7, false),
				at(entity.Phone, "09 267 57 00", 0.95, false),
			},
			want: []string{"ADDRESS:Martelaarslaan 17\n9000 Gent", "PHONE:09 267 57 00"},
		},
		{
			name: "a model span that is mostly a pattern entity disappears",
			cands: []entity.Entity{
				at(entity.Organization, "BIC GKCCBEBB", 0.6, false),
				at(entity.BIC, "GKCCBEBB", 0.9, false),
			},
			want: []string{"BIC:GKCCBEBB"},
		},
		{
			name: "a model span over a date loses it and keeps the rest",
			cands: []entity.Entity{
				at(entity.Person, "12 maart 2024 aan Jan Peeters", 0.55, false),
				at(entity.Date, "12 maart 2024", 0.9, false),
			},
			want: []string{"DATE:12 maart 2024", "PERSON:aan Jan Peeters"},
		},
		{
			name: "what is left without a capital or digit disappears",
			cands: []entity.Entity{
				at(entity.Address, "vestigingseenheid 2.123", 0.6, false),
				at(entity.KBOUnit, "2.123.456.197", 0.9, true),
			},
			want: []string{"KBO_UNIT:2.123.456.197"},
		},
		{
			name:  "a model span over nothing exact is kept whole",
			cands: []entity.Entity{at(entity.Address, "Martelaarslaan 17\n9000 Gent", 0.7, false)},
			want:  []string{"ADDRESS:Martelaarslaan 17\n9000 Gent"},
		},
	}
	runes := []rune(text)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range Resolve(runes, tt.cands) {
				got = append(got, string(e.Type)+":"+string(runes[e.Start:e.End]))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Resolve = %q, want %q", got, tt.want)
			}
		})
	}
}

func same(a, b entity.Entity) bool {
	return a.Type == b.Type && a.Start == b.Start && a.End == b.End && a.Score == b.Score && a.Validated == b.Validated
}

// TestResolveIsOrderIndependent checks the property the policy promises:
// whatever order recognisers report candidates in, the result is the same,
// sorted and free of overlaps, and no exact candidate is displaced by a
// model span.
func TestResolveIsOrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	types := entity.Types()
	text := []rune(strings.Repeat("ab cd, ", 30))
	for round := range 300 {
		var cands []entity.Entity
		for range 1 + rng.IntN(30) {
			start := rng.IntN(100)
			cands = append(cands, ent(types[rng.IntN(len(types))], start, start+1+rng.IntN(15),
				float64(rng.IntN(5))/4, rng.IntN(3) == 0))
		}
		want := Resolve(text, cands)
		for i := 1; i < len(want); i++ {
			if want[i-1].End > want[i].Start {
				t.Fatalf("round %d: kept overlapping %v and %v", round, want[i-1], want[i])
			}
		}
		for _, e := range want {
			if len(e.Explanation.Notes) > 0 && (e.Start >= e.End || isEdge(text[e.Start]) || isEdge(text[e.End-1])) {
				t.Fatalf("round %d: cut-back span %v empty or edged with space or punctuation", round, e)
			}
		}
		rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		if got := Resolve(text, cands); !slices.EqualFunc(got, want, same) {
			t.Fatalf("round %d: result depends on candidate order:\n%v\n%v", round, got, want)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	text := []rune(strings.Repeat("x", 1_000_100))
	cands := make([]entity.Entity, 10000)
	for i := range cands {
		start := rng.IntN(1_000_000)
		typ := entity.Date
		if i%3 == 0 {
			typ = entity.Person
		}
		cands[i] = ent(typ, start, start+10+rng.IntN(20), rng.Float64(), rng.IntN(2) == 0)
	}
	for b.Loop() {
		Resolve(text, cands)
	}
}
