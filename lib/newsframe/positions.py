"""Where a statement stands on its own claim's proposition: affirm, report, hedge, deny, not_deny.

A claim (stage 3: statements of one story that assert much the same) is a proposition: the
content of its representative statement without the attribution frame. A statement in it
asserts that proposition in the outlet's own voice (``affirm``), reports someone asserting it
(``report``), doubts it (``hedge``), reports a party *denying* it (``deny``) or reports that a
party did *not* deny it (``not_deny``). This needs no claim under study and no codebook: the
denied proposition is read from the shape of the sentence, then compared with the claim's.

What is denied (``denial``), by the shape of English denials:

- "X denied (late Monday) that P", "X rejected claims that P", "X dismissed as false reports
  that P", "reports that P are false": the that-clause P;
- "X denied colluding with Y", "X denied any involvement in the attack": X and the gerund or
  the participation noun ("involvement", "role", "links") with what follows;
- an attributed statement whose main clause is negated ("Iran has never given Russia drones,
  the minister said"): that clause without its negation, denied by the speaker (not when it is a
  wish, a plan, a condition or a time frame: "does not want", "if ... not", "has not yet");
- "X denied the allegations": what the statement before it in the document says.

A pronoun opening the denied clause ("the regime denied that it used ...", "Republicans insisted
they hadn't ...") stands for the denier when the sentence names them; otherwise it stays.

Not denials: a negated denial cue ("has not denied", "without denying", "declined to deny") is
``not_deny``; an open question ("would neither confirm nor deny", "to support or refute") is a
hedge; "denied the request", "rejected the offer" deny no proposition and count as reports.

A denial belongs to its claim only when the denied proposition *is* the claim's: enough of its
content words recur in the claim's proposition (``covers``). "Iran, which denies arming the
rebels, said talks would resume" in a claim about talks denies a side clause, not the claim.
Another statement asserts what is denied only when it is ``plain`` (no hedge, report, question,
negation or first person), carries most of the denied content words, and says the denial's
predicate of its subject in one clause (``clauses``): a statement sharing the story's names
and topic words is not enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import propositions
from .framing import _text, claim_ids

#: Positions toward a claim's proposition, strongest disagreement last.
POSITIONS = ("affirm", "report", "hedge", "not_deny", "deny")

_DENY_VERB = (
    r"(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?)"
)
_DENY = re.compile(rf"(?<![\w-]){_DENY_VERB}(?![\w-])", re.I)
#: A denial cue negated or withheld: "has not denied", "didn't deny", "without denying", "declined to deny".
_NOT_BEFORE = re.compile(
    r"(?:\b(?:not|never|n[’']t|without)|\b(?:refus\w+|declin\w+|fail\w+|unwilling|reluctant)\s+to)\s+(?:\w+\s+){0,2}$",
    re.I,
)
#: An open question rather than a denial: "confirm or deny", "neither confirmed nor denied", "support or refute".
_EITHER_BEFORE = re.compile(r"\b(?:or|nor)\s+$", re.I)
_EITHER_AFTER = re.compile(r"^\s+(?:or|nor)\b", re.I)
#: What is claimed, as a noun: "claims that", "reports that", "the allegation that".
_CLAIM_NOUN = (
    r"(?:reports?|claims?|allegations?|accusations?|suggestions?|assertions?|charges?|notion|idea|"
    r"rumou?rs?|speculation|contention|insinuations?|characteri[sz]ations?|narratives?|theory|theories|"
    r"beliefs?|views?|arguments?|stories|story|hoax|myths?|lies|lie|premise|impression|perception)"
)
#: A few words (a time, a manner: "late Monday", "in a statement") may stand between the cue and what it denies.
_SKIP = r"^(?:\s*[\w.’'-]+){0,5}?\s+"
_THAT_CLAUSE = re.compile(rf"{_SKIP}(?:{_CLAIM_NOUN}\s+)?that\s+(?P<p>.+)$", re.I)
_NOUN_THAT = re.compile(rf"{_SKIP}{_CLAIM_NOUN}\s+that\s+(?P<p>.+)$", re.I)
_GERUND = re.compile(
    r"^\s*(?:(?:ever|any|all|that|it|he|she|they|personally)\s+){0,2}(?P<p>(?:having\s+)?\w+ing\b.+)$", re.I
)
#: Participation nouns: what "X denied any ___ in Y" denies X had.
_PARTICIPATION = re.compile(
    r"^\s*(?:(?:any|all|the|its|his|her|their|a|direct|personal|official)\s+){0,3}"
    r"(?P<p>(?:involvement|role|responsibility|wrongdoing|links?|ties|connections?|knowledge|contacts?|"
    r"participation|complicity|culpability|collusion|interference|meddling|presence|use)\b.*)$",
    re.I,
)
#: "denied the allegations", "rejected these claims": what is denied was said just before.
_EARLIER_CLAIM = re.compile(
    r"^\s*(?:the|these|those|such|that|this|all|both|any|all\s+the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:accusations?|allegations?|claims?|reports?|charges?)\b(?!\s+(?:that|of|about|by|from|in|on))",
    re.I,
)
#: The rule of a denial whose object is the statement before it (``positions`` fills it in).
EARLIER = "deny + the claim said before"
#: "reports that P are false": the claim noun, its that-clause, then a verdict of falsehood.
_CALLED_FALSE = re.compile(
    rf"\b{_CLAIM_NOUN}\s+that\s+(?P<p>.+?)\s+(?:is|are|was|were)\s+(?:(?:completely|totally|entirely|simply|utterly)\s+)?"
    r"(?:false|untrue|baseless|unfounded|groundless|fabricated|fake|lies|nonsense|not\s+true)\b",
    re.I,
)
#: Where a proposition ends: the next clause that is not part of it.
_CLAUSE_END = re.compile(
    r"\s*(?:[;:]|\s[—–-]{1,2}\s|,\s*(?:saying|adding|calling|citing|despite|although|though|while|but|and\s+said|as|"
    r"according|accusing|insisting|arguing|claiming|noting|blaming)\b|,\s+and\s+|\s+but\s+|\s+(?:while|whereas|though|although|despite)\s+|"
    r"(?<![A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)\.\s|\.$|"
    r"\bas\s+(?:false|baseless|untrue|unfounded|groundless|fabricated|fake|nonsense|lies)\b)",
    re.I,
)
#: A main clause negated: "Iran has never given Russia drones", "There was no transfer".
_NEGATED_MAIN = re.compile(
    r"^(?P<subj>(?:[\w’'.-]+\s+){1,6}?)(?P<aux>(?:has|have|had|did|does|do|is|are|was|were)\s*"
    r"(?:not|n[’']t|never)|never|(?:is|are|was|were|has\s+been|have\s+been)\s+no)\s+(?P<rest>.+)$",
    re.I,
)
#: Every rule of ``denial`` needs one of these words: a denial verb, a negation, or "false" and its kin.
_MAY_DENY = re.compile(
    rf"{_DENY.pattern}|\b(?:not|never|no|false|untrue|baseless|unfounded|groundless|fabricated|fake|lies|nonsense)\b"
    r"|n[’']t\b",
    re.I,
)
#: A subject that makes the clause a condition, a question or a report of something else.
_NOT_A_SUBJECT = re.compile(
    r"\b(?:if|when|whether|while|unless|because|saying|that|what|how|why|and|but|or|to|will|would|can|could|should|"
    r"may|might|must|still|yet|longer|now|this|these|those|it)\b",
    re.I,
)
#: A negated clause about time, response, knowledge or wishes rather than about what happened.
_NOT_A_DENIAL = re.compile(
    r"^\s*(?:yet|immediately|respond\w*|return\w*|comment\w*|say|said|know\w*|knew|clear|sure|be\s+reached|want\w*|"
    r"think\w*|believe\w*|expect\w*|plan\w*|intend\w*|seem\w*|need\w*|mean\w*|like|care|see|understand\w*|agree\w*|"
    r"recall\w*|remember\w*|rule\w*\s+out|appreciate\w*|matter\w*|have\s+to|going\s+to|allow\w*|want|about|enough|"
    r"(?:no\s+)?(?:time|need|reason|doubt|way|place|question|choice|option|alternative|interest|intention|plans?)\b)\b",
    re.I,
)
_UNSETTLED = re.compile(r"\b(?:yet|so\s+far|still|anymore|any\s+more|no\s+longer|until)\b", re.I)
_QUESTION = re.compile(r"\?\s*[”\"]?\s*$")
_NEGATION = re.compile(r"(?<![\w-])(?:not|never|no|none|nothing|neither|nor|cannot)(?![\w-])|n[’']t\b", re.I)
#: Words that make an own-voice sentence something other than the outlet's assertion: a report
#: ("said", "according to"), an open question ("whether"), a claim named as such ("claims that"),
#: or a quotation's continuation (first person).
_NOT_OWN_ASSERTION = re.compile(
    rf"(?<![\w-])(?:I|(?i:said|says|say|told|tells|according|claim(?:s|ed)?|alleg\w+|accus\w+|whether|if|we|my|our|me|us"
    r"|should|would|could|may|might|must|will|investigat\w*|probe[sd]?|probing|inquir\w*|suspect\w*|charg\w+|"
    r"purported\w*|possible|possibly|potential\w*|question\w*|examin\w*|calls?\s+for|called\s+for|demand\w*|"
    r"likely|unlikely|reportedly|apparently|appear\w*|seem\w*|believ\w*|assess\w*|conclu\w*|thought|expect\w*|"
    r"fear\w*|warn\w*|concern\w*|suggest\w*|indicat\w*|surfaced|"
    rf"{_CLAIM_NOUN}\s+that))(?![\w-])",
)

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either even ever every few
    for from further had has have having he her here hers herself him himself his how i if in into is it
    its itself just last least less let like made make many may me might more most much must my myself
    neither never new no nor not now of off on once one only or other our ours out over own per said
    same say says saying she should since so some such than that the their them then there these they
    this those though through to told too under until up upon us very was we were what when where which
    while who whom whose why will with within without would yet you your week weeks month months year
    years monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow mr mrs ms
    dr according reported reports report statement told added officials official people time deny
    denied denies denying denial reject rejected rejects dismissed dismiss refuted refute claims claim
    allegations allegation accusations accusation false baseless unfounded""".split()  # noqa: SIM905
)


