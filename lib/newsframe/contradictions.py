"""Where outlets disagree: ``contradictions.csv``, one row per outlet pair, claim and kind of disagreement.

Between two different outlets, on one claim, incompatible positions (see ``contradictions`` for
the four kinds: denied vs not denied, fact vs denial, affirmed vs denied, conflicting numbers);
each outlet pair x claim x kind is one row with all its statements. Found from stage-2 tables,
stage-3 claims and the codebook only (no corpus strings).

**Without a claim under study** (no codebook claim, no ``claim`` parameter: a new user's first
run), and for every statement not about it, the same kinds but numbers are found from each
statement's position toward its own claim's proposition (``positions``): a denial (``deny``)
pairs with a statement of another outlet, in the same story or a linked claim, that asserts what
is denied (``_position_rows``). The codebook rules below apply to the statements about the claim.

``omissions`` keeps the coverage gaps apart (``omissions.csv``): one document carries a party's
denial; another reports the claim (stance ``affirm``, preferably attributed to a news
organisation) without mentioning any denial by that party. That is a difference in what the
outlets carry, not a disagreement.

Numbers (``_numbers``): two documents count the same thing (same counted noun and modifier, e.g.
"ballistic missiles", in statements that use a supply verb of the claim). They conflict only when
the two ranges cannot both be true ("200" vs "about 450"), both describe the same kind of event
(already delivered vs expected) and both statements belong to one stage-3 claim; overlapping
ranges are consistent. "450 drones" sent and "300 drones" shot down are not compared: the
second statement uses no supply verb.

**Whose denial is at stake.** For every deny cue of the codebook lexicon in a statement, the
denier is: the statement's speaker when the cue sits inside a quotation or is part of stage 2's
reporting cue ("has not denied", "has dismissed"); otherwise the nearest codebook actor named
before the cue ("an accusation that Moscow has not rejected", "Peskov said, without denying");
otherwise the speaker. A cue is negated when a negation word of the codebook precedes it within
three words; a cue offered as one of two alternatives ("to support or refute") is not a denial.
A statement with a negated supply action ("there has been no transfer", "has never given") is a
denial by its speaker (or by the first actor it names, in the article's own voice).

**Comparison level.** Deniers are compared by *party*: the speaker group for the groups of the
contract that are parties (Ukraine, Russia, Iran, United States, European Union, NATO), so
"Moscow", "the Kremlin" and "Dmitry Peskov" all speak for Russia; for the catch-all groups
(Other, Media) the actor itself, with an institution folded into the country actor its name or
aliases contain ("Foreign Ministry in Dushanbe" -> Tajikistan). Only parties the claim names
(an actor of the party appears among the codebook's claim terms) can contradict each other
about the claim: a third country's denial of a different supply is not the same dispute.

**Scale.** Statements are grouped once per party (denials, reports) or counted noun (numbers)
and documents are paired within a group, never by a loop over all pairs of documents. Because
the pairs themselves grow with the square of the corpus, ``contradictions`` keeps at most
``MAX_PER_DOCUMENT`` rows per first document and ``MAX_PAIRS`` rows per kind and party or noun
(see its docstring); corpora of a few dozen documents stay below both.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import mdtext
from .actors import index_for, trie_pattern
from .codebook import Codebook
from .framing import _text, claim_ids, may_contain

COLUMNS = [
    "topic",
    "doc_a",
    "statement_a",
    "doc_b",
    "statement_b",
    "kind",
    "outlet_a",
    "outlet_b",
    "claim_id",
    "actor",
    "text_a",
    "text_b",
    "explanation",
    "statements_a",
    "statements_b",
    "claim_a",
    "claim_b",
]
#: ``omissions.csv``: outlet A carries a party's denial, outlet B reports the claim and never mentions it.
OMISSION_COLUMNS = [
    "claim_id",
    "actor",
    "outlet_a",
    "doc_a",
    "statement_a",
    "outlet_b",
    "doc_b",
    "statement_b",
    "kind",
    "text_a",
    "text_b",
    "explanation",
    "statements_a",
    "statements_b",
]
OMISSION_KIND = "denial not carried"
DENIAL_COLUMNS = [
    "doc_id",
    "statement_id",
    "start",
    "text",
    "actor",
    "group",
    "party",
    "negated",
    "cue",
    "subject_rule",
    "about_claim",
]
KINDS = ("denied vs not denied", "fact vs denial", "affirmed vs denied", "conflicting numbers")
#: What ``_numbers`` finds: only the first is a contradiction (overlapping ranges are consistent).
NUMBER_KINDS = ("conflicting numbers", "differing numbers")
#: Objects of the claim too general to tell two supplies apart: a denial of "weapons" covers drones.
GENERIC_OBJECTS = {
    "weapon",
    "arm",
    "munition",
    "military equipment",
    "military support",
    "military assistance",
    "military technology",
    "military aid",
}
#: Used when the codebook has no deny or negation lexicon (a corpus without a codebook): plain English cues.
DEFAULT_DENY = (
    "deny",
    "denies",
    "denied",
    "denying",
    "denial",
    "reject",
    "rejects",
    "rejected",
    "dismiss",
    "dismissed",
    "dismisses",
    "refute",
    "refuted",
    "refutes",
    "baseless",
    "unfounded",
    "false claims",
    "fabricated",
)
DEFAULT_NEGATION = ("not", "never", "no", "n't", "without", "neither", "nor")
#: Groups of the contract that are parties in their own right (compared at group level).
CATCH_ALL_GROUPS = {"", "Other", "Media"}
#: Bounds on the rows of ``contradictions``, per kind and party (or counted noun): rows per
#: first document, and rows in all (see its docstring).
MAX_PER_DOCUMENT = 10
MAX_PAIRS = 500

# General English.
_ACCUSATION_NOUNS = re.compile(
    r"^\W*(?:(?:the|these|those|such|this|that|all|any|media|news|western|recent|its|their|his|her|"
    r"latest|new|similar)\s+){0,3}(?:accusations?|allegations?|claims?|reports?|charges?|information|assertions?|"
    r"suggestions?|rumou?rs?|stories|story)\b",
    re.I,
)
_ALTERNATIVE = re.compile(r"\b(?:or|either|whether)\s*$", re.I)
_QUOTE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
_EXPECTED = re.compile(
    r"\b(?:expect\w*|will|would|could|may|might|imminent|upcoming|preparing|prepares|plans?|planned|"
    r"planning|intends?|going to|about to|is to|are to|to be (?:delivered|sent|supplied|transferred))\b",
    re.I,
)
_WINDOW_WORDS = 3
_APPROX = {
    "about": (0.8, 1.2),
    "approximately": (0.8, 1.2),
    "around": (0.8, 1.2),
    "roughly": (0.8, 1.2),
    "some": (0.8, 1.2),
    "an estimated": (0.8, 1.2),
    "close to": (0.8, 1.0),
    "nearly": (0.8, 1.0),
    "almost": (0.8, 1.0),
}
_AT_LEAST = {"more than", "over", "at least", "upwards of"}
_AT_MOST = {"fewer than", "less than", "up to", "as many as", "as much as"}
_VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "millions": (2e6, 9.99e8),
}


def _phrases(words) -> re.Pattern | None:
    words = {" ".join(w.lower().replace("’", "'").split()) for w in words if w and w.strip()}
    if not words:
        return None
    char = lambda ch: {" ": r"\s+", "'": "['’]"}.get(ch, re.escape(ch))
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(words, char)})(?![\w-])", re.I)


def _heads(words) -> tuple[str, ...]:
    """The leading letters and digits of every phrase ``_phrases`` compiles: a match of the phrase
    pattern contains one of them (``framing.may_contain`` finds the candidates; '' means it cannot
    tell, and then every text is one)."""
    words = {" ".join(w.lower().replace("’", "'").split()) for w in words if w and w.strip()}
    return tuple(sorted(re.match(r"[a-z0-9]*", w).group() for w in words))


def _searched(texts: pd.Series, pattern: re.Pattern, heads: tuple) -> pd.Series:
    """``texts.map(lambda t: bool(pattern.search(t)))``, searched once per distinct text and only
    where ``heads`` says a match is possible."""
    unique = pd.Series(texts.unique())
    hit = np.zeros(len(unique), dtype=bool)
    candidates = may_contain(unique, heads)
    hit[candidates] = [bool(pattern.search(t)) for t in unique[candidates].tolist()]
    return texts.map(dict(zip(unique.tolist(), hit.tolist()))).astype(bool)


@dataclass(frozen=True)
class _Lexicon:
    deny: re.Pattern | None
    negation: re.Pattern | None
    action: re.Pattern | None
    claim_terms: frozenset
    label: str
    deny_heads: tuple = ()  # what every deny match starts with (see _heads)
    action_heads: tuple = ()

    @classmethod
    def of(cls, codebook: Codebook) -> _Lexicon:
        lex, claim = dict(codebook.lexicons), codebook.claim or {}
        lex.setdefault("deny", DEFAULT_DENY)
        lex.setdefault("negation", DEFAULT_NEGATION)
        terms = claim.get("terms", {})
        return cls(
            _phrases(lex.get("deny", ())),
            _phrases(lex.get("negation", ())),
            _phrases(terms.get("action", ())),
            frozenset(t.lower() for words in terms.values() for t in words),
            str(claim.get("label", "") or "the claim under study"),
            _heads(lex.get("deny", ())),
            _heads(terms.get("action", ())),
        )

    def negated(self, text: str, at: int) -> bool:
        if self.negation is None:
            return False
        window = " ".join(re.findall(r"[\w’'-]+", text[max(0, at - 60) : at])[-_WINDOW_WORDS:])
        return bool(self.negation.search(window))

    def negation_phrase(self, text: str, action: re.Match) -> str:
        """'never given', 'no transfer': from the negation word to the negated action."""
        start = max(0, action.start() - 60)
        negations = list(self.negation.finditer(text, start, action.start())) if self.negation else []
        return text[negations[-1].start() if negations else action.start() : action.end()]


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def parties(codebook: Codebook) -> dict[str, str]:
    """Canonical actor name -> party (see module docstring), for every codebook actor."""
    countries = [a for a in codebook.actors if a.kind == "country"]
    found = {}
    for actor in codebook.actors:
        if actor.group not in CATCH_ALL_GROUPS:
            found[actor.name] = actor.group
            continue
        party = actor.name
        if actor.kind != "country":
            names = " | ".join((actor.name, *actor.aliases))
            for country in countries:
                if country.group == actor.group and any(
                    re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", names, re.I)
                    for alias in (country.name, *country.aliases)
                ):
                    party = country.name
                    break
        found[actor.name] = party
    return found


def party_of(actor: str, group: str, codebook: Codebook) -> str:
    """The party an actor speaks for: its group, or for catch-all groups the (parent) actor."""
    known = parties(codebook)
    if actor in known:
        return known[actor]
    return group if group not in CATCH_ALL_GROUPS else actor


def _claim_parties(codebook: Codebook, lexicon: _Lexicon) -> set[str] | None:
    """Parties the claim names (None when the codebook has no claim terms: no restriction)."""
    if not lexicon.claim_terms:
        return None
    known = parties(codebook)
    named = set()
    for actor in codebook.actors:
        if any(name.lower() in lexicon.claim_terms for name in (actor.name, *actor.aliases)):
            named.add(known[actor.name])
    return named


def denials(statements: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Every denial and non-denial in the statements: who (actor, group, party), negated or not,
    by which cue, how the denier was found (``subject_rule``), and whether it concerns the claim.
    Sorted by doc_id and position."""
    lexicon = _Lexicon.of(codebook)
    index = index_for(codebook)
    known = parties(codebook)
    rows = []
    # a statement with no deny cue yields a row only through stance "deny": the rest is skipped unread
    # (filtered before sorting: a stable sort keeps the same order for the statements kept)
    may = (
        may_contain(statements["text"].astype(str), lexicon.deny_heads)
        if lexicon.deny
        else np.zeros(len(statements), dtype=bool)
    )
    ordered = statements[may | _text(statements, "stance").eq("deny").to_numpy()]
    ordered = ordered.sort_values([c for c in ("doc_id", "start") if c in ordered], kind="mergesort")
    # plain lists of the columns read (iterating Arrow-backed columns cell by cell is slow)
    column = lambda name, default=None: ordered[name].tolist() if name in ordered else [default] * len(ordered)
    for doc_id, sid, start, text, speaker, group, cue, stance_ in zip(
        column("doc_id"),
        column("statement_id"),
        column("start", 0),
        column("text"),
        column("speaker", ""),
        column("speaker_group", ""),
        column("cue", ""),
        column("stance", ""),
    ):
        row = (doc_id, sid, start)
        text = str(text)
        speaker, group = str(speaker or ""), str(group or "")
        cue = str(cue or "").lower()
        stance_ = str(stance_ or "")
        quotes = None  # quotations and actor mentions: looked up only for a statement with a cue
        mentions = None
        found_cue = False
        for m in lexicon.deny.finditer(text) if lexicon.deny else ():
            if _ALTERNATIVE.search(text[max(0, m.start() - 12) : m.start()]):
                continue  # "to support or refute": an alternative, not a denial
            negated = lexicon.negated(text, m.start())
            quotes = _quoted(text) if quotes is None else quotes
            in_quote = any(a <= m.start() < b for a, b in quotes)
            if speaker and (in_quote or m.group().lower() in cue):
                actor, actor_group = speaker, group
                rule = "speaker (cue inside a quotation)" if in_quote else "speaker (the reporting cue is the denial)"
            else:
                if mentions is None:
                    mentions = _mentions(index, text)
                before = [s for a, b, s in mentions if b <= m.start()]
                if before:
                    actor, actor_group, rule = before[-1].name, before[-1].group, "nearest actor named before the cue"
                elif speaker:
                    actor, actor_group, rule = speaker, group, "speaker (no actor named before the cue)"
                else:
                    continue
            about = bool(stance_) or bool(_ACCUSATION_NOUNS.match(text[m.end() : m.end() + 60]))
            shown = lexicon.negation_phrase(text, m) if negated else m.group()
            rows.append(_denial(row, text, actor, actor_group, known, negated, shown, rule, about))
            found_cue = found_cue or not negated
        if found_cue or stance_ != "deny" or lexicon.action is None:
            continue
        negated_action = next((m for m in lexicon.action.finditer(text) if lexicon.negated(text, m.start())), None)
        if negated_action is None:
            continue
        if speaker:
            actor, actor_group, rule = speaker, group, "speaker (negated supply action)"
        elif mentions := mentions if mentions is not None else _mentions(index, text):
            actor, actor_group, rule = (
                mentions[0][2].name,
                mentions[0][2].group,
                "first actor named (negated supply action)",
            )
        else:
            continue
        rows.append(
            _denial(
                row, text, actor, actor_group, known, False, lexicon.negation_phrase(text, negated_action), rule, True
            )
        )
    frame = pd.DataFrame(rows, columns=DENIAL_COLUMNS).astype({"negated": bool, "about_claim": bool})
    return frame.drop_duplicates(["statement_id", "party", "negated"], keep="first").reset_index(drop=True)


