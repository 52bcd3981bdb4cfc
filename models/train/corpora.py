"""Readers for the labelled NER corpora and the unlabelled text under shared/data.

Every reader returns a list of *examples*:

    {"text": str, "spans": [[start, end, label], ...], "lang": "nl"|"fr"|"de",
     "source": str, "tokens": [[start, end], ...]}

`text` is the sentence's tokens joined by single spaces, `tokens` the code-point
offsets of each original token in `text`, `spans` the entities (end exclusive)
with the model's labels PERSON / LOCATION / ORGANIZATION (ADDRESS never occurs
in these corpora). Every other corpus type (MISC, DATE, CODE, work, scope ...)
becomes unlabelled text.

Tag decoding works for IOB1 and IOB2 alike: `B-X` always starts an entity,
`I-X` continues the current entity when it has the same type and starts a new
one otherwise (IOB1, or an IOB2 file with an error). Tags whose type maps to
nothing end the current entity. A person cut at the full stop of an initial
is joined again (`join_initials`).

The `chamber-gazetteer-*`, `chamber-places-*` and `chamber-multiword-*` sets
are no files of shared/data/ner: they are the Chamber questions labelled from
the gazetteers (gazlabel.py), character spans without `tokens`. The
`chamber-frog-*` sets are the same questions labelled by Frog (froglabel.py):
`chamber-frog-nl-tidy` is the train split with Frog's plainest errors mended
or dropped (froglabel.tidy), and `chamber-frog-nl-swap` holds copies of the
train sentences with other names in their slots (mentions.py), as does
`chamber-frog-nl-tidy-swap` of the mended ones. `chamber-frog-nl-agree` is
the tidy set with its labels made to agree across the corpus (froglabel.agree);
`chamber-frog-nl-agree-swap-org` swaps its organisations too. `prose-persons`
are sentences written from templates that name persons in the contexts of
running prose (prose.py), `prose-printed` the same sentences with half of
them as old newspapers print them (OCR noise, old Dutch spelling, spaced),
`prose-labels` lines of headings and form labels whose capitalised words
name nothing.

Usage:  load("icdar-nl-train"), load_text(data_dir), TRAIN_SETS, DEV_SETS,
EVAL_SETS. `python3 corpora.py` prints counts for every corpus.
"""

from __future__ import annotations

import os
import re
import sys
import zlib
from functools import lru_cache
from typing import Iterator

DEFAULT_DATA_DIR = "../shared/data"

LABELS = ("PERSON", "ADDRESS", "ORGANIZATION", "LOCATION")

# corpus type (upper-cased) -> model label
TYPE_MAP = {
    "PER": "PERSON",
    "PERS": "PERSON",
    "LOC": "LOCATION",
    "GHETTO": "LOCATION",
    "CAMP": "LOCATION",
    "ORG": "ORGANIZATION",
}

_TAG_RE = re.compile(r"^([BIES])[-_.]([A-Za-z]+)$")

# Europeana files have no sentence breaks and very long stretches without
# sentence punctuation; sentences longer than this are cut at a token outside
# any entity (preferably after a comma or semicolon).
MAX_TOKENS = 100


def map_type(t: str) -> str | None:
    return TYPE_MAP.get(t.upper())


def parse_tag(tag: str):
    """Return (prefix, label) with prefix in {'B','I','O'}; label None for O or
    for corpus types that are not model labels. None for an invalid tag."""
    if tag == "O" or tag == "_":
        return ("O", None)
    m = _TAG_RE.match(tag)
    if not m:
        return None
    p, t = m.group(1), m.group(2)
    if p in "ES":  # BIOES: treat S as B, E as I
        p = "B" if p == "S" else "I"
    lab = map_type(t)
    if lab is None:
        return ("O", None)
    return (p, lab)


def decode(tokens: list[str], tags: list[str], lang: str = ""):
    """Decode IOB1/IOB2 tags into (text, token_offsets, spans)."""
    offs = []
    pos = 0
    for i, tok in enumerate(tokens):
        if i:
            pos += 1
        offs.append([pos, pos + len(tok)])
        pos += len(tok)
    text = " ".join(tokens)
    spans = []
    cur = None  # [start_token, end_token, label]
    prev_lab = None
    for i, tag in enumerate(tags):
        pt = parse_tag(tag) if isinstance(tag, str) else tag
        if pt is None:
            pt = ("O", None)
        p, lab = pt
        if lab is None:
            if cur:
                spans.append(cur)
            cur = None
        elif p == "B" or lab != prev_lab or cur is None:
            if cur:
                spans.append(cur)
            cur = [i, i + 1, lab]
        else:
            cur[1] = i + 1
        prev_lab = lab
    if cur:
        spans.append(cur)
    out = []
    for a, b, lab in join_initials(tokens, spans):
        if lab == "PERSON":
            a = after_titles(tokens, a, b, lang)
        out.append([offs[a][0], offs[b - 1][1], lab])
    return text, offs, out


