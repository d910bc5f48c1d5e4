"""Reading and writing the run's tables: UTF-8 CSV, one header row, stable bytes.

Every stage writes its tables here and the next stage reads them back, so any notebook can
be rerun alone. Columns are read as text (no NaN, no type guessing) and offsets as integers.

CSV is the contract (what reviewers and other tools read). A table of more than
``PARQUET_ROWS`` rows also gets a Parquet copy beside it, holding exactly what ``read_table``
returns, and the next stage reads that instead of parsing the CSV again: on a corpus of 100k
articles that is seconds per stage. The copy is used only while it is newer than the CSV, so a
hand-edited CSV wins.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from . import paths

#: Columns that hold whole numbers in any table (besides counts, which are named ``n_*``).
INTEGER_COLUMNS = ("start", "end", "block_id", "chars")
#: Columns that hold True/False.
BOOLEAN_COLUMNS = ("hedged", "approximate", "significant")
#: Tables longer than this also get a Parquet copy for the next stage to read.
PARQUET_ROWS = 50_000


def _is_integer_column(name: str) -> bool:
    return name in INTEGER_COLUMNS or name.startswith("n_")


class MissingTableError(FileNotFoundError):
    """A stage ran before the stage that writes its input."""


def table_path(out_dir, name: str) -> Path:
    return paths.out_dir(out_dir) / "tables" / f"{name}.csv"


#: A quoted CSV field, or a record end outside quotes.
_QUOTED_OR_CRLF = re.compile(r'("[^"]*(?:""[^"]*)*")|\r\n')


#: A cell a spreadsheet would run as a formula: it starts (after any apostrophes) with = + - @,
#: or tab or CR, which some spreadsheets skip before looking for one.
_FORMULA = r"'*[=+\-@\t\r]"
#: Plain numbers (-1.5, +3, 2e-3) start with - or + but are no formulas: left alone.
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"


def _is_text(column: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)


#: Both rules in one pattern, matched once per cell (two characters at least: a lone "=" is no formula).
_FORMULA_CELL = re.compile(rf"(?s)(?!{_NUMBER}\Z)(?=..){_FORMULA}")


#: The first characters a formula-like cell can have: the pattern is tried only on those cells.
_FORMULA_FIRST = frozenset("'=+-@\t\r")


def _formula_like(column: pd.Series) -> pd.Series:
    match, first = _FORMULA_CELL.match, _FORMULA_FIRST
    return pd.Series(
        [isinstance(v, str) and v[:1] in first and match(v) is not None for v in column.tolist()], index=column.index
    )


def defuse_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as formulas (``=HYPERLINK(...)``, ``@SUM(...)``) get a
    leading apostrophe, which spreadsheets show as text; ``restore_formulas`` takes it off again.
    Reversible: a cell that already starts with apostrophes before such a sign gets one more."""
    header = pd.Series([str(c) for c in frame.columns], dtype=object)
    named = _formula_like(header)  # a wide table's header holds corpus text too (outlets as columns)
    if named.any():
        frame = frame.rename(columns={c: f"'{c}" for c, flagged in zip(frame.columns, named) if flagged})
    columns = [c for c in frame.columns if _is_text(frame[c])]
    masks = {c: _formula_like(frame[c]) for c in columns}
    masks = {c: m for c, m in masks.items() if m.any()}
    if not masks:
        return frame
    frame = frame.copy()
    for column, mask in masks.items():
        frame.loc[mask, column] = "'" + frame.loc[mask, column]
    return frame


def restore_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """The exact text back from a table written by ``write_table``: one leading apostrophe taken
    off each cell that ``defuse_formulas`` marked."""
    for column in [c for c in frame.columns if _is_text(frame[c])]:
        text = frame[column]
        marked = text.str.startswith("'", na=False)
        if marked.any():
            mask = marked & _formula_like(text.where(~marked, text.str[1:]))
            if mask.any():
                frame.loc[mask, column] = text[mask].str[1:]
    return frame


def to_csv_text(frame: pd.DataFrame) -> str:
    """CSV with LF record ends in which every cell round-trips, lone CR line ends included.

    Python's csv writer quotes a cell only if it holds a character of the line terminator, so
    with LF records a cell holding CR (text with old Mac line ends) went out unquoted and
    read back as a record break. Such tables are written with CRLF records, which quotes
    every cell holding CR or LF, and their record ends (outside quotes) turned back into LF.
    """
    frame = defuse_formulas(frame)
    text = frame.to_csv(index=False, lineterminator="\n")
    if "\r" not in text:
        return text
    text = frame.to_csv(index=False, lineterminator="\r\n")
    return _QUOTED_OR_CRLF.sub(lambda m: m.group(1) or "\n", text)


def write_table(frame: pd.DataFrame, out_dir, name: str) -> Path:
    path = table_path(out_dir, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = to_csv_text(frame)
    # A temporary name moved into place: a stage stopped mid-write never leaves half a table.
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8", newline="")
    os.replace(temporary, path)
    copy = path.with_suffix(".parquet")
    if len(frame) > PARQUET_ROWS:
        _typed(_reparse(text, list(frame.columns))).to_parquet(copy, index=False)
    else:
        copy.unlink(missing_ok=True)
    return path


def _reparse(text: str, columns: list[str]) -> pd.DataFrame:
    """The CSV text as ``read_table`` reads it (every cell text, empty cells ""), with pyarrow's fast parser."""
    parsed = pacsv.read_csv(
        io.BytesIO(text.encode("utf-8")),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={c: pa.string() for c in columns}, strings_can_be_null=False, quoted_strings_can_be_null=False
        ),
    )
    return parsed.to_pandas()


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as read from the CSV (formula guards taken off), with counts and offsets as
    integers and flags as booleans."""
    frame = restore_formulas(frame)
    for column in filter(_is_integer_column, frame.columns):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    for column in set(BOOLEAN_COLUMNS) & set(frame.columns):
        frame[column] = frame[column].eq("True")
    return frame


def read_table(out_dir, name: str, written_by: str = "") -> pd.DataFrame:
    path = table_path(out_dir, name)
    if not path.is_file():
        hint = f": run {written_by} first" if written_by else ""
        raise MissingTableError(f"{paths.display(path)} not found{hint}")
    copy = path.with_suffix(".parquet")
    if copy.is_file() and copy.stat().st_mtime_ns >= path.stat().st_mtime_ns:
        return pd.read_parquet(copy)
    return _typed(pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8"))


def read_optional(out_dir, name: str) -> pd.DataFrame | None:
    """A table a stage can do without (e.g. claims before stage 3 has run), or None."""
    try:
        return read_table(out_dir, name)
    except MissingTableError:
        return None
