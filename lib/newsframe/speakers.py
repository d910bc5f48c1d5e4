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
import calendar
import gc
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache, partial
from itertools import islice

import pandas as pd
from rapidfuzz import fuzz, process

from . import paths
from .codebook import GROUPS, Codebook
from .engine import iter_documents
from .sides import MEDIA, another_country_s_party, gazetteer

UNNAMED = "unnamed "
OTHER = "Other"
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_THING_PRONOUNS = {"it", "its"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_UNRESOLVABLE = {
    "i",
    "we",
    "you",
    "us",
    "me",
    "one",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "nobody",
    "that",
    "this",
}
_RELATIVES = {"who", "which", "whom"}
_ALL_PRONOUNS = _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS | _UNRESOLVABLE | _RELATIVES
#: Words that describe an office, not a name ("President", "Mr.", "spokesman").
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "foreign",
    "defence",
    "defense",
    "interior",
    "ambassador",
    "envoy",
    "official",
    "mayor",
    "leader",
    "chief",
    "commander",
    "general",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "adm",
    "admiral",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "crown",
    "premier",
    "pm",
    "deputy",
    "former",
    "top",
    "senior",
    "head",
    "director",
    "adviser",
    "advisor",
    "aide",
    "diplomat",
    "lawmaker",
    "congressman",
    "congresswoman",
    "attorney",
    "state",
    "national",
    "security",
    "press",
    "communications",
    "coordinator",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "mp",
    "justice",
    "judge",
    "pope",
    "ayatollah",
    "supreme",
    "sheikh",
    "emir",
    "sultan",
    "pres",
    "gen.",
    "candidate",
    "nominee",
    "acting",
    "assistant",
    "undersecretary",
    "special",
    "counsel",
    "spy",
    "intelligence",
    "military",
    "army",
    "navy",
    "air",
    "force",
    "officer",
    "first",
    "majority",
    "minority",
    "whip",
    "house",
    "democratic",
    "republican",
    "democrat",
    "gop",
    "opposition",
    "presidential",
    "white",
    "trade",
    "finance",
    "economy",
    "health",
    "energy",
    "treasury",
    "commerce",
    "homeland",
    "sergeant",
    "sgt",
    "father",
    "rev",
    "reverend",
    "rabbi",
    "imam",
    "bishop",
    "cardinal",
    "archbishop",
    "ceo",
    "chairperson",
    "founder",
    "professor",
    "analyst",
    "expert",
    "correspondent",
    "reporter",
    "editor",
    "columnist",
    "author",
    "activist",
    "sen.",
    "rep.",
    "gov.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "president-elect",
    "vice-president",
    "ex-president",
    "elect",
    "sheriff",
    "lieutenant",
    "colonel",
    "captain",
    "detective",
    "inspector",
    "brig",
    "spc",
    "pfc",
    "cpl",
    "pvt",
    "cmdr",
    "corporal",
    "ensign",
    "commodore",
    "commissioner",
    "prosecutor",
}
#: Nouns that make a lower-case mention a speaker ("officials", "the ministry", "police").
SPEAKER_NOUNS = re.compile(
    r"\b(?:sources?|officials?|diplomats?|insiders?|people|persons?|individuals?|reports?|analysts?|experts?|"
    r"journalists?|reporters?|witness(?:es)?|aides?|advisers?|advisors?|spokes(?:man|men|woman|women|person|people)|"
    r"representatives?|officers?|members?|ministry|ministries|ministers?|government|governments|administration|"
    r"department|agency|agencies|army|military|police|forces|troops|authorities|office|council|committee|"
    r"commission|court|judges?|prosecutors?|lawyers?|attorneys?|investigators?|residents?|protesters?|"
    r"demonstrators?|activists?|critics?|supporters?|opponents?|lawmakers?|legislators?|senators?|leaders?|"
    r"president|presidents|chief|commanders?|generals?|soldiers?|fighters?|rebels?|militants?|groups?|"
    r"organi[sz]ations?|company|companies|firm|spokesperson|campaign|party|parties|statement|poll|polls|"
    r"survey|surveys|study|studies|data|documents?|report|researchers?|scientists?|doctors?|teachers?|"
    r"students?|voters?|republicans|democrats|conservatives|liberals|diplomats|countries|nations|allies|states|"
    r"observers?|monitors?|inspectors?|media|outlets?|newspapers?|network|agency|channel|embassy|mission|"
    r"regime|cabinet|parliament|congress|senate|kremlin|ministry|mayor|governor|envoy|ambassador|minister|"
    r"coalition|alliance|union|bank|fund|institute|university|center|centre|foundation|watchdog|official|"
    r"man|woman|men|women|mother|father|son|daughter|family|friends?|neighbou?rs?|victims?|survivors?|"
    r"employees?|workers?|staff|team|board|panel|guard|guards|navy|spokesmen)\b",
    re.I,
)
_ORG_WORDS = re.compile(
    r"\b(?:Ministry|Department|Agency|Council|Party|Committee|Commission|Organi[sz]ation|Association|Corps|Forces|"
    r"Army|Navy|Police|Institute|University|Court|Bank|Group|Company|Inc|Corp|Foundation|Center|Centre|Office|"
    r"Service|Services|Administration|Government|Parliament|Assembly|Congress|Senate|House|Union|League|Front|"
    r"Movement|Network|News|Times|Post|Journal|Press|Agency|Embassy|Mission|Guard|Guards|Authority|Board|Fund|"
    r"Federation|Coalition|Alliance|Campaign|Watch|International|Project|Review|Magazine|Television|TV|Radio|"
    # places and buildings named like people ("Ahrar Bridge", "Trump Tower")
    r"Bridge|Street|Square|Avenue|Boulevard|River|Island|Islands|Valley|Strait|Gulf|Sea|Ocean|Airport|Hospital|"
    r"Mosque|Cathedral|Palace|Tower|Hotel|Stadium|Station|Prison)\b"
)
_NAME_TOKEN = re.compile(r"[A-Z][\w’'.-]*")
#: A capitalised run: initials ("H.R.") are one word; lower-case particles ("el-Sissi", "bin",
#: "van der") belong to the name they stand in.
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'-]*\.?)"
_PARTICLE_NAME = r"(?:al|el|ad|an|as|ash|at|az|ul|bin|ibn|abu)-[A-Z][\w’'-]*"
_NAME_RUN = re.compile(
    rf"(?<![\w’'.-])(?:{_NAME_WORD}|{_PARTICLE_NAME})(?:\s+(?:{_NAME_WORD}|{_PARTICLE_NAME}|"
    r"(?:de|da|di|del|du|dos|das|van|von|der|den|ter|bin|ibn|al|el)(?=\s+(?:[A-Z]|der|den)))(?![\w’'-]))*"
)
_WORDS = re.compile(r"[A-Za-z][\w’'-]*")
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|its|his|her|their|some|several|many|two|three)\s+", re.I)
#: A description set off by a comma after a name, to its clause's end; an initial's full stop ("the
#: U.S. Navy") is no end, and the next item of a list is no description ("the governor of the Bank of
#: England, Mark Carney, and the US president": no US governor).
_APPOSITION = re.compile(
    r"\s*,(?!\s*(?:and|or|but|nor)\s)\s*(?:(?:the|a|an)\s+)?(?P<desc>(?:[^,.;:()“”\"]|(?<=\b[A-Z])\.){3,120})"
)
_CLAUSE_END = re.compile(r"[,;:()“”\"—–]")
#: Unnamed sources that speak for the media whatever their country ("a Ukrainian journalist").
_MEDIA_NOUNS = re.compile(
    r"\b(?:journalists?|reporters?|correspondents?|media|reports?|newspapers?|outlets?|"
    r"columnists?|editors?|broadcasters?)\b",
    re.I,
)
_DEFINITE = re.compile(r"^(?:the|this|that|these|those)\s", re.I)
_MEDIA_NAME = re.compile(
    r"\b(?:Times|Post|Journal|News|Tribune|Gazette|Herald|Telegraph|Daily|Magazine|Television|Radio|"
    r"TV|Broadcasting|Press|Chronicle|Observer|Guardian|Independent|Mail|Express|Weekly|Examiner|Beacon|"
    r"Bulletin)\b"
)
_RECENT = 6  # statements back that "it" or "they" may reach
_RECENT_PERSON = 12  # and "he" or "she": news keeps one person in focus for paragraphs


#: A plain name word: "McChrystal" and "DeSantis" have a second capital; initials ("H.R."); particles.
_PLAIN_NAME = re.compile(
    r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'][A-Z]?[a-z]+)*\.?|(?:[A-Z]\.)+|(?:al|el|bin|ibn|van|von|der|de)(?:-[A-Z][a-z]+)?"
)
_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_CAPITAL_AFTER_SPACE = re.compile(r"\s[A-Z]")
_RELATIVE_CLAUSE = re.compile(r"\s(?:who|which|that)\s")
#: Where a description of a person stops being about them: a clause about the body it names ("a
#: spokesman for the Fleet, which sails near X") or what they strike ("the leader of the attack on X").
_DESCRIPTION_END = re.compile(
    r"\s(?:which|that)\s|\s(?:attacks?|strikes?|raids?|assaults?|war|sanctions)\s+(?:on|against)\s"
)


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


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case ASCII form of a name, for comparing spellings."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip(" .’'")


@lru_cache(maxsize=100_000)
def _is_title(token: str) -> bool:
    return fold(token).rstrip(".") in TITLES or fold(token) in TITLES


def strip_titles(name: str) -> str:
    """'President Donald J. Trump' -> 'Donald J. Trump'; 'Mr Trump' -> 'Trump'; sides go too
    ('Ukrainian President Volodymyr Zelensky' -> 'Volodymyr Zelensky')."""
    places = gazetteer()
    tokens = name.replace("’s", "").replace("'s", "").split()
    while len(tokens) > 1 and (_is_title(tokens[0]) or tokens[0] in places.phrases):
        tokens = tokens[1:]
    name = " ".join(tokens).strip(" ,")
    return name[:-1] if name.endswith(".") and len(tokens[-1]) > 2 and not tokens[-1][-2].isupper() else name


_GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}


@lru_cache(maxsize=200_000)
def _person_key(name: str) -> tuple[str, str]:
    """(first name, surname) folded; middle names and initials do not count."""
    tokens = [fold(t).rstrip(".,") for t in name.split() if len(t.rstrip(".")) > 1]
    if len(tokens) > 1 and tokens[-1] in _GENERATIONS:  # "Donald Trump Jr." is not his father
        tokens = [*tokens[:-2], f"{tokens[-2]} {tokens[-1]}"]
    if not tokens:
        return "", ""
    if len(tokens) > 1 and set(tokens[:-1]) <= _PARTICLES and (len(tokens) > 2 or name[0].islower()):
        return "", tokens[-1]  # "Van der Sypt", "de Blasio": a surname's particles, no first name
    return (tokens[0] if len(tokens) > 1 else ""), tokens[-1]


_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "du", "dos", "das", "ter"})


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
        self.root = {s: self._find(s) for s in self.parent}  # one look-up per call, not a walk

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


class Mention:
    """What one source mention is: a person, a body or place, an unnamed source, or nothing."""

    __slots__ = ("kind", "name", "side", "plural", "agent")

    def __init__(self, kind: str, name: str = "", side: str = "", plural: bool = False, agent: str = ""):
        self.kind, self.name, self.side, self.plural = kind, name, side, plural
        #: who speaks for the person named, as written ("spokesman for"): they speak, not the person
        self.agent = agent


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
        self.lower.update(_LOWER_WORD.findall(text))
        self.upper.update(map(str.lower, _UPPER_AFTER_LOWER.findall(text)))
        if any(word in text for word in _MEDIUM_WORDS):
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
    runs = [m for m in _NAME_RUN.finditer(text) if not _in_organisation_name(text, m.start())]
    if not runs or not _MARK.search(text):
        return tuple((m.start(), m.end(), m.group(), False) for m in runs)
    quotes = _Quotes(text)
    return tuple((m.start(), m.end(), m.group(), quotes.inside(m.start())) for m in runs)


