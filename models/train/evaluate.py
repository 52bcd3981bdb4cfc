"""Entity-level evaluation (exact span match, seqeval-style micro P/R/F1).

* corpora (CoNLL-2002 Dutch testb, ICDAR Europeana nl/fr test): the model runs
  on the sentence text; predicted character spans are mapped to the original
  tokens (``tokens`` offsets) and compared as (first token, last token, type).
  The corpora know PER/LOC/ORG only: ADDRESS predictions are dropped there,
  MISC is O (PERSON=PER, LOCATION=LOC, ORGANIZATION=ORG).
* synthetic held-out documents (seed 999999, never used in training):
  character spans compared exactly.

By default the model is loaded from the exported ``model.onnx`` initializers
(``onnx_weights.load_from_onnx``) so the shipped weights are what is measured,
and decoded as the service decodes them: at the model's lowest score, with
its common words and places (``min_score.py``, ``common_words.py``,
``places.py``).
Speed is the torch model's tokens/s on this CPU; ONNX Runtime / GoMLX speed is
measured on the Go side.

    python3 evaluate.py --model-dir ../belner-ner --data-dir ../../../shared/data
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common_words as CW  # noqa: E402
import data as D  # noqa: E402
import nerdata as N  # noqa: E402
import places as PL  # noqa: E402
import wordpiece as W  # noqa: E402

TYPES = ["PERSON", "ADDRESS", "ORGANIZATION", "LOCATION"]
CORPUS_TYPES = ["PERSON", "ORGANIZATION", "LOCATION"]
SHORT = {"PERSON": "PER", "ADDRESS": "ADDR", "ORGANIZATION": "ORG", "LOCATION": "LOC"}

DEFAULT_SETS = ["conll2002-nl-testb", "icdar-nl-test", "icdar-fr-test", "synthetic-heldout"]
SYNTH_HELDOUT_SEED = 999999
SYNTH_DEV_SEED = 1000
DEFAULT_MIN_SCORE = 0.5  # ner.DefaultMinScore
MIN_SCORE_KEY = "belner_min_score"  # in config.json, read by ner.MinScore


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2),
            "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def score(gold, pred, types):
    """gold/pred: list (per example) of sets of (a, b, type)."""
    c = {t: [0, 0, 0] for t in types}
    for g, p in zip(gold, pred):
        g = {x for x in g if x[2] in c}
        p = {x for x in p if x[2] in c}
        for x in p & g:
            c[x[2]][0] += 1
        for x in p - g:
            c[x[2]][1] += 1
        for x in g - p:
            c[x[2]][2] += 1
    res = {t: prf(*c[t]) for t in types}
    tot = [sum(c[t][k] for t in types) for k in range(3)]
    res["overall"] = prf(*tot)
    return res


def to_token_spans(spans, tokens):
    out = set()
    for a, b, t in spans:
        idx = [i for i, (s, e) in enumerate(tokens) if s < b and e > a]
        if idx:
            out.add((idx[0], idx[-1], t))
    return out


def eval_examples(model, wp, exs, token_level: bool, types, min_score=0.0, common_words=frozenset(),
                  places=frozenset()):
    texts = [ex["text"] for ex in exs]
    t0 = time.time()
    preds = N.predict_spans(model, wp, texts, min_score=min_score, common_words=common_words, places=places,
                            docs=[ex.get("doc") for ex in exs])
    dt = time.time() - t0
    res = score_spans(exs, preds, token_level, types)
    res["_examples"] = len(exs)
    res["_seconds"] = round(dt, 2)
    return res


def score_spans(exs, preds, token_level: bool, types):
    """Scores predicted character spans against exs: on the original
    tokens for a corpus (token_level), else as exact character spans."""
    gold, pr = [], []
    for ex, p in zip(exs, preds):
        g = [tuple(s) for s in ex["spans"]]
        if token_level:
            gold.append(to_token_spans(g, ex["tokens"]))
            pr.append(to_token_spans(p, ex["tokens"]))
        else:
            gold.append(set(g))
            pr.append(set(p))
    return score(gold, pr, types)


def dev_sets(data_dir, n_testa=1200, n_synth=200):
    """The sets that choose a checkpoint and its lowest score: the first
    n_testa sentences of CoNLL-2002 ned.testa (0 = all) and n_synth
    synthetic dev documents (none with 0)."""
    testa = D.load("conll2002-nl-testa", data_dir)
    if n_testa:
        testa = testa[:n_testa]
    sets = {"conll2002-nl-testa": (testa, True, CORPUS_TYPES)}
    if n_synth:
        sets["synthetic-dev"] = (D.generate(n_synth, SYNTH_DEV_SEED, data_dir), False, TYPES)
    return sets


def load_set(name, data_dir, n_synth=600):
    if name == "synthetic-heldout":
        return D.generate(n_synth, SYNTH_HELDOUT_SEED, data_dir), False, TYPES
    if name == "synthetic-dev":
        return D.generate(n_synth, SYNTH_DEV_SEED, data_dir), False, TYPES
    exs = D.load(name, data_dir)
    # a corpus read from columns is scored on its tokens; sentences labelled
    # from the gazetteers have character spans only
    return exs, bool(exs) and "tokens" in exs[0], CORPUS_TYPES


def speed(model, wp, texts, reps=2):
    """Inference pieces (incl. [CLS]/[SEP]) per second on this CPU, torch:
    (model forward only on pre-tokenised length-sorted batches of <= 8192
    pieces, end to end incl. Python tokenisation and decoding)."""
    encs = sorted((wp.encode(t)[0][:N.WINDOW] for t in texts), key=len)
    n = sum(len(e) for e in encs)
    batches, cur = [], []
    for e in encs:
        if cur and len(e) * (len(cur) + 1) > 8192:
            batches.append(cur)
            cur = []
        cur.append(e)
    if cur:
        batches.append(cur)
    xs = []
    for b in batches:
        T = max(len(e) for e in b)
        x = torch.zeros(len(b), T, dtype=torch.long)
        for i, e in enumerate(b):
            x[i, :len(e)] = torch.tensor(e)
        xs.append(x)
    model.eval()
    with torch.no_grad():
        model(xs[0], (xs[0] != 0).long(), torch.zeros_like(xs[0]))  # warm-up
        t0 = time.time()
        for _ in range(reps):
            for x in xs:
                model(x, (x != 0).long(), torch.zeros_like(x))
        fwd = n * reps / (time.time() - t0)
    t0 = time.time()
    N.predict_pieces(model, wp, texts)
    e2e = n / (time.time() - t0)
    return fwd, e2e


def model_min_score(model_dir) -> float:
    """The lowest entity score the service applies to this model: config.json
    belner_min_score (min_score.py), else the service's default 0.5."""
    with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
        return float(json.load(f).get(MIN_SCORE_KEY, DEFAULT_MIN_SCORE))


