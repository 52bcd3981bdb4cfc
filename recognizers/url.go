package recognizers

import (
	"net"
	"net/url"
	"strings"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// urlChar is a character that may appear in a printed URL: anything but
// white space (so a span never crosses a line break), quotes, angle
// brackets and the other characters RFC 3986 leaves out. Parentheses are
// handled apart so that only balanced ones belong to the URL.
const urlChar = `[^\s\u00a0<>"'«»“”‘’\x60{}|\\^()\[\]]`

// urlHostChar is a character of a host name label: ASCII or a Latin
// letter of an internationalised name. Ranges test faster than \p{L}.
const urlHostChar = `[A-Za-z0-9_\u00c0-\u024f-]`

// urlBody is the rest of a URL after the first dot of its host: runs of
// URL characters that do not end in sentence punctuation, and balanced
// parenthesised groups. Each run is atomic and as long as it can be, and
// the two alternatives start with different characters, so the loop never
// has two ways to split the same text. The engine runs a character class
// loop much faster than one alternation per character.
const urlBody = `(?:(?>` + urlChar + `{1,2048}(?<![.,;:!?*…]))|\((?>` + urlChar + `{0,256})\)){0,64}`

// urlStart is a scheme and the first label of the host, or "www", not
// glued to a word before it or inside a longer URL or e-mail address.
const urlStart = `(?:(?<![\p{L}\p{N}_@./-])(?i:https?|ftp)://(?>` + urlHostChar + `{1,63})` +
	`|(?<![\p{L}\p{N}_@./:-])(?i:www))`

// urlExpr starts at the first dot of the host name, a literal, so that
// the engine scans for dots (a Boyer-Moore skip loop) instead of trying a
// scheme at every 'h', 'f' and 'w' of the document. A short look-behind
// rejects the dots of ordinary text at once and, for a URL, marks where
// it starts with the empty group pre; the body is matched forwards, and
// the balancing group value-pre captures everything from that mark to the
// end, which becomes the span.
const urlExpr = `\.(?<=(?<pre>)` + urlStart + `\.)(?=` + urlHostChar + `)` + urlBody + `(?<value-pre>)`

// newURL recognises web addresses with a scheme ("https://www.kbo.be/a?b=c")
// or starting with "www." ("www.mijnpensioen.be/login"). Sentence
// punctuation after the address and a closing parenthesis without its
// opening one are left out; an address after '@' belongs to an e-mail.
//
// A candidate that net/url parses, with a host name under a letter
// top-level domain, is validated, so that nothing inside it (a phone
// number in a query string, an e-mail address) survives the merge as a
// separate entity. "www." without a scheme scores a little lower: it is
// occasionally a typo in running text.
func newURL() *recognizer {
	return &recognizer{
		name:         "url",
		typ:          entity.URL,
		re:           regexp2.MustCompile(urlExpr, regexp2.None),
		score:        0.85,
		contextScore: 0.85,
		check:        checkURL,
		needsAny:     ":wW",
		worthTrying: func(text []rune) bool {
			return containsFold(text, "://") || containsFold(text, "www.")
		},
	}
}

// checkURL accepts value if net/url parses it with a plausible host.
func checkURL(value string, _ *regexp2.Match) (verdict, bool) {
	var v verdict
	raw := value
	if !strings.Contains(value, "://") {
		raw = "http://" + value
		v.score = 0.8
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return verdict{}, false
	}
	host := u.Hostname()
	if !isHostName(host) && net.ParseIP(host) == nil {
		return verdict{}, false
	}
	if v.score != 0 && strings.Count(host, ".") < 2 {
		// "www.kbo" is a typo or a fragment, not an address.
		return verdict{}, false
	}
	v.validated = true
	return v, true
}
