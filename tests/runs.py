"""The whole-pipeline runs of the slow tests: each made once per session, in the background.

A run over a real corpus keeps a core busy for half a minute or more (most of it starting kernels
and importing the library in them), and the tests used to wait for each run in turn while the
other core idled. Now ``conftest.py`` submits every run the selected tests need as soon as
collection ends (``prefetch``), a few at a time, and the test process carries on with other tests;
a module's fixture takes a run's result with ``get``, waiting only if it is not finished yet. A run
not prefetched (a test run on its own) starts when first asked for. Every test checks what it
checked before, on the same kind of run: only where and when the run happens changed.

Each run is a subprocess (``python -m newsframe run``, or ``make``) whose environment is taken when
it is submitted, in the test process's main thread: nothing a test does to ``os.environ`` later
(tests/test_lab.py replaces it while its notebooks run) can reach a run in the background.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import hostile
from newsframe import paths

_WORK = Path(tempfile.mkdtemp(prefix="newsframe-runs-"))
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)

#: Seed document left out by tests/test_diff.py's run.
DROPPED = "003_9adbfc8a90f8e5b6"
#: tests/test_reproducible.py: two out folders of the same name, one of another name.
REPRODUCIBLE = {
    "first": Path("one") / "reports",
    "second": Path("two") / "reports",
    "elsewhere": Path("an other name é") / "out put",
}
FATAL = ("table without text", "codebook yaml error", "codebook unknown group")
_FATAL_CASES: dict[str, tuple] = {}


def reproducible_run(name: str, env: dict) -> tuple[Path, subprocess.CompletedProcess]:
    """The seeds through the whole pipeline, as ``make reports`` runs them, into a temporary folder."""
    out = _WORK / "reproducible" / REPRODUCIBLE[name]
    return out, hostile.run_cli(paths.SEEDS, out, build=_WORK / "reproducible" / "build" / name, env=env)


def fewer_run(env: dict) -> tuple[Path, subprocess.CompletedProcess]:
    """The seeds without one document (``DROPPED``), run through the whole pipeline."""
    root = _WORK / "fewer"
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for path in paths.SEEDS.iterdir():
        if path.name != f"{DROPPED}.txt":
            shutil.copy(path, corpus / path.name)
    return root / "out", hostile.run_cli(corpus, root / "out", build=root / "build", env=env)


def fatal_cases(root: Path = _WORK / "fatal") -> dict[str, tuple[Path, str, list[str]]]:
    """name -> (corpus, file the message must name, fragments the message must hold)."""
    root.mkdir(parents=True, exist_ok=True)
    table = hostile.write_table_without_text(root / "no text column.csv")
    yaml_error = hostile.write_codebook_yaml_error(root / "yaml error")
    group = hostile.write_codebook_unknown_group(root / "unknown group")
    return {
        "table without text": (table, paths.display(table), ["missing column `text`", "columns found: doc_id, story"]),
        "codebook yaml error": (yaml_error, paths.display(yaml_error / "codebook.yml"), ["not valid YAML", "line 3"]),
        "codebook unknown group": (group, paths.display(group / "codebook.yml"), ["unknown group 'Palestine'"]),
    }


def fatal_run(name: str, case: tuple, env: dict) -> tuple[tuple, Path, subprocess.CompletedProcess]:
    """One corpus-level fault through ``python -m newsframe run`` (tests/test_hostile_inputs.py)."""
    out = _WORK / "fatal" / f"out {FATAL.index(name)}"
    return case, out, hostile.run_cli(case[0], out, build=_WORK / "fatal" / "build", env=env)


def failing_make_reports(env: dict) -> tuple[Path, subprocess.CompletedProcess]:
    """``make reports`` on a table without a `text` column (tests/test_reports.py)."""
    root = _WORK / "failing make"
    root.mkdir()
    corpus, out = root / "corpus.csv", root / "out"
    corpus.write_text("doc_id,story\na,A sentence of the story.\n", encoding="utf-8")  # no text column by any name
    return out, hostile.run_process(["make", "-s", "reports", f"CORPUS={corpus}", f"OUT={out}"], env)


def _fatal(name: str) -> Callable[[dict], tuple]:
    def run(env: dict) -> tuple[tuple, Path, subprocess.CompletedProcess]:
        return fatal_run(name, _FATAL_CASES[name], env)

    return run


#: name -> the function making the run (given the environment), in the order the modules use them.
JOBS: dict[str, Callable[[dict], object]] = {
    "hostile": lambda env: hostile.small_run(env),
    "fewer": fewer_run,
    **{f"fatal: {name}": _fatal(name) for name in FATAL},
    "names": lambda env: hostile.names_run(env),
    "failing make": failing_make_reports,
    **{f"reproducible: {name}": functools.partial(reproducible_run, name) for name in REPRODUCIBLE},
}

#: Which tests need a run: (test module, the fixture or test function that asks for it).
USERS = {
    "hostile": [
        ("test_browser", "test_hostile_text_runs_nothing_and_shows_literally"),
        ("test_hostile_inputs", "pipeline_runs"),
    ],
    "fewer": [("test_diff", "one_document_fewer")],
    **{f"fatal: {name}": [("test_hostile_inputs", "pipeline_runs")] for name in FATAL},
    "names": [("test_hostile_names", "run")],
    "failing make": [("test_reports", "test_failing_notebook_fails_make_reports")],
    **{f"reproducible: {name}": [("test_reproducible", "runs")] for name in REPRODUCIBLE},
}


_LOCK = threading.Lock()
_FUTURES: dict[str, Future] = {}
_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        # One run per core at a time (at least two: a run spends part of its time waiting on kernels).
        _POOL = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1), thread_name_prefix="pipeline-run")
    return _POOL


def _submit(name: str) -> Future:
    if name.startswith("fatal: ") and not _FATAL_CASES:
        _FATAL_CASES.update(fatal_cases())  # the corpora are written here, before any fatal run starts
    return _pool().submit(JOBS[name], hostile.clean_env())


def start(name: str) -> Future:
    """The run ``name``, submitted now unless it already was."""
    with _LOCK:
        if name not in _FUTURES:
            _FUTURES[name] = _submit(name)
        return _FUTURES[name]


def get(name: str):
    """The result of the run ``name``, once it is done."""
    return start(name).result()


def needed(items) -> list[str]:
    """The runs the pytest ``items`` ask for, in order of use."""
    asked = set()
    for item in items:
        names = {getattr(item, "originalname", item.name), *getattr(item, "fixturenames", ())}
        asked |= {run for run, users in USERS.items() if any(item.path.stem == m and n in names for m, n in users)}
    return [name for name in JOBS if name in asked]


def prefetch(items) -> list[str]:
    """Submit every run the pytest ``items`` ask for, in order of use."""
    names = needed(items)
    for name in names:
        start(name)
    return names


def shutdown() -> None:
    """End of the session: runs not started yet are dropped, runs still going are stopped (a session
    that ended early, or a test selection that used a module's run in none of its tests)."""
    if _POOL is not None:
        _POOL.shutdown(wait=False, cancel_futures=True)
        for process in list(hostile.LIVE):
            process.terminate()