# Each opens with its character class and looks behind only then: a scan skips straight to
# candidate letters instead of testing the look-behind at every character.
_LOWER_WORD = re.compile(r"[a-z](?<![\w’'-][a-z])[\w’'-]*")  # a word in lower case
_UPPER_AFTER_LOWER = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[\w’'-]*")  # capitalised after a lower-case word


_WEEKDAYS = "|".join(calendar.day_name)  # stdlib, English locale by default
#: Words around a source that are not part of it: a label before a colon ("Updated:"), a clause
#: before it ("... prompted by what"), a parenthesis ("(R-Texas)"), a time ("on Friday", "Earlier
#: on Friday,"), a circumstance ("in an interview on NBC's"), a reflexive or an adverb ("swiftly").
_SOURCE_NOISE = (
    re.compile(r"^(?:[A-Za-z]+\s+){0,1}[A-Za-z]+:\s+"),
    re.compile(r"^.*\bwhat\s+(?=\S)", re.I),  # "The calls are prompted by what NATO members"
    re.compile(r"^(?:not only|nor|neither)\s+(?:do|does|did|is|are|was|were|has|have)\s+", re.I),
    re.compile(r"\s*\((?:[^()]*\)|[^()]*$)"),  # "(R-Texas)", or one the source cut short: "Engel (D"
    re.compile(r"^(?:Earlier|Later|Late|Early|On|In|At|During|After|Before|Last|This)\b[^,]{0,40},\s+(?=[A-Z])"),
    re.compile(rf"\s+(?:(?:on|late|early|last|this|by)\s+)?(?:{_WEEKDAYS})\b[^,]*$"),
    re.compile(r"\s+(?:in|during|at)\s+(?:an?|his|her|their|its)\s.*$"),  # "in an interview on NBC's"
    re.compile(r"(?<=[A-Za-z])\s+(?:in|during|at)\s+the\s+[a-z].*$"),  # "Perry in the new ad"
    re.compile(r"\s+(?:himself|herself|themselves|itself)\b.*$"),  # "Trump himself went even further"
    # "Amber Rudd yesterday", "Trump last week", "CNN in 2012"
    re.compile(
        r"\s+(?:yesterday|today|tonight|last\s+night|(?:last|this|next|earlier\s+this)\s+"
        r"(?:week|weekend|month|year|spring|summer|autumn|fall|winter)|in\s+(?:19|20)\d\d)\b.*$",
        re.I,
    ),
    # a news site's pop-up after a name, its full name glued to the next link: "Sen. John Kennedy John
    # Neely KennedyMORE", "President Trump Donald John TrumpDem lawmaker"
    re.compile(r"^(?P<keep>.*?\b(?P<last>[A-Z][a-z’'-]{2,}))\s+(?:[A-Z][\w.’'-]*\s+){1,3}(?P=last)(?:[A-Z]|MORE).*$"),
    # "The latest incident comes just days after the US Navy", "Saturday the US Department"
    re.compile(
        r"^.*?\bcomes?\s+(?:(?:just|only|shortly|two|three|a\s+few|days|weeks|hours)\s+)*(?:as|after|amid)\s+(?=\S)"
    ),
    re.compile(rf"^(?:on\s+)?(?:{_WEEKDAYS})\s+(?=(?:the\s+)?[A-Z])"),
    re.compile(r"(?<=[A-Za-z])\s+(?:on|in|at|to|for|by|with|from)$"),  # "Sen. Tim Kaine on": cut before a date
    # "where sources close to the investigation", "said one witness": a conjunction or verb before it
    re.compile(
        r"^(?:(?:said|says|told|added|where|when|while|whereas|and|but|because|although|though)\s+)+(?=\S)", re.I
    ),
    # "World leaders including X and Y": the group speaks, its examples do not
    re.compile(r"(?<=[a-z])\s+(?:including|such\s+as|among\s+them)\s.*$"),
    # "Trump swiftly", "Lauten later": adverbs after a name
    re.compile(
        r"^(?P<keep>.*\b[A-Z][\w’'.-]*)\s+(?:(?:(?!(?:family|ally|rally|supply|assembly|reply)\b)[a-z]{2,}ly|later|also|then|"
        r"again|now|first|once)\b\s*)+$"
    ),
)


@lru_cache(maxsize=200_000)
def without_noise(mention: str) -> str:
    """A source mention without the words written around it ('Updated: Rick Santorum on Sunday'
    -> 'Rick Santorum'); cached, as mentions repeat."""
    for pattern in _SOURCE_NOISE:
        mention = pattern.sub(lambda m: m.groupdict().get("keep") or "", mention).strip() or mention
    return mention


@lru_cache(maxsize=200_000)
def _names_a_place(name: str, shortest: int = 2) -> bool:
    """Whether ``shortest`` to three of the name's words together name a place, not a medium
    ('New York', 'South Korea'; with 1, 'Iraq' in 'In Iraq' too, but not 'Bloomberg'); cached,
    as names repeat."""
    phrases = gazetteer().phrases
    tokens = name.split()
    spans = (" ".join(tokens[a : a + k]) for k in range(shortest, 4) for a in range(len(tokens) - k + 1))
    return any(phrases[p].kind != "media" for p in spans if p in phrases)


_WEEKDAY = re.compile(_WEEKDAYS)


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
    """Who put out the document a source names, when the sentence says so right before it ("the
    Iraqi government issued a blistering statement condemning": the government; "Abbott released a
    pre-recorded statement calling": Abbott); else None."""
    at = text.find(source)
    put_out = _PUT_OUT.search(text, 0, at) if at > 0 and _A_DOCUMENT.fullmatch(source) else None
    if put_out is None:
        return None
    found = classify(put_out.group("subject").strip(), common)
    return found if found.kind not in ("none", "pronoun", "source") else None


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
    at = text.find(source)
    relative = _WHO_AT_END.search(text, 0, at - 1) if at > 0 and text[at - 1] == " " else None
    if relative is None:
        return None
    head = text[: relative.start()].rstrip(" ,-–—")
    named = _NAME_THEN_DESCRIPTION.search(head)
    found = classify(named.group("name"), common) if named else _antecedent(head, common)
    return found if found.kind not in ("none", "pronoun") else None


@lru_cache(maxsize=100_000)
def _is_weekday(token: str) -> bool:
    return _WEEKDAY.fullmatch(token.rstrip(".,’'s")) is not None


_LOCATION_TAIL = re.compile(r"\s+(?:in|at|based in)\s+(?:the\s+)?[A-Z][^,]*$")


#: A compound noun capitalised only as its run's first word ("Seventh-grader", "Actor-director",
#: "Senator-elect"): a descriptor, where a hyphenated name capitalises both parts ("Al-Ahram").
_HYPHENATED_DESCRIPTOR = re.compile(r"[A-Z][a-z]*-[a-z]{2,}")


@lru_cache(maxsize=200_000)
def name_in_run(run: str) -> str:
    """The name in a capitalised run: the words after its last title, side word or descriptor
    ('Iranian Foreign Ministry Spokesperson Nasser Kanaani' -> 'Nasser Kanaani'; 'Ambassador to
    the United Nations Nikki Haley' -> 'Nikki Haley'; 'Seventh-grader
    Mohammad Bilal' -> 'Mohammad Bilal', when two words follow it: 'Chung-in Moon' stays)."""
    places = gazetteer()
    tokens = run.replace("’s", "").replace("'s", "").split()
    last = -1
    for k, token in enumerate(tokens[:-1]):
        if (
            _is_title(token)
            or (k < len(tokens) - 2 and _HYPHENATED_DESCRIPTOR.fullmatch(token))
            or token in places.phrases
            or all(part in places.phrases for part in token.split("-"))
            or token in ("Ministry", "Department", "Office", "Council", "to", "of", "for", "the")
            or any(" ".join(tokens[j : k + 1]) in places.phrases for j in range(max(0, k - 2), k))
            or (token.isupper() and len(token) > 2 and not _INITIALS.fullmatch(token))
        ):  # "JUST WATCHED Obama": a video caption's label
            last = k
    return strip_titles(" ".join(tokens[last + 1 :]))


#: A name of capitalised words that "of", "for", "the", "and" or "on" may join: an organisation's
#: when one of them is an organisation word (its last capitalised word is no person's surname).
_ORG_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|for|the|and|on)\s+)*[A-Z][\w’'.-]*)*")
_JOINING = re.compile(r"\s(?:of|for|the|and|on)\s")


def _organisation_name(core: str) -> bool:
    """Capitalised words joined by "of", "for", "the", "and" or "on", the first of them naming an
    organisation ("Joint Council for the Welfare of Immigrants"): one name, whose last word is no
    person's surname. Not a person of one ("Peter Neumann of the ... Center"), an officer ("Council
    on Foreign Relations President X") or a body's person ("the Ohio Department of
    Transportation's Faulkner")."""
    parts = _JOINING.split(core)
    return bool(
        len(parts) > 1
        and _ORG_NAME.fullmatch(core)
        and _ORG_WORDS.search(parts[0])
        and not _POSSESSIVE_WORD.search(parts[-1])
        and not any(_is_title(t) for t in core.split())
    )


_POSSESSIVE_WORD = re.compile(r"['’]s\s")
_HYPHENATED = re.compile(r"(?<=[a-z])-(?=[A-Z])")
#: A stance toward a place or its backing of a body is no side: "the pro-Israel Washington
#: Institute", "the U.S.-backed SDF".
_STANCE = re.compile(r"\b(?:pro|anti)-[\w-]+|[\w.]+-(?:backed|funded|sponsored|supported|allied|aligned)\b", re.I)
#: A country's ally is not that country: "one of Iran's most important allies in Iraq", "an ally of
#: Russia", "U.S. allies" (but "Trump's GOP allies" are Republicans: a party is no country).
_ALLY = re.compile(
    r"(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:['’]s\s+(?:[a-z]+\s+){0,3}?|\s+)all(?:y|ies)\b"
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w.]*)?"
    r"|\ball(?:y|ies)\s+(?:of|to)\s+(?:the\s+)?(?P<placed>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)"
)


def _without_allies(head: str) -> str:
    def ally(m: re.Match) -> str:
        place = gazetteer().phrases.get(m.group("place") or m.group("placed"))
        return " " if place is not None and place.kind in ("country", "capital") else m.group()

    return _ALLY.sub(ally, head) if "all" in head else head


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


def _statement_issuer(i, rows, texts, out_speaker, out_group) -> tuple[str, str] | None:
    """(speaker, side) of the nearest of the three statements before ``i`` that mentions a
    statement and has a speaker ("In a joint statement, X said ... The statement said"), else None."""
    for j in reversed([j for j in rows if j < i][-3:]):
        named = out_speaker[j][:1].isupper() and out_group[j] and "statement" not in out_speaker[j]
        if named and "statement" in texts[j]:
            return out_speaker[j], out_group[j]
    return None


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
    core = _DETERMINERS.sub("", mention.name)
    if core and fold(speaker) in fold(source) and fold(speaker) not in fold(without_noise(source)):
        return UNNAMED + core if core[0].islower() else core  # "World leaders including X and Y": not Y
    if core and _A_PAIR.match(speaker) and _DEFINITE.match(source) and _one_of_a_pair(speaker, source):
        return UNNAMED + core  # "the police source" after "an official and a police source": one of the pair
    written = fold(_DETERMINERS.sub("", source)) == fold(speaker.removeprefix(UNNAMED))
    if not core or not written or fold(core) == fold(speaker.removeprefix(UNNAMED)):
        return speaker
    if not fold(speaker).endswith(fold(core)):
        return speaker
    return UNNAMED + core if speaker.startswith(UNNAMED) or core[0].islower() else core


_TO = re.compile(r"\s(?:to|with)\s")
_PLACE_WORDS = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"
_ABOUT = r"on|about|over|regarding|towards?"
_SUBJECT_PEOPLE = r"(?:experts?|specialists?|analysts?|scholars?|watchers?|researchers?)"
_SUBJECT_NOUNS = rf"{_SUBJECT_PEOPLE}|hands?|affairs|studies|desk|office|bureau|branch|correspondents?"
_POSTED = r"commanders?|ambassadors?|envoys?|correspondents?"
#: Places a description is about or sits in, not the side it speaks for: the subject of expertise
#: or of a body ("a North Korea expert", "a committee on North Korea"), where an office is ("the
#: Brussels office for the French Institute"), a birthplace ("Ukrainian-born"), the body an
#: ambassador is sent to ("U.N. Ambassador Susan Rice": countries send ambassadors), where one is
#: posted ("the commander of international forces in Afghanistan"), where a university is ("a
#: University of Vermont professor", "a Tehran University lecturer": a scholar speaks for no state),
#: a research body's name and seat ("a fellow at the Center for a New American Security", "the
#: Foundation for Defense of Democracies in Washington": a think tank is its own side, not its home's).
_RESEARCH_BODY = (
    r"(?:[A-Z][\w’'.-]*\s+(?:(?:for|of|on|the|a|and)\s+)*){0,4}(?:Center|Centre|Institute|Institution|"
    r"Foundation|Endowment|Council\s+on|Project|Initiative)(?:\s+(?:(?:for|of|on|the|a|and)\s+)*[A-Z][\w’'.-]*)*(?:\s+in\s+[A-Z][\w’'.-]*)?"
)
_POSSESSOR = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s")
_NATIONAL = re.compile(
    r"\bNational\s+(?:[A-Z][\w’'-]*\s+)*(?:Center|Centre|Institute)"
)  # "U.S. National Counterterrorism Center"
_TOPICAL = re.compile(
    rf"(?<=\s)(?:{_ABOUT})\s+(?:the\s+)?(?P<topic>{_PLACE_WORDS})"
    rf"|(?P<subject>{_PLACE_WORDS})(?=\s+(?:{_SUBJECT_NOUNS})\b|\s+(?:[a-z]+\s+){{1,2}}{_SUBJECT_PEOPLE}\b)"
    rf"|(?P<host>{_PLACE_WORDS})(?=\s+[Aa]mbassadors?\b)|[\w’'-]+-(?:born|based)\b"
    rf"|(?P<field>{_PLACE_WORDS})(?=\s+(?:history|politics|studies|affairs|literature|economics|relations)\b)"
    rf"|(?<=\s)(?:{_POSTED})\s+(?:of\s+[\w\s-]{{0,40}}?forces\s+)?in\s+"
    rf"(?:the\s+)?(?P<posted>{_PLACE_WORDS})"
    rf"|\b(?:University|College)\s+of\s+(?:the\s+)?(?P<seat>{_PLACE_WORDS})"
    rf"|(?P<campus>{_PLACE_WORDS})(?=\s+(?:State\s+)?(?:University|College)\b)"
    r"|(?P<school>[A-Z][\w.-]*)(?=\s+School\b)"
    rf"|(?P<body>{_RESEARCH_BODY})"
)
#: Words _TOPICAL cannot match without: searching for them first is several times cheaper than
#: _TOPICAL's own search, which tries its place words at every capital.
_TOPICAL_WORDS = re.compile(
    rf"(?:{_ABOUT})\s|{_SUBJECT_NOUNS}|[Aa]mbassador|-born|-based|history|politics|literature|economics|relations|{_POSTED}|University|College|School|Cent(?:er|re)|Institut|Foundation|"
    r"Endowment|Council on|Project|Initiative"
)
_TOPIC_KINDS = ("country", "capital", "state", "organisation")
_PLACE_GROUPS = ("topic", "subject", "field", "host", "posted", "seat", "campus", "school", "body")


