"""Issue 15: untrusted names and links in a corpus (points 2-5 and the crashes of point 12).

The library cases run on small folders; one pipeline run over a corpus of hostile names
(``names_run``) checks what reaches the tables, findings.md and the pages.
"""

from __future__ import annotations

import os
from pathlib import Path

import hostile
import pytest
import runs
from newsframe import findings, paths
from newsframe.corpus import documents_frame, load_corpus

SECRET = "root:x:0:0:SECRET-LOCAL-FILE:/root:/bin/bash\n"


def _linked_corpus(root: Path) -> Path:
    """A corpus folder with a link out of it (to a "local secret"), a dangling link and a link inside."""
    secret = root / "outside" / "passwd"
    secret.parent.mkdir(parents=True)
    secret.write_text(SECRET, encoding="utf-8")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(hostile.ARTICLE, encoding="utf-8")
    os.symlink(secret, corpus / "passwd.txt")
    os.symlink(root / "nowhere" / "gone.txt", corpus / "dangling.txt")
    os.symlink("story.txt", corpus / "alias.txt")
    return corpus


def test_links_out_of_the_corpus_are_not_read(tmp_path):
    corpus = _linked_corpus(tmp_path)
    docs = {d.doc_id: d for d in load_corpus(corpus).documents}
    doc = docs["passwd"]
    assert doc.status == "error" and doc.text == ""
    assert doc.source_path == f"{paths.display(corpus)}/passwd.txt"  # the link, not its target
    assert "symbolic link to a file outside the corpus folder, not read" in doc.error
    assert "SECRET" not in documents_frame(load_corpus(corpus)).to_csv()
    assert docs["alias"].status == "ok" and docs["alias"].text == hostile.ARTICLE  # a link inside is read


def test_a_dangling_link_gets_an_error_row(tmp_path):
    corpus = _linked_corpus(tmp_path)
    loaded = load_corpus(corpus)
    frame = documents_frame(loaded)
    assert len(frame) == 4  # every input has a row
    row = frame.set_index("doc_id").loc["dangling"]
    assert row["status"] == "error"
    assert row["error"] == (
        f"{paths.display(corpus)}/dangling.txt: dangling symbolic link (its target does not "
        "exist): fix the link or remove it"
    )
    assert not any("gone.txt" in p for p in loaded.problems)


# --- one pipeline run over hostile names -------------------------------------------------------

import csv  # noqa: E402
import re  # noqa: E402

from markdown_it import MarkdownIt  # noqa: E402
from newsframe import tables  # noqa: E402


@pytest.fixture(scope="module")
def run():
    return runs.get("names")


def test_names_run_succeeds_and_keeps_the_inputs(run):
    assert run.result.returncode == 0, run.result.stderr[-3000:]
    assert hostile.checksums(run.corpus) == run.before


def _outputs(run) -> dict[str, str]:
    return {
        p.relative_to(run.out).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(run.out.rglob("*"))
        if p.is_file() and p.suffix in (".csv", ".html", ".md", ".json")
    }


def test_point2_no_local_file_leaks_through_a_link(run):
    leaked = [name for name, text in _outputs(run).items() if "SECRET-LOCAL-FILE" in text]
    assert leaked == []
    docs = tables.read_table(run.out, "documents").set_index("doc_id")
    assert docs.loc["passwd", "status"] == "error"
    assert "symbolic link to a file outside the corpus folder, not read" in docs.loc["passwd", "error"]


def test_point3_every_input_has_a_row_dangling_links_too(run):
    docs = tables.read_table(run.out, "documents").set_index("doc_id")
    inputs = [p for p in run.corpus.iterdir() if p.suffix in (".txt", ".html")]
    assert len(docs) == len(inputs)
    assert docs.loc["dangling", "status"] == "error" and "dangling symbolic link" in docs.loc["dangling", "error"]


def _cells(text: str):
    for row in csv.reader(text.splitlines()):
        yield from row


def test_point4_no_csv_cell_is_a_spreadsheet_formula(run):
    dangerous = re.compile(r"[=+\-@\t\r]")
    number = re.compile(tables._NUMBER)
    found = {
        name: [c for c in _cells(text) if len(c) > 1 and dangerous.match(c) and not number.fullmatch(c)]
        for name, text in _outputs(run).items()
        if name.endswith(".csv")
    }
    assert {name: cells for name, cells in found.items() if cells} == {}
    raw = (run.out / "tables" / "documents.csv").read_text(encoding="utf-8")
    assert f"'{hostile.FORMULA_TITLE}".replace('"', '""') in raw  # shown as text by spreadsheets
    assert "'=cmd|' /C calc'!A0" in (run.out / "tables" / "sourcing_edges.csv").read_text(encoding="utf-8")


