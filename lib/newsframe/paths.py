"""Where things are: paths resolve from the checkout being worked in, not the working folder.

papermill starts kernels in the caller's folder, nbval in the notebook's folder and JupyterLab
in the notebook's folder too; all of them are inside the checkout, so the root is found by
walking up from the working folder to the folder holding ``pyproject.toml`` and ``notebooks/``.
It is never where the package happens to be installed: two checkouts sharing one environment
must not write into each other's ``reports/``.

``reports/`` is what reviewers read and what ``make reports`` regenerates. A notebook run by
hand in a kernel (JupyterLab, an editor) that asks for ``reports`` writes to ``build/lab/``
instead (git-ignored; its tables are first copied from ``reports/tables`` so any stage can run
alone), unless the run sets ``NEWSFRAME_WRITE_REPORTS=1``. Only the pipeline (``make reports``)
writes ``reports/`` from a kernel.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

#: Set by the test suite so that notebooks validated by nbval write into a sandbox
#: instead of the committed ``reports/`` folder.
OUT_DIR_OVERRIDE_ENV = "NEWSFRAME_OUT_DIR"
#: Set by the pipeline for the kernels it starts: they may write ``reports/``.
PIPELINE_ENV = "NEWSFRAME_PIPELINE"
#: Set by a person who means an interactive run to write ``reports/``.
WRITE_REPORTS_ENV = "NEWSFRAME_WRITE_REPORTS"


def is_checkout(folder: Path) -> bool:
    return (folder / "pyproject.toml").is_file() and (folder / "notebooks").is_dir() and (folder / "lib").is_dir()


def find_root(start: Path | None = None) -> Path:
    """The checkout holding ``start`` (default: the working folder), else ``start`` itself."""
    start = Path(start or Path.cwd()).resolve()
    return next((c for c in (start, *start.parents) if is_checkout(c)), start)


ROOT = find_root()
NOTEBOOKS = ROOT / "notebooks"
SEEDS = ROOT / "seeds"
BUILD = ROOT / "build"
REPORTS = ROOT / "reports"
#: Where notebooks run by hand write when they are pointed at ``reports/``.
LAB = BUILD / "lab"


def resolve(path: str | os.PathLike) -> Path:
    """An absolute path; relative ones are taken from the repository root."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else ROOT / path


def _in_kernel() -> bool:
    """Running inside a Jupyter kernel (not merely with IPython imported, as pytest has it)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return getattr(shell, "kernel", None) is not None


def _interactive() -> bool:
    """A kernel not started by the pipeline: JupyterLab, an editor, papermill run by hand."""
    return _in_kernel() and not os.environ.get(PIPELINE_ENV) and not os.environ.get(WRITE_REPORTS_ENV)


def lab_dir() -> Path:
    """``build/lab``, its tables first copied from ``reports/tables`` (only those it lacks)."""
    tables = LAB / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    source = REPORTS / "tables"
    if source.is_dir():
        for table in source.iterdir():
            if table.is_file() and not (tables / table.name).exists():
                shutil.copy2(table, tables / table.name)
    return LAB


def out_dir(path: str | os.PathLike) -> Path:
    """The output folder for a run: ``NEWSFRAME_OUT_DIR`` wins (test sandboxes); ``reports/``
    asked for by a notebook run by hand is ``build/lab/`` (see the module docstring)."""
    override = os.environ.get(OUT_DIR_OVERRIDE_ENV)
    if override:
        return resolve(override)
    target = resolve(path)
    if _interactive() and target.resolve() == REPORTS.resolve():
        return lab_dir()
    return target


def display(path: str | os.PathLike) -> str:
    """A path as shown to readers: relative to the root when inside it, so outputs are stable."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()
