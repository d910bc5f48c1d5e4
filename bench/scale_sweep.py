"""How the whole pipeline scales with corpus size: Reuters-21578 replicated to 1k, 10k, 100k articles.

    .venv/bin/python bench/scale_sweep.py --data ../shared/data/reuters21578 \
        --sizes 1000 10000 100000 --out bench/results/scale_sweep.json

Reuters-21578 has 19,043 articles with a body. Each article becomes one document,
``title + newline + dateline + body`` (``bench/reuters.py``). To reach a size the articles are
replicated (copy k gets doc_id ``reuters_<newid>_<k>``) and shuffled with a fixed seed, then the
first N are taken; so from 19,044 documents on, the corpus holds exact copies, which the loader
marks in ``duplicate_of`` and processes like any other document.

Each size runs in its own subprocess, end to end as a user runs it: the corpus is written to a
temporary Parquet table and ``newsframe.pipeline.run`` executes every stage notebook on it with
papermill (``--engine``, default ``processes``) and renders its HTML page, as ``make reports``
does, recording each stage's wall time (``RunResult.seconds``): cleaning, statements, clustering
into claims, the framing tables, the findings report, and the index page. Per size the output records the wall time of the
subprocess and of each stage, the rows of the main tables, the peak summed RSS of the whole
process tree (sampled with psutil every 0.2 s: the subprocess, its notebook kernels and their
pool workers; the figure to compare with a memory budget) and the growth exponent: the slope of
log(time) against log(size), overall and per stage, between consecutive sizes and fitted over all.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from reuters import reuters_records  # noqa: E402

GOAL = {"size": 100_000, "seconds": 300, "rss_gb": 4.0}


# --- the child: one size, end to end ----------------------------------------------------------


def replicated(records: list[tuple[str, str]], size: int, seed: int) -> tuple[list[str], list[str]]:
    copies = math.ceil(size / len(records))
    pool = [(f"reuters_{newid}_{k}", text) for k in range(copies) for newid, text in records]
    random.Random(seed).shuffle(pool)
    chosen = pool[:size]
    return [d for d, _ in chosen], [t for _, t in chosen]


def _rows(out: Path, name: str) -> int:
    """Rows of an output table, without parsing it (the Parquet copy's metadata, else CSV records)."""
    import pyarrow.parquet as pq
    from newsframe import tables

    path = tables.table_path(out, name)
    if path.with_suffix(".parquet").is_file():
        return pq.ParquetFile(path.with_suffix(".parquet")).metadata.num_rows
    return len(tables.read_table(out, name)) if path.is_file() else 0


def child(args) -> dict:
    import pandas as pd
    from newsframe import pipeline

    records = reuters_records(Path(args.data))
    doc_ids, texts = replicated(records, args.size, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus.parquet", Path(tmp) / "out"
        pd.DataFrame({"doc_id": doc_ids, "text": texts}).to_parquet(corpus, index=False)
        result = pipeline.run(
            corpus,
            out,
            codebook=args.codebook,
            params={"engine": args.engine},
            progress=False,
            build_dir=Path(tmp) / "build",
            write_back_notebooks=False,
        )
        if not result.ok:
            raise SystemExit(f"failed at size {args.size}: {'; '.join(map(str, result.failures))}")
        timings = result.seconds
        for stage, seconds in timings.items():
            print(f"  [{args.size}] {stage}: {seconds:.1f} s", file=sys.stderr, flush=True)
        html_mb = sum(page.stat().st_size for page in out.glob("*.html")) / 2**20
        counts = {
            name: _rows(out, name)
            for name in (
                "documents",
                "body_blocks",
                "removed_spans",
                "statements",
                "quantities",
                "claims",
                "framing",
                "contradictions",
                "distinctive_terms",
                "sourcing_edges",
            )
        }
    return {
        "documents": args.size,
        "distinct_texts": len(set(texts)),
        "mb": round(sum(map(len, texts)) / 1e6, 2),
        "rows": counts,
        "statements": counts["statements"],
        "html_mb": round(html_mb, 2),
        "stage_seconds": timings,
    }


# --- the parent: one subprocess per size ------------------------------------------------------


def _tree_rss(pid: int, stop: threading.Event, peak: list[int], limit: float) -> None:
    """Sample the summed RSS of the process tree; kill the tree when it passes ``limit`` bytes."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        total = 0
        try:
            for proc in [root, *root.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            break
        peak[0] = max(peak[0], total)
        if total > limit:
            for proc in [*root.children(recursive=True), root]:
                try:
                    proc.kill()
                except psutil.Error:
                    pass
            break
        stop.wait(0.2)


def run_size(args, size: int) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        "--size",
        str(size),
        "--data",
        args.data,
        "--codebook",
        args.codebook,
        "--engine",
        args.engine,
        "--seed",
        str(args.seed),
    ]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(command, stdout=out, cwd=ROOT)
        stop, peak = threading.Event(), [0]
        sampler = threading.Thread(target=_tree_rss, args=(proc.pid, stop, peak, args.max_rss_gb * 2**30), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        stop.set()
        sampler.join()
        out.seek(0)
        text = out.read().decode("utf-8")
    if proc.returncode != 0:
        killed = peak[0] > args.max_rss_gb * 2**30
        return {
            "size": size,
            "status": f"failed with exit code {proc.returncode}"
            + (f": killed, process tree passed --max-rss-gb {args.max_rss_gb}" if killed else ""),
            "seconds": round(wall, 2),
            "peak_rss_mb_process_tree": round(peak[0] / 2**20, 1),
        }
    result = json.loads(text.strip().splitlines()[-1])
    return {
        "size": size,
        "status": "ok",
        "seconds": round(wall, 2),
        "peak_rss_mb_largest_process": round(usage.ru_maxrss / 1024, 1),
        "peak_rss_mb_process_tree": round(peak[0] / 2**20, 1),
        **result,
    }


def slope(points: list[tuple[float, float]]) -> float | None:
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return round(sum((x - mx) * (y - my) for x, y in points) / sxx, 3) if sxx else None


def growth(runs: list[dict]) -> dict:
    ok = [r for r in runs if r["status"] == "ok"]
    stages = sorted(
        {s for r in ok for s in r["stage_seconds"]},
        key=lambda s: list(ok[-1]["stage_seconds"]).index(s) if s in ok[-1]["stage_seconds"] else 99,
    )
    per_stage = {}
    for stage in stages:
        pts = [(r["size"], r["stage_seconds"][stage]) for r in ok if stage in r["stage_seconds"]]
        per_stage[stage] = {
            "fitted": slope(pts),
            "between_sizes": [slope(pts[i : i + 2]) for i in range(len(pts) - 1)],
        }
    wall = [(r["size"], r["seconds"]) for r in ok]
    return {
        "wall_time_fitted": slope(wall),
        "wall_time_between_sizes": [slope(wall[i : i + 2]) for i in range(len(wall) - 1)],
        "per_stage": per_stage,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "reuters21578"))
    parser.add_argument("--codebook", default=str(ROOT / "seeds" / "codebook.yml"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--engine", default="processes", help="local, processes, dask or a scheduler address")
    parser.add_argument("--seed", type=int, default=21578)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "scale_sweep.json"))
    parser.add_argument(
        "--max-rss-gb", type=float, default=12.0, help="kill a size's process tree when its summed RSS passes this"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args)), flush=True)
        return 0

    runs = []
    for size in args.sizes:
        print(f"size {size:,} ...", file=sys.stderr, flush=True)
        runs.append(run_size(args, size))
        r = runs[-1]
        print(
            f"size {size:,}: {r['status']}, {r['seconds']:.1f} s, "
            f"tree peak {r.get('peak_rss_mb_process_tree', 0):,.0f} MB",
            file=sys.stderr,
            flush=True,
        )
    big = next((r for r in runs if r["size"] == GOAL["size"] and r["status"] == "ok"), None)
    report = {
        "data": "Reuters-21578 (19,043 articles with a body; title + dateline + body per document), "
        "replicated and shuffled with a fixed seed to reach each size: exact copies from 19,044 "
        "documents on (marked duplicate_of by the loader, processed like the rest)",
        "pipeline": "temporary Parquet corpus -> newsframe.pipeline.run (papermill + HTML render per stage, as "
        "make reports does): 01 clean, 02 statements, 03 claims, 04 framing tables, 05 findings, "
        "index; one subprocess per size",
        "engine": args.engine,
        "seed": args.seed,
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at start",
        "rss": "peak_rss_mb_largest_process: os.wait4 rusage ru_maxrss of the size's subprocess (max over it and "
        "its pool workers, each alone); peak_rss_mb_process_tree: sampled sum over the process tree",
        "goal": GOAL,
        "goal_met": None
        if big is None
        else (big["seconds"] < GOAL["seconds"] and big["peak_rss_mb_process_tree"] < GOAL["rss_gb"] * 1024),
        "runs": runs,
        "growth_exponent": growth(runs),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("goal_met", "growth_exponent")}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
