"""Sentences of running prose that name persons the way newspapers and
letters do.

The corpora name few persons in Dutch prose (Frog finds 1,933 in the
Chamber's 54,868 questions, the historic newspapers' are OCR), so the model
learns names more than the contexts that announce them: on CoNLL it misses
a surname after `zegt` or `minister` (`zegt Vlerick`, `minister Durant`),
takes an unknown one for a place (`vertelt Barrichello`), and keeps the
capitalised function before a name in its span (`Triatleet Luc Van Lierde`).
These sentences put names of every origin in such contexts, in Dutch,
French and German, beside places and organisations in theirs so that a
context word alone does not make a person; the clauses around them are the
entity-free sentences of the unlabelled text (synth.prose). A third of them
are spaced as the corpora print them (`zegt Vlerick .`); `printed` rewrites
a sentence as the historic newspapers print it (OCR noise, old spelling).

CLI:  python3 prose.py --show 20
"""

from __future__ import annotations

import argparse
import random
import re

import data
import gazetteers
import gazlabel
import mentions
import synth

# Slots: {P} a person's full name, {S} a surname alone, {F} a first name
# alone, {X} any of the three (mostly not a first name), {L} a place, {O} an
# organisation, {Q} a clause, {V} a verb of saying, {T} a function before a
# name, {U} the same capitalised to start a sentence, {D} a predicate.
TEMPLATES = {
    "nl": [
        '"{Q}", {V} {X}.', '"{Q}", {V} {T} {X}.', '"{Q}", {V} {X} van {O}.',
        '{X}: "{Q}."', '{Q}. Dat zegt {X}.', '{Q}. Dat schrijft {T} {X}.', 'Volgens {X} {A}.',
        '{U} {X} {D}.', '{U} {P} ({O}) {D}.', '{P} ({age}) {D}.',
        '{P}, {T} van {O}, {D}.', 'De beslissing van {X} valt slecht bij {O}.',
        'Het zou {S} geen kwaad doen als {O} het voorstel steunt.',
        'Samen met {P} en {P} won {S} de titel in {L}.', 'Werk van onder meer {P}, {P} en {P} hangt in {L}.',
        '{P} / {L}', 'Na een assist van {S} scoorde {P} in {L}.', 'Hij ligt overhoop met zijn vrouw {F}.',
        'Hun zoon {F} groeide op in {L}.', 'De {nat} {P} {D}.', 'Het is niet de eerste keer dat {S} uithaalt naar {O}.',
        '{P} verhuisde vorig jaar van {L} naar {L}.', 'Bij {O} werkt {P} al drie jaar.',
        '{Q}, meldt {O}.', 'Volgens {O} {A}.', 'In {L} {D}.', '{O} {D}.',
    ],
    "fr": [
        '« {Q} », {V} {X}.', '"{Q}", {V} {T} {X}.', '{X} : « {Q}. »', 'Selon {X}, {Q}.',
        '{U} {X} {D}.', '{P} ({age} ans) {D}.', '{P}, {T} de {O}, {D}.', 'Le {nat} {P} {D}.',
        '{P} / {L}', 'Son épouse {F} vit à {L}.', 'Selon {O}, {Q}.', 'À {L}, {O} {D}.',
    ],
    "de": [
        '"{Q}", {V} {X}.', '"{Q}", {V} {T} {X}.', '{X}: "{Q}."', 'Laut {X} {A}.',
        '{U} {X} {D}.', '{P} ({age}) {D}.', '{P}, {T} bei {O}, {D}.', 'Der {nat} {P} {D}.',
        '{P} aus {L} {D}.', 'Seine Frau {F} lebt in {L}.', 'Laut {O} {A}.', 'In {L} {D}.',
    ],
}
VERBS = {
    "nl": ["zegt", "zei", "aldus", "vertelt", "vertelde", "meent", "reageert", "stelt", "benadrukt",
           "verklaarde", "vindt", "antwoordt", "besluit", "lacht", "zucht", "verduidelijkt"],
    "fr": ["affirme", "déclare", "a déclaré", "explique", "estime", "souligne", "ajoute", "confie", "précise"],
    "de": ["sagte", "sagt", "erklärte", "betont", "meint", "ergänzte", "so"],
}
FUNCTIONS = {
    "nl": ["minister", "premier", "burgemeester", "schepen", "voorzitter", "coach", "trainer", "professor",
           "woordvoerder", "senator", "Kamerlid", "advocaat", "rechter", "dokter", "gedelegeerd bestuurder",
           "journalist", "kunstschilder", "triatleet", "renner", "ondervoorzitter", "directeur",
           "minister van Verkeer", "minister van Justitie", "staatssecretaris", "organisator"],
    "fr": ["le ministre", "le Premier ministre", "le bourgmestre", "l'échevin", "le président", "l'entraîneur",
           "le professeur", "le porte-parole", "la députée", "l'avocat", "le juge", "la directrice"],
    "de": ["Minister", "Bürgermeister", "Präsident", "Trainer", "Professor", "Sprecher", "Abgeordnete",
           "Anwalt", "Richterin", "Direktor"],
}
NATIONALITIES = {
    "nl": ["Brit", "Nederlander", "Fransman", "Spanjaard", "Duitser", "Italiaan", "Tunesiër", "Belg",
           "Amerikaan", "Braziliaan", "Peruaan", "Japanner", "Israëliër"],
    "fr": ["Français", "Britannique", "Belge", "Néerlandais", "Allemand", "Italien", "Brésilien"],
    "de": ["Franzose", "Brite", "Belgier", "Niederländer", "Italiener", "Brasilianer"],
}
PREDICATES = {
    "nl": ["won gisteren de rit", "diende een wetsvoorstel in", "reageerde verrast", "blijft tot eind volgend jaar aan",
           "trad vorige week af", "kreeg een gele kaart", "scoorde twee keer", "is niet te spreken over de beslissing",
           "ontkent alle beschuldigingen", "verdedigt de hervorming", "opent morgen de tentoonstelling",
           "werd gisteren verkozen", "heeft de zaak aangespannen", "wil geen commentaar geven",
           "maakt zich zorgen over de begroting", "verloor in mei de verkiezingen", "kwam pas laat aan"],
    "fr": ["a remporté l'étape", "a déposé une proposition de loi", "a démissionné la semaine dernière",
           "refuse de commenter", "défend la réforme", "a été élu hier", "conteste les accusations"],
    "de": ["gewann gestern die Etappe", "trat letzte Woche zurück", "verteidigt die Reform", "wurde gestern gewählt",
           "lehnt jeden Kommentar ab", "bestreitet die Vorwürfe"],
}
# what follows `volgens X` / `laut X` (the verb comes second)
ACCORDING = {
    "nl": ["is de beslissing voorbarig", "zal de hervorming niets veranderen", "was er geen alternatief",
           "komt er snel een akkoord", "ligt de fout bij de regering"],
    "fr": ["la décision est prématurée", "il n'y avait pas d'alternative", "un accord est proche"],
    "de": ["ist die Entscheidung verfrüht", "gibt es keine Alternative", "kommt bald eine Einigung"],
}
_SLOT = re.compile(r"\{(\w+)\}")
_SPACED = re.compile(r'\s*([,.:;!?()"«»/])\s*')
# German words that are lower case inside a sentence (nouns keep their capital)
_DE_LOWER = {"der", "die", "das", "ein", "eine", "es", "er", "sie", "wir", "ich", "man", "diese", "dieser", "wenn",
             "mit", "für", "um", "im", "in", "bei", "auf", "zu", "nach", "damit", "dann", "hier", "dies"}
