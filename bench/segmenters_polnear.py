"""Compare the sentence segmenters on PolNeAR's news articles (raw and repaired, errors and speed).

    .venv/bin/python bench/segmenters_polnear.py --data ../shared/data/polnear \
        --out bench/results/segmenters_polnear.json

Notebook 02 quotes this result when it justifies the default segmenter. Known-error counts are
the mistakes the repair pass targets (splits after abbreviations, quotation marks on the wrong
side, glued or missed boundaries), counted the same way for every variant.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsframe.segment import compare_segmenters, line_blocks
from polnear import load_split

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    parser.add_argument("--split", default="train")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "segmenters_polnear.json"))
    args = parser.parse_args(argv)
    articles = load_split(Path(args.data), args.split)
    table = compare_segmenters([(a.text, line_blocks(a.text)) for a in articles], repeat=3)
    result = {
        "data": f"PolNeAR v1.0.0, {args.split} split, {len(articles)} articles, blocks = non-blank lines",
        "rows": table.to_dict(orient="records"),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
