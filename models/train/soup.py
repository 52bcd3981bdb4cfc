"""Averages fine-tuned checkpoints that share one starting point.

Runs fine-tuned from the same weights, on the same data but with other
seeds, land in one basin of the loss, so the mean of their weights (a
"model soup", Wortsman et al. 2022) is a working model too. For the
shipped seventh cycle the mean of two seeds beat both on the dev sets and
on all of ned.testa (docs/model-runtime.md, "Two seeds averaged"). The
result is an ordinary checkpoint for export.py.

    python3 soup.py --ckpt runs/ft10b/finetuned.pt --ckpt runs/ft10c/finetuned.pt --out runs/soup/finetuned.pt
"""

from __future__ import annotations

import argparse
import os

import torch


def average(states: list[dict], weights: list[float] | None = None) -> dict:
    """The weighted mean of state dicts with the same keys and shapes
    (equal weights by default); tensors that are not floating point are
    taken from the first."""
    weights = weights or [1.0] * len(states)
    if len(states) != len(weights) or not states:
        raise ValueError("need one weight per checkpoint, got %d and %d" % (len(states), len(weights)))
    keys = set(states[0])
    for s in states[1:]:
        if set(s) != keys:
            raise ValueError("checkpoints differ in their tensors: %s" % sorted(keys ^ set(s))[:5])
    total = sum(weights)
    out = {}
    for k, first in states[0].items():
        if any(s[k].shape != first.shape for s in states):
            raise ValueError("tensor %s differs in shape: %s" % (k, sorted({tuple(s[k].shape) for s in states})))
        if not first.is_floating_point():
            out[k] = first.clone()
            continue
        out[k] = sum(w / total * s[k].float() for s, w in zip(states, weights)).to(first.dtype)
    return out


def soup(paths: list[str], weights: list[float] | None = None) -> dict:
    """The checkpoint whose weights are the mean of those in paths."""
    loaded = [torch.load(p, map_location="cpu") for p in paths]
    if any(d["config"] != loaded[0]["config"] for d in loaded[1:]):
        raise ValueError("the checkpoints have different model configs: %s" % ", ".join(paths))
    return {"config": loaded[0]["config"], "model": average([d["model"] for d in loaded], weights),
            "soup": [{"checkpoint": p, "step": d.get("step"), "dev_score": d.get("dev_score")}
                     for p, d in zip(paths, loaded)]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ckpt", action="append", required=True, help="a finetuned.pt; give two or more")
    ap.add_argument("--weight", action="append", type=float, help="one per --ckpt (default: equal)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    if len(a.ckpt) < 2:
        ap.error("give at least two --ckpt")
    try:
        d = soup(a.ckpt, a.weight)
    except ValueError as e:
        raise SystemExit("soup: %s" % e)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    torch.save(d, a.out)
    print("soup: %d checkpoints -> %s" % (len(a.ckpt), a.out))


if __name__ == "__main__":
    main()
