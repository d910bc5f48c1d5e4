"""The side a person's or a body's own words give it: the places a description names, less those
it is only about (a topic, a stance, an ally, a private trade), Media for a journalist."""

from __future__ import annotations

import re
from functools import lru_cache

from .names import DETERMINERS, OPENERS, fold, is_title, name_in_run
from .sides import MEDIA, another_country_s_party, gazetteer

_CLAUSE_END = re.compile(r"[,;:()“”\"—–]")
#: Unnamed sources that speak for the media whatever their country ("a Ukrainian journalist").
MEDIA_NOUNS = re.compile(
    r"\b(?:journalists?|reporters?|correspondents?|media|reports?|newspapers?|outlets?|"
    r"columnists?|editors?|broadcasters?)\b",
    re.I,
)
MEDIA_NAME = re.compile(
    r"\b(?:Times|Post|Journal|News|Tribune|Gazette|Herald|Telegraph|Daily|Magazine|Television|Radio|"
    r"TV|Broadcasting|Press|Chronicle|Observer|Guardian|Independent|Mail|Express|Weekly|Examiner|Beacon|"
    r"Bulletin)\b"
)
#: Where a description of a person stops being about them: a clause about the body it names ("a
#: spokesman for the Fleet, which sails near X") or what they strike ("the leader of the attack on X").
DESCRIPTION_END = re.compile(
    r"\s(?:which|that)\s|\s(?:attacks?|strikes?|raids?|assaults?|war|sanctions)\s+(?:on|against)\s"
)
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
#: Foundation for Defense of Democracies in Washington": a think tank is its own side, not its home's;
#: "the Syrian Observatory for Human Rights": a monitoring group's).
_RESEARCH_BODY = (
    r"(?:[A-Z][\w’'.-]*\s+(?:(?:for|of|on|the|a|and|&)\s+)*){0,4}(?:Center|Centre|Institute|Institution|"
    r"Foundation|Endowment|Council\s+on|Project|Initiative|Union|Association|Society|League|Federation\s+of|"
    r"Observatory|Network|Coalition)(?:\s+(?:(?:for|of|on|the|a|and|&)\s+)*[A-Z][\w’'.-]*)*(?:\s+in\s+[A-Z][\w’'.-]*)?"
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
    r"Endowment|Council on|Project|Initiative|Union|Association|Society|League|Federation of|Observatory|Network|"
    r"Coalition"
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
        and DETERMINERS.sub("", name[: places[0][0]]) == ""
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
            if _a_state_s_body(place, found) or DETERMINERS.sub("", place) in gazetteer().phrases:  # "Soviet Union"
                return m.group()
            return "".join(
                place[b:a] for (_, b, _), (a, _, _) in zip([(0, 0, None), *found], [*found, (len(place), 0, None)])
            )
        place = place.removesuffix(" State")  # "Ohio State University"
        if m.group("campus") or m.group("seat") or m.group("school"):  # "American University", "London School"
            return m.group().replace(place, " ")
        found = gazetteer().phrases.get(POSSESSIVE_END.sub("", DETERMINERS.sub("", place)))
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
def side_of(head: str) -> str:
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


def _body_side(body: str) -> str:
    """The side of the body a person works for: Media for a news organisation."""
    body = POSSESSIVE_END.sub("", body.strip())
    return MEDIA if a_medium(body) else side_of(body)


def a_medium(name: str) -> bool:
    """Whether a name is a news organisation's: the bundled list's ("The Hill", "the BBC") or
    shaped like one ("... Times", "... News")."""
    phrases = gazetteer().phrases
    place = phrases.get(name) or phrases.get(DETERMINERS.sub("", name))
    return (place is not None and place.kind == "media") or bool(MEDIA_NAME.search(name))


POSSESSIVE_END = re.compile(r"['’]s$")
COUNTRY_KINDS = ("country", "demonym", "capital", "state")


#: A state's titles, capitalised before a name ("Gen.", "Mayor", "Vice President", "Deputy Defense
#: Secretary", "Attorney General"): whoever holds one serves a state. Not an ambassador's or
#: envoy's, whom a story names where they are sent.
_STATE_TITLES = frozenset(
    {
        "minister", "secretary", "mayor", "governor", "gov", "senator", "sen", "rep", "representative",
        "congressman", "congresswoman", "assemblyman", "assemblywoman", "assemblymember", "councilman",
        "councilwoman", "councilmember", "alderman", "mp", "lawmaker", "legislator", "parliamentarian", "president", "vice", "premier", "prime",
        "chancellor", "speaker", "general", "gen", "lt", "col", "maj", "capt", "adm", "admiral",
        "lieutenant", "colonel", "sergeant", "sgt", "army", "navy", "marine", "military", "police",
        "sheriff", "detective", "prosecutor", "judge", "justice", "force", "brig", "spc", "pfc", "cpl", "pvt",
        "cmdr", "corporal", "ensign", "commodore", "opposition", "king", "queen", "emir", "sultan", "crown",
    }
)  # fmt: skip
#: Words for a political family, which name a party of whichever state the story is in ("Conservative
#: MP X", "Labour leader X"): no body's name.
PARTY_FAMILIES = frozenset({"Conservative", "Labour", "Labor", "Tory", "Liberal", "Socialist", "Green"})


#: A state's office in a description after a name, in lower case: "X, the town mayor", "X, the area's
#: congressman", "X, a former councillor".
_SERVANT_APPOSITION = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[a-z]+['’]s\s+)?(?:(?:former|retired|town|city|county|state|local|deputy|top)\s+)*"
    r"(?:mayor|governor|senator|congress(?:wo)?man|lawmaker|legislator|parliamentarian|councill?or|council(?:wo)?man|"
    r"minister|"
    r"admiral|colonel|sheriff|prosecutor|judge|"
    r"(?:Army|Navy|Air\s+Force|Marine(?:\s+Corps)?|Coast\s+Guard|National\s+Guard|military(?:\s+intelligence)?|intelligence)"
    r"\s+(?:officer|general|pilot|colonel))\b"
)
#: The words of a state's armed services, and "retired" before their ranks ("Retired Air Force Gen.
#: X"): whoever holds those ranks serves the state of the story.
_ARMED_SERVICE_WORDS = frozenset(
    {"Air", "Force", "Army", "Navy", "Marine", "Marines", "Corps", "Coast", "Guard", "Retired", "retired"}
)


#: An office in a political party, after a name: "X, vice-president of Ms Le Pen's National Front",
#: "X, a member of the governing Fidesz party", "X, a Labour party spokesman": a politician's.
_PARTY_OFFICE_APPOSITION = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:senior|leading|former|prominent|deputy)\s+)*"
    r"(?:(?:member|leader|head|chair(?:man|woman)?|president|vice[- ]president|secretary|spokes(?:man|woman|person)|"
    r"official|politician|lawmaker)\s+(?:of|in|for|from)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,4}"
    r"(?:[Pp]arty|Front)\b|(?:[\w’'.-]+\s+){0,3}[Pp]arty\s+(?:member|leader|spokes(?:man|woman|person)|"
    r"official|politician|lawmaker)\b)"
)


