package recognizers

import (
	"slices"
	"testing"
)

func TestDateline(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"written month", "Gent, 12 maart 2024\nBetreft: aanvraag", []string{"Gent"}},
		{"French le", "Madame,\n\nLiège, le 1er avril 2024", []string{"Liège"}},
		{"upper case", "BRAINE-LE-CHÂTEAU, LE 15 FÉVRIER 2015", []string{"BRAINE-LE-CHÂTEAU"}},
		{"two languages", "Ixelles / Elsene, 9 octobre 2024", []string{"Ixelles", "Elsene"}},
		{"two languages, no blanks", "Bruxelles/Brussel, le 3 mars 2024", []string{"Bruxelles", "Brussel"}},
		{"slash elsewhere", "Gent, 12/03/2024", []string{"Gent"}},
		{"two words", "La Louvière, le 5 mai 2024", []string{"La Louvière"}},
		{"numeric date, indented", "    Büllingen, 10.09.2024", []string{"Büllingen"}},
		{"weekday", "Maandag, 12 maart 2024", nil},
		{"no date", "Gent, Kerkstraat 12", nil},
		{"not at the line start", "Wij waren in Gent, 12 maart 2024", nil},
		{"particle inside", "Bergen op Zoom, 12 maart 2024", []string{"Bergen op Zoom"}},
		{"signed, Dutch", "Gedaan te Brussel op 12 maart 2024.", []string{"Brussel"}},
		{"signed, French", "Fait à Namur, le 12 août 2024, en trois exemplaires", []string{"Namur"}},
		{"signed, French, no comma", "Fait à Liège le 3 mars 2024", []string{"Liège"}},
		{"signed, German", "Geschehen zu Eupen, den 5. März 2024", []string{"Eupen"}},
		{"signed, hyphens", "  Opgemaakt te Heist-op-den-Berg op 1 april 2024", []string{"Heist-op-den-Berg"}},
		{"signed, no date", "Gedaan te Gent, in twee exemplaren", nil},
		{"no lead, no comma", "Brussel op 12 maart 2024", nil},
		{"signed, lower case place", "Gedaan te gent op 12 maart 2024", nil},
		{"lower case first", "gent, 12 maart 2024", nil},
		{"no comma", "Gent 12 maart 2024", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range find(t, newDateline(), tt.text) {
				got = append(got, string([]rune(tt.text)[e.Start:e.End]))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzDateline(f *testing.F) {
	fuzzRecognizer(f, newDateline(),
		"Gent, 12 maart 2024", "x\r\n  Liège, le 1er avril 2024", "Ixelles / Elsene, 9 octobre 2024",
		"Maandag, 12 maart 2024", "BRAINE-LE-CHÂTEAU, LE 15 FÉVRIER 2015\nGent, 03/01/2024",
		"Gedaan te Brussel op 12 maart 2024.", "Fait à Bergen op Zoom le 1.2.2024")
}
