"""Load a news corpus into ``Document`` records, keeping every input visible.

Later stages report character offsets into ``Document.text``, and the data contract checks
them against the raw file decoded as UTF-8. So ``text`` is the decoded raw text with no
normalisation: CRLF and lone CR line ends stay, and a UTF-8 byte-order mark stays as
U+FEFF at offset 0 (the cleaning stage removes it as a span, so nothing vanishes silently).
The one exception is HTML, whose ``text`` is the main text trafilatura extracts: offsets
for an HTML document index that extracted text, not the markup.

Problems with one document never raise: the document comes back with ``status='error'``
and a message that names the file and the fix, so the number of documents always equals
the number of inputs (files or table rows). Only a corpus that cannot be read at all
raises ``CorpusError``.

Duplicates are kept and shown, not dropped: a document whose words equal an earlier one's
(same bytes, or the same text in another encoding, with a byte-order mark, other line ends or
other spacing) is processed like any other and names the first in ``duplicate_of``; equal
``sha256`` says it is the same bytes. Near-duplicates that differ in any word are ordinary
documents.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import pandas as pd

from newsframe import dates, mdtext, paths

TEXT_FORMATS = {".txt": "txt", ".html": "html", ".htm": "html"}
TABLE_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}
#: Compressed tables read directly (``.jsonl.gz``, ``.csv.gz``).
COMPRESSED = ".gz"
METADATA_FILE = "metadata.csv"
#: Files that travel with a corpus folder but are not documents.
COMPANION_FILES = {METADATA_FILE, "codebook.yml", "codebook.yaml", "README.md"}
META_FIELDS = ("title", "outlet", "published", "url")
#: The column names exports use for each field, in order of preference, compared
#: case-insensitively: the first one a table has is read, and page 01 says which.
FIELD_COLUMNS = {
    "doc_id": ("doc_id", "id", "article_id", "uuid"),
    "text": ("text", "body", "content", "article_text", "full_text"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site", "media", "source_name"),
    "published": (
        "published",
        "date",
        "published_at",
        "pubdate",
        "datetime",
        "timestamp",
        "publish_date",
        "publication_date",
    ),
    "url": ("url", "link"),
}
FRAME_COLUMNS = [
    "doc_id",
    "source_path",
    "sha256",
    "title",
    "outlet",
    "published",
    "published_raw",
    "published_from",
    "url",
    "n_chars",
    "status",
    "error",
    "encoding",
    "input_format",
    "warnings",
    "duplicate_of",
]

#: Leading bytes of binary formats people drop into corpus folders by mistake.
MAGIC_NUMBERS = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive, e.g. .docx or .xlsx",
    b"\x1f\x8b": "gzip archive",
    b"\xd0\xcf\x11\xe0": "legacy Office document, e.g. .doc",
}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: C0/C1 control characters other than the whitespace ones (tab, line ends, form feed).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: Share of control characters above which decoded "text" is taken to be binary.
MAX_CONTROL_SHARE = 0.1
FILE_FIX = "remove the file or restore its text"
BINARY_FIX = "remove it or convert it to .txt"
ROW_FIX = "fill in the text or remove the row"
#: Joins several ids in one table cell (statement ids of a citation, documents of a claim).
ID_SEPARATOR = ";"
#: Fixed so extraction does not depend on the day it runs (trafilatura defaults to today);
#: no free-text date search, only dates the page declares.
HTML_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


#: (row number, row) pairs from a table; a row is a message when it could not be parsed.
Rows = Iterable[tuple[int, dict[str, Any] | str]]


class CorpusError(ValueError):
    """A corpus that cannot be loaded at all; the message names the path and the fix."""


@dataclass(frozen=True)
class Document:
    doc_id: str
    source_path: str
    text: str
    sha256: str
    encoding: str
    input_format: str
    title: str = ""
    outlet: str = ""
    published: str = ""  # ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY
    published_raw: str = ""  # the date as the input wrote it
    published_from: str = ""  # where the date came from: a column, metadata.csv, the page, the URL
    url: str = ""
    status: str = "ok"
    error: str = ""
    warnings: str = ""
    duplicate_of: str = ""  # doc_id of the first document with the same text


@dataclass
class Corpus:
    path: str
    documents: list[Document]
    problems: list[str]
    #: field -> the input column it was read from (tables and metadata.csv), for page 01
    fields: dict[str, str] = field(default_factory=dict)


def load_corpus(path: str | Path) -> Corpus:
    """Load a folder of .txt/.html files, one .txt/.html file, or a .csv/.jsonl/.parquet table.

    Relative paths resolve from the repository root, so notebooks work from any folder.
    """
    target = paths.resolve(path)
    shown = paths.display(target)
    if not target.exists():
        raise CorpusError(f"{shown}: no such file or folder; check the `corpus` path")
    suffix = _table_suffix(target)
    mapping: dict[str, str] = {}
    if target.is_dir():
        documents, problems, mapping = _load_folder(target)
    elif suffix in TEXT_FORMATS:
        documents, problems = [_load_file(target)], []
    elif suffix in TABLE_FORMATS:
        documents, mapping = _load_table(target)
        problems = []
    else:
        raise CorpusError(
            f"{shown}: unsupported corpus file; give a folder of .txt/.html files, a .txt/.html file, "
            "or a .csv/.jsonl/.parquet table (.csv.gz/.jsonl.gz too) with a `text` column"
        )
    if not documents:
        raise CorpusError(f"{shown}: no documents found; add .txt/.html files or table rows")
    if all(doc.status == "error" for doc in documents):
        first = documents[0].error
        raise CorpusError(
            f"{shown}: none of the {len(documents):,} documents could be read (first: {first}); "
            "fix them or point `corpus` at another folder"
        )
    return Corpus(shown, _mark_copies(_flag_duplicates(documents)), problems, mapping)


def _table_suffix(path: Path) -> str:
    """``.jsonl`` for ``x.jsonl`` and ``x.jsonl.gz``; the plain suffix otherwise."""
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == COMPRESSED and suffixes[-2] in (".csv", ".jsonl"):
        return suffixes[-2]
    return path.suffix.lower()


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, decompressed when it is a ``.gz`` table."""
    raw = path.read_bytes()
    if path.suffix.lower() != COMPRESSED:
        return raw
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError) as error:
        raise CorpusError(
            f"{paths.display(path)}: not a readable gzip file ({error}); re-compress it or give the uncompressed table"
        ) from error


