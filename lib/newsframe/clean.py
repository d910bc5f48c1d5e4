"""Cleaning with an audit trail: split each raw document into body blocks and removed spans.

Nothing is edited: every character of the raw text ends up either in a body block or in a
removed span with the reason and the rule that removed it, and both index the raw text
exactly. The rules describe the *shape* of residue (a line without end punctuation, a line cut
off with an ellipsis, an upper-case place name followed by a colon), not particular strings,
so they carry over to other corpora. When a rule is unsure, the line stays in the body:
losing a real sentence is worse than keeping a stray one, which the reader can still see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import pandas as pd

from .audit import assert_tiled
from .corpus import Corpus
from .engine import map_documents

# Reasons, as written to removed_spans.csv.
TITLE = "title"
HEADING = "section heading"
DATELINE = "dateline"
BOILERPLATE = "boilerplate"
RESIDUE = "scraper residue"
TEASER = "teaser of another story"
CAPTION = "image caption"
BOM = "byte-order mark"
BLANK = "blank residue"

#: Each reason with the rule behind it, for readers of the audit trail.
RULES = {
    TITLE: "the first line of the document when it has no sentence-ending punctuation "
    "(or equals the title given in the metadata)",
    HEADING: "a line of at most {max_heading_words} words with no sentence-ending punctuation, "
    "followed later by body text",
    DATELINE: "an upper-case place name (optionally with a news agency in brackets) followed by a "
    "colon or dash at the start of a paragraph",
    BOILERPLATE: "a whole line that is a generic web widget (advertisement, share, subscribe, read more, ...)",
    RESIDUE: "short lines without sentence-ending punctuation after the last sentence of the body",
    TEASER: "a line cut off mid-sentence with an ellipsis: the preview of another article",
    CAPTION: "a line carrying a photo credit of the form '— AGENCY/File'",
    BOM: "the invisible byte-order mark some editors put at the start of a UTF-8 file",
    BLANK: "line breaks, blank lines and spaces around the blocks above",
}

MAX_HEADING_WORDS = 15
MAX_TITLE_WORDS = 30
RULES[HEADING] = RULES[HEADING].format(max_heading_words=MAX_HEADING_WORDS)

_LINE = re.compile(r"[^\r\n]+")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*$|["”’»]$""")
_CLOSERS = "\"'”’»)]"
_TRUNCATED = re.compile(r"[\w,;:’'\-]\s?(?:\.{3}|…)$")
#: The longest match of ``_TRUNCATED``: searching the line's tail only is the same, and fast.
_TRUNCATED_TAIL = 5
_CREDIT = re.compile(r"[—–]\s?[A-Z][A-Za-z]{1,12}/(?:File|Getty|Reuters|AFP|AP)\b")
_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3}    # KYIV, NEW DELHI, ST. PETERSBURG
        (?:,\s[A-Z][A-Za-z.]+(?:\s[A-Za-z.0-9]+){0,2})?            # , Ukraine | , March 3
        (?:\s?\([A-Za-z .]+\))?)                                    # (Reuters)
        \s?[:—–-]\s""",
    re.VERBOSE,
)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|sponsored( content)?|share( this)?( article| story)?( on \w+)?|"
    r"(read|see) (more|also)\b.*|related( articles| stories| coverage)?:?|subscribe\b.*|sign up\b.*|"
    r"follow us\b.*|click here\b.*|listen to (this )?article.*|skip to (main )?content|"
    r"cookie(s)? (policy|settings)|all rights reserved\.?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    reason: str = ""  # empty for body blocks


@dataclass(frozen=True)
class Cleaned:
    body: list[Span]
    removed: list[Span]


def _is_sentence(line: str) -> bool:
    """``_SENTENCE_END.search(line)``, without scanning the whole line (fast on huge documents)."""
    return line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…") or line[-1:] in ('"', "”", "’", "»")


def _words(line: str) -> int:
    return len(line.split())


def _same_title(line: str, title: str) -> bool:
    norm = lambda s: " ".join(s.casefold().split())  # noqa: E731
    return bool(title) and norm(line) == norm(title)


def _line_reason(line: str) -> str:
    """Reasons that a line earns by its own shape, wherever it stands."""
    if _TRUNCATED.search(line[-_TRUNCATED_TAIL:]):
        return TEASER
    if _CREDIT.search(line):
        return CAPTION
    if _BOILERPLATE.match(line):
        return BOILERPLATE
    return ""


def _content_lines(text: str, offset: int) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), with surrounding whitespace excluded."""
    lines = []
    for match in _LINE.finditer(text, offset):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            lines.append((start, start + len(stripped)))
    return lines


