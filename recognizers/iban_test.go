package recognizers

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/belner/belner/entity"
)

func TestIBAN(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity texts, in order
	}{
		// Printed forms.
		{"groups of four", "IBAN BE71 0961 2345 6769 BIC GKCCBEBB", []string{"BE71 0961 2345 6769"}},
		{"compact", "op rekening BE71096123456769.", []string{"BE71096123456769"}},
		{"lower case", "iban: be71 0961 2345 6769", []string{"be71 0961 2345 6769"}},
		{"dashes", "BE71-0961-2345-6769", []string{"BE71-0961-2345-6769"}},
		{"dots", "BE71.0961.2345.6769", []string{"BE71.0961.2345.6769"}},
		{"no-break spaces", "BE71\u00a00961\u00a02345\u00a06769", []string{"BE71\u00a00961\u00a02345\u00a06769"}},
		{"old account grouping", "BE71 096-1234567-69", []string{"BE71 096-1234567-69"}},
		{"space after country code", "BE 71 0961 2345 6769", []string{"BE 71 0961 2345 6769"}},
		{"registry example", "BE68539007547034", []string{"BE68539007547034"}},
		{"check digits 02", "BE02 1000 0000 0640", []string{"BE02 1000 0000 0640"}},

		// Foreign IBANs, registry lengths 15 to 33.
		{"NL", "NL91 ABNA 0417 1643 00", []string{"NL91 ABNA 0417 1643 00"}},
		{"FR", "FR14 2004 1010 0505 0001 3M02 606", []string{"FR14 2004 1010 0505 0001 3M02 606"}},
		{"DE", "DE89 3704 0044 0532 0130 00", []string{"DE89 3704 0044 0532 0130 00"}},
		{"LU", "LU28 0019 4006 4475 0000", []string{"LU28 0019 4006 4475 0000"}},
		{"GB", "GB29 NWBK 6016 1331 9268 19", []string{"GB29 NWBK 6016 1331 9268 19"}},
		{"CH", "CH93 0076 2011 6238 5295 7", []string{"CH93 0076 2011 6238 5295 7"}},
		{"NO shortest", "NO93 8601 1117 947", []string{"NO93 8601 1117 947"}},
		{"AE", "AE07 0331 2345 6789 0123 456", []string{"AE07 0331 2345 6789 0123 456"}},
		{"BR", "BR18 0036 0305 0000 1000 9795 493C 1", []string{"BR18 0036 0305 0000 1000 9795 493C 1"}},
		{"SA", "SA03 8000 0000 6080 1016 7519", []string{"SA03 8000 0000 6080 1016 7519"}},
		{"TR", "TR33 0006 1005 1978 6457 8413 26", []string{"TR33 0006 1005 1978 6457 8413 26"}},
		{"MT", "MT84 MALT 0110 0001 2345 MTLC AST0 01S", []string{"MT84 MALT 0110 0001 2345 MTLC AST0 01S"}},
		{"LC", "LC55 HEMM 0001 0001 0012 0012 0002 3015", []string{"LC55 HEMM 0001 0001 0012 0012 0002 3015"}},
		{"RU longest", "RU03 0445 2522 5408 1781 0538 0913 1041 9", []string{"RU03 0445 2522 5408 1781 0538 0913 1041 9"}},
		{"HN", "HN88CABF00000000000250005469", []string{"HN88CABF00000000000250005469"}},
		{"XK", "XK05 1212 0123 4567 8906", []string{"XK05 1212 0123 4567 8906"}},
		{"two in a line", "BE71 0961 2345 6769 of/ou BE68 5390 0754 7034", []string{"BE71 0961 2345 6769", "BE68 5390 0754 7034"}},

		// Label words are not part of the span.
		{"label with colon", "IBAN: BE71 0961 2345 6769", []string{"BE71 0961 2345 6769"}},
		{"label glued", "IBAN:BE71096123456769", []string{"BE71096123456769"}},
		{"parentheses", "(BE71 0961 2345 6769)", []string{"BE71 0961 2345 6769"}},
		{"sentence end", "Stort op BE71 0961 2345 6769.", []string{"BE71 0961 2345 6769"}},
		{"followed by a word", "DE89 3704 0044 0532 0130 00 Berlin", []string{"DE89 3704 0044 0532 0130 00"}},
		{"followed by an amount", "BE71 0961 2345 6769 12,50 EUR", []string{"BE71 0961 2345 6769"}},
		{"followed by BIC in parentheses", "BE71 0961 2345 6769 (GKCCBEBB)", []string{"BE71 0961 2345 6769"}},

		// Checksum failures.
		{"ISO check fails", "BE71 0961 2345 6768", nil},
		{"Belgian national check fails", "BE98 0961 2345 6768", nil},
		{"check digits 99", "BE99 1000 0000 0640", nil},
		{"foreign check fails", "NL91 ABNA 0417 1643 01", nil},

		// Lengths and countries.
		{"one digit short", "BE71 0961 2345 676", nil},
		{"one digit more", "BE71 0961 2345 67690", nil},
		{"NL one more", "NL91 ABNA 0417 1643 001", nil},
		{"country not in registry", "US64 SVBK US6S 3300 9673 8637", nil},
		{"letters in Belgian BBAN", "BE71 0961 2345 67A9", nil},
		{"glued to a word", "xBE71096123456769", nil},
		{"glued to a number", "5BE71096123456769", nil},
		{"lower-case code apart from check digits", "be 71 0961 2345 6769", nil},
		{"two separators", "BE71  0961 2345 6769", nil},
		{"lower case foreign", "nl91 abna 0417 1643 00", nil},
		// Passes mod 97, but a run of capitals with four digits is a code,
		// not an account (found by FuzzIBAN).
		{"mostly letters", "AE02AAAAA9AAAAAAAA0AAAA", nil},
		{"mixed case code", "Be71 0961 2345 6769", nil},

		// Line breaks end an IBAN.
		{"line break inside", "BE71 0961\n2345 6769", nil},
		{"line break inside CRLF", "NL91 ABNA\r\n0417 1643 00", nil},
		{"label on the line above", "IBAN:\nBE71 0961 2345 6769\nBIC: GKCCBEBB", []string{"BE71 0961 2345 6769"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textsOf(t, newIBAN(), tt.text, entity.IBAN)
			assertTexts(t, got, tt.want)
			if len(got) > 0 && !mayHoldIBAN([]rune(tt.text)) {
				t.Errorf("mayHoldIBAN(%q) = false, but the pattern finds %q", tt.text, got)
			}
		})
	}
}