def field_columns(columns) -> dict[str, str]:
    """field -> input column, by ``FIELD_COLUMNS`` (a column serves one field at most)."""
    by_name: dict[str, str] = {}
    for column in columns:
        by_name.setdefault(str(column).strip().lower(), column)
    mapping: dict[str, str] = {}
    for name, candidates in FIELD_COLUMNS.items():
        found = next((by_name[c] for c in candidates if c in by_name and by_name[c] not in mapping.values()), None)
        if found is not None:
            mapping[name] = found
    return mapping


def fields_markdown(corpus: Corpus) -> str:
    """Which input column became which field, and how many documents got a date and from where."""
    lines = []
    if corpus.fields:
        read = ", ".join(f"`{name}` from column {mdtext.code(column)}" for name, column in corpus.fields.items())
        lines.append(f"Fields read: {read}. Other columns are not used.")
    ok = [d for d in corpus.documents if d.status == "ok"]
    dated = [d for d in ok if d.published]
    origins = pd.Series([d.published_from for d in dated], dtype=object).value_counts()
    where = "; ".join(f"{n:,} from {origin}" for origin, n in sorted(origins.items(), key=lambda x: (-x[1], x[0])))
    unreadable = sum(1 for d in ok if d.published_raw and not d.published)
    lines.append(
        f"**{len(dated):,} of {len(ok):,} readable documents are dated**"
        + (f" ({where})" if where else "")
        + (
            f"; {unreadable:,} give a date that could not be read without guessing (their `warnings` say which)"
            if unreadable
            else ""
        )
        + "."
    )
    return "\n\n".join(lines)


def decode_text(raw: bytes) -> tuple[str, str, str]:
    """Strict UTF-8, else cp1252, else latin-1 (which cannot fail); the warning says why."""
    try:
        return raw.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError as utf8_error:
        not_utf8 = f"not valid UTF-8 at byte {utf8_error.start}"
    try:
        return raw.decode("cp1252"), "cp1252", f"decoded as cp1252: {not_utf8}"
    except UnicodeDecodeError as cp1252_error:
        start = cp1252_error.start
        undefined = f"byte 0x{raw[start]:02x} at {start} undefined in cp1252"
    return raw.decode("latin-1"), "latin-1", f"decoded as latin-1: {not_utf8}, {undefined}"


