package recognizers

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/belner/belner/entity"
)

func TestINSZ(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"eID form", "INSZ: 85.07.30-033.28", []string{"85.07.30-033.28"}},
		{"compact", "Rijksregisternummer 85073003328.", []string{"85073003328"}},
		{"six three two", "NISS : 850730 033 28", []string{"850730 033 28"}},
		{"space and hyphen", "n° 85.07.30 033-28 (NISS)", []string{"85.07.30 033-28"}},
		{"non-breaking spaces", "RRN 850730\u00a0033\u00a028", []string{"850730\u00a0033\u00a028"}},
		{"all hyphens", "85-07-30-033-28", []string{"85-07-30-033-28"}},
		{"born 2000 or later", "INSZ 17031512328", []string{"17031512328"}},
		{"BIS sex unknown", "bisnummer 85273003371", []string{"85273003371"}},
		{"BIS sex known", "numéro bis: 85.47.30-034.16", []string{"85.47.30-034.16"}},
		{"month unknown", "85000012511", []string{"85000012511"}},
		{"two in a table", "85073003328\t85273003371", []string{"85073003328", "85273003371"}},
		{"in parentheses", "(85.07.30-033.28)", []string{"85.07.30-033.28"}},
		{"bad checksum", "INSZ: 85.07.30-033.29", nil},
		{"month 13", "85133003370", nil},
		{"mixed date separators", "85.07-30-033.28", nil},
		{"inside a longer number", "185073003328", nil},
		{"followed by a digit", "850730033281", nil},
		{"inside a word", "X85073003328", nil},
		{"after a letter suffix", "85073003328b", nil},
		{"continues with dot digit", "85.07.30-033.28.5", nil},
		{"continues a number", "1.85073003328", nil},
		{"after a plus", "+85073003328", nil},
		{"broken across lines", "85.07.30\n033.28", nil},
		{"label on the line above", "Rijksregisternummer:\r\n85.07.30-033.28\r\n", []string{"85.07.30-033.28"}},
		{"ends a sentence", "Zijn nummer is 85.07.30-033.28.", []string{"85.07.30-033.28"}},
		{"not a phone number", "+32 478 53 20 19", nil},
		{"not an IBAN", "BE71 0961 2345 6769", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newINSZ()
			assertTexts(t, textsOf(t, r, tt.text, entity.INSZ), tt.want)
			assertWorthTrying(t, r, tt.text, len(tt.want) > 0)
		})
	}
}

func TestINSZContext(t *testing.T) {
	tests := []struct {
		text, word string
	}{
		{"Rijksregisternummer: 85.07.30-033.28", "rijksregister"},
		{"INSZ van de aanvrager: 85073003328", "insz"},
		{"Numéro de registre national : 85.07.30-033.28", "registre national"},
		{"N° NISS 850730 033 28", "niss"},
		{"Nationalregisternummer: 85.07.30-033.28", "nationalregister"},
		{"ENSS 85073003328", "enss"},
		{"SSIN 85073003328", "ssin"},
	}
	without := findOne(t, newINSZ(), "Nummer 85.07.30-033.28")
	if without.Score != inszStrictScore {
		t.Errorf("score without context %v, want %v", without.Score, inszStrictScore)
	}
	for _, tt := range tests {
		e := findOne(t, newINSZ(), tt.text)
		if e.Score != 1 || e.Explanation.ContextWord != tt.word {
			t.Errorf("%q: score %v, context word %q; want 1, %q", tt.text, e.Score, e.Explanation.ContextWord, tt.word)
		}
	}
}

func TestINSZLenientScore(t *testing.T) {
	for _, text := range []string{
		"85023103360", // 31 February
		"85073000061", // counter 000
	} {
		e := findOne(t, newINSZ(), text)
		if e.Score != inszLenientScore || len(e.Explanation.Notes) == 0 {
			t.Errorf("%q: score %v, notes %q; want %v with a note", text, e.Score, e.Explanation.Notes, inszLenientScore)
		}
		// A context word raises a doubtful number less far than a sound one.
		e = findOne(t, newINSZ(), "Rijksregisternummer: "+text)
		if e.Score != inszLenientContextScore {
			t.Errorf("%q after a context word: score %v, want %v", text, e.Score, inszLenientContextScore)
		}
	}
}

