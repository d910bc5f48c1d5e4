"""Sentence segmentation onto exact raw offsets.

Statements are the unit every later stage cites, so each must be a verbatim slice of the raw
file. Off-the-shelf segmenters (blingfire, syntok) are fast but make known mistakes on news
text: splits after abbreviations, missed splits where a scraper glued two sentences together
("(UAVs).Although"), and quotation marks left on the wrong side of a boundary. Each backend
only proposes where sentences start; one shared pass repairs those cut points and partitions
the block, so every non-space character of a block lands in exactly one statement.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable

import blingfire
import pandas as pd
from syntok import segmenter as syntok_segmenter

Span = tuple[int, int]

OPENING_QUOTES = "“‘«"
CLOSING_QUOTES = "”’»"
STRAIGHT_QUOTES = "\"'"

# Titles and short forms that end with a full stop but almost never end a sentence.
_TITLES = [
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Gen",
    "Lt",
    "Col",
    "Maj",
    "Capt",
    "Cmdr",
    "Adm",
    "Sgt",
    "Sen",
    "Rep",
    "Gov",
    "Pres",
    "Amb",
    "Rev",
    "Hon",
    "St",
    "Mt",
    "Ft",
    "Jr",
    "Sr",
    "No",
    "Nos",
    "vs",
    "etc",
    "approx",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Inc",
    "Corp",
    "Co",
    "Ltd",
    "Dept",
    "Gov't",
    "Fig",
    "Vol",
    "al",
]
_TITLE_END = re.compile(r"(?:^|[\s(“\"'])(?:" + "|".join(map(re.escape, _TITLES)) + r")\.$")
# Initialisms such as U.S., D.C., U.N. (two or more single letters with stops).
_INITIALISM_END = re.compile(r"(?:^|[\s(“\"'])(?:[A-Za-z]\.){2,}$")
_SINGLE_INITIAL_END = re.compile(r"(?:^|\s)[A-Z]\.$")  # "John F. Kennedy"
# A full stop (or ?/!) glued to the next sentence: word or bracket before, capitalised word after.
# The check on what precedes keeps decimals (3.5), initialisms (U.S.-led, U.S.A) and URLs out.
# (Matching the mark first and checking behind it in Python is much faster than a look-behind.)
_GLUED = re.compile(r"[.!?](?=[A-Z][a-z])")
_GLUED_AFTER = re.compile(r"(?:[a-z]{2}|[)\]”\"])$")
# A plain boundary a backend sometimes misses: a lower-case word or number, a full stop, space,
# a capital. Abbreviations never match (they end in a capital or are caught by _repair_cut).
# Possessive, and only from the start of a run of marks: a long run ("......") is read once,
# not once per position (that backtracking made 50,000 full stops take half a minute).
_PLAIN_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[”’\"')\]]*+\s+(?=[“‘\"]?[A-Z0-9])")
_PLAIN_AFTER = re.compile(r"(?:[a-z]{2}|\d|[)\]])$")


#: Unicode category Cf (Python 3.11's tables): invisible format characters such as ZERO WIDTH
#: SPACE, RIGHT-TO-LEFT MARK and bidi embeddings. tests/test_segment.py checks the list.
FORMAT_CHARS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
# Format characters right after a sentence end (or the space after it) hide the boundary from
# every rule and backend: for finding boundaries they count as spaces (offsets do not move).
_HIDDEN_BOUNDARY = re.compile(rf"(?<=[.!?…”’\"')\]\s])[{FORMAT_CHARS}]+")


def _visible(text: str) -> str:
    """``text`` with format characters after sentence ends as spaces, same length (none in
    ASCII text: that test is free)."""
    if text.isascii() or not _HIDDEN_BOUNDARY.search(text):
        return text
    return _HIDDEN_BOUNDARY.sub(lambda m: " " * len(m.group()), text)


_SPACES = re.compile(r"\s*")
_WINDOW = 40


def _blingfire_starts(text: str) -> list[int]:
    """Sentence starts from blingfire's sentence text, found again in the block.

    ``text_to_sentences_and_offsets`` converts byte offsets in a Python loop and is ten times
    slower than the segmentation itself; finding each sentence's opening words is cheap.
    """
    starts, cursor = [], 0
    for sentence in blingfire.text_to_sentences(text).split("\n"):
        sentence = sentence.strip()
        if not sentence:
            continue
        pos = text.find(sentence[:30], cursor)
        if pos < 0:
            pos = text.find(sentence.split(None, 1)[0], cursor)
        if pos >= 0:
            starts.append(pos)
            cursor = pos + 1
    return starts


def _syntok_starts(text: str) -> list[int]:
    return [sentence[0].offset for paragraph in syntok_segmenter.analyze(text) for sentence in paragraph]


BACKENDS: dict[str, Callable[[str], list[int]]] = {
    "blingfire": _blingfire_starts,
    "syntok": _syntok_starts,
}


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{—–-"


def _repair_cut(text: str, cut: int) -> int | None:
    """Move a proposed sentence start to where it belongs, or None to drop it."""
    # A short window is enough for every rule and keeps the pass linear in the block length.
    window = max(0, cut - _WINDOW)
    head = text[window:cut].rstrip()
    tail_start = _SPACES.match(text, cut).end()
    # A closing quote (and any bracket after it) belongs to the sentence it closes.
    j = tail_start
    while j < len(text) and (
        text[j] in CLOSING_QUOTES
        or (text[j] in STRAIGHT_QUOTES and (j + 1 == len(text) or text[j + 1].isspace() or text[j + 1] in ",.;:)"))
        or (text[j] in ")]" and j > tail_start)
    ):
        j += 1
    if j > tail_start:
        return j if j < len(text) else None
    # An opening quote left dangling at the end of the previous sentence moves forward.
    k = len(head)
    while k > 0 and (
        head[k - 1] in OPENING_QUOTES or (head[k - 1] in STRAIGHT_QUOTES and _is_opening_straight(head, k - 1))
    ):
        k -= 1
    if k < len(head):
        return window + k if text[: window + k].strip() else None
    if _TITLE_END.search(head) or _SINGLE_INITIAL_END.search(head):
        return None
    if _INITIALISM_END.search(head):
        nxt = text[tail_start : tail_start + 1]
        if not nxt or not nxt.isupper():
            return None
    if head and head[-1] not in ".!?…:;" + CLOSING_QUOTES + STRAIGHT_QUOTES + ")":
        # The backend split without any sentence-final mark (e.g. at a line-internal bullet).
        return cut if tail_start < len(text) and text[tail_start] in OPENING_QUOTES + "•-–—" else None
    return cut


def _partition(text: str, offset: int, cuts: Iterable[int]) -> list[Span]:
    spans = []
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(text)}), len(text)]
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            start = a + (len(piece) - len(piece.lstrip()))
            spans.append((offset + start, offset + start + len(stripped)))
    return spans


def _glued(text: str, start: int = 0, end: int | None = None) -> list[int]:
    end = len(text) if end is None else end
    return [
        m.end()
        for m in _GLUED.finditer(text, start, end)
        if _GLUED_AFTER.search(text, max(0, m.start() - 2), m.start())
    ]


def _plain(text: str) -> list[int]:
    return [
        m.end() for m in _PLAIN_BOUNDARY.finditer(text) if _PLAIN_AFTER.search(text, max(0, m.start() - 2), m.start())
    ]


def _segment_block(text: str, offset: int, proposed: list[int], raw: str | None = None) -> list[Span]:
    """Statements of one block; cut points are found in ``text``, the spans trimmed in ``raw``
    (the block as it is, when ``text`` is its ``_visible`` form)."""
    cuts = set()
    for cut in set(proposed).union(_plain(text)):
        repaired = _repair_cut(text, cut)
        if repaired is not None:
            cuts.add(repaired)
    cuts.update(_glued(text))
    return _partition(text if raw is None else raw, offset, cuts)


#: A run of more than 8 marks (no letters, digits or spaces). The backends slow down on such runs
#: (blingfire: about 6 s per MB of full stops), so they see its first 3 marks and spaces after.
_MARK_RUN = re.compile(r"[^\w\s]{9,}")


def _calm(text: str) -> str:
    """``text`` with long runs of marks shortened to three, padded with spaces (same length)."""
    return _MARK_RUN.sub(lambda m: m.group()[:3] + " " * (len(m.group()) - 3), text)


def _proposals(text: str, blocks: list[Span], backend: Callable[[str], list[int]]) -> list[list[int]]:
    """Backend sentence starts per block (relative), from one backend call over all blocks."""
    if not blocks:
        return []
    region_start = blocks[0][0]
    starts = [region_start + s for s in backend(_calm(text[region_start : blocks[-1][1]]))]
    proposals, i = [], 0
    for start, end in blocks:
        while i < len(starts) and starts[i] < start:
            i += 1
        mine = []
        while i < len(starts) and starts[i] < end:
            mine.append(starts[i] - start)
            i += 1
        proposals.append(mine)
    return proposals


def line_blocks(text: str) -> list[Span]:
    """Every non-blank line, stripped: the simplest body blocks, for raw text without a cleaner."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:[^\n]*\S)?", text)]


