package ner

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMinScore(t *testing.T) {
	const labels = `"id2label": {"0": "O", "1": "B-PERSON"}`
	for _, tc := range []struct {
		name, config string
		want         float64
		wantErr      bool
	}{
		{"absent", `{` + labels + `}`, DefaultMinScore, false},
		{"chosen", `{` + labels + `, "belner_min_score": 0.75}`, 0.75, false},
		{"zero keeps every span", `{` + labels + `, "belner_min_score": 0}`, 0, false},
		{"negative", `{` + labels + `, "belner_min_score": -0.1}`, 0, true},
		{"one or more drops everything", `{` + labels + `, "belner_min_score": 1}`, 0, true},
		{"not a number", `{` + labels + `, "belner_min_score": "high"}`, 0, true},
		{"broken", `{`, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(tc.config), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := MinScore(dir)
			if (err != nil) != tc.wantErr {
				t.Fatalf("MinScore error = %v, want error %v", err, tc.wantErr)
			}
			if err == nil && got != tc.want {
				t.Errorf("MinScore = %v, want %v", got, tc.want)
			}
		})
	}
	if _, err := MinScore(t.TempDir()); err == nil {
		t.Error("MinScore without config.json: no error")
	}
}
