"""Counted things in statements ("about 450 drones", "hundreds of Fath-360 missiles").

Outlets often differ on the numbers of one story (200 missiles here, hundreds there); keeping
each number with its qualifier, the thing counted and its raw offsets lets later stages line
them up. Dates, years, model names (Fath-360) and numbers without a counted noun are skipped.
"""

from __future__ import annotations

import re

from .actors import Caseless

_QUALIFIERS = (
    r"about|approximately|around|roughly|nearly|almost|some|more than|over|at least|up to|"
    r"fewer than|less than|as many as|as much as|an estimated|close to|upwards of"
)
_VAGUE = {
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 100.0,
    "thousands": 1000.0,
    "millions": 1e6,
    "tens of thousands": 1e4,
}
_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "a dozen": 12,
}
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_FIRST_CHARS = "".join(sorted({w[0] for w in (*_VAGUE, *_WORDS)}))
_NUMBER = Caseless(  # the look-ahead on the first character rejects most positions at once
    rf"(?=[\d{_FIRST_CHARS}])(?<![\w.,-])(?:(?P<vague>tens of thousands|dozens|scores|hundreds|thousands|millions)\s+of"
    rf"|(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?P<scale>hundred|thousand|million|billion))?"
    rf"|(?P<word>{'|'.join(sorted(_WORDS, key=len, reverse=True))}))(?![\w-])"
)
# Read backwards from the number: looking for a qualifier only where a number is, is fast.
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w-])(?P<qual>{_QUALIFIERS})\s+$", re.I)
# Words that end the description of the counted thing.
_STOP = {
    "had",
    "have",
    "has",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "to",
    "of",
    "in",
    "on",
    "at",
    "from",
    "for",
    "that",
    "which",
    "who",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "by",
    "with",
    "into",
    "since",
    "during",
    "over",
    "under",
    "per",
    "than",
    "as",
    "be",
    "been",
    "being",
    "its",
    "their",
    "his",
    "her",
    "this",
    "these",
    "those",
    "said",
    "says",
    "including",
    "across",
    "toward",
    "towards",
    "against",
    "after",
    "before",
    "ago",
    "earlier",
    "later",
    "each",
}
_NOT_COUNTED = {"years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "percent", "times", "%"}
_UNIT_WORD = re.compile(r"\s+((?:[A-Za-z]\.){2,}|[\w’'-]+)")  # "U.S." is one word, not "U"
_CLOCK_AFTER = re.compile(r"\s*[ap]\.?m\.?(?![\w])", re.I)  # "3:45 p.m.": a time, not a count
_MONTH_BEFORE = re.compile(rf"(?:{_MONTHS})\s*$")
_BACK_REFERENCE = re.compile(r"\b(?:the|these|those|both)\s*$", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_UNIT_WORDS = 4


def _value(m: re.Match) -> float:
    if m.group("vague"):
        return _VAGUE[m.group("vague").lower()]
    if m.group("word"):
        return float(_WORDS[m.group("word").lower()])
    value = float(m.group("digits").replace(",", ""))
    return value * _SCALE[m.group("scale").lower()] if m.group("scale") else value


def _unit(text: str, pos: int, end: int) -> tuple[str, int]:
    words, cursor = [], pos
    while len(words) < _MAX_UNIT_WORDS:
        m = _UNIT_WORD.match(text, cursor, end)
        word = m.group(1) if m else ""
        if not m or word.lower() in _STOP or word[0].isdigit() or (words and word.endswith("ed")):
            break  # "200 missiles arrived": a verb after the noun ends it
        words.append(word)
        cursor = m.end()
    return " ".join(words), cursor


def extract_quantities(text: str, statements: list[tuple[int, int]]) -> list[dict]:
    """One row per counted quantity: statement (index), number, number_text, qualifier,
    approximate, unit, start, end (raw offsets of the whole phrase)."""
    rows = []
    number, searched = _NUMBER.prepared(text)  # the groups read below are the same in lower case
    for index, (start, end) in enumerate(statements):
        for m in number.finditer(searched, start, end):
            before = text[max(start, m.start() - 12) : m.start()]
            if _MONTH_BEFORE.search(before):
                continue  # "September 4"
            if m.group("word") and _BACK_REFERENCE.search(before):
                continue  # "the two countries" refers back, it does not count
            if _CLOCK_AFTER.match(text, m.end(), end):
                continue
            unit, unit_end = _unit(text, m.end(), end)
            if not unit or unit.lower().split()[-1] in _NOT_COUNTED:
                continue
            if m.group("digits") and _YEAR.fullmatch(m.group("digits")):
                continue  # a year
            qual = _QUALIFIER_BEFORE.search(text, max(start, m.start() - 20), m.start())
            first = qual.start() if qual else m.start()
            qualifier = (qual.group("qual") if qual else m.group("vague") or "").lower()
            rows.append(
                {
                    "statement": index,
                    "number": _value(m),
                    "number_text": text[first : m.end()],
                    "qualifier": qualifier,
                    "approximate": bool(qualifier),
                    "unit": unit,
                    "start": first,
                    "end": unit_end,
                }
            )
    return rows
