package recognizers

import (
	"context"
	"testing"
)

// miscLetter is a two-page administrative letter in Dutch, French and
// German with a few phone numbers, e-mail addresses, URLs and number
// plates among dates, amounts and identifiers, for the benchmarks of the
// phone, e-mail, URL and plate recognisers.
const miscLetter = `OCMW Gent – Sociale Dienst
Onderbergen 86, 9000 Gent
Tel. 09 266 99 11 – Fax 09 266 99 12
E-mail: sociale.dienst@ocmw-gent.be – www.ocmw-gent.be

Gent, 12.03.2024

Aan mevrouw Marie-Claire Dubois
Rue de la Loi 16 bus 3
1000 Brussel

Ons kenmerk: SD/2024/1187 – Uw kenmerk: 85.07.30-033.28
Betreft: aanvraag leefloon en tussenkomst in de huurwaarborg

Geachte mevrouw Dubois,

Wij hebben uw aanvraag van 4 maart 2024 goed ontvangen. Uw dossier werd op
de vergadering van het Bijzonder Comité voor de Sociale Dienst van 11 maart
2024 besproken. Het comité heeft beslist u een leefloon toe te kennen aan het
tarief voor een persoon met gezinslast, dit is 2.095,93 EUR per maand, met
ingang van 1 februari 2024. Het bedrag wordt maandelijks gestort op uw
rekening BE71 0961 2345 6769 met de gestructureerde mededeling
+++123/4567/89002+++. De eerste betaling volgt binnen de tien werkdagen.

Voor de tussenkomst in de huurwaarborg vragen wij u nog de volgende stukken
te bezorgen: een kopie van het huurcontract, een attest van de verhuurder
(onderneming 0428.759.497, BTW BE 0428.759.497) en het bewijs van
inschrijving van uw voertuig met nummerplaat 1-ABC-123. U kunt de stukken
ook opladen via https://www.socialsecurity.be/citizen/nl/ of via
www.mijnpensioen.be/login wanneer u uw pensioenrechten wilt raadplegen.
Meer informatie vindt u op http://example.be/a?b=c&d=e#f (zie bijlage 2).

Wanneer u vragen hebt, kunt u uw maatschappelijk werker, mevrouw An Peeters,
bereiken op het nummer 09/266.99.45 of op haar gsm 0478 53 20 19, elke
werkdag tussen 09.00-12.00 uur. U kunt haar ook mailen op
an.peeters@ocmw-gent.be. Vermeld steeds uw dossiernummer 2024/1187.

Tegen deze beslissing kunt u binnen de drie maanden beroep aantekenen bij de
arbeidsrechtbank van Gent, Opgeëistenlaan 401 E, 9000 Gent. Het beroep is
kosteloos. Meer informatie over uw rechten vindt u op www.kbo.be en op de
website van de POD Maatschappelijke Integratie, https://www.mi-is.be/nl.

Met vriendelijke groeten,

Jan Van den Broeck                     Sofie D'Hondt
Algemeen directeur                     Voorzitter

-----------------------------------------------------------------------------

Madame,

Suite à votre demande du 14 mars 2024, nous vous confirmons que le CPAS de
Bruxelles prend en charge les frais médicaux repris dans la facture
n° 2024-0315 pour un montant de 187,40 EUR. Pour toute question, vous pouvez
contacter notre service au +32 (0)2 543 60 00 ou par courriel à
info@cpas-bruxelles.brussels. Le véhicule immatriculé 2-XYZ-789 n'est pas
pris en compte dans le calcul des ressources. Votre mutualité, joignable au
087/59.46.10 ou sur www.mutualite.be, vous remboursera la différence.

Sehr geehrte Frau Dubois,

wir bestätigen den Eingang Ihres Antrags vom 14. März 2024. Bitte senden Sie
uns die fehlenden Unterlagen bis zum 30.04.2024 zu. Telefon: +49 30 1234567,
Fax +352 26 12 34 56, E-Mail: verwaltung@gemeinde-eupen.be. Das Kennzeichen
Ihres Fahrzeugs (ABC-123) wurde vermerkt. Weitere Informationen finden Sie
unter https://www.ostbelgienlive.be/desktopdefault.aspx/tabid-5013/.

Mit freundlichen Grüßen
Gemeindeverwaltung Eupen, Rathausplatz 14, 4700 Eupen
`

// benchMisc runs r over miscLetter the way a Set does and reports MB/s.
func benchMisc(b *testing.B, r *recognizer) {
	setTimeout(r)
	text := []rune(miscLetter)
	b.SetBytes(int64(len(miscLetter)))
	b.ReportAllocs()
	for b.Loop() {
		if r.worthTrying != nil && !r.worthTrying(text) {
			continue
		}
		if _, err := r.findAll(context.Background(), text, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPhone(b *testing.B)        { benchMisc(b, newPhone()) }
func BenchmarkEmail(b *testing.B)        { benchMisc(b, newEmail()) }
func BenchmarkURL(b *testing.B)          { benchMisc(b, newURL()) }
func BenchmarkLicensePlate(b *testing.B) { benchMisc(b, newLicensePlate()) }
func BenchmarkOrganization(b *testing.B) { benchMisc(b, newOrganization()) }

// TestMiscLetter checks what each recogniser finds in the benchmark letter,
// so that the benchmarks measure the work of finding real entities.
func TestMiscLetter(t *testing.T) {
	tests := []struct {
		r    *recognizer
		want []string
	}{
		{newPhone(), []string{
			"09 266 99 11", "09 266 99 12", "09/266.99.45", "0478 53 20 19",
			"+32 (0)2 543 60 00", "087/59.46.10", "+49 30 1234567", "+352 26 12 34 56",
		}},
		{newEmail(), []string{
			"sociale.dienst@ocmw-gent.be", "an.peeters@ocmw-gent.be",
			"info@cpas-bruxelles.brussels", "verwaltung@gemeinde-eupen.be",
		}},
		{newURL(), []string{
			"www.ocmw-gent.be", "https://www.socialsecurity.be/citizen/nl/",
			"www.mijnpensioen.be/login", "http://example.be/a?b=c&d=e#f", "www.kbo.be",
			"https://www.mi-is.be/nl", "www.mutualite.be",
			"https://www.ostbelgienlive.be/desktopdefault.aspx/tabid-5013/",
		}},
		{newLicensePlate(), []string{"1-ABC-123", "2-XYZ-789", "ABC-123"}},
		{newOrganization(), []string{"OCMW Gent", "POD Maatschappelijke Integratie", "Gemeindeverwaltung Eupen"}},
	}
	for _, tt := range tests {
		t.Run(tt.r.name, func(t *testing.T) {
			assertTexts(t, textsOf(t, tt.r, miscLetter, tt.r.typ), tt.want)
		})
	}
}
