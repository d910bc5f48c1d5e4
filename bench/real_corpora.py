"""The whole pipeline on real scraped corpora: how much site boilerplate survives cleaning.

    .venv/bin/python bench/real_corpora.py --data ../shared/data --out bench/results/real_corpora.json

Corpora, read in place from ``--data`` (never copied into the repository):

- ``allsides_world``: ``allsides/allsides_world.jsonl.gz`` (AllSides: 4,735 articles, 135 outlets);
- ``allsides_russia``: its rows with topic ``russia``, written to a temporary JSONL;
- ``basil``: ``basil/articles/YEAR/*.json`` (BASIL: 300 articles, three outlets) as a temporary JSONL
  with doc_id (uuid), outlet (``source``), published, title and text (body paragraphs joined by
  blank lines).

Each runs end to end as a user runs it: ``python -m newsframe run --corpus ... --out <tmp>
--engine processes`` in a subprocess, timed, with the peak summed RSS of its process tree
(sampled with psutil, as ``bench/scale_sweep.py`` does). From the run's tables the script
records documents, outlets, statements, the statements that still look like boilerplate, per
family (``SURVIVOR_PATTERNS``: regular expressions stated here and written to the JSON,
independent of the cleaner's own rules, so the cleaner is not graded by itself), removed spans
per reason, and the documents that lost more than 40% of their text.

``--before DIR`` also measures the tables of an earlier run (e.g. of the parent commit) and
records them under ``before``; ``--keep DIR`` keeps each run's output folder for reading.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from newsframe import clean  # noqa: E402
from scale_sweep import _tree_rss  # noqa: E402

GOAL_SHARE = 0.005  # surviving boilerplate statements, share of all statements (AllSides)

#: How the bench recognises boilerplate that survived as a statement: independent of newsframe.boilerplate.
SURVIVOR_PATTERNS = {
    "photo credit or caption": r"\((?:AP|AFP|Reuters|Getty|EPA|Pool)\b[^)]{0,20}(?:Photo|Images)|Photograph:|"
    r"Image copyright|Image caption|Media playback|Media caption|toggle caption|"
    r"REUTERS/|/Getty Images|Getty Images/",
    "link to other stories": r"^\W*(?:Read more|READ MORE|Related\b|RELATED\b|More:|See also|Click here|Click the link)"
    r"|Read more\W*$",
    "newsletter, sign-up or app prompt": r"\b(?:[Nn]ewsletters?|[Ss]ign up|[Ss]ubscribe|your inbox|"
    r"[Dd]ownload the\b.{0,30}\bapp\b|NEWS APP|[Ff]ollow us)\b",
    "copyright or reprint line": r"Copyright|©|[Aa]ll rights reserved|[Rr]eprint permission",
    "advertisement or continuation marker": r"ADVERTISEMENT|^\W*Advertisement\b|Story [Cc]ontinued [Bb]elow|"
    r"Continue reading the main story",
    "byline or contributor line": r"^\W*By [A-Z][a-z]+ [A-Z][a-z]+[^.!?]{0,60}$|contributed to this (?:report|article|story)|"
    r"^\W*Contributing:|[Rr]eporting by\b",
    "republication note": r"\brepublished\b|originally (?:appeared|published)|available without charge",
    "author bio": r"^\W*[A-Z][a-z]+ [A-Z][a-z]+ is (?:a|an|the) [^.]{0,80}\b(?:columnist|fellow|professor|author|"
    r"contributor|writer|editor)\b",
}
_COMPILED = {family: re.compile(p) for family, p in SURVIVOR_PATTERNS.items()}


# --- corpora ---------------------------------------------------------------------------------


def allsides_world(data: Path, tmp: Path) -> Path:
    """The export as it is: the loader reads .jsonl.gz directly."""
    return data / "allsides" / "allsides_world.jsonl.gz"


def allsides_topic(data: Path, tmp: Path, topic: str = "russia") -> Path:
    target = tmp / f"allsides_{topic}.jsonl"
    with (
        gzip.open(data / "allsides" / "allsides_world.jsonl.gz", "rt", encoding="utf-8") as raw,
        open(target, "w", encoding="utf-8") as out,
    ):
        for line in raw:
            if line.strip() and json.loads(line).get("topic") == topic:
                out.write(line if line.endswith("\n") else line + "\n")
    return target


def basil(data: Path, tmp: Path) -> Path:
    target = tmp / "basil.jsonl"
    with open(target, "w", encoding="utf-8") as out:
        for path in sorted(glob.glob(str(data / "basil" / "articles" / "*" / "*.json"))):
            article = json.loads(Path(path).read_text(encoding="utf-8"))
            paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in article.get("body-paragraphs", [])]
            row = {
                "doc_id": Path(path).stem,
                "outlet": article.get("source", ""),
                "published": article.get("date", ""),
                "title": article.get("title", ""),
                "text": "\n\n".join(paragraphs),
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return target


CORPORA = {"allsides_world": allsides_world, "allsides_russia": allsides_topic, "basil": basil}


# --- measuring -------------------------------------------------------------------------------


def _table(tables: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(tables / f"{name}.csv", dtype=str, keep_default_na=False)


def survivors(statements: pd.DataFrame) -> dict[str, int]:
    """Statements per family of ``SURVIVOR_PATTERNS`` (a statement can count in two families)."""
    texts = statements["text"].tolist()
    counts = {family: sum(1 for t in texts if pattern.search(t)) for family, pattern in _COMPILED.items()}
    counts["any"] = sum(1 for t in texts if any(p.search(t) for p in _COMPILED.values()))
    return counts


def measure(out: Path) -> dict:
    tables = out / "tables"
    documents, statements = _table(tables, "documents"), _table(tables, "statements")
    removed = _table(tables, "removed_spans")
    for frame in (removed,):
        frame["start"], frame["end"] = frame["start"].astype(int), frame["end"].astype(int)
    ok = documents[documents["status"] == "ok"].copy()
    ok["n_body_chars"] = ok["n_body_chars"].astype(int)
    heavy = clean.heavily_cleaned(ok, removed)
    surviving = survivors(statements)
    return {
        "documents": len(ok),
        "outlets": int(ok.loc[ok["outlet"] != "", "outlet"].nunique()),
        "statements": len(statements),
        "surviving_boilerplate": surviving,
        "surviving_share": round(surviving["any"] / max(len(statements), 1), 5),
        "documents_over_40pct_removed": len(heavy),
        "documents_without_statements": int((ok["n_statements"].replace("", "0").astype(int) == 0).sum()),
        "removed_spans_by_reason": {r: int(n) for r, n in removed["reason"].value_counts().sort_index().items()},
    }


def run_one(name: str, corpus_path: Path, out: Path, engine: str) -> dict:
    command = [
        sys.executable,
        "-m",
        "newsframe",
        "run",
        "--corpus",
        str(corpus_path),
        "--out",
        str(out),
        "--engine",
        engine,
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop, peak = threading.Event(), [0]
    sampler = threading.Thread(target=_tree_rss, args=(proc.pid, stop, peak, float("inf")), daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    result = {"corpus": name, "seconds": round(seconds, 1), "peak_rss_mb_process_tree": round(peak[0] / 2**20)}
    if proc.returncode != 0:
        return {**result, "status": f"failed with exit code {proc.returncode}: {err.decode()[-400:]}"}
    return {**result, "status": "ok", **measure(out)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "real_corpora.json"))
    parser.add_argument("--engine", default="processes")
    parser.add_argument("--corpora", nargs="*", default=list(CORPORA), choices=list(CORPORA))
    parser.add_argument("--before", help="tables folder of an earlier run of allsides_world, measured as 'before'")
    parser.add_argument("--keep", help="keep each run's output folder under this folder (outside the repository)")
    args = parser.parse_args(argv)
    data = Path(args.data)
    runs = []
    with tempfile.TemporaryDirectory(prefix="newsframe-real-") as tmp:
        for name in args.corpora:
            source = data / ("basil" if name == "basil" else "allsides")
            if not source.exists():
                runs.append({"corpus": name, "status": f"skipped: {source} not found"})
                continue
            path = CORPORA[name](data, Path(tmp))
            out = Path(args.keep) / name if args.keep else Path(tmp) / f"out_{name}"
            runs.append(run_one(name, path, out, args.engine))
            print(json.dumps(runs[-1]), file=sys.stderr)
    result = {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at end",
        "engine": args.engine,
        "goal_share": GOAL_SHARE,
        "survivor_patterns": SURVIVOR_PATTERNS,
        "runs": runs,
    }
    if args.before:
        result["before"] = {
            "corpus": "allsides_world",
            "source": "the same run on the parent commit's cleaner",
            **measure(Path(args.before)),
        }
    world = next((r for r in runs if r["corpus"] == "allsides_world" and r.get("status") == "ok"), None)
    result["goal_met"] = None if world is None else world["surviving_share"] < GOAL_SHARE
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