_NAME = "^"  # marks the stem of a capitalised word (a name)


def stems(text: str) -> frozenset:
    """The content words of a text, each cut to a short stem so that word forms meet ("colluding",
    "collusion"; "Iranian", "Iran"): five letters, four for a capitalised name."""
    return frozenset(_stem(word) for word in _WORD.findall(str(text or "")) if _content(word))


def _content(word: str) -> bool:
    low = word.lower().replace("’", "'").split("'")[0]
    return len(low) >= 3 and low not in _STOP


_SUFFIX = re.compile(r"(?:ing|ed|es|s|ions?|ments?)$")


def _stem(word: str) -> str:
    """A name: its first four letters, marked; another word: its first five, after a verb or
    noun ending ("called", "calling" -> "call")."""
    low = word.lower().replace("’", "'").split("'")[0]
    if word[0].isupper():
        return _NAME + low[:4]
    cut = _SUFFIX.sub("", low)
    return (cut if len(cut) >= 4 else low)[:5]


def subject(text: str) -> str:
    """The stem of the name a proposition starts with ("Russia interfered ..."), or ''."""
    words = [w for w in _WORD.findall(str(text or ""))[:3] if _content(w)]
    return _stem(words[0]) if words and words[0][0].isupper() else ""


def head(text: str) -> str:
    """The stem of the first content word that is not a name: what a denial says of its subject
    ("filibustered", "ties", "involvement"), the word a statement asserting it cannot lack."""
    for word in _WORD.findall(str(text or "")):
        if _content(word) and not word[0].isupper():
            return _stem(word)
    return ""