_BODY_HEAD = re.compile(r"\s*(?:Center|Centre|Institute)")


def _a_state_s_body(name: str, places: list) -> bool:
    """A body named as a state's own: a national one ("the U.S. National Counterterrorism Center"),
    a country's ("Belgium's Crisis Center") or a place's and nothing else ("the French Institute");
    not "the American Enterprise Institute"."""
    owner = _POSSESSOR.match(name)
    if _NATIONAL.search(name) or owner and getattr(gazetteer().phrases.get(owner.group(1)), "kind", "") == "country":
        return True
    return (
        bool(places)
        and places[0][2].kind == "demonym"
        and _BODY_HEAD.fullmatch(name, places[0][1]) is not None
        and _DETERMINERS.sub("", name[: places[0][0]]) == ""
    )


def _without_topics(head: str) -> str:
    """A description without the places it is about (_TOPICAL); a demonym or an institution
    stays ("a Russian analyst", "the White House office")."""

    def topic(m: re.Match) -> str:
        place = next((m.group(g) for g in _PLACE_GROUPS if m.group(g)), None)
        if place is None:  # "-born", "-based"
            return " "
        if m.group("body"):  # every place in a research body's name or seat, but a state's own body's
            found = gazetteer().find(place)
            if _a_state_s_body(place, found):
                return m.group()
            return "".join(
                place[b:a] for (_, b, _), (a, _, _) in zip([(0, 0, None), *found], [*found, (len(place), 0, None)])
            )
        place = place.removesuffix(" State")  # "Ohio State University"
        if m.group("campus") or m.group("seat") or m.group("school"):  # "American University", "London School"
            return m.group().replace(place, " ")
        found = gazetteer().phrases.get(_POSSESSIVE_END.sub("", _DETERMINERS.sub("", place)))
        kinds = (
            ("organisation",)
            if m.group("host")
            else (*_TOPIC_KINDS, "demonym")
            if m.group("topic") or m.group("field")
            else _TOPIC_KINDS
        )
        return m.group().replace(place, " ") if found is not None and found.kind in kinds else m.group()

    return _TOPICAL.sub(topic, head) if _TOPICAL_WORDS.search(head) else head


@lru_cache(maxsize=200_000)
def _side_of(head: str) -> str:
    """The side a mention's words give it: the first place named, and before 'to' when the
    mention is someone's envoy or mission to somewhere ('the US envoy to Iran' -> United States);
    cached, as mentions and descriptions repeat."""
    places = gazetteer()
    head = _without_allies(_STANCE.sub(" ", head))  # "the pro-Israel Washington Institute" is no Israeli body
    head = _without_topics(head)
    head = _HYPHENATED.sub(" ", head)  # "Egyptian-American" names Egypt
    to = _TO.search(head)
    for part in (head[: to.start()], head) if to else (head,):
        found = [p for _, _, p in places.find(part) if p.kind != "media"]
        if found:
            return found[0].side
    return ""


#: A source that is a clause opening with a name and a past-tense verb or "also".
#: "went" counts ("Boehner went on Fox News and said"); after an adverb ("Sturgeon
#: similarly expects ..., saying") a present-tense verb does too.
#: English irregular past tenses a clause between a subject and a participle's cue may have ("Trump
#: made time to attack X, suggesting", "President Trump withdrew from the deal, describing it as").
_IRREGULAR_PAST = (
    "(?:said|told|went|made|took|gave|came|got|saw|knew|thought|brought|began|became|left|held|kept|met|led|"
    "sent|spent|won|lost|wrote|ran|found|withdrew|drew|chose|spoke|stood|sought|fought|threw|broke|rose|fell|"
    "felt|heard|meant|paid|sold|struck|swore|taught|understood|flew|grew|drove|caught|built|bought)"
)
_IRREGULAR_PAST_WORD = re.compile(_IRREGULAR_PAST)
_SUBJECT_CLAUSE = re.compile(
    r"^(?!(?:I|A|An|The)[\s’'])(?P<name>[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,4})\s+"
    rf"(?:[a-z]+ed|{_IRREGULAR_PAST}|also|[a-z]+ly\s+[a-z]+(?:ed|s))(?:\s+[a-zA-Z]|$)"
)


#: A named source with unnamed companions ("Mnuchin and others", "Mr. Obama and his administration").
_WITH_COMPANIONS = re.compile(
    r"^(?P<lead>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+and\s+(?:others|other\s+[a-z]+|(?:his|her|their)\s+[a-z]+)$"
)


_EXISTENTIAL = re.compile(r"^(?:There|Here)(?:['’]s|\s+(?:is|are|was|were)\b)")


_DESCRIPTION = re.compile(r"(?:an?|the)\s+[a-z]")
#: A party and state after a name ("Sen. Bob Corker, R-Tenn., said"): the name speaks.
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*(?![\w-])")
_NAME_BEFORE_APPOSITION = re.compile(r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}),\s*$")


def _apposed_person(text: str, source: str, common: set[str]) -> Mention | None:
    """'Mohamed Soltan, a member of the alliance formed in support of Morsi, said': when the
    source is a description apposed to a full name, the person is that name, not a name the
    description mentions."""
    if not source or not (_DESCRIPTION.match(source) or _PARTY_TAG.match(source)):
        return None
    at = text.find(source)
    m = _NAME_BEFORE_APPOSITION.search(text, 0, at) if at > 0 else None
    if m is None:
        return None
    name = name_in_run(m.group("name"))
    if " " not in name or not _person_like(name, common) or _names_a_place(name):
        return None
    return Mention("person", name, _side_of(m.group("name")) or _side_of(source))


def _written_full_name(run: str, common: frozenset[str]) -> str:
    """The full name of a person a capitalised run in a statement writes ('Kremlin spokesman
    Dmitry Peskov' -> 'Dmitry Peskov'), else '': two to four plain capitalised words, none a
    place, a weekday or a word the corpus mostly writes in lower case; after a title the surname
    may be such a word ('Prime Minister Theresa May')."""
    if " " not in run:
        return ""
    name = name_in_run(run)
    tokens = name.split()
    phrases = gazetteer().phrases
    titled = _is_title(run.split()[0]) and name != run
    if (
        2 <= len(tokens) <= 4
        and not _ORG_WORDS.search(name)
        and name not in phrases
        and all(_PLAIN_NAME.fullmatch(t) for t in tokens)
        and not any(t in phrases or _is_weekday(t) for t in tokens)
        and not any(t.lower() in common for t in tokens[: -1 if titled else None])
        and not _names_a_place(name)
        and not _a_region(name)
        and not _INITIAL.fullmatch(tokens[-1])  # "New York F." (of "F.B.I.")
    ):
        return name
    return ""


#: An honorific before a name makes it a person's, even a word the corpus writes in lower case
#: ("Mrs May", "Mr. King").
_HONORED = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]")
#: "Tom Cheshire from Sky News", "Chuck Schumer of New York": a person and where they work or sit for.
_AFFILIATED = re.compile(  # "Iran expert X of the Carnegie Endowment": a description may come first
    r"^(?:(?:(?!(?:of|at|from|with|and|in|for|on|the)\s)[\w’'.-]+\s+){0,2}?(?!(?:of|at|from|with|and|in|for|on|the)\s)"
    r"[a-z][\w’'-]*\s+)?(?P<person>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,6})\s+(?:of|from|at|with)\s+(?:the\s+)?(?P<body>[A-Z].*)$"
)


#: "the Middle East Institute's Paul Salem", "Christian Science Monitor's Scott Peterson".
_BODY_S_PERSON = re.compile(
    r"^(?:the\s+)?(?P<body>[A-Z][\w’'.-]*(?:\s+(?:of|for|the|and|on|[A-Z][\w’'.-]*))*?)['’]s?\s+"
    r"(?P<person>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})$"
)


def _affiliated_person(head: str, common: frozenset[str]) -> Mention | None:
    """A person named with the body or place they belong to: the person speaks, for the body's
    side (Media for a news organisation)."""
    m = _AFFILIATED.match(head)
    if m is None:
        m = _BODY_S_PERSON.match(head)
        body = gazetteer().phrases.get(m.group("body")) if m else None
        if m is None or not (" " in m.group("body") or (body is not None and body.kind == "media")):
            return None  # "Trump's John Bolton": no body
    name = _written_full_name(_without_sentence_opener(m.group("person")), common)
    if not name:
        return None
    return Mention("person", name, _body_side(m.group("body")))


def _body_side(body: str) -> str:
    """The side of the body a person works for: Media for a news organisation."""
    body = _POSSESSIVE_END.sub("", body.strip())
    return MEDIA if _a_medium(body) else _side_of(body)


def _a_medium(name: str) -> bool:
    """Whether a name is a news organisation's: the bundled list's ("The Hill", "the BBC") or
    shaped like one ("... Times", "... News")."""
    phrases = gazetteer().phrases
    place = phrases.get(name) or phrases.get(_DETERMINERS.sub("", name))
    return (place is not None and place.kind == "media") or bool(_MEDIA_NAME.search(name))


#: Function words that open a sentence with a capital ("But Jeffrey Lewis of ...", "Whether Sanders").
_OPENERS = frozenset({
    "but", "and", "or", "nor", "so", "yet", "still", "then", "now", "also", "meanwhile", "however", "instead",
    "even", "only", "when", "whenever", "while", "whether", "if", "as", "because", "although", "though", "after",
    "before", "since", "until", "unless", "once", "like", "indeed", "perhaps", "finally", "again",
})  # fmt: skip
_OPENER_INITIALS = frozenset(word[0].upper() for word in _OPENERS)


def _without_sentence_opener(run: str) -> str:
    """A run without the capitalised function words that open its sentence ("But Jeffrey Lewis"
    -> "Jeffrey Lewis"); its last word stays."""
    words = run.split()
    while len(words) > 1 and words[0].lower() in _OPENERS:
        words = words[1:]
    return " ".join(words)


_HONORIFIC_WORDS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "professor", "prof"})


def _side_shaped(name: str) -> bool:
    """Whether a body's name may stand as a side of its own: capitalised words, perhaps joined by
    "of", "for", "the", "and" or "on", no honorific and no headline in capitals; a mention with
    other words ("Trump withdrew from the deal", "Mr. Trump this week", "Sir Bill Cash") is no side."""
    tokens = name.split()
    return bool(
        _ORG_NAME.fullmatch(name)
        and not any(fold(t).rstrip(".") in _HONORIFIC_WORDS for t in tokens)
        and not (name.isupper() and len(tokens) > 3)
    )


_LOWER_PARTICLE = re.compile(r"(?<![\w’'-])(?:al|el)[\s-]([A-Z][\w’'-]*)")


def _a_body_s_head(word: str) -> bool:
    """Whether a name's last word is a body's head word ("Islamic State", "Crisis Group")."""
    return word == "State" or _ORG_WORDS.fullmatch(word) is not None


_ORG_BEFORE = re.compile(_ORG_WORDS.pattern + r"\s+(?:of|for|on)\s+(?:the\s+)?$")


def _in_organisation_name(text: str, at: int) -> bool:
    """Whether a capitalised run at ``at`` ends an organisation's name ("the International
    Institute for Strategic Studies"): no person, however person-like its words."""
    return (
        text.endswith((" of ", " for ", " on ", " the "), 0, at)
        and _ORG_BEFORE.search(text, max(0, at - 60), at) is not None
    )


