"""Masked-LM pre-training of the BERT encoder on unlabelled text.

Text = ``corpora.load_text`` (parliament questions, LibreOffice help, man
pages) + the sentences of the *train* corpora + synthetic documents.
Everything is tokenised once and cached (``pretrain_ids.npz`` in the run dir);
windows of ``--seq-len`` pieces are sampled per language (German is
up-weighted), whole-word masking 15 % (80/10/10). Every ``--long-every``-th step
uses 512-piece sequences so that all position embeddings get trained.

``--objective rtd`` trains by replaced-token detection instead (``electra.py``):
a one-layer generator fills the masks and the encoder learns to spot its
replacements in every piece; ``pretrained.pt`` then holds that encoder.

Resumable: ``ckpt.pt`` in the run dir is written every ``--ckpt-minutes`` and at
the end; re-running the same command continues from it. The learning-rate
schedule follows step/max_steps (linear warm-up and decay); the time budget is
a stop condition (``--schedule time`` makes the schedule follow it instead).
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import data as D  # noqa: E402
import electra  # noqa: E402
import wordpiece as W  # noqa: E402
from model import (BertModel, Config, autocast, param_groups, pick_device,  # noqa: E402
                   pick_precision, save_checkpoint, train_threads)

LANG_WEIGHTS = {"nl": 0.36, "fr": 0.32, "de": 0.32}


def log_to(path):
    f = open(path, "a", encoding="utf-8") if path else None

    def log(*a):
        s = time.strftime("%H:%M:%S ") + " ".join(str(x) for x in a)
        print(s, flush=True)
        if f:
            f.write(s + "\n")
            f.flush()
    return log


def build_corpus(wp: W.WordPiece, data_dir: str, n_synth: int, max_lines: int, log):
    """Returns {lang: (ids uint16, word_start uint8)} with [SEP] between docs."""
    buf = {}

    def add(lang, text):
        if lang not in LANG_WEIGHTS:
            lang = "fr" if lang == "?" else lang
            if lang not in LANG_WEIGHTS:
                return
        ids, offs, widx = wp.encode(text, add_special=False)
        if not ids:
            return
        b = buf.setdefault(lang, ([], []))
        b[0].extend(ids)
        b[0].append(W.SEP_ID)
        st = [1 if not wp.itos[i].startswith("##") else 0 for i in ids]
        b[1].extend(st)
        b[1].append(1)

    t0 = time.time()
    n = 0
    for lang, line in D.load_text(data_dir):
        add(lang, line)
        n += 1
        if max_lines and n >= max_lines:
            break
        if n % 50000 == 0:
            log(f"pretrain: tokenised {n} lines ({time.time()-t0:.0f}s)")
    for name in D.train_sets():
        try:
            exs = D.load(name, data_dir)
        except Exception as e:
            log(f"pretrain: skip corpus {name}: {e}")
            continue
        if max_lines:
            exs = exs[:max_lines]
        for ex in exs:
            add(ex.get("lang", "?"), ex["text"])
    if n_synth:
        for ex in D.generate(n_synth, 11, data_dir):
            add(ex.get("lang", "?"), ex["text"])
    out = {}
    for lang, (ids, st) in buf.items():
        out[lang] = (np.asarray(ids, dtype=np.uint16), np.asarray(st, dtype=np.uint8))
    log("pretrain: corpus pieces " + ", ".join(f"{l}={len(v[0])}" for l, v in out.items())
        + f" ({time.time()-t0:.0f}s)")
    return out


def load_cache(path):
    """The tokenised corpus written by build_corpus's caller: {lang: (ids, word_start)}."""
    z = np.load(path)
    return {k[:-4]: (z[k], z[k[:-4] + "_st"]) for k in z.files if k.endswith("_ids")}


