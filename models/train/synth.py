"""Synthetic Belgian administrative documents (NL / FR / DE) with entity spans.

    generate(n, seed, data_dir="../shared/data", langs=("nl","fr","de")) -> list[dict]

Each example is one whole document: {"text", "spans", "lang", "source", "kind"}.
Spans follow /work/shared/ANNOTATION.md for the model's labels PERSON, ADDRESS,
ORGANIZATION, LOCATION; identifiers, dates, phone numbers, e-mail addresses,
amounts, titles, label words, generic references, departments, registers and
vehicles are generated as unlabelled distractors, and so are entity-free
sentences of the unlabelled text and headings of common words (``prose``): a
capitalised word at the start of a sentence or alone on a line is not a name
by itself.

CLI:  python3 synth.py --n 5 --seed 1 --show       (spans marked [[...]]LABEL)
      python3 synth.py --n 10000 --seed 1 --out synth.jsonl
"""

from __future__ import annotations

import functools
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazetteers  # noqa: E402

DEFAULT_DATA_DIR = "../shared/data"
PER, ADDR, ORG, LOC = "PERSON", "ADDRESS", "ORGANIZATION", "LOCATION"

# ------------------------------------------------------------------ titles etc.

TITLES = {
    "nl": {"m": ["de heer", "dhr.", "Dhr.", "De heer", "meneer", "mijnheer", "Mr."],
           "f": ["mevrouw", "mevr.", "Mevr.", "Mevrouw", "Mw.", "mw."],
           "x": ["notaris", "meester", "Mr.", "dokter", "Dr.", "dr.", "schepen", "burgemeester", "advocaat",
                 "Prof.", "ir.", "raadsheer", "rechter", "maatschappelijk werker"]},
    "fr": {"m": ["M.", "Monsieur", "monsieur", "Mr"],
           "f": ["Mme", "Madame", "madame", "Mme.", "Mlle", "Mademoiselle"],
           "x": ["Me", "Maître", "Dr", "Dr.", "Docteur", "le notaire", "l'échevin", "le bourgmestre",
                 "le juge", "Prof.", "l'assistante sociale", "l'avocat"]},
    "de": {"m": ["Herr", "Hr.", "Herrn"],
           "f": ["Frau", "Fr."],
           "x": ["Dr.", "Notar", "Rechtsanwalt", "Schöffe", "Bürgermeister", "Prof. Dr.", "Richter",
                 "Sozialarbeiterin", "Dipl.-Ing."]},
}
TITLE_WORDS = {"de heer", "heer", "dhr.", "dhr", "meneer", "mijnheer", "mevrouw", "mevr.", "mevr", "mw.",
               "notaris", "meester", "dokter", "dr.", "dr", "schepen", "burgemeester", "advocaat", "prof.",
               "monsieur", "madame", "mme", "mme.", "mlle", "mademoiselle", "me", "maître", "docteur",
               "notaire", "échevin", "bourgmestre", "herr", "herrn", "frau", "notar", "rechtsanwalt",
               "schöffe", "bürgermeister", "fam.", "familie", "famille", "juge", "richter", "ir.", "hr.", "fr."}
LABEL_WORDS = {"naam", "voornaam", "adres", "nom", "prénom", "adresse", "name", "vorname", "anschrift",
               "straat", "rue", "gemeente", "commune", "postcode", "datum", "date", "insz", "niss"}

FUNCTIONS = {
    "nl": ["Diensthoofd", "Maatschappelijk werker", "Algemeen directeur", "Voorzitter", "Secretaris",
           "Dossierbeheerder", "Teamverantwoordelijke", "Zaakvoerder", "Burgemeester", "Schepen van Sociale Zaken",
           "Administratief medewerker", "Financieel directeur", "Advocaat", "Notaris", "Griffier", "Consulent"],
    "fr": ["Chef de service", "Assistante sociale", "Directeur général", "Président", "Secrétaire",
           "Gestionnaire de dossier", "Gérant", "Bourgmestre", "Échevin des Affaires sociales",
           "Employée d'administration", "Directrice financière", "Avocat", "Notaire", "Greffier", "Conseiller"],
    "de": ["Dienstleiter", "Sozialarbeiterin", "Generaldirektor", "Präsident", "Sekretärin", "Sachbearbeiter",
           "Geschäftsführer", "Bürgermeister", "Schöffe für Soziales", "Verwaltungsangestellte",
           "Finanzdirektor", "Rechtsanwalt", "Notar", "Greffier", "Berater"],
}

# Ranks, relations and file labels written right before a name; they are never
# part of the PERSON span (ANNOTATION.md), which is what the model must learn.
BEFORE_NAME = {
    "nl": ["Inspecteur", "inspecteur", "hoofdinspecteur", "Hoofdinspecteur", "agent", "Commissaris", "monteur",
           "dossierbeheerder", "maatschappelijk werker", "consulent", "zoon", "dochter", "echtgenote",
           "Dossier", "dossier", "Betreft:", "patiënt", "cliënt", "bewoner", "huurder", "verhuurder", "getuige"],
    "fr": ["Inspecteur principal", "l'inspecteur", "l'agent", "le commissaire", "Commissaire", "le technicien",
           "le gestionnaire", "l'assistante sociale", "son fils", "sa fille", "son épouse", "Dossier",
           "dossier", "Concerne :", "patient", "la patiente", "le locataire", "le bailleur", "le témoin"],
    "de": ["Inspektor", "Polizeiinspektor", "Monteur", "Techniker", "Sachbearbeiter", "Sozialarbeiterin",
           "Sohn", "Tochter", "Ehefrau", "Akte", "Dossier", "Betreff:", "Patient", "Patientin", "Bewohner",
           "Mieter", "Vermieter", "Zeuge"],
}

BRU_PAIRS = [("Rue de la Loi", "Wetstraat"), ("Avenue Louise", "Louizalaan"),
             ("Boulevard du Jardin Botanique", "Kruidtuinlaan"), ("Rue Royale", "Koningsstraat"),
             ("Boulevard Anspach", "Anspachlaan"), ("Chaussée de Waterloo", "Waterloosesteenweg"),
             ("Avenue de Tervueren", "Tervurenlaan"), ("Rue Haute", "Hoogstraat"), ("Rue Neuve", "Nieuwstraat"),
             ("Place Rogier", "Rogierplein"), ("Boulevard du Midi", "Zuidlaan"),
             ("Rue du Marché aux Herbes", "Grasmarkt"), ("Avenue de la Couronne", "Kroonlaan"),
             ("Chaussée d'Ixelles", "Elsensesteenweg"), ("Place Victor Horta", "Victor Hortaplein"),
             ("Avenue Fonsny", "Fonsnylaan"), ("Boulevard du Roi Albert II", "Koning Albert II-laan"),
             ("Rue Belliard", "Belliardstraat"), ("Chaussée de Gand", "Gentsesteenweg"),
             ("Avenue des Arts", "Kunstlaan"), ("Rue de Flandre", "Vlaamsesteenweg"),
             ("Place de Brouckère", "De Brouckèreplein"), ("Boulevard Simon Bolivar", "Simon Bolivarlaan"),
             ("Rue Marie-Christine", "Maria-Christinastraat"), ("Avenue du Port", "Havenlaan"),
             ("Chaussée de Haecht", "Haachtsesteenweg"), ("Rue Ernest Blerot", "Ernest Blerotstraat"),
             ("Boulevard de Waterloo", "Waterloolaan"), ("Rue de la Régence", "Regentschapsstraat"),
             ("Avenue de la Toison d'Or", "Guldenvlieslaan"), ("Chaussée de Louvain", "Leuvensesteenweg"),
             ("Rue Joseph II", "Jozef II-straat"), ("Place Flagey", "Flageyplein"), ("Rue du Midi", "Zuidstraat")]
BRU_MUNIS = [(1000, "Bruxelles", "Brussel"), (1020, "Laeken", "Laken"), (1030, "Schaerbeek", "Schaarbeek"),
             (1040, "Etterbeek", "Etterbeek"), (1050, "Ixelles", "Elsene"), (1060, "Saint-Gilles", "Sint-Gillis"),
             (1070, "Anderlecht", "Anderlecht"), (1080, "Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek"),
             (1081, "Koekelberg", "Koekelberg"), (1082, "Berchem-Sainte-Agathe", "Sint-Agatha-Berchem"),
             (1083, "Ganshoren", "Ganshoren"), (1090, "Jette", "Jette"), (1140, "Evere", "Evere"),
             (1150, "Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe"), (1160, "Auderghem", "Oudergem"),
             (1170, "Watermael-Boitsfort", "Watermaal-Bosvoorde"), (1180, "Uccle", "Ukkel"),
             (1190, "Forest", "Vorst"), (1200, "Woluwe-Saint-Lambert", "Sint-Lambrechts-Woluwe"),
             (1210, "Saint-Josse-ten-Noode", "Sint-Joost-ten-Node")]

REGIONS = {
    "nl": ["België", "Vlaanderen", "Wallonië", "het Brussels Hoofdstedelijk Gewest", "Oost-Vlaanderen",
           "West-Vlaanderen", "Limburg", "Vlaams-Brabant", "de provincie Antwerpen", "Henegouwen", "Luik",
           "Nederland", "Frankrijk", "Duitsland", "Marokko", "Turkije", "Polen", "Roemenië", "Europa", "de Kempen"],
    "fr": ["Belgique", "Wallonie", "Flandre", "la Région de Bruxelles-Capitale", "le Hainaut", "le Brabant wallon",
           "la province de Liège", "la province de Namur", "le Luxembourg", "France", "Allemagne", "Maroc",
           "Italie", "Espagne", "Roumanie", "Congo", "les Ardennes", "l'Europe"],
    "de": ["Belgien", "Ostbelgien", "Wallonien", "Flandern", "Deutschland", "Luxemburg", "die Eifel",
           "die Provinz Lüttich", "Nordrhein-Westfalen", "die Niederlande", "Frankreich", "Europa"],
}
COUNTRY_LINE = {"nl": ["België", "BELGIË", "Nederland"], "fr": ["Belgique", "BELGIQUE", "France"],
                "de": ["Belgien", "BELGIEN", "Deutschland"]}

# full name, acronym (None), per language
PUBLIC = {
    "nl": [("Rijksdienst voor Arbeidsvoorziening", "RVA"), ("Rijksdienst voor Sociale Zekerheid", "RSZ"),
           ("Rijksinstituut voor Ziekte- en Invaliditeitsverzekering", "RIZIV"), ("FOD Financiën", None),
           ("FOD Sociale Zekerheid", None), ("FOD Binnenlandse Zaken", None), ("FOD Justitie", None),
           ("Federale Pensioendienst", "FPD"), ("Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding", "VDAB"),
           ("Vlaamse Belastingdienst", None), ("Kind en Gezin", None), ("Opgroeien", None),
           ("Vlaams Agentschap voor Personen met een Handicap", "VAPH"), ("Dienst voor Alimentatievorderingen", "DAVO"),
           ("Hulpkas voor Ziekte- en Invaliditeitsverzekering", "HZIV"), ("De Watergroep", None), ("Fluvius", None),
           ("De Lijn", None), ("Nationale Maatschappij der Belgische Spoorwegen", "NMBS"), ("Actiris", None),
           ("Federaal Agentschap voor Asiel", "Fedasil"), ("Dienst Vreemdelingenzaken", None),
           ("Vlaamse Maatschappij voor Sociaal Wonen", "VMSW"), ("Agentschap Integratie en Inburgering", None),
           ("Fonds voor Arbeidsongevallen", None), ("Rijksdienst voor Jaarlijkse Vakantie", "RJV"),
           ("Vlaamse Sociale Bescherming", None), ("Famiris", None), ("Groeipakket", None), ("bpost", None)],
    "fr": [("Office national de l'emploi", "ONEM"), ("Office national de sécurité sociale", "ONSS"),
           ("Institut national d'assurance maladie-invalidité", "INAMI"), ("SPF Finances", None),
           ("SPF Sécurité sociale", None), ("SPF Intérieur", None), ("SPF Justice", None),
           ("Service fédéral des Pensions", "SFP"), ("Le Forem", None), ("Actiris", None),
           ("Agence pour une Vie de Qualité", "AVIQ"), ("Office de la Naissance et de l'Enfance", "ONE"),
           ("Service des créances alimentaires", "SECAL"), ("Caisse auxiliaire d'assurance maladie-invalidité", "CAAMI"),
           ("Société wallonne des Eaux", "SWDE"), ("ORES", None), ("Vivaqua", None), ("Sibelga", None),
           ("Société nationale des chemins de fer belges", "SNCB"), ("Société wallonne du Logement", "SWL"),
           ("Agence fédérale pour l'accueil des demandeurs d'asile", "Fedasil"), ("Office des Étrangers", None),
           ("Fonds des accidents du travail", None), ("Office national des vacances annuelles", "ONVA"),
           ("Famiwal", None), ("Iriscare", None), ("Service public de Wallonie", "SPW"), ("bpost", None)],
    "de": [("Landesamt für Arbeitsbeschaffung", "LfA"), ("Landesamt für soziale Sicherheit", "LSS"),
           ("Landesinstitut für Kranken- und Invalidenversicherung", "LIKIV"), ("FÖD Finanzen", None),
           ("FÖD Soziale Sicherheit", None), ("FÖD Inneres", None), ("Föderaler Pensionsdienst", "FPD"),
           ("Arbeitsamt der Deutschsprachigen Gemeinschaft", "ADG"), ("Ministerium der Deutschsprachigen Gemeinschaft", None),
           ("Dienststelle für Selbstbestimmtes Leben", "DSL"), ("Kaleido Ostbelgien", None),
           ("Wohnungsbaugesellschaft Öffentlicher Wohnungsbau Eifel", None), ("Ostbelgien Familienleistungen", None),
           ("Hilfskasse für Kranken- und Invalidenversicherung", "HKIV"), ("Société wallonne des Eaux", "SWDE"),
           ("ORES", None), ("Nationale Gesellschaft der Belgischen Eisenbahnen", "SNCB"), ("bpost", None)],
}
MUTUALITIES = {
    "nl": [("Christelijke Mutualiteit", "CM"), ("Solidaris", None), ("Socialistische Mutualiteiten", None),
           ("Liberale Mutualiteit", None), ("Onafhankelijke Ziekenfondsen", None), ("Helan", None),
           ("Partena Ziekenfonds", None), ("Vlaams & Neutraal Ziekenfonds", None)],
    "fr": [("Mutualité chrétienne", "MC"), ("Solidaris", None), ("Mutualité Libérale", None),
           ("Mutualités Libres", None), ("Partenamut", None), ("Mutualité neutre", None), ("Helan", None)],
    "de": [("Christliche Krankenkasse", "CKK"), ("Freie Krankenkasse", None), ("Sozialistische Krankenkasse", None),
           ("Solidaris", None), ("Neutrale Krankenkasse", None)],
}
UNIONS = {"nl": [("Algemeen Belgisch Vakverbond", "ABVV"), ("ACV", None), ("ACLVB", None), ("ACV Puls", None)],
          "fr": [("Fédération générale du travail de Belgique", "FGTB"), ("CSC", None), ("CGSLB", None)],
          "de": [("Christliche Gewerkschaft", "CSC"), ("Sozialistische Gewerkschaft", "FGTB"), ("CGSLB", None)]}