def _mentions(index, text: str) -> list:
    return [m for m in index.mentions(text) if m[2].kind != "media"]


def _denial(row, text, actor, group, known, negated, cue, rule, about) -> dict:
    party = known.get(actor) or (group if group not in CATCH_ALL_GROUPS else actor)
    doc_id, statement_id, start = row
    return {
        "doc_id": doc_id,
        "statement_id": statement_id,
        "start": start,
        "text": text,
        "actor": actor,
        "group": group,
        "party": party,
        "negated": negated,
        "cue": cue,
        "subject_rule": rule,
        "about_claim": about,
    }


def contradictions(
    statements: pd.DataFrame,
    codebook: Codebook,
    quantities: pd.DataFrame | None = None,
    max_per_document: int | None = MAX_PER_DOCUMENT,
    max_pairs: int | None = MAX_PAIRS,
    outlets: dict[str, str] | None = None,
    within: bool = False,
    claims: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """``contradictions.csv``: two different outlets, one claim, incompatible positions (contract
    columns first, then ``claim_id``, ``actor``, ``text_a``, ``text_b``, ``explanation``, every
    supporting id in ``statements_a``/``statements_b`` and the claim labels of the two shown
    statements). One row per outlet pair x claim x kind (x party for the denial kinds), with all
    its statements. Kinds:

    - ``denied vs not denied``: outlet A reports that a party denied the claim, outlet B that the
      same party did not deny it;
    - ``fact vs denial``: outlet A states the claim as fact in its own voice (affirming, not hedged),
      outlet B carries a party's denial of the same claim (whether or not A mentions the denial too).
      Same claim: the same stage-3 claim, or, with a codebook claim, the same supplied object
      ("drones"; a denial of "weapons" in general covers any object);
    - ``affirmed vs denied``: outlet A reports a party affirming the claim, outlet B the same party
      denying it;
    - ``conflicting numbers``: the same counted thing in the same stage-3 claim, both delivered or
      both expected, with ranges that cannot both hold. Overlapping ranges are consistent and
      never reported.

    A coverage gap (A carries a denial B never mentions) is not a contradiction: see ``omissions``.
    ``outlets`` maps doc_id -> outlet (each document its own outlet without it); ``within=True``
    finds the same kinds inside one outlet instead (``within_outlet.csv``). The pairing of
    documents is bounded as before (``max_per_document``, ``max_pairs`` per kind and party or noun;
    ``table.attrs["capped"]`` lists where rows were left out).
    """
    lexicon = _Lexicon.of(codebook)
    found = _found(statements, codebook, lexicon)
    outlet_of = outlets or {d: d for d in statements["doc_id"].astype(str).unique().tolist()}
    bound = _Bound(max_per_document, max_pairs, outlet_of, within)
    claim_of = _claims_of(statements)
    rows = []
    if lexicon.action is not None:  # a claim under study: its statements keep the codebook's rules
        rows += _denied_vs_not(found, lexicon, bound)
        rows += _fact_vs_denial(found, statements, codebook, lexicon, bound, claim_of)
        rows += _affirmed_vs_denied(found, statements, codebook, lexicon, bound, claim_of)
    if "cluster_id" in statements:  # every other statement: its position on its own claim
        located = statements.assign(outlet=statements["doc_id"].astype(str).map(outlet_of).fillna(statements["doc_id"]))
        rows += _position_rows(located, claims, bound, "each claim's own proposition")
    if quantities is not None and len(quantities):
        rows += [
            r
            for r in _numbers(quantities, statements, lexicon, False, bound)
            if claim_of.get(r["statement_a"], "") and claim_of.get(r["statement_a"]) == claim_of.get(r["statement_b"])
        ]
    for row in rows:
        row.setdefault("claim_id", claim_of.get(row["statement_a"], ""))
    table = _finish(rows, statements, outlet_of, COLUMNS)
    table.attrs["capped"] = sorted(bound.capped)
    return table


def omissions(
    statements: pd.DataFrame,
    codebook: Codebook,
    outlets: dict[str, str] | None = None,
    max_per_document: int | None = MAX_PER_DOCUMENT,
    max_pairs: int | None = MAX_PAIRS,
) -> pd.DataFrame:
    """``omissions.csv``: outlet A carries a party's denial of the claim; outlet B (another outlet)
    reports the claim (affirming statements by others) and mentions no denial by that party. A
    coverage gap, not a disagreement: one row per outlet pair x party x claim."""
    lexicon = _Lexicon.of(codebook)
    found = _found(statements, codebook, lexicon)
    outlet_of = outlets or {d: d for d in statements["doc_id"].astype(str).unique().tolist()}
    bound = _Bound(max_per_document, max_pairs, outlet_of, False)
    claim_of = _claims_of(statements)
    rows = _denial_vs_report(found, statements, codebook, lexicon, True, bound)
    for row in rows:
        row["kind"] = OMISSION_KIND
        row["claim_id"] = claim_of.get(row["statement_a"], "")
    table = _finish(rows, statements, outlet_of, [*COLUMNS])
    return table[OMISSION_COLUMNS]


def _found(statements: pd.DataFrame, codebook: Codebook, lexicon: _Lexicon) -> pd.DataFrame:
    found = denials(statements, codebook)
    found = found[found["about_claim"]]
    allowed = _claim_parties(codebook, lexicon)
    return found[found["party"].isin(allowed)] if allowed is not None else found


def _claims_of(statements: pd.DataFrame) -> dict[str, str]:
    return dict(
        zip(statements["statement_id"].astype(str).tolist(), claim_ids(_text(statements, "cluster_id")).tolist())
    )


def _finish(rows: list[dict], statements: pd.DataFrame, outlet_of: dict, columns: list[str]) -> pd.DataFrame:
    """Outlets, claim labels, one row per outlet pair x claim x kind x party (all statements kept), sorted."""
    table = pd.DataFrame(rows, columns=[c for c in COLUMNS if c not in ("outlet_a", "outlet_b", "claim_a", "claim_b")])
    table.insert(6, "outlet_a", table["doc_a"].map(outlet_of).fillna(table["doc_a"]))
    table.insert(7, "outlet_b", table["doc_b"].map(outlet_of).fillna(table["doc_b"]))
    shown = statements[statements["statement_id"].isin(set(table["statement_a"]) | set(table["statement_b"]))]
    claims = dict(
        zip(
            shown["statement_id"].tolist(),
            _text(shown, "cluster_label").where(claim_ids(_text(shown, "cluster_id")).ne(""), "").tolist(),
        )
    )
    table["claim_a"] = table["statement_a"].map(claims).fillna("")
    table["claim_b"] = table["statement_b"].map(claims).fillna("")
    order = {k: i for i, k in enumerate(KINDS)}
    table = table.assign(_k=table["kind"].map(order).fillna(len(KINDS))).sort_values(
        ["_k", "actor", "claim_id", "outlet_a", "outlet_b", "doc_a", "doc_b", "statement_a", "statement_b"],
        kind="mergesort",
    )
    key = ["kind", "actor", "claim_id", "outlet_a", "outlet_b"]
    if len(table):
        merged = (
            table.groupby(key, sort=False)
            .agg(
                statements_a=("statements_a", _union), statements_b=("statements_b", _union), n_pairs=("doc_a", "size")
            )
            .reset_index()
        )
        table = (
            table.drop_duplicates(key, keep="first")
            .drop(columns=["statements_a", "statements_b"])
            .merge(merged, on=key, how="left", validate="one_to_one")
        )
        table["explanation"] = [
            e if n <= 1 else f"{e} ({n} pairs of documents of these two outlets; all statements listed)"
            for e, n in zip(table["explanation"].astype(str).tolist(), table["n_pairs"].tolist())
        ]
    return table.drop(columns=["_k", "n_pairs"], errors="ignore")[columns].reset_index(drop=True)


def _union(values) -> str:
    seen: dict = {}
    for value in values:
        for sid in str(value).split(";"):
            if sid:
                seen[sid] = None
    return ";".join(seen)


def _objects(codebook: Codebook) -> tuple[re.Pattern | None, dict[str, str]]:
    """The claim's object terms as one pattern, and each (lower-case) term's normal form."""
    words = (codebook.claim or {}).get("terms", {}).get("object", ())
    normal = {" ".join(w.lower().split()): _singular(w) if " " not in w else w.lower() for w in words}
    return _phrases(words), normal


def _objects_in(text: str, pattern, normal: dict) -> frozenset:
    if pattern is None:
        return frozenset()
    return frozenset(normal.get(" ".join(m.group().lower().split()), m.group().lower()) for m in pattern.finditer(text))


def _same_thing(denied: frozenset, stated: frozenset) -> bool:
    """A denial of specific objects meets a fact naming one of them; a denial of weapons in general meets any."""
    specific = denied - GENERIC_OBJECTS
    if not specific:
        return bool(denied) and bool(stated)
    return bool(specific & stated)


def _fact_vs_denial(
    found: pd.DataFrame, statements: pd.DataFrame, codebook: Codebook, lexicon: _Lexicon, bound: _Bound, claim_of: dict
) -> list[dict]:
    denied = found[~found["negated"]]
    if denied.empty:
        return []
    speaker, stance_ = _text(statements, "speaker"), _text(statements, "stance")
    hedged = _text(statements, "hedged").str.lower().isin(["true", "1"])
    with_claim = lexicon.action is not None
    fact = speaker.eq("") & ~hedged & (stance_.eq("affirm") if with_claim else stance_.eq(""))
    facts = statements[fact.to_numpy()]
    if with_claim:  # a fact of the claim names its action ("sent", "delivered"), not only its object
        facts = facts[_searched(_text(facts, "text"), lexicon.action, lexicon.action_heads).to_numpy()]
    else:  # no codebook, no stance: a plain assertion only (no quotation, no negation of its own)
        plain = ~_text(facts, "text").str.contains(
            r"[“”\"]|\b(?:not|no|never|n't|nothing|none)\b", case=False, regex=True
        )
        facts = facts[plain.to_numpy()]
    pattern, normal = _objects(codebook)
    fact_rows = [
        (d, sid, t, claim_of.get(sid, ""), _objects_in(t, pattern, normal))
        for d, sid, t in zip(facts["doc_id"].tolist(), facts["statement_id"].tolist(), _text(facts, "text").tolist())
    ]
    rows = []
    for party, events in denied.groupby("party", sort=True):
        deniers = {}
        for doc_id, sid, text in zip(
            events["doc_id"].tolist(), events["statement_id"].tolist(), events["text"].tolist()
        ):
            deniers.setdefault(doc_id, []).append(
                (sid, text, claim_of.get(sid, ""), _objects_in(text, pattern, normal))
            )
        stated: dict = {}  # (doc of the fact, its claim) -> {doc of the denial: [(overlap, fact sid, text, denial sid, text)]}
        for doc_a, sid, text, claim, objects in fact_rows:
            for doc_b, events_b in deniers.items():
                for sid_b, text_b, claim_b, objects_b in events_b:
                    if (with_claim and _same_thing(objects_b, objects)) or (
                        claim and claim == claim_b and (with_claim or _shares_content(text, text_b))
                    ):
                        overlap = len((objects_b - GENERIC_OBJECTS) & objects)
                        stated.setdefault((doc_a, claim), {}).setdefault(doc_b, []).append(
                            (-overlap, sid, text, sid_b, text_b)
                        )
        for (doc_a, claim), partners in sorted(stated.items()):
            for doc_b in bound.partners(sorted(partners), doc_a)[0]:
                pairs = sorted(partners[doc_b], key=lambda p: p[0])  # the denial naming the fact's own object first
                _, sid, text, sid_b, text_b = pairs[0]
                rows.append(
                    {
                        "topic": lexicon.label,
                        "doc_a": doc_a,
                        "statement_a": sid,
                        "doc_b": doc_b,
                        "statement_b": sid_b,
                        "kind": KINDS[1],
                        "actor": party,
                        "claim_id": claim,
                        "text_a": text,
                        "text_b": text_b,
                        "explanation": f"{doc_a} states in its own voice, as fact, what {party}'s denial in {doc_b} rejects.",
                        "statements_a": ";".join(dict.fromkeys(p[1] for p in pairs)),
                        "statements_b": ";".join(dict.fromkeys(p[3] for p in pairs)),
                    }
                )
    return rows


_CONTENT_WORD = re.compile(r"[a-z][a-z'’-]{3,}")
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "has",
        "had",
        "were",
        "was",
        "been",
        "their",
        "there",
        "they",
        "them",
        "which",
        "what",
        "when",
        "said",
        "says",
        "would",
        "could",
        "will",
        "about",
        "also",
        "over",
        "into",
        "more",
        "than",
        "after",
        "before",
        "other",
        "some",
        "such",
        "only",
        "just",
        "being",
    ]
)


