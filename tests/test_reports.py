"""End-to-end checks of the committed reports/: they read well and hold the contract."""

from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsframe import clean
from newsframe.corpus import load_corpus
from newsframe.tables import read_table

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
STAGES = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.py"))


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


def test_clean_page_shows_the_audit_trail():
    page = (REPORTS / "01_clean_corpus.html").read_text(encoding="utf-8")
    removed = read_table(REPORTS, "removed_spans")
    for text in removed.loc[removed["reason"] == clean.HEADING, "text"]:
        assert text.replace("’", "&#8217;") in page or text in page
    assert (REPORTS / "figures" / "kept_removed_chars.png").is_file()
    assert (REPORTS / "figures" / "kept_removed_chars.csv").is_file()


def test_committed_tables_hold_the_contract():
    corpus = load_corpus(ROOT / "seeds")
    documents = read_table(REPORTS, "documents")
    assert len(documents) == len(corpus.documents) == 5
    required = "doc_id source_path sha256 title outlet published n_chars n_statements status error lead_actor lead_frame cited_media"
    assert set(required.split()) <= set(documents.columns)
    body, removed = read_table(REPORTS, "body_blocks"), read_table(REPORTS, "removed_spans")
    clean.check_tiling(corpus, body, removed)


def test_readme_findings_are_the_tables_numbers():
    documents, removed = read_table(REPORTS, "documents"), read_table(REPORTS, "removed_spans")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- findings:clean -->\n", 1)[1].split("<!-- /findings:clean -->", 1)[0]
    assert block.strip() == clean.summary_markdown(documents, removed).strip(), "update README from the tables"


def test_failing_notebook_fails_make_reports(tmp_path):
    """A broken codebook makes the first notebook raise: non-zero exit, the cell named, no page rendered."""
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Headline\nA sentence of the story.\n", encoding="utf-8")
    (corpus / "codebook.yml").write_text("actors: [unclosed\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NEWSFRAME_OUT_DIR"}
    result = subprocess.run(["make", "-s", "reports", f"CORPUS={corpus}", f"OUT={out}"],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "01_clean_corpus" in result.stderr and "CodebookError" in result.stderr
    assert not list(out.glob("*.html"))
