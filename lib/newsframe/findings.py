"""``findings.md``: the stage-4 tables turned into short per-outlet summaries and Markdown tables.

Nothing here is typed by hand: every number is computed from the tables passed in, and every
finding names the statements behind it (``doc:NNN`` ids) and quotes their text. Corpus text is
untrusted: it goes through ``html.escape`` and Markdown's special characters are backslashed;
in table cells ``|`` is escaped and line breaks become spaces. Figures are linked relative to
the report folder (``figures/NAME.png``), so the file reads the same on GitHub and in ``reports/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import pandas as pd

from . import contradictions as contra
from . import framing, mdtext, outlets, paths, sourcing, tables

#: Figure name -> path relative to the report folder (written by the stage-4 notebook with
#: ``figures.save_figure``); only these are linked.
FIGURES = {
    "framing_stance": "figures/framing_stance.png",
    "distinctive_terms": "figures/distinctive_terms.png",
    "sourcing_graph": "figures/sourcing_graph.png",
}
QUOTE_CHARS = 160  # quotes longer than this are cut (with an ellipsis) in tables, never in summaries
#: Outlets with a section of their own, a row in the framing and vocabulary tables and a column in
#: the claims table; larger corpora show those with the most statements (ties by name) and say how
#: many were left out and which table in ``tables/`` has them all.
MAX_OUTLETS = 20
#: Rows of the other long tables (disagreements, citations, timeline, claims) before they are cut
#: the same way.
MAX_ROWS = 50
#: Ids listed in one cell or line (statement ids of a citation, documents an outlet disagrees with).
MAX_IDS = 10


def md(text) -> str:
    """Corpus text safe for Markdown and HTML (see ``mdtext.inline``)."""
    return mdtext.inline(text)


def cell(text, limit: int | None = None) -> str:
    """``md`` for a table cell: ``|`` escaped, whitespace runs (line breaks included) as one space."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return md(text)


code = mdtext.code


def quote(statement_id, text, limit: int | None = None) -> str:
    """``id`` “text”: how every finding cites its evidence."""
    return f"{code(statement_id)} \u201c{cell(text, limit)}\u201d"


