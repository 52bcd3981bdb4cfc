"""The common words a model span may not be on its own.

The small model takes capitalised common words for names where a capital
says nothing: headings and form labels (`Feiten`, `Rolnummer`, `Copie`,
`BAIL`), a sentence's first word (`Misschien`, `Bouwen`). A word that the
Chamber's questions (CC0, modern Dutch and French prose) write in lower case
at least MIN_COUNT times, and in lower case at least MIN_LOWER of the times
it is not a sentence's first word, is a common word. First names, the
Statbel surnames and the places of the gazetteers are taken out of the list
(`Ernst`, `Vos`, `Lier`, `Celles`): they are names even when they are words
too. The service then drops a PERSON, ORGANIZATION or LOCATION that is one
such word and nothing else (``nerdata.drop_common_words``; ner/common.go in
the service), and only that: common words make up many organisation names
(`Mutualité chrétienne`).

The list is written into the model directory as common_words.txt, one word
per line in lower case, and travels with the weights as the tokenizer does.
German is not covered: its nouns have capitals, and the German text here
(man pages) is too small a sample to tell a noun from a name.

On the dev sets of the shipped model (2026-12-07, lowest score 0.5) it
raised the mean of the four from 66.99 to 67.22 (testa 60.09 -> 60.56,
synthetic 96.72 -> 96.83, ICDAR nl 58.46 -> 58.50, fr 52.70 -> 52.99); the
counts and shares around these (2 to 10, 0.7 to 0.99) gave 67.13 to 67.26.

    python3 common_words.py --model-dir ../belner-ner
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import data as D  # noqa: E402
import gazetteers  # noqa: E402
from gazlabel import FILES as CHAMBER  # noqa: E402

FILE = "common_words.txt"
MIN_COUNT = 5
MIN_LOWER = 0.9
MIN_LEN = 3  # shorter words are initials and acronyms (`J`, `CM`, `VU`)

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = ".!?:;\"'(«»-•*"


def count(lines):
    """(lower, capitalised): how often each word is written all in lower
    case, and how often, in lower case, it is written with a capital other
    than first in a sentence."""
    lower, capital = collections.Counter(), collections.Counter()
    for line in lines:
        for m in WORD.finditer(line):
            w = m.group()
            if w.islower():
                lower[w] += 1
            elif w[0].isupper() and not _sentence_start(line, m.start()):
                capital[w.lower()] += 1
    return lower, capital


def _sentence_start(line, i) -> bool:
    before = line[:i].rstrip()
    return not before or before[-1] in _SENTENCE_END


def top_names(data_dir) -> set[str]:
    """The Statbel first names and surnames of the gazetteers, in lower
    case."""
    g = gazetteers.get(data_dir)
    out = set()
    for by_sex in g.first_top.values():
        for first, _ in by_sex.values():
            out |= {x.lower() for x in first}
    for last, _ in g.last_top.values():
        out |= {x.lower() for x in last}
    return out


def names(data_dir) -> set[str]:
    """top_names(), every first name and the places of the gazetteers, in
    lower case."""
    g = gazetteers.get(data_dir)
    return top_names(data_dir) | {x.lower() for x in g.first_tail} | {p.lower() for p in g.place_names()}


def build(data_dir) -> list[str]:
    """The common words of the Chamber's questions, names taken out, sorted."""
    words = set()
    for rel in CHAMBER.values():
        path = os.path.join(data_dir, rel)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            lower, capital = count(f)
        words |= {w for w, n in lower.items()
                  if n >= MIN_COUNT and n >= MIN_LOWER * (n + capital[w]) and len(w) >= MIN_LEN}
    return sorted(words - names(data_dir))


def write(model_dir, words, name=FILE):
    """Writes words into the model directory as name, one per line."""
    with open(os.path.join(model_dir, name), "w", encoding="utf-8") as f:
        f.writelines(w + "\n" for w in words)


def load(model_dir, name=FILE) -> frozenset[str]:
    """The words of the model's file name; none for a model without it."""
    path = os.path.join(model_dir, name)
    if not os.path.exists(path):
        return frozenset()
    with open(path, encoding="utf-8") as f:
        return frozenset(l.strip() for l in f if l.strip())


def cli(argv, doc, make, name):
    """The command line of a recipe step that writes a list made from the
    data into the model directory."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--data-dir", default=D.default_data_dir())
    a = ap.parse_args(argv)
    items = make(a.data_dir)
    write(a.model_dir, items, name)
    print(f"{len(items)} lines -> {os.path.join(a.model_dir, name)}")
    return items


def main(argv=None):
    return cli(argv, __doc__, build, FILE)


if __name__ == "__main__":
    main()