class Batcher:
    def __init__(self, corpus, vocab_size, seed, mask_prob=0.15):
        self.corpus = corpus
        self.langs = [l for l in LANG_WEIGHTS if l in corpus and len(corpus[l][0]) > 600]
        w = np.array([LANG_WEIGHTS[l] for l in self.langs])
        self.w = w / w.sum()
        self.rng = np.random.default_rng(seed)
        self.V = vocab_size
        self.mask_prob = mask_prob

    def batch(self, B, T):
        """B windows of T pieces ([CLS] text [SEP], padded) as (input ids
        with masks, attention mask, MLM labels), all rows at once: on a GPU a
        per-row loop would keep it waiting."""
        n = T - 2
        ids = np.zeros((B, T), dtype=np.int64)
        st = np.zeros((B, T), dtype=np.uint8)
        langs = self.rng.choice(len(self.langs), size=B, p=self.w)
        cols = np.arange(n)
        for li in np.unique(langs):
            rows = np.flatnonzero(langs == li)
            arr, starts = self.corpus[self.langs[li]]
            L = len(arr)
            s = self.rng.integers(0, max(1, L - n), size=len(rows))
            for _ in range(20):  # begin on a word start, at most 20 pieces on
                move = (starts[s] == 0) & (s < L - 1)
                if not move.any():
                    break
                s = s + move
            length = np.minimum(n, L - s)
            idx = np.minimum(s[:, None] + cols, L - 1)
            inside = cols < length[:, None]
            ids[rows, 0] = W.CLS_ID
            ids[rows, 1:1 + n] = np.where(inside, arr[idx], W.PAD_ID)
            ids[rows, 1 + length] = W.SEP_ID
            st[rows, 1:1 + n] = np.where(inside, starts[idx], 0)
        return self.mask(ids, st)

    def mask(self, ids, st):
        """Whole-word masking: each word is chosen with mask_prob, its pieces
        become [MASK] (80 %), a random piece (10 %) or stay (10 %); a row with
        no chosen word gets one masked piece."""
        B, T = ids.shape
        word_id = np.cumsum(st, axis=1)  # same id for pieces of one word
        special = (ids == W.CLS_ID) | (ids == W.SEP_ID) | (ids == W.PAD_ID)
        chosen = self.rng.random((B, T + 1)) < self.mask_prob
        chosen[:, 0] = False
        m = np.take_along_axis(chosen, word_id, axis=1) & ~special
        for b in np.flatnonzero(~m.any(axis=1)):
            cand = np.flatnonzero(~special[b])
            m[b, cand[int(self.rng.integers(len(cand)))]] = True
        labels = np.where(m, ids, -100)
        inp = ids.copy()
        r = self.rng.random((B, T))
        inp[m & (r < 0.8)] = W.MASK_ID
        rnd = m & (r >= 0.8) & (r < 0.9)
        inp[rnd] = self.rng.integers(5, self.V, int(rnd.sum()))
        am = (ids != W.PAD_ID).astype(np.int64)
        return torch.from_numpy(inp), torch.from_numpy(am), torch.from_numpy(labels)


def masked_lm(model, batch, dev, precision):
    """fp32 logits and their targets at the masked positions of a Batcher
    batch (the 16k-way output only where there is something to predict)."""
    inp, am, labels = (t.to(dev, non_blocking=True) for t in batch)
    with autocast(dev, precision):
        h = model.bert(inp, am, torch.zeros_like(inp))
        sel = labels != -100
        logits = model.mlm_logits(h[sel])
    return logits.float(), labels[sel]


def objective_loss(model, objective, batch, dev, precision):
    """The loss to minimise on a batch and the metrics to log (device
    tensors: a .item() per step would stall a GPU). For rtd the masked LM is
    the generator's, and its samples feed the detection loss."""
    batch = tuple(t.to(dev, non_blocking=True) for t in batch)
    logits, tgt = masked_lm(model.gen if objective == "rtd" else model, batch, dev, precision)
    loss = F.cross_entropy(logits, tgt)
    metrics = {"loss": loss.detach(), "mlm_acc": (logits.argmax(-1) == tgt).float().mean()}
    if objective != "rtd":
        return loss, metrics
    rtd_loss, rtd_acc = electra.detection(model, batch, logits.detach(), dev, precision)
    metrics.update(rtd=rtd_loss.detach(), rtd_acc=rtd_acc)
    return loss + electra.RTD_WEIGHT * rtd_loss, metrics


