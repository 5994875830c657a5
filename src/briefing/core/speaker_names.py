"""Speaker names for the speaker book: the key an assignment is filed under, and lookup.

Suggestions carry the text naming who speaks ("Mr. Kyrylo Budanov, head of Ukrainian
military intelligence"). The book files the analyst's choice under a key that survives
the ways one speaker is written: case, whitespace, honorifics and ranks, an apposition
after a comma. Lookup then tries the exact key, a longer mention ending in a booked name
("US Secretary of State Antony Blinken" -> "Antony Blinken"), a bare surname that
belongs to one booked name only ("Budanov"), and, for a back-reference ("he"), the cue
that resolved it. The word lists live in resources/speakers.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from briefing.core.claims.rules import attribution_rules
from briefing.core.resources import resource

_RELATIVE = re.compile(r",\s*(?:who|which|whose|where|when|whom)\b.*$", re.IGNORECASE | re.DOTALL)
_EDGE = " \t\n\"'“”‘’«»()[],.;:-–—"
BACK_REFERENCE_REACH = 600  # characters: how far back "he" may look for the speaker it means
_LOWER_PARTICLES = frozenset({"of", "de", "del", "der", "van", "von", "al", "el", "bin", "da",
                              "di", "la", "le", "du", "and"})


@dataclass(frozen=True)
class SpeakerRules:
    titles: frozenset[str]
    leading: frozenset[str]
    back_references: frozenset[str]
    not_speakers: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> SpeakerRules:
    data = tomllib.loads(resource("speakers.toml").read_text(encoding="utf-8"))

    def words(name: str) -> frozenset[str]:
        return frozenset(" ".join(str(w).split()).casefold() for w in data.get(name, []))

    return SpeakerRules(words("titles"), words("leading_words"), words("back_references"),
                        words("not_speakers"))


def _clean(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).strip(_EDGE)


def is_proper_name(name: str) -> bool:
    """Every word capitalised (particles such as "of", "de", "bin" aside): a person or body."""
    tokens = [t for t in re.split(r"[\s-]+", name) if t]
    if not tokens:
        return False
    return all(t[:1].isupper() or t.casefold() in _LOWER_PARTICLES for t in tokens) \
        and tokens[0][:1].isupper()


def _strip_front(name: str) -> str:
    r = rules()
    tokens = name.split()
    while len(tokens) > 1:
        one = tokens[0].rstrip(".").casefold()
        two = " ".join(tokens[:2]).rstrip(".").casefold()
        if len(tokens) > 2 and two in r.titles:
            tokens = tokens[2:]
        elif one in r.titles or one in r.leading:
            tokens = tokens[1:]
        else:
            break
    return " ".join(tokens)


def speaker_name(text: str | None) -> str:
    """The name in a speaker mention, as written: "Mr. Kyrylo Budanov, head of …" -> "Kyrylo Budanov"."""
    if not text:
        return ""
    name = _clean(_RELATIVE.sub("", text))
    parts = [_clean(p) for p in name.split(",")]
    parts = [p for p in parts if p]
    is_list = any(re.match(r"(?:and|or)\b", p, re.IGNORECASE) for p in parts[1:])
    if len(parts) > 1 and not is_list:
        named = [p for p in parts if is_proper_name(_strip_front(p))]
        name = named[0] if named else parts[0]
    return _strip_front(_clean(name))


def speaker_key(text: str | None) -> str:
    """What every spelling of one speaker shares: the name, case-folded."""
    return speaker_name(text).casefold()


_DETERMINERS = frozenset({"the", "this", "that", "its", "his", "her", "their", "our"})


def is_back_reference(text: str | None) -> bool:
    """"he", "the same source", "the military", "the spy agency" …: a speaker named
    earlier, not a name of its own. A lower-case noun phrase ending in a word that points
    back (attribution.toml's back_reference_heads) means whoever the text named before;
    listed as a speaker, one perspective given to it would follow every page's "military"."""
    cleaned = _clean(text or "")
    if cleaned.casefold() in rules().back_references:
        return True
    words = cleaned.split()
    return 0 < len(words) <= 3 and all(w[:1].islower() for w in words) and (
        len(words) == 1 or words[0] in _DETERMINERS) and \
        words[-1] in attribution_rules().back_reference_heads


def is_listed_speaker(text: str | None) -> bool:
    """Whether a mention belongs in the speaker list (not a back-reference, not excluded)."""
    key = speaker_key(text)
    return bool(key) and not is_back_reference(text) and key not in rules().not_speakers


class BookLookup:
    """The speaker book as {key: (name, perspective key)}, answering "whose is this mention?"."""

    def __init__(self, entries: dict[str, tuple[str, str]]) -> None:
        self.entries = entries
        # names a longer mention may end in: a person's or body's, not a list of them
        # ("Pyongyang and Moscow" is no "Moscow")
        self._proper = {k: v for k, v in entries.items() if is_proper_name(v[0])
                        and not re.search(r"\s(?:and|&)\s", k)}
        # a common noun written with a capital ("Service", "Ministry") is no surname:
        # "South Korea's National Intelligence Service" is not the Ukrainian service
        # booked as "the Service" (a booked "National Intelligence Service" it still is)
        r = attribution_rules()
        self._common = r.back_reference_heads | r.role_words

    def __bool__(self) -> bool:
        return bool(self.entries)

    def find(self, speaker: str | None, cue: str | None = None) -> tuple[str, str, str] | None:
        """(key, name, perspective) of the book entry this mention belongs to, or None."""
        if not self.entries or not speaker:
            return None
        if is_back_reference(speaker):  # "he": the speaker its cue resolved it to
            return None if not cue or is_back_reference(cue) else self.find(cue)
        key = speaker_key(speaker)
        if key in self.entries:
            return (key, *self.entries[key])
        # a longer mention ending in a booked proper name: "... Antony Blinken"
        longer = [k for k in self._proper if " " in k and key.endswith(" " + k)]
        if longer:
            best = max(longer, key=len)
            return (best, *self.entries[best])
        # a bare surname that belongs to one booked name only: "Budanov"
        if " " not in key and key not in self._common and is_proper_name(speaker_name(speaker)):
            owners = [k for k in self._proper if k.split()[-1] == key]
            if len(owners) == 1:
                return (owners[0], *self.entries[owners[0]])
        # a full name whose surname alone is booked: "Kyrylo Budanov" -> "Budanov"
        if " " in key and is_proper_name(speaker_name(speaker)):
            last = key.split()[-1]
            if last in self._proper and last not in self._common:
                return (last, *self.entries[last])
        return None


class _Statement(Protocol):
    start: int
    end: int
    speaker: str | None
    cue: str | None


def book_hits(found: Sequence[_Statement], book: BookLookup) -> list[tuple[str, str, str] | None]:
    """The book entry each statement (in text order) belongs to, or None.

    A back-reference ("he") whose cue names nobody in the book belongs to the speaker
    of the statement just before it, when that one is named and near.
    """
    out: list[tuple[str, str, str] | None] = []
    last: tuple[int, tuple[str, str, str] | None] | None = None
    for s in found:
        hit = book.find(s.speaker, s.cue) if book else None
        if is_back_reference(s.speaker):
            if hit is None and last is not None and s.start - last[0] <= BACK_REFERENCE_REACH:
                hit = last[1]
        elif s.speaker:
            last = (s.end, hit)
        if last is not None and is_back_reference(s.speaker):
            last = (s.end, last[1])
        out.append(hit)
    return out
