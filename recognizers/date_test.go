package recognizers

import (
	"context"
	"testing"

	"github.com/belner/belner/entity"
)

func TestDate(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity texts, in order
	}{
		// Numeric forms.
		{"slashes", "Gent, 12/03/2024", []string{"12/03/2024"}},
		{"dots", "Datum: 12.03.2024", []string{"12.03.2024"}},
		{"hyphens", "le 12-03-2024", []string{"12-03-2024"}},
		{"unpadded", "op 1/3/2024 ingediend", []string{"1/3/2024"}},
		{"two-digit year", "21/03/24", []string{"21/03/24"}},
		{"ISO", "created 2024-02-06 by", []string{"2024-02-06"}},
		{"ISO timestamp", "Date: 2024-02-06T14:30:00Z", []string{"2024-02-06"}},
		{"ISO with slashes", "2024/02/06", []string{"2024/02/06"}},
		{"day and month", "am 08.07. erhalten", []string{"08.07."}},
		{"day and month at sentence end", "Wij verwachten u op 12.03.", []string{"12.03."}},
		{"sentence dot not part of date", "Het vonnis viel op 12.03.2024.", []string{"12.03.2024"}},
		{"in parentheses", "(12/03/2024)", []string{"12/03/2024"}},
		{"after colon without space", "Datum:12/03/2024", []string{"12/03/2024"}},
		{"range", "periode 01/01/2024-31/12/2024", []string{"01/01/2024", "31/12/2024"}},
		{"day-month range", "vom 08.07.-12.07. geschlossen", []string{"08.07.", "12.07."}},
		{"several", "van 01.02.2024 tot 15.03.2024", []string{"01.02.2024", "15.03.2024"}},

		// Written forms.
		{"Dutch", "Brussel, 12 maart 2024", []string{"12 maart 2024"}},
		{"Dutch abbreviation", "op 4 apr. 2024", []string{"4 apr. 2024"}},
		{"Dutch abbreviation mrt", "3 mrt. 2023", []string{"3 mrt. 2023"}},
		{"abbreviation without dot", "4 apr 2024", []string{"4 apr 2024"}},
		{"Dutch without year", "tot 12 maart.", []string{"12 maart"}},
		{"abbreviation dot without year", "tot 12 sept.", []string{"12 sept."}},
		{"French 1er", "le 1er avril 2024", []string{"1er avril 2024"}},
		{"French 1ier", "le 1ier avril 2024", []string{"1ier avril 2024"}},
		{"French accents", "le 3 décembre 2023 et le 3 decembre 2023", []string{"3 décembre 2023", "3 decembre 2023"}},
		{"French août", "15 août 2024, 15 aout 2024", []string{"15 août 2024", "15 aout 2024"}},
		{"French févr.", "2 févr. 2024", []string{"2 févr. 2024"}},
		{"French juil.", "14 juil. 1989", []string{"14 juil. 1989"}},
		{"German ordinal dot", "am 14. März 2024", []string{"14. März 2024"}},
		{"German without space", "am 14.März 2024", []string{"14.März 2024"}},
		{"German Jänner", "3. Jänner 2024", []string{"3. Jänner 2024"}},
		{"German Maerz", "14. Maerz 2024", []string{"14. Maerz 2024"}},
		{"German Dez.", "24. Dez. 2024", []string{"24. Dez. 2024"}},
		{"English", "on 14 March 2024", []string{"14 March 2024"}},
		{"upper case", "12 MAART 2024", []string{"12 MAART 2024"}},
		{"upper case abbreviation", "12 MRT 2024", []string{"12 MRT 2024"}},
		{"upper case accents", "1ER DÉCEMBRE 2024, 14. MÄRZ 2024", []string{"1ER DÉCEMBRE 2024", "14. MÄRZ 2024"}},
		{"written two-digit year", "Gent, 12 maart 24\n", []string{"12 maart 24"}},
		{"written apostrophe year", "12 maart '24", []string{"12 maart '24"}},
		{"no-break space", "12\u00a0maart\u00a02024", []string{"12\u00a0maart\u00a02024"}},

		// Weekdays and times are not part of the span.
		{"Dutch weekday", "maandag 12 maart 2024", []string{"12 maart 2024"}},
		{"French weekday", "lundi 1er avril 2024", []string{"1er avril 2024"}},
		{"German weekday", "Montag, 14. März 2024", []string{"14. März 2024"}},
		{"time after numeric", "12/03/2024 14:30", []string{"12/03/2024"}},
		{"time after written", "12 maart 2024 om 14u30", []string{"12 maart 2024"}},
		{"time after written without year", "le 12 mars 14h30", []string{"12 mars"}},
		{"time with colon after written", "12. März 14:30 Uhr", []string{"12. März"}},
		{"count after month", "le 12 mars 24 personnes", []string{"12 mars"}},

		// Invalid calendar dates.
		{"31 February", "31/02/2024", nil},
		{"month 13", "13/13/2024", nil},
		{"day zero", "00/03/2024", nil},
		{"31 April", "31 april 2024", nil},
		{"29 February leap", "29/02/2024", []string{"29/02/2024"}},
		{"29 February not leap", "29/02/2023", nil},
		{"29 February 1900", "29.02.1900", nil},
		{"29 February 2000", "29.02.2000", []string{"29.02.2000"}},
		{"29 February without year", "29. Februar", []string{"29. Februar"}},
		{"year out of range", "12/03/1234", nil},
		{"ISO month 13", "2024-13-01", nil},
		{"2er", "le 2er avril", nil},
		{"32 maart", "32 maart 2024", nil},

		// Not dates.
		{"month and year", "mai 2024", nil},
		{"month and year Dutch", "in maart 2024 betaald", nil},
		{"bare year", "in 2024", nil},
		{"national number", "RRN 85.07.30-033.28", nil},
		{"national number bis", "85.47.30-033.28", nil},
		{"phone", "tel. 087/59.46.10", nil},
		{"phone with dots", "04.12.34.56.78", nil},
		{"URL path", "https://www.gent.be/nieuws/2024/03/12/feest", nil},
		{"URL query", "https://x.be/?d=12-03-2024", nil},
		{"IBAN", "BE71 0961 2345 6769", nil},
		{"amount", "€ 1.250,00", nil},
		{"version", "v1.2.24", nil},
		{"numbers glued", "112/03/2024", nil},
		{"more digits", "12/03/20245", nil},
		{"day and month without dot", "12/03 en 12.03", nil},
		{"day and month followed by digits", "12.10.000", nil},
		{"trailing letters", "12.03.2024abc", nil},
		{"month name inside word", "12 maartse", nil},
		{"mixed separators", "12/03-2024", nil},
		{"section number", "1.1.1 Inleiding", nil},
		{"reference number", "réf. 2024/1187", nil},
		{"phone with hyphens", "tel 02-555-12-12", nil},
		{"no space before month", "12maart 2024", nil},

		// Line breaks.
		{"day and month on two lines", "12\nmaart 2024", nil},
		{"numeric over a line break", "12/03/\n2024", nil},
		{"year on the next line", "12 maart\n2024", []string{"12 maart"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textsOf(t, newDate(), tt.text, entity.Date)
			assertTexts(t, got, tt.want)
		})
	}
}

