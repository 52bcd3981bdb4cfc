package recognizers

import (
	"strings"
	"testing"

	"github.com/belner/belner/entity"
)

func TestURL(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity texts, in order
	}{
		{"https with path", "Zie https://www.socialsecurity.be/citizen/nl/ voor meer.", []string{"https://www.socialsecurity.be/citizen/nl/"}},
		{"query and fragment", "http://example.be/a?b=c&d=e#f", []string{"http://example.be/a?b=c&d=e#f"}},
		{"www", "Op www.kbo.be vindt u", []string{"www.kbo.be"}},
		{"www with path", "via www.mijnpensioen.be/login.", []string{"www.mijnpensioen.be/login"}},
		{"capitals", "WWW.KBO.BE", []string{"WWW.KBO.BE"}},
		{"no www after scheme", "https://mi-is.be", []string{"https://mi-is.be"}},
		{"port", "http://intranet.stad.gent:8080/x", []string{"http://intranet.stad.gent:8080/x"}},
		{"IPv4 host", "http://192.168.1.10/admin", []string{"http://192.168.1.10/admin"}},
		{"label before the scheme", "URL:https://www.kbo.be", []string{"https://www.kbo.be"}},
		{"trailing comma", "www.kbo.be, www.fod.be;", []string{"www.kbo.be", "www.fod.be"}},
		{"trailing colon", "op www.kbo.be:", []string{"www.kbo.be"}},
		{"trailing question mark", "Kent u www.kbo.be?", []string{"www.kbo.be"}},
		{"in parentheses", "(zie www.kbo.be)", []string{"www.kbo.be"}},
		{"in parentheses with path", "(zie https://www.kbo.be/a/b).", []string{"https://www.kbo.be/a/b"}},
		{"balanced parentheses", "https://en.wikipedia.org/wiki/Gent_(stad).", []string{"https://en.wikipedia.org/wiki/Gent_(stad)"}},
		{"in quotes", "\"https://www.kbo.be\"", []string{"https://www.kbo.be"}},
		{"in angle brackets", "<https://www.kbo.be/x>", []string{"https://www.kbo.be/x"}},
		{"line break ends it", "www.kbo.be/a\nb", []string{"www.kbo.be/a"}},
		{"phone in query", "https://x.be/?tel=0478532019", []string{"https://x.be/?tel=0478532019"}},

		{"e-mail is not a URL", "info@www.kbo.be", nil},
		{"inside a word", "awww.kbo.be", nil},
		{"no top-level domain", "www.kbo", nil},
		{"numeric top-level domain", "www.kbo.12", nil},
		{"scheme only", "https://", nil},
		{"ordinary dots", "Gent, 12.03.2024. Zie bijlage 2.a en art. 3.b.", nil},
		{"file name", "bijlage.pdf", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textsOf(t, newURL(), tt.text, entity.URL)
			assertTexts(t, got, tt.want)
		})
	}
}

func TestURLScores(t *testing.T) {
	tests := []struct {
		text  string
		score float64
	}{
		{"https://www.kbo.be", 0.85},
		{"www.kbo.be", 0.8},
	}
	for _, tt := range tests {
		e := findOne(t, newURL(), tt.text)
		if e.Score != tt.score || !e.Validated {
			t.Errorf("%q: score %v, validated %v; want %v, true", tt.text, e.Score, e.Validated, tt.score)
		}
	}
}

func TestURLWorthTrying(t *testing.T) {
	r := newURL()
	for text, want := range map[string]bool{
		"geen adres. Wel zinnen.": false,
		"WWW.KBO.BE":              true,
		"ftp://x.be":              true,
	} {
		if got := r.worthTrying([]rune(text)); got != want {
			t.Errorf("worthTrying(%q) = %v, want %v", text, got, want)
		}
	}
}

func FuzzURL(f *testing.F) {
	fuzzRecognizer(f, newURL(),
		"https://www.socialsecurity.be/citizen/nl/", "http://example.be/a?b=c&d=e#f", "(www.kbo.be).",
		"https://x.be/((((a))))", "www."+strings.Repeat("a.", 100), strings.Repeat("http://", 50),
		"https://"+strings.Repeat("a", 70)+".be")
}

func TestURLSpansDoNotOverlap(t *testing.T) {
	text := "https://x.be/?u=https://y.be/a (https://x.be/(https://x.be/"
	got := textsOf(t, newURL(), text, entity.URL)
	assertTexts(t, got, []string{"https://x.be/?u=https://y.be/a", "https://x.be/", "https://x.be/"})
}