BANKS = ["Belfius", "KBC", "BNP Paribas Fortis", "ING België", "ING Belgique", "Argenta", "AXA Bank", "Crelan",
         "Beobank", "bpost bank", "Keytrade Bank", "CBC Banque", "vdk bank", "Triodos Bank", "Ethias", "AG Insurance",
         "P&V Verzekeringen", "Baloise Insurance", "Federale Verzekering", "DKV", "Allianz Benelux", "Record Bank"]
SCHOOLS = {"nl": ["KU Leuven", "Universiteit Gent", "UGent", "Vrije Universiteit Brussel", "Universiteit Antwerpen",
                  "UHasselt", "Hogeschool Gent", "Thomas More", "Artevelde Hogeschool", "Odisee", "UCLL", "Howest",
                  "Sint-Barbaracollege", "Sint-Jozefscollege", "Koninklijk Atheneum {C}", "Basisschool De Regenboog",
                  "GO! Atheneum {C}", "Vrije Basisschool {C}", "CVO {C}", "Centrum voor Volwassenenonderwijs {C}"],
           "fr": ["Université de Liège", "ULiège", "Université libre de Bruxelles", "ULB", "UCLouvain",
                  "Université de Namur", "UMONS", "Haute École de la Province de Liège", "HELMo", "Haute École Louvain en Hainaut",
                  "Athénée royal de {C}", "École communale de {C}", "Institut Saint-Joseph", "Collège Saint-Michel",
                  "Institut Sainte-Marie", "Promotion sociale de {C}"],
           "de": ["Autonome Hochschule Ostbelgien", "Königliches Athenäum Eupen", "Bischöfliche Schule St. Vith",
                  "Pater-Damian-Schule", "Robert-Schuman-Institut", "Gemeindeschule {C}", "Zentrum für Förderpädagogik",
                  "RWTH Aachen"]}
COURTS = {"nl": ["Arbeidsrechtbank {C}", "Rechtbank van eerste aanleg {C}", "Vredegerecht van het kanton {C}",
                 "Hof van beroep {C}", "Ondernemingsrechtbank {C}", "Politierechtbank {C}", "Arbeidshof {C}",
                 "Raad van State", "Grondwettelijk Hof", "Hof van Cassatie", "Raad voor Vreemdelingenbetwistingen"],
          "fr": ["Tribunal du travail de {C}", "Tribunal de première instance de {C}", "Justice de paix du canton de {C}",
                 "Cour d'appel de {C}", "Tribunal de l'entreprise de {C}", "Tribunal de police de {C}",
                 "Cour du travail de {C}", "Conseil d'État", "Cour constitutionnelle", "Cour de cassation",
                 "Conseil du contentieux des étrangers"],
          "de": ["Arbeitsgericht Eupen", "Gericht Erster Instanz Eupen", "Friedensgericht Eupen",
                 "Friedensgericht St. Vith", "Unternehmensgericht Eupen", "Polizeigericht Eupen", "Appellationshof Lüttich",
                 "Arbeitsgerichtshof Lüttich", "Staatsrat", "Verfassungsgerichtshof", "Kassationshof"]}
# The first words of court names that are common nouns: in running text
# they may start in lower case.
COMMON_COURT_WORDS = {"Arbeidsrechtbank", "Rechtbank", "Vredegerecht", "Hof", "Ondernemingsrechtbank",
                      "Politierechtbank", "Arbeidshof", "Tribunal", "Justice", "Cour"}
COURT_DIVISION = {"nl": [", afdeling ", ", afd. ", " - afdeling "], "fr": [", division ", " - division ", ", div. "]}
COURT_CITIES = {"nl": ["Antwerpen", "Gent", "Brussel", "Leuven", "Mechelen", "Hasselt", "Brugge", "Kortrijk",
                       "Dendermonde", "Turnhout", "Oudenaarde", "Tongeren", "Ieper", "Veurne", "Halle-Vilvoorde"],
                "fr": ["Liège", "Namur", "Mons", "Charleroi", "Bruxelles", "Nivelles", "Arlon", "Tournai", "Verviers",
                       "Dinant", "Huy", "Marche-en-Famenne", "Neufchâteau", "Hainaut", "Eupen"],
                "de": ["Eupen"]}
ASSOC = {"nl": ["Rode Kruis Vlaanderen", "Gezinsbond", "Vluchtelingenwerk Vlaanderen", "CAW Oost-Vlaanderen",
                "CAW Antwerpen", "Samenlevingsopbouw", "Welzijnsschakels", "Kom op tegen Kanker", "Natuurpunt",
                "Vief", "Okra", "Ferm", "Wonen Vlaanderen", "Huurdersbond", "Pro Juventute", "Mentor"],
         "fr": ["Croix-Rouge de Belgique", "Ligue des familles", "Les Petits Riens", "Oxfam-Solidarité",
                "Caritas International", "Énéo", "Vie Féminine", "Restos du Cœur", "Infor-Jeunes",
                "Centre d'Action Laïque", "Fondation contre le Cancer"],
         "de": ["Rotes Kreuz Belgien", "Frauenliga", "Patientenrat & Treff", "Miteinander Teilen", "Animationszentrum Ephata",
                "Jugendinfo Ostbelgien", "Eudomos", "Vivant Ostbelgien"]}
LEGAL = {"nl": ["BV", "NV", "CV", "VOF", "CommV", "bv", "nv", "BVBA", "vzw", "VZW"],
         "fr": ["SRL", "SA", "SC", "SNC", "SComm", "srl", "sa", "SPRL", "ASBL", "asbl"],
         "de": ["GmbH", "AG", "PGmbH", "VoG", "KG", "BV", "SRL", "GmbH & Co. KG"]}
TRADES = {"nl": ["Bakkerij", "Garage", "Schrijnwerkerij", "Transport", "Bouwbedrijf", "Immo", "Dakwerken",
                 "Schilderwerken", "Elektro", "Loodgieterij", "Beenhouwerij", "Apotheek", "Accountantskantoor",
                 "Advocatenkantoor", "Verzekeringen", "Tuinaanleg", "Brasserie", "Drukkerij", "Kapsalon"],
          "fr": ["Boulangerie", "Garage", "Menuiserie", "Transports", "Construction", "Immobilière", "Toitures",
                 "Peintures", "Électricité", "Sanitaire", "Boucherie", "Pharmacie", "Fiduciaire", "Cabinet d'avocats",
                 "Assurances", "Jardins", "Brasserie", "Imprimerie", "Salon de coiffure"],
          "de": ["Bäckerei", "Autohaus", "Schreinerei", "Transporte", "Bauunternehmen", "Immobilien", "Dachdeckerei",
                 "Malerbetrieb", "Elektro", "Sanitär", "Metzgerei", "Apotheke", "Steuerbüro", "Anwaltskanzlei",
                 "Versicherungen", "Gartenbau", "Brauerei", "Druckerei", "Friseursalon"]}
BRAND_PARTS = ["Techni", "Eco", "Bel", "Flan", "Wallo", "Euro", "Info", "Medi", "Agri", "Immo", "Trans", "Logi",
               "Net", "Soft", "Pro", "Bio", "Data", "Green", "Nova", "Prima", "Alpha", "Omni", "Multi", "Clean"]
BRAND_ENDS = ["lux", "tec", "form", "med", "plus", "co", "bel", "group", "services", "solutions", "line", "works",
              "center", "concept", "logic", "ia", "ix", "ex", "on", "bouw", "construct"]

GENERIC = {"nl": ["het OCMW", "de rechtbank", "de gemeente", "de stad", "de dienst", "de mutualiteit", "uw werkgever",
                  "de bank", "het ziekenhuis", "de school", "het parket", "de griffie", "de huisarts", "de notaris",
                  "het Sociaal Huis", "de politie", "de federale overheid", "de Vlaamse overheid", "het OCMW-bestuur"],
           "fr": ["le CPAS", "le tribunal", "la commune", "la ville", "le service", "la mutualité", "votre employeur",
                  "la banque", "l'hôpital", "l'école", "le parquet", "le greffe", "le médecin traitant",
                  "le notaire", "la police", "l'administration fédérale", "le conseil de l'action sociale"],
           "de": ["das ÖSHZ", "das Gericht", "die Gemeinde", "die Stadt", "der Dienst", "die Krankenkasse",
                  "Ihr Arbeitgeber", "die Bank", "das Krankenhaus", "die Schule", "die Staatsanwaltschaft",
                  "die Kanzlei", "der Hausarzt", "der Notar", "die Polizei", "die Regierung"]}
DEPTS = {"nl": ["Dienst Burgerzaken", "Dienst Sociale Zaken", "Dienst Financiën", "Dienst Huisvesting",
                "Sociale Dienst", "Dienst Schuldbemiddeling", "Dienst Personeel", "Dienst Thuiszorg", "Onthaal",
                "Dienst Bevolking", "Dienst Ruimtelijke Ordening", "Dienst Leefloon"],
          "fr": ["Service Population", "Service social", "Service des Finances", "Service Logement",
                 "Service de médiation de dettes", "Service du Personnel", "Service État civil", "Accueil",
                 "Service Urbanisme", "Service Revenu d'intégration", "Service Étrangers"],
          "de": ["Bürgerservice", "Sozialdienst", "Finanzdienst", "Wohnungsdienst", "Schuldnerberatung",
                 "Personaldienst", "Standesamt", "Empfang", "Städtebaudienst", "Einwohnermeldeamt"]}
REGISTERS = {"nl": ["Rijksregister", "Kruispuntbank van Ondernemingen", "Kruispuntbank van de Sociale Zekerheid",
                    "Belgisch Staatsblad", "Burgerlijk Wetboek", "Centraal Register", "RSZ-nummer", "wet van 8 juli 1976",
                    "decreet lokaal bestuur", "Gerechtelijk Wetboek", "OCMW-wet", "leefloonwet"],
              "fr": ["Registre national", "Banque-Carrefour des Entreprises", "Banque Carrefour de la Sécurité Sociale",
                     "Moniteur belge", "Code civil", "numéro ONSS", "loi du 8 juillet 1976 organique des CPAS",
                     "Code judiciaire", "loi du 26 mai 2002", "Code de la démocratie locale"],
              "de": ["Nationalregister", "Zentrale Datenbank der Unternehmen", "Belgisches Staatsblatt", "Zivilgesetzbuch",
                     "LSS-Nummer", "Gesetz vom 8. Juli 1976", "Gerichtsgesetzbuch", "Gemeindedekret"]}

MONTHS = {"nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                 "november", "december"],
          "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"],
          "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                 "November", "Dezember"]}


# ------------------------------------------------------------------ document builder

class Doc:
    def __init__(self, upper=False, crlf=False):
        self.parts = []
        self.pos = 0
        self.spans = []
        self.upper = upper
        self.crlf = crlf

    def _x(self, s):
        if self.upper:
            s = s.upper()
        if self.crlf:
            s = s.replace("\n", "\r\n")
        return s

    def t(self, s):
        s = self._x(s)
        self.parts.append(s)
        self.pos += len(s)

    def e(self, s, label):
        s = self._x(s)
        if label is None:
            self.t(s)
            return
        st = s.strip()
        if st != s:  # never happens with our fillers, but stay safe
            lead = len(s) - len(s.lstrip())
            self.t(s[:lead])
            self.e(st, label)
            self.t(s[lead + len(st):])
            return
        if st:
            self.spans.append([self.pos, self.pos + len(s), label])
        self.parts.append(s)
        self.pos += len(s)

    def frags(self, fr):
        for s, lab in fr:
            self.e(s, lab) if lab else self.t(s)

    def text(self):
        return "".join(self.parts)


# ------------------------------------------------------------------ context: random entity factories

_SLOT = re.compile(r"\{(\w+)\}")
_ARTICLE = re.compile(r"^(het |de |die |den |la |le |les |l'|de provincie |la province de |die Provinz )")
MIGRANT_LAST = ["El Amrani", "El Idrissi", "El Khattabi", "El Ouardi", "El Hamdaoui", "El Bakkali", "El Ouahabi",
                "Ait Ouali", "Ait Lahcen", "Ben Ali", "Ben Salah", "Bouzid", "Azzouzi", "Benali", "Yilmaz", "Kaya",
                "Demir", "Öztürk", "Çelik", "Şahin", "Nowak", "Kowalski", "Wiśniewska", "Popescu", "Ionescu",
                "Diallo", "Mbuyi", "Kabongo", "Tshibangu", "Nguyen", "Rossi", "Russo", "Garcia", "Fernandes",
                "Da Silva", "Dos Santos", "Ahmadi", "Hussain", "Kovačević", "Petrov", "Abdi", "Haddad"]


