package merge

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/belner/belner/entity"
)

func ent(t entity.Type, start, end int, score float64, validated bool) entity.Entity {
	return entity.Entity{Type: t, Start: start, End: end, Score: score, Validated: validated, Recognizer: string(t)}
}

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
			cands: []entity.Entity{ent(entity.Date, 12, 17, 0.9, false), ent(entity.Address, 0, 30, 0.6, false)},
			want:  []entity.Entity{ent(entity.Address, 0, 30, 0.6, false)},
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
			name: "a loser of one overlap does not block a third span",
			cands: []entity.Entity{
				ent(entity.Address, 0, 10, 0.5, false),
				ent(entity.Date, 8, 14, 0.9, false),
				ent(entity.Phone, 12, 20, 0.8, false),
			},
			want: []entity.Entity{ent(entity.Address, 0, 10, 0.5, false), ent(entity.Phone, 12, 20, 0.8, false)},
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
			got := Resolve(tt.cands)
			if !slices.EqualFunc(got, tt.want, same) {
				t.Errorf("Resolve =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

func same(a, b entity.Entity) bool {
	return a.Type == b.Type && a.Start == b.Start && a.End == b.End && a.Score == b.Score && a.Validated == b.Validated
}

// TestResolveIsOrderIndependent checks the property the policy promises:
// whatever order recognisers report candidates in, the result is the same,
// sorted and free of overlaps.
func TestResolveIsOrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	types := entity.Types()
	for round := range 200 {
		var cands []entity.Entity
		for range 1 + rng.IntN(30) {
			start := rng.IntN(100)
			cands = append(cands, entity.Entity{
				Type:       types[rng.IntN(len(types))],
				Start:      start,
				End:        start + 1 + rng.IntN(15),
				Score:      float64(rng.IntN(5)) / 4,
				Validated:  rng.IntN(3) == 0,
				Recognizer: "r",
			})
		}
		want := Resolve(cands)
		for i := 1; i < len(want); i++ {
			if want[i-1].End > want[i].Start {
				t.Fatalf("round %d: kept overlapping %v and %v", round, want[i-1], want[i])
			}
		}
		rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		if got := Resolve(cands); !slices.EqualFunc(got, want, same) {
			t.Fatalf("round %d: result depends on candidate order:\n%v\n%v", round, got, want)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	cands := make([]entity.Entity, 10000)
	for i := range cands {
		start := rng.IntN(1_000_000)
		cands[i] = ent(entity.Date, start, start+10+rng.IntN(20), rng.Float64(), rng.IntN(2) == 0)
	}
	for b.Loop() {
		Resolve(cands)
	}
}