def test_point4_programs_still_get_the_exact_text(run):
    docs = tables.read_table(run.out, "documents").set_index("doc_id")
    row = docs.loc[hostile.NAME_STEMS["pipe"]]
    assert (row["title"], row["outlet"]) == (hostile.FORMULA_TITLE, hostile.FORMULA_OUTLET)
    assert hostile.NAME_STEMS["formula"] in docs.index and hostile.NAME_STEMS["plus"] in docs.index
    statements = tables.read_table(run.out, "statements")
    txt = docs[docs["input_format"] == "txt"]
    checked = 0
    for r in statements[statements["doc_id"].isin(txt.index)].itertuples(index=False):
        raw = (run.corpus / f"{r.doc_id}.txt").read_text(encoding="utf-8")
        assert raw[r.start : r.end] == r.text
        checked += 1
    assert checked > 20


def test_point5_findings_md_cannot_be_broken_out_of(run):
    text = (run.out / "findings.md").read_text(encoding="utf-8")
    headings = re.findall(r"^#+ .*$", text, flags=re.M)
    assert headings.count("## Each outlet") == 1
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)  # even with raw HTML on
    tags = re.findall(r"<(img|a)\b[^>]*>", page)
    own = re.findall(r'<(img|a) (?:src|href)="figures/[a-z_]+\.png"', page)
    assert len(tags) == len(own) >= 2  # the report's own figures, nothing from corpus text
    framing = text.split("## Framing by outlet", 1)[1].split("\n\n")[2]
    units = tables.read_table(run.out, "outlets")
    assert len(framing.splitlines()) == 2 + len(units)  # header, rule, one row per outlet
    rows = MarkdownIt("commonmark").enable("table").parse(framing)
    assert sum(t.type == "tr_open" for t in rows) == 1 + len(units)
    assert sum(t.type == "td_open" for t in rows) == 13 * len(units)  # no cell shifted by a "|" in a name


def test_point5_pages_have_no_link_or_markup_from_corpus_text(run):
    for page in ["01_clean_corpus.html", "04_compare_framing.html", "05_report.html"]:
        html = (run.out / page).read_text(encoding="utf-8")
        own_pages = {target for target, _, _ in findings.FURTHER}  # page 05 links the report's other pages
        assert set(re.findall(r'<a href="([^"#][^"]*)"', html)) <= own_pages, page
        assert "<img src=x" not in html, page
        assert not re.search(r"<h2[^>]*>\s*Each outlet", html) or page == "05_report.html", page


def test_point12_duplicate_and_semicolon_ids_are_error_rows_that_say_what_to_fix(run):
    docs = tables.read_table(run.out, "documents").set_index("doc_id")
    assert docs.loc["story", "status"] == "ok"
    assert docs.loc["story~2", "status"] == "error"
    assert (
        "duplicate doc_id 'story'" in docs.loc["story~2", "error"] and "unique doc_id" in docs.loc["story~2", "error"]
    )
    semi = docs.loc[hostile.NAME_STEMS["semicolon"]]
    assert semi["status"] == "error" and "contains ';'" in semi["error"] and "rename the file" in semi["error"]


def test_formula_guard_round_trips_any_text(tmp_path):
    import pandas as pd

    values = [
        "=1+1",
        "+SUM(A1)",
        "-cmd",
        "@x",
        "\t=x",
        "\r=x",
        "'=x",
        "''=x",
        "'plain",
        "-1.5",
        "+3",
        "-",
        "=",
        "- bullet",
        " =x",
        "",
        "text",
        "'",
        "'-",
        "'''@",
    ]
    frame = pd.DataFrame({"text": values, "n_x": range(len(values))})
    tables.write_table(frame, tmp_path, "guarded")
    raw = list(csv.reader((tmp_path / "tables" / "guarded.csv").read_text(encoding="utf-8").splitlines()))
    assert raw[1:6] == [["'=1+1", "0"], ["'+SUM(A1)", "1"], ["'-cmd", "2"], ["'@x", "3"], ["'\t=x", "4"]]
    assert tables.read_table(tmp_path, "guarded")["text"].tolist() == values