def split_statements(text: str, blocks: Iterable[Span], segmenter: str = "blingfire") -> list[Span]:
    """Sentences of the body blocks as (start, end) offsets into ``text``.

    Each span lies inside one block, has no surrounding whitespace, and only whitespace
    separates consecutive spans of a block.
    """
    try:
        backend = BACKENDS[segmenter]
    except KeyError:
        raise ValueError(f"unknown segmenter {segmenter!r}; use one of {', '.join(BACKENDS)}") from None
    blocks = sorted(blocks)
    visible = _visible(text)
    spans: list[Span] = []
    for (start, end), proposed in zip(blocks, _proposals(visible, blocks, backend)):
        block_spans = _segment_block(visible[start:end], start, proposed, text[start:end])
        previous = start
        for s, e in block_spans:
            assert not text[previous:s].strip(), f"non-space text lost between statements at {previous}:{s}"
            previous = e
        assert not text[previous:end].strip(), f"non-space text lost at the end of block {start}:{end}"
        spans.extend(block_spans)
    return spans


ERROR_KINDS = ("abbreviation_splits", "dangling_open_quotes", "orphan_close_quotes", "glued_missed", "plain_missed")


def _known_errors(text: str, spans: list[Span]) -> dict[str, int]:
    """Count the mistakes the repair pass targets, in raw backend output or after repair."""
    errors = dict.fromkeys(ERROR_KINDS, 0)
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        head, tail = text[s1:e1], text[s2:]
        if _TITLE_END.search(head) or (_INITIALISM_END.search(head) and tail[:1].islower()):
            errors["abbreviation_splits"] += 1
        if head[-1:] in OPENING_QUOTES or (head[-1:] in STRAIGHT_QUOTES and _is_opening_straight(head, len(head) - 1)):
            errors["dangling_open_quotes"] += 1
        if tail[:1] in CLOSING_QUOTES or (tail[:1] in STRAIGHT_QUOTES and tail[1:2].isspace()):
            errors["orphan_close_quotes"] += 1
    for s, e in spans:
        errors["glued_missed"] += sum(1 for cut in _glued(text, s, e) if cut < e)
        errors["plain_missed"] += sum(
            1 for cut in _plain(text[s:e]) if cut < e - s and _repair_cut(text[s:e], cut) is not None
        )
    return errors


