"""A figure in the headline a reference entry cites: the headline's source's figure.

A paper's notes cite news stories by their headlines, and the headline often states a figure
with its source ('Yonhap, "NIS: about 2,000 N. Korean troops killed in Russia", 30 April
2025.', 'Reuters, "North Korea sent 13,000 containers of munitions to Russia, South Korea
says", 4 September 2024.'). The entry is a reference, not a statement; the figure it quotes
is still the source's, to compare with the others. The source is named before a colon at the
headline's start, before "says"/"said" at its start ('"NIS says N. Korea sent over 20,000
containers..."'), after a colon at its end, or with "says"/"said" at its end. A source that names no side ("defense ministry") is the side
of the outlet the entry cites, when that is a national outlet ("Yonhap News Agency").
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"[\"“](?P<h>[^\"“”]{12,240}?)[,.]?[\"”]")
_LEAD = re.compile(r"(?P<who>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,5}?)\s*:\s+\S")
_SAYS_LEAD = re.compile(r"(?P<who>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,4}?)\s+(?:says|said|claims|"
                        r"reports|estimates)\s+\S")
_TAIL = re.compile(r"(?::\s+(?P<colon>[\w.'’&-]+(?:\s+[\w.'’&-]+){0,5})|,\s+(?P<says>[A-Z][\w.'’&-]*"
                   r"(?:\s+[\w.'’&-]+){0,5}?)\s+(?:says|said|claims|reports|estimates))\s*$")


def headline_source(sentence: str) -> tuple[str, int] | None:
    """(who, offset in the sentence) of the source a quoted headline names, or None."""
    m = _QUOTED.search(sentence)
    if m is None:
        return None
    head = m.group("h")
    lead = _LEAD.match(head) or _SAYS_LEAD.match(head)
    if lead is not None:
        return lead.group("who"), m.start("h")
    tail = _TAIL.search(head)
    if tail is not None:
        group = "colon" if tail.group("colon") else "says"
        return tail.group(group), m.start("h") + tail.start(group)
    return None


# The outlet an entry cites, outside the headline's quotes: 'Yonhap News Agency (2025),
# "..."' or '"...," Yonhap News Agency, February 18, 2025.'
_OUTLET_AFTER = re.compile(r"[\s,.]*(?P<o>[A-Z][^,.;:()\d]{1,60}?)\s*(?:[,.;(]|$)")
_OUTLET_BEFORE = re.compile(r"(?P<o>[A-Z][^,.;:()\d\"“]{1,60}?)\s*(?:\(\d{4}[a-z]?\))?[,.:]?\s*$")


def headline_outlet(sentence: str) -> tuple[str, int] | None:
    """(outlet, offset in the sentence) of the outlet a reference entry cites, or None. A
    headline's bare body ("...to Russia: defense ministry") is the outlet's country's body
    when the outlet is a national one (Yonhap, TASS): the caller asks the outlet's side."""
    m = _QUOTED.search(sentence)
    if m is None:
        return None
    before = _OUTLET_BEFORE.search(sentence, 0, m.start())
    if before is not None:
        return before.group("o"), before.start("o")
    after = _OUTLET_AFTER.match(sentence, m.end())
    if after is not None:
        return after.group("o"), after.start("o")
    return None


# A key-figures list item: a figure, a colon, what it counts, and its source at the end
# ("11,000: North Korean troops in the first wave (NIS)", "15,000: troops sent since
# October, per South Korea's NIS", "more than 70 percent: share of ..., according to U.S.
# officials").
_KEY_FIGURE = re.compile(
    r"\W*(?:(?:about|around|some|nearly|almost|over|more\s+than|up\s+to|at\s+least|roughly|"
    r"approximately|fewer\s+than|less\s+than)\s+)?[$€£₩~]?\d[\d,.]*(?:\s*[–-]\s*[$€£₩]?\d[\d,.]*)?"
    r"\s*(?:million|billion|trillion|bn|m|k|percent|per\s+cent|%)?\s*:\s+\S", re.IGNORECASE)
_KEY_SOURCE = re.compile(r"(?:\((?:source:\s*|via\s+|per\s+)?(?P<paren>[A-Z][^()]{1,60})\)|"
                         r",\s+(?:also\s+)?(?:per|according\s+to|says|said)\s+"
                         r"(?P<per>[^,;()]{2,60}?))\W*$", re.IGNORECASE)


def key_figure_source(sentence: str) -> tuple[str, int] | None:
    """(who, offset) of the source a key-figures list item names at its end, or None when
    the line is no such item."""
    if _KEY_FIGURE.match(sentence) is None:
        return None
    m = _KEY_SOURCE.search(sentence)
    if m is None:
        return None
    group = "paren" if m.group("paren") else "per"
    return m.group(group).strip(), m.start(group)
