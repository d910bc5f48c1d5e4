"""Publication dates as exports write them, normalised to ISO 8601 without guessing.

Scraped corpora carry dates in many shapes: ISO 8601 with time and zone
(``2022-06-16T15:16:27Z``), RFC 2822 from feeds (``Tue, 12 Apr 2022 17:10:51 GMT``), written
dates (``April 12, 2022``, ``12 Apr 2022``, ``September 2024``), Unix timestamps, or a date in
the article's URL (``/2019/11/...``). Each becomes ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY`` when
only that much is given); the original string is kept beside it by the caller.

The calendar date is the one written, in the writer's own time zone: "2022-06-16T23:30-05:00"
is 16 June for its readers, even though it is 17 June in UTC. Numeric day/month orders
(``10/09/2024``) are refused: September or October cannot be told apart, and a wrong date is
worse than none. Written dates go through dateutil only when they name a month in words, so
dateutil's leniency never turns a stray number into a date.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from dateutil import parser as dateutil_parser

_ISO_PARTIAL = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d")
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_EPOCH = re.compile(r"\d{10}(?:\d{3})?(?:\.\d+)?")
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?/")
#: Two defaults that differ in every field: a field dateutil filled from the default differs between them.
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))
HOW = (
    "ISO 8601 (2022-04-12, 2022-04-12T17:10:51Z), RFC 2822 (Tue, 12 Apr 2022 17:10:51 GMT), "
    "a written date (12 April 2022, April 12, 2022, April 2022) or a Unix timestamp"
)


class DateError(ValueError):
    """A value that is not a date this module can read without guessing."""


def _checked(year: int, month: int | None = None, day: int | None = None) -> str:
    dt.date(year, month or 1, day or 1)  # raises ValueError for 2024-13 or 2024-02-30
    if day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def normalise(value) -> str:
    """``value`` (text, date, datetime or number) as ISO ``YYYY[-MM[-DD]]``; DateError when unreadable."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = repr(value)
    text = " ".join(str(value).split())
    try:
        return _normalise_text(text)
    except (ValueError, OverflowError) as error:
        raise DateError(f"not a date that can be read without guessing; use {HOW}") from error


def _normalise_text(text: str) -> str:
    if _ISO_PARTIAL.fullmatch(text):
        return _checked(*map(int, text.split("-")))
    if _ISO_DATETIME.match(text):
        return dt.datetime.fromisoformat(text).date().isoformat()
    year_first = _YEAR_FIRST.fullmatch(text)
    if year_first:
        return _checked(*map(int, year_first.groups()))
    if _EPOCH.fullmatch(text):
        seconds = float(text) / (1000 if len(text.split(".")[0]) == 13 else 1)
        return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()
    if _MONTH_NAME.search(text):
        rfc = email.utils.parsedate_to_datetime(text) if "," in text[:5] else None
        if rfc is not None:
            return rfc.date().isoformat()
        return _written(text)
    raise ValueError(text)


def _written(text: str) -> str:
    """A date with its month in words; fields it does not give stay out (``April 2022`` -> 2022-04)."""
    first, second = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    if first.year != second.year:
        raise ValueError(f"{text}: no year")
    day = first.day if first.day == second.day else None
    return _checked(first.year, first.month, day)


def from_url(url: str) -> str:
    """The date in an article URL's path (``/2019/11/`` or ``/2019/11/30/``), else ''."""
    found = _URL_DATE.search(str(url or ""))
    if not found:
        return ""
    year, month, day = found.groups()
    try:
        return _checked(int(year), int(month), int(day) if day else None)
    except ValueError:
        return ""
