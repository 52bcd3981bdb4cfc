"""Piece-level labelling of examples, windowing, batching, and decoding of
piece predictions back to character spans."""

from __future__ import annotations

import random
import re
import unicodedata
from typing import List, Tuple

import numpy as np
import torch

import wordpiece as W
from data import BIO, BIO2ID

WINDOW = 256  # pieces per window including [CLS] and [SEP]


def piece_labels(offs, spans) -> List[int]:
    """BIO id per piece: a piece belongs to a span when its start lies inside
    it; B on the first piece of the span, I on the rest."""
    labs = [0] * len(offs)
    sp = sorted(spans)
    j = 0
    cur = None  # index of span of previous piece
    for i, (s, e) in enumerate(offs):
        while j < len(sp) and sp[j][1] <= s:
            j += 1
        if j < len(sp) and sp[j][0] <= s < sp[j][1]:
            lab = sp[j][2]
            if lab not in ("PERSON", "ADDRESS", "ORGANIZATION", "LOCATION"):
                cur = None
                continue
            labs[i] = BIO2ID[("I-" if cur == j else "B-") + lab]
            cur = j
        else:
            cur = None
    return labs


def windows(ids, labs, word_start, max_pieces=WINDOW - 2):
    """Split a piece sequence into windows of <= max_pieces, cutting at word
    starts, preferably outside entities and after sentence punctuation /
    line breaks. Returns list of (a, b) index ranges."""
    n = len(ids)
    out = []
    a = 0
    while a < n:
        if n - a <= max_pieces:
            out.append((a, n))
            break
        best = None
        lo = a + max_pieces // 2
        for b in range(a + max_pieces, lo, -1):
            if not word_start[b]:
                continue
            inside = labs is not None and labs[b] != 0 and BIO[labs[b]].startswith("I-")
            if inside:
                continue
            best = b
            break
        if best is None:
            best = a + max_pieces
        out.append((a, best))
        a = best
    return out


def encode_example(wp: W.WordPiece, ex, max_pieces=WINDOW - 2):
    """-> list of (ids, labels) windows with [CLS]/[SEP] (labels -100 there)."""
    ids, offs, widx = wp.encode(ex["text"], add_special=False)
    if not ids:
        return []
    labs = piece_labels(offs, ex.get("spans", []))
    ws = [True] + [widx[i] != widx[i - 1] for i in range(1, len(ids))]
    out = []
    for a, b in windows(ids, labs, ws, max_pieces):
        wl = labs[a:b]
        # a window must not start with I-: make it B-
        if wl and BIO[wl[0]].startswith("I-"):
            wl = [BIO2ID["B-" + BIO[wl[0]][2:]]] + wl[1:]
        out.append(([W.CLS_ID] + ids[a:b] + [W.SEP_ID], [-100] + wl + [-100]))
    return out


def make_batches(items, max_tokens=4096, max_batch=64, seed=0, shuffle=True):
    """Length-bucketed batches of (ids, labels)."""
    rng = random.Random(seed)
    idx = list(range(len(items)))
    if shuffle:
        rng.shuffle(idx)
    # sort within chunks of 100 batches worth for bucketing
    chunk = 2000
    batches = []
    for c in range(0, len(idx), chunk):
        part = sorted(idx[c:c + chunk], key=lambda i: len(items[i][0]))
        cur = []
        cur_max = 0
        for i in part:
            L = len(items[i][0])
            if cur and (max(cur_max, L) * (len(cur) + 1) > max_tokens or len(cur) >= max_batch):
                batches.append(cur)
                cur, cur_max = [], 0
            cur.append(i)
            cur_max = max(cur_max, L)
        if cur:
            batches.append(cur)
    if shuffle:
        rng.shuffle(batches)
    return batches


def collate(items, batch):
    T = max(len(items[i][0]) for i in batch)
    B = len(batch)
    ids = np.zeros((B, T), dtype=np.int64)
    labs = np.full((B, T), -100, dtype=np.int64)
    for k, i in enumerate(batch):
        x, y = items[i]
        ids[k, :len(x)] = x
        labs[k, :len(y)] = y
    ids = torch.from_numpy(ids)
    am = (ids != W.PAD_ID).long()
    return ids, am, torch.zeros_like(ids), torch.from_numpy(labs)


# ------------------------------------------------------------ prediction

