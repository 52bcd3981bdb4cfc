"""Access to training/eval data through the data helper's modules
(``corpora``, ``synth``), with a small fallback used only when those modules
are missing (early development, tests)."""

from __future__ import annotations

import atexit
import functools
import glob
import os
import random
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

try:  # the data helper's modules
    import corpora  # type: ignore
except Exception as e:  # pragma: no cover
    corpora = None
    _CORPORA_ERR = e
try:
    import synth  # type: ignore
except Exception as e:  # pragma: no cover
    synth = None
    _SYNTH_ERR = e

LABELS = ["PERSON", "ADDRESS", "ORGANIZATION", "LOCATION"]
BIO = ["O"] + [f"{p}-{l}" for l in LABELS for p in ("B", "I")]
BIO2ID = {t: i for i, t in enumerate(BIO)}

def default_data_dir() -> str:
    """$BELNER_DATA_DIR, else ../shared/data from the project root (also
    tried one level higher, for git worktrees under <root>/wt/<name>)."""
    env = os.environ.get("BELNER_DATA_DIR")
    if env:
        return env
    root = os.path.normpath(os.path.join(HERE, "..", ".."))
    for cand in (os.path.join(root, "..", "shared", "data"), os.path.join(root, "..", "..", "shared", "data")):
        if os.path.isdir(cand):
            return os.path.normpath(cand)
    return os.path.normpath(os.path.join(root, "..", "shared", "data"))


# hand-written data in the shared layout (testdata/mini/README.md); every
# file is committed with this suffix, so that nothing in the repository is
# named like a licensed corpus file
FIXTURE_SOURCE = os.path.join(HERE, "testdata", "mini")
FIXTURE_SUFFIX = ".fixture"


@functools.lru_cache(maxsize=None)
def fixture_data_dir() -> str:
    """The hand-written fixture with the file names of the shared layout,
    in a temporary directory (made once per process, removed at exit)."""
    dst = tempfile.mkdtemp(prefix="belner-mini-")
    atexit.register(shutil.rmtree, dst, ignore_errors=True)
    for root, _, files in os.walk(FIXTURE_SOURCE):
        for name in files:
            if not name.endswith(FIXTURE_SUFFIX):
                continue
            src = os.path.join(root, name)
            out = os.path.join(dst, os.path.relpath(src, FIXTURE_SOURCE)[:-len(FIXTURE_SUFFIX)])
            os.makedirs(os.path.dirname(out), exist_ok=True)
            shutil.copyfile(src, out)
    return dst


def smoke_data_dir() -> str:
    """default_data_dir() when it exists, else the committed fixture: the
    smoke build must also run where the licensed shared data is absent (CI)."""
    d = default_data_dir()
    return d if os.path.isdir(d) else fixture_data_dir()


DEFAULT_TRAIN = ["icdar-nl-train", "icdar-fr-train", "europeana-de-train", "echr-fr-train"]


def have_corpora() -> bool:
    return corpora is not None


def have_synth() -> bool:
    return synth is not None


def train_sets():
    if corpora is not None and hasattr(corpora, "TRAIN_SETS"):
        return list(corpora.TRAIN_SETS)
    return list(DEFAULT_TRAIN)


def load(name: str, data_dir: str):
    if corpora is not None:
        return corpora.load(name, data_dir)
    return _fallback_load(name, data_dir)


def load_text(data_dir: str):
    """Yields (lang, line) of unlabelled text."""
    if corpora is not None and hasattr(corpora, "load_text"):
        yield from corpora.load_text(data_dir)
        return
    yield from _fallback_text(data_dir)


def generate(n: int, seed: int, data_dir: str, langs=("nl", "fr", "de")):
    if synth is not None:
        return synth.generate(n, seed, data_dir, langs=langs)
    return _fallback_synth(n, seed, langs)


# ------------------------------------------------------------------ fallback