def _shares_content(fact: str, denial: str, at_least: int = 3) -> bool:
    """Without a codebook the claim is all that ties a fact to a denial: ask also for a few shared
    content words (what is denied has to be what is stated)."""
    words = lambda text: set(_CONTENT_WORD.findall(text.lower())) - _STOP
    return len(words(fact) & words(denial)) >= at_least


def _affirmed_vs_denied(
    found: pd.DataFrame, statements: pd.DataFrame, codebook: Codebook, lexicon: _Lexicon, bound: _Bound, claim_of: dict
) -> list[dict]:
    """A party affirming the claim in one outlet, the same party denying it in another (same claim)."""
    known = parties(codebook)
    # a reported non-denial ("has not denied") is the first kind's, not an affirmation
    affirm = statements[
        _text(statements, "stance").eq("affirm")
        & _text(statements, "speaker").ne("")
        & ~statements["statement_id"].isin(set(found["statement_id"]))
    ]
    if affirm.empty or found.empty:
        return []
    party_of_row = [
        known.get(s) or (g if g not in CATCH_ALL_GROUPS else s)
        for s, g in zip(_text(affirm, "speaker").tolist(), _text(affirm, "speaker_group").tolist())
    ]
    rows = []
    denied = found[~found["negated"]]
    # (party, claim) -> its denials, looked up once per affirmation
    denied_by = dict(
        list(denied.groupby([denied["party"], denied["statement_id"].map(claim_of).fillna("")], sort=False))
    )
    for doc_a, sid, text, party in zip(
        affirm["doc_id"].tolist(), affirm["statement_id"].tolist(), _text(affirm, "text").tolist(), party_of_row
    ):
        claim = claim_of.get(sid, "")
        mine = denied_by.get((party, claim)) if claim else None
        if mine is None:
            continue
        for doc_b in bound.partners(sorted(set(mine["doc_id"])), doc_a)[0]:
            other = mine[mine["doc_id"].eq(doc_b)].iloc[0]
            rows.append(
                {
                    "topic": lexicon.label,
                    "doc_a": doc_a,
                    "statement_a": sid,
                    "doc_b": doc_b,
                    "statement_b": other["statement_id"],
                    "kind": KINDS[2],
                    "actor": party,
                    "claim_id": claim,
                    "text_a": text,
                    "text_b": other["text"],
                    "explanation": f"{doc_a} reports {party} affirming the claim; {doc_b} reports {party} denying it.",
                    "statements_a": sid,
                    "statements_b": ";".join(mine.loc[mine["doc_id"].eq(doc_b), "statement_id"]),
                }
            )
    return rows