#: A government's office in lower case: "department spokesman", "the government's chief medical
#: adviser", "ministry official".
_GOVERNMENT_OFFICE = (
    r"(?:government|department|ministry|cabinet)(?:['’]s)?\s+(?:[a-z]+\s+){0,2}"
    r"(?:spokes(?:man|woman|person)|advis[eo]r|officer|official|secretary|minister)"
)
#: A state's office whose own words say so, in lower case: "national security adviser X".
_STATE_OFFICE = r"(?:national\s+security\s+advis[eo]r|press\s+secretary|attorney\s+general|secretary\s+of\s+state)"
_GOVERNMENT_OFFICE_BEFORE = re.compile(
    rf"(?:(?:^|[^\w\s’'-]\s*|\b(?:the|a|an)\s+){_GOVERNMENT_OFFICE}|\b{_STATE_OFFICE})\s+$"
)
_GOVERNMENT_OFFICE_AFTER = re.compile(rf"(?:(?:the|a|an)\s+)?(?:former\s+)?(?:{_GOVERNMENT_OFFICE}|{_STATE_OFFICE})\b")
#: A minister's portfolio capitalised before the title: "International Development Secretary X",
#: "Health Minister X" (not "General Secretary X", a party's or union's, nor "Party Secretary X").
_PORTFOLIO_TITLE = re.compile(r"(?:(?!General\b|Party\b)[A-Z][a-z]+\s+){1,3}(?:Secretary|Minister)\s+$")