class Ctx:
    def __init__(self, rng: random.Random, g, lang: str):
        self.r = rng
        self.g = g
        self.lang = lang
        self.people = []
        self.main = self.person()
        self.sender = self.person()
        self.city = self.municipality()
        self.org_home = None

    # ---------------- helpers
    def ch(self, seq):
        return seq[self.r.randrange(len(seq))]

    def p(self, x):
        return self.r.random() < x

    def wch(self, items, weights):
        return self.r.choices(items, weights)[0]

    # ---------------- numbers (unlabelled distractors)
    def insz(self):
        r = self.r
        y, m, d = r.randint(1930, 2020), r.randint(1, 12), r.randint(1, 28)
        seq = r.randint(1, 998)
        base = "%02d%02d%02d%03d" % (y % 100, m, d, seq)
        n = int(("2" if y >= 2000 else "") + base)
        c = 97 - n % 97
        s = base + "%02d" % c
        f = r.randrange(4)
        if f == 0:
            return "%s.%s.%s-%s.%s" % (s[0:2], s[2:4], s[4:6], s[6:9], s[9:11])
        if f == 1:
            return s
        if f == 2:
            return "%s %s %s" % (s[0:6], s[6:9], s[9:11])
        return "%s%s%s-%s-%s" % (s[0:2], s[2:4], s[4:6], s[6:9], s[9:11])

    def kbo(self, prefix=None):
        r = self.r
        n = r.randint(200000, 19999999) if r.random() < 0.9 else r.randint(10000000, 19999999)
        c = 97 - n % 97
        s = "%08d%02d" % (n, c)
        f = r.randrange(3)
        out = "%s.%s.%s" % (s[0:4], s[4:7], s[7:10]) if f < 2 else s
        if prefix is None:
            prefix = r.random() < 0.3
        if prefix:
            out = self.ch(["BE ", "BE", "BE-"]) + out
        return out

    def iban(self):
        r = self.r
        a = r.randint(0, 99999999)
        b10 = "%03d%07d" % (r.choice([1, 68, 73, 63, 96, 143, 735, 751, 979, 1, 363, 290]), r.randint(0, 9999999))
        chk = int(b10) % 97 or 97
        bban = b10 + "%02d" % chk
        num = int(bban + "1114" + "00")  # B=11 E=14
        cc = 98 - num % 97
        s = "BE%02d%s" % (cc, bban)
        if r.random() < 0.75:
            return " ".join(s[i:i + 4] for i in range(0, 16, 4))
        return s

    def ogm(self):
        n = self.r.randint(0, 9999999999)
        c = n % 97 or 97
        s = "%010d%02d" % (n, c)
        return "+++%s/%s/%s+++" % (s[0:3], s[3:7], s[7:12])

    def phone(self):
        r = self.r
        f = r.randrange(6)
        if f == 0:
            return "+32 %d %03d %02d %02d" % (r.choice([2, 3, 9, 4]), r.randint(100, 999), r.randint(0, 99), r.randint(0, 99))
        if f == 1:
            return "0%d %02d %02d %02d" % (r.randint(470, 499), r.randint(0, 99), r.randint(0, 99), r.randint(0, 99))
        if f == 2:
            return "0%02d/%02d.%02d.%02d" % (r.randint(10, 89), r.randint(10, 99), r.randint(0, 99), r.randint(0, 99))
        if f == 3:
            return "+32 (0)%d %03d %02d %02d" % (r.choice([2, 3, 9]), r.randint(100, 999), r.randint(0, 99), r.randint(0, 99))
        if f == 4:
            return "0%d/%03d %02d %02d" % (r.randint(2, 9), r.randint(200, 999), r.randint(0, 99), r.randint(0, 99))
        return "+324%d%07d" % (r.randint(70, 99), r.randint(0, 9999999))

    def date(self, year=None):
        r = self.r
        y = year or r.randint(2015, 2026)
        m, d = r.randint(1, 12), r.randint(1, 28)
        f = r.randrange(6)
        if f == 0:
            return "%02d/%02d/%d" % (d, m, y)
        if f == 1:
            return "%02d.%02d.%d" % (d, m, y)
        if f == 2:
            return "%d-%02d-%02d" % (y, m, d)
        mon = MONTHS[self.lang][m - 1]
        if self.lang == "de":
            return "%d. %s %d" % (d, mon, y)
        if self.lang == "fr" and d == 1:
            return "1er %s %d" % (mon, y)
        return "%d %s %d" % (d, mon, y)

    def birthdate(self):
        return self.date(self.r.randint(1935, 2010))

    def amount(self):
        r = self.r
        v = r.choice([r.randint(5, 300), r.randint(300, 5000), r.randint(1000, 99999)])
        cents = r.choice([0, 0, r.randint(0, 99)])
        s = "{:,}".format(v).replace(",", ".") + ",%02d" % cents
        return self.ch(["€ " + s, s + " €", s + " EUR", "EUR " + s, "€" + s])

    def ref(self):
        r = self.r
        f = r.randrange(5)
        if f == 0:
            return "%d/%d/%s" % (r.randint(2018, 2026), r.randint(1, 9999), "".join(r.choice("ABCDEFGHKLMNPRSTVZ") for _ in range(2)))
        if f == 1:
            return "%02d/%05d" % (r.randint(18, 26), r.randint(1, 99999))
        if f == 2:
            return "RG %d/%04d/A" % (r.randint(2018, 2026), r.randint(1, 9999))
        if f == 3:
            return "%s-%d-%05d" % (self.ch(["SD", "LL", "DOS", "AZ", "SOC"]), r.randint(2019, 2026), r.randint(1, 99999))
        return "%d.%d.%d" % (r.randint(1, 99), r.randint(1, 999), r.randint(1, 9999))

    def email_of(self, first, last, domain=None):
        norm = lambda s: re.sub(r"[^a-z]", "", s.lower().translate(str.maketrans("éèëêàâäïîôöüûçñ", "eeeeaaaiioouucn")))
        f, l = norm(first) or "info", norm(last) or "contact"
        user = self.ch(["%s.%s" % (f, l), "%s%s" % (f[0], l), "%s_%s" % (f, l), "%s.%s%d" % (f, l, self.r.randint(1, 99)), l])
        if domain is None:
            domain = self.ch(["gmail.com", "hotmail.com", "telenet.be", "skynet.be", "outlook.be", "proximus.be",
                              "yahoo.fr", "scarlet.be", "live.be", "gmx.de", "ocmw-%s.be" % l[:6], "%s.be" % l[:8]])
        return "%s@%s" % (user, domain)

    # ---------------- people
    def _first(self, gender):
        g, lang = self.g, self.lang
        if self.p(0.7):
            src = lang if lang != "de" or self.p(0.8) else self.ch(["nl", "fr"])
            names, w = g.first_top[src][gender]
            if src == "de" and self.p(0.3) and g.de_first_any:
                return self.ch(g.de_first_any)
            if names:
                return self.wch(names, w)
        return self.ch(g.first_tail)

    def _last(self):
        g, lang = self.g, self.lang
        x = self.r.random()
        if x < 0.05:
            return self.ch(MIGRANT_LAST)
        if x < 0.6:
            names, w = g.last_top[lang] if self.p(0.85) else g.last_top[self.ch(["nl", "fr", "de"])]
            s = self.wch(names, w)
        elif x < 0.85:
            s = self.ch(g.last_tail_de if lang == "de" and self.p(0.6) else
                        g.last_tail_fr if lang == "fr" and self.p(0.5) else g.last_tail)
        elif x < 0.93:
            # particle names
            if lang == "nl" or (lang != "fr" and self.p(0.5)):
                part = self.ch(["Van", "Van den", "Van der", "Van de", "De", "Vanden", "Vander", "Van den", "D'", "Ver", "van", "de", "van der", "Van Den", "Ten", "Op de"])
            elif lang == "fr":
                part = self.ch(["de", "d'", "D'", "Le", "La", "Du", "du", "de la", "De", "Des", "le"])
            else:
                part = self.ch(["von", "van", "de", "zu", "von der", "Van"])
            stem = self.ch(g.interfix_surnames) if self.p(0.5) else self.ch(g.last_tail)
            stem = re.sub(r"^(?i:van den |van der |van de |van |de |d')", "", stem) or "Broeck"
            if part.endswith("'"):
                s = part + stem
            elif part in ("Ver", "Vanden", "Vander"):
                s = part + stem.lower() if self.p(0.5) else part + " " + stem
            else:
                s = part + " " + stem
        else:
            a, b = self.ch(g.last_tail), self._last_simple()
            s = a + ("-" if self.p(0.6) else " ") + b
        return s

    def _last_simple(self):
        names, w = self.g.last_top[self.lang]
        return self.wch(names, w)

    def person(self):
        gender = "m" if self.p(0.5) else "f"
        first = self._first(gender)
        if self.p(0.06):
            first = first + "-" + self._first(gender) if self.p(0.5) else first + " " + self._first(gender)
        last = self._last()
        bad = lambda s: s.lower() in TITLE_WORDS or s.lower() in LABEL_WORDS or len(s) < 2
        if bad(first):
            first = "Anna" if gender == "f" else "Luc"
        if bad(last) or any(w.lower() in TITLE_WORDS | LABEL_WORDS for w in last.split()):
            last = "Peeters"
        p = {"first": first, "last": last, "g": gender}
        self.people.append(p)
        return p

    def initials(self, first):
        parts = re.split(r"([ -])", first)
        out = ""
        for x in parts:
            if x == "-":
                out += "-"
            elif x == " ":
                out += "" if self.p(0.5) else " "
            elif x[:2] in ("Ph", "Th", "Ch") and self.p(0.5):
                out += x[:2] + "."
            elif x:
                out += x[0].upper() + "."
        return out

    def name(self, p, style=None):
        """Render a person; returns the PERSON string (no title)."""
        f, l = p["first"], p["last"]
        if style is None:
            style = self.wch(["fl", "lf", "LF", "L,F", "iL", "fL", "Lf_upper_all", "iLU"],
                             [40, 12, 12, 5, 10, 8, 6, 3])
        if style == "fl":
            return "%s %s" % (f, l)
        if style == "lf":
            return "%s %s" % (l, f)
        if style == "LF":
            return "%s %s" % (l.upper(), f)
        if style == "L,F":
            return "%s, %s" % (l.upper() if self.p(0.7) else l, f)
        if style == "iL":
            return "%s %s" % (self.initials(f), l)
        if style == "iLU":
            return "%s %s" % (self.initials(f), l.upper())
        if style == "fL":
            return "%s %s" % (f, l.upper())
        if style == "Lf_upper_all":
            return ("%s %s" % (f, l)).upper() if self.p(0.5) else ("%s %s" % (l, f)).upper()
        if style == "L":
            return l
        if style == "F":
            return f
        return "%s %s" % (f, l)

    def title(self, p, formal=True):
        t = TITLES[self.lang]
        if self.p(0.12):
            return self.ch(t["x"])
        return self.ch(t[p["g"]])

    # ---------------- places
    def municipality(self, lang=None):
        lang = lang or self.lang
        g = self.g
        if lang == "de" and self.p(0.6):
            pc, name = self.ch(gazetteers.DG_PLACES)
            return {"pc": pc, "name": name, "region": "dg"}
        m = self.ch(g.munis)
        if m["region"] == "bru" and self.p(0.5):
            pc, fr_, nl_ = self.ch(BRU_MUNIS)
            return {"pc": pc, "name": fr_ if lang == "fr" else nl_, "region": "bru", "other": nl_ if lang == "fr" else fr_}
        name = m["fr"] if lang == "fr" or (lang == "de" and m["region"] == "wal") else m["nl"]
        return {"pc": m["pc"], "name": name, "region": m["region"]}

    def location(self):
        x = self.r.random()
        if x < 0.55:
            return self.municipality()["name"]
        if x < 0.75:
            return self.ch(REGIONS[self.lang])
        if x < 0.9:
            return self.ch(self.g.countries[self.lang])
        return self.ch(self.g.postal)[1]

    def _region_for_lang(self):
        w = {"nl": (["vl", "bru", "wal"], [80, 15, 5]),
             "fr": (["wal", "bru", "vl"], [72, 23, 5]),
             "de": (["dg", "wal", "bru", "vl"], [75, 15, 5, 5])}[self.lang]
        return self.wch(*w)

    def _number(self):
        r = self.r
        n = str(int(r.paretovariate(1.1) * 2) if r.random() < 0.8 else r.randint(1, 400))
        if n == "0":
            n = "1"
        if r.random() < 0.08:
            n += self.ch(["A", "a", "B", "b", "C", " A", "bis"])
        elif r.random() < 0.03:
            n += "-%d" % (int(n.rstrip("ABCabis ") or 1) + 2)
        return n

    def _box(self, region):
        r = self.r
        if r.random() > 0.25:
            return ""
        b = str(r.choice([r.randint(1, 9), r.randint(1, 40), r.randint(101, 504)])) if r.random() < 0.9 else self.ch("ABCDR")
        if region in ("vl",):
            f = self.wch([" bus %s", "/%s", " b%s", " bus %s", " Bus %s", " b. %s"], [50, 25, 5, 10, 5, 5])
        elif region == "dg":
            f = self.wch([" Bus %s", "/%s", " bte %s", " boîte %s"], [50, 30, 10, 10])
        elif region == "bru":
            f = self.wch([" bte %s", " boîte %s", " bus %s", "/%s", " b%s", " bt %s"], [25, 20, 20, 25, 5, 5])
        else:
            f = self.wch([" boîte %s", " bte %s", "/%s", " bt %s", " bte. %s", " Bte %s"], [35, 30, 25, 4, 3, 3])
        return f % b

    def _street(self, region):
        g = self.g
        if region == "vl":
            return self.ch(g.streets["nl"])
        if region == "wal":
            return self.ch(g.streets["fr"])
        if region == "dg":
            return self.ch(g.streets["de"]) if self.p(0.8) else self.ch(g.streets["fr"])
        return self.ch(g.streets["fr"] if self.p(0.6) else g.streets["nl"])

    def address(self, form=None, region=None):
        """Return address as a list of lines (each line a string) and the joiner,
        i.e. the ADDRESS span text; the whole thing is one span."""
        region = region or self._region_for_lang()
        r = self.r
        num = self._number()
        box = self._box(region)
        if region == "bru" and r.random() < 0.35:
            # bilingual Brussels address
            if r.random() < 0.6:
                fr_, nl_ = self.ch(BRU_PAIRS)
            else:
                s = self._last_simple()
                fr_, nl_ = self.ch([("Rue %s" % s, "%sstraat" % s), ("Avenue %s" % s, "%slaan" % s),
                                    ("Place %s" % s, "%splein" % s), ("Rue du Moulin", "Molenstraat"),
                                    ("Rue de l'Église", "Kerkstraat")])
            if self.lang == "nl" or (self.lang != "fr" and r.random() < 0.5):
                street_line = self.ch(["%s %s%s %s" % (nl_, num, box, fr_[0].lower() + fr_[1:]),
                                       "%s %s%s / %s %s%s" % (nl_, num, box, fr_, num, box),
                                       "%s %s%s" % (nl_, num, box)])
            else:
                street_line = self.ch(["%s %s%s %s" % (fr_, num, box, nl_),
                                       "%s %s%s / %s %s%s" % (fr_, num, box, nl_, num, box),
                                       "%s %s%s" % (fr_, num, box)])
            pc, fr_m, nl_m = self.ch(BRU_MUNIS)
            first, second = (nl_m, fr_m) if self.lang == "nl" else (fr_m, nl_m)
            if first == second or self.p(0.2):
                city = first
            else:
                city = self.ch(["%s/%s", "%s-%s", "%s - %s", "%s (%s)"]) % (first, second)
            pc_s = str(pc)
        else:
            street = self._street(region)
            pool = self.g.postal_by_region.get(region) or self.g.postal
            pc, city, _ = self.ch(pool)
            street_line = "%s %s%s" % (street, num, box)
            if self.lang == "fr" and not box and re.match(r"(Rue|Avenue|Chemin|Place|Boulevard) ", street) and r.random() < 0.04:
                street_line = "%s, %s" % (num, street[0].lower() + street[1:])
            pc_s = str(pc)
        if r.random() < 0.07:
            pc_s = self.ch(["B-", "B ", "BE-"]) + pc_s
        if r.random() < 0.12:
            city = city.upper()
        if form is None:
            form = self.wch(["line", "two", "notarial", "street", "line_dash"], [40, 25, 15, 12, 8])
        if form == "line":
            return "%s, %s %s" % (street_line, pc_s, city)
        if form == "line_dash":
            return "%s%s%s %s" % (street_line, self.ch([" - ", " – ", "  ", " "]), pc_s, city)
        if form == "two":
            return "%s\n%s %s" % (street_line, pc_s, city)
        if form == "notarial":
            return "%s %s, %s" % (pc_s, city, street_line)
        if form == "street":
            return street_line
        return "%s, %s %s" % (street_line, pc_s, city)

    # ---------------- organisations: return fragments
    def company(self):
        r, lang = self.r, self.lang
        legal = self.ch(LEGAL[lang])
        x = r.random()
        s = self._last_simple() if r.random() < 0.6 else self.ch(self.g.last_tail)
        if x < 0.3:
            name = "%s %s" % (self.ch(TRADES[lang]), s)
        elif x < 0.45:
            name = "%s & %s" % (s, self._last_simple()) if r.random() < 0.6 else \
                "%s %s" % (s, self.ch({"nl": ["& Zonen", "& Co", "en Zonen"], "fr": ["& Fils", "Frères", "et Associés"],
                                        "de": ["& Söhne", "& Partner", "Brüder"]}[lang]))
        elif x < 0.7:
            name = self.ch(BRAND_PARTS) + self.ch(BRAND_ENDS)
            if r.random() < 0.3:
                name = name.upper()
            elif r.random() < 0.3:
                name += " " + self.ch(["Belgium", "Benelux", "International", "Group", "Services", "Solutions"])
        elif x < 0.85:
            w = self.ch(self.g.common_words[lang]) if self.g.common_words.get(lang) else "Horizon"
            name = {"nl": "De %s", "fr": "Le %s", "de": "Zum %s"}[lang] % w.capitalize() if r.random() < 0.5 else w.capitalize() + self.ch(BRAND_ENDS)
        else:
            name = "%s %s" % (self.ch(TRADES[lang]), self.municipality()["name"])
        if r.random() < 0.85:
            if legal in ("vzw", "VZW", "ASBL", "asbl", "VoG") and r.random() < 0.4:
                return legal + " " + name
            return name + " " + legal
        return name

    def city_admin(self):
        lang = self.lang
        m = self.municipality()
        n = m["name"]
        if lang == "nl":
            f = self.ch(["Stad %s", "Gemeente %s", "OCMW %s", "Gemeentebestuur %s", "Stadsbestuur %s",
                         "Politiezone %s", "Lokaal Bestuur %s", "Sociaal Huis %s", "Welzijnshuis %s"])
        elif lang == "fr":
            v = ("d'" + n) if n[0].upper() in "AEIOUYÉÈH" else ("de " + n)
            f = self.ch(["Ville " + v, "Commune " + v, "CPAS " + v, "Administration communale " + v,
                         "Zone de police " + n, "Centre public d'action sociale " + v])
            return f
        else:
            f = self.ch(["Gemeinde %s", "Stadt %s", "ÖSHZ %s", "Gemeindeverwaltung %s", "Polizeizone %s",
                         "Öffentliches Sozialhilfezentrum %s"])
        return f % n

    def court(self):
        c = self.ch(COURTS[self.lang])
        if "{C}" in c:
            city = self.ch(COURT_CITIES[self.lang])
            c = c.replace("{C}", city)
        return c

    def court_frags(self):
        """A court, sometimes with its division: the division's seat is a
        LOCATION of its own (`Arbeidsrechtbank Gent, afdeling Brugge`)."""
        c = self.court()
        div = COURT_DIVISION.get(self.lang)
        if div and self.p(0.25) and any(city in c for city in COURT_CITIES[self.lang]):
            return [(c, ORG), (self.ch(div), None), (self.ch(COURT_CITIES[self.lang]), LOC)]
        return [(c, ORG)]

    def _in_sentence(self, frags):
        """A court named in running text often starts in lower case ("bij
        de arbeidsrechtbank Gent", "auprès du tribunal du travail de
        Liège"); its name stays the ORGANIZATION. German nouns keep their
        capital, and so do courts with a name of their own."""
        (name, label), rest = frags[0], frags[1:]
        if self.lang != "de" and name.split()[0] in COMMON_COURT_WORDS and self.p(0.5):
            name = name[0].lower() + name[1:]
        return [(name, label)] + rest

    def org_frags(self, kind=None, acr_ok=True):
        r, lang = self.r, self.lang
        if kind is None:
            kind = self.wch(["public", "mut", "union", "bank", "school", "court", "city", "company", "hospital",
                             "care", "assoc"], [16, 8, 4, 8, 6, 10, 14, 22, 6, 3, 4])
        if kind in ("public", "mut", "union"):
            full, acr = self.ch({"public": PUBLIC, "mut": MUTUALITIES, "union": UNIONS}[kind][lang])
            if acr and acr_ok:
                f = r.random()
                if f < 0.35:
                    return [(full, ORG), (" (", None), (acr, ORG), (")", None)]
                if f < 0.65:
                    return [(acr, ORG)]
            return [(full, ORG)]
        if kind == "bank":
            return [(self.ch(BANKS), ORG)]
        if kind == "school":
            s = self.ch(SCHOOLS[lang]).replace("{C}", self.municipality()["name"])
            return [(s, ORG)]
        if kind == "court":
            return self.court_frags()
        if kind == "city":
            return [(self.city_admin(), ORG)]
        if kind == "hospital":
            h = self.ch(self.g.hospitals) if self.g.hospitals else "AZ Groeninge"
            return [(h, ORG)]
        if kind == "care":
            c = self.ch(self.g.care) if self.g.care else "WZC Ter Linde"
            return [(c, ORG)]
        if kind == "assoc":
            return [(self.ch(ASSOC[lang]), ORG)]
        return [(self.company(), ORG)]

    # ---------------- template slots
    def slot(self, name):
        r, lang = self.r, self.lang
        if name == "P":
            if self.p(0.35):
                return [(self.ch(BEFORE_NAME[lang]) + " ", None), (self.name(self.person()), PER)]
            return [(self.name(self.person()), PER)]
        if name == "M":
            return [(self.name(self.main), PER)]
        if name == "TP":  # title + full name
            p = self.person()
            before = self.ch(BEFORE_NAME[lang]) if self.p(0.2) else self.title(p)
            return [(before + " ", None), (self.name(p, self.ch(["fl", "fl", "iL", "fL", "lf"])), PER)]
        if name == "TS":  # title + surname of some person
            p = self.ch(self.people)
            return [(self.title(p) + " ", None), (p["last"], PER)]
        if name == "TM":  # title + main person's surname
            return [(self.title(self.main) + " ", None), (self.main["last"], PER)]
        if name == "ORG":
            return self.org_frags()
        if name == "ORGX":  # organisation without acronym
            return self.org_frags(acr_ok=False)
        if name == "CO":
            return [(self.company(), ORG)]
        if name == "PUB":
            return self.org_frags(self.ch(["public", "public", "mut", "city", "court"]))
        if name == "COURT":
            return self._in_sentence(self.court_frags())
        if name == "CITYADM":
            return [(self.city_admin(), ORG)]
        if name == "LOC":
            loc = self.location()
            m = _ARTICLE.match(loc)
            if m:
                return [(m.group(0), None), (loc[m.end():], LOC)]
            return [(loc, LOC)]
        if name == "CITY":
            return [(self.municipality()["name"], LOC)]
        if name == "ADDR":
            return [(self.address(self.ch(["line", "line", "notarial", "street"])), ADDR)]
        if name == "NADDR":
            return [(self.address("notarial"), ADDR)]
        if name == "SADDR":
            return [(self.address("street"), ADDR)]
        if name == "DATE":
            return [(self.date(), None)]
        if name == "BDATE":
            return [(self.birthdate(), None)]
        if name == "AMT":
            return [(self.amount(), None)]
        if name == "REF":
            return [(self.ref(), None)]
        if name == "INSZ":
            return [(self.insz(), None)]
        if name == "KBO":
            return [(self.kbo(), None)]
        if name == "IBAN":
            return [(self.iban(), None)]
        if name == "OGM":
            return [(self.ogm(), None)]
        if name == "PHONE":
            return [(self.phone(), None)]
        if name == "EMAIL":
            p = self.ch(self.people)
            return [(self.email_of(p["first"], p["last"]), None)]
        if name == "GEN":
            return [(self.ch(GENERIC[lang]), None)]
        if name == "DEPT":
            return [(self.ch(DEPTS[lang]), None)]
        if name == "REG":
            return [(self.ch(REGISTERS[lang]), None)]
        if name == "FUNC":
            return [(self.ch(FUNCTIONS[lang]), None)]
        if name == "N":
            return [(str(r.randint(2, 30)), None)]
        if name == "FAM":
            p = self.person()
            return [(self.ch({"nl": ["fam. ", "familie ", "Fam. "], "fr": ["famille ", "la famille ", "fam. "],
                              "de": ["Familie ", "Fam. "]}[lang]), None), (p["last"], PER)]
        if name == "FN":  # first name alone
            return [(self.ch(self.people)["first"], PER)]
        if name == "NOUN":  # a capitalised common word (German: a noun)
            return [(self.ch(prose(self.g.data_dir, lang)[1] or ["Dossier"]), None)]
        if name == "CAR":  # products are no organisations
            return [(self.ch(CARS), None)]
        if name == "PLATE":
            return [("%d-%s-%03d" % (r.randint(1, 2), "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3)),
                                     r.randint(0, 999)), None)]
        raise KeyError(name)

    def fill(self, doc: Doc, template: str):
        pos = 0
        for m in _SLOT.finditer(template):
            if m.start() > pos:
                doc.t(template[pos:m.start()])
            doc.frags(self.slot(m.group(1)))
            pos = m.end()
        if pos < len(template):
            doc.t(template[pos:])


