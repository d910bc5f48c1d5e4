"""How a person's name is written, and the words that are no name: titles and honorifics, pronouns,
the name in a capitalised run, a person's (first name, surname) key, words shaped like a person's
name. Nothing here reads a side."""

from __future__ import annotations

import calendar
import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .first_names import nicknamed
from .sides import gazetteer

UNNAMED = "unnamed "
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
THING_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
UNRESOLVABLE = {
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
RELATIVES = {"who", "which", "whom"}
ALL_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | UNRESOLVABLE | RELATIVES
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
    "taoiseach",
    "tanaiste",
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
    "legislator",
    "parliamentarian",
    "congressman",
    "congresswoman",
    "assemblyman",
    "assemblywoman",
    "assemblymember",
    "councilman",
    "councilwoman",
    "councilmember",
    "alderman",
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
ORG_WORDS = re.compile(
    r"\b(?:Ministry|Department|Agency|Council|Party|Committee|Commission|Organi[sz]ation|Association|Corps|Forces|"
    r"Army|Navy|Police|Institute|University|Court|Bank|Group|Company|Inc|Corp|Foundation|Center|Centre|Office|"
    r"Service|Services|Administration|Government|Parliament|Assembly|Congress|Senate|House|Union|League|Front|"
    r"Movement|Network|News|Times|Post|Journal|Press|Agency|Embassy|Mission|Guard|Guards|Authority|Board|Fund|"
    r"Federation|Coalition|Alliance|Campaign|Watch|International|Project|Review|Magazine|Television|TV|Radio|"
    # places and buildings named like people ("Ahrar Bridge", "Trump Tower")
    r"Bridge|Street|Square|Avenue|Boulevard|River|Island|Islands|Valley|Strait|Gulf|Sea|Ocean|Airport|Hospital|"
    r"Mosque|Cathedral|Palace|Tower|Hotel|Stadium|Station|Prison)\b"
)
#: A capitalised run: initials ("H.R.") are one word; lower-case particles ("el-Sissi", "bin",
#: "van der") belong to the name they stand in.
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'-]*\.?)"
PARTICLE_NAME = r"(?:al|el|ad|an|as|ash|at|az|ul|bin|ibn|abu)-[A-Z][\w’'-]*"
#: The first word opens with its first letter and looks behind only then, so that a scan skips to
#: the letters a run can open with (a capital, or a particle's) instead of testing every position:
#: ``_NAME_WORD`` or ``PARTICLE_NAME``, spelt after their first letter.
_FIRST_NAME_WORD = (
    r"[A-Zabeiu](?<![\w’'.-].)(?:(?<=[A-Z])(?:\.(?:[A-Z]\.)+|[\w’'-]*\.?)|"
    r"(?:(?<=a)(?:l|d|n|s|sh|t|z|bu)|(?<=e)l|(?<=u)l|(?<=b)in|(?<=i)bn)-[A-Z][\w’'-]*)"
)
NAME_RUN = re.compile(
    rf"{_FIRST_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{PARTICLE_NAME}|"
    r"(?:de|da|di|del|du|dos|das|van|von|der|den|ter|bin|ibn|al|el)(?=\s+(?:[A-Z]|der|den)))(?![\w’'-]))*"
)
DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|its|his|her|their|some|several|many|two|three)\s+", re.I)


#: A plain name word: "McChrystal" and "DeSantis" have a second capital; initials ("H.R."); particles.
_PLAIN_NAME = re.compile(
    r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'][A-Z]?[a-z]+)*\.?|(?:[A-Z]\.)+|(?:al|el|bin|ibn|van|von|der|de)(?:-[A-Z][a-z]+)?"
)
_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


