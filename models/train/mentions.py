"""Mention swapping: a labelled sentence again, with other names in its slots.

The Chamber's questions name few persons (Frog finds 1,933 in 54,868
sentences), mostly the same Belgian ministers, so a model trained on them
learns those names rather than the contexts that announce a name, and
misses the names it has never seen: `Evo Morales` in the Chamber's own
held-out questions, `Arafat` and `Milosevic` in CoNLL. A swapped copy keeps
the context and draws each mention anew, of the same type and the same
number of words, from the mentions of every train-licensed corpus and from
the gazetteers' names.

CLI:  python3 mentions.py --show 20
"""

from __future__ import annotations

import argparse
import copy
import random
import re

import corpora
import data
import gazetteers
import gazlabel
import synth

PARTICLES = {"van", "de", "der", "den", "von", "zu", "du", "des", "le", "la", "d'", "ter", "ten", "vande", "vanden",
             "vander", "di", "da", "del", "dos", "el", "al", "bin", "ben", "y"}
# The shipped cycle swaps no organisations: drawn unfiltered from these
# corpora they are mostly Frog's and the newspapers' noise, and a random
# word in an organisation's slot teaches the model the capitalised heading
# words it already takes for organisations (docs/model-runtime.md).
# WITH_ORGANISATIONS swaps only those that clean_organisation lets through.
SWAPPED = ("PERSON", "LOCATION")
WITH_ORGANISATIONS = SWAPPED + ("ORGANIZATION",)
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
# a capitalised word (`Saint-Pierre`, `D'Hondt`, `O'Neill`) or an initial
_NAME_WORD = re.compile(r"[{u}][{l}]+(?:[-'’][{u}{l}][{l}]*)*|[{u}]\.|[{u}]['’][{u}][{l}]+".format(u=_UP, l=_LOW))


def clean(mention: str) -> bool:
    """Whether a mention of a person or place is a name that can be swapped
    or stand in another sentence: capitalised words and particles, at most
    four, the last a whole word. The historic corpora's OCR debris
    (`GvieckMland`, `Lon- den`), page heads in capitals and the acronyms
    Frog takes for places (`PCR`) stay out."""
    words = mention.split()
    if not 0 < len(words) <= 4 or len(mention) < 3 or not _NAME_WORD.fullmatch(words[-1]) or words[-1].endswith("."):
        return False
    return _NAME_WORD.fullmatch(words[0]) is not None and all(
        _NAME_WORD.fullmatch(w) or w.lower() in PARTICLES for w in words[1:-1])


_ORG_EDGE = re.compile(r"[{u}0-9][\w&'’.-]*".format(u=_UP))
_ACRONYM = re.compile(r"[{u}][{u}0-9&]{{1,5}}".format(u=_UP))
_ORG_CHARS = re.compile(r"[\w&'’.]+(?:-[\w&'’.]+)*")


def clean_organisation(mention: str, common) -> bool:
    """Whether an organisation's mention is a name: an acronym (`NMBS`); a
    single word not in common, the common words of NL, FR and DE and the
    places (`Infrabel`, not `Staat`, `Dienst`, `Cultuur` or `Belgique`,
    which Frog and the newspapers also label); or up to six words that
    begin and end with a capital (`Europese Commissie`, `Kom op tegen
    Kanker`)."""
    words = mention.split()
    if not 0 < len(words) <= 6 or not (_ORG_EDGE.fullmatch(words[0]) and _ORG_EDGE.fullmatch(words[-1])):
        return False
    if not all(_ORG_CHARS.fullmatch(w) for w in words):  # OCR debris, references (`COL 14/2012.a`)
        return False
    if len(words) > 1:
        return True
    if mention.isupper():  # longer words in capitals are headings (`GEDREVEN`)
        return _ACRONYM.fullmatch(mention) is not None
    return len(mention) > 2 and mention.lower() not in common


def swappable(mention: str, typ: str, common=frozenset()) -> bool:
    """Whether a mention of typ can be swapped or stand in another sentence."""
    return clean_organisation(mention, common) if typ == "ORGANIZATION" else clean(mention)


def institution_names() -> list[str]:
    """The organisations the document generator names, with their acronyms."""
    out = list(synth.BANKS)
    for table in (synth.PUBLIC, synth.MUTUALITIES, synth.UNIONS):
        out += [n for rows in table.values() for row in rows for n in row if n]
    for table in (synth.SCHOOLS, synth.ASSOC):
        out += [n for rows in table.values() for n in rows]
    return sorted(set(out))


