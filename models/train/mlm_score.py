"""Masked-LM loss of pre-trained checkpoints on fixed windows of a run's
corpus, next to the loss of the corpus's unigram distribution: how much the
encoder takes from the context, and whether more pre-training still pays.

    python3 mlm_score.py --run runs/pt2 runs/pt2/pretrained.pt runs/pt2/ckpt.pt

The windows come from ``pretrain.Batcher`` with a seed of their own and the
same whole-word masking as training; scores are fp32 on one thread.
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from model import BertModel, Config  # noqa: E402
from pretrain import Batcher, load_cache, masked_lm  # noqa: E402


def unigram_log_probs(corpus, vocab_size):
    """Add-one log probabilities of every piece in the corpus."""
    counts = sum(np.bincount(ids, minlength=vocab_size) for ids, _ in corpus.values()) + 1.0
    return np.log(counts / counts.sum())


def score(d, corpus, batches, log_p):
    """(model loss, unigram loss, accuracy) in nats per masked piece of the
    checkpoint dict d."""
    model = BertModel(Config.from_json(d["config"]))
    model.load_state_dict(d["model"])
    model.eval()
    b = Batcher(corpus, model.c.vocab_size, seed=12345)
    loss = uni = hits = n = 0.0
    with torch.no_grad():
        for _ in range(batches):
            logits, tgt = masked_lm(model, b.batch(32, 128), torch.device("cpu"), "fp32")
            loss += F.cross_entropy(logits, tgt, reduction="sum").item()
            uni -= log_p[tgt.numpy()].sum()
            hits += (logits.argmax(-1) == tgt).sum().item()
            n += len(tgt)
    return loss / n, uni / n, hits / n


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", required=True, help="run directory with pretrain_ids.npz")
    ap.add_argument("--batches", type=int, default=15, help="batches of 32 x 128 pieces")
    ap.add_argument("checkpoints", nargs="+", help="pretrained.pt or ckpt.pt files")
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    corpus = load_cache(os.path.join(a.run, "pretrain_ids.npz"))
    log_p = {}  # by vocabulary size: the checkpoints of one run share it
    for path in a.checkpoints:
        d = torch.load(path, map_location="cpu")
        V = Config.from_json(d["config"]).vocab_size
        if V not in log_p:
            log_p[V] = unigram_log_probs(corpus, V)
        loss, uni, acc = score(d, corpus, a.batches, log_p[V])
        print(f"{path}: masked-LM loss {loss:.3f} (unigram {uni:.3f}) accuracy {acc:.3f}", flush=True)


if __name__ == "__main__":
    main()
