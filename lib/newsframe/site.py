"""The index page of a run: a link per stage page and the key numbers from the tables.

Tables hold corpus text, which is untrusted, so every string goes through ``html.escape``.
The page is self-contained and offline (inline CSS, no JS, no external links; a
Content-Security-Policy forbids loads) and has no timestamps, so reruns give the same bytes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import jupytext
import pandas as pd
from markdown_it import MarkdownIt

from .statements import BETWEEN_STATEMENTS
from .tables import read_table

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
TITLE = "News framing report"


class Tables:
    """``<out>/tables/NAME.csv`` by name, read once as ``tables.read_table`` reads it (its Parquet
    copy when a large table has one); a missing table is a KeyError."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._cache: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._cache:
            path = self.folder / f"{name}.csv"
            if not path.is_file():
                raise KeyError(name)
            self._cache[name] = read_table(self.folder.parent, name)
        return self._cache[name]


def _ints(column: pd.Series) -> pd.Series:
    return pd.to_numeric(column, errors="coerce").fillna(0).astype(int)


def _span_chars(frame: pd.DataFrame) -> int:
    return int((_ints(frame["end"]) - _ints(frame["start"])).sum())


def _status(tables: Tables, status: str) -> int:
    return int((tables["documents"]["status"] == status).sum())


def _by_reason(frame: pd.DataFrame) -> dict[str, str]:
    chars = (_ints(frame["end"]) - _ints(frame["start"])).groupby(frame["reason"]).agg(["size", "sum"])
    return {reason: f"{n:,} span{'s' * (n != 1)}, {c:,} characters" for reason, (n, c) in chars.iterrows()}


#: The key numbers, in page order: (label, tables -> value). A missing table or column skips
#: the row, so adding a number for a later stage is one line here.
def _cleaning(tables: Tables) -> pd.DataFrame:
    """Stage 1's removed spans: without the whitespace stage 2 adds between statements, which
    lies inside body blocks and would count those characters twice."""
    removed = tables["removed_spans"]
    return removed[removed["rule"] != BETWEEN_STATEMENTS] if "rule" in removed else removed


def _between_statements(tables: Tables) -> str:
    removed = tables["removed_spans"]
    gaps = removed[removed["rule"] == BETWEEN_STATEMENTS]
    return f"{len(gaps):,} stretches, {_span_chars(gaps):,} characters (inside the body text above)"


NUMBERS: list[tuple[str, Callable[[Tables], object]]] = [
    ("Documents (ok / error)", lambda t: f"{_status(t, 'ok'):,} / {_status(t, 'error'):,}"),
    ("Outlets", lambda t: int(t["outlets"]["outlet"].nunique())),
    ("Dated documents", lambda t: int(t["documents"]["published"].ne("").sum())),
    ("Raw characters (= kept + removed)", lambda t: int(_ints(t["documents"]["n_chars"]).sum())),
    ("Characters kept as body", lambda t: _span_chars(t["body_blocks"])),
    ("Characters removed", lambda t: _span_chars(_cleaning(t))),
    ("Removed spans by reason", lambda t: _by_reason(_cleaning(t))),
    ("Whitespace between statements", _between_statements),
    ("Statements", lambda t: len(t["statements"])),
    ("Attributed statements", lambda t: int((t["statements"]["speaker"].str.strip() != "").sum())),
    ("Claims", lambda t: len(t["claims"])),
    ("Disagreements between outlets", lambda t: len(t["contradictions"])),
    ("Inconsistencies within one outlet", lambda t: len(t["within_outlet"])),
]


def key_numbers(tables_dir: Path) -> list[tuple[str, object]]:
    """(label, value) for every number whose tables exist."""
    tables, rows = Tables(tables_dir), []
    for label, compute in NUMBERS:
        try:
            rows.append((label, compute(tables)))
        except (KeyError, ValueError):  # table or column missing: a later stage has not run
            continue
    return rows


#: Markdown parsed, never matched with regexes (which turned `speaker_group` into "speakergroup");
#: raw HTML is not Markdown here: it stays text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def _plain(text: str) -> str:
    """Markdown as the words a reader sees: emphasis, code marks and link targets dropped."""
    words = []
    for token in _MARKDOWN.parse(text):
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
    return " ".join("".join(words).split())


