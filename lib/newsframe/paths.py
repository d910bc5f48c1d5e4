"""Where things are: paths resolve from the repository root, not the working folder.

papermill starts kernels in the caller's folder, nbval in the notebook's folder and
JupyterLab wherever the user opened it; resolving from the root makes all three agree.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Set by the test suite so that notebooks validated by nbval write into a sandbox
#: instead of the committed ``reports/`` folder.
OUT_DIR_OVERRIDE_ENV = "NEWSFRAME_OUT_DIR"


def _find_root() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here, *here.parents):
        if (candidate / "pyproject.toml").is_file() and (candidate / "notebooks").is_dir():
            return candidate
    # Installed without the repository (not editable): fall back to the working folder.
    return Path.cwd()


ROOT = _find_root()
NOTEBOOKS = ROOT / "notebooks"
SEEDS = ROOT / "seeds"
BUILD = ROOT / "build"


def resolve(path: str | os.PathLike) -> Path:
    """An absolute path; relative ones are taken from the repository root."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else ROOT / path


def out_dir(path: str | os.PathLike) -> Path:
    """The output folder for a run (``NEWSFRAME_OUT_DIR`` wins, for test sandboxes)."""
    override = os.environ.get(OUT_DIR_OVERRIDE_ENV)
    return resolve(override) if override else resolve(path)


def display(path: str | os.PathLike) -> str:
    """A path as shown to readers: relative to the root when inside it, so outputs are stable."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()
