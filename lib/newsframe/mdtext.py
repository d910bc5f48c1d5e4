"""Untrusted text (corpus strings, file names, codebook entries) placed inside Markdown.

Markdown is code: a file name with a line break can start a heading, a ``|`` splits a table
cell, ``[x](url)`` makes a live link and a bare ``http://`` an autolink. Every string a
report writes into Markdown goes through ``inline`` (prose, table cells) or ``code`` (ids).
"""

from __future__ import annotations

import html
import re

#: Markdown syntax that corpus text could use to format, link or break out: backslashed.
_SYNTAX = re.compile(r"([\\`*_\[\]~|])")
#: What would start a bare-URL autolink (GFM): its punctuation gets a backslash.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=www)(\.)")
#: Line breaks with the spaces around them: one space, so text never starts a heading, list or block.
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]\s*")


def inline(text, quote: bool = False) -> str:
    """Text safe inline in Markdown and HTML: line breaks as spaces, entities escaped (quotes too
    with ``quote``), Markdown syntax (emphasis, links, code, table pipes) backslashed, no autolinks."""
    text = _BREAKS.sub(" ", str(text))
    text = _AUTOLINK.sub(lambda m: "\\" + m.group(), _SYNTAX.sub(r"\\\1", text))
    return html.escape(text, quote=quote)


def escape(text) -> str:
    """``inline`` with quotes as entities too: a drop-in for ``html.escape`` in Markdown summaries."""
    return inline(text, quote=True)


def code(identifier) -> str:
    """An id (doc id, statement id) as inline code nothing in it can end: whitespace runs (line
    breaks too) become one space, backticks an apostrophe, ``|`` is backslashed (tables split on it
    even inside code). HTML inside a code span is shown, not run."""
    text = re.sub(r"\s+", " ", str(identifier)).replace("`", "'").replace("|", "\\|")
    return "`" + text + "`"
