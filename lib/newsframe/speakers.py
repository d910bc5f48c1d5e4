"""One person, one speaker, one side: a corpus-level pass over the attributed statements.

Attribution reads one document at a time and keeps each source as written ("Mr. Trump",
"President Trump", "he", "One strike"). This pass, run once over the whole statements table
(linear in its size), turns those mentions into speakers:

- a person's name loses titles and honorifics, and a surname alone joins the full name the same
  document gives, else the one the corpus gives most ("Mr. Trump" -> "Donald Trump"); spelling
  variants of a surname merge (Zelensky, Zelenskyy);
- a person's side is learnt from how the corpus describes them anywhere ("Ukrainian President
  Volodymyr Zelensky", "Dmitry Peskov, the Kremlin spokesman") and applies everywhere;
- unnamed officials take the side their modifier names ("Iranian officials" -> Iran), else Media;
  a body of a state or its officer named without a country ("the interior ministry", "police",
  "Najib Danish, interior ministry spokesperson") takes the country its document names most;
- a pronoun or relative ("he", "it", "who") resolves to the nearest compatible named speaker of
  the document or stays unresolved (no speaker); it never becomes a name, and "he" or "she"
  never resolves to an organisation or a medium;
- fragments ("One strike", "Another") are no speakers: a mention needs a proper name, a noun
  for people or bodies, or a pronoun.

The codebook wins wherever it names an actor; a side outside the codebook's groups is "Other".
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache, lru_cache, partial
from itertools import islice

import pandas as pd
from rapidfuzz import fuzz, process

from . import paths
from .codebook import GROUPS, Codebook
from .described_sides import (
    COUNTRY_KINDS,
    MEDIA_NAME,
    MEDIA_NOUNS,
    PARTY_FAMILIES,
    PRIVATE_TRADE,
    a_medium,
    a_private_trade,
    described_side,
    serves_a_state,
    side_of,
)
from .engine import iter_documents
from .mentions import (
    COMPASS_POINTS,
    HONORED,
    LOWER_WORD,
    MEMBERS_OF,
    OFFICIAL_BEFORE_NAME,
    OTHER,
    PLURAL_END,
    RELATIVE_CLAUSE,
    SPEAKER_NOUNS,
    Mention,
    _classify,
    classify,
    side_shaped,
)
from .names import (
    ALL_PRONOUNS,
    DETERMINERS,
    MONTHS,
    NAME_RUN,
    OPENER_INITIALS,
    ORG_WORDS,
    PARTY_TAG,
    UNNAMED,
    WEEKDAY,
    WEEKDAYS,
    GivenNames,
    _person_like,
    a_region,
    fold,
    inner_names,
    is_title,
    is_weekday,
    name_in_run,
    names_a_place,
    person_key,
    without_sentence_opener,
    written_full_name,
)
from .pronouns import People, Rows, _antecedent, resolve_pronouns
from .sides import MEDIA, POSSESSIVE, US_PARTIES, gazetteer
from .source_noise import before_a_past_tense, without_noise

_WORDS = re.compile(r"[A-Za-z][\w’'-]*")
#: A description set off by a comma after a name, to its clause's end; an initial's full stop ("the
#: U.S. Navy") is no end, and the next item of a list is no description ("the governor of the Bank of
#: England, Mark Carney, and the US president": no US governor).
_APPOSITION = re.compile(
    r"\s*,(?!\s*(?:and|or|but|nor)\s)\s*(?:(?:the|a|an)\s+)?(?P<desc>(?:[^,.;:()“”\"]|(?<=\b[A-Z])\.){3,120})"
)
_DEFINITE = re.compile(r"^(?:the|this|that|these|those)\s", re.I)
_CAPITAL_AFTER_SPACE = re.compile(r"\s[A-Z]")


class _Quotes:
    """Where a text's quotation marks are, so that 'is this position quoted?' costs a binary
    search, not a scan: a statement can be a whole unsplit page, with thousands of names."""

    def __init__(self, text: str):
        self.opening = [m.start() for m in re.finditer("“", text)]
        self.closing = [m.start() for m in re.finditer("”", text)]
        self.straight = [m.start() for m in re.finditer('"', text)]

    def inside(self, at: int) -> bool:
        return (
            bisect.bisect_left(self.opening, at) > bisect.bisect_left(self.closing, at)
            or bisect.bisect_left(self.straight, at) % 2 == 1
        )


_ARTICLE = re.compile(r"^[ae]l-(?=\w{3})")  # "al-Assad", "el-Sisi"


class _Surnames:
    """Surname spelling variants joined (Zelensky ~ Zelenskyy), compared only within a bucket of
    names sharing their first three letters, so the pass stays linear in practice."""

    def __init__(self, surnames):
        self.parent: dict[str, str] = {}
        buckets: dict[str, list[str]] = defaultdict(list)
        for s in sorted(set(surnames)):
            self.parent[s] = s
            if len(s) >= 5:
                buckets[s[:3]].append(s)
        for names in buckets.values():
            if len(names) < 2:
                continue
            names = names[:500]
            scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=88)  # one C call per bucket
            for i, j in zip(*scores.nonzero()):
                if i < j and abs(len(names[i]) - len(names[j])) <= 2:
                    self._union(names[i], names[j])
        for s in list(self.parent):  # "Morsy" ~ "Morsi": one transliteration's ways
            if len(s) >= 5 and s.endswith("y") and s[:-1] + "i" in self.parent:
                self._union(s, s[:-1] + "i")
        self.root = {s: self._find(s) for s in self.parent}  # one look-up per call, not a walk

    def join_articles(self, names) -> None:
        """A surname with Arabic's article joined ("Bashar al-Assad") and without it ("Bashar
        Assad"), when one first name is written with both, or when the bare one is only ever
        written alone ("Anwar al-Awlaki", then "Awlaki said"): one surname, and "al-Assad" alone
        is that person too. Not on a shared word alone: "al-Shabab" is no "Shabab"."""
        firsts: dict[str, set[str]] = defaultdict(set)
        for name in names:
            first, last = person_key(name)
            if first:
                firsts[last].add(first)
        given = {word for names in firsts.values() for first in names for word in first.split()}
        joined = Counter(self._find(s) for s in self.parent)  # a bare surname only alone joins only as itself
        for last, with_article in firsts.items():
            bare = _ARTICLE.sub("", last)
            if bare == last or bare not in self.parent:
                continue
            alone = bare not in firsts and bare not in given and joined[self._find(bare)] == 1
            if alone or with_article & firsts.get(bare, set()):
                self._union(last, bare)
        self.root = {s: self._find(s) for s in self.parent}

    def _find(self, s: str) -> str:
        while self.parent.get(s, s) != s:
            s = self.parent[s]
        return s

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def __call__(self, surname: str) -> str:
        return self.root.get(surname, surname)


class _Groups:
    """A side as a speaker group: itself without a codebook; with one, the codebook's group
    (a group of that name, or the group of an actor so named), else Other."""

    def __init__(self, codebook: Codebook):
        self.closed = bool(codebook.actors)
        self.allowed = set(codebook.groups or GROUPS)
        self.by_name = {}
        for actor in codebook.actors:
            for alias in (actor.name, *actor.aliases):
                self.by_name.setdefault(fold(alias), actor.group)

    def __call__(self, side: str, kind: str = "") -> str:
        if kind == "media":
            return MEDIA
        if not side:
            return OTHER
        if not self.closed:
            return side
        if side in self.allowed:
            return side
        return self.by_name.get(fold(side), OTHER)


class TextScans:
    """What the corpus pass reads from each statement's text alone, whatever the other statements
    say: the text's capitalised runs, the corpus's counts of words in lower case and capitalised
    after a lower-case word, the media the corpus calls a newspaper or the like. Texts are added
    one at a time in table order, so that extraction can scan each document's statements as they
    come back while its workers still extract the rest (the counts sum exactly: no word spans two
    statements)."""

    def __init__(self):
        self.runs: list[tuple[tuple[int, int, str, bool], ...]] = []  # per text, from _name_runs
        self.lower: Counter = Counter()
        self.upper: Counter = Counter()
        self.media: set[str] = set()

    @classmethod
    def of(cls, texts) -> TextScans:
        scans = cls()
        for text in texts:
            scans.add(text)
        return scans

    def add(self, text: str) -> None:
        self.runs.append(_name_runs(text))
        self.lower.update(LOWER_WORD.findall(text))
        self.upper.update(map(str.lower, _UPPER_AFTER_LOWER.findall(text)))
        if _MEDIUM_WORD.search(text):
            self.media |= _media_named(text)

    def common_words(self) -> frozenset[str]:
        """Capitalised words this corpus mostly writes in lower case ('One', 'Another', 'Strike'):
        lower-case uses against capitalised ones after a lower-case word (not a sentence start)."""
        return frozenset(w for w, n in self.lower.items() if n > self.upper.get(w, 0))


def _name_runs(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """``(start, end, run, quoted)`` of each capitalised run of a text, found once for both
    scans of the corpus pass; a run ending an organisation's name is no person for either. A
    tuple of tuples of plain values, which the garbage collector stops tracking: the corpus has
    one per statement."""
    runs = [
        m
        for m in NAME_RUN.finditer(text)
        if not (text.endswith(_ORG_JOINERS, 0, m.start()) and _in_organisation_name(text, m.start()))
    ]
    if not runs or not _MARK.search(text):
        return tuple((m.start(), m.end(), m.group(), False) for m in runs)
    quotes = _Quotes(text)
    return tuple((m.start(), m.end(), m.group(), quotes.inside(m.start())) for m in runs)


# Each opens with its character class and looks behind only then: a scan skips straight to
# candidate letters instead of testing the look-behind at every character.
_UPPER_AFTER_LOWER = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[\w’'-]*")  # capitalised after a lower-case word


_ON_AT_END = re.compile(r"\s+on$")
_WHO_AT_END = re.compile(r",?\s+who$")


def _subject_before_a_day(text: str, day: str, common: frozenset[str]) -> Mention:
    """Who a sentence names before "on Tuesday" when attribution took the day for the source
    ("Omran al-Zoubi, Syria's information minister, on Tuesday challenged"; "Cummings, who on
    Tuesday announced"); no one if it names none: a day never speaks."""
    before = text[: max(text.find(day), 0)].rstrip()
    before = _ON_AT_END.sub("", before).rstrip(" ,")
    relative = _WHO_AT_END.search(before)
    found = (
        _antecedent(before[: relative.start()], common) if relative else classify(before, common) if before else None
    )
    return found if found is not None and found.kind not in ("none", "pronoun", "source") else Mention("none")


#: A document a source names ("a blistering statement", "a pre-recorded statement", "an open letter"),
#: and who the sentence says put it out, right before it.
_A_DOCUMENT = re.compile(
    r"(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w-]+\s+){0,2}(?:statement|letter|video|message|release|communiqu[eé])"
)
_PUT_OUT = re.compile(
    r"(?P<subject>[^,;:“”\"]+?)\s+(?:also\s+)?(?:issued|released|put\s+out|posted|published|sent|read)\s+"
    r"(?:(?:a|an|the|his|her|its|their)\s+)?$"
)


def _issuer_of_the_document(text: str, source: str, common: frozenset[str]) -> Mention | None:
    """Who put out the document a source names (``_A_DOCUMENT``), when the sentence says so right before it ("the
    Iraqi government issued a blistering statement condemning": the government; "Abbott released a
    pre-recorded statement calling": Abbott); else None."""
    at = text.find(source)
    put_out = _PUT_OUT.search(text, 0, at) if at > 0 else None
    if put_out is None:
        return None
    found = classify(put_out.group("subject").strip(), common)
    return found if found.kind not in ("none", "pronoun", "source") else None


#: A report referred back to ("the report said", "The new report found"): its author, when the
#: document named one earlier ("a report by Amnesty International", "a Pentagon report").
_THE_REPORT = re.compile(r"(?i:the|that|this)\s+(?:(?:new|latest|recent|final|annual|full)\s+)?report")
_NOT_AN_ADJECTIVE = r"(?!(?:in|on|at|of|to|for|from|with|by|a|an|the|and|or|that|which|whose)\s)"
_CAPITALISED = r"[A-Z][\w.&’']*(?:-[A-Z][\w.&’']*)*"  # "Al-Ahram", not "Republican-authored"
#: A report with its author in the words before ("a Pentagon report", "Amnesty International's new
#: report") or after it ("a comprehensive report released by the Senate Intelligence Committee").
_AUTHORED_REPORT = re.compile(
    rf"(?<![\w’'-])(?:(?:{_CAPITALISED}\s+){{0,3}}{_CAPITALISED}(?:['’]s?)?\s+)?(?:{_NOT_AN_ADJECTIVE}[a-z-]+\s+){{0,2}}?report\b"
    rf"(?:\s+(?:{_NOT_AN_ADJECTIVE}[a-z]+\s+){{0,2}}?(?:by|from)\s+(?:the\s+)?{_CAPITALISED}"
    rf"(?:\s+(?:{_CAPITALISED}|of|for|on|and))*(?<![\s.]))?"
)
_AUTHORS = ("person", "institution", "organisation", "country", "media")
_NO_AUTHOR = re.compile(rf"^(?:{WEEKDAYS}|{MONTHS})$|\breport")  # "a Thursday report", "September report"


def _first_authored_report(
    rows: list[int], texts: list[str], common: frozenset[str]
) -> tuple[int, str, Mention] | None:
    """(row, the words naming it, its author) of the first report with an author that a document
    names outside quotations, else None: the report a story is about is the one it opens with (the
    nearest one before a "the report said" was as often another, cited in passing)."""
    for j in rows:
        if "report" not in texts[j]:
            continue
        quotes = None
        for m in _AUTHORED_REPORT.finditer(texts[j]):
            quotes = quotes or _Quotes(texts[j])
            author = None if quotes.inside(m.start()) else classify(m.group(), common)
            if author is not None and author.kind in _AUTHORS and not _NO_AUTHOR.search(author.name):
                return j, m.group(), author
    return None


#: A source that opens with a verb ("served with X", "who chairs the committee"): the predicate of a
#: relative clause, not who speaks; and a name set off inside it ("who lost his seat, Junius Ho").
_OPENS_WITH_A_VERB = re.compile(
    r"(?!(?:a|an|the|his|her|its|their|this|that|these|those|some|many|most|one|two|he|she|it|they|we|i|you)\s)"
    r"[a-z][\w’'-]*\s+\S"
)
_SET_OFF = re.compile(r",\s|\s[-–—]+\s")
_NAME_THEN_DESCRIPTION = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,4})(?:,\s*[RDI]-[A-Z][\w.]*)?,\s*(?:(?:an?|the)\s+)?[a-z][^,]*$"
)


