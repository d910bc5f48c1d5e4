"""One source of truth for dependencies: pyproject.toml lists them, requirements.lock pins them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pins() -> dict[str, str]:
    lines = (ROOT / "requirements.lock").read_text().splitlines()
    return {_name(l): l.split("==", 1)[1] for l in lines if "==" in l and not l.startswith("#")}


def test_every_dependency_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    pins = _pins()
    assert not [r for r in wanted if _name(r) not in pins], "run `make lock`"
    required = {"jupyterlab", "pandas", "scikit-learn", "seaborn", "nbval", "papermill", "nbconvert",
                "ipykernel", "jupytext", "pytest", "hypothesis"}
    assert required <= pins.keys()


def test_conda_environment_installs_the_same_list_and_pins():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    assert "python=3.11" in deps
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict))
    assert pip_section == ["-c requirements.lock", "-e .[dev]"]


def test_installed_versions_match_the_lock():
    from importlib.metadata import version

    pins = _pins()
    for package in ("pandas", "scikit-learn", "seaborn", "matplotlib", "papermill", "nbconvert", "nbval"):
        assert version(package) == pins[package], f"{package}: run `make install`"


def test_gitignore_keeps_the_library():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert not any(line.strip().rstrip("/") in {"lib", "/lib"} for line in ignored)
