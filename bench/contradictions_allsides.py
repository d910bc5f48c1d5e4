"""How many reported contradictions on AllSides are real disagreements between outlets.

    .venv/bin/python bench/contradictions_allsides.py --run OUT [--out bench/results/contradictions_allsides.json]
    .venv/bin/python bench/contradictions_allsides.py --run OUT --show     # print the sample to read

``OUT`` is a finished run on ``../shared/data/allsides/allsides_world.jsonl.gz`` (parameters only,
no codebook). A seeded random sample of ``SAMPLE`` rows of ``contradictions.csv`` (all rows when
fewer) is read by a person and judged; the verdicts are kept in ``bench/allsides_verdicts.csv``
(row key and verdict only: no AllSides text enters the repository). This script joins them to the
sample and writes the counts of the run (stories, claims, contradictions by kind, omissions,
inconsistencies within one outlet) with the share of real disagreements.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pandas as pd
from newsframe import tables

ROOT = Path(__file__).resolve().parents[1]
VERDICTS = ROOT / "bench" / "allsides_verdicts.csv"
SAMPLE = 30
KEY = ["kind", "actor", "claim_id", "outlet_a", "outlet_b", "statement_a", "statement_b"]


def sample(contradictions: pd.DataFrame, n: int = SAMPLE) -> pd.DataFrame:
    return contradictions if len(contradictions) <= n else contradictions.sample(n=n, random_state=0).sort_index()


def load_verdicts(path: Path = VERDICTS) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame(columns=[*KEY, "verdict", "reason"])
    body = "".join(line for line in path.read_text(encoding="utf-8").splitlines(True) if not line.startswith("#"))
    return pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", required=True, help="out folder of a finished AllSides run")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "contradictions_allsides.json"))
    parser.add_argument("--show", action="store_true", help="print the sample to judge instead of writing results")
    args = parser.parse_args(argv)
    read = lambda name: tables.read_table(args.run, name)
    contradictions = read("contradictions").fillna("")
    chosen = sample(contradictions)
    if args.show:
        for row in chosen.itertuples():
            print("\n" + "|".join(str(getattr(row, k)) for k in KEY))
            print("  A:", row.text_a)
            print("  B:", row.text_b)
            print("  ", row.explanation)
        return 0
    documents, claims = read("documents"), read("claims")
    judged = chosen[KEY].merge(load_verdicts(), on=KEY, how="left").fillna("")
    real = int((judged["verdict"] == "real").sum())
    done = int(judged["verdict"].ne("").sum())
    stories = documents.loc[documents["story_id"].fillna("").ne(""), "story_id"]
    result = {
        "data": "AllSides world (allsides_world.jsonl.gz), whole file, parameters only (no codebook)",
        "documents": int(len(documents)),
        "stories": int(stories.nunique()),
        "stories_of_two_or_more_documents": int((stories.value_counts() > 1).sum()),
        "claims": int(len(claims)),
        "statements": int(claims["n_statements"].astype(int).sum()),
        "contradictions": int(len(contradictions)),
        "contradictions_by_kind": {k: int(v) for k, v in contradictions["kind"].value_counts().sort_index().items()},
        "same_outlet_rows": int((contradictions["outlet_a"] == contradictions["outlet_b"]).sum()),
        "omissions": int(len(read("omissions"))),
        "within_outlet": int(len(read("within_outlet"))),
        "sample": len(chosen),
        "judged": done,
        "real": real,
        "share_real": round(real / done, 3) if done else None,
        "verdicts": judged.to_dict(orient="records"),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "verdicts"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
