"""Who a statement is attributed to (Speaker), and what earlier sentences established
(Context): the values the attribution modules pass between them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Sided(Protocol):
    """Anything that knows a side: a Speaker, a resolved transcript Turn."""

    perspectives: list[str]
    cue: str | None


@dataclass
class Speaker:
    """Who a statement is attributed to, and the perspectives that follow from it."""

    text: str
    perspectives: list[str]
    cue: str | None
    verb: str
    start: int = 0  # offsets in the full text
    end: int = 0

    @classmethod
    def like(cls, source: Sided, text: str, verb: str, start: int = 0, end: int = 0) -> Speaker:
        """A speaker named `text` with the side and cue of `source` (another speaker, or a
        transcript turn whose label was resolved)."""
        return cls(text, list(source.perspectives), source.cue, verb, start, end)

    @classmethod
    def of_side(cls, text: str, side: tuple[str, str], verb: str, start: int = 0,
                end: int = 0) -> Speaker:
        """A speaker named `text` for a side found as (perspective key, the words that
        decided it): a publisher's home, an issuer's country."""
        return cls(text, [side[0]], side[1], verb, start, end)

    def again(self, verb: str, start: int, end: int) -> Speaker:
        """The same speaker, with the same side, speaking the text[start:end] (a post's
        next paragraph, a figure its heading cites, a signed quotation)."""
        return self.named(self.text, verb, start, end)

    def named(self, text: str, verb: str, start: int, end: int) -> Speaker:
        """This speaker's side and cue for a mention of it by another name (a
        back-reference, "the ministry", "he") at text[start:end]."""
        return Speaker.like(self, text, verb, start, end)


@dataclass
class Context:
    """What earlier sentences of the same article established (for back-references)."""

    last: Speaker | None = None
    last_paragraph: int = -1
    last_index: int = -10
    names: dict[str, Speaker] = field(default_factory=dict)
    # name or role word -> [(offset, key, cue)], from learn(): the latest before a sentence wins
    placed: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    # (sentence index, speaker) of every speaker with a side, oldest first
    history: list[tuple[int, Speaker]] = field(default_factory=list)
    section: int = -1  # sentence index of the latest heading that named a side
    section_speaker: Speaker | None = None
    # the two (or more) sides of the latest meeting or call ("X spoke with Y"), and the
    # sentence index that named them: "the two leaders", "both sides" are they
    parties: list[Speaker] = field(default_factory=list)
    parties_index: int = -1
    # (sentence index, speaker) of every speaker remembered, with a side or none: who
    # "the same scholar" may mean
    recent: list[tuple[int, Speaker]] = field(default_factory=list)

    def remember(self, speaker: Speaker, paragraph: int, index: int) -> None:
        """`speaker` is who spoke last, in sentence `index` of paragraph `paragraph`: the one
        a later "he said", "the ministry" or unattributed quotation may mean."""
        self.last, self.last_paragraph, self.last_index = speaker, paragraph, index
        self.recent.append((index, speaker))
