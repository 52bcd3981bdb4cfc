package recognizers

import (
	"strings"

	"github.com/belner/belner/entity"
	"github.com/dlclark/regexp2"
)

// iso3166 holds the ISO 3166-1 alpha-2 country codes, and XK, which SWIFT
// and the IBAN registry use for Kosovo.
var iso3166 = codeSet(`
	AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
	BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
	CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
	DE DJ DK DM DO DZ
	EC EE EG EH ER ES ET
	FI FJ FK FM FO FR
	GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
	HK HM HN HR HT HU
	ID IE IL IM IN IO IQ IR IS IT
	JE JM JO JP
	KE KG KH KI KM KN KP KR KW KY KZ
	LA LB LC LI LK LR LS LT LU LV LY
	MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
	NA NC NE NF NG NI NL NO NP NR NU NZ
	OM
	PA PE PF PG PH PK PL PM PN PR PS PT PW PY
	QA
	RE RO RS RU RW
	SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
	TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
	UA UG UM US UY UZ
	VA VC VE VG VI VN VU
	WF WS
	XK
	YE YT
	ZA ZM ZW`)

// codeSet returns the set of the space-separated codes in s.
func codeSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, c := range strings.Fields(s) {
		set[c] = true
	}
	return set
}

// newBIC recognises bank identifier codes (BIC, SWIFT codes): four letters
// for the bank, an ISO 3166 country code, two characters for the location
// and an optional three-character branch: GKCCBEBB, DEUTDEFF500.
//
// The form has no checksum and many upper-case words have it (BRUSSELS is
// bank BRUS, Sweden, location LS), so a candidate counts only after a
// BIC/SWIFT label or within reach of an IBAN, which the Set finds first.
// Codes are printed in upper case; accepting lower case would let every
// eight-letter word near an IBAN through. Beyond the country code nothing
// is validated: location and branch codes follow no rule worth enforcing.
// A BIC scores 0.9 whether a label or an IBAN vouches for it; without
// either it is not returned at all.
func newBIC() *recognizer {
	return &recognizer{
		name: "bic",
		typ:  entity.BIC,
		re: regexp2.MustCompile(
			`(?<![0-9A-Za-z])[A-Z]{6}[0-9A-Z]{2}(?:[0-9A-Z]{3})?(?![0-9A-Za-z])`,
			regexp2.None),
		score:        0.9,
		contextScore: 0.9,
		// "bic" covers "BIC-code", "code BIC" and "BIC/SWIFT"; "swift"
		// covers "SWIFT-Code".
		context:      newContextWords("bic", "swift"),
		needsContext: true,
		near:         entity.IBAN,
		agrees:       bicMatchesIBAN,
		check: func(value string, _ *regexp2.Match) (verdict, bool) {
			return verdict{}, iso3166[value[4:6]]
		},
		minUpperRun: 6,
		worthTrying: hasBICShape,
	}
}

// hasBICShape reports whether text has a word shaped like a BIC.
func hasBICShape(text []rune) bool {
	for i := 0; i < len(text); {
		if !isAlnumASCII(text[i]) {
			i++
			continue
		}
		j, letters := i, 0
		for j < len(text) && isAlnumASCII(text[j]) {
			if j-i == letters && text[j] >= 'A' && text[j] <= 'Z' {
				letters++
			}
			if text[j] >= 'a' && text[j] <= 'z' {
				letters = -1
			}
			j++
		}
		if n := j - i; (n == 8 || n == 11) && letters >= 6 {
			return true
		}
		i = j
	}
	return false
}

// bicMatchesIBAN reports whether bic names a bank in the country of iban:
// beside an IBAN and without a label, an upper-case word that only has a
// BIC's shape ("BRUSSELS", "BODEMATTEST") rarely has the right country too.
func bicMatchesIBAN(bic, iban string) bool {
	return len(bic) >= 6 && len(iban) >= 2 && strings.EqualFold(bic[4:6], iban[:2])
}
