"""Stage 3: group the statements of all documents into claims (what is being asserted).

Statements become vectors (``cluster_features``); agglomerative clustering with average linkage
over cosine distances groups them, and the number of claims is the one with the best silhouette
(cohesion against separation, computed without any labels) among 2..n/3 groups (at least three
statements per claim on average). The choice of representation and method was measured against
hand labels of the seed statements (``cluster_eval``, ``bench/cluster_compare.py``).

Claims are found within each story (``newsframe.stories``). Agglomerative clustering needs an
n x n distance matrix: a corpus above ``EXACT_LIMIT`` statements has its stories clustered in one
sweep (``cluster_stories``: each story exactly, the vectors and labels for all at once), and a
single story above it is clustered by MiniBatchKMeans learnt on a sample and fed partition by
partition (``cluster_stream``), so memory stays bounded and time grows linearly; the returned note
says which. Everything is seeded and ids are stable (``stable_ids``), so the same input gives the
same claims with the same ids.
"""

from __future__ import annotations

import functools
import hashlib
import re
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer

from . import cluster_features, cluster_stories, cluster_stream, nearest, propositions
from .cluster_features import DEFAULT_REPRESENTATION

METHODS = ("average", "ward", "kmeans")
DEFAULT_METHOD = "average"
#: Largest corpus clustered exactly: it holds a few n x n float arrays (about 600 MB at 5,000).
EXACT_LIMIT = 5_000
#: Statements per claim, at least, on average: the largest number of claims tried is n / 3.
MIN_MEAN_SIZE = 3
#: Every k up to this is tried; above it a geometric grid (the silhouette curve is flat there).
DENSE_K = 40
#: Most claims a corpus is split into when the number is chosen automatically (more is unreadable).
MAX_CLAIMS = 200
#: How many numbers of claims the bounded-memory branch tries (each is one pass of MiniBatchKMeans).
BOUNDED_GRID = 6
LABEL_TERMS = 3
#: A label word has a letter in it ("300" and "000" say nothing on their own).
WORD = r"(?u)\b\w*[^\W\d_]\w*\b"
CLAIM_COLUMNS = [
    "cluster_id",
    "cluster_label",
    "n_statements",
    "n_docs",
    "representative",
    "representative_id",
    "story_id",
    "key_terms",
    "speaker_groups",
    "doc_ids",
    "linked_claims",
]
#: A claim of another story is linked when its label and representative are at least this alike (TF-IDF cosine).
LINK_SIMILARITY = 0.5
LINKS_PER_CLAIM = 3
#: An earlier run's claim lends its id to the new claim holding more than this share of its statements.
KEEP_ID_SHARE = 0.5
STABLE_ID = re.compile(r"C[0-9a-f]{6,40}")


@dataclass(frozen=True)
class Claims:
    statements: pd.DataFrame  # the input rows, in input order, with cluster_id and cluster_label
    claims: pd.DataFrame  # one row per claim, CLAIM_COLUMNS
    k_scores: pd.DataFrame  # n_claims, silhouette: the curve the number of claims was chosen from
    n_claims: int
    representation: str  # as used (MiniLM falls back to tfidf when the extra is missing)
    method: str  # as used (minibatch-kmeans above EXACT_LIMIT)
    note: str  # what was done, in sentences, for the notebook to print