#: Whose a speaker's name is, written before it: "Labour’s Jeremy Corbyn" is Jeremy Corbyn.
_POSSESSOR_BEFORE_NAME = re.compile(r"^.*['’]s\s+(?=[A-Z][\w’'.-]*\s+[A-Z])")
#: A compass word first or a continent last makes a name a region ("Western Europe", "Central Asia",
#: "Latin America"), not a person with a surname "Europe" that "Death to America" would name.
_COMPASS = frozenset(["Western", "Eastern", "Northern", "Southern", "North", "South", "East", "West"])
_CONTINENTS = frozenset(
    ["Africa", "America", "Americas", "Asia", "Europe", "Oceania", "Antarctica", "Arctic", "Eurasia"]
)


_PREPOSITIONS = frozenset(
    ["In", "On", "At", "By", "For", "From", "During", "After", "Before", "Since", "Until", "With"]
)


#: Months that are no given names either: as a name's last word, a date ("the Trump October surprise").
_MONTHS = frozenset(calendar.month_name[1:]) - {"April", "May", "June", "August"}


def _a_region(name: str) -> bool:
    """A region ('Western Europe'), a circumstance ('In July') or a date ('Trump October'): no
    person's name."""
    tokens = name.split()
    return len(tokens) >= 2 and (
        tokens[0] in _COMPASS
        or tokens[0] in _PREPOSITIONS
        or tokens[-1] in _CONTINENTS
        or tokens[-1] in _MONTHS
        or tokens[0] in ("Middle", "Far", "Near")
        and tokens[-1] in _COMPASS  # "the Middle East"
    )


#: Titles that are also common English surnames.
_SURNAME_TITLES = frozenset({"White", "King", "Bishop", "Prince"})


def _surname_title(tokens: list[str]) -> bool:
    """'Julie Bishop', 'Martin Luther King': a title-surname after given names, none a title or a place."""
    return (
        1 < len(tokens) <= 3
        and tokens[-1] in _SURNAME_TITLES
        and not any(_is_title(t) or t in gazetteer().phrases or t in ("The", "A") for t in tokens[:-1])
    )


def _person_like(name: str, common: set[str]) -> bool:
    """A name shaped like a person's: a few words, no organisation word, not a title (but a surname
    that is one after a given name: 'Julie Bishop', 'Angus King'), not all common words, no weekday
    ('Twitter Saturday')."""
    tokens = name.split()
    return bool(
        tokens
        and not _ORG_WORDS.search(name)
        and len(tokens) <= 4
        and (not _is_title(tokens[-1]) or _surname_title(tokens))
        and not all(t.lower() in common for t in tokens)
        and not any(_is_weekday(t) for t in tokens)
        and not _a_region(name)
    )


_HEAD_END = re.compile(r",|\s+(?:who|which|that)\b")  # a mention's head ends before a clause
_POSSESSIVE_END = re.compile(r"['’]s$")
_POSSESSIVE_OR_APOSTROPHE = re.compile(r"['’]s?$")
_APPOSED_NAME = re.compile(r"\s*,\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})\s*(?:,|$)")
_PLURAL_END = re.compile(r"s\b")


def _group_sized(head: str) -> bool:
    """A head short enough to be a group's name as written ("the three Republicans"), not a
    clause ending on one ("his colleagues' signatures caused damage among the 10 Democrats")."""
    return len(head.split()) <= 4


#: "the mayor of Paris", "The chairman of the House Intelligence Committee": an office and the
#: body or place it serves.
_OFFICE_OF_BODY = re.compile(
    r"^(?:[Tt]he|[Aa]n?)\s+(?:(?!(?:after|before|since|during|day|week|month|year)\s)[a-z][\w-]*\s+){0,2}?"
    r"(?P<title>[A-Za-z]+)\s+(?:of|for)\s+(?P<body>(?:the\s+)?[A-Z].*)$"
)
#: Who speaks for someone else: "a spokesman for Mr Maduro" is not Maduro speaking.
_AGENT = re.compile(r"spokes(?:man|woman|person)|aide|advis[eo]r|lawyer|attorney|representative")
#: The holder's name after the office: ", Anne Hidalgo", ", Rep. Elijah Cummings of Maryland".
_HOLDER_AFTER = re.compile(rf"\s*,\s*(?P<run>{_NAME_RUN.pattern})(?:\s+of\s+[A-Z][\w.’'-]*)?\s*(?:,|$)")


def _office_of_body(office: re.Match, after: str, common: frozenset[str]) -> Mention:
    """The holder named after an office ('The mayor of Paris, Anne Hidalgo'), for the side of the
    body it serves; else the office itself, never the place or body it names ('The president of
    Libya' is not Libya speaking)."""
    side = _body_side(office.group("body"))
    holder = _HOLDER_AFTER.match(after)
    name = _written_full_name(holder.group("run"), common) if holder else ""
    if name:
        return Mention("person", name, side)
    return Mention("institution", _DETERMINERS.sub("", office.group()), side or OTHER)  # never a side of its own


def classify(mention: str, common: frozenset[str] | set[str]) -> Mention:
    """Read one source mention as written in the text."""
    return _classify(mention, common if isinstance(common, frozenset) else frozenset(common))


#: "official" before a name is an adjective ("the official Rodong Sinmun newspaper", "North Korea's
#: semi-official Fars news agency"), no unnamed official.
_OFFICIAL_BEFORE_NAME = re.compile(r"\b(?:semi-)?official\s+(?=[A-Z])")
#: A document named by its author ("Trump's statement", "a White House statement", "NATO data").
_AUTHORED = re.compile(
    r"(?:(?:the|a|an)\s+)?(?!(?:In|On|At|After|During|For|From|By|With|Under)\s)(?P<author>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}?)(?:['’]s?)?\s+"
    r"(?:statement|data|statistics|estimates)"
)


_KIN_NOUNS = "family|parents|widow|wife|husband|mother|father|son|daughter|brother|sister"
#: Someone a possessive pronoun owns, who speaks for or beside its person: "his lawyer", "her family".
_OWNED_BY_PRONOUN = re.compile(
    r"(?:his|her|their)\s+(?:(?:former|longtime|personal|top|chief|senior)\s+)?(?P<noun>lawyers?|attorneys?|"
    rf"spokes(?:man|woman|person)|aides?|advis[eo]rs?|{_KIN_NOUNS})"
)
_KIN = rf"(?P<kin>relatives|{_KIN_NOUNS})"
_KIN_WORDS = re.compile(_KIN)
#: A person's relatives, who speak as private persons: "the family of X", "X's mother".
_KIN_OF = re.compile(rf"(?:(?:the|a)\s+)?{_KIN}\s+of\s+(?P<person>.*[A-Z].*)", re.I)
_KIN_OWNED = re.compile(rf"(?P<person>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)['’]s?\s+{_KIN}")
#: Who speaks for a person a possessive names: "May's spokesman", "Manafort's lawyers" (round 20's "his
#: lawyer", with the person named).
_AGENT_OWNED = re.compile(
    r"(?P<person>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)['’]s?\s+(?:(?:former|longtime|personal|top|chief|senior|"
    r"official|deputy)\s+)?(?P<noun>spokes(?:man|woman|person)|aides?|advis[eo]rs?|lawyers?|attorneys?)"
)


#: A subject that says no one spoke: "No group", "Nobody", "None of them", "Neither X nor Y"; not the
#: emphatic "None other than X", nor "No sooner had ...", "No. 10", "No 10 Downing Street", nor
#: "Neither claim has been substantiated ... and Obama has urged"; and an inverted subject, a question's
#: or a hypothesis's ("Should Trump decide to", "Did Iran say"): no one is reported to speak.
_NOBODY = re.compile(
    r"(?:Nobody|No\s+one|None\s+of)\b|Neither\s.*\snor\s|No\s+(?!(?:other\s+than|sooner|wonder|matter|doubt)\b)[A-Za-z]"
    r"|(?:Should|Would|Could|Might|Must|Shall|Did|Does|Can|Is|Are|Was|Were)\s+[A-Z]"
)


@lru_cache(maxsize=200_000)
def _classify(mention: str, common: frozenset[str]) -> Mention:
    """``classify``, cached: mentions repeat, and a Mention is never changed once made."""
    places = gazetteer()
    if _NOBODY.match(mention.strip()):  # "No group immediately claimed", "Neither he nor his lawyer responded"
        return Mention("none")
    subject = _SUBJECT_CLAUSE.match(mention.strip())
    if subject:  # "Ryan also hammered Obama for what he": the clause's subject speaks
        words = _without_sentence_opener(subject.group("name")).split()
        if len(words) > 2 and words[0] in _PREPOSITIONS:
            words = words[2:]  # "In Calgary Stephen Harper spoke to a": the subject after the circumstance
        name = name_in_run(" ".join(words))
        if _person_like(name, common) and places.phrases.get(name) is None:
            return Mention("person", name, _side_of(subject.group("name")))
    text = _OFFICIAL_BEFORE_NAME.sub("", without_noise(mention.strip(" ,;:“”\"'")))
    authored = _AUTHORED.fullmatch(text)
    if authored:  # "Trump's statement", "NATO data": its author's
        author = _classify(authored.group("author"), common)
        if author.kind not in ("source", "none", "pronoun"):
            return author
    leader = _WITH_COMPANIONS.match(text)
    if leader:  # "Mnuchin and others", "Trump and his aides": the one named leads
        return _classify(leader.group("lead"), common)
    head = _HEAD_END.split(text, maxsplit=1)[0].strip()
    low = head.lower()
    if not head:
        return Mention("none")
    if low.startswith("the ") and head[4:].title() in _COMPASS_POINTS:  # a country its story names (resolve)
        return Mention("institution", head[4:])
    last_word = head.split()[-1].replace("’", "'").split("'")[0]
    last_word = last_word if last_word.islower() or last_word == "I" else ""
    last_word = last_word.lower()
    first_word = low.replace("’", "'").split()[0].split("'")[0]
    if low in _ALL_PRONOUNS or (last_word in _ALL_PRONOUNS and last_word not in ("that", "this", "one")):
        return Mention("pronoun", low if low in _ALL_PRONOUNS else last_word)  # "whom I", "as I've"
    if (
        first_word in _ALL_PRONOUNS
        and first_word not in ("that", "this", "one", "who", "which", "whom")
        and head[1:] == head[1:].lower()
    ):
        # "I certainly", "They're the same countries": a pronoun with words after it; "his lawyer": his
        owned = _OWNED_BY_PRONOUN.fullmatch(low)
        if owned and text.startswith(head) and _APPOSED_NAME.match(text[len(head) :]):
            owned = None  # "his wife, Ana Lee": she is named
        return Mention("pronoun", first_word, agent=owned.group("noun") if owned else "")
    if _EXISTENTIAL.match(head):  # "There's no doubt the president": the writer's own voice
        return Mention("none")
    head = _LOCATION_TAIL.sub("", head) or head
    kin = _KIN_OF.fullmatch(head) or _KIN_OWNED.fullmatch(head)
    named = text.startswith(head) and _APPOSED_NAME.match(text[len(head) :])  # "his wife, Marina X"
    if kin and not named:  # "the family of murdered journalist James Foley": his family speaks, not he
        runs = _NAME_RUN.findall(kin.group("person"))
        name = name_in_run(runs[-1]) if runs else ""
        if _person_like(name, common) and not _names_a_place(name, 1) and places.phrases.get(name) is None:
            return Mention("institution", f"{name}’s {kin.group('kin').lower()}", OTHER)
    owner = _AGENT_OWNED.fullmatch(head) if not named else None
    if owner is not None:  # "May's spokesman": the spokesman, for May's side
        runs = _NAME_RUN.findall(owner.group("person"))
        name = name_in_run(runs[-1]) if runs else ""
        if _person_like(name, common) and not _names_a_place(name, 1) and places.phrases.get(name) is None:
            return Mention("person", name, agent=f"{owner.group('noun')} for")
    office = _OFFICE_OF_BODY.match(head)
    agent = office is not None and _AGENT.fullmatch(office.group("title").lower())
    if office is not None and (agent or _is_title(office.group("title"))):
        found = _office_of_body(office, text[len(head) :] if text.startswith(head) else "", common)
        if found.kind == "person" or found.side != OTHER or not agent:
            return found
        body = office.group("body")
        served = None if _LOWER_WORD.search(body) else _classify(body, common)  # a name, not "the X of Y"
        if served is not None and served.kind == "person":  # Maduro's side: the corpus pass finds it
            agent = _DETERMINERS.sub("", office.group()[: office.start("body")]).strip()
            return Mention("person", served.name, served.side, agent=agent)
        return found  # "a spokesman for the National Peace Committee of Korea": the office, not Korea
    affiliated = _affiliated_person(head, common)
    if affiliated is not None:
        return affiliated
    core = _POSSESSIVE_END.sub("", _DETERMINERS.sub("", head))
    side = _side_of(head) or _side_of(text)
    whole = places.phrases.get(core)
    if whole is not None and whole.kind == "demonym" and core.endswith("s") and _group_sized(head):
        return Mention("source", head, whole.side, plural=True)  # "Many Democrats": members, not a country
    if whole is not None:
        return Mention(whole.kind, core if whole.kind == "institution" else whole.side, whole.side)
    if _organisation_name(core):  # "Joint Council for the Welfare of Immigrants"
        return Mention("institution", core, side)
    runs = [
        m
        for m in _NAME_RUN.finditer(head)
        if not (m.start() == 0 and len(m.group().split()) == 1 and m.group().lower() in common)
    ]
    last = runs[-1] if runs and head.rstrip("’'s").endswith(runs[-1].group().rstrip("’'s")) else None
    if last is not None:
        run = _without_sentence_opener(last.group())
        name = name_in_run(run)
        owned = _POSSESSOR_BEFORE_NAME.sub("", run)  # "Labour’s Jeremy Corbyn": Jeremy Corbyn
        if owned != run and _person_like(name_in_run(owned), common) and _person_like(name, common):
            run, name = owned, name_in_run(owned)
        named_place = places.phrases.get(_POSSESSIVE_OR_APOSTROPHE.sub("", run)) or places.phrases.get(name)
        if named_place is not None and " to " not in head:
            kind = named_place.kind
            if kind == "demonym" and run.endswith("s") and _group_sized(head):  # "congressional Republicans"
                return Mention("source", head, named_place.side, plural=True)
            whole_run = _POSSESSIVE_OR_APOSTROPHE.sub("", run)  # "White House", not its "House"
            institution = whole_run if places.phrases.get(whole_run) is named_place else name
            return Mention(kind, institution if kind == "institution" else named_place.side, named_place.side)
        people = places.phrases.get(run.split()[-1])
        if another_country_s_party(run, len(run) - len(run.split()[-1]), run.split()[-1]):
            return Mention("institution", core, side)  # "Liberal Democrats": a party, no Americans
        if people is not None and people.kind == "demonym" and run.endswith("s") and run == core:
            # "Other Democrats", "Most Americans": members of a people or party, not a person
            return Mention("source", head, people.side, plural=True)
        honoured = _HONORED.match(run) is not None
        person_like = named_place is None and (_person_like(name, common) or (honoured and not _ORG_WORDS.search(name)))
        if person_like:  # the side from the words around the name, never from the name ("Najib Danish")
            around = (  # not what a relative clause says they did ("who pushed for changes to the Iran deal")
                _DESCRIPTION_END.split(_RELATIVE_CLAUSE.split(words.replace(name, " "), maxsplit=1)[0], maxsplit=1)[0]
                for words in (head, text)
            )
            return Mention("person", name, next((side for side in map(_side_of, around) if side), ""))
        if not all(t.lower() in common for t in run.split()):
            return Mention("institution", core, side)
    apposed = _APPOSED_NAME.match(text[len(head) :]) if text.startswith(head) else None
    if apposed and not _ORG_WORDS.search(apposed.group(1)) and places.phrases.get(apposed.group(1)) is None:
        return Mention("person", apposed.group(1), side)
    if SPEAKER_NOUNS.search(head):
        plural = bool(_PLURAL_END.search(head.split()[-1])) if head.split() else False
        return Mention("source", head, side, plural)
    if runs:
        return Mention("institution", core, side)
    return Mention("none")


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
        and not _side_of(source)
    )


