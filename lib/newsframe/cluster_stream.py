"""Stage 3 at scale: claims for corpora too big to cluster exactly, in bounded memory.

Exact clustering needs an n x n distance matrix. Above ``cluster.EXACT_LIMIT`` statements the
vocabulary and the number of claims are learnt from a seeded sample of whole documents
(``FIT_SAMPLE`` statements): MiniBatchKMeans for each candidate number, scored by the
silhouette of a fixed subsample. The chosen model's centres then start a MiniBatchKMeans that is
fed the corpus partition by partition (``PARTITION_ROWS`` statements of whole documents, so a
statement's neighbours are in its partition), and a second pass assigns every statement to its
claim, counts the label words per claim and keeps each claim's statement closest to its centre.
Memory holds one partition's vectors at a time; time grows linearly with the corpus.
"""

from __future__ import annotations

import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.cluster import MiniBatchKMeans
from sklearn.exceptions import ConvergenceWarning
from sklearn.preprocessing import normalize

from . import cluster_features

#: Statements (whole documents) the vocabulary and the number of claims are learnt from.
FIT_SAMPLE = 20_000
#: Statements per partition fed to MiniBatchKMeans (whole documents; a longer document is one partition).
PARTITION_ROWS = 20_000
#: Words and phrases the vectors keep (the most frequent in the sample): k-means keeps k dense
#: centres of this width, so it sets the cost of every step.
FEATURES = 2**14
SILHOUETTE_SAMPLE = 2_000
BATCH_SIZE = 4_096


@dataclass(frozen=True)
class Streamed:
    labels: np.ndarray  # claim of each statement, in reading order (not yet renumbered)
    representatives: np.ndarray  # per label: row of the statement closest to the claim's centre
    term_counts: sp.csr_matrix  # claims x label words: statements of the claim that use the word
    word_totals: np.ndarray  # statements that use each label word, corpus-wide
    words: np.ndarray  # the label words
    k_scores: list[tuple[int, float]]  # (number of claims, silhouette on the sample)
    representation: str
    notes: list[str]


def document_partitions(doc_ids: np.ndarray, rows: int = PARTITION_ROWS) -> list[slice]:
    """Consecutive row ranges of about ``rows`` statements that never cut a document
    (``doc_ids`` in reading order)."""
    n = len(doc_ids)
    starts = np.flatnonzero(np.r_[True, doc_ids[1:] != doc_ids[:-1]]) if n else np.array([], dtype=int)
    cuts = [0]
    for start in starts[1:]:
        if start - cuts[-1] >= rows:
            cuts.append(int(start))
    return [slice(a, b) for a, b in zip(cuts, cuts[1:] + [n]) if b > a]


def sample_rows(doc_ids: pd.Series, size: int, random_seed: int, at_most: bool = False) -> np.ndarray:
    """Rows (in their order) of a seeded random set of whole documents holding at least ``size``
    statements, or with ``at_most`` at most ``size`` (but never no document). The documents are
    drawn from the sorted ids, so the set does not depend on the order of the rows."""
    per_doc = doc_ids.groupby(doc_ids, sort=True).size()
    order = np.random.default_rng(random_seed).permutation(len(per_doc))
    running = np.cumsum(per_doc.to_numpy()[order])
    taken = max(1, np.searchsorted(running, size, side="right")) if at_most else np.searchsorted(running, size) + 1
    chosen = per_doc.index[order[:taken]]
    return np.flatnonzero(doc_ids.isin(chosen).to_numpy())


def _choose(matrix, ks: list[int], random_seed: int) -> tuple[list[tuple[int, float]], dict[int, np.ndarray]]:
    """Silhouette of MiniBatchKMeans on the sample for each k, and each model's centres."""
    rng = np.random.default_rng(random_seed)
    picked = np.sort(rng.choice(matrix.shape[0], size=min(SILHOUETTE_SAMPLE, matrix.shape[0]), replace=False))
    distances = cluster_features.cosine_distances(matrix[picked])
    scores, centres = [], {}
    for k in ks:
        model = MiniBatchKMeans(k, batch_size=BATCH_SIZE, n_init=1, max_no_improvement=5, random_state=random_seed)
        labels = model.fit_predict(matrix)
        found = len(set(labels[picked]))
        score = cluster_features.silhouette(distances, labels[picked]) if 1 < found < len(picked) else -1.0
        scores.append((k, round(float(score), 6)))
        centres[k] = model.cluster_centers_
    return scores, centres