# ------------------------------------------------------------------ sentence pools

BODY = {
    "nl": [
        "Wij verwijzen naar uw aanvraag van {DATE} betreffende uw dossier bij {ORG}.",
        "Naar aanleiding van ons gesprek op {DATE} met {TP} bezorgen wij u hierbij de gevraagde documenten.",
        "Uw dossier werd overgemaakt aan {ORG}, die u binnenkort zal contacteren.",
        "Volgens de gegevens van het {REG} bent u sinds {DATE} ingeschreven op het adres {ADDR}.",
        "U kunt het bedrag van {AMT} storten op rekeningnummer {IBAN} met vermelding van {OGM}.",
        "Voor bijkomende inlichtingen kunt u terecht bij {DEPT} op het nummer {PHONE}.",
        "{TP} van {ORG} heeft ons laten weten dat de betaling nog niet ontvangen werd.",
        "Wij hebben uw vraag doorgestuurd naar {GEN}.",
        "De betrokkene verbleef van {DATE} tot {DATE} in {LOC}.",
        "Het verslag van {ORG} werd op {DATE} ontvangen.",
        "Wij vragen u zich aan te bieden op {ADDR} op {DATE} om 10 uur.",
        "Uw werkgever, {CO}, heeft de nodige formulieren ingevuld.",
        "{P} werd aangesteld als contactpersoon voor dit dossier.",
        "De zitting vindt plaats in {LOC}, in de lokalen van {ORGX}.",
        "Gelieve ons binnen de {N} dagen een kopie van uw identiteitskaart te bezorgen.",
        "Uw kinderen {P} en {P} zijn ingeschreven bij {ORG}.",
        "Het huurcontract voor de woning gelegen te {ADDR} loopt af op {DATE}.",
        "{TS} bevestigde telefonisch dat het dossier volledig is.",
        "Zoals besproken met {TS} ontvangt u ons antwoord uiterlijk op {DATE}.",
        "De {FAM} heeft een aanvraag ingediend voor een tegemoetkoming.",
        "Wij ontvingen een attest van {ORG} van {DATE}.",
        "Betrokkene is geboren te {CITY} en woont momenteel in {LOC}.",
        "Bij gebrek aan antwoord binnen de termijn zal {GEN} het dossier afsluiten.",
        "Het ondernemingsnummer {KBO} werd gecontroleerd in de {REG}.",
        "De factuur van {CO} ten bedrage van {AMT} werd ten laste genomen.",
        "Wij hebben contact opgenomen met {TP}, huisarts te {CITY}.",
        "Mijn cliënt, {TP}, betwist deze beslissing.",
        "Gelieve het bijgevoegde formulier terug te sturen naar {DEPT}, {ADDR}.",
        "Dit werd besproken op de vergadering van {DATE} in aanwezigheid van {TP} en {TP}.",
        "Onze referte: {REF}.",
        "Wij hebben vastgesteld dat u van {DATE} tot {DATE} in {LOC} verbleef zonder ons te verwittigen.",
        "{TP}, wonende te {NADDR}, werd als getuige gehoord.",
        "De woning gelegen {SADDR} te {CITY} werd op {DATE} bezocht door {TP}.",
        "U werd op {DATE} doorverwezen naar {ORG} in {CITY}.",
        "Uw echtgenote, {P}, geboren te {CITY} op {BDATE}, is eveneens ingeschreven op dit adres.",
        "Wij vragen {ORG} om een kopie van het dossier over te maken aan {TP}.",
        "Indien u niet akkoord gaat, kunt u contact opnemen met uw advocaat, Mr. {P}, of met {ORG}.",
        "In {LOC} en {LOC} zijn er gelijkaardige diensten.",
        "Verzoeker wordt vertegenwoordigd door {TP}, advocaat te {CITY}.",
        "Plaats van tewerkstelling: {CITY}.",
        "De vestigingseenheden in {CITY} en {CITY} blijven open.",
        "Verplaatsing {CITY} (forfait): {AMT}.",
        "Het vonnis werd uitgesproken door {COURT} op {DATE}.",
        "Bevoegd is de rechtbank van {CITY}.",
        "Vanaf {DATE} verhuist de dienst naar {CITY}.",
        # capitalised common words and set phrases that are no names
        "Bedankt voor uw bericht van {DATE}.",
        "Hartelijk dank voor de snelle reactie en de gevraagde stukken.",
        "{NOUN} en {NOUN} worden niet terugbetaald.",
        "De kosten voor {NOUN} vallen ten laste van de aanvrager.",
        "Voertuig: {CAR}, nummerplaat {PLATE}.",
        "Het voertuig ({CAR}) stond geparkeerd op de rijbaan.",
    ],
    "fr": [
        "Nous nous référons à votre demande du {DATE} concernant votre dossier auprès de {ORG}.",
        "Suite à notre entretien du {DATE} avec {TP}, nous vous transmettons les documents demandés.",
        "Votre dossier a été transmis à {ORG}, qui prendra prochainement contact avec vous.",
        "Selon les données du {REG}, vous êtes inscrit depuis le {DATE} à l'adresse {ADDR}.",
        "Vous pouvez verser le montant de {AMT} sur le compte {IBAN} avec la communication {OGM}.",
        "Pour tout renseignement complémentaire, vous pouvez contacter le {DEPT} au {PHONE}.",
        "{TP} de {ORG} nous a informés que le paiement n'a pas encore été reçu.",
        "Nous avons transmis votre demande à {GEN}.",
        "L'intéressé a séjourné du {DATE} au {DATE} à {LOC}.",
        "Le rapport de {ORG} nous est parvenu le {DATE}.",
        "Nous vous prions de vous présenter au {ADDR} le {DATE} à 10 heures.",
        "Votre employeur, {CO}, a complété les formulaires nécessaires.",
        "{P} a été désigné(e) comme personne de contact pour ce dossier.",
        "L'audience aura lieu à {LOC}, dans les locaux de {ORGX}.",
        "Nous vous prions de nous faire parvenir dans les {N} jours une copie de votre carte d'identité.",
        "Vos enfants {P} et {P} sont inscrits à {ORG}.",
        "Le bail relatif au logement situé {ADDR} prend fin le {DATE}.",
        "{TS} a confirmé par téléphone que le dossier est complet.",
        "Comme convenu avec {TS}, vous recevrez notre réponse au plus tard le {DATE}.",
        "La {FAM} a introduit une demande d'intervention.",
        "Nous avons reçu une attestation de {ORG} datée du {DATE}.",
        "L'intéressé est né à {CITY} et réside actuellement à {LOC}.",
        "À défaut de réponse dans le délai, {GEN} clôturera le dossier.",
        "Le numéro d'entreprise {KBO} a été vérifié auprès de la {REG}.",
        "La facture de {CO} d'un montant de {AMT} a été prise en charge.",
        "Nous avons pris contact avec {TP}, médecin à {CITY}.",
        "Mon client, {TP}, conteste cette décision.",
        "Veuillez renvoyer le formulaire ci-joint au {DEPT}, {ADDR}.",
        "Ce point a été discuté lors de la réunion du {DATE} en présence de {TP} et de {TP}.",
        "Notre référence : {REF}.",
        "Nous avons constaté que vous avez séjourné à {LOC} du {DATE} au {DATE} sans nous en avertir.",
        "{TP}, domicilié(e) {NADDR}, a été entendu(e) comme témoin.",
        "Le logement situé {SADDR} à {CITY} a été visité le {DATE} par {TP}.",
        "Vous avez été orienté(e) le {DATE} vers {ORG} à {CITY}.",
        "Votre épouse, {P}, née à {CITY} le {BDATE}, est également inscrite à cette adresse.",
        "Nous demandons à {ORG} de transmettre une copie du dossier à {TP}.",
        "En cas de désaccord, vous pouvez contacter votre avocat, Me {P}, ou {ORG}.",
        "Des services similaires existent en {LOC} et à {CITY}.",
        "Le demandeur est représenté par {TP}, avocat à {CITY}.",
        "Lieu de travail : {CITY}.",
        "Les unités d'établissement de {CITY} et de {CITY} restent ouvertes.",
        "Déplacement {CITY} (forfait) : {AMT}.",
        "Le jugement a été prononcé par {COURT} le {DATE}.",
        "Seuls les tribunaux de {CITY} sont compétents.",
        "À partir du {DATE}, le service déménage à {CITY}.",
        # capitalised common words and set phrases that are no names
        "Merci pour votre courriel du {DATE}.",
        "Merci d'avance pour votre réponse rapide.",
        "Lors de notre entretien du {DATE}, nous avons examiné votre situation.",
        "Mon collègue {TP} reprendra votre dossier.",
        "{NOUN} et {NOUN} ne sont pas remboursés.",
        "Véhicule : {CAR}, immatriculé {PLATE}.",
        "Le conducteur du véhicule {CAR} a été entendu le {DATE}.",
    ],
    "de": [
        "Wir beziehen uns auf Ihren Antrag vom {DATE} bezüglich Ihrer Akte bei {ORG}.",
        "Im Anschluss an unser Gespräch vom {DATE} mit {TP} übermitteln wir Ihnen die gewünschten Unterlagen.",
        "Ihre Akte wurde an {ORG} weitergeleitet, das sich in Kürze mit Ihnen in Verbindung setzen wird.",
        "Laut {REG} sind Sie seit dem {DATE} unter der Adresse {ADDR} eingetragen.",
        "Sie können den Betrag von {AMT} auf das Konto {IBAN} mit der Mitteilung {OGM} überweisen.",
        "Für weitere Auskünfte wenden Sie sich bitte an den {DEPT} unter der Nummer {PHONE}.",
        "{TP} von {ORG} hat uns mitgeteilt, dass die Zahlung noch nicht eingegangen ist.",
        "Wir haben Ihre Anfrage an {GEN} weitergeleitet.",
        "Der Betroffene hielt sich vom {DATE} bis zum {DATE} in {LOC} auf.",
        "Der Bericht von {ORG} ist am {DATE} eingegangen.",
        "Bitte melden Sie sich am {DATE} um 10 Uhr in der {ADDR}.",
        "Ihr Arbeitgeber, {CO}, hat die nötigen Formulare ausgefüllt.",
        "{P} wurde als Ansprechpartner für diese Akte bestimmt.",
        "Die Sitzung findet in {LOC} in den Räumlichkeiten von {ORGX} statt.",
        "Bitte senden Sie uns innerhalb von {N} Tagen eine Kopie Ihres Personalausweises.",
        "Ihre Kinder {P} und {P} sind bei {ORG} eingeschrieben.",
        "Der Mietvertrag für die Wohnung in {ADDR} endet am {DATE}.",
        "{TS} hat telefonisch bestätigt, dass die Akte vollständig ist.",
        "Wie mit {TS} besprochen, erhalten Sie unsere Antwort spätestens am {DATE}.",
        "Die {FAM} hat einen Antrag auf Unterstützung gestellt.",
        "Wir haben eine Bescheinigung von {ORG} vom {DATE} erhalten.",
        "Der Betroffene ist in {CITY} geboren und wohnt derzeit in {LOC}.",
        "Ohne Antwort innerhalb der Frist wird {GEN} die Akte schließen.",
        "Die Unternehmensnummer {KBO} wurde in der {REG} überprüft.",
        "Die Rechnung von {CO} über {AMT} wurde übernommen.",
        "Wir haben {TP}, Hausarzt in {CITY}, kontaktiert.",
        "Mein Mandant, {TP}, ficht diese Entscheidung an.",
        "Bitte senden Sie das beigefügte Formular an den {DEPT}, {ADDR}.",
        "Dies wurde in der Sitzung vom {DATE} in Anwesenheit von {TP} und {TP} besprochen.",
        "Unser Zeichen: {REF}.",
        "Wir haben festgestellt, dass Sie sich vom {DATE} bis zum {DATE} in {LOC} aufgehalten haben, ohne uns zu benachrichtigen.",
        "{TP}, wohnhaft in {NADDR}, wurde als Zeuge angehört.",
        "Die Wohnung in der {SADDR} in {CITY} wurde am {DATE} von {TP} besichtigt.",
        "Sie wurden am {DATE} an {ORG} in {CITY} verwiesen.",
        "Ihre Ehefrau, {P}, geboren in {CITY} am {BDATE}, ist ebenfalls unter dieser Adresse gemeldet.",
        "Wir bitten {ORG}, eine Kopie der Akte an {TP} weiterzuleiten.",
        "Falls Sie nicht einverstanden sind, wenden Sie sich an Ihren Anwalt, Herrn {P}, oder an {ORG}.",
        "In {LOC} und in {CITY} gibt es ähnliche Dienste.",
        "Der Antragsteller wird durch {TP}, Rechtsanwalt in {CITY}, vertreten.",
        "Arbeitsort: {CITY}.",
        "Gerichtsstand ist {CITY}.",
        "Anfahrt {CITY} (Pauschale): {AMT}.",
        "Gesucht wird eine Tätigkeit im Raum {CITY} – {CITY}.",
        "Das Urteil wurde am {DATE} von {COURT} verkündet.",
        "Ab dem {DATE} zieht der Dienst nach {CITY} um.",
        # German nouns are capitalised: `in Höhe von`, `in Behandlung` are no places
        "Die Beihilfe wird in Höhe von {AMT} pro Monat gewährt.",
        "Seit dem {DATE} befindet sich der Antragsteller in ärztlicher Behandlung.",
        "Im letzten Jahr war ich wegen {NOUN} in Behandlung.",
        "Die neue Regelung tritt am {DATE} in Kraft.",
        "Die Kosten für {NOUN} werden Ihnen in Rechnung gestellt.",
        "Sie können diese Leistung ab dem {DATE} in Anspruch nehmen.",
        "Für {NOUN} und {NOUN} gilt ein anderer Tarif.",
        "Vielen Dank für Ihre Nachricht vom {DATE}.",
        "Fahrzeug: {CAR}, Kennzeichen {PLATE}.",
    ],
}

