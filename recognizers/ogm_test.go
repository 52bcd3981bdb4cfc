package recognizers

import (
	"testing"

	"github.com/belner/belner/entity"
)

func TestOGM(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity texts, in order
	}{
		{"plus form", "Mededeling: +++123/4567/89002+++ graag vermelden.", []string{"+++123/4567/89002+++"}},
		{"asterisk form", "Communication ***123/4567/89002*** svp", []string{"***123/4567/89002***"}},
		{"spaces inside", "+++ 123 / 4567 / 89002 +++", []string{"+++ 123 / 4567 / 89002 +++"}},
		{"remainder zero is written 97", "+++000/0000/09797+++", []string{"+++000/0000/09797+++"}},
		{"bad checksum", "+++123/4567/89012+++", nil},
		{"mixed delimiters", "+++123/4567/89002***", nil},
		{"four pluses", "++++123/4567/89002+++", nil},
		{"no delimiters", "123/4567/89002", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textsOf(t, newOGM(), tt.text, entity.OGM)
			assertTexts(t, got, tt.want)
		})
	}
}

func TestOGMContextRaisesScore(t *testing.T) {
	without := findOne(t, newOGM(), "Betaal met +++123/4567/89002+++.")
	with := findOne(t, newOGM(), "Gestructureerde mededeling: +++123/4567/89002+++.")
	if with.Score <= without.Score {
		t.Errorf("score with context word %v, want above %v", with.Score, without.Score)
	}
	if with.Explanation.ContextWord != "mededeling" {
		t.Errorf("context word %q, want %q", with.Explanation.ContextWord, "mededeling")
	}
}

func FuzzOGM(f *testing.F) {
	fuzzRecognizer(f, newOGM(), "+++123/4567/89002+++", "***000/0000/09797***", "++++1/2/3+++")
}