def candidate_ks(n: int, bounded: bool = False) -> list[int]:
    """Numbers of claims to try: every k from 2 up to n/3 (at most ``DENSE_K``), then a geometric
    grid to n/3 (at most ``MAX_CLAIMS``); the bounded-memory branch tries a short grid only."""
    top = min(n - 1, n // MIN_MEAN_SIZE, MAX_CLAIMS)
    if top < 2:
        return [2] if n >= 3 else []
    dense = range(2, min(top, DENSE_K) + 1) if not bounded else []
    grid = np.geomspace(2, top, BOUNDED_GRID) if bounded else np.geomspace(DENSE_K, top, 12) if top > DENSE_K else []
    return sorted({*dense, *(round(float(k)) for k in grid)})


def _exact_partitions(matrix, method: str, ks: list[int], random_seed: int):
    """(k, labels, silhouette) for each k: one tree cut at every k, or one k-means per k."""
    distances = cluster_features.cosine_distances(matrix)
    if method in ("average", "ward"):
        # Ward needs Euclidean distances: for unit vectors that is sqrt(2 * cosine distance).
        condensed = squareform(np.sqrt(2 * distances) if method == "ward" else distances, checks=False)
        tree = linkage(condensed, method=method)
    for k in ks:
        if method == "kmeans":
            labels = KMeans(k, n_init=1, random_state=random_seed).fit_predict(matrix)
        else:
            labels = fcluster(tree, k, criterion="maxclust") - 1
        found = len(set(labels))
        score = cluster_features.silhouette(distances, labels) if 1 < found < len(labels) else -1.0
        yield k, labels, float(score)


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Claim numbers by size (largest first), ties by the first statement (rows are in reading order)."""
    ids, first, sizes = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(ids)), key=lambda i: (-sizes[i], first[i]))
    mapping = np.empty(labels.max() + 1, dtype=int)
    mapping[ids[order]] = np.arange(len(ids))
    return mapping[labels]


def label_vectorizer(n_texts: int) -> CountVectorizer:
    """Binary word and phrase counts for claim labels (rare terms dropped on large corpora)."""
    return CountVectorizer(
        ngram_range=(1, 2),
        stop_words="english",
        binary=True,
        token_pattern=WORD,
        min_df=2 if n_texts > cluster_features.LARGE_VOCABULARY else 1,
        max_features=cluster_features.MAX_FEATURES,
    )


def claim_terms(texts: list[str], labels: np.ndarray, k: int, n_terms: int = LABEL_TERMS) -> list[str]:
    """Readable labels: each claim's most distinctive words and phrases (see ``ranked_terms``)."""
    vectorizer = label_vectorizer(len(texts))
    try:
        counts = vectorizer.fit_transform(texts)
    except ValueError:
        return ["(no words)"] * k
    per_claim = (cluster_features.membership(labels, k) @ counts).tocsr()
    overall = np.asarray(counts.sum(axis=0)).ravel()
    return ranked_terms(
        per_claim, overall, np.bincount(labels, minlength=k), vectorizer.get_feature_names_out(), n_terms
    )


def ranked_terms(
    per_claim: sp.csr_matrix,
    overall: np.ndarray,
    sizes: np.ndarray,
    vocabulary: np.ndarray,
    n_terms: int = LABEL_TERMS,
    groups: np.ndarray | None = None,
) -> list[str]:
    """Class-based TF-IDF (claims as the documents): the share of the claim's statements that use a
    term, times log(claims / claims using it), the claims being those of the same ``groups`` entry
    (its story; default: all). Terms every claim uses ("Iran", "Russia") weigh nothing."""
    k = per_claim.shape[0]
    per_claim = per_claim.tocsr().astype(np.float64)
    per_claim.eliminate_zeros()
    coo = per_claim.tocoo()
    groups = np.zeros(k, dtype=np.int64) if groups is None else np.asarray(groups, dtype=np.int64)
    group = groups[coo.row]
    _, inverse, claims_using = np.unique(group * len(vocabulary) + coo.col, return_inverse=True, return_counts=True)
    claims_in_group = np.bincount(groups)[group]
    weights = coo.data / np.maximum(sizes[coo.row], 1) * np.log(claims_in_group / claims_using[inverse])
    # Highest weight first; ties go to single words, then to terms more common in the corpus, then A-Z.
    alphabetical = nearest.ranks(vocabulary)
    spaces = np.char.count(vocabulary.astype(str), " ")
    order = np.lexsort((alphabetical[coo.col], -overall[coo.col], spaces[coo.col], -np.round(weights, 9), coo.row))
    bounds = np.searchsorted(coo.row[order], np.arange(k + 1))
    result = []
    for c in range(k):
        chosen: list[str] = []
        for term in vocabulary[coo.col[order[bounds[c] : bounds[c + 1]]]]:
            words = set(term.split())
            if any(words <= set(t.split()) or set(t.split()) <= words for t in chosen):
                continue  # "escalation" adds nothing to "substantial escalation"
            chosen.append(term)
            if len(chosen) == n_terms:
                break
        result.append(" / ".join(chosen) or "(no words)")
    return result


def _representatives(matrix, labels: np.ndarray, k: int) -> np.ndarray:
    """Row index of each claim's statement closest (cosine) to the claim's centroid; ties: first."""
    # cosine to the centroid: the dot product with the claim's sum over that sum's length
    if sp.issparse(matrix):
        sums = (cluster_features.membership(labels, k) @ matrix).tocsr()
        lengths = np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1)).ravel())
        dots = np.asarray(matrix.multiply(sums[labels]).sum(axis=1)).ravel()
    else:  # a small story, dense: no sparse bookkeeping
        sums = np.zeros((k, matrix.shape[1]))
        np.add.at(sums, labels, matrix)
        lengths = np.sqrt((sums**2).sum(axis=1))
        dots = np.einsum("ij,ij->i", matrix, sums[labels])
    similarity = dots / np.where(lengths > 0, lengths, 1.0)[labels]
    order = np.lexsort((np.arange(len(labels)), -np.round(similarity, 6), labels))
    firsts = np.r_[True, labels[order][1:] != labels[order][:-1]]
    return order[firsts]


