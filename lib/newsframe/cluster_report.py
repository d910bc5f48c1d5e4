"""Stage 3 for readers: which document carries which claim, and a map of the statements.

Everything here is computed from the clustered statements, so the notebook's prose follows the
tables rather than being typed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD

from . import cluster_features, cluster_stream
from .cluster_features import DEFAULT_REPRESENTATION


def document_names(documents: pd.DataFrame) -> dict[str, str]:
    """What to call each document: its outlet where known, else its id."""
    outlet = documents.get("outlet", pd.Series("", index=documents.index)).fillna("")
    return dict(zip(documents["doc_id"], outlet.where(outlet != "", documents["doc_id"])))


#: The one story of a corpus whose documents are not (yet) grouped into stories.
ONE_STORY = "S1"


def with_story(documents: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """``documents`` with ``story_id`` (the event each document tells) and a sentence saying how it
    was set. Every readable document is taken to tell one story: right for a corpus gathered
    around one event (the seeds); a corpus spanning many events is still read as one, and the
    sentence says so."""
    table = documents.copy()
    ok = table["status"].eq("ok") if "status" in table else pd.Series(True, index=table.index)
    table["story_id"] = ok.map({True: ONE_STORY, False: ""})
    note = (f"All {int(ok.sum()):,} readable documents are read as one story (`story_id` {ONE_STORY}): documents "
            "are not grouped into separate events, so claims are found across the whole corpus.")
    return table, note


def coverage(statements: pd.DataFrame, claims: pd.DataFrame, by: str = "doc_id") -> pd.DataFrame:
    """Statements per document or outlet (rows, column ``by``) and claim (columns, in claim order)."""
    table = pd.crosstab(statements[by], statements["cluster_id"])
    return table.reindex(columns=claims["cluster_id"], fill_value=0).rename_axis(index=by, columns="claim")


def sharing_markdown(statements: pd.DataFrame, claims: pd.DataFrame, documents: pd.DataFrame) -> str:
    """Which claims every document carries and which only one does."""
    if claims.empty:
        return "There are no claims."
    names = document_names(documents)
    n_docs = statements["doc_id"].nunique()
    docs_of = statements.groupby("cluster_id")["doc_id"].agg(lambda d: sorted(set(d)))

    def line(row) -> str:
        return f"**{row.cluster_id}** ({row.cluster_label}; {row.n_statements} statements): “{row.representative}”"

    everywhere = [line(r) for r in claims.itertuples() if r.n_docs == n_docs]
    single = [(names.get(docs_of[r.cluster_id][0], docs_of[r.cluster_id][0]), line(r))
              for r in claims.itertuples() if r.n_docs == 1]
    parts = [f"**{len(claims)} claims** over **{n_docs} documents**."]
    if n_docs > 1:
        parts.append(f"Carried by all {n_docs} documents ({len(everywhere)}):" if everywhere
                     else f"No claim is carried by all {n_docs} documents.")
        parts += [f"- {text}" for text in everywhere]
        parts.append(f"Carried by one document only ({len(single)}):" if single else "Every claim is carried by at least two documents.")
        parts += [f"- in {name}: {text}" for name, text in sorted(single, key=lambda item: item[0])]
    return "\n".join(parts)


#: Statements a map places (what ``plots.claim_map`` draws, ``plots.MAX_POINTS``); a larger corpus
#: is mapped from a seeded random sample of whole documents up to this many statements.
MAP_POINTS = 5_000


def map_sample(statements: pd.DataFrame, limit: int = MAP_POINTS, random_seed: int = 0) -> tuple[pd.DataFrame, str]:
    """At most ``limit`` statements, as whole documents drawn in a seeded random order (``+context``
    reads a statement's neighbours, so documents are not split), and a note saying so ("" when
    every statement is kept)."""
    if len(statements) <= limit:
        return statements, ""
    part = statements.iloc[cluster_stream.sample_rows(statements["doc_id"], limit, random_seed, at_most=True)]
    return part, (f"(a random {len(part):,} of {len(statements):,} statements: "
                  f"all those of {part['doc_id'].nunique():,} of {statements['doc_id'].nunique():,} documents)")


def statement_map(statements: pd.DataFrame, representation: str = DEFAULT_REPRESENTATION,
                  random_seed: int = 0, limit: int | None = MAP_POINTS) -> pd.DataFrame:
    """Each statement placed in 2-D (the two leading singular directions of its feature vector):
    statements close on the map have similar vectors. Seeded, so the map is the same every run.

    More than ``limit`` statements (``None``: no limit) are mapped from a sample (``map_sample``),
    so the cost stays flat; ``attrs["sample_note"]`` then says so and ``plots.claim_map`` puts it
    in its title."""
    statements, note = map_sample(statements, limit, random_seed) if limit is not None else (statements, "")
    ordered = statements.sort_values(["doc_id", "start", "statement_id"], kind="stable").reset_index(drop=True)
    columns = ["statement_id", "doc_id", "cluster_id", "x", "y"]
    if len(ordered) < 3:
        placed = ordered.assign(x=0.0, y=0.0)[columns]
    else:
        matrix, _, _ = cluster_features.features(ordered, representation, random_seed)
        coords = TruncatedSVD(2, random_state=random_seed).fit_transform(matrix)
        coords = coords * np.sign(coords.sum(axis=0) + 1e-12)  # a fixed orientation: most mass on the positive side
        placed = ordered.assign(x=coords[:, 0].round(4), y=coords[:, 1].round(4))[columns]
    placed.attrs["sample_note"] = note
    return placed