def serves_a_state(before: str, run: str, apposition: str = "") -> bool:
    """Whether a name's own words give it a state's office: a capitalised title, a portfolio's, or a
    party's, right before it and nothing else ("told Lt. Gen. Kenneth McKenzie", "Former Secretary
    of Defense Donald Rumsfeld", "International Development Secretary X", "Labour leader X"; not
    "Haltern Mayor X", "Taliban Commander X", "NBA Commissioner X"), a government's office in lower
    case right before it ("department spokesman X"), or an office in lower case after it ("X, the
    town mayor", "X, the government's chief medical adviser", "X, a member of the governing Fidesz
    party")."""
    apposition = apposition.strip()
    return (
        _titled_before(before, run)
        or bool(_PORTFOLIO_TITLE.fullmatch(run[: max(0, len(run) - len(name_in_run(run)))]))
        or bool(_GOVERNMENT_OFFICE_BEFORE.search(before))
        or bool(
            _SERVANT_APPOSITION.match(apposition)
            or _GOVERNMENT_OFFICE_AFTER.match(apposition)
            or _PARTY_OFFICE_APPOSITION.match(apposition)
        )
    )


def _a_party_word(word: str) -> bool:
    """A party's word ("Labour", "Labour's") or a shadow cabinet's ("Shadow chancellor X"): a
    politician's, who serves the story's state like one with a state's title."""
    return POSSESSIVE_END.sub("", word) in PARTY_FAMILIES or word.lower() == "shadow"


def _in_a_title(word: str) -> bool:
    """Whether a word may belong to a state's title before a name: a description's, a party's or an
    armed service's ("Retired Air Force Gen.", "Labour leader")."""
    return _in_a_description(word) or _a_party_word(word) or word in _ARMED_SERVICE_WORDS


def _titled_before(before: str, run: str) -> bool:
    name = name_in_run(run)
    words = run[: max(0, len(run) - len(name))].split()
    for word in reversed(before[_last_clause_end(before, len(before)) + 1 :].split()):
        if not _in_a_title(word):
            if word[:1].isupper() and word.lower() not in OPENERS:
                return False  # a capitalised word of no title: a body's or place's name
            break
        words.insert(0, word)
    if not all(_in_a_title(w) for w in words):
        return False
    party = any(_a_party_word(w) for w in words)
    return any(w[:1].isupper() and fold(w).rstrip(".") in _STATE_TITLES or party and is_title(w) for w in words)


#: A person's noun after a demonym ("a Russian lawmaker", "Iranian negotiator"): the shape of a
#: role noun or a journalist's, not a private trade (an economist, a professor, a strategist, a
#: student speaks for no state).
_PRIVATE_TRADES = (
    "professor|researcher|writer|author|historian|student|businessman|businesswoman|civilian|resident|"
    "immigrant|migrant|tourist|worker|teacher|doctor|physician|lawyer|attorney|consultant|investor|"
    "entrepreneur|owner|manager|player|blogger|commentator|director|"
    # a person's private life, not a trade, shaped like a role noun ("British holidaymaker X")
    "holidaymaker|traveller|traveler|passenger|shopper|volunteer|survivor|prisoner|worshipper|"
    "mother|father|brother|sister|daughter|grandmother|grandfather"
)
_ROLE_NOUN = (
    rf"(?!(?:for|under|over|after|other|{_PRIVATE_TRADES})\s)"
    r"(?P<noun>[a-z][\w-]*(?:er|or|ate|ant|ent|ian|man|woman|al)|journalist|columnist)\s+$"
)
#: A private trade in a mention's words ("Chilean economist X", "a Russian-born professor"): its
#: demonym is where the person is from, not a side they speak for.
PRIVATE_TRADE = re.compile(rf"\b(?:{_PRIVATE_TRADES}|(?!journalist|columnist|reservist)[a-z]+ist)s?\b")
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
def a_private_trade(words: str) -> bool:
    """Whether words hold a demonym before a private trade (``_DEMONYM_TRADE``); cached, as
    descriptions repeat."""
    return any(
        getattr(gazetteer().phrases.get(m.group("side")), "kind", "") == "demonym"
        for m in _DEMONYM_TRADE.finditer(words)
    )