SALUT = {
    "nl": [("Geachte {T} {S},", 30), ("Beste {F},", 8), ("Dag {F},", 8), ("Geachte {F} {S},", 6),
           ("Beste {T} {S},", 6), ("Geachte,", 5), ("Geachte mevrouw, geachte heer,", 5), ("Beste {F} {S},", 4),
           ("Goedemorgen,", 3), ("Goedemiddag,", 2), ("Hallo,", 2), ("Beste,", 2)],
    "fr": [("{T} {S},", 25), ("Cher {T} {S},", 5), ("Bonjour {F},", 8), ("Madame, Monsieur,", 10),
           ("Chère {T} {S},", 4), ("Bonjour {T} {S},", 6), ("Cher {F},", 4), ("Bonjour,", 4), ("Bonsoir,", 1)],
    "de": [("Sehr geehrte{R} {T} {S},", 30), ("Liebe{R} {F},", 6), ("Hallo {F},", 6),
           ("Sehr geehrte Damen und Herren,", 10), ("Guten Tag {T} {S},", 6), ("Guten Tag {F} {S},", 3),
           ("Guten Tag,", 3), ("Guten Morgen,", 2), ("Hallo,", 2)],
}
SAL_TITLE = {"nl": {"m": ["heer", "heer", "Heer"], "f": ["mevrouw", "Mevrouw"]},
             "fr": {"m": ["Monsieur", "Monsieur"], "f": ["Madame", "Madame"]},
             "de": {"m": ["Herr"], "f": ["Frau"]}}
CLOSING = {"nl": ["Met vriendelijke groeten,", "Hoogachtend,", "Met de meeste hoogachting,", "Vriendelijke groet,", "Groeten,"],
           "fr": ["Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.", "Cordialement,",
                  "Bien à vous,", "Salutations distinguées,", "Nous vous prions d'agréer nos meilleures salutations."],
           "de": ["Mit freundlichen Grüßen", "Hochachtungsvoll", "Freundliche Grüße", "Mit besten Grüßen", "Beste Grüße"]}
SUBJECT = {"nl": ["Betreft", "Onderwerp", "Betreft:", "Ons kenmerk", "Uw kenmerk"],
           "fr": ["Objet", "Concerne", "Objet :", "Réf.", "Nos réf."],
           "de": ["Betreff", "Betrifft", "Betreff:", "Unser Zeichen", "Ihr Zeichen"]}
# Vehicles in police reports and claims: products, not names.
CARS = ["Volkswagen Polo", "Volkswagen Passat", "Renault Clio", "Renault Kangoo", "Peugeot 208", "Peugeot Partner",
        "Toyota Yaris", "Toyota Corolla", "BMW X3", "BMW 320d", "Citroën Berlingo", "Citroën C3", "Ford Transit",
        "Ford Fiesta", "Opel Corsa", "Opel Astra", "Mercedes-Benz Vito", "Mercedes Sprinter", "Škoda Octavia",
        "Audi A4", "Fiat Ducato", "Fiat Panda", "Dacia Sandero", "Kia Picanto", "Volvo XC60", "Tesla Model 3",
        "Hyundai i20", "Nissan Qashqai", "Seat Ibiza", "Iveco Daily"]
