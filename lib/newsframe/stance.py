"""Stance of a statement toward the claim under study: affirm, deny, hedge, or '' (not about it).

Lexicon rules rather than a classifier: the codebook's terms and cue lists make each label
explainable ("deny because 'categorically reject'"), and a new corpus swaps the lists.

Decisions, in order:
1. A statement is about the claim if it touches every required term set of the codebook
   claim (for the seeds: a weapon, and a supply action or Iran or Russia), unless a claim
   action is done by another party: the statement names no term of the claim's ``agent`` set
   (the supplier) and the action's subject is some other proper name ("Tajikistan too is
   providing Russia with drones"). A statement that never names the terms is about the claim
   when it refers back to it ("such a transfer", "these deliveries": an anaphoric determiner
   and a ``reference`` term) under a hedge cue ("if confirmed, this delivery would ...").
   Otherwise ''.
2. deny: a deny cue that is not negated, or a negated claim action ("has never given",
   "there has been no transfer"). A negated deny cue ("has not denied", "without denying")
   is *not* a denial: it is dropped, and the statement is judged on what remains, which
   usually makes it 'affirm' (the supply is reported and nobody rejects it).
3. hedge: a hedge cue ("if confirmed", "potential", "would"), or a deny cue put as one of two
   options ("to support or refute the reports", "confirm or deny"): the question is open.
4. affirm: otherwise; the claim is asserted or reported as fact.
``hedged`` is True whenever a hedge cue occurs, about the claim or not.
"""

from __future__ import annotations

import re

from .actors import Caseless, trie_pattern
from .codebook import Codebook

_WINDOW_WORDS = 3  # how far back a negation reaches ("has not and will not provide")
# Determiners that make a noun point back to something already said ("such a transfer").
_ANAPHORIC = r"(?:this|that|these|those|such(?:\s+an?)?|any|alleged|the\s+(?:alleged|reported|potential|possible))"
# The proper name right before a verb, over auxiliaries, negation and focus adverbs.
_SUBJECT_BEFORE = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w’'-]*)\s+(?:(?:is|are|was|were|has|have|had|does|do|did|will|would|not|never|"
    r"too|also|already|now|still|reportedly|been|be|being)\s+)*$"
)
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "this", "that", "these", "those", "there", "the"}
_EITHER_OR = re.compile(r"\bor\s+$|^\s+or\b")


def _char(ch: str) -> str:
    return {" ": r"\s+", "'": "['’]"}.get(ch, re.escape(ch))


def _phrases(words) -> Caseless | None:
    words = {" ".join(w.lower().replace("’", "'").split()) for w in words if w.strip()}
    if not words:
        return None
    return Caseless(rf"(?<![\w-])(?:{trie_pattern(words, _char)})(?![\w-])")


class _Rules:
    def __init__(self, codebook: Codebook):
        claim = codebook.claim or {}
        terms = claim.get("terms", {})
        # One pattern per required group (any word of any of its sets), searched in turn, so a
        # statement without the first group's terms costs one scan.
        self.required = [
            _phrases(w for name in alternatives for w in terms.get(name, ()))
            for alternatives in claim.get("require", ())
        ]
        self.action = _phrases(terms.get("action", ()))
        self.agent = _phrases(terms.get(claim.get("agent", ""), ()))
        self.parties = _phrases(w for words in terms.values() for w in words)
        references = terms.get("reference", ())
        self.reference = (
            Caseless(
                rf"(?<![\w-]){_ANAPHORIC}\s+(?:[\w’'-]+\s+){{0,2}}?(?:{trie_pattern({w.lower() for w in references}, _char)})(?![\w-])"
            )
            if references
            else None
        )
        lex = codebook.lexicons
        self.deny, self.hedge = _phrases(lex.get("deny", ())), _phrases(lex.get("hedge", ()))
        self.negation = _phrases(lex.get("negation", ()))

    def about_claim(self, text: str) -> bool:
        if not self.required or not all(p is not None and p.search(text) for p in self.required):
            return False
        return not self.other_agent(text)

    def other_agent(self, text: str) -> bool:
        """A claim action done by a named party that is not the claim's agent."""
        if self.agent is None or self.action is None or self.agent.search(text):
            return False
        for m in self.action.finditer(text):
            subject = _SUBJECT_BEFORE.search(text, max(0, m.start() - 60), m.start())
            name = subject.group("name") if subject else ""
            if name and name.lower() not in _PRONOUNS and not self.parties.fullmatch(name):
                return True
        return False

    def refers_back(self, text: str) -> bool:
        return self.reference is not None and bool(self.reference.search(text))

    def negated(self, text: str, at: int) -> bool:
        if self.negation is None:
            return False
        window = " ".join(re.findall(r"[\w’'-]+", text[max(0, at - 60) : at])[-_WINDOW_WORDS:])
        return bool(self.negation.search(window))


def _proper_noun(text: str, m: re.Match) -> bool:
    """'May' mid-sentence is the month, not the modal: capitalised cue words only count first."""
    return text[m.start()].isupper() and bool(text[: m.start()].strip(" “\"‘'("))


_RULES: dict[int, tuple[Codebook, _Rules]] = {}


def _rules_for(codebook: Codebook) -> _Rules:
    """The compiled rules of a codebook, built once and reused, also for an equal copy."""
    cached = _RULES.get(id(codebook))
    if cached is not None and cached[0] is codebook:
        return cached[1]
    rules = next((r for cb, r in _RULES.values() if cb == codebook), None) or _Rules(codebook)
    if len(_RULES) >= 64:
        _RULES.clear()
    _RULES[id(codebook)] = (codebook, rules)
    return rules


def stance(statement_text: str, codebook: Codebook) -> tuple[str, bool]:
    """(stance, hedged) of one statement toward the codebook's claim."""
    rules = _rules_for(codebook)
    hedges = (
        [m for m in rules.hedge.finditer(statement_text) if not _proper_noun(statement_text, m)] if rules.hedge else []
    )
    hedged = any(not rules.negated(statement_text, m.start()) for m in hedges)
    if not rules.about_claim(statement_text):
        return ("hedge" if hedged and rules.refers_back(statement_text) else ""), hedged
    denials = (
        [m for m in rules.deny.finditer(statement_text) if not rules.negated(statement_text, m.start())]
        if rules.deny
        else []
    )
    open_question = [
        m
        for m in denials
        if _EITHER_OR.search(statement_text[max(0, m.start() - 4) : m.start()])
        or _EITHER_OR.search(statement_text[m.end() : m.end() + 4])
    ]
    if len(denials) > len(open_question):
        return "deny", hedged
    hedged = hedged or bool(open_question)
    if rules.action and any(rules.negated(statement_text, m.start()) for m in rules.action.finditer(statement_text)):
        return "deny", hedged
    return ("hedge" if hedged else "affirm"), hedged
