package ner

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/belner/belner/entity"
)

// The same cases as the recipe's test_drop_common_words.
func TestCommonWordsDrop(t *testing.T) {
	words := CommonWords{"feiten": true, "bail": true, "l'administration": true, "cm": true, "mutualité": true,
		"chrétienne": true, "ex-partner": true}
	for _, tc := range []struct {
		name, text string
		typ        entity.Type
		dropped    bool
	}{
		{"a heading", "Feiten", entity.Person, true},
		{"in capitals", "BAIL", entity.Organization, true},
		{"elided", "L'administration", entity.Organization, true},
		{"hyphenated", "Ex-partner", entity.Location, true},
		{"a name of common words", "Mutualité chrétienne", entity.Organization, false},
		{"not a common word", "Peeters", entity.Person, false},
		{"an address", "Feiten", entity.Address, false},
		{"an acronym", "CM", entity.Organization, false},
		{"with a digit", "Feiten2", entity.Organization, false},
		{"an apostrophe at the end", "Feiten'", entity.Person, false},
		{"a hyphen at the start", "-bail", entity.Person, false},
		{"two hyphens", "Ex--partner", entity.Person, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune("« " + tc.text + " »")
			e := entity.Entity{Type: tc.typ, Start: 2, End: 2 + len([]rune(tc.text))}
			got := words.drop(text, []entity.Entity{e})
			if (len(got) == 0) != tc.dropped {
				t.Errorf("dropped = %v, want %v", len(got) == 0, tc.dropped)
			}
		})
	}
}

// The same cases as the recipe's test_trim_common_words.
func TestCommonWordsTrim(t *testing.T) {
	words := CommonWords{"cultuur": true, "patiente": true, "dossier": true, "vis": true, "des": true, "op": true}
	for _, tc := range []struct {
		name, text string
		typ        entity.Type
		want       string
	}{
		{"a heading before a name", "Cultuur Bert Anciaux", entity.Person, "Bert Anciaux"},
		{"in capitals", "PATIENTE SYLVIANE FONTAINE", entity.Person, "SYLVIANE FONTAINE"},
		{"two in front", "Dossier Patiente Frank Hussain", entity.Person, "Frank Hussain"},
		{"a function word", "Maar Jan Peeters", entity.Person, "Jan Peeters"},
		{"one word would be left", "Vis Esmée", entity.Person, "Vis Esmée"},
		{"a particle", "Des Jaumotte Marc", entity.Person, "Des Jaumotte Marc"},
		{"a particle of two words", "Op de Toor Flora", entity.Person, "Op de Toor Flora"},
		{"no common word", "Peeters Jan Karel", entity.Person, "Peeters Jan Karel"},
		{"an organisation", "Cultuur Bert Anciaux", entity.Organization, "Cultuur Bert Anciaux"},
		{"lower case after", "Dossier van Jan Peeters", entity.Person, "Dossier van Jan Peeters"},
		{"two spaces", "Cultuur  Bert Anciaux", entity.Person, "Cultuur  Bert Anciaux"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := []rune("« " + tc.text + " »")
			e := entity.Entity{Type: tc.typ, Start: 2, End: 2 + len([]rune(tc.text))}
			got := words.trim(text, []entity.Entity{e})
			if len(got) != 1 || string(text[got[0].Start:got[0].End]) != tc.want || got[0].Type != tc.typ {
				t.Errorf("got %v, want %s %q", got, tc.typ, tc.want)
			}
		})
	}
}

// The model's word lists are read as sets of trimmed lines; a model
// without one has none, and one that cannot be read is an error.
func TestLoadWordLists(t *testing.T) {
	for _, tc := range []struct {
		file string
		load func(dir string) (map[string]bool, error)
	}{
		{CommonWordsFile, func(dir string) (map[string]bool, error) { return LoadCommonWords(dir) }},
		{PlacesFile, func(dir string) (map[string]bool, error) { return LoadPlaces(dir) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dir := t.TempDir()
			if got, err := tc.load(dir); err != nil || got != nil {
				t.Errorf("a model without %s: %v, %v; want none", tc.file, got, err)
			}
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte("feiten\n\n Guinee-Bissau\r\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := tc.load(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || !got["feiten"] || !got["Guinee-Bissau"] {
				t.Errorf("got %v, want feiten and Guinee-Bissau", got)
			}
			bad := filepath.Join(dir, "bad")
			if err := os.MkdirAll(filepath.Join(bad, tc.file), 0o755); err != nil {
				t.Fatal(err)
			}
			if _, err := tc.load(bad); err == nil {
				t.Errorf("a directory named %s: no error", tc.file)
			}
		})
	}
}

// The recogniser drops a heading the model takes for a person once the
// model has common words, and keeps the persons around it.
func TestRecognizeDropsCommonWords(t *testing.T) {
	m := map[string]entity.Type{"Feiten": entity.Person, "Jan": entity.Person, "Peeters": entity.Person}
	text := []rune("Feiten\n\nDan kwam Jan Peeters.")
	for _, tc := range []struct {
		name   string
		common CommonWords
		want   []string
	}{
		{"without common words", nil, []string{"PERSON:Feiten", "PERSON:Jan Peeters"}},
		{"with common words", CommonWords{"feiten": true}, []string{"PERSON:Jan Peeters"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := fakeRecognizer(t, m, 1, 2)
			es, err := r.WithCommonWords(tc.common).Recognize(context.Background(), text)
			if err != nil {
				t.Fatal(err)
			}
			if got := spans(text, es); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
