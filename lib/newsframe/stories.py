"""Stories: which documents tell the same event, found before claims so claims stay within one event.

A corpus gathered from many events (an AllSides export, a news archive) mixes statements about
unrelated things; clustering them together makes claims like "he said". Each document is
represented by its title (counted twice), its lead (first statements) and its capitalised words
(names weigh twice), as sublinear TF-IDF. Two documents are linked when their cosine similarity
is at least ``threshold`` and each is among the other's ``neighbours`` nearest (mutual nearest
neighbours keep a busy week of similar news from chaining into one story). Dated documents are
only compared with documents published within ``window_days`` of them, one day-block at a time,
so the cost grows with the corpus times the documents of a few days, not with its square;
undated documents are compared with all others, in blocks (in a large corpus only with those sharing
one of their strongest words: ``nearest.candidate_pairs``). Stories are the connected components
of the links; a component of more than ``SPLIT_ABOVE`` documents (chained through undated
documents or a busy week) is cut by average linkage at the same threshold. Everything is deterministic: no sampling, ties broken by doc_id.

A corpus gathered around one event (the seeds) comes out as one story when its documents link
up; ``single_story_below`` documents or fewer are always one story (too few to split reliably).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from . import nearest

THRESHOLD = 0.15
NEIGHBOURS = 5
WINDOW_DAYS = 3
LEAD_STATEMENTS = 4
SINGLE_STORY_BELOW = 2
#: Words in more than this share of documents say nothing about which event a document tells,
#: in corpora of at least ``MAX_DF_FROM`` documents (in a small corpus they are the event itself).
MAX_DF = 0.5
MAX_DF_FROM = 50
#: A linked component of more documents than this is split by average linkage (``_split``);
#: above ``SPLIT_LIMIT`` documents it is kept whole (the n x n matrix would not fit).
SPLIT_ABOVE = 100
SPLIT_LIMIT = 10_000
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]+")


def story_text(title: str, lead: str) -> str:
    """What a document is compared by: title twice, lead, and capitalised words (names) once more."""
    title, lead = str(title or ""), str(lead or "")
    names = " ".join(_CAPITALISED.findall(f"{title} . {lead}"))
    return " ".join([title, title, lead, names])


def leads(statements: pd.DataFrame, n: int = LEAD_STATEMENTS) -> dict[str, str]:
    """Each document's first ``n`` statements (by offset), joined."""
    if statements.empty:
        return {}
    ordered = statements.sort_values(["doc_id", "start"], kind="stable")
    first = ordered.groupby("doc_id", sort=False).head(n)
    return first.groupby("doc_id", sort=True)["text"].agg(lambda t: " ".join(map(str, t))).to_dict()


def story_id(doc_ids) -> str:
    """A story's id from its first doc_id: stable when documents of other stories come and go."""
    return "S" + hashlib.sha1(min(doc_ids).encode("utf-8")).hexdigest()[:6]


