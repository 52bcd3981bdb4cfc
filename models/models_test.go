package models

import (
	"context"
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/belner/belner/ner"
)

// The shipped model, extracted and loaded on the Go backend, reproduces the
// logits the training recipe recorded in its fixture.json.
func TestShippedModelReproducesItsFixture(t *testing.T) {
	dir, remove, err := Extract()
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := remove(); err != nil {
			t.Error(err)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%s left behind", dir)
		}
	}()
	for _, f := range []string{"model.onnx", "config.json", "tokenizer.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	m, err := ner.LoadHugot(dir, ner.HugotOptions{Backend: "go", MaxBatch: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	b, err := fs.ReadFile(Shipped(), "fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []struct {
			InputIDs []int32     `json:"input_ids"`
			Logits   [][]float32 `json:"logits"`
		}
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	for i, c := range f.Cases {
		out, err := m.Logits(context.Background(), [][]int32{c.InputIDs})
		if err != nil {
			t.Fatal(err)
		}
		worst := 0.0
		for j := range c.Logits {
			for k := range c.Logits[j] {
				worst = max(worst, math.Abs(float64(out[0][j][k]-c.Logits[j][k])))
			}
		}
		if worst > 1e-3 {
			t.Errorf("case %d: logits differ by up to %g", i, worst)
		}
	}
}

// The shipped model carries the common words and places its recipe chose:
// no name is a common word, and no first name a place.
func TestShippedWordLists(t *testing.T) {
	dir, remove, err := Extract()
	if err != nil {
		t.Fatal(err)
	}
	defer remove()
	words, err := ner.LoadCommonWords(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(words) < 1000 {
		t.Fatalf("%d common words, want the recipe's list", len(words))
	}
	for _, w := range []string{"feiten", "copie", "bail"} {
		if !words[w] {
			t.Errorf("%q is not a common word", w)
		}
	}
	for _, w := range []string{"vos", "lier", "celles", "ernst", "claire"} {
		if words[w] {
			t.Errorf("the name %q is a common word", w)
		}
	}
	places, err := ner.LoadPlaces(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"Marokko", "Égypte", "Österreich"} {
		if !places[p] {
			t.Errorf("%q is not a listed place", p)
		}
	}
	if places["France"] {
		t.Error("France, also a first name, is a listed place")
	}
}