func TestIBANVerdict(t *testing.T) {
	for _, tt := range []struct{ text, checksum string }{
		{"BE71 0961 2345 6769", "ISO 13616 mod 97 valid; Belgian national check valid"},
		{"NL91 ABNA 0417 1643 00", "ISO 13616 mod 97 valid"},
	} {
		e := findOne(t, newIBAN(), tt.text)
		if !e.Validated || e.Explanation.Checksum != tt.checksum {
			t.Errorf("%q: validated %v, checksum %q; want true, %q", tt.text, e.Validated, e.Explanation.Checksum, tt.checksum)
		}
		if e.Score != 0.95 {
			t.Errorf("%q without context: score %v, want 0.95", tt.text, e.Score)
		}
	}
}

func TestIBANContextRaisesScore(t *testing.T) {
	tests := []struct{ text, word string }{
		{"Gelieve te storten op rekeningnummer BE71 0961 2345 6769.", "rekeningnummer"},
		{"Rek.nr.: BE71 0961 2345 6769", "rek."},
		{"Numéro de compte : BE71 0961 2345 6769", "compte"},
		{"Veuillez verser le montant sur le compte bancaire BE71 0961 2345 6769.", "compte bancaire"},
		{"Bankverbindung: DE89 3704 0044 0532 0130 00", "bankverbindung"},
		{"Kontonummer DE89 3704 0044 0532 0130 00", "kontonummer"},
		{"Konto: LU28 0019 4006 4475 0000", "konto"},
		{"Par virement sur LU28 0019 4006 4475 0000", "virement"},
		{"Stort via overschrijving op BE71 0961 2345 6769.", "overschrijving"},
		{"Account NL91 ABNA 0417 1643 00", "account"},
		{"IBAN BE71 0961 2345 6769", "iban"},
	}
	without := findOne(t, newIBAN(), "Betaal aan BE71 0961 2345 6769.")
	for _, tt := range tests {
		with := findOne(t, newIBAN(), tt.text)
		if with.Score <= without.Score || with.Score != 1 {
			t.Errorf("%q: score %v, want 1 (above %v)", tt.text, with.Score, without.Score)
		}
		if with.Explanation.ContextWord != tt.word {
			t.Errorf("%q: context word %q, want %q", tt.text, with.Explanation.ContextWord, tt.word)
		}
	}
}

func TestIBANLengthTable(t *testing.T) {
	if len(ibanLengths) != 89 {
		t.Errorf("%d registry countries, want 89", len(ibanLengths))
	}
	for cc, n := range ibanLengths {
		if !iso3166[cc] || n < 15 || n > 34 {
			t.Errorf("%s: length %d, or not an ISO 3166 code", cc, n)
		}
	}
}