# Titles and salutations that some corpora keep in a PERSON (ECHR: `M .
# Galip Yalman`, `Mme Price`, `Dr Price`; EHRI: `Dr. Kurt Popper`) and
# ANNOTATION.md leaves out. `M`/`MM` only in French, where they are
# Monsieur/Messieurs; elsewhere `M .` is an initial.
TITLES = frozenset(("mme", "mmes", "mlle", "mlles", "me", "dr", "prof", "herr", "herrn", "frau", "mevr", "mevrouw",
                    "dhr", "heer", "meneer", "mijnheer", "monsieur", "madame", "mademoiselle", "maître", "docteur",
                    "sir", "lord", "lady"))
FRENCH_TITLES = ("M", "MM")


def after_titles(tokens: list[str], a: int, b: int, lang: str) -> int:
    """The first token of a PERSON tokens[a:b] once the titles in front
    (each with its full stop, if any) are skipped; a name stays."""
    while True:
        t = tokens[a].rstrip(".")
        title = t[:1].isupper() and (t.lower() in TITLES or (lang == "fr" and t in FRENCH_TITLES))
        k = a + 1 + (a + 1 < b and tokens[a + 1] == ".")
        if not title or k >= b or not tokens[k][:1].isalpha():
            return a
        a = k


# Initials of more than one letter (Ph. Van Hamme, Chr. Dupont).
LONG_INITIALS = ("Ph", "Th", "Ch", "Chr", "Cl")


def is_initial(word: str) -> bool:
    """Whether word is an initial without its full stop: one capital letter
    (``J``, ``É``) or one of LONG_INITIALS."""
    return len(word) == 1 and word.isupper() or word in LONG_INITIALS


def join_initials(tokens: list[str], spans: list[list]) -> list[list]:
    """Joins a PERSON that ends with an initial to the PERSON one full stop
    after it: [start_token, end_token, label] spans. ICDAR-Europeana's Dutch
    files tag an initial's full stop O (``J/I-PER ./O A/I-PER ./O van/I-PER
    der/I-PER Burgh/I-PER``), which cuts a fifth of their persons into
    pieces; ANNOTATION.md keeps the initials in the person's span
    (``J. A. van der Burgh``)."""
    out = []
    for span in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev[2] == span[2] == "PERSON" and span[0] == prev[1] + 1
                and tokens[prev[1]] == "." and is_initial(tokens[prev[1] - 1])):
            prev[1] = span[1]
        else:
            out.append(list(span))
    return out


def _example(tokens, tags, lang, source):
    text, offs, spans = decode(tokens, tags, lang)
    # tokens are stripped and non-empty, so spans never start/end with space
    return {"text": text, "spans": spans, "lang": lang, "source": source, "tokens": offs}


def _chunk(sent: list[tuple[str, str]], max_tokens: int = MAX_TOKENS):
    """Split an over-long sentence at tokens outside entities."""
    if len(sent) <= max_tokens:
        return [sent]
    out = []
    start = 0
    n = len(sent)
    while n - start > max_tokens:
        best = None
        # candidate cut positions c: sentence part is sent[start:c]
        lo = start + max_tokens // 2
        for c in range(start + max_tokens, lo, -1):
            nxt = parse_tag(sent[c][1]) or ("O", None)
            if nxt[1] is not None and nxt[0] == "I":
                continue  # would cut through an entity (or an IOB1 run)
            if sent[c - 1][0] in (",", ";", ":"):
                best = c
                break
            if best is None:
                best = c
        if best is None:
            best = start + max_tokens
            # cut anyway after the entity
            while best < n and (parse_tag(sent[best][1]) or ("O", None))[0] == "I":
                best += 1
        out.append(sent[start:best])
        start = best
    if start < n:
        out.append(sent[start:])
    return out


# ---------------------------------------------------------------- file readers


def _clean_token(tok: str) -> str:
    return tok.replace("\u00a0", " ").strip()


