//go:build ORT

package ner

import (
	"os"
	"sync"
	"testing"
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
