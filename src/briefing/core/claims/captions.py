"""Broadcast sound bites: a caption line naming who speaks ("[토니 블링컨 / 미국 국무장관]",
"СИНХРОН: Дмитрий Песков, пресс-секретарь президента РФ") and under it the quoted words.

A TV news transcript puts the speaker on a line of its own, then what they said as a
quotation with no reporting verb. Each sentence of the quoted lines right under the
caption is the captioned speaker's, with the side their name and title name (data per
language: `captions`, a regex with group `who`).
"""

from __future__ import annotations

import re
from typing import Protocol

from briefing.core.claims.interviews import independent
from briefing.core.claims.script_rules import Rules, opens_line
from briefing.core.models import Suggestion

_OPENING = ("“", "\"", "«", "„", "「")
_LABELS = ("【", "[")  # a transcript's section labels ("【解说】", "[앵커]")
_STOPS = (".", "!", "?", "…", "。", "！", "？", "”", "\"", "»", "」")


class _Sides(Protocol):
    def perspectives(self, span: str) -> tuple[list[str], str | None]: ...


class Captions:
    """Reads a transcript line by line; `see` gives the captioned speaker of a quoted line."""

    def __init__(self, rules: Rules, sides: _Sides) -> None:
        self.rules = rules
        self.sides = sides
        self.rx = [re.compile(p) for p in rules.captions]
        self.headings = [re.compile(p) for p in rules.speech_headings]
        self.inline = [re.compile(p) for p in rules.inline_captions]
        self.current: Suggestion | None = None
        self.speech = False  # under a speech heading: unquoted lines are the speaker's too

    def see(self, text: str, start: int, end: int) -> tuple[bool, Suggestion | None]:
        """(whether text[start:end] is a caption line, the speaker of its quotation)."""
        if not (self.rx or self.headings or self.inline) or not opens_line(text, start):
            return False, self.current
        line_end = text.find("\n", start)
        line = text[start:line_end if line_end >= 0 else len(text)].strip()
        for rx in self.headings:
            m = rx.match(line)
            if m is not None:  # "[질의응답]": a heading with no side ends the speech
                self._caption(m.group("who").strip(), start)
                self.speech = bool(self.current and self.current.perspectives)
                if not self.speech:
                    self.current = None
                return True, None
        for rx in self.rx:
            m = rx.match(line)
            if m is not None:
                self._caption(m.group("who").strip(), start)
                self.speech = False
                return True, None
        for rx in self.inline:  # "[녹취] 이름/직함 : \"…\"": this line is the bite
            m = rx.match(line)
            if m is not None:
                self._caption(m.group("who").strip(), start)
                self.speech = False
                return False, self.current
        if self.speech and (not line.endswith(_STOPS) or line.startswith(_LABELS)):
            # a line that is no sentence, or a new section label ("【解说】…"): it ended
            self.current, self.speech = None, False
        if not line.startswith(_OPENING) and not self.speech:
            self.current = None  # the reporter's narration: the sound bite has ended
        return False, self.current

    def _caption(self, who: str, start: int) -> None:
        keys, cue = self.sides.perspectives(who)
        if independent(self.rules, who):
            keys, cue = [], None
        self.current = Suggestion(start, start, who, keys, cue, who, "")