def _read_columns(path, sep=None, tok_col=0, tag_col=-1, skip_docstart=True, docs=None):
    """Generic reader: blank line = sentence break. Returns list of sentences,
    each a list of (token, tag). Lines whose tag is not a valid IOB tag are
    skipped (junk). With a list docs, appends each sentence's document
    number there (a -DOCSTART- line starts a document)."""
    sents = []
    cur = []
    doc = 0

    def end_sentence():
        nonlocal cur
        if cur:
            sents.append(cur)
            if docs is not None:
                docs.append(doc)
            cur = []

    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                end_sentence()
                continue
            cols = line.split(sep) if sep else line.split()
            if len(cols) < 2:
                continue  # junk: token without tag
            tok = cols[tok_col]
            tag = cols[tag_col]
            if skip_docstart and tok == "-DOCSTART-":
                end_sentence()
                doc += 1
                continue
            if parse_tag(tag) is None:
                continue  # junk line
            tok = _clean_token(tok)
            if not tok:
                continue
            cur.append((tok, tag))
    end_sentence()
    return sents


def _read_europeana(path):
    """token SP tag, no sentence breaks: split after . ! ? and at '# file'
    headers; junk lines (no tag, odd tags) skipped; a line with more than two
    fields is token words + tag."""
    sents = []
    cur = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            if line.startswith("# ") and ":" in line.split("\t")[0]:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            cols = line.split()
            if len(cols) < 2:
                continue
            tag = cols[-1]
            if parse_tag(tag) is None:
                continue
            tok = _clean_token(" ".join(cols[:-1]))
            if not tok:
                continue
            cur.append((tok, tag))
            if tok in (".", "!", "?"):
                sents.append(cur)
                cur = []
    if cur:
        sents.append(cur)
    return sents


def _read_hipe(path):
    """HIPE-2022 TSV: TOKEN and NE-COARSE-LIT columns, sentence ends at
    EndOfSentence in MISC and at document boundaries."""
    sents = []
    cur = []
    col_tok, col_tag, col_misc = 0, 1, -1
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            if line.startswith("TOKEN\t"):
                hdr = line.split("\t")
                col_tag = hdr.index("NE-COARSE-LIT")
                col_misc = hdr.index("MISC") if "MISC" in hdr else -1
                continue
            if line.startswith("#"):
                if "document_id" in line and cur:
                    sents.append(cur)
                    cur = []
                continue
            cols = line.split("\t")
            if len(cols) <= col_tag:
                continue
            tok = _clean_token(cols[col_tok])
            tag = cols[col_tag]
            misc = cols[col_misc] if col_misc < len(cols) else ""
            if parse_tag(tag) is None:
                tag = "O"
            if tok:
                cur.append((tok, tag))
            if "EndOfSentence" in misc.split("|") and cur:
                sents.append(cur)
                cur = []
    if cur:
        sents.append(cur)
    return sents


# ---------------------------------------------------------------- registry

def _hipe(dataset, lang, split):
    return ("hipe2022/HIPE-2022-v2.1-%s-%s-%s.tsv" % (dataset, split, lang), "hipe", lang)


_REGISTRY: dict[str, tuple] = {}
for _s in ("train", "testa", "testb"):
    _REGISTRY["conll2002-nl-" + _s] = ("conll2002/ned." + _s, "conll", "nl")
for _l in ("nl", "fr"):
    for _s in ("train", "dev", "test"):
        _REGISTRY["icdar-%s-%s" % (_l, _s)] = ("icdar-europeana/%s/%s.txt" % (_l, _s), "icdar", _l)
_EUROPEANA_FILES = {
    "de": ["europeana/enp_DE.lft.bio", "europeana/enp_DE.onb.bio", "europeana/enp_DE.sbb.bio"],
    "nl": ["europeana/enp_NL.kb.bio"],
    "fr": ["europeana/enp_FR.bnf.bio"],
}
for _l in ("de", "nl", "fr"):
    for _v in ("", "-train", "-dev"):
        _REGISTRY["europeana-%s%s" % (_l, _v)] = (tuple(_EUROPEANA_FILES[_l]), "europeana" + _v, _l)
for _s in ("train", "dev", "test"):
    _REGISTRY["echr-fr-" + _s] = ("echr-fr-anon/FR-all-%s.tsv" % _s, "echr", "fr")
