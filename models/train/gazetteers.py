"""Gazetteers for the synthetic document generator (names, streets, places).

Loaded once per data_dir and cached. Everything comes from shared/data/gazetteers
(see its README for sources and licences); small hand-written lists of Belgian
institutions live in synth.py.
"""

from __future__ import annotations

import csv
import json
import os
import re
from functools import lru_cache


def _lines(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8-sig") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def _json(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


_LOWER_PARTICLES = {"van", "de", "der", "den", "du", "la", "le", "von", "zu", "ten", "ter", "te", "het", "del", "da", "dos", "des"}


def name_case(s: str, first_particle_upper: bool = True) -> str:
    """'van den broeck' -> 'Van den Broeck', "d'hondt" -> "D'Hondt",
    'jean-pierre' -> 'Jean-Pierre'."""
    words = s.split()
    out = []
    for i, w in enumerate(words):
        parts = re.split(r"([-'’])", w)
        res = []
        for p in parts:
            if p in ("-", "'", "’") or not p:
                res.append(p)
            else:
                res.append(p[0].upper() + p[1:].lower())
        w2 = "".join(res)
        if i > 0 and w.lower() in _LOWER_PARTICLES and len(words) > i + 1:
            w2 = w.lower()
        elif i == 0 and not first_particle_upper and w.lower() in _LOWER_PARTICLES and len(words) > 1:
            w2 = w.lower()
        out.append(w2)
    return " ".join(out)


_OK_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž' \-]*[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]$")


def _names(seq, minlen=2):
    out = []
    seen = set()
    for s in seq:
        s = s.strip()
        if len(s) < minlen or len(s) > 30 or not _OK_NAME.match(s):
            continue
        if s.islower():
            s = name_case(s)
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def region_of_postcode(pc: int) -> str:
    """'bru', 'vl', 'wal', 'dg' (German-speaking community)."""
    if 1000 <= pc <= 1299:
        return "bru"
    if 4700 <= pc <= 4799:
        return "dg"
    if 1300 <= pc <= 1499 or 4000 <= pc <= 7999:
        return "wal"
    return "vl"


# German-speaking municipalities (not in the CSV as German names)
DG_PLACES = [(4700, "Eupen"), (4701, "Kettenis"), (4710, "Lontzen"), (4711, "Walhorn"),
             (4720, "Kelmis"), (4721, "Neu-Moresnet"), (4728, "Hergenrath"), (4730, "Raeren"),
             (4731, "Eynatten"), (4750, "Bütgenbach"), (4750, "Elsenborn"), (4760, "Büllingen"),
             (4761, "Rocherath"), (4770, "Amel"), (4780, "St. Vith"), (4780, "Sankt Vith"),
             (4782, "Schönberg"), (4783, "Lommersweiler"), (4790, "Burg-Reuland"), (4791, "Thommen")]

DE_STREET_WORDS = ["Haupt", "Kirch", "Berg", "Schul", "Bahnhof", "Markt", "Linden", "Mühlen", "Wald",
                   "Garten", "Feld", "Brunnen", "Aachener", "Herbesthaler", "Neu", "Loten", "Kloster",
                   "Schilsweg", "Hütte", "Wiesen", "Rathaus", "Kapellen", "Schlossberg", "Malmedyer",
                   "Vervierser", "Monschauer", "Prümer", "Klötzer", "Heide", "Bach", "Rosen", "Tal"]
DE_STREET_SUFFIX = ["straße", "strasse", "weg", "platz", "gasse", "ring", "allee", "str."]
DE_STREET_PREFIX = ["Am ", "Auf dem ", "Im ", "An der ", "Zum ", "Unter den "]
DE_STREET_NOUNS = ["Hügel", "Bach", "Kreuz", "Berg", "Kirchplatz", "Friedhof", "Sportplatz", "Weiher", "Steinbruch", "Linden", "Eichen"]


class Gazetteers:
    def __init__(self, data_dir: str):
        g = os.path.join(data_dir, "gazetteers")
        self.dir = g
        fs = _json(os.path.join(g, "faker_statbel.json")) or {}
        bd = os.path.join(g, "belgian-deduce")

        # ---- first names / surnames with frequencies: lang -> (list, cumweights)
        self.first_top = {}
        self.last_top = {}
        for lang, key in (("nl", "person_nl_BE"), ("fr", "person_fr_BE")):
            p = fs.get(key, {})
            m = p.get("first_names_male", {})
            f = p.get("first_names_female", {})
            self.first_top[lang] = {"m": (list(m), list(m.values())), "f": (list(f), list(f.values()))}
            ln = p.get("last_names", {})
            self.last_top[lang] = (list(ln), list(ln.values()))
        de = fs.get("person_de_DE", {})
        dem = de.get("first_names_male", [])
        def_ = de.get("first_names_female", [])
        zde_first = _names(_json(os.path.join(g, "zxcvbn/de-3.0.2/firstnames.json")) or [])
        zde_last = _names(_json(os.path.join(g, "zxcvbn/de-3.0.2/lastnames.json")) or [])
        # zxcvbn German lists are in frequency order: use Zipf-like weights
        self.first_top["de"] = {"m": (dem, [1] * len(dem)), "f": (def_, [1] * len(def_))}
        self.last_top["de"] = (zde_last[:1500] or de.get("last_names", []),
                               [1.0 / (i + 10) for i in range(len(zde_last[:1500] or de.get("last_names", [])))])
        self.de_first_any = zde_first

        # ---- long tails
        self.first_tail = _names(_lines(os.path.join(bd, "names/lst_first_name/items.txt")))
        self.first_tail += _names(_json(os.path.join(g, "zxcvbn/fr-4.1.2/lastnames.json")) or [])  # swapped: first names
        boys = _json(os.path.join(g, "zxcvbn/nl-be-3.0.2/boysFirstnames.json")) or []
        girls = _json(os.path.join(g, "zxcvbn/nl-be-3.0.2/girlsFirstnames.json")) or []
        self.first_tail += _names(boys) + _names(girls)
        self.last_tail = _names(_lines(os.path.join(bd, "names/lst_surname/items.txt")))
        self.last_tail += _names(_json(os.path.join(g, "zxcvbn/nl-be-3.0.2/lastnames.json")) or [])
        self.last_tail_fr = _names(_json(os.path.join(g, "zxcvbn/fr-4.1.2/firstnames.json")) or [])  # swapped: surnames
        self.last_tail_fr += _names(fs.get("person_fr_FR", {}).get("last_names", []))
        self.last_tail_de = zde_last + _names(de.get("last_names", []))
        self.interfix_surnames = _names(_lines(os.path.join(bd, "names/lst_interfix_surname/items.txt")))
        stop = {"ville", "rue", "place", "avenue", "commune", "stad", "gemeente", "stadt", "gemeinde", "mai", "juni",
                "juli", "mars", "avril", "août", "april", "mei", "maart", "zone", "dienst", "service", "bus", "boîte",
                "datum", "date", "nom", "naam", "name", "adres", "adresse", "het", "les", "des", "die", "der", "den"}
        self.first_tail = [x for x in self.first_tail if x.lower() not in stop]
        self.last_tail = [x for x in self.last_tail if x.lower() not in stop]
        self.last_tail_fr = [x for x in self.last_tail_fr if x.lower() not in stop]
        if not self.first_tail:
            self.first_tail = ["Jan", "Marie", "Hans"]
        if not self.last_tail:
            self.last_tail = ["Peeters", "Dubois", "Müller"]

        # ---- streets
        streets = _lines(os.path.join(bd, "locations/lst_street/items.txt"))
        self.streets = {"nl": [], "fr": [], "de": []}
        fr_pref = re.compile(r"^(Rue|Avenue|Chemin|Place|Boulevard|Chaussée|Clos|Allée|Impasse|Square|Sentier|Route|Quai|Drève|Ruelle|Voie|Rond-Point|Cité|Galerie|Passage|Parvis|Carrefour|Esplanade|Promenade|Thier|Tienne|Venelle|Résidence|Hameau)\b")
        de_suf = re.compile(r"(straße|strasse|Straße|Strasse|gasse|allee|Allee)$")
        for s in streets:
            if len(s) < 4 or len(s) > 45 or not re.match(r"^[A-ZÀ-Ý'\"]", s) or re.search(r"\d", s):
                continue
            if fr_pref.match(s):
                self.streets["fr"].append(s)
            elif de_suf.search(s):
                self.streets["de"].append(s)
            elif re.search(r"(straat|laan|weg|steenweg|plein|dreef|lei|baan|pad|hof|kaai|markt|singel|wegel|veld|berg|dijk|gracht|vest|ring|park|hoek|kouter|meers|akker|heide|bos)$", s, re.I):
                self.streets["nl"].append(s)
        for w in DE_STREET_WORDS:
            for suf in DE_STREET_SUFFIX[:5]:
                self.streets["de"].append(w + suf)
        for p in DE_STREET_PREFIX:
            for n in DE_STREET_NOUNS:
                self.streets["de"].append(p + n)
        if not self.streets["nl"]:
            self.streets["nl"] = ["Mechelsesteenweg", "Kerkstraat", "Stationsstraat"]
        if not self.streets["fr"]:
            self.streets["fr"] = ["Rue de la Station", "Avenue Louise", "Chaussée de Liège"]

        # ---- municipalities (CSV): NL/FR names, region, zip
        self.munis = []  # dicts
        path = os.path.join(g, "belgian_municipalities/belgian_municipalities_2020.csv")
        if os.path.exists(path):
            with open(path, encoding="utf-8-sig") as f:
                for row in csv.DictReader(f):
                    try:
                        pc = int(row["zip"])
                    except (ValueError, KeyError):
                        continue
                    self.munis.append({"nl": row["municipality_NL"], "fr": row["municipality_FR"],
                                       "pc": pc, "region": region_of_postcode(pc),
                                       "prov_nl": row.get("province_NL", ""), "prov_fr": row.get("province_FR", "")})
        if not self.munis:
            self.munis = [{"nl": "Gent", "fr": "Gand", "pc": 9000, "region": "vl", "prov_nl": "", "prov_fr": ""}]
        # postal localities (sub-municipalities), filtered to real place names
        places = set()
        for sub in ("lst_municipality", "lst_postal_locality", "lst_residence"):
            places.update(_lines(os.path.join(bd, "locations/lst_placename", sub, "items.txt")))
        places.update(fs.get("address_nl_BE", {}).get("cities", []))
        for m in self.munis:
            places.add(m["nl"])
            places.add(m["fr"])
        self.postal = []  # (pc, name, region)
        for l in _lines(os.path.join(bd, "locations/lst_postal_code_locality/items.txt")):
            parts = l.split("\t")
            if len(parts) != 2 or not parts[0].isdigit():
                continue
            pc, name = int(parts[0]), parts[1].strip()
            base = re.sub(r"\s*\(.*\)$", "", name)
            if base in places and len(base) < 30:
                self.postal.append((pc, base, region_of_postcode(pc)))
        # the other language's name of a municipality (Léau for Zoutleeuw) only
        # in Brussels; elsewhere the official language's name
        other = set()
        for m in self.munis:
            if m["fr"] != m["nl"]:
                other.add(m["fr"] if m["region"] == "vl" else m["nl"] if m["region"] in ("wal", "dg") else "")
        self.postal = [t for t in self.postal if t[1] not in other]
        for m in self.munis:
            if m["region"] != "wal" or m["fr"] == m["nl"]:
                self.postal.append((m["pc"], m["nl"], m["region"]))
            if m["fr"] != m["nl"] and m["region"] != "vl":
                self.postal.append((m["pc"], m["fr"], m["region"]))
        for pc, name in DG_PLACES:
            self.postal.append((pc, name, "dg"))
        self.postal_by_region = {}
        for t in self.postal:
            self.postal_by_region.setdefault(t[2], []).append(t)
        self.places = sorted(p for p in places if 2 < len(p) < 30 and not re.search(r"\d", p))

        # ---- countries
        self.countries = {
            "nl": fs.get("address_nl_BE", {}).get("countries", []) or ["Nederland", "Frankrijk", "Duitsland"],
            "fr": fs.get("address_fr_FR", {}).get("countries", []) or ["France", "Allemagne", "Pays-Bas"],
            "de": ["Deutschland", "Frankreich", "Niederlande", "Luxemburg", "Italien", "Spanien", "Polen",
                   "Rumänien", "Türkei", "Marokko", "Österreich", "Schweiz", "Portugal", "Griechenland",
                   "Bulgarien", "Ungarn", "Tschechien", "Syrien", "Kongo", "Ukraine"],
        }
        self.countries = {k: [c for c in v if "(" not in c and "," not in c] for k, v in self.countries.items()}
        self.de_cities = fs.get("address_de_DE", {}).get("cities", [])
        self.nl_cities = fs.get("address_nl_NL", {}).get("cities", [])

        # ---- institutions
        hosp = []
        for l in _lines(os.path.join(bd, "institutions/lst_hospital/items.txt")):
            base = l.split(" - ")[0].strip()
            if " - Campus " in l:
                base = " - ".join(l.split(" - ")[:2])
            if 4 < len(base) < 70:
                hosp.append(base)
        self.hospitals = sorted(set(hosp))
        care = []
        for l in _lines(os.path.join(bd, "institutions/lst_healthcare_institution/items.txt")):
            if " - " in l or len(l) > 60 or len(l) < 5:
                continue
            care.append(l)
        self.care = sorted(set(care))
        self.data_dir = data_dir
        self.common_words = {}
        self.common_words_all = {}
        for lang, d in (("nl", "nl-be-3.0.2"), ("fr", "fr-4.1.2"), ("de", "de-3.0.2")):
            w = _json(os.path.join(g, "zxcvbn", d, "commonWords.json")) or []
            self.common_words[lang] = [x for x in w[:5000] if x.isalpha() and 4 <= len(x) <= 10]
            self.common_words_all[lang] = w

    def place_names(self) -> list[str]:
        """Every place the gazetteers name: Belgian places, countries and
        German and Dutch cities."""
        return self.places + [c for v in self.countries.values() for c in v] + self.de_cities + self.nl_cities


@lru_cache(maxsize=4)
def get(data_dir: str) -> Gazetteers:
    return Gazetteers(os.path.abspath(data_dir))
