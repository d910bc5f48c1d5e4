"""``findings.md``: the stage-4 tables turned into short per-outlet summaries and Markdown tables.

Nothing here is typed by hand: every number is computed from the tables passed in, and every
finding names the statements behind it (``doc:NNN`` ids) and quotes their text. Corpus text is
untrusted: it goes through ``html.escape`` and Markdown's special characters are backslashed;
in table cells ``|`` is escaped and line breaks become spaces. Figures are linked relative to
the report folder (``figures/NAME.png``), so the file reads the same on GitHub and in ``reports/``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import contradictions as contra
from . import framing, mdtext, paths, sourcing, tables

#: Figure name -> path relative to the report folder (written by the stage-4 notebook with
#: ``figures.save_figure``); only these are linked.
FIGURES = {
    "framing_stance": "figures/framing_stance.png",
    "distinctive_terms": "figures/distinctive_terms.png",
    "sourcing_graph": "figures/sourcing_graph.png",
}
QUOTE_CHARS = 160  # quotes longer than this are cut (with an ellipsis) in tables, never in summaries
#: Documents (outlets) with a section of their own, a row in the framing and vocabulary tables and a
#: column in the claims table; larger corpora show those with the most statements (ties by doc_id)
#: and say how many were left out and which table in ``tables/`` has them all.
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


def headline_numbers(profile: pd.DataFrame, contradictions: pd.DataFrame, distinctive: pd.DataFrame | None,
                     statements: pd.DataFrame) -> dict:
    """A few numbers for the index page and the notebook's prose, from the tables."""
    kinds = contradictions["kind"].value_counts() if len(contradictions) else pd.Series(dtype=int)
    media = sorted({m for cell_ in profile["cited_media"] for m in str(cell_).split(";") if m})
    return {
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
        "media_cited": media,
        "significant_terms": int(distinctive["significant"].astype(str).eq("True").sum()) if distinctive is not None and len(distinctive) else 0,
        "claims": int(statements["cluster_id"].map(framing.claim_id).replace("", pd.NA).nunique())
        if "cluster_id" in statements else 0,
    }


def top_documents(profile: pd.DataFrame, limit: int = MAX_OUTLETS) -> list[str]:
    """The ids of the ``limit`` documents with the most statements (ties broken by doc_id), in
    doc_id order: the documents the findings describe one by one."""
    ranked = pd.DataFrame({"doc_id": profile["doc_id"].astype(str),
                           "n": pd.to_numeric(profile["n_statements"]).fillna(0).astype(int)})
    ranked = ranked.sort_values(["n", "doc_id"], ascending=[False, True], kind="mergesort")
    return sorted(ranked["doc_id"].head(limit))


def _left_out(shown: int, total: int, noun: str, where: str) -> str:
    """The sentence under a cut table: how many rows it shows, how many it leaves out, and where they are."""
    return (f"*Showing {shown:,} of {total:,} {noun}; the other {total - shown:,} are left out here. "
            f"{where}*")


def _ids(ids: list[str], limit: int = MAX_IDS, where: str = "") -> str:
    """Ids as inline code, the first ``limit`` of them and how many more."""
    shown = ", ".join(code(i) for i in ids[:limit])
    if len(ids) <= limit:
        return shown
    return shown + f" and {len(ids) - limit:,} more" + (f" ({where})" if where else "")


def _first(statements: pd.DataFrame, mask: pd.Series):
    rows = statements[mask]
    return None if rows.empty else rows.iloc[0]