def plural(count, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def pct(part, whole) -> str:
    return f"{(100.0 * part / whole):.0f}%" if whole else "0%"


@dataclass(frozen=True)
class Findings:
    markdown: str
    numbers: dict = field(default_factory=dict)


def headline_numbers(
    outlets_table: pd.DataFrame,
    profile: pd.DataFrame,
    contradictions: pd.DataFrame,
    within: pd.DataFrame | None,
    distinctive: pd.DataFrame | None,
    statements: pd.DataFrame,
) -> dict:
    """A few numbers for the index page and the notebook's prose, from the tables."""
    kinds = contradictions["kind"].value_counts() if len(contradictions) else pd.Series(dtype=int)
    media = sorted({m for cell_ in profile["cited_media"] for m in str(cell_).split(";") if m})
    return {
        "outlets": len(outlets_table),
        "documents": len(profile),
        "statements": int(profile["n_statements"].sum()),
        "statements_about_claim": int(profile["n_about_claim"].sum()),
        "affirm": int(profile["n_affirm"].sum()),
        "deny": int(profile["n_deny"].sum()),
        "hedge": int(profile["n_hedge"].sum()),
        "unnamed_statements": int(profile["n_unnamed"].sum()),
        "lead_frames": {f: int((profile["lead_frame"] == f).sum()) for f in framing.LEAD_FRAMES},
        "contradictions": len(contradictions),
        "contradictions_by_kind": {k: int(kinds.get(k, 0)) for k in contra.KINDS},
        "within_outlet": 0 if within is None else len(within),
        "media_cited": media,
        "significant_terms": int(distinctive["significant"].astype(str).eq("True").sum())
        if distinctive is not None and len(distinctive)
        else 0,
        "claims": int(statements["cluster_id"].map(framing.claim_id).replace("", pd.NA).nunique())
        if "cluster_id" in statements
        else 0,
    }


def _left_out(shown: int, total: int, noun: str, where: str) -> str:
    """The sentence under a cut table: how many rows it shows, how many it leaves out, and where they are."""
    return f"*Showing {shown:,} of {total:,} {noun}; the other {total - shown:,} are left out here. {where}*"


def _ids(ids: list[str], limit: int = MAX_IDS, where: str = "") -> str:
    """Ids as inline code, the first ``limit`` of them and how many more."""
    shown = ", ".join(code(i) for i in ids[:limit])
    if len(ids) <= limit:
        return shown
    return shown + f" and {len(ids) - limit:,} more" + (f" ({where})" if where else "")


def _first(statements: pd.DataFrame, mask: pd.Series):
    rows = statements[mask]
    return None if rows.empty else rows.iloc[0]


def _bool(value) -> bool:
    return str(value) == "True"


class _Report:
    """What the per-outlet parts need, read once: documents, labels, statements grouped by outlet."""

    def __init__(self, documents, statements, outlets_table, by_outlet: bool, shown: list[str]):
        self.by_outlet = by_outlet
        self.labels = outlets.document_labels(documents)
        self.leads = documents.set_index("doc_id") if "lead_basis" in documents.columns else None
        # only the outlets shown one by one: 100k one-document outlets would be 100k sub-frames
        mine = statements[statements["outlet"].isin(shown)]
        self.statements_of = dict(tuple(mine.groupby("outlet", sort=False)))
        self.outlets = outlets_table.set_index("outlet")
        self.empty = statements.iloc[:0]

    def name(self, outlet: str) -> str:
        """An outlet as a reader knows it: its name, or (documents as outlets) the document's id and title."""
        label = self.labels.get(outlet, outlet)
        if self.by_outlet:
            return cell(outlet)
        return code(outlet) if label == outlet else f"{code(outlet)}: {cell(label)}"

    def document(self, doc_id: str) -> str:
        """A document by its title (or outlet and date) with its id, so a reader can find it."""
        label = self.labels.get(doc_id, doc_id)
        return code(doc_id) if label == doc_id else f"{cell(label)} {code(doc_id)}"


def _outlet_section(
    report: _Report,
    outlet: str,
    profile: pd.DataFrame,
    contradictions: pd.DataFrame,
    within: pd.DataFrame | None,
    distinctive: pd.DataFrame | None,
    top_terms: int,
) -> str:
    """One outlet's summary, one finding per line; ``profile`` holds its documents' rows."""
    row = report.outlets.loc[outlet]
    own = report.statements_of.get(outlet, report.empty)
    n = int(row["n_statements"])
    lines = [f"### {report.name(outlet)}", ""]  # heading, then one line per finding
    if report.by_outlet:
        dates = (
            f"published {row['first_published']} to {row['last_published']} ({int(row['n_dated'])} dated)"
            if row["first_published"]
            else "no publication dates"
        )
        lines.append(
            f"{plural(int(row['n_documents']), 'document')}, {dates}; {plural(n, 'statement')}."
            + (
                f" *Fewer than {outlets.MIN_DOCUMENTS} documents: these shares describe a handful of "
                "articles, not the outlet.*"
                if _bool(row["small"])
                else ""
            )
        )
        docs = profile.sort_values("doc_id", kind="mergesort")["doc_id"].tolist()
        listed = "; ".join(report.document(d) for d in docs[:MAX_IDS])
        lines += [
            "",
            f"- **Documents**: {listed}"
            + (f" and {len(docs) - MAX_IDS:,} more (`tables/framing.csv`)" if len(docs) > MAX_IDS else "")
            + ".",
        ]
    else:
        lines.append(f"{plural(n, 'statement')}.")
        lines.append("")
    frames = ", ".join(f"{int(row[f'lead_{f}'])} {f}" for f in framing.LEAD_FRAMES if int(row[f"lead_{f}"]))
    example = profile[framing._text(profile, "lead_frame").isin(["accusation", "denial"])].head(1)
    lead_note = ""
    if report.leads is not None and len(example):
        lead = report.leads.loc[example["doc_id"].iloc[0]]
        lead_note = f"; e.g. {report.document(example['doc_id'].iloc[0])}: {cell(lead['lead_basis'])}" + (
            f", first statement {quote(lead['lead_statement_id'], lead['lead_statement'])}"
            if lead.get("lead_statement_id")
            else ""
        )
    lines.append(f"- **Lead**: the headline and first sentence frame the story as {frames or 'nothing'}{lead_note}.")
    voice = row["leading_voice"]
    own_voice = outlets.interval_text(row, "share_own_voice")
    if voice:
        example = _first(own, framing._text(own, "speaker_group").eq(voice))
        lines.append(
            f"- **Whose voice**: the leading voice is {cell(voice)} with {int(row['n_leading_voice'])} "
            f"statements ({pct(row['n_leading_voice'], n)}), e.g. {quote(example['statement_id'], example['text'])}; "
            f"the outlet's own voice carries {own_voice}."
        )
    else:
        lines.append(f"- **Whose voice**: no statement is attributed to a speaker group; own voice {own_voice}.")
    stance_ = framing._text(own, "stance")
    speaker = framing._text(own, "speaker")
    about = int(row["n_about_claim"])
    lines.append(
        f"- **Fact or allegation**: of {about} statements about the claim,"
        if about
        else "- **Fact or allegation**: none of its statements is about the claim."
    )
    shares = (
        ("asserted as fact in its own voice", "share_fact", stance_.eq("affirm") & speaker.eq("")),
        ("reported as someone's assertion", "share_allegation", stance_.eq("affirm") & speaker.ne("")),
        ("hedged", "share_hedge", stance_.eq("hedge")),
        ("denied", "share_deny", stance_.eq("deny")),
    )
    for label, measure, mask in shares if about else ():
        example = _first(own, mask)
        count = int(mask.sum())
        lines.append(
            f"  - {count} {label}, {outlets.interval_text(row, measure)}"
            + (f"; e.g. {quote(example['statement_id'], example['text'], QUOTE_CHARS)}" if count else "")
        )
    unnamed = [s for cell_ in framing._text(profile, "unnamed_statements") for s in cell_.split(";") if s]
    if unnamed:
        example = own[own["statement_id"] == unnamed[0]].iloc[0]
        lines.append(
            f"- **Unnamed sources**: {plural(len(unnamed), 'statement')}, "
            f"{outlets.interval_text(row, 'share_unnamed')} of its statements: "
            + _ids(unnamed, where="`tables/framing.csv`")
            + f"; e.g. {quote(example['statement_id'], example['text'])}."
        )
    else:
        lines.append("- **Unnamed sources**: none.")
    media = [m for m in str(row["cited_media"]).split(";") if m]
    if media:
        cites = []
        cited = framing._text(own, "cited_media").str.split(";")
        for medium in media[:MAX_IDS]:
            example = _first(own, cited.map(lambda ms, m=medium: m in ms))
            cites.append(
                f"{cell(medium)} ({quote(example['statement_id'], example['text'], QUOTE_CHARS)})"
                if example is not None
                else cell(medium)
            )
        more = f"; and {len(media) - MAX_IDS:,} more" if len(media) > MAX_IDS else ""
        lines.append("- **Cites media**: " + "; ".join(cites) + more + ".")
    else:
        lines.append("- **Cites media**: none by name.")
    claims = sorted({c for cell_ in framing._text(profile, "claims") for c in cell_.split(";") if c})
    if claims:
        lines.append(
            f"- **Claims carried**: {plural(len(claims), 'claim')}: " + _ids(claims, where="`tables/framing.csv`") + "."
        )
    if distinctive is not None and len(distinctive):
        unit = distinctive.columns[0]
        terms = distinctive[(distinctive[unit] == outlet) & (distinctive["rank"].astype(int) <= top_terms)]
        if len(terms):
            lines.append(
                "- **Distinctive words**: "
                + ", ".join(
                    f"{cell(t)} (z {float(z):.1f}{'' if _bool(sig) else ', not significant'})"
                    for t, z, sig in zip(terms["term"], terms["z"], terms["significant"])
                )
                + "."
            )
    if len(contradictions):
        mine = contradictions[(contradictions["outlet_a"] == outlet) | (contradictions["outlet_b"] == outlet)]
        if len(mine):
            other = [r.outlet_b if r.outlet_a == outlet else r.outlet_a for r in mine.itertuples(index=False)]
            counts = pd.Series(other).value_counts().sort_index()
            shown = "; ".join(
                f"{report.name(o)} ({plural(int(c), 'disagreement')})" for o, c in counts.head(MAX_IDS).items()
            )
            more = f" and {len(counts) - MAX_IDS:,} more outlets" if len(counts) > MAX_IDS else ""
            lines.append(f"- **Disagrees with**: {shown}{more} (`tables/contradictions.csv`).")
    if within is not None and len(within):
        inside = within[within["outlet_a"] == outlet]
        if len(inside):
            lines.append(
                f"- **Inconsistent with itself**: {plural(len(inside), 'pair')} of its own documents "
                "disagree (`tables/within_outlet.csv`)."
            )
    return "\n".join(lines)


FRAMING_HEADER = [
    "outlet",
    "documents",
    "statements",
    "leading voice",
    "own voice",
    "about the claim",
    "fact (own voice)",
    "allegation (attributed)",
    "hedge",
    "deny",
    "unnamed sources",
    "lead frames",
    "cites media",
]


def framing_rows(outlets_table: pd.DataFrame, report: _Report | None = None) -> list[list[str]]:
    """The cells of the framing table, one row per outlet (also what the tests recompute)."""
    rows = []
    for _, r in outlets_table.iterrows():
        name = report.name(r["outlet"]) if report is not None else cell(r["outlet"])
        small = "\u2020" if _bool(r["small"]) else ""
        leads = ", ".join(f"{int(r[f'lead_{f}'])} {f}" for f in framing.LEAD_FRAMES if int(r[f"lead_{f}"])) or "-"
        rows.append(
            [
                name + small,
                str(int(r["n_documents"])),
                str(int(r["n_statements"])),
                f"{cell(r['leading_voice'] or '-')} ({int(r['n_leading_voice'])})",
                outlets.interval_text(r, "share_own_voice"),
                str(int(r["n_about_claim"])),
                outlets.interval_text(r, "share_fact"),
                outlets.interval_text(r, "share_allegation"),
                outlets.interval_text(r, "share_hedge"),
                outlets.interval_text(r, "share_deny"),
                outlets.interval_text(r, "share_unnamed"),
                leads,
                cell(str(r["cited_media"]).replace(";", ", ") or "-", QUOTE_CHARS),
            ]
        )
    return rows


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Section:
    """A ``## title`` of findings.md: blocks of Markdown text and tables, in order."""

    title: str
    blocks: list


_TEMPLATE = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=False,  # Markdown, escaped here
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=False,
    lstrip_blocks=False,
).get_template("findings.md.j2")