def _subject_of_the_relative_clause(text: str, source: str, common: frozenset[str]) -> Mention | None:
    """Who speaks when attribution took a relative clause's predicate for the source ("Soldiers who
    served with Bergdahl said": the soldiers; "Nicholas Burns, a former official who supported X,
    warned": Burns; "Sen. X, R-Tenn., the chairman of Y who led"): the phrase before "who", the name
    it describes first; else None."""
    if not _OPENS_WITH_A_VERB.match(source) or _SET_OFF.search(source) or SPEAKER_NOUNS.fullmatch(source.split()[-1]):
        return None
    at = text.find(source)
    relative = _WHO_AT_END.search(text, 0, at - 1) if at > 0 and text[at - 1] == " " else None
    if relative is None:
        return None
    head = text[: relative.start()].rstrip(" ,-–—")
    named = _NAME_THEN_DESCRIPTION.search(head)
    found = classify(named.group("name"), common) if named else _antecedent(head, common)
    return found if found.kind not in ("none", "pronoun") else None


_A_PAIR = re.compile(rf"{UNNAMED}.*\sand\s+(?:an?|the)\s")  # "unnamed official and a police source"


#: A news organisation named with its noun ("Rodong Sinmun newspaper", "North Korea's KCNA news agency").
_NAMED_MEDIUM = re.compile(
    r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?['’]s\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s+"
    r"(?:newspaper|tabloid|magazine|broadcaster|news\s+agency|news\s+site|daily)"
)


def _named_medium(speaker: str) -> str:
    """An unnamed speaker that is a named news organisation, without "unnamed"."""
    named = speaker.removeprefix(UNNAMED)
    return named if named != speaker and _NAMED_MEDIUM.fullmatch(named) else speaker


#: A statement referred back to ("the statement said").
_THE_STATEMENT = re.compile(r"(?i:the|that|this)\s+(?:joint\s+|written\s+)?statement")


def _issuer_before(i, rows, texts, out_speaker, out_group, kinds, paper: str) -> tuple[str, str] | None:
    """(speaker, side) of the nearest of the three statements before ``i`` that mentions a ``paper``
    ("statement", "report") and has a speaker ("In a joint statement, X said ... The statement
    said"; "Human Rights Watch reported ... The report noted"), else None. A report is a body's or
    a medium's: a person quoted beside one ("Trump tweeted, according to the report") wrote none."""
    for j in reversed([j for j in rows if j < i][-3:]):
        named = out_speaker[j][:1].isupper() and out_group[j] and paper not in out_speaker[j]
        issues_it = paper == "statement" or kinds[j] != "person"
        if named and issues_it and _PAPER_WORDS[paper].search(texts[j]):
            return out_speaker[j], out_group[j]
    return None


#: A statement or report mentioned, or reported: "statement" anywhere in a word, as it always was
#: ("statements"); "report" only as its own word ("reported", not "reporters").
_PAPER_WORDS = {"statement": re.compile("statement"), "report": re.compile(r"\breport(?:s|ed)?\b")}


#: A news organisation referred back to ("the newspaper", "the news agency"; not "the agency", as
#: often a state's).
_THE_MEDIUM = re.compile(
    r"(?i:the)\s+(?:newspaper|paper|news\s+agency|network|broadcaster|magazine|daily|outlet|channel|tabloid)"
)


def _medium_named_before(i, rows, texts, out_speaker, out_group, kinds) -> str:
    """The news organisation a document names last before statement ``i`` (in its text, or as an
    earlier statement's speaker), else ''."""
    places = gazetteer()
    for j in reversed([j for j in rows if j <= i]):
        before = texts[j].find(" ") if j == i else len(texts[j])  # in the statement itself, only its first word
        named = [p.side for a, _, p in places.find(texts[j]) if p.kind == "media" and a < before]
        if named:
            return named[-1]
        if j < i and out_group[j] == MEDIA and kinds[j] == "thing" and out_speaker[j][:1].isupper():
            return out_speaker[j]
    return ""


def _cleaned_source(speaker: str, mention: Mention, source: str) -> str:
    """The speaker without the clause attribution left before its source ('unnamed calls are
    prompted by what NATO members' -> 'unnamed NATO members'); an unnamed one says so. Only a
    speaker written as its source is cleaned: one attribution resolved ('the sources' ->
    'European intelligence sources') stays."""
    core = DETERMINERS.sub("", mention.name)
    if core and fold(speaker) in fold(source) and fold(speaker) not in fold(without_noise(source)):
        return UNNAMED + core if core[0].islower() else core  # "World leaders including X and Y": not Y
    if core and _A_PAIR.match(speaker) and _DEFINITE.match(source) and _one_of_a_pair(speaker, source):
        return UNNAMED + core  # "the police source" after "an official and a police source": one of the pair
    written = fold(DETERMINERS.sub("", source)) == fold(speaker.removeprefix(UNNAMED))
    if not core or not written or fold(core) == fold(speaker.removeprefix(UNNAMED)):
        return speaker
    if not fold(speaker).endswith(fold(core)):
        return speaker
    return UNNAMED + core if speaker.startswith(UNNAMED) or core[0].islower() else core


#: A description ("a member of", "the former minister", "legal director of"), or an office written
#: with capitals ("the Chief of Naval Operations"), apposed to a name before it.
_DESCRIPTION = re.compile(
    r"(?:an?|the)\s+[a-z]|the\s+(?P<office>[A-Z][\w-]*)|(?!(?:an?|the)\s)(?:[a-z-]+\s+){0,2}?(?P<head>[a-z]+)(?:\s+(?:of|for|at|to)\s|$)"
)
_NAME_BEFORE_APPOSITION = re.compile(r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}),\s*$")
#: Where a speaker's name may begin: a sentence's start, after a quotation, a clause's comma or a
#: speech verb ("..., said Matthew Whitaker, the acting attorney general"); not after a preposition.
_CLAUSE_START = re.compile(r"(?:^|[.!?:;,“”\"'’—–-]|\b(?:said|says|told|wrote|[a-z]{3,}ed|according\s+to))\s*$")


def _apposed_person(text: str, source: str, common: set[str]) -> Mention | None:
    """'Mohamed Soltan, a member of the alliance formed in support of Morsi, said': when the
    source is a description apposed to a full name, the person is that name, not a name the
    description mentions."""
    description, tagged = _DESCRIPTION.match(source), PARTY_TAG.match(source)
    if not source or not (description and _an_office(description) or tagged):
        return None
    at = text.find(source)
    m = _NAME_BEFORE_APPOSITION.search(text, 0, at) if at > 0 else None
    if m is None or not (tagged or _CLAUSE_START.search(text, 0, m.start())):
        return None  # "In an interview with CNN's Jim Acosta, the Republican senator": Acosta is no subject
    name = name_in_run(without_sentence_opener(m.group("name")))  # "But Baher Azmy, legal director of"
    if " " not in name or not _person_like(name, common) or names_a_place(name):
        return None
    return Mention("person", name, side_of(m.group("name")) or side_of(source))


def _an_office(description: re.Match) -> bool:
    """Whether a description is one: capitalised only as an office is ("the Chief of"; not "the
    Pentagon"), and without an article only an office ("legal director of"; not "officials")."""
    office = description.group("office") or description.group("head")  # "legal director of": its head
    return office is None or is_title(office)


_LOWER_PARTICLE = re.compile(r"[ae]l(?<![\w’'-][ae]l)[\s-]([A-Z][\w’'-]*)")  # its letters first: see _UPPER_AFTER_LOWER


def _a_body_s_head(word: str) -> bool:
    """Whether a name's last word is a body's head word ("Islamic State", "Crisis Group")."""
    return word == "State" or ORG_WORDS.fullmatch(word) is not None


_ORG_JOINERS = (" of ", " for ", " on ", " the ")  # what an organisation's name has before a run it ends
_ORG_BEFORE = re.compile(ORG_WORDS.pattern + r"\s+(?:of|for|on)\s+(?:the\s+)?$")


def _in_organisation_name(text: str, at: int) -> bool:
    """Whether a capitalised run at ``at`` ends an organisation's name ("the International
    Institute for Strategic Studies"): no person, however person-like its words."""
    return text.endswith(_ORG_JOINERS, 0, at) and _ORG_BEFORE.search(text, max(0, at - 60), at) is not None


_PASS: list[frozenset[str] | None] = [None]  # the common words of the pass _classify's cache is for


def _new_pass(common: frozenset[str]) -> None:
    """_classify's cache is keyed by a pass's common words: an earlier pass's entries hold an equal
    set that is another object, compared word by word on every hit (a second pass in one process
    was 5-10x slower), so a pass with other common words starts it afresh, in any process."""
    if _PASS[0] is not common:
        _classify.cache_clear()
        _PASS[0] = common


def _classify_in_pass(mention: str, common: frozenset[str]) -> Mention:
    """``classify`` for the engine's workers: the first mention of a pass empties the cache."""
    _new_pass(common)
    return _classify(mention, common)


def _may_be_an_earlier_speaker(speaker: str, source: str, known) -> bool:
    """Whether attribution's speaker for a source that names no one itself ("the ministry") is
    the one an earlier statement named: not the codebook's, not unnamed, not the source's words,
    short, and the source has no proper name and no side of its own."""
    return (
        speaker not in known
        and not speaker.startswith(UNNAMED)
        and fold(speaker) not in fold(source)
        and len(speaker.split()) <= 8
        and bool(_DEFINITE.match(source) or not _CAPITAL_AFTER_SPACE.search(source))
        and not side_of(source)
        and not _office_and_agent(source)[1]  # "the prime minister's spokesman" is not the prime minister
    )


