"""Stage 2 measured against people: hand labels of the seed statements.

Labels (``tests/data/seed_attributions.csv``) were written by reading the seeds, before the
rules were tuned: one row per body statement, identified by document and the opening words
of its text, with the speaker, speaker group, quote type and stance a reader assigns.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths

SEED_LABELS = paths.ROOT / "tests" / "data" / "seed_attributions.csv"
LABELLED = ("speaker_group", "speaker", "quote", "stance")


def load_labels(path: str | Path = SEED_LABELS) -> pd.DataFrame:
    return pd.read_csv(paths.resolve(path), dtype=str, keep_default_na=False)


def match_labels(statements: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """One row per label of a document in ``statements``: the label, the prediction, the statement id.

    A label must match exactly one statement (same document, text starting with the label's
    text); otherwise the labels no longer fit the segmentation and the error says which.
    """
    rows = []
    for label in labels[labels["doc_id"].isin(statements["doc_id"].unique())].itertuples(index=False):
        in_doc = statements[statements["doc_id"] == label.doc_id]
        hits = in_doc[in_doc["text"].str.startswith(label.text)]
        if len(hits) != 1:
            raise ValueError(f"label {label.doc_id} {label.text!r} matches {len(hits)} statements")
        hit = hits.iloc[0]
        row = {"statement_id": hit["statement_id"], "text": hit["text"]}
        for column in LABELLED:
            row[f"{column} (label)"], row[f"{column} (rules)"] = getattr(label, column), hit[column]
        rows.append(row)
    columns = ["statement_id", "text"] + [f"{c} ({who})" for c in LABELLED for who in ("label", "rules")]
    return pd.DataFrame(rows, columns=columns)


def accuracy(matched: pd.DataFrame) -> pd.DataFrame:
    """Share of labelled statements where the rules agree with the reader, per column; no rows for
    a corpus nobody labelled (not a row of NaN per column)."""
    if matched.empty:
        return pd.DataFrame(columns=["labelled statements", "agree", "accuracy"], index=pd.Index([], name="column"))
    rows = []
    for column in LABELLED:
        agree = matched[f"{column} (label)"] == matched[f"{column} (rules)"]
        rows.append(
            {
                "column": column,
                "labelled statements": len(matched),
                "agree": int(agree.sum()),
                "accuracy": round(float(agree.mean()), 3) if len(matched) else float("nan"),
            }
        )
    return pd.DataFrame(rows).set_index("column")


def disagreements(matched: pd.DataFrame, column: str) -> pd.DataFrame:
    """Statements where the rules and the reader differ on ``column``, for reading."""
    differ = matched[matched[f"{column} (label)"] != matched[f"{column} (rules)"]]
    return differ[["statement_id", f"{column} (label)", f"{column} (rules)", "text"]].set_index("statement_id")
