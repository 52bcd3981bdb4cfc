"""Replaced-token detection (ELECTRA, Clark et al. 2020) as a pre-training
objective: a small generator fills the masked pieces with samples of its
masked LM, and the encoder we keep (the discriminator) learns to tell, for
every piece, whether it is the original. It learns from all pieces of a
window, not only the 15 % that are masked, which is why it needs less text
and compute than a masked LM for the same downstream score.

The generator shares the discriminator's embeddings and is shallower
(``gen_layers``); only the discriminator is exported and fine-tuned.
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

from model import BertModel, Config, autocast, gelu

# weight of the detection loss against the generator's masked-LM loss (the
# paper's lambda): the per-piece binary loss is about 50 times smaller
RTD_WEIGHT = 50.0


class Electra(nn.Module):
    def __init__(self, c: Config, gen_layers: int = 1):
        super().__init__()
        self.disc = BertModel(c)
        gc = Config.from_json(dict(c.to_json(), num_hidden_layers=gen_layers))
        self.gen = BertModel(gc)
        for name in ("word_embeddings", "position_embeddings", "token_type_embeddings"):
            setattr(self.gen.bert, name, getattr(self.disc.bert, name))
        h = c.hidden_size
        self.rtd_dense = nn.Linear(h, h)
        self.rtd_out = nn.Linear(h, 1)

    @property
    def c(self):
        return self.disc.c

    def detect_logits(self, h):
        return self.rtd_out(gelu(self.rtd_dense(h))).squeeze(-1)


def corrupt(inp, labels, gen_logits):
    """The discriminator's input and its targets: the original window with
    each masked piece (labels != -100) replaced by a sample of the
    generator's logits for it, and 1.0 where the sample differs from the
    original (a sample that guesses right counts as original)."""
    sel = labels != -100
    with torch.no_grad():
        sampled = torch.multinomial(F.softmax(gen_logits.float(), -1), 1).squeeze(-1)
        original = torch.where(sel, labels, inp)
        corrupted = original.clone()
        corrupted[sel] = sampled
    return corrupted, (corrupted != original).float()


def detection(model: Electra, batch, gen_logits, dev, precision):
    """Detection loss (fp32) and accuracy of the discriminator on a Batcher
    batch already on dev, its masked pieces filled with samples of
    gen_logits (the generator's logits at those pieces, from
    ``pretrain.masked_lm`` of ``model.gen``)."""
    inp, am, labels = batch
    corrupted, replaced = corrupt(inp, labels, gen_logits)
    with autocast(dev, precision):
        d_logits = model.detect_logits(model.disc.bert(corrupted, am, torch.zeros_like(inp))).float()
    real = am.bool()
    loss = F.binary_cross_entropy_with_logits(d_logits[real], replaced[real])
    acc = ((d_logits[real] > 0).float() == replaced[real]).float().mean()
    return loss, acc