_SUBORDINATE = re.compile(
    r"\b(?:when|which|who|whom|whose|because|after|before|while|if|unless|although|though|whereas|since|until)\b|;|\s[—–]\s",
    re.I,
)


def clauses(text: str) -> tuple[frozenset, ...]:
    """The stems of each clause of a sentence, split where a subordinate clause begins: a predicate
    said of a subject sits in the subject's clause ("Republicans signaled ..., when 51 votes are
    required to stop a filibuster" does not say that Republicans filibustered)."""
    return tuple(stems(part) for part in _SUBORDINATE.split(str(text or "")))


def covers(
    proposition: frozenset,
    denied: frozenset,
    share: float = 0.75,
    at_least: int = 3,
    predicate: str = "",
    who: str = "",
    parts: tuple[frozenset, ...] = (),
) -> bool:
    """Whether ``proposition`` asserts what ``denied`` denies: most of the denied content words
    recur in it, and so do most of those that are not names, its ``predicate`` (``head``) and its
    subject (``who``) among them (a denial of a different thing shares the names of the story, not
    what is said of them); with the proposition's ``parts`` (``clauses``), in one clause."""
    if any(word and word not in proposition for word in (predicate, who)):
        return False
    if parts and predicate and who and not any(predicate in part and who in part for part in parts):
        return False
    shared = proposition & denied
    words = {w for w in denied if not w.startswith(_NAME)}
    if len(words) < 2 or len(shared) < at_least or len(shared) < share * len(denied):
        return False
    names = denied - words
    return (
        len(words & shared) >= min(2, len(words))
        and len(words & shared) >= share * len(words)
        and (not names or bool(names & shared))
    )


