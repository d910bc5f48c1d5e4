"""Benchmark the attribution extractor against PolNeAR's human annotation.

    .venv/bin/python bench/attribution_polnear.py --data ../shared/data/polnear \
        --out bench/results/attribution_polnear.json

Each article's text is split into blocks at line breaks, segmented and attributed with a
codebook that knows no actors (only a generic list of US news outlets), as a new corpus would
be. Every attribution the rules find counts (a statement can hold several, and agentless ones
such as "is expected to" have a cue and content but no source); the sentences of a
multi-sentence quote share one attribution, whose content runs from the first to the last of them.

Scores per role (cue, source, content), with P/R counted over spans:
- exact: predicted (start, end) equals the gold span's (first start, last end), after both are
  stripped of surrounding whitespace and trailing ",.;:".
- overlap (as BBC citron scores PARC 3.0): a predicted span matches a gold span of the same role
  when they share at least one word token (a span with no word, such as a ':' cue, is taken
  by its characters); precision = matched predictions / predictions, recall = matched gold
  spans / gold spans.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsframe.attribution import attribute
from newsframe.codebook import parse_codebook
from newsframe.segment import line_blocks, split_statements
from polnear import ROLES, Article, load_split

ROOT = Path(__file__).resolve().parents[1]
MEDIA = [
    "Associated Press",
    "AP",
    "Reuters",
    "AFP",
    "CNN",
    "Fox News",
    "MSNBC",
    "NBC News",
    "ABC News",
    "CBS News",
    "NPR",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "USA Today",
    "Politico",
    "Breitbart",
    "Huffington Post",
    "BuzzFeed",
    "Bloomberg",
    "The Hill",
    "Axios",
    "BBC",
]
_TOKEN = re.compile(r"\w+")


def predict(article: Article, codebook) -> dict[str, list[tuple[int, int]]]:
    text = article.text
    statements = split_statements(text, line_blocks(text))
    rows = attribute(text, statements, codebook)
    found: dict[tuple, dict[str, tuple[int, int]]] = {}
    for row in rows:
        for a in row["attributions"]:
            found[a["cue_span"]] = {"Source": a["source_span"], "Cue": a["cue_span"], "Content": a["content_span"]}
    for i, row in enumerate(rows):  # sentences of a quotation widen the content of its attribution
        if row["link"] is not None and row["link"] != i and row["cue_span"] in found:
            spans = found[row["cue_span"]]
            start, end = spans["Content"]
            spans["Content"] = (min(start, statements[i][0]), max(end, statements[i][1]))
    return {role: [s[role] for s in found.values() if s[role] and s[role][0] < s[role][1]] for role in ROLES}


def _norm(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",.;:"):
        b -= 1
    return a, b


def _tokens(text: str, pieces) -> set[int]:
    """Start offsets of the word tokens of a span; a span of punctuation only (a ':' cue) is its characters."""
    tokens = {m.start() for a, b in pieces for m in _TOKEN.finditer(text, a, b)}
    return tokens or {i for a, b in pieces for i in range(a, b) if not text[i].isspace()}


def score(articles: list[Article], codebook) -> dict:
    counts = {role: {"pred": 0, "gold": 0, "exact_tp": 0, "overlap_pred_tp": 0, "overlap_gold_tp": 0} for role in ROLES}
    start = time.perf_counter()
    predictions = [predict(article, codebook) for article in articles]
    seconds = time.perf_counter() - start
    for article, predicted in zip(articles, predictions):
        text = article.text
        for role in ROLES:
            gold = article.spans(role)
            pred = predicted[role]
            c = counts[role]
            c["pred"] += len(pred)
            c["gold"] += len(gold)
            gold_exact = {_norm(text, (g.start, g.end)) for g in gold}
            c["exact_tp"] += len({_norm(text, p) for p in pred} & gold_exact)
            gold_tokens = [_tokens(text, g.pieces) for g in gold]
            pred_tokens = [_tokens(text, [p]) for p in pred]
            c["overlap_pred_tp"] += sum(1 for p in pred_tokens if any(p & g for g in gold_tokens))
            c["overlap_gold_tp"] += sum(1 for g in gold_tokens if any(p & g for p in pred_tokens))
    result = {
        "articles": len(articles),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(articles) / seconds, 1),
    }
    for role in ROLES:
        c = counts[role]
        exact_p = c["exact_tp"] / c["pred"] if c["pred"] else 0.0
        exact_r = c["exact_tp"] / c["gold"] if c["gold"] else 0.0
        over_p = c["overlap_pred_tp"] / c["pred"] if c["pred"] else 0.0
        over_r = c["overlap_gold_tp"] / c["gold"] if c["gold"] else 0.0
        result[role.lower()] = {
            "gold": c["gold"],
            "predicted": c["pred"],
            "exact": _prf(exact_p, exact_r),
            "overlap": _prf(over_p, over_r),
        }
    return result


def _prf(p: float, r: float) -> dict:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear"), help="PolNeAR data folder")
    parser.add_argument("--splits", nargs="+", default=["train", "dev"])
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "attribution_polnear.json"))
    args = parser.parse_args(argv)
    codebook = parse_codebook({"media": MEDIA})
    report = {
        "data": "PolNeAR v1.0.0 (first annotator id per article)",
        "matching": "exact offsets after trimming; overlap = at least one shared word token, P/R over spans",
        "reference_overlap_f1_bbc_citron_parc3": {"cue": 76.8, "source": 85.3, "content": 83.3},
        "splits": {},
    }
    for split in args.splits:
        articles = load_split(args.data, split)
        report["splits"][split] = score(articles, codebook)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for split, res in report["splits"].items():
        print(f"{split}: {res['articles']} articles, {res['articles_per_s']} articles/s")
        for role in ("cue", "source", "content"):
            r = res[role]
            print(
                f"  {role:8s} exact P/R/F1 {r['exact']['precision']:5.1f} {r['exact']['recall']:5.1f} {r['exact']['f1']:5.1f}"
                f"   overlap P/R/F1 {r['overlap']['precision']:5.1f} {r['overlap']['recall']:5.1f} {r['overlap']['f1']:5.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
