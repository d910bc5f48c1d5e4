"""Notebook glue: one call at the top of every stage notebook."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, display
from markdown_it import MarkdownIt

from . import runstate
from .figures import theme
from .mdtext import escape

#: Left-aligned, wrapping table cells: the tables here are mostly text.
_TABLE_CSS = (
    "<style>.dataframe td, .dataframe th {text-align: left !important; vertical-align: top;}"
    ".dataframe td {max-width: 48em; white-space: normal;} .dataframe td:last-child {min-width: 24em;}</style>"
)


def setup() -> HTML:
    """Same look and the same text output in JupyterLab, papermill and nbval (show the result once)."""
    runstate.check_stage()
    theme()
    pd.set_option("display.max_rows", MAX_ROWS)  # a capped table shows all its rows, not five and five
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.width", 200)
    return HTML(_TABLE_CSS)


#: The pages' Markdown, rendered here with raw HTML off: text from the corpus that slipped past its
#: escaping still shows as text, never as markup (nbconvert's renderer passes raw HTML through).
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def markdown(text: str) -> HTML:
    """Markdown for a page, as HTML with raw HTML off (what notebooks display instead of ``Markdown``)."""
    return HTML(_MARKDOWN.render(text))


def problems_markdown(problems: list[str]) -> str:
    if not problems:
        return "No corpus-level problems were found."
    return "**Corpus-level problems** (processing went on):\n" + "\n".join(f"- {escape(p)}" for p in problems)


#: Rows a per-row table shows on a page; the CSV in tables/ always has all of them.
MAX_ROWS = 300


def capped(frame: pd.DataFrame, limit: int = MAX_ROWS) -> pd.DataFrame:
    """The first ``limit`` rows, saying so when there are more (large corpora stay readable).

    A table computed on a sample of the corpus says so in ``frame.attrs["sample_note"]``
    (``segment.compare_segmenters``, ``segment.disagreements``); that note is shown first."""
    note = frame.attrs.get("sample_note", "")
    if note:
        display(markdown(f"*{note}*"))
    if len(frame) > limit:
        display(markdown(f"*Showing the first {limit:,} of {len(frame):,} rows; the table in `tables/` has all.*"))
    return frame.head(limit)
