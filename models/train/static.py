"""Static vectors of the vocabulary's pieces, from the unlabelled text.

The masked LM that pre-trains the encoder stops near the unigram plateau on
a CPU (loss about 6.4), so it says little about which pieces occur where. A
skip-gram model (fastText, Debian package ``fasttext``) learns that from the
same pieces in a minute: a surname's pieces lie near other surnames', a
town's near towns'. Fine-tuning adds these vectors to the input through a
projection shared by all pieces (``model.add_static``), and the export folds
them into ``word_embeddings`` (``model.fold_static``): the exported graph and
its size do not change. Tried in one cycle and not kept (docs/model-runtime.md,
"Piece vectors and titles (not kept)").

Input: the pre-training cache of the model's vocabulary (``pretrain.py
--cache-only``: the unlabelled text, the train corpora and synthetic
documents, as piece ids). Output: a float32 array [vocab, dim], each column
scaled to mean 0 and standard deviation 1/sqrt(dim); pieces the text never
holds get zeros.

    python3 static.py --cache runs/w2v/pretrain_ids.npz --vocab ../belner-ner/vocab.txt --out runs/w2v/static.npy
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import wordpiece as W  # noqa: E402
from pretrain import load_cache  # noqa: E402


def write_lines(corpus, path):
    """One line per document of the cache (split at [SEP]), pieces as
    their ids, so that fastText's tokenizer sees them whole."""
    n = 0
    with open(path, "w") as f:
        for ids, _ in corpus.values():
            cuts = np.flatnonzero(ids == W.SEP_ID)
            lo = 0
            for hi in list(cuts) + [len(ids)]:
                if hi > lo:
                    f.write(" ".join(map(str, ids[lo:hi].tolist())))
                    f.write("\n")
                    n += hi - lo
                lo = hi + 1
    return n


def train(text_path, out_prefix, dim, epochs, threads, window):
    fasttext = shutil.which("fasttext")
    if fasttext is None:
        raise SystemExit("static: fastText is missing (apt-get install fasttext)")
    cmd = [fasttext, "skipgram", "-input", text_path, "-output", out_prefix, "-dim", str(dim),
           "-epoch", str(epochs), "-minCount", "3", "-minn", "0", "-maxn", "0", "-ws", str(window),
           "-thread", str(threads), "-verbose", "1"]
    subprocess.run(cmd, check=True)
    return out_prefix + ".vec"


def read_vectors(vec_path, vocab_size, dim):
    out = np.zeros((vocab_size, dim), dtype=np.float32)
    seen = np.zeros(vocab_size, dtype=bool)
    with open(vec_path) as f:
        next(f)
        for line in f:
            parts = line.rstrip().split(" ")
            if not parts[0].isdigit():  # </s>
                continue
            i = int(parts[0])
            out[i] = np.asarray(parts[1:], dtype=np.float32)
            seen[i] = True
    return out, seen


def standardise(v, seen):
    """Each column to mean 0 and standard deviation 1/sqrt(dim) over the
    pieces seen, so that a row's norm is about 1."""
    mu = v[seen].mean(axis=0)
    sd = v[seen].std(axis=0) + 1e-6
    out = np.zeros_like(v)
    out[seen] = (v[seen] - mu) / sd / np.sqrt(v.shape[1])
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", required=True, help="pretrain_ids.npz of the model's vocabulary")
    ap.add_argument("--vocab", required=True, help="the model's vocab.txt or tokenizer.json")
    ap.add_argument("--out", required=True)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args(argv)

    vocab_size = len(W.WordPiece.load(a.vocab))
    with tempfile.TemporaryDirectory() as tmp:
        text = os.path.join(tmp, "pieces.txt")
        n = write_lines(load_cache(a.cache), text)
        print(f"static: {n} pieces, training fastText skip-gram ({a.dim} wide, {a.epochs} epochs)", flush=True)
        vec = train(text, os.path.join(tmp, "vectors"), a.dim, a.epochs, a.threads, a.window)
        v, seen = read_vectors(vec, vocab_size, a.dim)
    np.save(a.out, standardise(v, seen))
    print(f"static: {seen.sum()} of {vocab_size} pieces have vectors -> {a.out}")


if __name__ == "__main__":
    main()
