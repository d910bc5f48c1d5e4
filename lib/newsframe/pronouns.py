"""Pronouns and relatives resolved to the nearest compatible named speaker of their document, or
to none."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from .mentions import KIN_WORDS, OTHER, PARTY_MEMBERS, Mention, classify, side_shaped
from .names import (
    DETERMINERS,
    NAME_RUN,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVES,
    THING_PRONOUNS,
    UNNAMED,
    UNRESOLVABLE,
    _person_like,
)
from .sides import MEDIA, US_PARTIES, gazetteer
from .source_noise import IRREGULAR_PAST_WORD

_RECENT = 6  # statements back that "it" or "they" may reach
_RECENT_PERSON = 12  # and "he" or "she": news keeps one person in focus for paragraphs
#: Statements back that "the Ohio Republican" may reach: written to tell apart people named just
#: before, and a quotation of several paragraphs before it counts each.
_RECENT_MEMBER = 8


@dataclass(frozen=True)
class Rows:
    """The statements of the corpus pass, row by row: what pronoun resolution reads (the first five)
    and writes (the outputs and kinds it fills in)."""

    mentions: list
    sources: list[str]
    texts: list[str]
    doc_ids: list[str]
    named_at: list  # per row: (position, person) of each person named outside a quotation
    out_speaker: list[str]
    out_group: list[str]
    kinds: list[str]  # person | thing | plural | agent | "", for the next pronoun


@dataclass(frozen=True)
class People:
    """What the corpus pass knows of persons and sides, for naming a pronoun's antecedent."""

    person_name: Callable  # person -> canonical name
    person_side: Callable  # person -> side
    groups: Callable  # side -> the codebook's group for it
    known: dict  # the codebook's actors by name
    common: frozenset[str]  # words the corpus mostly writes in lower case
    key_of: Callable  # (document, name) -> person
    gender_of: Callable  # person -> "he", "she" or ""
    parties: Callable  # person -> the parties ("Republican", "Democrat") the corpus's descriptions name


def resolve_pronouns(rows: Rows, people: People) -> None:
    """Pronouns and relatives, in document order: the nearest compatible named speaker or none
    ("he" never goes to a person the corpus calls Ms. or Mrs., nor "she" to a Mr.)."""
    mentions, sources, texts, doc_ids = rows.mentions, rows.sources, rows.texts, rows.doc_ids
    out_speaker, out_group, kinds = rows.out_speaker, rows.out_group, rows.kinds
    person_name, person_side, groups = people.person_name, people.person_side, people.groups
    known, common, key_of, gender_of = people.known, people.common, people.key_of, people.gender_of
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
            and word in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
            and (word in PERSON_PRONOUNS) == (known[current].kind == "person")
        ):
            kinds[i] = "person" if known[current].kind == "person" else "thing"
            continue
        target = None
        if word in RELATIVES:
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
                    own = antecedent.name if side_shaped(antecedent.name) else ""
                    target = (antecedent.name, groups(antecedent.side or own))
                elif antecedent.kind == "source":
                    target = (
                        UNNAMED + DETERMINERS.sub("", antecedent.name),
                        groups(antecedent.side) if antecedent.side else MEDIA,
                    )

        def fits(name, i=i, word=word):
            person = name if isinstance(name, tuple) else key_of(doc_ids[i], name)
            noun = "" if isinstance(name, tuple) else _NOUN_GENDER.get(name.rsplit(None, 1)[-1].lower(), "")
            return _PRONOUN_GENDER.get(word, "") in ("", noun or gender_of(person) or _PRONOUN_GENDER[word])

        if word in PARTY_MEMBERS:  # "the Ohio Republican": the nearest person the corpus calls one, else unnamed
            party = word.split()[-1]
            fits_party = partial(_of_party, party=party, i=i, rows=rows, people=people)
            target = _nearest(i, "person", fits_party, rows, people, reach=_RECENT_MEMBER)
            out_speaker[i], out_group[i] = target or (UNNAMED + DETERMINERS.sub("", sources[i]), groups(mention.side))
            kinds[i] = "person"
            continue
        raw = _raw_person(current, common, lambda name, i=i: key_of(doc_ids[i], name))
        if word in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            # the corpus pass knows every earlier speaker as a person or not (attribution's own
            # history without a codebook knows only full names, so it skips "the Texas congressman"
            # to a person named before him); attribution's pick is the fallback
            want = "person" if word in PERSON_PRONOUNS else "thing" if word in THING_PRONOUNS else "plural"
            target = _nearest(i, want, fits, rows, people)
        if not target and word in PERSON_PRONOUNS and raw and fits(raw):
            target = _person_target(raw, person_name, person_side, groups, lambda name, i=i: key_of(doc_ids[i], name))
        if target and mention.agent and _person_like(target[0], common):  # "his lawyer": for his side
            name, group = target
            kin = KIN_WORDS.fullmatch(mention.agent)
            out_speaker[i], out_group[i] = f"{name}’s {mention.agent}", OTHER if kin else group
            kinds[i] = "agent"  # no antecedent for the next pronoun
        elif target:
            out_speaker[i], out_group[i] = target
            kinds[i] = "person" if word in PERSON_PRONOUNS else "thing"
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
        if words[k - 1].endswith("ed") or IRREGULAR_PAST_WORD.fullmatch(words[k - 1]):
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
    runs = list(NAME_RUN.finditer(before))
    if runs and runs[-1].end() == len(before):
        named = classify(runs[-1].group(), common)
        if named.kind == "person":
            return named
    last_phrase = _LAST_PHRASE.search(before)
    return classify(last_phrase.group("np"), common) if last_phrase else Mention("none")


