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
    return {_name(line): line.split("==", 1)[1] for line in lines if "==" in line and not line.startswith("#")}


def test_every_dependency_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    pins = _pins()
    assert not [r for r in wanted if _name(r) not in pins], "run `make lock`"
    required = {
        "jupyterlab",
        "pandas",
        "scikit-learn",
        "seaborn",
        "nbval",
        "papermill",
        "nbconvert",
        "ipykernel",
        "jupytext",
        "pytest",
        "hypothesis",
    }
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


def test_pull_requests_run_what_ci_runs():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    steps = workflow["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert any(run.strip().endswith("bash .ci/run") for run in runs)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_reviewers_see_findings_and_tables_not_collapsed():
    rules = (ROOT / ".gitattributes").read_text(encoding="utf-8")
    generated = [line.split()[0] for line in rules.splitlines() if "linguist-generated" in line]
    assert generated == ["reports/*.html", "notebooks/*.ipynb"]  # findings.md and CSVs stay visible


def test_paired_scripts_carry_no_jupytext_version():
    for script in (ROOT / "notebooks").glob("[0-9][0-9]_*.py"):
        header = script.read_text(encoding="utf-8").split("# ---", 2)[1]
        assert "jupytext_version" not in header and "format_version" not in header, script.name