def _one_of_a_pair(pair: str, source: str) -> bool:
    """Whether a single source ("the police source") can only be one of a pair named before it ("a
    U.S. official and a police source"), not the pair."""
    return " and " in pair and not _PLURAL_END.search(source.rstrip())


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
) -> list[tuple[int, str]]:
    """(row, full name) of the person-like names written outside quotations in each text."""
    written = []
    full_name_of: dict[str, str] = {}  # run -> the full name it writes, or "": each run is read once
    for i, runs in enumerate(runs_of):
        for _, _, run, quoted in runs:
            name = full_name_of.get(run)
            if name is None:
                name = full_name_of[run] = _written_full_name(run, common)
            if name and not quoted:
                written.append((i, name))
    return written


def resolve(
    statements: pd.DataFrame, codebook: Codebook, scans: TextScans | None = None, engine="local"
) -> pd.DataFrame:
    """``statements`` with ``speaker`` and ``speaker_group`` re-resolved across the corpus;
    ``scans``, of the table's texts in its order, saves reading them again. ``engine`` (see
    ``newsframe.engine``) classifies the distinct source mentions; the table is the same
    whatever the engine."""
    if statements.empty:
        return statements
    if scans is not None and len(scans.runs) != len(statements):
        raise ValueError(f"scans of {len(scans.runs)} texts for a table of {len(statements)} statements")
    # The pass makes millions of small objects; the objects alive before it (the corpus, the
    # statements) are set aside from the garbage collector meanwhile, so that its full
    # collections do not walk them again and again (they grow with the corpus).
    gc.freeze()
    try:
        return _resolve(statements, codebook, scans, engine)
    finally:
        gc.unfreeze()


