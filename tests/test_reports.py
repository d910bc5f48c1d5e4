"""End-to-end checks of the committed reports/: they read well and hold the contract."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import readme
import runs
from newsframe import clean, pipeline
from newsframe.audit import assert_tiled
from newsframe.codebook import GROUPS
from newsframe.corpus import load_corpus
from newsframe.statements import BETWEEN_STATEMENTS
from newsframe.tables import read_table

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
STAGES = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
CONTRACT = {
    "documents": "doc_id source_path sha256 title outlet published n_chars n_statements status error lead_actor "
    "lead_frame cited_media story_id",
    "removed_spans": "doc_id start end reason text",
    "statements": "doc_id statement_id start end text speaker speaker_group cue quote stance hedged cited_media "
    "cluster_id cluster_label",
    "claims": "cluster_id cluster_label n_statements n_docs representative",
    "contradictions": "topic doc_a statement_a doc_b statement_b kind outlet_a outlet_b",
    "outlets": "outlet n_documents n_statements first_published last_published",
}
#: Tables each stage must have written by now.
STAGE_TABLES = {"documents", "removed_spans"} | ({"statements"} if "02_extract_statements" in STAGES else set())


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.srcs = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if attrs.get("src"):
            self.srcs.append(attrs["src"])


def _links(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_index_links_every_stage_page():
    links = _links(REPORTS / "index.html")
    local = [h for h in links.hrefs if not h.startswith(("#", "http:", "https:", "mailto:"))]
    for stage in STAGES:
        assert f"{stage}.html" in local
    for href in local:
        assert (REPORTS / href).is_file(), f"index.html links a missing page: {href}"


@pytest.mark.parametrize("stage", STAGES)
def test_stage_page_reads_without_code_or_errors(stage):
    page = (REPORTS / f"{stage}.html").read_text(encoding="utf-8")
    assert "Traceback" not in page and "ename" not in page
    assert 'class="jp-InputArea-editor' not in page and "newsframe" + " import" not in page, "code is hidden"
    assert not re.search(r"""(src|href)=["']https?://""", page), "report pages must not load from the network"
    assert "<h1" in page
    assert "No description has been provided" not in page, "every figure has alt text (figures.save_figure)"


def test_clean_page_shows_the_audit_trail():
    page = (REPORTS / "01_clean_corpus.html").read_text(encoding="utf-8")
    removed = read_table(REPORTS, "removed_spans")
    for text in removed.loc[removed["reason"] == clean.HEADING, "text"]:
        assert text.replace("’", "&#8217;") in page or text in page
    assert (REPORTS / "figures" / "kept_removed_chars.png").is_file()
    assert (REPORTS / "figures" / "kept_removed_chars.csv").is_file()


def test_committed_tables_hold_the_contract():
    corpus = load_corpus(ROOT / "seeds")
    texts = {d.doc_id: d.text for d in corpus.documents}
    documents = read_table(REPORTS, "documents")
    assert len(documents) == len(corpus.documents) == 5
    for name, columns in CONTRACT.items():
        if (REPORTS / "tables" / f"{name}.csv").is_file() or name in STAGE_TABLES:
            assert set(columns.split()) <= set(read_table(REPORTS, name).columns), name
    body, removed = read_table(REPORTS, "body_blocks"), read_table(REPORTS, "removed_spans")
    stage1 = removed[removed["rule"] != BETWEEN_STATEMENTS]
    assert_tiled(texts, body, stage1)
    if "02_extract_statements" in STAGES:
        statements = read_table(REPORTS, "statements")
        assert_tiled(texts, statements, removed)
        assert set(statements["speaker_group"]) <= set(GROUPS) | {""}
        assert set(statements["quote"]) <= {"", "direct", "indirect"}
        assert set(statements["stance"]) <= {"", "affirm", "deny", "hedge"}
        for cell in statements["cited_media"]:
            assert cell.split(";") == sorted(cell.split(";")) or cell == ""


def _key_numbers(page: str) -> dict[str, str]:
    rows = re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", page, flags=re.S)
    return {label: re.sub(r"<[^>]+>", " ", value) for label, value in rows}


def test_index_numbers_add_up():
    """kept + removed = raw, in total and per document; one count of blank residue everywhere."""
    numbers = _key_numbers((REPORTS / "index.html").read_text(encoding="utf-8"))
    number = lambda label: int(numbers[label].replace(",", ""))
    assert number("Raw characters (= kept + removed)") == number("Characters kept as body") + number(
        "Characters removed"
    )
    documents = read_table(REPORTS, "documents")
    assert (documents["n_body_chars"] + documents["n_removed_chars"] == documents["n_chars"]).all()
    blank = re.search(r"blank residue: ([\d,]+) span", numbers["Removed spans by reason"]).group(1)
    page = (REPORTS / "01_clean_corpus.html").read_text(encoding="utf-8")
    assert f"{blank} stretches of line breaks and spaces" in page
    readme_text = readme.README.read_text(encoding="utf-8")
    assert f"**blank residue**: {blank} stretches" in readme_text
    if "Statements" in numbers:
        assert number("Statements") == len(read_table(REPORTS, "statements"))


def test_readme_findings_are_the_tables_numbers():
    text = readme.README.read_text(encoding="utf-8")
    contents = readme.blocks(REPORTS)
    assert set(contents) <= set(re.findall(r"<!-- findings:(\w+) -->", text)), "README lacks a findings block"
    assert readme.render(text, contents) == text, "README findings differ from reports/tables: run make reports"


def test_failing_notebook_fails_make_reports():
    """A table without a `text` column makes the first notebook raise: non-zero exit, the cell named,
    no page rendered. (A broken codebook is refused before any notebook runs: tests/test_config_checks.py.)
    The `make reports` run: ``runs.failing_make_reports``, started in the background with the session."""
    out, result = runs.get("failing make")
    assert result.returncode != 0
    assert "01_clean_corpus" in result.stderr and "CorpusError" in result.stderr
    assert not list(out.glob("*.html"))


def test_readme_benchmark_tables_are_the_results_files():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "summarise.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("stage", STAGES)
def test_stored_notebook_is_paired_with_its_script(stage):
    """The .ipynb nbval checks holds exactly the cells of the .py reviewers read."""
    assert pipeline.sync_diff(ROOT / "notebooks" / f"{stage}.py") == "", "run make reports"
