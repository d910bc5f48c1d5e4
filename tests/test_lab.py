"""Exploring in JupyterLab is safe: notebooks run by hand write build/lab/, never the committed
reports/, and the root is the checkout being worked in."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import papermill
import pytest
from newsframe import paths

ROOT = Path(__file__).resolve().parents[1]
STAGES = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _status() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--", "reports", "notebooks", "seeds", "README.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_root_is_the_checkout_worked_in(tmp_path):
    assert paths.find_root(ROOT / "notebooks") == ROOT == paths.ROOT
    other = tmp_path / "second checkout"
    for name in ("notebooks", "lib", "reports"):
        (other / name).mkdir(parents=True)
    (other / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert paths.find_root(other / "notebooks") == other  # not the checkout the package came from
    assert paths.find_root(tmp_path) == tmp_path  # outside any checkout: the working folder


def test_only_the_pipeline_writes_reports_from_a_kernel(monkeypatch):
    for name in (paths.OUT_DIR_OVERRIDE_ENV, paths.PIPELINE_ENV, paths.WRITE_REPORTS_ENV):
        monkeypatch.delenv(name, raising=False)
    assert paths.out_dir("reports") == paths.REPORTS  # a script or test asks for reports/: it gets it
    shell = types.SimpleNamespace(kernel=object())  # inside a kernel, as in JupyterLab
    monkeypatch.setitem(sys.modules, "IPython", types.SimpleNamespace(get_ipython=lambda: shell))
    assert paths.out_dir("reports") == paths.LAB
    assert (paths.LAB / "tables" / "documents.csv").is_file()  # seeded from reports/tables
    assert paths.out_dir("elsewhere") == ROOT / "elsewhere"
    monkeypatch.setenv(paths.PIPELINE_ENV, "1")
    assert paths.out_dir("reports") == paths.REPORTS
    monkeypatch.delenv(paths.PIPELINE_ENV)
    monkeypatch.setenv(paths.WRITE_REPORTS_ENV, "1")
    assert paths.out_dir("reports") == paths.REPORTS


@pytest.mark.slow
def test_running_every_notebook_by_hand_leaves_the_checkout_clean(tmp_path):
    """What JupyterLab does: a kernel started in notebooks/, the notebook run top to bottom, a
    parameter changed (five claims instead of the chosen number)."""
    before = _status()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in (paths.OUT_DIR_OVERRIDE_ENV, paths.PIPELINE_ENV, paths.WRITE_REPORTS_ENV)
    }
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        for stage in STAGES:
            parameters = {"n_claims": 5} if stage.startswith("03") else {}
            papermill.execute_notebook(
                str(ROOT / "notebooks" / f"{stage}.ipynb"),
                str(tmp_path / f"{stage}.ipynb"),
                parameters=parameters,
                cwd=str(ROOT / "notebooks"),
                kernel_name="python3",
                progress_bar=False,
            )
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert _status() == before, "a notebook run by hand changed committed files"
    claims = (paths.LAB / "tables" / "claims.csv").read_text(encoding="utf-8").splitlines()
    assert len(claims) == 1 + 5  # the changed parameter took effect, in build/lab
    assert (paths.LAB / "findings.md").is_file()
