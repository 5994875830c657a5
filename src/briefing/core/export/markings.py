"""Handling markings ranked from lowest to highest (resources/export/markings.toml).

Used to warn when a note is marked lower than a source it cites: an analyst who quotes
an OFFICIAL-SENSITIVE report in an UNCLASSIFIED note must at least be told.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.resources import resource


@dataclass(frozen=True)
class Marking:
    rank: int
    name: str


@lru_cache(maxsize=1)
def _scheme() -> tuple[tuple[Marking, ...], re.Pattern[str], dict[str, Marking]]:
    with open(resource("export", "markings.toml"), "rb") as fh:
        data = tomllib.load(fh)
    levels: list[Marking] = []
    names: dict[str, Marking] = {}
    for rank, level in enumerate(data.get("level", [])):
        marking = Marking(rank, str(level["name"]))
        levels.append(marking)
        for alias in [level["name"], *level.get("aliases", [])]:
            names[" ".join(str(alias).upper().split())] = marking
    alternatives = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w+-])(" + "|".join(re.escape(a).replace(r"\ ", r"\s+")
                                                     for a in alternatives) + r")(?![\w+-])",
                         re.IGNORECASE)
    return tuple(levels), pattern, names


def levels() -> list[str]:
    """The level names, lowest first."""
    return [m.name for m in _scheme()[0]]


def marking_of(text: str | None) -> Marking | None:
    """The highest level named in `text` (a note's marking or an article's caveat), or None."""
    if not text or not text.strip():
        return None
    _, pattern, names = _scheme()
    found = [names[" ".join(m.group(1).upper().split())] for m in pattern.finditer(text)]
    return max(found, key=lambda m: m.rank) if found else None


def lower_than(note_marking: str, caveat: str) -> Marking | None:
    """The caveat's level when it is higher than the note's marking, else None.

    A note whose marking names no known level is compared as the lowest level.
    """
    theirs = marking_of(caveat)
    if theirs is None:
        return None
    ours = marking_of(note_marking)
    return theirs if theirs.rank > (ours.rank if ours else 0) else None
