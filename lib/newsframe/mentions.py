"""What one source mention is, read as written: a person, a body or place, an unnamed source, a
pronoun, or no one (``classify``)."""

from __future__ import annotations

import re
from functools import lru_cache

from .actors import CLOSE_TO
from .described_sides import DESCRIPTION_END, MEDIA_NAME, POSSESSIVE_END, _body_side, a_private_apposition, side_of
from .first_names import a_first_name
from .names import (
    ALL_PRONOUNS,
    DETERMINERS,
    MONTHS,
    NAME_RUN,
    ORG_WORDS,
    PARTICLE_NAME,
    PREPOSITIONS,
    WEEKDAYS,
    _person_like,
    fold,
    is_title,
    name_in_run,
    names_a_place,
    without_sentence_opener,
    written_full_name,
)
from .sides import PARTY_WORDS, POSSESSIVE, another_country_s_party, gazetteer
from .source_noise import IRREGULAR_PAST, without_noise

OTHER = "Other"
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
RELATIVE_CLAUSE = re.compile(r"\s(?:who|which|that)\s")


class Mention:
    """What one source mention is: a person, a body or place, an unnamed source, or nothing."""

    __slots__ = ("kind", "name", "side", "plural", "agent")

    def __init__(self, kind: str, name: str = "", side: str = "", plural: bool = False, agent: str = ""):
        self.kind, self.name, self.side, self.plural = kind, name, side, plural
        #: who speaks for the person named, as written ("spokesman for"): they speak, not the person
        self.agent = agent


# Each opens with its character class and looks behind only then: a scan skips straight to
# candidate letters instead of testing the look-behind at every character.
LOWER_WORD = re.compile(r"[a-z](?<![\w’'-][a-z])[\w’'-]*")  # a word in lower case


_LOCATION_TAIL = re.compile(r"\s+(?:in|at|based in)\s+(?:the\s+)?[A-Z][^,]*$")


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
        and ORG_WORDS.search(parts[0])
        and not _POSSESSIVE_WORD.search(parts[-1])
        and not any(is_title(t) for t in core.split())
    )


_POSSESSIVE_WORD = re.compile(r"['’]s\s")


#: A source that is a clause opening with a name and a past-tense verb or "also".
#: "went" counts ("Boehner went on Fox News and said"); after an adverb ("Sturgeon
#: similarly expects ..., saying") a present-tense verb does too.
_SUBJECT_CLAUSE = re.compile(
    r"^(?!(?:I|A|An|The)[\s’'])(?P<name>[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,4})\s+"
    rf"(?:[a-z]+ed|{IRREGULAR_PAST}|also|[a-z]+ly\s+[a-z]+(?:ed|s))(?:\s+[a-zA-Z]|$)"
)


#: A named source with unnamed companions ("Mnuchin and others", "Mr. Obama and his administration").
_WITH_COMPANIONS = re.compile(
    r"^(?P<lead>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+and\s+(?:others|other\s+[a-z]+|(?:his|her|their)\s+[a-z]+)$"
)


_EXISTENTIAL = re.compile(r"^(?:There|Here)(?:['’]s|\s+(?:is|are|was|were)\b)")


#: An honorific before a name makes it a person's, even a word the corpus writes in lower case
#: ("Mrs May", "Mr. King").
HONORED = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]")
#: A title and a surname the corpus also writes as a word ("Ambassador Rice", "Gen. Scales"): a
#: person all the same (not "General Motors", "Major League").
_TITLED_SURNAME = re.compile(
    r"(?:(?:Gen|Col|Lt|Maj|Adm|Capt|Sgt|Sen|Rep|Gov|Prof|Amb)\.|Ambassador|Senator|Governor|Professor|Judge|Mayor|"
    r"Chancellor|Congressman|Congresswoman)\s+(?!(?:General|Minister|Secretary)\b)[A-Z][a-z’'-]+",
)
#: "Tom Cheshire from Sky News", "Chuck Schumer of New York": a person and where they work or sit for.
_NO_JOINER = r"(?!(?:of|at|from|with|and|in|for|on|the)\s)"  # a description's word, not a joining one
_AFFILIATED = re.compile(  # "Iran expert X of the Carnegie Endowment": a description may come first
    rf"^(?:(?:{_NO_JOINER}[\w’'.-]+\s+){{0,2}}?{_NO_JOINER}[a-z][\w’'-]*\s+)?"
    r"(?P<person>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,6})\s+(?:of|from|at|with)\s+(?:the\s+)?(?P<body>[A-Z].*)$"
)


