"""Segmentation and attribution on pathological text: seconds per MB, and how time grows with size.

Inputs that once made the per-statement passes super-linear: long runs of punctuation (regex
backtracking), a flood of reporting verbs and one 1 MB sentence (attribution quadratic in the
sentence), and invisible format characters (Unicode Cf) after full stops, which stopped sentence
splitting so every paragraph became one huge statement. Budget: 2 s per MB on the benchmark machine.

    .venv/bin/python bench/pathological.py --out bench/results/pathological.json [--mb 1]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from newsframe.attribution import attribute
from newsframe.codebook import load_codebook
from newsframe.paths import SEEDS
from newsframe.segment import line_blocks, split_statements

_CLAUSE = (
    "officials in Kyiv said that Iran had shipped drones to Russia, while Tehran's envoy, who spoke to "
    "reporters, called the reports baseless and added that the talks in Vienna were constructive, "
)
_PERSIAN = "سخنگوی وزارت خارجه گفت که این گزارش‌ها بی‌اساس است.\u200f او افزود که ایران هیچ موشکی نفرستاده است.\u200f "
_INVISIBLE = (
    "The envoy said the talks failed.\u200b Kyiv disagreed.\u200f Officials said more would follow.\u202c "
    "The minister added that \u2066Tehran\u2069 denied it.\u2060 "
)

#: name -> (what it is, function of a size in characters giving the text)
INPUTS = {
    "full_stops": ("a run of full stops", lambda n: "Headline\n\n" + "." * n),
    "exclamations": ("a run of exclamation marks", lambda n: "Headline\n\n" + "!" * n),
    "mixed_punctuation": ("a run of ?!.… and quotes", lambda n: "Headline\n\n" + ('?!.…"”' * (n // 6 + 1))[:n]),
    "said_flood": ("'said ' repeated", lambda n: "Headline\n\n" + ("said " * (n // 5 + 1))[:n]),
    "one_sentence": (
        "one realistic sentence of n characters",
        lambda n: "Headline\n\nThe " + (_CLAUSE * (n // len(_CLAUSE) + 1))[:n] + ".",
    ),
    "invisible_after_stop": (
        "English sentences with U+200B/U+200F/bidi marks after the full stop",
        lambda n: "Headline\n\n" + (_INVISIBLE * (n // len(_INVISIBLE) + 1))[:n],
    ),
    "persian_rlm": (
        "Persian sentences ending in full stop + RLM",
        lambda n: "عنوان\n\n" + (_PERSIAN * (n // len(_PERSIAN) + 1))[:n],
    ),
}


#: s/MB of the code before issue 15 (commit 9eeb974), measured at 20,000 characters: the old
#: code was quadratic, so a 1 MB input would have taken hours. "persian_rlm" was fast only because
#: it was not split at all (2 statements).
BEFORE_S_PER_MB = {
    "full_stops": 933,
    "exclamations": 2108,
    "mixed_punctuation": 12.2,
    "said_flood": 476,
    "one_sentence": 103,
    "invisible_after_stop": 105,
    "persian_rlm": 0.43,
}


def run_once(text: str, codebook) -> tuple[float, int]:
    """Seconds to segment and attribute ``text`` as stage 2 does, and the number of statements."""
    started = time.perf_counter()
    spans = split_statements(text, line_blocks(text))
    attribute(text, spans, codebook)
    return time.perf_counter() - started, len(spans)


def measure(name: str, chars: int, codebook=None, repeat: int = 1) -> dict:
    codebook = codebook if codebook is not None else load_codebook(SEEDS / "codebook.yml")
    text = INPUTS[name][1](chars)
    best, statements = float("inf"), 0
    for _ in range(repeat):
        seconds, statements = run_once(text, codebook)
        best = min(best, seconds)
    mb = len(text.encode("utf-8")) / 1e6
    return {
        "input": name,
        "chars": len(text),
        "mb": round(mb, 3),
        "seconds": round(best, 3),
        "s_per_mb": round(best / mb, 2),
        "statements": statements,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--mb", type=float, default=1.0, help="size of each input in millions of characters")
    args = parser.parse_args()
    codebook = load_codebook(SEEDS / "codebook.yml")
    chars = int(args.mb * 1_000_000)
    rows = []
    for name, (what, _) in INPUTS.items():
        half, full = measure(name, chars // 2, codebook), measure(name, chars, codebook)
        rows.append(
            {
                **full,
                "what": what,
                "growth_x2": round(full["seconds"] / max(half["seconds"], 1e-6), 2),
                "before_s_per_mb_at_20k": BEFORE_S_PER_MB[name],
            }
        )
        print(
            f"{name:22} {full['mb']:6.2f} MB {full['seconds']:7.2f} s {full['s_per_mb']:6.2f} s/MB "
            f"x2 -> x{rows[-1]['growth_x2']}",
            flush=True,
        )
    result = {
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
        "budget_s_per_mb": 2.0,
        "rows": rows,
    }
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
