"""Claim clustering against hand labels of one BASIL story (``tests/data/basil_claims.csv``).

    .venv/bin/python bench/claims_basil.py --data ../shared/data/basil --out bench/results/claims_basil.json

The labelled articles are read in place and run through the real stages 1 and 2 (their
sentences joined into paragraphs); each statement takes the label of the BASIL sentence it starts
in. Representations and methods are then compared as on the seeds (``cluster_eval.compare``).
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

import pandas as pd
from newsframe import cluster_eval, cluster_features, paths
from newsframe.clean import clean_corpus
from newsframe.codebook import parse_codebook
from newsframe.corpus import Corpus, Document
from newsframe.statements import extract_statements

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "basil_claims.csv"


def labelled_statements(data: Path, labels: pd.DataFrame) -> pd.DataFrame:
    """Stage-2 statements of the labelled articles, each with the claim of the sentence it starts in."""
    docs, spans = [], {}
    for basil_id in sorted(labels["basil_id"].unique()):
        path = next(iter(glob.glob(str(data / "articles" / "*" / f"{basil_id}.json"))))
        item = json.loads(Path(path).read_text(encoding="utf-8"))
        text, at, index = "", [], 0
        for paragraph in item["body-paragraphs"]:
            for k, sentence in enumerate(paragraph):
                text += "" if k == 0 else " "
                at.append((len(text), index))
                text += sentence
                index += 1
            text += "\n\n"
        spans[basil_id] = at
        docs.append(
            Document(
                basil_id, path, text, "", "utf-8", "txt", title=item.get("title", ""), outlet=item.get("source", "")
            )
        )
    corpus = Corpus(str(data), docs, [])
    body_blocks, _ = clean_corpus(corpus)
    statements = extract_statements(corpus, body_blocks, parse_codebook(None)).statements
    claim = {(r.basil_id, int(r.sentence)): r.claim for r in labels.itertuples()}

    def sentence_of(doc_id, start):
        return max(i for s, i in spans[doc_id] if s <= start)

    statements["claim"] = [
        claim.get((d, sentence_of(d, int(s))), "") for d, s in zip(statements["doc_id"], statements["start"])
    ]
    return statements[statements["claim"].ne("")].reset_index(drop=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "basil"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "claims_basil.json"))
    args = parser.parse_args(argv)
    labels = cluster_eval.load_claim_labels(LABELS)
    statements = labelled_statements(Path(args.data), labels)
    representations = [r for r in cluster_eval.REPRESENTATIONS if not r.startswith("minilm")]
    if cluster_features.semantic_available():
        representations = list(cluster_eval.REPRESENTATIONS)
    table = cluster_eval.compare(statements, representations)
    result = {
        "data": f"{len(statements)} statements of BASIL story f11c2566 (3 outlets), "
        f"{statements['claim'].nunique()} hand-labelled claims ({paths.display(LABELS)})",
        "rows": table.to_dict(orient="records"),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