def _one_of_a_pair(pair: str, source: str) -> bool:
    """Whether a single source ("the police source") can only be one of a pair named before it ("a
    U.S. official and a police source"), not the pair."""
    return " and " in pair and not PLURAL_END.search(source.rstrip())


def _names_agree(source: str, earlier: str) -> bool:
    """Whether an earlier speaker may be the one a source names: every capitalised word of the
    source but its opening one is the earlier speaker's ("The Navy" -> "U.S. Navy", "the ministry"
    -> anyone; "The New Republic" is not "The Islamic Republic", nor "The Taliban" the Afghan
    president), and a single source is not a pair ("the official" after "an official and a
    source")."""
    if _one_of_a_pair(earlier, source):
        return False
    written = {fold(w) for w in earlier.split()}
    return all(fold(w) in written for w in source.split()[1:] if w[:1].isupper())


def _written_names(
    runs_of: list[tuple[tuple[int, int, str, bool], ...]], common: frozenset[str]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(row, full name) of the person-like names written in each text: those outside quotations,
    and those inside them."""
    written: tuple[list[tuple[int, str]], list[tuple[int, str]]] = ([], [])
    full_name_of: dict[str, str] = {}  # run -> the full name it writes, or "": each run is read once
    for i, runs in enumerate(runs_of):
        for _, _, run, quoted in runs:
            name = full_name_of.get(run)
            if name is None:
                name = full_name_of[run] = written_full_name(run, common)
            if name:
                written[quoted].append((i, name))
    return written


def resolve(
    statements: pd.DataFrame,
    codebook: Codebook,
    scans: TextScans | None = None,
    engine="local",
    meanwhile: Callable[[], object] | None = None,
) -> pd.DataFrame:
    """``statements`` with ``speaker`` and ``speaker_group`` re-resolved across the corpus;
    ``scans``, of the table's texts in its order, saves reading them again. ``engine`` (see
    ``newsframe.engine``) classifies the distinct source mentions; the table is the same
    whatever the engine. ``meanwhile`` is called once that classification is queued on the
    engine's workers: the caller's work that needs no speakers queues behind it, and runs on the
    workers while the rest of the pass runs here (on Reuters-21578 the pass is a third of the
    extraction, with one of two CPUs idle)."""
    if statements.empty:
        if meanwhile is not None:
            meanwhile()
        return statements
    if scans is not None and len(scans.runs) != len(statements):
        raise ValueError(f"scans of {len(scans.runs)} texts for a table of {len(statements)} statements")
    # The pass makes millions of small objects; the objects alive before it (the corpus, the
    # statements) are set aside from the garbage collector meanwhile, so that its full
    # collections do not walk them again and again (they grow with the corpus).
    gc.freeze()
    try:
        return _resolve(statements, codebook, scans, engine, meanwhile)
    finally:
        gc.unfreeze()


def _resolve(statements: pd.DataFrame, codebook: Codebook, scans: TextScans | None, engine, meanwhile) -> pd.DataFrame:
    table = statements.copy()
    known = {a.name: a for a in codebook.actors}
    outlets = {o.name for o in codebook.media}
    groups = _Groups(codebook)
    texts = table["text"].tolist()
    if scans is None:
        scans = TextScans.of(texts)
    common = scans.common_words()
    _new_pass(common)
    sources = table["source_text"].fillna("").astype(str).tolist()
    speakers = table["speaker"].fillna("").astype(str).tolist()
    old_groups = table["speaker_group"].fillna("").astype(str).tolist()
    ids = table["statement_id"].tolist()
    linked = table["attributed_in"].fillna("").astype(str).tolist()
    doc_ids = table["doc_id"].tolist()
    n = len(table)
    blocks = table["block_id"].tolist() if "block_id" in table else [""] * n

    voiced = [i for i in range(n) if speakers[i] and not (linked[i] and linked[i] != ids[i])]
    may_be_earlier = {i for i in voiced if _may_be_an_earlier_speaker(speakers[i], sources[i], known)}
    as_written = list(
        dict.fromkeys(
            [sources[i] or speakers[i] for i in voiced] + [speakers[i] for i in voiced if i in may_be_earlier]
        )
    )
    classified = iter_documents(partial(_classify_in_pass, common=common), as_written, engine=engine)
    if meanwhile is not None:
        meanwhile()
    # while the engine classifies the mentions: what needs none of them
    written, quoted_names = _written_names(scans.runs, common)
    quotations = Quotations(texts, doc_ids, blocks)
    mention_of = dict(zip(as_written, classified))

    mentions: list[Mention | None] = [None] * n
    for i in voiced:
        mention = _apposed_person(texts[i], sources[i], common) or mention_of[sources[i] or speakers[i]]
        if mention.kind not in ("pronoun", "none") and i in may_be_earlier:
            earlier = mention_of[speakers[i]]  # "the ministry": attribution found the earlier speaker
            if earlier.kind != "none" and _names_agree(sources[i], speakers[i]):
                mention = earlier
        if WEEKDAY.fullmatch(without_noise(sources[i])):  # "X, Syria's minister, on Tuesday challenged": X speaks
            mention = _subject_before_a_day(texts[i], sources[i], common)
        elif _A_DOCUMENT.fullmatch(sources[i]):  # "a blistering statement"
            mention = _issuer_of_the_document(texts[i], sources[i], common) or mention
        elif sources[i]:  # "served with Bergdahl"
            subject = _subject_of_the_relative_clause(texts[i], sources[i], common)
            if subject is not None:
                mention = subject
                if subject.kind == "source":  # its words, not the predicate's, name it
                    core = DETERMINERS.sub("", subject.name)
                    sources[i], speakers[i] = subject.name, UNNAMED + core if core[:1].islower() else core
        mentions[i] = mention

    rows_of: dict[str, list[int]] = defaultdict(list)
    for i in range(n):
        rows_of[doc_ids[i]].append(i)
    first_report: dict[str, tuple[int, str, Mention] | None] = {}  # doc -> its first authored report, read once
    for i in voiced:  # "the report said": whoever the document said, before it, wrote the report
        if mentions[i] is not None and _THE_REPORT.fullmatch(without_noise(sources[i])):
            if doc_ids[i] not in first_report:
                first_report[doc_ids[i]] = _first_authored_report(rows_of[doc_ids[i]], texts, common)
            authored = first_report[doc_ids[i]]
            if authored is not None and authored[0] < i:
                _, sources[i], mentions[i] = authored
                speakers[i] = mentions[i].name
    # "May said", "Power said": a surname the corpus also writes in lower case, which classify gives
    # no one, is the person its document names in full ("British Prime Minister Theresa May", which
    # written names do not read as a name: its last word is a common one). So is a surname that is
    # also a title, which classify gives an institution ("King said" after "Rep. Peter King").
    lone_surnames = [
        i
        for i in voiced
        if mentions[i] is not None
        and (mentions[i].kind == "none" or mentions[i].kind == "institution" and is_title(sources[i]))
        and _ONE_CAPITALISED_WORD.fullmatch(sources[i])
    ]
    full_in_document = {  # each document read once for each such word
        (doc_ids[i], sources[i]): _full_name_in_document(sources[i], rows_of[doc_ids[i]], texts, common)
        for i in lone_surnames
    }
    # the full name counts once for each statement that speaks by the surname alone, as a written
    # name would: counted once per document instead, "Mr. Page" in Carter Page's stories went back
    # to Lisa Page (18 AllSides statements, measured)
    found_for = [full_in_document[(doc_ids[i], sources[i])] for i in lone_surnames]
    written = written + [found for found in found_for if found]
    for i, found in zip(lone_surnames, found_for):
        if found:
            mentions[i] = Mention("person", sources[i])

    # Persons: surname variants, full names per document and corpus, sides from descriptions.
    # Full names come from speakers and from names written in any statement ("Kremlin spokesman
    # Dmitry Peskov spoke on Monday."): a pronoun may refer to either.
    person_rows = [
        i
        for i in range(n)
        if mentions[i] is not None
        and mentions[i].kind == "person"
        and speakers[i] not in known
        and not _opens_with_an_article(mentions[i].name)
    ]
    surnames = _Surnames(
        [person_key(mentions[i].name)[1] for i in person_rows] + [person_key(w)[1] for _, w in written]
    )
    named = [(i, mentions[i].name) for i in person_rows] + written
    surnames.join_articles(name for _, name in named)
    docs_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    inner: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)  # person -> words before the surname
    for i, name in named:
        first, last = person_key(name)
        if first:
            docs_of[(first, surnames(last))].add(doc_ids[i])
            inner[(first, surnames(last))].add(inner_names(name))
    given_names = GivenNames(docs_of, inner, common)

    def key_of(name: str) -> tuple[str, str]:
        """(first name or '', surname root), spelling variants of either joined."""
        first, last = person_key(name)
        root = surnames(last)
        return (given_names(first, root) if first else ""), root

    full_names: Counter = Counter()  # (first, surname root) -> count
    spelling: dict[tuple[str, str], Counter] = defaultdict(Counter)
    in_doc: dict[tuple[str, str], Counter] = defaultdict(Counter)  # (doc, surname root) -> first names
    first_full: dict[tuple[str, str], int] = {}  # (doc, surname root) -> the row its first full name is in
    given: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(dict)  # (doc, first name) -> root -> rows
    for i, name in named:
        first, root = key_of(name)
        if first:
            full_names[(first, root)] += 1
            spelling[(first, root)][name] += 1
            in_doc[(doc_ids[i], root)][first] += 1
            given[(doc_ids[i], first)].setdefault(root, []).append(i)
            first_full[(doc_ids[i], root)] = min(i, first_full.get((doc_ids[i], root), i))
    _quoted_full_names(quoted_names, doc_ids, key_of, full_names, in_doc)
    by_root: dict[str, Counter] = defaultdict(Counter)
    for (first, root), count in full_names.items():
        by_root[root][first] += count
    dominant = {
        root: _dominant_first(firsts) if sum(firsts.values()) >= _FULL_NAME_SHARE * scans.upper.get(root, 0) else ""
        for root, firsts in by_root.items()
    }

    # Every later mention of a known surname in the corpus text: side evidence and pronoun targets.
    # person -> (before, run, apposition) of each mention: what described_side reads, when asked (votes_for)
    descriptions: dict[tuple[str, str], list[tuple[str, str, str, str]]] = defaultdict(
        list
    )  # (doc, before, run, apposition)
    named_at: list[list[tuple[int, tuple[str, str]]]] = [[] for _ in range(n)]
    titled: dict[str, list[tuple[int, int, str, tuple[str, str]]]] = defaultdict(
        list
    )  # doc -> (row, at, title, person)
    genders: dict[tuple[str, str], Counter] = defaultdict(Counter)  # person -> "he" / "she" by honorifics
    roots = set(by_root) | {surnames(person_key(mentions[i].name)[1]) for i in person_rows}

    def person_in(run: str) -> tuple[str, str] | None:
        """(first name or "", surname root) of a person a run may name, else None."""
        name = name_in_run(run)
        first, last = person_key(name)
        root = surnames(last) if last else ""
        if root not in roots or (not first and (last in ALL_PRONOUNS or last in common) and not HONORED.match(run)):
            return None  # "He said", "To be sure": a word the corpus writes in lower case is no surname alone
        if first in common and last in common and not HONORED.match(run):
            return None  # "Middle East", "Islamic State": words the corpus writes in lower case name no one
        if names_a_place(name, 1) or a_region(name) or _opens_with_an_article(name):
            return None  # "In Iraq", "Countering China", "Western Europe", "The Taliban": no person's name
        if first and _a_body_s_head(name.rsplit(None, 1)[-1]) and not HONORED.match(run):
            return None  # "Islamic State", "Crisis Group", "Revolutionary Guard": a body's name
        if first in ("al", "el") and name.split()[-1] in particle_names():
            return None  # "Al Qaeda", which the corpus also writes "al Qaeda": no man called Al
        return (given_names(first, root) if first else ""), root

    @cache
    def particle_names() -> frozenset[str]:
        """Words the corpus writes after a lower-case "al" or "el" ("al Qaeda", "al-Shabaab"): read
        once, when a name opening with "Al" is first met."""
        return frozenset(m.group(1) for t in texts for m in _LOWER_PARTICLE.finditer(t))

    person_of: dict[str, tuple[str, str] | None] = {}  # run -> person_in(run): each run is read once
    first_in: dict[tuple[str, str], str] = {}  # (doc, root) -> _first_name: each is asked once
    for i, runs in enumerate(scans.runs):
        text = texts[i]
        for start, end, run, quoted in runs:
            if run[:1] in OPENER_INITIALS:  # "Although Trump's": no person named Although
                trimmed = without_sentence_opener(run)
                if run.endswith(trimmed):
                    start, run = start + len(run) - len(trimmed), trimmed
            if run not in person_of:
                person_of[run] = person_in(run)
            found = person_of[run]
            if found is None:
                continue
            first, root = found
            if not first:  # a surname alone: the full name the document gives, else one the corpus gives
                key = (doc_ids[i], root)
                if i < first_full.get(key, n) or _holds_an_office(run):
                    # before any full name, or with an office ("President Trump" after "first lady
                    # Melania Trump"): the person the corpus mostly gives that surname
                    _vote_for_the_corpus_s_person(in_doc[key], dominant.get(root, ""))
                    first_in.pop(key, None)  # the vote may change the document's first name
                if key not in first_in:
                    first_in[key] = _first_name(doc_ids[i], root, in_doc, by_root, dominant)
                first = first_in[key]
                if not first:
                    continue
            person = (first, root)
            honorific = _HONORIFIC.match(run) or _HONORIFIC.search(text, max(0, start - 5), start)
            if honorific:
                genders[person][_GENDER_OF[honorific.group(1).lower()]] += 1
            before = text[max(0, start - 60) : start]  # all that either reader looks at before the name
            apposition = _APPOSITION.match(text, end)
            apposition = apposition.group("desc") if apposition else ""
            if not quoted:  # a name inside a quotation is no antecedent
                named_at[i].append((start, person))
                for title in _titles_of(before, run, apposition):
                    titled[doc_ids[i]].append((i, start, title, person))
            descriptions[person].append((doc_ids[i], before, run, apposition))

    offices: dict[tuple[str, str], Counter] = defaultdict(Counter)  # person -> offices the corpus gives
    for entries in titled.values():
        for _, _, title, person in entries:
            offices[person][title] += 1

    @cache
    def person_name(person: tuple[str, str]) -> str:
        """The spelling the corpus writes most of those that open with the person's first name
        ("Ban Ki-moon", not "Secretary-General Ban Ki-moon", which is joined to it); chosen once
        per person, the spellings being all counted by now."""
        names = spelling.get(person)
        if names:
            own = {n: c for n, c in names.items() if given_names.spelt(person_key(n)[0], person[1]) == person[0]}
            return max((own or names).items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        return person[1].title()

    votes: dict[tuple[str, str], Counter] = {}  # person -> the sides its descriptions give, once asked

    def votes_for(person: tuple[str, str]) -> Counter:
        """The sides the corpus's descriptions of a person give it, read when its side is first
        asked for: most persons the corpus names never are."""
        if person not in votes:  # a document's repeated line votes once
            said = {(doc, described_side(*words)) for doc, *words in descriptions.get(person, ())}
            votes[person] = Counter(side for _, side in said if side)
        return votes[person]

    def person_side(person: tuple[str, str]) -> str:
        counts = votes_for(person)
        return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0] if counts else ""

    country_of = _DocumentCountry(texts, rows_of)
    for i in person_rows:  # "Najib Danish, interior ministry spokesperson": the country the story is in
        first, last = person_key(mentions[i].name)
        description = RELATIVE_CLAUSE.split(sources[i], maxsplit=1)[0]  # of the person, not after
        if (
            not mentions[i].side
            and last
            and last in fold(description)
            and _STATE_BODY.search(description)
            and not _STUDENTS.search(description)  # "a military expert at Brookings"
        ):
            first, root = key_of(mentions[i].name)
            person = (first or _first_name(doc_ids[i], root, in_doc, by_root, dominant), root)
            country = country_of(doc_ids[i]) if person[0] and not votes_for(person) else ""
            if country:
                votes_for(person)[country] += 1

    def body_side(body: str, i: int) -> str:
        """The side of a body statement ``i`` names without its country: the one its document
        gives that body ("British police"), else for an administration its president's, else for
        a state's body the country the story names most."""
        rows = rows_of[doc_ids[i]]
        side = _side_the_document_gives(body, i, rows, texts)
        if side:
            return side
        if DETERMINERS.sub("", body).lower() == "administration":
            return _administration_side(rows, named_at, offices, person_side, texts)
        return country_of(doc_ids[i]) if _STATE_BODY.search(body) else ""

    def another_of_the_surname(mention: Mention, codebook_person: str, i: int) -> bool:
        """Whether a surname alone that attribution gave a codebook person ("Johnson" -> Boris
        Johnson, "Hale" -> Nikki Haley by its spelling) is another person's: its document writes
        that surname in full only with other first names ("Jeh Johnson", "Brenda Hale")."""
        if mention.kind != "person" or " " in mention.name.strip():
            return False
        _, root = key_of(mention.name)
        firsts = in_doc.get((doc_ids[i], root))
        own_first, own_root = key_of(codebook_person)
        return bool(firsts) and (own_root != root or own_first not in firsts)  # "Hale" is not Haley

    out_speaker = list(speakers)
    out_group = list(old_groups)
    kinds = [""] * n  # person | thing | plural, for pronouns
    introduced: set[tuple[str, str]] = set()  # (doc, one name) the document introduced as someone new
    person_at: list[tuple[str, str] | None] = [None] * n  # the person a named speaker is
    for i in range(n):
        mention = mentions[i]
        if mention is None:
            continue
        speaker = speakers[i]
        if speaker in known and known[speaker].kind == "person" and another_of_the_surname(mention, speaker, i):
            speaker = ""  # "Mr. Johnson, the former CIA analyst" in Larry Johnson's story: not the codebook's Boris
        if speaker in known and known[speaker].kind == "person":
            kinds[i] = "person"
            continue
        if (speaker in known or speaker in outlets) and mention.kind != "pronoun":
            kinds[i] = "thing"
            continue
        described = mention.kind in ("source", "none", "institution")
        office, agent = _office_and_agent(sources[i] or speaker) if described else ("", "")
        holder = _holder_of(office, i, sources[i], texts[i], titled.get(doc_ids[i], ()), mention.side, person_side)
        speaking = _speaking_holder(office, i, doc_ids, person_at, offices, descriptions, mention.side, person_side)
        if speaking is not None and (holder is None or speaking[0] > holder[0]):
            holder = speaking
        holder = holder[1] if holder else None
        if office and holder is None:
            holder = _office_holder_in_corpus(office, i, doc_ids, named_at, offices, mention.side, person_side)
        if holder and agent:  # "the prime minister's spokesman": Theresa May's spokesman, for her side
            out_speaker[i], out_group[i], kinds[i] = (
                f"{person_name(holder)}’s {agent}",
                groups(person_side(holder)),
                "agent",
            )
        elif holder:
            out_speaker[i], out_group[i], kinds[i] = person_name(holder), groups(person_side(holder)), "person"
            named_at[i].append((-1, holder))
            person_at[i] = holder
        elif mention.kind == "person" and _opens_with_an_article(mention.name):  # "The Taliban": a body
            out_speaker[i], kinds[i] = mention.name, "thing"
            out_group[i] = MEDIA if a_medium(mention.name) else groups(mention.side or side_of(mention.name))
        elif mention.kind == "person":
            first, root = key_of(mention.name)
            if not first:
                begun = given.get((doc_ids[i], root), {})
                if len(begun) > 1 and not _ONE_NAME_ALONE.fullmatch(without_noise(sources[i] or speaker)):
                    introduced.add((doc_ids[i], root))  # "Ali, a young Iraqi in Najaf": someone new, and so later
                if (doc_ids[i], root) in introduced:
                    begun = {}
                first, root = _person_alone(doc_ids[i], root, in_doc, by_root, dominant, begun, i)
            person = (first, root)
            name = person_name(person) if first else mention.name
            own_side = "" if PRIVATE_TRADE.search(sources[i]) or a_private_trade(sources[i]) else mention.side
            side = person_side(person) if first else own_side or _shared_side(root, by_root, person_side)
            out_speaker[i], out_group[i], kinds[i] = name, groups(side or own_side), "person"
            if mention.agent:  # "A spokesman for Barr": the spokesman, for Barr's side
                out_speaker[i] = f"{mention.agent} {name}"
                if PRIVATE_TRADE.search(mention.agent):  # "Stone's attorney": a private trade, whoever the client
                    out_group[i] = OTHER
            elif first:
                named_at[i].append((-1, person))
                person_at[i] = person
        elif mention.kind == "pronoun":
            continue
        elif mention.kind == "none":
            out_speaker[i], out_group[i] = "", ""
        elif speaker.startswith(UNNAMED):
            out_speaker[i] = _named_medium(OFFICIAL_BEFORE_NAME.sub("", _cleaned_source(speaker, mention, sources[i])))
            side = mention.side or side_of(speaker)  # "The officials" resolved to "U.S. officials"
            journalists = MEDIA_NOUNS.search(speaker)
            body = None if side or journalists else _OFFICERS_OF_A_STATE.search(speaker)
            if body:  # "a senior administration official", "a police spokesman"
                side = body_side(body.group("body"), i)
            out_group[i] = groups(side) if side and not journalists else MEDIA
            kinds[i] = "plural" if mention.plural else "person"
        elif mention.kind == "media":
            out_speaker[i], out_group[i], kinds[i] = mention.name, MEDIA, "thing"
        elif mention.kind == "source":
            if ORG_WORDS.fullmatch(sources[i].split()[-1].capitalize()) and classify(speaker, common).kind == "person":
                speaker = DETERMINERS.sub("", sources[i])  # "The Russian emergency ministry": no person named before
            out_speaker[i] = _cleaned_source(speaker, mention, sources[i])
            if MEMBERS_OF.match(mention.name) and fold(out_speaker[i]) == fold(mention.name):  # "Members of Congress"
                out_speaker[i] = UNNAMED + DETERMINERS.sub("", mention.name)
            if mention.plural and speaker == mention.side:  # "Many Democrats", not the United States
                out_speaker[i] = DETERMINERS.sub("", mention.name)
            unnamed = out_speaker[i].startswith(UNNAMED) or _AUTHORLESS_FINDINGS.fullmatch(out_speaker[i])
            out_group[i] = groups(mention.side) if mention.side else (MEDIA if unnamed else OTHER)
            # "One woman said ... she said": someone new, whom "she" may mean (not "the Russian leader",
            # who is often a person named before, whom the pronoun should reach)
            one = "person" if _SOMEONE_NEW.match(mention.name) and _A_PERSON_NOUN.search(mention.name) else "thing"
            kinds[i] = "plural" if mention.plural else one
        else:  # a country, organisation, institution or other body
            out_speaker[i] = mention.name if not known else speaker
            out_group[i] = groups(mention.side or (mention.name if mention.kind in ("organisation",) else ""))
            if not mention.side and not known and mention.kind == "institution":
                # an organisation the data does not know is a side of its own
                one_word = " " not in mention.name  # "King", "Globe", "PM": a title or a common word, no body
                plain = one_word and (mention.name.lower() in common or is_title(mention.name))
                out_group[i] = mention.name if side_shaped(mention.name) and not plain else OTHER
            kinds[i] = "thing"

    for i in range(n):  # "Police believe" after "British police said": the side the document gave that body
        mention = mentions[i]
        if (
            mention is not None
            and mention.kind in ("source", "institution")
            and out_speaker[i]
            and speakers[i] not in known
            and out_group[i] in (OTHER, mention.name)
            and not MEDIA_NOUNS.search(out_speaker[i])
        ):
            if out_speaker[i] in COMPASS_POINTS:  # "the North said": the North Korea of its story
                side = _country_of_the_compass_point(out_speaker[i], rows_of[doc_ids[i]], texts)
                out_speaker[i], out_group[i] = side or out_speaker[i], OTHER
            else:  # "the interior ministry", "prosecutors", "the administration"
                side = body_side(out_speaker[i], i)
            if side:
                out_group[i] = groups(side)
            elif not mention.side and (
                mention.plural
                and (_PEOPLE.search(out_speaker[i]) or _SOME.match(sources[i]))
                or _A_PERSON.fullmatch(out_speaker[i].removeprefix(UNNAMED))
            ):  # "Critics say", "Some doctors blame", "the man said": unnamed people, Media
                out_group[i] = MEDIA
    named_media = scans.media
    for i in range(n):  # "Local media", "The Sunday Times": news organisations the list lacks
        if (
            out_speaker[i]
            and out_group[i] not in (MEDIA, "")
            and out_speaker[i] not in known
            and mentions[i] is not None
            and mentions[i].kind in ("source", "institution")
        ) and (
            kinds[i] == "thing"
            and (
                MEDIA_NOUNS.search(out_speaker[i])
                and not out_speaker[i].startswith(UNNAMED)
                or MEDIA_NAME.search(out_speaker[i])
                or _NAMED_MEDIUM.fullmatch(out_speaker[i])
            )
            or kinds[i] == "plural"
            and _NEWS_ORGANISATIONS.search(out_speaker[i])
        ):
            out_group[i] = MEDIA
        elif (
            out_speaker[i] and out_speaker[i] not in known and fold(DETERMINERS.sub("", out_speaker[i])) in named_media
        ):
            out_group[i], kinds[i] = MEDIA, "thing"  # "according to Le Parisien", called a newspaper elsewhere
    for i in range(n):  # "the statement said", "the report noted": whoever the document said issued one
        source = without_noise(sources[i].strip()) if out_speaker[i] else ""
        if _THE_STATEMENT.fullmatch(source):
            paper = "statement"
        elif _THE_REPORT.fullmatch(source) and out_speaker[i].endswith("report"):  # no author found before
            paper = "report"
        else:
            continue
        issuer = _issuer_before(i, rows_of[doc_ids[i]], texts, out_speaker, out_group, kinds, paper)
        if issuer is not None:
            out_speaker[i], out_group[i] = issuer
    for i in range(n):  # "the newspaper reported": the news organisation the document named last
        if out_speaker[i] and _THE_MEDIUM.fullmatch(sources[i].strip()):
            named = _medium_named_before(i, rows_of[doc_ids[i]], texts, out_speaker, out_group, kinds)
            if named:
                out_speaker[i], out_group[i], kinds[i] = named, MEDIA, "thing"
    for i in range(n):  # "unnamed One source", "unnamed another official": a source, an official
        if out_speaker[i].startswith(UNNAMED) and out_speaker[i] not in known:
            out_speaker[i] = UNNAMED + _COUNTED_ONE.sub("", out_speaker[i].removeprefix(UNNAMED))
    _serve_the_story_s_state(out_speaker, out_group, doc_ids, rows_of, known)
    _named_soon_after(out_speaker, out_group, mentions, sources, doc_ids, person_at)
    _holder_named_soon_after(out_speaker, out_group, mentions, sources, doc_ids, person_at, offices, person_side)
    for i, speaker in enumerate(out_speaker):  # "Trump aides", "May's spokesman", "Moon's office": the person's side
        unplaced = out_group[i] == OTHER or out_group[i] == MEDIA and speaker.startswith(UNNAMED)
        served = _SERVANT_OF.search(speaker) if unplaced else None
        if served and speaker not in known:
            person = _key_in(doc_ids[i], served.group("name"), key_of, in_doc, by_root, dominant)
            titled = person[0] and offices.get(person) and person_name(person).split()[0] not in gazetteer().phrases
            side = person_side(person) if titled else ""  # a titled person, not "the Pakistani Taliban"
            if side:
                out_group[i] = groups(side)
    for person, country_votes in _titled_servants_sides(
        person_at, out_group, doc_ids, rows_of, descriptions, votes_for
    ):
        votes_for(person).update(country_votes)
    for i, person in enumerate(person_at):
        if person is not None and out_group[i] == OTHER and votes_for(person):
            out_group[i] = groups(person_side(person))
    resolve_pronouns(
        Rows(mentions, sources, texts, doc_ids, named_at, out_speaker, out_group, kinds),
        People(
            person_name,
            person_side,
            groups,
            known,
            common,
            lambda doc, name: _key_in(doc, name, key_of, in_doc, by_root, dominant),
            lambda person: max(genders[person].items(), key=lambda kv: (kv[1], kv[0]))[0] if person in genders else "",
            cache(lambda person: _parties_in(descriptions.get(person, ()))),
        ),
    )
    holder = {sid: i for i, sid in enumerate(ids)}
    for i in range(n):
        if speakers[i] and linked[i] and linked[i] != ids[i] and linked[i] in holder:
            j = holder[linked[i]]
            out_speaker[i], out_group[i] = out_speaker[j], out_group[j]
    # a quotation given the speaker of a statement near it carries that statement's attribution
    carried = [linked[i] if speakers[i] else "" for i in range(n)]
    _quotations_before_their_attribution(quotations, table, speakers, sources, out_speaker, out_group, carried)
    _quotations_after_their_speaker(quotations, speakers, out_speaker, out_group, carried)
    for i in range(n):  # "the images were searing and prompted": a clause read as a source names nobody
        if out_speaker[i] and out_speaker[i] not in known and _FINITE_WORD.search(out_speaker[i]):
            out_speaker[i] = ""
        elif out_speaker[i] and out_speaker[i] not in known:  # "unnamed report detailed a dramatic moment": the report
            out_speaker[i] = before_a_past_tense(out_speaker[i])
        if kinds[i] in ("thing", "plural") and _SENTENCE_CAPITAL.fullmatch(out_speaker[i]):
            first = out_speaker[i].split(None, 1)[0]
            if first.lower() in common and out_speaker[i] not in known:  # "Police said": the police
                out_speaker[i] = out_speaker[i][:1].lower() + out_speaker[i][1:]
    for i, speaker in enumerate(out_speaker):  # "South Korea's Yonhap news agency": Yonhap
        if out_group[i] == MEDIA and speaker not in known:
            own = _MEDIUM_WITH_ITS_NOUN.fullmatch(speaker)
            place = gazetteer().phrases.get(own.group("name")) if own else None
            if own and (place is None or place.kind == "media"):  # not "Russian news agency"
                out_speaker[i] = own.group("name")
    _one_label_per_speaker(out_speaker, known)
    table["speaker"] = out_speaker
    table["speaker_group"] = [g if s else "" for s, g in zip(out_speaker, out_group)]
    table["attributed_in"] = [c if s else "" for s, c in zip(out_speaker, carried)]
    return table