#: "the Middle East Institute's Paul Salem", "Christian Science Monitor's Scott Peterson".
_BODY_S_PERSON = re.compile(
    r"^(?:the\s+)?(?P<body>[A-Z][\w’'.-]*(?:\s+(?:of|for|the|and|on|[A-Z][\w’'.-]*))*?)['’]s?\s+"
    r"(?P<person>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})$"
)


#: A North American broadcaster's call sign ("WBUR", "KQED", "WCVB-TV"), perhaps after lower-case
#: words ("member station WBUR"); not "WWII".
_CALL_SIGN = re.compile(r"(?:[a-z]+\s+)*(?P<sign>(?!WWI)[KW][A-Z]{3}(?:-(?:TV|FM|AM))?)")
#: A name shaped like a newspaper's, not a person's: capitalised words ending in a masthead's word
#: ("Minneapolis Star Tribune", "Jerusalem Post", "Tampa Bay Times"), none of them a title.
_MASTHEAD = re.compile(rf"(?:(?!(?:Mr|Mrs|Ms|Dr)\b)[A-Z][\w.’'-]*\s+){{1,3}}(?:{MEDIA_NAME.pattern})")


def _affiliated_person(head: str, common: frozenset[str]) -> Mention | None:
    """A person named with the body or place they belong to: the person speaks, for the body's
    side (Media for a news organisation)."""
    m = _AFFILIATED.match(head)
    if m is None:
        m = _BODY_S_PERSON.match(head)
        body = gazetteer().phrases.get(m.group("body")) if m else None
        if m is None or not (" " in m.group("body") or (body is not None and body.kind == "media")):
            return None  # "Trump's John Bolton": no body
    name = written_full_name(without_sentence_opener(m.group("person")), common)
    if not name:
        return None
    place = gazetteer().phrases.get(m.group("body").strip())
    if place is not None and place.kind in ("country", "capital", "state") and name == m.group("person"):
        return Mention("person", name, "")  # "X of New York", with no title: where they live, no side
    return Mention("person", name, _body_side(m.group("body")))


_HONORIFIC_WORDS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "professor", "prof"})


def side_shaped(name: str) -> bool:
    """Whether a body's name may stand as a side of its own: capitalised words, perhaps joined by
    "of", "for", "the", "and" or "on", no honorific and no headline in capitals; a mention with
    other words ("Trump withdrew from the deal", "Mr. Trump this week", "Sir Bill Cash") is no side."""
    tokens = name.split()
    return bool(
        _ORG_NAME.fullmatch(name)
        and not any(fold(t).rstrip(".") in _HONORIFIC_WORDS for t in tokens)
        and not (name.isupper() and len(tokens) > 3)
    )


#: Whose a speaker's name is, written before it: "Labour’s Jeremy Corbyn" is Jeremy Corbyn.
_POSSESSOR_BEFORE_NAME = re.compile(r"^.*['’]s\s+(?=[A-Z][\w’'.-]*\s+[A-Z])")


_HEAD_END = re.compile(r",|\s+(?:who|which|that)\b")  # a mention's head ends before a clause
_APPOSED_NAME = re.compile(
    rf"\s*,\s*([A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|{PARTICLE_NAME})){{1,3}})\s*(?:,|$)"
)  # "a tribal leader, Tarek al-Daghari al-Awlaki"
PLURAL_END = re.compile(r"s\b")
#: Words after which a description says what an office covers, not whom it serves ("coordinator for Syria").
_COVERS = re.compile(r"\s(?:for|on|in)\s")
#: A description of a person before their name, opening with an article or a possessive.
_A_DESCRIPTION = re.compile(r"(?:including\s+)?(?:the|a|an|another|its|his|her|their)\s")
#: Who speaks for the person named after them ("a spokesman for Defense Secretary, Chuck Hagel").
_SPEAKS_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|aides?|advis[eo]rs?|lawyers?|attorneys?)\s+(?:for|to|of)\s")