def _raw_spans(text: str, blocks: list[Span], backend: Callable[[str], list[int]]) -> list[Span]:
    spans = []
    for (start, end), proposed in zip(blocks, _proposals(text, blocks, backend)):
        spans.extend(_partition(text[start:end], start, proposed))
    return spans


#: Characters of body text the segmenter comparison and the disagreement table read. They run
#: every segmenter a second time, so a larger corpus is compared on a deterministic sample: the
#: first documents (in doc_id order when they are keyed by id) up to this many characters.
SAMPLE_CHARS = 1_000_000


def _block_chars(blocks) -> int:
    return sum(e - s for s, e in blocks)


def sample(docs, max_chars: int | None = SAMPLE_CHARS):
    """The documents the comparisons read, and a note saying whether that is a sample.

    ``docs`` is a list of ``(text, blocks)`` (kept in the order given) or a mapping
    ``doc_id -> (text, blocks)`` (taken in doc_id order when it has to be cut). Everything is
    kept when the body text fits in ``max_chars`` (``None``: no limit); otherwise the first
    documents up to ``max_chars`` characters (at least one). The note is ``""`` when nothing was
    left out."""
    keyed = isinstance(docs, dict)
    items = list(docs.items()) if keyed else list(enumerate(docs))
    sizes = [_block_chars(blocks) for _, (_, blocks) in items]
    total = sum(sizes)
    if max_chars is None or total <= max_chars:
        return (dict(items) if keyed else [d for _, d in items]), ""
    if keyed:
        order = sorted(range(len(items)), key=lambda i: str(items[i][0]))
    else:
        order = list(range(len(items)))
    kept, used = [], 0
    for i in order:
        if kept and used + sizes[i] > max_chars:
            break
        kept.append(i)
        used += sizes[i]
    chosen = [items[i] for i in kept]
    where = "in doc_id order" if keyed else "in corpus order"
    note = (
        f"Measured on a sample: the first {len(chosen):,} of {len(items):,} documents ({where}), "
        f"{used:,} of {total:,} characters of body text (the comparison reads at most "
        f"{max_chars:,}: `segment.SAMPLE_CHARS`)."
    )
    return (dict(chosen) if keyed else [d for _, d in chosen]), note


