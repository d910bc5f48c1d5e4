"""First names and their nicknames, from the nicknames package's table: a module of its own, so
that names, actors and sides can all read it without importing one another."""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer


@lru_cache(maxsize=1)
def _table() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=100_000)
def _canonicals(first: str) -> frozenset[str]:
    """The names the table gives ``first`` as a nickname of, read once per name."""
    return frozenset(_table().canonicals_of(first))


def nicknamed(first: str, other: str) -> bool:
    """Whether one first name is the other's nickname ("jim", "james"), by the nicknames table, or
    its clipped form of three letters or more that the table lacks ("ash", "ashton"); not a name
    with a letter or two added ("eric", "erica"; "dan", "dana"), often another person's."""
    short, long = sorted((first, other), key=len)
    clipped = len(short) >= 3 and len(long) - len(short) >= 3 and long.startswith(short)
    return clipped or other in _canonicals(first) or first in _canonicals(other)


@lru_cache(maxsize=10_000)
def a_first_name(word: str) -> bool:
    """Whether the table knows a word as a first name ("Michael"; not "Daily" or "When")."""
    word = word.lower()
    return bool(_canonicals(word) or _table().nicknames_of(word))
