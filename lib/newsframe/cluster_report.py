"""Stage 3 for readers: which document carries which claim, and a map of the statements.

Everything here is computed from the clustered statements, so the notebook's prose follows the
tables rather than being typed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD

from . import cluster_features, cluster_stream, positions
from .cluster_features import DEFAULT_REPRESENTATION
from .framing import _text


def document_names(documents: pd.DataFrame) -> dict[str, str]:
    """What to call each document: its outlet where known, else its id."""
    outlet = documents.get("outlet", pd.Series("", index=documents.index)).fillna("")
    return dict(zip(documents["doc_id"], outlet.where(outlet != "", documents["doc_id"])))


#: How an outlet carries a claim, from each statement's stance and voice (``claim_stances``).
STANCES = ("affirm", "report", "hedge", "deny")
STANCE_COLUMNS = ["cluster_id", "story_id", "outlet", "stance", "n_statements", "speaker_groups", "statement_ids"]


def statement_stance(statements: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.Series:
    """Per statement: ``deny`` (stage 2's stance toward the claim under study, or, for a statement
    not about it, a denial of its own claim's proposition: ``positions``), ``hedge`` (hedged),
    ``affirm`` (asserted in the article's own voice: stated as fact) or ``report`` (attributed to
    someone, not doubted; also "X did not deny it")."""
    stance, speaker = _text(statements, "stance"), _text(statements, "speaker")
    hedged = _text(statements, "hedged").str.lower().isin(["true", "1"])
    denies = stance.eq("deny") | positions.positioned(statements, claims)["position"].eq("deny").reindex(
        statements.index, fill_value=False
    )
    return pd.Series(
        np.select([denies, stance.eq("hedge") | hedged, speaker.eq("")], ["deny", "hedge", "affirm"], "report"),
        index=statements.index,
    )


def claim_stances(statements: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """``claim_stances.csv``: one row per claim x outlet x stance, with the speaker groups and the
    statements behind it. Speaker and stance are attributes of a claim, not what splits it: this
    table is where they are read. ``statements`` needs ``outlet`` (``outlets.with_outlet``)."""
    ok = statements[statements["cluster_id"].fillna("").astype(str).ne("")]
    if ok.empty:
        return pd.DataFrame(columns=STANCE_COLUMNS)
    table = ok.assign(stance=statement_stance(ok, claims), speaker_group=ok.get("speaker_group", "").fillna(""))
    keys = ["cluster_id", "outlet", "stance"]
    grouped = table.sort_values(["doc_id", "start"], kind="stable").groupby(keys, sort=False)
    out = grouped.agg(n_statements=("statement_id", "size"), statement_ids=("statement_id", ";".join)).reset_index()
    voices = table.assign(_voice=table["speaker_group"].replace("", "(own voice)"))
    voices = voices.groupby([*keys, "_voice"]).size().rename("_n").reset_index()
    voices = voices.sort_values([*keys, "_n", "_voice"], ascending=[True, True, True, False, True], kind="stable")
    voices["_text"] = voices["_voice"] + " " + voices["_n"].astype(str)
    joined = voices.groupby(keys, sort=False)["_text"].agg("; ".join).rename("speaker_groups")
    out = out.join(joined, on=keys)
    story = dict(zip(claims["cluster_id"], claims["story_id"])) if "story_id" in claims else {}
    out["story_id"] = out["cluster_id"].map(story).fillna("")
    rank = {c: i for i, c in enumerate(claims["cluster_id"])}
    out = out.assign(_c=out["cluster_id"].map(rank), _s=out["stance"].map(STANCES.index))
    return out.sort_values(["_c", "outlet", "_s"], kind="stable")[STANCE_COLUMNS].reset_index(drop=True)


def stance_grid(stances: pd.DataFrame, claims: pd.DataFrame, only: list[str] | None = None) -> pd.DataFrame:
    """Claims x outlets: the stance most of the outlet's statements on the claim take (ties: the
    stronger, deny > hedge > report > affirm), '' where the outlet does not carry the claim. ``only``:
    these claims, in this order (``framing.widest_claims``); thousands of claims do not fit a grid."""
    order = only if only is not None else claims["cluster_id"].tolist()
    stances = stances[stances["cluster_id"].isin(order)]
    if stances.empty:
        return pd.DataFrame()
    strength = {"deny": 3, "hedge": 2, "report": 1, "affirm": 0}
    best = stances.assign(_w=stances["n_statements"] * 10 + stances["stance"].map(strength))
    best = best.sort_values("_w", ascending=False, kind="stable").drop_duplicates(["cluster_id", "outlet"])
    grid = best.pivot(index="cluster_id", columns="outlet", values="stance").fillna("")
    return grid.reindex([c for c in order if c in grid.index])


def coverage(
    statements: pd.DataFrame, claims: pd.DataFrame, by: str = "doc_id", only: list[str] | None = None
) -> pd.DataFrame:
    """Statements per document or outlet (rows, column ``by``: every one of them) and claim (columns,
    in claim order; ``only``: these claims in this order, see ``framing.widest_claims``)."""
    order = only if only is not None else claims["cluster_id"].tolist()
    shown = statements[statements["cluster_id"].isin(order)]
    table = pd.crosstab(shown[by], shown["cluster_id"]).reindex(sorted(statements[by].unique()), fill_value=0)
    return table.reindex(columns=order, fill_value=0).rename_axis(index=by, columns="claim")


#: Claims listed under each heading of ``sharing_markdown``; claims.csv has every one.
SHARING_LIST = 25


def _listed(lines: list[tuple[str, str]]) -> list[str]:
    """The first ``SHARING_LIST`` (sort key, line) pairs in claims.csv order, shown by sort key."""
    more = len(lines) - SHARING_LIST
    shown = sorted(lines[:SHARING_LIST], key=lambda item: item[0])
    return [f"- {text}" for _, text in shown] + (
        [f"- *… and {more:,} more (`tables/claims.csv` has them all)*"] if more > 0 else []
    )


def sharing_markdown(statements: pd.DataFrame, claims: pd.DataFrame, documents: pd.DataFrame) -> str:
    """Which claims every document carries and which only one does (at most ``SHARING_LIST`` of
    each, in claims.csv order: on a large corpus thousands of claims are one document's)."""
    if claims.empty:
        return "There are no claims."
    names = document_names(documents)
    n_docs = statements["doc_id"].nunique()
    doc_of = dict(statements.drop_duplicates("cluster_id")[["cluster_id", "doc_id"]].itertuples(index=False))

    def line(row) -> str:
        return f"**{row.cluster_id}** ({row.cluster_label}; {row.n_statements} statements): “{row.representative}”"

    everywhere = [("", line(r)) for r in claims.itertuples() if r.n_docs == n_docs]
    single = []
    for r in claims.itertuples():
        if r.n_docs == 1:
            name = names.get(doc_of[r.cluster_id], doc_of[r.cluster_id])  # a claim of one document
            single.append((name, f"in {name}: {line(r)}"))
    parts = [f"**{len(claims)} claims** over **{n_docs} documents**."]
    if n_docs > 1:
        parts.append(
            f"Carried by all {n_docs} documents ({len(everywhere)}):"
            if everywhere
            else f"No claim is carried by all {n_docs} documents."
        )
        parts += _listed(everywhere)
        parts.append(
            f"Carried by one document only ({len(single)}):"
            if single
            else "Every claim is carried by at least two documents."
        )
        parts += _listed(single)
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
    return part, (
        f"(a random {len(part):,} of {len(statements):,} statements: "
        f"all those of {part['doc_id'].nunique():,} of {statements['doc_id'].nunique():,} documents)"
    )


def statement_map(
    statements: pd.DataFrame,
    representation: str = DEFAULT_REPRESENTATION,
    random_seed: int = 0,
    limit: int | None = MAP_POINTS,
) -> pd.DataFrame:
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
        if matrix.shape[1] > 2:
            coords = TruncatedSVD(2, random_state=random_seed).fit_transform(matrix)
        else:  # already two dimensions or fewer (LSA of a handful of statements)
            coords = np.hstack([cluster_features.dense(matrix), np.zeros((matrix.shape[0], 2))])[:, :2]
        coords = coords * np.sign(coords.sum(axis=0) + 1e-12)  # a fixed orientation: most mass on the positive side
        placed = ordered.assign(x=coords[:, 0].round(4), y=coords[:, 1].round(4))[columns]
    placed.attrs["sample_note"] = note
    return placed
