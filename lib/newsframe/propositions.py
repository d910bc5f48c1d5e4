"""What a statement asserts, without who asserts it: the attribution frame is stripped.

"Iran's mission said on Friday that Tehran's position was unchanged" and "Tehran's position is
unchanged, the mission said" assert the same thing; the speaker and the reporting verb are
attributes of the statement (stage 2's ``speaker`` and ``cue``), not part of the proposition.
Claims are clustered on this content, and a claim's label is the content of its most central
statement, so labels read as propositions rather than word lists.

Rules, from stage 2's ``cue`` (nothing when the statement is the article's own voice):

- a direct quotation: the quoted words;
- "according to X, P" -> P; "P, according to X" -> P;
- "X said (on Monday) that P" -> P (a ``that`` within a few words after the cue);
- "P, X said" (the cue in the last third of the sentence) -> P;
- otherwise the words after the cue ("X said it was deeply concerned" -> "it was deeply concerned").
"""

from __future__ import annotations

import re

import pandas as pd

_QUOTED = re.compile(r"[“\"]([^”\"]{12,})[”\"]?")
_THAT = re.compile(r"^[^.;:“\"]{0,48}?\bthat\s+", re.I)
_LEADING = re.compile(
    r"^[\s,:;—–-]+|^(?:on|in|last|this|earlier|late|early)\b[^,]{0,30}?,\s*|"
    r"^(?:on|last|this|earlier this|late|early)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|week|month|year|morning|evening|night)\b\s*",
    re.I,
)
#: Longest label, in words; longer contents are cut at a clause boundary or here.
LABEL_WORDS = 14


def content(text: str, cue: str = "", quote: str = "") -> str:
    """``text`` without its attribution frame (see the module docstring); ``text`` when none is found."""
    text = str(text or "").strip()
    cue = str(cue or "").strip()
    if not cue:
        return text
    if str(quote or "") == "direct":
        quoted = " ".join(m.group(1).strip(" ,.") for m in _QUOTED.finditer(text))
        if quoted:
            return quoted
    at = text.lower().find(cue.lower())
    if at < 0:
        return text
    before, after = text[:at].rstrip(" ,"), text[at + len(cue) :]
    if cue.lower() == "according to":
        if at <= 20 or not before:
            comma = after.find(",")
            return _tidy(after[comma + 1 :] if comma >= 0 else after)
        return _tidy(before)
    that = _THAT.match(after)
    if that:
        return _tidy(after[that.end() :])
    if at > len(text) * 2 / 3 and "," in before:
        return _tidy(before[: before.rfind(",")])
    return _tidy(_LEADING.sub("", after, count=2)) or text


def _tidy(text: str) -> str:
    text = _LEADING.sub("", text.strip()).strip(" ,;:")
    return text[:1].upper() + text[1:] if text else text


def contents(statements: pd.DataFrame) -> pd.Series:
    """``content`` for every row of stage 2's statements table."""
    get = lambda name: (
        statements[name].fillna("").astype(str).tolist() if name in statements else [""] * len(statements)
    )
    return pd.Series(
        [content(t, c, q) for t, c, q in zip(get("text"), get("cue"), get("quote"))],
        index=statements.index,
        dtype=object,
    )


def label(text: str, words: int = LABEL_WORDS) -> str:
    """A short proposition: the content up to its first clause boundary after a few words, at most
    ``words`` words (an ellipsis says it was cut)."""
    text = " ".join(str(text or "").split()).rstrip(".")
    tokens = text.split(" ")
    if len(tokens) <= words:
        return text
    cut = words
    for i in range(6, words):
        if tokens[i - 1].endswith((",", ";", ":")) or tokens[i] in ("and", "but", "while", "which", "as", "because"):
            cut = i
            break
    return " ".join(tokens[:cut]).rstrip(",;:") + " …"
