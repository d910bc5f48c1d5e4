"""findings.md: numbers recomputed from the tables must match what the text states; every cited
statement id exists and its quote is its text; corpus text is escaped."""

import re
import shutil
from html import unescape
from pathlib import Path

import pandas as pd
import pytest
from newsframe import contradictions, findings, framing, outlets, sourcing, speakers, tables, vocabulary
from newsframe.codebook import Codebook, load_codebook, parse_codebook
from test_contradictions import ZOG_CODEBOOK, ZOG_TEXTS, run_stage2

ROOT = Path(__file__).resolve().parents[1]


def stage4(out: Path, codebook, metadata=None) -> findings.Findings:
    """What the stage-4 notebook does, without figures: tables into ``out``, then findings."""
    documents = tables.read_table(out, "documents")
    statements = tables.read_table(out, "statements")
    removed = tables.read_table(out, "removed_spans")
    quantities = tables.read_table(out, "quantities")
    documents = framing.lead(documents, statements, removed, codebook)
    tables.write_table(documents, out, "documents")
    statements = outlets.with_outlet(statements, documents)
    profile = outlets.with_outlet(framing.profile(documents, statements), documents)
    tables.write_table(profile, out, "framing")
    tables.write_table(outlets.outlet_table(documents, profile, statements), out, "outlets")
    unit = outlets.unit_of(documents)
    tables.write_table(
        contradictions.contradictions(statements, codebook, quantities, outlets=unit), out, "contradictions"
    )
    tables.write_table(vocabulary.distinctive_terms(statements, by="outlet"), out, "distinctive_terms")
    tables.write_table(sourcing.sourcing_edges(statements), out, "sourcing_edges")
    return findings.from_tables(out, metadata=metadata)


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    if not tables.table_path(ROOT / "reports", "statements").is_file():
        pytest.skip("reports/tables/statements.csv not built yet")
    out = tmp_path_factory.mktemp("run")
    (out / "tables").mkdir()
    for name in ("documents", "statements", "removed_spans", "quantities"):
        shutil.copy(tables.table_path(ROOT / "reports", name), out / "tables")
    found = stage4(out, load_codebook(ROOT / "seeds" / "codebook.yml"), ROOT / "seeds" / "metadata.csv")
    return out, found


def table_after(markdown: str, heading: str) -> list[list[str]]:
    """The cells of the first Markdown table after ``heading`` (escaped pipes kept inside cells)."""
    lines = markdown.split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| "))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]])
    return rows[2:]  # header and rule


def test_framing_table_states_the_numbers_of_statements_csv(seed_run):
    """The seeds name no outlets: one row per document, its numbers recomputed from statements.csv."""
    out, found = seed_run
    statements = tables.read_table(out, "statements")
    rows = {r[0].split("`")[1]: r for r in table_after(found.markdown, "## Framing by outlet")}
    assert set(rows) == set(statements["doc_id"])
    share = lambda part, whole: f"{part / whole:.0%}" if whole else "-"
    for doc_id, own in statements.groupby("doc_id"):
        row = rows[doc_id]
        n = len(own)
        groups = own["speaker_group"][own["speaker_group"] != ""].value_counts()
        top = groups.max()
        assert (row[1], row[2]) == ("1", str(n))
        assert row[3].endswith(f"({top})") and row[3].split(" (")[0] in set(groups[groups == top].index)
        assert row[4] == share((own["speaker"] == "").sum(), n)
        about = own[own["stance"] != ""]
        assert row[5] == str(len(about))
        assert row[6] == share(((own["stance"] == "affirm") & (own["speaker"] == "")).sum(), len(about))
        assert row[7] == share(((own["stance"] == "affirm") & (own["speaker"] != "")).sum(), len(about))
        assert row[8] == share((own["stance"] == "hedge").sum(), len(about))
        assert row[9] == share((own["stance"] == "deny").sum(), len(about))
        unnamed = own["speaker"].str.startswith("unnamed ") | own["text"].str.contains(
            r"unidentified|anonymity|unnamed|anonymous", case=False
        )
        assert row[10] == share(unnamed.sum(), n)


def test_headline_numbers_are_the_tables(seed_run):
    out, found = seed_run
    statements = tables.read_table(out, "statements")
    documents = tables.read_table(out, "documents")
    contra = tables.read_table(out, "contradictions")
    numbers = found.numbers
    assert numbers["documents"] == len(documents)
    assert numbers["statements"] == len(statements)
    assert numbers["statements_about_claim"] == int((statements["stance"] != "").sum())
    assert numbers["deny"] == int((statements["stance"] == "deny").sum())
    assert numbers["lead_frames"] == {f: int((documents["lead_frame"] == f).sum()) for f in framing.LEAD_FRAMES}
    assert numbers["contradictions"] == len(contra)
    assert f"**{len(statements)} statements**" in found.markdown
    assert f"{len(contra)} disagreements between outlets" in found.markdown