def build(
    documents: pd.DataFrame,
    statements: pd.DataFrame,
    profile: pd.DataFrame,
    outlets_table: pd.DataFrame,
    contradictions: pd.DataFrame,
    within: pd.DataFrame | None = None,
    distinctive: pd.DataFrame | None = None,
    edges: pd.DataFrame | None = None,
    timeline: pd.DataFrame | None = None,
    timeline_note: str = "",
    claims: pd.DataFrame | None = None,
    figures: dict[str, str] | None = None,
    top_terms: int = 5,
    max_outlets: int = MAX_OUTLETS,
    max_rows: int = MAX_ROWS,
    run_note: str = "",
) -> Findings:
    """The Markdown text and the headline numbers. ``documents`` should carry the ``lead_*``
    evidence columns that ``framing.lead`` adds (without them the lead examples are left out).

    It opens with the findings that lead (``highlights``, by the rule the page states), then one
    section per outlet. Outlets are the unit (``outlets``): each document is its own outlet when
    the corpus names none. The headline numbers cover everything; per-outlet parts show the
    ``max_outlets`` outlets with the most statements, the other long tables their first
    ``max_rows`` rows, and each cut says how many were left out and which table in ``tables/``
    has them all. ``run_note`` (``speakers.run_note``) says what the codebook, or its absence,
    changes. Each table is read once, so the time grows with the tables, not their square.
    The layout is ``templates/findings.md.j2``."""
    from . import highlights  # it quotes with this module's escaping helpers

    figures = FIGURES if figures is None else figures
    by_outlet = outlets.named(documents)
    statements = outlets.with_outlet(statements, documents)
    statements = statements.sort_values(
        ["doc_id", "start"] if "start" in statements else ["doc_id", "statement_id"], kind="mergesort"
    )
    profile = outlets.with_outlet(profile.sort_values("doc_id", kind="mergesort"), documents)
    outlets_table = outlets_table.sort_values("outlet", kind="mergesort")
    numbers = headline_numbers(outlets_table, profile, contradictions, within, distinctive, statements)
    n_outlets = len(outlets_table)
    shown = outlets.busiest(outlets_table, max_outlets)
    cut = len(shown) < n_outlets
    if cut:
        numbers["outlets_shown"] = len(shown)
    report = _Report(documents, statements, outlets_table, by_outlet, shown)
    which = f"the {len(shown):,} outlets with the most statements (ties broken by name)"
    profile_of = dict(tuple(profile[profile["outlet"].isin(shown)].groupby("outlet", sort=False)))
    each = Section(
        "Each outlet",
        (
            [
                f"Sections for {which}. The other {n_outlets - len(shown):,} of the {n_outlets:,} "
                "outlets are left out here: their numbers are in `tables/outlets.csv` and their "
                "documents' in `tables/framing.csv`."
            ]
            if cut
            else []
        )
        + [_outlet_section(report, o, profile_of[o], contradictions, within, distinctive, top_terms) for o in shown],
    )
    sections = [
        each,
        _framing(report, outlets_table, shown, cut, which, figures, n_outlets),
        _disagreements(report, contradictions, within, max_rows),
    ]
    if edges is not None:
        sections.append(_citations(edges, figures, max_rows))
    if distinctive is not None:
        sections.append(_vocabulary(report, distinctive, shown, cut, which, figures, top_terms))
    if timeline is not None and len(timeline):
        sections.append(_timeline(report, timeline, timeline_note, max_rows))
    found = _claims(report, statements, claims, shown, cut, which, max_rows)
    if found is not None:
        sections.append(found)
    text = _TEMPLATE.render(
        title="Findings: how the outlets frame the story",
        summary=_summary(numbers, by_outlet),
        units_note=outlets.units_note(documents),
        run_note=run_note,
        rule=highlights.RULE,
        highlights=highlights.highlights(documents, statements, outlets_table, contradictions, claims, report.name),
        intro=(
            "Generated from the tables in `tables/` by `newsframe.findings`; every number below is computed, and "
            "every finding names the statements behind it (`document:statement`) with their text."
        ),
        sections=sections,
    )
    return Findings(text.rstrip() + "\n", numbers)


