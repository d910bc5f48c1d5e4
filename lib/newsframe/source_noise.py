"""A source mention without the words written around it (a time, a circumstance, a clause), and
a speaker label without the clause attribution left in it."""

from __future__ import annotations

import re
from functools import lru_cache

from .names import ALL_PRONOUNS, UNNAMED, WEEKDAYS

#: Words around a source that are not part of it: a label before a colon ("Updated:"), a clause
#: before it ("... prompted by what"), a parenthesis ("(R-Texas)"), a time ("on Friday", "Earlier
#: on Friday,"), a circumstance ("in an interview on NBC's"), a reflexive or an adverb ("swiftly").
#: Words ending in -ly that are no adverb ("family", "rally", "assembly"): what a rule reading
#: "-ly" as an adverb must leave alone.
NOT_ADVERBS = "family|ally|rally|supply|assembly|reply|bully|belly|jelly"
_SOURCE_NOISE = (
    re.compile(r"^(?:[A-Za-z]+\s+){0,1}[A-Za-z]+:\s+"),
    re.compile(r"^.*\bwhat\s+(?=\S)", re.I),  # "The calls are prompted by what NATO members"
    re.compile(r"^(?:not only|nor|neither)\s+(?:do|does|did|is|are|was|were|has|have)\s+", re.I),
    re.compile(r"\s*\((?:[^()]*\)|[^()]*$)"),  # "(R-Texas)", or one the source cut short: "Engel (D"
    # a nickname quoted inside a name: 'James "Spider" Marks', 'Rick “Ozzie” Nelson'
    re.compile(r"(?<=[A-Za-z.])\s+[“\"][A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?[”\"](?=\s+[A-Z])"),
    re.compile(
        r"^(?:[A-Z][\w.’'-]*\s+)?[A-Z][\w.’'-]*-based\s+(?=[A-Z])"
    ),  # "London-based Syrian Observatory": a seat, no side
    re.compile(r"^(?:Earlier|Later|Late|Early|On|In|At|During|After|Before|Last|This)\b[^,]{0,40},\s+(?=[A-Z])"),
    re.compile(rf"\s+(?:(?:on|late|early|last|this|by)\s+)?(?:{WEEKDAYS})\b[^,]*$"),
    re.compile(r"\s+(?:in|during|at)\s+(?:an?|his|her|their|its)\s.*$"),  # "in an interview on NBC's"
    re.compile(r"(?<=[A-Za-z])\s+(?:in|during|at)\s+the\s+[a-z].*$"),  # "Perry in the new ad"
    re.compile(r"\s+(?:himself|herself|themselves|itself)\b.*$"),  # "Trump himself went even further"
    # "NBC's Chuck Todd why peace talks stumbled": a question asked of a name, cut after the name
    re.compile(r"^(?P<keep>.*\b[A-Z][\w’'.-]*\s+[A-Z][\w’'.-]*)\s+(?:why|how|whether)\s.*$"),
    # "Amber Rudd yesterday", "Trump last week", "CNN in 2012"; not "USA Today", a name
    re.compile(
        r"\s+(?:(?-i:yesterday|today|tonight)|last\s+night|(?:last|this|next|earlier\s+this)\s+"
        r"(?:week|weekend|month|year|spring|summer|autumn|fall|winter|morning|afternoon|evening)|in\s+(?:19|20)\d\d)\b.*$",
        re.I,
    ),
    # a news site's pop-up after a name, its full name glued to the next link: "Sen. John Kennedy John
    # Neely KennedyMORE", "President Trump Donald John TrumpDem lawmaker"
    re.compile(r"^(?P<keep>.*?\b(?P<last>[A-Z][a-z’'-]{2,}))\s+(?:[A-Z][\w.’'-]*\s+){1,3}(?P=last)(?:[A-Z]|MORE).*$"),
    # "The latest incident comes just days after the US Navy", "Saturday the US Department"
    re.compile(
        r"^.*?\b(?:comes?|came)\s+(?:(?:just|only|shortly|two|three|a\s+few|days|weeks|hours|a\s+day|a\s+week)\s+)*"
        r"(?:as|after|amid)\s+(?=\S)"
    ),
    re.compile(rf"^(?:on\s+)?(?:{WEEKDAYS})\s+(?=(?:the\s+)?[A-Z])"),
    # a social-media handle before a name, a hashtag after it: "@SenPoe Sen. Ann Poe on #MTP"
    re.compile(r"^@\w+\s+(?=[A-Z])|\s+(?:on|via|at)\s+#\w+.*$"),
    re.compile(r"(?<=[A-Za-z])\s+(?:on|in|at|to|for|by|with|from)$"),  # "Sen. Tim Kaine on": cut before a date
    # "where sources close to the investigation", "said one witness": a conjunction or verb before it
    re.compile(
        r"^(?:(?:said|says|told|added|where|when|while|whereas|and|but|because|although|though)\s+)+(?=\S)", re.I
    ),
    # "World leaders including X and Y": the group speaks, its examples do not
    re.compile(r"(?<=[a-z]),?\s+(?:including|such\s+as|among\s+them)\s.*$"),
    # "Recently lawmakers": a sentence adverb before a group's noun
    re.compile(
        r"^(?:Recently|Currently|Previously|Initially|Originally|Separately|Additionally|Similarly|Ultimately|"
        r"Meanwhile|Subsequently|Privately|Publicly)\s+(?=[a-z])"
    ),
    # "Trump swiftly", "Lauten later": adverbs after a name
    re.compile(
        rf"^(?P<keep>.*\b[A-Z][\w’'.-]*)\s+(?:(?:(?!(?:{NOT_ADVERBS})\b)[a-z]{{2,}}ly|later|also|then|"
        r"again|now|first|once|earlier)\b\s*)+$"
    ),
)