def _count_text(values: pd.Series) -> str:
    counts = values.replace("", "(own voice)").value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(f"{name} {count}" for name, count in ordered)


def _claims_table(
    ordered: pd.DataFrame, labels: np.ndarray, k: int, terms: list[str], representatives: np.ndarray
) -> pd.DataFrame:
    width = max(2, len(str(k)))
    ids = [f"C{c + 1:0{width}d}" for c in range(k)]
    best = ordered.iloc[representatives]
    grouped = ordered.assign(_claim=labels).groupby("_claim", sort=True)
    n_docs = grouped["doc_id"].nunique().reindex(range(k), fill_value=0)
    doc_ids = grouped["doc_id"].agg(lambda d: ";".join(sorted(set(d)))).reindex(range(k), fill_value="")
    voices = grouped["speaker_group"].agg(_count_text).reindex(range(k), fill_value="")
    return pd.DataFrame(
        {
            "cluster_id": ids,
            "cluster_label": terms,
            "n_statements": np.bincount(labels, minlength=k),
            "n_docs": n_docs.to_numpy(),
            "representative": best["text"].to_numpy(),
            "representative_id": best["statement_id"].to_numpy(),
            "speaker_groups": voices.to_numpy(),
            "doc_ids": doc_ids.to_numpy(),
        },
        columns=CLAIM_COLUMNS,
    )


