"""Export a fine-tuned checkpoint to a hugot-loadable model directory:

    model.onnx              inputs input_ids / attention_mask / token_type_ids
                            (int64 [batch, sequence]), output logits
                            [batch, sequence, 9]; plain ops only (allow-list)
    tokenizer.json          HF WordPiece tokenizer
    config.json             HF BERT config (BertForTokenClassification)
    special_tokens_map.json, tokenizer_config.json, vocab.txt
    fixture.json            input ids + expected logits (torch) for the Go side

    python3 export.py --ckpt runs/main/finetuned.pt --vocab runs/main/vocab.txt --out ../belner-ner
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import onnx
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import wordpiece as W  # noqa: E402
from data import BIO  # noqa: E402
from model import ExportWrapper, load_checkpoint  # noqa: E402
from onnx_weights import load_from_onnx, name_initializers  # noqa: E402

# ops the GoMLX (onnx-gomlx) backend and ONNX Runtime both run
ALLOWED_OPS = {
    "Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Erf", "Tanh", "Exp", "Neg",
    "MatMul", "Gemm", "Gather", "Shape", "Concat", "Softmax", "Cast", "Transpose",
    "Squeeze", "Unsqueeze", "Slice", "Reshape", "ReduceMean", "ConstantOfShape",
    "Expand", "Range", "Constant", "Identity", "Where", "Equal", "LayerNormalization",
}

FIXTURE_TEXTS = [
    "Geachte heer Jan Peeters, wonende te Kerkstraat 12, 9000 Gent.",
    "Madame Françoise d'Harveng, rue de l'Église 4 bte 2, 4920 Aywaille, Société wallonne des Eaux (SWDE).",
    "Sehr geehrter Herr Müller, Coördinatie €250 Hauptstraße 5, 4700 Eupen.",
]


def op_types(m: onnx.ModelProto):
    return sorted({n.op_type for n in m.graph.node})


def check_ops(m: onnx.ModelProto):
    bad = [o for o in op_types(m) if o not in ALLOWED_OPS]
    doms = {n.domain for n in m.graph.node} - {"", "ai.onnx"}
    if bad or doms:
        raise SystemExit(f"export: ops outside the allow-list: {bad} domains {sorted(doms)}")


def hf_config(model, wp):
    c = model.c
    return {
        "architectures": ["BertForTokenClassification"],
        "model_type": "bert",
        "attention_probs_dropout_prob": c.attention_probs_dropout_prob,
        "hidden_act": "gelu",
        "hidden_dropout_prob": c.hidden_dropout_prob,
        "hidden_size": c.hidden_size,
        "initializer_range": 0.02,
        "intermediate_size": c.intermediate_size,
        "layer_norm_eps": c.layer_norm_eps,
        "max_position_embeddings": c.max_position_embeddings,
        "num_attention_heads": c.num_attention_heads,
        "num_hidden_layers": c.num_hidden_layers,
        "pad_token_id": W.PAD_ID,
        "position_embedding_type": "absolute",
        "type_vocab_size": c.type_vocab_size,
        "vocab_size": c.vocab_size,
        "id2label": {str(i): l for i, l in enumerate(BIO)},
        "label2id": {l: i for i, l in enumerate(BIO)},
        "num_labels": len(BIO),
        "torch_dtype": "float32",
    }


def export(model, wp: W.WordPiece, out: str, opset: int = 17, extra_meta=None, log=print):
    os.makedirs(out, exist_ok=True)
    model.eval()
    wrap = ExportWrapper(model).eval()
    ids = torch.tensor([wp.encode(FIXTURE_TEXTS[0])[0]], dtype=torch.long)
    am = torch.ones_like(ids)
    tt = torch.zeros_like(ids)
    path = os.path.join(out, "model.onnx")
    with torch.no_grad():
        torch.onnx.export(
            wrap, (ids, am, tt), path, opset_version=opset,
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"],
            dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                          "attention_mask": {0: "batch", 1: "sequence"},
                          "token_type_ids": {0: "batch", 1: "sequence"},
                          "logits": {0: "batch", 1: "sequence"}},
            do_constant_folding=True,
        )
    om = onnx.load(path)
    name_initializers(om, model)
    om.producer_name = "belner-train"
    if extra_meta:
        for k, v in extra_meta.items():
            e = om.metadata_props.add()
            e.key, e.value = k, str(v)
    onnx.checker.check_model(om)
    check_ops(om)
    onnx.save(om, path)
    log(f"export: {path} ({os.path.getsize(path)/1e6:.1f} MB) opset {opset} ops {op_types(om)}")

    wp.save_tokenizer_json(os.path.join(out, "tokenizer.json"))
    wp.save_vocab(os.path.join(out, "vocab.txt"))
    cfg = hf_config(model, wp)
    with open(os.path.join(out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(cfg, f, indent=2)
    with open(os.path.join(out, "special_tokens_map.json"), "w", encoding="utf-8") as f:
        json.dump({"unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]",
                   "cls_token": "[CLS]", "mask_token": "[MASK]"}, f, indent=2)
    with open(os.path.join(out, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump({"tokenizer_class": "BertTokenizer", "do_lower_case": False,
                   "strip_accents": False, "tokenize_chinese_chars": True,
                   "model_max_length": model.c.max_position_embeddings,
                   "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]",
                   "cls_token": "[CLS]", "mask_token": "[MASK]"}, f, indent=2)

    # numerical check: weights mapped back from the ONNX file reproduce the
    # torch logits, and a fixture for the Go side
    back = load_from_onnx(path, os.path.join(out, "config.json"))
    fixture = []
    maxdiff = 0.0
    with torch.no_grad():
        for t in FIXTURE_TEXTS:
            ids_l, offs, _ = wp.encode(t)
            x = torch.tensor([ids_l])
            a = model(x, torch.ones_like(x), torch.zeros_like(x))
            b = back(x, torch.ones_like(x), torch.zeros_like(x))
            maxdiff = max(maxdiff, float((a - b).abs().max()))
            fixture.append({"text": t, "input_ids": ids_l,
                            "tokens": [wp.itos[i] for i in ids_l],
                            "offsets": [list(o) for o in offs],
                            "logits": np.round(a[0].numpy(), 5).tolist(),
                            "labels": [BIO[i] for i in a[0].argmax(-1).tolist()]})
        # padded batch: padding must not change the real positions' logits
        x0 = torch.tensor([fixture[0]["input_ids"]])
        L = x0.shape[1]
        xp = torch.zeros(1, L + 7, dtype=torch.long)
        xp[0, :L] = x0
        amp = (xp != 0).long()
        pd = model(xp, amp, torch.zeros_like(xp))[0, :L]
        pad_diff = float((pd - model(x0, torch.ones_like(x0), torch.zeros_like(x0))[0]).abs().max())
    if maxdiff > 1e-5 or pad_diff > 1e-3:
        raise SystemExit(f"export: numerical check failed: onnx-weights diff {maxdiff}, padding diff {pad_diff}")
    with open(os.path.join(out, "fixture.json"), "w", encoding="utf-8") as f:
        json.dump({"note": "expected logits (torch, fp32) for input_ids with attention_mask all 1 "
                           "and token_type_ids 0; compare with tolerance 1e-3",
                   "cases": fixture}, f, ensure_ascii=False)
    log(f"export: weights round-trip max diff {maxdiff:.2e}, padding diff {pad_diff:.2e}")
    return path


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--vocab", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--opset", type=int, default=17)
    a = ap.parse_args(argv)
    model, _ = load_checkpoint(a.ckpt)
    wp = W.WordPiece.load(a.vocab)
    export(model, wp, a.out, a.opset)


if __name__ == "__main__":
    main()