#: A news organisation's name with its country and its kind around it ("South Korea's Yonhap news
#: agency", "Global Times tabloid", "The Kommersant newspaper"): the name is the speaker.
_MEDIUM_WITH_ITS_NOUN = re.compile(
    r"(?:(?:The|the)\s+)?(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?['’]s\s+)?"
    r"(?P<name>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*)\s+"
    r"(?i:newspaper|news\s+agency|daily|magazine|tabloid|broadcaster|news\s+site|website)"
)
_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})


def _one_label_per_speaker(out_speaker: list[str], known) -> None:
    """Labels that differ only in their apostrophes or capitals ("Michael O’Hanlon" and "Michael
    O'Hanlon", "IRAN" and "Iran": 73 and 202 such sets in AllSides) are one speaker, written as the
    corpus writes it most (the codebook's name, if one is; an unnamed source in lower case, its
    capital only a sentence's opening: "unnamed Military officials")."""
    counts = Counter(label for label in out_speaker if label)

    def rank(label: str) -> tuple:
        unnamed_in_lower_case = label.startswith(UNNAMED) and label[len(UNNAMED) : len(UNNAMED) + 1].islower()
        return label in known, unnamed_in_lower_case, counts[label], label

    key_of = {label: label.translate(_TYPOGRAPHIC).casefold() for label in counts}
    chosen: dict[str, str] = {}
    for label, key in key_of.items():
        if key not in chosen or rank(label) > rank(chosen[key]):
            chosen[key] = label
    for i, label in enumerate(out_speaker):
        if label:
            out_speaker[i] = chosen[key_of[label]]