@lru_cache(maxsize=200_000)
def _unaccented(text: str) -> str:
    """A word without its diacritics, its case kept ("François" -> "Francois")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def fold(text: str) -> str:
    """Lower-case ASCII form of a name, for comparing spellings."""
    return _unaccented(text).lower().strip(" .’'")


@lru_cache(maxsize=100_000)
def is_title(token: str) -> bool:
    return fold(token).rstrip(".") in TITLES or fold(token) in TITLES


def strip_titles(name: str) -> str:
    """'President Donald J. Trump' -> 'Donald J. Trump'; 'Mr Trump' -> 'Trump'; sides go too
    ('Ukrainian President Volodymyr Zelensky' -> 'Volodymyr Zelensky')."""
    places = gazetteer()
    tokens = name.replace("’s", "").replace("'s", "").split()
    while len(tokens) > 1 and (is_title(tokens[0]) or tokens[0] in places.phrases):
        tokens = tokens[1:]
    name = " ".join(tokens).strip(" ,")
    return name[:-1] if name.endswith(".") and len(tokens[-1]) > 2 and not tokens[-1][-2].isupper() else name


_GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}


def _name_tokens(name: str) -> list[str]:
    """A name's words folded, initials left out."""
    return [fold(t).rstrip(".,") for t in name.split() if len(t.rstrip(".")) > 1]


def inner_names(name: str) -> tuple[str, ...]:
    """The words of a name between its first word and its surname, folded as ``person_key``
    folds a first name."""
    tokens = _name_tokens(name)
    return tuple(t.replace(".", "") for t in tokens[1:-1]) if len(tokens) > 2 and tokens[-1] not in _GENERATIONS else ()


@lru_cache(maxsize=200_000)
def person_key(name: str) -> tuple[str, str]:
    """(first name, surname) folded; middle names and initials do not count."""
    tokens = _name_tokens(name)
    if len(tokens) > 1 and tokens[-1] in _GENERATIONS:  # "Donald Trump Jr." is not his father
        tokens = [*tokens[:-2], f"{tokens[-2]} {tokens[-1]}"]
    if not tokens:
        return "", ""
    if len(tokens) > 1 and set(tokens[:-1]) <= _PARTICLES and (len(tokens) > 2 or name[0].islower()):
        return "", tokens[-1]  # "Van der Sypt", "de Blasio": a surname's particles, no first name
    if len(tokens) == 2 and tokens[0] in _SURNAME_ONLY_PARTICLES:
        return "", tokens[-1]  # "Le Pen", "Le Drian": the surname alone
    if len(tokens) == 3 and _SYLLABLE_NAME.fullmatch(name.strip()):
        return tokens[0], tokens[1] + tokens[2]  # "Kim Jong Un" is "Kim Jong-un"
    last = tokens[-1].replace("-", "") if _SYLLABLES_JOINED.fullmatch(name.split()[-1]) else tokens[-1]
    return (tokens[0].replace(".", "") if len(tokens) > 1 else ""), last  # "H.R." is "HR"


#: A family name and a given name of two syllables, each one short capitalised word, as Korean
#: names are written in English ("Kim Jong Un", "Ban Ki Moon", "Ri Yong Ho"); written joined
#: ("Kim Jong-un", "Ban Ki-moon") the given name is one word. Both key the given name joined.
_SYLLABLE = r"(?!(?:Al|El|Bin|Ibn|Abu|De|Da|Di|Du|Le|La|Van|Von)\b)[A-Z][a-z]{0,3}"
_SYLLABLE_NAME = re.compile(rf"{_SYLLABLE}\s+{_SYLLABLE}\s+{_SYLLABLE}")
_SYLLABLES_JOINED = re.compile(r"[A-Z][a-z]{0,3}-[a-z]{1,4}")


_VOWELS = re.compile(r"(?<=.)[aeiouy]+")
_DOUBLED = re.compile(r"(.)\1+")


def _skeleton(first: str) -> str:
    """A first name's consonants after its first letter, doubled letters as one: what its
    transliterations and misspellings share (Sergey, Sergei; Mohammed, Mohamed, Mohammad)."""
    return _VOWELS.sub("", _DOUBLED.sub(r"\1", first))


