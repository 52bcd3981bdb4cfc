package recognizers

import (
	"strings"
	"testing"

	"github.com/belner/belner/entity"
)

func TestEmail(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity texts, in order
	}{
		{"plain", "Mail jan.peeters@ocmw-gent.be vandaag", []string{"jan.peeters@ocmw-gent.be"}},
		{"hyphen and capitals", "Marie-Claire.Dubois@cpas.brussels", []string{"Marie-Claire.Dubois@cpas.brussels"}},
		{"sentence end", "Schrijf naar info@mutualite.be.", []string{"info@mutualite.be"}},
		{"subdomains", "a_b+c%d@mail.dienst.stad.gent.be,", []string{"a_b+c%d@mail.dienst.stad.gent.be"}},
		{"mailto left out", "<a href=\"mailto:info@kbo.be\">", []string{"info@kbo.be"}},
		{"label left out", "E-Mail:verwaltung@eupen.be", []string{"verwaltung@eupen.be"}},
		{"in parentheses", "(info@mutualite.be)", []string{"info@mutualite.be"}},
		{"in angle brackets", "Jan Peeters <jan@ocmw.be>", []string{"jan@ocmw.be"}},
		{"two addresses", "a@b.be; c@d.fr", []string{"a@b.be", "c@d.fr"}},
		{"punycode top-level domain", "info@example.xn--p1ai", []string{"info@example.xn--p1ai"}},
		{"line break ends it", "jan@ocmw.be\nTel.", []string{"jan@ocmw.be"}},

		{"no dot in domain", "jan@localhost", nil},
		{"one-letter top-level domain", "jan@ocmw.b", nil},
		{"numeric top-level domain", "jan@10.0.0.1", nil},
		{"consecutive dots", "jan..peeters@ocmw.be", nil},
		{"leading dot", ".jan@ocmw.be", nil},
		{"trailing dot in local part", "jan.@ocmw.be", nil},
		{"hyphen at label edge", "jan@-ocmw.be", nil},
		{"no local part", "@ocmw.be", nil},
		{"handle", "@belner op Mastodon", nil},
		{"local part too long", strings.Repeat("a", 65) + "@ocmw.be", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textsOf(t, newEmail(), tt.text, entity.Email)
			assertTexts(t, got, tt.want)
		})
	}
}

func TestEmailValidated(t *testing.T) {
	e := findOne(t, newEmail(), "jan.peeters@ocmw-gent.be")
	if !e.Validated || e.Score != 0.95 {
		t.Errorf("validated %v, score %v; want true, 0.95", e.Validated, e.Score)
	}
}

func TestEmailWorthTrying(t *testing.T) {
	r := newEmail()
	if r.worthTrying([]rune("geen adres hier")) {
		t.Error("worth trying a text without '@'")
	}
	if !r.worthTrying([]rune("jan@ocmw.be")) {
		t.Error("not worth trying a text with an address")
	}
}

func FuzzEmail(f *testing.F) {
	fuzzRecognizer(f, newEmail(),
		"jan.peeters@ocmw-gent.be", "Marie-Claire.Dubois@cpas.brussels.", "mailto:a@b.be",
		"a@b.c.d.e.f.g.h.i.j.k.be", "....@....", "a@@b.be", strings.Repeat("a.", 40)+"@x.be")
}