def _days(published: pd.Series) -> np.ndarray:
    """Days since the epoch for full ISO dates, NaN otherwise (a month or a year is too vague to window)."""
    full = published.fillna("").astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    days = pd.to_datetime(published.where(full), errors="coerce", format="%Y-%m-%d")
    return ((days - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=float)


def _links(
    matrix: sp.csr_matrix, days: np.ndarray, window: int, k: int, threshold: float, doc_rank: np.ndarray
) -> sp.csr_matrix:
    """Each document's nearest neighbours (within ``window`` days when both are dated); equal
    similarities go to the earlier doc_id (``doc_rank``), so the links do not depend on row order."""
    n = matrix.shape[0]
    found = []
    dated = np.flatnonzero(~np.isnan(days))
    undated = np.flatnonzero(np.isnan(days))
    # dated documents: one block per day against the documents of the surrounding days (and undated ones)
    order = dated[np.argsort(days[dated], kind="stable")]
    sorted_days = days[order]
    for day in np.unique(sorted_days):
        rows = order[(sorted_days == day)]
        lo = np.searchsorted(sorted_days, day - window, side="left")
        hi = np.searchsorted(sorted_days, day + window, side="right")
        found.append(nearest.block_pairs(matrix, rows, np.concatenate([order[lo:hi], undated]), threshold))
    found.append(nearest.similar_pairs(matrix, undated, threshold))  # undated: against every document
    rows, cols, values = (np.concatenate([part[i] for part in found]) for i in range(3))
    top = nearest.top_per_row(rows, cols, values, k, threshold, tiebreak=doc_rank)
    return sp.csr_matrix((values[top], (rows[top], cols[top])), shape=(n, n))


def _split(matrix: sp.csr_matrix, members: np.ndarray, threshold: float) -> np.ndarray:
    """A component too large to be one event (chained through near neighbours) cut by average
    linkage: its stories have an average similarity of at least ``threshold``."""
    if len(members) > SPLIT_LIMIT:
        return np.zeros(len(members), dtype=int)
    sub = matrix[members]
    distances = (sub @ sub.T).toarray()  # n x n: worked on in place, no second copy
    np.subtract(1.0, distances, out=distances)
    np.clip(distances, 0.0, 2.0, out=distances)
    np.fill_diagonal(distances, 0.0)
    distances += distances.T
    distances /= 2
    tree = linkage(squareform(distances, checks=False), method="average")
    return fcluster(tree, 1.0 - threshold, criterion="distance") - 1


def find_stories(
    documents: pd.DataFrame,
    lead_texts: dict[str, str] | None = None,
    threshold: float = THRESHOLD,
    neighbours: int = NEIGHBOURS,
    window_days: int = WINDOW_DAYS,
    single_story_below: int = SINGLE_STORY_BELOW,
) -> pd.Series:
    """``story_id`` per readable document (indexed like ``documents``; '' for unreadable ones)."""
    lead_texts = lead_texts or {}
    ok = documents["status"].eq("ok") if "status" in documents else pd.Series(True, index=documents.index)
    readable = documents[ok]
    result = pd.Series("", index=documents.index, dtype=object)
    if readable.empty:
        return result
    doc_ids = readable["doc_id"].astype(str).tolist()
    if len(readable) <= single_story_below:
        result[readable.index] = story_id(doc_ids)
        return result
    texts = [
        story_text(t, lead_texts.get(d, ""))
        for d, t in zip(doc_ids, readable.get("title", pd.Series("", index=readable.index)).fillna("").tolist())
    ]
    try:
        matrix = (
            TfidfVectorizer(
                sublinear_tf=True,
                stop_words="english",
                max_df=MAX_DF if len(texts) >= MAX_DF_FROM else 1.0,
                min_df=1,
                token_pattern=r"(?u)\b\w*[^\W\d_]\w+\b",
            )
            .fit_transform(texts)
            .tocsr()
        )
    except ValueError:  # no words at all
        matrix = sp.csr_matrix((len(texts), 1))
    days = _days(readable.get("published", pd.Series("", index=readable.index)))
    doc_rank = nearest.ranks(doc_ids)
    nearest_links = _links(matrix, days, window_days, neighbours, threshold, doc_rank)
    mutual = nearest_links.minimum(nearest_links.T)
    _, labels = connected_components(mutual, directed=False)
    sizes = np.bincount(labels)
    for big in np.flatnonzero(sizes > SPLIT_ABOVE):
        members = np.flatnonzero(labels == big)
        parts = _split(matrix, members, threshold)
        labels[members[parts > 0]] = labels.max() + 1 + parts[parts > 0]
    members: dict[int, list[str]] = {}
    for label, doc in zip(labels.tolist(), doc_ids):
        members.setdefault(label, []).append(doc)
    ids = {label: story_id(docs) for label, docs in members.items()}
    result[readable.index] = [ids[label] for label in labels.tolist()]
    return result


def with_stories(documents: pd.DataFrame, statements: pd.DataFrame, **params) -> tuple[pd.DataFrame, str]:
    """``documents`` with ``story_id`` and a sentence saying how stories were found."""
    table = documents.copy()
    table["story_id"] = find_stories(table, leads(statements), **params)
    sizes = table.loc[table["story_id"].ne(""), "story_id"].value_counts()
    n_docs = int(sizes.sum())
    if len(sizes) <= 1:
        note = (
            f"All {n_docs:,} readable documents tell one story (`story_id` "
            f"{sizes.index[0] if len(sizes) else ''}), so claims are found across the whole corpus."
        )
    else:
        multi = sizes[sizes > 1]
        note = (
            f"The {n_docs:,} readable documents tell **{len(sizes):,} stories** (events): {len(multi):,} told by "
            f"two or more documents (largest: {int(sizes.iloc[0]):,} documents), {int((sizes == 1).sum()):,} by one "
            "document alone. Documents are linked when their title, lead and names are alike (TF-IDF cosine, mutual "
            "nearest neighbours, within a few days of each other when dated); claims are found within each story."
        )
    return table, note
