"""Outlets as the unit of comparison: ``outlets.csv``, documents nested in their outlet.

A researcher compares CNN with Fox News, not article 17 with article 203. When the corpus names
its outlets (a column of the export or ``metadata.csv``), every framing measure is aggregated
per outlet over its documents; per-document rows stay in ``framing.csv``. When no document names
one (the seeds), each document is its own outlet and the pages say so once (``units_note``).
Documents without an outlet in a corpus that names others share the unit ``NO_OUTLET``.

Shares come with 95% bootstrap intervals that resample the outlet's *documents* (a cluster
bootstrap: statements of one article are not independent), computed with scipy's
``stats.bootstrap`` (percentile method) and seeded per outlet, so adding an outlet leaves the
intervals of the others unchanged. An outlet with one document has no interval, and one with
fewer than ``MIN_DOCUMENTS`` documents is flagged ``small`` (when the corpus names its outlets):
its shares describe a handful of articles, not the outlet.
"""

from __future__ import annotations

import textwrap
import warnings
import zlib

import numpy as np
import pandas as pd
from scipy import stats

from .framing import LEAD_FRAMES, _text

NO_OUTLET = "(no outlet named)"
#: Outlets with fewer documents than this are flagged: too few to stand for the outlet.
MIN_DOCUMENTS = 3
CONFIDENCE = 0.95
RESAMPLES = 999
#: measure -> (numerator, denominator) columns of ``framing.profile``: each share is a ratio of
#: sums over the outlet's documents.
SHARES = {
    "share_fact": ("n_affirm_own_voice", "n_about_claim"),
    "share_allegation": ("n_affirm_attributed", "n_about_claim"),
    "share_hedge": ("n_hedge", "n_about_claim"),
    "share_deny": ("n_deny", "n_about_claim"),
    "share_own_voice": ("n_own_voice", "n_statements"),
    "share_unnamed": ("n_unnamed", "n_statements"),
}


def named(documents: pd.DataFrame) -> bool:
    """Whether any document names its outlet (then outlets, not documents, are compared)."""
    return bool(_text(documents, "outlet").str.strip().ne("").any())


