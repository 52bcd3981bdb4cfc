package ner

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// smokeDir is the tiny model that the training recipe's --smoke mode makes:
// functionally complete, predicting nonsense.
var smokeDir = filepath.Join("..", "models", "testdata", "smoke")

type fixtureCase struct {
	Text     string      `json:"text"`
	InputIDs []int32     `json:"input_ids"`
	Tokens   []string    `json:"tokens"`
	Offsets  [][2]int    `json:"offsets"`
	Logits   [][]float32 `json:"logits"`
}

func readFixture(t testing.TB, dir string) []fixtureCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "fixture.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Cases []fixtureCase }
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f.Cases
}

func smokeTokenizer(t testing.TB) *Tokenizer {
	t.Helper()
	tok, err := LoadTokenizer(smokeDir)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// The Go tokenizer gives the Python recipe's piece ids and word offsets.
func TestTokenizerMatchesFixture(t *testing.T) {
	checkTokenizer(t, smokeDir)
}

// otherModel is $BELNER_TEST_MODEL, a model directory (with fixture.json)
// to check as the smoke model is checked, e.g. models/belner-ner.
func otherModel(t *testing.T) string {
	dir := os.Getenv("BELNER_TEST_MODEL")
	if dir == "" {
		t.Skip("BELNER_TEST_MODEL is not set")
	}
	return dir
}

func TestOtherModelReproducesFixture(t *testing.T) {
	dir := otherModel(t)
	checkTokenizer(t, dir)
	m, err := LoadHugot(dir, HugotOptions{Backend: "go", MaxBatch: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	checkFixtureLogits(t, m, dir)
}

func checkTokenizer(t *testing.T, dir string) {
	tok, err := LoadTokenizer(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range readFixture(t, dir) {
		words := tok.Words([]rune(c.Text))
		var seq []int32
		for _, w := range words {
			seq = append(seq, w.Pieces...)
		}
		seq = append(append([]int32{tok.CLS()}, seq...), tok.SEP())
		if !slices.Equal(seq, c.InputIDs) {
			t.Errorf("%q: ids\n got %v\nwant %v", c.Text, seq, c.InputIDs)
			continue
		}
		// Words as the fixture's pieces group: a ## piece continues one.
		var want [][2]int
		for i, tk := range c.Tokens[1 : len(c.Tokens)-1] {
			off := c.Offsets[i+1]
			if strings.HasPrefix(tk, "##") {
				want[len(want)-1][1] = off[1]
			} else {
				want = append(want, off)
			}
		}
		var got [][2]int
		for _, w := range words {
			got = append(got, [2]int{w.Start, w.End})
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: words\n got %v\nwant %v", c.Text, got, want)
		}
	}
}

var (
	goModelOnce sync.Once
	goModel     *HugotModel
	goModelErr  error
)

// smokeGoModel loads the smoke model on the Go backend once per test binary.
func smokeGoModel(t testing.TB) *HugotModel {
	t.Helper()
	if raceEnabled {
		t.Skip("hugot's Go backend races inside GoMLX; not run under -race")
	}
	goModelOnce.Do(func() {
		goModel, goModelErr = LoadHugot(smokeDir, HugotOptions{Backend: "go", MaxBatch: 4})
	})
	if goModelErr != nil {
		t.Fatal(goModelErr)
	}
	return goModel
}

// checkFixtureLogits runs the fixture's sequences one by one and as one
// padded batch and compares with the Python model's logits.
func checkFixtureLogits(t *testing.T, m Model, dir string) {
	cases := readFixture(t, dir)
	var all [][]int32
	for _, c := range cases {
		all = append(all, c.InputIDs)
	}
	batched, err := m.Logits(context.Background(), all)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		single, err := m.Logits(context.Background(), [][]int32{c.InputIDs})
		if err != nil {
			t.Fatal(err)
		}
		for name, got := range map[string][][]float32{"single": single[0], "batched": batched[i]} {
			if len(got) != len(c.Logits) {
				t.Fatalf("case %d %s: %d pieces, want %d", i, name, len(got), len(c.Logits))
			}
			worst := 0.0
			for j := range got {
				for k := range got[j] {
					worst = max(worst, math.Abs(float64(got[j][k]-c.Logits[j][k])))
				}
			}
			if worst > 1e-3 {
				t.Errorf("case %d %s: logits differ by up to %g", i, name, worst)
			}
		}
	}
}

func TestGoBackendReproducesFixture(t *testing.T) {
	checkFixtureLogits(t, smokeGoModel(t), smokeDir)
}

func TestLogitsEmptyBatch(t *testing.T) {
	out, err := smokeGoModel(t).Logits(context.Background(), nil)
	if err != nil || out != nil {
		t.Fatalf("Logits(nil) = %v, %v; want nil, nil", out, err)
	}
}

// The Go tokenizer splits and encodes like the recipe's Python one
// (models/train/wordpiece.py) on Unicode edge cases and
// testdata/documents: testdata/smoke_words.json holds, per text, the Python words
// as [start, end, piece ids], offsets in code points.
func TestTokenizerMatchesPython(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "smoke_words.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Text  string
		Words [][3]json.RawMessage
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	tok := smokeTokenizer(t)
	for i, c := range cases {
		var want []string
		for _, w := range c.Words {
			var ids []int32
			if err := json.Unmarshal(w[2], &ids); err != nil {
				t.Fatal(err)
			}
			compact, _ := json.Marshal(ids)
			want = append(want, fmt.Sprintf("%s-%s:%s", w[0], w[1], compact))
		}
		var got []string
		for _, w := range tok.Words([]rune(c.Text)) {
			ids, _ := json.Marshal(w.Pieces)
			got = append(got, fmt.Sprintf("%d-%d:%s", w.Start, w.End, ids))
		}
		if !slices.Equal(got, want) {
			k := firstDiff(got, want)
			t.Errorf("case %d (%.30q): word %d differs:\n got %v\nwant %v", i, c.Text, k, got[k:min(k+3, len(got))], want[k:min(k+3, len(want))])
		}
	}
}