def _raw_person(speaker: str, common: set[str], key_of) -> str:
    """The person's full name when attribution resolved a pronoun to a named person, else ''
    (a surname alone is left to the corpus pass, which sees every statement's resolved speaker)."""
    if not speaker or speaker.lower() in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | UNRESOLVABLE:
        return ""
    mention = classify(speaker, common)
    if mention.kind != "person":
        return ""
    return mention.name if " " in mention.name else ""


def _person_target(name, person_name, person_side, groups, key_of):
    """(speaker, group) of a person named in the text ('Trump, who said' -> Donald Trump)."""
    person = key_of(name)
    return (name, groups("")) if not person[0] else (person_name(person), groups(person_side(person)))


def _of_party(name, party: str, i: int, rows: Rows, people: People) -> bool:
    """Whether the corpus describes a person (or a speaker's name) as a member of ``party``; an
    unnamed speaker, whether its words say so ("One former Republican Cabinet official")."""
    if isinstance(name, str) and (name.startswith(UNNAMED) or name[:1].islower()):
        return any(US_PARTIES.get(word) == party for word in _WORD.findall(name))
    person = name if isinstance(name, tuple) else people.key_of(rows.doc_ids[i], name)
    return bool(person[0]) and party in people.parties(person)


_WORD = re.compile(r"\w+")


def _nearest(i, want, fits, rows: Rows, people: People, reach: int | None = None):
    """The closest earlier speaker (or, for a person, named person) of the same document. A
    sentence whose subject is itself a pronoun ("He also took aim at Harry Reid, who he said")
    names only objects: the pronoun's person is found before it."""
    doc_ids, kinds, out_speaker, out_group = rows.doc_ids, rows.kinds, rows.out_speaker, rows.out_group
    named_at, texts, sources = rows.named_at, rows.texts, rows.sources
    person_name, person_side, groups = people.person_name, people.person_side, people.groups
    at = texts[i].find(sources[i]) + len(sources[i]) if sources[i] else 0
    if _SUBJECT_PRONOUN.match(texts[i]) or sources[i] and _set_in(texts[i], sources[i]):
        at = 0
    reach = reach or (_RECENT_PERSON if want == "person" else _RECENT)
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
#: The words after a source that close an attribution set between commas (" added,", " told
#: reporters,", " said in a statement,").
_CUE_THEN_COMMA = re.compile(r"\s+(?:[a-z]+\s+){0,3}[a-z]+,")


def _set_in(text: str, source: str) -> bool:
    """Whether a source and its cue are set between commas into the reported words ("If Trump
    wins, he added, the president ..."): the names before it are the words', not the speaker's."""
    at = text.find(", " + source + " ")
    return at >= 0 and bool(_CUE_THEN_COMMA.match(text, at + 2 + len(source)))


#: A finite verb in a phrase: an auxiliary, or a past tense first or after a name ("echoed the
#: testimony of", "Tsarnaev's arrest stunned"; not "the retired general").
_CLAUSE_VERB = re.compile(
    r"\s(?:will|would|is|are|was|were|has|have|had|did|does|can|could|may|might|should|must)\s"
    r"|(?:^|[A-Z][\w’'.-]*\s+|[a-z]+['’]s\s+[a-z]+\s+)[a-z]+ed\b"
)
_LAST_PHRASE = re.compile(r"\s(?:from|with|by|among|of|to|for|at|on|in|like)\s+(?P<np>[^,]+)$")
_CLAUSE_MARK = re.compile(r"[;:“”\"]")
_PRONOUN_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}
#: Nouns that say whether an unnamed person is a he or a she ("One woman said ... he said" is
#: someone else).
_NOUN_GENDER = {
    "man": "he", "woman": "she", "boy": "he", "girl": "she", "mother": "she", "father": "he",
    "spokesman": "he", "spokeswoman": "she", "congressman": "he", "congresswoman": "she",
}  # fmt: skip
