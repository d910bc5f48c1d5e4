"""The codebook: corpus-specific knowledge (actors, groups, aliases, media, lexicons) kept as data.

The library stays general; a new corpus needs a new codebook, not new code. An empty or
missing codebook is valid: stages then report speakers as written in the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import fastjsonschema
import yaml

from . import paths

#: The speaker groups of the data contract; a codebook may not invent others.
GROUPS = ("Ukraine", "Russia", "Iran", "United States", "European Union", "NATO", "Media", "Other")
ACTOR_KINDS = ("person", "institution", "country")


class CodebookError(ValueError):
    """A codebook that cannot be used, with the file and the fix in the message."""


@dataclass(frozen=True)
class Actor:
    name: str
    group: str
    kind: str = "institution"
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Codebook:
    source: str = ""
    #: The speaker groups this codebook uses: its declared ``groups`` (open for a new corpus:
    #: any country or organisation), else the seeds' GROUPS.
    groups: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    media: tuple[Outlet, ...] = ()
    claim: dict = field(default_factory=dict)
    lexicons: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (self.actors or self.media or self.claim or self.lexicons)


def _fail(path: str, message: str) -> CodebookError:
    return CodebookError(f"codebook {path}: {message}")


def _str_list(value, path: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, f"{where} must be a list of strings, got {value!r}")
    return tuple(v.strip() for v in value if v.strip())


def _actor(entry, path: str, index: int, groups: tuple[str, ...] = GROUPS) -> Actor:
    where = f"actors[{index}]"
    if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
        raise _fail(path, f"{where} needs a 'name'")
    name = str(entry["name"]).strip()
    group = str(entry.get("group", "Other")).strip()
    if group not in groups:
        raise _fail(path, f"{where} ({name}) has unknown group {group!r}; use one of {', '.join(groups)}")
    kind = str(entry.get("kind", "institution")).strip()
    if kind not in ACTOR_KINDS:
        raise _fail(path, f"{where} ({name}) has unknown kind {kind!r}; use one of {', '.join(ACTOR_KINDS)}")
    return Actor(
        name, group, kind, str(entry.get("role", "") or ""), _str_list(entry.get("aliases"), path, f"{where}.aliases")
    )


def _outlet(entry, path: str, index: int) -> Outlet:
    if isinstance(entry, str):
        return Outlet(entry.strip())
    if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
        raise _fail(path, f"media[{index}] needs a 'name'")
    return Outlet(str(entry["name"]).strip(), _str_list(entry.get("aliases"), path, f"media[{index}].aliases"))


def _claim(claim: dict, path: str) -> dict:
    """The claim with its term sets as tuples and `require` checked against their names."""
    terms = claim.get("terms") or {}
    if not isinstance(terms, dict):
        raise _fail(path, "claim.terms must be a mapping of set name -> list of words")
    terms = {name: _str_list(words, path, f"claim.terms.{name}") for name, words in terms.items()}
    require = claim.get("require") or [[name] for name in terms]
    if not isinstance(require, list) or not all(isinstance(r, list) and r for r in require):
        raise _fail(path, "claim.require must be a list of non-empty lists of term-set names")
    unknown = sorted({name for r in require for name in r} - set(terms))
    if unknown:
        raise _fail(path, f"claim.require names unknown term set(s) {unknown}; claim.terms has {sorted(terms)}")
    return {**claim, "terms": terms, "require": tuple(tuple(r) for r in require)}


#: The codebook's shape as a JSON Schema, shipped with the package so that editors can check a
#: codebook.yml as it is written; what a schema cannot say (groups named by `groups`, an alias in
#: two groups) is checked below.
SCHEMA = Path(__file__).with_name("data") / "codebook.schema.json"


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _fast_check():
    return fastjsonschema.compile(_schema())


def _explained_errors(data) -> list:
    """Every schema error, with jsonschema's place and wording. Imported only for a codebook that
    fails: jsonschema's import builds URI grammars (about 2 s), paid again by every stage's kernel."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    return sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))


def _where(error) -> str:
    """'actors[2].aliases[0]': where in the codebook a schema error is."""
    where = ""
    for part in error.absolute_path:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    return where or "the top level"


