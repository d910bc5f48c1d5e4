"""Test-session wiring: notebooks validated by nbval write into a sandbox, not into reports/."""

import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from newsframe.paths import OUT_DIR_OVERRIDE_ENV

_SANDBOX = tempfile.mkdtemp(prefix="newsframe-nbval-")
TESTS = Path(__file__).resolve().parent / "tests"
# Repository tools (tools/readme.py) are tested too; they are scripts, not part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))

# The `processes` engine's tests (tests/test_engine.py, tests/test_clean_scraped.py) start a dozen
# pools of workers forked by the fork server; each worker used to import the library anew (seconds
# each). Imported once in the fork server, the modules are inherited by every worker instead.
# (Only this test process is affected: a kernel's pools keep the default.)
multiprocessing.set_forkserver_preload(["newsframe.clean", "newsframe.statements", "newsframe.codebook", "pytest"])


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
    # The modules that use the whole-pipeline runs of tests/runs.py go last (each module's tests
    # still together and in order): the runs, started in the background when collection ends, go
    # on while the other tests and the notebooks run, instead of being waited for at the start.
    if any(item.path.parent == TESTS for item in items):
        import runs

        users = {item.path.stem for item in items if runs.needed([item])}
        items.sort(key=lambda item: 2 if item.path.stem in users else 1 if _is_notebook_cell(item) else 0)


def pytest_collection_finish(session):
    """Start the whole-pipeline runs the selected tests need, in the background (tests/runs.py):
    they go on beside the other tests instead of one after another when their module comes."""
    if not session.config.option.collectonly and any(item.path.parent == TESTS for item in session.items):
        import runs  # tests/ is on sys.path once a module from it was collected

        runs.prefetch(session.items)


def pytest_sessionfinish(session):
    if "runs" in sys.modules:
        sys.modules["runs"].shutdown()