def load_model_dir(model_dir):
    from onnx_weights import load_from_onnx
    wp = W.WordPiece.load(os.path.join(model_dir, "tokenizer.json"))
    model = load_from_onnx(os.path.join(model_dir, "model.onnx"), os.path.join(model_dir, "config.json"))
    return model, wp


def markdown(report):
    lines = ["| set | type | P | R | F1 | support |", "|---|---|---:|---:|---:|---:|"]
    for name, res in report["sets"].items():
        for t, v in res.items():
            if t.startswith("_"):
                continue
            lab = "**overall**" if t == "overall" else SHORT.get(t, t) if name.startswith(("conll", "icdar")) else t
            lines.append(f"| {name} | {lab} | {v['precision']:.1f} | {v['recall']:.1f} | {v['f1']:.1f} | {v['support']} |")
    lines.append("")
    lines.append(f"Inference speed (torch fp32, {report['threads']} torch thread + OpenBLAS 2 threads, 2-core machine "
                 f"shared with other jobs): model forward {report['tokens_per_s']:.0f} pieces/s; end to end incl. "
                 f"Python tokenisation and decoding {report.get('tokens_per_s_end_to_end', 0):.0f} pieces/s")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--data-dir", default=D.default_data_dir())
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS))
    ap.add_argument("--n-synth", type=int, default=600)
    ap.add_argument("--limit", type=int, default=0, help="max examples per set (smoke)")
    ap.add_argument("--out", default=None, help="report prefix (default <model-dir>/eval)")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    model, wp = load_model_dir(a.model_dir)
    min_score = model_min_score(a.model_dir)
    common, places = CW.load(a.model_dir), PL.load(a.model_dir)
    report = {"model_dir": os.path.abspath(a.model_dir), "sets": {}, "threads": a.threads, "min_score": min_score,
              "common_words": len(common), "places": len(places),
              "command": " ".join(["python3", "evaluate.py"] + (argv if argv is not None else sys.argv[1:]))}
    speed_texts = None
    for name in a.sets.split(","):
        name = name.strip()
        if not name:
            continue
        exs, tok, types = load_set(name, a.data_dir, a.n_synth)
        if a.limit:
            exs = exs[:a.limit]
        res = eval_examples(model, wp, exs, tok, types, min_score, common, places)
        report["sets"][name] = res
        print(f"{name}: overall F1 {res['overall']['f1']:.2f} "
              + " ".join(f"{SHORT[t]} {res[t]['f1']:.1f}" for t in types), flush=True)
        if speed_texts is None:
            speed_texts = [ex["text"] for ex in exs[:400]]
    if speed_texts:
        fwd, e2e = speed(model, wp, speed_texts)
        report["tokens_per_s"] = round(fwd, 1)
        report["tokens_per_s_end_to_end"] = round(e2e, 1)
    else:
        report["tokens_per_s"] = report["tokens_per_s_end_to_end"] = 0.0
    out = a.out or os.path.join(a.model_dir, "eval")
    with open(out + ".json", "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)
    md = markdown(report)
    with open(out + ".md", "w", encoding="utf-8") as f:
        f.write(md + "\n")
    print(md)
    return report


if __name__ == "__main__":
    main()