def _summary(numbers: dict, by_outlet: bool) -> list[str]:
    """The opening numbers, one sentence per line."""
    frames = numbers["lead_frames"]
    by_kind = ", ".join(f"{v} {k}" for k, v in numbers["contradictions_by_kind"].items() if v)
    units = (
        f"**{numbers['outlets']} outlets**, **{numbers['documents']} documents**"
        if by_outlet
        else f"**{numbers['documents']} documents** (each its own outlet)"
    )
    about = (
        f"of which {numbers['statements_about_claim']} are about the claim: {numbers['affirm']} affirm it, "
        f"{numbers['hedge']} hedge, {numbers['deny']} deny."
        if numbers["statements_about_claim"]
        else "none of them about the claim under study (was one given? `claim` in the parameters or codebook), "
        "so no statement affirms, hedges or denies it."
    )
    return [
        f"{units}, **{numbers['statements']} statements**, {about}",
        "Lead frames: " + ", ".join(f"{frames[f]} {f}" for f in framing.LEAD_FRAMES) + ".",
        f"{numbers['unnamed_statements']} statements rest on unnamed sources.",
        f"{numbers['contradictions']} disagreements between outlets were found"
        + (f" ({by_kind})" if by_kind else "")
        + (f", and {numbers['within_outlet']} inconsistencies within one outlet." if numbers["within_outlet"] else "."),
    ]