def _outlet_section(doc: pd.Series, own: pd.DataFrame, lead: pd.Series | None, contradictions: pd.DataFrame,
                    distinctive: pd.DataFrame | None, top_terms: int) -> list[str]:
    """One document's summary; ``own`` holds its statements (and the other frames may be cut down
    to the rows that involve it: only its own rows are read)."""
    doc_id = doc["doc_id"]
    title = doc.get("title", "") or (lead.get("lead_headline", "") if lead is not None else "")
    lines = [f"### {code(doc_id)}" + (f": \u201c{cell(title)}\u201d" if title else " (no headline)"), ""]
    n = int(doc["n_statements"])
    if lead is not None or doc.get("lead_frame", ""):
        basis = f" ({cell(lead['lead_basis'])})" if lead is not None else ""
        first = (f"; first statement {quote(lead['lead_statement_id'], lead['lead_statement'])}"
                 if lead is not None and lead.get("lead_statement_id") else "")
        lines.append(f"- **Lead**: actor {cell(doc['lead_actor'] or 'none')}, frame **{cell(doc['lead_frame'] or 'none')}**"
                     f"{basis}{first}.")
    group_col = framing._text(own, "speaker_group")
    voice = doc["leading_voice"]
    if voice:
        example = _first(own, group_col.eq(voice))
        lines.append(f"- **Whose voice**: {n} statements; the leading voice is {cell(voice)} with "
                     f"{int(doc['n_leading_voice'])} ({pct(doc['n_leading_voice'], n)}), e.g. "
                     f"{quote(example['statement_id'], example['text'])}; the article's own voice carries "
                     f"{pct(float(doc['share_own_voice']) * n, n)}.")
    else:
        lines.append(f"- **Whose voice**: {n} statements, none attributed to a speaker group.")
    stance_ = framing._text(own, "stance")
    speaker = framing._text(own, "speaker")
    parts = []
    for label, mask in (("asserted as fact in its own voice", stance_.eq("affirm") & speaker.eq("")),
                        ("reported as someone's assertion", stance_.eq("affirm") & speaker.ne("")),
                        ("hedged", stance_.eq("hedge")), ("denied", stance_.eq("deny"))):
        example = _first(own, mask)
        count = int(mask.sum())
        parts.append(f"{count} {label}" + (f" (e.g. {quote(example['statement_id'], example['text'])})" if count else ""))
    lines.append(f"- **Fact or allegation**: of {int(doc['n_about_claim'])} statements about the claim, " + "; ".join(parts) + ".")
    unnamed = [s for s in str(doc["unnamed_statements"]).split(";") if s]
    if unnamed:
        example = own[own["statement_id"] == unnamed[0]].iloc[0]
        lines.append(f"- **Unnamed sources**: {plural(len(unnamed), 'statement')} ({pct(len(unnamed), n)}): "
                     + ", ".join(code(s) for s in unnamed) + f"; e.g. {quote(example['statement_id'], example['text'])}.")
    else:
        lines.append("- **Unnamed sources**: none.")
    media = [m for m in str(doc["cited_media"]).split(";") if m]
    if media:
        cites = []
        for medium in media:
            example = _first(own, framing._text(own, "cited_media").str.split(";").map(lambda ms, m=medium: m in ms))
            cites.append(f"{cell(medium)} ({quote(example['statement_id'], example['text'])})" if example is not None else cell(medium))
        lines.append("- **Cites media**: " + "; ".join(cites) + ".")
    else:
        lines.append("- **Cites media**: none by name.")
    if str(doc.get("claims", "")):
        lines.append(f"- **Claims carried**: {int(doc['n_claims'])} ({cell(doc['claim_labels'])})"
                     + (f"; omits claims that other documents carry: {cell(doc['claims_omitted'])}" if doc["claims_omitted"] else "") + ".")
    if distinctive is not None and len(distinctive):
        terms = distinctive[(distinctive["doc_id"] == doc_id) & (distinctive["rank"].astype(int) <= top_terms)]
        if len(terms):
            lines.append("- **Distinctive words**: " + ", ".join(
                f"{cell(t)} (z {float(z):.1f}{'' if str(sig) == 'True' else ', not significant'})"
                for t, z, sig in zip(terms["term"], terms["z"], terms["significant"])) + ".")
    if len(contradictions):
        mine = contradictions[(contradictions["doc_a"] == doc_id) | (contradictions["doc_b"] == doc_id)]
        if len(mine):
            more = (f" and {len(mine) - MAX_IDS:,} more (`tables/contradictions.csv`)"
                    if len(mine) > MAX_IDS else "")
            lines.append("- **Disagrees with**: " + "; ".join(
                f"{code(r.doc_b if r.doc_a == doc_id else r.doc_a)} ({cell(r.kind)}"
                + (f", {cell(r.actor)}" if r.actor else "") + ")"
                for r in mine.head(MAX_IDS).itertuples(index=False)) + more + ".")
    return lines + [""]


FRAMING_HEADER = ["document", "statements", "leading voice", "own voice", "about the claim", "fact (own voice)",
                  "allegation (attributed)", "hedge", "deny", "hedged wording", "unnamed sources", "lead actor",
                  "lead frame", "cites media"]