@torch.no_grad()
def predict_pieces(model, wp, texts, max_pieces=WINDOW - 2, max_tokens=8192):
    """Returns per text (offs, widx, label ids per piece, probability of each
    piece's label)."""
    model.eval()
    encs = []
    jobs = []  # (text idx, a, b, ids)
    for ti, t in enumerate(texts):
        ids, offs, widx = wp.encode(t, add_special=False)
        encs.append((ids, offs, widx, [0] * len(ids), [0.0] * len(ids)))
        ws = [True] + [widx[i] != widx[i - 1] for i in range(1, len(ids))]
        for a, b in windows(ids, None, ws, max_pieces) if ids else []:
            jobs.append((ti, a, b, [W.CLS_ID] + ids[a:b] + [W.SEP_ID]))
    order = sorted(range(len(jobs)), key=lambda j: len(jobs[j][3]))
    k = 0
    while k < len(order):
        T = len(jobs[order[k]][3])
        bs = max(1, max_tokens // max(T, 1))
        batch = order[k:k + bs]
        T = max(len(jobs[j][3]) for j in batch)
        x = np.zeros((len(batch), T), dtype=np.int64)
        for r, j in enumerate(batch):
            x[r, :len(jobs[j][3])] = jobs[j][3]
        x = torch.from_numpy(x)
        am = (x != 0).long()
        prob, pred = torch.softmax(model(x, am, torch.zeros_like(x)), -1).max(-1)
        pred, prob = pred.numpy(), prob.numpy()
        for r, j in enumerate(batch):
            ti, a, b, _ = jobs[j]
            encs[ti][3][a:b] = pred[r, 1:1 + b - a].tolist()
            encs[ti][4][a:b] = prob[r, 1:1 + b - a].tolist()
        k += bs
    return [(offs, widx, labs, probs) for ids, offs, widx, labs, probs in encs]


def decode_spans(offs, widx, labs, probs=None, text=None, min_score=0.0) -> List[Tuple[int, int, str]]:
    """First-piece BIO decoding over pre-tokenizer words -> char spans.

    With ``text``, the repairs that the Go service makes too (ner/window.go):
    an entity word labelled B one space (or nothing) after an entity of the
    same type continues it (the small model often starts every word of a
    name with B); a lone punctuation mark labelled O, glued to an entity
    word on both sides and followed by an I of the same type, stays inside
    (``Oost-Vlaanderen``); spans are cut and trimmed as ANNOTATION.md says
    (``tidy_span``); a PERSON or LOCATION one space before an ORGANIZATION
    joins it (``join_organizations``); no span runs across a column gap (a
    tab or three spaces within a line); a span with neither a capital nor a
    digit is dropped:
    names have one, and what the small model finds without one are common
    words. On the dev sets these only remove errors.

    With ``probs`` (each piece's label probability), a span's score is the
    mean over its words' first pieces, as the service scores it, and spans
    scoring below ``min_score`` are dropped."""
    words = []  # [start, end, tag, prob]
    for i, (s, e) in enumerate(offs):
        if i == 0 or widx[i] != widx[i - 1]:
            words.append([s, e, BIO[labs[i]], probs[i] if probs is not None else 1.0])
        else:
            words[-1][1] = e
    spans = []
    cur = None
    for k, (s, e, tag, prob) in enumerate(words):
        if tag == "O":
            if text is not None and cur is not None and _glued_punct(text, words, k, cur[2]):
                cur[1] = e
            else:
                cur = None
            continue
        p, typ = tag[0], tag[2:]
        gap = text[cur[1]:s] if text is not None and cur is not None else ""
        if cur is not None and cur[2] == typ and not _column_gap(gap) and (p == "I" or (text is not None and _one_space_or_less(gap))):
            cur[1] = e
            cur[3].append(prob)
        else:
            cur = [s, e, typ, [prob]]
            spans.append(cur)
    spans = [x[:3] for x in spans if sum(x[3]) / len(x[3]) >= min_score]
    if text is None:
        return [tuple(x) for x in spans]
    spans = (tidy_span(text, *x) for x in spans)
    spans = [x for x in spans if x is not None and capital_or_digit(text[x[0]:x[1]])]
    return join_organizations(text, spans)


def join_organizations(text, spans):
    """A PERSON or LOCATION one space before an ORGANIZATION is the start of
    its name (``Bakkerij Janssens BV``, ``Brussels Warehouse Solutions NV``):
    ANNOTATION.md puts names inside organisation names in the organisation.
    On the dev sets (shipped model of 2026-11-29) it raised testa 39.40 ->
    39.46 and synthetic dev 93.59 -> 93.70."""
    out = []
    for s, e, typ in spans:
        if out and typ == "ORGANIZATION" and out[-1][2] in ("PERSON", "LOCATION") and _one_space(text[out[-1][1]:s]):
            out[-1] = (out[-1][0], e, typ)
        else:
            out.append((s, e, typ))
    return out


# Punctuation that never begins or ends a span (ANNOTATION.md: names,
# addresses and organisations start and end with a word or a number).
_NEVER_FIRST = set(",.;:!?–—-/|•·*)]}»\"")
_NEVER_LAST = set(",;:!?–—-/|•·*([{«\"")
_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")


def tidy_span(text, a, b, typ):
    """Cuts a span where ANNOTATION.md says it cannot go on (a PERSON or
    LOCATION at its line end, an ADDRESS or ORGANIZATION at a blank line) and
    trims punctuation and space off its ends; None if nothing is left. A
    final full stop stays after an initial or inside an abbreviation
    (``J.``, ``B.V.``), not after a word (``Gent.``)."""
    seg = text[a:b]
    cut = re.search(r"[\r\n]", seg) if typ in ("PERSON", "LOCATION") else _BLANK_LINE.search(seg)
    if cut:
        b = a + cut.start()
    while a < b and (text[a].isspace() or text[a] in _NEVER_FIRST):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in _NEVER_LAST or
                     (text[b - 1] == "." and not _initial_before(text, a, b - 1))):
        b -= 1
    if typ == "PERSON":
        a = _after_titles(text, a, b)
    return (a, b, typ) if a < b else None


