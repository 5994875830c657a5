"""The vocabulary of numeric claims (resources/claims/numeric.toml), parsed once: units and
their nouns, qualifiers, scales, nationalities, and the words around a figure that tell
what it counts."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.core.resources import resource


@dataclass(frozen=True)
class NumericRules:
    qualifiers: tuple[str, ...]
    scales: dict[str, float]
    nouns: dict[str, tuple[str, str]]  # noun phrase -> (unit, subject noun)
    max_noun_words: int
    modifiers: frozenset[str]
    casualty_words: frozenset[str]
    casualty_lead: tuple[str, ...]
    nationality: dict[str, str]
    nationality_rx: re.Pattern[str]
    counters_of: frozenset[str] = frozenset()
    collectives: dict[str, tuple[str, str]] = field(default_factory=dict)
    continuation_rx: re.Pattern[str] | None = None
    deployed: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    prisoner_lead_rx: re.Pattern[str] | None = None
    prisoner_modifiers: frozenset[str] = frozenset()
    prisoner_after_rx: re.Pattern[str] | None = None
    captor_rx: re.Pattern[str] | None = None  # after a side: "... later captured"
    individual_units: frozenset[str] = frozenset()
    serving_words: frozenset[str] = frozenset()
    fled_words: frozenset[str] = frozenset()
    source_units: frozenset[str] = frozenset()
    casualty_stop: frozenset[str] = frozenset()
    dollars: dict[str, str] = field(default_factory=dict)  # "canada" -> "cad"
    dollar_rx: re.Pattern[str] | None = None
    us_rx: re.Pattern[str] | None = None  # the United States named (its dollar's home)
    page_dollar_mentions: int = 2
    strength_rx: re.Pattern[str] | None = None  # "North Korea has" (before the figure)
    strength_subject: str = ""
    placed_rx: re.Pattern[str] | None = None  # "in Russia", "along the border", "there"
    rate_rx: re.Pattern[str] | None = None  # "... each day" after a figure (group `period`)
    rate_subjects: dict[str, str] = field(default_factory=dict)  # "day" -> "daily"


@lru_cache(maxsize=1)
def numeric_rules() -> NumericRules:
    """The shipped vocabulary, parsed once."""
    data = tomllib.loads(resource("claims", "numeric.toml").read_text(encoding="utf-8"))
    nouns: dict[str, tuple[str, str]] = {}
    for unit in data["unit"]:
        for noun, subject in unit["nouns"].items():
            nouns[noun.lower()] = (unit["name"], subject)
    nat = {k.lower(): v for k, v in data["nationality"].items()}
    ordered = sorted(nat, key=lambda k: (-len(k), k))
    rx = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(k) for k in ordered) + r")(?![\w'-])",
                    re.IGNORECASE)
    qualifiers = tuple(sorted((q.lower() for q in data["qualifiers"]), key=len, reverse=True))
    quals = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in qualifiers)
    cont = data.get("continuation", {})
    prisoners = data.get("prisoners", {})
    strength = data.get("strength", {})
    rate = data.get("rate", {})
    return NumericRules(
        qualifiers=qualifiers,
        scales={k.lower(): float(v) for k, v in data["scales"].items()},
        nouns=nouns,
        max_noun_words=max(len(n.split()) for n in nouns),
        modifiers=frozenset(m.lower() for m in data["modifiers"]),
        casualty_words=frozenset(w.lower() for w in data["casualty_words"]),
        casualty_lead=tuple(w.lower() for w in data["casualty_lead"]),
        nationality=nat,
        nationality_rx=rx,
        counters_of=frozenset(w.lower() for w in data.get("counters_of", [])),
        collectives={k.lower(): (v[0], v[1]) for k, v in data.get("collectives", {}).items()},
        continuation_rx=re.compile(
            rf"(?<![\w-])(?:{_alternatives(cont.get('lead', []))}),?\s+"
            rf"(?:an?\s+average\s+of\s+)?(?:(?:{quals})\s+)?$", re.IGNORECASE),
        deployed=frozenset(w.lower() for w in cont.get("deployed", [])),
        not_after=frozenset(w.lower() for w in data.get("not_figures_after", [])),
        prisoner_lead_rx=re.compile(
            rf"(?<![\w-])(?:{_alternatives(prisoners.get('lead', []))})\b[^.;:,]{{0,25}}$",
            re.IGNORECASE),
        captor_rx=re.compile(rf"(?:['’]s)?(?:\s+[\w'’-]+){{0,3}}?\s+"
                             rf"(?:{_alternatives(prisoners.get('lead', []))})(?![\w-])",
                             re.IGNORECASE) if prisoners.get("lead") else None,
        prisoner_modifiers=frozenset(w.lower() for w in prisoners.get("modifiers", [])),
        prisoner_after_rx=re.compile(
            rf"\s+(?:{_alternatives(prisoners.get('after', []))})(?![\w-])", re.IGNORECASE)
        if prisoners.get("after") else None,
        individual_units=frozenset(u.lower() for u in data.get("individual_units", [])),
        serving_words=frozenset(w.lower() for w in data.get("serving_words", [])),
        fled_words=frozenset(w.lower() for w in data.get("fled_words", [])),
        source_units=frozenset(u.lower() for u in data.get("source_units", [])),
        casualty_stop=frozenset(w.lower() for w in data.get("casualty_stop", [])),
        dollars={k.lower(): v for k, v in data.get("dollars", {}).items()},
        dollar_rx=re.compile(rf"(?<![\w-])(?:{_alternatives(data.get('dollars', {}))})(?![\w-])",
                             re.IGNORECASE) if data.get("dollars") else None,
        us_rx=re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(w) for w in sorted(
            data.get("page_dollar", {}).get("us", []), key=len, reverse=True)) + r")(?![\w-])")
        if data.get("page_dollar", {}).get("us") else None,
        page_dollar_mentions=int(data.get("page_dollar", {}).get("min_mentions", 2)),
        strength_rx=re.compile(rf"(?<![\w-])(?:{_alternatives(strength.get('verbs', []))})\s+"
                               rf"(?:now\s+)?$", re.IGNORECASE) if strength else None,
        strength_subject=strength.get("subject", ""),
        rate_rx=re.compile(rf"[^.;:,()]{{0,40}}?(?<![\w-])(?:{_alternatives(rate.get('leads', []))})"
                           rf"\s+(?P<period>{_alternatives(rate.get('periods', {}))})(?![\w-])"
                           rf"(?!\s+(?:{_alternatives(rate.get('not_before', []))})\b)",
                           re.IGNORECASE) if rate.get("periods") else None,
        rate_subjects={k.lower(): v for k, v in rate.get("periods", {}).items()},
        placed_rx=re.compile(
            rf"(?:\s+[\w'-]+){{0,3}}?\s+(?:(?i:{_alternatives(strength.get('prepositions', []))})"
            rf"\s+(?:(?i:the|its|their)\s+)?(?:[A-Z]|(?i:{_alternatives(strength.get('places', []))})"
            rf"\b)|(?i:{_alternatives(strength.get('away', []))})\b)") if strength else None,
    )


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or "(?!)"