@dataclass(frozen=True)
class Denial:
    """A denial found in a statement: what is denied (its text), whether it is negated
    ("did not deny"), who denies (the words before the cue, or the speaker) and by which rule."""

    denied: str
    negated: bool
    denier: str
    rule: str


def said(text: str, cue: str = "", quote: str = "") -> str:
    """What the statement says without its attribution frame (``propositions.content``), but never
    past a negation: "X said the inquiry did not establish that P" says the inquiry did not
    establish P, not P."""
    text, cue = str(text or ""), str(cue or "")
    found = propositions.content(text, cue, quote)
    at = text.lower().find(cue.lower()) if cue else -1
    start = text.find(found.rstrip(".")[1:]) - 1 if found else -1
    if at >= 0 and start > at and _NEGATION.search(text[at + len(cue) : start]):
        return text[at + len(cue) :].strip(" ,")
    return found


def _clause(text: str) -> str:
    """The proposition up to where its clause ends."""
    text = text.strip(" “”\"'‘’")
    end = _CLAUSE_END.search(text)
    return (text[: end.start()] if end else text).strip(" ,“”\"'‘’")


def _subject_before(text: str, at: int) -> str:
    """Who denies, named before the cue: the last name (a run of capitalised words, with "the"
    and a lower-case head noun: "the Syrian regime") in the clause that ends at the cue, or ''."""
    clause = re.split(r"[;:“”\"(]|\b(?:that|and|but)\b", text[:at])[-1]
    # "Kosachev, who chairs ..., has denied", "Biden, responding to a question ..., denied"
    apposition = re.search(r"^(.*?[A-Z][\w.-]*),\s*(?:who|which|\w+ing)\b", clause)
    names = [
        n for n in _NAMED.finditer(apposition.group(1) if apposition else clause) if _content(n.group().split()[-1])
    ]
    if not names:
        return ""
    name = names[-1].group().strip()
    after = (apposition.group(1) if apposition else clause)[
        names[-1].end() :
    ]  # "Manafort’s attorneys strenuously denied": the owner's noun comes along
    owned = re.match(r"^[’']s?\s+([a-z]+)\b", after)
    return f"{name}’s {owned.group(1)}" if owned and not owned.group(1).endswith("ly") else name


