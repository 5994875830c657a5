"""Load the attribution rules (resources/claims/attribution.toml) once, compiled."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.core.resources import resource


def _words_rx(words: list[str]) -> re.Pattern[str]:
    ordered = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w-])", re.IGNORECASE)


_WORD_AT = re.compile(r"[\w'-]+")


def scan(rx: re.Pattern[str], heads: frozenset[str], text: str) -> list[re.Match[str]]:
    """rx.finditer(text), tried only where a word in `heads` begins (the first words of
    its phrases): a long alternation is slow to scan over every position."""
    out: list[re.Match[str]] = []
    pos = 0
    for w in _WORD_AT.finditer(text):
        if w.start() < pos or w.group().lower() not in heads:
            continue
        m = rx.match(text, w.start())
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _heads(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower().split()[0] for w in words if w.split())


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
    readout_verbs: re.Pattern[str] | None = None
    verb_heads: frozenset[str] = frozenset()  # first words of the verbs (fast scanning)
    readout_heads: frozenset[str] = frozenset()
    person_heads: frozenset[str] = frozenset()
    turn_question_labels: frozenset[str] = frozenset()
    turn_procedural: frozenset[str] = frozenset()
    turn_generic: frozenset[str] = frozenset()
    turn_role_modifiers: frozenset[str] = frozenset()
    turn_not_labels: frozenset[str] = frozenset()
    turn_roles: dict[str, str] = field(default_factory=dict)
    meeting: re.Pattern[str] | None = None  # "<A> met/spoke ... with <B>": two parties
    collective_heads: frozenset[str] = frozenset()  # "the two leaders", "both sides"


def _lower(items: list[str]) -> frozenset[str]:
    return frozenset(i.lower() for i in items)


@lru_cache(maxsize=1)
def attribution_rules() -> AttributionRules:
    """The shipped rules, parsed once per process."""
    data = tomllib.loads(resource("claims", "attribution.toml").read_text(encoding="utf-8"))
    turns = data.get("turns", {})
    return AttributionRules(
        verbs=_words_rx(data["verbs"]),
        participles=_lower(data["participles"]),
        quote_verbs=_lower(data.get("quote_verbs", [])),
        weak_verbs=_lower(data["weak_verbs"] + data.get("readout_verbs", [])),
        readout_verbs=_words_rx(data["readout_verbs"]) if data.get("readout_verbs") else None,
        verb_heads=_heads(data["verbs"]),
        readout_heads=_heads(data.get("readout_verbs", [])),
        weak_subjects=_lower(data["weak_subjects"]),
        sources=_words_rx(data["source_phrases"]),
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["patterns"]),
        lead_patterns=tuple(re.compile(p) for p in data["lead_patterns"]),
        not_speakers=_lower(data["not_speakers"]),
        pronouns=_lower(data["pronouns"]),
        back_references=_lower(data["back_references"]),
        back_reference_heads=_lower(data["back_reference_heads"] + data.get("person_heads", [])),
        person_heads=_lower(data.get("person_heads", [])),
        titles=_lower(data["titles"]),
        role_words=_lower(data["role_words"]),
        object_prepositions=_lower(data["object_prepositions"]),
        clause_verbs=_lower(data["clause_verbs"]),
        openers=_lower(data["subject_openers"]),
        adverbs=_lower(data["adverbs"]),
        min_quote_words=int(data.get("min_quote_words", 5)),
        turn_question_labels=_lower(turns.get("question_labels", [])),
        turn_procedural=_lower(turns.get("procedural", [])),
        turn_generic=_lower(turns.get("generic", [])),
        turn_role_modifiers=_lower(turns.get("role_modifiers", [])),
        turn_not_labels=_lower(turns.get("not_labels", [])),
        turn_roles={k.lower(): v for k, v in turns.get("roles", {}).items()},
        meeting=_meeting_rx(data.get("meeting_verbs", [])),
        collective_heads=_lower(data.get("collective_heads", [])),
    )


def _meeting_rx(verbs: list[str]) -> re.Pattern[str] | None:
    """'<A> <meeting verb>[, via videoconference,] [today] with <B>' at a sentence's start:
    A and B are the named groups (B ends before 'on/to/in/at/about/...' or punctuation)."""
    if not verbs:
        return None
    body = _words_rx(verbs).pattern.removeprefix(r"(?<![\w'-])")
    return re.compile(
        r"^(?:[A-Z][\w ,]{0,30}?,\s+)?(?P<a>[A-Z][^;:“\"]{2,110}?)\s+(?:has\s+|have\s+)?"
        + body + r"(?:,[^,]{1,40},)?\s+(?:(?:today|yesterday|again|separately|by\s+(?:tele)?"
        r"phone|virtually|on\s+\w+day)\s+)*with\s+(?P<b>[^,;:.“\"]{3,140}?)"
        r"(?=\s+(?:on|to|in|at|about|regarding|for|during|and|over|after|via)\s|[,;:.]|$)",
        re.IGNORECASE)
