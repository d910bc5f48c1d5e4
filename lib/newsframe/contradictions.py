"""Where outlets disagree: ``contradictions.csv``, one row per pair of documents and point of dispute.

Three kinds, each found from stage-2 tables and the codebook only (no corpus strings):

``denied vs not denied``
    One document reports that a party denied the claim, another that the same party did *not*
    deny it ("has not denied", "has not rejected", "without denying").
``denial vs report``
    One document carries a party's denial; another reports the claim (stance ``affirm``,
    preferably attributed to a news organisation) without mentioning any denial by that party.
    The second condition keeps this to outlets that differ in what they treat as contested,
    rather than pairing every denial with every report (``require_silence=False`` pairs all).
``conflicting numbers`` / ``differing numbers``
    Two documents count the same thing (same counted noun and modifier, e.g. "ballistic
    missiles", in statements that use a supply verb of the claim) with different numbers.
    ``conflicting`` only when the two ranges cannot both be true ("200" vs "about 450") *and*
    both describe the same kind of event (already delivered vs expected); otherwise
    ``differing``, with the reason. "450 drones" sent and "300 drones" shot down are not compared:
    the second statement uses no supply verb.

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .actors import index_for, trie_pattern
from .codebook import Codebook
from .framing import _text, claim_id

COLUMNS = ["topic", "doc_a", "statement_a", "doc_b", "statement_b", "kind", "actor", "text_a", "text_b",
           "explanation", "statements_a", "statements_b", "claim_a", "claim_b"]
DENIAL_COLUMNS = ["doc_id", "statement_id", "start", "text", "actor", "group", "party", "negated", "cue",
                  "subject_rule", "about_claim"]
KINDS = ("denied vs not denied", "denial vs report", "conflicting numbers", "differing numbers")
#: Groups of the contract that are parties in their own right (compared at group level).
CATCH_ALL_GROUPS = {"", "Other", "Media"}

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
_APPROX = {"about": (0.8, 1.2), "approximately": (0.8, 1.2), "around": (0.8, 1.2), "roughly": (0.8, 1.2),
           "some": (0.8, 1.2), "an estimated": (0.8, 1.2), "close to": (0.8, 1.0), "nearly": (0.8, 1.0),
           "almost": (0.8, 1.0)}
_AT_LEAST = {"more than", "over", "at least", "upwards of"}
_AT_MOST = {"fewer than", "less than", "up to", "as many as", "as much as"}
_VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
          "tens of thousands": (20000, 99999), "millions": (2e6, 9.99e8)}


def _phrases(words) -> re.Pattern | None:
    words = {" ".join(w.lower().replace("’", "'").split()) for w in words if w and w.strip()}
    if not words:
        return None
    char = lambda ch: {" ": r"\s+", "'": "['’]"}.get(ch, re.escape(ch))
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(words, char)})(?![\w-])", re.I)


@dataclass(frozen=True)
class _Lexicon:
    deny: re.Pattern | None
    negation: re.Pattern | None
    action: re.Pattern | None
    claim_terms: frozenset
    label: str

    @classmethod
    def of(cls, codebook: Codebook) -> _Lexicon:
        lex, claim = codebook.lexicons, codebook.claim or {}
        terms = claim.get("terms", {})
        return cls(_phrases(lex.get("deny", ())), _phrases(lex.get("negation", ())), _phrases(terms.get("action", ())),
                   frozenset(t.lower() for words in terms.values() for t in words),
                   str(claim.get("label", "") or "the claim under study"))

    def negated(self, text: str, at: int) -> bool:
        if self.negation is None:
            return False
        window = " ".join(re.findall(r"[\w’'-]+", text[max(0, at - 60):at])[-_WINDOW_WORDS:])
        return bool(self.negation.search(window))

    def negation_phrase(self, text: str, action: re.Match) -> str:
        """'never given', 'no transfer': from the negation word to the negated action."""
        start = max(0, action.start() - 60)
        negations = list(self.negation.finditer(text, start, action.start())) if self.negation else []
        return text[negations[-1].start() if negations else action.start():action.end()]


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
                        for alias in (country.name, *country.aliases)):
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
    ordered = statements.sort_values([c for c in ("doc_id", "start") if c in statements], kind="mergesort")
    for row in ordered.itertuples(index=False):
        text = str(row.text)
        speaker, group = str(getattr(row, "speaker", "") or ""), str(getattr(row, "speaker_group", "") or "")
        cue = str(getattr(row, "cue", "") or "").lower()
        stance_ = str(getattr(row, "stance", "") or "")
        quotes = _quoted(text)
        mentions = [m for m in index.mentions(text) if m[2].kind != "media"]
        found_cue = False
        for m in (lexicon.deny.finditer(text) if lexicon.deny else ()):
            if _ALTERNATIVE.search(text[max(0, m.start() - 12):m.start()]):
                continue  # "to support or refute": an alternative, not a denial
            negated = lexicon.negated(text, m.start())
            in_quote = any(a <= m.start() < b for a, b in quotes)
            if speaker and (in_quote or m.group().lower() in cue):
                actor, actor_group = speaker, group
                rule = "speaker (cue inside a quotation)" if in_quote else "speaker (the reporting cue is the denial)"
            else:
                before = [s for a, b, s in mentions if b <= m.start()]
                if before:
                    actor, actor_group, rule = before[-1].name, before[-1].group, "nearest actor named before the cue"
                elif speaker:
                    actor, actor_group, rule = speaker, group, "speaker (no actor named before the cue)"
                else:
                    continue
            about = bool(stance_) or bool(_ACCUSATION_NOUNS.match(text[m.end():m.end() + 60]))
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
        elif mentions:
            actor, actor_group, rule = mentions[0][2].name, mentions[0][2].group, "first actor named (negated supply action)"
        else:
            continue
        rows.append(_denial(row, text, actor, actor_group, known, False,
                            lexicon.negation_phrase(text, negated_action), rule, True))
    frame = pd.DataFrame(rows, columns=DENIAL_COLUMNS).astype({"negated": bool, "about_claim": bool})
    return frame.drop_duplicates(["statement_id", "party", "negated"], keep="first").reset_index(drop=True)


def _denial(row, text, actor, group, known, negated, cue, rule, about) -> dict:
    party = known.get(actor) or (group if group not in CATCH_ALL_GROUPS else actor)
    return {"doc_id": row.doc_id, "statement_id": row.statement_id, "start": getattr(row, "start", 0), "text": text,
            "actor": actor, "group": group, "party": party, "negated": negated, "cue": cue,
            "subject_rule": rule, "about_claim": about}


def contradictions(statements: pd.DataFrame, codebook: Codebook, quantities: pd.DataFrame | None = None,
                   require_silence: bool = True, include_differing: bool = True) -> pd.DataFrame:
    """``contradictions.csv`` (contract columns first, then ``actor``, ``text_a``, ``text_b``,
    ``explanation``, all supporting ids in ``statements_a``/``statements_b`` and the stage-3
    claims of the two representative statements). Sorted by kind, actor, doc_a, doc_b."""
    lexicon = _Lexicon.of(codebook)
    found = denials(statements, codebook)
    found = found[found["about_claim"]]
    allowed = _claim_parties(codebook, lexicon)
    if allowed is not None:
        found = found[found["party"].isin(allowed)]
    disputed = _denied_vs_not(found, lexicon)
    covered = {(r["actor"], r["doc_a"], r["doc_b"]) for r in disputed}
    reports = [r for r in _denial_vs_report(found, statements, codebook, lexicon, require_silence)
               if (r["actor"], r["doc_a"], r["doc_b"]) not in covered]  # the sharper row already says it
    rows = disputed + reports
    if quantities is not None and len(quantities):
        rows += _numbers(quantities, statements, lexicon, include_differing)
    table = pd.DataFrame(rows, columns=COLUMNS)
    claims = dict(zip(statements["statement_id"], _text(statements, "cluster_label").where(
        _text(statements, "cluster_id").map(claim_id).ne(""), "")))
    table["claim_a"] = table["statement_a"].map(claims).fillna("")
    table["claim_b"] = table["statement_b"].map(claims).fillna("")
    order = {k: i for i, k in enumerate(KINDS)}
    table = table.assign(_k=table["kind"].map(order)).sort_values(
        ["_k", "actor", "doc_a", "doc_b", "statement_a", "statement_b"], kind="mergesort")
    return table.drop(columns="_k").reset_index(drop=True)


def _names(rows: pd.DataFrame) -> str:
    return "; ".join(dict.fromkeys(rows["actor"]))


def _cues(rows: pd.DataFrame) -> str:
    return ", ".join(f"\u201c{c}\u201d" for c in dict.fromkeys(rows["cue"]))


def _denied_vs_not(found: pd.DataFrame, lexicon: _Lexicon) -> list[dict]:
    rows = []
    for party, events in found.groupby("party", sort=True):
        denied, not_denied = events[~events["negated"]], events[events["negated"]]
        for doc_a, a in denied.groupby("doc_id", sort=True):
            for doc_b, b in not_denied.groupby("doc_id", sort=True):
                if doc_a == doc_b:
                    continue
                rows.append({
                    "topic": lexicon.label, "doc_a": doc_a, "statement_a": a.iloc[0]["statement_id"],
                    "doc_b": doc_b, "statement_b": b.iloc[0]["statement_id"], "kind": KINDS[0], "actor": party,
                    "text_a": a.iloc[0]["text"], "text_b": b.iloc[0]["text"],
                    "explanation": (f"{doc_a} reports that {party} ({_names(a)}) denied the claim ({_cues(a)}); "
                                    f"{doc_b} reports that {party} ({_names(b)}) did not deny it ({_cues(b)}). "
                                    f"Compared at party level: {party} is the {'speaker group' if party in _GROUPS else 'actor'} "
                                    f"the deniers belong to."),
                    "statements_a": ";".join(a["statement_id"]), "statements_b": ";".join(b["statement_id"]),
                })
    return rows


_GROUPS = {"Ukraine", "Russia", "Iran", "United States", "European Union", "NATO"}


def _report_rank(statements: pd.DataFrame) -> pd.Series:
    """Which affirming statement best stands for a document's report: a news organisation's
    report first, then any other attributed statement, then the article's own voice."""
    group, speaker = _text(statements, "speaker_group"), _text(statements, "speaker")
    return (group.ne("Media").astype(int) * 1 + speaker.eq("").astype(int) * 2)


