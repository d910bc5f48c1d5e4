"""Time and peak memory of stage 3's clustering on synthetic corpora of growing size.

    .venv/bin/python bench/cluster_scale.py [--sizes 1000 10000 100000] \
        [--out bench/results/cluster_scale.json]

Each size runs in a fresh Python process (peak RSS is per process), with the default
representation and method and the number of claims chosen automatically, as the notebook does.
Up to ``cluster.EXACT_LIMIT`` statements that is exact average linkage; above it the
bounded-memory branch (MiniBatchKMeans). Memory is the growth of peak RSS during clustering.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_SIZE = """
import json, resource, sys, time
from newsframe import cluster, cluster_eval
statements = cluster_eval.synthetic_statements({n}, n_claims=50)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
found = cluster.cluster_statements(statements)
seconds = time.perf_counter() - started
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
json.dump({{"statements": {n}, "method": found.method, "n_claims": found.n_claims,
           "seconds": round(seconds, 1), "peak_rss_growth_mb": round(grown)}}, sys.stdout)
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "cluster_scale.json"))
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        done = subprocess.run([sys.executable, "-c", ONE_SIZE.format(n=n)], capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout))
        print(rows[-1], flush=True)
    result = {"data": "synthetic statements (cluster_eval.synthetic_statements, 50 claims, ~20 per document)",
              "representation": "tfidf+context+voice", "rows": rows}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