@dataclass
class _Bound:
    per_document: int | None
    total: int | None
    outlet_of: dict = field(default_factory=dict)  # doc_id -> outlet; a document missing is its own outlet
    within: bool = False  # pair documents of one outlet instead of two different ones
    capped: set = field(default_factory=set)

    def pairable(self, doc, other) -> bool:
        same = self.outlet_of.get(doc, doc) == self.outlet_of.get(other, other)
        return doc != other and same == self.within

    def partners(self, targets: list, doc) -> tuple[list, bool]:
        """The documents of sorted ``targets`` to pair with ``doc`` (never ``doc`` itself, and only
        ``pairable`` ones), sorted: the ``per_document`` that follow ``doc`` in doc_id order,
        wrapping around; and whether any were left out."""
        if self.per_document is None:
            return [t for t in targets if self.pairable(doc, t)], False
        start, chosen = bisect.bisect_right(targets, doc), []
        for step in range(len(targets)):
            target = targets[(start + step) % len(targets)]
            if not self.pairable(doc, target):
                continue
            if len(chosen) == self.per_document:
                return sorted(chosen), True
            chosen.append(target)
        return sorted(chosen), False


def _summaries(events: pd.DataFrame) -> dict:
    """Per document, in first-seen order: its first event's statement id and text, the event
    rows' actors (``; ``-joined) and cues (quoted, ``, ``-joined), first seen first, and all
    their statement ids."""
    found: dict = {}
    for doc_id, sid, text, actor, cue in zip(
        *(events[c].tolist() for c in ("doc_id", "statement_id", "text", "actor", "cue"))
    ):
        part = found.get(doc_id)
        if part is None:
            part = found[doc_id] = {"statement_id": sid, "text": text, "ids": [], "actors": {}, "cues": {}}
        part["ids"].append(sid)
        part["actors"][actor] = None
        part["cues"][cue] = None
    for part in found.values():
        part["names"] = "; ".join(part.pop("actors"))
        part["cue_list"] = ", ".join(f"\u201c{c}\u201d" for c in part.pop("cues"))
        part["ids"] = ";".join(part["ids"])
    return found


