"""The words that name an institution (resources/institutions.toml), one list for the
ingest rules (who published a page, a site name in a title) and the claim rules (is a
publisher official, which body a statement's lead names).

Each rule asks for the groups it needs: `words("government", "organisations")` for the
words, `word_pattern(...)` for a compiled whole-word regex of them.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any

from briefing.core.resources import resource


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with resource("institutions.toml").open("rb") as fh:
        return tomllib.load(fh)


def words(*groups: str) -> list[str]:
    """The words of the named groups, longest first (so "Permanent Mission" beats
    "Mission" in an alternation); an unknown group is an error in the caller."""
    data = _data()
    found: list[str] = []
    for group in groups:
        for word in data[group]:
            if word not in found:
                found.append(word)
    return sorted(found, key=len, reverse=True)


def alternation(*groups: str) -> str:
    """The words of the groups as a regex alternation (no group, no word boundaries); the
    "official_hosts" group is taken as regexes, every other word literally."""
    parts: list[str] = []
    for group in groups:
        raw = group == "official_hosts"
        parts += [w if raw else re.escape(w).replace(r"\ ", r"\s+") for w in words(group)]
    return "|".join(parts)


@lru_cache(maxsize=16)
def word_pattern(*groups: str, ignore_case: bool = False) -> re.Pattern[str]:
    r"""A regex finding any word of the groups as a whole word (\b…\b)."""
    return re.compile(rf"\b(?:{alternation(*groups)})\b", re.IGNORECASE if ignore_case else 0)


def any_institution() -> re.Pattern[str]:
    """Any institution's word (government, other organisations, military): "Ministry",
    "Institute", "Command" ... as a whole word, case as written."""
    return word_pattern("government", "organisations", "military")


@lru_cache(maxsize=1)
def _office() -> re.Pattern[str]:
    return re.compile(rf"(?:The )?(?:Office of the )?(?:{alternation('offices')}) (?:of|for) "
                      r"(?:the )?[A-Z]")


def office_name(line: str) -> bool:
    """The line is an office's name, as the office's own site shows it atop its pages
    ("Prime Minister of Australia", "Minister for Foreign Affairs of Australia"): the
    office, "of" or "for", then Title Case words, no more than ten, no sentence."""
    words = line.split()
    return (_office().match(line) is not None and len(words) <= 10
            and not re.search(r"[.!?:;,]$|\d", line)
            and all(w[:1].isupper() or w in ("of", "for", "the", "and", "&", "on") for w in words))


def government_country(line: str) -> str | None:
    """The country a government banner names ("Australian Government" -> "Australia",
    "Government of Canada" -> "Canada"), or None."""
    line = " ".join(line.split())
    m = re.fullmatch(r"(?:The )?Government of (?:the )?([A-Z][\w' -]{2,40})", line)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(?:The )?([A-Z][\w -]{2,30}?) (?:Federal )?Government", line)
    return _data().get("government_adjectives", {}).get(m.group(1)) if m else None


def country_less_office(name: str) -> bool:
    """The name is an office that does not say its country ("Minister for Foreign Affairs",
    "Department of Defence"), not "Ministry of Foreign Affairs of Japan"."""
    first = name.split(" ", 1)[0]
    if first not in _data().get("country_less_offices", []):
        return False
    adjectives = _data().get("government_adjectives", {})
    named = set(adjectives) | set(adjectives.values())
    return not any(re.search(rf"\b{re.escape(n)}\b", name) for n in named) and not re.search(
        r"\b(?:Republic|Kingdom|Federation|Union|States|of (?:the )?[A-Z]\w+ (?:of|and) )",
        name)
