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


#: An escaped underscore inside a word ("doc\\_id"), which emphasis can never use.
_INTRAWORD = re.compile(r"(?<=[^\W_])\\_(?=[^\W_])")


def inline(text, quote: bool = False, intraword: bool = False) -> str:
    """Text safe inline in Markdown and HTML: line breaks as spaces, entities escaped (quotes too
    with ``quote``), Markdown syntax (emphasis, links, code, table pipes) backslashed, no autolinks.
    ``intraword`` leaves underscores inside a word as they are (they cannot start emphasis)."""
    text = _BREAKS.sub(" ", str(text))
    text = _AUTOLINK.sub(lambda m: "\\" + m.group(), _SYNTAX.sub(r"\\\1", text))
    if intraword:
        text = _INTRAWORD.sub("_", text)
    return html.escape(text, quote=quote)


def escape(text) -> str:
    """A drop-in for ``html.escape`` in Markdown summaries: ``inline`` with quotes as entities and
    ids such as ``004_16fce98a`` left as they read."""
    return inline(text, quote=True, intraword=True)


def code(identifier) -> str:
    """An id (doc id, statement id) as inline code nothing in it can end: whitespace runs (line
    breaks too) become one space, backticks an apostrophe, ``|`` is backslashed (tables split on it
    even inside code). HTML inside a code span is shown, not run."""
    text = re.sub(r"\s+", " ", str(identifier)).replace("`", "'").replace("|", "\\|")
    return "`" + text + "`"