_HIPE_SPLITS = {
    ("newseye", "de"): ("dev", "dev2", "test"),
    ("newseye", "fr"): ("dev", "dev2", "test"),
    ("sonar", "de"): ("dev", "test"),
    ("ajmc", "de"): ("train", "dev", "test"),
    ("ajmc", "fr"): ("train", "dev", "test"),
    ("hipe2020", "de"): ("train", "dev", "test"),
    ("hipe2020", "fr"): ("dev", "test"),
    ("letemps", "fr"): ("dev", "test"),
}
for (_d, _l), _ss in _HIPE_SPLITS.items():
    for _s in _ss:
        _REGISTRY["hipe-%s-%s-%s" % (_d, _l, _s)] = _hipe(_d, _l, _s)
for _l in ("de", "nl", "fr"):
    _REGISTRY["ehri-" + _l] = ("ehri/ehri_%s.txt" % _l, "ehri", _l)
for _l in ("nl", "fr", "de"):
    for _s in ("val", "test"):
        _REGISTRY["wikineural-%s-%s" % (_l, _s)] = ("wikineural/%s/%s.conllu" % (_l, _s), "conllu", _l)
for _l in ("nl", "de"):
    for _s in ("train", "val", "test"):
        _REGISTRY["wikiann-%s-%s" % (_l, _s)] = ("wikiann/%s/%s.conllu" % (_l, _s), "conllu", _l)

for _l in ("nl", "fr"):
    _REGISTRY["chamber-gazetteer-" + _l] = ((), "gazetteer", _l)
    _REGISTRY["chamber-gazetteer-%s-dev" % _l] = ((), "gazetteer-dev", _l)
    _REGISTRY["chamber-places-" + _l] = ((), "gazetteer-places", _l)
    _REGISTRY["chamber-multiword-" + _l] = ((), "gazetteer-multiword", _l)

_REGISTRY["chamber-frog-nl"] = ((), "frog", "nl")
_REGISTRY["chamber-frog-nl-dev"] = ((), "frog-dev", "nl")
_REGISTRY["chamber-frog-nl-tidy"] = ((), "frog-tidy", "nl")
_REGISTRY["chamber-frog-nl-agree"] = ((), "frog-agree", "nl")
for _base in ("chamber-frog-nl", "chamber-frog-nl-tidy", "chamber-frog-nl-agree"):
    _REGISTRY[_base + "-swap"] = ((), "swap:" + _base, "nl")
_REGISTRY["chamber-frog-nl-agree-swap-org"] = ((), "swap-org:chamber-frog-nl-agree", "nl")
# organisations swapped only in the copies of sentences that name no person
_REGISTRY["chamber-frog-nl-agree-swap-org-apart"] = ((), "swap-org-apart:chamber-frog-nl-agree", "nl")

# sentences of running prose naming persons in their contexts (prose.py)
_REGISTRY["prose-persons"] = ((), "prose", "")
# lines of forms and headings whose capitalised words name nothing (prose.LABELS)
_REGISTRY["prose-labels"] = ((), "prose-labels", "")
# prose-persons with half of its sentences as old newspapers print them (prose.printed)
_REGISTRY["prose-printed"] = ((), "prose-printed", "")

NAMES = sorted(_REGISTRY)

