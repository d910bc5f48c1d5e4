"""How close `make reports` is to its floor: the same number of notebooks that only import.

    .venv/bin/python bench/reports_floor.py [--repeat 3] --out bench/results/reports_floor.json

The pipeline is what `make reports` runs, ``python -m newsframe run --corpus seeds``, but into a
temporary folder (``--out`` and ``--build``), so reports/ and the stored notebooks are untouched.
The floor is what any papermill + nbconvert pipeline pays for the same notebooks: one floor
notebook per stage notebook (notebooks/NN_*.py), holding only that stage's import statements and
its ``notebook.setup()`` call, executed by papermill (same kernel, kernel arguments and working
folder as the pipeline), then rendered to HTML by nbconvert's ``HTMLExporter`` (lab template).
Floor and pipeline alternate within each repeat and the best of ``--repeat`` of each is kept
(other load only ever slows a run), so the ratio says what the analysis itself costs on top.
Wall-clock timings; the load average at the start and the end is recorded.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter
from newsframe.pipeline import KERNEL_ARGS, KERNELSPEC, Stage, discover, read_stage

ROOT = Path(__file__).resolve().parents[1]
GOAL_RATIO = 1.3


def import_lines(stage: Stage) -> str:
    """The stage's top-level imports and ``notebook.setup()`` calls, in order, as one cell."""
    kept = []
    for cell in read_stage(stage).cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # a cell with IPython magics: it imports nothing we would miss
            continue
        for node in tree.body:
            setup = (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Call)
                and ast.unparse(node.value.func) == "notebook.setup"
            )
            if isinstance(node, (ast.Import, ast.ImportFrom)) or setup:
                kept.append(ast.get_source_segment(cell.source, node))
    return "\n".join(kept) + "\n"


def floor_seconds(stages: list[Stage], folder: Path) -> tuple[float, dict[str, float]]:
    """Papermill then nbconvert, one import-only notebook per stage: total and per notebook."""
    folder.mkdir(parents=True, exist_ok=True)
    notebooks = []
    for stage in stages:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(import_lines(stage))])
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
        notebooks.append((stage.name, nb))
    start, each = time.perf_counter(), {}
    for name, nb in notebooks:
        began = time.perf_counter()
        source, executed = folder / f"{name}.ipynb", folder / f"{name}_out.ipynb"
        nbformat.write(nb, source)
        papermill.execute_notebook(
            str(source),
            str(executed),
            kernel_name="python3",
            cwd=str(ROOT),
            progress_bar=False,
            record_timing=False,
            extra_arguments=KERNEL_ARGS,
        )
        body, _ = HTMLExporter(template_name="lab").from_notebook_node(nbformat.read(executed, 4))
        (folder / f"{name}.html").write_text(body, encoding="utf-8")
        each[name] = round(time.perf_counter() - began, 2)
    return time.perf_counter() - start, each


def pipeline_seconds(stages: list[Stage], folder: Path) -> tuple[float, dict[str, float]]:
    """``make reports``'s command, into ``folder``: total, and per stage from its HTML page's mtime
    (each stage is executed then rendered before the next starts)."""
    out = folder / "reports"
    start, wall_start = time.perf_counter(), time.time()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "newsframe",
            "run",
            "--corpus",
            "seeds",
            "--out",
            str(out),
            "--build",
            str(folder / "build"),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    seconds, each, previous = time.perf_counter() - start, {}, wall_start
    for stage in stages:
        done = stage.html(out).stat().st_mtime
        each[stage.name], previous = round(done - previous, 2), done
    return seconds, each


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "reports_floor.json"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    stages = discover()
    load_start = os.getloadavg()[0]
    floors, pipelines = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(max(1, args.repeat)):
            floors.append(floor_seconds(stages, Path(tmp) / f"floor_{i}"))
            pipelines.append(pipeline_seconds(stages, Path(tmp) / f"pipeline_{i}"))
            print(f"repeat {i + 1}: floor {floors[-1][0]:.1f} s, pipeline {pipelines[-1][0]:.1f} s", flush=True)
    (floor, floor_each), (full, full_each) = min(floors), min(pipelines)
    ratio = full / floor
    result = {
        "notebooks": len(stages),
        "pipeline": "python -m newsframe run --corpus seeds --out <temporary folder> (what `make reports` runs)",
        "floor": "papermill executing one notebook per stage that holds only that stage's imports and "
        "notebook.setup(), plus nbconvert HTML (lab template) of each",
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {load_start:.1f} at start, {os.getloadavg()[0]:.1f} at end",
        "repeat": args.repeat,
        "floor_seconds": round(floor, 2),
        "floor_seconds_per_notebook": round(floor / len(stages), 2),
        "pipeline_seconds": round(full, 2),
        "all_floor_seconds": [round(s, 2) for s, _ in floors],
        "all_pipeline_seconds": [round(s, 2) for s, _ in pipelines],
        "per_notebook": "floor: papermill + nbconvert of each; pipeline: from the previous stage's HTML page to "
        "this one's (the first from the command's start, so with its start-up), best run",
        "per_notebook_seconds": {name: {"floor": floor_each[name], "pipeline": full_each[name]} for name in floor_each},
        "ratio": round(ratio, 2),
        "goal_ratio": GOAL_RATIO,
        "goal_met": ratio <= GOAL_RATIO,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