#: Who works for a news organisation, by the words around their name: "Fox News host X", "NPR's X",
#: "X, a CNN reporter", "X, a columnist for the Post".
_JOURNALIST = (
    r"(?i:anchor|host|presenter|reporter|correspondent|editor|columnist|commentator|contributor|journalist|"
    r"analyst|producer|photographer|bureau\s+chief)s?"
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
    rf"(?:(?:the|an?)\s+)?(?:{_MEDIUM}(?:['’]s?)?\s+(?:[A-Za-z]+\s+)?{_JOURNALIST}"
    rf"|(?:[a-z]+\s+){{0,2}}{_JOURNALIST}\s+(?:for|at|with|of)\s+(?:the\s+)?"
    rf"(?:(?:[A-Z][\w.-]*\s+)?(?P<medium_noun>daily|weekly|newspaper|magazine|tabloid|broadcaster|news\s+agency)\s+)?"
    rf"(?P<employer>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){{0,3}}))$"
)


#: A journalist by trade in an apposition, whoever employs them: "X, a journalist for the local news
#: site Y", "X, a veteran foreign correspondent" (not "a former reporter", who may serve a state now).
_JOURNALIST_APPOSITION = re.compile(
    r"\s*(?:(?:the|an?)\s+(?!former\b)(?:[a-z-]+\s+){0,2})?(?:journalist|reporter|correspondent|columnist)s?\b"
)


def _works_for_a_medium(before: str, apposition: str) -> bool:
    """Whether the words right before a name, or its apposition, make them a news organisation's
    journalist, so their side is Media whatever the outlet's country."""
    if _JOURNALIST_TITLE_BEFORE.search(before) or _JOURNALIST_APPOSITION.match(apposition):
        return True
    m = _JOURNALIST_BEFORE.search(before)
    if m is None:
        m = _JOURNALIST_AFTER.match(apposition.strip())
        if m is not None and m.group("medium_noun"):  # "a columnist with the Moscow daily X": X is one
            return True
    return m is not None and a_medium(_POSSESSIVE_ON.split(m.group("medium") or m.group("employer"), maxsplit=1)[0])


_POSSESSIVE_ON = re.compile(r"['’]s?(?:\s|$)")  # "Reuters' Moscow": the medium is Reuters


#: A country's possessive, up to two lower-case words and a title right before a name.
_COUNTRY_S_TITLE = re.compile(r"(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+(?:[a-z][\w-]*\s+){1,2}[\w.]+\s+$")


