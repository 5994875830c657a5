"""A figure as the predicate of the noun it counts: "North Korean losses had reached about
4,000", "the number of soldiers could rise to 100,000", "put the casualty count at \"more
than 300\"". The noun and its side are read from the clause before the figure."""

from __future__ import annotations

import re

from briefing.core.claims.numbers import Num
from briefing.core.claims.numeric_rules import NumericRules
from briefing.core.claims.numeric_words import (
    TOKEN,
    first_nationality,
    is_year,
    nearest_nationality,
)

# The verb or "at" that links a noun to the figure after it.
_LINK = re.compile(
    r"(?:\b(?:reached|reach|reaches|rise to|rose to|risen to|climb to|climbed to|grew to|"
    r"grown to|increased to|stood at|stands at|stand at|totalled|totaled|totals|exceeded|"
    r"exceeds|exceed|topped|numbered|numbers|was|were|is|are|at)\s+[\"“']?\s*(?:{q}\s+)?)$",
    re.IGNORECASE)
_ESTIMATE_AT = re.compile(r"\b(?:put|puts|putting|estimated|estimates?|placed|places|pegged|"
                          r"pegs|assessed|counted|set)\b", re.IGNORECASE)
_PREDICATE_BACK = 100  # characters before the figure searched for its noun


def predicate(rules: NumericRules, norm: str, num: Num,
              after: int) -> tuple[str, str, str | None, int] | None:
    """Unit and subject of a figure that completes a clause about its noun."""
    if num.cur or num.pct or is_year(norm, num):
        return None
    lead = norm[max(0, num.start - _PREDICATE_BACK):num.start]
    link = _link_rx(rules).search(lead)
    if link is None:
        return None
    clause = lead[:link.start()]
    cut = max(clause.rfind(c) for c in ".;:!?")
    clause = clause[cut + 1:]
    if link.group().split()[0].lower() == "at" and not _ESTIMATE_AT.search(clause):
        return None  # "arrived at 5": a time; "put casualties at 4,000": a figure
    tokens = list(TOKEN.finditer(clause))
    words = [t.group().lower() for t in tokens]
    best = None
    at = 0
    for i in range(len(words)):
        for n in range(min(rules.max_noun_words, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in rules.nouns:
                if best is None or not _AMONG.search(" ".join(words[max(0, i - 4):i])):
                    # ("Losses among North Korean units stand at 4,700": the losses)
                    best, at = rules.nouns[phrase], tokens[i].start()
                break
    if best is None:
        return None
    unit, subject = best
    # whose: the side named nearest before the noun in its clause ("Ukraine's HUR put North
    # Korean losses at 4,000": North Korean), else the first named around the clause
    begin = num.start - len(lead) + (len(lead[:link.start()]) - len(clause))
    nationality = nearest_nationality(rules, norm, begin, begin + at) or first_nationality(
        rules, norm, max(0, num.start - len(clause) - 40), num.start)
    return unit, subject, nationality, after


# A noun in a phrase qualifying the head noun before it ("losses among North Korean units").
_AMONG = re.compile(r"\b(?:among|in|within|across|inside|from)\b")


_LINK_CACHE: dict[int, re.Pattern[str]] = {}


def _link_rx(rules: NumericRules) -> re.Pattern[str]:
    rx = _LINK_CACHE.get(id(rules))
    if rx is None:
        quals = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in rules.qualifiers)
        rx = re.compile(_LINK.pattern.replace("{q}", f"(?:{quals})"), re.IGNORECASE)
        _LINK_CACHE[id(rules)] = rx
    return rx


