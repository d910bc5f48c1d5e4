"""The three to five findings that matter most, in plain sentences, each with its evidence.

A reader of a report first wants to know what was found. Which findings lead is decided by a
fixed rule, stated on the page (``RULE``), not by taste: one finding of each kind below, in this
order, when the tables hold one that passes its bar, the strongest of its kind.

1. **A framing gap**: the two outlets furthest apart on one share (fact, allegation, hedge,
   denial); with intervals, only when the two 95% intervals do not overlap (strength: the gap
   between them); for single documents, a gap of at least ``MIN_GAP`` with ``MIN_ABOUT``
   statements about the claim each.
2. **A disagreement between outlets**: the pair of outlets and kind with the most supporting
   pairs of statements in ``contradictions.csv``.
3. **A claim and who leaves it out**: the claim carried by the most outlets, and the outlets
   with statements that do not carry it.
4. **Sourcing**: the outlet resting most on unnamed sources against the one resting least,
   when their intervals do not overlap (single documents: ``MIN_GAP`` apart).
5. **Headlines**: how many outlets' headlines and first sentences lean to accusation and how
   many to denial, when both happen.

Quotes are shortened around the words that carry the finding (``excerpt``), not cut at a fixed
length before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import framing, outlets
from .findings import cell, code

RULE = (
    "Chosen by a fixed rule, not by hand: one finding of each kind (a framing gap between two outlets whose "
    "95% intervals do not overlap, the best-supported disagreement between outlets, the claim most outlets "
    "carry and who leaves it out, the widest gap in reliance on unnamed sources, how headlines lean), in this "
    "order, when the tables hold one that passes its bar; the strongest of each kind."
)
#: Single documents have no interval: a share gap must be at least this large to lead.
MIN_GAP = 0.25
#: Statements about the claim an outlet needs before its shares can lead.
MIN_ABOUT = 5
#: Statements an outlet needs before its unnamed-source share can lead.
MIN_STATEMENTS = 20
EXCERPT_CHARS = 160
SHARE_WORDS = {
    "share_fact": "asserts the claim as fact in its own voice in",
    "share_allegation": "reports the claim as someone's allegation in",
    "share_hedge": "hedges in",
    "share_deny": "carries a denial in",
}


@dataclass(frozen=True)
class Highlight:
    kind: str
    text: str  # Markdown, corpus text escaped
    evidence: list[str]  # statement ids


def excerpt(text: str, anchors=(), width: int = EXCERPT_CHARS) -> str:
    """``text`` cut to about ``width`` characters around the first anchor found (case-insensitive),
    at word boundaries, with an ellipsis where something was left out."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    at = next((m.start() for a in anchors if a for m in [re.search(re.escape(a), text, re.I)] if m), 0)
    start = max(0, min(at - width // 3, len(text) - width))
    end = min(len(text), start + width)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return ("\u2026" if start > 0 else "") + text[start:end].strip() + ("\u2026" if end < len(text) else "")


def cues(explanation) -> list[str]:
    """The quoted cue words of a contradiction's explanation ("denied", "has not rejected"): the
    words an excerpt of its statements is cut around."""
    return re.findall(r"\u201c([^\u201d]{1,40})\u201d", str(explanation))


def _quote(statement_id: str, text: str, anchors=()) -> str:
    return f"{code(statement_id)} \u201c{cell(excerpt(text, anchors))}\u201d"


def _has_interval(row) -> bool:
    return not pd.isna(row.get("share_fact_low"))


def _share(row, measure: str) -> str:
    return outlets.interval_text(row, measure)


def _example(statements: pd.DataFrame, outlet: str, measure: str):
    mine = statements[statements["outlet"] == outlet]
    stance_, own = framing._text(mine, "stance"), framing._text(mine, "speaker").eq("")
    mask = {
        "share_fact": stance_.eq("affirm") & own,
        "share_allegation": stance_.eq("affirm") & ~own,
        "share_hedge": stance_.eq("hedge"),
        "share_deny": stance_.eq("deny"),
        "share_unnamed": framing.is_unnamed(mine),
    }[measure]
    rows = mine[mask.to_numpy()]
    return None if rows.empty else rows.iloc[0]


def _gap(table: pd.DataFrame, measure: str, size: str, minimum: int):
    """(strength, high row, low row) of the two outlets furthest apart on ``measure``, or None."""
    rows = table[(pd.to_numeric(table[size]) >= minimum) & ~table["small"].astype(str).eq("True")]
    rows = rows[pd.to_numeric(rows[measure], errors="coerce").notna()]
    if len(rows) < 2:
        return None
    high = rows.loc[pd.to_numeric(rows[measure]).idxmax()]
    low = rows.loc[pd.to_numeric(rows[measure]).idxmin()]
    if _has_interval(high) and _has_interval(low):
        strength = float(high[f"{measure}_low"]) - float(low[f"{measure}_high"])
        return (strength, high, low) if strength > 0 else None
    strength = float(high[measure]) - float(low[measure])
    return (strength, high, low) if strength >= MIN_GAP else None


def framing_gap(table: pd.DataFrame, statements: pd.DataFrame, name) -> Highlight | None:
    found = [(g, m) for m in SHARE_WORDS if (g := _gap(table, m, "n_about_claim", MIN_ABOUT))]
    if not found:
        return None
    (strength, high, low), measure = max(found, key=lambda item: (item[0][0], item[1]))
    parts, evidence = [], []
    for row in (high, low):
        example = _example(statements, row["outlet"], measure)
        said = f" (e.g. {_quote(example['statement_id'], example['text'])})" if example is not None else ""
        parts.append(
            f"{name(row['outlet'])} {SHARE_WORDS[measure]} {_share(row, measure)} of its "
            f"{int(row['n_about_claim'])} statements about the claim{said}"
        )
        if example is not None:
            evidence.append(example["statement_id"])
    return Highlight("framing gap", "; ".join(parts) + ".", evidence)


def disagreement(contradictions: pd.DataFrame, name) -> Highlight | None:
    if contradictions is None or contradictions.empty:
        return None
    counts = contradictions.groupby(["outlet_a", "outlet_b", "kind"], sort=True).size().rename("n").reset_index()
    best = counts.sort_values("n", ascending=False, kind="mergesort").iloc[0]
    rows = contradictions[
        (contradictions["outlet_a"] == best["outlet_a"])
        & (contradictions["outlet_b"] == best["outlet_b"])
        & (contradictions["kind"] == best["kind"])
    ]
    first = rows.iloc[0]
    anchors = cues(first["explanation"])
    text = (
        f"{name(best['outlet_a'])} and {name(best['outlet_b'])} disagree ({cell(best['kind'])}, "
        f"{int(best['n'])} pair{'s' if best['n'] != 1 else ''} of statements): "
        f"{_quote(first['statement_a'], first['text_a'], anchors)} against "
        f"{_quote(first['statement_b'], first['text_b'], anchors)}."
    )
    return Highlight("disagreement", text, [first["statement_a"], first["statement_b"]])


def omitted_claim(statements: pd.DataFrame, claims: pd.DataFrame | None, table: pd.DataFrame, name) -> Highlight | None:
    cids = framing.claim_ids(framing._text(statements, "cluster_id"))
    carried = pd.DataFrame({"claim": cids, "outlet": statements["outlet"]})[cids.ne("").to_numpy()].drop_duplicates()
    if carried.empty or carried["outlet"].nunique() < 2:
        return None
    counts = carried.groupby("claim")["outlet"].nunique()
    claim = sorted(counts.index, key=lambda c: (-counts[c], c))[0]
    eligible = table[~table["small"].astype(str).eq("True") & (pd.to_numeric(table["n_statements"]) > 0)]["outlet"]
    missing = sorted(set(eligible) - set(carried.loc[carried["claim"] == claim, "outlet"]))
    labels = framing._claim_labels(statements, claims)
    example = statements[cids.eq(claim).to_numpy()].iloc[0]
    omits = (
        (
            "; "
            + ", ".join(name(o) for o in missing[:5])
            + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
            + f" {'does' if len(missing) == 1 else 'do'} not carry it"
        )
        if missing
        else "; every outlet carries it"
    )
    text = (
        f"The claim carried by the most outlets, {code(claim)} \u201c{cell(excerpt(labels.get(claim, ''), ()))}\u201d, "
        f"appears in {int(counts[claim])} of {table['outlet'].nunique()} outlets{omits} "
        f"(e.g. {_quote(example['statement_id'], example['text'])})."
    )
    return Highlight("claim", text, [example["statement_id"]])


def unnamed_sources(table: pd.DataFrame, statements: pd.DataFrame, name) -> Highlight | None:
    found = _gap(table, "share_unnamed", "n_statements", MIN_STATEMENTS)
    if found is None:
        return None
    _, high, low = found
    example = _example(statements, high["outlet"], "share_unnamed")
    said = f" (e.g. {_quote(example['statement_id'], example['text'])})" if example is not None else ""
    text = (
        f"{name(high['outlet'])} rests {_share(high, 'share_unnamed')} of its statements on unnamed sources{said}; "
        f"{name(low['outlet'])} {_share(low, 'share_unnamed')}."
    )
    return Highlight("sourcing", text, [example["statement_id"]] if example is not None else [])


def headlines(documents: pd.DataFrame, name) -> Highlight | None:
    docs = outlets.with_outlet(documents, documents)
    frames = framing._text(docs, "lead_frame")
    counts = pd.crosstab(docs["outlet"], frames).reindex(columns=["accusation", "denial"], fill_value=0)
    lean = {
        o: ("accusation" if a > d else "denial")
        for o, a, d in zip(counts.index, counts["accusation"], counts["denial"])
        if a != d
    }
    accusing = sorted(o for o, f in lean.items() if f == "accusation")
    denying = sorted(o for o, f in lean.items() if f == "denial")
    if not accusing or not denying:
        return None
    evidence = docs[frames.eq("denial").to_numpy() & docs["outlet"].isin(denying).to_numpy()]
    ids = [i for i in framing._text(evidence, "lead_statement_id").tolist() if i][:3]
    listed = lambda found: (
        ", ".join(name(o) for o in found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
    )
    text = (
        f"Headlines and first sentences lean to the accusation in {len(accusing)} "
        f"outlet{'s' if len(accusing) != 1 else ''} ({listed(accusing)}) and to the denial in {len(denying)} "
        f"({listed(denying)})" + (f"; the denials lead in {', '.join(code(i) for i in ids)}" if ids else "") + "."
    )
    return Highlight("headlines", text, ids)


def highlights(
    documents: pd.DataFrame,
    statements: pd.DataFrame,
    outlets_table: pd.DataFrame,
    contradictions: pd.DataFrame | None,
    claims: pd.DataFrame | None,
    name,
) -> list[Highlight]:
    """The findings that lead, by ``RULE``; ``statements`` carry ``outlet``; ``name`` shows an outlet."""
    found = [
        framing_gap(outlets_table, statements, name),
        disagreement(contradictions, name),
        omitted_claim(statements, claims, outlets_table, name),
        unnamed_sources(outlets_table, statements, name),
        headlines(documents, name),
    ]
    return [h for h in found if h is not None]
