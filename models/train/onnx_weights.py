"""Map between torch parameters and the initializers of the exported ONNX graph.

After ``torch.onnx.export`` some initializers carry generated names
(``onnx::MatMul_123``: the transposed weight of a Linear layer). ``name_initializers``
renames every initializer after the torch parameter it holds (``<param>`` or
``<param>#T`` for a transposed copy), so that ``load_from_onnx`` can map a shipped
``model.onnx`` back into the torch model, e.g. to continue fine-tuning from the
released weights.
"""

from __future__ import annotations

import json

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from model import BertModel, Config

TRANSPOSED = "#T"


def name_initializers(onnx_model: onnx.ModelProto, model: torch.nn.Module) -> dict:
    """Rename initializers in place; returns {old: new} for those renamed."""
    params = {n: p.detach().cpu().numpy() for n, p in model.state_dict().items()}
    by_shape = {}
    for n, v in params.items():
        by_shape.setdefault(v.shape, []).append(n)
        if v.ndim == 2:
            by_shape.setdefault(v.T.shape, []).append(n + TRANSPOSED)
    used = set()
    rename = {}
    for init in onnx_model.graph.initializer:
        arr = numpy_helper.to_array(init)
        found = None
        for cand in by_shape.get(arr.shape, []):
            if cand in used:
                continue
            base = cand[:-len(TRANSPOSED)] if cand.endswith(TRANSPOSED) else cand
            ref = params[base].T if cand.endswith(TRANSPOSED) else params[base]
            if ref.dtype == arr.dtype and np.array_equal(ref, arr):
                found = cand
                break
        if found is not None and found != init.name:
            rename[init.name] = found
            used.add(found)
        elif found is not None:
            used.add(found)
    if rename:
        for init in onnx_model.graph.initializer:
            if init.name in rename:
                init.name = rename[init.name]
        for node in onnx_model.graph.node:
            for i, x in enumerate(node.input):
                if x in rename:
                    node.input[i] = rename[x]
        for vi in onnx_model.graph.value_info:
            if vi.name in rename:
                vi.name = rename[vi.name]
    return rename


def load_from_onnx(onnx_path: str, config_path: str | None = None, strict: bool = True) -> BertModel:
    """Builds the torch model from an exported ``model.onnx`` (+ HF ``config.json``).
    Parameters not in the graph (MLM head) keep their fresh initialisation."""
    om = onnx.load(onnx_path)
    if config_path:
        with open(config_path, encoding="utf-8") as f:
            cfg = json.load(f)
        c = Config.from_json(cfg)
        c.num_labels = len(cfg.get("id2label", {})) or c.num_labels
    else:
        raise ValueError("config.json needed")
    model = BertModel(c)
    sd = model.state_dict()
    loaded = set()
    for init in om.graph.initializer:
        name = init.name
        t = name.endswith(TRANSPOSED)
        base = name[:-len(TRANSPOSED)] if t else name
        if base not in sd:
            continue
        arr = numpy_helper.to_array(init)
        if t:
            arr = arr.T
        if tuple(arr.shape) != tuple(sd[base].shape):
            raise ValueError(f"shape mismatch for {base}: {arr.shape} vs {tuple(sd[base].shape)}")
        sd[base] = torch.from_numpy(np.ascontiguousarray(arr))
        loaded.add(base)
    missing = [n for n in sd if n not in loaded and not n.startswith("mlm_")]
    if strict and missing:
        raise ValueError(f"parameters missing from {onnx_path}: {missing}")
    model.load_state_dict(sd)
    model.eval()
    return model
