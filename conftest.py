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


#: Test modules that run whole pipelines, notebooks, the command line or timing loops: left out of
#: the fast tier (`make check`), always in `make test`.
SLOW_MODULES = {
    "test_pipeline",
    "test_hostile_inputs",
    "test_hostile_names",
    "test_run_safety",
    "test_reports",
    "test_reproducible",
    "test_lab",
    "test_diff",
    "test_browser",
    "test_engine",
    "test_pathological",
    "test_config_checks",
    "test_scale_reports",
    "test_findings",
    "test_bench",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.stem in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