def _framing(
    report: _Report, outlets_table: pd.DataFrame, shown: list[str], cut: bool, which: str, figures: dict, n_outlets: int
) -> Section:
    legend = (
        "Shares of the outlet's statements about the claim (own voice, unnamed sources: of all its "
        "statements), with 95% bootstrap intervals over the outlet's documents. *Fact (own voice)*: the "
        "claim asserted without attribution; *allegation (attributed)*: the claim reported as someone's "
        f"assertion. \u2020: fewer than {outlets.MIN_DOCUMENTS} documents."
    )
    blocks = [legend]
    if cut:
        blocks.append(
            _left_out(
                len(shown), n_outlets, "outlets", f"These are {which}; `tables/outlets.csv` has a row for every outlet."
            )
        )
    blocks.append(Table(FRAMING_HEADER, framing_rows(outlets_table[outlets_table["outlet"].isin(shown)], report)))
    if "framing_stance" in figures:
        blocks.append(
            f"![What each outlet treats as fact, allegation, uncertain and denied]({figures['framing_stance']})"
        )
    return Section("Framing by outlet", blocks)


def _disagreements(
    report: _Report, contradictions: pd.DataFrame, within: pd.DataFrame | None, max_rows: int
) -> Section:
    from .highlights import cues, excerpt  # it quotes with this module's escaping helpers

    blocks = []
    if len(contradictions):
        if len(contradictions) > max_rows:
            blocks.append(
                _left_out(
                    max_rows,
                    len(contradictions),
                    "disagreements",
                    "These are the first rows of `tables/contradictions.csv`, which has them all.",
                )
            )
        rows = []
        for r in contradictions.head(max_rows).itertuples(index=False):
            anchors = cues(r.explanation)
            rows.append(
                [
                    cell(r.kind),
                    cell(r.actor or r.topic),
                    report.name(r.outlet_a),
                    quote(r.statement_a, excerpt(r.text_a, anchors)),
                    report.name(r.outlet_b),
                    quote(r.statement_b, excerpt(r.text_b, anchors)),
                    cell(r.explanation),
                ]
            )
        blocks.append(Table(["kind", "about", "outlet A", "statement A", "outlet B", "statement B", "why"], rows))
    else:
        blocks.append("No disagreements between outlets were found.")
    if within is not None and len(within):
        blocks.append(
            f"{plural(len(within), 'inconsistency')} within one outlet (two documents of the same outlet) "
            "are listed apart in `tables/within_outlet.csv`."
        )
    return Section("Where outlets disagree", blocks)


