"""Writes smoke_spans.json: the spans that the recipe's own Python inference
(nerdata.predict_spans: its tokenizer, the torch model read back from
model.onnx, first-piece BIO decoding) finds with the smoke model in texts of
one window. TestPipelineMatchesPython runs the Go pipeline on the same
texts. The smoke model predicts nonsense with small margins: a text is kept
only if every word's top two logits differ by more than 1e-3, so that float
differences between torch and the Go backends cannot flip a label.

    cd models/train && /usr/bin/python3 ../../ner/testdata/smoke_spans.py
"""
import glob
import json
import sys

import torch

sys.path.insert(0, '.')
import nerdata as N  # noqa: E402
import wordpiece as W  # noqa: E402
from onnx_weights import load_from_onnx  # noqa: E402

torch.set_num_threads(1)
smoke = '../testdata/smoke'
model = load_from_onnx(smoke + '/model.onnx', smoke + '/config.json').eval()
wp = W.WordPiece.load(smoke + '/tokenizer.json')

texts = [
    "Geachte heer Jan Peeters, wonende te Kerkstraat 12, 9000 Gent.",
    "Madame Françoise d'Harveng, rue de l'Église 4 bte 2, 4920 Aywaille, Société wallonne des Eaux (SWDE).",
    "Sehr geehrter Herr Müller, Coördinatie €250 Hauptstraße 5, 4700 Eupen.",
    "Aan de heer Tom VERMEULEN\r\nHanswijkvaart 112 bus 4\r\n2800 Mechelen",
]
for f in sorted(glob.glob('../../testdata/documents/*.txt')):
    texts += [p for p in open(f, encoding='utf-8').read().split('\n\n') if p.strip()]

kept = []
with torch.no_grad():
    for t in texts:
        ids, offs, widx = wp.encode(t, add_special=False)
        if not ids or len(ids) > N.WINDOW - 2:
            continue
        x = torch.tensor([[W.CLS_ID] + ids + [W.SEP_ID]])
        logits = model(x, torch.ones_like(x), torch.zeros_like(x))[0, 1:-1]
        first = [i for i in range(len(ids)) if i == 0 or widx[i] != widx[i - 1]]
        top2 = logits[first].topk(2, dim=-1).values
        if (top2[:, 0] - top2[:, 1]).min().item() <= 1e-3:
            continue
        kept.append(t)
spans = N.predict_spans(model, wp, kept)
out = [{"text": t, "spans": [list(s) for s in sp]} for t, sp in zip(kept, spans)]
with open('../../ner/testdata/smoke_spans.json', 'w') as f:
    json.dump(out, f, ensure_ascii=False)
print(f"{len(kept)} of {len(texts)} texts, {sum(len(s) for s in spans)} spans", file=sys.stderr)
