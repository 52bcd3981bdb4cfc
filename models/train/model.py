"""BERT encoder in plain PyTorch, exportable to a plain ONNX graph
(Gather, Add, Mul, MatMul, Softmax, Erf, LayerNormalization, ...).

Parameter names follow Hugging Face ``BertForTokenClassification`` /
``BertForMaskedLM`` so a state dict can be mapped to/from HF if ever needed.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from dataclasses import asdict, dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F

from data import BIO


@dataclass
class Config:
    vocab_size: int = 16000
    hidden_size: int = 256
    num_hidden_layers: int = 4
    num_attention_heads: int = 4
    intermediate_size: int = 1024
    max_position_embeddings: int = 512
    type_vocab_size: int = 2
    hidden_dropout_prob: float = 0.1
    attention_probs_dropout_prob: float = 0.1
    layer_norm_eps: float = 1e-12
    pad_token_id: int = 0
    num_labels: int = len(BIO)
    # width of the frozen piece vectors added through a learnt projection
    # (add_static); 0 in every exported model, where fold_static has
    # folded them into word_embeddings
    static_dim: int = 0

    def to_json(self):
        return asdict(self)

    @classmethod
    def from_json(cls, d):
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


def gelu(x):
    # exact GELU via erf: exported as Erf/Mul/Add/Div (no Gelu op)
    return x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))


class LayerNorm(nn.LayerNorm):
    """nn.LayerNorm that also takes bf16 input: torch 1.13's CPU autocast
    leaves layer_norm alone, so a bf16 activation would meet fp32 weights.
    In fp32 (and so in the exported graph) it is plain LayerNormalization."""

    def forward(self, x):
        if x.dtype != self.weight.dtype:
            x = x.to(self.weight.dtype)
        return super().forward(x)


class SelfAttention(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.h = c.num_attention_heads
        self.d = c.hidden_size // c.num_attention_heads
        self.query = nn.Linear(c.hidden_size, c.hidden_size)
        self.key = nn.Linear(c.hidden_size, c.hidden_size)
        self.value = nn.Linear(c.hidden_size, c.hidden_size)
        self.dropout = nn.Dropout(c.attention_probs_dropout_prob)

    def forward(self, x, bias):
        B, T, H = x.shape
        q = self.query(x).view(B, T, self.h, self.d).transpose(1, 2)
        k = self.key(x).view(B, T, self.h, self.d).transpose(1, 2)
        v = self.value(x).view(B, T, self.h, self.d).transpose(1, 2)
        s = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(self.d)) + bias
        p = self.dropout(torch.softmax(s, dim=-1))
        o = torch.matmul(p, v).transpose(1, 2).reshape(B, T, H)
        return o


class Layer(nn.Module):
    """Post-LN BERT layer."""

    def __init__(self, c: Config):
        super().__init__()
        self.attention = SelfAttention(c)
        self.attention_output = nn.Linear(c.hidden_size, c.hidden_size)
        self.attention_ln = LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.intermediate = nn.Linear(c.hidden_size, c.intermediate_size)
        self.output = nn.Linear(c.intermediate_size, c.hidden_size)
        self.output_ln = LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.dropout = nn.Dropout(c.hidden_dropout_prob)

    def forward(self, x, bias):
        a = self.dropout(self.attention_output(self.attention(x, bias)))
        x = self.attention_ln(x + a)
        f = self.dropout(self.output(gelu(self.intermediate(x))))
        return self.output_ln(x + f)


class Encoder(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.c = c
        self.word_embeddings = nn.Embedding(c.vocab_size, c.hidden_size, padding_idx=c.pad_token_id)
        self.position_embeddings = nn.Embedding(c.max_position_embeddings, c.hidden_size)
        self.token_type_embeddings = nn.Embedding(c.type_vocab_size, c.hidden_size)
        self.emb_ln = LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.dropout = nn.Dropout(c.hidden_dropout_prob)
        self.layers = nn.ModuleList([Layer(c) for _ in range(c.num_hidden_layers)])
        if c.static_dim:
            self.static_vectors = nn.Embedding(c.vocab_size, c.static_dim)
            self.static_vectors.weight.requires_grad_(False)
            self.static_proj = nn.Linear(c.static_dim, c.hidden_size, bias=False)

    def forward(self, input_ids, attention_mask, token_type_ids):
        T = input_ids.shape[1]
        pos = torch.arange(T, device=input_ids.device).unsqueeze(0)
        x = self.word_embeddings(input_ids) + self.position_embeddings(pos) + self.token_type_embeddings(token_type_ids)
        if self.c.static_dim:
            x = x + self.static_proj(self.static_vectors(input_ids))
        x = self.dropout(self.emb_ln(x))
        # additive mask [B,1,1,T]; Cast+Sub+Mul, no Where/ReduceSum
        m = attention_mask.to(x.dtype).unsqueeze(1).unsqueeze(2)
        bias = (1.0 - m) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return x


class BertModel(nn.Module):
    """Encoder + MLM head (tied) + token classification head."""

    def __init__(self, c: Config):
        super().__init__()
        self.c = c
        self.bert = Encoder(c)
        self.mlm_dense = nn.Linear(c.hidden_size, c.hidden_size)
        self.mlm_ln = LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.mlm_bias = nn.Parameter(torch.zeros(c.vocab_size))
        self.cls_dropout = nn.Dropout(c.hidden_dropout_prob)
        self.classifier = nn.Linear(c.hidden_size, c.num_labels)
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            m.weight.data.normal_(0.0, 0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            m.bias.data.zero_()
        if isinstance(m, nn.LayerNorm):
            m.weight.data.fill_(1.0)
            m.bias.data.zero_()

    def mlm_logits(self, hidden_sel):
        """hidden_sel: [N, H] hidden states at masked positions."""
        h = self.mlm_ln(gelu(self.mlm_dense(hidden_sel)))
        return F.linear(h, self.bert.word_embeddings.weight, self.mlm_bias)

    def forward(self, input_ids, attention_mask, token_type_ids):
        """Token classification logits [B, T, num_labels]."""
        h = self.bert(input_ids, attention_mask, token_type_ids)
        return self.classifier(self.cls_dropout(h))


class ExportWrapper(nn.Module):
    def __init__(self, m: BertModel):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.m(input_ids, attention_mask, token_type_ids)


def pick_device(name: str = "auto") -> torch.device:
    """The device to train on: "auto" takes a GPU when torch sees one."""
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    dev = torch.device(name)
    if dev.type == "cuda":
        if not torch.cuda.is_available():
            raise SystemExit("--device cuda: torch sees no GPU")
        # TF32 matmuls: fp32 weights and optimiser, tensor-core speed
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    return dev


def cpu_has_bf16() -> bool:
    """Whether the CPU multiplies bf16 natively (AVX512-BF16 or AMX); without
    it torch emulates bf16 and is slower than fp32."""
    try:
        with open("/proc/cpuinfo") as f:
            flags = f.read()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def pick_precision(name: str, dev: torch.device) -> str:
    """ "bf16" or "fp32"; "auto" takes bf16 on a GPU and on a CPU that has it
    (measured here with bench.py: a training step 2 to 3.5 times as fast
    as fp32 with OpenBLAS)."""
    if name == "auto":
        return "bf16" if dev.type == "cuda" or cpu_has_bf16() else "fp32"
    if name not in ("bf16", "fp32"):
        raise SystemExit(f"--precision {name}: want auto, bf16 or fp32")
    return name


def train_threads(threads: int, dev: torch.device, precision: str) -> int:
    """torch threads for training: bf16 matmuls run in oneDNN on torch's own
    threads, so they get every core; fp32 ones run in OpenBLAS, which brings
    its threads, and one torch thread avoids oversubscribing the cores."""
    if threads > 0:
        return threads
    if dev.type == "cpu" and precision == "bf16":
        return os.cpu_count() or 1
    return 1


def autocast(dev: torch.device, precision: str = "bf16"):
    """bf16 autocast (the weights, the optimiser, LayerNorm and the loss stay
    fp32); a no-op for fp32."""
    if precision != "bf16":
        return contextlib.nullcontext()
    return torch.autocast(device_type=dev.type, dtype=torch.bfloat16)


@contextlib.contextmanager
def threads(n: int):
    """Runs the block on n torch threads: fp32 inference (dev evaluation)
    is fastest on one torch thread plus OpenBLAS's, whatever training uses."""
    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def add_static(model: BertModel, vectors: torch.Tensor) -> BertModel:
    """A copy of model whose input also holds frozen vectors of the pieces
    (vectors: [vocab, d], from static.py) through a projection that starts
    at zero, so the copy begins where model is. The projection is shared by
    all pieces: what fine-tuning learns of the labelled pieces reaches the
    pieces that the unlabelled text places beside them."""
    c = Config.from_json({**model.c.to_json(), "static_dim": vectors.shape[1]})
    assert vectors.shape[0] == c.vocab_size, (vectors.shape, c.vocab_size)
    out = BertModel(c)
    out.load_state_dict(model.state_dict(), strict=False)
    out.bert.static_vectors.weight.data.copy_(vectors)
    out.bert.static_proj.weight.data.zero_()
    return out


