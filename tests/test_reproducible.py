"""Reproducible: the same inputs give the same bytes, wherever the output goes, and reports/ is current.

Three real pipeline runs on the seeds (what ``make reports`` runs, into temporary folders): two into
folders of the same name, one into a differently named folder (an out-dir path leaking into a page,
table or figure would show there). Every file (HTML, CSV, PNG, Markdown) is compared byte for byte,
and the committed ``reports/`` is compared with them, file for file, excluding nothing.
The runs go in parallel (in the background from the start of the session, tests/runs.py) and are
shared by the tests of this module.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import runs as shared_runs
from newsframe import paths

REPORTS = paths.ROOT / "reports"
STALE = "reports/ is stale: run make reports and commit"


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def runs() -> dict[str, Path]:
    """first: .../one/reports, second: .../two/reports, elsewhere: .../an other name é/out put
    (``shared_runs.REPRODUCIBLE``), made in the background at the start of the session."""
    outs = {}
    for name in shared_runs.REPRODUCIBLE:
        outs[name], result = shared_runs.get(f"reproducible: {name}")
        assert result.returncode == 0, f"run {name} failed:\n{result.stderr}"
    return outs


def _differences(
    want: dict[str, bytes], got: dict[str, bytes], labels=("the first run", "the second run"), limit: int = 30
) -> list[str]:
    lines = [f"only in {labels[0]}: {name}" for name in sorted(want.keys() - got.keys())]
    lines += [f"only in {labels[1]}: {name}" for name in sorted(got.keys() - want.keys())]
    for name in sorted(want.keys() & got.keys()):
        if want[name] != got[name]:
            lines.append(f"differs: {name}")
            if name.endswith((".csv", ".html", ".md")) and len(lines) < limit:
                diff = difflib.unified_diff(
                    want[name].decode("utf-8", "replace").splitlines(),
                    got[name].decode("utf-8", "replace").splitlines(),
                    lineterm="",
                    n=0,
                )
                lines += [f"    {line[:200]}" for line in list(diff)[2:8]]
    return lines[:limit]


def test_a_run_writes_every_kind_of_output(runs):
    names = files(runs["first"])
    assert {"index.html", "tables/documents.csv", "tables/statements.csv"} <= names.keys()
    assert any(n.endswith(".png") for n in names) and any(
        n.startswith("figures/") and n.endswith(".csv") for n in names
    )


def test_two_runs_give_identical_bytes(runs):
    first, second = files(runs["first"]), files(runs["second"])
    if first != second:
        pytest.fail("two runs on the same inputs differ:\n" + "\n".join(_differences(first, second)), pytrace=False)


def test_the_out_folder_leaves_no_trace(runs):
    first, elsewhere = files(runs["first"]), files(runs["elsewhere"])
    if first != elsewhere:
        pytest.fail(
            "the output depends on the out folder:\n"
            + "\n".join(_differences(first, elsewhere, ("the first run", "the run elsewhere"))),
            pytrace=False,
        )
    for out in runs.values():
        for name, data in files(out).items():
            for trace in (str(out), str(out.parent), str(paths.ROOT)):
                assert trace.encode() not in data, f"{name} holds the path {trace}"


def test_committed_reports_are_current(runs):
    committed, fresh = files(REPORTS), files(runs["first"])
    if committed != fresh:
        pytest.fail(
            f"{STALE}\n" + "\n".join(_differences(committed, fresh, ("reports/", "a fresh run"))), pytrace=False
        )