# Titles and salutations, which ANNOTATION.md leaves out of a PERSON (not
# "M.", which is also an initial); the Go service has the same list
# (ner/tidy.go, compared by test_tidy_lists_match_go).
TITLES = ("de heer", "heer", "dhr.", "dhr", "meneer", "mijnheer", "mevrouw", "mevr.", "mevr", "mw.",
          "monsieur", "madame", "mademoiselle", "mme.", "mme", "mlle", "maître", "me", "docteur",
          "herr", "herrn", "frau", "dr.", "dr", "prof.")


def _after_titles(text, a, b) -> int:
    """Where a PERSON starts once the titles in front are skipped; b when
    the span is nothing but titles."""
    while True:
        seg = text[a:b].lower()
        t = next((t for t in TITLES if seg.startswith(t) and (len(seg) == len(t) or seg[len(t)] == " ")), None)
        if t is None:
            return a
        a += len(t)
        while a < b and text[a] == " ":
            a += 1


def _initial_before(text, a, dot) -> bool:
    """Whether the full stop at dot ends an initial: one capital letter not
    preceded by another letter."""
    return dot > a and text[dot - 1].isupper() and (dot - 1 == a or not text[dot - 2].isalpha())


def capital_or_digit(s: str) -> bool:
    """Whether s could be a name: it has a capital or a digit."""
    return any(c.isupper() or c.isdigit() for c in s)


def _one_space_or_less(gap: str) -> bool:
    """Whether two words are glued or one space apart: wider gaps separate
    columns (signatures side by side)."""
    return gap == "" or _one_space(gap)


def _one_space(gap: str) -> bool:
    return gap in (" ", "\u00a0")


def _column_gap(gap: str) -> bool:
    """Whether a gap inside one line is a tab or a run of three or more
    spaces: it separates columns (two signatures side by side), so no entity
    runs across it even when the model says I. A line break is not a column
    gap: address blocks span lines."""
    return "\n" not in gap and ("\t" in gap or "   " in gap)


def _glued_punct(text, words, k, typ) -> bool:
    s, e = words[k][:2]
    if e - s != 1 or not unicodedata.category(text[s])[0] == "P" or k + 1 >= len(words):
        return False
    nxt = words[k + 1]
    return words[k - 1][1] == s and nxt[0] == e and nxt[2] == "I-" + typ


def predict_spans(model, wp, texts, min_score=0.0, **kw):
    return [decode_spans(*r, text=t, min_score=min_score) for r, t in zip(predict_pieces(model, wp, texts, **kw), texts)]