def _resolve(statements: pd.DataFrame, codebook: Codebook, scans: TextScans | None, engine) -> pd.DataFrame:
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
    # while the engine classifies the mentions: what needs none of them
    written = _written_names(scans.runs, common)
    quotations = Quotations(texts, doc_ids, blocks)
    mention_of = dict(zip(as_written, classified))

    mentions: list[Mention | None] = [None] * n
    for i in voiced:
        mention = _apposed_person(texts[i], sources[i], common) or mention_of[sources[i] or speakers[i]]
        if mention.kind not in ("pronoun", "none") and i in may_be_earlier:
            earlier = mention_of[speakers[i]]  # "the ministry": attribution found the earlier speaker
            if earlier.kind != "none" and _names_agree(sources[i], speakers[i]):
                mention = earlier
        if _WEEKDAY.fullmatch(without_noise(sources[i])):  # "X, Syria's minister, on Tuesday challenged": X speaks
            mention = _subject_before_a_day(texts[i], sources[i], common)
        elif "statement" in sources[i] or "letter" in sources[i] or "video" in sources[i] or "release" in sources[i]:
            mention = _issuer_of_the_document(texts[i], sources[i], common) or mention
        elif (
            _OPENS_WITH_A_VERB.match(sources[i])
            and not _SET_OFF.search(sources[i])
            and not SPEAKER_NOUNS.fullmatch(sources[i].split()[-1])
        ):
            subject = _subject_of_the_relative_clause(texts[i], sources[i], common)
            if subject is not None:
                mention = subject
                if subject.kind == "source":  # its words, not the predicate's, name it
                    core = _DETERMINERS.sub("", subject.name)
                    sources[i], speakers[i] = subject.name, UNNAMED + core if core[:1].islower() else core
        mentions[i] = mention

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
        [_person_key(mentions[i].name)[1] for i in person_rows] + [_person_key(w)[1] for _, w in written]
    )
    full_names: Counter = Counter()  # (first, surname root) -> count
    spelling: dict[tuple[str, str], Counter] = defaultdict(Counter)
    in_doc: dict[tuple[str, str], Counter] = defaultdict(Counter)  # (doc, surname root) -> first names
    first_full: dict[tuple[str, str], int] = {}  # (doc, surname root) -> the row its first full name is in
    given: dict[tuple[str, str], set[str]] = defaultdict(set)  # (doc, first name) -> surname roots
    for i, name in [(i, mentions[i].name) for i in person_rows] + written:
        first, last = _person_key(name)
        root = surnames(last)
        if first:
            full_names[(first, root)] += 1
            spelling[(first, root)][name] += 1
            in_doc[(doc_ids[i], root)][first] += 1
            given[(doc_ids[i], first)].add(root)
            first_full[(doc_ids[i], root)] = min(i, first_full.get((doc_ids[i], root), i))
    by_root: dict[str, Counter] = defaultdict(Counter)
    for (first, root), count in full_names.items():
        by_root[root][first] += count
    dominant = {root: _dominant_first(firsts) for root, firsts in by_root.items()}

    # Every later mention of a known surname in the corpus text: side evidence and pronoun targets.
    # person -> (before, run, apposition) of each mention: what _described_side reads, when asked (votes_for)
    descriptions: dict[tuple[str, str], list[tuple[str, str, str, str]]] = defaultdict(
        list
    )  # (doc, before, run, apposition)
    named_at: list[list[tuple[int, tuple[str, str]]]] = [[] for _ in range(n)]
    titled: dict[str, list[tuple[int, int, str, tuple[str, str]]]] = defaultdict(
        list
    )  # doc -> (row, at, title, person)
    genders: dict[tuple[str, str], Counter] = defaultdict(Counter)  # person -> "he" / "she" by honorifics
    roots = set(by_root) | {surnames(_person_key(mentions[i].name)[1]) for i in person_rows}

    def person_in(run: str) -> tuple[str, str] | None:
        """(first name or "", surname root) of a person a run may name, else None."""
        name = name_in_run(run)
        first, last = _person_key(name)
        root = surnames(last) if last else ""
        if root not in roots or (not first and (last in _ALL_PRONOUNS or last in common) and not _HONORED.match(run)):
            return None  # "He said", "To be sure": a word the corpus writes in lower case is no surname alone
        if first in common and last in common and not _HONORED.match(run):
            return None  # "Middle East", "Islamic State": words the corpus writes in lower case name no one
        if _names_a_place(name, 1) or _a_region(name) or _opens_with_an_article(name):
            return None  # "In Iraq", "Countering China", "Western Europe", "The Taliban": no person's name
        if first and _a_body_s_head(name.rsplit(None, 1)[-1]) and not _HONORED.match(run):
            return None  # "Islamic State", "Crisis Group", "Revolutionary Guard": a body's name
        if first in ("al", "el") and name.split()[-1] in particle_names():
            return None  # "Al Qaeda", which the corpus also writes "al Qaeda": no man called Al
        return first, root

    particles: list[frozenset[str]] = []

    def particle_names() -> frozenset[str]:
        """Words the corpus writes after a lower-case "al" or "el" ("al Qaeda", "al-Shabaab"): read
        once, when a name opening with "Al" is first met."""
        if not particles:
            particles.append(frozenset(m.group(1) for t in texts for m in _LOWER_PARTICLE.finditer(t)))
        return particles[0]

    person_of: dict[str, tuple[str, str] | None] = {}  # run -> person_in(run): each run is read once
    first_in: dict[tuple[str, str], str] = {}  # (doc, root) -> _first_name: each is asked once
    for i, runs in enumerate(scans.runs):
        text = texts[i]
        for start, end, run, quoted in runs:
            if run[:1] in _OPENER_INITIALS:  # "Although Trump's": no person named Although
                trimmed = _without_sentence_opener(run)
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
                if i < first_full.get(key, n):
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

    def person_name(person: tuple[str, str]) -> str:
        names = spelling.get(person)
        if names:
            return max(names.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        return person[1].title()

    votes: dict[tuple[str, str], Counter] = {}  # person -> the sides its descriptions give, once asked

    def votes_for(person: tuple[str, str]) -> Counter:
        """The sides the corpus's descriptions of a person give it, read when its side is first
        asked for: most persons the corpus names never are."""
        if person not in votes:  # a document's repeated line votes once
            said = {(doc, _described_side(*words)) for doc, *words in descriptions.get(person, ())}
            votes[person] = Counter(side for _, side in said if side)
        return votes[person]

    def person_side(person: tuple[str, str]) -> str:
        counts = votes_for(person)
        return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0] if counts else ""

    rows_of: dict[str, list[int]] = defaultdict(list)
    for i in range(n):
        rows_of[doc_ids[i]].append(i)
    country_of = _DocumentCountry(texts, rows_of)
    for i in person_rows:  # "Najib Danish, interior ministry spokesperson": the country the story is in
        first, last = _person_key(mentions[i].name)
        description = _RELATIVE_CLAUSE.split(sources[i], maxsplit=1)[0]  # of the person, not after
        if (
            not mentions[i].side
            and last
            and last in fold(description)
            and _STATE_BODY.search(description)
            and not _STUDENTS.search(description)  # "a military expert at Brookings"
        ):
            root = surnames(last)
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
        if _DETERMINERS.sub("", body).lower() == "administration":
            return _administration_side(rows, named_at, offices, person_side)
        return country_of(doc_ids[i]) if _STATE_BODY.search(body) else ""

    out_speaker = list(speakers)
    out_group = list(old_groups)
    kinds = [""] * n  # person | thing | plural, for pronouns
    person_at: list[tuple[str, str] | None] = [None] * n  # the person a named speaker is
    for i in range(n):
        mention = mentions[i]
        if mention is None:
            continue
        speaker = speakers[i]
        if speaker in known and known[speaker].kind == "person":
            kinds[i] = "person"
            continue
        if (speaker in known or speaker in outlets) and mention.kind != "pronoun":
            kinds[i] = "thing"
            continue
        office = _office_of(sources[i] or speaker) if mention.kind in ("source", "none", "institution") else ""
        holder = _holder_of(office, i, sources[i], texts[i], titled.get(doc_ids[i], ()), mention.side, person_side)
        if office and holder is None:
            holder = _office_holder_in_corpus(office, i, doc_ids, named_at, offices, mention.side, person_side)
        if holder:
            out_speaker[i], out_group[i], kinds[i] = person_name(holder), groups(person_side(holder)), "person"
            named_at[i].append((-1, holder))
            person_at[i] = holder
        elif mention.kind == "person" and _opens_with_an_article(mention.name):  # "The Taliban": a body
            out_speaker[i], kinds[i] = mention.name, "thing"
            out_group[i] = MEDIA if _a_medium(mention.name) else groups(mention.side or _side_of(mention.name))
        elif mention.kind == "person":
            first, last = _person_key(mention.name)
            root = surnames(last)
            if not first:
                first, root = _person_alone(doc_ids[i], root, in_doc, by_root, dominant, given)
            person = (first, root)
            name = person_name(person) if first else mention.name
            own_side = "" if _PRIVATE_TRADE.search(sources[i]) or _a_private_trade(sources[i]) else mention.side
            side = person_side(person) if first else own_side or _shared_side(root, by_root, person_side)
            out_speaker[i], out_group[i], kinds[i] = name, groups(side or own_side), "person"
            if mention.agent:  # "A spokesman for Barr": the spokesman, for Barr's side
                out_speaker[i] = f"{mention.agent} {name}"
            elif first:
                named_at[i].append((-1, person))
                person_at[i] = person
        elif mention.kind == "pronoun":
            continue
        elif mention.kind == "none":
            out_speaker[i], out_group[i] = "", ""
        elif speaker.startswith(UNNAMED):
            out_speaker[i] = _named_medium(_OFFICIAL_BEFORE_NAME.sub("", _cleaned_source(speaker, mention, sources[i])))
            side = mention.side or _side_of(speaker)  # "The officials" resolved to "U.S. officials"
            journalists = _MEDIA_NOUNS.search(speaker)
            body = None if side or journalists else _OFFICERS_OF_A_STATE.search(speaker)
            if body:  # "a senior administration official", "a police spokesman"
                side = body_side(body.group("body"), i)
            out_group[i] = groups(side) if side and not journalists else MEDIA
            kinds[i] = "plural" if mention.plural else "person"
        elif mention.kind == "media":
            out_speaker[i], out_group[i], kinds[i] = mention.name, MEDIA, "thing"
        elif mention.kind == "source":
            out_speaker[i] = _cleaned_source(speaker, mention, sources[i])
            if mention.plural and speaker == mention.side:  # "Many Democrats", not the United States
                out_speaker[i] = _DETERMINERS.sub("", mention.name)
            unnamed = out_speaker[i].startswith(UNNAMED)
            out_group[i] = groups(mention.side) if mention.side else (MEDIA if unnamed else OTHER)
            kinds[i] = "plural" if mention.plural else "thing"
        else:  # a country, organisation, institution or other body
            out_speaker[i] = mention.name if not known else speaker
            out_group[i] = groups(mention.side or (mention.name if mention.kind in ("organisation",) else ""))
            if not mention.side and not known and mention.kind == "institution":
                # an organisation the data does not know is a side of its own
                out_group[i] = mention.name if _side_shaped(mention.name) else OTHER
            kinds[i] = "thing"

    for i in range(n):  # "Police believe" after "British police said": the side the document gave that body
        mention = mentions[i]
        if (
            mention is not None
            and mention.kind in ("source", "institution")
            and out_speaker[i]
            and speakers[i] not in known
            and out_group[i] in (OTHER, mention.name)
            and not _MEDIA_NOUNS.search(out_speaker[i])
        ):
            if out_speaker[i] in _COMPASS_POINTS:  # "the North said": the North Korea of its story
                side = _country_of_the_compass_point(out_speaker[i], rows_of[doc_ids[i]], texts)
                out_speaker[i], out_group[i] = side or out_speaker[i], OTHER
            else:  # "the interior ministry", "prosecutors", "the administration"
                side = body_side(out_speaker[i], i)
            if side:
                out_group[i] = groups(side)
            elif not mention.side and mention.plural and (_PEOPLE.search(out_speaker[i]) or _SOME.match(sources[i])):
                # "Critics say", "Some doctors blame": unnamed people, Media
                out_group[i] = MEDIA
    named_media = scans.media
    for i in range(n):  # "Local media", "The Sunday Times": news organisations the list lacks
        if (
            out_speaker[i]
            and out_group[i] not in (MEDIA, "")
            and out_speaker[i] not in known
            and kinds[i] == "thing"
            and mentions[i] is not None
            and mentions[i].kind in ("source", "institution")
        ) and (
            _MEDIA_NOUNS.search(out_speaker[i])
            and not out_speaker[i].startswith(UNNAMED)
            or _MEDIA_NAME.search(out_speaker[i])
            or _NAMED_MEDIUM.fullmatch(out_speaker[i])
        ):
            out_group[i] = MEDIA
        elif (
            out_speaker[i] and out_speaker[i] not in known and fold(_DETERMINERS.sub("", out_speaker[i])) in named_media
        ):
            out_group[i], kinds[i] = MEDIA, "thing"  # "according to Le Parisien", called a newspaper elsewhere
    for i in range(n):  # "the statement said": whoever the document said issued one
        if out_speaker[i] and _THE_STATEMENT.fullmatch(without_noise(sources[i].strip())):
            issuer = _statement_issuer(i, rows_of[doc_ids[i]], texts, out_speaker, out_group)
            if issuer is not None:
                out_speaker[i], out_group[i] = issuer
    for i in range(n):  # "the newspaper reported": the news organisation the document named last
        if out_speaker[i] and _THE_MEDIUM.fullmatch(sources[i].strip()):
            named = _medium_named_before(i, rows_of[doc_ids[i]], texts, out_speaker, out_group, kinds)
            if named:
                out_speaker[i], out_group[i], kinds[i] = named, MEDIA, "thing"
    _serve_the_story_s_state(out_speaker, out_group, doc_ids, rows_of, known)
    for person, country_votes in _titled_servants_sides(
        person_at, out_group, doc_ids, rows_of, descriptions, votes_for
    ):
        votes_for(person).update(country_votes)
    for i, person in enumerate(person_at):
        if person is not None and out_group[i] == OTHER and votes_for(person):
            out_group[i] = groups(person_side(person))
    _resolve_pronouns(
        table,
        mentions,
        sources,
        texts,
        doc_ids,
        out_speaker,
        out_group,
        kinds,
        named_at,
        person_name,
        person_side,
        groups,
        known,
        common,
        lambda doc, name: _key_in(doc, name, surnames, in_doc, by_root, dominant),
        lambda person: max(genders[person].items(), key=lambda kv: (kv[1], kv[0]))[0] if person in genders else "",
    )
    holder = {sid: i for i, sid in enumerate(ids)}
    for i in range(n):
        if speakers[i] and linked[i] and linked[i] != ids[i] and linked[i] in holder:
            j = holder[linked[i]]
            out_speaker[i], out_group[i] = out_speaker[j], out_group[j]
    _quotations_before_their_attribution(quotations, table, speakers, sources, out_speaker, out_group)
    _quotations_after_their_speaker(quotations, speakers, out_speaker, out_group)
    for i in range(n):  # "the images were searing and prompted": a clause read as a source names nobody
        if out_speaker[i] and out_speaker[i] not in known and _FINITE_WORD.search(out_speaker[i]):
            out_speaker[i] = ""
        elif out_speaker[i] and out_speaker[i] not in known:  # "unnamed report detailed a dramatic moment": the report
            out_speaker[i] = _before_a_past_tense(out_speaker[i])
    table["speaker"] = out_speaker
    table["speaker_group"] = [g if s else "" for s, g in zip(out_speaker, out_group)]
    return table


_PAST_TENSE_CLAUSE = re.compile(
    rf"(?:\s+(?:also|not|only|just|still|then|already|again|never|later|[a-z]+ly))*\s(?:[a-z]+ed|{_IRREGULAR_PAST})\s+"
    r"(?:a|an|the|his|her|its|their|that|this)\s.*$"
)


def _before_a_past_tense(speaker: str) -> str:
    """A speaker label without the clause attribution left in it ("unnamed board completed its
    investigation" -> "unnamed board"); the label as it is when nothing would be left, and none
    when a pronoun would."""
    clause = _PAST_TENSE_CLAUSE.search(speaker)
    kept = speaker[: clause.start()] if clause else speaker
    core = kept.strip().removeprefix(UNNAMED.strip()).strip()
    if core.lower() in _ALL_PRONOUNS:
        return ""  # "he later joined ...": a clause with a pronoun names no one
    return kept if core else speaker


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
_MEDIUM_WORDS = ("news", "daily", "weekly", "tabloid", "magazine", "broadcaster")
_PLACE_POSSESSIVE = re.compile(r"^.*['’]s\s+")


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
            not _DETERMINERS.match(name + " ")
            and (place is None or place.kind == "media")
            and not _is_title(first)
            and not _is_weekday(first)
        ):
            found.add(fold(name))
    return found


def _key_in(doc_id, name, surnames, in_doc, by_root, dominant) -> tuple[str, str]:
    """(first name, surname root) of a person named in a document; first is '' when unknown."""
    first, last = _person_key(name)
    root = surnames(last)
    return (first or _first_name(doc_id, root, in_doc, by_root, dominant)), root


def _person_alone(doc_id, root, in_doc, by_root, dominant, given) -> tuple[str, str]:
    """(first name, surname root) of a speaker written with one name. When no full name of the
    document ends with it but exactly one begins with it, that one: a family name written first
    ("Wang" after "Foreign Minister Wang Yi", "Kim" after "Kim Jong Un") or a given name ("Larry"
    after "NPR's Larry Abramson"). Otherwise a surname, with the first name ``_first_name`` gives
    ('' if none). Only for speakers: a name read alone in the text ("insults with Kim") would
    become a pronoun's antecedent."""
    if not in_doc.get((doc_id, root)):
        roots = given.get((doc_id, root), ())
        if len(roots) == 1:
            return root, next(iter(roots))
    return _first_name(doc_id, root, in_doc, by_root, dominant), root


_DOMINANT = 0.75  # share of a surname's full-name mentions one first name needs to claim it alone


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


def _first_name(doc_id, root, in_doc, by_root, dominant) -> str:
    """The first name a surname alone stands for: the document's, else the corpus's when the
    corpus gives that surname mostly one first name (``dominant``, from ``_dominant_first``)."""
    here = in_doc.get((doc_id, root))
    there = by_root.get(root)
    if here:
        first = max(here.items(), key=lambda kv: (kv[1], kv[0]))[0]
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
}


def _of_a_place(words: list[str]) -> bool:
    """'of Libya', 'of the United States': the office of a country, state or city, whose holder
    the story or corpus names; not one of a body ('the president of the County Clerks
    Association' is no president the story named)."""
    if len(words) < 2 or words[0] not in ("of", "for"):
        return False
    place = gazetteer().phrases.get(" ".join(words[2:] if words[1] == "the" else words[1:]))
    return place is not None and place.kind in _COUNTRY_KINDS


_LEADING_CIRCUMSTANCE = re.compile(r"^(?:In|On|At|During|After)\s[^,]*?\s(?=the\s)", re.I)


def _office_of(mention: str) -> str:
    """The office a definite description names ('the Texas governor', 'The president himself',
    'the senator also took a' -> governor, president, senator), else '': the office is the
    description's last noun, with at most four lower-case words after it and nothing else."""
    text = without_noise(_LEADING_CIRCUMSTANCE.sub("", mention.strip()).rstrip(" ,"))
    tokens = text.split()
    if len(tokens) < 2 or tokens[0].lower() != "the":
        return ""
    for k in range(min(len(tokens) - 1, 4), 0, -1):
        office = _office_after(tokens[k - 1], tokens[k])
        rest = tokens[k + 1 :]
        if office and (len(rest) <= 4 and all(t.islower() for t in rest) or _of_a_place(rest)):
            return office
    return ""


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