def unit_of(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> the outlet it is compared under (the document itself when no outlet is named)."""
    ids = documents["doc_id"].astype(str).tolist()
    if not named(documents):
        return dict(zip(ids, ids))
    outlets = _text(documents, "outlet").str.strip().replace("", NO_OUTLET).tolist()
    return dict(zip(ids, outlets))


def with_outlet(frame: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (rows with a ``doc_id``) with the ``outlet`` it is compared under, as its second column."""
    units = unit_of(documents)
    table = frame.drop(columns="outlet", errors="ignore").copy()  # one block: no fragmentation warning in a report
    table.insert(min(1, len(table.columns)), "outlet", table["doc_id"].astype(str).map(units).fillna(table["doc_id"]))
    return table


def units_note(documents: pd.DataFrame) -> str:
    """The one sentence that tells a reader what "outlet" means on these pages."""
    if not named(documents):
        return (
            "**Outlets here are documents**: no document of this corpus names its publisher, so each document "
            "is compared as an outlet of its own."
        )
    units = pd.Series(unit_of(documents))
    note = (
        f"**{units.nunique():,} outlets** publish the {len(units):,} documents; every measure is "
        "aggregated per outlet over its documents (per-document rows are in `tables/framing.csv`)."
    )
    missing = int((units == NO_OUTLET).sum())
    if missing:
        note += f" {missing:,} documents name no outlet and are grouped as {NO_OUTLET}."
    return note


def _interval(numerator: np.ndarray, denominator: np.ndarray, seed: list[int]) -> tuple[float, float]:
    """95% percentile bootstrap interval of sum(numerator) / sum(denominator) over documents."""
    if len(numerator) < 2 or denominator.sum() == 0:
        return np.nan, np.nan

    def ratio(num, den, axis=-1):
        with np.errstate(invalid="ignore", divide="ignore"):
            return num.sum(axis=axis) / den.sum(axis=axis)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # degenerate resamples (all-zero shares) are expected, not news
        found = stats.bootstrap(
            (numerator, denominator),
            ratio,
            paired=True,
            vectorized=True,
            n_resamples=RESAMPLES,
            confidence_level=CONFIDENCE,
            method="percentile",
            random_state=np.random.default_rng(seed),
        )
    low, high = found.confidence_interval
    return float(low), float(high)


def _seed(outlet: str, random_seed: int) -> list[int]:
    return [int(random_seed), zlib.crc32(outlet.encode("utf-8"))]


def outlet_table(
    documents: pd.DataFrame,
    profile: pd.DataFrame,
    statements: pd.DataFrame,
    random_seed: int = 0,
    min_documents: int = MIN_DOCUMENTS,
) -> pd.DataFrame:
    """``outlets.csv``: one row per outlet, sorted by name, from stage 1's documents, the
    per-document ``framing.profile`` and the statements (for whose voice leads)."""
    units = unit_of(documents)
    by_name = named(documents)  # documents as outlets are never "small": they are what is compared
    docs = with_outlet(documents, documents)
    ok = docs[_text(docs, "status").isin(["ok", ""])]
    frame = with_outlet(profile, documents)
    own = _text(statements, "speaker").eq("").groupby(statements["doc_id"].astype(str)).sum()
    frame["n_own_voice"] = frame["doc_id"].astype(str).map(own).fillna(0).astype(int)
    voiced = statements[_text(statements, "speaker_group").ne("")]
    voices = (
        voiced.assign(outlet=voiced["doc_id"].astype(str).map(units))
        .groupby(["outlet", "speaker_group"])
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["outlet", "n", "speaker_group"], ascending=[True, False, True], kind="mergesort")
        .drop_duplicates("outlet")
        .set_index("outlet")
    )
    # One grouped pass per column (a corpus without outlet names has one outlet per document:
    # 100k of them); the bootstrap runs only for outlets of two documents or more.
    groups = frame.groupby("outlet", sort=True)
    table = pd.DataFrame(index=pd.Index(sorted(groups.groups), name="outlet"))
    table["n_documents"] = groups.size()
    table["n_statements"] = groups["n_statements"].sum().astype(int)
    dated = ok.assign(_published=_text(ok, "published"))
    dated = dated[dated["_published"].ne("")].groupby("outlet")["_published"]
    table["first_published"] = dated.min().reindex(table.index).fillna("")
    table["last_published"] = dated.max().reindex(table.index).fillna("")
    table["n_dated"] = dated.size().reindex(table.index).fillna(0).astype(int)
    table["small"] = by_name & (table["n_documents"] < min_documents)
    table["n_about_claim"] = groups["n_about_claim"].sum().astype(int)
    sums = groups[sorted({c for pair in SHARES.values() for c in pair})].sum().astype(float)
    several = table.index[table["n_documents"] >= 2]
    for measure, (num, den) in SHARES.items():
        with np.errstate(invalid="ignore", divide="ignore"):
            table[measure] = (sums[num] / sums[den].where(sums[den] > 0)).round(4)
        low, high = pd.Series(np.nan, index=table.index), pd.Series(np.nan, index=table.index)
        for outlet in several:
            part = groups.get_group(outlet)
            low[outlet], high[outlet] = _interval(
                part[num].astype(float).to_numpy(), part[den].astype(float).to_numpy(), _seed(outlet, random_seed)
            )
        table[f"{measure}_low"], table[f"{measure}_high"] = low.round(4), high.round(4)
    table["leading_voice"] = voices["speaker_group"].reindex(table.index).fillna("")
    table["n_leading_voice"] = voices["n"].reindex(table.index).fillna(0).astype(int)
    frames = _text(frame, "lead_frame")
    for frame_name in LEAD_FRAMES:
        table[f"lead_{frame_name}"] = (
            frames.eq(frame_name).groupby(frame["outlet"]).sum().reindex(table.index).astype(int)
        )
    media = _text(frame, "cited_media")
    cited = (
        media[media.ne("")]
        .groupby(frame["outlet"])
        .agg(lambda cells: ";".join(sorted({m for cell in cells for m in cell.split(";") if m})))
    )
    table["cited_media"] = cited.reindex(table.index).fillna("")
    table["documents"] = groups["doc_id"].agg(lambda ids: ";".join(sorted(ids.astype(str))))
    return table.reset_index()


