"""Footnote and endnote markers: detached from sentences; a notes section kept as notes.

A footnoted paper marks sources with "[4]", "¹" or a superscript number after the sentence.
The analyst wants the sentence as written ("…in the spring.") and the note text as a note
at the end, without its number. Patterns live in resources/cleaning/boilerplate.toml
([notes]).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.ingest.clean import Unit, is_prose, marker_key, word_count
from briefing.core.resources import resource


@dataclass(frozen=True)
class NoteRules:
    attached: tuple[re.Pattern[str], ...]
    lead: re.Pattern[str]
    headings: frozenset[str]


@lru_cache(maxsize=1)
def note_rules() -> NoteRules:
    with resource("cleaning", "boilerplate.toml").open("rb") as fh:
        data = tomllib.load(fh).get("notes", {})
    return NoteRules(attached=tuple(re.compile(p) for p in data.get("attached", [])),
                     lead=re.compile(data.get("lead", r"^\[\d{1,3}\]\s*")),
                     headings=frozenset(data.get("headings", [])))


def detach_markers(text: str) -> str:
    """The line without note markers attached to its words ("spring.[4]" -> "spring.")."""
    for pattern in note_rules().attached:
        text = pattern.sub("", text)
    return text


def _set_text(unit: Unit, text: str) -> None:
    unit.text = text
    unit.words = word_count(text)
    unit.prose = is_prose(text)


def mark_notes(units: list[Unit]) -> None:
    """Detach markers from every line; keep a notes section (heading + numbered notes).

    The section is a heading ("Notes", "Endnotes") followed by lines that start with a
    marker; each such note is kept (whatever position rule dropped it) without its marker.
    """
    rules = note_rules()
    for unit in units:
        if rules.lead.match(unit.text) is None:
            stripped = detach_markers(unit.text)
            if stripped != unit.text:
                _set_text(unit, stripped)
    i = 0
    while i < len(units):
        if marker_key(units[i].text) not in rules.headings:
            i += 1
            continue
        j = i + 1
        notes = []
        while j < len(units) and rules.lead.match(units[j].text):
            notes.append(j)
            j += 1
        if notes:
            units[i].dropped = None
            for k in notes:
                _set_text(units[k], detach_markers(rules.lead.sub("", units[k].text)))
                units[k].dropped = None
        i = max(j, i + 1)