LANG_WEIGHTS = (("nl", 0.6), ("fr", 0.2), ("de", 0.2))

# Lines of forms and headings in the shapes of the templates above (`X:`,
# `X / Y`, `X, Y`, a numbered heading) whose capitalised words name nothing:
# the templates alone teach that a capitalised word before a colon, a comma
# or a slash is a person (`Ort, Datum / Lieu, date:`, `II. Feiten`). Slots as
# above, and {H} a heading word (generator_headings or a word of the
# unlabelled text), {N} a heading's number, {date}.
LABELS = {
    "nl": ["{N}. {H}", "{H}", "{H}: {Q}.", "{H}: {P}", "{H} / {H}", "{H}, {H}: {L}, {date}", "{H} op naam van: {P}",
           "{H}: {O}", "{N}. {H} van {O}", "{P}, {T}"],
    "fr": ["{N}. {H}", "{H}", "{H} : {Q}.", "{H} : {P}", "{H} / {H}", "{H}, {H} : {L}, le {date}",
           "{H} : {O}", "{P}, {T}"],
    "de": ["{N}. {H}", "{H}", "{H}: {Q}.", "{H}: {P}", "{H} / {H}", "{H}, {H}: {L}, {date}",
           "{H}: {O}", "{P}, {T}"],
}
MONTHS = {"nl": ["januari", "maart", "mei", "september"], "fr": ["janvier", "mars", "mai", "septembre"],
          "de": ["Januar", "März", "Mai", "September"]}


