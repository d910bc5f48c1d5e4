"""Cleaning with an audit trail: split each raw document into body blocks and removed spans.

Nothing is edited: every character of the raw text ends up either in a body block or in a
removed span with the reason and the rule that removed it, and both index the raw text
exactly. The rules describe the *shape* of residue (a line without end punctuation, a line cut
off with an ellipsis, an upper-case place name followed by a colon), not particular strings,
so they carry over to other corpora. When a rule is unsure, the line stays in the body:
losing a real sentence is worse than keeping a stray one, which the reader can still see.

Hard-wrapped text (newswire such as Reuters-21578, e-mail, plain-text archives) breaks every
paragraph into lines of about the same width, so a line is not a unit there: in documents that
are recognisably hard-wrapped (see ``_paragraphs``), wrapped lines are first joined into
paragraphs, and the rules above classify paragraphs. Such a body block keeps its inner line
breaks and indentation; it still indexes the raw text exactly. Other documents, like the seeds
(one paragraph per line), are cleaned line by line.

Scraped web text needs more: many documents have no line breaks, and a credit or a "Read more"
line is often glued into a paragraph. After the line rules, every body block is scanned for site
boilerplate by shape (``newsframe.boilerplate``: credits, link lines, sign-up prompts, copyright,
markers, bylines, republication notes, a trailing author bio) and by repetition across one
outlet's documents (``newsframe.repetition``); the block is split around each removed piece.

Safety: a line cut off with an ellipsis is a teaser only when it is short, follows body text and
has at least one more like it (a list of previews), never a whole article or its cut-off last
paragraph; and no rule may take a document's whole body: when the rules together
would leave none, the longest removed piece is kept as body, with a note (body_blocks.note).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

import pandas as pd

from . import boilerplate, repetition
from .audit import assert_tiled
from .corpus import Corpus
from .engine import fewer_collections, map_documents
from .mdtext import escape
from .repetition import OutletRepeats

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
    BOILERPLATE: "a whole line that is a generic web widget (advertisement, share, subscribe, read more, ...) "
    "or a wire sign-off (Reuter, MORE, &#3;)",
    RESIDUE: "short lines without sentence-ending punctuation after the last sentence of the body",
    TEASER: "a short line (at most {max_teaser_chars} characters) cut off mid-sentence with an ellipsis, "
    "after body text, in a document with at least two such lines: the previews of other articles",
    CAPTION: "a line carrying a photo credit of the form '— AGENCY/File'",
    BOM: "the invisible byte-order mark some editors put at the start of a UTF-8 file",
    **boilerplate.RULES,
    **repetition.RULES,
    BLANK: "line breaks, blank lines and spaces around the blocks above",
}

MAX_HEADING_WORDS = 15
MAX_TITLE_WORDS = 30
#: Hard-wrapped text (newswire, e-mail, plain-text archives) has lines at most this wide.
MAX_WRAP_WIDTH = 100
#: A line at least this share of its document's wrap width is "full": the wrapper ended it, not the writer.
FULL_LINE = 0.7
#: A teaser is a preview: a line or paragraph longer than this is a (truncated) article, not a teaser.
MAX_TEASER_CHARS = 400
RULES[HEADING] = RULES[HEADING].format(max_heading_words=MAX_HEADING_WORDS)
RULES[TEASER] = RULES[TEASER].format(max_teaser_chars=MAX_TEASER_CHARS)


_LINE = re.compile(r"[^\r\n]+")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*$|["”’»]$""")
_CLOSERS = "\"'”’»)]"
_TRUNCATED = re.compile(r"[\w,;:’'\-]\s?(?:\.{3}|…)$")
#: The longest match of ``_TRUNCATED``: searching the line's tail only is the same, and fast.
_TRUNCATED_TAIL = 5
_CREDIT = re.compile(r"[—–]\s?[A-Z][A-Za-z]{1,12}/(?:File|Getty|Reuters|AFP|AP)\b")
_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3}    # KYIV, NEW DELHI, ST. PETERSBURG
        (?:,\s[A-Z][A-Za-z.]+(?:\s[A-Za-z.0-9]+){0,2}){0,2}       # , Ukraine | , March 3 | , Conn., Feb 26
        (?:\s?\([A-Za-z .]+\))?)                                    # (Reuters)
        \s?[:—–-]\s""",
    re.VERBOSE,
)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|sponsored( content)?|share( this)?( article| story)?( on \w+)?|"
    r"(read|see) (more|also)\b.*|related( articles| stories| coverage)?:?|subscribe\b.*|sign up\b.*|"
    r"follow us\b.*|click here\b.*|listen to (this )?article.*|skip to (main )?content|"
    r"cookie(s)? (policy|settings)|all rights reserved\.?|"
    # A wire story's sign-off ("Reuter", "REUTER...", "more" when the story continues in another
    # take; some carry a literal "^M") and the end-of-text mark (ETX, raw or as the entity "&#3;").
    r"reuters?(?:\.{3}|…)?(?:\^M)?|more(?:\^M)?|&#0*3;|\x03)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    reason: str = ""  # empty for body blocks
    detail: str = ""  # removed: what the rule found (e.g. how often a repeated line recurs); body: a note
    repeated_in: int = 0  # body: documents of the same outlet that carry this block verbatim (0: not repeated)
    first_doc: str = ""  # body: the first of those documents in corpus order


@dataclass(frozen=True)
class Cleaned:
    body: list[Span]
    removed: list[Span]


def _is_sentence(line: str) -> bool:
    """``_SENTENCE_END.search(line)``, without scanning the whole line (fast on huge documents)."""
    return line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…") or line[-1:] in ('"', "”", "’", "»")


def _words(line: str) -> int:
    """Words in ``line``, counted up to one more than the largest limit compared against (fast on huge blocks)."""
    return len(line.split(None, MAX_TITLE_WORDS))


def _same_title(line: str, title: str) -> bool:
    norm = lambda s: " ".join(s.casefold().split())
    return bool(title) and norm(line) == norm(title)


def _line_reason(line: str) -> str:
    """Reasons that a line earns by its own shape, wherever it stands."""
    if _BOILERPLATE.match(line):  # first: a sign-off such as "REUTER..." is not a cut-off teaser
        return BOILERPLATE
    if _TRUNCATED.search(line[-_TRUNCATED_TAIL:]):
        return TEASER
    if _CREDIT.search(line):
        return CAPTION
    return boilerplate.caption_reason(line)


@dataclass
class _Layout:
    """The non-blank lines of a document and how they sit on the page."""

    lines: list[tuple[int, int]]  # (start, end) of each line, surrounding whitespace excluded
    raw_starts: list[int]  # where each line begins, indentation included
    blank_before: list[bool]  # a blank (or whitespace-only) line separates it from the line before


def _layout(text: str, offset: int) -> _Layout:
    """Non-blank lines as (start, end), with surrounding whitespace excluded, and their layout."""
    layout = _Layout([], [], [])
    add_line, add_raw_start, add_blank = layout.lines.append, layout.raw_starts.append, layout.blank_before.append
    blank, previous = False, -1
    for match in _LINE.finditer(text, offset):
        raw_start, end = match.span()
        # One line break ("\n", "\r" or "\r\n") between two lines; anything more is a blank line.
        if raw_start - previous > 1 and previous >= 0 and text[previous:raw_start] != "\r\n":
            blank = True
        previous = end
        line = match.group()
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        start = raw_start + (len(line) - len(line.lstrip()))
        add_line((start, start + len(stripped)))
        add_raw_start(raw_start)
        add_blank(blank)
        blank = False
    return layout


def _mostly_capitals(line: str) -> bool:
    """A headline set in capitals ("STANDARD OIL &lt;SRD> TO FORM UNIT": a stray entity is allowed)."""
    upper = sum(map(str.isupper, line))
    return upper >= 3 and upper > 3 * sum(map(str.islower, line))


def _could_be_boilerplate(line: str, short: bool) -> bool:
    """Widgets and sign-offs are short lines: a full line of wrapped text is running prose
    ("subscribe between January 1 1988 and March 31 1992 to one" goes on in the next line)."""
    return short or len(line) <= 20


def _ends_in_lower_word(text: str, start: int, end: int) -> bool:
    word = text[text.rfind(" ", start, end) + 1 : end]
    return word.isalpha() and word.islower()


def _paragraphs(text: str, layout: _Layout, title: str) -> list[tuple[int, int]] | None:
    """Hard-wrapped lines joined into paragraphs as (start, end); None when the text is not hard-wrapped.

    A document is hard-wrapped when nine in ten of its lines after the first (often a title,
    whatever the layout) fit within ``MAX_WRAP_WIDTH`` characters, and at least one "full" line
    after the first (``FULL_LINE`` of that width or more) without sentence-ending punctuation is
    followed, with no blank line or indentation, by a line that goes on in lower case or with a
    digit, or ends in a lower-case word itself ("... to shareholders of record\nMarch 23."): a
    sentence that goes on across a line break. A document whose every line break falls between
    capitalised words shows no such sign and is cleaned line by line.

    In such a document a line continues the paragraph of the line before, except
    - after a blank line, at a line indented beyond the body's margin (by a tab or two spaces or
      more), and around a boilerplate line;
    - after the first line when it is a title: the metadata title, a headline in capitals, or
      followed by a dateline;
    - after a short line that ends a sentence, unless the next line goes on in lower case;
    - after a short line that stands alone and ends no sentence (a heading) when the next line
      starts with a capital; never the body's first line, which is short when the dateline that
      opened it was cut away (as in Reuters-21578's ``body`` field).
    A paragraph keeps its inner line breaks: it still indexes the raw text exactly.
    """
    lines, raw_starts, blank_before = layout.lines, layout.raw_starts, layout.blank_before
    n = len(lines)
    if n < 3:
        return None
    widths = [e - a for (_, e), a in zip(lines, raw_starts)]
    body_widths = sorted(widths[1:])
    wrap = body_widths[-(-(len(body_widths) - 1) * 9 // 10)]  # the 90th percentile, rounded up
    if wrap > MAX_WRAP_WIDTH:
        return None
    full = FULL_LINE * wrap
    margin = min(s - a for (s, _), a in zip(lines[1:], raw_starts[1:]))
    paragraphs: list[tuple[int, int]] = []
    first = 0  # the current paragraph's first line
    wrapped = False  # seen a sentence that goes on across a line break
    line = first_line = text[lines[0][0] : lines[0][1]]
    ends, short = _is_sentence(line), widths[0] < full
    boiler = _could_be_boilerplate(line, short) and bool(_BOILERPLATE.match(line))
    for i in range(1, n):
        start, end = lines[i]
        head = text[start]
        goes_on = head.islower() or head.isdigit()
        indent = start - raw_starts[i] - margin  # a stray single space is no paragraph start; a tab is
        apart = blank_before[i] or indent > 1 or (indent == 1 and text[start - 1] == "\t")
        if i > 1 and not apart and not ends and not short and (goes_on or _ends_in_lower_word(text, *lines[i - 1])):
            wrapped = True
        line = text[start:end]
        was_boiler = boiler
        boiler = _could_be_boilerplate(line, widths[i] < full) and bool(_BOILERPLATE.match(line))
        if apart or was_boiler or boiler:
            cut = True
        elif i == 1 and (
            _same_title(first_line, title)
            or _dateline(text, start, end)
            or (not head.islower() and _mostly_capitals(first_line))
        ):
            cut = True  # after a title
        elif not short:
            cut = False
        elif ends:
            cut = not goes_on
        else:
            cut = first == i - 1 >= 2 and head.isupper()  # after a heading
        if cut:
            paragraphs.append((lines[first][0], lines[i - 1][1]))
            first = i
        ends, short = _is_sentence(line), widths[i] < full
    if not wrapped:
        return None
    paragraphs.append((lines[first][0], lines[-1][1]))
    return paragraphs


def _dateline(text: str, start: int, end: int) -> re.Match | None:
    """The dateline opening ``text[start:end]``, if any (a place name of at least four letters)."""
    dateline = _DATELINE.match(text, start, end)
    return dateline if dateline and sum(c.isalpha() for c in dateline.group("place")) >= 4 else None


def _classify(text: str, lines: list[tuple[int, int]], title: str, first_is_line: bool = True) -> list[str]:
    """A reason per line ('' keeps it as body); ``lines`` may be paragraphs of hard-wrapped text,
    and the first is a title by its shape only when it is one line (``first_is_line``)."""
    reasons = [_line_reason(text[s:e]) for s, e in lines]
    # Teasers come as a list of previews: short, after body text, at least two in the document. A
    # lone paragraph cut off at the end is the article itself, cut off by the scraper.
    short_cut = [r == TEASER and e - s <= MAX_TEASER_CHARS for (s, e), r in zip(lines, reasons)]
    previews = sum(short_cut) >= 2
    body_before = False
    for i, (s, e) in enumerate(lines):
        if reasons[i] == TEASER and not (previews and short_cut[i] and body_before):
            reasons[i] = ""
        body_before = body_before or (not reasons[i] and _is_sentence(text[s:e]))
    sentences = [not r and _is_sentence(text[s:e]) for (s, e), r in zip(lines, reasons)]
    last_sentence = max((i for i, ok in enumerate(sentences) if ok), default=-1)
    for i, (s, e) in enumerate(lines):
        if reasons[i] or sentences[i]:
            continue
        line = text[s:e]
        first_title = _same_title(line, title) or (first_is_line and _words(line) <= MAX_TITLE_WORDS)
        if i == 0 and len(lines) > 1 and first_title:
            reasons[i] = TITLE
        elif _words(line) <= MAX_HEADING_WORDS and last_sentence >= 0:
            reasons[i] = HEADING if i < last_sentence else RESIDUE
    if lines and not reasons[0] and _same_title(text[lines[0][0] : lines[0][1]], title):
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


def _split(text: str, start: int, end: int, pieces: list[tuple]) -> tuple[list[Span], list[Span]]:
    """The block ``text[start:end]`` split around removed ``pieces`` (start, end, reason[, detail]).

    What is left between pieces is body when it has a letter or digit; a bare "|" or "👉" goes with
    the piece next to it. Whitespace at the edges is left to the blank residue."""
    if not pieces:
        return [Span(start, end)], []
    kept: list[Span] = []
    removed: list[Span] = []
    cursor = start
    bounds = [(s, e, r, d[0] if d else "") for s, e, r, *d in pieces] + [(end, end, "", "")]
    for s, e, reason, detail in bounds:
        fragment = text[cursor:s]
        stripped = fragment.strip()
        if stripped:
            f_start = cursor + len(fragment) - len(fragment.lstrip())
            f_end = f_start + len(stripped)
            if any(c.isalnum() for c in stripped):
                kept.append(Span(f_start, f_end))
            else:
                neighbour = reason or (removed[-1].reason if removed else boilerplate.MARKER)
                removed.append(
                    Span(f_start, f_end, neighbour, detail or (removed[-1].detail if removed and not reason else ""))
                )
        if e > s:
            piece = text[s:e]
            p_start = s + len(piece) - len(piece.lstrip())
            p_end = p_start + len(piece.strip())
            if p_end > p_start:
                removed.append(Span(p_start, p_end, reason, detail))
        cursor = max(cursor, e)
    return kept, removed


def _repeated_pieces(text: str, block: Span, repeats: OutletRepeats) -> list[tuple]:
    """Repeated furniture at the start and end of a block (never inside it)."""
    units = boilerplate.sentence_units(text, block.start, block.end)
    if len(units) < 2:
        return []
    hits = []
    for order in (units, units[::-1]):
        for s, e in order[:-1]:
            unit = text[s:e].strip()
            found = repeats.lookup(unit)
            if not found or repetition.is_content(unit) or len(unit.split(None, 3)) < repetition.MIN_UNIT_WORDS:
                break
            hits.append((s, e, repetition.REPEATED, repetition.detail(found[0], repeats)))
    return sorted(set(hits))


#: An author bio is looked for in the last few body blocks, and what follows it must be short.
BIO_BLOCKS, BIO_TAIL_CHARS = 3, 1000


def _trailing_bio(text: str, kept: list[Span]) -> tuple[list[Span], list[Span]]:
    """From the first sentence shaped like an author bio in the last ``BIO_BLOCKS`` body blocks to
    the end of the body, when that is at most ``BIO_TAIL_CHARS`` long: the bio and what follows it
    (contact lines, disclaimers) are not the article."""
    if not kept:
        return kept, []
    body_end = kept[-1].end
    for k in range(max(0, len(kept) - BIO_BLOCKS), len(kept)):
        block = kept[k]
        for s, e in boilerplate.sentence_units(text, block.start, block.end):
            if body_end - s <= BIO_TAIL_CHARS and boilerplate.is_bio(text[s:e]):
                head, cut = _split(text, block.start, block.end, [(s, block.end, boilerplate.BIO)])
                rest = [Span(b.start, b.end, boilerplate.BIO) for b in kept[k + 1 :]]
                return kept[:k] + head, cut + rest
    return kept, []


def _site_boilerplate(text: str, body: list[Span], repeats: OutletRepeats | None) -> tuple[list[Span], list[Span]]:
    """Body blocks split around boilerplate found by shape and by repetition; the removed pieces."""
    kept: list[Span] = []
    removed: list[Span] = []
    for block in body:
        k, r = _split(text, block.start, block.end, boilerplate.scan_block(text, block.start, block.end))
        kept += k
        removed += r
    kept, bio = _trailing_bio(text, kept)
    removed += bio
    if repeats is not None:
        blocks, kept = kept, []
        for block in blocks:
            block_text = text[block.start : block.end]
            found = repeats.lookup(block_text)
            if found and repetition.is_content(block_text):
                kept.append(Span(block.start, block.end, repeated_in=found[0], first_doc=found[1]))
            elif found:
                removed.append(Span(block.start, block.end, repetition.REPEATED, repetition.detail(found[0], repeats)))
            else:
                k, r = _split(text, block.start, block.end, _repeated_pieces(text, block, repeats))
                kept += k
                removed += r
    return kept, removed


def _restore(text: str, removed: list[Span]) -> tuple[list[Span], list[Span]]:
    """No rule may take the whole body: keep the longest removed piece as body, with a note."""
    candidates = [s for s in removed if s.reason not in (BOM, BLANK) and text[s.start : s.end].strip()]
    if not candidates:
        return [], removed
    keep = max(candidates, key=lambda s: (s.end - s.start, -s.start))
    note = f"kept although removed as '{keep.reason}': the rules would have left no body text"
    return [Span(keep.start, keep.end, detail=note)], [s for s in removed if s is not keep]


def clean_text(text: str, title: str = "", repeats: OutletRepeats | None = None) -> Cleaned:
    """Body blocks and removed spans that together tile ``text`` with no gap or overlap.

    ``repeats`` are the units the document's outlet repeats across its documents
    (``repetition.count_units``); without them the repetition rule does nothing."""
    removed: list[Span] = []
    offset = 0
    if text.startswith("\ufeff"):
        removed.append(Span(0, 1, BOM))
        offset = 1
    layout = _layout(text, offset)
    paragraphs = _paragraphs(text, layout, title)
    lines = layout.lines if paragraphs is None else paragraphs
    reasons = _classify(text, lines, title, paragraphs is None or paragraphs[0][1] == layout.lines[0][1])
    # Hard-wrapped text is wire copy, where only the story's first paragraph (the second block,
    # after a title) opens with a dateline: "NOTE: prior qtr excludes ..." further down is not one.
    opening = len(lines) if paragraphs is None else 1
    body: list[Span] = []
    for i, ((start, end), reason) in enumerate(zip(lines, reasons)):
        if reason:
            removed.append(Span(start, end, reason))
            continue
        dateline = _dateline(text, start, end) if i <= opening else None
        if dateline:
            place_end = start + len(dateline.group().rstrip())
            removed.append(Span(start, place_end, DATELINE))
            start = dateline.end()
            while text[start].isspace():  # "LONDON -  Oil", "DALLAS -\r\nOil": the body starts at the text
                start += 1
        body.append(Span(start, end))
    body, found = _site_boilerplate(text, body, repeats)
    removed += found
    if not body:
        body, removed = _restore(text, removed)
    taken = sorted(body + removed, key=lambda s: s.start)
    removed = sorted(removed + _gaps(0, len(text), taken), key=lambda s: s.start)
    return Cleaned(body=body, removed=removed)


def _clean_document(
    repeats: dict[str, OutletRepeats], item: tuple[str, str, str, str]
) -> tuple[list[tuple], list[tuple]]:
    """Body-block and removed-span rows of one document ``(doc_id, text, title, outlet)``; runs in any engine."""
    doc_id, text, title, outlet = item
    cleaned = clean_text(text, title, repeats.get(outlet) if outlet else None)
    blocks = [
        (doc_id, i, s.start, s.end, text[s.start : s.end], s.repeated_in, s.first_doc, s.detail)
        for i, s in enumerate(cleaned.body)
    ]
    removed = [(doc_id, s.start, s.end, s.reason, text[s.start : s.end], s.detail) for s in cleaned.removed]
    return blocks, removed


def _digests(text: str) -> list[bytes]:
    return repetition.unit_digests(text)


def outlet_repeats(
    corpus: Corpus, engine="local", min_docs: int = repetition.MIN_DOCS, min_share: float = repetition.MIN_SHARE
) -> dict[str, OutletRepeats]:
    """What each outlet repeats across its documents: one linear pass over the corpus (see ``repetition``)."""
    docs = [(d.doc_id, d.outlet, d.text, bool(d.duplicate_of)) for d in corpus.documents if d.status == "ok"]
    counted = {o for o in (d[1] for d in docs) if o}
    wanted = [i for i, d in enumerate(docs) if d[1] in counted and not d[3]]
    found = map_documents(_digests, [docs[i][2] for i in wanted], engine=engine)
    digests: list[list[bytes]] = [[] for _ in docs]
    for i, hashes in zip(wanted, found):
        digests[i] = hashes
    return repetition.count_units(docs, digests, min_docs, min_share)


@fewer_collections()
def clean_corpus(
    corpus: Corpus, engine="local", min_docs: int = repetition.MIN_DOCS, min_share: float = repetition.MIN_SHARE
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``body_blocks`` and ``removed_spans`` tables for every document that loaded.

    ``engine`` runs the per-document work elsewhere (see ``newsframe.engine``); the tables are
    the same whatever the engine. ``min_docs`` and ``min_share`` set when a line an outlet
    repeats is site boilerplate (see ``newsframe.repetition``).
    """
    repeats = outlet_repeats(corpus, engine, min_docs, min_share)
    items = [(doc.doc_id, doc.text, doc.title, doc.outlet) for doc in corpus.documents if doc.status == "ok"]
    blocks, removed = [], []
    for doc_blocks, doc_removed in map_documents(partial(_clean_document, repeats), items, engine=engine):
        blocks += doc_blocks
        removed += doc_removed
    body_blocks = pd.DataFrame(
        blocks, columns=["doc_id", "block_id", "start", "end", "text", "repeated_in", "first_doc", "note"]
    )
    removed_spans = pd.DataFrame(removed, columns=["doc_id", "start", "end", "reason", "text", "detail"])
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
    ok = documents.loc[
        documents["status"] == "ok", "doc_id"
    ].unique()  # an array: Series.isin(Series) is slow on Arrow text
    return budget[budget["doc_id"].isin(ok)].sort_values(["doc_id", "part"], ignore_index=True)


#: Columns of documents.csv that later stages fill; present from the start so the contract holds.
LATER_COLUMNS = ("n_statements", "lead_actor", "lead_frame", "cited_media")
CONTRACT_ORDER = (
    "doc_id",
    "source_path",
    "sha256",
    "title",
    "outlet",
    "published",
    "n_chars",
    "n_statements",
    "status",
    "error",
    "lead_actor",
    "lead_frame",
    "cited_media",
)


def document_table(documents: pd.DataFrame, body_blocks: pd.DataFrame, removed_spans: pd.DataFrame) -> pd.DataFrame:
    """documents.csv as of stage 1: contract columns first, the cleaning's own numbers after."""
    table = documents.copy()
    found = detected_titles(removed_spans)
    missing_title = table["title"].eq("")
    table.loc[missing_title, "title"] = [found.get(d, "") for d in table.loc[missing_title, "doc_id"]]
    lengths = lambda frame: (frame["end"] - frame["start"]).groupby(frame["doc_id"]).sum()
    table["n_body_chars"] = table["doc_id"].map(lengths(body_blocks)).fillna(0).astype(int)
    table["n_removed_chars"] = table["doc_id"].map(lengths(removed_spans)).fillna(0).astype(int)
    notes = body_blocks[body_blocks["note"] != ""] if "note" in body_blocks else body_blocks.iloc[:0]
    warnings = dict(zip(notes["doc_id"], notes["note"]))
    table["clean_warning"] = [warnings.get(doc_id, "") for doc_id in table["doc_id"]]
    for column in LATER_COLUMNS:
        table[column] = ""
    rest = [c for c in table.columns if c not in CONTRACT_ORDER]
    return table[list(CONTRACT_ORDER) + rest]


#: A document losing more than this share of its text is listed for a reader to check.
HEAVY_SHARE = 0.4


def heavily_cleaned(
    documents: pd.DataFrame, removed_spans: pd.DataFrame, threshold: float = HEAVY_SHARE
) -> pd.DataFrame:
    """Documents that lost more than ``threshold`` of their characters: doc_id, outlet, share removed, reasons.

    Blank residue (line breaks and spaces) is left out of both sides of the share, so a text with
    many short paragraphs does not look heavily cleaned; reasons are ordered by characters removed."""
    cut = removed_spans[~removed_spans["reason"].isin([BLANK, BOM])]
    cut = cut.assign(chars=cut["end"] - cut["start"])
    per_reason = (
        cut.groupby(["doc_id", "reason"], as_index=False)["chars"]
        .sum()
        .sort_values(["doc_id", "chars", "reason"], ascending=[True, False, True])
    )
    removed = per_reason.groupby("doc_id")["chars"].sum()
    reasons = per_reason.groupby("doc_id")["reason"].agg("; ".join)
    ok = documents[documents["status"] == "ok"]
    kept = ok.set_index("doc_id")["n_body_chars"]
    gone = ok["doc_id"].map(removed).fillna(0).to_numpy()
    share = gone / (gone + kept.to_numpy()).clip(min=1)
    table = pd.DataFrame(
        {
            "doc_id": ok["doc_id"].to_numpy(),
            "outlet": ok["outlet"].to_numpy(),
            "share_removed": share.round(3),
            "reasons": ok["doc_id"].map(reasons).fillna("").to_numpy(),
        }
    )
    return table[table["share_removed"] > threshold].sort_values(
        ["share_removed", "doc_id"], ascending=[False, True], ignore_index=True
    )


def rules_table() -> pd.DataFrame:
    return pd.DataFrame({"reason": list(RULES), "rule": list(RULES.values())})


def check_tiling(corpus: Corpus, body_blocks: pd.DataFrame, removed_spans: pd.DataFrame) -> str:
    """Raise if any raw character is unaccounted for or claimed twice; else say what was checked."""
    texts = {doc.doc_id: doc.text for doc in corpus.documents if doc.status == "ok"}
    checked = assert_tiled(texts, body_blocks, removed_spans)
    return (
        f"Every one of the {checked:,} raw characters of {len(texts)} documents is in exactly one body block "
        "or removed span, and every span's text equals the raw text at its offsets."
    )


def summary_markdown(documents: pd.DataFrame, removed_spans: pd.DataFrame) -> str:
    """The cleaning in a few sentences, from the tables (nothing typed by hand); corpus strings escaped."""
    ok = documents[documents["status"] == "ok"]
    total, kept = int(ok["n_chars"].sum()), int(ok["n_body_chars"].sum())
    lines = [
        f"**{len(ok)} of {len(documents)} documents** loaded; **{kept:,} of {total:,} characters "
        f"({kept / max(total, 1):.0%})** are kept as body text."
    ]
    visible = removed_spans[removed_spans["reason"] != BLANK]
    for reason, group in visible.groupby("reason", sort=True):
        docs = ", ".join(f"{escape(d)} ({n})" for d, n in group["doc_id"].value_counts().sort_index().items())
        lines.append(
            f"- **{reason}**: {len(group)} span(s), {int((group['end'] - group['start']).sum()):,} "
            f"characters, in {docs}."
        )
    blank = removed_spans[removed_spans["reason"] == BLANK]
    lines.append(
        f"- **{BLANK}**: {len(blank)} stretches of line breaks and spaces "
        f"({int((blank['end'] - blank['start']).sum()):,} characters) between the blocks above."
    )
    errors = documents[documents["status"] != "ok"]
    if len(errors):
        lines.append(
            f"\n**{len(errors)} document(s) could not be used**: "
            + "; ".join(f"{escape(d)}: {escape(e)}" for d, e in zip(errors["doc_id"], errors["error"]))
        )
    copies = documents[documents["duplicate_of"] != ""] if "duplicate_of" in documents else documents.iloc[:0]
    if len(copies):
        lines.append(
            f"\n**{len(copies)} document(s) repeat an earlier one** (kept and processed): "
            + "; ".join(f"{escape(d)} repeats {escape(o)}" for d, o in zip(copies["doc_id"], copies["duplicate_of"]))
        )
    return "\n".join(lines)
