"""Site boilerplate by repetition: text an outlet repeats verbatim across many of its documents.

A site's furniture ("Sign up for our newsletter", a footer, a stock sign-off) recurs word for word
in a large share of one outlet's articles, whatever its shape. Counting needs the whole corpus, so
it runs first, in one linear pass (``count_units``): every line of every document, and every
sentence of those lines (``boilerplate.sentence_units``), is whitespace-normalised and hashed
(8-byte BLAKE2b: deterministic across processes, unlike ``hash``), and each outlet counts in how
many of its documents each hash occurs. Only hashes that reach the threshold are kept
(``Repeats``), so what travels to the per-document cleaning is small.

The threshold: at least ``min_docs`` documents (default 5) *and* at least ``min_share`` of the
outlet's documents (default 2%). Documents without an outlet are each their own outlet, so the
rule never fires for them (the seeds); copies of an earlier document (``duplicate_of``) are not
counted, so a re-scraped article does not make its own sentences look like furniture.

What happens to a repeated unit (the decision, and why):

- **short or not a sentence** (fewer than ``MIN_CONTENT_WORDS`` words, or no sentence-ending
  punctuation): removed as ``site boilerplate (repeated)``, with ``detail`` saying
  "in N of M OUTLET documents". Furniture is short and rarely a full sentence.
- **a long sentence-like paragraph** (a whole body block): kept as body, because an outlet that
  reuses a background paragraph ("The war began in ...") still says it; the block is marked with
  ``repeated_in`` (how many of the outlet's documents carry it) and ``first_doc`` (the first of
  them in corpus order), so later comparisons can count it once.
- a repeated sentence counts only when it is a whole block or stands at a block's start or end
  (where furniture is glued); a repeated sentence inside a paragraph is left alone, since that is
  where quotes shared by several versions of one story sit.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .boilerplate import sentence_units

REPEATED = "site boilerplate (repeated)"
RULES = {
    REPEATED: "a line or sentence that recurs verbatim (after whitespace normalisation) in at least "
    "{min_docs} and {min_share:.0%} of one outlet's documents, and is short (under {min_words} words) or "
    "no sentence; a long repeated paragraph is kept and marked (body_blocks.repeated_in, first_doc)",
}
MIN_DOCS = 5
MIN_SHARE = 0.02
#: A repeated unit of at least this many words that ends like a sentence is content, not furniture.
MIN_CONTENT_WORDS = 15
RULES[REPEATED] = RULES[REPEATED].format(min_docs=MIN_DOCS, min_share=MIN_SHARE, min_words=MIN_CONTENT_WORDS)

_LINE = re.compile(r"[^\r\n]+")


def digest(unit: str) -> bytes:
    """The unit, whitespace-normalised, as an 8-byte hash."""
    return hashlib.blake2b(" ".join(unit.split()).encode("utf-8", "surrogatepass"), digest_size=8).digest()


def unit_digests(text: str) -> list[bytes]:
    """The distinct hashes of every line and every sentence of a line of ``text``, sorted."""
    found = set()
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        found.add(digest(line))
        units = sentence_units(text, *match.span())
        if len(units) > 1:
            found.update(digest(text[s:e]) for s, e in units)
    return sorted(found)


@dataclass
class OutletRepeats:
    """The repeated units of one outlet: hash -> (documents carrying it, first of them)."""

    outlet: str
    n_docs: int
    units: dict[bytes, tuple[int, str]] = field(default_factory=dict)

    def lookup(self, unit: str) -> tuple[int, str] | None:
        return self.units.get(digest(unit)) if self.units else None


def count_units(
    docs: list[tuple[str, str, str, bool]],
    digests: list[list[bytes]],
    min_docs: int = MIN_DOCS,
    min_share: float = MIN_SHARE,
) -> dict[str, OutletRepeats]:
    """Per outlet, the units that reach the threshold.

    ``docs`` are (doc_id, outlet, text, is_copy) in corpus order and ``digests`` their
    ``unit_digests``; an empty outlet is no outlet."""
    by_outlet: dict[str, list[int]] = {}
    for i, (_, outlet, _, copy) in enumerate(docs):
        if outlet and not copy:
            by_outlet.setdefault(outlet, []).append(i)
    result: dict[str, OutletRepeats] = {}
    for outlet, members in by_outlet.items():
        needed = max(min_docs, min_share * len(members))
        if len(members) < needed:
            continue
        counts: dict[bytes, int] = {}
        first: dict[bytes, int] = {}
        for i in members:
            for h in digests[i]:
                n = counts.get(h, 0)
                if not n:
                    first[h] = i
                counts[h] = n + 1
        repeated = {h: (n, docs[first[h]][0]) for h, n in counts.items() if n >= needed}
        if repeated:
            result[outlet] = OutletRepeats(outlet, len(members), repeated)
    return result


#: A repeated sentence inside a block needs at least this many words (a whole block needs none).
MIN_UNIT_WORDS = 3


def is_content(unit: str) -> bool:
    """A long sentence-like unit: real text an outlet reuses, kept and marked rather than removed."""
    stripped = unit.rstrip("\"'”’»)] ")
    return len(unit.split(None, MIN_CONTENT_WORDS)) >= MIN_CONTENT_WORDS and stripped[-1:] in (".", "!", "?", "…")


def detail(count: int, repeats: OutletRepeats) -> str:
    return f"in {count} of {repeats.n_docs} {repeats.outlet} documents"
