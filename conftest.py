"""Test-session wiring: notebooks validated by nbval write into a sandbox, not into reports/."""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from newsframe.paths import OUT_DIR_OVERRIDE_ENV

_SANDBOX = tempfile.mkdtemp(prefix="newsframe-nbval-")
# Repository tools (tools/readme.py) are tested too; they are scripts, not part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))


def _is_notebook_cell(item) -> bool:
    return item.nodeid.split("::")[0].endswith(".ipynb")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # The kernel of a notebook starts with its first cell and inherits the environment then.
    if _is_notebook_cell(item):
        os.environ[OUT_DIR_OVERRIDE_ENV] = _SANDBOX
    else:
        os.environ.pop(OUT_DIR_OVERRIDE_ENV, None)


def pytest_unconfigure(config):
    shutil.rmtree(_SANDBOX, ignore_errors=True)