def describe(notebook: Path) -> tuple[str, str]:
    """(title, one-line summary) from the notebook's first heading and first paragraph."""
    title = summary = ""
    for cell in jupytext.read(notebook).cells:
        if cell.cell_type != "markdown":
            continue
        for block in re.split(r"\n\s*\n", cell.source):
            block = block.strip()
            if block.startswith("#") and not title:
                title = _plain(block.splitlines()[0].lstrip("#"))
            elif block and not block.startswith("#") and not summary:
                summary = _plain(block)
        if title and summary:
            break
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'(])", summary, maxsplit=1)[0]
    if len(first) > 240:
        first = first[:239].rstrip() + "…"
    return title or Path(notebook).stem, first


def _value_html(value: object) -> str:
    if isinstance(value, dict):
        items = "".join(f"<li>{html.escape(str(k))}: {html.escape(str(v))}</li>" for k, v in value.items())
        return f"<ul>{items}</ul>" if items else "none"
    if isinstance(value, int):
        return f"{value:,}"
    return html.escape(str(value))


STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; max-width: 48rem;
       margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
ol.stages li { margin: .6rem 0; } .name { color: #666; font-size: .85rem; } .missing { color: #999; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: .3rem .8rem .3rem 0; vertical-align: top; border-bottom: 1px solid #ddd; }
td ul { margin: 0; padding-left: 1.1rem; }
"""


def _stage_item(out_dir: Path, notebook: Path) -> str:
    name = Path(notebook).stem
    title, summary = describe(notebook)
    page = f"{name}.html"
    if (out_dir / page).is_file():
        head = f'<a href="{html.escape(page)}">{html.escape(title)}</a>'
    else:
        head = f'<span class="missing">{html.escape(title)} (not rendered)</span>'
    text = f"<br>{html.escape(summary)}" if summary else ""
    return f'<li>{head} <span class="name">{html.escape(name)}</span>{text}</li>'


def _file_links(out_dir: Path, pattern: str) -> list[str]:
    return [
        f'<li><a href="{html.escape(p.relative_to(out_dir).as_posix())}">{html.escape(p.name)}</a></li>'
        for p in sorted(out_dir.glob(pattern))
    ]


def write_index(
    out_dir: Path, stages: Iterable[Path], incomplete: Iterable[str] = (), notes: Iterable[str] = ()
) -> Path:
    """Write ``<out>/index.html`` for the stage notebooks given (paths to their .py or .ipynb).
    ``incomplete``: stages of this run that are not done, said at the top of the page; ``notes``:
    plain sentences on what the run went without (no codebook, no claim), said below it."""
    out_dir = Path(out_dir)
    parts = [f"<h1>{html.escape(TITLE)}</h1>"]
    incomplete = list(incomplete)
    if incomplete:
        parts.append(
            '<p class="incomplete" style="background: #fff3cd; padding: .5rem"><strong>Incomplete run:</strong> stage(s) '
            f"{html.escape(', '.join(incomplete))} did not run on this corpus, so their pages, tables and "
            "findings are missing; run all stages for a complete report.</p>"
        )
    parts += [f'<p class="notice">{html.escape(note)}</p>' for note in notes]
    parts += ["<h2>Stages</h2>", '<ol class="stages">']
    parts += [_stage_item(out_dir, nb) for nb in stages]
    parts.append("</ol>")
    if (out_dir / "findings.md").is_file():
        parts.append('<h2>Findings</h2><p><a href="findings.md">findings.md</a>: the summary in prose.</p>')
    numbers = key_numbers(out_dir / "tables")
    if numbers:
        parts += ["<h2>Key numbers</h2>", "<table>"]
        parts += [f"<tr><th>{html.escape(label)}</th><td>{_value_html(v)}</td></tr>" for label, v in numbers]
        parts.append("</table>")
    tables = _file_links(out_dir, "tables/*.csv")
    if tables:
        parts += ["<h2>Tables</h2>", "<ul>", *tables, "</ul>"]
    page = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f"<title>{html.escape(TITLE)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<main>",
            *parts,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
    target = out_dir / "index.html"
    target.write_text(page, encoding="utf-8", newline="\n")
    return target