def _pairs(first: dict, second: dict, bound: _Bound, key: tuple[str, str]):
    """(doc_a, doc_b) for every document of ``first`` against the documents of ``second``, in
    table order, within ``bound``."""
    targets = sorted(second)
    emitted = 0
    for doc_a in sorted(first):
        partners, cut = bound.partners(targets, doc_a)
        if cut:
            bound.capped.add(key)
        for doc_b in partners:
            if bound.total is not None and emitted >= bound.total:
                bound.capped.add(key)
                return
            emitted += 1
            yield doc_a, doc_b


def _denied_vs_not(found: pd.DataFrame, lexicon: _Lexicon, bound: _Bound) -> list[dict]:
    rows = []
    for party, events in found.groupby("party", sort=True):
        denied, not_denied = _summaries(events[~events["negated"]]), _summaries(events[events["negated"]])
        for doc_a, doc_b in _pairs(denied, not_denied, bound, (KINDS[0], party)):
            a, b = denied[doc_a], not_denied[doc_b]
            rows.append(
                {
                    "topic": lexicon.label,
                    "doc_a": doc_a,
                    "statement_a": a["statement_id"],
                    "doc_b": doc_b,
                    "statement_b": b["statement_id"],
                    "kind": KINDS[0],
                    "actor": party,
                    "text_a": a["text"],
                    "text_b": b["text"],
                    "explanation": (
                        f"{doc_a} reports that {party} ({a['names']}) denied the claim ({a['cue_list']}); "
                        f"{doc_b} reports that {party} ({b['names']}) did not deny it ({b['cue_list']}). "
                        f"Compared at party level: {party} is the {'speaker group' if party in _GROUPS else 'actor'} "
                        f"the deniers belong to."
                    ),
                    "statements_a": a["ids"],
                    "statements_b": b["ids"],
                }
            )
    return rows


_GROUPS = {"Ukraine", "Russia", "Iran", "United States", "European Union", "NATO"}


def _report_rank(statements: pd.DataFrame) -> pd.Series:
    """Which affirming statement best stands for a document's report: a news organisation's
    report first, then any other attributed statement, then the article's own voice."""
    group, speaker = _text(statements, "speaker_group"), _text(statements, "speaker")
    return group.ne("Media").astype(int) * 1 + speaker.eq("").astype(int) * 2


