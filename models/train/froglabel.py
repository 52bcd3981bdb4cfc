"""Chamber questions labelled by Frog, Debian's Dutch tagger: a silver teacher.

No modern Dutch prose with gold PER/ORG/LOC labels may be trained on here
(CoNLL-2002 is evaluation-only), and the gazetteer labelling (gazlabel.py)
keeps only sentences whose every capitalised word is in a list. Frog
(`apt-get install frog frogdata`, GPL-3+; its NER was trained on SoNaR-1)
labels every sentence, names it has never seen included: on the first
1,200 sentences of ned.testa it scores 64.7 F1 (PER 73.2), where our model
scores about 40. Its labels on the Chamber's Dutch questions (CC0) are the
training data; its own data and weights never enter the model.

Frog's types differ from ANNOTATION.md: PER, ORG and LOC map to PERSON,
ORGANIZATION and LOCATION; PRO, EVE and MISC become O, and so does an entity
containing an adjective (`Indiase`, `Vlaamse`: SoNaR tags them LOC).

Frog's labels carry errors a student would learn: `tidy` mends or drops a
sentence's plainest ones, and `agree` makes the labels of one name agree
across the corpus.

Frog runs once (about six minutes on two cores) and its output is cached as JSON lines.

CLI:  python3 froglabel.py --show 20
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter, defaultdict

import data
import gazlabel

DEFAULT_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "runs", "frog-chamber-nl.jsonl")

TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}

# Frog is given tokens, so that its tokens are ours and their offsets known.
_TOKEN = re.compile(r"\w+(?:[-'’&/.]\w+)*|[^\w\s]")


def frog_line(sentence: str) -> str:
    """The sentence as Frog is given it: our tokens, one space apart."""
    return " ".join(m.group() for m in _TOKEN.finditer(sentence))


def run_frog(lines: list[str], frog: str = "frog") -> list[list[tuple[str, str, str]]]:
    """Frog's (token, POS, NER tag) for each pre-tokenised line."""
    if shutil.which(frog) is None:
        # not FileNotFoundError: fine-tuning skips a corpus whose files are
        # missing, and a run that asked for Frog's labels must not go on without them
        raise RuntimeError("%s not found: apt-get install frog frogdata" % frog)
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "in.txt"), os.path.join(tmp, "out.tsv")
        with open(src, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        # -n: a sentence a line; skip everything but the tagger and NER.
        subprocess.run([frog, "-n", "--skip=tlacmp", "-t", src, "-o", dst],
                       check=True, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return read_frog(dst)


def read_frog(path: str) -> list[list[tuple[str, str, str]]]:
    """Parse Frog's tab-separated output: a blank line ends a sentence; the
    columns are index, word, lemma, morphology, POS, confidence, NER."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 8:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            cur.append((cols[1], cols[5], cols[7] or "O"))
    if cur:
        sents.append(cur)
    return sents


def spans(tagged: list[tuple[str, str, str]]) -> list[tuple[int, int, str]]:
    """Token spans [start, end) with our labels, from Frog's IOB2 tags."""
    out, start, typ = [], None, None
    for i, (_, _, tag) in enumerate(tagged + [("", "", "O")]):
        if tag == "O" or tag.startswith("B-") or tag[2:].upper() != typ:
            if start is not None and kept(typ, [p for _, p, _ in tagged[start:i]]):
                out.append((start, i, TYPES[typ]))
            start, typ = (i, tag[2:].upper()) if tag != "O" else (None, None)
    return out


def kept(typ: str, pos: list[str]) -> bool:
    """Whether an entity of Frog's type with these parts of speech is one of
    ours. SoNaR, which Frog learnt from, tags adjectives of places
    (`Vlaamse`); ANNOTATION.md does not. It also tags a capitalised common
    noun standing for an institution (`de Commissie`) as an organisation;
    dropping those was tried and lowered the dev score without curing the
    model's organisations in letter headings (docs/model-runtime.md)."""
    return typ in TYPES and not any(p.startswith("ADJ") for p in pos)


def label(sentence: str, tagged: list[tuple[str, str, str]]) -> dict | None:
    """The example for one sentence, or None when Frog's tokens are not ours."""
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    if len(toks) != len(tagged) or any(sentence[a:b] != w for (a, b), (w, _, _) in zip(toks, tagged)):
        return None
    ents = [[toks[s][0], toks[e - 1][1], lab] for s, e, lab in spans(tagged)]
    return {"text": sentence, "spans": ents, "lang": "nl", "source": "chamber-frog-nl", "tokens": [list(t) for t in toks]}


def build(data_dir: str, cache: str = DEFAULT_CACHE, frog: str = "frog") -> str:
    """Label every sentence with Frog and write the examples to cache."""
    sents = gazlabel.sentences(data_dir, "nl")
    tagged = run_frog([frog_line(s) for s in sents], frog)
    if len(tagged) != len(sents):
        raise RuntimeError("frog returned %d sentences for %d lines" % (len(tagged), len(sents)))
    os.makedirs(os.path.dirname(cache) or ".", exist_ok=True)
    tmp = cache + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for s, t in zip(sents, tagged):
            ex = label(s, t)
            if ex is not None:
                f.write(json.dumps(ex, ensure_ascii=False) + "\n")
    os.replace(tmp, cache)
    return cache


def tidy(ex: dict) -> dict | None:
    """ex with Frog's plainest errors mended, or None when its labels
    cannot be trusted. Words before a name that are none (`minister Geens`,
    `, Geens`, a lone `?`) leave the span; a span ending in a lower-case
    word (`Regie der`, `Rekenhof van`) has lost the rest of its name, and a
    single word in capitals taken for a person or place is mostly an
    acronym of something else (`SABCA`, `BIPT`, `EU`, `DVZ`): the whole
    sentence goes, since the right label is unknown."""
    text, out = ex["text"], []
    for a, b, typ in ex["spans"]:
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[a:b])]
        first = next((i for i, (_, w) in enumerate(words) if w[0].isupper() or w[0].isdigit()), None)
        if first is None:
            continue
        a, words = a + words[first][0], [w for _, w in words[first:]]
        if not (words[-1][0].isupper() or words[-1][0].isdigit()):
            return None
        if typ != "ORGANIZATION" and len(words) == 1 and len(words[0]) > 1 and words[0].isupper():
            return None
        out.append([a, b, typ])
    return dict(ex, spans=out)


