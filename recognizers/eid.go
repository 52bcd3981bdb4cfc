package recognizers

import (
	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// Base scores of the two forms of the identity-card number.
const (
	eidScoreGrouped = 0.7 // 591-1917064-58: also an old bank account number
	eidScoreCompact = 0.4 // 591191706458: any twelve digits
)

// newEIDCard recognises Belgian identity-card numbers (eID, kids-ID and
// the electronic cards of foreign residents): twelve digits printed
// 591-1917064-58, 591 1917064 58 or compact, whose last two digits are the
// first ten modulo 97 (97 for 0).
//
// Pre-IBAN bank account numbers (539-0075470-34) have the same grouping and
// checksum, so even the grouped form gets a moderate base score; twelve
// bare digits get a low one. A context word settles both.
func newEIDCard() *recognizer {
	re, anchored := compileAnchored(idBefore + `[0-9]{3}(?<s>[\- \u00a0.]?)[0-9]{7}\k<s>[0-9]{2}` + idAfter)
	return &recognizer{
		name:         "eid",
		typ:          entity.EIDCard,
		re:           re,
		anchored:     anchored,
		starts:       chainStarts(12, "- \u00a0."),
		score:        eidScoreGrouped,
		contextScore: 1,
		context: newContextWords(
			"identiteitskaart", "identiteitsbewijs", "kaartnummer", "eid",
			"carte d'identité", "identité", "numéro de carte", "n° de carte",
			"ausweis", "identity card", "id card", "card number",
		),
		check: func(value string, _ *regexp2.Match) (verdict, bool) {
			ds := digits(value)
			if len(ds) != 12 || !mod97Check(ds) {
				return verdict{}, false
			}
			v := verdict{validated: true, checksum: "mod 97 valid", score: eidScoreGrouped}
			if len(value) == 12 {
				v.score = eidScoreCompact
				v.notes = []string{"twelve bare digits; a context word raises the score"}
			}
			return v, true
		},
		// Every form holds the seven-digit middle group.
		minDigits:   12,
		worthTrying: func(line []rune) bool { return hasDigitChain(line, 7, "") },
	}
}