def busiest(outlets_table: pd.DataFrame, limit: int, size: str = "n_statements") -> list[str]:
    """The ``limit`` outlets with the most statements (or another count, ``size``; ties broken by
    name), in name order: the ones pages and figures show one by one when there are too many."""
    ranked = pd.DataFrame(
        {"outlet": outlets_table["outlet"].astype(str), "n": pd.to_numeric(outlets_table[size]).fillna(0).astype(int)}
    )
    ranked = ranked.sort_values(["n", "outlet"], ascending=[False, True], kind="mergesort")
    return sorted(ranked["outlet"].head(limit))


def interval_text(row: pd.Series, measure: str) -> str:
    """'42% (31-55%)': a share with its interval, for pages and findings."""
    return _share_text(row.get(measure), row.get(f"{measure}_low"), row.get(f"{measure}_high"))


def interval_texts(table: pd.DataFrame, measure: str) -> list[str]:
    """``interval_text`` for every row of ``table`` (one pass over three columns, not one row at a time)."""
    missing = pd.Series(None, index=table.index, dtype=object)
    columns = [table.get(name, missing) for name in (measure, f"{measure}_low", f"{measure}_high")]
    return [_share_text(*values) for values in zip(*(c.tolist() for c in columns))]


def _share_text(value, low, high) -> str:
    if value is None or pd.isna(value):
        return "-"
    shown = f"{float(value):.0%}"
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return shown
    return f"{shown} ({float(low):.0%}\u2013{float(high):.0%})"


def document_labels(documents: pd.DataFrame, width: int | None = None) -> dict[str, str]:
    """doc_id -> how a reader recognises the document: its title, else its outlet and date, else its id.

    With ``width`` (an axis of documents), the outlet and date come first, so that sorted labels
    group an outlet's documents, and the title is shortened to fit."""
    labels = {}
    for doc_id, title, outlet, published in zip(
        documents["doc_id"].astype(str),
        _text(documents, "title"),
        _text(documents, "outlet"),
        _text(documents, "published"),
    ):
        title = " ".join(title.split())
        where = ", ".join(p for p in (outlet.strip(), published.strip()) if p)
        if width is not None:
            label = f"{where}: {title}" if where and title else where or title or doc_id
            labels[doc_id] = textwrap.shorten(label, width, placeholder="\u2026")
        elif title:
            labels[doc_id] = f"\u201c{title}\u201d" + (f" ({where})" if where else "")
        else:
            labels[doc_id] = where or doc_id
    return labels


def summary_table(outlets_table: pd.DataFrame) -> pd.DataFrame:
    """``outlets.csv`` for reading: shares with their intervals as text, one row per outlet."""
    table = pd.DataFrame({"outlet": outlets_table["outlet"]})
    table["documents"] = outlets_table["n_documents"].astype(int).astype(str) + outlets_table["small"].map(
        lambda small: " (small)" if str(small) == "True" else ""
    )
    table["published"] = [
        f"{a} to {b}" if a else "-" for a, b in zip(outlets_table["first_published"], outlets_table["last_published"])
    ]
    table["statements"] = outlets_table["n_statements"].astype(int)
    table["leading voice"] = [
        f"{v} ({int(n)})" if v else "-"
        for v, n in zip(outlets_table["leading_voice"], outlets_table["n_leading_voice"])
    ]
    for measure, label in (("share_own_voice", "own voice"), ("share_unnamed", "unnamed sources")):
        table[label] = interval_texts(outlets_table, measure)
    table["about the claim"] = outlets_table["n_about_claim"].astype(int)
    for measure, label in (
        ("share_fact", "fact"),
        ("share_allegation", "allegation"),
        ("share_hedge", "hedge"),
        ("share_deny", "deny"),
    ):
        table[label] = interval_texts(outlets_table, measure)
    leads = zip(*(pd.to_numeric(outlets_table[f"lead_{f}"]).astype(int).tolist() for f in LEAD_FRAMES))
    table["lead frames"] = [", ".join(f"{n} {f}" for f, n in zip(LEAD_FRAMES, counts) if n) for counts in leads]
    table["cited media"] = outlets_table["cited_media"].str.replace(";", ", ")
    return table.set_index("outlet")