func TestDateScores(t *testing.T) {
	tests := []struct {
		text  string
		score float64
		noted bool
	}{
		{"Gent, 12/03/2024", 0.85, false},
		{"op 2024-02-06", 0.85, false},
		{"Gent, 12/03/24", 0.7, true},
		{"am 08.07. erhalten", 0.55, true},
		{"zie 1.2. hierboven", 0.45, true},
		{"Gent, 12 maart 2024", 0.9, false},
		{"Gent, 12 maart", 0.9, false},
		{"Geboortedatum: 12/03/24", 0.95, true},
		{"date de naissance : 12.03.1985", 0.95, false},
		{"Geburtsdatum 08.07.", 0.95, true},
		{"Datum: 12 maart 2024", 0.95, false},
	}
	for _, tt := range tests {
		e := findOne(t, newDate(), tt.text)
		if e.Score != tt.score {
			t.Errorf("%q: score %v, want %v", tt.text, e.Score, tt.score)
		}
		if noted := len(e.Explanation.Notes) > 0; noted != tt.noted {
			t.Errorf("%q: notes %q, want notes: %v", tt.text, e.Explanation.Notes, tt.noted)
		}
	}
}

func TestDateContextRaisesScore(t *testing.T) {
	without := findOne(t, newDate(), "Ingediend 12/03/2024.")
	with := findOne(t, newDate(), "Geboortedatum: 12/03/2024.")
	if with.Score <= without.Score {
		t.Errorf("score with context word %v, want above %v", with.Score, without.Score)
	}
	if with.Explanation.ContextWord != "geboortedatum" {
		t.Errorf("context word %q, want %q", with.Explanation.ContextWord, "geboortedatum")
	}
}