def _citations(edges: pd.DataFrame, figures: dict, max_rows: int) -> Section:
    summary = sourcing.edge_summary(edges)
    blocks = []
    if len(summary):
        if len(summary) > max_rows:
            blocks.append(
                _left_out(
                    max_rows,
                    len(summary),
                    "citations (from, to)",
                    "These are the ones with the most statements; `tables/sourcing_edges.csv` has "
                    "every citation with its statements.",
                )
            )
            summary = summary.sort_values("n_statements", ascending=False, kind="mergesort").head(max_rows)
        rows = [
            [
                cell(r.source),
                cell(r.target),
                cell(r.kind),
                str(int(r.n_statements)),
                _ids(r.statements.split(";"), where="`tables/sourcing_edges.csv`"),
            ]
            for r in summary.itertuples(index=False)
        ]
        blocks.append(Table(["from", "to", "kind", "statements", "ids"], rows))
    else:
        blocks.append("No outlet cites a news medium or an unnamed source.")
    if "sourcing_graph" in figures:
        blocks.append(f"![Whom each outlet cites]({figures['sourcing_graph']})")
    return Section("Whom they cite", blocks)


def _vocabulary(
    report: _Report, distinctive: pd.DataFrame, shown: list[str], cut: bool, which: str, figures: dict, top_terms: int
) -> Section:
    blocks = [
        "Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), each outlet "
        "against all the others; * marks words over-represented at a 5% false discovery rate "
        "(Benjamini-Hochberg over all the words the outlet uses)."
    ]
    if distinctive.empty:
        return Section("Distinctive vocabulary", blocks + ["Too few outlets to compare."])
    unit = distinctive.columns[0]
    terms_of = distinctive[distinctive[unit].isin(shown)] if cut else distinctive
    n_with, n_shown = distinctive[unit].nunique(), terms_of[unit].nunique()
    if n_shown < n_with:
        blocks.append(
            _left_out(
                n_shown,
                n_with,
                "outlets",
                f"These are {which}; `tables/distinctive_terms.csv` has every outlet's words.",
            )
        )
    rows = []
    for name, terms in terms_of.sort_values([unit, "rank"], kind="mergesort").groupby(unit, sort=True):
        top = terms[terms["rank"].astype(int) <= top_terms]
        rows.append(
            [
                report.name(name),
                ", ".join(
                    f"{cell(t)} ({float(z):.1f}{'*' if _bool(s) else ''})"
                    for t, z, s in zip(top["term"], top["z"], top["significant"])
                ),
            ]
        )
    blocks.append(Table(["outlet", "top words (z; * significant)"], rows))
    if "distinctive_terms" in figures:
        blocks.append(f"![Words that set each outlet apart]({figures['distinctive_terms']})")
    return Section("Distinctive vocabulary", blocks)


