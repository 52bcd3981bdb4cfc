"""Sentences of real modern prose labelled from the gazetteers.

The synthetic documents teach the administrative layout, but their running
text comes from a few hundred templates, and the labelled corpora are
historic newspapers: the model misses places and institutions in modern
prose (`In Zaventem is ...`, `... aan de grens met Luxemburg`). The Belgian
Chamber's written questions (CC0) are such prose. A sentence is kept only
when every capitalised word in it is accounted for: a place of the
gazetteers (LOCATION), an institution of the generator's lists
(ORGANIZATION), a name after a title (`minister De Block`: PERSON), an
adjective of nationality or a common word at the sentence start (O). Any
other capitalised word may be an entity the lists do not know, so the
sentence is dropped rather than labelled wrongly.

CLI:  python3 gazlabel.py --lang nl --show 20
"""

from __future__ import annotations

import argparse
import functools
import os
import re

import corpora
import data
import gazetteers
import synth

FILES = {"nl": "text/be_parliament_2020/be_parliament_2020.text_nl.txt",
         "fr": "text/be_parliament_2020/be_parliament_2020.text_fr.txt"}

# Words before a name in the questions (a word's full stop is stripped:
# `M.` is M). The name is the run of capitalised words after them.
TITLES = {"nl": {"minister", "staatssecretaris", "heer", "mevrouw", "collega", "burgemeester", "premier",
                 "volksvertegenwoordiger", "commissaris", "gouverneur"},
          "fr": {"ministre", "M", "Mme", "monsieur", "madame", "secrétaire", "collègue", "bourgmestre",
                 "commissaire", "gouverneur", "député", "députée"}}

# Capitalised words that are no entity in these texts (adjectives of
# nationality, nouns of inhabitants, the pandemic).
NOT_NAMES = {"nl": {"Belgische", "Belgisch", "Belgen", "Belg", "Europese", "Europees", "Vlaamse", "Vlaams",
                    "Waalse", "Waals", "Brusselse", "Nederlandse", "Nederlandstalige", "Franstalige", "Duitstalige",
                    "Franse", "Duitse", "Marokkaanse", "Turkse", "Chinese", "Russische", "Amerikaanse", "Britse",
                    "Italiaanse", "Spaanse", "Poolse", "Roemeense", "Congolese", "Syrische", "Afghaanse",
                    "COVID-19", "Covid-19", "COVID", "Covid"},
             "fr": {"Belges", "Belge", "Européens", "Wallons", "Flamands", "Bruxellois", "Français", "Allemands",
                    "COVID-19", "Covid-19", "COVID", "Covid"}}

# Institutions the questions name that the generator's lists lack.
MORE_ORGS = {"nl": ["Infrabel", "Proximus", "Rekenhof", "FAVV", "Regie der Gebouwen", "Sciensano", "Skeyes",
                    "Elia", "Fluxys", "Europese Commissie", "NAVO", "Verenigde Naties", "Nationale Bank van België",
                    "Federaal Planbureau", "FSMA", "Belgocontrol", "Brussels Airlines", "Brussels Airport Company"],
             "fr": ["Infrabel", "Proximus", "Cour des comptes", "AFSCA", "Régie des Bâtiments", "Sciensano",
                    "Skeyes", "Elia", "Fluxys", "Commission européenne", "OTAN", "Nations unies",
                    "Banque nationale de Belgique", "Bureau fédéral du Plan", "FSMA", "Belgocontrol",
                    "Brussels Airlines", "Brussels Airport Company"]}

_WORD = re.compile(r"[^\s,;:()\"«»“”?!]+")
_ENUM = re.compile(r"(?<=[.?!])\d+\.$")
# French elision: `d'Anvers` is the place Anvers, `l'Agence ...` a name
_ELISION = re.compile(r"(?:[dlDL]|[Qq]u|[Jj]usqu|[Ll]orsqu)['’](?=\w)")


def index(phrases: dict) -> dict:
    """Phrase (tuple of words) -> label, as label() looks them up: first
    word -> [(words, label)], longest first."""
    idx = {}
    for words, lab in phrases.items():
        idx.setdefault(words[0], []).append((words, lab))
    for entries in idx.values():
        entries.sort(key=lambda x: -len(x[0]))
    return idx


