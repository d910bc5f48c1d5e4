"""How close `make reports` is to its floor: the same number of notebooks that only import.

    .venv/bin/python bench/reports_floor.py --out bench/results/reports_floor.json

The floor is what any papermill + nbconvert pipeline pays: one kernel start per notebook, the
imports the stage notebooks make, and one HTML render each. Both are measured in the same run,
best of ``--repeat``, so the ratio says how much the analysis itself costs on top.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
IMPORTS = """\
from IPython.display import HTML, Image, Markdown
import newsframe
from newsframe import (clean, contradictions, figures, findings, framing, markup, notebook, plots, segment,
                       sourcing, statements, tables, vocabulary)
from newsframe.codebook import load_codebook
from newsframe.corpus import load_corpus
notebook.setup()
"""


def floor_seconds(n_notebooks: int, folder: Path) -> float:
    start = time.perf_counter()
    for i in range(n_notebooks):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        source, executed = folder / f"floor_{i}.ipynb", folder / f"floor_{i}_out.ipynb"
        nbformat.write(nb, source)
        papermill.execute_notebook(str(source), str(executed), kernel_name="python3", progress_bar=False, cwd=str(ROOT))
        body, _ = HTMLExporter(template_name="lab").from_notebook_node(nbformat.read(executed, 4))
        (folder / f"floor_{i}.html").write_text(body, encoding="utf-8")
    return time.perf_counter() - start


def pipeline_seconds(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsframe", "run", "--corpus", "seeds", "--out", str(folder / "reports")],
                   cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "reports_floor.json"))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    stages = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        floor = min(floor_seconds(len(stages), Path(tmp)) for _ in range(args.repeat))
        full = min(pipeline_seconds(Path(tmp)) for _ in range(args.repeat))
    result = {"notebooks": len(stages), "floor_seconds": round(floor, 2), "pipeline_seconds": round(full, 2),
              "ratio": round(full / floor, 2), "goal_ratio": 1.3,
              "floor": "papermill executing the same number of notebooks that only import the stage libraries, "
                       "plus nbconvert HTML of each; best of the repeats"}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