#: A plural source whose head is news organisations ("multiple news outlets", "Reuters and other
#: media outlets", "US newspapers"), not people or papers a medium only carries.
_NEWS_ORGANISATIONS = re.compile(
    r"\b(?:(?:news|media)\s+(?:outlets|organi[sz]ations)|outlets|newspapers|broadcasters)$", re.I
)
_MEDIUM_NOUN = r"(?:newspaper|tabloid|magazine|broadcaster|news\s+agency|news\s+site)"
_MEDIUM_RUN = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
#: A news organisation the text names as one: "the French daily Le Monde", "Le Monde newspaper
#: reported" (not "the Communist Party newspaper People's Daily": its owner).
_MEDIUM_IN_TEXT = re.compile(
    rf"(?:{_MEDIUM_NOUN}|(?:the|an?|[A-Z][\w-]+)\s+(?:daily|weekly))\s+(?:the\s+)?(?P<after>{_MEDIUM_RUN})"
    rf"(?!\s+(?:[A-Z]|{_MEDIUM_NOUN}|newsletter))"  # "the weekly IS newspaper al-Naba": IS owns it
    rf"|(?P<before>{_MEDIUM_RUN})\s+{_MEDIUM_NOUN}\s+(?:reported|reports|said|says|wrote|writes|quoted|cited)\b"
)
#: A word every _MEDIUM_IN_TEXT match has: texts without one are not searched (a plain search of
#: each is some 5 times faster than a pattern's).
_MEDIUM_WORD = re.compile("news|daily|weekly|tabloid|magazine|broadcaster")  # in any word: "Newsweek" too
_PLACE_POSSESSIVE = re.compile(r"^.*['’]s\s+")


#: A label capitalised only as a sentence opens ("Police", "Critics of the deal"): lower case after
#: its first letter, so that "Police said" and "police said" are one speaker.
_SENTENCE_CAPITAL = re.compile(r"[A-Z][a-z’'-]*(?:\s+[^A-Z\s][^\s]*)*")
#: An auxiliary or modal, written in lower case: a speaker holding one is a clause the source
#: finder read too long ("Trump has not yet", "No group has yet"), never a name or a noun phrase.
_FINITE_WORD = re.compile(
    r"(?<![\w’'-])(?:is|are|was|were|has|have|had|been|will|would|could|should|can|may|might|must|did|does|do|"
    r"(?:is|was|does|do|ca|wo)n[’']t)(?![\w’'-])"
)


def _media_named(text: str) -> set[str]:
    """Folded names a text calls a newspaper, daily, magazine, broadcaster or news agency: a
    medium the bundled list lacks is known from how the corpus writes it somewhere."""
    places = gazetteer().phrases
    found = set()
    for m in _MEDIUM_IN_TEXT.finditer(text):
        written = (m.group("after") or m.group("before")).rstrip(".")
        name = _PLACE_POSSESSIVE.sub("", written)  # "South Korea's Yonhap"
        place = places.get(name)
        first = name.split()[0]
        if (
            not DETERMINERS.match(name + " ")
            and (place is None or place.kind == "media")
            and not is_title(first)
            and not is_weekday(first)
        ):
            found.add(fold(name))
    return found


def _quoted_full_names(quoted_names, doc_ids, key_of, full_names, in_doc) -> None:
    """A document that writes a surname's full name only inside a quotation ("Sadiq Khan, who
    ... has been nasty", a tweet quoted whole, then "Khan began the war of words") gives its
    surname alone that person, when the corpus names them outside quotations too: a quotation's
    name-shaped runs ("Obama Hiroshima") are too often no one's to count on their own."""
    quoted: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for i, name in quoted_names:
        first, root = key_of(name)
        if first and full_names.get((first, root)) and (doc_ids[i], root) not in in_doc:
            quoted[(doc_ids[i], root)][first] += 1
    in_doc.update(quoted)


def _key_in(doc_id, name, key_of, in_doc, by_root, dominant) -> tuple[str, str]:
    """(first name, surname root) of a person named in a document; first is '' when unknown."""
    first, root = key_of(name)
    return (first or _first_name(doc_id, root, in_doc, by_root, dominant)), root