_HEAD_NOUN = (
    r"(?:regime|government|ministry|officials?|military|forces|army|authorities|campaign|administration|"
    r"spokesman|spokeswoman|president|company|embassy|agency|department|police|prosecutors?|lawyers?|attorneys?)"
)
_NAMED = re.compile(
    rf"(?:\b[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){{0,4}}[A-Z][\w.-]*(?:\s+{_HEAD_NOUN})?|\b[Tt]he\s+{_HEAD_NOUN}\b"
)
_PRONOUN = re.compile(r"^(?:it|he|she|they|its|his|her|their)\b", re.I)


def _object_of_cue(after: str, verb: str) -> tuple[str, str] | None:
    """(denied proposition, rule) from the words after a denial cue, or None: "rejected the offer"
    denies no proposition."""
    noun_that = _NOUN_THAT.match(after)
    if noun_that:
        return _clause(noun_that.group("p")), "cue + claim noun + that-clause"
    if _EARLIER_CLAIM.match(after):
        return "", EARLIER
    if verb.lower().startswith("den"):
        that = _THAT_CLAUSE.match(after)
        if that:
            return _clause(that.group("p")), "deny + that-clause"
        gerund = _GERUND.match(after)
        if gerund and not re.match(r"\s*(?:the|a|an|this|these|those)\b", after, re.I):
            return _clause(gerund.group("p")), "deny + gerund"
        part = _PARTICIPATION.match(after)
        if part:
            return _clause(part.group("p")), "deny + participation noun"
    return None


def denial(text: str, speaker: str = "", cue: str = "", quote: str = "", mention: str = "") -> Denial | None:
    """The denial a statement reports, if any (see the module docstring). ``mention``: the words
    naming the speaker in the text (stage 2's ``source_text``, "Republicans" for the speaker
    group "United States"); a pronoun in the denied clause refers to them."""
    text = str(text or "")
    if not _MAY_DENY.search(text):
        return None  # no denial verb, negation or "false": most sentences, settled in one search
    mention = str(mention or "")
    if not _names(mention, text):
        mention = speaker
    for m in _DENY.finditer(text):
        before, after = text[: m.start()], text[m.end() :]
        if _EITHER_BEFORE.search(before[-6:]) or _EITHER_AFTER.match(after[:6]):
            continue  # an open question, not a denial
        found = _object_of_cue(after, m.group())
        if found is None:
            continue
        denied, rule = found
        negated = bool(_NOT_BEFORE.search(before[-40:]))
        subject = _subject_before(text, m.start())
        if str(cue or "").lower().strip() and m.group().lower() in str(cue).lower() and _names(mention, text):
            subject = mention  # the reporting cue is the denial: its speaker denies
        named = bool(subject) or _names(mention, text)
        subject = subject or (mention if named else "")
        if rule == EARLIER:
            pass
        elif rule in ("deny + gerund", "deny + participation noun"):
            denied = f"{subject or speaker} {denied}"
        elif named and _PRONOUN.match(denied):  # "the regime denied that it used ...": the regime used ...
            owner = re.match(r"^(.*?)’s\s", subject)  # "Manafort’s attorneys denied that he ...": Manafort
            referent = owner.group(1) if owner and re.match(r"(?i)(?:he|she)\b", denied) else subject
            denied = _PRONOUN.sub(referent, denied, count=1)
        return Denial(denied, negated, subject or speaker, rule)
    called = _CALLED_FALSE.search(text)
    if called:
        return Denial(
            _clause(called.group("p")), False, speaker or _subject_before(text, called.start()), "called false"
        )
    if speaker and not _QUESTION.search(text):
        main = _NEGATED_MAIN.match(said(text, cue, quote))
        if main and not _NOT_A_DENIAL.match(main.group("rest")) and not _NOT_A_SUBJECT.search(main.group("subj")):
            denied = _clause(f"{main.group('subj')}{main.group('rest')}")
            if _UNSETTLED.search(denied):
                return None  # "not yet", "no longer": a time frame, not a denial of what happened
            if _PRONOUN.match(denied) and _names(mention, text):  # "Republicans insisted they hadn't ..."
                denied = _PRONOUN.sub(mention, denied, count=1)
            return Denial(denied, False, mention or speaker, "negated main clause")
    return None


