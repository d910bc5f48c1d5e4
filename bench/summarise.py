"""Write the README's benchmark tables from bench/results/*.json (numbers are never typed by hand).

    .venv/bin/python bench/summarise.py          # rewrite the README block
    .venv/bin/python bench/summarise.py --check  # exit 1 when the README is out of date

Each result file has its own renderer below; files without one are listed by name only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- bench -->\n).*?(<!-- /bench -->)", re.S)


def _attribution(result: dict) -> list[str]:
    reference = result["reference_overlap_f1_bbc_citron_parc3"]
    lines = [
        "Attribution against human annotation (PolNeAR; " + result["matching"] + "):",
        "",
        "| split | role | exact P / R / F1 | overlap P / R / F1 | citron overlap F1 (PARC 3.0) |",
        "|---|---|---|---|---|",
    ]
    for split, scores in result["splits"].items():
        for role in ("cue", "source", "content"):
            exact, overlap = scores[role]["exact"], scores[role]["overlap"]
            lines.append(
                f"| {split} ({scores['articles']} articles) | {role} | "
                f"{exact['precision']} / {exact['recall']} / {exact['f1']} | "
                f"{overlap['precision']} / {overlap['recall']} / **{overlap['f1']}** | {reference[role]} |"
            )
    return lines


def _segmenters(result: dict) -> list[str]:
    lines = [
        f"Sentence segmenters ({result['data']}); known errors are the mistakes the repair pass targets:",
        "",
        "| segmenter | variant | sentences | known errors | MB/s |",
        "|---|---|---|---|---|",
    ]
    for row in result["rows"]:
        lines.append(f"| {row['segmenter']} | {row['variant']} | {row['sentences']} | {row['known_errors']} | {row['mb_per_s']} |")
    return lines


def _clusters(result: dict) -> list[str]:
    lines = [
        f"Claim clustering against hand labels ({result['data']}); number of claims chosen by silhouette:",
        "",
        "| representation | method | claims | ARI | V-measure |",
        "|---|---|---|---|---|",
    ]
    for row in result["rows"]:
        lines.append(f"| {row['representation']} | {row['method']} | {row['n_claims']} | {row['ARI']} | {row['V-measure']} |")
    return lines


RENDERERS = {"cluster_comparison.json": _clusters, "attribution_polnear.json": _attribution, "segmenters_polnear.json": _segmenters}


def summary() -> str:
    parts = []
    for path in sorted(RESULTS.glob("*.json")):
        render = RENDERERS.get(path.name)
        lines = render(json.loads(path.read_text(encoding="utf-8"))) if render else [f"`{path.name}` (raw numbers)"]
        parts.append("\n".join(lines + ["", f"Source: `bench/results/{path.name}`."]))
    return "\n\n".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the README is current")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        print("README.md has no <!-- bench --> block", file=sys.stderr)
        return 1
    updated = BLOCK.sub(lambda m: m.group(1) + summary() + "\n" + m.group(2), text)
    if args.check:
        if updated != text:
            print("README.md benchmark tables differ from bench/results: run bench/summarise.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
