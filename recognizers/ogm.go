package recognizers

import (
	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// newOGM recognises structured payment references (OGM/VCS, "gestructureerde
// mededeling", "communication structurée"): +++123/4567/89002+++ or the
// same between asterisks, whose last two digits are the first ten modulo 97.
func newOGM() *recognizer {
	return &recognizer{
		name: "ogm",
		typ:  entity.OGM,
		re: regexp2.MustCompile(
			`(?<![+*\w])(?:\+{3}|\*{3}) ?[0-9]{3} ?/ ?[0-9]{4} ?/ ?[0-9]{5} ?(?:\+{3}|\*{3})(?![+*])`,
			regexp2.None),
		score:        0.9,
		contextScore: 1,
		context: newContextWords(
			"mededeling", "ogm", "communication", "vcs", "mitteilung", "referenz", "zahlungsreferenz",
		),
		check: func(value string, _ *regexp2.Match) (verdict, bool) {
			// +++ must close +++ and *** must close ***.
			if value[0] != value[len(value)-1] {
				return verdict{}, false
			}
			if !mod97Check(digits(value)) {
				return verdict{}, false
			}
			return verdict{checksum: "mod 97 valid", validated: true}, true
		},
		minDigits: 12,
		needsAny:  "+*",
	}
}