def _denial_vs_report(
    found: pd.DataFrame,
    statements: pd.DataFrame,
    codebook: Codebook,
    lexicon: _Lexicon,
    require_silence: bool,
    bound: _Bound,
) -> list[dict]:
    """Denial vs report pairs, without the pairs that are already denied vs not denied pairs."""
    known = parties(codebook)
    affirm = statements[_text(statements, "stance").eq("affirm")].copy()
    affirm["party"] = [
        known.get(s) or (g if g not in CATCH_ALL_GROUPS else s)
        for s, g in zip(_text(affirm, "speaker").tolist(), _text(affirm, "speaker_group").tolist())
    ]
    affirm["_rank"] = _report_rank(affirm)
    affirm = affirm.sort_values(["doc_id", "_rank", "start" if "start" in affirm else "statement_id"], kind="mergesort")
    rows = []
    for party, events in found[~found["negated"]].groupby("party", sort=True):
        deniers = _summaries(events)
        not_denied = set(found.loc[found["negated"] & found["party"].eq(party), "doc_id"])
        reports: dict = {}  # per document: its best report (not by the party itself), count, all ids
        for doc_id, sid, text, speaker in zip(
            *(affirm.loc[affirm["party"].ne(party), c].tolist() for c in ("doc_id", "statement_id", "text", "speaker"))
        ):
            part = reports.get(doc_id)
            if part is None:
                part = reports[doc_id] = {"statement_id": sid, "text": text, "speaker": speaker, "ids": []}
            part["ids"].append(sid)
        silent = {d: r for d, r in reports.items() if not (require_silence and d in deniers) and d not in not_denied}
        for doc_a, doc_b in _pairs(deniers, silent, bound, (OMISSION_KIND, party)):
            a, best = deniers[doc_a], silent[doc_b]
            who = best["speaker"] or "the article's own voice"
            rows.append(
                {
                    "topic": lexicon.label,
                    "doc_a": doc_a,
                    "statement_a": a["statement_id"],
                    "doc_b": doc_b,
                    "statement_b": best["statement_id"],
                    "kind": OMISSION_KIND,
                    "actor": party,
                    "text_a": a["text"],
                    "text_b": best["text"],
                    "explanation": (
                        f"{doc_a} carries {party}'s denial ({a['names']}: {a['cue_list']}); {doc_b} reports the claim "
                        f"({who}) in {len(best['ids'])} affirming statement(s) and mentions no denial by {party}."
                    ),
                    "statements_a": a["ids"],
                    "statements_b": ";".join(best["ids"]),
                }
            )
    return rows


# --- numbers -------------------------------------------------------------------------------------


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _interval(number: float, qualifier: str) -> tuple[float, float]:
    qualifier = (qualifier or "").lower()
    if qualifier in _VAGUE:
        return _VAGUE[qualifier]
    if qualifier in _APPROX:
        low, high = _APPROX[qualifier]
        return number * low, number * high
    if qualifier in _AT_LEAST:
        return number, float("inf")
    if qualifier in _AT_MOST:
        return 0.0, number
    return number, number


#: Cells (pairs of quantities) compared at once by ``_numbers``: bounds its working memory.
_BLOCK_CELLS = 1_000_000


def _numbers(
    quantities: pd.DataFrame,
    statements: pd.DataFrame,
    lexicon: _Lexicon,
    include_differing: bool,
    bound: _Bound | None = None,
) -> list[dict]:
    """Pairs of quantities from different documents that count the same thing differently.

    Quantities are joined on the counted noun (``head``): only quantities with the same noun are
    compared, a block of first quantities against all later ones at once (numpy), so no Python
    loop runs over pairs. Within ``bound`` (see ``contradictions``): per kind, noun and doc_a the
    first rows in table order; a noun stops being compared once every kind has reached the total."""
    if lexicon.action is None:
        return []
    bound = bound or _Bound(None, None)
    counted = statements[statements["statement_id"].isin(set(quantities["statement_id"].tolist()))]
    texts = dict(zip(counted["statement_id"].tolist(), _text(counted, "text").tolist()))
    q = quantities.copy()
    q["statement_text"] = q["statement_id"].map(texts).fillna(_text(q, "statement"))
    q = q[_searched(q["statement_text"], lexicon.action, lexicon.action_heads).to_numpy()]
    words = _text(q, "unit").str.split()
    q["head"] = words.map(lambda w: _singular(w[-1]) if w else "")
    q["modifier"] = words.map(lambda w: w[-2].lower() if len(w) > 1 else "")
    q["mode"] = _searched(q["statement_text"], _EXPECTED, ("",)).map({True: "expected", False: "done"})
    q = q[q["head"].ne("")].sort_values(["doc_id", "statement_id", "start"], kind="mergesort")
    if len(q) < 2:
        return []
    fields = ("doc_id", "statement_id", "statement_text", "text", "head", "modifier", "mode")
    columns = {c: q[c].tolist() for c in fields}  # a record is built only for the quantities paired
    record = lambda i: {c: columns[c][i] for c in fields}
    intervals = [_interval(float(n), qualifier) for n, qualifier in zip(q["number"].tolist(), q["qualifier"].tolist())]
    low = np.array([i[0] for i in intervals], dtype=float)
    high = np.array([i[1] for i in intervals], dtype=float)
    doc = pd.factorize(q["doc_id"], sort=True)[0]  # non-decreasing: q is sorted by doc_id
    unit = pd.factorize(q["doc_id"].map(lambda d: bound.outlet_of.get(d, d)), sort=True)[0]
    sid = pd.factorize(q["statement_id"], sort=True)[0]
    modifier = pd.Index([m for m in q["modifier"] if m]).unique()
    mod = np.where(q["modifier"].ne("").to_numpy(), modifier.get_indexer(q["modifier"]), -1)
    done = q["mode"].eq("done").to_numpy()
    heads = q["head"].to_numpy()
    wanted = NUMBER_KINDS if include_differing else NUMBER_KINDS[:1]
    kept = []  # (i, j, kind) of the pairs to write, i < j in the sorted order
    for head in sorted(set(heads)):
        idx = np.flatnonzero(heads == head)
        kept += _head_pairs(idx, doc, unit, sid, mod, done, low, high, wanted, bound, head)
    kept.sort()  # the order the pairwise loop found them in: ties in the table's sort keep it
    rows = []
    for i, j, kind in kept:
        a, b, ia, ib = record(i), record(j), intervals[i], intervals[j]
        disjoint = ia[1] < ib[0] or ib[1] < ia[0]
        same_mode = a["mode"] == b["mode"]
        why = []
        why.append(
            "the ranges cannot both hold" if disjoint else "the ranges overlap (one may be a rounding of the other)"
        )
        why.append(
            f"both describe {'a delivery already made' if a['mode'] == 'done' else 'an expected delivery'}"
            if same_mode
            else f"{a['doc_id']} describes {'a delivery already made' if a['mode'] == 'done' else 'an expected one'}, "
            f"{b['doc_id']} {'one already made' if b['mode'] == 'done' else 'an expected one'}, "
            "so they may count different shipments"
        )
        rows.append(
            {
                "topic": f"number of {a['head']}s"
                + (f" ({a['modifier'] or b['modifier']})" if a["modifier"] or b["modifier"] else ""),
                "doc_a": a["doc_id"],
                "statement_a": a["statement_id"],
                "doc_b": b["doc_id"],
                "statement_b": b["statement_id"],
                "kind": kind,
                "actor": "",
                "text_a": a["statement_text"],
                "text_b": b["statement_text"],
                "explanation": (
                    f"\u201c{a['text']}\u201d ({_range(ia)}) vs \u201c{b['text']}\u201d ({_range(ib)}): "
                    + "; ".join(why)
                    + "."
                ),
                "statements_a": a["statement_id"],
                "statements_b": b["statement_id"],
            }
        )
    return rows


