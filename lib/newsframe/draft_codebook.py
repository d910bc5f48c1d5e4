"""A draft codebook from a corpus nobody has coded: ``newsframe codebook --corpus X --out draft.yml``.

The loop a researcher follows: run without a codebook, draft one from what the text says, edit
it (merge, rename, override sides, sharpen the claim), rerun with it. The draft lists the most
quoted speakers with the side the text gives them and the name variants merged into them, the
news media cited, and a suggested claim sentence; counts and an example sentence are comments,
so the file stays a valid codebook that a person reads and edits.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd
import yaml
from rapidfuzz import fuzz

from .actors import PRONOUNS
from .attribution import attribute
from .clean import clean_corpus
from .codebook import Codebook
from .corpus import load_corpus
from .names import DETERMINERS, MONTHS, UNNAMED, WEEKDAYS, fold, is_title, name_in_run
from .sides import PARTY_WORDS, POSSESSIVE, gazetteer
from .statements import extract_statements

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]{2,}")
_STOP = {
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "have",
    "has",
    "had",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "should",
    "about",
    "after",
    "before",
    "into",
    "over",
    "than",
    "then",
    "them",
    "they",
    "their",
    "there",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "been",
    "being",
    "says",
    "said",
    "say",
    "told",
    "amid",
    "also",
    "more",
    "most",
    "just",
    "only",
    "very",
    "its",
    "it's",
    "not",
    "but",
    "our",
    "out",
    "new",
    "one",
    "two",
    "three",
}


def _quote(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, width=10_000, default_style='"').strip()


def _example(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind(name: str) -> str:
    places = gazetteer()
    place = places.phrases.get(name)
    if place is not None and place.kind in ("country", "capital"):
        return "country"
    return "person" if re.fullmatch(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}", name) and not place else "institution"


def _aliases(frame: pd.DataFrame, name: str, person: bool) -> list[str]:
    """Name variants the text used for a speaker ('Mr. Trump', 'President Trump' -> 'Trump',
    'Nasser Kanani'): forms every word of which is a word of the name or spelt within an edit or so
    of one; not a title alone ('President'), a day, a place or a party the source also held, nor a
    possessive. One word stands for a person (a surname), not for a body ('House' of 'White House'),
    and never a month's or a day's ('May'). A country is also every name the place list gives it
    that the text used ('U.S.', 'Moscow', 'Turkey'; not a party's: 'GOP'): the run without a
    codebook merged them, and a rerun with the draft unedited must too (not a title: 'Congressman')."""
    places = gazetteer()
    forms = Counter()
    for source in frame["source_text"]:
        head = DETERMINERS.sub("", re.split(r",|\s+who\b", str(source))[0].strip())
        if head and head[:1].isupper() and len(head.split()) <= 6 and head.split()[-1][:1].isupper():
            head = POSSESSIVE.sub("", name_in_run(head) if " " in head else head)
            one_word = " " not in head
            place = places.phrases.get(head)
            if head == name or head.lower() in PRONOUNS:
                continue
            a_name_of_the_country = place is not None and place.kind in _COUNTRY_NAMES and place.side == name
            if (a_name_of_the_country and head not in PARTY_WORDS and not is_title(head)) or (
                _spells_the_name(head, name)
                and not (one_word and (not person and not head.isupper() or _CALENDAR_WORD.fullmatch(head)))
            ):
                forms[head] += 1
    return [form for form, _ in forms.most_common(6)]


_CALENDAR_WORD = re.compile(f"{WEEKDAYS}|{MONTHS}")
_COUNTRY_NAMES = ("country", "capital", "demonym")


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", fold(name).replace("’", "'").replace("'s", "")) if w.strip(".")]


def _spells_the_name(form: str, name: str) -> bool:
    words = _name_words(name)
    return all(any(fuzz.ratio(w.strip("."), n.strip(".")) >= 80 for n in words) for w in _name_words(form))


def _unshared(aliases: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each actor's aliases without those another actor has too, or that are another actor's name
    ('Bush' for two presidents): one alias names one actor, or the codebook is invalid."""
    owners = Counter(key for name, forms in aliases.items() for key in {fold(a) for a in (*forms, name)})
    kept = {}
    for name, forms in aliases.items():
        spellings = {}  # one spelling per folded form: "Trump", not "TRUMP" too
        for form in forms:
            if owners[fold(form)] == 1 and fold(form) != fold(name):
                spellings.setdefault(fold(form), form)
        kept[name] = list(spellings.values())
    return kept


def _without_shared_surnames(
    aliases: dict[str, list[str]], speakers: pd.Series, countries: frozenset[str] = frozenset()
) -> dict[str, list[str]]:
    """Each actor's aliases without a surname alone that other speakers of the corpus share for
    more than a tenth of its statements ("Johnson" for Boris Johnson when Jeh, Larry and Ron
    Johnson are quoted too; "Trump" stays Donald Trump's beside a few of Melania Trump's): a
    codebook alias names its actor wherever it is written, so a shared surname would give one
    person everyone's words. ``speakers`` holds one speaker name per statement; the aliases of
    ``countries`` are its names, no surnames ("Moscow", whatever "Echo of Moscow" says)."""
    said = speakers.value_counts()
    by_surname = Counter()
    for name, n in said.items():
        if len(name.split()) > 1:
            by_surname[fold(name.split()[-1])] += n

    def shared(alias: str, name: str) -> bool:
        own = said.get(name, 0) if fold(alias) == fold(name.split()[-1]) else 0
        return by_surname[fold(alias)] - own > _SHARED_SURNAME * by_surname[fold(alias)]

    return {
        name: [a for a in forms if " " in a or name in countries or not shared(a, name)]
        for name, forms in aliases.items()
    }


#: The share of a surname's statements other speakers may have before it is no actor's alias.
_SHARED_SURNAME = 0.1


def suggested_claim(titles: list[str]) -> str:
    """The headline that shares most words with the other headlines: a starting point to rewrite
    as one sentence 'Agent does something to Recipient'."""
    titles = [t for t in titles if t and len(t.split()) >= 4]
    if not titles:
        return ""
    counts = Counter(w.lower() for t in titles for w in set(_WORD.findall(t)) if w.lower() not in _STOP)
    best = max(
        titles,
        key=lambda t: (
            sum(counts[w.lower()] for w in set(_WORD.findall(t)) if w.lower() not in _STOP)
            / max(len(t.split()), 1) ** 0.5,
            t,
        ),
    )
    found = attribute(best, [(0, len(best))], Codebook())[0]["attributions"]  # "X believes <claim>"
    if found and found[0]["content_span"] and found[0]["content_span"][0] > 0:
        start, end = found[0]["content_span"]
        best = best[start:end]
    return best.strip(" .")


def draft(
    statements: pd.DataFrame, titles: list[str], corpus_name: str, top: int = 40, min_side_statements: int = 20
) -> str:
    """The draft codebook as YAML text with comments."""
    voiced = statements[(statements["speaker"] != "") & ~statements["speaker"].str.startswith(UNNAMED)]
    voiced = voiced[voiced["speaker_group"] != "Media"]
    counts = voiced.groupby("speaker").agg(
        n=("statement_id", "size"),
        docs=("doc_id", "nunique"),
        group=("speaker_group", lambda g: g.value_counts().index[0]),
        example=("text", "first"),
    )
    counts = counts.sort_values(["n", "docs"], ascending=False, kind="stable").head(top)
    places = gazetteer()
    media = Counter()
    for text in statements["text"]:
        for name in places.media_in(str(text)):
            media[name] += 1
    sides = voiced["speaker_group"].value_counts()
    found = {g for g, n in sides.items() if n >= min_side_statements} | set(counts["group"])
    groups = sorted(found - {"Media", "Other", ""})
    lines = [
        f"# Draft codebook for {corpus_name}, written by `newsframe codebook` from the text alone.",
        "# Edit it: merge speakers (move a name into another's aliases), rename, set each actor's group",
        "# (the side), drop what is not a speaker, and rewrite the claim as one sentence. Then rerun with",
        "# --codebook this file. Comments give how often each speaker is quoted and an example sentence.",
        "version: 1",
        "",
        "# The sides found in the text (any country or organisation) for at least "
        f"{min_side_statements} statements, and the",
        "# listed speakers' sides; Media and Other are always allowed. With this file, a side not listed",
        "# here becomes Other: add any you want kept, drop any you want counted as Other.",
        "groups: [" + ", ".join(_quote(g) for g in groups) + "]",
        "",
        "actors:",
    ]
    kind_of = {name: _kind(name) for name in counts.index}
    aliases_of = _unshared(
        {name: _aliases(voiced[voiced["speaker"] == name], name, kind_of[name] == "person") for name in counts.index}
    )
    countries = frozenset(name for name, kind in kind_of.items() if kind == "country")
    aliases_of = _without_shared_surnames(aliases_of, voiced["speaker"], countries)
    for name, row in counts.iterrows():
        group = row["group"] if row["group"] in groups else "Other"
        aliases = aliases_of[name]
        lines += [
            f"  # {row['n']} statement(s) in {row['docs']} document(s); e.g. {_quote(_example(row['example']))}",
            f"  - name: {_quote(name)}",
            f"    group: {_quote(group)}",
            f"    kind: {kind_of[name]}",
            "    aliases: [" + ", ".join(_quote(a) for a in aliases) + "]",
        ]
    lines += ["", "media:"]
    for name, n in sorted(media.items(), key=lambda kv: (-kv[1], kv[0])):
        aliases = [a for a in places.media.get(name, ()) if a != name]
        lines += [
            f"  # named in {n} statement(s)",
            f"  - name: {_quote(name)}",
            "    aliases: [" + ", ".join(_quote(a) for a in aliases) + "]",
        ]
    claim = suggested_claim(titles)
    lines += [
        "",
        "# The claim under study as one sentence ('Iran supplies drones and missiles to Russia'); its",
        "# terms are derived from it. Suggested below, left commented out: the headline closest to the",
        "# others, which is no claim until you rewrite it as one and remove the '# ' (a rerun with it as",
        "# it stands gave stances and contradictions about a headline's words).",
        f"# claim: {_quote(claim)}" if claim else '# claim: "..."',
    ]
    return "\n".join(lines) + "\n"


def write_draft(corpus: str | Path, out: str | Path, top: int = 40, engine: str = "local") -> Path:
    """Run stages 1-2 without a codebook on ``corpus`` and write the draft codebook to ``out``."""
    loaded = load_corpus(corpus)
    body_blocks, removed = clean_corpus(loaded, engine=engine)
    statements = extract_statements(loaded, body_blocks, Codebook(), engine=engine).statements
    titles = [d.title for d in loaded.documents if d.title]
    titles += [str(t).strip() for t in removed.loc[removed["reason"] == "title", "text"]]
    text = draft(statements, titles, Path(str(corpus)).name, top)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