#: An apposition that is no description of the person: "X, cited by an Irish correspondent as".
_PASSIVE_OPENING = re.compile(r"\s*[a-z]+ed\s+by\b")
#: A relative clause of what a person did, not of what they are or serve as: "X, who met with a
#: Russian official", "X, who visited Moscow" (not "X, who is the Kremlin's envoy", "X, who heads",
#: "X, who left as the White House's top official": an office held).
_DEED_CLAUSE = re.compile(
    r"\s*(?:who|which)\s+(?:[a-z]+ly\s+)?(?!(?:is|was|are|were|has|have|had|serves?|served|heads?|headed|"
    r"leads?|led|chairs?|chaired|represents?|represented|works?|worked|runs?|ran|became|becomes?|now|also|"
    r"once|still|then|left|resigned|retired|quit|stepped)\b)[a-z]"
)
#: An apposition naming a private trade where one works or what one studies: "X, an expert on
#: populist movements at Sciences Po in Paris", "X, a professor at the University of Tehran", "X, an
#: East Asia expert at Yonsei University in Seoul": the places in it are no side (not "X, a former CIA
#: analyst", nor "X, a fellow at Brookings and former U.S. ambassador": a former office is a state's;
#: nor "a State Department expert on Korea", see ``a_private_apposition``).
_PRIVATE_APPOSITION = re.compile(
    r"(?!.*\bformer\b)\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}?(?:expert|analyst|scholar|professor|researcher|"
    r"historian|economist|fellow|lecturer)s?\s+(?:on|at|of|in|with|from|who)\b"
)


def a_private_apposition(apposition: str) -> bool:
    """Whether an apposition names a private trade (``_PRIVATE_APPOSITION``) whose words before the
    trade name no state's body ("a Pentagon expert on Iran" serves one)."""
    m = _PRIVATE_APPOSITION.match(apposition)
    return m is not None and not any(place.kind == "institution" for _, _, place in gazetteer().find(m.group()))


def described_side(before: str, run: str, apposition: str) -> str:
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
    if a_private_trade(description) or a_private_trade(apposition):
        return ""
    if description and _a_country_s_name_alone(description):
        description = ""  # "regarding Ukraine Parnas": a country's name alone by a name describes no one
    if description:
        side = side_of(description)
        if side:
            return side
    owner = _COUNTRY_S_TITLE.search(before, cut + 1) if kept else None
    if owner is not None:  # "Zimbabwe's opposition leader X", "Iran's supreme leader X"
        place = places.phrases.get(owner.group("place"))
        if place is not None and place.kind in COUNTRY_KINDS:
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
            return MEDIA if MEDIA_NOUNS.fullmatch(described.group("noun")) else people.side
    if apposition and not (
        _PASSIVE_OPENING.match(apposition) or a_private_apposition(apposition) or _DEED_CLAUSE.match(apposition)
    ):
        desc = DESCRIPTION_END.split(apposition, maxsplit=1)[0]
        if any(is_title(w) for w in desc.split()[:6]):
            return _side_of_an_office(desc)
    return ""


#: The body an office is held at: "vice chairman at Credit Suisse", "a spokesman at the Iranian embassy".
_AT_A_BODY = re.compile(
    r"\s(?:at|with)\s+(?:the\s+)?(?P<body>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|on|the|a|and|&)\s+)*[A-Z][\w’'.&-]*)*)"
)
_ANOTHER_OFFICE = re.compile(r"\s*(?:,|and\s)")
_SEAT = re.compile(r"^\s*(?:in|based\s+in)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
_PORTFOLIO = re.compile(r"\s(?:for|in\s+charge\s+of)\s.*", re.S)


def _side_of_an_office(description: str) -> str:
    """The side of an office described after a name: the place modifying the office ("the U.S.
    ambassador at the UN"), else the body it is held at, where one is named ("vice chairman for
    Greater China at Credit Suisse ... in Hong Kong": a bank's, no state's; the region it covers
    and the city it sits in are no side), else the first place named. An office named after the
    body counts as the office ("a fellow at Brookings and former U.S. ambassador")."""
    bodies = list(_AT_A_BODY.finditer(description))
    if not bodies:
        return side_of(description)
    at = bodies[-1]  # the last: "director of the X with Y program at Amnesty International"
    then = _SEAT.sub("", description[at.end() :])  # "... at X in Washington and a former Pentagon official"
    office = _PORTFOLIO.sub("", description[: at.start()]) + (then if _ANOTHER_OFFICE.match(then) else "")
    return side_of(office) or _body_side(at.group("body"))


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
    return is_title(word) or bool(gazetteer().find(word)) or word in ("of", "for", "the", "to")
