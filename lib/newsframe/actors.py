"""Who a speaker mention refers to: canonical speaker and group, via the codebook.

Articles name one actor many ways ("Kremlin spokesman Dmitry Peskov", "Peskov", "the Kremlin")
and misspell names ("Kanani" for Kanaani). Comparing outlets needs one name per actor, so a
mention is resolved in order of confidence: a person named exactly, a person named with a
spelling variant (rapidfuzz), an unnamed source reached through a news organisation, an
institution or country named exactly, a news organisation, then an unnamed source on its own.
Everything is compiled once per codebook (``index_for``) because this runs per statement.
"""

from __future__ import annotations

import calendar
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .codebook import Codebook
from .first_names import nicknamed

#: Similarity (0-100, rapidfuzz ratio) above which a capitalised name is taken as a spelling
#: variant of a codebook person. 88 joins Kanani/Kanaani (92) but not Kerry/Kirby (80).
FUZZY_THRESHOLD = 88
_CACHE_SIZE = 100_000  # resolved mentions kept per codebook index


#: An unnamed source described by whom it is close to ("a person close to Obama", "sources close to
#: the negotiations", "a senior official close to Hagel"): the one named is not who speaks.
CLOSE_TO = re.compile(
    r"(?:(?:an?|one|two|three|some|several|other|the|many)\s+)?(?:[\w-]+\s+){0,3}"
    r"(?P<head>person|people|sources?|insiders?|friends?|aides?|officials?|associates?|advis[eo]rs?|figures?|members?)\s+"
    r"(?:(?:very|who\s+is|who\s+are)\s+)?close\s+to\s+\S",
    re.I,
)


@dataclass(frozen=True)
class Speaker:
    name: str
    group: str = ""
    kind: str = ""  # person | institution | country | media | source ("" when unknown)
    role: str = ""
    plural: bool = False


# General English: nouns that make a mention an unnamed source, and words that say it came
# through a news organisation.
_SOURCE_NOUNS = (
    r"sources?|officials?|diplomats?|insiders?|people|persons?|individuals?|reports?|"
    r"analysts?|experts?|journalists?|reporters?|witness(?:es)?|aides?|advisers?|advisors?|"
    r"spokes(?:man|men|woman|women|person|people)|representatives?|officers?|members?"
)
_SOURCE_HEAD = re.compile(rf"\b(?:{_SOURCE_NOUNS})\b", re.I)
_DROP_WORDS = re.compile(
    r"^(?:(?:a|an|the|some|several|many|two|three|four|five|few|multiple|numerous|other|"
    r"unidentified|unnamed|anonymous|prominent|well-placed|informed)\s+)+",
    re.I,
)
_TRAILING_CLAUSE = re.compile(r"\s*(?:,|\bwho\b|\bwhich\b|\bthat\b|\bspeaking\b|\bfamiliar\b).*$", re.I | re.S)
_NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|da|van|von|bin|al|el|ibn))*")
_DETERMINER = re.compile(r"^(?:the|this|that|these|those|a|an|its|his|her|their)\s+", re.I)
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_THING_PRONOUNS = {"it", "its"}
_PLURAL_PRONOUNS = {"they", "them"}
PRONOUNS = _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,5}$")
_GENERATION = re.compile(r"\b(?:Jr|Sr)\.?$")
#: The capitalised word right before or after a name, where another person's name would go on.
_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][\w’'-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Z][\w’'.-]*)")
#: Capitalised words next to a name that are no part of another's: a sentence's opening word,
#: an honorific, a function word, a verb of saying, a day or a month.
_NOT_A_NAME = frozenset(
    {
        "mr", "mrs", "ms", "dr", "sir", "lady", "lord", "dame", "but", "and", "as", "if", "when", "while",
        "although", "though", "after", "before", "so", "yet", "then", "now", "also", "still", "however",
        "meanwhile", "in", "on", "at", "for", "of", "to", "from", "by", "with", "said", "says", "the", "a",
        "an", "this", "that", "his", "her", "its", "their", "should", "would", "could", "can", "will",
        "did", "does", "do", "has", "had", "have", "is", "was", "were", "why", "how", "what", "where",
        "who", "earlier", "later", "today", "yesterday", "tonight",
    }
    | {day.lower() for day in calendar.day_name}
    | {month.lower() for month in calendar.month_name if month}
)  # fmt: skip
_TITLE_WORDS = re.compile(
    rf"^(?:(?:{_SOURCE_NOUNS}|president|vice|prime|minister|secretary|senator|sen\.|rep\.|gov\.|governor|"
    r"mr\.|mrs\.|ms\.|dr\.|gen\.|general|chief|chairman|chairwoman|director|ambassador|envoy|"
    r"candidate|former|deputy|state|foreign|defense|press|spokesperson)\s+)+",
    re.I,
)