def _holder_of(office, i, source, text, titled, side, person_side):
    """The person the document last called by ``office`` before this mention, unless the
    mention's own words give another side ('the Iranian president' is not the US one)."""
    if not office:
        return None
    at = text.find(source) if source else len(text)
    best = None
    for row, pos, title, person in titled:
        if row > i or (row == i and pos >= at):
            break
        if title == office and not (side and person_side(person) and person_side(person) != side):
            best = person
    return best


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
    words = _WORDS.findall(_DETERMINERS.sub("", body.removeprefix(UNNAMED)))
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
#: has already said which ("the interior ministry", "Interior Minister X", "prosecutors").
_STATE_BODY = re.compile(
    r"\b(?:minist(?:er|ers|ry|ries)|government|police|prosecutors?|judges?|authorities|army|military|parliament|cabinet|"
    r"presidency|navy|air\s+force|marines|coast\s+guard)\b",
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
    r"people|residents|witnesses|activists|lawmakers|legislators|diplomats|scholars|economists)\b",
    re.I,
)
#: A plural source counted but not named ("Some doctors", "Many protesters", "Two lawyers").
_SOME = re.compile(r"^(?:some|many|several|most|few|a\s+few|other|two|three|four|five|dozens\s+of)\s+[a-z]+s$", re.I)
_COUNTRY_KINDS = ("country", "demonym", "capital", "state")


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
                if p.kind in _COUNTRY_KINDS
            )
            top = counts.most_common(2) + [("", 0)]
            self.found[doc_id] = top[0][0] if top[0][1] >= 2 and top[0][1] > top[1][1] else ""
        return self.found[doc_id]


_COMPASS_POINTS = frozenset({"North", "South", "East", "West"})


def _country_of_the_compass_point(point: str, rows: list[int], texts: list[str]) -> str:
    """The country a document names whose name begins with the point ("the North" in a story of
    North Korea), if it names exactly one; else ''."""
    places = gazetteer()
    found = {
        p.side
        for j in rows
        if point in texts[j]
        for _, _, p in places.find(texts[j])
        if p.kind in _COUNTRY_KINDS and p.side.startswith(point + " ")
    }
    return found.pop() if len(found) == 1 else ""


