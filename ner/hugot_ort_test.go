//go:build ORT

package ner

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/daulet/tokenizers"
)

var (
	ortModelOnce sync.Once
	ortModel     *HugotModel
	ortModelErr  error
)

// smokeORTModel loads the smoke model on ONNX Runtime once per test binary
// (ONNX Runtime allows one session per process), from the library in
// $BELNER_ORT_LIB (scripts/ort.sh prints it).
func smokeORTModel(t testing.TB) *HugotModel {
	t.Helper()
	dir := os.Getenv("BELNER_ORT_LIB")
	if dir == "" {
		t.Fatal("BELNER_ORT_LIB is not set: run BELNER_ORT_LIB=$(scripts/ort.sh) go test -tags ORT ./ner/...")
	}
	ortModelOnce.Do(func() {
		ortModel, ortModelErr = LoadHugot(smokeDir, HugotOptions{Backend: "ort", ORTLibDir: dir, Threads: 2})
	})
	if ortModelErr != nil {
		t.Fatal(ortModelErr)
	}
	return ortModel
}

func TestORTBackendReproducesFixture(t *testing.T) {
	checkFixtureLogits(t, smokeORTModel(t), smokeDir)
}

func TestORTPipelineMatchesPython(t *testing.T) {
	checkPipelineMatchesPython(t, smokeORTModel(t))
}

// TestOtherModelORT checks $BELNER_TEST_MODEL on ONNX Runtime; run it alone
// (-run OtherModelORT): ONNX Runtime allows one session per process.
func TestOtherModelORT(t *testing.T) {
	dir := otherModel(t)
	m, err := LoadHugot(dir, HugotOptions{Backend: "ort", ORTLibDir: os.Getenv("BELNER_ORT_LIB"), Threads: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	checkFixtureLogits(t, m, dir)
}

// hugot's ORT build loads the tokenizer through the pure-Go stand-in for
// github.com/daulet/tokenizers (third_party/tokenizers): it encodes as
// ours does (on text without multi-byte characters, where sugarme's offsets
// are right) and decodes back.
func TestTokenizersStandIn(t *testing.T) {
	tk := smokeORTModel(t).pipeline.Model.Tokenizer.RustTokenizer.Tokenizer
	text := "Geachte heer Jan Peeters, wonende te Kerkstraat 12, 9000 Gent."
	enc := tk.EncodeWithOptions(text, true, tokenizers.WithReturnOffsets(), tokenizers.WithReturnSpecialTokensMask(),
		tokenizers.WithReturnTypeIDs(), tokenizers.WithReturnAttentionMask(), tokenizers.WithReturnTokens())
	tok := smokeTokenizer(t)
	want := []uint32{uint32(tok.CLS())}
	for _, w := range tok.Words([]rune(text)) {
		for _, p := range w.Pieces {
			want = append(want, uint32(p))
		}
	}
	want = append(want, uint32(tok.SEP()))
	if !slices.Equal(enc.IDs, want) {
		t.Errorf("ids\n got %v\nwant %v", enc.IDs, want)
	}
	if n := len(enc.IDs); len(enc.Offsets) != n || len(enc.Tokens) != n || len(enc.TypeIDs) != n ||
		len(enc.AttentionMask) != n || len(enc.SpecialTokensMask) != n || enc.SpecialTokensMask[0] != 1 {
		t.Errorf("encoding %+v", enc)
	}
	if got := tk.Decode(enc.IDs, true); !strings.Contains(got, "Peeters") {
		t.Errorf("decoded %q", got)
	}
}