def _head_pairs(
    idx, doc, unit, sid, mod, done, low, high, wanted, bound: _Bound, head: str
) -> list[tuple[int, int, str]]:
    """The pairs of one counted noun (``idx``: its quantities in sorted order) within ``bound``."""
    kept: list[tuple[int, int, str]] = []
    emitted = dict.fromkeys(wanted, 0)
    full: set[str] = set()  # kinds whose total is reached and known to leave rows out: no need to look further
    m = len(idx)
    ends = np.append(np.flatnonzero(np.diff(doc[idx])) + 1, m)  # where each document's quantities end
    start = 0
    while start < m and len(full) < len(wanted):
        # whole documents as first quantities (as many as the block allows), against all later quantities
        allowed = start + max(1, _BLOCK_CELLS // (m - start))
        stop = ends[max(np.searchsorted(ends, allowed, side="right") - 1, np.searchsorted(ends, start, side="right"))]
        # gathered as a column (first quantities) and a row (later ones): only the comparisons are 2-D
        a, b = idx[start:stop], idx[start:]
        low_a, high_a, done_a, mod_a, doc_a, unit_a = (x[a][:, None] for x in (low, high, done, mod, doc, unit))
        low_b, high_b, done_b, mod_b, doc_b, unit_b = (x[b][None, :] for x in (low, high, done, mod, doc, unit))
        conflicting = ((high_a < low_b) | (high_b < low_a)) & (done_a == done_b)
        keep = (
            (doc_b > doc_a)
            & ((unit_a == unit_b) == bound.within)
            & ((mod_a < 0) | (mod_b < 0) | (mod_a == mod_b))
            & ((low_a != low_b) | (high_a != high_b))
        )
        if len(wanted) == 1:
            keep &= conflicting
        ii, jj = np.nonzero(keep)
        kinds = np.where(conflicting[ii, jj], 0, 1)
        i, j = idx[start + ii], idx[start:][jj]
        order = np.lexsort((j, i, sid[j], sid[i], doc[j], doc[i], kinds))  # the table's order, then the loop's
        i, j, kinds = i[order], j[order], kinds[order]
        for k, kind in enumerate(wanted):
            if kind in full:
                continue
            ki, kj = i[kinds == k], j[kinds == k]
            if bound.per_document is not None and len(ki):
                rank = np.arange(len(ki)) - np.searchsorted(doc[ki], doc[ki], side="left")
                if rank.max() >= bound.per_document:
                    bound.capped.add((kind, head))
                    ki, kj = ki[rank < bound.per_document], kj[rank < bound.per_document]
            if bound.total is not None and emitted[kind] + len(ki) > bound.total:
                ki, kj = ki[: bound.total - emitted[kind]], kj[: bound.total - emitted[kind]]
                bound.capped.add((kind, head))
                full.add(kind)
            emitted[kind] += len(ki)
            kept += [(x, y, kind) for x, y in zip(ki.tolist(), kj.tolist())]
        start = stop
    return kept


def _range(interval: tuple[float, float]) -> str:
    low, high = interval
    if low == high:
        return f"exactly {low:,.0f}"
    if high == float("inf"):
        return f"at least {low:,.0f}"
    return f"{low:,.0f} to {high:,.0f}"


def within_note(within: pd.DataFrame) -> str:
    """What the inconsistencies inside one outlet come to, for the page under the disagreements."""
    if within.empty:
        return "No outlet contradicts itself: no two documents of one outlet disagree by these rules."
    counts = within["outlet_a"].value_counts().sort_index()
    named = ", ".join(f"{outlet} ({n})" for outlet, n in counts.head(10).items())
    more = f" and {len(counts) - 10:,} more" if len(counts) > 10 else ""
    return (
        f"**{len(within):,} inconsistencies within one outlet** (two documents of the same outlet that "
        f"disagree by the same rules): {mdtext.inline(named)}{more}. They are in `tables/within_outlet.csv`, "
        "not counted as disagreements between outlets."
    )


def omissions_note(gaps: pd.DataFrame) -> str:
    """What the coverage gaps come to, for the page under the disagreements."""
    if gaps.empty:
        return "No coverage gap: no outlet reports the claim while leaving out a denial another outlet carries."
    parties_ = gaps["actor"].value_counts().sort_index()
    named = ", ".join(f"{party} ({n})" for party, n in parties_.head(10).items())
    return (
        f"**{len(gaps):,} coverage gaps** (an outlet reports the claim and never mentions a denial another "
        f"outlet carries), by the party whose denial is left out: {mdtext.inline(named)}. They are in "
        "`tables/omissions.csv`, not counted as disagreements."
    )


# --- positions toward each claim's own proposition (no claim under study needed) -----------------


def _party_key(name: str, group: str) -> frozenset:
    """Who denies or affirms, comparable across outlets: the speaker group when it is a side (a
    country, an organisation), else the capitalised words of the name ("President Trump" and
    "Trump" meet; "he" names no one)."""
    if group and group not in CATCH_ALL_GROUPS:
        return frozenset({group.lower()})
    return frozenset(
        w.lower()[:5] for w in re.findall(r"\b[A-Z][\w’'-]+", name or "") if w.lower() not in _PRONOUN_WORDS
    )


_PRONOUN_WORDS = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "who",
    "the",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
}


def _positioned(statements: pd.DataFrame, claims: pd.DataFrame | None, linked: dict[str, set]) -> pd.DataFrame:
    """The statements not about a claim under study (empty stage-2 stance) that belong to a claim
    and share a story with a denial or belong to a claim linked to a denial's, with their story,
    position and what they deny (see ``positions``), and whether they state a fact or report a
    speaker's plain assertion. The rest cannot take part in a contradiction on a proposition, so
    they are not read further: that reading is most of the cost on a large corpus."""
    from . import positions as pos

    found = pos.positioned(statements, claims)
    story_of = (
        dict(zip(claims["cluster_id"].astype(str), claims["story_id"].fillna("").astype(str)))
        if claims is not None and "story_id" in claims
        else {}
    )
    found = found.assign(story=[story_of.get(c) or c for c in _text(found, "cluster_id").tolist()])
    if found.empty:
        return found.assign(fact=False, plain_report=False)
    denials = found[_is_denial(found)]
    found = found[
        found["story"].isin(set(denials["story"]))
        | found["cluster_id"].isin({c for d in set(denials["cluster_id"]) for c in linked.get(d, ())})
    ].copy()
    columns = [_text(found, c).tolist() for c in ("text", "speaker", "cue", "quote")]
    hedged = _text(found, "hedged").str.lower().isin(["true", "1"]).tolist()
    found["stems"] = [pos.stems(pos.said(t, c, q)) for t, _, c, q in zip(*columns)]
    found["parts"] = [pos.clauses(pos.said(t, c, q)) for t, _, c, q in zip(*columns)]
    found["denied_stems"] = [pos.stems(d) for d in found["denied"].tolist()]
    found["predicate"] = [pos.head(d) for d in found["denied"].tolist()]
    found["who"] = [pos.subject(d) for d in found["denied"].tolist()]
    found["fact"] = [pos.plain_fact(t, s, h) and pos.sentence(t) for (t, s, _, _), h in zip(zip(*columns), hedged)]
    found["plain_report"] = [
        p == "report" and pos.plain_report(t, s, c, q, h)
        for p, (t, s, c, q), h in zip(found["position"], zip(*columns), hedged)
    ]
    groups = _text(found, "speaker_group").tolist()
    # without a codebook a speaker group is a side ("Syria"): a person is known by name, so that a
    # Syrian rebel's words are not the Syrian president's; the side stands in for unnamed speakers
    found["party"] = [_party_key(s, "") or _party_key(s, g) for s, g in zip(columns[1], groups)]
    deniers = found["denier"].tolist()
    found["denier"] = [d or s for d, s in zip(deniers, columns[1])]
    found["denier_party"] = [
        (_party_key(d, "") or (_party_key(d, g) if d == s else frozenset())) or p
        for d, s, g, p in zip(deniers, columns[1], groups, found["party"])
    ]
    return found


