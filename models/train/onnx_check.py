"""A minimal numpy interpreter for the ops in the exported graph, to validate
``model.onnx`` numerically without ONNX Runtime (not installable here).

    python3 onnx_check.py ../belner-ner      # runs fixture.json through the graph
"""

from __future__ import annotations

import json
import math
import os
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def _erf(x):
    # Abramowitz & Stegun 7.1.26 (|err| < 1.5e-7)
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return (s * y).astype(x.dtype)


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


_DT = {1: np.float32, 6: np.int32, 7: np.int64, 9: np.bool_, 11: np.float64}


def run(model: onnx.ModelProto, feeds: dict) -> dict:
    env = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    env.update(feeds)
    for n in model.graph.node:
        x = [env[i] if i else None for i in n.input]
        at = _attrs(n)
        op = n.op_type
        if op == "Add":
            r = x[0] + x[1]
        elif op == "Sub":
            r = x[0] - x[1]
        elif op == "Mul":
            r = x[0] * x[1]
        elif op == "Div":
            r = x[0] / x[1] if np.issubdtype(x[0].dtype, np.floating) else x[0] // x[1]
        elif op == "Pow":
            r = np.power(x[0], x[1]).astype(x[0].dtype)
        elif op == "Sqrt":
            r = np.sqrt(x[0])
        elif op == "Erf":
            r = _erf(x[0])
        elif op == "Tanh":
            r = np.tanh(x[0])
        elif op == "MatMul":
            r = np.matmul(x[0], x[1])
        elif op == "Gather":
            r = np.take(x[0], x[1], axis=at.get("axis", 0))
        elif op == "Shape":
            r = np.array(x[0].shape, dtype=np.int64)
        elif op == "Concat":
            r = np.concatenate(x, axis=at["axis"])
        elif op == "Softmax":
            ax = at.get("axis", -1)
            e = np.exp(x[0] - x[0].max(axis=ax, keepdims=True))
            r = e / e.sum(axis=ax, keepdims=True)
        elif op == "Cast":
            r = x[0].astype(_DT[at["to"]])
        elif op == "Transpose":
            r = np.transpose(x[0], at.get("perm"))
        elif op == "Unsqueeze":
            axes = x[1] if len(x) > 1 and x[1] is not None else at["axes"]
            r = x[0]
            for a in sorted(int(v) if v >= 0 else int(v) + r.ndim + 1 for v in np.atleast_1d(axes)):
                r = np.expand_dims(r, a)
        elif op == "Squeeze":
            axes = x[1] if len(x) > 1 else at.get("axes")
            r = np.squeeze(x[0], axis=tuple(int(a) for a in np.atleast_1d(axes)))
        elif op == "Reshape":
            shp = [int(s) for s in x[1]]
            shp = [x[0].shape[i] if s == 0 else s for i, s in enumerate(shp)]
            r = x[0].reshape(shp)
        elif op == "Constant":
            r = numpy_helper.to_array(at["value"]) if "value" in at else np.array(at.get("value_float", at.get("value_int")))
        elif op == "Range":
            r = np.arange(x[0], x[1], x[2]).astype(x[0].dtype)
        elif op == "Slice":
            starts, ends = x[1], x[2]
            axes = x[3] if len(x) > 3 and x[3] is not None else range(len(starts))
            steps = x[4] if len(x) > 4 and x[4] is not None else [1] * len(starts)
            sl = [slice(None)] * x[0].ndim
            for s, e, a, st in zip(starts, ends, axes, steps):
                sl[int(a)] = slice(int(s), int(e), int(st))
            r = x[0][tuple(sl)]
        elif op == "LayerNormalization":
            ax = at.get("axis", -1)
            eps = at.get("epsilon", 1e-5)
            m = x[0].mean(axis=ax, keepdims=True)
            v = ((x[0] - m) ** 2).mean(axis=ax, keepdims=True)
            r = (x[0] - m) / np.sqrt(v + eps) * x[1] + (x[2] if len(x) > 2 else 0)
        elif op == "ReduceMean":
            axes = at.get("axes", x[1] if len(x) > 1 else None)
            r = x[0].mean(axis=tuple(axes), keepdims=bool(at.get("keepdims", 1)))
        elif op == "Identity":
            r = x[0]
        elif op == "Where":
            r = np.where(x[0], x[1], x[2])
        elif op == "Equal":
            r = x[0] == x[1]
        elif op == "Expand":
            r = x[0] * np.ones([int(s) for s in x[1]], dtype=x[0].dtype)
        elif op == "ConstantOfShape":
            v = numpy_helper.to_array(at["value"]) if "value" in at else np.zeros(1, np.float32)
            r = np.full([int(s) for s in x[0]], v.reshape(-1)[0], dtype=v.dtype)
        else:
            raise NotImplementedError(op)
        env[n.output[0]] = np.asarray(r)
    return {o.name: env[o.name] for o in model.graph.output}


def check_dir(model_dir: str, tol: float = 1e-3) -> float:
    m = onnx.load(os.path.join(model_dir, "model.onnx"))
    with open(os.path.join(model_dir, "fixture.json"), encoding="utf-8") as f:
        fx = json.load(f)
    worst = 0.0
    for case in fx["cases"]:
        ids = np.array([case["input_ids"]], dtype=np.int64)
        out = run(m, {"input_ids": ids, "attention_mask": np.ones_like(ids),
                      "token_type_ids": np.zeros_like(ids)})["logits"]
        exp = np.array(case["logits"], dtype=np.float32)[None]
        if out.shape != exp.shape:
            raise AssertionError(f"logits shape {out.shape} != {exp.shape}")
        worst = max(worst, float(np.abs(out - exp).max()))
    # batch of 2 with padding
    a, b = fx["cases"][0]["input_ids"], fx["cases"][1]["input_ids"]
    T = max(len(a), len(b))
    ids = np.zeros((2, T), dtype=np.int64)
    ids[0, :len(a)] = a
    ids[1, :len(b)] = b
    out = run(m, {"input_ids": ids, "attention_mask": (ids != 0).astype(np.int64),
                  "token_type_ids": np.zeros_like(ids)})["logits"]
    for r, case in enumerate(fx["cases"][:2]):
        L = len(case["input_ids"])
        worst = max(worst, float(np.abs(out[r, :L] - np.array(case["logits"], dtype=np.float32)).max()))
    if worst > tol:
        raise AssertionError(f"ONNX graph differs from torch: max |diff| {worst}")
    return worst


if __name__ == "__main__":
    d = check_dir(sys.argv[1])
    print(f"onnx graph (numpy interpreter) vs torch fixture: max |diff| {d:.2e}")