def fold_static(model: BertModel) -> BertModel:
    """The same function without static vectors: a piece's vector and its
    projection are one row of word_embeddings, so the export keeps its
    graph and size."""
    if not model.c.static_dim:
        return model
    b = model.bert
    c = Config.from_json({**model.c.to_json(), "static_dim": 0})
    out = BertModel(c)
    sd = {k: v for k, v in model.state_dict().items() if "static_" not in k}
    with torch.no_grad():
        extra = b.static_proj(b.static_vectors.weight.float())
        sd["bert.word_embeddings.weight"] = b.word_embeddings.weight.float() + extra
    out.load_state_dict(sd)
    return out


def param_groups(model, lr, head_lr, static_lr=0.0):
    """AdamW groups: no weight decay for biases and LayerNorms; the MLM
    head's learning rate is head_lr and the static projection's static_lr
    ("scale" relative to lr, which follows the schedule)."""
    groups = {}
    for n, p in model.named_parameters():
        if not p.requires_grad:
            continue
        decay = 0.0 if n.endswith("bias") or "ln" in n else 0.01
        scale = head_lr / lr if n.startswith(("mlm_dense.", "mlm_ln.", "mlm_bias")) else 1.0
        if static_lr and n == "bert.static_proj.weight":
            scale = static_lr / lr
        groups.setdefault((decay, scale), []).append(p)
    # decayed first, as pre-training always ordered them: a resumed
    # ckpt.pt's optimiser state must line up group by group
    keys = sorted(groups, key=lambda k: (-k[0], k[1]))
    return [{"params": groups[k], "weight_decay": k[0], "scale": k[1]} for k in keys]


def save_checkpoint(path, model, opt=None, extra=None):
    d = {"config": model.c.to_json(), "model": model.state_dict()}
    if opt is not None:
        d["opt"] = opt.state_dict()
    if extra:
        d.update(extra)
    tmp = path + ".tmp"
    torch.save(d, tmp)
    import os
    os.replace(tmp, path)


def load_checkpoint(path, num_labels=None):
    d = torch.load(path, map_location="cpu")
    return model_of(d), d


def model_of(d) -> BertModel:
    """The model a checkpoint dict ({"config", "model"}) holds."""
    m = BertModel(Config.from_json(d["config"]))
    m.load_state_dict(d["model"])
    return m