def _names(speaker: str, text: str) -> bool:
    """Whether the sentence itself names the speaker (a pronoun in it can then refer to them)."""
    return bool(speaker) and speaker[:1].isupper() and not _PRONOUN.fullmatch(speaker) and speaker in text


def open_question(text: str) -> bool:
    """'would neither confirm nor deny', 'to support or refute': the question is left open."""
    text = str(text or "")
    return any(
        _EITHER_BEFORE.search(text[max(0, m.start() - 6) : m.start()])
        or _EITHER_AFTER.match(text[m.end() : m.end() + 6])
        for m in _DENY.finditer(text)
    )


def plain_fact(text: str, speaker: str = "", hedged: bool = False) -> bool:
    """Stated as fact in the outlet's own voice: no speaker, no hedge, no quotation, no question,
    no negation, no denial and no report of its own (see ``plain``)."""
    return not speaker and plain(text, hedged)


def sentence(text: str) -> bool:
    """A sentence rather than a caption, heading or teaser: it ends like one and has no label colon."""
    text = str(text or "").strip()
    return bool(re.search(r"[.!][”\"’']?$", text)) and ":" not in text


def plain_report(text: str, speaker: str, cue: str = "", quote: str = "", hedged: bool = False) -> bool:
    """A speaker's assertion reported without doubt: what the speaker is said to say is ``plain``."""
    return (
        bool(speaker) and not _DENY.search(str(text)) and plain(re.sub(r"[“”\"]", "", said(text, cue, quote)), hedged)
    )


def plain(text: str, hedged: bool = False) -> bool:
    """An assertion without hedge, quotation marks, question, negation, denial, reporting verb,
    claim noun or first person: what it says, it says is so."""
    text = str(text or "")
    return (
        not hedged
        and not _NOT_OWN_ASSERTION.search(text)
        and not re.search(r"[“”\"]", text)
        and not _QUESTION.search(text)
        and not _NEGATION.search(text)
        and not _DENY.search(text)
        and not re.search(r"(?i)\bdenials?\b", text)
    )


def position(
    text: str,
    proposition: str,
    speaker: str = "",
    cue: str = "",
    quote: str = "",
    hedged: bool = False,
    found: Denial | None | str = "unread",
) -> str:
    """The position of one statement toward its claim's ``proposition`` (``found``: its ``denial``,
    when already read)."""
    found = denial(text, speaker, cue, quote) if isinstance(found, str) else found
    if found is not None and found.denied and covers(stems(proposition), stems(found.denied), share=0.5, at_least=2):
        return "not_deny" if found.negated else "deny"
    if hedged or open_question(text):
        return "hedge"
    if found is None and plain_fact(text, speaker, hedged):
        return "affirm"
    return "report"


def claim_propositions(statements: pd.DataFrame, claims: pd.DataFrame | None = None) -> dict[str, str]:
    """Claim id -> its proposition: the representative's content, without a denial's frame when the
    representative is itself a denial ("X denied that P" stands for P). Without a claims table, the
    claim's label."""
    found: dict[str, str] = {}
    if claims is not None and len(claims) and "representative_id" in claims:
        rep = statements[statements["statement_id"].isin(set(claims["representative_id"].astype(str)))]
        fields = ("text", "speaker", "cue", "quote", "source_text")
        by_id = dict(zip(rep["statement_id"].tolist(), zip(*(_text(rep, f).tolist() for f in fields))))
        for cid, rid in zip(
            claims["cluster_id"].astype(str).tolist(), claims["representative_id"].astype(str).tolist()
        ):
            if rid in by_id:
                t, _, c, q, _ = by_id[rid]
                d = denial(*by_id[rid])
                found[cid] = d.denied if d is not None and d.denied else propositions.content(t, c, q)
    for cid, label in zip(_text(statements, "cluster_id").tolist(), _text(statements, "cluster_label").tolist()):
        if cid and cid not in found:
            found[cid] = label.rstrip(" …")
    return found