def _person_alone(doc_id, root, in_doc, by_root, dominant, begun, i) -> tuple[str, str]:
    """(first name, surname root) of speaker ``i`` written with one name. When no full name of the
    document ends with it but some begin with it (``begun``: their surname roots, each with the rows
    naming it), the one named last before the statement, else the first after it: a family name
    written first ("Wang" after "Foreign Minister Wang Yi", "Kim" after "Kim Dong-yub, an analyst",
    though the story named "Kim Jong Un" too) or a given name ("Larry" after "NPR's Larry
    Abramson"). Otherwise a surname, with the first name ``_first_name`` gives ('' if none). Only
    for speakers: a name read alone in the text ("insults with Kim") would become a pronoun's
    antecedent."""
    if begun and not in_doc.get((doc_id, root)):
        before = [(max(j for j in rows if j <= i), other) for other, rows in begun.items() if min(rows) <= i]
        after = [(min(rows), other) for other, rows in begun.items()]
        return root, (max(before) if before else min(after))[1]
    return _first_name(doc_id, root, in_doc, by_root, dominant), root


#: A source of one capitalised word, which classify gives no one when the corpus mostly writes it in
#: lower case ("May", "Power", "Hunt"): before a speech verb it is no modal, month or noun, but the
#: surname of the person its document names in full ("Pictures showed" in a story naming no one so).
_ONE_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_DOMINANT = 0.75  # share of a surname's full-name mentions one first name needs to claim it alone
#: A word the corpus writes with a first name less than once in a hundred of the times it writes it
#: alone after a lower-case word names no one when alone ("the Taliban" after one "Sunni Taliban",
#: "the White House" after "Dana White"): measured on AllSides, the persons below 1% were all such.
_FULL_NAME_SHARE = 0.01


def _dominant_first(firsts: Counter) -> str:
    """The first name the corpus gives a surname mostly (Trump -> Donald), else '' (McCarthy,
    shared by a Kevin and a Ryan): read once per surname, not once per mention of it."""
    if not firsts:
        return ""
    first, count = max(firsts.items(), key=lambda kv: (kv[1], kv[0]))
    return first if count >= _DOMINANT * sum(firsts.values()) else ""


def _vote_for_the_corpus_s_person(firsts: Counter, dominant: str) -> None:
    """A surname a document writes alone before any full name ("President Trump said ..." before
    "first lady Melania Trump") stands for the person the corpus mostly gives that surname
    (``dominant``, from ``_dominant_first``): a vote for that first name in the document."""
    if dominant:
        firsts[dominant] += 1


def _opens_with_an_article(name: str) -> bool:
    """Whether a name shaped like a person's opens with "The" ("The Taliban", "The Daily Caller"):
    a body's, whose last word is no surname to merge it by ("The New Republic" is not "The Islamic
    Republic") and whose side is its own."""
    return name.startswith("The ")


def _full_name_in_document(surname: str, rows: list[int], texts: list[str], common: frozenset[str]):
    """(row, full name) where a document first writes the full name it writes most with a surname
    the corpus also writes in lower case ("Theresa May", "Cliff May"), from a first name right
    before it that is no title, honorific, weekday, place or common word; None if it writes none."""
    before = re.compile(rf"(?<![\w’'.-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+{re.escape(surname)}(?![\w’'-])")
    places = gazetteer().phrases
    found = [
        (j, m.group(1))
        for j in rows
        if surname in texts[j]
        for m in before.finditer(texts[j])
        if m.group(1).lower() not in common
        and not is_title(m.group(1))
        and not is_weekday(m.group(1))
        and m.group(1) not in places
    ]
    if not found:
        return None
    counts = Counter(first for _, first in found)
    first = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return next(j for j, f in found if f == first), f"{first} {surname}"


def _first_name(doc_id, root, in_doc, by_root, dominant) -> str:
    """The first name a surname alone stands for: the document's, else the corpus's when the
    corpus gives that surname mostly one first name (``dominant``, from ``_dominant_first``)."""
    here = in_doc.get((doc_id, root))
    there = by_root.get(root)
    if here:
        # a tie ("President Donald Trump" and "Melania Trump" once each) goes to the corpus's person
        first = max(here.items(), key=lambda kv: (kv[1], kv[0] == dominant.get(root), kv[0]))[0]
        # "Trump Trump", a scraped headline's echo, gives no first name where the corpus mostly
        # gives another (a doubled name the corpus mostly writes so, "Abdullah Abdullah", stays)
        if first != root or not there or there[root] == max(there.values()):
            return first
    return dominant.get(root, "")


#: Offices one person holds at a time, so that "the governor" names whoever the document
#: called governor; abbreviations as written before a name ("Gov.", "Sen.", "Rep.").
_OFFICES = {
    "president": "president",
    "pres": "president",
    "vice-president": "vice president",
    "governor": "governor",
    "gov": "governor",
    "senator": "senator",
    "sen": "senator",
    "representative": "representative",
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "assemblyman": "assembly member",
    "assemblywoman": "assembly member",
    "assemblymember": "assembly member",
    "councilman": "council member",
    "councilwoman": "council member",
    "councilmember": "council member",
    "alderman": "council member",
    "mayor": "mayor",
    "chancellor": "chancellor",
    "premier": "premier",
    "prime": "prime minister",  # "the prime minister": the noun after it is no other office
    "pm": "prime minister",
    "king": "king",
    "queen": "queen",
    "pope": "pope",
    "speaker": "speaker",
    "nominee": "nominee",
    "candidate": "candidate",
    "ambassador": "ambassador",
    "envoy": "envoy",
    "judge": "judge",
    "justice": "justice",
    "general": "general",
    "gen": "general",
    "admiral": "admiral",
    "adm": "admiral",
    "secretary": "secretary",
    "chairman": "chairman",
    "chairwoman": "chairman",
    "leader": "leader",  # "the Labour leader", "the Russian leader"
    "director": "director",  # "the FBI director"; not "minister" or "spokesman", of which a story has many
}


def _of_a_place(words: list[str]) -> bool:
    """'of Libya', 'of the United States': the office of a country, state or city, whose holder
    the story or corpus names; not one of a body ('the president of the County Clerks
    Association' is no president the story named)."""
    if len(words) < 2 or words[0] not in ("of", "for"):
        return False
    place = gazetteer().phrases.get(" ".join(words[2:] if words[1] == "the" else words[1:]))
    return place is not None and place.kind in COUNTRY_KINDS


_LEADING_CIRCUMSTANCE = re.compile(r"^(?:In|On|At|During|After)\s[^,]*?\s(?=the\s)", re.I)


def _office_of(mention: str) -> str:
    """The office a definite description names ('the Texas governor', 'The president himself',
    'the senator also took a' -> governor, president, senator), else '': the office is the
    description's last noun, with at most four lower-case words after it and nothing else. A
    description of someone who speaks for the holder ("the prime minister's spokesman") names none."""
    office, agent = _office_and_agent(mention)
    return "" if agent else office


@lru_cache(maxsize=100_000)
def _office_and_agent(mention: str) -> tuple[str, str]:
    """(office, agent) of ``_office_of``'s description, the agent being who speaks for the holder
    ("the prime minister's spokesman": prime minister, spokesman), else "". Cached: the pass asks
    it twice of each described source."""
    text = without_noise(_LEADING_CIRCUMSTANCE.sub("", mention.strip()).rstrip(" ,"))
    tokens = text.split()
    for k in range(min(len(tokens) - 1, 4), 0, -1) if len(tokens) >= 2 and tokens[0].lower() == "the" else ():
        office = _office_after(tokens[k - 1], POSSESSIVE.sub("", tokens[k]))
        rest = tokens[k + 1 :]
        owner = next((j for j in range(k, len(tokens)) if tokens[j].endswith(_POSSESSIVE_ENDS)), None)
        if office and owner is not None:
            agent = " ".join(tokens[owner + 1 :])
            return (office, agent) if _OFFICE_AGENT.fullmatch(agent.lower()) else ("", "")
        if office and (len(rest) <= 4 and all(t.islower() for t in rest) or _of_a_place(rest)):
            return office, ""
    return "", ""


#: Findings and papers no one is named for ("polls", "a new study", "documents"): unaffiliated
#: unnamed sources, which the data contract puts with the media that cite them, not Other.
_AUTHORLESS_FINDINGS = re.compile(
    r"(?:(?:new|recent|latest|the|a|an|some|several|many|other)\s+)*"
    r"(?:polls?|surveys?|stud(?:y|ies)|research|data|documents|records|files|emails)",
    re.I,
)
_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")
#: Who speaks for an office's holder ("the prime minister's official spokesman", "the president's
#: lawyers"); not "the president's office", as often a former holder's or another country's.
_OFFICE_AGENT = re.compile(
    r"(?:(?:official|chief|deputy|senior|personal|press)\s+)?(?:spokes(?:man|woman|person)|lawyer|attorney)s?"
)


_PHRASE_END = re.compile(r"[.,;:()“”\"—–\n]")


def _titles_of(before: str, run: str, apposition: str) -> list[str]:
    """Offices written with a name (``run``, after the text ``before`` it and with the
    ``_APPOSITION`` description ``apposition`` or ""): before it ('Gov. Rick Perry', 'the Texas
    governor, Rick Perry') or in an apposition after it ('Rick Perry, the governor of Texas,')."""
    name = name_in_run(run)
    words = _PHRASE_END.split(before[-40:])[-1].split()[-3:]
    words += run[: max(0, len(run) - len(name))].split() + apposition.split()[:4]
    return sorted(
        {office for k, word in enumerate(words) if (office := _office_after(words[k - 1] if k else "", word))}
    )


def _office_after(previous: str, word: str) -> str:
    """The office ``word`` names after the word ``previous``: a vice president is no president."""
    office = _office_word(word)
    return "vice president" if office == "president" and fold(previous) == "vice" else office


@lru_cache(maxsize=100_000)
def _office_word(word: str) -> str:
    """The office a word names ('Gov.' -> governor), else "": cached, as the same words recur."""
    return _OFFICES.get(fold(word).rstrip(".,"), "")


def _holds_an_office(run: str) -> bool:
    """Whether a run writes an office before the name ("President Trump", "Sen. Graham")."""
    name = name_in_run(run)
    return any(_office_word(word) for word in run[: max(0, len(run) - len(name))].split())


def _holder_of(office, i, source, text, titled, side, person_side):
    """(row, person): the person the document last called by ``office`` before this mention, and
    where, unless the mention's own words give another side ('the Iranian president' is not the US
    one)."""
    if not office:
        return None
    at = text.find(source) if source else len(text)
    best = None
    for row, pos, title, person in titled:
        if row > i or (row == i and pos >= at):
            break
        if title == office and not (side and person_side(person) and person_side(person) != side):
            best = (row, person)
    return best


#: A mention that introduces someone new ("One woman", "a lawmaker"), not one named before.
_SOMEONE_NEW = re.compile(r"(?:a|an|one|another)\s", re.I)
#: A noun for one person at the end of a mention ("a lawmaker", "one woman"), not for a document or a
#: body ("a statement", "the ministry"): a later "he" or "she" may be them.
_PERSON_NOUNS = (
    r"official|spokes(?:man|woman|person)|chief|head|minister|lawmaker|legislator|senator|congress(?:man|woman)|"
    r"diplomat|envoy|ambassador|officer|commander|general|aide|advis[eo]r|witness|source|analyst|expert|journalist|"
    r"reporter|correspondent|lawyer|attorney|prosecutor|judge|director|secretary|president|leader|member|resident|"
    r"doctor|activist|candidate|governor|mayor|negotiator|investigator|demonstrator|protester|soldier|student|"
    r"worker|fighter|victim|survivor|veteran|refugee|voter|citizen|mother|father|relative|neighbou?r|owner|"
    r"teacher|strategist|operative|consultant|staffer|Republican|Democrat|man|woman"
)
_A_PERSON_NOUN = re.compile(rf"\b(?:{_PERSON_NOUNS})$", re.I)
#: The first noun for a person anywhere in a mention ("A journalist on the scene": journalist).
_PERSON_NOUN_IN = re.compile(rf"\b(?:{_PERSON_NOUNS})\b", re.I)
#: A noun for someone a story names when it can; not one for a source kept anonymous ("an official
#: traveling with the vice president", "a source", "an aide").
_NAMED_NOUN = re.compile(
    r"\b(?:spokes(?:man|woman|person)|journalist|reporter|correspondent|judge|minister|governor|mayor|president|"
    r"ambassador|envoy|commander|prosecutor|lawyer|attorney|senator|lawmaker|congress(?:man|woman))",
    re.I,
)
_NAMED_SOON = 2  # statements