@functools.lru_cache(maxsize=4)
def lexicon(data_dir: str, lang: str) -> dict:
    """The places and institutions of lang, as an index()."""
    g = gazetteers.get(data_dir)
    common = set(g.common_words_all.get(lang, ()))
    lex = {}

    def add(name, label, check_common=False):
        words = tuple(name.split())
        if not words or not words[0][:1].isupper() or "{" in name:
            return
        if check_common and len(words) == 1 and name.lower() in common:
            return
        lex.setdefault(words, label)

    for names in (synth.PUBLIC, synth.MUTUALITIES, synth.UNIONS):
        for full, acronym in names.get(lang, []):
            add(full, synth.ORG)
            if acronym:
                add(acronym, synth.ORG)
    for name in synth.BANKS + synth.SCHOOLS.get(lang, []) + synth.ASSOC.get(lang, []) + \
            synth.COURTS.get(lang, []) + MORE_ORGS[lang] + g.hospitals:
        add(name, synth.ORG)
    for name in g.countries.get(lang, []) + synth.REGIONS.get(lang, []):
        add(name, synth.LOC)
    for m in g.munis:
        add(m["nl"], synth.LOC, True)
        add(m["fr"], synth.LOC, True)
    for _, name, _ in g.postal:
        add(name, synth.LOC, True)
    for name in g.nl_cities + g.de_cities:
        add(name, synth.LOC, True)
    return index(lex)


def label(sentence: str, lang: str, lex: dict, common=frozenset()):
    """The spans (start, end, label) of sentence, or None when a capitalised
    word is not accounted for. lex: an index() of the known phrases;
    common: the language's common words, in lower case."""
    words = []
    for m in _WORD.finditer(sentence):
        elided = _ELISION.match(m.group())
        skip = elided.end() if elided else 0
        words.append((m.start() + skip, m.end(), m.group()[skip:].rstrip(".'’")))
    spans = []
    i = 0
    while i < len(words):
        w = words[i][2]
        if not w[:1].isupper():
            i += 1
            continue
        k, lab = _match(words, i, lex)
        if k:
            spans.append((words[i][0], _end(words[i + k - 1]), lab))
            i += k
            continue
        if i and words[i - 1][2] in TITLES[lang]:
            j = i + 1
            # the name runs over every capitalised word: `de heer Van Ranst`, not
            # the municipality Ranst
            while j < len(words) and words[j][2][:1].isupper():
                j += 1
            spans.append((words[i][0], _end(words[j - 1]), synth.PER))
            i = j
            continue
        if w in TITLES[lang]:
            i += 1
            continue
        if w in NOT_NAMES[lang]:
            i += 1
            continue
        # a sentence's first word is a common word unless it is unknown and
        # a capitalised word follows it (`Horeca Vlaanderen`: a name)
        if i == 0 and (w.lower() in common or not (len(words) > 1 and words[1][2][:1].isupper())):
            i += 1
            continue
        return None
    return spans


def _match(words, i, lex):
    """(number of words, label) of the longest phrase at words[i], or (0, None)."""
    for phrase, lab in lex.get(words[i][2], ()):
        if tuple(x[2] for x in words[i:i + len(phrase)]) == phrase:
            return len(phrase), lab
    return 0, None


def _end(word) -> int:
    """Where a word ends without the punctuation stripped from it."""
    return word[0] + len(word[2])


def sentences(data_dir: str, lang: str) -> list[str]:
    """The questions' whole sentences of 6 to 45 words in lang."""
    path = os.path.join(data_dir, FILES[lang])
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    out = []
    for line in lines:
        for s in synth._SENT_SPLIT.split(line):
            s = _ENUM.sub("", s.strip())
            if 6 <= len(s.split()) <= 45 and s[:1].isupper() and s[-1:] in ".?":
                out.append(s)
    return out


def examples(data_dir: str, lang: str) -> list[dict]:
    """The labelled sentences of lang with at least one entity (corpora
    splits them into train and dev)."""
    lex = lexicon(data_dir, lang)
    common = frozenset(gazetteers.get(data_dir).common_words_all.get(lang, ()))
    out = []
    for s in sentences(data_dir, lang):
        spans = label(s, lang, lex, common)
        if spans:
            out.append({"text": s, "spans": spans, "lang": lang, "source": "chamber-gazetteer-" + lang})
    return out


def marked(ex: dict) -> str:
    """The example's text with its entities in [[brackets]] and their type."""
    t, pos, out = ex["text"], 0, []
    for s, e, lab in ex["spans"]:
        out.append(t[pos:s] + "[[" + t[s:e] + "]]" + lab[:3])
        pos = e
    return "".join(out) + t[pos:]


def print_sample(exs: list[dict], n: int):
    """Prints the counts of exs and n of them spread over it, marked."""
    print(corpora.counts(exs))
    for ex in exs[:: max(1, len(exs) // max(1, n))][:n]:
        print("  " + marked(ex))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=data.default_data_dir())
    ap.add_argument("--lang", default="nl")
    ap.add_argument("--show", type=int, default=10)
    a = ap.parse_args(argv)
    print_sample(examples(a.data_dir, a.lang), a.show)


if __name__ == "__main__":
    main()