def _without_leading_titles(name: str) -> str:
    """A name without the titles it opens with, keeping two words at least ("General Mark Milley" ->
    "Mark Milley"); not a place's name, which may be a first name ("Virginia Giuffre")."""
    tokens = name.split()
    while len(tokens) > 2 and is_title(tokens[0]):
        tokens = tokens[1:]
    return " ".join(tokens)


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
_HOLDER_AFTER = re.compile(rf"\s*,\s*(?P<run>{NAME_RUN.pattern})(?:\s+of\s+[A-Z][\w.’'-]*)?\s*(?:,|$)")


def _office_of_body(office: re.Match, after: str, common: frozenset[str]) -> Mention:
    """The holder named after an office ('The mayor of Paris, Anne Hidalgo'), for the side of the
    body it serves; else the office itself, never the place or body it names ('The president of
    Libya' is not Libya speaking)."""
    side = _body_side(office.group("body"))
    holder = _HOLDER_AFTER.match(after)
    name = written_full_name(holder.group("run"), common) if holder else ""
    if name:
        return Mention("person", name, side)
    return Mention("institution", DETERMINERS.sub("", office.group()), side or OTHER)  # never a side of its own


def classify(mention: str, common: frozenset[str] | set[str]) -> Mention:
    """Read one source mention as written in the text."""
    return _classify(mention, common if isinstance(common, frozenset) else frozenset(common))


#: "official" before a name is an adjective ("the official Rodong Sinmun newspaper", "North Korea's
#: semi-official Fars news agency"), no unnamed official.
OFFICIAL_BEFORE_NAME = re.compile(r"\b(?:semi-)?official\s+(?=[A-Z])")
#: What a document is called, named by its author before it ("Trump's statement", "NATO data") or
#: after it ("a report by the AFP news agency"); each form adds the nouns it was measured with.
_DOCUMENT_NOUNS = (
    "statement|reports?|letter|memo|study|assessment|analysis|findings|investigation|review|survey|poll|video|"
    "message|filing|documents?"
)
#: People of a named body, not the body: "members of Congress", "some members of the EU".
MEMBERS_OF = re.compile(
    r"(?:(?:the|some|several|many|other|two|three|four|five)\s+)?members\s+of\s+(?:the\s+)?[A-Z]", re.I
)
#: A document and its author after "by": "a report by the AFP news agency", "a study published by the
#: Pentagon", "the findings by Citizen Lab".
_DOCUMENT_BY = re.compile(
    rf"(?:(?:the|a|an|another)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_DOCUMENT_NOUNS}|audit|complaint)s?"
    r"(?:\s+(?:recently|jointly|first|last\s+\w+))?(?:\s+(?:submitted|released|issued|published|written|prepared|"
    r"compiled|conducted|commissioned|filed|posted|sent|signed|produced|carried\s+out|put\s+out))?\s+by\s+(?P<author>.+)",
    re.I,
)
#: A document named by its author ("Trump's statement", "a White House statement", "NATO data").
_AUTHORED = re.compile(
    rf"(?:(?i:the|a|an|another)\s+)?(?!(?:In|On|At|After|During|For|From|By|With|Under|{WEEKDAYS}|{MONTHS})\b)"
    rf"(?P<author>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){{0,3}}?)(?:['’]s?)?\s+"
    rf"(?:{_DOCUMENT_NOUNS}|data|statistics|estimates|announcement|memorandum|tweets?)"
)