def framing_rows(profile: pd.DataFrame) -> list[list[str]]:
    """The cells of the framing table (also what the tests recompute)."""
    rows = []
    for r in profile.itertuples(index=False):
        n = int(r.n_statements)
        rows.append([code(r.doc_id), str(n), f"{cell(r.leading_voice or '-')} ({int(r.n_leading_voice)})",
                     pct(round(float(r.share_own_voice) * n), n), str(int(r.n_about_claim)),
                     str(int(r.n_affirm_own_voice)), str(int(r.n_affirm_attributed)), str(int(r.n_hedge)),
                     str(int(r.n_deny)), f"{int(r.n_hedged)} ({pct(r.n_hedged, n)})",
                     f"{int(r.n_unnamed)} ({pct(r.n_unnamed, n)})", cell(r.lead_actor or "-"), cell(r.lead_frame or "-"),
                     cell(str(r.cited_media).replace(";", ", ") or "-")])
    return rows


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]


def build(documents: pd.DataFrame, statements: pd.DataFrame, profile: pd.DataFrame, contradictions: pd.DataFrame,
          distinctive: pd.DataFrame | None = None, edges: pd.DataFrame | None = None,
          timeline: pd.DataFrame | None = None, timeline_note: str = "", claims: pd.DataFrame | None = None,
          figures: dict[str, str] | None = None, top_terms: int = 5, max_outlets: int = MAX_OUTLETS,
          max_rows: int = MAX_ROWS) -> Findings:
    """The Markdown text and the headline numbers. ``documents`` should carry the ``lead_*``
    evidence columns that ``framing.lead`` adds (without them the lead line is left out).

    The headline numbers cover every document. Per-document parts (the sections of "Each outlet",
    the framing, vocabulary and claims tables) show the ``max_outlets`` documents with the most
    statements, and the other long tables their first ``max_rows`` rows; each cut says how many
    were left out and which table in ``tables/`` has them all. Each table is read once (one pass
    to group the statements), so the time grows with the tables, not with their square."""
    figures = FIGURES if figures is None else figures
    statements = statements.sort_values(["doc_id", "start"] if "start" in statements else ["doc_id", "statement_id"],
                                        kind="mergesort")
    profile = profile.sort_values("doc_id", kind="mergesort")
    numbers = headline_numbers(profile, contradictions, distinctive, statements)
    n_docs = len(profile)
    shown = top_documents(profile, max_outlets)
    cut = len(shown) < n_docs
    shown_profile = profile[profile["doc_id"].astype(str).isin(shown)] if cut else profile
    if cut:
        numbers["documents_shown"] = len(shown)
    leads = documents.set_index("doc_id") if "lead_basis" in documents.columns else None
    frames = numbers["lead_frames"]
    lead_frames = ", ".join(f"{frames[f]} {f}" for f in framing.LEAD_FRAMES)
    by_kind = ", ".join(f"{v} {k}" for k, v in numbers["contradictions_by_kind"].items() if v)
    summary = (f"**{numbers['documents']} documents**, **{numbers['statements']} statements**, of which "
               f"{numbers['statements_about_claim']} are about the claim: {numbers['affirm']} affirm it, "
               f"{numbers['hedge']} hedge, {numbers['deny']} deny. Lead frames: {lead_frames}. "
               f"{numbers['unnamed_statements']} statements rest on unnamed sources. "
               f"{numbers['contradictions']} disagreements between documents were found"
               + (f" ({by_kind})." if by_kind else "."))
    intro = ("Generated from the tables in `tables/` by `newsframe.findings`; every number below is computed, "
             "and every finding names the statements behind it (`document:statement`) with their text.")
    legend = ("Counts of statements (sentences of body text). *Fact (own voice)*: the claim asserted without "
              "attribution; *allegation (attributed)*: the claim reported as someone's assertion. Shares are of "
              "the document's statements.")
    which = f"the {len(shown):,} documents with the most statements (ties broken by document id)"
    out = ["# Findings: how the outlets frame the story", "", intro, "", summary, "",
           "## Framing by document", "", legend, ""]
    if cut:
        out += [_left_out(len(shown), n_docs, "documents", f"These are {which}; `tables/framing.csv` has a row "
                                                           "for every document."), ""]
    out += _table(FRAMING_HEADER, framing_rows(shown_profile)) + [""]
    if "framing_stance" in figures:
        out += [f"![What each document treats as fact, allegation, uncertain and denied]({figures['framing_stance']})", ""]
    out += ["## Each outlet", ""]
    if cut:
        out += [f"Sections for {which}. The other {n_docs - len(shown):,} of the {n_docs:,} documents are left "
                "out here: their numbers are in `tables/framing.csv` and their statements in "
                "`tables/statements.csv`.", ""]
    in_shown = statements["doc_id"].isin(shown) if cut else pd.Series(True, index=statements.index)
    own_of = dict(tuple(statements[in_shown].groupby("doc_id", sort=False)))
    theirs = contradictions
    if cut and len(contradictions):
        theirs = contradictions[contradictions["doc_a"].isin(shown) | contradictions["doc_b"].isin(shown)]
    terms_of = distinctive
    if cut and distinctive is not None and len(distinctive):
        terms_of = distinctive[distinctive["doc_id"].isin(shown)]
    for _, doc in shown_profile.iterrows():
        lead_row = leads.loc[doc["doc_id"]] if leads is not None and doc["doc_id"] in leads.index else None
        own = own_of.get(doc["doc_id"], statements.iloc[:0])
        out += _outlet_section(doc, own, lead_row, theirs, terms_of, top_terms)
    out += ["## Where outlets disagree", ""]
    if len(contradictions):
        if len(contradictions) > max_rows:
            out += [_left_out(max_rows, len(contradictions), "disagreements",
                              "These are the first rows of `tables/contradictions.csv`, which has them all."), ""]
        rows = [[cell(r.kind), cell(r.actor or r.topic), code(r.doc_a), quote(r.statement_a, r.text_a, QUOTE_CHARS),
                 code(r.doc_b), quote(r.statement_b, r.text_b, QUOTE_CHARS), cell(r.explanation)]
                for r in contradictions.head(max_rows).itertuples(index=False)]
        out += _table(["kind", "about", "document A", "statement A", "document B", "statement B", "why"], rows) + [""]
    else:
        out += ["No disagreements between documents were found.", ""]
    if edges is not None:
        summary = sourcing.edge_summary(edges)
        out += ["## Whom they cite", ""]
        if len(summary):
            if len(summary) > max_rows:
                out += [_left_out(max_rows, len(summary), "citations (from, to)",
                                  "These are the ones with the most statements; `tables/sourcing_edges.csv` has every "
                                  "citation with its statements."), ""]
                summary = summary.sort_values("n_statements", ascending=False, kind="mergesort").head(max_rows)
            rows = [[code(r.source) if r.source_layer == sourcing.LAYERS[0] else cell(r.source), cell(r.target), cell(r.kind),
                     str(int(r.n_statements)),
                     _ids(r.statements.split(";"), where="`tables/sourcing_edges.csv`")]
                    for r in summary.itertuples(index=False)]
            out += _table(["from", "to", "kind", "statements", "ids"], rows) + [""]
        else:
            out += ["No document cites a news medium or an unnamed source.", ""]
        if "sourcing_graph" in figures:
            out += [f"![Whom each outlet cites]({figures['sourcing_graph']})", ""]
    if distinctive is not None:
        method = ("Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), each "
                  "document against all the others; a z-score of 1.96 or more is marked significant.")
        out += ["## Distinctive vocabulary", "", method, ""]
        n_with, n_shown = (distinctive["doc_id"].nunique(), terms_of["doc_id"].nunique()) if cut else (0, 0)
        if n_shown < n_with:
            out += [_left_out(n_shown, n_with, "documents",
                              f"These are {which}; `tables/distinctive_terms.csv` has every document's words."), ""]
        rows = []
        for doc_id, terms in terms_of.sort_values(["doc_id", "rank"], kind="mergesort").groupby("doc_id", sort=True):
            top = terms[terms["rank"].astype(int) <= top_terms]
            rows.append([code(doc_id), ", ".join(f"{cell(t)} ({float(z):.1f}{'*' if str(s) == 'True' else ''})"
                                                  for t, z, s in zip(top["term"], top["z"], top["significant"]))])
        out += _table(["document", "top words (z; * significant)"], rows) + [""]
        if "distinctive_terms" in figures:
            out += [f"![Words that set each document apart]({figures['distinctive_terms']})", ""]
    if timeline is not None and len(timeline):
        out += ["## Timeline", "", cell(timeline_note), ""]
        order = timeline
        if len(timeline) > max_rows:
            introduces = framing._text(timeline, "claims_introduced").ne("")
            keep = timeline[introduces].head(max_rows).index
            keep = keep.union(timeline[~introduces].head(max_rows - len(keep)).index)
            order = timeline.loc[timeline.index.isin(keep)]
            out += [_left_out(len(order), len(timeline), "documents",
                              "These are the documents that introduce a claim, then the earliest; "
                              "`tables/timeline.csv` has the whole order."), ""]
        rows = [[str(r.position), code(r.doc_id), cell(r.published or r.year or "-"), cell(r.date_hint or "-"),
                 cell(r.order_basis), cell(r.claim_labels_introduced or r.claims_introduced or "-")]
                for r in order.itertuples(index=False)]
        out += _table(["#", "document", "date", "date hint", "ordered by", "claims introduced"], rows) + [""]
    coverage = framing.claim_coverage(statements, claims)
    if len(coverage.columns):
        labels = framing._claim_labels(statements, claims)
        out += ["## Claims carried and omitted", "", "Statements per claim (stage-3 clusters); 0 = the document omits it.", ""]
        if cut or len(coverage.columns) > max_rows:
            n_claims = len(coverage.columns)
            carrying = coverage.gt(0).sum()
            claims_shown = list(coverage.columns[:max_rows])
            parts = [f"Columns: {which}, of {n_docs:,} documents; *documents* counts every document that "
                     "carries the claim." if cut else "Columns: every document."]
            if n_claims > max_rows:
                parts.append(f"Rows: the first {max_rows:,} of {n_claims:,} claims (the other "
                             f"{n_claims - max_rows:,} are left out here).")
            parts.append("`tables/claims.csv` has every claim and `tables/statements.csv` (`cluster_id`) every "
                         "statement's claim.")
            out += [" ".join(parts), ""]
            docs = [d for d in coverage.index if d in set(shown)]
            rows = [[code(c), cell(labels.get(c, ""), QUOTE_CHARS), str(int(carrying[c]))]
                    + [str(int(coverage.at[d, c])) for d in docs] for c in claims_shown]
            out += _table(["claim", "label", "documents", *[code(d) for d in docs]], rows) + [""]
        else:
            rows = [[code(c), cell(labels.get(c, ""), QUOTE_CHARS)] + [str(int(coverage.at[d, c])) for d in coverage.index]
                    for c in coverage.columns]
            out += _table(["claim", "label", *[code(d) for d in coverage.index]], rows) + [""]
    return Findings("\n".join(out).rstrip() + "\n", numbers)