_FILES = {
    "icdar-nl-train": ("ner/icdar-europeana/nl/train.txt", "nl"),
    "icdar-fr-train": ("ner/icdar-europeana/fr/train.txt", "fr"),
    "icdar-nl-test": ("ner/icdar-europeana/nl/test.txt", "nl"),
    "icdar-fr-test": ("ner/icdar-europeana/fr/test.txt", "fr"),
    "europeana-de-train": ("ner/europeana/enp_DE.lft.bio", "de"),
    "echr-fr-train": ("ner/echr-fr-anon/FR-all-train.tsv", "fr"),
    "conll2002-nl-testa": ("ner/conll2002/ned.testa", "nl"),
    "conll2002-nl-testb": ("ner/conll2002/ned.testb", "nl"),
    "ehri-de-train": ("ner/ehri/ehri_de.txt", "de"),
}
_MAP = {"PER": "PERSON", "PERS": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}


def _fallback_load(name, data_dir):
    rel, lang = _FILES[name]
    path = os.path.join(data_dir, rel)
    out = []
    toks, tags = [], []

    def flush():
        nonlocal toks, tags
        if toks:
            text, offs, spans = "", [], []
            for t in toks:
                if text:
                    text += " "
                offs.append([len(text), len(text) + len(t)])
                text += t
            cur = None
            prev = "O"
            for (s, e), tag in zip(offs, tags):
                p, _, typ = tag.partition("-")
                typ = _MAP.get(typ)
                if tag == "O" or typ is None:
                    cur = None
                elif cur is not None and cur[2] == typ and (p == "I"):
                    cur[1] = e
                else:
                    cur = [s, e, typ]
                    spans.append(cur)
                prev = tag
            out.append({"text": text, "spans": spans, "lang": lang, "source": name,
                        "tokens": offs})
        toks, tags = [], []

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("-DOCSTART-"):
                flush()
                continue
            parts = line.replace("\t", " ").split(" ")
            if len(parts) < 2:
                continue
            toks.append(parts[0])
            tags.append(parts[-1])
            if len(toks) >= 60 and parts[0] in (".", "!", "?"):
                flush()
    flush()
    return out


def _fallback_text(data_dir):
    tdir = os.path.join(data_dir, "text")
    for path in sorted(glob.glob(os.path.join(tdir, "**", "*.txt"), recursive=True)):
        base = os.path.basename(path)
        if "doc_id" in base:
            continue
        lang = "nl" if "_nl" in base or "-nl" in base else "fr" if ("_fr" in base or "-fr" in base) else "de" if "-de" in base else "?"
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if line:
                    yield lang, line


def _fallback_synth(n, seed, langs):
    rng = random.Random(seed)
    firsts = ["Jan", "Marie", "Annelies", "Luc", "Sophie", "Hans", "Jürgen", "Françoise"]
    lasts = ["Peeters", "Janssens", "Van den Broeck", "d'Harveng", "Müller", "Dubois", "El Amrani"]
    streets = ["Kerkstraat", "Rue de la Loi", "Mechelsesteenweg", "Hauptstraße"]
    towns = [("2000", "Antwerpen"), ("1000", "Bruxelles"), ("4700", "Eupen"), ("9000", "Gent")]
    orgs = ["Stad Gent", "Bakkerij Janssens BV", "Commune d'Aywaille", "Société wallonne des Eaux"]
    out = []
    for i in range(n):
        lang = langs[i % len(langs)]
        parts, spans = [], []

        def add(s, lab=None):
            start = sum(len(p) for p in parts)
            parts.append(s)
            if lab:
                spans.append([start, start + len(s), lab])

        add({"nl": "Geachte heer ", "fr": "Monsieur ", "de": "Sehr geehrter Herr "}[lang])
        add(rng.choice(firsts) + " " + rng.choice(lasts), "PERSON")
        add({"nl": ", wonende te ", "fr": ", domicilié ", "de": ", wohnhaft "}[lang])
        pc, town = rng.choice(towns)
        add(f"{rng.choice(streets)} {rng.randint(1, 200)}, {pc} {town}", "ADDRESS")
        add({"nl": ", werkt bij ", "fr": ", travaille chez ", "de": ", arbeitet bei "}[lang])
        add(rng.choice(orgs), "ORGANIZATION")
        add({"nl": " in ", "fr": " à ", "de": " in "}[lang])
        add(rng.choice(towns)[1], "LOCATION")
        add(".")
        out.append({"text": "".join(parts), "spans": spans, "lang": lang, "source": "synth-fallback"})
    return out