@lru_cache(maxsize=200_000)
def without_noise(mention: str) -> str:
    """A source mention without the words written around it ('Updated: Rick Santorum on Sunday'
    -> 'Rick Santorum'); cached, as mentions repeat."""
    for pattern in _SOURCE_NOISE:
        mention = pattern.sub(lambda m: m.groupdict().get("keep") or "", mention).strip() or mention
    return mention


#: English irregular past tenses a clause between a subject and a participle's cue may have ("Trump
#: made time to attack X, suggesting", "President Trump withdrew from the deal, describing it as").
IRREGULAR_PAST = (
    "(?:said|told|went|made|took|gave|came|got|saw|knew|thought|brought|began|became|left|held|kept|met|led|"
    "sent|spent|won|lost|wrote|ran|found|withdrew|drew|chose|spoke|stood|sought|fought|threw|broke|rose|fell|"
    "felt|heard|meant|paid|sold|struck|swore|taught|understood|flew|grew|drove|caught|built|bought|shook|"
    "wore|sat|hid|forgot|swept|slept|dealt|lent|woke|shot)"
)
IRREGULAR_PAST_WORD = re.compile(IRREGULAR_PAST)


_PAST_TENSE_CLAUSE = re.compile(
    rf"(?:\s+(?:also|not|only|just|still|then|already|again|never|later|[a-z]+ly))*\s(?:[a-z]+ed|{IRREGULAR_PAST})\s+"
    r"(?:a|an|the|his|her|its|their|that|this)\s.*$"
)


def before_a_past_tense(speaker: str) -> str:
    """A speaker label without the clause attribution left in it ("unnamed board completed its
    investigation" -> "unnamed board"); the label as it is when nothing would be left, and none
    when a pronoun would."""
    clause = _PAST_TENSE_CLAUSE.search(speaker)
    kept = speaker[: clause.start()] if clause else speaker
    core = kept.strip().removeprefix(UNNAMED.strip()).strip()
    if core.lower() in ALL_PRONOUNS:
        return ""  # "he later joined ...": a clause with a pronoun names no one
    return kept if core else speaker