def _check(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: use one of {', '.join(METHODS)}")


@dataclass(frozen=True)
class Partitions:
    """Every partition tried, before one is chosen: what ``cluster_eval`` measures."""

    ordered: pd.DataFrame  # the statements in reading order (document, then offset)
    matrix: object  # their feature rows
    representation: str
    method: str
    runs: list[tuple[int, np.ndarray, float]]  # (k, labels in reading order, silhouette)
    notes: list[str]

    def best(self) -> tuple[np.ndarray, float]:
        """The partition with the highest silhouette (the fewest claims on a tie)."""
        _, labels, score = max(self.runs, key=lambda run: (run[2], -run[0]))
        return labels, score


def partitions(
    statements: pd.DataFrame,
    representation: str = DEFAULT_REPRESENTATION,
    method: str = DEFAULT_METHOD,
    ks: list[int] | None = None,
    random_seed: int = 0,
) -> Partitions:
    """Exact partitions of ``statements`` into each number of claims in ``ks`` (default: ``candidate_ks``)."""
    _check(method)
    cluster_features.parse(representation)
    ordered = _reading_order(statements)
    n = len(ordered)
    matrix, used, note = cluster_features.features(ordered, representation, random_seed)
    too_many = [k for k in ks or [] if int(k) > n >= 3]
    if too_many:  # clamping it would quietly give a number of claims nobody asked for
        raise ValueError(
            f"n_claims = {too_many[0]} is more than the {n} statements; "
            f"give 0 (chosen by silhouette) or a number from 2 to {n}"
        )
    ks = sorted({min(int(k), n) for k in ks}) if ks else candidate_ks(n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        runs = list(_exact_partitions(matrix, method, ks, random_seed)) if n >= 3 else []
    return Partitions(ordered, matrix, used, method, runs, [note])


def _reading_order(statements: pd.DataFrame, first: list[str] = ()) -> pd.DataFrame:
    """Statements in reading order (after the ``first`` columns), with ``content`` (the text without
    its attribution frame)."""
    ordered = statements.sort_values([*first, "doc_id", "start", "statement_id"], kind="stable").reset_index(drop=True)
    if "content" not in ordered:
        ordered["content"] = propositions.contents(ordered).to_numpy()
    return ordered


def _exact(statements, representation, method, n_claims, random_seed, short_grid=False):
    """(ordered, labels, k, terms, representatives, k_scores, representation, notes) by exact clustering."""
    ks = [n_claims] if n_claims else (candidate_ks(len(statements), bounded=True) if short_grid else None)
    tried = partitions(statements, representation, method, ks, random_seed)
    notes = list(tried.notes)
    if tried.runs:
        labels, score = tried.best()
        if n_claims:
            notes.append(f"The number of claims was set to {len(set(labels))}.")
        else:
            edge = len(tried.runs) > 1 and len(set(labels)) >= tried.runs[-1][0]
            notes.append(
                f"{len(set(labels))} claims have the best silhouette ({score:.3f}) among "
                f"{tried.runs[0][0]} to {tried.runs[-1][0]} claims tried"
                + (": the largest number tried, so the best may lie beyond the range." if edge else ".")
            )
    else:
        labels = np.zeros(len(tried.ordered), dtype=int)
        notes.append("Fewer than three statements: they form one claim.")
    labels = _renumber(np.asarray(labels))
    k = int(labels.max()) + 1
    terms = claim_terms(tried.ordered["text"].astype(str).tolist(), labels, k)
    k_scores = [(k_, round(score_, 6)) for k_, _, score_ in tried.runs]
    return (
        tried.ordered,
        labels,
        k,
        terms,
        _representatives(tried.matrix, labels, k),
        k_scores,
        tried.representation,
        tried.method,
        notes,
    )


def _streamed(statements, representation, n_claims, random_seed):
    """The same as ``_exact`` for corpora above ``exact_limit``, in bounded memory (``cluster_stream``)."""
    ordered = _reading_order(statements)
    sample = min(len(ordered), cluster_stream.FIT_SAMPLE)
    ks = [n_claims] if n_claims else candidate_ks(sample, bounded=True)
    found = cluster_stream.stream_claims(ordered, ks, label_vectorizer(sample), representation, random_seed)
    labels = _renumber(found.labels)
    k = int(labels.max()) + 1
    old_of_new = np.empty(k, dtype=int)
    old_of_new[labels] = found.labels  # each new claim number's label in the stream
    terms = ranked_terms(
        found.term_counts[old_of_new], found.word_totals, np.bincount(labels, minlength=k), found.words
    )
    notes = list(found.notes)
    chosen = max(found.k_scores, key=lambda item: (item[1], -item[0]))
    notes.append(
        f"The number of claims was set to {k}."
        if n_claims
        else f"{k} claims: {chosen[0]} had the best silhouette on the sample ({chosen[1]:.3f}) among "
        f"{found.k_scores[0][0]} to {found.k_scores[-1][0]} claims tried."
    )
    return (
        ordered,
        labels,
        k,
        terms,
        found.representatives[old_of_new],
        found.k_scores,
        found.representation,
        "minibatch-kmeans",
        notes,
    )


def _one_story(statements: pd.DataFrame, representation, method, n_claims, random_seed, exact_limit, short_grid):
    """(ordered, labels, terms, representatives, k_scores, used, method_used, notes, edge) for one story."""
    if len(statements) > exact_limit:
        run = _streamed(statements, representation, n_claims, random_seed)
    else:
        run = _exact(statements, representation, method, n_claims, random_seed, short_grid)
    ordered, labels, k, terms, representatives, k_scores, used, method_used, notes = run
    edge = not n_claims and len(k_scores) > 1 and k >= max(k_ for k_, _ in k_scores)
    return ordered, labels, terms, representatives, k_scores, used, method_used, notes, edge


def _cluster_story(matrix, random_seed: int) -> tuple[np.ndarray, list[tuple[int, float]], np.ndarray]:
    """One small story of the sweep: labels, the silhouette curve of the short grid, representatives."""
    n = matrix.shape[0]
    if n < 3:
        labels, curve = np.zeros(n, dtype=int), []
    else:
        runs = list(_exact_partitions(matrix, "average", candidate_ks(n, bounded=True), random_seed))
        labels = _renumber(np.asarray(max(runs, key=lambda run: (run[2], -run[0]))[1]))
        curve = [(k, round(score, 6)) for k, _, score in runs]
    return labels, curve, _representatives(matrix, labels, int(labels.max()) + 1)


def _many_stories(statements: pd.DataFrame, story_of: pd.Series, representation: str, random_seed: int):
    """(claims table, statement ids, their claim rows, curves by story, edge count, representation)
    for stories clustered in one sweep."""
    ordered = _reading_order(statements.assign(_story=story_of.to_numpy()), first=["_story"])
    names, story = np.unique(ordered["_story"].to_numpy(), return_inverse=True)
    found = cluster_stories.many_stories(
        ordered, story, representation, functools.partial(_cluster_story, random_seed=random_seed)
    )
    k = len(found.claim_story)
    sizes = np.bincount(found.labels, minlength=k)
    terms = ranked_terms(found.per_claim, found.word_totals, sizes, found.words, groups=found.claim_story)
    table = _story_claims(ordered, found.labels, terms, found.representatives, names[found.claim_story])
    curves = {names[s]: curve for s, curve in enumerate(found.curves)}
    return table, ordered["statement_id"].to_numpy(), found.labels, curves, found.edges, found.representation


def _hash_id(text: str, taken: set[str]) -> str:
    """``C`` + the first hex digits of a SHA-1 of ``text``, lengthened until unused."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    for width in range(6, len(digest) + 1):
        cid = f"C{digest[:width]}"
        if cid not in taken:
            return cid
    raise ValueError("claim id collision")  # pragma: no cover - 40 hex digits


def stable_ids(members: list[list[str]], story_ids: list[str], previous: pd.DataFrame | None = None) -> list[str]:
    """An id per claim (``members``: its statement ids) that does not move when documents are added.

    With ``previous`` (an earlier run's ``statement_id``, ``cluster_id`` pairs: its statements
    table, or its claims table, whose ``representative_id`` then stands for the claim), a new claim takes the id of the
    earlier claim it holds more than ``KEEP_ID_SHARE`` of the surviving statements of (each old id
    once, largest overlap first). Every other claim's id is derived from its content: its story and
    its first statement in reading order, hashed, so claims untouched by a change keep their id."""
    ids: list[str | None] = [None] * len(members)
    taken: set[str] = set()
    if previous is not None and len(previous) and "statement_id" not in previous and "representative_id" in previous:
        previous = previous.rename(columns={"representative_id": "statement_id"})
    if previous is not None and len(previous) and {"statement_id", "cluster_id"} <= set(previous.columns):
        # positional ids of earlier versions ("C01") are not carried over: they are not stable ids
        old = {
            s: c
            for s, c in zip(previous["statement_id"].astype(str), previous["cluster_id"].fillna("").astype(str))
            if STABLE_ID.fullmatch(c)
        }
        surviving = pd.Series([old[s] for group in members for s in group if old.get(s)]).value_counts()
        candidates = []
        for c, group in enumerate(members):
            overlap = pd.Series([old[s] for s in group if old.get(s)]).value_counts()
            for old_id, n in overlap.items():
                if n > KEEP_ID_SHARE * surviving[old_id]:
                    candidates.append((-int(n), old_id, c))
        for _, old_id, c in sorted(candidates):
            if ids[c] is None and old_id not in taken:
                ids[c] = old_id
                taken.add(old_id)
    for c, group in enumerate(members):
        if ids[c] is None:
            ids[c] = _hash_id(f"{story_ids[c]}\t{min(group)}", taken)
            taken.add(ids[c])
    return ids  # type: ignore[return-value]


def link_claims(
    claims: pd.DataFrame, threshold: float = LINK_SIMILARITY, per_claim: int = LINKS_PER_CLAIM
) -> pd.Series:
    """Claims of *other* stories that assert much the same (label and representative alike): a claim
    recurring across events is linked, not merged. ``;``-joined ids, most alike first."""
    result = pd.Series("", index=claims.index, dtype=object)
    if claims["story_id"].nunique() < 2:
        return result
    texts = (claims["cluster_label"].astype(str) + " " + claims["representative"].astype(str)).tolist()
    try:
        matrix = cluster_features.tfidf_vectorizer(len(texts)).fit_transform(texts).tocsr()
    except ValueError:
        return result
    stories = claims["story_id"].to_numpy()
    ids = claims["cluster_id"].to_numpy()
    left, right, values = nearest.similar_pairs(matrix, np.arange(len(texts)), threshold)
    other_story = stories[left] != stories[right]
    left, right, values = left[other_story], right[other_story], values[other_story]
    id_rank = nearest.ranks(ids)
    top = nearest.top_per_row(left, right, values, per_claim, threshold, tiebreak=id_rank)
    linked = pd.Series(ids[right[top]]).groupby(left[top], sort=False).agg(";".join)
    result.iloc[linked.index.to_numpy()] = linked.to_numpy()
    return result


def _story_claims(ordered, labels, terms, representatives, story: str) -> pd.DataFrame:
    """One story's claims (positional, before ids): label from the central statement's content."""
    k = int(labels.max()) + 1
    best = ordered.iloc[representatives]
    docs: list[dict] = [{} for _ in range(k)]
    voices: list[dict] = [{} for _ in range(k)]
    members: list[list] = [[] for _ in range(k)]
    groups = ordered["speaker_group"].fillna("").tolist() if "speaker_group" in ordered else [""] * len(ordered)
    for c, doc, sid, group in zip(
        labels.tolist(), ordered["doc_id"].tolist(), ordered["statement_id"].tolist(), groups
    ):
        docs[c][doc] = None
        members[c].append(sid)
        voices[c][group or "(own voice)"] = voices[c].get(group or "(own voice)", 0) + 1
    voice_text = [
        "; ".join(f"{g} {n}" for g, n in sorted(v.items(), key=lambda item: (-item[1], item[0]))) for v in voices
    ]
    return pd.DataFrame(
        {
            "cluster_label": [propositions.label(c) for c in best["content"].tolist()],
            "n_statements": np.bincount(labels, minlength=k),
            "n_docs": [len(d) for d in docs],
            "representative": best["text"].to_numpy(),
            "representative_id": best["statement_id"].to_numpy(),
            "story_id": story,
            "key_terms": terms,
            "speaker_groups": voice_text,
            "doc_ids": [";".join(sorted(d)) for d in docs],
            "_members": members,
        }
    )


def cluster_statements(
    statements: pd.DataFrame,
    representation: str = DEFAULT_REPRESENTATION,
    method: str = DEFAULT_METHOD,
    n_claims: int = 0,
    random_seed: int = 0,
    exact_limit: int = EXACT_LIMIT,
    stories: dict[str, str] | None = None,
    previous: pd.DataFrame | None = None,
) -> Claims:
    """Claims for ``statements`` (stage 2's table), found within each story (``stories``: doc_id ->
    story_id, see ``newsframe.stories``; without it the corpus is one story). ``n_claims=0``
    chooses the number per story by silhouette; ``n_claims`` fixes it for every story.

    A story of more than ``exact_limit`` statements is clustered in bounded memory, partition by
    partition (``cluster_stream``), and the note says so. When the whole corpus is above
    ``exact_limit`` each story tries a short grid of numbers of claims (the cost stays linear).
    Ids are stable (``stable_ids``; ``previous`` is an earlier run's claims or statements table).
    """
    _check(method)
    cluster_features.parse(representation)
    if statements.empty:
        out = statements.assign(cluster_id="", cluster_label="")
        return Claims(
            out,
            pd.DataFrame(columns=CLAIM_COLUMNS),
            pd.DataFrame(columns=["n_claims", "silhouette"]),
            0,
            representation,
            method,
            "There are no statements to group into claims.",
        )
    story_of = statements["doc_id"].map(stories or {}).fillna("") if stories else pd.Series("", index=statements.index)
    story_of = story_of.where(story_of.ne(""), "S")
    short_grid = len(statements) > exact_limit
    base, blocks = cluster_features.parse(representation)
    # a large corpus clusters thousands of stories: TF-IDF instead of LSA keeps each one cheap
    story_representation = cluster_features.name("tfidf", blocks) if short_grid and base == "lsa" else representation
    tables, assigned, curves, notes, edges, sizes = [], [], {}, [], 0, {}
    used = method_used = None
    # many stories, each small: clustered in one sweep (``cluster_stories``); the rest one by one
    story_size = story_of.map(story_of.value_counts())
    swept = (story_size <= exact_limit).to_numpy() if short_grid and not n_claims and story_of.nunique() > 1 else None
    if swept is not None and swept.any():
        table, ids, labels, story_curves, story_edges, used = _many_stories(
            statements[swept], story_of[swept], story_representation, random_seed
        )
        method_used = method
        tables.append(table)
        assigned.append((ids, labels, 0))
        curves.update(story_curves)
        sizes.update(story_of[swept].value_counts().to_dict())
        notes.append([f"Statements are represented as `{used}`, weighed by the TF-IDF of their own story."])
        edges += story_edges
    one_by_one = ~swept if swept is not None else np.ones(len(statements), dtype=bool)
    for story, part in statements[one_by_one].groupby(story_of[one_by_one].to_numpy(), sort=True):
        ordered, labels, terms, reps, k_scores, used_, method_, story_notes, edge = _one_story(
            part, story_representation, method, n_claims, random_seed, exact_limit, short_grid
        )
        used, method_used = used or used_, method_used if method_used == "minibatch-kmeans" else method_
        table = _story_claims(ordered, labels, terms, reps, story if stories else "")
        tables.append(table)
        assigned.append((ordered["statement_id"].to_numpy(), labels, len(tables) - 1))
        curves[story], sizes[story] = k_scores, len(part)
        notes.append(story_notes)
        edges += bool(edge)
    claims = pd.concat(tables, ignore_index=True)
    offsets = np.cumsum([0] + [len(t) for t in tables])
    claims["cluster_id"] = stable_ids(claims["_members"].tolist(), claims["story_id"].tolist(), previous)
    sid_parts = [ids for ids, _, _ in assigned]
    claim_rows = np.concatenate([labels + offsets[t] for _, labels, t in assigned])
    # largest story first, then largest claim, then first statement
    story_size = claims["story_id"].map(claims.groupby("story_id")["n_statements"].sum())
    claims = claims.assign(_size=-story_size, _n=-claims["n_statements"], _first=claims["_members"].map(min))
    order = claims.sort_values(["_size", "story_id", "_n", "_first"], kind="stable").index
    claims["linked_claims"] = ""
    claims = claims.loc[order]
    claims["linked_claims"] = link_claims(claims.reset_index(drop=True)).to_numpy()
    mapping = pd.DataFrame(
        {
            "statement_id": np.concatenate(sid_parts),
            "cluster_id": claims["cluster_id"].reindex(claim_rows).to_numpy(),
            "cluster_label": claims["cluster_label"].reindex(claim_rows).to_numpy(),
        }
    )
    claims = claims[CLAIM_COLUMNS].reset_index(drop=True)
    out = statements.drop(columns=["cluster_id", "cluster_label"], errors="ignore")
    out = out.merge(mapping, on="statement_id", how="left", validate="one_to_one")
    columns = list(statements.columns) + [c for c in ("cluster_id", "cluster_label") if c not in statements.columns]
    biggest = max(sizes, key=lambda s: (sizes[s], s))
    k_scores = pd.DataFrame(curves[biggest], columns=["n_claims", "silhouette"])
    if len(sizes) == 1:
        note = " ".join(notes[0])
    else:
        note = (
            f"Claims were found within each of {len(sizes):,} stories ({len(claims):,} claims in all); "
            f"the number of claims of each story was chosen by its own silhouette"
            + (
                f" (a short grid of numbers per story, and `{story_representation}` for each, the corpus being above "
                f"{exact_limit:,} statements)"
                if short_grid
                else ""
            )
            + f". In {edges:,} of them the chosen number is the largest tried. "
            + " ".join(notes[0][:1])
        )
    return Claims(out[columns], claims, k_scores, len(claims), used, method_used, note)
