"""Load the attribution rules (resources/claims/attribution.toml) once, compiled."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.resources import resource


def _words_rx(words: list[str]) -> re.Pattern[str]:
    ordered = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class AttributionRules:
    """Everything attribution.py needs, as compiled patterns and lower-case sets."""

    verbs: re.Pattern[str]
    participles: frozenset[str]
    quote_verbs: frozenset[str]
    weak_verbs: frozenset[str]
    weak_subjects: frozenset[str]
    sources: re.Pattern[str]
    patterns: tuple[re.Pattern[str], ...]
    lead_patterns: tuple[re.Pattern[str], ...]
    not_speakers: frozenset[str]
    pronouns: frozenset[str]
    back_references: frozenset[str]
    back_reference_heads: frozenset[str]
    titles: frozenset[str]
    role_words: frozenset[str]
    object_prepositions: frozenset[str]
    clause_verbs: frozenset[str]
    openers: frozenset[str]
    adverbs: frozenset[str]
    min_quote_words: int


def _lower(items: list[str]) -> frozenset[str]:
    return frozenset(i.lower() for i in items)


@lru_cache(maxsize=1)
def attribution_rules() -> AttributionRules:
    """The shipped rules, parsed once per process."""
    data = tomllib.loads(resource("claims", "attribution.toml").read_text(encoding="utf-8"))
    return AttributionRules(
        verbs=_words_rx(data["verbs"]),
        participles=_lower(data["participles"]),
        quote_verbs=_lower(data.get("quote_verbs", [])),
        weak_verbs=_lower(data["weak_verbs"]),
        weak_subjects=_lower(data["weak_subjects"]),
        sources=_words_rx(data["source_phrases"]),
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["patterns"]),
        lead_patterns=tuple(re.compile(p) for p in data["lead_patterns"]),
        not_speakers=_lower(data["not_speakers"]),
        pronouns=_lower(data["pronouns"]),
        back_references=_lower(data["back_references"]),
        back_reference_heads=_lower(data["back_reference_heads"]),
        titles=_lower(data["titles"]),
        role_words=_lower(data["role_words"]),
        object_prepositions=_lower(data["object_prepositions"]),
        clause_verbs=_lower(data["clause_verbs"]),
        openers=_lower(data["subject_openers"]),
        adverbs=_lower(data["adverbs"]),
        min_quote_words=int(data.get("min_quote_words", 5)),
    )