SUBJ_TXT = {"nl": ["aanvraag leefloon", "uw dossier", "herziening van uw rechten", "betalingsherinnering",
                   "uitnodiging gesprek", "aanvraag huurwaarborg", "terugvordering", "beslissing van de raad"],
            "fr": ["demande de revenu d'intégration", "votre dossier", "révision de vos droits", "rappel de paiement",
                   "convocation", "garantie locative", "récupération d'indu", "décision du conseil"],
            "de": ["Antrag auf Eingliederungseinkommen", "Ihre Akte", "Überprüfung Ihrer Rechte", "Zahlungserinnerung",
                   "Einladung zum Gespräch", "Mietgarantie", "Rückforderung", "Beschluss des Rates"]}
PLACE_DATE = {"nl": ["{C}, {D}", "{C}, {D}", "{C} {D}", "Datum: {D}"],
              "fr": ["{C}, le {D}", "{C}, {D}", "Fait à {C}, le {D}", "Date : {D}"],
              "de": ["{C}, den {D}", "{C}, {D}", "{C}, am {D}", "Datum: {D}"]}

# Where a decision or deed was signed: the place is a LOCATION.
SIGNED_AT = {"nl": ["Gedaan te {C} op {D}.", "Gedaan te {C}, {D}.", "Opgemaakt te {C} op {D}.",
                    "Aldus beslist te {C} op {D}."],
             "fr": ["Fait à {C}, le {D}.", "Fait à {C} le {D}.", "Ainsi décidé à {C}, le {D}."],
             "de": ["Geschehen zu {C}, den {D}.", "Ausgestellt in {C}, am {D}.", "So beschlossen in {C} am {D}."]}


# ------------------------------------------------------------------ document kinds

def _nl(doc):
    doc.t("\n")


def _letterhead(c: Ctx, doc: Doc):
    lang = c.lang
    kind = c.wch(["city", "public", "company", "court", "mut", "hospital", "assoc"], [30, 20, 25, 8, 7, 6, 4])
    fr = c.org_frags(kind)
    doc.frags(fr)
    if c.p(0.25):
        doc.t(" – " if c.p(0.5) else "\n")
        doc.t(c.ch(DEPTS[lang]))
    _nl(doc)
    doc.e(c.address(c.wch(["two", "line", "line_dash"], [50, 35, 15])), ADDR)
    _nl(doc)
    parts = []
    if c.p(0.8):
        parts.append(c.ch({"nl": ["Tel. ", "T ", "tel: ", "Tel.: "], "fr": ["Tél. ", "T. ", "Tél : "], "de": ["Tel. ", "Tel.: ", "T "]}[lang]) + c.phone())
    if c.p(0.6):
        box = c.ch({"nl": ["info", "secretariaat", "sociale.dienst", "onthaal"], "fr": ["info", "contact", "accueil", "service.social"],
                    "de": ["info", "sozialdienst", "empfang", "sekretariat"]}[lang])
        parts.append(c.ch(["", "E-mail: ", "e-mail : ", "mail: "]) + box + "@" + c.ch(["ocmw-%s.be", "cpas-%s.be", "%s.be", "gemeente-%s.be", "ville-%s.be"]) % re.sub(r"[^a-z]", "", c.city["name"].lower())[:12])
    if c.p(0.4):
        parts.append(c.ch({"nl": ["KBO ", "BTW ", "ondernemingsnummer ", "KBO-nr. "], "fr": ["TVA ", "BCE ", "n° entreprise ", "N° BCE : "],
                           "de": ["MwSt. ", "Unternehmensnummer ", "ZDU "]}[lang]) + c.kbo())
    if parts:
        doc.t(c.ch([" | ", " - ", "\n", "  "]).join(parts))
        _nl(doc)


def _recipient(c: Ctx, doc: Doc, p):
    lang = c.lang
    if c.p(0.7):
        doc.t(c.ch(TITLES[lang][p["g"]]) + " ")
    doc.e(c.name(p, c.wch(["fl", "LF", "lf", "iL", "fL", "L,F"], [40, 20, 10, 10, 10, 5])), PER)
    _nl(doc)
    if c.p(0.08):
        doc.t(c.ch(["p/a ", "c/o ", "p.a. "]))
        doc.frags(c.org_frags(c.ch(["care", "company", "city"])))
        _nl(doc)
    doc.e(c.address("two"), ADDR)
    _nl(doc)
    if c.p(0.2):
        country = c.ch(COUNTRY_LINE[lang])
        doc.e(country, LOC)
        _nl(doc)


def _subject(c: Ctx, doc: Doc):
    lang = c.lang
    lab = c.ch(SUBJECT[lang])
    doc.t(lab + ("" if lab.endswith(":") else c.ch([": ", " : ", "\t", " "])))
    x = c.r.random()
    if x < 0.5:
        doc.t(c.ch(SUBJ_TXT[lang]))
        if c.p(0.5):
            doc.t(" – ")
            doc.e(c.name(c.main, c.ch(["LF", "fl", "lf"])), PER)
    elif x < 0.8:
        doc.t(c.ref())
    else:
        doc.t(c.ch(SUBJ_TXT[lang]) + " " + c.ref())
    _nl(doc)


def _salutation(c: Ctx, doc: Doc, p):
    lang = c.lang
    items, w = zip(*SALUT[lang])
    # first name and surname together are one name, one PERSON
    tmpl = c.wch(items, w).replace("{F} {S}", "{N}")
    pos = 0
    for m in re.finditer(r"\{(\w)\}", tmpl):
        doc.t(tmpl[pos:m.start()])
        k = m.group(1)
        if k == "T":
            doc.t(c.ch(SAL_TITLE[lang][p["g"]]))
        elif k == "S":
            doc.e(p["last"], PER)
        elif k == "F":
            doc.e(p["first"], PER)
        elif k == "N":
            doc.e(p["first"] + " " + p["last"], PER)
        elif k == "R":
            doc.t("r" if p["g"] == "m" else "")
        pos = m.end()
    doc.t(tmpl[pos:])
    _nl(doc)


def _body(c: Ctx, doc: Doc, k=(2, 6)):
    n = c.r.randint(*k)
    pool = BODY[c.lang]
    sents, _ = prose(c.g.data_dir, c.lang)
    for i in range(n):
        if i and c.p(0.12):
            _heading(c, doc)
        if sents and c.p(0.3):
            doc.t(c.ch(sents))
        else:
            c.fill(doc, c.ch(pool))
        doc.t(c.ch([" ", " ", "\n", "\n\n"]) if i < n - 1 else "\n")


def _heading(c: Ctx, doc: Doc):
    """A line of common words set like a heading or a form label
    (`Feiten`, `II. Motivering`, `BESLISSING`, `Hilfsmittel: ja`): capitalised
    words that are not names."""
    _, words = prose(c.g.data_dir, c.lang)
    if not words:
        return
    w = c.ch(words)
    x = c.r.random()
    if x < 0.15:
        w = w + " " + {"nl": "en", "fr": "et", "de": "und"}[c.lang] + " " + c.ch(words).lower()
    elif x < 0.25:
        w = c.ch(["I. ", "II. ", "1. ", "2. ", "A. ", "3) "]) + w
    if c.p(0.3):
        w = w.upper()
    end = c.ch(["\n", "\n", ":\n", ": " + c.ch(YES_NO[c.lang]) + "\n", ": " + c.amount() + "\n"])
    doc.t(w + end)


YES_NO = {"nl": ["ja", "nee", "Ja", "Nee", "neen"], "fr": ["oui", "non", "Oui", "Non"], "de": ["ja", "nein", "Ja", "Nein"]}

# Entity-free sentences of the unlabelled text: NL/FR Chamber questions,
# German man pages. A sentence is kept only if no word but the first has a
# capital (German: a capitalised word must be a common word), so labelling it
# all O is right.
PROSE_FILES = {"nl": "text/be_parliament_2020/be_parliament_2020.text_nl.txt",
               "fr": "text/be_parliament_2020/be_parliament_2020.text_fr.txt",
               "de": "text/manpages-de.txt"}
_SENT_SPLIT = re.compile(r"(?<=[a-zà-ÿ][.!?])(?=[A-ZÀ-Þ])|(?<=[.!?])\s+")


@functools.lru_cache(maxsize=8)
def prose(data_dir: str, lang: str) -> tuple[list[str], list[str]]:
    """(sentences, heading words) for lang; empty when the text is missing."""
    path = os.path.join(data_dir, PROSE_FILES[lang])
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            data = f.read(4_000_000)
    except OSError:
        return [], []
    common = set(gazetteers.get(data_dir).common_words_all.get(lang, ()))
    sents = []
    for line in data.split("\n"):
        for s in _SENT_SPLIT.split(line):
            s = s.strip()
            if _entity_free(s, lang, common):
                sents.append(s)
    words = sorted({w.strip(".,;:?!") for s in sents for w in s.split()[1:]})
    if lang == "de":
        words = [w for w in words if len(w) >= 5 and w[0].isupper() and w[1:].isalpha() and w[1:].islower()]
    else:
        words = [w.capitalize() for w in words if 5 <= len(w) <= 14 and w.isalpha() and w.lower() in common]
    return sents, words


def _entity_free(s: str, lang: str, common: set) -> bool:
    w = s.split()
    if not 6 <= len(w) <= 30 or not s[0].isupper() or s[-1] not in ".?":
        return False
    if any(ch.isdigit() for ch in s) or "@" in s or "http" in s or "(" in s:
        return False
    for x in w[1:]:
        if any(ch.isupper() for ch in x):
            core = x.strip(".,;:?!\"'")
            if lang != "de" or not (core[:1].isupper() and core[1:].islower() and core.lower() in common):
                return False
    return True


def _columns(c: Ctx, doc: Doc, p, q):
    """Two signatures side by side: functions on one line, names under them,
    columns apart by a run of spaces or a tab (each name its own PERSON)."""
    f1, f2 = c.ch(FUNCTIONS[c.lang]), c.ch(FUNCTIONS[c.lang])
    if c.p(0.5):
        f1, f2 = f1 + ",", f2 + ","
    style = c.ch(["fl", "iL", "iL", "fL", "lf"])
    n1, n2 = c.name(p, style), c.name(q, style)
    width = max(len(f1), len(n1)) + c.r.randint(3, 30)
    tab = c.p(0.15)
    doc.t(f1 + ("\t" if tab else " " * (width - len(f1))) + f2 + "\n")
    if c.p(0.3):
        doc.t("\n")
    doc.e(n1, PER)
    doc.t("\t" if tab else " " * (width - len(n1)))
    doc.e(n2, PER)
    doc.t("\n")


def _signature(c: Ctx, doc: Doc, p=None):
    p = p or c.sender
    lang = c.lang
    _nl(doc)
    columns = c.p(0.2)
    doc.t(c.ch(CLOSING[lang]) + "\n")
    if columns:
        doc.t("\n")
        _columns(c, doc, p, c.person())
        return
    if c.p(0.3):
        doc.t("\n")
    doc.e(c.name(p, c.wch(["fl", "iL", "fL", "LF"], [60, 15, 15, 10])), PER)
    if c.p(0.8):
        doc.t(c.ch(["\n", ", ", "\n"]) + c.ch(FUNCTIONS[lang]))
    if c.p(0.3):
        doc.t("\n")
        if c.p(0.5):
            doc.t(c.ch({"nl": ["De algemeen directeur, ", "De voorzitter, "], "fr": ["Le directeur général, ", "Le président, "], "de": ["Der Generaldirektor, ", "Der Präsident, "]}[lang]))
        doc.e(c.name(c.person(), "fl"), PER)
    _nl(doc)


def doc_letter(c: Ctx, doc: Doc):
    _letterhead(c, doc)
    _nl(doc)
    _recipient(c, doc, c.main)
    _nl(doc)
    pd = c.ch(PLACE_DATE[c.lang])
    pre, _, post = pd.partition("{C}")
    if "{C}" in pd:
        doc.t(pre)
        doc.e(c.municipality()["name"], LOC)
        doc.t(post.replace("{D}", c.date()))
    else:
        doc.t(pd.replace("{D}", c.date()))
    _nl(doc)
    _subject(c, doc)
    _nl(doc)
    _salutation(c, doc, c.main)
    _nl(doc)
    _body(c, doc)
    _signature(c, doc)


