"""Token-classification fine-tuning.

Starts from the MLM checkpoint (``--init runs/<run>/pretrained.pt``) or from a
shipped model directory (``--init-onnx ../belner-ner``: weights read back from
``model.onnx`` initializers). Trains on the train-licensed corpora
(``corpora.TRAIN_SETS``) and synthetic documents (``synth.generate``), every
document split into windows of <= 256 pieces, every piece labelled (B on the
first piece of an entity, I on the rest).

Model selection: every ``--eval-minutes`` the model is scored on
``conll2002-nl-testa`` (dev; testb is never looked at here) and a synthetic dev
set (seed 1000); the best mean overall F1 is saved as ``finetuned.pt``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

import torch
import numpy as np
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import data as D  # noqa: E402
import evaluate as E  # noqa: E402
import nerdata as N  # noqa: E402
import wordpiece as W  # noqa: E402
from model import (BertModel, Config, add_static, autocast, fold_static, load_checkpoint,  # noqa: E402
                   param_groups, pick_device, pick_precision, save_checkpoint, threads, train_threads)
from pretrain import Batcher, load_cache, log_to, lr_at, masked_lm, prefetch  # noqa: E402

SYNTH_TRAIN_SEED = 1


def build_train(wp, data_dir, n_synth, corpus_names, max_per_corpus, corpus_repeat, log,
                synth_seed=SYNTH_TRAIN_SEED):
    items = []
    stats = {}
    for name in corpus_names:
        try:
            exs = D.load(name, data_dir)
        except FileNotFoundError as e:
            # the smoke data holds a few of the corpora; any other failure
            # (Frog missing, a corpus unknown) stops the run
            log(f"finetune: skip {name}: {e}")
            continue
        if max_per_corpus:
            exs = exs[:max_per_corpus]
        kept = [ex for ex in exs if named_spans_only(ex)]
        if len(kept) < len(exs):
            log(f"finetune: {name}: {len(exs) - len(kept)} examples dropped (a span without capital or digit)")
        exs = kept
        k = 0
        for ex in exs:
            for w in N.encode_example(wp, ex):
                items.append(w)
                k += len(w[0])
        stats[name] = (len(exs), k)
    n_corpus_tokens = sum(v[1] for v in stats.values())
    items = items * corpus_repeat
    if n_synth:
        t0 = time.time()
        exs = D.generate(n_synth, synth_seed, data_dir)
        k = 0
        for ex in exs:
            for w in N.encode_example(wp, ex):
                items.append(w)
                k += len(w[0])
        stats["synthetic"] = (len(exs), k)
        log(f"finetune: {n_synth} synthetic docs generated in {time.time()-t0:.0f}s")
    for k, v in stats.items():
        log(f"finetune: {k}: {v[0]} examples, {v[1]} pieces")
    log(f"finetune: {len(items)} windows, corpus pieces {n_corpus_tokens} (x{corpus_repeat})")
    return items


def named_spans_only(ex) -> bool:
    """Whether every span of a corpus example could be a name. The historic
    OCR corpora label fragments ("tions", "hof", "camp"); decoding drops such
    spans, so learning them only teaches the model to tag common words."""
    return all(N.capital_or_digit(ex["text"][a:b]) for a, b, _ in ex["spans"])


def dev_score(model, wp, dev_sets, log):
    res = {}
    with threads(1):
        for name, (exs, tok, types) in dev_sets.items():
            res[name] = E.eval_examples(model, wp, exs, tok, types)
    msg = " | ".join(f"{n}: F1 {r['overall']['f1']:.1f} (" + " ".join(
        f"{E.SHORT[t]} {r[t]['f1']:.1f}" for t in r if not t.startswith("_") and t != "overall") + ")"
        for n, r in res.items())
    score = sum(r["overall"]["f1"] for r in res.values()) / max(1, len(res))
    log(f"dev: mean F1 {score:.2f} :: {msg}")
    model.train()
    return score, res


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=D.default_data_dir())
    ap.add_argument("--run", required=True)
    ap.add_argument("--init", default=None, help="checkpoint (.pt) to start from")
    ap.add_argument("--init-onnx", default=None, help="model dir (model.onnx + config.json) to start from")
    ap.add_argument("--vocab", default=None, help="default: <run>/vocab.txt")
    ap.add_argument("--synth", type=int, default=20000, help="synthetic training documents")
    ap.add_argument("--synth-seed", type=int, default=SYNTH_TRAIN_SEED)
    ap.add_argument("--best-to-beat", type=float, default=-1.0,
                    help="save finetuned.pt only when the dev score exceeds this (continued training)")
    ap.add_argument("--corpora", default="", help="comma list (default corpora.TRAIN_SETS)")
    ap.add_argument("--corpus-repeat", type=int, default=1)
    ap.add_argument("--max-per-corpus", type=int, default=0)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--warmup", type=float, default=0.05)
    ap.add_argument("--max-tokens", type=int, default=4096, help="pieces per batch")
    ap.add_argument("--max-batch", type=int, default=64, help="windows per batch")
    ap.add_argument("--max-steps", type=int, default=2000)
    ap.add_argument("--time-budget", type=float, default=40.0, help="minutes (stop condition)")
    ap.add_argument("--schedule", choices=["steps", "time"], default="time",
                    help="LR decay over max(step/max_steps, elapsed/time_budget) (time) or steps only")
    ap.add_argument("--eval-minutes", type=float, default=6.0,
                    help="0: no dev evaluation, the last step is kept (chosen later, off the GPU)")
    ap.add_argument("--eval-every", type=int, default=0, help="evaluate every n steps (overrides minutes)")
    ap.add_argument("--dev-testa", type=int, default=1200, help="testa sentences used for selection (0 = all)")
    ap.add_argument("--dev-synth", type=int, default=200)
    ap.add_argument("--mlm-cache", default="", help="pretrain_ids.npz made with the model's vocabulary: "
                    "also train the masked LM, one batch per step")
    ap.add_argument("--mlm-weight", type=float, default=1.0, help="weight of the masked-LM loss")
    ap.add_argument("--mlm-batch", type=int, default=32, help="128-piece windows per masked-LM batch")
    ap.add_argument("--mlm-head-lr", type=float, default=0.0,
                    help="learning rate of the masked-LM head (fresh from ONNX); 0: --lr")
    ap.add_argument("--static", default="", help="piece vectors (.npy, static.py) added through a learnt projection")
    ap.add_argument("--static-lr", type=float, default=3e-4, help="learning rate of the static vectors' projection")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: all cores for bf16 on a CPU, else 1)")
    ap.add_argument("--device", default="auto", help="auto (a GPU when torch sees one), cpu or cuda")
    ap.add_argument("--precision", default="auto", help="auto (bf16 where the hardware has it), bf16 or fp32")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--log-every", type=int, default=20)
    return ap


def main(argv=None):
    a = parser().parse_args(argv)

    torch.manual_seed(a.seed)
    random.seed(a.seed)
    dev = pick_device(a.device)
    precision = pick_precision(a.precision, dev)
    torch.set_num_threads(train_threads(a.threads, dev, precision))
    os.makedirs(a.run, exist_ok=True)
    log = log_to(os.path.join(a.run, "finetune.log"))
    log(f"finetune: device {dev} {precision} threads {torch.get_num_threads()}")
    if a.init_onnx:
        from onnx_weights import load_from_onnx
        model = load_from_onnx(os.path.join(a.init_onnx, "model.onnx"), os.path.join(a.init_onnx, "config.json"))
        wp = W.WordPiece.load(os.path.join(a.init_onnx, "tokenizer.json"))
        log(f"finetune: init from {a.init_onnx}/model.onnx")
    else:
        wp = W.WordPiece.load(a.vocab or os.path.join(a.run, "vocab.txt"))
        if a.init:
            model, _ = load_checkpoint(a.init)
            log(f"finetune: init from {a.init}")
        else:
            model = BertModel(Config(vocab_size=len(wp)))
            log("finetune: random init")
    if a.static:
        model = add_static(model, torch.from_numpy(np.load(a.static)).float())
        log(f"finetune: static piece vectors {a.static} ({model.c.static_dim} wide), projection LR {a.static_lr}")
    c = model.c
    assert c.vocab_size == len(wp), (c.vocab_size, len(wp))
    model.to(dev)

    names = [n for n in (a.corpora.split(",") if a.corpora else D.train_sets()) if n]
    items = build_train(wp, a.data_dir, a.synth, names, a.max_per_corpus, a.corpus_repeat, log, a.synth_seed)
    evaluating = a.eval_every > 0 or a.eval_minutes > 0
    dev_sets = E.dev_sets(a.data_dir, a.dev_testa, a.dev_synth) if evaluating else {}

    opt = torch.optim.AdamW(param_groups(model, a.lr, a.mlm_head_lr or a.lr, a.static_lr if a.static else 0.0), lr=a.lr)
    mlm = None
    if a.mlm_cache:
        batcher = Batcher(load_cache(a.mlm_cache), c.vocab_size, a.seed)
        mlm = prefetch(lambda k: batcher.batch(a.mlm_batch, 128), 0)
        log(f"finetune: masked LM on {a.mlm_cache}, {a.mlm_batch} x 128 pieces a step, weight {a.mlm_weight}")
    model.train()
    best, best_step = a.best_to_beat, 0
    step = 0
    epoch = 0
    t_start = time.time()
    last_eval = time.time()
    budget = a.time_budget * 60
    win = [0, 0.0, 0, time.time(), 0.0]
    done = False
    history = []
    while not done:
        batches = N.make_batches(items, a.max_tokens, a.max_batch, seed=a.seed + epoch)
        for bi in batches:
            if step >= a.max_steps or time.time() - t_start >= budget:
                done = True
                break
            progress = step / a.max_steps
            if a.schedule == "time":
                progress = max(progress, (time.time() - t_start) / budget)
            lr = lr_at(min(progress, 1.0), a.lr, a.warmup)
            for g in opt.param_groups:
                g["lr"] = lr * g["scale"]
            ids, am, tt, labs = N.collate(items, bi)
            win[0] += int(am.sum())
            ids, am, tt, labs = (t.to(dev, non_blocking=True) for t in (ids, am, tt, labs))
            with autocast(dev, precision):
                logits = model(ids, am, tt)
            loss = F.cross_entropy(logits.float().view(-1, logits.shape[-1]), labs.view(-1), ignore_index=-100)
            win[1] += loss.detach()
            if mlm is not None:
                lm = F.cross_entropy(*masked_lm(model, next(mlm), dev, precision))
                win[4] += lm.detach()
                loss = loss + a.mlm_weight * lm
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            win[2] += 1
            if step % a.log_every == 0:
                now = time.time()
                el = now - t_start
                eta = min(budget - el, (a.max_steps - step) * (now - win[3]) / win[2])
                lm = f" mlm {float(win[4])/win[2]:.4f}" if mlm is not None else ""
                log(f"step {step} epoch {epoch} loss {float(win[1])/win[2]:.4f}{lm} lr {lr:.2e} "
                    f"tok/s {win[0]/(now-win[3]):.0f} elapsed {el/60:.1f}m ETA {max(0, eta)/60:.1f}m")
                win = [0, 0.0, 0, now, 0.0]
            due = (a.eval_every and step % a.eval_every == 0) or \
                  (not a.eval_every and evaluating and time.time() - last_eval > a.eval_minutes * 60)
            if due:
                score, res = dev_score(model, wp, dev_sets, log)
                history.append({"step": step, "score": score})
                if score > best:
                    best, best_step = score, step
                    save_checkpoint(os.path.join(a.run, "finetuned.pt"), fold_static(model), None,
                                    {"step": step, "dev": res, "dev_score": score})
                    log(f"finetune: new best {score:.2f} at step {step}")
                last_eval = time.time()
                win[3] = time.time()
        epoch += 1
    if evaluating:
        if not history or history[-1]["step"] != step:
            score, res = dev_score(model, wp, dev_sets, log)
            history.append({"step": step, "score": score})
        else:
            score = history[-1]["score"]
        if score > best:
            best, best_step = score, step
            save_checkpoint(os.path.join(a.run, "finetuned.pt"), fold_static(model), None,
                            {"step": step, "dev": res, "dev_score": score})
        save_checkpoint(os.path.join(a.run, "finetune_last.pt"), fold_static(model), None, {"step": step})
        chosen = f"best dev {best:.2f}"
    else:
        best, best_step = None, step
        save_checkpoint(os.path.join(a.run, "finetuned.pt"), fold_static(model), None, {"step": step})
        chosen = "no dev evaluation, last step kept"
    with open(os.path.join(a.run, "finetune_summary.json"), "w") as f:
        json.dump({"best_score": best, "best_step": best_step, "steps": step, "epochs": epoch,
                   "minutes": (time.time() - t_start) / 60, "history": history}, f, indent=1)
    log(f"finetune: done, {step} steps, {chosen} at step {best_step}, {(time.time()-t_start)/60:.1f} min")


if __name__ == "__main__":
    main()