#: The share of a surname's documents a name and its nickname must hold to be one person.
_MOST_OF_A_SURNAME = 0.8


class GivenNames:
    """One person's first names joined within a surname.

    - Spellings (Sergey ~ Sergei Lavrov, Lindsey ~ Lindsay Graham, Diane ~ Dianne Feinstein): a
      spelling of at least five letters with the same consonants as one the corpus writes in more
      documents, at most two letters apart, never in a document that writes that one (a document
      naming both names two people) and not that one with another last vowel (Maria, Mario), is
      that one (``spelt``).
    - A nickname (Jim ~ James Mattis, Bill ~ William Barr): see ``_join_nicknames``.
    - A title or description left before a name ("Secretary-General Ban Ki-moon", "Executive Carrie
      Lam", "Mother Zubeidat Tsarnaeva"): a name whose first word is a title or a word the corpus
      mostly writes in lower case (``common``) is the person the corpus names by the first of its
      later words it also writes as a first name with that surname. A longer name that opens with
      a first name stays apart: its middle word may be a father's ("Salman Ramadan Abedi").

    ``keys`` maps (first name, surname root) to the documents naming it; ``inner`` maps each to
    the words, in order, that its names write between their first word and their surname."""

    def __init__(
        self,
        keys: dict[tuple[str, str], set[str]],
        inner: dict[tuple[str, str], set[tuple[str, ...]]],
        common: frozenset[str],
    ):
        by_root: dict[str, list[tuple[int, str]]] = {}
        for (first, root), docs in keys.items():
            if len(first) >= 5:
                by_root.setdefault(root, []).append((-len(docs), first))
        self.spelling: dict[tuple[str, str], str] = {}
        for root, firsts in by_root.items():
            firsts.sort()  # the most written first
            kept: dict[str, list[str]] = {}  # skeleton -> the spellings kept as persons
            for _, first in firsts:
                same = kept.setdefault(_skeleton(first), [])
                target = next(
                    (other for other in same if self._alike(first, other, keys[(first, root)], keys[(other, root)])),
                    None,
                )
                if target is None:
                    same.append(first)
                else:
                    self.spelling[(first, root)] = target
        self._join_nicknames(keys)
        self.person = dict(self.spelling)
        for (first, root), inners in sorted(inner.items()):
            if first not in common and not is_title(first):
                continue  # "Mohammad Javad Zarif", "Salman Ramadan Abedi": a first name, maybe a father's after it
            for words in sorted(inners):
                named = next((w for w in words if (w, root) in keys and w not in _PARTICLES), None)  # not "Bill de"
                if named is not None and self(named, root) != self(first, root):
                    self.person[(first, root)] = self(named, root)
                    break

    def _join_nicknames(self, keys: dict[tuple[str, str], set[str]]) -> None:
        """A first name and its nickname within a surname (Jim ~ James Mattis, Bill ~ William
        Barr; the nicknames library's table) are the one written in more documents, when the two
        hold most of the surname's documents (not Mike and Michael among a dozen Johnsons). A
        document may write both: a formal name and its nickname are one person's more often than
        two people's (Jim and James Mattis)."""
        firsts: dict[str, dict[str, set[str]]] = {}
        for (first, root), docs in keys.items():
            spelt = firsts.setdefault(root, {})
            spelt[self.spelt(first, root)] = spelt.get(self.spelt(first, root), set()) | docs
        for root, docs_of in firsts.items():
            if len(docs_of) < 2:
                continue
            every = len(set().union(*docs_of.values()))
            ordered = sorted(docs_of, key=lambda f: (-len(docs_of[f]), f))
            for k, first in enumerate(ordered):
                other = next((o for o in ordered[:k] if self.spelt(o, root) == o and nicknamed(first, o)), None)
                if other is not None and len(docs_of[first] | docs_of[other]) >= _MOST_OF_A_SURNAME * every:
                    for key, target in list(self.spelling.items()):  # its spellings follow it
                        if key[1] == root and target == first:
                            self.spelling[key] = other
                    self.spelling[(first, root)] = other

    @staticmethod
    def _alike(first: str, other: str, docs: set[str], other_docs: set[str]) -> bool:
        gendered = first[:-1] == other[:-1] and first[-1] in "aeiou" and other[-1] in "aeiou"
        near = Levenshtein.distance(first, other, score_cutoff=2) <= 2  # not Mahmoud, Mohammed
        return near and not gendered and not docs & other_docs

    def spelt(self, first: str, root: str) -> str:
        """The first name as the person's most written spelling, before longer names are joined."""
        return self.spelling.get((first, root), first)

    def __call__(self, first: str, root: str) -> str:
        return self.person.get((first, root), first)