def _classify(text: str, lines: list[tuple[int, int]], title: str) -> list[str]:
    """A reason per line ('' keeps it as body)."""
    reasons = [_line_reason(text[s:e]) for s, e in lines]
    sentences = [not r and _is_sentence(text[s:e]) for (s, e), r in zip(lines, reasons)]
    last_sentence = max((i for i, ok in enumerate(sentences) if ok), default=-1)
    for i, (s, e) in enumerate(lines):
        if reasons[i] or sentences[i]:
            continue
        line = text[s:e]
        if i == 0 and len(lines) > 1 and (_same_title(line, title) or _words(line) <= MAX_TITLE_WORDS):
            reasons[i] = TITLE
        elif _words(line) <= MAX_HEADING_WORDS and last_sentence >= 0:
            reasons[i] = HEADING if i < last_sentence else RESIDUE
    if lines and not reasons[0] and _same_title(text[lines[0][0]:lines[0][1]], title):
        reasons[0] = TITLE
    return reasons


def _gaps(start: int, end: int, taken: list[Span]) -> list[Span]:
    """Blank-residue spans for every stretch of [start, end) not covered by `taken` (sorted)."""
    blanks, cursor = [], start
    for span in taken:
        if span.start > cursor:
            blanks.append(Span(cursor, span.start, BLANK))
        cursor = max(cursor, span.end)
    if cursor < end:
        blanks.append(Span(cursor, end, BLANK))
    return blanks


def clean_text(text: str, title: str = "") -> Cleaned:
    """Body blocks and removed spans that together tile ``text`` with no gap or overlap."""
    removed: list[Span] = []
    offset = 0
    if text.startswith("\ufeff"):
        removed.append(Span(0, 1, BOM))
        offset = 1
    lines = _content_lines(text, offset)
    body: list[Span] = []
    for (start, end), reason in zip(lines, _classify(text, lines, title)):
        if reason:
            removed.append(Span(start, end, reason))
            continue
        dateline = _DATELINE.match(text, start, end)
        if dateline and sum(c.isalpha() for c in dateline.group("place")) >= 4:
            place_end = start + len(dateline.group().rstrip())
            removed.append(Span(start, place_end, DATELINE))
            start = dateline.end()
        body.append(Span(start, end))
    taken = sorted(body + removed, key=lambda s: s.start)
    removed = sorted(removed + _gaps(0, len(text), taken), key=lambda s: s.start)
    return Cleaned(body=body, removed=removed)


def _clean_document(item: tuple[str, str, str]) -> tuple[list[tuple], list[tuple]]:
    """Body-block and removed-span rows of one document ``(doc_id, text, title)``; runs in any engine."""
    doc_id, text, title = item
    cleaned = clean_text(text, title)
    blocks = [(doc_id, i, s.start, s.end, text[s.start:s.end]) for i, s in enumerate(cleaned.body)]
    removed = [(doc_id, s.start, s.end, s.reason, text[s.start:s.end]) for s in cleaned.removed]
    return blocks, removed


def clean_corpus(corpus: Corpus, engine="local") -> tuple[pd.DataFrame, pd.DataFrame]:
    """``body_blocks`` and ``removed_spans`` tables for every document that loaded.

    ``engine`` runs the per-document work elsewhere (see ``newsframe.engine``); the tables are
    the same whatever the engine.
    """
    items = [(doc.doc_id, doc.text, doc.title) for doc in corpus.documents if doc.status == "ok"]
    blocks, removed = [], []
    for doc_blocks, doc_removed in map_documents(_clean_document, items, engine=engine):
        blocks += doc_blocks
        removed += doc_removed
    body_blocks = pd.DataFrame(blocks, columns=["doc_id", "block_id", "start", "end", "text"])
    removed_spans = pd.DataFrame(removed, columns=["doc_id", "start", "end", "reason", "text"])
    removed_spans.insert(4, "rule", removed_spans["reason"].map(RULES).fillna(""))
    return body_blocks, removed_spans


def detected_titles(removed_spans: pd.DataFrame) -> dict[str, str]:
    """The title line the cleaner found in each document, for documents without one in metadata."""
    titles = removed_spans[removed_spans["reason"] == TITLE]
    return dict(zip(titles["doc_id"], titles["text"]))


