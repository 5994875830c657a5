"""What a figure of things counts: made, sent or held (numeric.toml [aspect]).

"Russia's own annual production at 2.9m shells" and "shipments have reached 2.8m shells a
year" both count shells, but one is what Russia makes in a year and the other what North
Korea sends it: lined up in one comparison row they would read as two sources disagreeing.
The word for the aspect in the figure's clause (nearest before it, or right after its noun)
goes into the subject ("yearly production of Russian shells", "yearly supplies of North
Korean shells"), with the counted noun still its last word. A supply whose clause names no
side is the supplier's, named before it in the paragraph ("The dictatorship is already a big
supplier of arms to Russia. ... shipments have reached 2.8m shells a year").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.claims.cues import normalise
from briefing.core.claims.numeric_rules import NumericRules
from briefing.core.claims.numeric_words import (
    counted_side,
    nearest_nationality,
    read_noun,
    stat_line_noun,
)
from briefing.core.resources import resource

_BACK = 90  # characters of the figure's clause searched before it for the aspect word
_PARAGRAPH_BACK = 1000  # characters searched before the sentence for a supply's supplier
_CLAUSE_CUT = re.compile(r"[;:,()]|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
_SUPPLIES = "supplies"


@dataclass(frozen=True)
class AspectRules:
    units: frozenset[str]
    word_rx: re.Pattern[str] | None  # an aspect word (group = the word)
    aspects: dict[str, str]  # word -> aspect ("shipments" -> "supplies")
    receipt: frozenset[str]  # words said from the recipient's side ("received")
    periods: dict[str, str]  # "annual" -> "yearly"


@lru_cache(maxsize=1)
def aspect_rules() -> AspectRules:
    """The [aspect] section of numeric.toml, parsed once."""
    data = tomllib.loads(resource("claims", "numeric.toml").read_text(encoding="utf-8"))
    section = data.get("aspect", {})
    aspects = {w.lower(): name for name, words in section.get("words", {}).items()
               for w in words}
    received = {w.lower(): name for name, words in section.get("receipt", {}).items()
                for w in words}
    aspects.update(received)
    ordered = sorted(aspects, key=len, reverse=True)
    rx = re.compile(r"(?<![\w'-])(" + "|".join(re.escape(w) for w in ordered) + r")(?![\w'-])",
                    re.IGNORECASE) if ordered else None
    return AspectRules(units=frozenset(section.get("units", [])), word_rx=rx, aspects=aspects,
                       receipt=frozenset(received),
                       periods={k.lower(): v for k, v in section.get("periods", {}).items()})


def _aspect_word(rules: AspectRules, norm: str, start: int, after: int) -> re.Match[str] | None:
    """The aspect word right after the figure's noun ending at `after` ("5 million shells
    produced"), else the
    nearest one before the figure in its own clause."""
    assert rules.word_rx is not None
    tail = _CLAUSE_CUT.split(norm[after:after + 30], maxsplit=1)[0]
    if tail:
        m = rules.word_rx.search(re.split(r"[.]", tail, maxsplit=1)[0])
        if m is not None:
            return m
    lead = norm[max(0, start - _BACK):start]
    cuts = list(_CLAUSE_CUT.finditer(lead))
    lead = lead[cuts[-1].end():] if cuts else lead
    found = list(rules.word_rx.finditer(lead))
    return found[-1] if found else None


def counted_aspect(rules: NumericRules, text: str, base: int, norm: str, start: int,
                   after: int, unit: str, nationality: str | None, subject: str) -> str:
    """The subject of a figure of `unit` at norm[start:after] (norm is text[base:...]):
    "{nationality} {subject}", with the aspect the clause names ("production of Russian
    shells") and its period ("annual production": "yearly ...")."""
    own = f"{nationality} {subject}" if nationality else subject
    aspects = aspect_rules()
    if unit not in aspects.units or aspects.word_rx is None or nationality == "":
        return own  # "": the subject is carried from the figure before, aspect and all
    noun = read_noun(rules, norm, after, len(norm)) or stat_line_noun(
        rules, norm, start, after, len(norm))
    m = _aspect_word(aspects, norm, start, noun[3] if noun is not None else after)
    if m is None:
        return own
    word = m.group(1).lower()
    aspect = aspects.aspects[word]
    recipient = nearest_nationality(rules, m.string, 0, m.start()) \
        if word in aspects.receipt else None  # "Russia has received 5 million shells"
    if nationality is not None and nationality == recipient:
        nationality = None
    if aspect == _SUPPLIES and nationality is None:
        nationality = _supplier(rules, text, base + start, recipient)
        own = f"{nationality} {subject}" if nationality else subject
    label = f"{aspect} of {own}"
    prior = re.search(r"([\w-]+)\s+$", m.string[:m.start()])  # "annual production"
    period = aspects.periods.get(prior.group(1).lower()) if prior else None
    return f"{period} {label}" if period else label


def _supplier(rules: NumericRules, text: str, pos: int, recipient: str | None) -> str | None:
    """Who supplies: the side named nearest before the sentence at `pos` in its paragraph,
    not a place or recipient ("supplier of arms to Russia", the `recipient` named with the
    figure), nor a side stating a figure."""
    sentence = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    if sentence < 0:
        return None
    paragraph = text.rfind("\n", max(0, sentence - _PARAGRAPH_BACK), sentence) + 1
    passage = normalise(text[max(paragraph, sentence - _PARAGRAPH_BACK):sentence + 1])
    stop = len(passage)
    while True:
        side = counted_side(rules, passage, 0, stop)
        if side is None or side != recipient:
            return side
        stop = [m for m in rules.nationality_rx.finditer(passage, 0, stop)
                if rules.nationality.get(m.group().lower()) == side][-1].start()
