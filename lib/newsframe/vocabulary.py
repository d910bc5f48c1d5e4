"""Which words set each outlet apart: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 22: every document i is compared with
the rest of the corpus (-i) at once. With y the word counts, n the token totals and a prior
alpha_w = alpha_0 * (corpus count of w / corpus tokens),

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_-iw + a_w) / (n_-i + a_0 - y_-iw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_-iw + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior shrinks the log-odds of rare words toward zero and the z-score divides by their
uncertainty, so a word used twice by one outlet is not over-read the way a raw ratio would.

An outlet uses thousands of words, so a z of 1.96 (p = 0.05) would call about one word in twenty
"significant" by chance alone ("friday"). ``significant`` therefore means over-represented with a
Benjamini-Hochberg false discovery rate of at most ``FDR`` among all the words that outlet uses:
the z-score's two-sided normal p-value, adjusted per outlet (``q_value``).

An outlet's own name ("reuters", "fox", "npr" in their credits and sign-offs) is the most
distinctive thing about it and says nothing about its framing: the words of a unit's name are not
ranked for that unit.
Only body statements are counted (``statements.text``): headlines, teasers and residue were
removed in stage 1. Tokens: lowercase words (hyphenated words kept whole, a possessive 's
dropped), no pure numbers, no one-letter words, no scikit-learn English stopwords.
"""

from __future__ import annotations

import re
from array import array

import numpy as np
import pandas as pd
from scipy import sparse, stats
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

#: Default prior strength: ``None`` means "worth one average document" (corpus tokens divided by
#: the number of documents; about 260 pseudo-tokens on the seeds). Strong enough to damp words
#: seen once or twice, weak enough that a word one outlet repeats still stands out.
ALPHA_0 = None
Z_THRESHOLD = 1.96
#: False discovery rate at which a word counts as distinctive (Benjamini-Hochberg, per outlet).
FDR = 0.05
TOP_N = 10
COLUMNS = [
    "doc_id",
    "term",
    "count_in_doc",
    "count_elsewhere",
    "log_odds",
    "z",
    "p_value",
    "q_value",
    "rank",
    "significant",
]