def character_budget(documents: pd.DataFrame, body_blocks: pd.DataFrame, removed_spans: pd.DataFrame) -> pd.DataFrame:
    """Characters per document kept as body and removed per reason (long format, one row each)."""
    kept = body_blocks.assign(chars=body_blocks["end"] - body_blocks["start"], part="body (kept)")
    cut = removed_spans.assign(chars=removed_spans["end"] - removed_spans["start"], part=removed_spans["reason"])
    budget = pd.concat([kept[["doc_id", "part", "chars"]], cut[["doc_id", "part", "chars"]]])
    budget = budget.groupby(["doc_id", "part"], as_index=False)["chars"].sum()
    ok = documents.loc[documents["status"] == "ok", "doc_id"]
    return budget[budget["doc_id"].isin(ok)].sort_values(["doc_id", "part"], ignore_index=True)


#: Columns of documents.csv that later stages fill; present from the start so the contract holds.
LATER_COLUMNS = ("n_statements", "lead_actor", "lead_frame", "cited_media")
CONTRACT_ORDER = ("doc_id", "source_path", "sha256", "title", "outlet", "published", "n_chars", "n_statements",
                  "status", "error", "lead_actor", "lead_frame", "cited_media")


def document_table(documents: pd.DataFrame, body_blocks: pd.DataFrame, removed_spans: pd.DataFrame) -> pd.DataFrame:
    """documents.csv as of stage 1: contract columns first, the cleaning's own numbers after."""
    table = documents.copy()
    found = detected_titles(removed_spans)
    missing_title = table["title"].eq("")
    table.loc[missing_title, "title"] = table.loc[missing_title, "doc_id"].map(found).fillna("")
    lengths = lambda frame: (frame["end"] - frame["start"]).groupby(frame["doc_id"]).sum()  # noqa: E731
    table["n_body_chars"] = table["doc_id"].map(lengths(body_blocks)).fillna(0).astype(int)
    table["n_removed_chars"] = table["doc_id"].map(lengths(removed_spans)).fillna(0).astype(int)
    for column in LATER_COLUMNS:
        table[column] = ""
    rest = [c for c in table.columns if c not in CONTRACT_ORDER]
    return table[list(CONTRACT_ORDER) + rest]


def rules_table() -> pd.DataFrame:
    return pd.DataFrame({"reason": list(RULES), "rule": list(RULES.values())})


def check_tiling(corpus: Corpus, body_blocks: pd.DataFrame, removed_spans: pd.DataFrame) -> str:
    """Raise if any raw character is unaccounted for or claimed twice; else say what was checked."""
    texts = {doc.doc_id: doc.text for doc in corpus.documents if doc.status == "ok"}
    checked = assert_tiled(texts, body_blocks, removed_spans)
    return (f"Every one of the {checked:,} raw characters of {len(texts)} documents is in exactly one body block "
            "or removed span, and every span's text equals the raw text at its offsets.")


def summary_markdown(documents: pd.DataFrame, removed_spans: pd.DataFrame) -> str:
    """The cleaning in a few sentences, from the tables (nothing typed by hand); corpus strings escaped."""
    ok = documents[documents["status"] == "ok"]
    total, kept = int(ok["n_chars"].sum()), int(ok["n_body_chars"].sum())
    lines = [f"**{len(ok)} of {len(documents)} documents** loaded; **{kept:,} of {total:,} characters "
             f"({kept / max(total, 1):.0%})** are kept as body text."]
    visible = removed_spans[removed_spans["reason"] != BLANK]
    for reason, group in visible.groupby("reason", sort=True):
        docs = ", ".join(f"{escape(d)} ({n})" for d, n in group["doc_id"].value_counts().sort_index().items())
        lines.append(f"- **{reason}**: {len(group)} span(s), {int((group['end'] - group['start']).sum()):,} "
                     f"characters, in {docs}.")
    blank = removed_spans[removed_spans["reason"] == BLANK]
    lines.append(f"- **{BLANK}**: {len(blank)} stretches of line breaks and spaces "
                 f"({int((blank['end'] - blank['start']).sum()):,} characters) between the blocks above.")
    errors = documents[documents["status"] != "ok"]
    if len(errors):
        lines.append(f"\n**{len(errors)} document(s) could not be used**: "
                     + "; ".join(f"{escape(d)}: {escape(e)}" for d, e in zip(errors["doc_id"], errors["error"])))
    copies = documents[documents["duplicate_of"] != ""] if "duplicate_of" in documents else documents.iloc[:0]
    if len(copies):
        lines.append(f"\n**{len(copies)} document(s) repeat an earlier one** (kept and processed): "
                     + "; ".join(f"{escape(d)} repeats {escape(o)}" for d, o in zip(copies["doc_id"], copies["duplicate_of"])))
    return "\n".join(lines)
