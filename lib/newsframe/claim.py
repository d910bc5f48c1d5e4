"""The claim under study as one sentence: "Iran supplies drones and missiles to Russia".

A researcher knows the claim before they know its vocabulary. Its term sets are derived from
the sentence: the agent (the words before the verb) and the recipient (after "to") with every
name the gazetteer gives their side (Iran -> Iranian, Tehran, Islamic Republic), the action (the
verb's forms, and general English verbs of handing over when the verb is one), and the object (the
nouns between, singular and plural, without prepositions and place names). A statement is about
such a claim only when it names an object, an action and the agent or recipient, so "Russian
chemical weapons" or "HIMARS for Ukraine" are not.
A codebook's own term lists still win; the stance lexicons fall back to general English ones.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import yaml

from .codebook import Codebook
from .sides import gazetteer

LEXICONS = Path(__file__).with_name("data") / "lexicons.yml"
_SIDE_KINDS = ("country", "demonym", "capital", "institution", "organisation")


@lru_cache(maxsize=1)
def _general() -> dict:
    return yaml.safe_load(LEXICONS.read_text(encoding="utf-8"))


def _verb_forms(verb: str) -> set[str]:
    """supplies -> supply, supplies, supplied, supplying, supplier (regular English)."""
    base = verb.lower()
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ing", "")):
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            base = base[: -len(suffix)] + repl
            break
    stem = base[:-1] + "i" if base.endswith("y") else base.rstrip("e")
    forms = {
        base,
        base + "s",
        stem + "es" if base.endswith("y") else base + "s",
        stem + "ed",
        base.rstrip("e") + "ing",
        stem + "er",
    }
    if base.endswith("y"):
        forms |= {stem + "es", stem + "ed", base + "ing", stem + "er"}
    if verb.lower().endswith(("ed", "ing")) and not base.endswith("e"):
        forms |= {base + "e", base + "es"}  # "interfered" -> interfere, interferes
    return forms


def _noun_forms(noun: str) -> set[str]:
    noun = noun.lower()
    singular = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    return {singular, singular + "s"}


def _names_of(party: str) -> set[str]:
    """Every name the gazetteer gives the side a party names ('Iran' -> Iranian, Tehran, ...)."""
    places = gazetteer()
    found = places.find(party)
    names = {party.strip()}
    for _, _, place in found:
        names |= {phrase for phrase, p in places.phrases.items() if p.side == place.side and p.kind in _SIDE_KINDS}
    return {n for n in names if n}


#: Words between a claim's verb and its object that are no object ("interfered in the US election").
_PREPOSITIONS = frozenset({"in", "on", "at", "about", "against", "over", "from", "by", "during", "through", "across"})


def terms_from_sentence(sentence: str) -> dict:
    """The claim mapping (terms, require, agent, label) of one claim sentence."""
    general = _general()
    words = sentence.strip().rstrip(".").split()
    verb_at = next((i for i, w in enumerate(words) if w[:1].islower() and i > 0), None)
    if verb_at is None:
        return {"label": sentence, "sentence": sentence, "terms": {"object": tuple(_noun_forms(w) for w in words)}}
    agent = " ".join(words[:verb_at])
    rest = words[verb_at + 1 :]
    to_at = next((i for i, w in enumerate(rest) if w.lower() in ("to", "for", "into", "with")), len(rest))
    recipient = " ".join(rest[to_at + 1 :])
    stop = set(general["function_words"]) | _PREPOSITIONS
    objects = {
        form
        for w in rest[:to_at]
        if w.lower() not in stop and not gazetteer().find(w)  # "in the US election": the election
        for form in _noun_forms(re.sub(r"\W", "", w))
    }
    verb = _verb_forms(words[verb_at])
    handing_over = bool(verb & set(general["handing_over"]))  # "supplies", not "interfered"
    action = verb | set(general["handing_over"]) if handing_over else verb
    terms = {
        "agent": tuple(sorted(_names_of(agent))),
        "action": tuple(sorted(action)),
        "object": tuple(sorted(o for o in objects if o)),
    }
    require = [["object"], ["action"], ["agent"]]
    if recipient:
        terms["recipient"] = tuple(sorted(_names_of(recipient)))
        require[-1].append("recipient")
    terms["reference"] = tuple(sorted(set(general["references"]) if handing_over else {"involvement"}))
    return {
        "label": sentence,
        "sentence": sentence,
        "agent": "agent",
        "terms": terms,
        "require": tuple(tuple(r) for r in require),
    }


def with_claim(codebook: Codebook, sentence: str = "") -> Codebook:
    """The codebook with a claim given as a sentence (here, or as ``claim: "..."`` or
    ``claim: {sentence: ...}`` in the codebook), and general stance lexicons where it has none."""
    claim = dict(codebook.claim or {})
    sentence = sentence or claim.get("sentence", "")
    if sentence and (not claim.get("terms") or sentence != claim.get("sentence")):
        claim = {**terms_from_sentence(sentence), "derived": True}
    lexicons = dict(codebook.lexicons)
    if claim:
        for name in ("deny", "hedge", "affirm", "negation"):
            lexicons.setdefault(name, tuple(_general()[name]))
    if claim == codebook.claim and lexicons == codebook.lexicons:
        return codebook
    return replace(codebook, claim=claim, lexicons=lexicons)


def describe(codebook: Codebook) -> str:
    """One line on the claim a run measures stance against, for the pages."""
    claim = codebook.claim or {}
    if not claim:
        return (
            "No claim under study was given (no codebook claim, no `claim` parameter): every stance is empty "
            'and every lead frame neutral. Give one as a sentence, e.g. `claim: "Iran supplies drones to Russia"`.'
        )
    how = "derived from the sentence" if claim.get("derived") else "from the codebook's term lists"
    return f"Claim under study: \u201c{claim.get('label', '')}\u201d (terms {how})."