func TestMayHoldIBAN(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"IBAN BE71 0961 2345 6769", true},
		{"be-71", true},
		{"BE", false},
		{"Geen rekening vermeld op 12 maart.", false},
		{"A123 BE7", false},
		{"de 12 maart", false},
		{"be71", true},
		{"Op de BE-12", true},
		{"Koers EUR 12", false},
	} {
		if got := mayHoldIBAN([]rune(tt.text)); got != tt.want {
			t.Errorf("mayHoldIBAN(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func FuzzIBAN(f *testing.F) {
	fuzzRecognizer(f, newIBAN(),
		"IBAN BE71 0961 2345 6769 BIC GKCCBEBB",
		"be71-0961-2345-6769",
		"FR14 2004 1010 0505 0001 3M02 606",
		"NL91 ABNA\n0417 1643 00",
		"RU03 0445 2522 5408 1781 0538 0913 1041 9 BE 71 0961 2345 6769")
}

// FuzzIBANPrefilter checks that the prefilter never skips a document in
// which the pattern finds an IBAN.
func FuzzIBANPrefilter(f *testing.F) {
	for _, s := range []string{"BE71 0961 2345 6769", "be71096123456769", "x NL91-ABNA-0417-1643-00"} {
		f.Add(s)
	}
	r := newIBAN()
	r.re.MatchTimeout = DefaultMatchTimeout
	f.Fuzz(func(t *testing.T, s string) {
		text := []rune(s)
		es, err := r.findAll(context.Background(), text, nil)
		if err == nil && len(es) > 0 && !mayHoldIBAN(text) {
			t.Fatalf("mayHoldIBAN(%q) = false, but the pattern finds an IBAN", s)
		}
	})
}

// bankBenchText is two pages of a bilingual municipal letter with a few
// bank details, the kind of document the pattern stage sees.
var bankBenchText = strings.Repeat(`Stad Leuven – Dienst Financiën
Professor Van Overstraetenplein 1, 3000 Leuven
Ons kenmerk: FIN/2024/0387 – Uw kenmerk: aanvraag van 12 maart 2024

Geachte mevrouw Vermeulen,

Naar aanleiding van uw aanvraag tot terugbetaling van de retributie voor het
gebruik van de sporthal bezorgen wij u hierbij de afrekening. Het bedrag van
148,50 EUR wordt binnen dertig dagen teruggestort op het rekeningnummer dat u
ons hebt meegedeeld: IBAN BE71 0961 2345 6769 – BIC GKCCBEBB, op naam van
Vermeulen-Claes. Indien dit rekeningnummer niet meer correct is, verzoeken wij
u ons dit zo snel mogelijk te laten weten via het e-loket of per brief.

Openstaande facturen kunt u betalen op rekening BE68 5390 0754 7034 van de
stad, met vermelding van de gestructureerde mededeling +++123/4567/89002+++.
Voor vragen kunt u terecht bij de dienst Financiën, elke werkdag van 9 tot
12 uur, of telefonisch op 016 27 20 00.

Madame, Monsieur,

Suite à votre demande du 4 avril 2024, nous vous informons que le montant de
la prime communale sera versé sur le compte bancaire FR14 2004 1010 0505 0001
3M02 606 dans les meilleurs délais. Nous vous rappelons que les données
bancaires communiquées doivent correspondre au titulaire du dossier. Le
paiement des factures en souffrance se fait par virement sur le compte de la
Ville, numéro de compte BE68539007547034, code BIC BBRUBEBB, en mentionnant la
communication structurée indiquée sur la facture.

Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations
distinguées.

Voor het college van burgemeester en schepenen,
De algemeen directeur                         De burgemeester
KBC BRUSSELS – ANTWERPEN – BELFIUS BANK – Dossier afgesloten op 30.04.2024.
`, 3)

func benchBankRecognizer(b *testing.B, r *recognizer, earlier []entity.Entity) {
	text := []rune(bankBenchText)
	// A timeout as long as this keeps the cost of checking the clock in the
	// measure, but not regexp2's spurious timeouts: its clock is a
	// goroutine that ticks every 100 ms, and on an overloaded machine a
	// late tick makes a search of microseconds exceed 250 ms.
	r.re.MatchTimeout = 10 * time.Second
	b.SetBytes(int64(len(bankBenchText)))
	for b.Loop() {
		if r.worthTrying != nil && !r.worthTrying(text) {
			continue
		}
		if _, err := r.findAll(context.Background(), text, earlier); err != nil {
			// regexp2's timeout error quotes the whole input.
			b.Fatalf("find: %.60v", err)
		}
	}
}

func BenchmarkIBAN(b *testing.B) {
	benchBankRecognizer(b, newIBAN(), nil)
}