#: Each statement's position toward its own claim, added to statements.csv by stage 3 so that
#: stage 4 reads it instead of reading every sentence again.
COLUMNS = ["position", "denied", "denier", "denial_rule"]


def _free(statements: pd.DataFrame) -> pd.Series:
    """Statements that take a position on their own claim: in a claim, not about a claim under
    study (those have stage 2's stance toward it)."""
    return claim_ids(_text(statements, "cluster_id")).ne("") & _text(statements, "stance").eq("")


def with_positions(statements: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """``statements`` with ``COLUMNS`` (``positions``, read afresh: columns from an earlier run
    are replaced) for the statements that take a position on their own claim, empty for the rest."""
    found = positioned(statements.drop(columns=COLUMNS, errors="ignore"), claims)
    return statements.assign(**{c: found[c].reindex(statements.index, fill_value="") for c in COLUMNS})


def positioned(statements: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """The statements that take a position on their own claim, with ``COLUMNS``: as stage 3
    wrote them when present, else read now."""
    free = statements[_free(statements)]
    if all(c in free for c in COLUMNS):
        return free.assign(**{c: free[c].fillna("").astype(str) for c in COLUMNS})
    return free.join(positions(free, claims)) if len(free) else free.assign(**dict.fromkeys(COLUMNS, ""))


def positions(statements: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per statement with a claim, indexed like ``statements``: ``position`` toward the claim's
    proposition, and for a denial what it denies (``denied``), who denies (``denier``) and by which
    rule (``denial_rule``). "He denied the allegations" denies what the statement before it in the
    document says."""
    proposition = claim_propositions(statements, claims)
    columns = [_text(statements, c).tolist() for c in ("text", "speaker", "cue", "quote", "source_text")]
    found = [denial(*row) for row in zip(*columns)]
    earlier = _said_before(
        statements, {i for i, d in zip(statements.index, found) if d is not None and d.rule == EARLIER}
    )
    found = [
        Denial(_clause(earlier.get(i, "")), d.negated, d.denier, d.rule) if d is not None and d.rule == EARLIER else d
        for i, d in zip(statements.index, found)
    ]
    hedged = _text(statements, "hedged").str.lower().isin(["true", "1"]).tolist()
    rows = []
    for (t, s, c, q, _), cid, h, d in zip(zip(*columns), _text(statements, "cluster_id").tolist(), hedged, found):
        where = position(t, proposition.get(cid, ""), s, c, q, h, d) if cid else ""
        denies = where in ("deny", "not_deny")
        rows.append((where, d.denied if denies else "", d.denier if denies else "", d.rule if denies else ""))
    return pd.DataFrame(rows, columns=["position", "denied", "denier", "denial_rule"], index=statements.index)


def _said_before(statements: pd.DataFrame, wanted: set) -> dict:
    """Row label -> what the statement before it in its document says (``said``), for the rows
    ``wanted`` (those denying something said before: "denied the allegations")."""
    if not wanted or "start" not in statements or "doc_id" not in statements:
        return {}
    ordered = statements.sort_values(["doc_id", "start"], kind="mergesort")
    get = lambda name: ordered[name].fillna("").astype(str).tolist() if name in ordered else [""] * len(ordered)
    docs, texts, cues, quotes = get("doc_id"), get("text"), get("cue"), get("quote")
    found = {}
    for k, label in enumerate(ordered.index):
        if label in wanted and k and docs[k - 1] == docs[k]:
            found[label] = said(texts[k - 1], cues[k - 1], quotes[k - 1])
    return found