DEC_HEAD = {
    "nl": ["BESLUIT VAN HET BIJZONDER COMITÉ VOOR DE SOCIALE DIENST", "UITTREKSEL UIT HET REGISTER VAN DE BESLUITEN",
           "BESLISSING", "VONNIS", "Beslissing van de Raad voor Maatschappelijk Welzijn"],
    "fr": ["DÉCISION DU COMITÉ SPÉCIAL DU SERVICE SOCIAL", "EXTRAIT DU REGISTRE AUX DÉLIBÉRATIONS", "DÉCISION",
           "JUGEMENT", "Décision du Conseil de l'Action sociale"],
    "de": ["BESCHLUSS DES SONDERAUSSCHUSSES FÜR DEN SOZIALDIENST", "AUSZUG AUS DEM BESCHLUSSREGISTER", "BESCHLUSS",
           "URTEIL", "Beschluss des Sozialhilferates"],
}
DEC_INTRO = {
    "nl": ["Gelet op de aanvraag van {SUBJ}, geboren op {BD}, INSZ {INSZ}, wonende te {NA};",
           "Betreft: {SUBJ} (° {BD}), rijksregisternummer {INSZ}, {NA}.",
           "In zake: {SUBJ}, geboren te {BP} op {BD}, wonende {NA}, verzoeker;"],
    "fr": ["Vu la demande de {SUBJ}, né(e) le {BD}, NISS {INSZ}, domicilié(e) à {NA} ;",
           "Concerne : {SUBJ} (° {BD}), numéro de registre national {INSZ}, {NA}.",
           "En cause de : {SUBJ}, né(e) à {BP} le {BD}, domicilié(e) {NA}, partie demanderesse ;"],
    "de": ["Aufgrund des Antrags von {SUBJ}, geboren am {BD}, NISS {INSZ}, wohnhaft in {NA};",
           "Betrifft: {SUBJ} (geb. {BD}), Nationalregisternummer {INSZ}, {NA}.",
           "In Sachen: {SUBJ}, geboren in {BP} am {BD}, wohnhaft {NA}, Antragsteller;"],
}
DEC_CONS = {
    "nl": ["Overwegende dat betrokkene geen bestaansmiddelen heeft;", "Gelet op het sociaal verslag van {TP};",
           "Overwegende dat {TM} samenwoont met {P};", "Gelet op de wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie;",
           "Overwegende dat betrokkene op {DATE} werd gehoord in aanwezigheid van {TP};",
           "Gelet op het attest van {ORG} van {DATE};", "Overwegende dat betrokkene sinds {DATE} in {LOC} verblijft;",
           "Gelet op het advies van {GEN};"],
    "fr": ["Considérant que l'intéressé(e) ne dispose d'aucune ressource ;", "Vu le rapport social de {TP} ;",
           "Considérant que {TM} cohabite avec {P} ;", "Vu la loi du 26 mai 2002 concernant le droit à l'intégration sociale ;",
           "Considérant que l'intéressé(e) a été entendu(e) le {DATE} en présence de {TP} ;",
           "Vu l'attestation de {ORG} du {DATE} ;", "Considérant que l'intéressé(e) réside à {LOC} depuis le {DATE} ;",
           "Vu l'avis du {DEPT} ;"],
    "de": ["In Erwägung, dass der Betroffene über keine Existenzmittel verfügt;", "Aufgrund des Sozialberichts von {TP};",
           "In Erwägung, dass {TM} mit {P} zusammenwohnt;", "Aufgrund des Gesetzes vom 26. Mai 2002 über das Recht auf soziale Eingliederung;",
           "In Erwägung, dass der Betroffene am {DATE} in Anwesenheit von {TP} angehört wurde;",
           "Aufgrund der Bescheinigung von {ORG} vom {DATE};", "In Erwägung, dass der Betroffene seit dem {DATE} in {LOC} wohnt;",
           "Aufgrund der Stellungnahme des {DEPT};"],
}
DEC_VERB = {"nl": ["BESLIST:", "Beslist:", "HET COMITÉ BESLIST:", "OM DEZE REDENEN, DE RECHTBANK:"],
            "fr": ["DÉCIDE :", "Décide :", "LE COMITÉ DÉCIDE :", "PAR CES MOTIFS, LE TRIBUNAL :"],
            "de": ["BESCHLIESST:", "Beschließt:", "DER AUSSCHUSS BESCHLIESST:", "AUS DIESEN GRÜNDEN, DAS GERICHT:"]}
DEC_ART = {"nl": ["Artikel 1. Aan {SUBJ} wordt een leefloon toegekend aan het tarief alleenstaande, zijnde {AMT} per maand, vanaf {DATE}.",
                  "Artikel 2. Het bedrag wordt gestort op rekening {IBAN}.",
                  "Art. 1. De aanvraag van {TM} wordt geweigerd.",
                  "Een afschrift van deze beslissing wordt bezorgd aan {ORG}.",
                  "Tegen deze beslissing kan beroep worden ingesteld bij de {COURT}, binnen de drie maanden."],
           "fr": ["Article 1er. Un revenu d'intégration au taux isolé, soit {AMT} par mois, est octroyé à {SUBJ} à partir du {DATE}.",
                  "Article 2. Le montant est versé sur le compte {IBAN}.",
                  "Art. 1. La demande de {TM} est refusée.",
                  "Une copie de la présente décision est transmise à {ORG}.",
                  "Un recours contre cette décision peut être introduit auprès du {COURT} dans les trois mois."],
           "de": ["Artikel 1. {SUBJ} wird ein Eingliederungseinkommen zum Satz Alleinstehende, d.h. {AMT} pro Monat, ab dem {DATE} gewährt.",
                  "Artikel 2. Der Betrag wird auf das Konto {IBAN} überwiesen.",
                  "Art. 1. Der Antrag von {TM} wird abgelehnt.",
                  "Eine Abschrift dieses Beschlusses wird {ORG} übermittelt.",
                  "Gegen diesen Beschluss kann innerhalb von drei Monaten Einspruch beim {COURT} eingelegt werden."]}


def _signed_at(c: Ctx, doc: Doc):
    pre, _, post = c.ch(SIGNED_AT[c.lang]).partition("{C}")
    doc.t(pre)
    doc.e(c.municipality()["name"], LOC)
    doc.t(post.replace("{D}", c.date()) + "\n\n")


def doc_decision(c: Ctx, doc: Doc):
    lang = c.lang
    doc.frags(c.org_frags(c.ch(["city", "city", "court"])))
    _nl(doc)
    if c.p(0.5):
        doc.t(c.ch(DEPTS[lang]) + "\n")
    doc.t("\n" + c.ch(DEC_HEAD[lang]) + "\n")
    sess = {"nl": "Zitting van ", "fr": "Séance du ", "de": "Sitzung vom "}[lang]
    doc.t(sess + c.date() + "\n\n")
    subj_name = c.name(c.main, c.wch(["LF", "Lf_upper_all", "L,F", "fl"], [45, 20, 15, 20]))

    def subj(d):
        if c.p(0.4):
            d.t(c.ch(TITLES[lang][c.main["g"]]) + " ")
        d.e(subj_name, PER)

    def fill_special(tmpl):
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", tmpl):
            doc.t(tmpl[pos:m.start()])
            k = m.group(1)
            if k == "SUBJ":
                subj(doc)
            elif k == "BD":
                doc.t(c.birthdate())
            elif k == "NA":
                doc.e(c.address(c.ch(["notarial", "notarial", "line"])), ADDR)
            elif k == "BP":
                doc.e(c.municipality()["name"], LOC)
            else:
                doc.frags(c.slot(k))
            pos = m.end()
        doc.t(tmpl[pos:])

    fill_special(c.ch(DEC_INTRO[lang]))
    doc.t("\n")
    for t in c.r.sample(DEC_CONS[lang], c.r.randint(2, 5)):
        fill_special(t)
        doc.t("\n")
    doc.t("\n" + c.ch(DEC_VERB[lang]) + "\n")
    arts = DEC_ART[lang][:2] if c.p(0.6) else DEC_ART[lang][2:3]
    arts = arts + [t for t in DEC_ART[lang][3:] if c.p(0.5)]
    for t in arts:
        fill_special(t)
        doc.t("\n")
    doc.t("\n")
    if c.p(0.5):
        _signed_at(c, doc)
    sig = {"nl": ["De secretaris,", "De voorzitter,", "De griffier,", "De rechter,"],
           "fr": ["Le secrétaire,", "Le président,", "Le greffier,", "Le juge,"],
           "de": ["Der Sekretär,", "Der Präsident,", "Der Greffier,", "Der Richter,"]}[lang]
    doc.t(c.ch(sig) + c.ch(["\n", " "]))
    doc.e(c.name(c.sender, c.ch(["fl", "iL", "LF"])), PER)
    if c.p(0.6):
        doc.t(c.ch(["\t\t", "   ", "\n"]) + c.ch(sig) + c.ch(["\n", " "]))
        doc.e(c.name(c.person(), c.ch(["fl", "iL", "LF"])), PER)
    doc.t("\n")


FORM_LABELS = {
    "nl": {"last": ["Naam", "NAAM", "Familienaam", "Achternaam"], "first": ["Voornaam", "VOORNAAM", "Voornamen"],
           "full": ["Naam en voornaam", "Aanvrager", "Naam aanvrager"], "addr": ["Adres", "ADRES", "Woonplaats", "Domicilie"],
           "bd": ["Geboortedatum", "Geboren op"], "bp": ["Geboorteplaats", "Geboren te"], "insz": ["INSZ", "Rijksregisternummer", "Rijksregisternr."],
           "phone": ["Telefoon", "GSM", "Tel."], "email": ["E-mail", "E-mailadres"], "iban": ["Rekeningnummer", "IBAN"],
           "nat": ["Nationaliteit"], "emp": ["Werkgever", "Naam werkgever"], "mut": ["Ziekenfonds", "Mutualiteit"],
           "street": ["Straat en nummer", "Straat + nr."], "pc": ["Postcode en gemeente", "Gemeente"],
           "title": ["AANVRAAGFORMULIER", "Inschrijvingsformulier", "FORMULIER", "Aanvraag tot tussenkomst"]},
    "fr": {"last": ["Nom", "NOM", "Nom de famille"], "first": ["Prénom", "PRÉNOM", "Prénoms"],
           "full": ["Nom et prénom", "Demandeur", "Nom du demandeur"], "addr": ["Adresse", "ADRESSE", "Domicile"],
           "bd": ["Date de naissance", "Né(e) le"], "bp": ["Lieu de naissance", "Né(e) à"], "insz": ["NISS", "N° de registre national", "N° national"],
           "phone": ["Téléphone", "GSM", "Tél."], "email": ["E-mail", "Courriel"], "iban": ["Numéro de compte", "IBAN"],
           "nat": ["Nationalité"], "emp": ["Employeur", "Nom de l'employeur"], "mut": ["Mutualité", "Organisme assureur"],
           "street": ["Rue et numéro", "Rue + n°"], "pc": ["Code postal et localité", "Commune"],
           "title": ["FORMULAIRE DE DEMANDE", "Formulaire d'inscription", "FORMULAIRE", "Demande d'intervention"]},
    "de": {"last": ["Name", "NAME", "Familienname", "Nachname"], "first": ["Vorname", "VORNAME", "Vornamen"],
           "full": ["Name und Vorname", "Antragsteller", "Name des Antragstellers"], "addr": ["Adresse", "Anschrift", "Wohnsitz"],
           "bd": ["Geburtsdatum", "Geboren am"], "bp": ["Geburtsort", "Geboren in"], "insz": ["NISS", "Nationalregisternummer"],
           "phone": ["Telefon", "Handy", "Tel."], "email": ["E-Mail", "E-Mail-Adresse"], "iban": ["Kontonummer", "IBAN"],
           "nat": ["Staatsangehörigkeit"], "emp": ["Arbeitgeber", "Name des Arbeitgebers"], "mut": ["Krankenkasse"],
           "street": ["Straße und Hausnummer", "Straße + Nr."], "pc": ["PLZ und Ort", "Wohnort"],
           "title": ["ANTRAGSFORMULAR", "Anmeldeformular", "FORMULAR", "Antrag auf Beteiligung"]},
}
NATIONALITY = {"nl": ["Belg", "Belgische", "Marokkaanse", "Nederlandse", "Turkse", "Roemeense", "Poolse"],
               "fr": ["belge", "Belge", "française", "marocaine", "italienne", "congolaise", "roumaine"],
               "de": ["belgisch", "Belgier", "deutsch", "niederländisch", "luxemburgisch"]}


def doc_form(c: Ctx, doc: Doc):
    lang = c.lang
    L = FORM_LABELS[lang]
    if c.p(0.6):
        doc.frags(c.org_frags(c.ch(["city", "public", "mut", "school"])))
        _nl(doc)
    doc.t(c.ch(L["title"]) + "\n\n")
    sep = c.ch([": ", ":\t", " : ", ":  ", "\t", " :\t", ": "])
    upper_vals = c.p(0.35)
    people = [c.main] + ([c.person()] if c.p(0.3) else [])
    for pi, p in enumerate(people):
        if pi:
            doc.t("\n" + {"nl": "Partner", "fr": "Conjoint(e)", "de": "Ehepartner"}[lang] + "\n")
        if c.p(0.8):
            doc.t(c.ch(L["last"]) + sep)
            doc.e(p["last"].upper() if upper_vals else p["last"], PER)
            doc.t("\n" if c.p(0.8) else c.ch(["   ", "\t"]))
            doc.t(c.ch(L["first"]) + sep)
            doc.e(p["first"], PER)
            doc.t("\n")
        else:
            doc.t(c.ch(L["full"]) + sep)
            doc.e(c.name(p, c.ch(["LF", "L,F", "fl", "lf"])), PER)
            doc.t("\n")
        fields = ["bd", "bp", "insz", "addr", "phone", "email", "iban", "nat", "emp", "mut"]
        c.r.shuffle(fields)
        fields = ["bd", "insz"] + [f for f in fields if f not in ("bd", "insz")][:c.r.randint(3, 7)]
        if "addr" not in fields and c.p(0.7):
            fields.append("addr")
        for f in fields:
            if f == "addr" and c.p(0.3):
                # split street / postcode fields: street+number is an ADDRESS on its own
                doc.t(c.ch(L["street"]) + sep)
                region = c._region_for_lang()
                full = c.address("two", region)
                street_line, pc_line = full.split("\n", 1)
                doc.e(street_line, ADDR)
                doc.t("\n" + c.ch(L["pc"]) + sep + pc_line + "\n")
                continue
            doc.t(c.ch(L[f]) + sep)
            if f == "bd":
                doc.t(c.birthdate())
            elif f == "bp":
                doc.e(c.municipality()["name"], LOC)
            elif f == "insz":
                doc.t(c.insz())
            elif f == "addr":
                doc.e(c.address(c.ch(["line", "line", "line_dash"])), ADDR)
            elif f == "phone":
                doc.t(c.phone())
            elif f == "email":
                doc.t(c.email_of(p["first"], p["last"]))
            elif f == "iban":
                doc.t(c.iban())
            elif f == "nat":
                doc.t(c.ch(NATIONALITY[lang]))
            elif f == "emp":
                doc.frags(c.org_frags(c.ch(["company", "company", "public", "school", "hospital"]), acr_ok=False))
            elif f == "mut":
                doc.frags(c.org_frags("mut"))
            doc.t("\n")
    if c.p(0.5):
        doc.t("\n")
        for _ in range(c.r.randint(1, 4)):
            _heading(c, doc)
    doc.t("\n")
    doc.t({"nl": "Handtekening", "fr": "Signature", "de": "Unterschrift"}[lang] + sep)
    if c.p(0.5):
        doc.e(c.name(c.main, "fl"), PER)
    doc.t("\n")
    c.fill(doc, {"nl": "Datum: {DATE}\n", "fr": "Date : {DATE}\n", "de": "Datum: {DATE}\n"}[lang])


