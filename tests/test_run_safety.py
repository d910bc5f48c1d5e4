"""Issue 15, points 1, 6, 7 and 8: a run never reads or deletes what it did not write, never mixes
two runs in one folder, and counts a cell that exits the kernel as a failure.

Toy stage notebooks (tests/data/toy_notebooks plus switches added here) keep the runs short.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import hostile
import pytest
from newsframe import cli, paths, runstate

TOY = Path(__file__).parent / "data" / "toy_notebooks"


@pytest.fixture
def ws(tmp_path) -> Path:
    """Toy notebooks whose stage 01 can pause or exit the kernel, and a small corpus folder."""
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    first = (TOY / "01_words.py").read_text(encoding="utf-8")
    first = first.replace('words = ["alpha"]\n', 'words = ["alpha"]\npause = 0\nexit_kernel = False\n')
    first = first.replace("import pandas as pd\n", "import time\n\nimport pandas as pd\n", 1)
    first = first.replace(
        'frame.to_csv(tables / "words.csv", index=False)\n',
        'frame.to_csv(tables / "words.csv", index=False)\ntime.sleep(pause)\n'
        "if exit_kernel:\n    raise SystemExit(0)\n",
    )
    (nbs / "01_words.py").write_text(first, encoding="utf-8")
    (nbs / "02_count.py").write_text((TOY / "02_count.py").read_text(encoding="utf-8"), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(hostile.ARTICLE, encoding="utf-8")
    (corpus / "index.html").write_text("<p>the user's own page</p>", encoding="utf-8")
    return tmp_path


def _args(ws: Path, out, *extra: str) -> list[str]:
    return [
        "run",
        "--corpus",
        str(ws / "corpus"),
        "--out",
        str(out),
        "--notebooks",
        str(ws / "notebooks"),
        "--build",
        str(ws / "build"),
        *extra,
    ]


def _params(ws: Path, text: str) -> str:
    path = ws / "params.yml"
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- point 1: --out that overlaps the inputs ---------------------------------------------------


@pytest.mark.parametrize("where", ["corpus", "corpus/out", "parent", "seeds", "seeds/sub", "notebooks", "lib"])
def test_out_overlapping_the_inputs_is_refused_before_anything_is_written(ws, capsys, where):
    out = {
        "corpus": ws / "corpus",
        "corpus/out": ws / "corpus" / "out",
        "parent": ws,
        "seeds": paths.SEEDS,
        "seeds/sub": paths.SEEDS / "sub",
        "notebooks": paths.NOTEBOOKS,
        "lib": paths.ROOT / "lib",
    }[where]
    before, seeds_before = hostile.checksums(ws / "corpus"), hostile.checksums(paths.SEEDS)
    existed = out.exists()
    assert cli.main(_args(ws, out)) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsframe: error: --out ") and err.count("\n") == 1, err
    assert "choose" in err
    assert hostile.checksums(ws / "corpus") == before and hostile.checksums(paths.SEEDS) == seeds_before
    assert out.exists() == existed and not (out / "run.json").exists() and not (out / "01_words.html").exists()


def test_cleanup_deletes_only_what_a_run_wrote(ws, capsys):
    out = ws / "out"
    out.mkdir()
    (out / "index.html").write_text("the user's own index", encoding="utf-8")
    assert cli.main(_args(ws, out)) == 0
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert "index.html" in manifest["index"]["outputs"]  # overwritten by the run, so now recorded
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    assert cli.main(_args(ws, out, "--params", _params(ws, "02_count: {fail: true}\n"))) == 1
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert not (out / "index.html").exists() and not (out / "02_count.html").exists()


# --- point 6: two runs into one folder ---------------------------------------------------------


def test_a_second_run_refuses_and_names_the_first(ws, capsys):
    out = ws / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = {
            "pid": holder.pid,
            "host": runstate.socket.gethostname(),
            "corpus": "other corpus",
            "started": "2026-01-01T00:00:00Z",
        }
        (out / runstate.LOCK).write_text(json.dumps(lock), encoding="utf-8")
        assert cli.main(_args(ws, out)) == 2
        err = capsys.readouterr().err
        assert f"in use by another newsframe run (pid {holder.pid} on " in err and "corpus other corpus" in err
        assert sorted(p.name for p in out.iterdir()) == [runstate.LOCK]  # nothing written
    finally:
        holder.kill()
        holder.wait()
    assert cli.main(_args(ws, out)) == 0  # the lock of a dead process is stale
    assert not (out / runstate.LOCK).exists()


def test_two_runs_at_once_never_mix(ws, tmp_path):
    out = ws / "out"
    other = ws / "corpus2"
    other.mkdir()
    (other / "other.txt").write_text(hostile.LEGACY, encoding="utf-8")
    slow = _params(ws, "01_words: {pause: 4}\n")
    env = hostile.clean_env()
    first = subprocess.Popen(
        [sys.executable, "-m", "newsframe", *_args(ws, out, "--params", slow)],
        cwd=paths.ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(200):
        if (out / runstate.LOCK).exists():
            break
        time.sleep(0.1)
    second = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsframe",
            "run",
            "--corpus",
            str(other),
            "--out",
            str(out),
            "--notebooks",
            str(ws / "notebooks"),
            "--build",
            str(ws / "build2"),
        ],
        cwd=paths.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert second.returncode == 2 and "in use by another newsframe run" in second.stderr
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["corpus"] == paths.display(ws / "corpus") and not runstate.incomplete(manifest)


# --- point 7: interrupted runs -----------------------------------------------------------------


def test_a_killed_run_leaves_no_old_outputs_and_later_stages_refuse(ws, capsys):
    out = ws / "out"
    assert cli.main(_args(ws, out)) == 0
    assert (out / "02_count.html").exists() and (out / "tables" / "summary.csv").exists()
    (ws / "corpus" / "story2.txt").write_text(hostile.LEGACY, encoding="utf-8")  # the corpus changes
    slow = _params(ws, "01_words: {pause: 30}\n")
    run = subprocess.Popen(
        [sys.executable, "-m", "newsframe", *_args(ws, out, "--params", slow)],
        cwd=paths.ROOT,
        env=hostile.clean_env(),
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        if (
            runstate.read(out).get("stages", {}).get("01_words", {}).get("status") == "running"
            and (out / "tables" / "words.csv").exists()
            and not (out / "tables" / "summary.csv").exists()
        ):
            break
        time.sleep(0.1)
    time.sleep(1)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    # The earlier run's later outputs are gone, not left looking complete beside the new tables.
    assert not (out / "02_count.html").exists() and not (out / "index.html").exists()
    assert not (out / "tables" / "summary.csv").exists()
    assert runstate.read(out)["stages"]["01_words"]["status"] == "running"
    capsys.readouterr()
    assert cli.main(_args(ws, out, "--stages", "02")) == 2
    err = capsys.readouterr().err
    assert "cannot start at stage 02_count" in err and "stage 01_words is running, not done" in err
    assert cli.main(_args(ws, out)) == 0  # the stale lock of the killed run does not block


def test_later_stages_refuse_tables_of_another_corpus(ws, capsys):
    out = ws / "out"
    assert cli.main(_args(ws, out, "--stages", "01")) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Incomplete run:" in index and "02_count" in index
    (ws / "corpus" / "story.txt").write_text(hostile.LEGACY, encoding="utf-8")
    capsys.readouterr()
    assert cli.main(_args(ws, out, "--stages", "02")) == 2
    assert "its tables come from another corpus" in capsys.readouterr().err
    assert cli.main(_args(ws, out, "--stages", "02", "--params", _params(ws, "words: [x]\n"))) == 2


# --- point 8: a cell that exits the kernel -----------------------------------------------------


def test_system_exit_in_a_cell_fails_the_stage(ws, capsys):
    out = ws / "out"
    assert cli.main(_args(ws, out, "--params", _params(ws, "01_words: {exit_kernel: true}\n"))) == 1
    err = capsys.readouterr().err
    assert "stage 01_words failed at cell" in err and "SystemExit: 0" in err
    assert not (out / "01_words.html").exists() and not (out / "02_count.html").exists()
    assert not (out / "index.html").exists()
    assert runstate.read(out)["stages"]["01_words"]["status"] == "failed"


def test_sigint_marks_the_stage_interrupted_and_frees_the_folder(ws):
    out = ws / "out"
    slow = _params(ws, "01_words: {pause: 6}\n")
    # A test session started in the background by a shell (`nohup pytest &`) ignores SIGINT, and an
    # ignored signal stays ignored in the children: the run would never see the Ctrl-C sent below.
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        run = subprocess.Popen(
            [sys.executable, "-m", "newsframe", *_args(ws, out, "--params", slow)],
            cwd=paths.ROOT,
            env=hostile.clean_env(),
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    for _ in range(300):
        if (out / "tables" / "words.csv").exists():
            break
        time.sleep(0.1)
    time.sleep(1)
    run.send_signal(signal.SIGINT)
    assert run.wait(timeout=120) == 130
    assert "newsframe: interrupted" in run.stderr.read()
    manifest = runstate.read(out)
    assert manifest["stages"]["01_words"]["status"] == "interrupted"
    assert manifest["stages"]["02_count"]["status"] == "pending"
    assert not (out / runstate.LOCK).exists() and not (out / "index.html").exists()


def test_a_stage_kernel_checks_run_json_at_its_start(tmp_path, monkeypatch):
    manifest = {"stages": {"01_a": {"status": "done"}, "02_b": {"status": "running"}, "03_c": {"status": "pending"}}}
    runstate.write(tmp_path, manifest)
    monkeypatch.setenv(runstate.STAGE_ENV, f"{tmp_path}{os.pathsep}02_b")
    runstate.check_stage()  # this stage is running, the one before it done
    monkeypatch.setenv(runstate.STAGE_ENV, f"{tmp_path}{os.pathsep}03_c")
    with pytest.raises(runstate.RunStateError, match="does not say stage 03_c is running"):
        runstate.check_stage()
    manifest["stages"]["01_a"]["status"] = "failed"
    manifest["stages"]["02_b"]["status"] = "done"
    manifest["stages"]["03_c"]["status"] = "running"
    runstate.write(tmp_path, manifest)
    with pytest.raises(runstate.RunStateError, match="stage 01_a is not done"):
        runstate.check_stage()
    monkeypatch.delenv(runstate.STAGE_ENV)
    runstate.check_stage()  # outside a pipeline run (JupyterLab, nbval): nothing to check
