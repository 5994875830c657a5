"""Is a back-reference of the same kind as a candidate speaker? (issue 9, round 14)

"The Defense Ministry said" refers to the nearest ministry *of defence*, not to "Russia's
Foreign Ministry" named a paragraph earlier: a portfolio word qualifying the head of a
back-reference must not contradict the portfolio of the speaker it is resolved to. A
candidate that names no portfolio ("Ukraine's ministry", "the government") stays
compatible.
"""

from __future__ import annotations

import re

# Portfolios of a state's bodies (ministries, committees, services), with spelling variants
# folded together.
_PORTFOLIO = {
    "foreign": "foreign", "defence": "defence", "defense": "defence", "interior": "interior",
    "justice": "justice", "finance": "finance", "finances": "finance", "economy": "economy",
    "economic": "economy", "trade": "trade", "unification": "unification",
    "health": "health", "emergency": "emergency", "emergencies": "emergency",
    "energy": "energy", "education": "education", "culture": "culture",
    "transport": "transport", "agriculture": "agriculture", "armed": "defence",
}
_WORD = re.compile(r"[A-Za-z]+")


def portfolios(text: str) -> set[str]:
    """The portfolio words a name holds ("Ministry of Defence of Ukraine" -> {"defence"})."""
    return {_PORTFOLIO[w.lower()] for w in _WORD.findall(text) if w.lower() in _PORTFOLIO}


def same_kind(reference: str, candidate: str) -> bool:
    """May `reference` ("the Defense Ministry") refer to `candidate` (a speaker's name)?"""
    want = portfolios(reference)
    if not want:
        return True
    have = portfolios(candidate)
    return not have or bool(want & have)


# Head nouns that name the same kind of body in other words ("the spy agency" for "the
# National Intelligence Service").
_CLASSES = {"spy": "intelligence", "intelligence": "intelligence", "espionage": "intelligence"}


def kin(reference: str, candidate: str) -> bool:
    """Does `reference` name the same kind of body as `candidate` in other words: the same
    class ("the spy agency" / "National Intelligence Service") or the same portfolio?"""
    def classes(text: str) -> set[str]:
        return {_CLASSES[w.lower()] for w in _WORD.findall(text) if w.lower() in _CLASSES}
    want = classes(reference) | portfolios(reference)
    return bool(want) and bool(want & (classes(candidate) | portfolios(candidate)))