def test_every_cited_statement_exists_and_is_quoted_exactly(seed_run):
    out, found = seed_run
    texts = tables.read_table(out, "statements").set_index("statement_id")["text"]
    cited = re.findall(r"`([^`]+:\d{3})` “(.*?)”(?=[ .;,)|]|$)", found.markdown, flags=re.M)
    assert len(cited) > 20
    for statement_id, quoted in cited:
        assert statement_id in texts.index
        original = re.sub(r"\s+", " ", texts[statement_id]).strip()
        shown = unescape(re.sub(r"\\(.)", r"\1", quoted))
        # a quote is the statement or an excerpt of it (cut around its deciding words, "…" where cut);
        # a quote holding “…” itself ends the regex early, so the part shown is a piece of the text
        core = shown.removeprefix("\u2026").removesuffix("\u2026").strip()
        assert core in original
    for statement_id in re.findall(r"`([^`]+:\d{3})`", found.markdown):
        assert statement_id in texts.index


def test_figures_are_linked_relative_to_the_report_folder(seed_run, tmp_path):
    out, _ = seed_run
    (out / "figures").mkdir(exist_ok=True)
    (out / "figures" / "sourcing_graph.png").write_bytes(b"")
    linked = findings.from_tables(out).markdown
    assert "](figures/sourcing_graph.png)" in linked
    assert "](figures/distinctive_terms.png)" not in linked  # not written: not linked


def test_same_tables_same_bytes(seed_run):
    out, found = seed_run
    assert findings.from_tables(out).markdown == findings.from_tables(out).markdown
    path = findings.write(found, out)
    assert path.read_text(encoding="utf-8") == found.markdown


def test_corpus_text_is_escaped(tmp_path):
    codebook = parse_codebook(ZOG_CODEBOOK)
    texts = dict(ZOG_TEXTS)
    texts["e"] = "The Daily Blip reported that Zogland sent 9 tanks <script>alert(1)</script> to Blip | Zog *now*.\n"
    found = run_stage2(texts, codebook)
    documents = pd.DataFrame(
        {"doc_id": sorted(texts), "title": "", "status": "ok", "published": "", "lead_actor": "", "lead_frame": ""}
    )
    (tmp_path / "tables").mkdir()
    tables.write_table(documents, tmp_path, "documents")
    tables.write_table(found.statements, tmp_path, "statements")
    tables.write_table(found.quantities, tmp_path, "quantities")
    tables.write_table(found.gaps, tmp_path, "removed_spans")
    result = stage4(tmp_path, codebook).markdown
    assert "<script>" not in result and "&lt;script&gt;" in result
    assert "Blip \\| Zog \\*now\\*" in result  # a pipe cannot break a table row, asterisks do not turn bold
    # every table row has as many cells as its header
    for block in re.findall(r"((?:^\|.*\n)+)", result, flags=re.M):
        widths = {len(re.split(r"(?<!\\)\|", line.strip())) for line in block.strip().splitlines()}
        assert len(widths) == 1, block


def test_a_corpus_without_the_claim_says_so_instead_of_counting_zeros(tmp_path):
    """Run with an empty codebook (no claim): the opening says no statement is about the claim and
    asks whether one was given; each outlet says it in one line instead of four zero shares."""
    codebook = Codebook()
    found = run_stage2(dict(ZOG_TEXTS), codebook)
    assert (found.statements["stance"] == "").all()
    documents = pd.DataFrame(
        {"doc_id": sorted(ZOG_TEXTS), "title": "", "status": "ok", "published": "", "lead_actor": "", "lead_frame": ""}
    )
    (tmp_path / "tables").mkdir()
    for name, frame in {
        "documents": documents,
        "statements": found.statements,
        "quantities": found.quantities,
        "removed_spans": found.gaps,
    }.items():
        tables.write_table(frame, tmp_path, name)
    result = stage4(tmp_path, codebook).markdown
    assert "This run has no codebook" not in result  # only when the notebook passes the note
    noted = findings.from_tables(tmp_path, run_note=speakers.run_note(codebook)).markdown
    assert noted.split("## What stands out")[0].count("**This run has no codebook**") == 1
    assert "No claim under study was given" in noted.split("## What stands out")[0]
    assert "none of them about the claim under study (was one given?" in result
    assert "of which 0 are about the claim" not in result
    assert "none of its statements is about the claim." in result and "0 asserted as fact" not in result