def _timeline(report: _Report, timeline: pd.DataFrame, note: str, max_rows: int) -> Section:
    blocks = [cell(note)]
    order = timeline
    if len(timeline) > max_rows:
        introduces = framing._text(timeline, "claims_introduced").ne("")
        keep = timeline[introduces].head(max_rows).index
        keep = keep.union(timeline[~introduces].head(max_rows - len(keep)).index)
        order = timeline.loc[timeline.index.isin(keep)]
        blocks.append(
            _left_out(
                len(order),
                len(timeline),
                "documents",
                "These are the documents that introduce a claim, then the earliest; "
                "`tables/timeline.csv` has the whole order.",
            )
        )
    rows = [
        [
            str(r.position),
            report.document(r.doc_id),
            cell(r.published or r.year or "-"),
            cell(r.date_hint or "-"),
            cell(r.order_basis),
            cell(r.claim_labels_introduced or r.claims_introduced or "-"),
        ]
        for r in order.itertuples(index=False)
    ]
    blocks.append(Table(["#", "document", "date", "date hint", "ordered by", "claims introduced"], rows))
    return Section("Timeline", blocks)


def _claims(
    report: _Report,
    statements: pd.DataFrame,
    claims: pd.DataFrame | None,
    shown: list[str],
    cut: bool,
    which: str,
    max_rows: int,
) -> Section | None:
    cids = framing.claim_ids(statements["cluster_id"].fillna("").astype(str))
    in_order = list(dict.fromkeys(claims["cluster_id"].astype(str))) if claims is not None else []
    in_order = [c for c in in_order if c] or sorted(set(cids) - {""}, key=framing._id_key)
    n_claims = len(in_order)
    if claims is not None and n_claims > max_rows:
        in_order = framing.widest_claims(statements, claims, max_rows)
    coverage = framing.claim_coverage(statements.assign(doc_id=statements["outlet"]), claims, only=in_order[:max_rows])
    if not len(coverage.columns):
        return None
    labels = framing._claim_labels(statements, claims)
    blocks = ["Statements per claim (stage-3 clusters) and outlet; 0 = the outlet omits it."]
    carrying = coverage.gt(0).sum()
    claims_shown = list(coverage.columns[:max_rows])
    columns = [d for d in coverage.index if d in set(shown)]
    if cut or n_claims > max_rows:
        parts = [
            f"Columns: {which}, of {len(coverage):,} outlets; *outlets* counts every outlet that carries the claim."
            if cut
            else "Columns: every outlet."
        ]
        if n_claims > max_rows:
            parts.append(
                f"Rows: the {max_rows:,} claims most outlets carry, of {n_claims:,} (the other "
                f"{n_claims - max_rows:,} are left out here)."
            )
        parts.append(
            "`tables/claims.csv` has every claim and `tables/statements.csv` (`cluster_id`) every statement's claim."
        )
        blocks.append(" ".join(parts))
    header = ["claim", "label", "outlets", *[code(d) if not report.by_outlet else cell(d) for d in columns]]
    rows = [
        [code(c), cell(labels.get(c, ""), QUOTE_CHARS), str(int(carrying[c]))]
        + [str(int(coverage.at[d, c])) for d in columns]
        for c in claims_shown
    ]
    blocks.append(Table(header, rows))
    return Section("Claims carried and omitted", blocks)