def generator_headings(lang: str) -> list[str]:
    """The labels and headings synth writes in its forms, letters, minutes
    and invoices, without their colons. Drawn from the generator, not from
    testdata/annotated, so that those documents can judge a set built on
    them."""
    form = synth.FORM_LABELS[lang]
    minutes, invoice = synth.MIN_WORDS[lang], synth.INV_WORDS[lang]
    words = [w for ws in form.values() for w in ws] + synth.SUBJECT[lang] + synth.DEC_HEAD[lang]
    words += minutes["head"] + minutes["present"] + minutes["absent"]
    words += invoice["inv"] + invoice["client"] + invoice["lines"] + [invoice[k] for k in ("nr", "date", "due", "total")]
    return sorted({w.rstrip(" :") for w in words if "{" not in w})


class Writer:
    """Fills the templates with names drawn by mentions.Swapper (the train
    corpora's mentions and the gazetteers) and clauses of synth.prose."""

    def __init__(self, data_dir: str, rng: random.Random, corpus_names=None):
        import corpora
        names = corpora.TRAIN_SETS if corpus_names is None else corpus_names
        self.rng = rng
        self.swapper = mentions.Swapper(mentions.corpus_pools(corpora.load_pool(tuple(names), data_dir)),
                                        gazetteers.get(data_dir), rng)
        # statements only: a question does not stand in a quote or after `selon X,`
        self.clauses, self.headings = {}, {}
        for lang, _ in LANG_WEIGHTS:
            sents, words = synth.prose(data_dir, lang)
            self.clauses[lang] = [c for c in sents if c.endswith(".")]
            self.headings[lang] = (generator_headings(lang), words)

    def person(self, slot: str) -> str:
        r = self.rng
        if slot == "X":
            slot = r.choices("PSF", (0.5, 0.45, 0.05))[0]
        if slot == "F":
            return r.choice(self.swapper.gaz.first_tail)
        if slot == "S" and r.random() < 0.05:
            return r.choice(self.swapper.places)  # surnames that are places too: the context decides
        return self.swapper.draw("Jan Peeters" if slot == "P" else "Peeters", "PERSON")

    def clause(self, lang: str) -> str:
        s = self.rng.choice(self.clauses[lang]) if self.clauses[lang] else "dat is niet zo"
        return s.rstrip(".")

    def fill(self, slot: str, lang: str, start: bool) -> tuple[str, str | None]:
        """The text for a slot and its label (None for unlabelled text); a
        clause not at the start of a sentence (start false) loses its capital."""
        r = self.rng
        if slot in ("P", "S", "F", "X"):
            return self.person(slot), "PERSON"
        if slot == "L":
            return self.swapper.draw("Sint Niklaas" if r.random() < 0.2 else "Gent", "LOCATION"), "LOCATION"
        if slot == "O":
            return self.swapper.institution(), "ORGANIZATION"
        words = {"V": VERBS, "T": FUNCTIONS, "U": FUNCTIONS, "D": PREDICATES, "A": ACCORDING, "nat": NATIONALITIES}
        if slot == "Q":
            text = self.clause(lang)
        elif slot == "age":
            text = str(r.randint(19, 88))
        elif slot == "H":
            generated, words = self.headings[lang]
            text = r.choice(generated if r.random() < 0.5 or not words else words)
        elif slot == "N":
            text = r.choice(["I", "II", "III", "IV", "V", "VI", "1", "2", "3", "4"])
        elif slot == "date":
            d = r.randint(1, 28)
            text = f"{d:02d}.{r.randint(1, 12):02d}.{r.randint(2015, 2026)}" if r.random() < 0.5 else \
                f"{d} {r.choice(MONTHS[lang])} {r.randint(2015, 2026)}"
        else:
            text = r.choice(words[slot][lang])
        if slot == "U":
            text = text[:1].upper() + text[1:]
        elif slot == "Q" and not start:
            first = text.split()[0]
            if not first.isupper() and (lang != "de" or first.lower() in _DE_LOWER):
                text = text[:1].lower() + text[1:]
        return text, None

    def sentence(self, lang: str, template: str = "") -> dict:
        """One filled template (by default one of lang's) as an example;
        spaced like the corpora a third of the time."""
        template = template or self.rng.choice(TEMPLATES[lang])
        spaced = self.rng.random() < 1 / 3
        parts, at = [], 0
        for m in _SLOT.finditer(template):
            parts.append((template[at:m.start()], None))
            parts.append(self.fill(m.group(1), lang, not template[:m.start()].endswith(", ")))
            at = m.end()
        parts.append((template[at:], None))
        text, spans = "", []
        for s, label in parts:
            if label is not None:
                spans.append([len(text), len(text) + len(s), label])
            text = _join(text, _spaced(s)) if label is None and spaced else text + s
        return {"text": text.rstrip(), "spans": spans, "lang": lang, "source": "prose"}


