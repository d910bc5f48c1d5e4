"""Which words set each outlet apart: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 22: every document i is compared with
the rest of the corpus (-i) at once. With y the word counts, n the token totals and a prior
alpha_w = alpha_0 * (corpus count of w / corpus tokens),

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_-iw + a_w) / (n_-i + a_0 - y_-iw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_-iw + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior shrinks the log-odds of rare words toward zero and the z-score divides by their
uncertainty, so a word used twice by one outlet is not over-read the way a raw ratio would.
Only body statements are counted (``statements.text``): headlines, teasers and residue were
removed in stage 1. Tokens: lowercase words (hyphenated words kept whole, a possessive 's
dropped), no pure numbers, no one-letter words, no scikit-learn English stopwords.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

#: Default prior strength: ``None`` means "worth one average document" (corpus tokens divided by
#: the number of documents; about 260 pseudo-tokens on the seeds). Strong enough to damp words
#: seen once or twice, weak enough that a word one outlet repeats still stands out.
ALPHA_0 = None
Z_THRESHOLD = 1.96
TOP_N = 10
COLUMNS = ["doc_id", "term", "count_in_doc", "count_elsewhere", "log_odds", "z", "rank", "significant"]

_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})


def tokenize(text: str, stopwords=ENGLISH_STOP_WORDS) -> list[str]:
    """Lowercase word tokens: 'Fath-360' and 'satellite-guided' stay whole, 'Iran's' -> 'iran'."""
    tokens = []
    for token in _TOKEN.findall(text.translate(_APOSTROPHES).lower()):
        token = token.removesuffix("'s")
        token = token.strip("'-")
        if len(token) < 2 or not re.search(r"[a-z]", token) or token in stopwords:
            continue
        tokens.append(token)
    return tokens


def term_counts(statements: pd.DataFrame) -> pd.DataFrame:
    """Documents x terms count matrix (rows sorted by doc_id, columns alphabetically)."""
    counts = {}
    for doc_id, rows in statements.sort_values(["doc_id", "start"] if "start" in statements else ["doc_id"],
                                               kind="mergesort").groupby("doc_id", sort=True):
        counts[doc_id] = Counter(t for text in rows["text"].fillna("") for t in tokenize(str(text)))
    matrix = pd.DataFrame.from_dict(counts, orient="index").fillna(0).astype(int)
    return matrix.reindex(columns=sorted(matrix.columns)).sort_index().rename_axis(index="doc_id", columns="term")


def prior_strength(counts: pd.DataFrame, alpha_0: float | None = ALPHA_0) -> float:
    """``alpha_0`` as given, or the mean number of tokens per document when it is ``None``."""
    if alpha_0 is not None:
        return float(alpha_0)
    return float(counts.to_numpy().sum()) / max(len(counts), 1)


def log_odds(counts: pd.DataFrame, alpha_0: float | None = ALPHA_0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(delta, z): documents x terms, each document against all the others (see module docstring)."""
    y = counts.to_numpy(dtype=float)
    total = y.sum(axis=0)
    n_total = total.sum()
    if n_total == 0:
        empty = pd.DataFrame(index=counts.index, columns=counts.columns, dtype=float)
        return empty, empty
    alpha = prior_strength(counts, alpha_0) * total / n_total
    a0 = alpha.sum()
    n_i = y.sum(axis=1, keepdims=True)
    y_rest = total - y
    n_rest = n_total - n_i
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y + alpha) / (n_i + a0 - y - alpha))
                 - np.log((y_rest + alpha) / (n_rest + a0 - y_rest - alpha)))
        var = 1.0 / (y + alpha) + 1.0 / (y_rest + alpha)
        z = delta / np.sqrt(var)
    frame = lambda values: pd.DataFrame(values, index=counts.index, columns=counts.columns)
    return frame(delta), frame(z)


def distinctive_terms(statements: pd.DataFrame, top_n: int = TOP_N, alpha_0: float | None = ALPHA_0,
                      z_threshold: float = Z_THRESHOLD, min_count: int = 1) -> pd.DataFrame:
    """``distinctive_terms.csv``: the ``top_n`` terms of each document by z (over-represented
    relative to the rest of the corpus), with ``significant`` = ``|z| >= z_threshold``.

    Sorted by doc_id, then rank (1 = most distinctive); ties in z are broken by term, so the
    order is deterministic. Only terms the document uses at least ``min_count`` times.
    """
    counts = term_counts(statements)
    if counts.empty or len(counts) < 2:
        return pd.DataFrame(columns=COLUMNS)
    delta, z = log_odds(counts, alpha_0)
    total = counts.sum(axis=0)
    rows = []
    for doc_id in counts.index:
        used = counts.loc[doc_id] >= max(min_count, 1)
        table = pd.DataFrame({
            "term": counts.columns[used],
            "count_in_doc": counts.loc[doc_id, used].to_numpy(),
            "count_elsewhere": (total[used] - counts.loc[doc_id, used]).to_numpy(),
            "log_odds": delta.loc[doc_id, used].to_numpy(),
            "z": z.loc[doc_id, used].to_numpy(),
        })
        table = table.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").head(top_n)
        table.insert(0, "doc_id", doc_id)
        table["rank"] = range(1, len(table) + 1)
        rows.append(table)
    result = pd.concat(rows, ignore_index=True)
    result["log_odds"] = result["log_odds"].round(4)
    result["z"] = result["z"].round(3)
    result["significant"] = result["z"].abs() >= z_threshold
    return result[COLUMNS]