def from_tables(out_dir, figures: dict[str, str] | None = None, metadata=None, run_note: str = "") -> Findings:
    """Read ``<out_dir>/tables`` (documents, statements, framing, outlets, contradictions; within_outlet,
    distinctive_terms, sourcing_edges, claims when present) and build the findings. ``metadata``
    (a path or frame with ``date_hint``) feeds the timeline; ``run_note`` is ``build``'s. Only
    figures that exist under ``out_dir`` are linked."""

    def optional(name):
        try:
            return tables.read_table(out_dir, name)
        except tables.MissingTableError:
            return None

    documents = tables.read_table(out_dir, "documents")
    statements = tables.read_table(out_dir, "statements")
    profile = tables.read_table(out_dir, "framing")
    outlets_table = tables.read_table(out_dir, "outlets")
    for frame in (profile, outlets_table):
        for column in frame.columns:
            if column.startswith("share_") or column == "hedging_rate":
                frame[column] = pd.to_numeric(frame[column])
    contradictions = optional("contradictions")
    contradictions = contradictions if contradictions is not None else pd.DataFrame(columns=contra.COLUMNS)
    claims = optional("claims")
    if isinstance(metadata, (str, Path)):
        metadata = pd.read_csv(paths.resolve(metadata), dtype=str, keep_default_na=False)
    order, note = framing.timeline(documents, statements, metadata, claims)
    root = paths.out_dir(out_dir)
    figures = {k: v for k, v in (FIGURES if figures is None else figures).items() if (root / v).is_file()}
    return build(
        documents,
        statements,
        profile,
        outlets_table,
        contradictions,
        optional("within_outlet"),
        optional("distinctive_terms"),
        optional("sourcing_edges"),
        order,
        note,
        claims,
        figures,
        run_note=run_note,
    )


def write(findings: Findings, out_dir) -> Path:
    """``<out_dir>/findings.md`` (UTF-8, LF line ends)."""
    path = paths.out_dir(out_dir) / "findings.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(findings.markdown, encoding="utf-8", newline="\n")
    return path


def sections(markdown: str) -> dict[str, str]:
    """The findings split at their ``## `` headings (title -> Markdown), the opening under ``""``."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.M)
    found = {"": parts[0]}
    found.update((title.strip(), body) for title, body in zip(parts[1::2], parts[2::2]))
    return found


#: Where the evidence behind the findings is, for the end of page 05 (pages of the same run).
FURTHER = [
    (
        "04_compare_framing.html",
        "04 · Compare how the outlets frame the story",
        "the framing table with intervals, disagreements, citations, vocabulary and timeline, with their figures",
    ),
    ("03_cluster_statements.html", "03 · Claims", "every claim, its statements and which outlet carries it"),
    ("02_extract_statements.html", "02 · Statements and who said them", "every attributed statement"),
    ("01_clean_corpus.html", "01 · Clean the corpus", "what was removed from each document, and why"),
    ("findings.md", "findings.md", "these findings with every table, one finding per line"),
]


def further_reading() -> str:
    """Links to the pages that hold the tables and figures behind the findings (not repeated here)."""
    return "\n".join(f"- [{title}]({target}): {what}." for target, title, what in FURTHER)
