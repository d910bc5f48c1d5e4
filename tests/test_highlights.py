"""The findings that lead: chosen by the stated rule, quoted around the deciding words, and the
same numbers on every page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import readme
from newsframe import contradictions, findings, framing, highlights, outlets
from newsframe.tables import read_table
from test_outlets import CODEBOOK, corpus

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"


def test_excerpt_is_cut_around_the_deciding_words():
    text = (
        "Officials in several capitals met on Monday and Tuesday to discuss a long list of matters, and only "
        "at the very end of a long sentence did the ministry say that Zogland denied every shipment of tanks."
    )
    cut = highlights.excerpt(text, ["denied"], width=80)
    assert "denied" in cut and cut.startswith("\u2026") and len(cut) <= 82
    assert cut.removeprefix("\u2026").removesuffix("\u2026") in text  # a piece of the text, cut at words
    assert highlights.excerpt("Short.", ["denied"]) == "Short."
    assert highlights.excerpt(text, [], width=60).startswith("Officials in several")


def test_rule_picks_one_finding_of_each_kind():
    documents, statements = corpus()
    documents = framing.lead(documents, statements, None, CODEBOOK).assign(
        lead_frame=lambda d: d["doc_id"].map(lambda i: "denial" if i.startswith("dove") else "accusation")
    )
    statements = outlets.with_outlet(statements, documents)
    profile = framing.profile(documents, statements)
    table = outlets.outlet_table(documents, profile, statements)
    between = contradictions.contradictions(statements, CODEBOOK, outlets=outlets.unit_of(documents))
    found = highlights.highlights(documents, statements, table, between, None, str)
    kinds = [h.kind for h in found]
    assert kinds[0] == "framing gap" and "headlines" in kinds
    gap = found[0]
    # the Dove hedges half its statements about the claim, the Hawk none: the widest gap, intervals apart
    assert "The Dove hedges in 50%" in gap.text and "The Hawk hedges in 0%" in gap.text
    assert all(re.fullmatch(r"[a-z]+\d:\d{3}", i) for h in found for i in h.evidence)
    lean = next(h for h in found if h.kind == "headlines")
    assert "accusation in 2 outlets (Lone Post, The Hawk)" in lean.text and "denial in 1 (The Dove)" in lean.text


def test_findings_open_with_what_was_found():
    text = (REPORTS / "findings.md").read_text(encoding="utf-8")
    stands_out = text.index("## What stands out")
    assert stands_out < text.index("## Each outlet") < text.index("## Framing by outlet")
    numbered = re.findall(r"^\d\. .+$", text[stands_out : text.index("## Each outlet")], flags=re.M)
    assert 3 <= len(numbered) <= 5
    assert all(re.search(r"`[^`]+:\d{3}`", line) for line in numbered)  # each with its evidence
    page = unescape(re.sub(r"<[^>]+>", " ", (REPORTS / "05_report.html").read_text(encoding="utf-8")))
    visible = " ".join(page.split())
    assert visible.index("What stands out") < visible.index("Each outlet")
    first = re.sub(r"[`*\\]", "", numbered[0][3:60])
    assert "".join(first.split()) in "".join(visible.split())


def test_lines_hold_one_finding():
    """A changed number is a changed line, not a changed paragraph (tables excepted)."""
    text = (REPORTS / "findings.md").read_text(encoding="utf-8")
    prose = [line for line in text.splitlines() if not line.startswith("|")]
    assert max(len(line) for line in prose) < 1200
    assert sum(len(line) > 600 for line in prose) <= 5


def _index_numbers() -> dict[str, int]:
    page = (REPORTS / "index.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r"<tr><th>(.*?)</th><td>([\d,]+)</td></tr>", page))
    return {label: int(value.replace(",", "")) for label, value in rows.items()}


def test_counts_agree_across_index_findings_and_readme():
    index = _index_numbers()
    numbers = findings.from_tables(REPORTS).numbers
    assert index["Statements"] == numbers["statements"] == len(read_table(REPORTS, "statements"))
    assert index["Outlets"] == numbers["outlets"]
    assert index["Disagreements between outlets"] == numbers["contradictions"]
    assert index["Claims"] == numbers["claims"]
    block = readme.blocks(REPORTS)["framing"]
    assert f"**{numbers['statements']} statements**" in block
    assert f"{numbers['contradictions']} disagreements between outlets" in block
    assert f"**{numbers['statements']} statements**" in (REPORTS / "findings.md").read_text(encoding="utf-8")