def examples(data_dir: str, n: int = 12000, seed: int = 0, corpus_names=None) -> list[dict]:
    """n sentences of TEMPLATES."""
    return _written(data_dir, n, seed, corpus_names, TEMPLATES, "prose")


def printed_examples(data_dir: str, n: int = 12000, seed: int = 0, corpus_names=None, share: float = 0.5) -> list[dict]:
    """The sentences of examples (same seed, same sentences), a share of
    them as old newspapers print them (printed)."""
    rng = random.Random(seed + 7919)
    return [printed(ex, rng) if rng.random() < share else ex
            for ex in examples(data_dir, n, seed, corpus_names)]


def labels(data_dir: str, n: int = 4000, seed: int = 1, corpus_names=None) -> list[dict]:
    """n lines of forms and headings (LABELS)."""
    return _written(data_dir, n, seed, corpus_names, LABELS, "prose-labels")


# Shapes of the historic newspapers (the ICDAR-Europeana and Europeana
# corpora, OCR of the 19th and early 20th century) that modern prose lacks.
# OCR confuses letters of like shape, splits and joins words and strews
# marks; the Dutch of the time wrote `-sche`, `zoo`, `eene`, `oogen`, `y`.
_OCR_LIKE = {"e": "c", "c": "e", "n": "u", "u": "n", "i": "ï", "l": "i", "s": "f", "a": "s", "o": "c",
             "h": "b", "b": "h", "r": "t", "t": "l", "m": "rn", "I": "l", "S": "8", "O": "0"}
