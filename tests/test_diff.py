"""``newsframe diff``: what a reviewer reads in a pull request, from two report folders or revisions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import runs
from newsframe import diff, tables

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
DROPPED = runs.DROPPED


@pytest.fixture(scope="module")
def one_document_fewer():
    """The seeds without one document, run through the whole pipeline (``python -m newsframe run``,
    in the background from the start of the session: tests/runs.py)."""
    out, result = runs.get("fewer")
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.slow
def test_summary_of_a_run_with_one_document_removed(one_document_fewer):
    text = diff.summary(REPORTS, one_document_fewer, "reports", "without 003")
    assert text.startswith("# Report changes: reports → without 003")
    statements = tables.read_table(REPORTS, "statements")
    dropped = int((statements["doc_id"] == DROPPED).sum())
    assert "| documents | 5 | 4 | -1 |" in text
    assert f"| statements | {len(statements)} | {len(statements) - dropped} | {-dropped:+,} |" in text
    assert "- `documents.csv`: 0 added, 1 removed" in text and f"removed `{DROPPED}`" in text
    assert f"- `statements.csv`: 0 added, {dropped} removed" in text
    assert f"{DROPPED}: only before".replace("_", "\\_") in text  # the document was an outlet of its own
    gone = tables.read_table(REPORTS, "contradictions")
    involved = int(((gone["doc_a"] == DROPPED) | (gone["doc_b"] == DROPPED)).sum())
    assert "gone." in text and (involved == 0 or f"{involved} gone" in text or "gone:" in text)
    assert "## Figures" in text and "`framing_stance.png`" in text


def test_same_folder_no_change():
    text = diff.summary(REPORTS, REPORTS)
    assert "0 claims added, 0 removed, 0 changed" in text and "No figure changed." in text
    assert "No outlet's framing shares moved" in text


def test_revisions_and_errors_from_the_command_line(tmp_path):
    run = lambda *args: subprocess.run(
        [sys.executable, "-m", "newsframe", "diff", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    found = run("HEAD", "reports", "--out", str(tmp_path / "diff.md"))
    assert found.returncode == 0, found.stderr
    assert (tmp_path / "diff.md").read_text(encoding="utf-8").startswith("# Report changes: HEAD → reports")
    bad = run("no-such-revision-or-folder")
    assert bad.returncode == 2 and "neither a report folder nor a git revision" in bad.stderr


def test_corpus_text_in_the_summary_is_escaped(tmp_path):
    for side, label in (("old", "Tanks sent"), ("new", "<img src=x onerror=alert(1)> | [click](http://x)")):
        folder = tmp_path / side
        import pandas as pd

        tables.write_table(
            pd.DataFrame(
                {
                    "cluster_id": ["C1"],
                    "cluster_label": [label],
                    "n_statements": [1],
                    "n_docs": [1],
                    "representative": [label],
                }
            ),
            folder,
            "claims",
        )
    text = diff.summary(tmp_path / "old", tmp_path / "new")
    assert "<img" not in text and "&lt;img" in text and "\\|" in text and "\\[click\\]" in text
