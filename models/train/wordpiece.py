"""Cased WordPiece tokenizer: training, HF ``tokenizer.json`` writing, encoding.

The encoder reproduces the Hugging Face pipeline used by hugot:

* normalizer ``BertNormalizer(clean_text=True, handle_chinese_chars=True,
  strip_accents=False, lowercase=False)``
* pre-tokenizer ``BertPreTokenizer`` (split on whitespace, isolate every
  punctuation character: ASCII punctuation or Unicode category P*)
* model ``WordPiece`` (greedy longest-match-first, ``##`` continuation,
  ``max_input_chars_per_word`` 100, a word that cannot be covered is one [UNK])
* post-processor ``[CLS] $A [SEP]``

Offsets are code-point offsets into the original (unnormalised) text.
The vocabulary is trained with the BPE-style merge procedure that the HF
WordPiece trainer uses (merge the most frequent adjacent pair).
"""

from __future__ import annotations

import collections
import heapq
import json
import unicodedata
from typing import Iterable, List, Sequence, Tuple

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD_ID, UNK_ID, CLS_ID, SEP_ID, MASK_ID = 0, 1, 2, 3, 4
PREFIX = "##"
MAX_CHARS_PER_WORD = 100

# Characters always in the alphabet (standalone and ## variant) whatever their
# frequency: printable Latin-1 + Latin Extended-A and common typography.
_EXTRA = "€„“”‘’‚–—…•«»§°±×÷µ¼½¾²³¹ªº¿¡€£¥¢©®™‰†‡′″‹›·"
ALWAYS_CHARS = sorted(
    set(chr(c) for c in range(0x21, 0x7F))
    | set(chr(c) for c in range(0xA1, 0x180) if c != 0xAD)
    | set(_EXTRA)
)


# ---------------------------------------------------------------- normalizer

def _is_whitespace(c: str) -> bool:
    if c in "\t\n\r ":
        return True
    # Rust char::is_whitespace == Unicode White_Space property
    return c in "\u000b\u000c\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _is_control(c: str) -> bool:
    if c in "\t\n\r":
        return False
    return unicodedata.category(c).startswith("C")


def _is_chinese(c: str) -> bool:
    cp = ord(c)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B920 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def _is_punct(c: str) -> bool:
    o = ord(c)
    if (33 <= o <= 47) or (58 <= o <= 64) or (91 <= o <= 96) or (123 <= o <= 126):
        return True
    return unicodedata.category(c).startswith("P")


def pre_tokenize(text: str) -> List[Tuple[str, int, int]]:
    """Normalise + pre-tokenise; returns (word, start, end) in code points of
    the original text."""
    words: List[Tuple[str, int, int]] = []
    cur: List[str] = []
    cur_start = -1
    cur_end = -1

    def flush():
        nonlocal cur, cur_start
        if cur:
            words.append(("".join(cur), cur_start, cur_end))
            cur = []
            cur_start = -1

    for i, c in enumerate(text):
        o = ord(c)
        if o == 0 or o == 0xFFFD or _is_control(c):
            continue  # removed by clean_text (does not break a word)
        if _is_whitespace(c):
            flush()
            continue
        if _is_chinese(c) or _is_punct(c):
            flush()
            words.append((c, i, i + 1))
            continue
        if not cur:
            cur_start = i
        cur.append(c)
        cur_end = i + 1
    flush()
    return words


# ---------------------------------------------------------------- encoder