def _denial_vs_report(found: pd.DataFrame, statements: pd.DataFrame, codebook: Codebook, lexicon: _Lexicon,
                      require_silence: bool) -> list[dict]:
    known = parties(codebook)
    affirm = statements[_text(statements, "stance").eq("affirm")].copy()
    affirm["party"] = [known.get(s) or (g if g not in CATCH_ALL_GROUPS else s)
                       for s, g in zip(_text(affirm, "speaker"), _text(affirm, "speaker_group"))]
    affirm["_rank"] = _report_rank(affirm)
    affirm = affirm.sort_values(["doc_id", "_rank", "start" if "start" in affirm else "statement_id"], kind="mergesort")
    rows = []
    for party, events in found[~found["negated"]].groupby("party", sort=True):
        deniers = set(events["doc_id"])
        for doc_a, a in events.groupby("doc_id", sort=True):
            for doc_b, b in affirm[affirm["party"].ne(party)].groupby("doc_id", sort=True):
                if doc_b == doc_a or (require_silence and doc_b in deniers):
                    continue
                best = b.iloc[0]
                who = best["speaker"] or "the article's own voice"
                rows.append({
                    "topic": lexicon.label, "doc_a": doc_a, "statement_a": a.iloc[0]["statement_id"],
                    "doc_b": doc_b, "statement_b": best["statement_id"], "kind": KINDS[1], "actor": party,
                    "text_a": a.iloc[0]["text"], "text_b": best["text"],
                    "explanation": (f"{doc_a} carries {party}'s denial ({_names(a)}: {_cues(a)}); {doc_b} reports the claim "
                                    f"({who}) in {len(b)} affirming statement(s) and mentions no denial by {party}."),
                    "statements_a": ";".join(a["statement_id"]), "statements_b": ";".join(b["statement_id"]),
                })
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


