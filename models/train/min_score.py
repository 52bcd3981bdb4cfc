"""Chooses a model's lowest entity score on the dev sets.

The service drops a model span whose score (the mean label probability of
its words' first pieces, ``nerdata.decode_spans``) is below a threshold. The
threshold belongs to the weights, so it is chosen here, on the dev sets of
the checkpoint (CoNLL-2002 ``ned.testa`` and synthetic dev documents) and the
dev splits of ICDAR-Europeana NL and FR, by the mean of their exact-span F1,
and written into the model's ``config.json`` as ``belner_min_score``, which
``ner.Load`` reads. The newspapers are among them because testa and the
synthetic documents alone reward precision: a higher threshold that wins
there loses the recall of OCR text. The model runs once per set; each
threshold only re-decodes.

    python3 min_score.py --model-dir ../belner-ner --data-dir ../../../shared/data
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common_words as CW  # noqa: E402
import data as D  # noqa: E402
import evaluate as E  # noqa: E402
import nerdata as N  # noqa: E402
import places as PL  # noqa: E402

ICDAR_DEV = ["icdar-nl-dev", "icdar-fr-dev"]
THRESHOLDS = [0.0, 0.3, 0.4] + [round(0.5 + 0.05 * i, 2) for i in range(10)]  # 0.50 .. 0.95


def sweep(model, wp, sets, thresholds=THRESHOLDS, common_words=frozenset(), places=frozenset()):
    """{threshold: {set: overall exact F1, "mean": mean}} over the sets,
    decoded with the model's common_words and places."""
    out = {t: {} for t in thresholds}
    for name, (exs, token_level, types) in sets.items():
        texts = [ex["text"] for ex in exs]
        pieces = N.predict_pieces(model, wp, texts)
        for t in thresholds:
            pred = N.decode_documents(pieces, texts, [ex.get("doc") for ex in exs], t, common_words, places)
            out[t][name] = E.score_spans(exs, pred, token_level, types)["overall"]["f1"]
    for t in thresholds:
        out[t]["mean"] = round(sum(out[t][n] for n in sets) / len(sets), 2)
    return out


def dev_sets(data_dir, n_testa, n_synth, n_icdar):
    """The checkpoint's dev sets (evaluate.dev_sets) and the first n_icdar
    sentences of each ICDAR dev split (0 = all, -1 = none)."""
    sets = E.dev_sets(data_dir, n_testa, n_synth)
    for name in ICDAR_DEV if n_icdar >= 0 else ():
        exs, token_level, types = E.load_set(name, data_dir)
        sets[name] = (exs[:n_icdar] if n_icdar else exs, token_level, types)
    return sets


def best(table) -> float:
    """The threshold with the highest mean; the lowest of equals, so that
    no span is dropped without a measured gain."""
    return max(sorted(table), key=lambda t: (table[t]["mean"], -t))


def write_config(model_dir, threshold):
    path = os.path.join(model_dir, "config.json")
    with open(path, encoding="utf-8") as f:
        cfg = json.load(f)
    cfg[E.MIN_SCORE_KEY] = threshold
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cfg, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--data-dir", default=D.default_data_dir())
    ap.add_argument("--dev-testa", type=int, default=1200, help="testa sentences (0 = all), as finetune.py")
    ap.add_argument("--dev-synth", type=int, default=200)
    ap.add_argument("--dev-icdar", type=int, default=0, help="ICDAR dev sentences per language (0 = all, -1 = none)")
    ap.add_argument("--dry-run", action="store_true", help="print the table, leave config.json alone")
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    model, wp = E.load_model_dir(a.model_dir)
    table = sweep(model, wp, dev_sets(a.data_dir, a.dev_testa, a.dev_synth, a.dev_icdar),
                  common_words=CW.load(a.model_dir), places=PL.load(a.model_dir))
    names = [n for n in next(iter(table.values())) if n != "mean"]
    print("min_score  " + "  ".join(names) + "  mean")
    for t, row in table.items():
        print(f"{t:9.2f}  " + "  ".join(f"{row[n]:{len(n)}.2f}" for n in names) + f"  {row['mean']:.2f}")
    choice = best(table)
    print(f"chosen: {choice} (dev mean F1 {table[choice]['mean']:.2f})")
    if not a.dry_run:
        write_config(a.model_dir, choice)
        with open(os.path.join(a.model_dir, "min_score.json"), "w") as f:
            json.dump({"chosen": choice, "table": {str(t): r for t, r in table.items()}}, f, indent=1)
    return choice, table


if __name__ == "__main__":
    main()