def _check_schema(data, source: str) -> None:
    """A compiled check first (fastjsonschema, milliseconds); jsonschema explains a failure."""
    try:
        _fast_check()(data)
        return
    except fastjsonschema.JsonSchemaException:
        errors = _explained_errors(data)
    if errors:
        error = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        message = error.message if len(error.message) <= 200 else error.message[:199] + "\u2026"
        raise _fail(
            source, f"{_where(error)}: {message}{more}; the codebook's shape is {SCHEMA.name}, shipped with newsframe"
        )


def parse_codebook(data, source: str = "<memory>") -> Codebook:
    """A Codebook from already-parsed YAML (a mapping, or None for an empty codebook)."""
    if data is None:
        return Codebook(source=source)
    if not isinstance(data, dict):
        raise _fail(source, f"the top level must be a mapping, got {type(data).__name__}")
    _check_schema(data, source)
    for key in ("actors", "media"):
        if data.get(key) is not None and not isinstance(data[key], list):
            raise _fail(source, f"'{key}' must be a list")
    # Declared groups are open (a new corpus has its own sides); without a declaration the
    # seeds' groups apply. Media and Other are always allowed.
    declared = _str_list(data.get("groups"), source, "groups")
    groups = tuple(dict.fromkeys((*declared, "Media", "Other"))) if declared else GROUPS
    lexicons = data.get("lexicons") or {}
    if not isinstance(lexicons, dict):
        raise _fail(source, "'lexicons' must be a mapping of name -> list of cue phrases")
    claim = data.get("claim") or {}
    if isinstance(claim, str):  # the claim as one sentence: newsframe.claim derives its terms
        claim = {"sentence": claim.strip(), "label": claim.strip()}
    if not isinstance(claim, dict):
        raise _fail(source, "'claim' must be a mapping")
    if claim:
        claim = _claim(claim, source)
    book = Codebook(
        source=source,
        groups=groups if declared else (),
        actors=tuple(_actor(e, source, i, groups) for i, e in enumerate(data.get("actors") or [])),
        media=tuple(_outlet(e, source, i) for i, e in enumerate(data.get("media") or [])),
        claim=claim,
        lexicons={name: _str_list(words, source, f"lexicons.{name}") for name, words in lexicons.items()},
    )
    _check_names(book, source)
    return book


#: Longest name or alias: names are a few words; a very long one only slows the alias matcher
#: down (and, past ~500 characters, overflowed its pattern builder).
MAX_NAME_CHARS = 200


def _check_names(book: Codebook, path: str) -> None:
    """Every name and alias short enough, and naming one group only (else the first listed won silently)."""
    seen: dict[str, tuple[str, str, str]] = {}  # key -> (where, actor, group)
    entries = [(f"actors[{i}]", a.name, a.group, (a.name, *a.aliases)) for i, a in enumerate(book.actors)]
    entries += [(f"media[{i}]", o.name, "Media", (o.name, *o.aliases)) for i, o in enumerate(book.media)]
    for where, name, group, names in entries:
        for text in names:
            if len(text) > MAX_NAME_CHARS:
                raise _fail(
                    path,
                    f"{where} ({name[:40]}...) has a name or alias of {len(text):,} characters; "
                    f"names and aliases are at most {MAX_NAME_CHARS}: shorten it",
                )
            key = " ".join(text.casefold().split())
            first = seen.setdefault(key, (where, name, group))
            if first[2] != group:
                raise _fail(
                    path,
                    f"{text!r} is listed under {first[0]} ({first[1]}, group {first[2]}) and under "
                    f"{where} ({name}, group {group}); keep it in one group",
                )


def load_codebook(path: str | Path | None) -> Codebook:
    """Read a codebook file (relative paths from the repository root); ``None`` or "" is the empty codebook."""
    if path is None or str(path) == "":
        return Codebook()
    path = paths.resolve(path)
    if not path.is_file():
        raise CodebookError(f"codebook {path}: file not found")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise _fail(str(path), f"not valid YAML ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise _fail(str(path), f"not UTF-8 text ({exc})") from exc
    return parse_codebook(data, str(path))
