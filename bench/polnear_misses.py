"""What the attribution rules miss on PolNeAR: the most frequent missed gold cues, and samples.

    .venv/bin/python bench/polnear_misses.py [--split train] [--top 40] [--sample 25] [--seed 0]

A gold attribution is missed when no predicted cue shares a word token with its cue (the
overlap matching of ``attribution_polnear.py``). Cues are counted by their lower-cased words;
each sample shows the sentence-level context with the gold source [S ...], cue [C ...] and
content start marked. ``--false`` lists predicted cues that match no gold cue instead.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution_polnear import MEDIA, _tokens, predict
from newsframe.codebook import parse_codebook
from polnear import load_split

ROOT = Path(__file__).resolve().parents[1]


def _context(text: str, marks: list[tuple[int, int, str]], start: int, end: int) -> str:
    a = max(0, text.rfind("\n", 0, start) + 1, start - 200)
    b = min(len(text), end + 200)
    nl = text.find("\n", end)
    if nl >= 0:
        b = min(b, nl)
    pieces, cursor = [], a
    for s, e, tag in sorted(m for m in marks if a <= m[0] and m[1] <= b):
        if s < cursor:
            continue
        pieces += [text[cursor:s], f"[{tag} ", text[s:e], "]"]
        cursor = e
    pieces.append(text[cursor:b])
    return "".join(pieces).replace("\n", " ")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    parser.add_argument("--split", default="train")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sample", type=int, default=25)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--false", action="store_true", help="show false-positive cues instead of misses")
    args = parser.parse_args(argv)
    codebook = parse_codebook({"media": MEDIA})
    counts: Counter[str] = Counter()
    samples: list[str] = []
    for article in load_split(args.data, args.split):
        text = article.text
        predicted = predict(article, codebook)
        pred_cues = [_tokens(text, [p]) for p in predicted["Cue"]]
        gold = [a for a in article.attributions if "Cue" in a.spans]
        gold_cues = [_tokens(text, a.spans["Cue"].pieces) for a in gold]
        if args.false:
            for span, tokens in zip(predicted["Cue"], pred_cues):
                if not any(tokens & g for g in gold_cues):
                    counts[text[span[0] : span[1]].lower()] += 1
                    samples.append(_context(text, [(*span, "C")], *span))
            continue
        for attribution, tokens in zip(gold, gold_cues):
            if any(tokens & p for p in pred_cues):
                continue
            cue = attribution.spans["Cue"]
            counts[" ".join(text[s:e] for s, e in cue.pieces).lower()] += 1
            marks = [(s, e, "C") for s, e in cue.pieces]
            if "Source" in attribution.spans:
                marks += [(s, e, "S") for s, e in attribution.spans["Source"].pieces]
            if "Content" in attribution.spans:
                marks.append((attribution.spans["Content"].start, attribution.spans["Content"].start, "T>"))
            samples.append(_context(text, marks, cue.start, cue.end))
    total = sum(counts.values())
    print(f"{total} {'false cues' if args.false else 'missed gold cues'} in {args.split}; most frequent:")
    for cue, n in counts.most_common(args.top):
        print(f"  {n:5d}  {100 * n / total:4.1f}%  {cue}")
    print("\nsample:")
    for line in random.Random(args.seed).sample(samples, min(args.sample, len(samples))):
        print(" -", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