def _soon_after(i: int, doc_ids) -> range:
    """The rows of the next ``_NAMED_SOON`` statements of row ``i``'s document."""
    end = i + 1
    while end < min(len(doc_ids), i + 1 + _NAMED_SOON) and doc_ids[end] == doc_ids[i]:
        end += 1
    return range(i + 1, end)


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")


def _named_soon_after(out_speaker, out_group, mentions, sources, doc_ids, person_at) -> None:
    """Someone a statement introduces by a noun ("A journalist on the scene tweeted ...") whom one of
    the next statements names with the same noun ("..., tweeted journalist Chris Reason"): the
    named person, as a story's lead names people in its next paragraph."""
    for i, mention in enumerate(mentions):
        if mention is None or mention.kind != "source" or mention.plural or not _SOMEONE_NEW.match(mention.name):
            continue
        noun = _PERSON_NOUN_IN.search(mention.name)
        if noun is None or not _NAMED_NOUN.fullmatch(noun.group()):
            continue
        said = re.compile(rf"\b{noun.group().lower()}\b")
        bodies = [fold(run) for run in _CAPITALISED_RUN.findall(mention.name[1:])]  # "A Kremlin spokesman": Kremlin
        for j in _soon_after(i, doc_ids):
            named = fold(sources[j])
            if person_at[j] is not None and said.search(named) and all(body in named for body in bodies):
                out_speaker[i], out_group[i] = out_speaker[j], out_group[j]
                break


def _holder_named_soon_after(
    out_speaker, out_group, mentions, sources, doc_ids, person_at, offices, person_side
) -> None:
    """An office held by no one named before it ("The Syrian leader warned ...") whose holder one of
    the next statements names as its speaker, someone the corpus gives that office ("..., Assad
    told CBS"): that person."""
    for i, mention in enumerate(mentions):
        if mention is None or mention.kind != "source" or mention.plural or person_at[i] is not None:
            continue
        office = _office_of(sources[i])
        for j in _soon_after(i, doc_ids) if office else ():
            person = person_at[j]
            held = person is not None and offices.get(person, {}).get(office, 0) > 0
            if held and (not mention.side or person_side(person) == mention.side):
                out_speaker[i], out_group[i] = out_speaker[j], out_group[j]
                break


#: A party named just before a person's name or in the apposition after it: "Republican Sen. X",
#: "Rep. X, R-Ohio", "X, a Democrat from Maryland".
_US_PARTY_WORD = "|".join(sorted(US_PARTIES, key=len, reverse=True))
_PARTY_BEFORE = re.compile(rf"\b(?P<party>{_US_PARTY_WORD})\s+(?:[A-Z][\w.-]*\s+){{0,3}}$")
_PARTY_IN_APPOSITION = re.compile(
    r"(?!(?:who|whom|whose|which|that)\b)"
    rf"(?:(?P<tag>[RD])-|(?:(?:a|an|the)\s+)?(?:[\w.-]+\s+){{0,2}}(?P<party>{_US_PARTY_WORD})\b)"
)


def _parties_in(descriptions) -> frozenset[str]:
    """The party a person's descriptions (document, words before, name, apposition) name most, at
    least twice as often as the other (Donald Trump is now and then a "Democrat" by a stray word)."""
    found: Counter = Counter()
    for _, before, _, apposition in descriptions:
        party = _PARTY_BEFORE.search(before) or _PARTY_IN_APPOSITION.match(apposition)
        if party:
            tag = party.groupdict().get("tag")
            found[US_PARTIES[party.group("party")] if not tag else "Republican" if tag == "R" else "Democrat"] += 1
    return frozenset(p for p, count in found.items() if count >= 2 * (found.total() - count))


_SPOKE_JUST_BEFORE = 3  # statements


def _speaking_holder(office, i, doc_ids, person_at, offices, descriptions, side, person_side):
    """(row, person): a named speaker of the statements just before whom the corpus calls by
    ``office`` at least twice and in at least a tenth of the times it names them ("Trump said ...
    ' ...,' the president said", after a "President George W. Bush" further back; not James Comey,
    written after "President Trump and" now and then)."""
    if not office:
        return None
    for j in range(i - 1, max(-1, i - 1 - _SPOKE_JUST_BEFORE), -1):
        if doc_ids[j] != doc_ids[i]:
            break
        person = person_at[j]
        called = offices.get(person, {}).get(office, 0) if person is not None else 0
        if (
            called >= 2
            and 10 * called >= len(descriptions.get(person, ()))
            and not (side and person_side(person) and person_side(person) != side)
        ):
            return j, person
    return None


_PLACE_AFTER = re.compile(r"\s+(?:in|of)\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)")


@lru_cache(maxsize=10_000)
def _whole_words(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.I)