func TestCheckINSZ(t *testing.T) {
	today := time.Date(2026, time.June, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		ds       string
		ok       bool
		score    float64
		checksum string
	}{
		{"85073003328", true, inszStrictScore, "national register number, mod 97 valid (born before 2000)"},
		{"17031512328", true, inszStrictScore, "national register number, mod 97 valid (born 2000 or later)"},
		{"00010100105", true, inszStrictScore, "national register number, mod 97 valid (born 2000 or later)"},
		{"85273003371", true, inszStrictScore, "BIS number, mod 97 valid (born before 2000)"},
		{"85000012511", true, inszStrictScore, ""},
		{"85023103360", true, inszLenientScore, ""},                                                         // 31 February
		{"85073000061", true, inszLenientScore, ""},                                                         // counter 000
		{"26010100166", true, inszStrictScore, ""},                                                          // January 2026
		{"26120100146", true, inszLenientScore, ""},                                                         // December 2026: future
		{"27010100187", false, 0, ""},                                                                       // 2027: 2000 rule not tried
		{"27010100158", true, inszStrictScore, "national register number, mod 97 valid (born before 2000)"}, // 1927
		{"85133003370", false, 0, ""},                                                                       // month 13
		{"85073003329", false, 0, ""},                                                                       // checksum
		{"8507300332", false, 0, ""},                                                                        // length
	}
	for _, tt := range tests {
		v, ok := checkINSZ(tt.ds, today)
		if ok != tt.ok || ok && v.score != tt.score || tt.checksum != "" && v.checksum != tt.checksum {
			t.Errorf("checkINSZ(%s) = %v, %+v; want %v, score %v, checksum %q", tt.ds, ok, v, tt.ok, tt.score, tt.checksum)
		}
	}
}

func TestINSZMonths(t *testing.T) {
	today := time.Date(2026, time.June, 15, 0, 0, 0, 0, time.UTC)
	for mm := 0; mm < 100; mm++ {
		b := "85" + idPad2(mm) + "15001"
		_, ok := checkINSZ(b+idPad2(97-mod97(b)), today)
		want := mm <= 12 || mm >= 20 && mm <= 32 || mm >= 40 && mm <= 52
		if ok != want {
			t.Errorf("month field %02d: accepted %v, want %v", mm, ok, want)
		}
	}
}

// TestINSZChance checks that random 11-digit strings pass about as often
// as the month rule and the two checksums allow: 39 month fields in 100,
// times 1/100 for the 1900 rule plus 27/100 × 1/100 for the 2000 rule
// (years 00-26), about 0.5%.
func TestINSZChance(t *testing.T) {
	today := time.Date(2026, time.June, 15, 0, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(1, 2))
	n := 0
	for range 10000 {
		if _, ok := checkINSZ(randomIDDigits(rng, 11), today); ok {
			n++
		}
	}
	t.Logf("%d of 10000 accepted", n)
	if n < 25 || n > 80 {
		t.Errorf("%d of 10000 random numbers accepted, want about 50", n)
	}
}

func BenchmarkINSZ(b *testing.B) { benchmarkIDRecognizer(b, newINSZ()) }

func FuzzINSZ(f *testing.F) {
	fuzzRecognizer(f, newINSZ(), "INSZ: 85.07.30-033.28", "85073003328", "850730 033 28",
		"85.07.30\n033.28", "1.85073003328.5", "85-07-30-033-28\u00a0")
}

// assertWorthTrying checks that r's prefilter lets text through when r
// must find something in it.
func assertWorthTrying(t *testing.T, r *recognizer, text string, mustFind bool) {
	t.Helper()
	if mustFind && !r.worthTrying([]rune(text)) {
		t.Errorf("%q: worthTrying is false", text)
	}
}