def documents_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per document, for documents.csv (text left out: it is in the corpus)."""
    rows = [
        {**{f.name: getattr(doc, f.name) for f in fields(doc)}, "n_chars": len(doc.text)} for doc in corpus.documents
    ]
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


# --- folders and single files ---------------------------------------------------------------


def _load_folder(folder: Path) -> tuple[list[Document], list[str], dict[str, str]]:
    documents, problems = [], []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.is_symlink() and entry.suffix.lower() in TEXT_FORMATS:
            refused = _refused_link(entry, folder)
            if refused is not None:
                documents.append(refused)
                continue
        if entry.is_file() and entry.suffix.lower() in TEXT_FORMATS:
            documents.append(_load_file(entry))
        elif entry.name not in COMPANION_FILES:
            problems.append(_skipped(entry))
    metadata_path = folder / METADATA_FILE
    mapping: dict[str, str] = {}
    if metadata_path.is_file():
        documents, meta_problems, mapping = _apply_metadata(documents, metadata_path)
        problems.extend(meta_problems)
    return documents, problems, mapping


def _shown(entry: Path) -> str:
    """The path as the reader named it: a symbolic link is shown as the link, not its target."""
    return f"{paths.display(entry.parent)}/{entry.name}"


def _refused_link(entry: Path, folder: Path) -> Document | None:
    """An error row for a symbolic link that is dangling or leads out of the corpus folder (whose
    target could be any local file, e.g. one unpacked from someone else's archive); None to read it."""
    doc = Document(
        doc_id=entry.stem,
        source_path=_shown(entry),
        text="",
        sha256="",
        encoding="",
        input_format=TEXT_FORMATS[entry.suffix.lower()],
    )
    target = entry.resolve()
    if not target.exists():
        return _failed(doc, "dangling symbolic link (its target does not exist)", "fix the link or remove it")
    root = folder.resolve()
    if target != root and root not in target.parents:
        return _failed(
            doc,
            "symbolic link to a file outside the corpus folder, not read",
            "copy the file into the corpus folder if it belongs there, or remove the link",
        )
    return None


def _skipped(entry: Path) -> str:
    shown = _shown(entry)
    if entry.is_dir():
        return f"{shown}: skipped, sub-folders are not read; move its files up or load it alone"
    return f"{shown}: skipped, not a .txt/.html/.htm document; convert it or move it elsewhere"


def _load_file(path: Path) -> Document:
    raw = path.read_bytes()
    source = _shown(path)
    doc = Document(
        doc_id=path.stem,
        source_path=source,
        text="",
        sha256=_sha256(raw),
        encoding="",
        input_format=TEXT_FORMATS[path.suffix.lower()],
    )
    if not raw:
        return _failed(doc, "empty file (0 bytes)", FILE_FIX)
    problem = _binary_problem(raw)
    if problem:
        return _failed(doc, *problem)
    text, encoding, warning = decode_text(raw)
    doc = replace(doc, encoding=encoding, warnings=warning)
    if doc.input_format == "html":
        return _from_html(doc, text)
    return _with_text(doc, text, FILE_FIX)


def _from_html(doc: Document, html: str) -> Document:
    """Main text and page metadata via trafilatura (local parsing only, no network)."""
    import trafilatura  # slow to import; only HTML inputs need it

    page = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, date_extraction_params=HTML_DATE_PARAMS
    )
    if page is None or not page.text:
        return _failed(
            doc,
            "no main text found in the HTML",
            "check it is an article page, or save the article text as .txt",
        )
    doc = _fill(doc, {"title": page.title, "published": page.date}, "the HTML page metadata", "the HTML page metadata")
    return _with_text(doc, page.text, FILE_FIX)


def _binary_problem(raw: bytes) -> tuple[str, str] | None:
    """(what it is, what to do) for bytes that are not text in any encoding we read."""
    for magic, kind in MAGIC_NUMBERS.items():
        if raw.startswith(magic):
            return f"binary file ({kind}), not text", BINARY_FIX
    if raw.startswith(UTF16_BOMS):
        return "UTF-16 encoded text, not UTF-8", "re-save it as UTF-8"
    if b"\x00" in raw:
        return "binary content (NUL bytes), not text", BINARY_FIX
    return None


# --- tables ---------------------------------------------------------------------------------


def _load_table(path: Path) -> tuple[list[Document], dict[str, str]]:
    source = paths.display(path)
    input_format = TABLE_FORMATS[_table_suffix(path)]
    reader = {"csv": _csv_rows, "jsonl": _jsonl_rows, "parquet": _parquet_rows}[input_format]
    columns, rows, encoding, warning = reader(path)
    mapping = field_columns(columns)
    if "text" not in mapping:
        found = ", ".join(columns) or "none"
        names = ", ".join(f"`{c}`" for c in FIELD_COLUMNS["text"])
        raise CorpusError(
            f"{source}: missing column `text` (columns found: {found}); "
            f"name the column holding the article text one of {names}"
        )
    documents = [
        _from_row(number, row, f"{source}#{number}", input_format, encoding, warning, mapping) for number, row in rows
    ]
    return documents, mapping


