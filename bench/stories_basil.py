"""Story grouping against BASIL's events: each ``triplet-uuid`` is one event told by three outlets.

    .venv/bin/python bench/stories_basil.py --data ../shared/data/basil --out bench/results/stories_basil.json

Documents are read in place (title, date, first paragraphs as the lead), grouped by
``newsframe.stories.find_stories`` with its default parameters, and scored by ARI and V-measure
of documents -> stories against the triplets. A small grid around the defaults is recorded as
sensitivity, not used to choose them.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
import time
from pathlib import Path
from unittest import mock

import pandas as pd
from newsframe import nearest, stories
from sklearn.metrics import adjusted_rand_score, v_measure_score

ROOT = Path(__file__).resolve().parents[1]


def load(data: Path) -> pd.DataFrame:
    rows = []
    for path in sorted(glob.glob(str(data / "articles" / "*" / "*.json"))):
        item = json.loads(Path(path).read_text(encoding="utf-8"))
        sentences = [s for paragraph in item.get("body-paragraphs", []) for s in paragraph]
        rows.append(
            {
                "doc_id": Path(path).stem,
                "title": item.get("title", ""),
                "published": item.get("date", ""),
                "status": "ok",
                "lead": " ".join(sentences[: stories.LEAD_STATEMENTS]),
                "event": item["triplet-uuid"],
                "outlet": str(item.get("source", "")).lower(),
            }
        )
    return pd.DataFrame(rows)


def score(docs: pd.DataFrame, **params) -> dict:
    started = time.perf_counter()
    found = stories.find_stories(docs, dict(zip(docs["doc_id"], docs["lead"])), **params)
    seconds = time.perf_counter() - started
    sizes = found.value_counts()
    return {
        **params,
        "stories": int(len(sizes)),
        "largest": int(sizes.max()),
        "singletons": int((sizes == 1).sum()),
        "ARI": round(float(adjusted_rand_score(docs["event"], found)), 3),
        "V-measure": round(float(v_measure_score(docs["event"], found)), 3),
        "seconds": round(seconds, 2),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "basil"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "stories_basil.json"))
    args = parser.parse_args(argv)
    docs = load(Path(args.data))
    if docs.empty:
        sys.exit(f"no BASIL articles under {args.data}/articles")
    default = score(docs)
    grid = [
        score(docs, threshold=t, neighbours=k, window_days=w)
        for t in (0.1, 0.15, 0.2, 0.3)
        for k in (2, 5)
        for w in (3, 7)
    ]
    undated = score(docs.assign(published=""))
    with mock.patch.object(nearest, "EXACT_COMPARISONS", 0):  # what an undated corpus of 10,000+ gets
        undated_candidates = score(docs.assign(published=""))
    result = {
        "data": f"BASIL: {len(docs)} articles, {docs['event'].nunique()} events (triplet-uuid), "
        f"outlets {', '.join(sorted(docs['outlet'].unique()))}",
        "defaults": {
            "threshold": stories.THRESHOLD,
            "neighbours": stories.NEIGHBOURS,
            "window_days": stories.WINDOW_DAYS,
            "lead_statements": stories.LEAD_STATEMENTS,
        },
        "default": default,
        "without_dates": undated,
        "without_dates_candidate_pairs": undated_candidates,
        "sensitivity": grid,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"default": default, "without_dates": undated, "candidates": undated_candidates}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