def _position_rows(statements: pd.DataFrame, claims: pd.DataFrame | None, bound: _Bound, label: str) -> list[dict]:
    """Contradictions on a claim's own proposition, between two outlets (or, ``within``, two
    documents of one outlet): stated as fact vs denied, a party's report vs its denial, denied vs
    not denied. The denial belongs to the claim (its position is ``deny``); the other statement,
    in the same story or in a claim linked to the denial's (the same proposition recurring in
    another story), asserts what is denied (``positions.covers``: its content, not only the
    story's names). An outlet that itself states as fact what it reports denied is not in
    disagreement with another outlet stating it."""
    from . import positions as pos

    linked = _linked(claims)
    found = _positioned(statements, claims, linked)
    denials = found[_is_denial(found)]
    if denials.empty:
        return []
    by_story = found.groupby("story", sort=False).indices
    by_claim = found.groupby("cluster_id", sort=False).indices
    rows: list[dict] = []
    # a document that reports the party's denial too carries both halves of one utterance ("I didn't
    # set a red line, the world set a red line"; "You don't care about X. You care about Y"), not a disagreement
    denials_in: dict[str, list] = {}
    for x in denials.itertuples():
        denials_in.setdefault(x.doc_id, []).append(x)
    scopes: dict[tuple, tuple[list, list, list]] = {}  # the denials of one story and claim share theirs
    for d in denials.sort_values(["doc_id", "statement_id"], kind="mergesort").itertuples():
        if (d.story, d.cluster_id) not in scopes:
            linked_rows = [by_claim.get(c, []) for c in sorted(linked.get(d.cluster_id, ()))]
            scope = found.iloc[sorted({int(i) for part in [by_story.get(d.story, []), *linked_rows] for i in part})]
            scopes[d.story, d.cluster_id] = tuple(
                list(scope[mask].itertuples())
                for mask in (scope["fact"], scope["plain_report"], scope["position"].eq("not_deny"))
            )
        facts, reports, not_denied = scopes[d.story, d.cluster_id]
        # the denial's own outlet (its own document, inside one outlet) stating it agrees with the fact
        own = [x for x in facts if (x.doc_id == d.doc_id if bound.within else x.outlet == d.outlet)]
        if any(_asserts(x, d) for x in own):
            continue
        for f in facts:
            if bound.pairable(f.doc_id, d.doc_id) and _asserts(f, d):
                rows.append(_position_row(KINDS[1], d.cluster_id, f, d, label, d.denier))
        for r in reports:
            if (
                bound.pairable(r.doc_id, d.doc_id)
                and r.party & d.denier_party
                and _asserts(r, d)
                and not any(x.denier_party & d.denier_party for x in denials_in.get(r.doc_id, ()))
            ):
                rows.append(_position_row(KINDS[2], d.cluster_id, r, d, label, d.denier))
        for n in not_denied:
            if (
                bound.pairable(d.doc_id, n.doc_id)
                and n.denier_party & d.denier_party
                and pos.covers(n.denied_stems, d.denied_stems, 0.5)
                and pos.covers(d.denied_stems, n.denied_stems, 0.5)
            ):
                rows.append(_position_row(KINDS[0], d.cluster_id, d, n, label, d.denier))
    return _one_per_pair(rows)


def _is_denial(found: pd.DataFrame) -> pd.Series:
    """Denials a statement could contradict: an existential denial ("there was no ...") names no
    one a statement could assert it of."""
    return found["position"].eq("deny") & ~found["denied"].str.match(r"(?i)there\b")


def _asserts(statement, denial) -> bool:
    """Whether a statement asserts what a denial denies (``positions.covers``, subject and predicate in one clause)."""
    from . import positions as pos

    return pos.covers(
        statement.stems, denial.denied_stems, predicate=denial.predicate, who=denial.who, parts=statement.parts
    )


def _linked(claims: pd.DataFrame | None) -> dict[str, set]:
    """Claim id -> the claims of other stories linked to it (stage 3's ``linked_claims``), both ways."""
    found: dict[str, set] = {}
    if claims is None or "linked_claims" not in claims:
        return found
    for cid, links in zip(claims["cluster_id"].astype(str), claims["linked_claims"].fillna("").astype(str)):
        for other in filter(None, links.split(";")):
            found.setdefault(cid, set()).add(other)
            found.setdefault(other, set()).add(cid)
    return found


_POSITION_WHY = {
    KINDS[0]: "{a} reports that {who} denied it; {b} reports that {who} did not deny it",
    KINDS[1]: "{a} states as fact, in its own voice, what {who}'s denial in {b} rejects",
    KINDS[2]: "{a} reports {who} asserting what {b} reports {who} denying",
}


def _position_row(kind: str, claim: str, a, b, label: str, who: str) -> dict:
    return {
        "topic": str(getattr(a, "cluster_label", "") or label),
        "doc_a": a.doc_id,
        "statement_a": a.statement_id,
        "doc_b": b.doc_id,
        "statement_b": b.statement_id,
        "kind": kind,
        "actor": who,
        "claim_id": claim,
        "text_a": a.text,
        "text_b": b.text,
        "explanation": _POSITION_WHY[kind].format(a=a.doc_id, b=b.doc_id, who=who or "a party")
        + f" (denied: \u201c{b.denied if kind != KINDS[0] else a.denied}\u201d).",
        "statements_a": a.statement_id,
        "statements_b": b.statement_id,
        "_outlets": (a.outlet, b.outlet),
    }


def _one_per_pair(rows: list[dict]) -> list[dict]:
    """One row per outlet pair x claim x kind: the first found stands for the rest, whose
    statements it lists."""
    kept: dict = {}
    for row in rows:
        key = (row["kind"], row["claim_id"], *row.pop("_outlets"))
        if key not in kept:
            kept[key] = row
            continue
        first = kept[key]
        first["statements_a"] = _union([first["statements_a"], row["statements_a"]])
        first["statements_b"] = _union([first["statements_b"], row["statements_b"]])
    return list(kept.values())