# Licence allows training (README "train") -- the splits meant for fitting.
TRAIN_SETS = [
    "icdar-nl-train", "icdar-fr-train",
    "europeana-de-train",
    "echr-fr-train",
    "hipe-newseye-de-dev", "hipe-newseye-de-dev2",   # newseye has no train split
    "hipe-newseye-fr-dev", "hipe-newseye-fr-dev2",
    "hipe-sonar-de-dev",                             # sonar has no train split
    "hipe-ajmc-de-train", "hipe-ajmc-fr-train",
    "ehri-de", "ehri-nl", "ehri-fr",
]
# Chamber questions labelled from the gazetteers (gazlabel.py): train-licensed
# (CC0 text), but in no stage of the shipped model (a cycle with them lost
# on the annotated documents); finetune.py --corpora takes them.
GAZETTEER_SETS = ["chamber-gazetteer-nl", "chamber-gazetteer-fr"]
# The same train sentences less those naming an organisation, or less those
# naming one by a single word not in capitals (`Infrabel`; acronyms and names
# of several words stay): the cycles with them also lost on the annotated
# documents (docs/model-runtime.md).
PLACES_SETS = ["chamber-places-nl", "chamber-places-fr"]
MULTIWORD_SETS = ["chamber-multiword-nl", "chamber-multiword-fr"]
# Chamber questions labelled by Frog (froglabel.py): CC0 text with silver
# labels; needs Debian's frog and frogdata.
FROG_SETS = ["chamber-frog-nl"]
# Those mended (froglabel.tidy), and their copies with other names in their
# slots (mentions.py): the seventh cycle as first shipped.
FROG_TIDY_SETS = ["chamber-frog-nl-tidy", "chamber-frog-nl-tidy-swap"]
# Those mended, their labels made to agree across the corpus
# (froglabel.agree), and their copies with other names, places and
# organisations: the shipped model's seventh cycle (two seeds, averaged).
FROG_AGREE_SETS = ["chamber-frog-nl-agree", "chamber-frog-nl-agree-swap-org"]
# Held-out splits of train-licensed corpora: fine for model selection.
DEV_SETS = [
    "chamber-gazetteer-nl-dev", "chamber-gazetteer-fr-dev",
    "icdar-nl-dev", "icdar-fr-dev",
    "europeana-de-dev",
    "echr-fr-dev",
    "hipe-newseye-de-test", "hipe-newseye-fr-test", "hipe-sonar-de-test",
    "hipe-ajmc-de-dev", "hipe-ajmc-fr-dev",
]
# Test splits of train-licensed corpora (report only).
TEST_SETS = ["icdar-nl-test", "icdar-fr-test", "echr-fr-test",
             "hipe-ajmc-de-test", "hipe-ajmc-fr-test"]
# Licence forbids training: evaluation only.
EVAL_SETS = [
    "conll2002-nl-testa", "conll2002-nl-testb",
    "wikineural-nl-val", "wikineural-nl-test",
    "wikineural-fr-val", "wikineural-fr-test",
    "wikineural-de-val", "wikineural-de-test",
    "wikiann-nl-val", "wikiann-nl-test", "wikiann-de-val", "wikiann-de-test",
    "hipe-hipe2020-de-dev", "hipe-hipe2020-de-test",
    "hipe-hipe2020-fr-dev", "hipe-hipe2020-fr-test",
    "hipe-letemps-fr-dev", "hipe-letemps-fr-test",
]
# Never train on these either: CoNLL train is research-only, europeana NL/FR
# overlap icdar-europeana, hipe2020 train is NC.
OTHER_SETS = ["conll2002-nl-train", "wikiann-nl-train", "wikiann-de-train",
              "hipe-hipe2020-de-train", "europeana-nl", "europeana-fr",
              "europeana-nl-train", "europeana-nl-dev", "europeana-fr-train",
              "europeana-fr-dev", "europeana-de"]


def corpus_paths(name: str, data_dir: str = DEFAULT_DATA_DIR) -> list[str]:
    rel = _REGISTRY[name][0]
    if isinstance(rel, str):
        rel = (rel,)
    return [os.path.join(data_dir, "ner", r) for r in rel]


def _is_dev(text: str) -> bool:
    return zlib.crc32(text.encode("utf-8")) % 10 == 0


def _single_word_org(text: str, label: str) -> bool:
    """An organisation named by one word not in capitals (`Infrabel`), which
    looks like any capitalised word at a sentence start."""
    return label == "ORGANIZATION" and " " not in text and not text.isupper()


@lru_cache(maxsize=2)
def load_pool(names: tuple[str, ...], data_dir: str) -> tuple[list[dict], ...]:
    """The corpora of names that data_dir holds, loaded once: the sets whose
    stand-in names are drawn from them (mentions.py, prose.py) share one
    load. Read only."""
    sets = []
    for n in names:
        try:
            sets.append(load(n, data_dir))
        except FileNotFoundError:  # the smoke data holds a few of the corpora
            continue
    return tuple(sets)