// dateBenchText is a two-page letter in Dutch, French and German with a
// handful of dates among the addresses, amounts, phone numbers and
// identifiers that such letters carry.
const dateBenchText = `Stad Gent – Dienst Burgerzaken
Botermarkt 1, 9000 Gent
Tel. 09 210 10 10 – fax 09/266.52.99 – burgerzaken@stad.gent
Ons kenmerk: BZ/2024/0345 – Uw brief van 4 maart 2024

Mevrouw Annelies Van den Broeck
Kortrijksesteenweg 112 bus 3
9000 Gent

Gent, maandag 12 maart 2024

Betreft: aanvraag uittreksel uit het bevolkingsregister en wijziging van adres

Geachte mevrouw Van den Broeck,

Wij danken u voor uw aanvraag, die wij op 08.03.2024 ontvingen via het
digitale loket van de stad. Uw dossier werd toegewezen aan een medewerker van
de dienst Burgerzaken, die de gegevens in het Rijksregister heeft nagekeken.
Uw rijksregisternummer 85.07.30-033.28 en uw geboortedatum (30/07/1985) stemmen
overeen met de gegevens die wij van u ontvingen. Wij stellen echter vast dat de
adreswijziging die u meldde nog niet door de wijkagent werd bevestigd. Zolang
die bevestiging ontbreekt, kunnen wij het uittreksel alleen afleveren met uw
vorige adres. De wijkagent neemt in de loop van de komende weken contact met u
op om een afspraak te maken; u hoeft daarvoor zelf niets te ondernemen.

Het retributiebedrag van € 12,50 werd correct op rekening BE71 0961 2345 6769
(BIC GKCCBEBB) gestort met de gestructureerde mededeling +++123/4567/89002+++.
De documenten liggen vanaf 15.03. voor u klaar aan loket 4 van het
Administratief Centrum. Gelieve uw identiteitskaart mee te brengen wanneer u ze
komt afhalen. Wie de documenten in uw plaats komt ophalen, brengt een
ondertekende volmacht en een kopie van uw identiteitskaart mee. Onze loketten
zijn open van maandag tot vrijdag van 8u30 tot 12u30, op donderdag ook van 14u
tot 19u. Buiten de openingsuren kunt u een afspraak maken via de website van de
stad of telefonisch via het gratis nummer 0800 12 345.

Madame, Monsieur,

Suite à votre courrier du 1er avril 2024, nous vous informons que votre dossier
a été transmis au service compétent le 2 avr. 2024. Ce service examinera votre
demande dans les meilleurs délais et vous fera part de sa décision par écrit.
La décision vous sera notifiée dans un délai de trente jours à compter de la
réception d'un dossier complet. Si des pièces justificatives manquent, le
service vous contactera afin de compléter votre dossier. Pour toute question,
vous pouvez contacter nos services du lundi au vendredi au numéro 02/555.12.12
ou consulter notre site internet, où vous trouverez également la liste des
documents à joindre à votre demande ainsi que les réponses aux questions les
plus fréquentes concernant les démarches administratives.

Sehr geehrte Frau Schmitz,

bezugnehmend auf Ihr Schreiben vom 14. März 2024 teilen wir Ihnen mit, dass
die von Ihnen eingereichten Unterlagen vollständig bei uns eingegangen sind.
Ihr Antrag wird derzeit von der zuständigen Abteilung geprüft. Sollten weitere
Angaben erforderlich sein, werden wir uns umgehend mit Ihnen in Verbindung
setzen. Bitte beachten Sie, dass die Frist für die Einreichung eines Einspruchs
am 30.04.2024 endet. Nach Ablauf dieser Frist kann die Entscheidung nicht mehr
angefochten werden. Für Rückfragen stehen wir Ihnen gerne zur Verfügung.

Wij hopen u hiermee voldoende te hebben ingelicht en verblijven,

Met vriendelijke groeten,

Jan Peeters
Diensthoofd Burgerzaken

Stad Gent – ondernemingsnummer 0207.451.227 – www.stad.gent
Dit document werd elektronisch ondertekend en is geldig zonder handtekening.
`

func BenchmarkDate(b *testing.B) {
	r := newDate()
	r.re.MatchTimeout = DefaultMatchTimeout
	text := []rune(dateBenchText)
	b.SetBytes(int64(len(dateBenchText)))
	for b.Loop() {
		if _, err := r.find(context.Background(), text, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzDate(f *testing.F) {
	fuzzRecognizer(f, newDate(),
		"12/03/2024", "2024-02-06T14:30", "08.07.", "85.07.30-033.28",
		"1er avril 2024", "14. März 2024", "12 MAART '24", "01/01/2024-31/12/2024",
		"29.02.2023", "4 apr. 2024 14:30")
}