def _from_row(
    number: int,
    row: dict[str, Any] | str,
    source: str,
    input_format: str,
    encoding: str,
    warning: str,
    mapping: dict[str, str],
) -> Document:
    """A table row; ``row`` is a message instead when the row itself could not be parsed."""
    derived_id = f"row{number:06d}"
    doc = Document(
        doc_id=derived_id,
        source_path=source,
        text="",
        sha256="",
        encoding=encoding,
        input_format=input_format,
        warnings=warning,
    )
    if isinstance(row, str):
        return _failed(doc, row, "fix or remove the line")
    values = {name: row.get(column) for name, column in mapping.items()}
    doc = replace(doc, doc_id=_cell(values.get("doc_id")) or derived_id)
    doc = _fill(doc, values, source, f"column `{mapping.get('published', '')}`")
    text = values.get("text")
    if text is not None and not isinstance(text, str):
        return _failed(doc, f"`text` is a {type(text).__name__}, not a string", ROW_FIX)
    text = text or ""
    return _with_text(replace(doc, sha256=_sha256(text.encode("utf-8"))), text, ROW_FIX)


def _csv_rows(path: Path) -> tuple[list[str], Rows, str, str]:
    """csv rather than pandas: cells stay strings exactly as written, CRLF inside quotes too."""
    text, encoding, warning = decode_text(_read_bytes(path))
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    columns = list(reader.fieldnames or [])
    return columns, enumerate(reader, start=1), encoding, warning


def _jsonl_rows(path: Path) -> tuple[list[str], Rows, str, str]:
    """Row numbers are line numbers, so ``#N`` points at the line; blank lines are not rows."""
    text, encoding, warning = decode_text(_read_bytes(path))
    # Split on LF only: str.splitlines would also split on U+2028 etc. inside JSON strings.
    rows = [
        (number, _parse_json_line(line, number))
        for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1)
        if line.strip()
    ]
    columns = sorted({key for _, row in rows if isinstance(row, dict) for key in row})
    return columns, rows, encoding, warning


def _parse_json_line(line: str, number: int) -> dict[str, Any] | str:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return f"line {number} is not valid JSON ({error.msg} at column {error.colno})"
    if not isinstance(row, dict):
        return f"line {number} is a JSON {type(row).__name__}, not an object"
    for key, value in row.items():
        for text in (key, value):
            bad = _LONE_SURROGATE.search(text) if isinstance(text, str) else None
            if bad:  # "\ud800" parses, but no UTF-8 can hold it: every later stage would fail on it
                return (
                    f"line {number} holds a lone surrogate \\u{ord(bad.group()):04x} in `{_short(key)}`, "
                    "which is not valid Unicode (half of an escaped pair?)"
                )
    return row


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _short(text: str) -> str:
    text = _LONE_SURROGATE.sub("?", text)
    return text if len(text) <= 40 else text[:39] + "…"


def _parquet_rows(path: Path) -> tuple[list[str], Rows, str, str]:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    wanted = list(field_columns(table.column_names).values())
    values = {name: table.column(name).to_pylist() for name in wanted}
    rows = ((index + 1, {name: values[name][index] for name in wanted}) for index in range(table.num_rows))
    return table.column_names, rows, "utf-8", ""


# --- metadata.csv ---------------------------------------------------------------------------


def _apply_metadata(documents: list[Document], path: Path) -> tuple[list[Document], list[str], dict[str, str]]:
    """Fill fields from metadata.csv; its problems are notes, never fatal."""
    source = paths.display(path)
    text, _, warning = decode_text(path.read_bytes())
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    problems = [f"{source}: {warning}"] if warning else []
    mapping = field_columns(reader.fieldnames or [])
    mapping.pop("text", None)  # the text is in the files
    if "doc_id" not in mapping:
        found = ", ".join(reader.fieldnames or []) or "none"
        return (
            documents,
            [
                *problems,
                f"{source}: not applied, no `doc_id` column (columns found: {found}); "
                "add a `doc_id` column with the file names without extension",
            ],
            {},
        )
    rows: dict[str, tuple[int, dict[str, str]]] = {}
    for number, raw_row in enumerate(reader, start=1):
        row = {name: raw_row.get(column) for name, column in mapping.items()}
        doc_id = _cell(row.get("doc_id"))
        if not doc_id:
            problems.append(f"{source} row {number}: empty doc_id, row ignored")
        elif doc_id in rows:
            problems.append(
                f"{source} row {number}: doc_id {doc_id!r} already given in row {rows[doc_id][0]}, row ignored"
            )
        else:
            rows[doc_id] = (number, row)
    known = {doc.doc_id for doc in documents}
    problems.extend(
        f"{source} row {number}: doc_id {doc_id!r} matches no document in the corpus"
        for doc_id, (number, _) in rows.items()
        if doc_id not in known
    )
    date_origin = f"{METADATA_FILE} column `{mapping.get('published', '')}`"
    filled = [
        _fill(doc, rows[doc.doc_id][1], f"{source} row {rows[doc.doc_id][0]}", date_origin)
        if doc.doc_id in rows
        else doc
        for doc in documents
    ]
    return filled, problems, mapping


