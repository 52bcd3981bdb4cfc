"""Training and inference speed of the model on this CPU, per precision and
number of torch threads: the measurement behind ``--precision auto`` and
``--threads 0`` of ``pretrain.py`` and ``finetune.py``.

    OPENBLAS_NUM_THREADS=2 python3 bench.py

Random token ids, default model size; a masked-LM step on 32 x 128 pieces (as
pre-training) and on 8 x 512 (its every ``--long-every``-th step), a
labelled step on 16 x 256 pieces (as fine-tuning) and a forward pass without
gradients. Run it on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from model import BertModel, Config, autocast, cpu_has_bf16  # noqa: E402
from pretrain import masked_lm  # noqa: E402


def rate(fn, pieces, repeat):
    for _ in range(2):
        fn()
    t = time.perf_counter()
    for _ in range(repeat):
        fn()
    return pieces * repeat / (time.perf_counter() - t)


def measure(precision, repeat):
    dev = torch.device("cpu")
    torch.manual_seed(0)
    model = BertModel(Config())
    opt = torch.optim.AdamW(model.parameters(), lr=1e-5)
    ids = torch.randint(5, model.c.vocab_size, (32, 128))
    masked = torch.where(torch.rand(ids.shape) < 0.15, ids, torch.full_like(ids, -100))
    long_ids, long_masked = ids.reshape(8, 512), masked.reshape(8, 512)
    ft_ids = torch.randint(5, model.c.vocab_size, (16, 256))
    ft_labels = torch.randint(0, model.c.num_labels, ft_ids.shape)

    def step(loss_of):
        with autocast(dev, precision):
            loss = loss_of()
        opt.zero_grad(set_to_none=True)
        loss.float().backward()
        opt.step()

    def mlm(x=ids, labels=masked):
        return F.cross_entropy(*masked_lm(model, (x, torch.ones_like(x), labels), dev, precision))

    def labelled():
        logits = model(ft_ids, torch.ones_like(ft_ids), torch.zeros_like(ft_ids))
        return F.cross_entropy(logits.float().view(-1, logits.shape[-1]), ft_labels.view(-1))

    def forward():
        with torch.no_grad(), autocast(dev, precision):
            model(ft_ids, torch.ones_like(ft_ids), torch.zeros_like(ft_ids))

    model.train()
    out = {"pretrain": rate(lambda: step(mlm), ids.numel(), repeat),
           "pretrain_long": rate(lambda: step(lambda: mlm(long_ids, long_masked)), ids.numel(), repeat),
           "finetune": rate(lambda: step(labelled), ft_ids.numel(), repeat)}
    model.eval()
    out["forward"] = rate(forward, ft_ids.numel(), repeat)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=6)
    a = ap.parse_args(argv)
    precisions = ["fp32", "bf16"] if cpu_has_bf16() else ["fp32"]
    print(f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}, "
          f"{os.cpu_count()} cores, bf16 native: {cpu_has_bf16()}; pieces per second")
    print("| precision | torch threads | pre-training step | pre-training step (8 x 512) | fine-tuning step | forward |")
    print("|---|---:|---:|---:|---:|---:|")
    for precision in precisions:
        for n in sorted({1, os.cpu_count() or 1}):
            torch.set_num_threads(n)
            r = measure(precision, a.repeat)
            print(f"| {precision} | {n} | {r['pretrain']:.0f} | {r['pretrain_long']:.0f} | {r['finetune']:.0f} | {r['forward']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