_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "du", "dos", "das", "ter"})
#: Particles no English first name is spelt like, so that they open a surname capitalised too ("Le Pen").
_SURNAME_ONLY_PARTICLES = frozenset({"le", "la"})


WEEKDAYS = "|".join(calendar.day_name)  # stdlib, English locale by default
MONTHS = "|".join(calendar.month_name[1:])


@lru_cache(maxsize=200_000)
def names_a_place(name: str, shortest: int = 2) -> bool:
    """Whether ``shortest`` to three of the name's words together name a place, not a medium
    ('New York', 'South Korea'; with 1, 'Iraq' in 'In Iraq' too, but not 'Bloomberg'); cached,
    as names repeat."""
    phrases = gazetteer().phrases
    tokens = name.split()
    spans = (" ".join(tokens[a : a + k]) for k in range(shortest, 4) for a in range(len(tokens) - k + 1))
    return any(phrases[p].kind != "media" for p in spans if p in phrases)


WEEKDAY = re.compile(WEEKDAYS)


@lru_cache(maxsize=100_000)
def is_weekday(token: str) -> bool:
    return WEEKDAY.fullmatch(token.rstrip(".,’'s")) is not None


#: A compound noun capitalised only as its run's first word ("Seventh-grader", "Actor-director",
#: "Senator-elect"): a descriptor, where a hyphenated name capitalises both parts ("Al-Ahram").
_HYPHENATED_DESCRIPTOR = re.compile(r"[A-Z][a-z]*-[a-z]{2,}")


#: A member of Congress's party and state ("Sen. Bob Corker, R-Tenn., said"; "D-Ariz." without its comma).
PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*(?![\w-])")


@lru_cache(maxsize=200_000)
def name_in_run(run: str) -> str:
    """The name in a capitalised run: the words after its last title, side word or descriptor
    ('Iranian Foreign Ministry Spokesperson Nasser Kanaani' -> 'Nasser Kanaani'; 'Ambassador to
    the United Nations Nikki Haley' -> 'Nikki Haley'; 'Seventh-grader
    Mohammad Bilal' -> 'Mohammad Bilal', when two words follow it: 'Chung-in Moon' stays)."""
    places = gazetteer()
    tokens = run.replace("’s", "").replace("'s", "").split()
    if len(tokens) > 2 and PARTY_TAG.fullmatch(tokens[-1]):  # "Rep. Ruben Gallego D-Ariz.": no part of his name
        tokens.pop()
    last = -1
    for k, token in enumerate(tokens[:-1]):
        if (
            is_title(token)
            or (k < len(tokens) - 2 and _HYPHENATED_DESCRIPTOR.fullmatch(token))
            or token in places.phrases
            or all(part in places.phrases for part in token.split("-"))
            or token in ("Ministry", "Department", "Office", "Council", "to", "of", "for", "the")
            or any(" ".join(tokens[j : k + 1]) in places.phrases for j in range(max(0, k - 2), k))
            or (token.isupper() and len(token) > 2 and not _INITIALS.fullmatch(token))
        ):  # "JUST WATCHED Obama": a video caption's label
            last = k
    return strip_titles(" ".join(tokens[last + 1 :]))


