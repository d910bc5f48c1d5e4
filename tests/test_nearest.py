"""Nearest neighbours over sparse similarities (``newsframe.nearest``) and the silhouette stage 3
scores its candidate numbers of claims with (``cluster_features.silhouette``)."""

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from newsframe import cluster_features, nearest
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize


def _naive_top(rows, cols, values, k, threshold):
    """Per row, sorted by value (9 decimals) then column: the plain loop ``top_per_row`` replaces."""
    kept = set()
    for r in np.unique(rows):
        mine = [i for i in np.flatnonzero(rows == r) if values[i] >= threshold]
        mine.sort(key=lambda i: (-round(float(values[i]), 9), cols[i]))
        kept.update(mine[:k])
    return kept


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 9), st.sampled_from([0.1, 0.2, 0.5, 0.9])), max_size=40),
    st.integers(1, 4),
)
def test_top_per_row_keeps_each_rows_largest_values(entries, k):
    rows = np.array([e[0] for e in entries], dtype=int)
    cols = np.array([e[1] for e in entries], dtype=int)
    values = np.array([e[2] for e in entries], dtype=float)
    kept = nearest.top_per_row(rows, cols, values, k, 0.2)
    assert set(kept.tolist()) == _naive_top(rows, cols, values, k, 0.2)
    assert np.bincount(rows[kept], minlength=7).max(initial=0) <= k


def test_ties_go_to_the_given_rank_not_the_column():
    rows, cols, values = np.array([0, 0]), np.array([1, 2]), np.array([0.5, 0.5])
    assert cols[nearest.top_per_row(rows, cols, values, 1, 0.0)].tolist() == [1]
    assert cols[nearest.top_per_row(rows, cols, values, 1, 0.0, tiebreak=np.array([0, 9, 3]))].tolist() == [2]


def _unit_rows(n, seed):
    rng = np.random.default_rng(seed)
    dense = (rng.random((n, 60)) < 0.08) * rng.random((n, 60))
    return normalize(sp.csr_matrix(dense))


def test_similar_pairs_are_the_same_exact_or_through_candidates_when_words_are_telling(monkeypatch):
    """Rows built from rare words only: every pair above the threshold shares one of its strongest
    words, so the candidate path finds exactly the pairs the full comparison finds."""
    matrix = _unit_rows(300, 1)
    rows = np.arange(300)
    exact = nearest.similar_pairs(matrix, rows, 0.3)
    monkeypatch.setattr(nearest, "EXACT_COMPARISONS", 0)
    candidates = nearest.similar_pairs(matrix, rows, 0.3)
    as_set = lambda found: {(int(a), int(b), round(float(v), 9)) for a, b, v in zip(*found)}
    assert as_set(candidates) <= as_set(exact)
    assert len(as_set(candidates)) >= 0.95 * len(as_set(exact))
    assert all(a != b for a, b, _ in as_set(candidates))


def test_pair_similarity_is_the_rowwise_dot_product():
    matrix = _unit_rows(50, 2)
    left, right = np.arange(50), np.arange(50)[::-1]
    dense = matrix.toarray()
    assert np.allclose(nearest.pair_similarity(matrix, left, right), (dense[left] * dense[right]).sum(axis=1))


def test_a_word_strong_in_many_rows_finds_no_candidates():
    common = sp.csr_matrix(np.ones((200, 1)))
    left, _ = nearest.candidate_pairs(nearest.telling_terms(common), np.arange(200))
    assert len(left) == 0


@settings(max_examples=80, deadline=None)
@given(st.integers(3, 40), st.integers(0, 10_000))
def test_silhouette_is_sklearns(n, seed):
    rng = np.random.default_rng(seed)
    points = rng.normal(size=(n, 4))
    distances = np.sqrt(((points[:, None] - points[None]) ** 2).sum(-1))
    labels = rng.integers(0, rng.integers(2, n), n)
    if not 1 < len(set(labels)) < n:
        return
    expected = silhouette_score(distances, labels, metric="precomputed")
    assert abs(cluster_features.silhouette(distances, labels) - expected) < 1e-12
