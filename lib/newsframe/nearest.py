"""Nearest neighbours over sparse similarities, in array operations rather than a loop per row.

Stories link each document to its nearest documents and claims link to the most alike claims
of other stories; both keep, per row, the few largest similarities above a threshold. At a
hundred thousand documents a Python loop per row costs more than the similarities themselves,
and comparing every undated document with every other grows with the square of the corpus, so
``candidate_pairs`` narrows the comparison to pairs that share one of their most telling words.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

#: A row's words kept to find its candidate neighbours (its highest TF-IDF weights).
CANDIDATE_TERMS = 8
#: A word among the strongest of more rows than this (and than three times the square root of the rows) finds no
#: candidates: it is a topic of the whole corpus ("percent", "billion"), not a mark of one event.
CANDIDATE_ROWS = 50
#: Candidates per row compared exactly (a document has a handful of near neighbours to find).
CANDIDATES_PER_ROW = 30
#: Above this many row x row comparisons, a row is compared only with the rows that share one of
#: its strongest words (``candidate_pairs``); below it, with every row, in blocks of ``BLOCK`` rows.
EXACT_COMPARISONS = 100_000_000
BLOCK = 2_000
#: Pairs whose exact similarity is computed at once (bounds the memory of ``pair_similarity``).
PAIR_CHUNK = 200_000


def ranks(values) -> np.ndarray:
    """Each value's place in sorted order (equal values by position): a tie-break by name."""
    return np.argsort(np.argsort(np.asarray(values).astype(str), kind="stable"), kind="stable")


def top_per_row(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, k: int, threshold: float, tiebreak: np.ndarray | None = None
) -> np.ndarray:
    """Positions (into the given arrays) of each row's ``k`` largest values at or above ``threshold``;
    equal values (to 9 decimals) go to the lower ``tiebreak[col]`` (default: the lower column)."""
    keep = np.flatnonzero(values >= threshold)
    if not len(keep):
        return keep
    rank_of_col = cols[keep] if tiebreak is None else tiebreak[cols[keep]]
    order = keep[np.lexsort((rank_of_col, -np.round(values[keep], 9), rows[keep]))]
    sorted_rows = rows[order]
    first = np.r_[True, sorted_rows[1:] != sorted_rows[:-1]]
    starts = np.flatnonzero(first)
    place = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    return order[place < k]


def strongest_terms(matrix: sp.csr_matrix, terms: int = CANDIDATE_TERMS) -> sp.csr_matrix:
    """Each row reduced to its ``terms`` largest weights (ties: the lower column)."""
    coo = matrix.tocoo()
    kept = top_per_row(coo.row, coo.col, coo.data, terms, -np.inf)
    return sp.csr_matrix((coo.data[kept], (coo.row[kept], coo.col[kept])), shape=matrix.shape)


def telling_terms(matrix: sp.csr_matrix, terms: int = CANDIDATE_TERMS) -> sp.csr_matrix:
    """Each row's ``terms`` strongest words with their weights, less the words strong in too many
    rows: a pair alike enough to tell one event shares a name or a rare word."""
    strongest = strongest_terms(matrix, terms)
    rows_per_term = np.bincount(strongest.indices, minlength=matrix.shape[1])
    return strongest[:, np.flatnonzero(rows_per_term <= max(CANDIDATE_ROWS, 3 * np.sqrt(matrix.shape[0])))]


def candidate_pairs(telling: sp.csr_matrix, rows: np.ndarray, per_row: int = CANDIDATES_PER_ROW) -> tuple:
    """(row, col) pairs, ``row`` from ``rows`` and not ``col``, that share a telling word
    (``telling_terms``), at most ``per_row`` per row, those sharing the most weight first: the cost
    grows with the rows per telling word, not with the square of the corpus."""
    hits = (telling[rows] @ telling.T).tocsr()
    hits.sort_indices()
    hits = hits.tocoo()
    other = rows[hits.row] != hits.col
    row, col, shared = hits.row[other], hits.col[other], hits.data[other]
    # one sort key: the row, then the most shared weight (at most 1 for unit rows), then the column
    order = np.argsort(row * 4.0 - shared, kind="stable")
    starts = np.searchsorted(row[order], np.arange(len(rows) + 1))
    place = np.arange(len(order)) - np.repeat(starts[:-1], np.diff(starts))
    kept = order[place < per_row]
    return rows[row[kept]], col[kept]


def pair_similarity(matrix: sp.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Dot product of row ``left[i]`` with row ``right[i]`` for every i (cosine for unit rows)."""
    out = np.empty(len(left))
    for start in range(0, len(left), PAIR_CHUNK):
        a, b = left[start : start + PAIR_CHUNK], right[start : start + PAIR_CHUNK]
        out[start : start + len(a)] = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    return out


def block_pairs(
    matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray, threshold: float, transposed: sp.csr_matrix | None = None
) -> tuple:
    """(row, col, similarity) of ``rows`` with ``cols`` at or above ``threshold``, a row not with
    itself. ``transposed``: ``matrix[cols].T`` as CSR when the caller has it (transposing the whole
    matrix for every block was half the cost of comparing every row with every row)."""
    sim = (matrix[rows] @ (matrix[cols].T if transposed is None else transposed)).tocsr()
    above = np.flatnonzero(sim.data >= threshold)  # few of the products: index only those
    left = rows[np.searchsorted(sim.indptr, above, side="right") - 1]
    right = cols[sim.indices[above]]
    keep = left != right
    return left[keep], right[keep], sim.data[above[keep]]


def similar_pairs(matrix: sp.csr_matrix, rows: np.ndarray, threshold: float) -> tuple:
    """(row, col, similarity) of ``rows`` with every row at or above ``threshold``, a row not with
    itself: exact in blocks for a small matrix, through ``candidate_pairs`` for a large one."""
    n = matrix.shape[0]
    if not len(rows):
        return np.array([], dtype=int), np.array([], dtype=int), np.array([])
    if len(rows) * n <= EXACT_COMPARISONS:
        every, transposed = np.arange(n), matrix.T.tocsr()
        found = [
            block_pairs(matrix, rows[i : i + BLOCK], every, threshold, transposed) for i in range(0, len(rows), BLOCK)
        ]
        return tuple(np.concatenate([part[i] for part in found]) for i in range(3))
    telling, found = telling_terms(matrix), []
    for i in range(0, len(rows), BLOCK):  # a block at a time: only the pairs above threshold are kept
        left, right = candidate_pairs(telling, rows[i : i + BLOCK])
        values = pair_similarity(matrix, left, right)
        above = values >= threshold
        found.append((left[above], right[above], values[above]))
    return tuple(np.concatenate([part[i] for part in found]) for i in range(3))