_KIN_NOUNS = "family|parents|widow|wife|husband|mother|father|son|daughter|brother|sister"
#: Who speaks for a person, and the words that may come before them ("his former lawyer").
_AGENT_NOUNS = r"lawyers?|attorneys?|spokes(?:man|woman|person)|aides?|advis[eo]rs?"
_AGENT_MODIFIERS = "former|longtime|personal|top|chief|senior"
#: Someone a possessive pronoun owns, who speaks for or beside its person: "his lawyer", "her family".
_OWNED_BY_PRONOUN = re.compile(
    rf"(?:his|her|their)\s+(?:(?:{_AGENT_MODIFIERS})\s+)?(?P<noun>{_AGENT_NOUNS}|{_KIN_NOUNS})"
)
_KIN = rf"(?P<kin>relatives|{_KIN_NOUNS})"
KIN_WORDS = re.compile(_KIN)
#: A person's relatives, who speak as private persons: "the family of X", "X's mother".
_KIN_OF = re.compile(rf"(?:(?:the|a)\s+)?{_KIN}\s+of\s+(?P<person>.*[A-Z].*)", re.I)
_NAMED_OWNER = r"(?P<person>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)['’]s?\s+"  # "X's", "Phillipos'"
_KIN_OWNED = re.compile(rf"{_NAMED_OWNER}{_KIN}")
#: Who speaks for a person a possessive names: "May's spokesman", "Manafort's lawyers" (round 20's "his
#: lawyer", with the person named).
_AGENT_OWNED = re.compile(rf"{_NAMED_OWNER}(?:(?:{_AGENT_MODIFIERS}|official|deputy)\s+)?(?P<noun>{_AGENT_NOUNS})")


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
        words = without_sentence_opener(subject.group("name")).split()
        if len(words) > 2 and words[0] in PREPOSITIONS:
            words = words[2:]  # "In Calgary Stephen Harper spoke to a": the subject after the circumstance
        name = name_in_run(" ".join(words))
        if _person_like(name, common) and places.phrases.get(name) is None:
            return Mention("person", name, side_of(subject.group("name")))
    text = OFFICIAL_BEFORE_NAME.sub("", without_noise(mention.strip(" ,;:“”\"'")))
    authored = _AUTHORED.fullmatch(text)
    if authored:  # "Trump's statement", "NATO data", "Mueller's report", "a Pentagon memo": its author's
        author = _classify(authored.group("author"), common)
        party = author.kind == "demonym" and POSSESSIVE_END.sub("", authored.group("author")) in PARTY_WORDS
        if author.kind not in ("source", "none", "pronoun") and not party:  # "a Democratic memo": no country's
            return author
    by_author = _DOCUMENT_BY.fullmatch(text)
    if by_author:  # "a report by the AFP news agency", "a statement released by the Russian foreign ministry"
        author = _classify(by_author.group("author"), common)
        if author.kind not in ("source", "none", "pronoun"):
            return author
    leader = _WITH_COMPANIONS.match(text)
    if leader:  # "Mnuchin and others", "Trump and his aides": the one named leads
        return _classify(leader.group("lead"), common)
    head = _HEAD_END.split(text, maxsplit=1)[0].strip()
    low = head.lower()
    if not head:
        return Mention("none")
    if low.startswith("the ") and head[4:].title() in COMPASS_POINTS:  # a country its story names (resolve)
        return Mention("institution", head[4:])
    last_word = head.split()[-1].replace("’", "'").split("'")[0]
    last_word = last_word if last_word.islower() or last_word == "I" else ""
    last_word = last_word.lower()
    first_word = low.replace("’", "'").split()[0].split("'")[0]
    if low in ALL_PRONOUNS or (last_word in ALL_PRONOUNS and last_word not in ("that", "this", "one")):
        return Mention("pronoun", low if low in ALL_PRONOUNS else last_word)  # "whom I", "as I've"
    if (
        first_word in ALL_PRONOUNS
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
        runs = NAME_RUN.findall(kin.group("person"))
        name = name_in_run(runs[-1]) if runs else ""
        if _person_like(name, common) and not names_a_place(name, 1) and places.phrases.get(name) is None:
            return Mention("institution", f"{name}’s {kin.group('kin').lower()}", OTHER)
    owner = _AGENT_OWNED.fullmatch(head) if not named else None
    if owner is not None:  # "May's spokesman": the spokesman, for May's side
        runs = NAME_RUN.findall(owner.group("person"))
        name = name_in_run(runs[-1]) if runs else ""
        if _person_like(name, common) and not names_a_place(name, 1) and places.phrases.get(name) is None:
            return Mention("person", name, agent=f"{owner.group('noun')} for")
    apposed_after = text.startswith(head) and text[len(head) :].lstrip(" ,")[:1].isupper()
    ending = None if apposed_after else _name_ending_an_office(head, common)
    if ending is not None:  # "Director of the Aleppo Media Center Yousef Saddiq": Yousef Saddiq
        return ending
    office = _OFFICE_OF_BODY.match(head)
    agent = office is not None and _AGENT.fullmatch(office.group("title").lower())
    if office is not None and (agent or is_title(office.group("title"))):
        found = _office_of_body(office, text[len(head) :] if text.startswith(head) else "", common)
        if found.kind == "person" or found.side != OTHER or not agent:
            return found
        body = office.group("body")
        served = None if LOWER_WORD.search(body) else _classify(body, common)  # a name, not "the X of Y"
        if served is not None and served.kind == "person":  # Maduro's side: the corpus pass finds it
            agent = DETERMINERS.sub("", office.group()[: office.start("body")]).strip()
            return Mention("person", served.name, served.side, agent=agent)
        return found  # "a spokesman for the National Peace Committee of Korea": the office, not Korea
    close = CLOSE_TO.match(head)
    if close:  # "a person close to Obama": an unnamed source, not Obama
        noun = close.group("head").lower()
        return Mention("source", head, "", plural=noun == "people" or noun.endswith("s"))
    affiliated = _affiliated_person(head, common)
    if affiliated is not None:
        return affiliated
    if (
        named and _A_DESCRIPTION.match(head) and not _SPEAKS_FOR.search(head)
    ):  # "the agency's emergency coordinator for Syria, Muhannad Hadi"
        name = name_in_run(named.group(1))
        title, _, rest = name.partition(" ")
        if "-" in title and " " in rest and all(is_title(part) for part in title.split("-")):
            name = rest  # "Brig-Gen Amir Hajizadeh": titles joined by a hyphen
        if _person_like(name, common) and not names_a_place(name, 1) and places.phrases.get(name) is None:
            # he speaks; "the Iranian foreign minister" says his side, "coordinator for Syria" only what he covers
            return Mention("person", name, "" if _COVERS.search(head) else side_of(head))
    core = POSSESSIVE_END.sub("", DETERMINERS.sub("", head))
    side = side_of(head) or side_of(text)
    whole = places.phrases.get(core)
    if whole is not None and whole.kind == "demonym" and core.endswith("s") and _group_sized(head):
        return Mention("source", head, whole.side, plural=True)  # "Many Democrats": members, not a country
    member = _party_member(head, whole.side, named) if whole is not None and whole.kind == "demonym" else None
    if member is not None:
        return member
    if whole is not None:
        return Mention(whole.kind, core if whole.kind == "institution" else whole.side, whole.side)
    station = _CALL_SIGN.fullmatch(core)
    if station is not None:  # "WBUR", "member station KQED": a broadcaster the list lacks
        return Mention("media", station.group("sign"), station.group("sign"))
    if _MASTHEAD.fullmatch(core):  # "the Minneapolis Star Tribune": a newspaper the list lacks
        return Mention("media", core, core)
    if _organisation_name(core):  # "Joint Council for the Welfare of Immigrants"
        return Mention("institution", core, side)
    runs = [
        m
        for m in NAME_RUN.finditer(head)
        if not (m.start() == 0 and len(m.group().split()) == 1 and m.group().lower() in common)
    ]
    last = runs[-1] if runs and head.rstrip("’'s").endswith(runs[-1].group().rstrip("’'s")) else None
    if last is not None:
        run = without_sentence_opener(last.group())
        name = name_in_run(run)
        owned = _POSSESSOR_BEFORE_NAME.sub("", run)  # "Labour’s Jeremy Corbyn": Jeremy Corbyn
        if owned != run and _person_like(name_in_run(owned), common) and _person_like(name, common):
            run, name = owned, name_in_run(owned)
        named_place = places.phrases.get(POSSESSIVE.sub("", run)) or places.phrases.get(name)
        if named_place is not None and " to " not in head:
            kind = named_place.kind
            if MEMBERS_OF.match(head):  # "members of Congress": people of the body, not the body
                return Mention("source", head[:1].lower() + head[1:], named_place.side, plural=True)
            if kind == "demonym" and run.endswith("s") and _group_sized(head):  # "congressional Republicans"
                return Mention("source", head, named_place.side, plural=True)
            member = _party_member(head, named_place.side, named) if kind == "demonym" else None
            if member is not None:
                return member
            whole_run = POSSESSIVE.sub("", run)  # "White House", not its "House"
            institution = whole_run if places.phrases.get(whole_run) is named_place else name
            return Mention(kind, institution if kind == "institution" else named_place.side, named_place.side)
        people = places.phrases.get(run.split()[-1])
        if another_country_s_party(run, len(run) - len(run.split()[-1]), run.split()[-1]):
            return Mention("institution", core, side)  # "Liberal Democrats": a party, no Americans
        if people is not None and people.kind == "demonym" and run.endswith("s") and run == core:
            # "Other Democrats", "Most Americans": members of a people or party, not a person
            return Mention("source", head, people.side, plural=True)
        honoured = HONORED.match(run) is not None or _TITLED_SURNAME.fullmatch(run) is not None
        person_like = named_place is None and (_person_like(name, common) or (honoured and not ORG_WORDS.search(name)))
        if person_like:  # the side from the words around the name, never from the name ("Najib Danish")
            apposition = text[len(head) :].lstrip(" ,") if text.startswith(head) else ""
            private = a_private_apposition(apposition)  # "an East Asia expert at Yonsei University in Seoul"
            around = (  # not what a relative clause says they did ("who pushed for changes to the Iran deal")
                DESCRIPTION_END.split(RELATIVE_CLAUSE.split(words.replace(name, " "), maxsplit=1)[0], maxsplit=1)[0]
                for words in ((head,) if private else (head, text))
            )
            return Mention("person", name, next((side for side in map(side_of, around) if side), ""))
        if not all(t.lower() in common for t in run.split()):
            return Mention("institution", core, side)
    apposed = _APPOSED_NAME.match(text[len(head) :]) if text.startswith(head) else None
    if apposed and not ORG_WORDS.search(apposed.group(1)) and places.phrases.get(apposed.group(1)) is None:
        return Mention("person", _without_leading_titles(apposed.group(1)), side)
    if SPEAKER_NOUNS.search(head):
        plural = bool(PLURAL_END.search(head.split()[-1])) if head.split() else False
        return Mention("source", head, side, plural)
    if runs:
        return Mention("institution", core, side)
    return Mention("none")


_NOT_A_NOUN = frozenset({"of", "for", "at", "to", "in", "on", "from", "with", "by", "the", "and", "a", "an"})


def _name_ending_an_office(head: str, common: frozenset[str]) -> Mention | None:
    """The person whose name, opening with a first name, ends an office of a body or place written
    without a comma before it ("the governor of Guam Eddie Baza Calvo"), else None."""
    words = head.split()
    if len(words) < 5 or " of " not in head or not any(is_title(w) for w in words[:3]):
        return None
    phrases = gazetteer().phrases
    for k in (3, 2):
        name, first, before = " ".join(words[-k:]), words[-k], words[-k - 1]
        # the name opens with a first name, or right after the body's last word ("Center", "press office")
        after_a_noun = before.islower() and before not in _NOT_A_NOUN  # "press office Dmitry Peskov", not "of X Y"
        opens = a_first_name(first) or after_a_noun or ORG_WORDS.fullmatch(before)
        capitalised = all(w[:1].isupper() and w.lower() not in common for w in words[-k:])
        person = opens and capitalised and not is_title(first) and _person_like(name, common)
        if person and phrases.get(name) is None and not ORG_WORDS.search(name) and not names_a_place(name, 1):
            return Mention("person", name, side_of(" ".join(words[:-k])))
    return None


#: A party's member, described by the party and perhaps a state: "the Ohio Republican", "the
#: veteran California Democrat" stand for a person the story named before, as "he" does (80 AllSides
#: statements gave the speaker "United States"). The pronoun's word says the party.
PARTY_MEMBERS = frozenset({"the Republican", "the Democrat"})
_PARTY_MEMBER = re.compile(
    r"(?P<article>[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w.-]+\s+){0,3}(?P<party>Republican|Democrat)"
)


def _party_member(head: str, side: str, apposed: re.Match | None) -> Mention | None:
    """One member of a party: "the Ohio Republican" is someone named before, "a Texas Democrat"
    someone unnamed unless an apposition names them; not the party, nor its members."""
    member = _PARTY_MEMBER.fullmatch(head)
    if member is None:
        return None
    if member.group("article").lower() == "the":
        return Mention("pronoun", f"the {member.group('party')}", side)
    if apposed:  # "Another prominent Republican, Sen. Lindsey Graham of South Carolina"
        return Mention("person", _without_leading_titles(name_in_run(apposed.group(1))), side)
    return Mention("source", head, side)


COMPASS_POINTS = frozenset({"North", "South", "East", "West"})
