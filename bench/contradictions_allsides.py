"""How many reported contradictions on AllSides are real disagreements between outlets.

    .venv/bin/python bench/contradictions_allsides.py --run OUT [--out bench/results/contradictions_allsides.json]
    .venv/bin/python bench/contradictions_allsides.py --run OUT --show     # print the sample to read, in context
    .venv/bin/python bench/contradictions_allsides.py --run OUT --recompute [--show]

``OUT`` is a finished run on ``../shared/data/allsides/allsides_world.jsonl.gz`` (parameters only,
no codebook, no claim). ``--recompute`` finds the contradictions again with this checkout's library
from the run's stage-1 to stage-3 tables (documents, statements, quantities, claims), so a change to
the contradiction rules is measured without rerunning the pipeline; without it the run's own
``contradictions.csv`` is read. A random sample of ``SAMPLE`` rows (all rows when fewer; seed
``SEED``) is read by a person, each statement in its document's raw text (``--show`` prints the
paragraph around each, by the statements' offsets), and judged; the verdicts are kept in
``bench/allsides_verdicts.csv`` (row key, verdict and a short reason only: no AllSides text enters
the repository). This script joins them to the sample and writes the counts of the run (stories,
claims, contradictions by kind, omissions, inconsistencies within one outlet) with the share of
real disagreements among the judged rows. A row of the sample without a verdict is listed as
unjudged: after the claims change (a rerun after a merge), rerun with ``--show``, judge the new rows,
add them to the verdicts file and rerun.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pandas as pd
from newsframe import contradictions, outlets, tables
from newsframe.claim import with_claim
from newsframe.codebook import load_codebook

ROOT = Path(__file__).resolve().parents[1]
VERDICTS = ROOT / "bench" / "allsides_verdicts.csv"
CORPUS = ROOT.parent / "shared" / "data" / "allsides" / "allsides_world.jsonl.gz"
SAMPLE = 30
SEED = 12
KEY = ["kind", "claim_id", "outlet_a", "outlet_b", "statement_a", "statement_b"]


def sample(found: pd.DataFrame, n: int = SAMPLE, seed: int = SEED) -> pd.DataFrame:
    """The rows to judge: all of them when there are ``n`` or fewer, else ``n`` drawn with ``seed``."""
    return found if len(found) <= n else found.sample(n=n, random_state=seed).sort_index()


def load_verdicts(path: Path = VERDICTS) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame(columns=[*KEY, "verdict", "reason"])
    body = "".join(line for line in path.read_text(encoding="utf-8").splitlines(True) if not line.startswith("#"))
    table = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)
    return table[[*KEY, "verdict", "reason"]].drop_duplicates(KEY, keep="last")


def recompute(run: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """contradictions, within_outlet and omissions of the run's stage 1-3 tables, by this library."""
    read = lambda name: tables.read_table(run, name)
    documents, claims = read("documents"), read("claims")
    statements = outlets.with_outlet(read("statements"), documents)
    quantities = read("quantities")
    codes = with_claim(load_codebook(""), "")
    unit_of = outlets.unit_of(documents)
    find = lambda within: contradictions.contradictions(
        statements, codes, quantities, outlets=unit_of, within=within, claims=claims
    )
    between, within = find(False), find(True)
    gaps = contradictions.omissions(statements, codes, outlets=unit_of)
    return between, within, gaps


def contexts(chosen: pd.DataFrame, run: str, corpus: Path = CORPUS) -> dict[str, str]:
    """statement id -> the paragraph of the raw text around it (by the statement's offsets)."""
    from newsframe.corpus import load_corpus

    statements = tables.read_table(run, "statements")
    wanted = set(chosen["statement_a"]) | set(chosen["statement_b"])
    rows = statements[statements["statement_id"].isin(wanted)]
    docs = set(rows["doc_id"])
    raw = {d.doc_id: d.text for d in load_corpus(corpus).documents if d.doc_id in docs}
    found = {}
    for sid, doc, start, end in zip(rows["statement_id"], rows["doc_id"], rows["start"], rows["end"]):
        text, start, end = raw.get(doc, ""), int(start), int(end)
        left = max(text.rfind("\n\n", 0, start), 0)
        right = text.find("\n\n", end)
        found[sid] = " ".join(text[left : right if right > 0 else len(text)].split())
    return found


def show(chosen: pd.DataFrame, run: str) -> None:
    around = contexts(chosen, run)
    for row in chosen.itertuples():
        print("\n" + ",".join(str(getattr(row, k)) for k in KEY))
        print("  explanation:", row.explanation)
        for side in ("a", "b"):
            sid = getattr(row, f"statement_{side}")
            print(f"  {side.upper()} ({getattr(row, f'outlet_{side}')}): {getattr(row, f'text_{side}')}")
            print(f"     context: {around.get(sid, '')}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", required=True, help="out folder of a finished AllSides run")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "contradictions_allsides.json"))
    parser.add_argument("--recompute", action="store_true", help="find the contradictions again with this library")
    parser.add_argument("--show", action="store_true", help="print the sample to judge instead of writing results")
    args = parser.parse_args(argv)
    read = lambda name: tables.read_table(args.run, name)
    if args.recompute:
        found, within, gaps = recompute(args.run)
    else:
        found, within, gaps = read("contradictions"), read("within_outlet"), read("omissions")
    found = found.fillna("")
    chosen = sample(found)
    if args.show:
        show(chosen, args.run)
        return 0
    documents, claims = read("documents"), read("claims")
    judged = chosen[KEY].merge(load_verdicts(), on=KEY, how="left").fillna("")
    real = int((judged["verdict"] == "real").sum())
    done = int(judged["verdict"].ne("").sum())
    stories = documents.loc[documents["story_id"].fillna("").ne(""), "story_id"]
    result = {
        "data": "AllSides world (allsides_world.jsonl.gz), whole file, parameters only (no codebook, no claim)",
        "contradictions_from": "recomputed by this checkout's library from the run's stage 1-3 tables"
        if args.recompute
        else "the run's contradictions.csv",
        "documents": int(len(documents)),
        "stories": int(stories.nunique()),
        "stories_of_two_or_more_documents": int((stories.value_counts() > 1).sum()),
        "claims": int(len(claims)),
        "statements": int(claims["n_statements"].astype(int).sum()),
        "contradictions": int(len(found)),
        "contradictions_by_kind": {k: int(v) for k, v in found["kind"].value_counts().sort_index().items()},
        "same_outlet_rows": int((found["outlet_a"] == found["outlet_b"]).sum()),
        "omissions": int(len(gaps)),
        "within_outlet": int(len(within)),
        "sample": len(chosen),
        "sample_seed": SEED,
        "judged": done,
        "real": real,
        "share_real": round(real / done, 3) if done else None,
        "unjudged": int(len(judged) - done),
        "verdicts": judged.to_dict(orient="records"),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "verdicts"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