def written_full_name(run: str, common: frozenset[str]) -> str:
    """The full name of a person a capitalised run in a statement writes ('Kremlin spokesman
    Dmitry Peskov' -> 'Dmitry Peskov'), else '': two to four plain capitalised words, none a
    place, a weekday or a word the corpus mostly writes in lower case; after a title the surname
    may be such a word ('Prime Minister Theresa May')."""
    if " " not in run:
        return ""
    name = name_in_run(run)
    tokens = name.split()
    phrases = gazetteer().phrases
    titled = is_title(run.split()[0]) and name != run
    if (
        2 <= len(tokens) <= 4
        and not ORG_WORDS.search(name)
        and name not in phrases
        and all(_PLAIN_NAME.fullmatch(_unaccented(t)) for t in tokens)  # "François Molins"
        and not any(t in phrases or is_weekday(t) for t in tokens)
        and not any(t.lower() in common for t in tokens[: -1 if titled else None])
        and not names_a_place(name)
        and not a_region(name)
        and not _INITIAL.fullmatch(tokens[-1])  # "New York F." (of "F.B.I.")
    ):
        return name
    return ""


#: Function words that open a sentence with a capital ("But Jeffrey Lewis of ...", "Whether Sanders").
OPENERS = frozenset({
    "but", "and", "or", "nor", "so", "yet", "still", "then", "now", "also", "meanwhile", "however", "instead",
    "even", "only", "when", "whenever", "while", "whether", "if", "as", "because", "although", "though", "after",
    "before", "since", "until", "unless", "once", "like", "indeed", "perhaps", "finally", "again",
})  # fmt: skip
OPENER_INITIALS = frozenset(word[0].upper() for word in OPENERS)


def without_sentence_opener(run: str) -> str:
    """A run without the capitalised function words that open its sentence ("But Jeffrey Lewis"
    -> "Jeffrey Lewis"); its last word stays."""
    words = run.split()
    while len(words) > 1 and words[0].lower() in OPENERS:
        words = words[1:]
    return " ".join(words)


#: A compass word first or a continent last makes a name a region ("Western Europe", "Central Asia",
#: "Latin America"), not a person with a surname "Europe" that "Death to America" would name.
_COMPASS = frozenset(["Western", "Eastern", "Northern", "Southern", "North", "South", "East", "West"])
_CONTINENTS = frozenset(
    ["Africa", "America", "Americas", "Asia", "Europe", "Oceania", "Antarctica", "Arctic", "Eurasia"]
)


PREPOSITIONS = frozenset(["In", "On", "At", "By", "For", "From", "During", "After", "Before", "Since", "Until", "With"])


#: Months that are no given names either: as a name's last word, a date ("the Trump October surprise").
_MONTHS = frozenset(calendar.month_name[1:]) - {"April", "May", "June", "August"}


def a_region(name: str) -> bool:
    """A region ('Western Europe'), a circumstance ('In July') or a date ('Trump October'): no
    person's name."""
    tokens = name.split()
    return len(tokens) >= 2 and (
        tokens[0] in _COMPASS
        or tokens[0] in PREPOSITIONS
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
        and not any(is_title(t) or t in gazetteer().phrases or t in ("The", "A") for t in tokens[:-1])
    )


def _person_like(name: str, common: set[str]) -> bool:
    """A name shaped like a person's: a few words, no organisation word, not a title (but a surname
    that is one after a given name: 'Julie Bishop', 'Angus King'), not all common words, no weekday
    ('Twitter Saturday')."""
    tokens = name.split()
    return bool(
        tokens
        and not ORG_WORDS.search(name)
        and len(tokens) <= 4
        and (not is_title(tokens[-1]) or _surname_title(tokens))
        and not all(t.lower() in common for t in tokens)
        and not any(is_weekday(t) for t in tokens)
        and not a_region(name)
    )