def trie_pattern(words, char=re.escape, not_after: str = "") -> str:
    """One regex alternation for many literal words, shared prefixes factored out.

    Python's regex engine tries a flat alternation word by word at every position; a trie
    lets it reject a position after a character or two, which is what makes matching a whole
    codebook (or a verb list) per statement cheap. ``not_after``, a character class, is a
    look-behind put after each word's first character ("a(?<![\\w-]a)..."), which matches what
    ``(?<![\\w-])`` before the trie matches: a pattern that opens with a look-behind is tried at
    every position, one that opens with its first characters only where they occur.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, first: bool = False) -> str:
        alternatives = [
            char(ch) + (f"(?<!{not_after}{re.escape(ch)})" if first and not_after else "") + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie, first=True)


class Caseless:
    """A case-insensitive pattern. On ASCII text it matches the text lower-cased with a
    case-sensitive twin: the same spans, about twice as fast (``re.I`` compares every character
    case-blind). A match's group is then lower-cased: read what was written from the text, by span.
    The twin is made only of a pattern that writes no upper-case letter and no other character
    with case (its escapes aside), so that lower-casing the text is all ``re.I`` did."""

    __slots__ = ("pattern", "_twin")

    def __init__(self, source: str):
        self.pattern = re.compile(source, re.I)
        unescaped = re.sub(r"\\.|\(\?P(?:<\w+>|=\w+\))", "", source)  # escapes and group names have no case
        caseless = "(?-" not in source and all(c.islower() and c.isascii() or c.lower() == c.upper() for c in unescaped)
        self._twin = re.compile(source) if caseless else None

    def prepared(self, text: str) -> tuple[re.Pattern, str]:
        """The pattern to match and the text to match it in, for many searches of one text."""
        if self._twin is not None and text.isascii():
            return self._twin, text.lower()
        return self.pattern, text

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        pattern, text = self.prepared(text)
        return pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        pattern, text = self.prepared(text)
        return pattern.finditer(text, pos, endpos)

    def fullmatch(self, text: str) -> re.Match | None:
        pattern, text = self.prepared(text)
        return pattern.fullmatch(text)


#: What a statement says before the medium that carried it ("told CNN", "quoted by Reuters").
_VIA = Caseless(
    trie_pattern(
        ("spoke to", "speaking to", "told", "talking to", "interview with", "briefed", "quoted by", "cited by"),
        not_after=r"\w",
    )
    + r"(?!\w)"
)


def _alias_char(ch: str) -> str:
    return {"'": "['’]", " ": r"\s+", "-": r"[-\s]"}.get(ch, re.escape(ch))


def _alias_pattern(alias: str) -> str:
    """Case-insensitive, except acronym words (US, NATO), which would otherwise match 'us'."""
    words = []
    for word in alias.split():
        escaped = "".join(_alias_char(ch) for ch in word.replace("’", "'"))
        words.append(escaped if _ACRONYM.match(word) else f"(?i:{escaped})")
    return r"\s+".join(words)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("-", " ")).strip().lower()


_SUFFIXES = ("ians", "ian", "ans", "ies", "ia", "an", "es", "s", "e", "a")


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """Crude word stems so that 'Iranian envoy' meets Iran and 'spokesperson' meets 'spokesman'."""
    stems = set()
    for word in re.findall(r"[a-z]{3,}", text.lower()):
        if word.startswith("spokes"):
            stems.add("spokes")
            continue
        if word in ("the", "for", "and", "with", "from"):
            continue
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        stems.add(word)
    return frozenset(stems)


class ActorIndex:
    """Alias, outlet and fuzzy-name matchers for one codebook."""

    def __init__(self, codebook: Codebook):
        self.empty = codebook.is_empty
        self._by_key: dict[str, Speaker] = {}
        patterns = []
        for actor in codebook.actors:
            speaker = Speaker(actor.name, actor.group, actor.kind, actor.role)
            for alias in (actor.name, *actor.aliases):
                self._by_key.setdefault(_key(alias), speaker)
                patterns.append(alias)
        for outlet in codebook.media:
            speaker = Speaker(outlet.name, "Media", "media")
            for alias in (outlet.name, *outlet.aliases):
                self._by_key.setdefault(_key(alias), speaker)
                patterns.append(alias)
        # One case-insensitive trie for speed; aliases with acronyms are re-checked for case.
        body = trie_pattern({" ".join(p.replace("’", "'").lower().split()) for p in patterns}, _alias_char)
        self._aliases = Caseless(rf"(?<![\w-])(?:{body})(?:['’]s)?(?![\w-])") if patterns else None
        self._case_checks = {
            _key(p): re.compile(_alias_pattern(p) + r"(?:['’]s)?")
            for p in patterns
            if any(_ACRONYM.match(w) for w in p.split())
        }
        # A one-word name is a name only capitalised: "Time" the magazine, not "at the same time".
        self._capitalised = {_key(p) for p in patterns if " " not in p.strip() and p[:1].isupper()}
        self._person_keys = {}
        for actor in codebook.actors:
            if actor.kind == "person":  # surnames join the fuzzy choices: "Kanani" ~ "Kanaani"
                for alias in (actor.name.split()[-1], actor.name, *actor.aliases):
                    self._person_keys.setdefault(_key(alias), self._by_key[_key(actor.name)])
        self._person_choices = list(self._person_keys)
        persons = [a for a in codebook.actors if a.kind == "person"]
        # each person's words and first names, for telling their name from another's around it
        self._own_words = {a.name: {_key(w) for alias in (a.name, *a.aliases) for w in alias.split()} for a in persons}
        self._first_names = {
            a.name: {_key(alias.split()[0]) for alias in (a.name, *a.aliases) if " " in alias.strip()} for a in persons
        }
        # Resolution depends only on the mention and the outlets its statement names; news
        # repeats mentions ("he", "Peskov", "the ministry"), so results are kept per index.
        self._resolved: dict[tuple[str, tuple[Speaker, ...]], Speaker] = {}
        self._names: dict[str, bool] = {}

    def names_actor(self, text: str) -> bool:
        """Does ``text`` (a short mention) name any codebook actor or outlet?"""
        named = self._names.get(text)
        if named is None:
            if len(self._names) >= _CACHE_SIZE:
                self._names.clear()
            named = self._names[text] = bool(self.mentions(text))
        return named

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Speaker]]:
        """Every codebook actor or outlet named in ``text[start:end]``, left to right."""
        if self._aliases is None:
            return []
        found = []
        for m in self._aliases.finditer(text, start, len(text) if end is None else end):
            written = text[m.start() : m.end()]
            key = _key(written)
            if key not in self._by_key:
                key = _key(re.sub(r"['’]s$", "", written))
            check = self._case_checks.get(key)
            if key in self._capitalised and written[:1].islower():
                continue
            if key in self._by_key and (check is None or check.fullmatch(written)):
                found.append((m.start(), m.end(), self._by_key[key]))
        return found

    def fuzzy_person(self, name: str) -> Speaker | None:
        if not self._person_choices or len(name) < 4:
            return None
        best = process.extractOne(_key(name), self._person_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if best and best[0][0] == _key(name)[0]:
            return self._person_keys[best[0]]
        return None

    def resolve(self, mention: str, context: str = "") -> Speaker:
        """The speaker a source mention names; ``context`` (the statement) can reveal 'via CNN'."""
        key = (mention.strip(" ,;:“”\"'"), tuple(self._via_outlet(context)))
        speaker = self._resolved.get(key)
        if speaker is None:
            if len(self._resolved) >= _CACHE_SIZE:
                self._resolved.clear()
            speaker = self._resolved[key] = self._resolve(*key)
        return speaker

    def _resolve(self, mention: str, context_outlets: tuple[Speaker, ...]) -> Speaker:
        close = CLOSE_TO.match(mention) and _SOURCE_HEAD.search(mention)
        if close:  # "a person close to Obama": not Obama
            return self._unnamed(mention, close, list(context_outlets))
        found = [
            (a, b, s)
            for a, b, s in self.mentions(mention)
            if s.kind != "person" or not self._within_another_name(mention, a, b, s)
        ]
        named_first = _NAMED_FIRST.match(mention)
        if named_first and found and found[0][0] >= named_first.end("name"):
            # "Mark Dubowitz of the ..., a think tank that studies Iran", "Schiff, who wants Mueller
            # to": a person the codebook does not list, described by words that name its actors
            return self._raw(named_first.group("name"))
        persons = [(a, b, s) for a, b, s in found if s.kind == "person"]
        if persons:
            a, b, first = persons[0]
            opens = a <= len(mention) - len(_TITLE_WORDS.sub("", mention))  # titles aside, it opens the source
            if opens and _DESCRIBED_AFTER.match(mention, b):  # "Schiff, who wants Mueller to": Schiff
                return first
            return persons[-1][2]  # "a spokesman for Putin, Dmitry Peskov": Peskov
        for run in _NAME_RUN.findall(mention):
            words = run.split()
            for k, candidate in enumerate((run, *words[-2:])):
                if _GENERATION.search(candidate):
                    continue  # "Donald Trump Jr" is not his father, however close the spelling
                person = self.fuzzy_person(candidate)
                at = run.rfind(candidate) if k else 0
                if person and not (k and self._within_another_name(run, at, at + len(candidate), person)):
                    return person
        rest = mention[found[-1][1] :] if found else ""
        runs = _NAME_RUN.findall(rest)
        if (
            runs
            and rest.rstrip().endswith(runs[-1])
            and len(_TITLE_WORDS.sub("", runs[-1]).split()) >= 2
            and not _PLACE_BEFORE.search(rest[: rest.rfind(runs[-1])])  # "... to the UN in New York"
        ):
            # "White House press secretary Sean Spicer", "Iran's Foreign Minister Mohammad Javad
            # Zarif": a person the codebook does not list, after a title naming its actor
            return self._raw(mention)
        actors = [s for _, _, s in found if s.kind != "media"]
        outlets = [s for _, _, s in found if s.kind == "media"]
        head = _SOURCE_HEAD.search(_TRAILING_CLAUSE.sub("", mention) or mention)
        if head and not _ends_with_name(mention):
            via = outlets or list(context_outlets)
            if via or not actors:
                return self._unnamed(mention, head, via)
        if actors:
            return actors[0]
        if outlets:
            return outlets[0]
        return self._raw(mention)

    def _within_another_name(self, text: str, start: int, end: int, person: Speaker) -> bool:
        """Whether a codebook person's name found at ``text[start:end]`` is part of another
        person's: a first name before it ("Jeh Johnson", "Bill Clinton" for Boris Johnson or
        Hillary Clinton) that is no title, function word or word of the person's own names, nor
        shares an initial or nickname with its first name ("President Trump", "Mohammad Javad
        Zarif", "Rudolph Giuliani"), or a generation after it ("Donald Trump Jr")."""
        own = self._own_words[person.name]

        after = _WORD_AFTER.match(text, end)
        if after and _GENERATION.fullmatch(after.group(1)):
            return True  # "Donald Trump Jr"
        before = _WORD_BEFORE.search(text, 0, start)
        if before is None or _key(before.group(1)) in own or before.group(1).lower().rstrip(".") in _NOT_A_NAME:
            return False
        if _TITLE_WORDS.match(before.group(1) + " "):
            return False
        middle = _WORD_BEFORE.search(text, 0, before.start())
        if middle is not None and _key(middle.group(1)) in own:
            return False  # "Sarah Huckabee Sanders": a middle name
        word = _key(before.group(1))
        firsts = self._first_names[person.name]
        return not any(word[:1] == w[:1] or nicknamed(word, w) for w in firsts)  # "Rudolph", "Bill": a spelling

    def _via_outlet(self, context: str) -> list[Speaker]:
        """Outlets a statement names after "via"; the last statement's answer is kept, as every
        source of one long statement asks again (which made attribution quadratic in its length)."""
        last = getattr(self, "_last_via", None)
        if last is not None and last[0] is context:
            return last[1]
        outlets = []
        if context and _VIA.search(context):
            outlets = [s for _, _, s in self.mentions(context) if s.kind == "media"]
        self._last_via = (context, outlets)
        return outlets

    def _unnamed(self, mention: str, head: re.Match, via: list[Speaker]) -> Speaker:
        core = _DROP_WORDS.sub("", mention)
        core = re.sub(r"\s+who\b.*$|,.*$|\s+(?:speaking|familiar)\b.*$", "", core, flags=re.S).strip()
        if _SOURCE_HEAD.fullmatch(core.split()[0] if core.split() else ""):
            core = core[:1].lower() + core[1:]
        name = f"unnamed {core}" + (f" (via {via[0].name})" if via else "")
        plural = head.group().lower().endswith(("s", "people", "men", "women"))
        group = "" if self.empty else "Media"
        return Speaker(name, group, "source", core, plural)

    def _raw(self, mention: str) -> Speaker:
        """An unknown speaker as written, without titles: the trailing proper name if any."""
        clean = _DETERMINER.sub("", mention)
        runs = _NAME_RUN.findall(clean)
        name = clean
        kind = ""
        if runs and clean.endswith(runs[-1]) and len(_TITLE_WORDS.sub("", runs[-1]).split()) >= 2:
            name, kind = _TITLE_WORDS.sub("", runs[-1]), "person"
        elif "," in clean:
            name = clean.split(",")[0].strip()
            kind = "person" if _NAME_RUN.fullmatch(name) and len(name.split()) >= 2 else ""
        return Speaker(name, "" if self.empty else "Other", kind, clean, clean.lower().endswith("s") and not kind)


_PLACE_BEFORE = re.compile(r"\b(?:in|at|of|from|for|to|on|near|outside)\s+(?:the\s+)?$", re.I)  # a place's name follows
_DESCRIBED_AFTER = re.compile(r"\s*(?:,|\s(?:of|at|from|who)\s)")  # a description follows a name
#: A source that opens with a person's name and goes on to describe them: two capitalised words or
#: more (titles aside) before a comma or "of"/"at"/"from", or one before ", who".
_NAMED_FIRST = re.compile(
    r"(?P<name>(?:[A-Z][\w’'.-]*\s+)+[A-Z][\w’'-]*(?=,|\s+(?:of|at|from)\s)|[A-Z][\w’'-]*(?=,\s+who\s))"
)


def _ends_with_name(mention: str) -> bool:
    last = re.findall(r"[\w’'.-]+", _TRAILING_CLAUSE.sub("", mention) or mention)
    return bool(last) and last[-1][:1].isupper() and not _SOURCE_HEAD.fullmatch(last[-1])


def refers_to(reference: str, speaker: Speaker) -> int:
    """How well a definite description ('the Iranian envoy') fits an earlier speaker (0 = not)."""
    return len(_stems(reference) & _stems(f"{speaker.name} {speaker.role} {speaker.group}"))


def pronoun_fits(pronoun: str, speaker: Speaker) -> bool:
    pronoun = pronoun.lower()
    if pronoun in _PERSON_PRONOUNS:
        return speaker.kind == "person" or (speaker.kind == "source" and not speaker.plural)
    if pronoun in _THING_PRONOUNS:
        return speaker.kind in ("institution", "country", "media") or (speaker.kind == "" and not speaker.plural)
    return speaker.plural or speaker.kind in ("institution", "country")


_INDEXES: dict[int, tuple[Codebook, ActorIndex]] = {}


def index_for(codebook: Codebook) -> ActorIndex:
    """The ActorIndex of a codebook, built once and reused, also for an equal copy (a process
    pool unpickles the codebook afresh for every document)."""
    cached = _INDEXES.get(id(codebook))
    if cached is not None and cached[0] is codebook:
        return cached[1]
    index = next((i for cb, i in _INDEXES.values() if cb == codebook), None) or ActorIndex(codebook)
    if len(_INDEXES) >= 64:
        _INDEXES.clear()
    _INDEXES[id(codebook)] = (codebook, index)
    return index


def resolve_speaker(mention: str, codebook: Codebook, context: str = "") -> tuple[str, str]:
    """(canonical speaker, speaker_group) for a mention such as 'Kremlin spokesman Dmitry Peskov'."""
    speaker = index_for(codebook).resolve(mention, context)
    return speaker.name, speaker.group