_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_LETTER = re.compile(r"[a-z]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})


def _normal(token: str, stopwords=ENGLISH_STOP_WORDS) -> str | None:
    """A raw regex token as a term, or None when it is not one (too short, no letter, a stopword)."""
    token = token.removesuffix("'s")
    token = token.strip("'-")
    if len(token) < 2 or not _LETTER.search(token) or token in stopwords:
        return None
    return token


def _lower(text: str) -> str:
    """Typographic apostrophes and hyphens made plain, lowercased (ASCII text needs no mapping)."""
    return text.lower() if text.isascii() else text.translate(_APOSTROPHES).lower()


def tokenize(text: str, stopwords=ENGLISH_STOP_WORDS) -> list[str]:
    """Lowercase word tokens: 'Fath-360' and 'satellite-guided' stay whole, 'Iran's' -> 'iran'."""
    return [t for t in (_normal(raw, stopwords) for raw in _TOKEN.findall(_lower(text))) if t is not None]


def _sparse_counts(statements: pd.DataFrame, by: str = "doc_id") -> tuple[pd.Index, list[str], sparse.csr_matrix]:
    """(units sorted, terms sorted alphabetically, units x terms count matrix in CSR form); a unit
    is a value of column ``by`` (a document, or an outlet).

    One pass over the statements: every token is counted once into (unit, term) cells, so
    memory grows with the number of distinct words per unit, not units x vocabulary."""
    codes, doc_ids = pd.factorize(statements[by], sort=True)
    vocabulary: dict[str, int] = {}
    ids: dict[str, int] = {}  # raw token -> term id, -1 when it is no term (tokens repeat: decide once)
    rows, cols = array("i"), array("i")  # 32-bit: fewer than 2**31 documents and terms
    for code, text in zip(codes.tolist(), statements["text"].fillna("").tolist()):
        if code < 0:
            continue  # no doc_id: groupby would drop it as well
        raw = _TOKEN.findall(_lower(str(text)))
        found = list(map(ids.get, raw))
        if None in found:
            for k, token in enumerate(raw):
                if found[k] is None:
                    term = _normal(token)
                    found[k] = ids[token] = -1 if term is None else vocabulary.setdefault(term, len(vocabulary))
        if -1 in found:
            found = [i for i in found if i >= 0]
        if found:
            cols.extend(found)
            rows.extend([code] * len(found))
    terms = sorted(vocabulary)
    order = np.empty(len(terms), dtype=np.int32)
    order[np.fromiter((vocabulary[t] for t in terms), dtype=np.int64, count=len(terms))] = np.arange(len(terms))
    rows_, cols_ = np.frombuffer(rows, dtype=np.int32), np.frombuffer(cols, dtype=np.int32)
    del rows
    matrix = sparse.csr_matrix(
        (np.ones(len(rows_), dtype=np.int32), (rows_, order[cols_] if len(cols_) else cols_)),
        shape=(len(doc_ids), len(terms)),
        dtype=np.int32,
    )
    matrix.sum_duplicates()
    matrix.sort_indices()
    matrix.data = matrix.data.astype(np.int64)  # counts summed per cell: int64 from here on
    return doc_ids, terms, matrix


def term_counts(statements: pd.DataFrame) -> pd.DataFrame:
    """Documents x terms count matrix (rows sorted by doc_id, columns alphabetically).

    Dense: for inspecting a small corpus. ``distinctive_terms`` works on the sparse counts."""
    doc_ids, terms, matrix = _sparse_counts(statements)
    return pd.DataFrame(matrix.toarray(), index=pd.Index(doc_ids, name="doc_id"), columns=pd.Index(terms, name="term"))


def prior_strength(counts: pd.DataFrame, alpha_0: float | None = ALPHA_0) -> float:
    """``alpha_0`` as given, or the mean number of tokens per document when it is ``None``."""
    if alpha_0 is not None:
        return float(alpha_0)
    return float(counts.to_numpy().sum()) / max(len(counts), 1)


def log_odds(counts: pd.DataFrame, alpha_0: float | None = ALPHA_0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(delta, z): documents x terms, each document against all the others (see module docstring).

    Dense, for a small counts table; ``distinctive_terms`` computes the same numbers only on the
    (document, term) cells with a non-zero count."""
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
    delta, z = _delta_z(y, alpha, a0, n_i, y_rest, n_rest)
    frame = lambda values: pd.DataFrame(values, index=counts.index, columns=counts.columns)
    return frame(delta), frame(z)


def _delta_z(y, alpha, a0, n_i, y_rest, n_rest):
    """Eq. 22 elementwise; the same expression for dense matrices and for vectors of cells."""
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y + alpha) / (n_i + a0 - y - alpha)) - np.log((y_rest + alpha) / (n_rest + a0 - y_rest - alpha))
        var = 1.0 / (y + alpha) + 1.0 / (y_rest + alpha)
        z = delta / np.sqrt(var)
    return delta, z


def _benjamini_hochberg(p: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values within each group (``group`` sorted ascending).

    Vectorised over all groups at once: scipy's ``stats.false_discovery_control`` adjusts one
    family per call, which is a Python loop over 100k documents when documents are the units
    (a test checks both give the same values)."""
    order = np.lexsort((p, group))
    p_sorted, g_sorted = p[order], group[order]
    starts = np.searchsorted(g_sorted, g_sorted, side="left")
    ends = np.searchsorted(g_sorted, g_sorted, side="right")
    rank = np.arange(len(p)) - starts + 1
    scaled = p_sorted * (ends - starts) / rank
    # the running minimum from each group's largest p down: cummin over the reversed order, per group
    running = pd.Series(scaled[::-1]).groupby(g_sorted[::-1]).cummin().to_numpy()[::-1]
    q = np.empty_like(p)
    q[order] = np.minimum(running, 1.0)
    return q


def _own_name(units, terms: list[str], row: np.ndarray, col: np.ndarray) -> np.ndarray:
    """Which (unit, term) cells are a word of the unit's own name."""
    index = {t: i for i, t in enumerate(terms)}
    own = {(r, index[t]) for r, unit in enumerate(units) for t in tokenize(str(unit)) if t in index}
    if not own:
        return np.zeros(len(row), dtype=bool)
    keys = row.astype(np.int64) * max(len(terms), 1) + col
    return np.isin(keys, np.fromiter((r * max(len(terms), 1) + c for r, c in own), dtype=np.int64))


def distinctive_terms(
    statements: pd.DataFrame,
    top_n: int = TOP_N,
    alpha_0: float | None = ALPHA_0,
    fdr: float = FDR,
    min_count: int = 1,
    by: str = "doc_id",
) -> pd.DataFrame:
    """``distinctive_terms.csv``: the ``top_n`` terms of each unit (column ``by``: a document or an
    outlet) by z (over-represented relative to the rest of the corpus), with ``significant`` =
    over-represented (z > 0) at a Benjamini-Hochberg false discovery rate of ``fdr`` among all
    the words the unit uses.

    Sorted by unit, then rank (1 = most distinctive); ties in z are broken by term, so the
    order is deterministic. Only terms the unit uses at least ``min_count`` times.

    Counts are kept sparse (documents x terms in CSR form) and log-odds and z are computed only
    for the cells a document uses, so time and memory grow with the number of tokens, not with
    documents x vocabulary. The arithmetic is the dense formula's, operation for operation.
    """
    columns = [by, *COLUMNS[1:]]
    doc_ids, terms, counts = _sparse_counts(statements, by)
    if counts.shape[0] == 0 or counts.shape[1] == 0 or counts.shape[0] < 2:
        return pd.DataFrame(columns=columns)
    total_count = np.asarray(counts.sum(axis=0)).ravel()  # int64 per term
    total = total_count.astype(float)
    n_total = total.sum()
    prior = float(alpha_0) if alpha_0 is not None else float(counts.data.sum()) / max(counts.shape[0], 1)
    alpha = prior * total / n_total
    a0 = alpha.sum()
    n_i = np.asarray(counts.sum(axis=1)).ravel().astype(float)
    n_rest = n_total - n_i
    row = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    col, count = counts.indices, counts.data
    used = (count >= max(min_count, 1)) & ~_own_name(doc_ids, terms, row, col)
    row, col, count = row[used], col[used], count[used]
    y = count.astype(float)
    delta, z = _delta_z(y, alpha[col], a0, n_i[row], total[col] - y, n_rest[row])
    p_value = 2 * stats.norm.sf(np.abs(np.nan_to_num(z, nan=0.0)))
    q_value = _benjamini_hochberg(p_value, row)  # the family: every word the unit uses
    # per document: z descending (NaN last, as sort_values puts it), then term; keep the first top_n
    missing = np.isnan(z)
    order = np.lexsort((col, -np.where(missing, 0.0, z), missing, row))
    row, col, count, delta, z = row[order], col[order], count[order], delta[order], z[order]
    p_value, q_value = p_value[order], q_value[order]
    starts = np.searchsorted(row, row, side="left")
    rank = np.arange(len(row)) - starts + 1
    keep = rank <= top_n
    row, col, count, delta, z, rank = row[keep], col[keep], count[keep], delta[keep], z[keep], rank[keep]
    p_value, q_value = p_value[keep], q_value[keep]
    result = pd.DataFrame(
        {
            by: np.asarray(doc_ids, dtype=object)[row],
            "term": np.asarray(terms, dtype=object)[col],
            "count_in_doc": count.astype(np.int64),
            "count_elsewhere": (total_count[col] - count).astype(np.int64),
            "log_odds": delta,
            "z": z,
            "p_value": p_value,
            "q_value": q_value,
            "rank": rank.astype(np.int64),
        }
    )
    result["log_odds"] = result["log_odds"].round(4)
    result["z"] = result["z"].round(3)
    result["significant"] = (result["q_value"] <= fdr) & (result["z"] > 0)
    result["p_value"] = result["p_value"].map(lambda v: float(f"{v:.3g}"))
    result["q_value"] = result["q_value"].map(lambda v: float(f"{v:.3g}"))
    return result[columns]
