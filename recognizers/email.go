package recognizers

import (
	"strings"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// emailExpr is anchored on the '@' so that the engine jumps from one '@'
// to the next instead of trying a local part at every letter of the
// document. A look-behind matches the local part right to left and marks
// where it starts with the empty group pre; the domain is matched
// forwards, and the balancing group value-pre captures everything from
// the mark to the end, which becomes the span. Domain labels are atomic
// and separated by a required dot, so there is nothing to backtrack over;
// a trailing sentence dot is not followed by a label and stays outside.
// The local part is a flat bounded class: its grammar (no leading,
// trailing or doubled dot) is checked in Go.
const emailExpr = `@(?<=(?<pre>)(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@)` +
	`(?>[A-Za-z0-9-]{1,63})(?>(?:\.[A-Za-z0-9-]{1,63}){1,8})` +
	`(?![A-Za-z0-9_-]|\.[A-Za-z0-9-])(?<value-pre>)`

// newEmail recognises e-mail addresses as a whole, subdomains included
// ("jan.peeters@ocmw-gent.be", "Marie-Claire.Dubois@cpas.brussels"). The
// "mailto:" of a link and a sentence's final dot are left out. Addresses
// are ASCII, as the addresses of Belgian administrations are.
//
// An address that passes the grammar check cannot be there by chance, so
// it is validated: the merge then keeps it whole against a phone number or
// a name that a model finds inside it.
func newEmail() *recognizer {
	return &recognizer{
		name:         "email",
		typ:          entity.Email,
		re:           regexp2.MustCompile(emailExpr, regexp2.None),
		score:        0.95,
		contextScore: 0.95,
		check: func(value string, _ *regexp2.Match) (verdict, bool) {
			if !isEmail(value) {
				return verdict{}, false
			}
			return verdict{validated: true}, true
		},
		worthTrying: func(text []rune) bool { return containsAny(text, '@') },
	}
}

// isEmail reports whether s, which the pattern has already limited to
// the right characters, is a dot-atom address with a host name whose
// top-level domain is letters.
func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at < 0 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return false
	}
	return isHostName(domain)
}

// isHostName reports whether host is a DNS name of at least two labels,
// none starting or ending with a hyphen, under a top-level domain of two
// or more letters (or an IDN "xn--" label).
func isHostName(host string) bool {
	if len(host) > 253 {
		return false
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
	}
	tld := labels[len(labels)-1]
	return len(tld) >= 2 && (isLetters(tld) || strings.HasPrefix(strings.ToLower(tld), "xn--"))
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
