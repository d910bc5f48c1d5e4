"""Stance of a statement toward the claim under study: affirm, deny, hedge, or '' (not about it).

Lexicon rules rather than a classifier: the codebook's terms and cue lists make each label
explainable ("deny because 'categorically reject'"), and a new corpus swaps the lists.

Decisions, in order:
1. A statement is about the claim only if it touches every required term set of the codebook
   claim (for the seeds: a weapon, a supply action, and Iran or Russia). Otherwise ''.
2. deny: a deny cue that is not negated, or a negated claim action ("has never given",
   "there has been no transfer"). A negated deny cue ("has not denied", "without denying")
   is *not* a denial: it is dropped, and the statement is judged on what remains, which
   usually makes it 'affirm' (the supply is reported and nobody rejects it).
3. hedge: a hedge cue ("if confirmed", "potential", "would").
4. affirm: otherwise; the claim is asserted or reported as fact.
``hedged`` is True whenever a hedge cue occurs, about the claim or not.
"""

from __future__ import annotations

import re

from .actors import trie_pattern
from .codebook import Codebook

_WINDOW_WORDS = 3  # how far back a negation reaches ("has not and will not provide")


def _char(ch: str) -> str:
    return {" ": r"\s+", "'": "['’]"}.get(ch, re.escape(ch))


def _phrases(words) -> re.Pattern | None:
    words = {" ".join(w.lower().replace("’", "'").split()) for w in words if w.strip()}
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(words, _char)})(?![\w-])", re.I)


class _Rules:
    def __init__(self, codebook: Codebook):
        claim = codebook.claim or {}
        terms = claim.get("terms", {})
        self.required = [
            [p for p in (_phrases(terms.get(name, ())) for name in alternatives) if p]
            for alternatives in claim.get("require", ())
        ]
        self.action = _phrases(terms.get("action", ()))
        lex = codebook.lexicons
        self.deny, self.hedge = _phrases(lex.get("deny", ())), _phrases(lex.get("hedge", ()))
        self.negation = _phrases(lex.get("negation", ()))

    def about_claim(self, text: str) -> bool:
        return bool(self.required) and all(any(p.search(text) for p in alts) for alts in self.required)

    def negated(self, text: str, at: int) -> bool:
        if self.negation is None:
            return False
        window = " ".join(re.findall(r"[\w’'-]+", text[max(0, at - 60) : at])[-_WINDOW_WORDS:])
        return bool(self.negation.search(window))


def _proper_noun(text: str, m: re.Match) -> bool:
    """'May' mid-sentence is the month, not the modal: capitalised cue words only count first."""
    return m.group()[0].isupper() and bool(text[: m.start()].strip(" “\"‘'("))


_RULES: dict[int, tuple[Codebook, _Rules]] = {}


def _rules_for(codebook: Codebook) -> _Rules:
    cached = _RULES.get(id(codebook))
    if cached is None or cached[0] is not codebook:
        cached = _RULES[id(codebook)] = (codebook, _Rules(codebook))
    return cached[1]


def stance(statement_text: str, codebook: Codebook) -> tuple[str, bool]:
    """(stance, hedged) of one statement toward the codebook's claim."""
    rules = _rules_for(codebook)
    hedges = [m for m in rules.hedge.finditer(statement_text) if not _proper_noun(statement_text, m)] if rules.hedge else []
    hedged = any(not rules.negated(statement_text, m.start()) for m in hedges)
    if not rules.about_claim(statement_text):
        return "", hedged
    if rules.deny and any(not rules.negated(statement_text, m.start()) for m in rules.deny.finditer(statement_text)):
        return "deny", hedged
    if rules.action and any(rules.negated(statement_text, m.start()) for m in rules.action.finditer(statement_text)):
        return "deny", hedged
    return ("hedge" if hedged else "affirm"), hedged