class WordPiece:
    def __init__(self, vocab: Sequence[str]):
        self.itos = list(vocab)
        self.stoi = {t: i for i, t in enumerate(self.itos)}
        assert self.itos[:5] == SPECIALS, self.itos[:5]
        self.max_len = max(len(t) for t in self.itos)
        self._cache: dict = {}

    def __len__(self):
        return len(self.itos)

    def word_pieces(self, word: str) -> List[Tuple[int, int, int]]:
        """[(id, start, end)] within the word, or [(UNK, 0, len)]."""
        r = self._cache.get(word)
        if r is not None:
            return r
        n = len(word)
        if n > MAX_CHARS_PER_WORD:
            r = [(UNK_ID, 0, n)]
        else:
            r = []
            start = 0
            while start < n:
                end = min(n, start + self.max_len)
                found = None
                while start < end:
                    sub = word[start:end]
                    if start > 0:
                        sub = PREFIX + sub
                    tid = self.stoi.get(sub)
                    if tid is not None:
                        found = tid
                        break
                    end -= 1
                if found is None:
                    r = [(UNK_ID, 0, n)]
                    break
                r.append((found, start, end))
                start = end
        if len(self._cache) < 500_000:
            self._cache[word] = r
        return r

    def encode(self, text: str, add_special: bool = True):
        """Returns (ids, offsets, word_index). offsets are (start, end) code
        points into ``text``; specials get (0, 0) and word_index -1."""
        ids: List[int] = []
        offs: List[Tuple[int, int]] = []
        widx: List[int] = []
        if add_special:
            ids.append(CLS_ID)
            offs.append((0, 0))
            widx.append(-1)
        for wi, (w, s, e) in enumerate(pre_tokenize(text)):
            # map word-internal char index -> original offset (controls may
            # have been dropped inside the word)
            if e - s == len(w):
                pos = None
            else:
                pos = [s + k for k, c in enumerate(text[s:e])
                       if not (ord(c) == 0 or ord(c) == 0xFFFD or _is_control(c))]
            for tid, a, b in self.word_pieces(w):
                if pos is None:
                    offs.append((s + a, s + b))
                else:
                    offs.append((pos[a], pos[b - 1] + 1))
                ids.append(tid)
                widx.append(wi)
        if add_special:
            ids.append(SEP_ID)
            offs.append((0, 0))
            widx.append(-1)
        return ids, offs, widx

    def tokens(self, text: str) -> List[str]:
        return [self.itos[i] for i in self.encode(text, add_special=False)[0]]

    # -------------------------------------------------------------- files
    def save_vocab(self, path: str):
        with open(path, "w", encoding="utf-8") as f:
            for t in self.itos:
                f.write(t + "\n")

    @classmethod
    def load(cls, path: str) -> "WordPiece":
        if path.endswith(".json"):
            with open(path, encoding="utf-8") as f:
                tj = json.load(f)
            v = tj["model"]["vocab"]
            itos = [None] * len(v)
            for t, i in v.items():
                itos[i] = t
            return cls(itos)
        with open(path, encoding="utf-8") as f:
            return cls([l.rstrip("\n") for l in f])

    def tokenizer_json(self) -> dict:
        added = [
            {"id": i, "content": t, "single_word": False, "lstrip": False,
             "rstrip": False, "normalized": False, "special": True}
            for i, t in enumerate(SPECIALS)
        ]
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": added,
            "normalizer": {
                "type": "BertNormalizer",
                "clean_text": True,
                "handle_chinese_chars": True,
                "strip_accents": False,
                "lowercase": False,
            },
            "pre_tokenizer": {"type": "BertPreTokenizer"},
            "post_processor": {
                "type": "TemplateProcessing",
                "single": [
                    {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                    {"Sequence": {"id": "A", "type_id": 0}},
                    {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                ],
                "pair": [
                    {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                    {"Sequence": {"id": "A", "type_id": 0}},
                    {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                    {"Sequence": {"id": "B", "type_id": 1}},
                    {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
                ],
                "special_tokens": {
                    "[CLS]": {"id": "[CLS]", "ids": [CLS_ID], "tokens": ["[CLS]"]},
                    "[SEP]": {"id": "[SEP]", "ids": [SEP_ID], "tokens": ["[SEP]"]},
                },
            },
            "decoder": {"type": "WordPiece", "prefix": PREFIX, "cleanup": True},
            "model": {
                "type": "WordPiece",
                "unk_token": "[UNK]",
                "continuing_subword_prefix": PREFIX,
                "max_input_chars_per_word": MAX_CHARS_PER_WORD,
                "vocab": {t: i for i, t in enumerate(self.itos)},
            },
        }

    def save_tokenizer_json(self, path: str):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.tokenizer_json(), f, ensure_ascii=False, indent=1)


# ---------------------------------------------------------------- training

def count_words(texts: Iterable[str]) -> collections.Counter:
    cnt: collections.Counter = collections.Counter()
    for t in texts:
        cnt.update(w for w, _, _ in pre_tokenize(t))
    return cnt


def train(word_counts: collections.Counter, vocab_size: int = 16000,
          min_char_count: int = 20, min_word_count: int = 2,
          max_word_types: int = 300_000, log=print) -> WordPiece:
    """BPE-style WordPiece training over word counts."""
    char_cnt: collections.Counter = collections.Counter()
    for w, c in word_counts.items():
        for ch in w:
            char_cnt[ch] += c
    alphabet = set(ALWAYS_CHARS) | {ch for ch, c in char_cnt.items() if c >= min_char_count}
    # drop chars that are whitespace/controls (never appear in words anyway)
    alphabet = sorted(ch for ch in alphabet if not _is_control(ch) and not _is_whitespace(ch))
    vocab: List[str] = list(SPECIALS)
    seen = set(vocab)
    for ch in alphabet:
        for t in (ch, PREFIX + ch):
            if t not in seen:
                vocab.append(t)
                seen.add(t)
    log(f"wordpiece: alphabet {len(alphabet)} chars, {len(vocab)} base tokens")

    # words usable for merges: all chars in alphabet, multi-char, frequent
    alpha = set(alphabet)
    items = [(w, c) for w, c in word_counts.items()
             if c >= min_word_count and len(w) > 1 and len(w) <= MAX_CHARS_PER_WORD
             and all(ch in alpha for ch in w)]
    items.sort(key=lambda x: -x[1])
    items = items[:max_word_types]
    words = [[w[0]] + [PREFIX + ch for ch in w[1:]] for w, _ in items]
    freqs = [c for _, c in items]
    log(f"wordpiece: {len(words)} word types for merges")

    pair_cnt: collections.Counter = collections.Counter()
    where = collections.defaultdict(set)
    for i, sy in enumerate(words):
        f = freqs[i]
        for a, b in zip(sy, sy[1:]):
            pair_cnt[(a, b)] += f
            where[(a, b)].add(i)
    heap = [(-c, p) for p, c in pair_cnt.items()]
    heapq.heapify(heap)

    def merged(a, b):
        return a + (b[2:] if b.startswith(PREFIX) else b)

    while len(vocab) < vocab_size and heap:
        negc, p = heapq.heappop(heap)
        c = pair_cnt.get(p, 0)
        if c <= 0:
            continue
        if -negc != c:
            heapq.heappush(heap, (-c, p))
            continue
        a, b = p
        new = merged(a, b)
        if new not in seen:
            vocab.append(new)
            seen.add(new)
        touched = collections.Counter()
        for i in list(where.get(p, ())):
            sy = words[i]
            f = freqs[i]
            j = 0
            out = []
            changed = False
            while j < len(sy):
                if j + 1 < len(sy) and sy[j] == a and sy[j + 1] == b:
                    out.append(new)
                    j += 2
                    changed = True
                else:
                    out.append(sy[j])
                    j += 1
            if not changed:
                continue
            for x, y in zip(sy, sy[1:]):
                pair_cnt[(x, y)] -= f
                touched[(x, y)] += 0
            for x, y in zip(out, out[1:]):
                pair_cnt[(x, y)] += f
                where[(x, y)].add(i)
                touched[(x, y)] += 0
            words[i] = out
        pair_cnt.pop(p, None)
        where.pop(p, None)
        for q in touched:
            cq = pair_cnt.get(q, 0)
            if cq > 0:
                heapq.heappush(heap, (-cq, q))
            else:
                pair_cnt.pop(q, None)
        if len(vocab) % 2000 == 0:
            log(f"wordpiece: vocab {len(vocab)} (last merge {new!r} x{c})")
    return WordPiece(vocab)


# ---------------------------------------------------------------- building

def gazetteer_counts(data_dir: str) -> collections.Counter:
    """Words of names, places and streets from the raw gazetteer files, so
    that frequent Belgian names and places get whole-word tokens."""
    import os
    g = os.path.join(data_dir, "gazetteers")
    cnt: collections.Counter = collections.Counter()

    def add(s, w):
        for t, _, _ in pre_tokenize(s):
            cnt[t] += w

    try:
        with open(os.path.join(g, "faker_statbel.json"), encoding="utf-8") as f:
            fk = json.load(f)

        def walk(x):
            if isinstance(x, dict):
                for k, v in x.items():
                    if isinstance(v, (int, float)) and not isinstance(v, bool):
                        add(k, int(min(200, max(20, v / 50))))
                    else:
                        walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
            elif isinstance(x, str) and "{{" not in x and "#" not in x:
                add(x, 20)
        walk(fk)
    except OSError:
        pass
    lists = [("belgian-deduce/names/lst_surname/items.txt", 10),
             ("belgian-deduce/names/lst_first_name/items.txt", 2),
             ("belgian-deduce/locations/lst_street/items.txt", 2),
             ("belgian-deduce/locations/lst_placename/lst_municipality/items.txt", 30),
             ("belgian-deduce/locations/lst_placename/lst_postal_locality/items.txt", 10),
             ("belgian-deduce/institutions/lst_hospital/items.txt", 5)]
    for rel, w in lists:
        try:
            with open(os.path.join(g, rel), encoding="utf-8") as f:
                for line in f:
                    add(line.strip(), w)
        except OSError:
            pass
    return cnt


def build_from_data(data_dir: str, vocab_size: int = 16000, n_synth: int = 3000,
                    max_lines: int = 0, min_char_count: int = 20, log=print) -> WordPiece:
    """Counts words per language from the unlabelled text, the training
    corpora and synthetic documents, balances NL/FR/DE to equal mass, trains."""
    import time
    import data as D

    t0 = time.time()
    per_lang = collections.defaultdict(collections.Counter)
    n = 0
    for lang, line in D.load_text(data_dir):
        per_lang[lang].update(w for w, _, _ in pre_tokenize(line))
        n += 1
        if max_lines and n >= max_lines:
            break
    log(f"wordpiece: {n} text lines counted ({time.time()-t0:.0f}s)")
    for name in D.train_sets():
        try:
            exs = D.load(name, data_dir)
        except Exception as e:  # a missing corpus must not stop the vocab
            log(f"wordpiece: skip {name}: {e}")
            continue
        if max_lines:
            exs = exs[:max_lines]
        for ex in exs:
            per_lang[ex.get("lang", "?")].update(w for w, _, _ in pre_tokenize(ex["text"]))
    if n_synth:
        for ex in D.generate(n_synth, 7, data_dir):
            # synthetic docs: counted 3x (they are the target domain)
            for w, _, _ in pre_tokenize(ex["text"]):
                per_lang[ex.get("lang", "?")][w] += 3
    gaz = gazetteer_counts(data_dir)
    log(f"wordpiece: {len(gaz)} gazetteer words")
    sizes = {l: sum(c.values()) for l, c in per_lang.items()}
    log(f"wordpiece: words per language {sizes} ({time.time()-t0:.0f}s)")
    main = [l for l in ("nl", "fr", "de") if sizes.get(l)]
    target = max(sizes[l] for l in main) if main else 1
    total: collections.Counter = collections.Counter()
    for l, c in per_lang.items():
        scale = target / sizes[l] if l in main else 1.0
        scale = min(scale, 4.0)
        for w, k in c.items():
            total[w] += max(1, int(round(k * scale)))
    total.update(gaz)
    wp = train(total, vocab_size=vocab_size, min_char_count=min_char_count, log=log)
    log(f"wordpiece: done, {len(wp)} tokens ({time.time()-t0:.0f}s)")
    return wp


if __name__ == "__main__":
    import argparse
    import os
    ap = argparse.ArgumentParser()
    import data as D
    ap.add_argument("--data-dir", default=D.default_data_dir())
    ap.add_argument("--out", required=True, help="vocab.txt path (tokenizer.json written next to it)")
    ap.add_argument("--vocab-size", type=int, default=16000)
    ap.add_argument("--synth", type=int, default=3000)
    ap.add_argument("--max-lines", type=int, default=0)
    a = ap.parse_args()
    wp = build_from_data(a.data_dir, a.vocab_size, a.synth, a.max_lines)
    wp.save_vocab(a.out)
    wp.save_tokenizer_json(os.path.join(os.path.dirname(os.path.abspath(a.out)), "tokenizer.json"))