#: Unnamed people whose words are a state's when the story says whose ("officials said", "a senior
#: official said", "lawmakers said"), with no other word on whose they are ("Hamas officials",
#: "a court house official" are not the story's state's) and not critics, experts or witnesses.
_STATE_SERVANTS = re.compile(
    rf"(?:{re.escape(UNNAMED)})?(?:(?:one|two|three|four|some|several|many|other|senior|top|former|of|the|a|an|"
    r"defen[cs]e|intelligence|security|military|government|law\s+enforcement|federal|congressional|police|agency)\s+)*"
    r"(?:officials?|spokes(?:man|woman|person|men|women|people)|aides?|diplomats?|lawmakers?|legislators?|"
    r"senators?|negotiators?|envoys?)",
    re.I,
)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Every side the gazetteer gives a country, capital or demonym."""
    return frozenset(p.side for p in gazetteer().phrases.values() if p.kind in _COUNTRY_KINDS)


def _story_s_state(rows: list[int], groups: list[str]) -> str:
    """The country most of the speakers of ``rows`` (a document's, but the one asking) speak for,
    when one leads; else ''."""
    countries = _countries()
    sides = Counter(groups[j] for j in rows if groups[j] in countries)
    top = sides.most_common(2) + [("", 0), ("", 0)]
    return top[0][0] if top[0][1] > top[1][1] else ""


def _serve_the_story_s_state(out_speaker, out_group, doc_ids, rows_of, known) -> None:
    """Unnamed officials with nothing in their words to say whose ("officials said") take the
    country most of their document's other speakers speak for, when one leads: in 40 such
    statements labelled by a reader before this rule, 37 right against 2 as Media (the story's
    most-named country: 21)."""
    before = list(out_group)
    for i, speaker in enumerate(out_speaker):
        if before[i] != MEDIA or speaker in known or not _STATE_SERVANTS.fullmatch(speaker):
            continue
        country = _story_s_state([j for j in rows_of[doc_ids[i]] if j != i and out_speaker[j] not in known], before)
        if country:
            out_group[i] = country


#: A state's titles, capitalised before a name ("Gen.", "Mayor", "Vice President", "Deputy Defense
#: Secretary", "Attorney General"): whoever holds one serves a state. Not an ambassador's or
#: envoy's, whom a story names where they are sent.
_STATE_TITLES = frozenset(
    {
        "minister", "secretary", "mayor", "governor", "gov", "senator", "sen", "rep", "representative",
        "congressman", "congresswoman", "mp", "lawmaker", "president", "vice", "premier", "prime",
        "chancellor", "speaker", "general", "gen", "lt", "col", "maj", "capt", "adm", "admiral",
        "lieutenant", "colonel", "sergeant", "sgt", "army", "navy", "marine", "military", "police",
        "sheriff", "detective", "prosecutor", "judge", "justice", "force", "brig", "spc", "pfc", "cpl", "pvt",
        "cmdr", "corporal", "ensign", "commodore", "opposition", "king", "queen", "emir", "sultan", "crown",
    }
)  # fmt: skip
#: Words for a political family, which name a party of whichever state the story is in ("Conservative
#: MP X", "Labour leader X"): no body's name.
_PARTY_FAMILIES = frozenset({"Conservative", "Labour", "Labor", "Tory", "Liberal", "Socialist", "Green"})


#: A state's office in a description after a name, in lower case: "X, the town mayor", "X, the area's
#: congressman", "X, a former councillor".
_SERVANT_APPOSITION = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[a-z]+['’]s\s+)?(?:(?:former|town|city|county|state|local|deputy|top)\s+)*"
    r"(?:mayor|governor|senator|congress(?:wo)?man|lawmaker|legislator|councill?or|council(?:wo)?man|minister|"
    r"admiral|colonel|sheriff|prosecutor|judge)\b"
)


def _serves_a_state(before: str, run: str, apposition: str = "") -> bool:
    """Whether a name's own words give it a state's office: a capitalised title, or a party's, right
    before it and nothing else ("told Lt. Gen. Kenneth McKenzie", "Former Secretary of Defense
    Donald Rumsfeld", "Labour leader X"; not "Haltern Mayor X", "Taliban Commander X", "NBA
    Commissioner X"), or an office in lower case after it ("X, the town mayor")."""
    return _titled_before(before, run) or bool(_SERVANT_APPOSITION.match(apposition.strip()))


def _a_party_word(word: str) -> bool:
    """A party's word ("Labour", "Labour's") or a shadow cabinet's ("Shadow chancellor X"): a
    politician's, who serves the story's state like one with a state's title."""
    return _POSSESSIVE_END.sub("", word) in _PARTY_FAMILIES or word.lower() == "shadow"


def _titled_before(before: str, run: str) -> bool:
    name = name_in_run(run)
    words = run[: max(0, len(run) - len(name))].split()
    for word in reversed(before[_last_clause_end(before, len(before)) + 1 :].split()):
        if not (_in_a_description(word) or _a_party_word(word)):
            if word[:1].isupper() and word.lower() not in _OPENERS:
                return False  # a capitalised word of no title: a body's or place's name
            break
        words.insert(0, word)
    if not all(_in_a_description(w) or _a_party_word(w) for w in words):
        return False
    party = any(_a_party_word(w) for w in words)
    return any(w[:1].isupper() and fold(w).rstrip(".") in _STATE_TITLES or party and _is_title(w) for w in words)


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
                    _serves_a_state(before, run, apposition)
                    for _, before, run, apposition in descriptions.get(person, ())
                )
            if asked[person]:
                country = _story_s_state([j for j in rows if person_at[j] != person], groups)
                if country:
                    found[person][country] += 1
    return found.items()


def _administration_side(rows, named_at, offices, person_side) -> str:
    """The side of an administration a document leaves unnamed ('a senior administration
    official'): that of the president it names most, a person the corpus calls president at least
    twice; else ''. (The president named nearest the statement was measured too: more often a
    foreign head of state the story is about.)"""
    presidents = Counter(
        person for j in rows for _, person in named_at[j] if offices.get(person, {}).get("president", 0) >= 2
    )
    return person_side(presidents.most_common(1)[0][0]) if presidents else ""


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


#: A person's noun after a demonym ("a Russian lawmaker", "Iranian negotiator"): the shape of a
#: role noun or a journalist's, not a private trade (an economist, a professor, a strategist, a
#: student speaks for no state).
_PRIVATE_TRADES = (
    "professor|researcher|writer|author|historian|student|businessman|businesswoman|civilian|resident|"
    "immigrant|migrant|tourist|worker|teacher|doctor|physician|lawyer|attorney|consultant|investor|"
    "entrepreneur|owner|manager|player|blogger|commentator|director"
)
_ROLE_NOUN = (
    rf"(?!(?:for|under|over|after|other|{_PRIVATE_TRADES})\s)"
    r"(?P<noun>[a-z][\w-]*(?:er|or|ate|ant|ent|ian|man|woman|al)|journalist|columnist)\s+$"
)
#: A private trade in a mention's words ("Chilean economist X", "a Russian-born professor"): its
#: demonym is where the person is from, not a side they speak for.
_PRIVATE_TRADE = re.compile(rf"\b(?:{_PRIVATE_TRADES}|(?!journalist|columnist|reservist)[a-z]+ist)s?\b")
#: A demonym and a noun for a person, with at most two words between, right before a name
#: ("Belgian federal prosecutor X", "Syrian opposition activist X"; not "Russian hackers targeted X").
#: The same description set off by a comma before the name, after an article ("an American freelance
#: journalist, Casey Coombs"; "the Belgian prosecutor, Eric Lenz").
_ARTICLE_DEMONYM_PERSON_NOUN = re.compile(
    r"(?<![\w’'-])(?:an?|the)\s+(?P<side>[A-Z][\w.-]*)\s+(?:[a-z][\w-]*(?<!ed)(?<!s)\s+){0,2}" + _ROLE_NOUN
)
_DEMONYM_PERSON_NOUN = re.compile(
    r"(?<![\w’'-])(?P<side>[A-Z][\w.-]*)\s+(?:[a-z][\w-]*(?<!ed)(?<!s)\s+){0,2}" + _ROLE_NOUN
)
#: A demonym before a private trade, in the words before a name or after it ("Israeli expert X",
#: "X, an Iranian political analyst"): where the person is from, not a side they speak for.
#: An expert or analyst is private here too, though "a CIA analyst" is a state's.
_DEMONYM_TRADE = re.compile(
    rf"(?<![\w’'-])(?P<side>[A-Z][\w.-]*)\s+(?:[a-z][\w-]*\s+){{0,2}}"
    rf"(?!attorney|lawyer|director)(?:{_PRIVATE_TRADES}|expert|analyst)s?\b"
)  # not "the U.S. attorney in Virginia", "Iranian nuclear program director"


@lru_cache(maxsize=100_000)
def _a_private_trade(words: str) -> bool:
    """Whether words hold a demonym before a private trade (``_DEMONYM_TRADE``); cached, as
    descriptions repeat."""
    return any(
        getattr(gazetteer().phrases.get(m.group("side")), "kind", "") == "demonym"
        for m in _DEMONYM_TRADE.finditer(words)
    )


#: Who works for a news organisation, by the words around their name: "Fox News host X", "NPR's X",
#: "X, a CNN reporter", "X, a columnist for the Post".
_JOURNALIST = (
    r"(?i:anchor|host|presenter|reporter|correspondent|editor|columnist|commentator|contributor|journalist)s?"
    r"(?:-in-chief|-at-large)?"
)
_MEDIUM = r"(?P<medium>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})"
_JOURNALIST_BEFORE = re.compile(
    rf"(?<![\w’'.-])[“\"]?{_MEDIUM}[”\"]?"
    rf"(?:['’]s\s+(?:[a-z]+\s+)?{_JOURNALIST}\s+|\s+(?:[a-z]+\s+)?{_JOURNALIST}\s+|['’]s\s+)$"
)
#: A broadcaster's or newspaper's own title right before a name, with no medium named ("told host
#: X", "columnist X"): whoever holds it works for one.
_JOURNALIST_TITLE_BEFORE = re.compile(
    r"(?<![\w’'-])(?i:anchor|host|presenter|reporter|correspondent|columnist|journalist)\s+$"
)
_JOURNALIST_AFTER = re.compile(
    rf"(?:(?:the|an?)\s+)?(?:{_MEDIUM}(?:['’]s)?\s+(?:[a-z]+\s+)?{_JOURNALIST}"
    rf"|(?:[a-z]+\s+)?{_JOURNALIST}\s+(?:for|at|with|of)\s+(?:the\s+)?(?P<employer>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){{0,3}}))$"
)


def _works_for_a_medium(before: str, apposition: str) -> bool:
    """Whether the words right before a name, or its apposition, make them a news organisation's
    journalist, so their side is Media whatever the outlet's country."""
    if _JOURNALIST_TITLE_BEFORE.search(before):
        return True
    m = _JOURNALIST_BEFORE.search(before)
    if m is None:
        m = _JOURNALIST_AFTER.match(apposition.strip())
    return m is not None and _a_medium(m.group("medium") or m.group("employer"))


#: A country's possessive, up to two lower-case words and a title right before a name.
_COUNTRY_S_TITLE = re.compile(r"(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+(?:[a-z][\w-]*\s+){1,2}[\w.]+\s+$")


def _described_side(before: str, run: str, apposition: str) -> str:
    """The side a name's own words give it (``run``, after the text ``before`` it and with the
    ``_APPOSITION`` description ``apposition`` or ""): before it ('Ukrainian President', 'the US
    envoy to Iran Rob Malley', 'Kremlin spokesman', 'Belgian federal prosecutor'; Media for
    'American journalist' and 'Fox News host') or in an apposition after it ('Dmitry Peskov, the
    Kremlin spokesman,')."""
    places = gazetteer()
    name = name_in_run(run)
    prefix = run[: max(0, len(run) - len(name))]
    cut = _last_clause_end(before, len(before))
    if _works_for_a_medium(before[cut + 1 :] + prefix, apposition):
        return MEDIA
    kept: list[str] = []
    words = before[cut + 1 :].split()
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if k and another_country_s_party(words[k - 1] + " " + word, len(words[k - 1]) + 1, word):
            break  # "Liberal Democrats leader X": no American
        if _in_a_description(word):
            kept.insert(0, word)
            continue
        break
    description = " ".join([*kept, prefix]).strip()
    if _a_private_trade(description) or _a_private_trade(apposition):
        return ""
    if description and _a_country_s_name_alone(description):
        description = ""  # "regarding Ukraine Parnas": a country's name alone by a name describes no one
    if description:
        side = _side_of(description)
        if side:
            return side
    owner = _COUNTRY_S_TITLE.search(before, cut + 1) if kept else None
    if owner is not None:  # "Zimbabwe's opposition leader X", "Iran's supreme leader X"
        place = places.phrases.get(owner.group("place"))
        if place is not None and place.kind in _COUNTRY_KINDS:
            return place.side
    described = None
    if before[-2:-1].islower():  # cheap test first: a lower-case word ends before the name
        described = _DEMONYM_PERSON_NOUN.search(before, cut + 1)
    elif not kept and before.endswith(", ") and before[-3:-2].islower():
        # the description set off before the name: "an American freelance journalist, Casey Coombs,"
        described = _ARTICLE_DEMONYM_PERSON_NOUN.search(before[:-2] + " ", _last_clause_end(before, cut) + 1)
    if described is not None:
        people = places.phrases.get(described.group("side")) if described else None
        if (
            people is not None
            and people.kind == "demonym"
            and not another_country_s_party(before, described.start("side"), described.group("side"))
        ):
            return MEDIA if _MEDIA_NOUNS.fullmatch(described.group("noun")) else people.side
    if apposition:
        desc = _DESCRIPTION_END.split(apposition, maxsplit=1)[0]
        if any(_is_title(w) for w in desc.split()[:6]):
            return _side_of(desc)
    return ""


@lru_cache(maxsize=100_000)
def _a_country_s_name_alone(words: str) -> bool:
    """Whether words are only a country's or capital's name ("Ukraine"), no title or demonym."""
    named = gazetteer().find(words)
    if not named or any(p.kind not in ("country", "capital") for _, _, p in named):
        return False
    ends = [(0, 0), *((a, b) for a, b, _ in named), (len(words), len(words))]
    return not "".join(words[ends[k][1] : ends[k + 1][0]] for k in range(len(ends) - 1)).strip()


_LAST_CLAUSE_END = re.compile(rf".*{_CLAUSE_END.pattern}", re.S)


def _last_clause_end(text: str, end: int) -> int:
    """Where the last clause mark (``_CLAUSE_END``) of ``text[:end]`` is, else -1: one scan back
    from the end, not one per mark."""
    m = _LAST_CLAUSE_END.match(text, 0, end)
    return m.end() - 1 if m else -1


@lru_cache(maxsize=100_000)
def _in_a_description(word: str) -> bool:
    """Whether a word before a name may belong to its description: a title, a place, or a word
    joining them ('of', 'for', 'the', 'to'); cached, as the same words recur."""
    return _is_title(word) or bool(gazetteer().find(word)) or word in ("of", "for", "the", "to")


def _resolve_pronouns(
    table,
    mentions,
    sources,
    texts,
    doc_ids,
    out_speaker,
    out_group,
    kinds,
    named_at,
    person_name,
    person_side,
    groups,
    known,
    common,
    key_of,
    gender_of,
) -> None:
    """Pronouns and relatives, in document order: the nearest compatible named speaker or none
    ("he" never goes to a person the corpus calls Ms. or Mrs., nor "she" to a Mr.)."""
    document = (doc_ids, kinds, out_speaker, out_group, named_at, texts, sources)
    for i, mention in enumerate(mentions):
        if mention is None or mention.kind != "pronoun":
            continue
        current = out_speaker[i]
        word = mention.name
        # the codebook resolved it: keep unless a person pronoun went to a body
        if (
            current in known
            and kinds[i] == ""
            and known[current].kind != ""
            and word in _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS
            and (word in _PERSON_PRONOUNS) == (known[current].kind == "person")
        ):
            kinds[i] = "person" if known[current].kind == "person" else "thing"
            continue
        target = None
        if word in _RELATIVES:
            text = texts[i]
            at = text.find(sources[i])
            before = _CLAUSE_MARK.split(text[: max(at, 0)])[-1].rstrip(" ,")
            if before:
                antecedent = _antecedent(before, common)
                if antecedent.kind == "person":
                    target = _person_target(
                        antecedent.name, person_name, person_side, groups, lambda name, i=i: key_of(doc_ids[i], name)
                    )
                elif antecedent.kind in ("country", "institution", "organisation", "capital", "state", "demonym"):
                    own = antecedent.name if _side_shaped(antecedent.name) else ""
                    target = (antecedent.name, groups(antecedent.side or own))
                elif antecedent.kind == "source":
                    target = (
                        UNNAMED + _DETERMINERS.sub("", antecedent.name),
                        groups(antecedent.side) if antecedent.side else MEDIA,
                    )

        def fits(name, i=i, word=word):
            person = name if isinstance(name, tuple) else key_of(doc_ids[i], name)
            return _PRONOUN_GENDER.get(word, "") in ("", gender_of(person) or _PRONOUN_GENDER[word])

        raw = _raw_person(current, common, lambda name, i=i: key_of(doc_ids[i], name))
        if word in _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS:
            # the corpus pass knows every earlier speaker as a person or not (attribution's own
            # history without a codebook knows only full names, so it skips "the Texas congressman"
            # to a person named before him); attribution's pick is the fallback
            want = "person" if word in _PERSON_PRONOUNS else "thing" if word in _THING_PRONOUNS else "plural"
            target = _nearest(i, want, fits, document, (person_name, person_side, groups))
        if not target and word in _PERSON_PRONOUNS and raw and fits(raw):
            target = _person_target(raw, person_name, person_side, groups, lambda name, i=i: key_of(doc_ids[i], name))
        if target and mention.agent and _person_like(target[0], common):  # "his lawyer": for his side
            name, group = target
            kin = _KIN_WORDS.fullmatch(mention.agent)
            out_speaker[i], out_group[i] = f"{name}’s {mention.agent}", OTHER if kin else group
            kinds[i] = "agent"  # no antecedent for the next pronoun
        elif target:
            out_speaker[i], out_group[i] = target
            kinds[i] = "person" if word in _PERSON_PRONOUNS else "thing"
        else:
            out_speaker[i], out_group[i] = "", ""


_NOT_MODIFIERS = frozenset({"by", "to", "of", "for", "with", "at", "on", "in", "from", "and", "or", "the", "a", "an"})


def _members_at_end(before: str) -> Mention | None:
    """Members of a people or party a clause ends with ("angered congressional Democrats", "by top
    Republicans"), with the lower-case words that modify them, else None."""
    words = before.split()
    people = gazetteer().phrases.get(words[-1]) if words and words[-1].endswith("s") else None
    if people is None or people.kind != "demonym":
        return None
    k = len(words) - 1
    while k > 0 and len(words) - k <= 2 and words[k - 1].islower() and words[k - 1] not in _NOT_MODIFIERS:
        if words[k - 1].endswith("ed") or _IRREGULAR_PAST_WORD.fullmatch(words[k - 1]):
            break
        k -= 1
    return Mention("source", " ".join(words[k:]), people.side, plural=True)


def _antecedent(before: str, common: frozenset[str]) -> Mention:
    """What a relative pronoun refers to: the phrase before it ("Polish owner of the lorry, who"),
    or, when that is a clause ("Rouhani will face criticism from hardliners who"), the name that
    ends it, else its last phrase after a preposition."""
    members = _members_at_end(before)  # "angered congressional Democrats, who": the Democrats
    if members is not None:
        return members
    antecedent = classify(before.split(",")[-1].strip() or before, common)
    if antecedent.kind not in ("institution", "source") or not _CLAUSE_VERB.search(antecedent.name):
        return antecedent
    runs = list(_NAME_RUN.finditer(before))
    if runs and runs[-1].end() == len(before):
        named = classify(runs[-1].group(), common)
        if named.kind == "person":
            return named
    last_phrase = _LAST_PHRASE.search(before)
    return classify(last_phrase.group("np"), common) if last_phrase else Mention("none")


def _raw_person(speaker: str, common: set[str], key_of) -> str:
    """The person's full name when attribution resolved a pronoun to a named person, else ''
    (a surname alone is left to the corpus pass, which sees every statement's resolved speaker)."""
    if not speaker or speaker.lower() in _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS | _UNRESOLVABLE:
        return ""
    mention = classify(speaker, common)
    if mention.kind != "person":
        return ""
    return mention.name if " " in mention.name else ""


def _person_target(name, person_name, person_side, groups, key_of):
    """(speaker, group) of a person named in the text ('Trump, who said' -> Donald Trump)."""
    person = key_of(name)
    return (name, groups("")) if not person[0] else (person_name(person), groups(person_side(person)))


def _nearest(i, want, fits, document, naming):
    """The closest earlier speaker (or, for a person, named person) of the same document. A
    sentence whose subject is itself a pronoun ("He also took aim at Harry Reid, who he said")
    names only objects: the pronoun's person is found before it."""
    doc_ids, kinds, out_speaker, out_group, named_at, texts, sources = document
    person_name, person_side, groups = naming
    at = texts[i].find(sources[i]) + len(sources[i]) if sources[i] else 0
    if _SUBJECT_PRONOUN.match(texts[i]):
        at = 0
    reach = _RECENT_PERSON if want == "person" else _RECENT
    for j in range(i, max(-1, i - reach), -1):
        if doc_ids[j] != doc_ids[i]:
            break
        if want == "person":
            people = [(pos, p) for pos, p in named_at[j] if (j < i or 0 <= pos < at) and fits(p)]
            if j < i and kinds[j] == "person" and out_speaker[j] and fits(out_speaker[j]):
                return out_speaker[j], out_group[j]
            if people:  # the sentence's first person, its subject: "Ryan hammered Obama for what he called"
                person = min(people)[1]
                return person_name(person), groups(person_side(person))
        elif j < i and out_speaker[j] and (kinds[j] == want or (want == "plural" and kinds[j] == "thing")):
            return out_speaker[j], out_group[j]
    return None


_SUBJECT_PRONOUN = re.compile(r"^\W*(?:He|She)\s")
#: A finite verb in a phrase: an auxiliary, or a past tense first or after a name ("echoed the
#: testimony of", "Tsarnaev's arrest stunned"; not "the retired general").
_CLAUSE_VERB = re.compile(
    r"\s(?:will|would|is|are|was|were|has|have|had|did|does|can|could|may|might|should|must)\s"
    r"|(?:^|[A-Z][\w’'.-]*\s+|[a-z]+['’]s\s+[a-z]+\s+)[a-z]+ed\b"
)
_LAST_PHRASE = re.compile(r"\s(?:from|with|by|among|of|to|for|at|on|in|like)\s+(?P<np>[^,]+)$")
_CLAUSE_MARK = re.compile(r"[;:“”\"]")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\b\.?\s*")
_GENDER_OF = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
_PRONOUN_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}
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


def _quotations_before_their_attribution(quotations, table, speakers, sources, out_speaker, out_group) -> None:
    """Quotations with no attribution of their own, closed by a statement that is only a source
    and a cue ("“What have you been debating? ...” / Obama said."), are that source's words."""
    texts = table["text"].tolist()
    cues = table["cue"].fillna("").astype(str).tolist() if "cue" in table else [""] * len(texts)
    for j in range(1, len(texts)):
        if not out_speaker[j] or not _bare_attribution(texts[j], sources[j], cues[j]):
            continue
        i = j - 1
        while i >= 0 and quotations.same_paragraph(i, j) and not speakers[i] and quotations.is_quotation(i):
            if not out_speaker[i]:
                out_speaker[i], out_group[i] = out_speaker[j], out_group[j]
            i -= 1


def _quotations_after_their_speaker(quotations, speakers, out_speaker, out_group) -> None:
    """A statement that is all quotation, with no attribution of its own, goes on with the
    speaker of the statement just before it: in the same paragraph ('Trump wrote on Twitter:
    “…' then '… more of it.”'), or opening the next one when the paragraph before ended inside
    a quotation, ended with a colon, or quoted its speaker ('“…,” he said.' then '“…”')."""
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
            out_speaker[i], out_group[i] = out_speaker[j], out_group[j]


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