# Inhabitants and their adjectives, which Frog takes for places (`Belgen`: 193
# times): SoNaR tags them LOC, ANNOTATION.md and CoNLL do not. The labeller
# knows the places, so its endings are broader than those decoding drops
# (nerdata.DEMONYM_ENDINGS), which must hold without a list of places.
_DEMONYM = re.compile(r"[A-ZÀ-Þ]\w*(?:ers|anen|ijnen|ezen|iërs|ieren|aarden|[^aeiouy]se|ese|sche|isch|ees)")
DEMONYMS = {"Belgen", "Vlamingen", "Walen", "Britten", "Turken", "Grieken", "Fransen", "Russen", "Koerden"}


def demonym(mention: str, places) -> bool:
    """Whether a one-word place is an inhabitant or adjective (`Belgen`,
    `Palestijnen`, `Brugse`) rather than a place named so (`Verviers`,
    `Filipijnen`, known to places)."""
    return mention in DEMONYMS or (_DEMONYM.fullmatch(mention) is not None and mention not in places)


def agree(exs: list[dict], places=frozenset()) -> list[dict]:
    """exs with Frog's labels made to agree across the corpus. Frog names
    one organisation in several ways (`Infrabel` a place 100 times and an
    organisation 93) and often not at all (`Europese Commissie` labelled in
    29 of 150 sentences), which teaches a student that a name is no entity.
    A name Frog calls an organisation at least twice and in a quarter of
    its labels is an organisation everywhere, unless Frog calls it a
    person more often or it is a known place; a name of several words
    Frog labels at least three times, always alike, is labelled where Frog
    passed it over; inhabitants taken for places leave."""
    places, counts = set(places), defaultdict(Counter)
    for ex in exs:
        for a, b, typ in ex["spans"]:
            counts[ex["text"][a:b]][typ] += 1
    org = {m for m, c in counts.items() if 4 * c["ORGANIZATION"] >= sum(c.values())
           and c["ORGANIZATION"] >= max(2, c["PERSON"]) and m not in places}
    known = {m: next(iter(c)) for m, c in counts.items()
             if " " in m and len(c) == 1 and sum(c.values()) >= 3 and m[-1].isalpha() and m.split()[-1][0].isupper()}
    find = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(
        re.escape(m) for m in sorted(known, key=len, reverse=True))) if known else None
    return [_agreed(ex, org, known, find, places) for ex in exs]


def _agreed(ex: dict, org: set, known: dict, find, places) -> dict:
    text, spans = ex["text"], []
    for a, b, typ in ex["spans"]:
        m = text[a:b]
        if typ == "LOCATION" and " " not in m and demonym(m, places):
            continue
        spans.append([a, b, "ORGANIZATION" if m in org else typ])
    for hit in find.finditer(text) if find else ():
        if not any(a < hit.end() and hit.start() < b for a, b, _ in ex["spans"]):
            spans.append([hit.start(), hit.end(), known[hit.group()]])
    return dict(ex, spans=sorted(spans))


def examples(data_dir: str, cache: str = DEFAULT_CACHE) -> list[dict]:
    """Every labelled sentence, those without entities too: Frog labels
    whole sentences, so they teach which capitalised words are no entity
    (corpora splits them into train and dev). Frog runs first when the
    cache is missing."""
    if not os.path.exists(cache):
        build(data_dir, cache)
    with open(cache, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=data.default_data_dir())
    ap.add_argument("--cache", default=DEFAULT_CACHE)
    ap.add_argument("--rebuild", action="store_true", help="run Frog again even when the cache exists")
    ap.add_argument("--show", type=int, default=10)
    a = ap.parse_args(argv)
    if a.rebuild or not os.path.exists(a.cache):
        print("frog: labelling the Chamber questions ->", build(a.data_dir, a.cache), flush=True)
    gazlabel.print_sample(examples(a.data_dir, a.cache), a.show)


if __name__ == "__main__":
    main()
