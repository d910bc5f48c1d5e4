"""Time and peak memory of stage 3's clustering on synthetic corpora of growing size.

    .venv/bin/python bench/cluster_scale.py [--sizes 1000 10000 100000] \
        [--out bench/results/cluster_scale.json]

Each size runs in a fresh Python process (peak RSS is per process), with the default
representation and method and the number of claims chosen automatically, as the notebook does.
Up to ``cluster.EXACT_LIMIT`` statements that is exact average linkage; above it the
bounded-memory branch (MiniBatchKMeans). Memory is the growth of peak RSS during clustering.
Each size runs twice: as one story (the whole corpus clustered at once) and split into stories of
about ``STORY_DOCS`` documents (what stage 3 does after ``newsframe.stories``): claims per story.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from newsframe import cluster_features

ROOT = Path(__file__).resolve().parents[1]
#: Documents per synthetic story (about 20 statements each: stories of about 400 statements).
STORY_DOCS = 20
ONE_SIZE = """
import json, resource, sys, time
from newsframe import cluster, cluster_eval
statements = cluster_eval.synthetic_statements({n}, n_claims=50)
docs = sorted(statements["doc_id"].unique())
stories = {{d: f"S{{i // {story_docs}:06d}}" for i, d in enumerate(docs)}} if {story_docs} else None
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
found = cluster.cluster_statements(statements, stories=stories)
seconds = time.perf_counter() - started
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
json.dump({{"statements": {n}, "stories": len(set(stories.values())) if stories else 1, "method": found.method, "n_claims": found.n_claims,
           "seconds": round(seconds, 1), "peak_rss_growth_mb": round(grown)}}, sys.stdout)
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 600_000])
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "cluster_scale.json"))
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        for story_docs in (0, STORY_DOCS):
            done = subprocess.run(
                [sys.executable, "-c", ONE_SIZE.format(n=n, story_docs=story_docs)],
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(json.loads(done.stdout))
            print(rows[-1], flush=True)
    result = {
        "data": "synthetic statements (cluster_eval.synthetic_statements, 50 claims, ~20 per document)",
        "representation": cluster_features.DEFAULT_REPRESENTATION,
        "rows": rows,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