# --- shared helpers -------------------------------------------------------------------------


def _fill(doc: Document, values: dict[str, Any], origin: str, date_origin: str) -> Document:
    """Non-empty metadata values win. A date is normalised to ISO 8601 (``dates``) and its original
    kept in ``published_raw``; one that cannot be read without guessing is left out with a warning.
    An undated document with a date in its URL's path takes that (``published_from``: the URL)."""
    changes, warnings = {}, []
    for name in META_FIELDS:
        raw = values.get(name)
        value = _cell(raw)
        if not value:
            continue
        if name == "published":
            changes["published_raw"] = value
            try:
                changes.update(published=dates.normalise(raw), published_from=date_origin)
            except dates.DateError as error:
                changes.update(published="", published_from="")
                warnings.append(f"published {value!r} in {origin} is {error}; left empty")
            continue
        changes[name] = value
    doc = replace(doc, **changes, warnings=_join(doc.warnings, *warnings))
    if not doc.published and doc.url:
        from_url = dates.from_url(doc.url)
        if from_url:
            doc = replace(doc, published=from_url, published_from="the URL")
    return doc


def _cell(value: Any) -> str:
    """A metadata value as text; parquet may hold real dates, nulls and numbers."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _with_text(doc: Document, text: str, fix: str) -> Document:
    """Accept ``text`` unless it is empty, whitespace only or mostly control characters."""
    if not text:
        return _failed(doc, "no text (empty)", fix)
    if text.isspace():
        return _failed(doc, "only whitespace, no text", fix)
    if len(CONTROL_CHARS.findall(text)) > MAX_CONTROL_SHARE * len(text):
        return _failed(doc, "binary content (mostly control characters), not text", fix)
    return replace(doc, text=text)


def _failed(doc: Document, problem: str, fix: str) -> Document:
    return replace(doc, text="", status="error", error=f"{doc.source_path}: {problem}: {fix}")


def _flag_duplicates(documents: list[Document]) -> list[Document]:
    """Later occurrences of a doc_id become errors naming the first, listed under a new id
    (``story~2``), so doc_id stays a unique key for every table that joins on it."""
    first_source: dict[str, str] = {}
    taken = {doc.doc_id for doc in documents}
    flagged = []
    for doc in documents:
        if ID_SEPARATOR in doc.doc_id and doc.status == "ok":
            doc = _failed(
                doc,
                f"doc_id {doc.doc_id!r} contains {ID_SEPARATOR!r}, which the tables use to join ids",
                f"rename the file or change its doc_id so that it has no {ID_SEPARATOR!r}",
            )
        if doc.doc_id in first_source:
            n = 2
            while f"{doc.doc_id}~{n}" in taken:
                n += 1
            unique = f"{doc.doc_id}~{n}"
            taken.add(unique)
            doc = _failed(
                replace(doc, doc_id=unique),
                f"duplicate doc_id {doc.doc_id!r}, already used by {first_source[doc.doc_id]} (listed as {unique!r})",
                "give this document a unique doc_id or remove it",
            )
        else:
            first_source[doc.doc_id] = doc.source_path
        flagged.append(doc)
    return flagged


def _mark_copies(documents: list[Document]) -> list[Document]:
    """Readable documents whose words repeat an earlier one's name it in ``duplicate_of``.

    Same words: equal after dropping a byte-order mark and collapsing line ends and spacing, so
    a copy saved with another encoding or editor counts too (equal ``sha256``: the same bytes).
    """
    first: dict[str, str] = {}
    marked = []
    for doc in documents:
        if doc.status == "ok":
            words = " ".join(doc.text.removeprefix("\ufeff").split())
            original = first.setdefault(hashlib.sha256(words.encode("utf-8")).hexdigest(), doc.doc_id)
            if original != doc.doc_id:
                doc = replace(doc, duplicate_of=original)
        marked.append(doc)
    return marked


def _join(*notes: str) -> str:
    return "; ".join(note for note in notes if note)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