def _numbers(quantities: pd.DataFrame, statements: pd.DataFrame, lexicon: _Lexicon, include_differing: bool) -> list[dict]:
    if lexicon.action is None:
        return []
    texts = dict(zip(statements["statement_id"], _text(statements, "text")))
    q = quantities.copy()
    q["statement_text"] = q["statement_id"].map(texts).fillna(_text(q, "statement"))
    q = q[q["statement_text"].map(lambda t: bool(lexicon.action.search(t)))]
    words = _text(q, "unit").str.split()
    q["head"] = words.map(lambda w: _singular(w[-1]) if w else "")
    q["modifier"] = words.map(lambda w: w[-2].lower() if len(w) > 1 else "")
    q["mode"] = q["statement_text"].map(lambda t: "expected" if _EXPECTED.search(t) else "done")
    q = q[q["head"].ne("")].sort_values(["doc_id", "statement_id", "start"], kind="mergesort")
    rows = []
    records = q.to_dict("records")
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            if a["doc_id"] == b["doc_id"] or a["head"] != b["head"]:
                continue
            if a["modifier"] and b["modifier"] and a["modifier"] != b["modifier"]:
                continue
            ia = _interval(float(a["number"]), a["qualifier"])
            ib = _interval(float(b["number"]), b["qualifier"])
            if ia == ib:
                continue
            disjoint = ia[1] < ib[0] or ib[1] < ia[0]
            same_mode = a["mode"] == b["mode"]
            kind = KINDS[2] if disjoint and same_mode else KINDS[3]
            if kind == KINDS[3] and not include_differing:
                continue
            why = []
            why.append("the ranges cannot both hold" if disjoint else "the ranges overlap (one may be a rounding of the other)")
            why.append(f"both describe {'a delivery already made' if a['mode'] == 'done' else 'an expected delivery'}"
                       if same_mode else
                       f"{a['doc_id']} describes {'a delivery already made' if a['mode'] == 'done' else 'an expected one'}, "
                       f"{b['doc_id']} {'one already made' if b['mode'] == 'done' else 'an expected one'}, "
                       "so they may count different shipments")
            rows.append({
                "topic": f"number of {a['head']}s" + (f" ({a['modifier'] or b['modifier']})" if a["modifier"] or b["modifier"] else ""),
                "doc_a": a["doc_id"], "statement_a": a["statement_id"], "doc_b": b["doc_id"], "statement_b": b["statement_id"],
                "kind": kind, "actor": "", "text_a": a["statement_text"], "text_b": b["statement_text"],
                "explanation": (f"\u201c{a['text']}\u201d ({_range(ia)}) vs \u201c{b['text']}\u201d ({_range(ib)}): "
                                + "; ".join(why) + "."),
                "statements_a": a["statement_id"], "statements_b": b["statement_id"],
            })
    return rows


def _range(interval: tuple[float, float]) -> str:
    low, high = interval
    if low == high:
        return f"exactly {low:,.0f}"
    if high == float("inf"):
        return f"at least {low:,.0f}"
    return f"{low:,.0f} to {high:,.0f}"