def load(name: str, data_dir: str = DEFAULT_DATA_DIR) -> list[dict]:
    """Load one corpus (see NAMES) as a list of examples."""
    if name not in _REGISTRY:
        raise KeyError("unknown corpus %r; known: %s" % (name, ", ".join(NAMES)))
    rel, kind, lang = _REGISTRY[name]
    if kind.startswith("swap"):
        import mentions
        how, base = kind.split(":")
        return mentions.swapped_set(load(base, data_dir), data_dir,
                                    types=mentions.WITH_ORGANISATIONS if how.startswith("swap-org") else mentions.SWAPPED,
                                    person_types=mentions.SWAPPED if how == "swap-org-apart" else None)
    if kind.startswith("prose"):
        import prose
        return {"prose-labels": prose.labels, "prose-printed": prose.printed_examples}.get(
            kind, prose.examples)(data_dir)
    if kind.startswith("frog"):
        import froglabel
        if kind == "frog-tidy":
            return [ex for ex in map(froglabel.tidy, load("chamber-frog-nl", data_dir)) if ex is not None]
        if kind == "frog-agree":
            import gazetteers
            return froglabel.agree(load("chamber-frog-nl-tidy", data_dir), gazetteers.get(data_dir).place_names())
        return [ex for ex in froglabel.examples(data_dir) if _is_dev(ex["text"]) == kind.endswith("-dev")]
    if kind.startswith("gazetteer"):
        import gazlabel
        exs = [ex for ex in gazlabel.examples(data_dir, lang) if _is_dev(ex["text"]) == kind.endswith("-dev")]
        if kind.endswith("-places"):
            exs = [ex for ex in exs if all(lab != "ORGANIZATION" for _, _, lab in ex["spans"])]
        elif kind.endswith("-multiword"):
            exs = [ex for ex in exs if not any(_single_word_org(ex["text"][a:b], lab) for a, b, lab in ex["spans"])]
        return exs
    paths = corpus_paths(name, data_dir)
    for p in paths:
        if not os.path.exists(p):
            raise FileNotFoundError(p)
    docs = []
    if kind == "conll":
        sents = _read_columns(paths[0], sep=" ", tok_col=0, tag_col=-1, docs=docs)
    elif kind == "icdar":
        sents = _read_columns(paths[0], sep="\t", tok_col=0, tag_col=1)
    elif kind in ("echr", "ehri"):
        sents = _read_columns(paths[0], sep=None, tok_col=0, tag_col=-1)
    elif kind == "conllu":
        sents = _read_columns(paths[0], sep="\t", tok_col=1, tag_col=2)
    elif kind == "hipe":
        sents = []
        for s in _read_hipe(paths[0]):
            sents.extend(_chunk(s))
    elif kind.startswith("europeana"):
        sents = []
        for p in paths:
            for s in _read_europeana(p):
                sents.extend(_chunk(s))
    else:  # pragma: no cover
        raise ValueError(kind)
    out = []
    for i, s in enumerate(sents):
        ex = _example([t for t, _ in s], [g for _, g in s], lang, name)
        if docs:
            ex["doc"] = docs[i]  # the news article: decoding keeps a name's type across it
        if kind == "europeana-train" and _is_dev(ex["text"]):
            continue
        if kind == "europeana-dev" and not _is_dev(ex["text"]):
            continue
        out.append(ex)
    return out


def counts(examples: list[dict]) -> dict:
    c = {"sents": len(examples), "tokens": 0}
    for ex in examples:
        c["tokens"] += len(ex.get("tokens", ()))
        for _, _, lab in ex["spans"]:
            c[lab] = c.get(lab, 0) + 1
    return c


# ---------------------------------------------------------------- unlabelled text

_LANG_RE = re.compile(r"[_.-](nl|fr|de)\.txt$")


def text_files(data_dir: str = DEFAULT_DATA_DIR) -> list[tuple[str, str]]:
    """(lang, path) of every unlabelled text file under text/, sorted."""
    root = os.path.join(data_dir, "text")
    out = []
    for dp, _, fns in os.walk(root):
        for fn in fns:
            m = _LANG_RE.search(fn)
            if m:
                out.append((m.group(1), os.path.join(dp, fn)))
    out.sort(key=lambda x: x[1])
    return out


def load_text(data_dir: str = DEFAULT_DATA_DIR) -> Iterator[tuple[str, str]]:
    """Yield (lang, line) for every non-empty line of the unlabelled text."""
    for lang, path in text_files(data_dir):
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for line in f:
                line = line.strip()
                if line:
                    yield lang, line


def main(argv=None):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--data-dir", default=DEFAULT_DATA_DIR)
    a = ap.parse_args(argv)
    for name in a.names or NAMES:
        try:
            c = counts(load(name, a.data_dir))
        except FileNotFoundError as e:
            print("%-28s missing %s" % (name, e))
            continue
        print("%-28s sents=%-6d tokens=%-7d PER=%-5d LOC=%-5d ORG=%-5d" % (
            name, c["sents"], c["tokens"], c.get("PERSON", 0),
            c.get("LOCATION", 0), c.get("ORGANIZATION", 0)))


if __name__ == "__main__":
    sys.exit(main())