def from_tables(out_dir, figures: dict[str, str] | None = None, metadata=None) -> Findings:
    """Read ``<out_dir>/tables`` (documents, statements, framing, contradictions; distinctive_terms,
    sourcing_edges, claims when present) and build the findings. ``metadata`` (a path or frame
    with ``date_hint``) feeds the timeline. Only figures that exist under ``out_dir`` are linked."""
    def optional(name):
        try:
            return tables.read_table(out_dir, name)
        except tables.MissingTableError:
            return None

    documents = tables.read_table(out_dir, "documents")
    statements = tables.read_table(out_dir, "statements")
    profile = tables.read_table(out_dir, "framing")
    for column in profile.columns:
        if column.startswith("share_") or column == "hedging_rate":
            profile[column] = pd.to_numeric(profile[column])
    contradictions = optional("contradictions")
    contradictions = contradictions if contradictions is not None else pd.DataFrame(columns=contra.COLUMNS)
    claims = optional("claims")
    if isinstance(metadata, (str, Path)):
        metadata = pd.read_csv(paths.resolve(metadata), dtype=str, keep_default_na=False)
    order, note = framing.timeline(documents, statements, metadata, claims)
    root = paths.out_dir(out_dir)
    figures = {k: v for k, v in (FIGURES if figures is None else figures).items() if (root / v).is_file()}
    return build(documents, statements, profile, contradictions, optional("distinctive_terms"),
                 optional("sourcing_edges"), order, note, claims, figures)


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


def figure(out_dir, name: str):
    """A saved figure for a notebook page (embedded, so the page stays self-contained), or a note
    saying which stage makes it when it is not there."""
    from IPython.display import Image, Markdown

    path = paths.out_dir(out_dir) / "figures" / f"{name}.png"
    return Image(filename=path) if path.is_file() else Markdown(f"*Figure `{name}` not available: its stage has not run.*")
