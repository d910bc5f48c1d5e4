"""Reading and writing the run's tables: UTF-8 CSV, one header row, stable bytes.

Every stage writes its tables here and the next stage reads them back, so any notebook can
be rerun alone. Columns are read as text (no NaN, no type guessing) and offsets as integers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import paths

#: Columns that hold whole numbers in any table (besides counts, which are named ``n_*``).
INTEGER_COLUMNS = ("start", "end", "block_id", "chars")
#: Columns that hold True/False.
BOOLEAN_COLUMNS = ("hedged", "approximate", "significant")


def _is_integer_column(name: str) -> bool:
    return name in INTEGER_COLUMNS or name.startswith("n_")


class MissingTableError(FileNotFoundError):
    """A stage ran before the stage that writes its input."""


def table_path(out_dir, name: str) -> Path:
    return paths.out_dir(out_dir) / "tables" / f"{name}.csv"


#: A quoted CSV field, or a record end outside quotes.
_QUOTED_OR_CRLF = re.compile(r'("[^"]*(?:""[^"]*)*")|\r\n')


def to_csv_text(frame: pd.DataFrame) -> str:
    """CSV with LF record ends in which every cell round-trips, lone CR line ends included.

    Python's csv writer quotes a cell only if it holds a character of the line terminator, so
    with LF records a cell holding CR (text with old Mac line ends) went out unquoted and
    read back as a record break. Such tables are written with CRLF records, which quotes
    every cell holding CR or LF, and their record ends (outside quotes) turned back into LF.
    """
    text = frame.to_csv(index=False, lineterminator="\n")
    if "\r" not in text:
        return text
    text = frame.to_csv(index=False, lineterminator="\r\n")
    return _QUOTED_OR_CRLF.sub(lambda m: m.group(1) or "\n", text)


def write_table(frame: pd.DataFrame, out_dir, name: str) -> Path:
    path = table_path(out_dir, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_csv_text(frame), encoding="utf-8", newline="")
    return path


def read_table(out_dir, name: str, written_by: str = "") -> pd.DataFrame:
    path = table_path(out_dir, name)
    if not path.is_file():
        hint = f": run {written_by} first" if written_by else ""
        raise MissingTableError(f"{paths.display(path)} not found{hint}")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in filter(_is_integer_column, frame.columns):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    for column in set(BOOLEAN_COLUMNS) & set(frame.columns):
        frame[column] = frame[column].eq("True")
    return frame


def read_optional(out_dir, name: str) -> pd.DataFrame | None:
    """A table a stage can do without (e.g. claims before stage 3 has run), or None."""
    try:
        return read_table(out_dir, name)
    except MissingTableError:
        return None