INV_WORDS = {
    "nl": {"inv": ["FACTUUR", "Factuur", "Creditnota"], "nr": "Factuurnummer", "date": "Factuurdatum", "due": "Vervaldatum",
           "client": ["Klant", "Aan", "Facturatieadres"], "vat": ["BTW", "BTW-nr.", "Ondernemingsnummer"],
           "total": "Totaal te betalen", "pay": "Gelieve te betalen op rekening {IBAN} met mededeling {OGM} vóór {DATE}.",
           "lines": ["Prestaties", "Herstelling", "Levering materiaal", "Verplaatsingskosten", "Werkuren", "Onderhoud"]},
    "fr": {"inv": ["FACTURE", "Facture", "Note de crédit"], "nr": "Numéro de facture", "date": "Date de facture", "due": "Échéance",
           "client": ["Client", "À l'attention de", "Adresse de facturation"], "vat": ["TVA", "N° TVA", "N° d'entreprise"],
           "total": "Total à payer", "pay": "Merci de payer sur le compte {IBAN} avec la communication {OGM} avant le {DATE}.",
           "lines": ["Prestations", "Réparation", "Livraison de matériel", "Frais de déplacement", "Heures de travail", "Entretien"]},
    "de": {"inv": ["RECHNUNG", "Rechnung", "Gutschrift"], "nr": "Rechnungsnummer", "date": "Rechnungsdatum", "due": "Fälligkeit",
           "client": ["Kunde", "An", "Rechnungsadresse"], "vat": ["MwSt.", "MwSt.-Nr.", "Unternehmensnummer"],
           "total": "Gesamtbetrag", "pay": "Bitte überweisen Sie den Betrag auf das Konto {IBAN} mit der Mitteilung {OGM} bis zum {DATE}.",
           "lines": ["Leistungen", "Reparatur", "Materiallieferung", "Fahrtkosten", "Arbeitsstunden", "Wartung"]},
}


def doc_invoice(c: Ctx, doc: Doc):
    lang = c.lang
    W = INV_WORDS[lang]
    doc.e(c.company(), ORG)
    _nl(doc)
    doc.e(c.address(c.ch(["two", "line"])), ADDR)
    doc.t("\n%s %s\n" % (c.ch(W["vat"]), c.kbo(prefix=c.p(0.6))))
    if c.p(0.6):
        doc.t("IBAN " + c.iban() + c.ch(["  BIC GKCCBEBB", "  BIC KREDBEBB", "  BIC GEBABEBB", ""]) + "\n")
    if c.p(0.5):
        doc.t(c.ch(["Tel. ", "Tél. ", "T "]) + c.phone() + "\n")
    doc.t("\n" + c.ch(W["client"]) + c.ch([":\n", "\n", ": "]))
    if c.p(0.5):
        doc.frags(c.org_frags(c.ch(["company", "city", "public", "care"]), acr_ok=False))
        _nl(doc)
        if c.p(0.5):
            doc.t({"nl": "T.a.v. ", "fr": "À l'att. de ", "de": "z. Hd. "}[lang])
            if c.p(0.5):
                doc.t(c.title(c.main) + " ")
            doc.e(c.name(c.main, c.ch(["fl", "iL"])), PER)
            _nl(doc)
    else:
        if c.p(0.5):
            doc.t(c.ch(TITLES[lang][c.main["g"]]) + " ")
        doc.e(c.name(c.main, c.ch(["fl", "LF", "fL"])), PER)
        _nl(doc)
    doc.e(c.address("two"), ADDR)
    doc.t("\n\n%s %s\n" % (c.ch(W["inv"]), c.ref()))
    doc.t("%s: %s\n%s: %s\n\n" % (W["date"], c.date(), W["due"], c.date()))
    for _ in range(c.r.randint(1, 5)):
        doc.t("%s\t%d\t%s\n" % (c.ch(W["lines"]), c.r.randint(1, 20), c.amount()))
    doc.t("%s: %s\n" % (W["total"], c.amount()))
    c.fill(doc, W["pay"])
    doc.t("\n")


def doc_email(c: Ctx, doc: Doc):
    lang = c.lang
    H = {"nl": ("Van", "Aan", "CC", "Onderwerp", "Datum", "Verzonden"),
         "fr": ("De", "À", "Cc", "Objet", "Date", "Envoyé"),
         "de": ("Von", "An", "CC", "Betreff", "Datum", "Gesendet")}[lang]
    if c.p(0.4):
        H = ("From", "To", "Cc", "Subject", "Date", "Sent")
    a, b = c.sender, c.main

    def hdr(label, p):
        doc.t(label + ": ")
        em = c.email_of(p["first"], p["last"])
        f = c.r.randrange(4)
        if f == 0:
            doc.e(c.name(p, "fl"), PER)
            doc.t(" <%s>" % em)
        elif f == 1:
            doc.t('"')
            doc.e(c.name(p, c.ch(["lf", "L,F", "LF"])), PER)
            doc.t('" <%s>' % em)
        elif f == 2:
            doc.t(em)
        else:
            doc.e(c.name(p, "fl"), PER)
            doc.t(" [mailto:%s]" % em)
        doc.t("\n")

    hdr(H[0], a)
    if c.p(0.5):
        doc.t("%s: %s %02d:%02d\n" % (c.ch([H[4], H[5]]), c.date(), c.r.randint(7, 19), c.r.randint(0, 59)))
    hdr(H[1], b)
    if c.p(0.3):
        hdr(H[2], c.person())
    doc.t(H[3] + ": " + c.ch(["RE: ", "TR: ", "AW: ", "FW: ", ""]) + c.ch(SUBJ_TXT[lang]))
    if c.p(0.3):
        doc.t(" ")
        doc.e(c.name(b, c.ch(["LF", "fl"])), PER)
    doc.t("\n\n")
    if c.p(0.5):
        doc.t(c.ch({"nl": ["Dag ", "Hallo ", "Beste "], "fr": ["Bonjour ", "Salut ", "Cher "], "de": ["Hallo ", "Liebe ", "Guten Tag "]}[lang]))
        doc.e(b["first"], PER)
        doc.t(",\n\n")
    else:
        _salutation(c, doc, b)
        doc.t("\n")
    _body(c, doc, (1, 4))
    doc.t("\n" + c.ch({"nl": ["Groetjes", "Mvg", "Met vriendelijke groet"], "fr": ["Bien à vous", "Cordialement", "Bàv"], "de": ["Viele Grüße", "MfG", "Beste Grüße"]}[lang]) + ",\n")
    doc.e(c.name(a, c.ch(["F", "fl", "fl"])), PER)
    doc.t("\n")
    if c.p(0.6):
        doc.t(c.ch(FUNCTIONS[lang]) + "\n")
        doc.frags(c.org_frags(c.ch(["city", "public", "company", "hospital"])))
        doc.t("\n")
        if c.p(0.6):
            doc.e(c.address(c.ch(["line", "line_dash"])), ADDR)
            doc.t("\n")
        doc.t(c.phone() + "\n")


MIN_WORDS = {
    "nl": {"head": ["NOTULEN", "Verslag van de vergadering", "PROCES-VERBAAL", "Notulen van de gemeenteraad"],
           "present": ["Aanwezig", "Aanwezigen", "Zijn aanwezig"], "absent": ["Verontschuldigd", "Afwezig"],
           "roles": ["voorzitter", "schepen", "raadslid", "algemeen directeur", "secretaris", "burgemeester", "notulist"],
           "pts": ["Goedkeuring van de notulen van de vorige zitting", "Aanvraag steun {P}", "Huurwaarborg {FAM}",
                   "Overeenkomst met {ORG}", "Aanstelling van {TP} als maatschappelijk werker",
                   "Verkoop van het perceel gelegen {ADDR}", "Subsidie aan {ORGX}", "Vraag van {TP} over de werken in {CITY}"],
           "open": "De voorzitter opent de vergadering om 19.30 uur.", "close": "De vergadering wordt gesloten om 21.15 uur."},
    "fr": {"head": ["PROCÈS-VERBAL", "Compte rendu de la réunion", "Procès-verbal du conseil communal"],
           "present": ["Présents", "Sont présents"], "absent": ["Excusés", "Absents"],
           "roles": ["président", "échevin", "conseiller", "directeur général", "secrétaire", "bourgmestre"],
           "pts": ["Approbation du procès-verbal de la séance précédente", "Demande d'aide de {P}", "Garantie locative {FAM}",
                   "Convention avec {ORG}", "Désignation de {TP} en qualité d'assistant social",
                   "Vente de la parcelle sise {ADDR}", "Subside à {ORGX}", "Question de {TP} concernant les travaux à {CITY}"],
           "open": "Le président ouvre la séance à 19h30.", "close": "La séance est levée à 21h15."},
    "de": {"head": ["PROTOKOLL", "Sitzungsbericht", "Protokoll der Sitzung des Gemeinderates"],
           "present": ["Anwesend", "Anwesende"], "absent": ["Entschuldigt", "Abwesend"],
           "roles": ["Vorsitzender", "Schöffe", "Ratsmitglied", "Generaldirektor", "Sekretär", "Bürgermeister"],
           "pts": ["Genehmigung des Protokolls der vorigen Sitzung", "Antrag auf Unterstützung von {P}", "Mietgarantie {FAM}",
                   "Vereinbarung mit {ORG}", "Ernennung von {TP} zum Sozialarbeiter",
                   "Verkauf der Parzelle {ADDR}", "Zuschuss an {ORGX}", "Frage von {TP} zu den Arbeiten in {CITY}"],
           "open": "Der Vorsitzende eröffnet die Sitzung um 19.30 Uhr.", "close": "Die Sitzung wird um 21.15 Uhr geschlossen."},
}


def doc_minutes(c: Ctx, doc: Doc):
    lang = c.lang
    W = MIN_WORDS[lang]
    org = c.org_frags(c.ch(["city", "city", "assoc", "company", "school"]))
    doc.frags(org)
    doc.t("\n" + c.ch(W["head"]) + " " + {"nl": "van ", "fr": "du ", "de": "vom "}[lang] + c.date() + "\n\n")
    for key in ("present", "absent"):
        if key == "absent" and c.p(0.4):
            continue
        doc.t(c.ch(W[key]) + ":" + c.ch(["\n", " "]))
        n = c.r.randint(2, 8) if key == "present" else c.r.randint(1, 3)
        inline = c.p(0.4)
        style = c.ch(["fl", "fl", "iL", "LF", "lf"])
        for i in range(n):
            p = c.person()
            if not inline:
                doc.t(c.ch(["- ", "• ", "", "\t"]))
            if c.p(0.75):
                doc.t(c.title(p) + " ")
            doc.e(c.name(p, style), PER)
            if c.p(0.5):
                sep = c.ch([", ", " – ", " ("])
                doc.t(sep + c.ch(W["roles"]) + (")" if sep == " (" else ""))
            doc.t(("; " if i < n - 1 else "\n") if inline else "\n")
        doc.t("\n")
    doc.t(W["open"] + "\n\n")
    pts = c.r.sample(W["pts"], c.r.randint(2, 5))
    for i, pt in enumerate(pts):
        doc.t("%d. " % (i + 1))
        c.fill(doc, pt)
        doc.t("\n")
        if c.p(0.7):
            _body(c, doc, (1, 2))
        doc.t("\n")
    doc.t(W["close"] + "\n")
    if c.p(0.3):
        doc.t("\n")
        _columns(c, doc, c.sender, c.person())
    elif c.p(0.6):
        doc.t({"nl": "De secretaris, ", "fr": "Le secrétaire, ", "de": "Der Sekretär, "}[lang])
        doc.e(c.name(c.sender, "fl"), PER)
        doc.t("\n")


KINDS = [("letter", doc_letter, 30), ("decision", doc_decision, 15), ("form", doc_form, 15),
         ("invoice", doc_invoice, 12), ("email", doc_email, 16), ("minutes", doc_minutes, 12)]


# ------------------------------------------------------------------ noise

def _noise(c: Ctx, text: str, spans):
    """Extra spaces outside spans (cheap: only between tokens outside entities)."""
    if c.r.random() > 0.15:
        return text, spans
    # double some single spaces that are outside spans
    inside = bytearray(len(text))
    for s, e, _ in spans:
        for i in range(s, e):
            inside[i] = 1
    out = []
    shift = [0] * (len(text) + 1)
    add = 0
    for i, ch in enumerate(text):
        shift[i] = add
        out.append(ch)
        if ch == " " and not inside[i] and c.r.random() < 0.08:
            out.append(" ")
            add += 1
    shift[len(text)] = add
    new_spans = [[s + shift[s], e + shift[s], l] for s, e, l in spans]
    return "".join(out), new_spans


def _one(rng: random.Random, g, lang: str, idx: int) -> dict:
    c = Ctx(rng, g, lang)
    names, fns, w = zip(*KINDS)
    k = rng.choices(range(len(KINDS)), w)[0]
    doc = Doc(upper=rng.random() < 0.05, crlf=rng.random() < 0.1)
    fns[k](c, doc)
    text = doc.text()
    spans = doc.spans
    text, spans = _noise(c, text, spans)
    return {"text": text, "spans": spans, "lang": lang, "source": "synth-" + names[k], "kind": names[k]}


def generate(n: int, seed: int, data_dir: str = DEFAULT_DATA_DIR, langs=("nl", "fr", "de")) -> list[dict]:
    """n synthetic documents, deterministic for (seed, data_dir, langs)."""
    g = gazetteers.get(data_dir)
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = langs[rng.randrange(len(langs))]
        out.append(_one(rng, g, lang, i))
    return out


def show(ex) -> str:
    t = ex["text"]
    out = []
    pos = 0
    for s, e, l in ex["spans"]:
        out.append(t[pos:s])
        out.append("[[" + t[s:e] + "]]" + l[:3])
        pos = e
    out.append(t[pos:])
    return "".join(out)


def main(argv=None):
    import argparse
    ap = argparse.ArgumentParser(description="Synthetic Belgian administrative documents")
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data-dir", default=DEFAULT_DATA_DIR)
    ap.add_argument("--langs", default="nl,fr,de")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--out")
    a = ap.parse_args(argv)
    docs = generate(a.n, a.seed, a.data_dir, tuple(a.langs.split(",")))
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    if a.show or not a.out:
        for d in docs:
            print("=" * 20, d["lang"], d["kind"])
            print(show(d).replace("\r\n", "⏎\n"))


if __name__ == "__main__":
    main()