_OCR_MARKS = "«•'.,-"
_WORD = re.compile(r"\w+")
_OLD_NL = [  # (pattern, replacement, chance per word)
    (re.compile(r"^([a-z]{3,})se$"), r"\1sche", 0.8),
    (re.compile(r"^zo$"), "zoo", 0.8),
    (re.compile(r"^een$"), "eene", 0.2),
    (re.compile(r"^de$"), "den", 0.15),
    (re.compile(r"^([a-z]*[bdfgklmnprstvwz])([oe])([bdfgklmnprstvz]e[nr]?)$"), r"\1\2\2\3", 0.5),
    (re.compile(r"ij"), "y", 0.1),
]


def printed(ex: dict, rng: random.Random) -> dict:
    """ex as an old newspaper prints it: spaced like the corpora, old Dutch
    spelling in the words around the names, and OCR noise in one word of
    twelve, names included. The spans keep their labels and follow their
    text."""
    old = ex["lang"] == "nl"

    def word(m: re.Match, labelled: bool) -> str:
        w = m.group(0)
        if old and not labelled:
            for pat, repl, chance in _OLD_NL:
                if pat.search(w) and rng.random() < chance:
                    w = pat.sub(repl, w)
        return _ocr(w, rng, marks=not labelled) if rng.random() < 0.08 else w

    def rewrite(s: str, labelled: bool) -> str:
        s = _WORD.sub(lambda m: word(m, labelled), s)
        return s if labelled else _spaced(s)

    text, spans, at = "", [], 0
    for a, b, label in sorted(ex["spans"]):
        text = _join(text, rewrite(ex["text"][at:a], False))
        span = rewrite(ex["text"][a:b], True)
        text = _join(text, span)
        spans.append([len(text) - len(span), len(text), label])
        at = b
    text = _join(text, rewrite(ex["text"][at:], False)).strip()
    return dict(ex, text=text, spans=spans)


def _spaced(s: str) -> str:
    """s with its punctuation set apart by spaces, as the corpora print it."""
    return re.sub(" +", " ", _SPACED.sub(r" \1 ", s))


def _join(text: str, s: str) -> str:
    """text and s with one space at most where they meet."""
    if not text:
        return s.lstrip(" ")
    if text.endswith(" ") and s.startswith(" "):
        return text + s[1:]
    return text + s


def _ocr(w: str, rng: random.Random, marks: bool) -> str:
    """One OCR error in w: a letter for one of like shape, a split, or (if
    marks: outside a span, which holds no stray marks) a mark."""
    kind = rng.random()
    if kind < 0.6:
        at = [i for i, c in enumerate(w) if c in _OCR_LIKE]
        if at:
            i = rng.choice(at)
            return w[:i] + _OCR_LIKE[w[i]] + w[i + 1:]
        return w
    if (kind < 0.8 or not marks) and len(w) >= 6:
        i = rng.randint(2, len(w) - 2)
        return w[:i] + " " + w[i:]
    if not marks:
        return w
    mark = rng.choice(_OCR_MARKS)
    return mark + w if rng.random() < 0.5 else w + mark


def _written(data_dir, n, seed, corpus_names, templates, source) -> list[dict]:
    """n filled templates, Dutch, French and German in LANG_WEIGHTS."""
    rng = random.Random(seed)
    w = Writer(data_dir, rng, corpus_names)
    langs, weights = zip(*LANG_WEIGHTS)
    out = []
    for _ in range(n):
        lang = rng.choices(langs, weights)[0]
        out.append(dict(w.sentence(lang, rng.choice(templates[lang])), source=source))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=data.default_data_dir())
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--labels", action="store_true", help="show the lines of forms and headings")
    a = ap.parse_args(argv)
    gazlabel.print_sample((labels if a.labels else examples)(a.data_dir, n=a.show), a.show)


if __name__ == "__main__":
    main()
