"""The countries the model's decoding adds where the model passed them over.

The small model misses country names in running text (`in Egypte`, `en
Inde`, `nach Marokko`), above all those its training text seldom names,
while a country's name is nearly always a LOCATION. COUNTRIES are the
sovereign states and a few territories in Dutch, French and German,
written here by hand (with older spellings that Belgian and Dutch texts
still use). A name that is also a common word (`indien`) or one of the
Statbel first names and surnames (`France`, `Maurice`, French for
Mauritius) is left out, and names of several words are not used: the model
finds those itself.

The list is written into the model directory as places.txt, one name per
line, and decoding (``nerdata.add_places``; ner/places.go in the service)
makes a LOCATION of a listed word that no model span touches, unless it
starts a sentence or line, or a name or a title stands right beside it
(`Jordan Peeters`, `mevrouw Georgia`; not a sentence's first word, `Volgens
Marokko`).

    python3 places.py --model-dir ../belner-ner
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common_words as CW  # noqa: E402

FILE = "places.txt"

# (Dutch, French, German), None where a language has no name of one word
COUNTRIES = [
    ("Afghanistan", "Afghanistan", "Afghanistan"), ("Albanië", "Albanie", "Albanien"),
    ("Algerije", "Algérie", "Algerien"), ("Andorra", "Andorre", "Andorra"), ("Angola", "Angola", "Angola"),
    ("Argentinië", "Argentine", "Argentinien"), ("Armenië", "Arménie", "Armenien"),
    ("Australië", "Australie", "Australien"), ("Azerbeidzjan", "Azerbaïdjan", "Aserbaidschan"),
    ("Bahama's", "Bahamas", "Bahamas"), ("Bahrein", "Bahreïn", "Bahrain"), ("Bangladesh", "Bangladesh", "Bangladesch"),
    ("Barbados", "Barbade", "Barbados"), ("België", "Belgique", "Belgien"), ("Belize", "Belize", "Belize"),
    ("Benin", "Bénin", "Benin"), ("Bhutan", "Bhoutan", "Bhutan"), ("Bolivia", "Bolivie", "Bolivien"),
    ("Bosnië-Herzegovina", "Bosnie-Herzégovine", "Bosnien-Herzegowina"), ("Botswana", "Botswana", "Botsuana"),
    ("Brazilië", "Brésil", "Brasilien"), ("Brunei", "Brunei", "Brunei"), ("Bulgarije", "Bulgarie", "Bulgarien"),
    ("Burundi", "Burundi", "Burundi"), ("Cambodja", "Cambodge", "Kambodscha"),
    ("Canada", "Canada", "Kanada"), ("Chili", "Chili", "Chile"), ("China", "Chine", "China"),
    ("Colombia", "Colombie", "Kolumbien"), ("Comoren", "Comores", "Komoren"), ("Congo", "Congo", "Kongo"),
    ("Cuba", "Cuba", "Kuba"), ("Cyprus", "Chypre", "Zypern"), ("Denemarken", "Danemark", "Dänemark"),
    ("Djibouti", "Djibouti", "Dschibuti"), ("Dominica", "Dominique", "Dominica"),
    ("Duitsland", "Allemagne", "Deutschland"), ("Ecuador", "Équateur", "Ecuador"), ("Egypte", "Égypte", "Ägypten"),
    ("Eritrea", "Érythrée", "Eritrea"), ("Estland", "Estonie", "Estland"), ("Eswatini", "Eswatini", "Eswatini"),
    ("Ethiopië", "Éthiopie", "Äthiopien"), ("Fiji", "Fidji", "Fidschi"), ("Filipijnen", "Philippines", "Philippinen"),
    ("Finland", "Finlande", "Finnland"), ("Frankrijk", "France", "Frankreich"), ("Gabon", "Gabon", "Gabun"),
    ("Gambia", "Gambie", "Gambia"), ("Georgië", "Géorgie", "Georgien"), ("Ghana", "Ghana", "Ghana"),
    ("Grenada", "Grenade", "Grenada"), ("Griekenland", "Grèce", "Griechenland"),
    ("Guatemala", "Guatemala", "Guatemala"), ("Guinee", "Guinée", "Guinea"),
    ("Guinee-Bissau", "Guinée-Bissau", "Guinea-Bissau"), ("Guyana", "Guyana", "Guyana"), ("Haïti", "Haïti", "Haiti"),
    ("Honduras", "Honduras", "Honduras"), ("Hongarije", "Hongrie", "Ungarn"), ("Ierland", "Irlande", "Irland"),
    ("IJsland", "Islande", "Island"), ("India", "Inde", "Indien"), ("Indonesië", "Indonésie", "Indonesien"),
    ("Irak", "Irak", "Irak"), ("Iran", "Iran", "Iran"), ("Israël", "Israël", "Israel"), ("Italië", "Italie", "Italien"),
    ("Ivoorkust", None, "Elfenbeinküste"), ("Jamaica", "Jamaïque", "Jamaika"), ("Japan", "Japon", "Japan"),
    ("Jemen", "Yémen", "Jemen"), ("Jordanië", "Jordanie", "Jordanien"), ("Kaapverdië", "Cap-Vert", "Kap Verde"),
    ("Kameroen", "Cameroun", "Kamerun"), ("Kazachstan", "Kazakhstan", "Kasachstan"), ("Kenia", "Kenya", "Kenia"),
    ("Kirgizië", "Kirghizistan", "Kirgisistan"), ("Kiribati", "Kiribati", "Kiribati"), ("Koeweit", "Koweït", "Kuwait"),
    ("Kosovo", "Kosovo", "Kosovo"), ("Kroatië", "Croatie", "Kroatien"), ("Laos", "Laos", "Laos"),
    ("Lesotho", "Lesotho", "Lesotho"), ("Letland", "Lettonie", "Lettland"), ("Libanon", "Liban", "Libanon"),
    ("Liberia", "Liberia", "Liberia"), ("Libië", "Libye", "Libyen"), ("Liechtenstein", "Liechtenstein", "Liechtenstein"),
    ("Litouwen", "Lituanie", "Litauen"), ("Luxemburg", "Luxembourg", "Luxemburg"),
    ("Madagaskar", "Madagascar", "Madagaskar"), ("Malawi", "Malawi", "Malawi"), ("Maldiven", "Maldives", "Malediven"),
    ("Maleisië", "Malaisie", "Malaysia"), ("Mali", "Mali", "Mali"), ("Malta", "Malte", "Malta"),
    ("Marokko", "Maroc", "Marokko"), ("Mauritanië", "Mauritanie", "Mauretanien"), ("Mauritius", "Maurice", "Mauritius"),
    ("Mexico", "Mexique", "Mexiko"), ("Micronesië", "Micronésie", "Mikronesien"), ("Moldavië", "Moldavie", "Moldau"),
    ("Monaco", "Monaco", "Monaco"), ("Mongolië", "Mongolie", "Mongolei"), ("Montenegro", "Monténégro", "Montenegro"),
    ("Mozambique", "Mozambique", "Mosambik"), ("Myanmar", "Birmanie", "Myanmar"), ("Namibië", "Namibie", "Namibia"),
    ("Nauru", "Nauru", "Nauru"), ("Nederland", "Pays-Bas", "Niederlande"), ("Nepal", "Népal", "Nepal"),
    ("Nicaragua", "Nicaragua", "Nicaragua"), ("Niger", "Niger", "Niger"), ("Nigeria", "Nigeria", "Nigeria"),
    ("Noord-Korea", None, "Nordkorea"), ("Korea", "Corée", "Korea"), ("Noord-Macedonië", "Macédoine", "Nordmazedonien"), ("Macedonië", None, "Mazedonien"),
    ("Noorwegen", "Norvège", "Norwegen"), ("Oeganda", "Ouganda", "Uganda"), ("Oekraïne", "Ukraine", "Ukraine"),
    ("Oezbekistan", "Ouzbékistan", "Usbekistan"), ("Oman", "Oman", "Oman"), ("Oostenrijk", "Autriche", "Österreich"),
    ("Oost-Timor", "Timor", "Osttimor"), ("Pakistan", "Pakistan", "Pakistan"), ("Palau", "Palaos", "Palau"),
    ("Palestina", "Palestine", "Palästina"), ("Panama", "Panama", "Panama"),
    ("Papoea-Nieuw-Guinea", "Papouasie-Nouvelle-Guinée", "Papua-Neuguinea"), ("Paraguay", "Paraguay", "Paraguay"),
    ("Peru", "Pérou", "Peru"), ("Polen", "Pologne", "Polen"), ("Portugal", "Portugal", "Portugal"),
    ("Qatar", "Qatar", "Katar"), ("Roemenië", "Roumanie", "Rumänien"), ("Rusland", "Russie", "Russland"),
    ("Rwanda", "Rwanda", "Ruanda"), ("Samoa", "Samoa", "Samoa"), ("Senegal", "Sénégal", "Senegal"),
    ("Servië", "Serbie", "Serbien"), ("Seychellen", "Seychelles", "Seychellen"), ("Singapore", "Singapour", "Singapur"),
    ("Slovenië", "Slovénie", "Slowenien"), ("Slowakije", "Slovaquie", "Slowakei"), ("Soedan", "Soudan", "Sudan"),
    ("Somalië", "Somalie", "Somalia"), ("Spanje", "Espagne", "Spanien"), ("Suriname", "Suriname", "Suriname"),
    ("Syrië", "Syrie", "Syrien"), ("Tadzjikistan", "Tadjikistan", "Tadschikistan"), ("Taiwan", "Taïwan", "Taiwan"),
    ("Tanzania", "Tanzanie", "Tansania"), ("Thailand", "Thaïlande", "Thailand"), ("Togo", "Togo", "Togo"),
    ("Tonga", "Tonga", "Tonga"), ("Tsjaad", "Tchad", "Tschad"), ("Tsjechië", "Tchéquie", "Tschechien"),
    ("Tunesië", "Tunisie", "Tunesien"), ("Turkije", "Turquie", "Türkei"), ("Turkmenistan", "Turkménistan", "Turkmenistan"),
    ("Tuvalu", "Tuvalu", "Tuvalu"), ("Uruguay", "Uruguay", "Uruguay"), ("Vanuatu", "Vanuatu", "Vanuatu"),
    ("Vaticaanstad", "Vatican", "Vatikanstadt"), ("Venezuela", "Venezuela", "Venezuela"),
    ("Vietnam", "Vietnam", "Vietnam"), ("Wit-Rusland", "Biélorussie", "Belarus"), ("Zambia", "Zambie", "Sambia"),
    ("Zimbabwe", "Zimbabwe", "Simbabwe"), ("Zuid-Afrika", None, "Südafrika"),
    ("Zuid-Korea", None, "Südkorea"), ("Zuid-Soedan", "Soudan", "Südsudan"), ("Zweden", "Suède", "Schweden"),
    ("Zwitserland", "Suisse", "Schweiz"), ("Tsjetsjenië", "Tchétchénie", "Tschetschenien"),
    ("Groenland", "Groenland", "Grönland"), ("Puerto Rico", "Porto Rico", "Puerto Rico"),
    # one language's name only, or an older spelling still in use
    ("Verenigd Koninkrijk", "Royaume-Uni", "Großbritannien"), ("Engeland", "Angleterre", "England"),
    ("Schotland", "Écosse", "Schottland"), ("Wales", None, "Wales"), ("Verenigde Staten", "États-Unis", "USA"),
    ("Amerika", "Amérique", "Amerika"), ("Saoedi-Arabië", "Arabie", "Saudi-Arabien"),
    ("Nieuw-Zeeland", "Nouvelle-Zélande", "Neuseeland"), ("Sri Lanka", "Sri Lanka", "Sri Lanka"),
    ("Costa Rica", "Costa Rica", "Costa Rica"), ("Sierra Leone", "Sierra Leone", "Sierra Leone"),
    ("Burkina Faso", "Burkina", "Burkina Faso"), ("El Salvador", "Salvador", "El Salvador"),
    ("Dominicaanse Republiek", None, "Dominikanische Republik"),
    ("Centraal-Afrikaanse Republiek", "Centrafrique", "Zentralafrika"), ("Italie", None, None),
    ("Tsjechoslowakije", "Tchécoslovaquie", "Tschechoslowakei"), ("Joegoslavië", "Yougoslavie", "Jugoslawien"),
    ("Sovjet-Unie", "URSS", "Sowjetunion"), ("Perzië", "Perse", "Persien"), ("Birma", "Birmanie", "Birma"),
    ("Zaïre", "Zaïre", "Zaire"), ("Rhodesië", "Rhodésie", "Rhodesien"), ("Ceylon", "Ceylan", "Ceylon"),
    ("Siam", "Siam", "Siam"), ("Pruisen", "Prusse", "Preußen"), ("Beieren", "Bavière", "Bayern"),
    ("Europa", "Europe", "Europa"), ("Afrika", "Afrique", "Afrika"), ("Azië", "Asie", "Asien"),
    ("Oceanië", "Océanie", "Ozeanien"), ("Antarctica", "Antarctique", "Antarktis"),
    ("Scandinavië", "Scandinavie", "Skandinavien"), ("Balkan", "Balkans", "Balkan"),
]


def build(data_dir) -> list[str]:
    """The one-word names of COUNTRIES that are no common word and no
    Statbel first name or surname, sorted."""
    common = set(CW.build(data_dir))
    people = CW.top_names(data_dir)
    out = set()
    for row in COUNTRIES:
        for name in row:
            if name and CW.WORD.fullmatch(name) and name.lower() not in common and name.lower() not in people:
                out.add(name)
    return sorted(out)


def load(model_dir) -> frozenset[str]:
    """The model's places; none for a model without the file."""
    return CW.load(model_dir, FILE)


def main(argv=None):
    return CW.cli(argv, __doc__, build, FILE)


if __name__ == "__main__":
    main()
