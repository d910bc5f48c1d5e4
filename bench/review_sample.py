"""Draw the seeded sample for the hand review of the cleaning (bench/results/real_corpora_review.md).

    .venv/bin/python bench/review_sample.py OUT_DIR [--n 30] [--seed 11]

OUT_DIR is the output folder of a run (``bench/real_corpora.py --keep DIR`` keeps them). Prints,
for a reader, N removed spans (blank residue left out) and N statements drawn with a fixed seed,
each with doc_id, offsets, reason and the text. Nothing is written: the review file holds the
verdicts and short paraphrases, never the third-party text itself.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd


def sample(out: Path, n: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    tables = out / "tables"
    read = lambda name: pd.read_csv(tables / f"{name}.csv", dtype=str, keep_default_na=False)
    removed = read("removed_spans")
    removed = removed[
        ~removed["reason"].isin(["blank residue", "byte-order mark"])
        & (removed["rule"] != "whitespace between statements")
    ]
    statements = read("statements")
    return (
        removed.sample(n, random_state=seed)[["doc_id", "start", "end", "reason", "detail", "text"]],
        statements.sample(n, random_state=seed)[["doc_id", "start", "end", "text"]],
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    removed, statements = sample(Path(args.out), args.n, args.seed)
    for title, frame in (("removed spans", removed), ("statements", statements)):
        print(f"== {title}")
        for i, row in enumerate(frame.itertuples(index=False), start=1):
            print(f"{i:2d}. {row.doc_id} [{row.start}:{row.end}] {getattr(row, 'reason', '')}: {row.text[:300]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
