package analyzer

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/belner/belner/entity"
)

// fixed is a recogniser that returns the same candidates for any text.
type fixed struct {
	name  string
	types []entity.Type
	found []entity.Entity
	err   error
}

func (f fixed) Name() string         { return f.name }
func (f fixed) Types() []entity.Type { return f.types }
func (f fixed) Recognize(ctx context.Context, _ []rune) ([]entity.Entity, error) {
	return f.found, f.err
}

func TestAnalyzeMergesAcrossRecognizers(t *testing.T) {
	insz := entity.Entity{Type: entity.INSZ, Start: 10, End: 25, Score: 0.85, Validated: true}
	date := entity.Entity{Type: entity.Date, Start: 10, End: 18, Score: 0.9}
	person := entity.Entity{Type: entity.Person, Start: 0, End: 8, Score: 0.7}
	a := New(
		fixed{name: "patterns", types: []entity.Type{entity.INSZ, entity.Date}, found: []entity.Entity{date, insz}},
		fixed{name: "model", types: []entity.Type{entity.Person}, found: []entity.Entity{person}},
	)
	tests := []struct {
		name string
		opts Options
		want []entity.Entity
	}{
		{"all", Options{}, []entity.Entity{person, insz}},
		{"only dates: the date inside the number stays out", Options{Types: []entity.Type{entity.Date}}, nil},
		{"only persons", Options{Types: []entity.Type{entity.Person}}, []entity.Entity{person}},
		{"threshold", Options{ScoreThreshold: 0.8}, []entity.Entity{insz}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := a.Analyze(context.Background(), make([]rune, 30), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(got)+len(tt.want) > 0 && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Analyze = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAnalyzeReportsRecognizerError(t *testing.T) {
	boom := errors.New("boom")
	a := New(fixed{name: "model", err: boom})
	_, err := a.Analyze(context.Background(), nil, Options{})
	if !errors.Is(err, boom) {
		t.Fatalf("error = %v, want it to wrap %v", err, boom)
	}
}

func TestTypes(t *testing.T) {
	a := New(
		fixed{types: []entity.Type{entity.Date, entity.INSZ}},
		fixed{types: []entity.Type{entity.Person, entity.INSZ}},
	)
	want := []entity.Type{entity.Person, entity.INSZ, entity.Date}
	if got := a.Types(); !slices.Equal(got, want) {
		t.Errorf("Types = %v, want %v", got, want)
	}
}

type panicking struct{ fixed }

func (panicking) Recognize(context.Context, []rune) ([]entity.Entity, error) { panic("boom") }

func TestAnalyzeTurnsPanicIntoError(t *testing.T) {
	a := New(panicking{fixed{name: "model"}})
	if _, err := a.Analyze(context.Background(), nil, Options{}); err == nil {
		t.Fatal("a panicking recogniser gave no error")
	}
}
