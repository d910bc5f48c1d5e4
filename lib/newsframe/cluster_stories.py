"""Stage 3 for a corpus of many stories: the claims of thousands of stories, found in one sweep.

Each story is small (a few to a few hundred statements), so each is still clustered exactly:
average linkage over cosine distances, a short grid of numbers of claims, the best silhouette,
as ``cluster`` does for one story. What would cost more than the clustering itself is done for
all stories together: one pass of the analyser turns every statement into word counts (in
batches of whole stories, so memory stays bounded), each story weighs its counts by its own
TF-IDF (the weights a vectoriser fitted on that story alone would give), and the label words
and the claims table come from array operations over all claims. A story's claims therefore
depend on that story's statements only: adding a document to one story leaves the others alone.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning
from sklearn.preprocessing import normalize

from . import cluster_features

#: Statements (whole stories) turned into vectors at once.
BATCH_ROWS = 20_000


@dataclass(frozen=True)
class StoryClaims:
    labels: np.ndarray  # claim of each statement (rows of ``ordered``), numbered story after story
    claim_story: np.ndarray  # story position of each claim
    representatives: np.ndarray  # per claim: row of the statement closest to its centre
    per_claim: sp.csr_matrix  # claims x words: the claim's statements that use the word
    word_totals: np.ndarray  # statements that use each word, corpus-wide
    words: np.ndarray  # the label words (every token has a letter)
    curves: list[list[tuple[int, float]]]  # per story: (number of claims, silhouette) tried
    edges: int  # stories whose chosen number is the largest tried
    representation: str


class _Counter:
    """Word and phrase counts with a vocabulary that grows batch by batch: the analyser runs once
    per statement, and its columns serve both the vectors and the label words (scikit-learn's
    vectorisers either need the whole corpus at once or, hashing, cannot name their columns)."""

    def __init__(self):
        self.analyse = cluster_features.tfidf_vectorizer(0).build_analyzer()
        self.index: dict[str, int] = {}

    def counts(self, texts: list[str]) -> sp.csr_matrix:
        indices, indptr = [], [0]
        for text in texts:
            indices.extend(self.index.setdefault(token, len(self.index)) for token in self.analyse(text))
            indptr.append(len(indices))
        matrix = sp.csr_matrix(
            (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
            shape=(len(texts), max(len(self.index), 1)),
        )
        matrix.sum_duplicates()
        return matrix

    def words(self) -> np.ndarray:
        words = np.empty(len(self.index), dtype=object)
        for word, column in self.index.items():
            words[column] = word
        return words


def story_tfidf(counts: sp.csr_matrix, story: np.ndarray) -> sp.csr_matrix:
    """Unit rows weighted as ``TfidfVectorizer(sublinear_tf=True)`` fitted on each row's story alone:
    (1 + log count) x (log((1 + statements) / (1 + statements using the word)) + 1)."""
    coo = counts.tocoo()
    n_stories = int(story.max()) + 1 if len(story) else 0
    sizes = np.bincount(story, minlength=n_stories)
    keys = story[coo.row].astype(np.int64) * counts.shape[1] + coo.col
    _, inverse, using = np.unique(keys, return_inverse=True, return_counts=True)
    statements = sizes[story[coo.row]]
    weights = (1.0 + np.log(coo.data)) * (np.log((1.0 + statements) / (1.0 + using[inverse])) + 1.0)
    return normalize(sp.csr_matrix((weights, (coo.row, coo.col)), shape=counts.shape))


def _batches(story_starts: np.ndarray, n: int, rows: int = BATCH_ROWS) -> list[tuple[int, int]]:
    """Consecutive (first story, last story + 1) ranges of about ``rows`` statements."""
    bounds, first = [], 0
    ends = np.r_[story_starts[1:], n]
    for s in range(len(story_starts)):
        if ends[s] - story_starts[first] >= rows or s == len(story_starts) - 1:
            bounds.append((first, s + 1))
            first = s + 1
    return bounds


#: A story's rows x its words up to this many cells are made dense (``_compact``): measured on
#: 10,000 Reuters articles (3,283 stories), 10,000 cells took 11.7 s of CPU for stage 3's
#: clustering against 20.8 s at 250,000 and 15.4 s with every story sparse.
DENSE_CELLS = 10_000


def _compact(rows):
    """A story's rows without the corpus's other columns: products over hundreds of thousands of
    empty columns would cost more than the story's own arithmetic. Dense for a tiny story (sparse
    bookkeeping for a dozen rows costs more than the products), sparse otherwise (TF-IDF rows are
    nearly all zeros: a dense product of a hundred statements over their thousand words costs
    milliseconds, thousands of times over)."""
    if not sp.issparse(rows):
        return rows
    columns, indices = np.unique(rows.indices, return_inverse=True)
    if rows.shape[0] * len(columns) > DENSE_CELLS:
        return sp.csr_matrix((rows.data, indices.ravel(), rows.indptr), shape=(rows.shape[0], len(columns)))
    dense = np.zeros((rows.shape[0], max(len(columns), 1)))
    dense[np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr)), indices.ravel()] = rows.data
    return dense


def many_stories(ordered: pd.DataFrame, story: np.ndarray, representation: str, cluster_story) -> StoryClaims:
    """Claims of every story of ``ordered`` (statements sorted by story, then reading order;
    ``story``: each row's story position, non-decreasing). ``cluster_story(vectors)`` gives one
    story's (labels numbered from 0, silhouette curve tried, representative row of each claim)."""
    base, blocks = cluster_features.parse(representation)
    base, _ = cluster_features.fallback(base)
    used = cluster_features.name("minilm" if base == "minilm" else "tfidf", blocks)
    counter = _Counter()
    starts = np.flatnonzero(np.r_[True, story[1:] != story[:-1]]) if len(story) else np.array([], dtype=int)
    labels = np.empty(len(ordered), dtype=int)
    claim_story, representatives, curves, usage = [], [], [], []
    edges = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for first, last in _batches(starts, len(ordered)):
            lo, hi = starts[first], (starts[last] if last < len(starts) else len(ordered))
            rows = ordered.iloc[lo:hi]
            texts = cluster_features.compared_texts(rows)
            counts = counter.counts(texts)
            local_story = story[lo:hi] - story[lo]
            text = cluster_features.minilm(texts) if base == "minilm" else story_tfidf(counts, local_story)
            matrix = cluster_features.with_blocks(rows, text, blocks)
            usage.append((lo, (counts > 0).astype(np.float32).tocsr()))
            for s in range(first, last):
                a = starts[s] - lo
                b = (starts[s + 1] if s + 1 < len(starts) else len(ordered)) - lo
                part = _compact(matrix[a:b])
                story_labels, curve, central = cluster_story(part)
                k = int(story_labels.max()) + 1
                labels[lo + a : lo + b] = story_labels + len(claim_story)
                representatives.extend((lo + a + central).tolist())
                claim_story.extend([s] * k)
                curves.append(curve)
                edges += len(curve) > 1 and k >= curve[-1][0]
    words = counter.words()
    keep = cluster_features.lettered(words)
    per_claim, word_totals = _word_use(usage, labels, len(claim_story), len(words), keep)
    return StoryClaims(
        labels,
        np.asarray(claim_story, dtype=int),
        np.asarray(representatives, dtype=int),
        per_claim,
        word_totals,
        words[keep],
        curves,
        int(edges),
        used,
    )


def _word_use(usage, labels: np.ndarray, k: int, width: int, keep: np.ndarray):
    """Claims x label words (statements of the claim using the word) and corpus-wide word totals."""
    per_claim = sp.csr_matrix((k, len(keep)))
    totals = np.zeros(len(keep))
    for lo, used in usage:
        used = sp.csr_matrix((used.data, used.indices, used.indptr), shape=(used.shape[0], width))[:, keep]
        per_claim = per_claim + cluster_features.membership(labels[lo : lo + used.shape[0]], k) @ used
        totals += np.asarray(used.sum(axis=0)).ravel()
    return per_claim.tocsr(), totals
