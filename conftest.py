"""Test-session wiring: notebooks validated by nbval write into a sandbox, not into reports/."""

import os
import shutil
import tempfile

import pytest

from newsframe.paths import OUT_DIR_OVERRIDE_ENV

_SANDBOX = tempfile.mkdtemp(prefix="newsframe-nbval-")


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