func TestHasDigitChain(t *testing.T) {
	tests := []struct {
		text string
		n    int
		seps string
		want bool
	}{
		{"85.07.30-033.28", 11, ".- ", true},
		{"85.07.30-033.2", 11, ".- ", false},
		{"85.07.30--033.28", 11, ".- ", false},
		{"85.07.30/033.28", 11, ".- ", false},
		{"BE (0)468.561.072", 10, ". ()", true},
		{"ab 1234567 cd", 7, "", true},
		{"ab 123456 7 cd", 7, "", false},
		{"", 1, "", false},
	}
	for _, tt := range tests {
		if got := hasDigitChain([]rune(tt.text), tt.n, tt.seps); got != tt.want {
			t.Errorf("hasDigitChain(%q, %d, %q) = %v, want %v", tt.text, tt.n, tt.seps, got, tt.want)
		}
	}
}

func idPad2(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// randomIDDigits returns n random ASCII digits.
func randomIDDigits(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + rng.IntN(10))
	}
	return string(b)
}

// benchmarkIDRecognizer measures r over idsBenchDoc, the way a Set runs it.
func benchmarkIDRecognizer(b *testing.B, r *recognizer) {
	text := []rune(idsBenchDoc)
	if len(find(b, r, idsBenchDoc)) == 0 {
		b.Fatal("nothing found in the benchmark document")
	}
	b.SetBytes(int64(len(idsBenchDoc)))
	for b.Loop() {
		if r.worthTrying != nil && !r.worthTrying(text) {
			continue
		}
		find(b, r, idsBenchDoc)
	}
}

// idsBenchDoc is two pages of a realistic mixed Dutch and French
// administrative letter, with dates, amounts, phone numbers, an IBAN and a
// few identifiers. All personal data in it is fictitious.
var idsBenchDoc = strings.Repeat(`Stad Gent – Dienst Burgerzaken
Botermarkt 1, 9000 Gent
Tel. 09 210 10 10 – fax 09/266.51.99 – burgerzaken@stad.gent

Gent, 12 maart 2024
Ons kenmerk: BZ/2024/0318-77
Uw brief van 04.03.2024

Betreft: aanvraag tot inschrijving en uittreksel uit het bevolkingsregister

Geachte heer Janssens,

Wij hebben uw aanvraag van 4 maart 2024 goed ontvangen. Om uw dossier verder te behandelen
hebben wij de volgende gegevens nodig. Rijksregisternummer van de aanvrager: 85.07.30-033.28.
Gelieve ook een kopie van uw identiteitskaart (kaartnummer 591-1917064-58) bij te voegen, samen
met het attest van uw werkgever, Bouwbedrijf De Smet BV, ondernemingsnummer 0428.759.497,
gevestigd te Kortrijksesteenweg 1024, 9051 Sint-Denijs-Westrem.

De retributie bedraagt 12,50 EUR per uittreksel. U kunt betalen via overschrijving op rekening
BE71 0961 2345 6769 met gestructureerde mededeling +++123/4567/89002+++ vóór 31/03/2024.
Voor vragen kunt u ons bereiken op het nummer 0478 53 20 19 of op +32 9 225 61 40, van maandag
tot vrijdag tussen 9.00 en 12.30 uur. Uw dossier heeft het volgnummer 2024-000317.

Het college van burgemeester en schepenen heeft op 18 januari 2024 beslist dat de kosten voor
2024 niet worden geïndexeerd. In totaal werden in 2023 in Gent 14.325 uittreksels afgeleverd,
tegenover 13.902 in 2022 (+3,04 %). De gemiddelde behandelingstermijn bedroeg 6,2 werkdagen.

Met vriendelijke groeten,
Annelies Van den Broeck, diensthoofd

Ville de Liège – Service Population
Place du Marché 2, 4000 Liège – Tél. 04/221.84.11

Liège, le 1er avril 2024
Objet : votre demande de certificat de résidence (réf. POP-2024-11873)

Madame, Monsieur,

Nous accusons réception de votre demande du 28 mars 2024. Le numéro de registre national
mentionné (NISS 850730 033 28) correspond bien à votre inscription. Votre employeur, la SRL
Boulangerie Thiry, numéro d'entreprise BE 0658.590.705, TVA BE0428759497, nous a transmis
l'attestation requise le 2 avril 2024.

Le montant de 7,00 EUR doit être versé sur le compte BE68 5390 0754 7034 au plus tard le
15/04/2024. En cas de question, contactez-nous au 04 221 84 11 ou par courriel.
Dans l'attente, nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.

Pour le Bourgmestre, la Directrice générale, J. Thiry
`, 2)
