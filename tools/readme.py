"""The README's findings blocks, regenerated from the tables of the default run.

The README quotes headline numbers between ``<!-- findings:NAME -->`` markers; they are
written from ``reports/tables`` by the default ``make reports`` (which runs this script), never
typed by hand, and a test fails when they no longer match the tables. A repository tool, not part
of the ``newsframe`` package: an installed newsframe has no README to update.

    .venv/bin/python tools/readme.py [REPORTS=reports]
"""

from __future__ import annotations

import re
from pathlib import Path

from newsframe import clean, findings, statements, tables

README = Path(__file__).resolve().parents[1] / "README.md"


def blocks(out_dir) -> dict[str, str]:
    """Markdown per block name, for the stages whose tables exist."""
    removed = tables.read_table(out_dir, "removed_spans")
    documents = tables.read_table(out_dir, "documents")
    found = {"clean": clean.summary_markdown(documents, removed[removed["rule"] != statements.BETWEEN_STATEMENTS])}
    if tables.table_path(out_dir, "statements").is_file():
        found["statements"] = statements.summary_markdown(tables.read_table(out_dir, "statements"))
    if tables.table_path(out_dir, "framing").is_file():
        opening = findings.sections(findings.from_tables(out_dir, figures={}).markdown)[""]
        found["framing"] = opening.strip().split("\n\n")[1]  # the opening numbers, after the title
    return found


def render(text: str, contents: dict[str, str]) -> str:
    """``text`` with each marked block's content replaced; blocks without markers are left out."""
    for name, content in contents.items():
        pattern = re.compile(rf"(<!-- findings:{name} -->\n).*?(<!-- /findings:{name} -->)", re.S)
        text = pattern.sub(lambda m, content=content: m.group(1) + content.strip() + "\n" + m.group(2), text)
    return text


def update(out_dir, path: Path = README) -> bool:
    """Rewrite the README's blocks from ``out_dir``'s tables; True when something changed."""
    before = path.read_text(encoding="utf-8")
    after = render(before, blocks(out_dir))
    if after != before:
        path.write_text(after, encoding="utf-8")
    return after != before


if __name__ == "__main__":
    import sys

    out = sys.argv[1] if len(sys.argv) > 1 else "reports"
    if update(out):
        print("tools/readme.py: updated the findings in README.md from the tables", file=sys.stderr)