def new_model(c, objective, gen_layers):
    return electra.Electra(c, gen_layers) if objective == "rtd" else BertModel(c)


def batch_shape(step, c, a):
    """(batch size, window) of a step: every long_every-th step trains the
    positions up to 512 with the same number of pieces."""
    if a.long_every and step % a.long_every == a.long_every - 1:
        T = min(512, c.max_position_embeddings)
        return max(1, a.batch * a.seq_len // T), T
    return a.batch, a.seq_len


def prefetch(make, first_step, depth=4):
    """Yields make(step) for first_step, first_step+1, ... made in a thread,
    so that batching overlaps the training step (numpy releases the GIL)."""
    q = queue.Queue(maxsize=depth)

    def work():
        step = first_step
        while True:
            q.put(make(step))
            step += 1

    threading.Thread(target=work, daemon=True).start()
    while True:
        yield q.get()


def lr_at(progress, base, warm):
    if progress < warm:
        return base * progress / warm
    return base * max(0.0, (1 - progress) / (1 - warm)) + base * 0.02


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=D.default_data_dir())
    ap.add_argument("--run", required=True, help="run directory (vocab.txt must be there)")
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--ff", type=int, default=1024)
    ap.add_argument("--max-pos", type=int, default=512)
    ap.add_argument("--seq-len", type=int, default=128)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--long-every", type=int, default=8, help="every n-th step uses 512-piece sequences (0: never)")
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--warmup", type=float, default=0.04)
    ap.add_argument("--max-steps", type=int, default=100000)
    ap.add_argument("--time-budget", type=float, default=60.0, help="minutes (stop condition)")
    ap.add_argument("--schedule", choices=["steps", "time"], default="steps")
    ap.add_argument("--ckpt-minutes", type=float, default=5.0)
    ap.add_argument("--synth", type=int, default=2000)
    ap.add_argument("--max-lines", type=int, default=0)
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: all cores for bf16 on a CPU, else 1)")
    ap.add_argument("--device", default="auto", help="auto (a GPU when torch sees one), cpu or cuda")
    ap.add_argument("--precision", default="auto", help="auto (bf16 where the hardware has it), bf16 or fp32")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--objective", choices=["mlm", "rtd"], default="mlm",
                    help="masked LM, or replaced-token detection with a generator (ELECTRA)")
    ap.add_argument("--gen-layers", type=int, default=1, help="layers of the rtd generator")
    ap.add_argument("--log-every", type=int, default=20)
    ap.add_argument("--cache-only", action="store_true",
                    help="tokenise the corpus into the run's cache and stop (it then travels to a GPU)")
    a = ap.parse_args(argv)

    torch.manual_seed(a.seed)
    dev = pick_device(a.device)
    precision = pick_precision(a.precision, dev)
    torch.set_num_threads(train_threads(a.threads, dev, precision))
    os.makedirs(a.run, exist_ok=True)
    log = log_to(os.path.join(a.run, "pretrain.log"))
    wp = W.WordPiece.load(os.path.join(a.run, "vocab.txt"))

    cache = os.path.join(a.run, "pretrain_ids.npz")
    if os.path.exists(cache):
        corpus = load_cache(cache)
        log("pretrain: corpus from cache " + ", ".join(f"{l}={len(v[0])}" for l, v in corpus.items()))
    else:
        corpus = build_corpus(wp, a.data_dir, a.synth, a.max_lines, log)
        np.savez_compressed(cache, **{f"{l}_ids": v[0] for l, v in corpus.items()},
                            **{f"{l}_st": v[1] for l, v in corpus.items()})
    if a.cache_only:
        return

    ckpt = os.path.join(a.run, "ckpt.pt")
    if os.path.exists(ckpt):
        d = torch.load(ckpt, map_location="cpu")
        c = Config.from_json(d["config"])
        a.objective, a.gen_layers = d.get("objective", "mlm"), d.get("gen_layers", a.gen_layers)
        model = new_model(c, a.objective, a.gen_layers)
        model.load_state_dict(d["model"])
        step, elapsed = d["step"], d["elapsed"]
        log(f"pretrain: resumed at step {step}, {elapsed/60:.1f} min done")
    else:
        c = Config(vocab_size=len(wp), hidden_size=a.hidden, num_hidden_layers=a.layers,
                   num_attention_heads=a.heads, intermediate_size=a.ff,
                   max_position_embeddings=a.max_pos)
        model = new_model(c, a.objective, a.gen_layers)
        d = None
        step, elapsed = 0, 0.0
    nparams = sum(p.numel() for p in model.parameters())
    log(f"pretrain: {a.objective} config {c.to_json()} params {nparams/1e6:.2f}M device {dev} {precision} "
        f"threads {torch.get_num_threads()}")
    model.to(dev)
    opt = torch.optim.AdamW(param_groups(model, a.lr, a.lr), lr=a.lr, betas=(0.9, 0.98), eps=1e-6)
    if d is not None and "opt" in d:
        opt.load_state_dict(d["opt"])
    batcher = Batcher(corpus, c.vocab_size, a.seed + step)
    batches = prefetch(lambda k: batcher.batch(*batch_shape(k, c, a)), step)
    model.train()
    budget = a.time_budget * 60
    t_start = time.time() - elapsed
    last_ckpt = time.time()
    win_tok, win_t, win_sums, win_n = 0, time.time(), {}, 0
    state = {"objective": a.objective}
    if a.objective == "rtd":
        state["gen_layers"] = a.gen_layers
    while True:
        elapsed = time.time() - t_start
        if step >= a.max_steps or elapsed >= budget:
            break
        # the LR schedule follows steps (CPU may be shared: wall time is a stop
        # condition only); --schedule time makes it follow the time budget
        progress = step / a.max_steps if a.schedule == "steps" else max(step / a.max_steps, elapsed / budget)
        lr = lr_at(progress, a.lr, a.warmup)
        for g in opt.param_groups:
            g["lr"] = lr
        batch = next(batches)
        loss, metrics = objective_loss(model, a.objective, batch, dev, precision)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        win_tok += batch[0].numel()
        for k, v in metrics.items():
            win_sums[k] = win_sums.get(k, 0.0) + v
        win_n += 1
        if step % a.log_every == 0:
            now = time.time()
            tps = win_tok / (now - win_t)
            el = now - t_start
            eta = max(0.0, min(budget - el, (a.max_steps - step) * (now - win_t) / win_n))
            shown = " ".join(f"{k} {float(v)/win_n:.4f}" for k, v in win_sums.items())
            log(f"step {step} {shown} lr {lr:.2e} "
                f"tok/s {tps:.0f} elapsed {el/60:.1f}m ETA {eta/60:.1f}m")
            win_tok, win_t, win_sums, win_n = 0, now, {}, 0
        if time.time() - last_ckpt > a.ckpt_minutes * 60:
            save_checkpoint(ckpt, model, opt, dict(state, step=step, elapsed=time.time() - t_start))
            last_ckpt = time.time()
            log(f"pretrain: checkpoint step {step}")
    save_checkpoint(ckpt, model, opt, dict(state, step=step, elapsed=time.time() - t_start))
    encoder = model.disc if a.objective == "rtd" else model
    save_checkpoint(os.path.join(a.run, "pretrained.pt"), encoder, None, dict(state, step=step))
    log(f"pretrain: done, step {step}, {(time.time()-t_start)/60:.1f} min")


if __name__ == "__main__":
    main()
