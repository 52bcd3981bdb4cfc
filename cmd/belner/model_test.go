package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/belner/belner/api"
	"github.com/belner/belner/entity"
	"github.com/belner/belner/ner"
)

// Until the model is loaded, /readyz and analyses answer 503; /healthz
// answers at once.
func TestNotReadyUntilTheModelLoads(t *testing.T) {
	late := &lateModel{}
	h := api.New(newAnalyzer(late), api.Config{Ready: late.ready})
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 503} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != want {
			t.Errorf("%s: %d, want %d", path, rec.Code, want)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/v1/analyze", strings.NewReader("Jan Peeters")))
	if rec.Code != 503 {
		t.Errorf("analyze before the model: %d, want 503", rec.Code)
	}
	mf := &modelFlags{backend: "go", workers: 1, batch: 2}
	svc, err := mf.load()
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	late.svc.Store(svc)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != 200 {
		t.Errorf("readyz after the model: %d", rec.Code)
	}
}

// A model that cannot be loaded is fatal, with a message that says why.
func TestModelLoadErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nothing")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "-addr", "127.0.0.1:0", "-model", missing}, "cannot serve without the model"},
		{[]string{"analyze", "-model", missing, "-"}, "loading " + missing},
		{[]string{"analyze", "-backend", "tpu", "-"}, "unknown backend"},
	} {
		err := run(context.Background(), tc.args, strings.NewReader("x"), &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want an error with %q", tc.args, err, tc.want)
		}
	}
	if !ner.ORTAvailable {
		err := run(context.Background(), []string{"analyze", "-backend", "ort", "-"}, strings.NewReader("x"), &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "rebuild with -tags ORT") {
			t.Errorf("ort without the build tag: %v", err)
		}
	}
}

func TestEvaluate(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("INSZ 85.07.30-033.28, op 12/03/2024 in Gent."), 0o600)
	os.WriteFile(filepath.Join(dir, "a.json"), []byte(`{"entities": [
		{"type": "INSZ", "start": 5, "end": 20, "text": "85.07.30-033.28"},
		{"type": "DATE", "start": 25, "end": 33, "text": "12/03/20"},
		{"type": "LOCATION", "start": 38, "end": 42, "text": "Gent"}]}`), 0o600)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"evaluate", "-model", "none", dir}, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	for _, typ := range entity.Types() {
		if !strings.Contains(out.String(), string(typ)) {
			t.Errorf("no row for %s:\n%s", typ, out.String())
		}
	}
	// INSZ exact; DATE overlaps only; LOCATION missed.
	for _, want := range []string{
		"INSZ     1     1    1.000    1.000     1.000      1.000      1.000       1.000",
		"DATE     1     1    0.000    0.000     0.000      1.000      1.000       1.000",
		"LOCATION     1     0    0.000    0.000     0.000      0.000      0.000       0.000",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in\n%s", want, out.String())
		}
	}
}

func TestLoadtest(t *testing.T) {
	late := &lateModel{}
	svc, err := (&modelFlags{backend: "go", workers: 1, batch: 2}).load()
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	late.svc.Store(svc)
	srv := httptest.NewServer(api.New(newAnalyzer(late), api.Config{}))
	defer srv.Close()
	doc := filepath.Join(t.TempDir(), "doc.txt")
	os.WriteFile(doc, []byte("Geachte heer Peeters, uw INSZ 85.07.30-033.28."), 0o600)
	var out bytes.Buffer
	args := []string{"loadtest", "-url", srv.URL, "-c", "1,3", "-d", "200ms", "-warmup", "0s", "-pid", itoa(os.Getpid()), doc}
	if err := run(context.Background(), args, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"clients", "docs/s", "p99", "peak RSS"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in\n%s", want, out.String())
		}
	}
	if _, err := http.Get(srv.URL + "/healthz"); err != nil {
		t.Error(err)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