class _Spill:
    """Each partition's vectors and label-word flags, computed once and kept on disk for the second pass."""

    def __init__(self, folder: str):
        self.folder = Path(folder)

    def put(self, i: int, matrix, used: sp.csr_matrix) -> None:
        if sp.issparse(matrix):
            sp.save_npz(self.folder / f"{i}.vectors.npz", matrix.tocsr().astype(np.float32), compressed=False)
        else:
            np.save(self.folder / f"{i}.vectors.npy", np.asarray(matrix, dtype=np.float32))
        sp.save_npz(self.folder / f"{i}.used.npz", used.tocsr(), compressed=False)

    def get(self, i: int):
        sparse = self.folder / f"{i}.vectors.npz"
        matrix = sp.load_npz(sparse) if sparse.exists() else np.load(self.folder / f"{i}.vectors.npy")
        return matrix, sp.load_npz(self.folder / f"{i}.used.npz")


def stream_claims(
    ordered: pd.DataFrame,
    ks: list[int],
    labeller,
    representation: str,
    random_seed: int = 0,
    sample_size: int = FIT_SAMPLE,
    partition_rows: int = PARTITION_ROWS,
) -> Streamed:
    """Claims of ``ordered`` (statements in reading order) learnt on a sample, assigned partition by partition.

    ``ks`` are the numbers of claims to try on the sample (one: it is used as given). Label words
    are the fitted TF-IDF vocabulary's (those with a letter in every word); with MiniLM, which
    has none, ``labeller`` (an unfitted binary ``CountVectorizer``) learns them on the sample.
    """
    sample = ordered.iloc[sample_rows(ordered["doc_id"], sample_size, random_seed)]
    featurizer = cluster_features.Featurizer(sample, representation, random_seed, FEATURES)
    if featurizer.vectorizer is None:
        labeller.fit(sample["text"].astype(str).tolist())
        words = labeller.get_feature_names_out()
    else:
        words = featurizer.vectorizer.get_feature_names_out()
    keep = cluster_features.lettered(words)
    ks = sorted({min(k, len(sample) - 1) for k in ks if k >= 2}) or [2]
    parts = document_partitions(ordered["doc_id"].to_numpy(), partition_rows)
    with warnings.catch_warnings(), tempfile.TemporaryDirectory(prefix="newsframe-claims-") as folder:
        warnings.simplefilter("ignore", ConvergenceWarning)
        k_scores, centres = _choose(featurizer.transform(sample), ks, random_seed)
        k = max(k_scores, key=lambda item: (item[1], -item[0]))[0]
        model = MiniBatchKMeans(k, init=centres[k], n_init=1, batch_size=BATCH_SIZE, random_state=random_seed)
        spill = _Spill(folder)
        for i, part in enumerate(parts):  # first pass: vectors once per partition, fed to the model
            rows = ordered.iloc[part]
            raw = featurizer.raw(rows)
            used = (
                (raw > 0)
                if featurizer.vectorizer is not None
                else labeller.transform(rows["text"].astype(str).tolist())
            )
            matrix = featurizer.combine(rows, raw)
            model.partial_fit(matrix)
            spill.put(i, matrix, sp.csr_matrix(used, dtype=np.float32)[:, keep])
        labels = np.empty(len(ordered), dtype=int)
        best = np.full(k, -np.inf)
        representatives = np.zeros(k, dtype=int)
        term_counts = sp.csr_matrix((k, len(keep)), dtype=np.float64)
        word_totals = np.zeros(len(keep))
        unit_centres = normalize(model.cluster_centers_)
        for i, part in enumerate(parts):  # second pass: every statement to its nearest claim
            matrix, used = spill.get(i)
            similarity = np.round(cluster_features.dense(matrix @ unit_centres.T), 6)
            mine = similarity.argmax(axis=1)  # the nearest centre by cosine; ties: the lower claim
            labels[part] = mine
            closeness = similarity[np.arange(len(mine)), mine]
            for claim in np.unique(mine):
                members = np.flatnonzero(mine == claim)
                top = members[np.argmax(closeness[members])]
                if closeness[top] > best[claim]:  # strictly: ties keep the earlier statement
                    best[claim], representatives[claim] = closeness[top], part.start + top
            term_counts = term_counts + cluster_features.membership(mine, k) @ used
            word_totals += np.asarray(used.sum(axis=0)).ravel()
    notes = [
        featurizer.note,
        f"{len(ordered):,} statements are more than exact clustering handles (its distance matrix grows "
        f"with the square of the corpus), so the bounded-memory method was used: the vocabulary and the "
        f"number of claims were learnt from a seeded sample of {len(sample):,} statements (whole "
        f"documents), then MiniBatchKMeans was fed the corpus in {len(parts):,} partition(s) of whole "
        f"documents and every statement assigned to its nearest claim.",
    ]
    return Streamed(
        labels,
        representatives,
        term_counts.tocsr(),
        word_totals,
        words[keep],
        k_scores,
        featurizer.representation,
        notes,
    )
