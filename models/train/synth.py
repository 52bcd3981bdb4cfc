"""Synthetic Belgian administrative documents (provisional stub; full generator follows)."""
from __future__ import annotations
import json, random, sys

DEFAULT_DATA_DIR = "../shared/data"


def generate(n: int, seed: int, data_dir: str = DEFAULT_DATA_DIR, langs=("nl", "fr", "de")) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = langs[i % len(langs)]
        name = rng.choice(["Jan Peeters", "Marie Dubois", "Hans Müller"])
        text = "Geachte heer %s,\nWij schrijven u vanuit Gent." % name
        s = text.index(name)
        g = text.index("Gent")
        out.append({"text": text, "spans": [[s, s + len(name), "PERSON"], [g, g + 4, "LOCATION"]],
                    "lang": lang, "source": "synth"})
    return out


if __name__ == "__main__":
    print(json.dumps(generate(2, 1), ensure_ascii=False))