def _whole_word_spans(phrase: str, text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every ``_whole_words(phrase)`` match in ``text``; where both are ASCII,
    found by plain search in the lower-cased text: no pattern compiled per phrase (thousands in a
    corpus), and one call is asked of every statement of a document."""
    if not (phrase.isascii() and text.isascii()):
        return [m.span() for m in _whole_words(phrase).finditer(text)]
    low, key = text.lower(), phrase.lower()
    spans, at = [], low.find(key)
    while at >= 0:
        end = at + len(key)
        if (at == 0 or not _word_char(low[at - 1])) and (end == len(low) or not _word_char(low[end])):
            spans.append((at, end))
            at = low.find(key, end)
        else:
            at = low.find(key, at + 1)
    return spans


def _word_char(c: str) -> bool:
    r"""Whether an ASCII character is one of the pattern's ``[\w-]``."""
    return c.isalnum() or c in "_-"


def _side_the_document_gives(body: str, i: int, rows: list[int], texts: list[str]) -> str:
    """The country a document names right before a body's head noun ('British police',
    'the U.S. Air Force') or with it ('the Obama administration'), nearest before statement
    ``i`` first, else after it."""
    words = _WORDS.findall(DETERMINERS.sub("", body.removeprefix(UNNAMED)))
    if not words or len(words) > 3:
        return ""
    head = " ".join(words)
    places = gazetteer()
    order = [j for j in reversed(rows) if j <= i] + [j for j in rows if j > i]
    for j in order:
        for start, end in _whole_word_spans(head, texts[j]):
            window = texts[j][max(0, start - 25) : end]
            at = len(window) - (end - start)  # where the head begins
            found = [
                p
                for a, b, p in places.find(window)
                if p.kind != "media" and (b <= at and len(window[b:at].split()) <= 1 or a < at and b == len(window))
            ]
            after = _PLACE_AFTER.match(texts[j], end)  # "the Foreign Ministry in Dushanbe"
            found += [p for _, _, p in places.find(after.group(1)) if p.kind != "media"] if after else []
            if found:
                return found[-1].side
    return ""


#: Bodies of a state, and their officers, that news names without their country when the story
#: has already said which ("the interior ministry", "Interior Minister X", "prosecutors", "the
#: National Crime Agency").
_STATE_BODY = re.compile(
    r"\b(?:minist(?:er|ers|ry|ries)|government|police|prosecutors?|judges?|authorities|army|military|parliament|cabinet|"
    r"presidency|navy|air\s+force|marines|coast\s+guard|attorney['’]s\s+office|sheriff['’]s\s+office|"
    r"(?-i:(?:National|Federal|State|Central)(?:\s+[A-Z][\w-]*)+\s+(?:Agency|Bureau|Office|Service|Commission)))\b",
    re.I,
)
#: Those who study a state's bodies rather than serve them ("military analysts", "a military expert").
_STUDENTS = re.compile(r"\b(?:analysts?|experts?|observers?|scholars?|fellows?|specialists?)\b", re.I)
#: Unnamed people who serve a state's body ("a senior administration official", "a police
#: spokesman"), not those who study it.
_OFFICERS_OF_A_STATE = re.compile(rf"(?P<body>{_STATE_BODY.pattern}|\badministration\b)(?!.*{_STUDENTS.pattern})", re.I)
#: People a source can be without a name, whom the data contract puts with the media that cite
#: them ("critics", "commentators and opponents"); a state's bodies take its country instead.
_PEOPLE = re.compile(
    r"\b(?:critics|commentators|opponents|supporters|analysts|experts|observers|insiders|sources|officials|"
    r"people|residents|witnesses|activists|lawmakers|legislators|diplomats|scholars|economists|friends|"
    r"relatives|neighbou?rs|families|mourners|protesters|demonstrators|villagers|survivors|passengers|"
    r"students|parents|voters|rights\s+groups)\b",
    re.I,
)
#: One unnamed private person: "the man", "one woman", "a young girl", "another witness".
_A_PERSON = re.compile(
    r"(?:(?:the|a|an|one|another)\s+)?(?:[a-z]+\s+)?(?:man|woman|person|boy|girl|friend|relative|neighbou?r|"
    r"witness|resident|passer-by|bystander|survivor|passenger|student|parent)",
    re.I,
)
#: The word that counts one unnamed source among others, which is no part of its description
#: ("One source", "another official", "one of the officials").
_COUNTED_ONE = re.compile(
    r"^(?:(?:one|another|each)\s+(?:of\s+(?:the\s+)?)?|(?:this|that)\s+|of\s+the\s+|at\s+(?:least|most)\s+\w+\s+)(?=\S)",
    re.I,
)
#: A plural source counted but not named ("Some doctors", "Many protesters", "Two lawyers").
_SOME = re.compile(r"^(?:some|many|several|most|few|a\s+few|other|two|three|four|five|dozens\s+of)\s+[a-z]+s$", re.I)


class _DocumentCountry:
    """The country a document is about: the one its text names most, when it names one clearly
    more often than any other (at least twice, and more than the next); read only for the
    documents that ask, once each."""

    def __init__(self, texts: list[str], rows_of: dict[str, list[int]]):
        self.texts, self.rows_of, self.found = texts, rows_of, {}

    def __call__(self, doc_id: str) -> str:
        if doc_id not in self.found:
            places = gazetteer()
            counts = Counter(
                p.side
                for j in self.rows_of[doc_id]
                for _, _, p in places.find(self.texts[j])
                if p.kind in COUNTRY_KINDS
            )
            top = counts.most_common(2) + [("", 0)]
            self.found[doc_id] = top[0][0] if top[0][1] >= 2 and top[0][1] > top[1][1] else ""
        return self.found[doc_id]


def _country_of_the_compass_point(point: str, rows: list[int], texts: list[str]) -> str:
    """The country a document names whose name begins with the point ("the North" in a story of
    North Korea), if it names exactly one; else ''."""
    places = gazetteer()
    found = {
        p.side
        for j in rows
        if point in texts[j]
        for _, _, p in places.find(texts[j])
        if p.kind in COUNTRY_KINDS and p.side.startswith(point + " ")
    }
    return found.pop() if len(found) == 1 else ""


#: Unnamed people whose words are a state's when the story says whose ("officials said", "a senior
#: official said", "lawmakers said", "another official", "a justice department official", "a
#: bipartisan group of lawmakers"), with no other word on whose they are ("Hamas officials", "a
#: court house official" are not the story's state's) and not critics, experts or witnesses.
#: Sources and staff serve a state only with a word of its service at home ("congressional sources",
#: "a law enforcement source"); "sources" alone are the media's, and "intelligence sources" and
#: "security sources" as often another country's (a British paper's, on a story of Yemen).
_SERVICE = r"defen[cs]e|law\s+enforcement|federal|congressional|police|justice|department(?:\s+of)?"
_STATE_SERVANTS = re.compile(
    rf"(?:{re.escape(UNNAMED)})?(?:(?:one|two|three|four|some|several|many|other|another|senior|top|former|current|"
    rf"and|of|the|a|an|bipartisan|group|intelligence|security|military|government|agency|{_SERVICE})\s+)*"
    r"(?:officials?|spokes(?:man|woman|person|men|women|people)|aides?|diplomats?|negotiators?|envoys?|"
    r"investigators?|court\s+(?:documents|records|filings|papers)|"
    rf"(?<!\w)(?:{_SERVICE})\s+(?:sources?|staff(?:\s+members?)?)|"
    # a legislature's members, after a party's or a faction's words ("Tory MPs", "Conservative
    # Brexiteer MPs") and before both sides ("lawmakers from both parties", "on both sides of the aisle")
    r"(?-i:(?:[A-Z][\w’'-]*\s+){0,2})(?:lawmakers?|legislators?|senators?|(?-i:MPs?)|parliamentarians?|"
    r"congress(?:wo)?m[ae]n)(?:\s+(?:in|from|on|across)\s+(?:both|all)\s.*)?)",
    re.I,
)


#: People who serve a named person ("Trump aides", "May's spokesman", "Trump's national security
#: adviser", "an official in Mr. Netanyahu's office", "Mueller's team", not his legal team): that
#: person's side, when the corpus gives the person a title ("President Trump"), which no group or
#: company has. Not a campaign ("the Trump campaign", "Clinton's campaign"): a party's body, no state's.
_SERVANT_OF = re.compile(
    r"(?:(?:Mr|Ms|Mrs)\.?\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:['’]s)?\s+(?:(?:top|senior|chief|former|deputy|"
    r"national\s+security|economic|foreign\s+policy|press|campaign)\s+)*(?:aides?|officials?|advis[eo]rs?|staff(?:ers?)?|"
    r"spokes(?:man|woman|person|people|men|women)|office|team)(?=$|\s+(?:and|in|from|for|of|on|at|who)\b)"
)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Every side the gazetteer gives a country, capital or demonym."""
    return frozenset(p.side for p in gazetteer().phrases.values() if p.kind in COUNTRY_KINDS)


def _story_s_state(rows: list[int], groups: list[str]) -> str:
    """The country most of the speakers of ``rows`` (a document's, but the one asking) speak for,
    when one leads; else ''."""
    countries = _countries()
    sides = Counter(groups[j] for j in rows if groups[j] in countries)
    top = sides.most_common(2) + [("", 0), ("", 0)]
    return top[0][0] if top[0][1] > top[1][1] else ""


def _serve_the_story_s_state(out_speaker, out_group, doc_ids, rows_of, known) -> None:
    """Unnamed officials or lawmakers with nothing in their words to say whose ("officials said", "Tory MPs") take the
    country most of their document's other speakers speak for, when one leads: in 40 such
    statements labelled by a reader before this rule, 37 right against 2 as Media (the story's
    most-named country: 21)."""
    before = list(out_group)
    for i, speaker in enumerate(out_speaker):
        if before[i] not in (MEDIA, OTHER) or speaker in known or not _STATE_SERVANTS.fullmatch(speaker):
            continue
        country = _story_s_state([j for j in rows_of[doc_ids[i]] if j != i and out_speaker[j] not in known], before)
        if country:
            out_group[i] = country


def _titled_servants_sides(person_at, groups, doc_ids, rows_of, descriptions, votes_for):
    """(person, Counter of countries) for the named speakers the corpus gives a state's title
    ("Gen. Russell Howard", "Mayor Thomas Menino") but never a country: each document they speak
    in votes for the country most of its other speakers speak for. Labelled first by a reader (40
    statements, ``allsides_titled_servants_labels.csv``): 33 right, against 3 left Other and 29
    with the country the story names most."""
    asked: dict[tuple[str, str], bool] = {}
    found: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for doc_id in dict.fromkeys(doc_ids[i] for i, p in enumerate(person_at) if p is not None and groups[i] == OTHER):
        rows = rows_of[doc_id]
        for person in dict.fromkeys(person_at[j] for j in rows if person_at[j] is not None and groups[j] == OTHER):
            if person not in asked:
                asked[person] = not votes_for(person) and any(
                    serves_a_state(before, run, apposition)
                    for _, before, run, apposition in descriptions.get(person, ())
                )
            if asked[person]:
                country = _story_s_state([j for j in rows if person_at[j] != person], groups)
                if country:
                    found[person][country] += 1
    return found.items()


def _administration_side(rows, named_at, offices, person_side, texts) -> str:
    """The side of an administration a document leaves unnamed ('a senior administration
    official'): that of the president it names most, a person the corpus calls president at least
    twice, among those it never names after a country ("President Obama", not "Turkish President
    Recep Tayyip Erdogan": the writer marks a foreign one) if any; else ''. (The president named
    nearest the statement was measured too: more often a foreign head of state the story is about.)"""
    presidents, marked = Counter(), set()
    for j in rows:
        for at, person in named_at[j]:
            if offices.get(person, {}).get("president", 0) >= 2:
                presidents[person] += 1
                if at >= 0 and _after_a_country(texts[j], at):
                    marked.add(person)
    unmarked = Counter({person: n for person, n in presidents.items() if person not in marked}) or presidents
    return person_side(unmarked.most_common(1)[0][0]) if unmarked else ""


_FIRST_WORD = re.compile(r"[^\s,]+")


def _after_a_country(text: str, at: int) -> bool:
    """Whether the name run at ``at`` opens with a country's name or demonym ("Turkish President")."""
    first = _FIRST_WORD.match(text, at)
    place = gazetteer().phrases.get(POSSESSIVE.sub("", first.group())) if first else None
    return place is not None and place.kind in ("demonym", "country")


def _shared_side(root, by_root, person_side) -> str:
    """The side every person the corpus names with this surname shares ('McCarthy', a Kevin
    and a Ryan, both American), else ''."""
    sides = {person_side((first, root)) for first in by_root.get(root, ())}
    return sides.pop() if len(sides) == 1 else ""


def _office_holder_in_corpus(office, i, doc_ids, named_at, offices, side, person_side):
    """When the document never writes the office with a name ('the president' after only
    'Trump'), the person it names before the mention whom the corpus calls so most often, of the
    side the mention gives if it gives one ('the president of Libya')."""
    best, best_count = None, 1  # at least twice in the corpus
    j = i
    while j >= 0 and doc_ids[j] == doc_ids[i]:
        for _, person in named_at[j]:
            count = offices.get(person, {}).get(office, 0)
            if count > best_count and not (side and person_side(person) != side):
                best, best_count = person, count
        j -= 1
    return best


_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\b\.?\s*")
#: One name and nothing else, as a story writes someone it has named: "Kim", "Mr. Kim", "Kim's"; not
#: a party's name ("Labour"), whose full names ("Labour MP X") are no person's.
_ONE_NAME_ALONE = re.compile(
    rf"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?!(?:{'|'.join(sorted(PARTY_FAMILIES))})\b)[A-Z][\w’'-]*(?:['’]s?)?"
)
_GENDER_OF = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
_MARK = re.compile(r'[“”"]')
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


class Quotations:
    """Where each statement stands towards quotation marks, read in document order: whether it
    opens inside a quotation left open by the sentence before, whether it leaves one open, and
    how many of its words are outside any quotation. A quotation never runs on into a new
    paragraph (news reopens it with a fresh mark), but whether the paragraph before ended inside
    one is kept: that is how a quotation of several paragraphs is written."""

    def __init__(self, texts, doc_ids, blocks):
        self.doc_ids, self.blocks = doc_ids, blocks
        self.texts = texts
        marks_of = [_MARK.findall(text) for text in texts]
        self.marked = [bool(marks) for marks in marks_of]
        self.introduces = [text.rstrip().endswith(":") for text in texts]  # ends with a colon
        self.opens_inside, self.ends_inside = [], []
        inside = False
        for i, marks in enumerate(marks_of):
            if i == 0 or doc_ids[i] != doc_ids[i - 1] or blocks[i] != blocks[i - 1]:
                inside = False
            self.opens_inside.append(inside)
            for mark in marks:
                inside = mark == "“" or (mark == '"' and not inside)
            self.ends_inside.append(inside)

    def unquoted(self, i: int) -> int:
        """How many words of the statement stand outside quotation marks."""
        text, inside, words, at = self.texts[i], self.opens_inside[i], 0, 0
        for m in _MARK.finditer(text):
            if not inside:
                words += len(_WORD.findall(text, at, m.start()))
            inside = m.group() == "“" or (m.group() == '"' and not inside)
            at = m.end()
        return words + (0 if inside else len(_WORD.findall(text, at)))

    def is_quotation(self, i: int) -> bool:
        """The statement is all quotation: at most a word or two outside the marks."""
        return (self.opens_inside[i] or self.marked[i]) and self.unquoted(i) <= 2

    def same_paragraph(self, i: int, j: int) -> bool:
        return self.doc_ids[i] == self.doc_ids[j] and self.blocks[i] == self.blocks[j]

    def same_document(self, i: int, j: int) -> bool:
        return self.doc_ids[i] == self.doc_ids[j]


def _bare_attribution(text: str, source: str, cue: str) -> bool:
    """'Obama said.', 'he added on Friday.': a statement that is only its source and cue, so
    it attributes the quotation just before it."""
    if not source or _MARK.search(text):
        return False
    rest = text.replace(source, " ", 1)
    rest = rest.replace(cue, " ", 1) if cue else rest
    return next(islice(_WORD.finditer(rest), 3, None), None) is None  # at most three words: stop at a fourth


def _quotations_before_their_attribution(quotations, table, speakers, sources, out_speaker, out_group, carried) -> None:
    """Quotations with no attribution of their own, closed by a statement that is only a source
    and a cue ("“What have you been debating? ...” / Obama said."), are that source's words, and
    carry its attribution (``carried``: the ``attributed_in`` of each row)."""
    texts = table["text"].tolist()
    cues = table["cue"].fillna("").astype(str).tolist() if "cue" in table else [""] * len(texts)
    for j in range(1, len(texts)):
        if not out_speaker[j] or not _bare_attribution(texts[j], sources[j], cues[j]):
            continue
        i = j - 1
        while i >= 0 and quotations.same_paragraph(i, j) and not speakers[i] and quotations.is_quotation(i):
            if not out_speaker[i]:
                out_speaker[i], out_group[i], carried[i] = out_speaker[j], out_group[j], carried[j]
            i -= 1


def _quotations_after_their_speaker(quotations, speakers, out_speaker, out_group, carried) -> None:
    """A statement that is all quotation, with no attribution of its own, goes on with the
    speaker of the statement just before it: in the same paragraph ('Trump wrote on Twitter:
    “…' then '… more of it.”'), or opening the next one when the paragraph before ended inside
    a quotation, ended with a colon, or quoted its speaker ('“…,” he said.' then '“…”'); it carries
    that statement's attribution."""
    for i in range(1, len(out_speaker)):
        j = i - 1
        if speakers[i] or out_speaker[i] or not out_speaker[j] or not quotations.same_document(i, j):
            continue
        if not quotations.is_quotation(i):
            continue
        if (
            quotations.same_paragraph(i, j)
            or quotations.ends_inside[j]
            or quotations.marked[j]
            or quotations.introduces[j]
        ):
            out_speaker[i], out_group[i], carried[i] = out_speaker[j], out_group[j], carried[j]


def run_note(codebook: Codebook) -> str:
    """What the codebook (or its absence) changes in this run, for the pages."""
    from .claim import describe

    if not codebook.actors and not codebook.media:
        speakers_note = (
            "**This run has no codebook** (or one without actors): speakers and their sides are read "
            "from the text alone (titles, demonyms, country and capital names, a bundled list of "
            "international organisations and news media), so sides are open (any country or "
            "organisation) and a speaker the text never describes is `Other`. `python -m newsframe "
            "codebook --corpus ... --out draft.yml` drafts a codebook to edit and rerun with."
        )
    else:
        speakers_note = (
            f"Codebook `{paths.display(codebook.source)}`: its actors and groups override what the text says; a side "
            "the text gives that is not one of its groups is `Other`."
        )
    return speakers_note + " " + describe(codebook)
