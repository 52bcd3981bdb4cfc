"""Writes smoke_words.json: the recipe's Python tokenizer's words (start, end,
piece ids; code points) for Unicode edge cases and testdata/documents,
with the smoke model's tokenizer. TestTokenizerMatchesPython compares.

    cd models/train && /usr/bin/python3 ../../ner/testdata/smoke_words.py
"""
import glob
import json
import sys

sys.path.insert(0, '.')
import wordpiece as W  # noqa: E402

wp = W.WordPiece.load('../testdata/smoke/tokenizer.json')
texts = [
    "Coördinatie Müller €250 Françoise d'Harveng, Hauptstraße 5\r\n4700 Eupen.",
    "\ufeffBOM at start", "tab\tsep\u00a0nbsp\u202fnarrow\u2009thin\u3000ideo",
    "soft\u00adhyphen zero\u200bwidth joiner\u200d non\u200cjoiner", "emoji 😀📄 👍🏽 flags 🇧🇪",
    "CJK 東京都 한국어 ひらがな", "combining e\u0301 o\u0308 Zoe\u0308", "controls \x00\x01\x07\x1b\x7f\x85 end",
    "Ελληνικά Русский العربية עברית", "x" * 150 + " short", "a" * 100 + " " + "b" * 101,
    "«guillemets» „Anführungszeichen“ ‚einfach‘ — – … • § ° ± × ÷ µ ¼ ² ³",
    "1.234,56 EUR; BE71 0961 2345 6769; 85.07.30-033.28; +32 (0)2 646 12 80",
    "Straße STRASSE ǅ ǈ ĳ Ĳ ſ ß ẞ", "\ufffd replacement \ufffd", "line1\u2028line2\u2029para\x0bvt\x0cff",
    "mixed\r\n\r\nCRLF\n\nLF\rCR", "private \ue000 use \U000f0000", "unassigned \u0378 \U000e0080",
]
for f in sorted(glob.glob('../../testdata/documents/*.txt')):
    texts.append(open(f, encoding='utf-8').read())
out = []
for t in texts:
    ids, offs, widx = wp.encode(t, add_special=False)
    words = []
    for i, (s, e) in enumerate(offs):
        if i == 0 or widx[i] != widx[i - 1]:
            words.append([s, e, [ids[i]]])
        else:
            words[-1][1] = e
            words[-1][2].append(ids[i])
    out.append({"text": t, "words": words})
with open('../../ner/testdata/smoke_words.json', 'w') as f:
    json.dump(out, f, ensure_ascii=False)