def corpus_pools(example_sets, types=SWAPPED, common=frozenset()) -> dict[tuple[str, bool], list[str]]:
    """The clean mentions of the examples, by (type, one word or more)."""
    pools: dict[tuple[str, bool], set] = {}
    for exs in example_sets:
        for ex in exs:
            for a, b, typ in ex["spans"]:
                m = ex["text"][a:b]
                if typ in types and swappable(m, typ, common):
                    pools.setdefault((typ, " " not in m), set()).add(m)
    return {k: sorted(v) for k, v in pools.items()}


class Swapper:
    """Draws a stand-in for a mention: half the time a mention from the
    corpora, half the time a name or place from the gazetteers or an
    organisation of the generator's."""

    def __init__(self, pools: dict[tuple[str, bool], list[str]], gaz: gazetteers.Gazetteers, rng: random.Random,
                 types=SWAPPED, common=frozenset()):
        self.pools, self.gaz, self.rng, self.types, self.common = pools, gaz, rng, types, common
        self.surnames = gaz.last_tail + gaz.last_tail_fr + gaz.last_tail_de
        self.places = gaz.place_names()
        self.institutions = institution_names() + gaz.hospitals

    def draw(self, mention: str, typ: str) -> str:
        """A stand-in for mention, or mention itself where it is not a
        clean name of a swapped type."""
        if typ not in self.types or not swappable(mention, typ, self.common):
            return mention
        one = " " not in mention
        pool = self.pools.get((typ, one)) or []
        if pool and self.rng.random() < 0.5:
            return self.rng.choice(pool)
        for _ in range(8):
            out = self._gazetteer(typ, one)
            if swappable(out, typ, self.common) and (" " not in out) == one:
                return out
        return self.rng.choice(pool) if pool else mention

    def _gazetteer(self, typ: str, one: bool) -> str:
        r = self.rng
        if typ == "PERSON":
            last = r.choice(self.surnames)
            return last if one else "%s %s" % (r.choice(self.gaz.first_tail), last)
        if typ == "ORGANIZATION":
            return self.institution()
        return r.choice(self.places)

    def institution(self) -> str:
        """An organisation of the generator's, its municipality filled in
        where its name has one (`Vrije Basisschool {C}`)."""
        return self.rng.choice(self.institutions).replace("{C}", self.rng.choice(self.gaz.places))


def swapped(ex: dict, swapper: Swapper, p: float = 0.8) -> dict:
    """A copy of ex with each mention replaced with probability p; the
    spans move with the text."""
    text, parts, spans, at, n = ex["text"], [], [], 0, 0
    for a, b, typ in sorted(ex["spans"]):
        new = swapper.draw(text[a:b], typ) if swapper.rng.random() < p else text[a:b]
        parts += [text[at:a], new]
        n += a - at
        spans.append([n, n + len(new), typ])
        n += len(new)
        at = b
    parts.append(text[at:])
    return {"text": "".join(parts), "spans": spans, "lang": ex.get("lang", ""), "source": ex.get("source", "") + "-swap"}


def swapped_set(exs: list[dict], data_dir: str, seed: int = 0, corpus_names=None, person_copies: int = 4,
                types=SWAPPED, person_types=None) -> list[dict]:
    """Swapped copies of the examples of exs that name an entity of types:
    person_copies of those naming a person (the scarce type), one of the
    others; the copies of those naming a person swap only person_types
    (default: types). Stand-ins come from the mentions of exs and of the
    train corpora, and from the gazetteers (organisations: the
    generator's)."""
    names = corpora.TRAIN_SETS if corpus_names is None else corpus_names
    sets = [exs, *corpora.load_pool(tuple(names), data_dir)]
    gaz = gazetteers.get(data_dir)
    # a single word that is a common word or a place names no organisation
    common = {w.lower() for words in gaz.common_words_all.values() for w in words}
    common |= {p.lower() for p in gaz.place_names()}
    sw = Swapper(corpus_pools(sets, types, common), gaz, random.Random(seed), types, common)
    for_persons = sw
    if person_types is not None:
        for_persons = copy.copy(sw)
        for_persons.types = person_types
    out = []
    for ex in exs:
        typs = {t for _, _, t in ex["spans"]}
        if "PERSON" in typs:
            out += [swapped(ex, for_persons) for _ in range(person_copies)]
        elif typs & set(types):
            out.append(swapped(ex, sw))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=data.default_data_dir())
    ap.add_argument("--set", default="chamber-frog-nl-swap")
    ap.add_argument("--show", type=int, default=10)
    a = ap.parse_args(argv)
    gazlabel.print_sample(corpora.load(a.set, a.data_dir), a.show)


if __name__ == "__main__":
    main()