def _mark(table: pd.DataFrame, note: str, n_docs: int, n_total: int) -> pd.DataFrame:
    """``table.attrs``: ``sample_note`` ("" when every document was read), ``documents`` read and
    ``documents_total``."""
    table.attrs.update(sample_note=note, sampled=bool(note), documents=n_docs, documents_total=n_total)
    return table


def compare_segmenters(texts_and_blocks, repeat: int = 3, max_chars: int | None = SAMPLE_CHARS) -> pd.DataFrame:
    """One row per backend, raw and repaired: sentence counts, known-error counts, speed.

    ``texts_and_blocks``: ``(text, blocks)`` pairs, or a mapping ``doc_id -> (text, blocks)``.
    A corpus with more than ``max_chars`` characters of body text is compared on a sample
    (see ``sample``); ``table.attrs["sample_note"]`` then says so (it is ``""`` otherwise)."""
    everything = texts_and_blocks if isinstance(texts_and_blocks, dict) else list(texts_and_blocks)
    chosen, note = sample(everything, max_chars)
    docs = list(chosen.values()) if isinstance(chosen, dict) else chosen
    n_chars = sum(_block_chars(blocks) for _, blocks in docs)
    rows = []
    for name, backend in BACKENDS.items():
        for variant in ("raw", "repaired"):
            run = (
                (lambda t, b, backend=backend: _raw_spans(t, b, backend))
                if variant == "raw"
                else (lambda t, b, name=name: split_statements(t, b, name))
            )
            best = float("inf")
            for _ in range(repeat):
                t0 = time.perf_counter()
                results = [run(text, blocks) for text, blocks in docs]
                best = min(best, time.perf_counter() - t0)
            errors = dict.fromkeys(ERROR_KINDS, 0)
            lengths = []
            for (text, _), spans in zip(docs, results):
                for key, value in _known_errors(text, spans).items():
                    errors[key] += value
                lengths.extend(e - s for s, e in spans)
            rows.append(
                {
                    "segmenter": name,
                    "variant": variant,
                    "sentences": len(lengths),
                    "mean_chars": round(sum(lengths) / max(len(lengths), 1), 1),
                    **errors,
                    "known_errors": sum(errors.values()),
                    "mb_per_s": round(n_chars / 1e6 / best, 2) if best > 0 else float("nan"),
                }
            )
    return _mark(pd.DataFrame(rows), note, len(docs), len(everything))


def variant_spans(text: str, blocks: list[Span]) -> dict[str, list[Span]]:
    """Each backend's sentences, raw and repaired, keyed ``"<backend> <variant>"``."""
    spans = {}
    for name, backend in BACKENDS.items():
        spans[f"{name} raw"] = _raw_spans(text, blocks, backend)
        spans[f"{name} repaired"] = split_statements(text, blocks, name)
    return spans


def disagreements(docs: dict[str, tuple[str, list[Span]]], max_chars: int | None = SAMPLE_CHARS) -> pd.DataFrame:
    """Sentences that not every variant produced: where the segmenters actually differ.

    A corpus with more than ``max_chars`` characters of body text is read on a sample: the first
    documents in doc_id order (see ``sample``); ``table.attrs["sample_note"]`` then says so."""
    chosen, note = sample(dict(docs), max_chars)
    rows = []
    for doc_id, (text, blocks) in chosen.items():
        by_variant = variant_spans(text, sorted(blocks))
        every = set.intersection(*(set(s) for s in by_variant.values()))
        for span in sorted(set().union(*by_variant.values()) - every):
            made_by = [name for name, spans in by_variant.items() if span in set(spans)]
            rows.append(
                {
                    "doc_id": doc_id,
                    "start": span[0],
                    "end": span[1],
                    "produced_by": ", ".join(made_by),
                    "text": text[span[0] : span[1]],
                }
            )
    table = pd.DataFrame(rows, columns=["doc_id", "start", "end", "produced_by", "text"])
    return _mark(table, note, len(chosen), len(docs))
